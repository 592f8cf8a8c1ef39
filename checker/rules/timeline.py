"""Shared reading of claimed times: which claims date an event, where most sources agree,
which dates a reported move made old, and which claims belong to one cycle of a long-running
series.

Intervals are days, both ends included (claims/intervals.py); None is unbounded.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Iterable, Sequence

from checker.rules.base import Corpus
from claims import knowledge
from claims.keys import fold
from claims.models import Article, Claim, Interval, Published, TimeValue

# Events that happen on a day; a shoot lasts months, so two times for it need not clash.
POINT_EVENTS = {"release", "filming_start", "filming_end", "renewal", "cancellation"}
# How much a claim counts towards agreement: a stated fact over a plan over a rumour.
WEIGHT = {"asserted": 1.0, "expected": 0.8, "rumored": 0.5, "speculative": 0.4}


def dated(claim: Claim) -> bool:
    """An event claim (not an order claim) that states a time with calendar bounds."""
    interval = claim.interval
    return (claim.relation is None and interval is not None
            and (interval.earliest is not None or interval.latest is not None))


def interval_of(claim: Claim) -> Interval:
    """The interval of a claim known to be `dated`."""
    assert claim.interval is not None
    return claim.interval


def time_of(claim: Claim) -> TimeValue:
    """The time of a claim known to be `dated` (its interval is read from it)."""
    assert claim.time is not None
    return claim.time


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
    firmest claim, and only for the days its most precise claims allow: "May 12" and "May
    2017" in one article vote for May 12, not for every day of May); ties go to the day the
    most recent sources allow, then the narrowest claims. A claim that allows every
    candidate day ("in 2016" beside "September 30" and "November") takes no side in a tie,
    so a third, vaguer source cannot turn which of two others is the odd one out. Intervals
    on a line that meet pairwise share a day, so this is the largest set of claims that can
    all be true together."""
    intervals = [interval_of(claim) for claim in claims]
    candidates = sorted({d for interval in intervals for d in (interval.earliest, interval.latest) if d})
    narrowest: dict[str, int] = {}
    for claim in claims:
        narrowest[claim.article] = min(narrowest.get(claim.article, 10 ** 7), span_days(interval_of(claim)))
    best, best_key = None, None
    for day in candidates:
        support = [claim for claim in claims if covers(interval_of(claim), day)]
        by_article: dict[str, float] = {}
        for claim in support:
            if span_days(interval_of(claim)) == narrowest[claim.article]:
                by_article[claim.article] = max(by_article.get(claim.article, 0.0), WEIGHT[claim.modality])
        siding = [claim for claim in support
                  if not (covers(interval_of(claim), candidates[0]) and covers(interval_of(claim), candidates[-1]))]
        recency = max((published_order(claim, corpus)[1] for claim in siding
                       if not published_order(claim, corpus)[0]), default=dt.date.min)
        precision = -min((span_days(interval_of(claim)) for claim in support), default=0)
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


# Days apart beyond which a release one source says has happened and another source's date
# are not one event told two ways: a remake, a sequel, a namesake or another season.
ENTRIES_APART_DAYS = 365


def other_entry(a: Claim, b: Claim) -> bool:
    """The earlier of the two says the event has happened, and the dates lie a year or more apart:
    "the first Iron Man came out in 2008" beside "the movie comes out on May 3, 2019", "the
    animated series launched in 2002" beside "the live-action movie will premiere in 2019".
    A release happens once; so far apart, they are two works or two runs, not one date told
    wrong (two future dates a year apart stay a conflict: a date that moved)."""
    if a.interval is None or b.interval is None:
        return False
    (first, first_days), (_, second_days) = sorted(
        ((a, a.interval), (b, b.interval)), key=lambda pair: pair[1].earliest or pair[1].latest or dt.date.min)
    # (the earlier one told as done; a later date told as done after earlier plans is a
    # date that slipped: "opened in July 2023" beside "opens July 23, 2021")
    if first.tense != "past" or first_days.latest is None or second_days.earliest is None:
        return False
    return (second_days.earliest - first_days.latest).days >= ENTRIES_APART_DAYS


