"""The claims as a table for reading in a terminal (`checker extract --format table`): as
wide as the terminal, the work, event, speaker and evidence wrapped, or one block per claim
when the terminal is too narrow for the columns."""
from __future__ import annotations

from checker.report import Report
from checker.reports import fit
from checker.reports.text import clean, excerpt
from claims.models import Claim

HEADERS = ("article", "work", "event", "time", "tense", "modality", "speaker", "evidence")
# The columns that wrap (index -> the narrowest they wrap to; an article id wraps last, at a
# hyphen). Below about 130 columns they cannot all fit: one block per claim instead.
WRAPPED = {8: 20, 7: 24, 2: 14, 1: 12, 6: 10, 3: 12, 0: 30}
EVIDENCE_WIDTH = 60


def work_label(work: str, season: int | None) -> str:
    return clean(work) + (f" S{season}" if season is not None else "")


def event_label(claim: Claim) -> str:
    """The event, or for an order claim "release before Iron Fist release"."""
    label = ("not " if claim.negated else "") + claim.event
    if claim.relation and claim.object:
        other = claim.object
        label += f" {claim.relation} {work_label(other.work, other.season)} {other.event}"
    return label


def time_label(claim: Claim) -> str:
    if claim.time is None or claim.time.value is None:
        return ""
    return " ".join(part for part in (claim.time.value, claim.time.mod) if part)


def row(claim: Claim) -> tuple[str, ...]:
    return (clean(claim.article), work_label(claim.subject.work, claim.subject.season),
            event_label(claim), time_label(claim), claim.tense, claim.modality,
            clean(claim.speaker), excerpt(claim.evidence.text, EVIDENCE_WIDTH))


def how(claim: Claim) -> str:
    """How the claim was read: its trigger and the strategy of each step."""
    return "; ".join(f"{step}: {clean(name)}" for step, name in claim.explain.items() if name)


def render(report: Report) -> str:
    # disable_numparse: a year such as "2016" is a value, not a number to right-align.
    headers = HEADERS + (("how",) if report.explain else ())
    rows = [row(claim) + ((how(claim),) if report.explain else ()) for claim in report.claims]
    wrapped = {column: least for column, least in WRAPPED.items() if column < len(headers)}
    table = fit.table(rows, headers, fit.terminal_width(), wrapped)
    articles = len(report.articles)
    footer = (f"{len(report.claims)} claim{'s' * (len(report.claims) != 1)} in "
              f"{articles} article{'s' * (articles != 1)}")
    return f"{table}\n\n{footer}" if report.claims else footer
