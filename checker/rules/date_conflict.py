"""Two sources time the same event so that both cannot be right.

Why: one of them is wrong, or the date moved and an article still carries the old one as
current; the error spreads as other outlets copy it.
Flags: "Ember Falls premieres in November" (January 2016) beside "debuts on September 30"
(March 2016); "won't premiere in 2017" beside "premieres August 18, 2017"; "opens July 23,
2021" in a September 2020 article after a July 2020 article reported the film moved from
July 23, 2021 to November 19, 2021 (the old date stated as current), even when most sources
still give the old date; an article that says "opens July 23, 2021" and also that the film
moved from that date; an article whose headline says "delayed to July 2020" or "premiere for
Saturday 6 October" while its own body gives "26th June 2020" or "Sunday 7 October" (or says
"won't be part of the autumn line-up" under "return set for this autumn").
Passes: "in 2017" beside "on August 18, 2017" (a refinement, not a conflict); "launched in
1952" beside "premiered in 2016" (decades apart: a different run, not a moved date); a shoot
"in late 2016" beside "filming now" in January 2017 (a shoot lasts months); two dates in
one article ("was first rumored for October, now set for November"); the old date of a
reported move in articles published before the move was reported (they were right at their
time), and the old date as the reporting article itself gives it ("originally set for
July 23, 2021"); "November 2021" in April 2021 beside a later "nearly three years after its
original July 2019 date, it finally opens May 27, 2022" (a step the report skips); a
headline "premieres in October" over a body's "on October 7" (the body narrows it); a
talk show's "returns in March" in 2017 and again in 2018 (two cycles of
a long-running series, not one premiere that moved); "hits UK cinemas 18 August" beside
"opens August 4" (a release told for one named market is compared only with releases told
for that market; a film's opening told the British way, "opens 24 May" or "in cinemas", is the
UK's). Reported as info, not an alarm: a day given before every source that
disagrees with it, while that day was still ahead ("opens June 1, 2018" in July 2017 beside
"May 18" from 2018 on: announced, then moved, though no source reports the move); a later date
given by the newest source, still ahead ("opens June 5, 2020" in December 2018 beside "Nov. 1,
2019" from mid-2018: a delay no source reports); a release told as done and another date a
year or more after it (a remake, a sequel, another run).
Fix: check the studio's or network's announcement, correct the article that is wrong, or
add that the date has since moved.
How: a date the extractor marks superseded ("originally set for X", "moved from X to Y") is a
reported move: the old date X, reported on the day its article was published, with that
article's current dates as the new one; superseded claims never count towards agreement and
are never flagged. A claim of an old date (sharing a day with it and lying within its calendar
month or months: "July 2021" is the old "July 23, 2021", "August 2021" and "2021" are not)
published before the report, or on its day, was right at its time; one published after it is
stale, and is flagged with the article(s) that reported the move and the new date even when
most sources still give the old one. After successive moves (X to Y to Z, reported at
different times) the current date at a publication time is the latest one reported by then,
so a later claim of Y is stale too. For a series with no season number (kind "series"), a
premiere's, renewal's, shoot start's or wrap's claims are split into cycles first: in date
order, a claim starts a new cycle when its dates begin more than 120 days after every date of
the cycle so far and its article was published after those dates had all passed (written once
the last premiere was over, it is about the next one); films and works of unknown kind are
not split, since a film moved a year is a real move. Within a cycle, the claims no move
explains (in runs of dates within max-gap-days of each other: a date years from all the
others is about something else and decides nothing for them) are compared with the day most
sources allow (each article counted once, by its
firmest claim, for the days its most precise claims allow; in a tie, a claim that allows
every date in question takes no side), and each claim that excludes that day is reported with the sources it
contradicts, whatever their publication order. A report whose old date is an original one
("its original July 2019 date", "was initially set for") explains, besides that date, every
date wholly between it and the new one said before the report: the film may have moved
several times. A headline (the body's first line, when it is the article's title) is held
against its own body: its date is flagged when a denial in the body covers it, or when the
body gives dates as current and every one of them leaves the headline's out (a headline that
only says "ahead of" or "after" a date is left alone: the date is often another event's).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Iterator, Sequence

from checker.findings import Severity
from checker.rules import wording
from checker.rules.base import Conflict, Corpus, Rule, RuleOptions, Scope
from checker.rules.timeline import (POINT_EVENTS, Move, Stale, agreement, cycles, dated, disjoint,
                                    in_headline, interval_of, is_now, other_entry, published, published_order,
                                    reported_moves, same_date, stand, states_a_date, time_of, within)
from claims.models import Claim, Interval


class Options(RuleOptions):
    # Times this many days apart or fewer are let pass ("Sept. 28" beside "September 30").
    tolerance_days: int = 0
    # Times further apart than this are about different things (a remake, a revival, a
    # series' first run beside its tenth), not one date that moved.
    max_gap_days: int = 5 * 365


def apart(a: Claim, b: Claim, options: Options) -> bool:
    # (one article's headline and body speak for one market)
    if not disjoint(interval_of(a), interval_of(b)) or a.article != b.article and not same_market(a, b):
        return False
    return options.tolerance_days < gap_days(interval_of(a), interval_of(b)) <= options.max_gap_days


def same_market(a: Claim, b: Claim) -> bool:
    """Two releases told for one market, or neither for a named one: "hits UK cinemas 18
    August" is no conflict with "opens August 4" (the US date)."""
    return a.explain.get("market") == b.explain.get("market")


