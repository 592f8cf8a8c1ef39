"""Each rule against its case file, tests/fixtures/rules/RULE.yaml (as sqlfluff's rule cases):
inline articles, an optional configuration, and the exact findings the rule must give, one
case at a time with only that rule running. Cases marked `docs: flags` or `docs: passes`
are the examples on the rule's page (`python -m checker.docs`)."""
from __future__ import annotations

import pytest

from checker.rule_cases import CASE_FOLDER, case_file, run_case, summary
from checker.rules import RULES

CASE_FILES = CASE_FOLDER
FINDING_KEYS = ["severity", "work", "season", "event", "articles"]


def all_cases() -> list:
    return [pytest.param(rule, case, id=f"{rule}:{case['name']}")
            for rule in sorted(RULES) for case in case_file(rule).get("cases", [])]


def test_every_rule_has_a_case_file_with_a_case_that_flags_and_one_that_passes():
    assert sorted(path.stem for path in CASE_FILES.glob("*.yaml")) == sorted(RULES)
    for rule in RULES:
        document = case_file(rule)
        assert document["rule"] == rule
        names = [case["name"] for case in document["cases"]]
        assert len(names) == len(set(names)), f"{rule}: two cases share a name"
        assert any(case["findings"] for case in document["cases"]), f"{rule}: no case flags anything"
        assert any(not case["findings"] for case in document["cases"]), f"{rule}: no case passes"
        marked = [case.get("docs") for case in document["cases"] if case.get("docs")]
        assert sorted(set(marked)) == ["flags", "passes"], f"{rule}: mark one case for each of the page's examples"


@pytest.mark.parametrize("rule, case", all_cases())
def test_rule_case(rule, case):
    for finding in case["findings"]:
        assert list(finding) == FINDING_KEYS, f"a case's finding lists exactly {FINDING_KEYS}"
    assert [summary(finding) for finding in run_case(rule, case)] == case["findings"]
