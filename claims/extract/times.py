"""The time of a claim: which time expression a trigger takes, and its value."""
from __future__ import annotations

import datetime as dt
import re

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import cast

from claims.extract import events, gazetteer, grammar, lexicon, moves, strategies
from claims.extract.context import ArticleContext
from claims.extract.sentences import Sentence
from functools import cache

from claims.extract.temporal import Timex, counted_back, lexicon as time_lexicon, normalize, renormalize
from claims.models import TimeMod, TimeValue

CALENDAR_TYPES = {"DATE", "TIME"}
CURRENTLY = re.compile(r"\b(?:currently|now|right now|at the moment|at present|presently)\s+(?:\w+\s+)?$",
                       re.IGNORECASE)
DONE = re.compile(r"\b(?:has|have|hasn't|haven't)\s+(?:(?:already|now|finally|officially|just|"
                  r"been)\s+)*\w+(?:ed|un|en|t)\b|\balready\s+\w+(?:ed|un|en|t)\b", re.IGNORECASE)
NOW_ING = re.compile(r"\bnow\s+\w+ing\b", re.IGNORECASE)
# A TIMEX3 value with a time of day ("2017-07-13T21:00", "2017-07-13TNI") and its date part.
TIME_OF_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})T.*")
# A clock time that names no day: "8:30 p.m.", "9pm", "20:00 GMT".
CLOCK_ONLY = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?", re.IGNORECASE)


# "slated X for a Dec. 18 release", "moved X to May": the time a scheduling verb gives.
TIME_AFTER_FOR = moves.DESTINATION


@cache
def weekday_only() -> re.Pattern:
    """A bare weekday ("Friday", "this Friday", "Tuesday night"), names from
    claims/data/time/calendar.yaml and relative.yaml."""
    names = "|".join(sorted(map(re.escape, time_lexicon().weekdays), key=len, reverse=True))
    parts = "|".join(sorted(map(re.escape, time_lexicon().day_parts), key=len, reverse=True))
    return re.compile(rf"(?:this\s+|next\s+)?(?:{names})\.?(?:\s+(?:{parts}))?", re.IGNORECASE)


def scheduled_weekday(text: str) -> bool:
    """A weekday with at most a part of the day or a clock time: "Friday", "Friday night",
    "9 p.m. on Friday", "midnight on Friday"."""
    return bool(weekday_only().fullmatch(text) or clock_on_weekday().fullmatch(text))


@cache
def clock_on_weekday() -> re.Pattern:
    clock_words = "|".join(map(re.escape, time_lexicon().clock_words))
    return re.compile(rf"(?:{CLOCK_ONLY.pattern}|{clock_words})\s+(?:on\s+)?(?:{weekday_only().pattern})",
                      re.IGNORECASE)


@dataclass
class TimeQuery:
    """A trigger, its clause and the time expressions that may date it."""

    context: ArticleContext
    sentence: Sentence
    trigger: events.Trigger
    clause: tuple[int, int]
    triggers: Sequence[events.Trigger]

    def __post_init__(self) -> None:
        self.in_clause = [t for t in self.context.times_between(*self.clause)
                          if may_be_its_time(t) and t.end <= self.clause[1]
                          and may_date_a_work(self.context, t)
                          and not (t.start >= self.trigger.end and possessive_time(self.context.article.body, t))
                          and not (t.end <= self.trigger.start
                                   and POSSESSIVE_OWNS_NOUN.match(self.context.article.body, t.end))
                          and not (t.start >= self.trigger.end and titles_year(self.context.article.body, t))]
        # ("Filming Now Set For 2017": a scheduling verb after an event is that event's.)
        self.next_trigger = min((t.start for t in self.triggers if t.start > self.trigger.end and not t.needs_for),
                                default=self.sentence.end)

    @property
    def body(self) -> str:
        return self.context.article.body


# "... before co-starring in the dramas Reign Over Me (2007)": a year in parentheses right
# after a capitalised name labels that title.
TITLE_BEFORE_PARENTHESIS = re.compile(r"[A-Z0-9][\w'’.!?:-]*['’\"”]?\s*\($")


def titles_year(body: str, timex: Timex) -> bool:
    """A year in parentheses after a title ("Reign Over Me (2007)"): that title's year, no
    date of an event told before it."""
    return bool(re.fullmatch(r"\d{4}", timex.text)) and body[timex.end:timex.end + 1] == ")" \
        and TITLE_BEFORE_PARENTHESIS.search(body, max(0, timex.start - 60), timex.start) is not None


def may_be_its_time(timex: Timex) -> bool:
    """A calendar time or a vague one ("now", "soon"): what may date a trigger."""
    return timex.type in CALENDAR_TYPES or timex.value.endswith("_REF")


@cache
def slot_after() -> re.Pattern:
    words = lexicon.alternation(lexicon.entry("events", "slot_words"))
    clock = r"\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?"
    # (a clock time or a span of them: "the Thursday 9 p.m. slot", "the Thursday 8-9 p.m. slot")
    return re.compile(rf"\s+(?:{clock}(?:\s*[-–—]\s*{clock})?\s+)?(?:[A-Z]{{1,3}}\s+)?(?:{words})\b", re.IGNORECASE)