def check(claims: Sequence[Claim], corpus: Corpus, options: Options) -> Iterator[Conflict]:
    if not claims or claims[0].event not in POINT_EVENTS:
        return
    # First, so that a headline date its own body contradicts is reported as that.
    yield from headline_conflicts(claims, corpus, options)
    timed = [claim for claim in claims if states_a_date(claim)]
    standing = stand(timed, reported_moves(claims, corpus), corpus)
    for group in by_article_and_time(standing.stale):
        found = stale_conflict(group, corpus, options)
        if found:
            yield found
    for group in by_article_and_time(standing.own):
        yield own_conflict(group, corpus)
    denials = [claim for claim in claims if claim.negated and dated(claim) and not claim.superseded]
    for cycle in cycles(standing.current + denials, corpus):
        yield from disagreements(cycle, corpus, options)


def disagreements(claims: Sequence[Claim], corpus: Corpus, options: Options) -> Iterator[Conflict]:
    """Claims no move explains, in one cycle: the odd ones out against the agreed day, and
    denials against the dates they deny."""
    timed = [claim for claim in claims if not claim.negated]
    for near in near_runs(timed, options):
        yield from odd_ones_out(near, corpus, options)
    for denial in (claim for claim in claims if claim.negated):
        opposed = [other for other in timed
                   if other.article != denial.article and within(interval_of(other), interval_of(denial))]
        if opposed:
            yield conflict([denial], opposed, corpus, "says")


def near_runs(claims: list[Claim], options: Options) -> list[list[Claim]]:
    """The claims in runs of dates within max-gap-days of each other (in their order):
    a date further from every other is about something else (a remake, a revival), and
    must not decide which day the others agree on ("2040" beside "September 30, 2016" and
    "November 4, 2016" leaves those two in conflict)."""
    def bounds(claim: Claim) -> tuple[dt.date, dt.date]:
        interval = interval_of(claim)
        return interval.earliest or dt.date.min, interval.latest or dt.date.max

    run_of: dict[int, int] = {}
    run, end = -1, None
    for index, claim in sorted(enumerate(claims), key=lambda item: bounds(item[1])):
        start, latest = bounds(claim)
        if end is None or (start - end).days > options.max_gap_days:
            run, end = run + 1, latest
        else:
            end = max(end, latest)
        run_of[index] = run
    return [[claim for index, claim in enumerate(claims) if run_of[index] == number] for number in range(run + 1)]


