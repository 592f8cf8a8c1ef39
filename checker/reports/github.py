"""The check report as GitHub Actions workflow commands (`--format github`): one line per
finding, which the Actions runner turns into an annotation on the article's file and line.

  ::error file=articles/x.md,line=12,col=1,endLine=12,endColumn=57,title=mixed-tense::...

Escaping as the runner reads it: "%", CR and LF in the message; in a property also ":" and
",". Every line is one command, so article text cannot start a command of its own.
"""
from __future__ import annotations

from typing import Mapping

from checker.report import Report
from checker.findings import Finding, Severity
from checker.reports.locations import Span, locate
from checker.reports.text import UNSAFE
from claims.models import Article

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def without_controls(text: str) -> str:
    """Terminal escapes and other controls dropped; CR and LF kept for escaping."""
    return UNSAFE.sub(lambda m: m.group() if m.group() in "\r\n" else "", text)


def escape_data(text: str) -> str:
    return (without_controls(text).replace("%", "%25").replace("\r", "%0D")
            .replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    articles = report.article_by_id
    return "\n".join(command(finding, articles) for finding in report.findings)


def first_span(finding: Finding, articles: Mapping[str, Article]) -> Span | None:
    """The first piece of evidence that lies in a file: an annotation has one place."""
    for citation in finding.evidence:
        article = articles.get(citation.article)
        span = locate(article, citation.start, citation.end) if article else None
        if span:
            return span
    return None


def command(finding: Finding, articles: Mapping[str, Article]) -> str:
    properties: dict[str, object] = {}
    span = first_span(finding, articles)
    if span:
        # Columns only within one line: the runner refuses them across lines. The end
        # column is the one just past the evidence, as in the SARIF report.
        one_line = span.start_column is not None and span.start_line == span.end_line
        properties["file"], properties["line"] = span.path, span.start_line
        if one_line:
            properties["col"] = span.start_column
        properties["endLine"] = span.end_line
        if one_line:
            properties["endColumn"] = span.end_column
    properties["title"] = finding.rule
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {listed}::{escape_data(finding.message)}"
