"""The check report for a terminal (`checker check --format table`): what was read, the
findings under the work they are about, and what the sources claim for those events. Both
tables fit the terminal's width: the message and the times wrap, and on a terminal too narrow
for the columns each finding (each event's times) is a block of its own."""
from __future__ import annotations

from typing import Mapping

import textwrap
from collections import defaultdict

from tabulate import tabulate

from checker.report import Report
from checker.findings import Finding
from checker.reports import fit
from checker.reports.labels import severity_counts, sources_label, work_label
from checker.reports.text import clean
from checker.rules.wording import time_phrase
from claims.keys import fold_title
from claims.models import Article, Claim

SOURCES_WIDTH = 26
# The last column (a message, the times claimed) takes what the terminal has left beside
# the others; narrower than this, the rows become blocks.
LAST_COLUMN_MIN_WIDTH = 30
# A work's title wraps to no narrower than this in the timeline.
WORK_MIN_WIDTH = 12
# How far a block's lines are indented under its heading.
INDENT = "  "
# Past this many rows the timeline stops being a glance; the JSON report has them all.
TIMELINE_ROWS = 15


def render(report: Report) -> str:
    parts = [summary(report)]
    if report.findings:
        width = fit.terminal_width()
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
    return fit.table(rows, (), fit.terminal_width(), {1: fit.MIN_VALUE_WIDTH}, tablefmt="plain")


def event_key(work: str, season: int | None, event: str | None) -> tuple:
    """How findings and claims are matched up: a series' first season is the series."""
    return fold_title(work), season or 1, event


def findings_table(findings: list[Finding], articles: Mapping[str, Article], width: int) -> str:
    """One table, so the columns line up across works, with a heading line before each
    work and season; the cells are wrapped here so each row's height is known. The message
    takes the width the other columns leave; when that is too little, each finding is a
    block (`finding_blocks`)."""
    headings, previous_key = {}, object()
    cells: list[tuple[str, str, str, str]] = []
    for finding in findings:
        subject = finding.subject
        key = event_key(subject.work, subject.season, None) if subject else None
        if key != previous_key:
            headings[len(cells)] = clean(work_label(subject)) or "(no work)"
        previous_key = key
        cells.append((finding.severity.value, finding.rule, wrap_source(clean(sources_label(finding, articles))),
                      clean(finding.message)))
    # Beside the indent, the severity, rule and sources columns and their separators.
    beside = len(INDENT) + sum(max(fit.cell_width(row[column]) for row in cells) + 2 for column in range(3))
    message_width = width - beside
    if message_width < LAST_COLUMN_MIN_WIDTH:
        return finding_blocks(cells, headings, width)
    rows = [(*row[:3], textwrap.fill(row[3], message_width)) for row in cells]
    lines = iter(tabulate(rows, tablefmt="plain", disable_numparse=True).splitlines())
    out: list[str] = []
    for number, row in enumerate(rows):
        if number in headings:
            out += ([""] if out else []) + [headings[number]]
        height = max(cell.count("\n") for cell in row) + 1
        out += [INDENT + next(lines) for _ in range(height)]
    return "\n".join(out)


def finding_blocks(cells: list[tuple[str, str, str, str]], headings: dict[int, str], width: int) -> str:
    """The findings for a narrow terminal: under each work, a line with the severity, rule
    and sources, then the message wrapped below it."""
    out: list[str] = []
    inner = max(fit.MIN_VALUE_WIDTH, width - 2 * len(INDENT))
    for number, (severity, rule, sources, message) in enumerate(cells):
        if number in headings:
            out += ([""] if out else []) + [headings[number]]
        header = textwrap.wrap(f"{severity} · {rule} · {' '.join(sources.split())}", width - len(INDENT),
                               break_on_hyphens=False)
        out += [INDENT + line for line in header]
        out += [2 * INDENT + line for line in textwrap.wrap(message, inner)]
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
    said_rows = []
    for key, said in sorted(times.items()):
        claimed = [clean(f"{words[time]} ({len(articles)})") for time, articles in
                   sorted(said.items(), key=lambda item: (-len(item[1]), item[0]))]
        subject = titles[key].subject
        said_rows.append((clean(subject.work), str(subject.season or ""), key[2], claimed))
    if not said_rows:
        return ""
    more = len(said_rows) - TIMELINE_ROWS
    table = fitted_timeline(said_rows[:TIMELINE_ROWS], width)
    return table + (f"\n… and {more} more (see --format json)" if more > 0 else "")


TIMELINE_HEADERS = ("work", "season", "event", "times claimed (articles)")


def fitted_timeline(said_rows: list[tuple[str, str, str, list[str]]], width: int) -> str:
    """The timeline table within `width`: the times packed into what the other columns
    leave, the work's title wrapped when that is too little, else a block per event."""
    work_width = max(fit.cell_width(row[0]) for row in said_rows)
    # Beside the times: the columns' widths, tabulate's padding of short headers, separators.
    others = sum(max([fit.cell_width(row[column]) for row in said_rows] + [len(TIMELINE_HEADERS[column]) + 2]) + 2
                 for column in (1, 2))

    def render(work: int, times: int) -> str:
        rows = [(fit.wrapped(title, work), season, event, pack(claimed, times))
                for title, season, event, claimed in said_rows]
        return tabulate(rows, headers=TIMELINE_HEADERS, tablefmt="simple", disable_numparse=True)

    work = max(work_width, len(TIMELINE_HEADERS[0]) + 2)
    times = width - work - 2 - others
    if times < LAST_COLUMN_MIN_WIDTH:
        work = max(WORK_MIN_WIDTH, work - (LAST_COLUMN_MIN_WIDTH - times))
        times = width - work - 2 - others
    table = render(work, times) if times >= LAST_COLUMN_MIN_WIDTH else ""
    if table and fit.widest_line(table) <= width:
        return table
    return fit.records([(title, season, event, ", ".join(claimed)) for title, season, event, claimed in said_rows],
                       TIMELINE_HEADERS, width)
