"""One source narrows the time another gives: the sources agree, and one is more precise.

Why: agreement is worth seeing too: an editor checking a date learns which sources already
give the exact day, and that the vaguer ones are not wrong.
Flags: (as information) "Harbor Lights premieres in 2017" beside "Harbor Lights premieres on
August 18, 2017".
Passes: "in 2017" beside "in 2018" (a date-conflict, not a refinement); two sources giving
the same day; an old date the article itself reports as moved away from ("originally set for
July 23, 2021"), and claims of an old date a reported move explains or makes stale (they are
date-conflict's business); a long-running series' claims from two cycles (see date-conflict).
Fix: nothing needs fixing; a vaguer article may be updated with the exact date.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from checker.findings import Severity
from checker.rules import wording
from checker.rules.base import Conflict, Corpus, Rule, RuleOptions, Scope
from checker.rules.timeline import (POINT_EVENTS, agreement, current_claims, cycles, interval_of, is_now,
                                    published_order, span_days, states_a_date, within)
from claims.models import Claim


def check(claims: Sequence[Claim], corpus: Corpus, options: RuleOptions) -> Iterator[Conflict]:
    if not claims or claims[0].event not in POINT_EVENTS:
        return
    timed = [claim for claim in claims if states_a_date(claim) and not is_now(claim, corpus)]
    for cycle in cycles(current_claims(claims, timed, corpus), corpus):
        yield from narrowing(cycle, corpus)


def narrowing(timed: Sequence[Claim], corpus: Corpus) -> Iterator[Conflict]:
    """Within claims that can be compared: the most precise sources on the agreed day, and
    the broader ones they narrow."""
    agreed = agreement(timed, corpus)
    if agreed is None:
        return
    narrowest = min(span_days(interval_of(claim)) for claim in agreed.support)
    precise = sorted((claim for claim in agreed.support if span_days(interval_of(claim)) == narrowest),
                     key=lambda claim: published_order(claim, corpus))
    broader = sorted((claim for claim in agreed.support if span_days(interval_of(claim)) > narrowest
                      and all(within(interval_of(p), interval_of(claim)) for p in precise)
                      and claim.article not in {p.article for p in precise}),
                     key=lambda claim: published_order(claim, corpus))
    if not broader:
        return
    message = (f"{wording.sources([c.article for c in broader], corpus.articles)} "
               f"{wording.event_phrase(broader[0])}; "
               f"{wording.sources([c.article for c in precise], corpus.articles, 'narrows')} it to "
               f"{wording.said_times(precise, 1, with_preposition=False)}. The sources agree.")
    yield Conflict(claims=precise + broader, message=message, anchor=precise[:1] + broader[:1])


RULE = Rule(id="refinement", severity=Severity.INFO,
            summary="One source narrows the time another gives (agreement, shown for reference).",
            scope=Scope.EVENT, check=check, doc=__doc__)