def may_date_a_work(context: ArticleContext, timex: Timex) -> bool:
    """Not a schedule's slot, an hour alone, a title in quotes, a name, nor another event's
    time (asked once per time expression of the article)."""
    key = (timex.start, timex.end)
    if key not in context.time_uses:
        body = context.article.body
        context.time_uses[key] = not (names_a_slot(body, timex) or clock_only(timex) or quoted_title(body, timex)
                                      or month_of_a_name(body, timex) or titled_time(body, timex)
                                      or owned_by_other_event(body, timex))
    return context.time_uses[key]


def clock_only(timex: Timex) -> bool:
    """"airs at 7 a.m. PT", "during the 9 a.m. hour": an hour of the day names a broadcast
    slot; with no day said, it dates no premiere (the normalizer puts it on the article's day)."""
    return timex.type == "TIME" and not DAY_WORD.search(timex.text)


# A word that names a day ("Monday", "tonight", "March 3"): "7 a.m." and "9 p.m. ET" have none.
DAY_WORD = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3}|[A-Za-z]{3,}\.?\s+\d|(?i:day|night|tonight|today|tomorrow|"
                      r"morning|evening|afternoon|noon|midnight)|\d{4}")


def month_of_a_name(body: str, timex: Timex) -> bool:
    """"Mama June", "June Shannon", "April Ryan": a month name inside a run of capitalized
    names, with no day or year, is a person's name."""
    if timex.type != "DATE" or any(ch.isdigit() for ch in timex.text) or " " in timex.text.strip():
        return False
    if not time_lexicon().months.get(timex.text.lower().rstrip(".")):
        return False
    before = NAME_BEFORE.search(body[max(0, timex.start - 30):timex.start])
    after = NAME_AFTER.match(body, timex.end)
    # ("Mama June"; not "Netflix June" nor "In June")
    if before and before.group(1).lower() not in time_lexicon_words() \
            and gazetteer.organisation_kind(before.group(1)) is None:
        return True
    # ("June Shannon"; not "In June Marvel announced")
    return after is not None and gazetteer.surname_count(after.group(1)) >= COMMON_SURNAME \
        and gazetteer.organisation_kind(after.group(1)) is None


COMMON_SURNAME = 1_000  # people with the surname in the 2010 US Census
NAME_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b([A-Z][a-z]+)\s+$")
NAME_AFTER = re.compile(r"\s+([A-Z][a-z]{2,})\b(?!\s+\d)")


@cache
def time_lexicon_words() -> frozenset[str]:
    """Capitalized words that stand next to a month in a date, not in a name ("Early June",
    "Monday, June"): prepositions, time words, weekdays, months."""
    lex = time_lexicon()
    return frozenset({*lex.months, *lex.weekdays, *(w.lower() for w in lexicon.entry("tense", "subordinators")),
                      "in", "on", "by", "from", "through", "last", "next", "this", "early", "late", "mid",
                      "during", "the", "each", "every", "of", "and", "or", "to", "till", "around", "about", "circa"})


def possessive_time(body: str, timex: Timex) -> bool:
    """"one of Wednesday night's top programs", "Sunday's ratings": a time in the possessive
    after the event word describes the noun it owns."""
    return body[timex.end:timex.end + 2] in ("'s", "’s")


# "last year's tradition of airing", "this year's edition of": a time in the possessive that
# owns a noun of its own before the event word.
POSSESSIVE_OWNS_NOUN = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){1,2}(?:of|for|to)\s")


def owned_by_other_event(body: str, timex: Timex) -> bool:
    """"ahead of his June 17 wedding", "the attack on May 22, 2017": a time that belongs to
    a person's or the news's event standing next to it."""
    nouns = other_event_nouns()
    return bool(nouns[0].match(body, timex.end) or nouns[1].search(body[max(0, timex.start - 40):timex.start]))


@cache
def other_event_nouns() -> tuple[re.Pattern, re.Pattern]:
    nouns = lexicon.alternation(lexicon.entry("events", "other_event_nouns"))
    return (re.compile(rf"\s+(?:[\w-]+\s+)?(?:{nouns})(?![\w-])", re.IGNORECASE),
            re.compile(rf"(?<![\w-])(?:{nouns})\s+(?:on|in|of|from)\s+(?:the\s+)?$", re.IGNORECASE))


def titled_time(body: str, timex: Timex) -> bool:
    """"the Tonight Show team", "Today Show host", "Saturday Night Live": a capitalized time
    word inside a sentence, with a capitalized word after it, names a show."""
    words = timex.text.split()
    if not words or any(ch.isdigit() for ch in timex.text) or not words[0][:1].isupper():
        return False
    if timex.start == 0 or re.search(r"[.!?:\n]\s*[\"“‘']?$", body[max(0, timex.start - 4):timex.start]):
        return False  # a sentence's own capital
    shape = words[0].lower() in RELATIVE_DAY_WORDS or len(words) == 2 and words[1] == "Night"
    after = SHOW_WORD_AFTER.match(body, timex.end)
    # (not a headline's capitals: "X Premieres Tonight On E!")
    return shape and after is not None and after.group(1).lower() not in lexicon.entry("titles", "inner") \
        and not events.is_title_case(body[max(0, timex.start - 80):timex.start])


