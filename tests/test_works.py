"""Title finding against tests/cases/works.yaml: which works a short text teaches, and where.

Works are learned from the texts themselves (works.learn_works), so each row gives its
titles a cue; `not_works` lists names the learner must pass over.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claims.extract import boilerplate, events
from claims.extract.sentences import split_sentences
from claims.extract.works import find_mentions, fold_title, learn_works
from claims.reading import make_article

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "works.yaml").read_text(encoding="utf-8"))
HEADLINE = "Entertainment Roundup"
OUTLET = "Example Screen News"


def lexicon_of(case: dict):
    headline = case.get("headline", HEADLINE)
    body = f"{headline}\n\n{case['text']}"
    article = make_article(f"case-{case['name']}", body, f"{case['name']}.md",
                           published="2016-05", title=headline, outlet=OUTLET)
    sentences = split_sentences(body, boilerplate.skipped_lines(article))
    pattern, _ = events.trigger_table()
    documents = [(body, [(s.start, s.end, s.text, s.headline) for s in sentences])]
    return learn_works(documents, pattern, {fold_title(OUTLET)}), body, sentences


def params():
    return [pytest.param(case, id=case["name"],
                         marks=[pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else [])
            for case in CASES]


def test_case_names_unique():
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("case", params())
def test_works(case):
    lexicon, body, sentences = lexicon_of(case)
    learned = set(lexicon.titles)
    wanted = {fold_title(title) for title in case.get("works", [])}
    assert wanted <= learned, f"missing {wanted - learned}; learned {sorted(learned)}"
    if case.get("exact"):
        assert learned == wanted, f"also learned {sorted(learned - wanted)}"
    for name in case.get("not_works", []):
        assert fold_title(str(name)) not in learned, f"{name!r} learned as a work: {sorted(learned)}"
    for key, title in case.get("display", {}).items():
        assert lexicon.display(key) == title
    if "mentions" in case:
        body_sentences = [s for s in sentences if not s.headline]
        found = [(m.work, m.season) for s in body_sentences
                 for m in find_mentions(s.text, s.start, lexicon)]
        assert found == [(fold_title(w), season) for w, season in case["mentions"]], found
        for s in body_sentences:
            for mention in find_mentions(s.text, s.start, lexicon):
                assert s.start <= mention.start < mention.end <= s.end
