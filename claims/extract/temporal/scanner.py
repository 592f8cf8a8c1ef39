"""find_timexes: one scan over a text for every pattern, each match handed to its handler, the
spans trimmed, the mod of a preposition before a time applied, and alternatives joined."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from claims.extract.temporal.cues import Context, _names_weekday, _signal_mod
from claims.extract.temporal.data import VAGUE_VALUES, Lexicon, _words, alternation, lexicon
from claims.extract.temporal.dates import _day
from claims.extract.temporal.handlers import HANDLERS
from claims.extract.temporal.patterns import NEXT_TOKEN, TOKEN, compiled
from claims.models import Published


HANDLER_NAMES = frozenset(HANDLERS)


@dataclass(frozen=True)
class Timex:
    """One time expression: its span in the text and its TIMEX3 type, value and mod."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    year_inferred: bool = False


ABBREVIATION_END = re.compile(r"(?i)(?:\b[ap]\.\s?m|\b([a-z]+))\.$")


def _trim(span: str, lex: Lexicon) -> str:
    """A span without trailing white space and punctuation, keeping the dot of "p.m." and "Sept."."""
    span = span.rstrip(" \t\n,;:")
    if span.endswith("."):
        m = ABBREVIATION_END.search(span)
        word = m.group(1) if m else None
        if not m or (word and word.lower() not in lex.months and word.lower() not in lex.weekdays):
            span = span[:-1]
    return span


YEAR = re.compile(r"\d{4,}")


def outside_the_calendar(value: str) -> bool:
    """A value whose year is not 1 to 9999 ("last year" in an article dated in year 1)."""
    year = YEAR.match(value)
    return year is not None and not 1 <= int(year.group()) <= 9999


def find_timexes(text: str, published: Published | None, tense: str | None = None, *,
                 include_vague: bool = True, convention: str = "claims") -> list[Timex]:
    """All time expressions in text, sorted by start, non-overlapping, normalized against published.

    tense ("past"|"present"|"future"|None) picks the year of a year-less date when the caller
    knows the clause tense; with None the sentence around the expression decides (will, 'll,
    going to, set to, next -> future; past-tense verbs -> past), weekdays defaulting to the past.
    include_vague=False drops PRESENT_REF/PAST_REF/FUTURE_REF.
    convention="tempeval" follows TempEval-3 where it differs from CONTRACT §2: prepositions such
    as "by" never set a mod, "recent weeks" is a DURATION, words TempEval does not tag are skipped.
    """
    by_start, _, gated, known = compiled(HANDLER_NAMES)
    lex = lexicon()
    ctx = Context(text, published, tense, convention)
    out: list[Timex] = []
    dayless = False
    pos = 0
    # Only where a token can open an expression, and only the patterns that can start with it.
    for token in TOKEN.finditer(text):
        at = token.start()
        if at < pos:
            continue
        word = token.group()
        if word[0].isdigit():
            # Amounts ("$2,018", "5.2018") are never times.
            if at and text[at - 1] in "$.,#/@":
                continue
            key = "#"
        else:
            key = word.lower()
        candidates = by_start.get(key)
        if not candidates:
            continue
        if key in gated:
            nxt = NEXT_TOKEN.match(text, token.end())
            if not nxt or ("#" if nxt.group(1)[0].isdigit() else nxt.group(1).lower()) not in known:
                continue
        result = None
        for pattern in candidates:
            m = pattern.regex.match(text, at)
            if not m:
                continue
            # Handlers read a part by its list's name (the first one matched) or by its alias.
            groups: dict[str, str] = {}
            for group, (name, alias) in pattern.groups.items():
                value = m.group(group)
                if value is not None:
                    groups.setdefault(name, value)
                    groups[alias] = value
            ctx.start, ctx.end = m.start(), m.end()
            try:
                result = HANDLERS[pattern.handler](groups, ctx, lex)
            except (OverflowError, ValueError):
                result = None   # a date the calendar has no room for ("99999999 days ago"): no time
            # The first pattern that matches decides, as in one alternation.
            break
        if not result:
            continue
        assert m is not None  # a result comes from the pattern that matched
        results = result if isinstance(result, list) else [result]
        last_end = m.end()
        for r in results:
            start = r.start if r.start is not None else m.start()
            end = r.end if r.end is not None else m.end()
            end = start + len(_trim(text[start:end], lex))
            if r.value is None or end <= start or outside_the_calendar(r.value):
                continue
            if not include_vague and r.value in VAGUE_VALUES:
                continue
            mod = r.mod
            if not ctx.tempeval and r.type in ("DATE", "TIME") and r.value not in VAGUE_VALUES:
                found, signal = _signal_mod(text, start)
                if found and mod is None:
                    mod = signal
            timex = Timex(start, end, text[start:end], r.type, r.value, mod, r.year_inferred)
            if r.dct_day and out and not dayless:
                dated = _clock_after_date(text, out[-1], timex)
                if dated and not ctx.tempeval:
                    continue  # a claim's time is a day: the date before stands for "July 21 at 8 p.m."
                timex = dated or timex
            # (A clock time still on the DCT's day dates no clock time after it.)
            dayless = r.dct_day and timex.value == r.value
            if out and _weekday_then_date(text, out[-1], timex, lex):
                timex = _dated_weekday(text, out.pop(), timex)
            out.append(timex)
        pos = last_end
    return _join_alternatives(text, out, ctx)


DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")


@functools.cache
def _clock_link() -> re.Pattern:
    """What may stand between a date and its clock time: "July 21 at 8 p.m." (relative.yaml)."""
    link = alternation(_words("relative", "clock_after_date"))
    return re.compile(r",?[^\S\n]+(?:" + link + r"[^\S\n]+)?", re.IGNORECASE)


def _clock_after_date(text: str, prev: Timex, clock: Timex) -> Timex | None:
    """A clock time with no day of its own, right after a date: the clock on that date's day.

    "debuts July 21 at 8 p.m." is 8 p.m. on July 21, not on the DCT's day; None when nothing
    dated by the day ends right before the clock time.
    """
    day = DAY_VALUE.match(prev.value)
    if not day or not _clock_link().fullmatch(text, prev.end, clock.start):
        return None
    return Timex(clock.start, clock.end, clock.text, clock.type, day.group() + clock.value[10:], clock.mod,
                 prev.year_inferred)


def _weekday_then_date(text: str, prev: Timex, date: Timex, lex: Lexicon) -> bool:
    """ "6 a.m. on Monday, November 6": a weekday (with its clock time) and then the date it is."""
    last = re.findall(r"[A-Za-z]+\.?", prev.text)
    return (bool(last) and last[-1].lower().rstrip(".") in lex.weekdays and bool(DAY_VALUE.fullmatch(date.value))
            and re.fullmatch(r",?[^\S\n]*", text[prev.end:date.start]) is not None)


def _dated_weekday(text: str, prev: Timex, date: Timex) -> Timex:
    """The date, with the clock time the weekday had ("2017-11-06T06:00")."""
    clock = prev.value[10:] if prev.value[10:11] == "T" else ""
    return Timex(prev.start, date.end, text[prev.start:date.end], prev.type if clock else date.type,
                 date.value + clock, date.mod, date.year_inferred)


ALTERNATIVE = re.compile(r",?\s+or\s+$")
CALENDAR_VALUE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?$")
# Two adjacent months of one year offered as alternatives, and what their union is.
MONTH_PAIR_MODS = {(11, 12): "END", (1, 2): "START"}


@functools.cache
def _range_link() -> re.Pattern:
    """What joins the ends of a range: "15 April to 20 May 2017", "April 15 - May 20" (relative.yaml)."""
    words = alternation(_words("relative", "range_links"))
    return re.compile(r",?(?:\s+" + words + r"\s+|\s*[-–]\s*)", re.IGNORECASE)


def _join_alternatives(text: str, found: list[Timex], ctx: Context) -> list[Timex]:
    """Two months or dates joined by "or" or as a range: "November or December of 2017",
    "from 15 April to 20 May 2017".

    The first takes the year written after the second (in both conventions), or the year before
    when it comes later in the year ("15 December to 20 January 2018": 2017-12-15), unless a
    weekday fixed its year. Under the claim convention two adjacent months at a year's end
    (start) offered as alternatives become one expression, the year with mod END (START):
    "November or December of 2017" -> 2017, END. Other pairs ("September or October", "late
    2017 or early 2018", ranges) stay two expressions.
    """
    out: list[Timex] = []
    lex = lexicon()
    for t in found:
        prev = out[-1] if out else None
        a = CALENDAR_VALUE.match(prev.value) if prev and prev.type == "DATE" else None
        b = CALENDAR_VALUE.match(t.value) if t.type == "DATE" else None
        link = text[prev.end:t.start] if prev else ""
        alternative = bool(ALTERNATIVE.match(link))
        if prev is None or not (a and b and (alternative or _range_link().fullmatch(link))):
            out.append(t)
            continue
        first = (int(a.group(2)), int(a.group(3) or 1))
        second = (int(b.group(2)), int(b.group(3) or 1))
        year = int(b.group(1)) - (first > second)
        if prev.year_inferred and not t.year_inferred and not _names_weekday(prev.text, lex) \
                and (not a.group(3) or _day(year, *first)):
            prev = Timex(prev.start, prev.end, prev.text, prev.type, f"{year:04d}{prev.value[4:]}", prev.mod, False)
            out[-1] = prev
        joined = MONTH_PAIR_MODS.get((first[0], second[0])) if alternative and not (a.group(3) or b.group(3)) else None
        if joined and not ctx.tempeval and prev.value[:4] == t.value[:4]:
            out[-1] = Timex(prev.start, t.end, text[prev.start:t.end], "DATE", t.value[:4], joined,
                            prev.year_inferred and t.year_inferred)
            continue
        out.append(t)
    return out