RELATIVE_DAY_WORDS = {"today", "tonight", "tomorrow", "yesterday"}
SHOW_WORD_AFTER = re.compile(r"\s+(?:Night\s+)?([A-Z][a-z]+)")


def quoted_title(body: str, timex: Timex) -> bool:
    """"air on “Today”", "'Tonight' host": a time word standing alone in quotation marks is
    a title."""
    return body[timex.start - 1:timex.start] in "“\"‘'" and body[timex.end:timex.end + 1] in "”\"’'" \
        and timex.start > 0 and timex.end < len(body) and timex.text[:1].isupper()


def names_a_slot(body: str, timex: Timex) -> bool:
    """"the Thursday 9 p.m. time slot", "its Sunday night slot": a weekday that names a
    schedule's slot, not a date."""
    return bool(weekday_only().fullmatch(timex.text) and slot_after().match(body, timex.end))


def reported_time(q: TimeQuery, timex: Timex) -> bool:
    """"confirmed last month that it will return": the time dates the report, not the event
    (but a renewal or cancellation is the announcement itself: "NBC announced Friday that it
    is rescuing X", "tweeted late Friday that NBC had picked the show up")."""
    if q.trigger.event in ("renewal", "cancellation") or JUST_HAD.search(q.body, max(0, q.trigger.start - 30), q.trigger.start):
        return False  # (a report dates what it says had just happened: "announced in June that the season had wrapped")
    before = q.body[max(q.clause[0], timex.start - 45):timex.start]
    after = q.body[timex.end:timex.end + 8]
    # ("said today the fourth season will launch": a clause of its own follows without "that")
    return bool(REPORT_VERB.search(before) and re.match(r"\s*(?:that\b|,|:|(?:the|a|an|its|their|his|her)\b|[A-Z“\"‘'])", after))


JUST_HAD = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?$", re.IGNORECASE)


def attached(q: TimeQuery, timex: Timex) -> bool:
    """A time after the trigger dates it unless another verb phrase stands between ("led to
    the cancellation of X, the comedian was expected to share her side on a podcast Friday")."""
    between = q.body[q.trigger.end:timex.start]
    if q.trigger.form == "noun":  # "production was halted in March": the noun's own verb
        between = OWN_VERB.sub("", between, count=1)
    if COORDINATED_BEFORE.search(between) and NEW_SUBJECT_AFTER.match(q.body, timex.end):
        return False  # "premiere new seasons in two weeks, and today we have new details": the next clause's
    return not OTHER_VERB.search(between) and not subordinate_clause().search(between)


COORDINATED_BEFORE = re.compile(r"[,;]\s+(?:and|but|so|while)?\s*$", re.IGNORECASE)
NEW_SUBJECT_AFTER = re.compile(r",?\s+(?:we|i|you|he|she|they)\s+(?:['’]\w+\s+)?[a-z]+", re.IGNORECASE)


def clause_between(q: TimeQuery, timex: Timex) -> bool:
    """The trigger is the verb of a clause a subordinator opens after the time ("entered rehab
    in 2006, after X wrapped filming"), its noun too when a verb follows ("in 2018, long before
    the production began"); "before" a bare noun is a preposition ("in February, before the
    season's debut": the debut is after February)."""
    clause = q.trigger.form != "noun" or q.trigger.verb_start is not None
    return clause and subordinator().search(q.body, timex.end, q.trigger.start) is not None


@cache
def subordinator() -> re.Pattern:
    """A word that opens a clause with a time of its own ("after", "before"; not "when")."""
    data = lexicon.load("tense")
    own_time = [word for word in data["subordinators"] if word not in data["time_sharing_subordinators"]]
    return re.compile(rf"\b(?:{lexicon.alternation(own_time)})\b", re.IGNORECASE)


@cache
def subordinate_clause() -> re.Pattern:
    """A clause of its own between the trigger and a later time: a subordinator, its subject
    and a past verb ("nearing a cancellation after its ratings fell on Tuesday", "before the
    couple split in May"). The time dates that clause's verb, not the trigger."""
    data = lexicon.load("tense")
    subordinators = data["subordinators"]
    past = [*data["irregular_past"], *(forms[0] for forms in data["irregular"].values()), *data["clause_verbs"]]
    return re.compile(rf"\b(?:{lexicon.alternation(subordinators)})\s+(?:[\w'’-]+\s+){{1,3}}?"
                      rf"(?:{lexicon.alternation(past)}|[a-z]+ed)\b", re.IGNORECASE)