def odd_ones_out(timed: list[Claim], corpus: Corpus, options: Options) -> Iterator[Conflict]:
    """Each article and time that leaves out the day most of these claims allow."""
    agreed = agreement(timed, corpus)
    if agreed is None:
        return
    outliers: dict[tuple, list[Claim]] = defaultdict(list)
    # (by identity: a list's `in` compares pydantic models field by field, per claim)
    supporting = {id(claim) for claim in agreed.support}
    for claim in timed:
        # "is wrapping up as we speak" says the event is under way, not when: tense-drift's.
        if id(claim) not in supporting and not is_now(claim, corpus):
            time = time_of(claim)
            outliers[(claim.article, time.value, time.mod)].append(claim)
    for group in outliers.values():
        opposed = [other for other in agreed.support
                   if other.article != group[0].article and apart(group[0], other, options)]
        if opposed:
            found = conflict(group, opposed, corpus, "says")
            why = explanation(group[0], opposed, corpus)
            if why:
                found.severity = Severity.INFO
                found.message += " " + why
            yield found


def explanation(claim: Claim, opposed: list[Claim], corpus: Corpus) -> str | None:
    """What most likely explains the disagreement other than a wrong date (the finding is then
    info), or None."""
    for likely, why in EXPLANATIONS:
        if likely(claim, opposed, corpus):
            return why
    return None


def two_entries(claim: Claim, opposed: list[Claim], corpus: Corpus) -> bool:
    return all(other_entry(claim, other) for other in opposed)


def maybe_moved_since(claim: Claim, opposed: list[Claim], corpus: Corpus) -> bool:
    """A day given before every source that disagrees with it, while that day was still ahead,
    against other days: the date was announced and then moved, though no source reports the
    move ("opens June 1, 2018" in July 2017 beside "May 18" from 2018 on). So is a year given
    while it was still running or ahead ("set to be released in 2017" in August 2016, "slated
    to air later this year"): the coarsest of plans, the one that slips most. A month or a
    season given early ("a November debut") is a date told: it stays a conflict. Sources with
    no publication date say nothing of the order and are left out."""
    when = published(claim, corpus)
    if when is None or claim.time is None or claim.interval is None or claim.interval.earliest is None:
        return False
    if DAY.fullmatch(time_value(claim)):
        if claim.interval.earliest <= when.latest:
            return False
    elif not (YEAR.fullmatch(time_value(claim)) and claim.interval.latest and claim.interval.latest > when.latest):
        return False  # (a year still running or ahead: "set to be released in 2017", "later this year")
    dated = [(other, said) for other in opposed if (said := published(other, corpus)) is not None]
    return bool(dated) and all(DAY.fullmatch(time_value(other)) and said.earliest > when.latest
                               for other, said in dated)


def time_value(claim: Claim) -> str:
    """The TIMEX3 value of a dated claim (its interval is read from it)."""
    value = time_of(claim).value
    assert value is not None
    return value


def moved_later_since(claim: Claim, opposed: list[Claim], corpus: Corpus) -> bool:
    """The newest of the sources gives a later date than every older one, a date still ahead
    when it wrote ("opens June 5, 2020" in December 2018 beside "Nov. 1, 2019" from June
    2018): a delay the corpus does not report, most likely, not a wrong date."""
    when = published(claim, corpus)
    if when is None or claim.interval is None or claim.interval.earliest is None or claim.tense == "past":
        return False
    if claim.interval.earliest <= when.latest:
        return False
    for other in opposed:
        said = published(other, corpus)
        if said is None or said.latest >= when.earliest or other.interval is None \
                or other.interval.latest is None or other.interval.latest >= claim.interval.earliest:
            return False
    return True


DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
YEAR = re.compile(r"\d{4}")


def counted_from_the_article(claim: Claim, opposed: list[Claim], corpus: Corpus) -> bool:
    """ "hits theaters tomorrow", "down from last week's series premiere": the times differ by
    a week or less, and those of one side are counted from their article's own date (no number
    in them, a week or less long: "tomorrow", "Friday", "last week"). Crawled articles often
    carry the date of an update, and the conflict is then only that shift."""
    if not all(short_time(other) and gap_days(interval_of(claim), interval_of(other)) <= 7
               for other in [claim, *opposed]):
        return False
    return counted(claim) or all(counted(other) for other in opposed)


def short_time(claim: Claim) -> bool:
    """A time of a week or less: a day, a weekend, a week."""
    interval = claim.interval
    return interval is not None and interval.earliest is not None and interval.latest is not None \
        and (interval.latest - interval.earliest).days <= 7