def is_now(claim: Claim, corpus: Corpus) -> bool:
    """ "is wrapping up production as we speak", "is currently filming": the time is the
    article's own date, standing for "under way now" rather than a date someone gave."""
    article = corpus.articles.get(claim.article)
    if claim.time is None or article is None or article.published is None:
        return False
    if claim.time.value != article.published.value or claim.time.mod not in (None, "ON_OR_BEFORE"):
        return False
    return claim.time_text is None or claim.time_is_now


def states_a_date(claim: Claim) -> bool:
    """An event claim that says when something happens, as the source sees it now: not a
    denial, not "soon", not a plan told as history, not a date the article itself reports
    as moved away from ("originally set for X")."""
    return (dated(claim) and not claim.negated and not claim.superseded and not is_vague(claim)
            and not is_past_plan(claim))


def headline_end(article: Article) -> int | None:
    """Where the body's headline ends: its first line, when that line is the article's title
    ("Top Gun: Maverick delayed to July 2020" above the story); None when the body starts with
    running text (a JSON Lines record keeps its title apart from the text)."""
    if not article.title:
        return None
    offset = 0
    for line in article.body.splitlines(keepends=True):
        if line.strip():
            return offset + len(line) if fold(line) == fold(article.title) else None
        offset += len(line)
    return None


def in_headline(claim: Claim, corpus: Corpus) -> bool:
    """The claim is stated in its article's headline."""
    article = corpus.articles.get(claim.article)
    end = headline_end(article) if article else None
    return end is not None and claim.evidence.start < end


def published(claim: Claim, corpus: Corpus) -> Published | None:
    """The publication date of the claim's article, None when undated."""
    article = corpus.articles.get(claim.article)
    return article.published if article else None


def overlaps(a: Interval, b: Interval) -> bool:
    return not disjoint(a, b)


# --- reported moves -----------------------------------------------------------------------------
#
# CONTRACT §2, across sources: when an article reports a move ("moved from X to Y",
# "originally set for X"), a claim of X published before that report was right at its time;
# one published after it states an old date as current. A move is read from the claims the
# extractor marks `superseded` (the old dates) and the same article's current dates (the new).