def noun_modifier(q: TimeQuery) -> Timex | None:
    """"a September 30th debut", "an early 2018 slot": the time right before the noun. A
    preposition before it orders the whole noun phrase, not the date ("Takes Its Cannes Bow
    Ahead Of May 23 Release": the release is on May 23)."""
    if q.trigger.form != "noun":
        return None
    adjacent = [t for t in q.in_clause if t.end <= q.trigger.start and
                re.fullmatch(r"[\s-]*(?:[\w+'’]+\s+){0,3}", q.body[t.end:q.trigger.start])]
    if not adjacent:
        return None
    timex = adjacent[-1]
    return replace(timex, mod=None) if timex.mod in DIRECTIONAL_MODS else timex


# Mods a preposition before a date gives ("ahead of May 23", "until May 23").
DIRECTIONAL_MODS = {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}


def times_after(q: TimeQuery) -> list[Timex]:
    """The times after the trigger, before the next one, that may date it."""
    return [t for t in q.in_clause if q.trigger.end <= t.start < q.next_trigger
            and attached(q, t) and not reported_time(q, t)]


def move_destination(q: TimeQuery) -> Timex | None:
    """"pushed it to Nov. 4, 2022, then to July 7, 2023", "moves from Dec. 23 to July 2": a
    move takes its last destination (moves.py), past event nouns in its object ("pushed X,
    Tom Cruise's long-awaited return to the cockpit, back from ... to ...")."""
    next_verb = min((t.start for t in q.triggers if t.start > q.trigger.end and t.form != "noun"
                     and not t.needs_for), default=q.sentence.end)
    after = [t for t in q.in_clause if q.trigger.end <= t.start < next_verb
             and attached(q, t) and not reported_time(q, t)]
    return moves.destination(q.context, q.sentence, q.trigger, after)


def after_trigger(q: TimeQuery) -> Timex | None:
    """The most precise time after the trigger, before the next one; after a scheduling verb
    the one it gives ("moving X from Nov. 20, 2019 to Dec. 18, 2020": the new date), and
    not a date the clause says was left ("opens April 23 instead of Sept. 4")."""
    after = times_after(q)
    after = [t for t in after if not moves.is_left(q.context, q.sentence, t, q.trigger)] or after
    if events.is_scheduling(q.trigger):
        after = [t for t in after if TIME_AFTER_FOR.search(q.body[max(0, t.start - 30):t.start])] or after
    return most_specific(after) if after else None


def before_trigger(q: TimeQuery) -> Timex | None:
    """"In September, X premieres": a time before the trigger, when the clause has no other
    event it could belong to (and not a year that names something: "at the 2016 TCA Winter
    Tour", nor a report's: "confirmed last month that")."""
    if moves.is_move(q.trigger) and q.trigger.form != "noun":
        return None  # "married in 1958, moved to New York City": a move's date is where it moves to
    # (a second word for the same decision is no other event: "is rescuing X, ordering a
    # sixth season")
    # (nor is a later one with a time of its own after it: "announced Friday night that it
    # is rescuing X, the comedy that Fox cancelled on Thursday")
    others = [t for t in q.triggers if t is not q.trigger and q.clause[0] <= t.start < q.clause[1]
              and not (t.event == q.trigger.event and t.event in ("renewal", "cancellation"))
              and not (q.trigger.event in ("renewal", "cancellation") and t.start > q.trigger.end
                       and q.in_clause and t.end <= q.in_clause[-1].start)]
    before = [t for t in q.in_clause if t.end <= q.trigger.start and not t.value.endswith("_REF")
              and not (re.fullmatch(r"\d{4}", t.text) and re.match(r"\s+[A-Z]", q.body[t.end:t.end + 2]))
              and not reported_time(q, t)
              and not attributive_year(q, t)
              # near the trigger, or fronted ("In September, X premieres"); not when the trigger's
              # own clause opens after it ("entered rehab in 2006, after X wrapped filming")
              and (q.trigger.start - t.end <= NEAR_BEFORE and not clause_between(q, t)
                   or CLAUSE_OPENING.fullmatch(q.body, q.clause[0], t.start))]
    if before and not others:
        return before[-1]
    # "In February, the production was supposed to kick off in Venice before moving to Rome":
    # a fronted time is the first event's after it.
    # (a shoot's; a date move's fronted time dates the move: "In October, the release date was
    # bumped to April 2020")
    fronted = [t for t in before if re.match(r"\s*,", q.body[t.end:t.end + 2])
               and FRONTED_LEAD.fullmatch(q.body, q.clause[0], t.start)]
    if fronted and q.trigger.event.startswith("filming") \
            and not any(fronted[-1].end <= t.start < q.trigger.start for t in others):
        return fronted[-1]
    return None


FRONTED_LEAD = re.compile(r"\s*(?:(?:in|on|by|during|since|at|back\s+in)\s+)?", re.IGNORECASE)
# What may open a clause before a time that dates its trigger: nothing but quotes and commas,
# or a preposition ("In September, X premieres"). (Matched in place: a long clause is not
# copied for each of its times.)
CLAUSE_OPENING = re.compile(r"[ ,\"“'‘]*|\s*(?:in|on|by|since|from|during|this|last|next)\s*", re.IGNORECASE)


NEAR_BEFORE = 60   # characters: a time further before its trigger dates something else


