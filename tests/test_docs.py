"""The rule pages under docs/rules/ are what the registry says, and every rule documents itself."""
from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import Field

from checker.docs import expected_pages, render_rule_page, write_rule_pages
from checker.findings import Severity
from checker.rules import RULES
from checker.rules.base import Rule, RuleOptions, Scope

RULE_PAGES = Path(__file__).resolve().parents[1] / "docs" / "rules"
REGENERATE = "the rule pages are out of date: run `python -m checker.docs` and commit docs/rules/"


@pytest.mark.parametrize("name", sorted(expected_pages()))
def test_page_is_generated_text(name):
    page = RULE_PAGES / name
    assert page.is_file(), f"docs/rules/{name} is missing: {REGENERATE}"
    assert page.read_text(encoding="utf-8") == expected_pages()[name], f"docs/rules/{name} differs: {REGENERATE}"


def test_no_page_for_a_rule_that_is_gone():
    stale = sorted({page.name for page in RULE_PAGES.glob("*.md")} - set(expected_pages()))
    assert not stale, f"pages without a rule: {stale}: {REGENERATE}"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_docstring_has_every_section(rule_id):
    sections = RULES[rule_id].sections
    missing = [label for label in ("Why", "Flags", "Passes", "Fix") if not sections.get(label)]
    assert not missing, f"{rule_id}: the module docstring has no {', '.join(missing)} paragraph"


class WindowOptions(RuleOptions):
    min_gap_days: int = Field(default=0, description="days | apart before times conflict")
    # Which events are compared: a comment above a field
    # documents it.
    events: list[str] = ["release"]
    strict: bool = False


WINDOW = Rule(id="window", severity=Severity.WARNING, summary="Two times too far apart.",
              scope=Scope.CORPUS, check=lambda claims, corpus, options: [],
              options=WindowOptions, doc="""Two times are too far apart.

Why: one of them is wrong.
Flags: "in May" beside
"in June".
Passes: "in 2017" beside "in May 2017".
Fix: correct the older article.
""")


def test_page_shows_sections_and_options():
    page = render_rule_page(WINDOW)
    assert "# window\n\nTwo times are too far apart.\n" in page
    assert "| default severity | warning |" in page
    assert "## Flagged\n\n\"in May\" beside \"in June\".\n" in page    # joined lines
    assert "| `min-gap-days` | `int` | `0` | days \\| apart before times conflict |" in page
    assert "| `events` | `list[str]` | `['release']` | Which events are compared: a comment above a field documents it. |" in page
    assert "| `strict` | `bool` | `False` |  |" in page
    assert "[tool.checker.options.window]\nmin-gap-days = 0\nevents = [\"release\"]\nstrict = false\n" in page


def test_write_removes_stale_pages_and_keeps_current_ones(tmp_path):
    (tmp_path / "retired-rule.md").write_text("old")
    written = write_rule_pages(tmp_path, {"window": WINDOW})
    assert sorted(path.name for path in written) == ["README.md", "retired-rule.md", "window.md"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["README.md", "window.md"]
    assert "[window](window.md)" in (tmp_path / "README.md").read_text()
    assert write_rule_pages(tmp_path, {"window": WINDOW}) == []


def test_how_it_decides_is_shown_only_when_the_rule_explains_it():
    assert "## How it decides" not in render_rule_page(WINDOW)
    explained = Rule(id="window", severity=Severity.WARNING, summary="Two times too far apart.",
                     scope=Scope.CORPUS, check=WINDOW.check, options=WindowOptions,
                     doc=WINDOW.doc + "How: the gap between the two\ntimes, in days.\n")
    page = render_rule_page(explained)
    assert "## How to fix it\n\nCorrect the older article.\n\n## How it decides\n\nThe gap between the two times, in days.\n" in page
