"""The check report for a terminal (`checker check --format table`): what was read, the
findings under the work they are about, and what the sources claim for those events."""
from __future__ import annotations

import shutil
import textwrap
from collections import defaultdict

from tabulate import tabulate

from checker.report import Report
from checker.findings import Finding
from checker.reports.labels import severity_counts, sources_label, work_label
from checker.reports.text import clean
from checker.rules.wording import time_phrase
from claims.keys import fold_title
from claims.models import Article, Claim

SOURCES_WIDTH = 26
# The last column (a message, the times claimed) takes what the terminal has left beside
# the others, and at least this much.
LAST_COLUMN_MIN_WIDTH = 40
# Past this many rows the timeline stops being a glance; the JSON report has them all.
TIMELINE_ROWS = 15


def render(report: Report) -> str:
    parts = [summary(report)]
    if report.findings:
        width = shutil.get_terminal_size((100, 24)).columns
        parts.append(findings_table(report.findings, report.article_by_id, width))
        timeline = timeline_table(report.claims, report.findings, width)
        if timeline:
            parts.append(timeline)
    return "\n\n".join(parts)


def summary(report: Report) -> str:
    undated = len(report.undated)
    findings = report.findings
    rows = [
        ("articles", f"{len(report.articles)}" + (f" ({undated} undated)" if undated else "")),
        ("claims", str(len(report.claims))),
        ("findings", f"{len(findings)} ({severity_counts(findings)})" if findings else "none"),
    ]
    if report.problems:
        rows.append(("unreadable", f"{len(report.problems)} (listed on stderr)"))
    return tabulate(rows, tablefmt="plain", disable_numparse=True)


def event_key(work: str, season: int | None, event: str | None) -> tuple:
    """How findings and claims are matched up: a series' first season is the series."""
    return fold_title(work), season or 1, event


def findings_table(findings: list[Finding], articles: dict[str, Article], width: int) -> str:
    """One table, so the columns line up across works, with a heading line before each
    work and season; the cells are wrapped here so each row's height is known."""
    # Beside an indent, severity, rule and sources: 2 + 7 + 2 + 14 + 2 + 26 + 2 characters.
    message_width = max(LAST_COLUMN_MIN_WIDTH, width - 55)
    rows: list[tuple[str, str, str, str]] = []
    headings, previous_key = {}, object()
    for finding in findings:
        subject = finding.subject
        key = event_key(subject.work, subject.season, None) if subject else None
        if key != previous_key:
            headings[len(rows)] = clean(work_label(subject)) or "(no work)"
        previous_key = key
        rows.append((finding.severity.value, finding.rule,
                     wrap_source(clean(sources_label(finding, articles))),
                     textwrap.fill(clean(finding.message), message_width)))
    lines = iter(tabulate(rows, tablefmt="plain", disable_numparse=True).splitlines())
    out: list[str] = []
    for number, row in enumerate(rows):
        if number in headings:
            out += ([""] if out else []) + [headings[number]]
        height = max(cell.count("\n") for cell in row) + 1
        out += ["  " + next(lines) for _ in range(height)]
    return "\n".join(out)


def wrap_source(label: str) -> str:
    """A long label breaks before its "(May 2016)", not inside it."""
    if len(label) <= SOURCES_WIDTH:
        return label
    name, _, date = label.rpartition(" (")
    return textwrap.fill(name, SOURCES_WIDTH) + "\n(" + date


def pack(items: list[str], width: int) -> str:
    """Items joined by commas, on as few lines of at most width as fit whole items."""
    lines = [""]
    for item in items:
        if lines[-1] and len(lines[-1]) + len(item) + 2 > width:
            lines[-1] += ","
            lines.append(item)
        else:
            lines[-1] += (", " if lines[-1] else "") + item
    return "\n".join(lines)


def timeline_table(claims: list[Claim], findings: list[Finding], width: int) -> str:
    """Per work, season and event that a finding is about: each time the sources claim,
    with how many articles say it."""
    flagged = {event_key(f.subject.work, f.subject.season, f.event)
               for f in findings if f.subject and f.event}
    times: dict[tuple, dict[tuple, set[str]]] = defaultdict(lambda: defaultdict(set))
    titles: dict[tuple, Claim] = {}
    words: dict[tuple, str] = {}   # a time as an editor reads it: "fall 2016", not "2016-FA"
    for claim in claims:
        key = event_key(claim.subject.work, claim.subject.season, claim.event)
        if key not in flagged or claim.relation is not None or claim.time is None or claim.negated:
            continue
        titles.setdefault(key, claim)
        time = (claim.time.value or "", claim.time.mod or "")
        words.setdefault(time, time_phrase(claim, with_preposition=False))
        times[key][time].add(claim.article)
    rows = []
    # Beside work, season and event: about 45 characters.
    times_width = max(LAST_COLUMN_MIN_WIDTH, width - 45)
    for key, said in sorted(times.items()):
        claimed = [clean(f"{words[time]} ({len(articles)})") for time, articles in
                   sorted(said.items(), key=lambda item: (-len(item[1]), item[0]))]
        subject = titles[key].subject
        rows.append((clean(subject.work), subject.season or "", key[2], pack(claimed, times_width)))
    if not rows:
        return ""
    more = len(rows) - TIMELINE_ROWS
    table = tabulate(rows[:TIMELINE_ROWS], headers=("work", "season", "event", "times claimed (articles)"),
                     tablefmt="simple", disable_numparse=True)
    return table + (f"\n… and {more} more (see --format json)" if more > 0 else "")