def month_hull(interval: Interval) -> Interval:
    """The calendar months an interval touches: July 23, 2021 -> July 2021."""
    earliest, latest = interval.earliest, interval.latest
    if earliest is not None:
        earliest = earliest.replace(day=1)
    if latest is not None:
        following = dt.date(latest.year + latest.month // 12, latest.month % 12 + 1, 1)
        latest = following - dt.timedelta(days=1)
    return Interval(earliest=earliest, latest=latest)


def same_date(said: Interval, old: Interval) -> bool:
    """Whether a claimed time is a reported old date, to the tolerance of its month: it shares
    a day with the old date and has no day outside the calendar month(s) the old date falls in.
    "July 2021" and "July 23, 2021" both say the old "July 23, 2021"; "August 2021" (another
    month), "summer 2021" and "2021" (wider than the old date's month, so they may mean the new
    date as well) do not; against an old "2021", "late 2021" does."""
    return overlaps(said, old) and within(said, month_hull(old))


@cache
def first_plan() -> re.Pattern:
    """ "original", "initially": an old date that was the first of perhaps several."""
    return knowledge.word_regex(knowledge.entry("events", "moves", "first_plan_words"))


def between(first: Interval, middle: Interval, last: Interval) -> bool:
    """Every day of `middle` comes after every day of `first` and before every day of `last`."""
    return bool(first.latest and middle.earliest and middle.latest and last.earliest
                and first.latest < middle.earliest and middle.latest < last.earliest)


@dataclass
class Move:
    """One article's report that an event moved: the dates it gives as superseded (old) and
    the dates it gives as current (new; empty when it names none)."""

    article: str
    published: Published | None
    old: list[Claim]
    new: list[Claim] = field(default_factory=list)

    def made_old(self, claim: Claim) -> bool:
        """The claim gives one of this move's old dates and none of its new ones."""
        return (any(same_date(interval_of(claim), interval_of(old)) for old in self.old)
                and not self.gives_new(claim))

    def gives_new(self, claim: Claim) -> bool:
        return any(overlaps(interval_of(claim), interval_of(new)) for new in self.new)

    def may_have_moved(self, claim: Claim) -> bool:
        """The move names no old date, and the claim gives another date: perhaps the old one."""
        return not self.old and not self.gives_new(claim)

    def passed_through(self, claim: Claim) -> bool:
        """The claim's date lies wholly between an original date of this move and its new one:
        a step on the way that the report skips ("nearly three years after its original July
        2019 date, it finally opens on May 27, 2022" beside an earlier "November 2021"). A
        plain "moves from X to Y" is one step, and explains no date between."""
        return any(between(interval_of(old), interval_of(claim), interval_of(new))
                   or between(interval_of(new), interval_of(claim), interval_of(old))
                   for old in self.old if first_plan().search(old.evidence.text) for new in self.new)

    def reported_before(self, when: Published | None) -> bool:
        """Reported on a day before every day an article published `when` may have been
        published: a report the same day, or within the same month when either date is only
        a month, is not before."""
        return self.published is not None and when is not None and self.published.latest < when.earliest

    @property
    def order(self) -> tuple:
        return (self.published is None, self.published.earliest if self.published else dt.date.max,
                self.published.latest if self.published else dt.date.max, self.article)


def open_ended(claim: Claim) -> bool:
    return claim.time is not None and claim.time.mod in OPEN_MODS


def moved_to(claim: Claim) -> bool:
    """The claim gives the date an event was moved to (the extractor's move_destination)."""
    return (claim.explain.get("time") == "move_destination" and dated(claim) and not claim.negated
            and not claim.superseded)


def reported_moves(claims: Iterable[Claim], corpus: Corpus) -> list[Move]:
    """The moves reported among one event's claims, the earliest report first (a move only
    guessed at, "might be delayed", is none)."""
    claims = [claim for claim in claims if claim.modality != "speculative"]
    reporting = {claim.article for claim in claims if claim.superseded or moved_to(claim)}
    if not reporting:
        return []
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.article in reporting:
            by_article[claim.article].append(claim)
    moves = []
    for article, said in by_article.items():
        old = [claim for claim in said if claim.superseded and dated(claim) and not claim.negated]
        if not old:
            # "Paramount shifted the film to May 23, 2025": a move whose old date goes unsaid.
            destinations = [claim for claim in said if moved_to(claim)]
            moves.append(Move(article, published(destinations[0], corpus), [], destinations))
            continue
        move = Move(article, published(old[0], corpus), old)
        # ("Takes Its Cannes Bow Ahead Of May 23 Release": a date only bounded on one side
        # gives no new date; it would cover every old one)
        move.new = [claim for claim in said if states_a_date(claim) and not open_ended(claim)
                    and not any(same_date(interval_of(claim), interval_of(o)) for o in old)]
        moves.append(move)
    return sorted(moves, key=lambda move: move.order)


@dataclass
class Stale:
    """A claim of a date that a move had made old by the time its article was published."""

    claim: Claim
    moves: list[Move]           # the reports, before the claim, that moved away from its date
    # A later report, still before the claim, that moved the event again: its new date was
    # the current one when the claim was published.
    latest: Move | None = None


@dataclass
class Standing:
    """How one event's dated claims stand against the moves reported among them."""

    current: list[Claim] = field(default_factory=list)    # compared with one another
    explained: list[Claim] = field(default_factory=list)  # an old date said before the move was reported
    stale: list[Stale] = field(default_factory=list)      # an old date said after it
    # A date the claim's own article reports as moved away from, stated there as current.
    own: list[Stale] = field(default_factory=list)


def stand(timed: Sequence[Claim], moves: Sequence[Move], corpus: Corpus) -> Standing:
    """Sort dated claims (`states_a_date`) by the moves. The current date at a publication time
    is the one the latest move reported before it gives: with X -> Y -> Z reported by three
    articles, a later claim of X or of Y is stale and one of Z is current. A claim that was
    current when published (no move yet, or the latest one gave its date) and that a move
    reported since made old, or passed through on its way from an old date to a new one, was
    right at its time. Costs the claims times the moves of this
    one event."""
    standing = Standing()
    if not moves:
        standing.current = list(timed)
        return standing
    for claim in timed:
        mine = [move for move in moves if move.article == claim.article]
        own = [move for move in mine if move.made_old(claim)]
        if own:
            standing.own.append(Stale(claim, own))
            continue
        others = [move for move in moves if move.article != claim.article]
        when = published(claim, corpus)
        before = [move for move in others if move.reported_before(when)]
        stale = None if any(move.gives_new(claim) for move in mine) else stale_at(claim, before)
        if stale:
            standing.stale.append(stale)
            continue
        since = next((move for move in reversed(others) if not move.reported_before(when)
                      and (move.made_old(claim) or move.gives_new(claim) or move.passed_through(claim)
                           or move.may_have_moved(claim))), None)
        explained = since is not None and not since.gives_new(claim)
        (standing.explained if explained else standing.current).append(claim)
    return standing


def stale_at(claim: Claim, before: Sequence[Move]) -> Stale | None:
    """Whether the moves reported before a claim (earliest first) had made its date an old one:
    the latest of them that speaks of its date decides."""
    for index in range(len(before) - 1, -1, -1):
        move = before[index]
        if move.gives_new(claim):
            return None
        if move.made_old(claim):
            made_old = [m for m in before[:index + 1] if m.made_old(claim)]
            latest = next((m for m in reversed(before[index + 1:]) if m.new), None)
            return Stale(claim, made_old, latest)
    return None


def current_claims(claims: Sequence[Claim], timed: Sequence[Claim], corpus: Corpus) -> list[Claim]:
    """Of `timed`, the claims that no reported move among `claims` explains or makes stale."""
    return stand(timed, reported_moves(claims, corpus), corpus).current


# --- cycles of a long-running series --------------------------------------------------------
#
# A series with no season number ("the show returns in March") premieres, is renewed and
# shoots once a cycle: a talk show's "premieres in March" in 2017 and in 2018 are two
# premieres, not one that moved. Its claims are split into cycles and compared only within one.
# Films (and works of unknown kind) are not split: a film moved a year is a real move.

OPEN_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})
CYCLE_EVENTS = frozenset({"release", "renewal", "filming_start", "filming_end"})
# The least gap between two cycles' dates. Consecutive yearly premieres stated to the month are
# about 330 days apart, to the season ("this fall" and next fall) 270, to the half-year 180;
# a premiere that slips within its cycle moves weeks to a couple of months. 120 days lies
# between the two.
CYCLE_GAP_DAYS = 120