def counted(claim: Claim) -> bool:
    """Its time is counted from the article's date: written with no number."""
    if not claim.time_text:
        return False
    return not any(char.isdigit() for char in claim.time_text)


def gap_days(a: Interval, b: Interval) -> int:
    """Days between two intervals, 0 when they meet (an open end meets everything)."""
    if a.latest and b.earliest and a.latest < b.earliest:
        return (b.earliest - a.latest).days
    if b.latest and a.earliest and b.latest < a.earliest:
        return (a.earliest - b.latest).days
    return 0


def year_guessed(claim: Claim, opposed: list[Claim], corpus: Corpus) -> bool:
    """A date written without its year ("Season 7 (which premiered July 16)" in a piece from
    the next year, "both got December premieres") that agrees with every disagreeing source
    once given that source's year: what differs is the year the reading supplied, not the date
    the article wrote."""
    if not claim.explain.get("year") or claim.interval is None or claim.interval.earliest is None \
            or claim.interval.latest is None:
        return False
    for other in opposed:
        if other.interval is None or other.interval.earliest is None:
            return False
        years = {other.interval.earliest.year, (other.interval.latest or other.interval.earliest).year}
        if not any(not disjoint(in_year(claim.interval, year), other.interval)
                   for year in years - {claim.interval.earliest.year}):
            return False
    return True


def in_year(interval: Interval, year: int) -> Interval:
    """The same days in another year (February 29 becomes the 28th)."""
    def moved(day: dt.date, to: int) -> dt.date:
        return day.replace(year=to, day=min(day.day, 28)) if (day.month, day.day) == (2, 29) else day.replace(year=to)
    earliest, latest = interval.earliest, interval.latest
    assert earliest is not None and latest is not None  # (year_guessed: bounded both ends)
    span = latest.year - earliest.year
    return Interval(earliest=moved(earliest, year), latest=moved(latest, year + span))


def headline_conflicts(claims: Sequence[Claim], corpus: Corpus, options: Options) -> Iterator[Conflict]:
    """An article whose headline dates the event where its own body does not: "delayed to July
    2020" above "will now arrive on 26th June 2020", "Saturday 6 October" above "Sunday 7
    October", "return set for this autumn" above "won't be part of the autumn line-up". The
    headline's date is flagged when every date the body gives as current leaves it out, or a
    denial in the body covers it; dates of another cycle of a series are left alone, and so
    is a headline that only places the event before or after a date ("Takes Its Cannes Bow
    Ahead Of May 23 Release": the date is often another event's)."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.relation is None and dated(claim) and not claim.superseded:
            by_article[claim.article].append(claim)
    for said in by_article.values():
        heads = [claim for claim in said if in_headline(claim, corpus) and states_a_date(claim)
                 and time_of(claim).mod not in ("BEFORE", "AFTER")]
        body = [claim for claim in said if not in_headline(claim, corpus)]
        for head in heads:
            cycle = next(group for group in cycles([head] + body, corpus) if head in group)
            dates = [claim for claim in cycle if claim is not head and states_a_date(claim)]
            denials = [claim for claim in cycle if claim.negated and within(interval_of(head), interval_of(claim))]
            against = denials or (dates if dates and all(apart(head, other, options) for other in dates) else [])
            if against:
                yield headline_conflict(head, against, corpus)


def headline_conflict(head: Claim, body: list[Claim], corpus: Corpus) -> Conflict:
    """ "Radio Times (Aug 30, 2018) headlines that Top Gun: Maverick opens in July 2020 ("...
    delayed by a year to July 2020"), but its own body puts it on June 26, 2020 ("...")." """
    denials = [claim for claim in body if claim.negated]
    message = (f"{wording.source(head.article, corpus.articles)} headlines that {wording.event_phrase(head)} "
               f"({wording.quote(head.evidence.text)}), but its own body ")
    message += (f"says {wording.quote(denials[0].evidence.text)}." if denials else
                f"puts it {wording.said_times(body)} ({wording.quote(body[0].evidence.text)}).")
    return Conflict(claims=[head] + body, message=message, anchor=[head])


def conflict(claims: list[Claim], opposed: list[Claim], corpus: Corpus, verb: str) -> Conflict:
    opposed = sorted(opposed, key=lambda claim: published_order(claim, corpus))
    first = claims[0]
    message = (f"{wording.source(first.article, corpus.articles)} {verb} {wording.event_phrase(first)}; "
               f"{wording.sources([c.article for c in opposed], corpus.articles, 'puts')} it "
               f"{wording.said_times(opposed)}.")
    return Conflict(claims=claims + opposed, message=message, anchor=claims)


def by_article_and_time(entries: Sequence[Stale]) -> list[list[Stale]]:
    """One finding per article and time, like the odd ones out."""
    groups: dict[tuple, list[Stale]] = defaultdict(list)
    for entry in entries:
        time = time_of(entry.claim)
        groups[(entry.claim.article, time.value, time.mod)].append(entry)
    return list(groups.values())


def move_claims(move: Move, claim: Claim) -> list[Claim]:
    """What a report of a move says about a claim's date: the old date it matches, the new."""
    return [old for old in move.old if same_date(interval_of(claim), interval_of(old))] + move.new


