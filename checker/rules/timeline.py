"""Shared reading of claimed times: which claims date an event, and where most sources agree.

Intervals are days, both ends included (claims/intervals.py); None is unbounded.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Sequence

from checker.rules.base import Corpus
from claims.extract.temporal import find_timexes
from claims.models import Claim, Interval

# Events that happen on a day; a shoot lasts months, so two times for it need not clash.
POINT_EVENTS = {"release", "filming_start", "filming_end", "renewal", "cancellation"}
# How much a claim counts towards agreement: a stated fact over a plan over a rumour.
WEIGHT = {"asserted": 1.0, "expected": 0.8, "rumored": 0.5, "speculative": 0.4}


def dated(claim: Claim) -> bool:
    """An event claim (not an order claim) that states a time with calendar bounds."""
    interval = claim.interval
    return (claim.relation is None and interval is not None
            and (interval.earliest is not None or interval.latest is not None))


def disjoint(a: Interval, b: Interval) -> bool:
    return bool(a.latest and b.earliest and a.latest < b.earliest
                or b.latest and a.earliest and b.latest < a.earliest)


def within(inner: Interval, outer: Interval) -> bool:
    """Every day of `inner` lies in `outer`."""
    if outer.earliest and (inner.earliest is None or inner.earliest < outer.earliest):
        return False
    if outer.latest and (inner.latest is None or inner.latest > outer.latest):
        return False
    return True


def covers(interval: Interval, day: dt.date) -> bool:
    return (interval.earliest is None or interval.earliest <= day) and (
        interval.latest is None or day <= interval.latest)


def by_publication(article_id: str, corpus: Corpus) -> tuple:
    """Sort key for articles: the earliest-published first, undated last."""
    article = corpus.articles.get(article_id)
    published = article.published if article else None
    return (published is None, published.earliest if published else dt.date.max, article_id)


def published_order(claim: Claim, corpus: Corpus) -> tuple:
    """Sort key for claims: by their articles' publication."""
    return by_publication(claim.article, corpus)


@dataclass
class Agreement:
    """The day most sources' claims allow, and the claims that allow it."""

    day: dt.date
    support: list[Claim]


def agreement(claims: Sequence[Claim], corpus: Corpus) -> Agreement | None:
    """The day covered by the most weight of articles (each article counts once, by its
    firmest claim); ties go to the day the most recent sources allow, then the narrowest
    claims. Intervals on a line that meet pairwise share a day, so this is the largest set
    of claims that can all be true together."""
    candidates = sorted({d for claim in claims for d in (claim.interval.earliest, claim.interval.latest) if d})
    best, best_key = None, None
    for day in candidates:
        support = [claim for claim in claims if covers(claim.interval, day)]
        by_article: dict[str, float] = {}
        for claim in support:
            by_article[claim.article] = max(by_article.get(claim.article, 0.0), WEIGHT[claim.modality])
        recency = max((published_order(claim, corpus)[1] for claim in support
                       if not published_order(claim, corpus)[0]), default=dt.date.min)
        precision = -min((span_days(claim.interval) for claim in support), default=0)
        key = (round(sum(by_article.values()), 6), recency, precision)
        if best_key is None or key > best_key:
            best, best_key = Agreement(day, support), key
    return best


def span_days(interval: Interval) -> int:
    if interval.earliest is None or interval.latest is None:
        return 10 ** 6
    return (interval.latest - interval.earliest).days + 1


VAGUE_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def is_vague(claim: Claim) -> bool:
    """ "soon", "eventually", "before long": a direction, not a date to compare."""
    return claim.time is not None and claim.time.value in VAGUE_VALUES


def is_past_plan(claim: Claim) -> bool:
    """ "was slated for October", "early rumors had it dropping in mid-October": a plan or
    rumour told as history, not what the source says now."""
    return claim.tense == "past" and claim.modality != "asserted"


def is_now(claim: Claim, corpus: Corpus) -> bool:
    """ "is wrapping up production as we speak", "is currently filming": the time is the
    article's own date, standing for "under way now" rather than a date someone gave."""
    article = corpus.articles.get(claim.article)
    if claim.time is None or article is None or article.published is None:
        return False
    if claim.time.value != article.published.value or claim.time.mod not in (None, "ON_OR_BEFORE"):
        return False
    return claim.time_text is None or says_now(claim.time_text)


@cache
def says_now(text: str) -> bool:
    return any(timex.value == "PRESENT_REF" for timex in find_timexes(text, None))


def states_a_date(claim: Claim) -> bool:
    """An event claim that says when something happens, as the source sees it now: not a
    denial, not "soon", not a plan told as history."""
    return dated(claim) and not claim.negated and not is_vague(claim) and not is_past_plan(claim)
