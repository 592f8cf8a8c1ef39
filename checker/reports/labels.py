"""How every format names a finding's parts: its sources, its work, the severity counts.

The text is raw article-derived text; each format makes it safe in its own way.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping

from checker.findings import SEVERITY_ORDER, Finding, Severity
from checker.rules import wording
from claims.models import Article, Subject

SEVERITY_NOUNS = {Severity.ERROR: ("error", "errors"), Severity.WARNING: ("warning", "warnings"),
                  Severity.INFO: ("info", "info")}


def source_label(article_id: str, articles: Mapping[str, Article]) -> str:
    """ "WhatCulture (May 2016)", worded as the rules word it in their messages."""
    return wording.source(article_id, articles)


def sources_label(finding: Finding, articles: Mapping[str, Article]) -> str:
    """ "WhatCulture (May 2016) +2": the first source and how many more."""
    if not finding.articles:
        return ""
    more = len(finding.articles) - 1
    return source_label(finding.articles[0], articles) + (f" +{more}" if more else "")


def work_label(subject: Subject | None) -> str:
    """ "Jessica Jones season 2", or "" for a finding about no work."""
    return wording.work(subject) if subject else ""


def severity_counts(findings: Iterable[Finding]) -> str:
    """ "1 error, 2 warnings": most severe first, absent severities left out."""
    counts = Counter(finding.severity for finding in findings)
    parts = []
    for severity in reversed(SEVERITY_ORDER):
        if counts[severity]:
            singular, plural = SEVERITY_NOUNS[severity]
            parts.append(f"{counts[severity]} {singular if counts[severity] == 1 else plural}")
    return ", ".join(parts)


def plural(count: int, noun: str) -> str:
    """ "1 article", "3 articles"."""
    return f"{count} {noun}{'s' * (count != 1)}"
