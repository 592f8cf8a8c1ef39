"""The time of a claim: which time expression a trigger takes, and its value."""
from __future__ import annotations

import re

from dataclasses import dataclass

from claims.extract import events, grammar, strategies
from claims.extract.context import ArticleContext
from claims.extract.sentences import Sentence
from functools import cache

from claims.extract.temporal import Timex, lexicon as time_lexicon, normalize, renormalize
from claims.models import TimeValue

CALENDAR_TYPES = {"DATE", "TIME"}
CURRENTLY = re.compile(r"\b(?:currently|now|right now|at the moment|at present|presently)\s+(?:\w+\s+)?$",
                       re.IGNORECASE)
DONE = re.compile(r"\b(?:has|have|hasn't|haven't)\s+(?:(?:already|now|finally|officially|just|"
                  r"been)\s+)*\w+(?:ed|un|en|t)\b|\balready\s+\w+(?:ed|un|en|t)\b", re.IGNORECASE)
NOW_ING = re.compile(r"\bnow\s+\w+ing\b", re.IGNORECASE)
# A TIMEX3 value with a time of day ("2017-07-13T21:00", "2017-07-13TNI") and its date part.
TIME_OF_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})T.*")


# "slated X for a Dec. 18 release", "moved X to May": the time a scheduling verb gives.
TIME_AFTER_FOR = re.compile(r"\b(?:for|to|until|into)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,1}$",
                            re.IGNORECASE)


@cache
def weekday_only() -> re.Pattern:
    """A bare weekday ("Friday", "this Friday"), names from claims/data/time/calendar.yaml."""
    names = "|".join(sorted(map(re.escape, time_lexicon().weekdays), key=len, reverse=True))
    return re.compile(rf"(?:this\s+|next\s+)?(?:{names})\.?", re.IGNORECASE)


def time_for(context: ArticleContext, sentence: Sentence, trigger: events.Trigger,
             clause: tuple[int, int], triggers: list[events.Trigger]) -> Timex | None:
    """The time expression a trigger's claim states: in its clause, the nearest after the
    trigger (before the next trigger), else the nearest before it."""
    candidates = [t for t in context.timexes if t.type in CALENDAR_TYPES or t.value.endswith("_REF")]
    in_clause = [t for t in candidates if clause[0] <= t.start and t.end <= clause[1]]
    # ("Filming Now Set For 2017": a scheduling verb after an event is that event's.)
    next_trigger = min((t.start for t in triggers if t.start > trigger.end and not t.needs_for),
                       default=sentence.end)
    body = context.article.body
    if trigger.form == "noun":
        # "a September 30th debut", "an early 2018 slot": the time right before the noun.
        adjacent = [t for t in in_clause if t.end <= trigger.start and
                    re.fullmatch(r"[\s-]*(?:[\w+'’]+\s+){0,2}", body[t.end:trigger.start])]
        if adjacent:
            return adjacent[-1]
    after = [t for t in in_clause if t.start >= trigger.end and t.start < next_trigger]
    if events.is_scheduling(trigger):
        # "moving X from Nov. 20, 2019 to Dec. 18, 2020": the new date is the one it gives.
        after = [t for t in after if TIME_AFTER_FOR.search(body[max(0, t.start - 30):t.start])] or after
    if after:
        return most_specific(after)
    # A time before the trigger ("In September, X premieres") only when the clause has no
    # other event it could belong to.
    others = [t for t in triggers if t is not trigger and clause[0] <= t.start < clause[1]]
    # (Not a year that names something: "at the 2016 TCA Winter Tour".)
    before = [t for t in in_clause if t.end <= trigger.start and not t.value.endswith("_REF")
              and not re.match(r"\s+[A-Z]", body[t.end:t.end + 2])]
    if before and not others:
        return before[-1]
    # "X Season 2 Release Date: September 2017": a headline gives the time after a colon.
    if trigger.form == "noun" and re.fullmatch(r"\s*", body[trigger.end:clause[1]]) \
            and body[clause[1]:clause[1] + 2].startswith(":"):
        following = [t for t in candidates if clause[1] < t.start <= clause[1] + 3]
        if following:
            return following[0]
    return None


# A temporal subordinate clause: its present tense tells of something still ahead.
SUBORDINATE_TIME = re.compile(r"\b(?:after|once|when|until|till|before|as soon as|by the time)\s+[^,;]*$",
                              re.IGNORECASE)
ONGOING = re.compile(r"\b(?:is|are|'s|’s)\s+(?:\w+\s+){0,2}(?:in|into|through|midway through|"
                     r"halfway through|deep into)\b[^,.;]*$", re.IGNORECASE)
RANGE_LINK = re.compile(r"^\s*(?:to|until|till|through|thru|-|–|and)\s*$", re.IGNORECASE)


def time_range(context: ArticleContext, first: Timex | None) -> tuple[Timex, Timex] | None:
    """The two ends of "from X to Y", when the time found is X."""
    if first is None or not re.search(r"\bfrom\s+$", context.article.body[max(0, first.start - 8):first.start],
                                      re.IGNORECASE):
        return None
    for timex in context.timexes:
        if timex.start > first.end and RANGE_LINK.match(context.article.body[first.end:timex.start]):
            return first, timex
    return None


def most_specific(timexes: list[Timex]) -> Timex:
    """The first of the most precise times: "later this year on September 30th" is the 30th."""
    def precision(t: Timex) -> int:
        # A date the text dates fully beats one whose year was guessed ("Friday, Nov. 17, 2017").
        # A bare weekday ("announced Tuesday") is a day, but a guessed one: a date wins.
        score = (len(t.value) if t.value[:1].isdigit() else 0) * 2 + (not t.year_inferred)
        return score - 3 if weekday_only().fullmatch(t.text) else score
    best = max(precision(t) for t in timexes)
    return next(t for t in timexes if precision(t) == best)