def attributive_year(q: TimeQuery, timex: Timex) -> bool:
    """"In her 2014 memoir", "the hit 2015 film": a year that describes a noun dates no event."""
    return bool(re.fullmatch(r"\d{4}", timex.value)) and bool(ATTRIBUTIVE_NOUN.match(q.body[timex.end:timex.end + 25]))


ATTRIBUTIVE_NOUN = re.compile(r"\s+(?!(?:the|a|an|and|or|but|when|as|it|he|she|they|we|i|after|before|until|while|"
                              r"is|was|were|are|will|had|has|to|for|in|on|at|of|with|by|from)\b)[a-z][\w-]*")


def headline_colon(q: TimeQuery) -> Timex | None:
    """"X Season 2 Release Date: September 2017": a headline gives the time after a colon."""
    if q.trigger.form == "noun" and re.fullmatch(r"\s*", q.body[q.trigger.end:q.clause[1]]) \
            and q.body[q.clause[1]:q.clause[1] + 2].startswith(":"):
        following = [t for t in q.context.times_between(q.clause[1] + 1, q.clause[1] + 4) if may_be_its_time(t)]
        return following[0] if following else None
    return None


def duration_since(q: TimeQuery) -> Timex | None:
    """"in the two decades since X first premiered", "it has been five years since X opened":
    an amount of time before "since" counts the event back from the article's date."""
    published = q.context.published
    if published is None:
        return None
    durations = [t for t in q.context.times_ending_between(q.trigger.start - NEAR_BEFORE, q.trigger.start + 1)
                 if t.type == "DURATION" and q.sentence.start <= t.start]
    for timex in reversed(durations):
        gap = q.body[timex.end:q.trigger.start]
        if not since_after().match(gap) or any(timex.end <= t.start < q.trigger.start for t in q.triggers):
            continue
        value = counted_back(published, timex.value)
        if value:
            # (a round count of years or decades is about that long: "two decades since")
            rough = value.isdigit() and int(timex.value[1:-1]) % 10 == 0
            return replace(timex, type="DATE", value=value, mod="APPROX" if rough else None)
    return None


@cache
def since_after() -> re.Pattern:
    words = lexicon.alternation(lexicon.entry("events", "counted_since"))
    return re.compile(rf"\s+(?:{words})\s", re.IGNORECASE)


TIME_STRATEGIES = (noun_modifier, move_destination, after_trigger, before_trigger, headline_colon, duration_since)


def time_for(context: ArticleContext, sentence: Sentence, trigger: events.Trigger,
             clause: tuple[int, int], triggers: Sequence[events.Trigger]) -> tuple[Timex | None, str | None]:
    """The time expression a trigger's claim states (ordered strategies, first wins), and the
    strategy's name."""
    return strategies.first(TIME_STRATEGIES, TimeQuery(context, sentence, trigger, clause, triggers))


OWN_VERB = re.compile(r"^\s*(?:(?:was|were|is|are|will|would|has|have|had|be|been|being|got|get)\s+){1,3}"
                      r"(?:\w+ly\s+)?\w+\b", re.IGNORECASE)
# (a phrase of place may stand between: "said at its upfront in May that", "said on Twitter Friday that")
REPORT_VERB = re.compile(r"\b(?:confirmed|announced|said|revealed|reported|told|stated|added|explained|"
                         r"tweeted|wrote|noted|claimed|insisted|shared|posted)\s+"
                         r"(?:(?:at|during|on|in)\s+(?:(?:a|an|the|its|their|his|her)\s+)?[\w'’-]+\s+)?(?:\w+\s+)?$",
                         re.IGNORECASE)
# A verb group of its own between a trigger and a later time ("was expected to share").
OTHER_VERB = re.compile(r"\b(?:is|are|was|were)\s+to\s+be\s+\w+ed\b|"  # "is to be followed in the spring by"
                        r"\b(?:was|were|is|are|will|would|has|have|had)\s+(?:(?:\w+ly|not|also|been|being|be)\s+)*"
                        r"(?:\w+\s+to\s+)?(?!(?:during|including|regarding|following|according|concerning|"
                        r"considering|pending|amazing|exciting|interesting|great|good)\b)\w+(?:ed|ing)\b|"
                        r"\b(?:said|says|told|tells|announced|revealed)\b"
                        # the main clause resumed after a relative one: "X, which Fox axed in May,
                        # got the same reprieve on June 15"
                        r"|,\s+(?:(?:also|then|later|soon|quickly)\s+)?(?:got|gets|became|becomes|went|"
                        r"goes|won|wins|found|finds|landed|lands|earned|earns)\b", re.IGNORECASE)


# A temporal subordinate clause: its present tense tells of something still ahead.
SUBORDINATE_TIME = re.compile(r"\b(?:after|once|when|until|till|before|as soon as|by the time)\s+[^,;]*$",
                              re.IGNORECASE)
ONGOING = re.compile(r"\b(?:is|are|'s|’s)\s+(?:\w+\s+){0,2}(?:in|into|through|midway through|"
                     r"halfway through|deep into)\b[^,.;]*$", re.IGNORECASE)
