"""Rule cases (tests/fixtures/rules/RULE.yaml): inline articles, an optional configuration and
the exact findings a rule must give. The tests run every case; the rule pages show the cases
marked `docs: flags` and `docs: passes` with what the checker reports on them."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from checker import engine
from checker.config import Source, parse_settings
from checker.findings import Finding
from checker.rules import RULES
from claims.extract.pipeline import extract_corpus
from claims.models import Article
from claims.reading import make_article

# In the repository (the cases are test fixtures; an installed package has none).
CASE_FOLDER = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "rules"
METADATA = ("title", "outlet", "author")


@cache
def case_file(rule: str) -> dict:
    """RULE.yaml's contents ({} when there is none)."""
    path = CASE_FOLDER / f"{rule}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}


def articles_of(case: dict) -> list[Article]:
    return [make_article(entry["id"], entry["body"], f"{entry['id']}.md", published=entry.get("published"),
                         **{key: entry.get(key) for key in METADATA})
            for entry in case["articles"]]


def run_case(rule: str, case: dict) -> list[Finding]:
    """The findings of `rule` alone on the case's articles, with the case's configuration."""
    settings = parse_settings(case.get("config") or {}, Source(CASE_FOLDER / f"{rule}.yaml", ""))
    settings = settings.model_copy(update={"rules": {other: other == rule for other in RULES}})
    articles = articles_of(case)
    extraction = extract_corpus(articles, settings.work_config(), 1, None, engine.reads_spellings(settings))
    return engine.find_conflicts(extraction.claims, articles, extraction.lexicon, settings, None,
                                 extraction.spellings, impossible_dates=extraction.impossible_dates)


def summary(finding: Finding) -> dict:
    """A finding as a case lists it: severity, work, season, event and articles."""
    subject = finding.subject
    return {"severity": finding.severity.value, "work": subject.work if subject else None,
            "season": subject.season if subject else None, "event": finding.event,
            "articles": sorted(finding.articles)}


def docs_case(rule: str, mark: str) -> dict | None:
    """The case marked `docs: flags` or `docs: passes` for the rule's page."""
    return next((case for case in case_file(rule).get("cases", []) if case.get("docs") == mark), None)
