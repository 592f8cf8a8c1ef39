"""The lines a run writes to stderr: one error per unreadable input, warnings on undated articles."""
from __future__ import annotations

from collections import Counter, defaultdict

from checker.report import Report
from checker.reports.locations import is_corpus_file
from checker.reports.text import clean
from claims.models import Article

UNDATED = "no publication date; only absolute times are resolved"
# A JSON Lines corpus may hold thousands of undated articles (4,138 of the 13,347 in the
# GossipCop corpus); past this many per file one line with the count says it all.
LIST_UNDATED_UP_TO = 5


def errors(report: Report) -> list[str]:
    return [f"checker: error: {clean(str(problem))}" for problem in report.problems]


def warnings(report: Report) -> list[str]:
    # (One pass over the articles, which a whole corpus's run reads back from its spool.)
    by_path: dict[str, list[Article]] = defaultdict(list)
    totals: Counter[str] = Counter()
    for article in report.articles:
        totals[article.path or ""] += 1
        if article.published is None:
            by_path[article.path or article.id].append(article)
    lines = []
    for path, undated in by_path.items():
        if len(undated) > LIST_UNDATED_UP_TO:
            total = totals[path]
            lines.append(f"checker: warning: {clean(path)}: {len(undated)} of {total} articles "
                         f"have {UNDATED}")
            continue
        for article in undated:
            # In a JSON Lines file the line number says which article it is.
            where = f"{path}:{article.body_line}" if is_corpus_file(path) else path
            lines.append(f"checker: warning: {clean(where)}: {UNDATED}")
    return lines


def render(report: Report) -> list[str]:
    return errors(report) + warnings(report)
