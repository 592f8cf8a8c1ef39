"""Handlers: the named parts of a match -> a TIMEX3 type, value and mod (`Found`).

patterns.yaml names one handler per pattern; `HANDLERS` maps those names to the functions here.
Each takes the groups (by list name and by alias), the Context and the Lexicon, and returns a
Found, a list of them, or None when the match is not a time after all.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable

from claims.extract.temporal.cues import Context, _is_capitalized, _month_is_name, _season_is_time
from claims.extract.temporal.data import Lexicon, _mapping, _norm, _words, alternation
from claims.extract.temporal.dates import SEASON_MONTHS, _day, _day_of, _month_span, _nth_weekday, _shift_month, \
    _week_value, choose_year
from claims.extract.temporal.patterns import _range_regex
from claims.models import Published


@dataclass
class Found:
    type: str
    value: str
    mod: str | None = None
    year_inferred: bool = False
    start: int | None = None
    end: int | None = None
    # A clock time with no day of its own ("at 8 p.m."), dated on the DCT's day for want of one.
    dct_day: bool = False


def _mod_range(g: dict) -> tuple[str, str] | None:
    """The two mods of a joined prefix ("mid-to-late" -> MID, END), else None."""
    word = g.get("mod")
    if not word or not re.fullmatch(_range_regex(), word.strip(" -"), re.IGNORECASE):
        return None
    table = _mapping("modifiers", "range_words", str)
    first, *_, last = re.findall(r"[a-z]+", word.lower())
    return table[first].upper(), table[last].upper()


def _year_range_value(year: int, g: dict) -> tuple[str, str | None] | None:
    """A year under a joined prefix: the half both ends lie in (mid-to-late 2018 -> 2018-H2)."""
    pair = _mod_range(g)
    if not pair:
        return None
    if set(pair) <= {"START", "MID"}:
        return f"{year:04d}-H1", None
    if set(pair) <= {"MID", "END"}:
        return f"{year:04d}-H2", None
    return f"{year:04d}", None


def _mod_of(g: dict, lex: Lexicon) -> str | None:
    word = g.get("mod")
    if word:
        # A joined prefix ("early-to-mid November") covers most of the time: mod null.
        return lex.mods.get(_norm(word).rstrip("-"))
    relmod = g.get("relmod")
    if relmod:
        return lex.relmods.get(_norm(relmod))
    return None


def _month_number(word: str, lex: Lexicon) -> int | None:
    return lex.months.get(_norm(word).rstrip("."))


def _number(word: str, lex: Lexicon) -> int | float | str | None:
    w = _norm(word)
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        n = float(w)
        return int(n) if n.is_integer() else n
    if w in lex.numbers:
        return lex.numbers[w]
    if w in lex.vague_numbers:
        return "X"
    return None


def _year_of(word: str, published: Published | None) -> int:
    w = word.strip("'’")
    if len(w) == 2:
        n = int(w)
        pivot = (published.year % 100 + 10) if published else 30
        return (2000 if n <= pivot else 1900) + n
    return int(w)


def h_date(g, ctx, lex):
    month_word = g.get("month")
    month = _month_number(month_word, lex)
    if not month or not _month_is_name(month_word, g, ctx, lex, bare=False):
        return None
    day_word = g["day"]
    m = re.match(r"\d+", day_word)
    day = int(m.group()) if m else lex.ordinals.get(_norm(day_word))
    if not day:
        return None
    mod = _mod_of(g, lex)
    if g.get("year"):
        year = _year_of(g["year"], ctx.published)
        if not _day(year, month, day):
            return None
        return Found("DATE", f"{year:04d}-{month:02d}-{day:02d}", mod)
    if not ctx.published:
        return None
    rel = ctx_offset(g, lex)
    weekday = lex.weekdays.get(_norm(g.get("weekday") or "").rstrip("."))
    if weekday:
        # "Saturday, April 25": the weekday names the year; take the nearest year it fits.
        p = ctx.published
        fits = [y for y in range(p.year - 3, p.year + 4) if _day(y, month, day)
                and dt.date(y, month, day).isoweekday() == weekday]
        if fits:
            year = min(fits, key=lambda y: (abs(y - p.year), y < p.year))
            return Found("DATE", f"{year:04d}-{month:02d}-{day:02d}", mod, year_inferred=True)
    year = choose_year(lambda y: _day(y, month, day), ctx.published, ctx.guess_tense(), rel)
    if year is None:
        return None
    return Found("DATE", f"{year:04d}-{month:02d}-{day:02d}", mod, year_inferred=True)


def ctx_offset(g: dict, lex: Lexicon) -> int | None:
    rel = g.get("rel")
    return lex.offsets.get(_norm(rel)) if rel else None


def h_numeric(g, ctx, lex):
    if g.get("iyear"):
        year, month, day = int(g["iyear"]), int(g["imonth"]), int(g["iday"])
    else:
        month, day = int(g["nmonth"]), int(g["nday"])
        if g.get("nyear"):
            year = _year_of(g["nyear"], ctx.published)
        else:
            if not ctx.published:
                return None
            year = choose_year(lambda y: _day(y, month, day), ctx.published, ctx.guess_tense())
            if year is None:
                return None
            return Found("DATE", f"{year:04d}-{month:02d}-{day:02d}", None, year_inferred=True)
    if not _day(year, month, day):
        return None
    return Found("DATE", f"{year:04d}-{month:02d}-{day:02d}")


def h_month(g, ctx, lex):
    word = g["month"]
    month = _month_number(word, lex)
    year_word = g.get("year")
    if not month or not _month_is_name(word, g, ctx, lex, bare=not year_word and not g.get("mod") and not g.get("yrel")):
        return None
    mod = _mod_of(g, lex)
    if year_word:
        return Found("DATE", f"{_year_of(year_word, ctx.published):04d}-{month:02d}", mod)
    if not ctx.published:
        return None
    if g.get("yrel"):
        year = ctx.published.year + lex.offsets[_norm(g["yrel"])]
        return Found("DATE", f"{year:04d}-{month:02d}", mod)
    year = choose_year(lambda y: _month_span(y, month, month), ctx.published, ctx.guess_tense())
    return Found("DATE", f"{year:04d}-{month:02d}", mod, year_inferred=True) if year else None


def h_season(g, ctx, lex):
    word = g["season"]
    code = lex.seasons[_norm(word)]
    mod = _mod_of(g, lex)
    if g.get("year"):
        return Found("DATE", f"{_year_of(g['year'], ctx.published):04d}-{code}", mod)
    if g.get("yrel"):
        # "the fall of next year": the season of the year counted from the DCT.
        if not ctx.published:
            return None
        return Found("DATE", f"{ctx.published.year + lex.offsets[_norm(g['yrel'])]:04d}-{code}", mod)
    has_context = bool(g.get("mod") or g.get("rel") or g.get("relmod"))
    if not _season_is_time(word, g, ctx, ctx.start, has_context):
        return None
    # Bare "fall" is mostly the verb; take it only with an article or a modifier.
    if _norm(word) == "fall" and not has_context and not g.get("the") \
            and not ctx.text[ctx.start:ctx.end].lower().startswith("the"):
        return None
    if not ctx.published:
        return None
    first, last = SEASON_MONTHS[code]
    offset = ctx_offset(g, lex)
    year = choose_year(lambda y: _month_span(y, first, last), ctx.published, ctx.guess_tense(), offset)
    # "this summer", "next fall": the relative word fixed the year; only a bare season guessed it.
    return Found("DATE", f"{year:04d}-{code}", mod, year_inferred=offset is None) if year else None


def h_part(g, ctx, lex):
    if g.get("qabbr"):
        code = _norm(g["qabbr"])
        n, letter = lex.qabbr[code], code[0].upper()
        year_word = g.get("year")
    else:
        letter = lex.parts[_norm(g["part"])]
        n = lex.ordinals_part[_norm(g["ordinal"])]
        word = _norm(g["ordinal"])
        if letter == "H" and n > 2:
            n = 2
        if letter == "Q" and word in _words("parts", "half_only"):
            return None
        year_word = g.get("year")
    mod = None
    if year_word:
        year = int(year_word)
    else:
        if not ctx.published:
            return None
        year = ctx.published.year + (ctx_offset(g, lex) or 0)
    return Found("DATE", f"{year:04d}-{letter}{n}", mod)


def h_relpart(g, ctx, lex):
    """A quarter or half counted from the DCT's: "the latest quarter" is the one before it."""
    p = ctx.published
    if not p or not p.month:
        return None
    if g.get("yearago") and not g.get("part") and not g.get("period"):
        return Found("DATE", f"{p.year - 1:04d}")
    letter = lex.parts[_norm(g["part"])] if g.get("part") else "Q"
    size = 3 if letter == "Q" else 6
    current = (p.month - 1) // size
    phrase = _norm(ctx.text[ctx.start:ctx.end])
    rel = ctx_offset(g, lex)
    if rel is None:
        if "fiscal" in phrase:
            return None
        # News reports results for the quarter that has just closed.
        rel = -1
        if g.get("yearago") or "year-ago" in phrase or "year-earlier" in phrase:
            rel = -(12 // size) - 1
    index = p.year * (12 // size) + current + rel
    year, n = divmod(index, 12 // size)
    return Found("DATE", f"{year:04d}-{letter}{n + 1}")


def h_spokenyear(g, ctx, lex):
    n = _number(g["num"], lex) if g.get("num") else 0
    if not isinstance(n, int):
        return None
    if g.get("y2000"):
        return Found("DATE", f"{2000 + n:04d}") if n < 100 else None
    if not 10 <= n <= 99:
        return None
    century = lex.numbers[_norm(g["century"])]
    return Found("DATE", f"{century * 100 + n:04d}")


def h_relative(g, ctx, lex):
    p = ctx.published
    mod = _mod_of(g, lex)
    has_mod = bool(g.get("mod") or g.get("relmod"))
    rel = ctx_offset(g, lex)
    the = g.get("the")
    if g.get("thatyear"):
        return None
    if g.get("unit"):
        unit = _norm(g["unit"])
        if rel is None:
            # "the year" alone is usually anaphoric; "the end of the year" is the DCT's.
            if not (has_mod or (the and unit == "weekend")):
                return None
            rel = 0
        if not p:
            return None
        said = ("the " if the else "") + _norm(g.get("rel") or "")
        if said == "the last" and unit in ("week", "month", "year") and not ctx.tempeval \
                and not re.match(r"\s+of\b", ctx.text[ctx.end:ctx.end + 4]):
            # "arrived in the last week": the seven days up to the article, not the calendar week
            # before ("last week"); TempEval-3 keeps the calendar week.
            return Found("DURATION", _unit_value(1, unit, lex), None)
        if unit == "year":
            ranged = _year_range_value(p.year + rel, g)
            if ranged:
                return Found("DATE", *ranged)
            return Found("DATE", f"{p.year + rel:04d}", mod)
        if unit == "month":
            if not p.month:
                return None
            y, m = _shift_month(p.year, p.month, rel)
            return Found("DATE", f"{y:04d}-{m:02d}", mod)
        day = _day_of(p)
        if not day:
            return None
        if unit == "week":
            # A US news week starts on Sunday: "this week" in a Sunday piece is the one starting
            # that day, the next ISO week (TempEval keeps ISO weeks).
            if day.isoweekday() == 7 and not ctx.tempeval:
                day += dt.timedelta(days=1)
            return Found("DATE", _week_value(day + dt.timedelta(weeks=rel)), mod)
        # weekend: "the weekend" in news is the one just past unless the sentence looks ahead.
        if the and not g.get("rel"):
            tense = ctx.guess_tense()
            if day.isoweekday() < 6 and tense != "future":
                rel = -1
        return Found("DATE", _week_value(day + dt.timedelta(weeks=rel)) + "-WE", mod)
    if g.get("season"):
        return h_season(g, ctx, lex)
    if g.get("month"):
        word = g["month"]
        if the and rel is None and not has_mod:
            return None
        month = _month_number(word, lex)
        if not month or not _month_is_name(word, g, ctx, lex, bare=rel is None and not has_mod):
            return None
        if not p:
            return None
        year = choose_year(lambda y: _month_span(y, month, month), p, ctx.guess_tense(), rel)
        if year is None:
            return None
        return Found("DATE", f"{year:04d}-{month:02d}", mod, year_inferred=rel is None)
    if g.get("weekday"):
        return h_weekday(g, ctx, lex, rel, mod)
    if g.get("holiday"):
        return h_holiday(g, ctx, lex, rel)
    return None


def h_weekday(g, ctx, lex, rel, mod):
    word = g["weekday"]
    if not _is_capitalized(word) or g.get("the"):
        return None
    day = _day_of(ctx.published)
    if not day:
        return None
    target = lex.weekdays[_norm(word).rstrip(".")]
    delta = target - day.isoweekday()
    if rel == 0:
        d = day + dt.timedelta(days=delta)
    elif rel == 1:
        d = day + dt.timedelta(days=delta if delta > 0 else delta + 7)
    elif rel == -1:
        d = day + dt.timedelta(days=delta if delta < 0 else delta - 7)
    else:
        # News reports mostly look back: past unless the sentence speaks of what is ahead.
        if ctx.guess_tense() == "future":
            d = day + dt.timedelta(days=delta % 7)
        else:
            d = day - dt.timedelta(days=(-delta) % 7)
    part = g.get("daypart")
    if part:
        return Found("TIME", f"{d.isoformat()}T{lex.day_parts[_norm(part)]}", mod)
    return Found("DATE", d.isoformat(), mod)


def h_holiday(g, ctx, lex, rel=None):
    spec = lex.holidays[_norm(g["holiday"])]
    month = spec["month"]

    def span(y):
        if "day" in spec:
            return _day(y, month, spec["day"])
        if "weekday" in spec:
            d = _nth_weekday(y, month, spec["weekday"], spec.get("nth", 1))
            return d, d
        return _month_span(y, month, month)
    if g.get("year"):
        year = int(g["year"])
    else:
        if not ctx.published:
            return None
        year = choose_year(span, ctx.published, ctx.guess_tense(), rel)
        if year is None:
            return None
    a, b = span(year)
    value = a.isoformat() if a == b else f"{year:04d}-{month:02d}"
    return Found("DATE", value, None, year_inferred=not g.get("year"))


def h_yearend(g, ctx, lex):
    p = ctx.published
    if not p:
        return None
    unit = _norm(g.get("unit") or g.get("unit2") or "year")
    if unit == "year":
        return Found("DATE", f"{p.year:04d}", "END")
    if unit == "month" and p.month:
        return Found("DATE", f"{p.year:04d}-{p.month:02d}", "END")
    return None


def h_decade(g, ctx, lex):
    mod = _mod_of(g, lex)
    if g.get("decadenum"):
        value = g["decadenum"][:3]
    elif g.get("decade2"):
        n = int(g["decade2"][0])
        base = ctx.published.year if ctx.published else 2000
        century = base // 100 if n * 10 <= base % 100 else base // 100 - 1
        value = f"{century}{n}"
    else:
        n = lex.decades[_norm(g["decade"])]
        value = f"19{n}"
    phrase = ctx.text[ctx.start:ctx.end]
    if not g.get("decadenum") and not phrase.lower().startswith("the") and not mod:
        return None
    return Found("DATE", value, mod)


def h_century(g, ctx, lex):
    n = int(g["cent"])
    if not 1 <= n <= 21:
        return None
    if NAMED_CENTURY.match(ctx.text, ctx.end - len("Century")):
        return None  # "20th Century Fox", "20th Century Women": a name, no time
    return Found("DATE", f"{n - 1:02d}", _mod_of(g, lex))


# A capitalised "Century" before a capitalised word: the century opens a name.
NAMED_CENTURY = re.compile(r"Century[ \t]+[A-Z]")


def h_yearrange(g, ctx, lex):
    # Year ranges ("2016-2017", "the 2016-17 season") are two DATEs, one per year: a value has
    # no range form, and each year is a time the claim may be about.
    first = int(g["year"])
    second = int(g["yearend"]) if g.get("yearend") else first // 100 * 100 + int(g["yy"])
    if second <= first or second - first > 10:
        return None
    text = ctx.text
    y_start = text.index(g["year"], ctx.start)
    tail = len(g.get("yearend") or g["yy"])
    return [Found("DATE", f"{first:04d}", None, start=y_start, end=y_start + 4),
            Found("DATE", f"{second:04d}", None, start=ctx.end - tail, end=ctx.end)]


def h_year(g, ctx, lex):
    year = int(g["year"])
    mod = _mod_of(g, lex)
    phrase = ctx.text[ctx.start:ctx.end]
    # A lone four-digit number at the start of a sentence followed by a noun is more often a
    # count; years in running text follow prepositions or stand alone.
    if not (1900 <= year <= 2100) and not mod and not re.match(r"(?i)fiscal|the year", phrase):
        return None
    ranged = _year_range_value(year, g)
    if ranged:
        return Found("DATE", *ranged)
    return Found("DATE", f"{year:04d}", mod)


def _unit_value(n, unit: str, lex: Lexicon) -> str:
    prefix, letter, mult = lex.unit_durations[unit]
    if n == "X":
        return f"{prefix}X{letter}"
    total = n * mult
    if isinstance(total, float):
        if total.is_integer():
            total = int(total)
        elif unit == "year":
            return f"P{int(total * 12)}M"
        elif unit == "hour":
            return f"PT{int(total * 60)}M"
        elif unit == "day":
            return f"PT{int(total * 24)}H"
    return f"{prefix}{total}{letter}"


def h_ago(g, ctx, lex):
    p = ctx.published
    unit = lex.units[_norm(g["unit"])]
    n = _number(g["num"], lex) if g.get("num") else "X"
    direction = _norm(g.get("earlier") or "")
    if direction in ("before", "after"):
        # "two days after the crash": only the amount is a time; the anchor is an event.
        end = ctx.start + len(ctx.text[ctx.start:ctx.end].rstrip()[:-len(direction)].rstrip())
        if n == "X" and not g.get("num"):
            return None
        return Found("DURATION", _unit_value(n, unit, lex), None, start=ctx.start, end=end)
    sign = 1 if (g.get("fromnow") or direction == "later") else -1
    if not p:
        return None
    mod = "APPROX" if g.get("approx") else None
    if n == "X" or isinstance(n, float):
        return Found("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", None)
    k = sign * n
    if unit in ("year", "decade", "century"):
        mult = {"year": 1, "decade": 10, "century": 100}[unit]
        return Found("DATE", f"{p.year + k * mult:04d}", mod)
    if unit in ("month", "quarter"):
        if not p.month:
            return None
        y, m = _shift_month(p.year, p.month, k * (3 if unit == "quarter" else 1))
        return Found("DATE", f"{y:04d}-{m:02d}", mod)
    day = _day_of(p)
    if not day:
        return None
    if unit in ("week", "fortnight", "weekend"):
        return Found("DATE", _week_value(day + dt.timedelta(weeks=k * (2 if unit == "fortnight" else 1))), mod)
    if unit in ("day", "night"):
        return Found("DATE", (day + dt.timedelta(days=k)).isoformat(), mod)
    return Found("TIME", day.isoformat(), mod)


def h_set(g, ctx, lex):
    every_other = _norm(g.get("other") or "") == "other"
    if g.get("frequency"):
        word = _norm(g["frequency"])
        if ctx.tempeval and word in _words("relative", "frequencies_not_in_tempeval"):
            return None
        return Found("SET", lex.frequencies[word])
    if g.get("unit"):
        unit = lex.units[_norm(g["unit"])]
        if unit == "weekend":
            return Found("SET", "XXXX-WXX-WE")
        return Found("SET", _unit_value(2 if every_other else 1, unit, lex))
    if g.get("weekday"):
        if not _is_capitalized(g["weekday"]):
            return None
        n = lex.weekdays[_norm(g["weekday"]).rstrip(".")]
        part = g.get("daypart")
        suffix = f"T{lex.day_parts[_norm(part).rstrip('s')]}" if part else ""
        return Found("SET", f"XXXX-WXX-{n}{suffix}")
    if g.get("month"):
        if not _is_capitalized(g["month"]):
            return None
        return Found("SET", f"XXXX-{_month_number(g['month'], lex):02d}")
    if g.get("daypart"):
        return Found("SET", f"XXXX-XX-XXT{lex.day_parts[_norm(g['daypart'])]}")
    if g.get("season"):
        return Found("SET", f"XXXX-{lex.seasons[_norm(g['season'])]}")
    return None


@functools.cache
def _bare_unit_leads() -> re.Pattern:
    """The words a bare plural unit follows when it is a DURATION: "for years" (relative.yaml)."""
    return re.compile(r"(?i)\b" + alternation(_words("relative", "bare_unit_leads")) + r"\s+$")


def h_duration(g, ctx, lex):
    phrase = _norm(ctx.text[ctx.start:ctx.end])
    opener = _norm(g.get("opener") or "")
    mod = None
    if g.get("spanunit"):
        word = _norm(g["unit"])
        unit = lex.units[word]
        plural = word != unit and word.endswith("s")
        if unit == "weekend":
            return None
        first = phrase.split()[0]
        if not opener and not plural and (first in ("a", "an") or (g.get("approx") and re.search(r"\ban? \w+$", phrase))):
            return Found("DURATION", _unit_value(1, unit, lex), mod)
        if not opener:
            if not plural or phrase.split()[0] in ("the", "a", "an", "its", "their", "his", "her"):
                return None
            if not _bare_unit_leads().search(ctx.text[max(0, ctx.start - 12):ctx.start]):
                return None
            return Found("DURATION", _unit_value("X", unit, lex), mod)
        if plural:
            if opener in ("coming", "next") and not ctx.tempeval:
                return Found("DATE", "FUTURE_REF")
            if opener in ("recent", "past", "last") and not ctx.tempeval:
                return Found("DATE", "PAST_REF")
            if opener in ("recent",) and unit == "year":
                return Found("DATE", "PAST_REF")
            if opener == "coming" and ctx.tempeval:
                return Found("DATE", "FUTURE_REF") if unit == "month" else Found("DURATION", _unit_value("X", unit, lex))
            return Found("DURATION", _unit_value("X", unit, lex), mod)
        if opener not in ("past", "last", "next", "coming", "previous", "following", "recent", "latest",
                          "most recent"):
            return None
        if unit in ("day", "night") and opener in ("next", "following", "previous"):
            return None
        if opener == "last" and not phrase.startswith("the"):
            return None
        if opener in ("latest", "recent", "most recent"):
            return None
        return Found("DURATION", _unit_value(1, unit, lex), mod)
    n = _number(g["num"], lex)
    if n is None:
        return None
    word = _norm(g["unit"])
    unit = lex.units[word]
    if unit == "weekend":
        return None
    if unit == "quarter" and re.search(r"-quarters?$", phrase):
        return None  # "three-quarters" is a fraction
    if phrase.endswith("-old"):
        return None  # an age ("a 22-year-old actor") describes a person, not a time
    start = None
    compound = re.search(r"[\w.]+-(?:and-a-half-)?\w+(?:-long)?$", ctx.text[ctx.start:ctx.end])
    if compound and not g.get("approx"):
        # "a five-year deal", "its first three-month run": only the compound is the time.
        start = ctx.start + compound.start()
    det = re.match(r"(?i)(?:the|a|an|its|their|his|her)\s+", ctx.text[ctx.start:ctx.end])
    if start is None and det and not g.get("approx") and not opener and _norm(g["num"]) not in ("a", "an") and \
            (not word.endswith("s") or "-" in phrase):
        # "a five-year deal", "the two-day visit": the article belongs to the noun after.
        start = ctx.start + det.end()
    if "and a half" in phrase or "and-a-half" in phrase:
        n = (0 if n == "X" else n) + 0.5
    if isinstance(n, (int, float)) and n > 1000:
        return None
    if g.get("approx") and not ctx.tempeval:
        word = _norm(g["approx"])
        mod = "APPROX" if word in _words("modifiers", "duration_approx") else None
    return Found("DURATION", _unit_value(n, unit, lex), mod, start=start)


def h_dayword(g, ctx, lex):
    p = ctx.published
    if not p:
        return None
    phrase = _norm(ctx.text[ctx.start:ctx.end])
    mod = _mod_of(g, lex)
    word = _norm(g.get("dayword") or "")
    day = _day_of(p)
    if word == "today" and (not day or _today_is_vague(ctx)):
        return Found("DATE", "PRESENT_REF")
    if not day:
        return None
    part = g.get("daypart") or g.get("thisdaypart") or g.get("nextdaypart")
    if word:
        d = day + dt.timedelta(days=lex.days[word])
    elif "last night" in phrase:
        d, part = day - dt.timedelta(days=1), "night"
    elif "tonight" in phrase:
        d, part = day, "night"
    elif g.get("nextdaypart"):
        d = day + dt.timedelta(days=1)
    else:
        if phrase.startswith("that"):
            return None
        d = day
    if part:
        return Found("TIME", f"{d.isoformat()}T{lex.day_parts[_norm(part)]}", mod)
    return Found("DATE", d.isoformat(), mod)


@functools.cache
def _today_vague() -> re.Pattern:
    """"today" as the present era: "the kids of today", "today's audiences" (vague.yaml)."""
    after = alternation(_words("vague", "today_after"))
    nouns = alternation(_words("vague", "today_nouns"))
    return re.compile(r"(?i)(?:\b" + after + r"\s+today\b|today['’]s\s+" + nouns + r"\b)")


def _today_is_vague(ctx: Context) -> bool:
    window = ctx.text[max(0, ctx.start - 8):ctx.end + 14]
    return bool(_today_vague().search(window))


def h_clock(g, ctx, lex):
    if g.get("clock"):
        hm = lex.clock_words[_norm(g["clock"])]
    else:
        hour = int(g.get("hour") or g.get("hour24"))
        minute = int(g.get("minute") or 0)
        ampm = _norm(g.get("ampm") or "").replace(".", "").replace(" ", "")
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if g.get("daypart"):
            part = lex.day_parts.get(_norm(g["daypart"]))
            if part in ("AF", "EV", "NI") and hour < 12:
                hour += 12
        hm = f"{hour:02d}:{minute:02d}"
    mod = "APPROX" if g.get("approx") else None
    if g.get("month"):
        # "8 p.m. on July 21": a year the date guessed is one a tense may choose again.
        sub = h_date({"month": g["month"], "day": g["day"], "year": g.get("year")}, ctx, lex)
        return Found("TIME", f"{sub.value}T{hm}", mod, year_inferred=sub.year_inferred) if sub else None
    day = _day_of(ctx.published)
    if not day:
        return None
    if g.get("weekday"):
        sub = h_weekday({"weekday": g["weekday"]}, ctx, lex, None, None)
        return Found("TIME", f"{sub.value}T{hm}", mod) if sub else None
    if g.get("dayword"):
        d = day + dt.timedelta(days=lex.days[_norm(g["dayword"])])
        return Found("TIME", f"{d.isoformat()}T{hm}", mod)
    return Found("TIME", f"{day.isoformat()}T{hm}", mod, dct_day=True)


@functools.cache
def _word_ahead(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\s*" + alternation(words) + r"\b")


@functools.cache
def _word_behind(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b" + alternation(words) + r"\s+$", re.IGNORECASE)


def h_vague(g, ctx, lex):
    phrase = _norm(g["vague"])
    entry = lex.vague[phrase]
    if ctx.tempeval and entry.get("tempeval") is False:
        return None
    after = ctx.text[ctx.end:ctx.end + 12].lower()
    if entry["not_before"] and _word_ahead(entry["not_before"]).match(after):
        return None
    if entry["not_after"] and _word_behind(entry["not_after"]).search(ctx.text, max(0, ctx.start - 30), ctx.start):
        return None
    if entry.get("guard") == "one_day" and not ctx.sentence_start(ctx.start):
        return None
    start, end = ctx.start, ctx.end
    span = entry.get("span")
    if span:
        k = ctx.text.lower().rfind(span.split()[0], ctx.start, ctx.end)
        if k >= 0:
            start = k
    return Found("DATE", entry["value"], None, start=start, end=end)


HANDLERS: dict[str, Callable] = {
    "date": h_date, "numeric": h_numeric, "month": h_month, "season": h_season, "part": h_part,
    "relpart": h_relpart, "relative": h_relative, "yearend": h_yearend, "decade": h_decade,
    "century": h_century, "yearrange": h_yearrange, "year": h_year, "ago": h_ago, "set": h_set,
    "duration": h_duration, "dayword": h_dayword, "holiday": h_holiday, "clock": h_clock,
    "vague": h_vague, "spokenyear": h_spokenyear,
}