@dataclass
class YearQuery:
    """A year-less date ("March 27") and the claim it dates."""

    context: ArticleContext
    trigger: events.Trigger
    timex: Timex
    tense: str
    before: str      # the clause up to the trigger


def scheduled_new_date(q: YearQuery) -> str | None:
    """"Focus has scheduled X for Oct. 12", "was pushed to August": a new date lies ahead,
    whatever the verb's tense."""
    return "future" if events.is_scheduling(q.trigger, q.before) else None


def indefinite_noun(q: YearQuery) -> str | None:
    """"dropped a teaser pointing to a November release": an event noun with "a" is still ahead."""
    body = q.context.article.body
    if q.trigger.form == "noun" and re.search(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$",
                                              body[max(0, q.timex.start - 20):q.timex.start], re.IGNORECASE):
        return "future"
    return None


def clause_tense(q: YearQuery) -> str | None:
    """The clause's own tense: a past verb dates it back, a present or future one ahead."""
    if q.tense == "past":
        return "past"
    return "future" if q.tense in ("present", "future") else None


def narrative_verb(q: YearQuery) -> str | None:
    """No finite verb in the clause ("told THR in February, before the show's seventh
    season debut"): the nearest finite verb of the sentence decides."""
    if q.trigger.form != "noun":
        return None  # "X, premiering in May": a participle looks ahead from the narrative
    body = q.context.article.body
    start = body.rfind("\n", 0, q.timex.start) + 1
    end = body.find("\n", q.timex.end)
    tense = grammar.nearest_finite_tense(body[start:q.timex.start], body[q.timex.end:end if end >= 0 else None])
    if tense == "past":
        return "past"
    return "future" if tense else None


# How a year-less date takes its year, in order (CONTRACT: the nearest year that makes the
# stated tense true; the narrative around it when the clause has no tense of its own).
YEAR_DIRECTIONS = (scheduled_new_date, indefinite_noun, clause_tense, narrative_verb)


def time_value(context: ArticleContext, trigger: events.Trigger, timex: Timex | None,
               tense: str, before: str, lead: str = "") -> TimeValue | None:
    published = context.published
    if published and trigger.event == "filming" and CURRENTLY.search(before):
        return TimeValue(value=published.value, mod=None)
    if timex is not None:
        value, mod = timex.value, timex.mod
        if timex.year_inferred and published:
            direction, _ = strategies.first(YEAR_DIRECTIONS, YearQuery(context, trigger, timex, tense, lead + before))
            redated = renormalize(timex, published, direction or "future")
            value, mod = redated.value, redated.mod
        if tense in ("present", "future") and published and published.day and \
                weekday_only().fullmatch(timex.text):
            # "opens in theaters on Friday": a scheduled weekday is the coming one.
            value = normalize(timex.text, published, "future")[0] or value
        if mod == "ON_OR_BEFORE" and grammar.NEGATION.search(before) and re.search(
                r"\buntil\s+$", context.article.body[max(0, timex.start - 8):timex.start], re.IGNORECASE):
            mod = None  # "won't start shooting until 2017": it starts in 2017
        if value == "PRESENT_REF" and published and trigger.event.startswith("filming"):
            return TimeValue(value=published.value, mod=None)
        # A claim's time is a day (CONTRACT §2): "premieres tonight at 9 p.m." is the DCT's date.
        return TimeValue(value=TIME_OF_DAY.sub(r"\1", value), mod=mod)
    if published is None:
        return None
    if trigger.event == "filming" and trigger.form == "noun" and ONGOING.search(before):
        # "is in the last stretch of its shoot", "is halfway through production": under way
        return TimeValue(value=published.value, mod=None)
    if trigger.event == "filming" and tense in ("present", "none") and (
            CURRENTLY.search(before) or trigger.form in ("be", "ing") and tense == "present"):
        return TimeValue(value=published.value, mod=None)
    if trigger.event == "filming" and tense == "present" and trigger.form != "noun":
        return TimeValue(value=published.value, mod=None)  # ("sources close to the production": no shoot)
    # Done by the time of writing: "has begun", "already wrapped", "Netflix Renews X",
    # "season 2 kicks off", "now kicking off".
    # An event noun's verb may stand before its work: "Amazon has handed X a renewal".
    verb_before = ((lead + before)[-70:] if trigger.form == "noun" and trigger.event in ("renewal", "cancellation")
                   else before[-40:])
    verb_text = " ".join(filter(None, [verb_before, trigger.text, trigger.verb_text or ""]))
    if grammar.NEGATION.search(" ".join(before.split()[-3:])):
        return None  # "has not yet started filming": nothing is done by the time of writing
    if SUBORDINATE_TIME.search((lead + before)[-60:]):
        return None  # "will shoot right after the first film wraps": that wrap is ahead
    if trigger.event in ("filming_start", "filming_end", "renewal", "cancellation", "release") and (
            DONE.search(verb_text)
            or tense == "present" and trigger.event != "release"
            and ((trigger.verb_form or trigger.form) in ("s", "verb") or NOW_ING.search(verb_text))):
        return TimeValue(value=published.value, mod="ON_OR_BEFORE")
    if trigger.event == "release" and tense == "present" and "available" in trigger.text.lower():
        return TimeValue(value=published.value, mod="ON_OR_BEFORE")
    return None