RANGE_LINK = re.compile(r"\s*(?:to|until|till|through|thru|-|–|and)\s*", re.IGNORECASE)
RANGE_REACH = 100   # characters between the ends of a range, at most


def time_range(context: ArticleContext, found: Timex | None) -> tuple[Timex, Timex] | None:
    """The two ends of "from X to Y" or "between X and Y", when the time found is one of them
    ("shot between April and August 2016": the more precise end is the one found)."""
    if found is None:
        return None
    body = context.article.body
    for first in context.times_between(found.start - 40, found.end):
        if first.end > found.end:
            continue
        if not re.search(r"\b(?:from|between)\s+$", body[max(0, first.start - 10):first.start], re.IGNORECASE):
            continue
        # (the next time only: one further on has the next one, or more words, in between)
        for timex in context.times_between(first.end + 1, first.end + 1 + RANGE_REACH):
            if RANGE_LINK.fullmatch(body, first.end, timex.start) and found in (first, timex):
                return first, timex
    return None


def most_specific(timexes: list[Timex]) -> Timex:
    """The first of the most precise times: "later this year on September 30th" is the 30th."""
    def precision(t: Timex) -> int:
        # A date the text dates fully beats one whose year was guessed ("Friday, Nov. 17, 2017").
        # A bare weekday ("announced Tuesday") is a day, but a guessed one: a date wins; so
        # does a clock time with no day of its own ("Aug. 12 ... at 8:30 p.m.": Aug. 12).
        value = TIME_OF_DAY.sub(r"\1", t.value)
        score = (len(value) if value[:1].isdigit() else 0) * 2 + (not t.year_inferred)
        return score - 3 if weekday_only().fullmatch(t.text) or CLOCK_ONLY.fullmatch(t.text) else score
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
    if q.trigger.form == "noun" and q.timex.end <= q.trigger.start and re.search(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$",
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
    if q.trigger.form != "noun" or q.trigger.needs_time:
        return None  # "X, premiering in May", "X, in theaters July 28": a release looks ahead
    body = q.context.article.body
    start = body.rfind("\n", 0, q.timex.start) + 1
    end = body.find("\n", q.timex.end)
    tense = grammar.nearest_finite_tense(body[start:q.timex.start], body[q.timex.end:end if end >= 0 else None])
    if tense == "past":
        return "past"
    return "future" if tense else None


def participle_after_past_clause(q: YearQuery) -> str | None:
    """"Filming took place in Leeds last summer, wrapping in late September": a participle
    after a clause in the past, set off by a comma, tells of that clause's time. ("X,
    premiering in May" has no verb before it, and looks ahead.)"""
    if q.trigger.form != "ing" or q.tense != "none":
        return None
    body = q.context.article.body
    start = body.rfind("\n", 0, q.trigger.start) + 1
    before = body[start:q.trigger.start]
    if not re.search(r",\s*$", before):
        return None
    return "past" if grammar.nearest_finite_tense(before, perfect=False) == "past" else None


# How a year-less date takes its year, in order (CONTRACT: the nearest year that makes the
# stated tense true; the narrative around it when the clause has no tense of its own).
YEAR_DIRECTIONS = (scheduled_new_date, indefinite_noun, clause_tense, participle_after_past_clause, narrative_verb)


def report_day(context: ArticleContext, trigger: events.Trigger) -> TimeValue | None:
    """"The studio said on Sunday that it has halted production": a perfect in reported
    speech is done by the day of the report, not of the article."""
    body = context.article.body
    for timex in reversed(context.times_ending_between(trigger.start - 100, trigger.start + 1)):
        if timex.type not in CALENDAR_TYPES:
            continue
        if REPORT_VERB.search(body[max(0, timex.start - 25):timex.start]) \
                and re.match(r"\s*that\b", body[timex.end:timex.end + 8]) \
                and not re.search(r"[.;!?]", body[timex.end:trigger.start]):
            return TimeValue(value=TIME_OF_DAY.sub(r"\1", timex.value), mod="ON_OR_BEFORE")
    return None



# A past verb right before a weekday dates that verb: "NBC announced Friday that it is rescuing X".
PAST_VERB_BEFORE = re.compile(r"\b(?:\w+ed|said|told|wrote)\s+(?:(?:late|early|on|last)\s+)?$", re.IGNORECASE)
# "a day later", "two months earlier": a time counted from another one.
COUNTED_FROM = re.compile(r"(?i)\b(?:days?|weeks?|months?|years?)\s+(?:later|earlier)$")
CALENDAR_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
NARRATIVE_REACH = 600   # characters back in which the time a count starts from is looked for


def narrative_time(context: ArticleContext, timex: Timex) -> str | None:
    """"Fox cancelled it in May 2018. NBC revived it a day later": a count of days, weeks,
    months or years "later" or "earlier" starts from the last calendar time the article gave
    before it (2018-05), not from the publication date; None when no such time stands near."""
    published = context.published
    anchors = [t for t in context.times_ending_between(timex.start - NARRATIVE_REACH + 1, timex.start + 1)
               if CALENDAR_VALUE.match(t.value) and not COUNTED_FROM.search(t.text)]
    own = CALENDAR_VALUE.match(timex.value)
    week = re.match(r"^(\d{4})-W(\d{2})$", timex.value)
    if week and published is not None and published.day:
        # "two weeks later": a week, counted as days from the publication date's week
        assert published.month is not None  # a publication day comes with its month
        monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        published_day = dt.date(published.year, published.month, published.day)
        own = CALENDAR_VALUE.match((published_day + (monday - (published_day - dt.timedelta(
            days=published_day.weekday())))).isoformat())
    if not anchors or published is None or not own:
        return None
    year = int(own.group(1))  # (always written)
    month, day = (int(g) if g else None for g in own.groups()[1:])
    anchor = CALENDAR_VALUE.match(anchors[-1].value)
    assert anchor is not None  # every anchor is a calendar value
    anchor_year = int(anchor.group(1))
    anchor_month, anchor_day = (int(g) if g else None for g in anchor.groups()[1:])
    if day and published.day:
        assert month is not None and published.month is not None  # a day comes with its month
        days = (dt.date(year, month, day) - dt.date(published.year, published.month, published.day)).days
        if anchor_day:
            assert anchor_month is not None
            return (dt.date(anchor_year, anchor_month, anchor_day) + dt.timedelta(days=days)).isoformat()
        return anchors[-1].value if abs(days) < 28 else None
    if month and published.month:
        months = (year * 12 + month) - (published.year * 12 + published.month)
        if anchor_month is None:
            return anchors[-1].value if abs(months) < 12 else None
        total = anchor_year * 12 + anchor_month - 1 + months
        return f"{total // 12:04d}-{total % 12 + 1:02d}"
    if month is None:
        return f"{anchor_year + year - published.year:04d}"
    return None


# A year-less day this close to the publication date is that one, not a year away; told in
# the past tense with no plan, only a day or two after it (a publication date off by a day).
NEAR_DAYS = 14
NEAR_PAST_DAYS = 2
@cache
def plan_before() -> re.Pattern:
    """A plan with "to" before the verb ("was set to open"): tense.yaml's plan words."""
    plans = [*lexicon.entry("tense", "plan_to"), *lexicon.entry("tense", "participle_futures"), "planned to"]
    return re.compile(rf"\b(?:{lexicon.alternation(plans)})\s+(?:\w+\s+){{0,5}}$", re.IGNORECASE)


def nearer_day(timex: Timex, published, value: str, direction: str, before: str):
    """The same day in the nearer year when the tense pushed it a year from a day within
    NEAR_DAYS of the publication date: "to see MTV's March 20 release" in a piece published
    March 21 (written ahead, published late), "was set to open on Nov. 17" in a piece of
    Nov. 9 (a plan for the coming days, told in the past)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or published.day is None:
        return None
    near = NEAR_DAYS if direction == "future" or plan_before().search(before) else NEAR_PAST_DAYS
    # ("premiered Nov. 17" in a piece of Nov. 9: last year's; of Nov. 16, a piece dated a day
    # early)
    other = renormalize(timex, published, "past" if direction == "future" else "future")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", other.value or ""):
        return None
    gap = abs((dt.date.fromisoformat(other.value) - published.earliest).days)
    return other if gap <= near and other.value != value else None


def time_value(context: ArticleContext, trigger: events.Trigger, timex: Timex | None,
               tense: str, before: str, lead: str = "", explain: dict | None = None) -> TimeValue | None:
    """The claim's TIMEX3 value: the time expression's, a year-less date given its year (the
    strategy is written to `explain["year"]`), or the publication date for what the clause
    says is under way or done."""
    published = context.published
    if timex is not None and COUNTED_FROM.search(timex.text):
        counted = narrative_time(context, timex)
        return TimeValue(value=counted, mod=cast("TimeMod | None", timex.mod)) if counted else None
    if published and trigger.event == "filming" and CURRENTLY.search(before):
        return TimeValue(value=published.value, mod=None)
    if timex is not None:
        return written_time(context, trigger, timex, tense, before, lead, explain)
    if published is None:
        return None
    return unwritten_time(context, trigger, tense, before, lead)


# Before an event noun, these put it ahead of the writing: "Ahead of the premiere Sunday".
@cache
def looking_ahead() -> re.Pattern:
    return lexicon.word_regex(lexicon.entry("events", "looking_ahead"))


def written_time(context: ArticleContext, trigger: events.Trigger, timex: Timex, tense: str, before: str,
                 lead: str, explain: dict | None) -> TimeValue:
    """The value of a time the clause writes, its year chosen when it writes none."""
    published = context.published
    value, mod = timex.value, timex.mod
    if timex.year_inferred and published:
        value, mod = year_given(context, trigger, timex, tense, before, lead, explain)
    ahead = tense in ("present", "future") or trigger.form == "noun" and looking_ahead().search(lead + before)
    if ahead and published and published.day and \
            scheduled_weekday(timex.text) and not PAST_VERB_BEFORE.search(
                context.article.body[max(0, timex.start - 30):timex.start]):
        # "opens in theaters on Friday", "ahead of the season premiere Sunday": a scheduled
        # weekday is the coming one.
        value = normalize(timex.text, published, "future")[0] or value
    if mod == "ON_OR_BEFORE" and grammar.NEGATION.search(before) and re.search(
            r"\buntil\s+$", context.article.body[max(0, timex.start - 8):timex.start], re.IGNORECASE):
        mod = None  # "won't start shooting until 2017": it starts in 2017
    if value == "PRESENT_REF" and published and trigger.event.startswith("filming"):
        return TimeValue(value=published.value, mod=None)
    # A claim's time is a day (CONTRACT §2): "premieres tonight at 9 p.m." is the DCT's date.
    return TimeValue(value=TIME_OF_DAY.sub(r"\1", value), mod=cast("TimeMod | None", mod))


def year_given(context: ArticleContext, trigger: events.Trigger, timex: Timex, tense: str, before: str,
               lead: str, explain: dict | None) -> tuple[str, str | None]:
    """A year-less date's value and mod with the year YEAR_DIRECTIONS choose (the nearer one
    for a day next to the publication date; the one the article writes with the same day)."""
    published = context.published
    direction, name = strategies.first(YEAR_DIRECTIONS, YearQuery(context, trigger, timex, tense, lead + before))
    if explain is not None:
        explain["year"] = name or "default: ahead"
    redated = renormalize(timex, published, direction or "future")
    value, mod = redated.value, redated.mod
    nearer = nearer_day(timex, published, value, direction or "future", before)
    if nearer:
        value, mod = nearer.value, nearer.mod
        if explain is not None:
            explain["year"] += "; nearest"
    written = context.written_year(timex)
    if written and (direction != "past" or written <= int(value[:4])) and \
            (direction != "future" or written >= int(value[:4])):
        # The article writes the year with the same day, one the tense allows.
        value = f"{written:04d}{value[4:]}"
    return value, mod


def unwritten_time(context: ArticleContext, trigger: events.Trigger, tense: str, before: str,
                   lead: str) -> TimeValue | None:
    """No time written: the publication date for a shoot under way, a halt, or an event done
    by the time of writing; else none."""
    published = context.published
    assert published is not None  # time_value asks only with a publication date
    if trigger.event == "filming" and trigger.form == "noun" and ONGOING.search(before):
        # "is in the last stretch of its shoot", "is halfway through production": under way
        return TimeValue(value=published.value, mod=None)
    if trigger.event == "filming" and tense in ("present", "none") and (
            CURRENTLY.search(before) or (trigger.verb_form or trigger.form) in ("be", "ing") and tense == "present"):
        return TimeValue(value=published.value, mod=None)
    if trigger.event == "filming" and tense == "present" and trigger.form != "noun":
        return TimeValue(value=published.value, mod=None)  # ("sources close to the production": no shoot)
    # (the verb group inside the trigger counts: "Production on X has yet to begin")
    verb_start = trigger.verb_start or 0
    inner = trigger.text[:verb_start - trigger.start] if verb_start > trigger.start else ""
    if grammar.NEGATION.search(" ".join((before + " " + inner).split()[-3:])):
        return None  # "has not yet started filming": nothing is done by the time of writing
    if trigger.phase in ("halt", "restart") and tense in ("present", "none") \
            and not SUBORDINATE_TIME.search((lead + before)[-60:]):
        # "X halts filming", "'X' production halted": the shoot is stopped (or back) now.
        return TimeValue(value=published.value, mod=None)
    if SUBORDINATE_TIME.search((lead + before)[-60:]):
        return None  # "will shoot right after the first film wraps": that wrap is ahead
    if done_by_now(trigger, tense, before, lead):
        if DONE.search(done_verb_text(trigger, before, lead)):
            reported = report_day(context, trigger)
            if reported:
                return reported
        return TimeValue(value=published.value, mod="ON_OR_BEFORE")
    if trigger.event == "release" and tense == "present" and "available" in trigger.text.lower():
        return TimeValue(value=published.value, mod="ON_OR_BEFORE")
    return None


def done_verb_text(trigger: events.Trigger, before: str, lead: str) -> str:
    """The verb group to read "done" in. An event noun's verb may stand before its work:
    "Amazon has handed X a renewal"."""
    verb_before = ((lead + before)[-70:] if trigger.form == "noun" and trigger.event in ("renewal", "cancellation")
                   else before[-40:])
    return " ".join(filter(None, [verb_before, trigger.text, trigger.verb_text or ""]))


def done_by_now(trigger: events.Trigger, tense: str, before: str, lead: str) -> bool:
    """Done by the time of writing: "has begun", "already wrapped", "Netflix Renews X",
    "season 2 kicks off", "now kicking off", "is in the can"."""
    verb_text = done_verb_text(trigger, before, lead)
    return bool((trigger.event in ("filming_start", "filming_end", "renewal", "cancellation", "release") or trigger.phase)
                and (DONE.search(verb_text)
                     or tense == "present" and trigger.event != "release"
                     and ((trigger.verb_form or trigger.form) in ("s", "verb") or NOW_ING.search(verb_text)
                          or trigger.event == "filming_end" and trigger.form == "be")))