def stale_conflict(group: list[Stale], corpus: Corpus, options: Options) -> Conflict | None:
    """ "X (Sept 7, 2020) still says W opens on July 23, 2021; Y (July 2020) reported it moved
    to Nov 19, 2021." The claims of one article and time share their moves."""
    first, claim = group[0], group[0].claim
    moved_to = next((move.new for move in reversed(first.moves) if move.new), [])
    now = first.latest.new if first.latest else moved_to
    if now and not any(apart(claim, other, options) for other in now):
        return None   # the new date is within the tolerance of the old one
    articles = corpus.articles
    message = (f"{wording.source(claim.article, articles)} still says {wording.event_phrase(claim)}; "
               f"{wording.sources([move.article for move in first.moves], articles, 'reported')}")
    message += (f" it moved to {wording.said_times(moved_to, with_preposition=False)}" if moved_to
                else " that date moved")
    if first.latest:
        message += (f", and {wording.source(first.latest.article, articles)} that it moved again, "
                    f"to {wording.said_times(first.latest.new, with_preposition=False)}")
    evidence = [entry.claim for entry in group]
    for move in first.moves + ([first.latest] if first.latest else []):
        evidence += move_claims(move, claim)
    return Conflict(claims=unique(evidence), message=message + ".", anchor=[entry.claim for entry in group])


def own_conflict(group: list[Stale], corpus: Corpus) -> Conflict:
    """An article that states as current a date it also reports moved away from."""
    claim = group[0].claim
    new = [other for move in group[0].moves for other in move.new]
    message = (f"{wording.source(claim.article, corpus.articles)} says {wording.event_phrase(claim)}, "
               f"but also reports it moved from that date"
               + (f" to {wording.said_times(new, with_preposition=False)}." if new else "."))
    evidence = [entry.claim for entry in group]
    for move in group[0].moves:
        evidence += move_claims(move, claim)
    return Conflict(claims=unique(evidence), message=message, anchor=[entry.claim for entry in group])


def unique(claims: list[Claim]) -> list[Claim]:
    return list({claim.id: claim for claim in claims}.values())


# In order: the first that holds explains the finding.
EXPLANATIONS = (
    (two_entries, "A year or more apart, and one of them says it has happened: most likely two works or two runs"
                  " (a remake, a sequel, another season), not one date."),
    (maybe_moved_since, "It gave its day before any of them and while that day was still ahead: the date may"
                        " have moved since."),
    (counted_from_the_article, "Its time is counted from the article's date, within a week of the others: the"
                               " date the corpus gives the article may be off (an update)."),
    (year_guessed, "The article gives no year: the same day or month in another year, most likely a wrong guess"
                   " at the year, not another date."),
    (moved_later_since, "It is the newest source and gives a later date, still ahead: the date may have been"
                        " pushed back since the others wrote."),
)


RULE = Rule(id="date-conflict", severity=Severity.ERROR,
            summary="Claims about the same event give times that cannot both hold.",
            scope=Scope.EVENT, check=check, doc=__doc__, options=Options)
