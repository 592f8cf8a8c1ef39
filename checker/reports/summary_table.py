"""A short summary of a check for reading in a terminal (`checker check --format table`)."""
from __future__ import annotations

from tabulate import tabulate

from checker.engine import Report


def render(report: Report) -> str:
    undated = len(report.undated)
    rows = [
        ("articles", f"{len(report.articles)}" + (f" ({undated} undated)" if undated else "")),
        ("claims", str(len(report.claims))),
        # The rules come in a later issue; until then a check finds nothing to report.
        ("findings", str(len(report.findings)) if report.findings else "none"),
    ]
    if report.problems:
        rows.append(("unreadable", f"{len(report.problems)} (listed on stderr)"))
    return tabulate(rows, tablefmt="plain", disable_numparse=True)
