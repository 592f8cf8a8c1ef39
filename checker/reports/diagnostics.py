"""The lines a run writes to stderr: one error per unreadable input, warnings on undated articles."""
from __future__ import annotations

from collections import Counter, defaultdict

from checker.report import Report
from checker.reports.locations import is_corpus_file
from checker.reports.text import clean

UNDATED = "no publication date; only absolute times are resolved"
# A JSON Lines corpus may hold thousands of undated articles (4,138 of the 13,347 in the
# GossipCop corpus); past this many per file one line with the count says it all.
LIST_UNDATED_UP_TO = 5


def errors(report: Report) -> list[str]:
    return [f"checker: error: {clean(str(problem))}" for problem in report.problems]


def warnings(report: Report) -> list[str]:
    # (One pass over the articles, which a whole corpus's run reads back from its spool;
    # per file only the count of its undated articles and where the first few are: kept
    # whole, with their bodies, they were the peak of a big corpus's check, some 5 KiB each.)
    undated: Counter[str] = Counter()
    listed: dict[str, list[str]] = defaultdict(list)
    totals: Counter[str] = Counter()
    for article in report.articles:
        totals[article.path or ""] += 1
        if article.published is None:
            path = article.path or article.id
            undated[path] += 1
            if undated[path] <= LIST_UNDATED_UP_TO:
                # In a JSON Lines file the line number says which article it is.
                listed[path].append(f"{path}:{article.body_line}" if is_corpus_file(path) else path)
    lines = []
    for path, count in undated.items():
        if count > LIST_UNDATED_UP_TO:
            lines.append(f"checker: warning: {clean(path)}: {count} of {totals[path]} articles "
                         f"have {UNDATED}")
            continue
        lines += [f"checker: warning: {clean(where)}: {UNDATED}" for where in listed[path]]
    return lines


def render(report: Report) -> list[str]:
    return errors(report) + warnings(report)
