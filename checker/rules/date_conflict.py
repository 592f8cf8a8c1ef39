"""Two sources time the same event so that both cannot be right.

Why: one of them is wrong, or the date moved and an article still carries the old one; the
error spreads as other outlets copy it.
Flags: "Luke Cage premieres in November" (January 2016) beside "debuts on September 30"
(March 2016); "won't premiere in 2017" beside "premieres August 18, 2017".
Passes: "in 2017" beside "on August 18, 2017" (a refinement, not a conflict); "launched in
1952" beside "premiered in 2016" (decades apart: a different run, not a moved date); a shoot
"in late 2016" beside "filming now" in January 2017 (a shoot lasts months); two dates in
one article ("was first rumored for October, now set for November").
Fix: check the studio's or network's announcement, correct the article that is wrong, or
add that the date has since moved.

The claims are compared with the day most sources allow (each article counted once, by its
firmest claim): each claim that excludes that day is reported with the sources it
contradicts.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator, Sequence

from checker.findings import Severity
from checker.rules import wording
from checker.rules.base import Conflict, Corpus, Rule, RuleOptions, Scope
from checker.rules.timeline import (POINT_EVENTS, agreement, dated, disjoint, is_now, published_order,
                                    states_a_date, within)
from claims.models import Claim


class Options(RuleOptions):
    # Times this many days apart or fewer are let pass ("Sept. 28" beside "September 30").
    tolerance_days: int = 0
    # Times further apart than this are about different things (a remake, a revival, a
    # series' first run beside its tenth), not one date that moved.
    max_gap_days: int = 5 * 365


def apart(a: Claim, b: Claim, options: Options) -> bool:
    if not disjoint(a.interval, b.interval):
        return False
    gap = ((b.interval.earliest - a.interval.latest) if a.interval.latest and b.interval.earliest
           and a.interval.latest < b.interval.earliest else (a.interval.earliest - b.interval.latest))
    return options.tolerance_days < gap.days <= options.max_gap_days


def check(claims: Sequence[Claim], corpus: Corpus, options: Options) -> Iterator[Conflict]:
    if not claims or claims[0].event not in POINT_EVENTS:
        return
    timed = [claim for claim in claims if states_a_date(claim)]
    agreed = agreement(timed, corpus)
    if agreed is None:
        return
    # One finding per article and time that leaves the agreed day out.
    outliers: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in timed:
        # "is wrapping up as we speak" says the event is under way, not when: tense-drift's.
        if claim not in agreed.support and not is_now(claim, corpus):
            outliers[(claim.article, claim.time.value, claim.time.mod)].append(claim)
    for group in outliers.values():
        opposed = [other for other in agreed.support
                   if other.article != group[0].article and apart(group[0], other, options)]
        if opposed:
            yield conflict(group, opposed, corpus, "says")
    for denial in (claim for claim in claims if claim.negated and dated(claim)):
        opposed = [other for other in timed
                   if other.article != denial.article and within(other.interval, denial.interval)]
        if opposed:
            yield conflict([denial], opposed, corpus, "says")


def conflict(claims: list[Claim], opposed: list[Claim], corpus: Corpus, verb: str) -> Conflict:
    opposed = sorted(opposed, key=lambda claim: published_order(claim, corpus))
    first = claims[0]
    message = (f"{wording.source(first.article, corpus.articles)} {verb} {wording.event_phrase(first)}; "
               f"{wording.sources([c.article for c in opposed], corpus.articles, 'puts')} it "
               f"{wording.said_times(opposed)}.")
    return Conflict(claims=claims + opposed, message=message, anchor=claims)


RULE = Rule(id="date-conflict", severity=Severity.ERROR,
            summary="Claims about the same event give times that cannot both hold.",
            scope=Scope.EVENT, check=check, doc=__doc__, options=Options)
