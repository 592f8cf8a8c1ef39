"""The temporal tagger against tests/cases/timex.yaml and the examples in patterns.yaml."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claims.extract.temporal import find_timexes, load, normalize, parse_published

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "timex.yaml").read_text(encoding="utf-8"))


def _main(text: str, published, tense, convention):
    found = find_timexes(text, published, tense, convention=convention)
    if not found:
        return None
    return max(found, key=lambda t: (t.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"), t.end - t.start))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_timex(case):
    published = parse_published(str(case["published"])) if case.get("published") else None
    found = _main(case["text"], published, case.get("tense"), case.get("convention", "claims"))
    if case["value"] is None:
        assert found is None, found
        return
    assert found is not None, "nothing found"
    assert (found.value, found.mod) == (case["value"], case.get("mod")), found
    assert found.type == case.get("type", "DATE"), found
    assert case["text"][found.start:found.end] == found.text
    if "span" in case:
        assert found.text == case["span"]
    if "inferred" in case:
        assert found.year_inferred == case["inferred"]


EXAMPLES = [(spec["name"], ex) for spec in load("patterns") for ex in spec.get("examples", [])]


@pytest.mark.parametrize("name,example", EXAMPLES, ids=[f"{n}:{e['text']}" for n, e in EXAMPLES])
def test_pattern_example(name, example):
    published = parse_published(str(example["published"]))
    assert normalize(example["text"], published, example.get("tense")) == (example["value"], example.get("mod"))


def test_results_sorted_and_disjoint():
    text = "It wrapped last March, returns in early 2018 and streams every week from now on."
    found = find_timexes(text, parse_published("2016-05"))
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
