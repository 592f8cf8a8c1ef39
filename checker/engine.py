"""Claims in, findings out: read the articles, extract their claims, look for conflicts.

The rules arrive in a later issue; `find_conflicts` is where they plug in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from claims.extract.pipeline import extract_claims
from claims.models import Article, Claim
from claims.reading import ReadProblem, read_articles


@dataclass
class Report:
    """Everything one run found: what the reports render and the CLI's exit status depends on."""

    articles: list[Article]
    claims: list[Claim]
    problems: list[ReadProblem]
    findings: list = field(default_factory=list)

    @property
    def undated(self) -> list[Article]:
        return [article for article in self.articles if article.published is None]


def find_conflicts(claims: list[Claim], articles: list[Article]) -> list:
    """The findings (CONTRACT §3) among the claims: none until the rules land."""
    return []


def extract(targets: Iterable[str], published: str | None = None) -> Report:
    """Read the articles under the targets and extract their claims (`checker extract`)."""
    articles, problems = read_articles(targets, published)
    return Report(articles=articles, claims=extract_claims(articles), problems=problems)


def check(targets: Iterable[str], published: str | None = None) -> Report:
    """Extract the claims and look for conflicts among them (`checker check`)."""
    report = extract(targets, published)
    report.findings = find_conflicts(report.claims, report.articles)
    return report