def recurs(claims: Sequence[Claim]) -> bool:
    """Claims about a series as a whole (no season number) and an event that comes back each
    cycle; a work of unknown kind might be a film, and is not split."""
    kinds = {claim.kind for claim in claims}
    return (bool(claims) and claims[0].event in CYCLE_EVENTS and "series" in kinds and "film" not in kinds
            and any(claim.subject.season is None for claim in claims))


def cycle_span(claim: Claim, corpus: Corpus) -> tuple[dt.date, dt.date] | None:
    """The days a claim is about, for placing it in a cycle: its interval, an open end closed
    at the publication date ("by April 3" in January: January to April 3), no time at all
    standing for the publication date ("has premiered"); None when neither is known."""
    interval, when = claim.interval, published(claim, corpus)
    low = interval.earliest if interval else None
    high = interval.latest if interval else None
    if low is None:
        if high is None:
            return (when.earliest, when.latest) if when else None
        low = high if when is None else min(when.earliest, high)
    if high is None:
        high = low if when is None else max(when.latest, low)
    return low, high


def cycles(claims: Sequence[Claim], corpus: Corpus) -> list[list[Claim]]:
    """The claims of one event split into the cycles of a long-running series, or all of them
    as one group (a film, a numbered season, an event that happens once).

    In date order, a claim starts a new cycle when its dates begin more than CYCLE_GAP_DAYS
    after every date of the cycle so far, and its article was published after those dates had
    all passed: written when the last premiere was over, it is about the next. A claim
    published earlier joins the cycle even a year later ("2018" in January 2016 beside "2017":
    the same premiere, one of them wrong). A claim with no time and no publication date is
    compared with nothing. Linear after the sort."""
    if not recurs(claims):
        return [list(claims)]
    placed: list[tuple[tuple[dt.date, dt.date], Claim]] = []
    unplaced: list[Claim] = []
    for claim in claims:
        span = cycle_span(claim, corpus)
        if span:
            placed.append((span, claim))
        else:
            unplaced.append(claim)
    placed.sort(key=lambda item: (item[0], published_order(item[1], corpus)))
    groups: list[list[Claim]] = []
    end: dt.date | None = None
    for (start, stop), claim in placed:
        when = published(claim, corpus)
        if (end is not None and (start - end).days > CYCLE_GAP_DAYS
                and when is not None and when.earliest > end):
            end = None
        if end is None:
            groups.append([])
        groups[-1].append(claim)
        end = stop if end is None else max(end, stop)
    return groups + [[claim] for claim in unplaced]


