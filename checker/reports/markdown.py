"""The check report as GitHub Markdown, for a pull-request comment (`--format markdown`).

Article text is untrusted: everywhere it appears it is put on one line and every character
that Markdown or HTML would read as markup is escaped, so a headline cannot inject a link,
a script, a table cell or a mention; links are only written for http(s) URLs.
"""
from __future__ import annotations

from typing import Mapping

import re
from urllib.parse import quote, urlsplit

from checker.report import Report
from checker.findings import Finding
from checker.reports.labels import plural, severity_counts, source_label, work_label
from checker.reports.locations import locate
from checker.reports.text import clean, excerpt
from claims.models import Article

# Inline Markdown: emphasis, code, links and images (no "[", no link), table cells,
# strikethrough, math, a heading's closing "#", and the backslash itself. "&", "<" and ">"
# become entities, so no HTML, entity or autolink gets through.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~$#])")
HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Kept as they are in a link's URL; everything else (spaces, brackets, quotes) is encoded.
URL_SAFE = "/:?#@!$&*+,;=%~"
# GitHub refuses comments longer than 65,536 characters; stop listing findings well before.
MAX_CHARS = 60_000
QUOTE_WIDTH = 200
QUOTE_MARKS = "\"'“”‘’ "


def escape(text: str | None) -> str:
    """Article-derived text as inert Markdown on one line."""
    text = clean(text)
    text = "".join(HTML_ENTITIES.get(char, char) for char in text)
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # A zero-width space after "@" keeps "@someone" in an article from notifying a user.
    return text.replace("@", "@\u200b")


def safe_url(url: str | None) -> str | None:
    """An http(s) URL ready for a Markdown link, or None for anything else."""
    url = clean(url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=URL_SAFE)


def render(report: Report) -> str:
    findings = report.findings
    title = (f"## checker: {plural(len(findings), 'finding')} ({severity_counts(findings)})"
             if findings else "## checker: no findings")
    lines = [title, "", counts_line(report)]
    articles = report.article_by_id
    size = sum(len(line) + 1 for line in lines)
    for number, finding in enumerate(findings):
        block = finding_block(finding, articles)
        size += len(block) + 2
        if size > MAX_CHARS:
            rest = len(findings) - number
            lines += ["", f"… and {plural(rest, 'more finding')}: run `checker check --format json` "
                          "for all of them."]
            break
        lines += ["", block]
    return "\n".join(lines)


def counts_line(report: Report) -> str:
    undated = len(report.undated)
    parts = [plural(len(report.articles), "article") + (f" ({undated} undated)" if undated else ""),
             plural(len(report.claims), "claim")]
    if report.problems:
        parts.append(f"{plural(len(report.problems), 'input')} could not be read")
    return " · ".join(parts)


def finding_block(finding: Finding, articles: Mapping[str, Article]) -> str:
    """A heading (severity, rule, work and event), the message, then a quote per evidence."""
    about = escape(work_label(finding.subject))
    if finding.event:
        about += f" ({finding.event})" if about else finding.event
    heading = f"### {finding.id} · {finding.severity.value} · `{finding.rule}`"
    lines = [heading + (f" · {about}" if about else ""), "", escape(finding.message)]
    if finding.evidence:
        lines.append("")
    for citation in finding.evidence:
        article = articles.get(citation.article)
        # Our quotation marks replace the evidence's own, which would double them.
        quote_text = f"“{escape(excerpt(citation.text.strip(QUOTE_MARKS), QUOTE_WIDTH))}”"
        lines.append(f"- {quote_text} — {source_link(citation.article, article, articles)}"
                     + where(article, citation.start, citation.end))
    return "\n".join(lines)


def source_link(article_id: str, article: Article | None, articles: Mapping[str, Article]) -> str:
    label = escape(source_label(article_id, articles))
    url = safe_url(article.url) if article else None
    return f"[{label}]({url})" if url else label


def where(article: Article | None, start: int, end: int) -> str:
    """ ", articles/x.md:12": the file and line of the evidence, when it came from a file."""
    span = locate(article, start, end) if article else None
    return f", {escape(span.path)}:{span.start_line}" if span else ""
