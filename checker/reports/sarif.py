"""The check report as SARIF 2.1.0 (`--format sarif`), for code-scanning tools.

One run; each finding is a result located at every piece of its evidence: the article's
file, lines and columns counted in code points (run.columnKind), so a viewer can open
the article at the sentence. Articles from a JSON Lines corpus are located at their line;
an article that was not read from a file is named by a logical location only.

Article text is untrusted: messages carry a `markdown` form escaped as the Markdown report
escapes, and "<", ">" and "&" are written as JSON escapes, so a viewer that pastes the log
into HTML gets no markup from it.
"""
from __future__ import annotations

from typing import Mapping

import json
from importlib import metadata
from pathlib import Path

from checker.report import Report
from checker.findings import Citation, Finding, Severity
from checker.reports.labels import source_label
from checker.reports.markdown import escape as markdown_escape
from checker.reports.locations import Span, display_path, locate, path_uri
from checker.rules import RULES
from checker.rules.base import Rule
from claims.models import Article
from claims.reading import ReadProblem

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# Relative artifact URIs resolve against the folder the check ran in.
SOURCE_ROOT = "%SRCROOT%"


def tool_version() -> str:
    try:
        return metadata.version("checker")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def render(report: Report) -> str:
    rules = list(RULES.values())
    rule_index = {rule.id: number for number, rule in enumerate(rules)}
    articles = report.article_by_id
    run = {
        "tool": {"driver": {"name": "checker", "version": tool_version(),
                            "rules": [rule_descriptor(rule) for rule in rules]}},
        "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not report.problems,
                         "toolExecutionNotifications": [notification(p) for p in report.problems]}],
        "results": [result(finding, rule_index, articles) for finding in report.findings],
    }
    # ASCII only, as in the JSON report: no control character reaches a terminal.
    log = json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2)
    return log.translate(HTML_SAFE)


# These only ever occur inside JSON strings, where their \u escapes mean the same.
HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def message(text: str) -> dict:
    return {"text": text, "markdown": markdown_escape(text)}


def rule_descriptor(rule: Rule) -> dict:
    """A rule's id, summary and documentation: its docstring's Why, Flags, Passes and Fix."""
    sections = rule.sections
    help_text = "\n\n".join(f"{label}: {sections[label]}"
                            for label in ("Why", "Flags", "Passes", "Fix") if label in sections)
    return {
        "id": rule.id,
        "name": "".join(word.capitalize() for word in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": sections.get("What") or rule.summary},
        "help": {"text": help_text or rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def result(finding: Finding, rule_index: dict[str, int], articles: Mapping[str, Article]) -> dict:
    found: dict[str, str | int] = {"ruleId": finding.rule}
    if finding.rule in rule_index:
        found["ruleIndex"] = rule_index[finding.rule]
    subject = finding.subject
    return found | {
        "level": LEVELS[finding.severity],
        "message": message(finding.message),
        "locations": [location(citation, articles) for citation in finding.evidence],
        "partialFingerprints": {"checker/v1": finding.fingerprint},
        "properties": {"id": finding.id, "work": subject.work if subject else None,
                       "season": subject.season if subject else None, "event": finding.event,
                       "articles": finding.articles, "claims": finding.claims},
    }


def location(citation: Citation, articles: Mapping[str, Article]) -> dict:
    """Where one piece of evidence is: the file region, the article, and what it says."""
    article = articles.get(citation.article)
    place = {
        "message": message(f"{source_label(citation.article, articles)}: \u201c{citation.text}\u201d"),
        "logicalLocations": [{"name": citation.article, "kind": "article"}],
    }
    span = locate(article, citation.start, citation.end) if article else None
    if span:
        place["physicalLocation"] = {"artifactLocation": artifact(span.path), "region": region(span)}
    return place


def artifact(path: str) -> dict:
    uri = path_uri(path)
    return {"uri": uri} if uri.startswith("file:") else {"uri": uri, "uriBaseId": SOURCE_ROOT}


def region(span: Span) -> dict:
    lines = {"startLine": span.start_line, "endLine": span.end_line}
    if span.start_column is None:
        return lines
    return lines | {"startColumn": span.start_column, "endColumn": span.end_column}


def notification(problem: ReadProblem) -> dict:
    """An input that could not be read, where it is known which file and line."""
    place = {"artifactLocation": artifact(display_path(problem.path))}
    if problem.line:
        place["region"] = {"startLine": problem.line}
    return {"level": "error", "message": {"text": problem.message},
            "locations": [{"physicalLocation": place}]}
