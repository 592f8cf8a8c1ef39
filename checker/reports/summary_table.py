"""The check report for a terminal (`checker check --format table`): what was read, and what
the sources say about each work's events, so an editor sees where they agree and where not."""
from __future__ import annotations

from collections import defaultdict

from tabulate import tabulate

from checker.engine import Report
from checker.reports.text import clean
from claims.extract.works import fold_title
from claims.models import Claim


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
    summary = tabulate(rows, tablefmt="plain", disable_numparse=True)
    timeline = timeline_table(report.claims)
    return f"{summary}\n\n{timeline}" if timeline else summary


def timeline_table(claims: list[Claim]) -> str:
    """One row per work, season and event: each time claimed, with how many articles say it."""
    times: dict[tuple, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    titles: dict[str, str] = {}
    for claim in claims:
        if claim.relation is not None or claim.time is None or claim.negated:
            continue
        work = fold_title(claim.subject.work)
        titles.setdefault(work, claim.subject.work)
        shown = " ".join(part for part in (claim.time.value, claim.time.mod) if part)
        times[(work, claim.subject.season or 0, claim.event)][shown].add(claim.article)
    rows = []
    for (work, season, event), said in sorted(times.items()):
        claimed = ", ".join(f"{time} ({len(articles)})" for time, articles in
                            sorted(said.items(), key=lambda item: (-len(item[1]), item[0])))
        rows.append((clean(titles[work]), season or "", event, clean(claimed)))
    if not rows:
        return ""
    return tabulate(rows, headers=("work", "season", "event", "times claimed (articles)"),
                    tablefmt="simple", disable_numparse=True)
