"""A claim's tense does not fit its time, seen from the day the article was published.

Why: "will debut" in a piece published after the premiere tells readers the wrong state of
things; and an article that still calls an event ahead after other outlets reported it
done was usually written from stale copy.
Flags: "Ember Falls will debut on September 30, 2016" in an October 2016 article; "is about to
begin production in April" (April 4, 2017) after "production started today, April 3rd"
(April 3, 2017).
Passes: "premieres on September 30" in May 2016 (the scheduled present); "Netflix announced it
would premiere in May" (the future seen from the past); an earlier "will start filming in
April" beside a later "has begun filming"; "was slated for October" (a plan told as history);
a spokesperson quoted as saying "production will resume in early 2018" in a June 2018 article
(a quotation keeps the speaker's tense); "was originally set for July 23" (an old date the
article itself reports as moved away from); "has set the return for March 8" (the past tense
is the announcement's, so past wording beside a later date is not flagged); a talk show that
"premiered in March" in a 2017 article beside "will premiere in March" in a 2018 one (two
cycles of a long-running series: see date-conflict); a guess ("they could inevitably cancel
the show") after the cancellation was reported.
Fix: bring the tense up to date ("debuted", "has begun") or, if the date moved, say so.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import Iterator, Sequence

from checker.findings import Severity
from checker.rules import wording
from checker.rules.base import Conflict, Corpus, Rule, RuleOptions, Scope
from checker.rules.timeline import (POINT_EVENTS, cycles, is_past_plan, is_vague, other_entry, published,
                                    published_order, time_of)
from claims import knowledge
from claims.models import Claim, Published

BY_NOW = ("ON_OR_BEFORE", "BEFORE")


def reported_done(claim: Claim, corpus: Corpus) -> bool:
    """Stated as fact to have happened by the article's date ("has wrapped", "premiered")."""
    when = published(claim, corpus)
    if claim.negated or claim.relation or claim.superseded or claim.modality != "asserted" or when is None:
        return False
    if claim.tense != "past" and (claim.time is None or claim.time.mod not in BY_NOW):
        return False
    interval = claim.interval
    return interval is None or interval.latest is not None and interval.latest <= when.latest


def still_ahead(claim: Claim, corpus: Corpus) -> bool:
    """Spoken of as not yet done at the article's date: "will premiere", "is about to begin",
    "is wrapping up production as we speak", "hasn't begun filming"."""
    when = published(claim, corpus)
    if claim.relation or claim.superseded or when is None or is_past_plan(claim) or quoted(claim):
        return False
    if claim.modality == "speculative":
        return False  # "they could cancel the show": a guess says nothing of what is ahead
    interval = claim.interval
    if claim.negated:
        return claim.tense in ("past", "present") and (interval is None or interval.latest is None
                                                      or interval.latest >= when.earliest)
    if claim.tense == "future":
        return plain_future(claim)
    # ("is in theaters now", "is available to watch now": out already, not ahead)
    if (claim.tense != "present" or interval is None or interval.earliest is None
            or interval.earliest < when.earliest):
        return False
    time = time_of(claim)
    return time.mod not in BY_NOW and time.value != "PRESENT_REF"


def quoted(claim: Claim) -> bool:
    """Inside a direct quotation: "production will resume in early 2018," a spokesperson
    tells TVLine. The tense is the speaker's on the day they spoke, which an article may
    quote months later; the article's own words are what can drift."""
    return "quoted" in claim.explain


@cache
def future_in_past() -> re.Pattern:
    return knowledge.word_regex(knowledge.entry("tense", "future_in_past"))


def plain_future(claim: Claim) -> bool:
    """ "will premiere", not "said it would premiere": the future seen from the past is a
    report of a plan, which no later date makes stale."""
    return claim.tense == "future" and not future_in_past().search(claim.evidence.text)


def self_drift(claim: Claim, corpus: Corpus) -> str | None:
    """Why the claim's tense does not fit its own time, or None."""
    when, interval = published(claim, corpus), claim.interval
    if (when is None or interval is None or claim.negated or claim.relation or claim.superseded
            or is_vague(claim) or claim.modality == "speculative" or quoted(claim)):
        return None  # (a guess, "the show might get canceled", says nothing of what is ahead)
    # Past wording beside a later date is left alone: the past tense is most often the
    # announcement's ("has set the return for March 8"), which a claim does not tell apart.
    if plain_future(claim) and interval.latest is not None and interval.latest < when.earliest:
        return "speaks of it as ahead, but that date had passed when it was published"
    return None


def check(claims: Sequence[Claim], corpus: Corpus, options: RuleOptions) -> Iterator[Conflict]:
    for claim in claims:
        why = self_drift(claim, corpus)
        if why:
            yield Conflict(claims=[claim], message=(
                f"{wording.source(claim.article, corpus.articles)} says {wording.event_phrase(claim)} "
                f"({wording.quote(claim.evidence.text)}): it {why}."))
    if claims[0].event not in POINT_EVENTS:
        return  # "was filming" is no report that a shoot is over: filming_end says that
    for cycle in cycles([claim for claim in claims if not claim.relation], corpus):
        yield from still_ahead_after_done(cycle, corpus)


def too_early(done: Claim, claims: Sequence[Claim], corpus: Corpus) -> bool:
    """A report of the event done that gives no time, published before every date the corpus
    gives it ("Incredibles 2 will see a campaign ... being launched" in April beside "opens
    June 15"): a misreading more likely than a release no one dated."""
    if done.interval is not None:
        return False
    dated = [claim.interval.earliest for claim in claims if claim is not done and not claim.negated
             and claim.interval is not None and claim.interval.earliest is not None and claim.time is not None
             and not is_vague(claim)]
    return bool(dated) and min(dated) > published_on(done, corpus).latest


def published_on(claim: Claim, corpus: Corpus) -> Published:
    """The publication date of a claim from a dated article (as `reported_done` and
    `still_ahead` claims are)."""
    when = published(claim, corpus)
    assert when is not None
    return when


def still_ahead_after_done(claims: Sequence[Claim], corpus: Corpus) -> Iterator[Conflict]:
    """Articles that speak of the event as ahead after another reported it done."""
    done = sorted((claim for claim in claims
                   if reported_done(claim, corpus) and not too_early(claim, claims, corpus)),
                  key=lambda claim: published_order(claim, corpus))
    if not done:
        return
    ahead: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if still_ahead(claim, corpus):
            ahead[claim.article].append(claim)
    for article, stale in ahead.items():
        start = published_on(stale[0], corpus).earliest
        # (not a release years before the date said to be ahead: another entry or run)
        earlier = [claim for claim in done if claim.article != article
                   and published_on(claim, corpus).latest < start
                   and not any(other_entry(claim, later) for later in stale)]
        if earlier:
            first = stale[0]
            yield Conflict(claims=stale + earlier, anchor=stale, message=(
                f"{wording.source(article, corpus.articles)} still speaks of "
                f"{wording.event_of(first.event, first.subject, first.kind)} as ahead "
                f"({wording.quote(first.evidence.text)}), after "
                f"{wording.sources([c.article for c in earlier], corpus.articles, 'reports')} it done "
                f"({wording.quote(earlier[-1].evidence.text)})."))


RULE = Rule(id="tense-drift", severity=Severity.WARNING,
            summary="A claim's tense does not fit its time as seen from its publication date.",
            scope=Scope.EVENT, check=check, doc=__doc__)