# --- which cycle an unnumbered claim is about ----------------------------------------------------
#
# "The show returns in March", "the new season debuts next year", "Grey's Anatomy returns in
# the fall": a claim about a series with no season number pins no cycle once the series has
# run before. Real news is full of them (talk shows, reality shows, annual competitions), and
# the cycles above split them only by dates, which is not enough: the engine reports a finding
# that rests on one as info.

def unpinned_cycle(claim: Claim, corpus: Corpus) -> bool:
    """A release, renewal or shoot claim of a series with no season number, said of a return
    ("returns", "the new season") or after the corpus told of an earlier run."""
    if claim.relation or claim.subject.season is not None or claim.event not in CYCLE_EVENTS | {"filming"}:
        return False
    if claim.kind != "series":
        return False
    return bool(cycle_words().search(claim.evidence.text)) or ran_before(claim, corpus)


@cache
def cycle_words() -> re.Pattern:
    return knowledge.word_regex(knowledge.entry("events", "cycle_words"))


def ran_before(claim: Claim, corpus: Corpus) -> bool:
    """The corpus, in articles published no later than the claim's, tells of a release of the
    work (in the past tense) at least RUN_GAP_DAYS before the claim's time: a run before it."""
    when = published(claim, corpus)
    if when is None:
        return False
    earliest = claim.interval.earliest if claim.interval and claim.interval.earliest else when.earliest
    return any(told <= when.latest and (earliest - latest).days >= RUN_GAP_DAYS
               for told, latest in earlier_runs(corpus).get(corpus.work_key(claim.subject.work), ()))


# Yearly premieres come 330 to 365 days apart, and one that slips within its cycle moves weeks.
RUN_GAP_DAYS = 270


def earlier_runs(corpus: Corpus) -> dict[str, list[tuple[dt.date, dt.date]]]:
    """Work key -> (publication date, latest day) of each release the corpus tells in the past
    tense, whatever the season."""
    if corpus.runs is None:
        runs: dict[str, list] = defaultdict(list)
        for claim in corpus.claims:
            when = published(claim, corpus)
            if when is None or claim.relation or claim.negated or claim.event != "release" or claim.tense != "past":
                continue
            if claim.interval is not None and claim.interval.latest is not None:
                runs[corpus.work_key(claim.subject.work)].append((when.earliest, claim.interval.latest))
        corpus.runs = dict(runs)
    return corpus.runs
