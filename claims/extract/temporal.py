"""Temporal expressions (TIMEX3): find them in text and normalize them against the DCT.

The words live in `claims/data/time/*.yaml`; `patterns.yaml` lists the expression shapes in
priority order and names, for each, one handler below that turns the matched parts into a
TIMEX3 type, value and mod. All patterns are joined into one regular expression so a text is
scanned once; handlers run only where something matched.

Two conventions differ in a few places (see `find_timexes`): the claim convention of
CONTRACT §2 (the default) and TempEval-3's, which the benchmark uses.

Conventions beyond CONTRACT §2 (rows in tests/cases/timex.yaml show each):

- A season "of" a relative year is one expression: "the fall of next year" (DCT 2017-11) ->
  2018-FA; "the end of next year" -> 2018 END; "the beginning of next month" -> the month, START.
- Month words count when capitalized, and in lower case for the full names that are not also
  common words ("a november debut"; not may/march/august). A capitalized month before a
  capitalized word is a name ("June Carter") except on a title-case line, a headline ("A March
  Netflix Debut"), where only the look-alikes of calendar.yaml (month_not_before: "March On",
  "May I") are refused. "a November debut" (a year-less date before a scheduled-event noun)
  leans future when no other tense cue decides.
- Prepositions outside the span set the claim mod ("by December" -> ON_OR_BEFORE). "until X"
  after a negation in the clause is when the event happens ("won't premiere until March",
  "wasn't supposed to start shooting until 2017") -> mod null; otherwise "until X" ends a
  stretch ("the shoot will last until 2018") -> ON_OR_BEFORE, and a time's own mod wins
  ("until early next year" -> START).
- Joined prefixes ("early-to-mid November", "mid- to late 2018") give the time as a whole, mod
  null; a year narrows to the half both ends lie in: mid-to-late 2018 -> 2018-H2, early-to-mid
  2018 -> 2018-H1.
- Alternatives joined by "or" stay separate expressions ("late 2017 or early 2018": 2017 END,
  then 2018 START), and a bare first month takes the year written after the second
  ("September or October 2017" -> 2017-09). Under the claim convention two adjacent months at a
  year's end (start) become one expression: "November or December of 2017" -> 2017 END.
- "the end of the year" alone is the DCT's year, END, also as "toward the very end of the year";
  "the year" and "the day" alone are anaphoric and not tagged.
- The year of a year-less date is chosen by the tense (`choose_year`); a caller that learns the
  clause tense later calls `renormalize(timex, published, tense)`, which re-chooses only that
  year and keeps the span and the mod found in context. `normalize` takes an expression with
  its preposition ("by December") when the mod matters.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from claims.models import Published

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "time"
TYPES = ("DATE", "TIME", "DURATION", "SET")
VAGUE_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    year_inferred: bool = False


class TimeDataError(ValueError):
    """A file under claims/data/time is malformed; the message names the file and key."""


# ---------------------------------------------------------------------------------------
# Data loading

@functools.cache
def load(name: str) -> Any:
    """One YAML file of claims/data/time, parsed once."""
    path = DATA_DIR / f"{name}.yaml"
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as exc:
        raise TimeDataError(f"{path}: {exc}") from exc


def _mapping(name: str, key: str, value_type: type | tuple = int) -> dict[str, Any]:
    """A {word: value} table from file `name`, words lower-cased, values type-checked."""
    table = load(name).get(key)
    if not isinstance(table, dict):
        raise TimeDataError(f"{DATA_DIR / name}.yaml: key {key!r} must be a mapping")
    out = {}
    for word, value in table.items():
        if not isinstance(value, value_type):
            raise TimeDataError(f"{DATA_DIR / name}.yaml: {key}.{word}: expected {value_type}, got {value!r}")
        out[str(word).lower()] = value
    return out


def _words(name: str, key: str) -> list[str]:
    items = load(name).get(key)
    if not isinstance(items, list) or not all(isinstance(w, str) for w in items):
        raise TimeDataError(f"{DATA_DIR / name}.yaml: key {key!r} must be a list of strings")
    return [w.lower() for w in items]


def alternation(words, suffix: str = "") -> str:
    """A regex alternation of literal words, longest first, spaces matching any white space."""
    parts = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    escaped = [re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") + suffix for w in parts]
    return "(?:" + "|".join(escaped) + ")"


def _norm(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower().replace("’", "'")).strip()


@dataclass(frozen=True)
class Lexicon:
    """Every word table the handlers consult, built from the YAML files once."""

    months: dict[str, int]
    weekdays: dict[str, int]
    month_not_before: dict[str, set[str]]
    seasons: dict[str, str]
    holidays: dict[str, dict]
    ordinals_part: dict[str, int]
    parts: dict[str, str]
    qabbr: dict[str, int]
    mods: dict[str, str]
    relmods: set[str]
    approx: dict[str, str]
    signals: dict[str, str | None]
    offsets: dict[str, int]
    units: dict[str, str]
    unit_durations: dict[str, tuple[str, str, int]]
    frequencies: dict[str, str]
    day_parts: dict[str, str]
    clock_words: dict[str, str]
    days: dict[str, int]
    vague: dict[str, dict]
    numbers: dict[str, int]
    vague_numbers: set[str]
    ordinals: dict[str, int]
    decades: dict[str, int]
    future_words: list[str]
    past_words: list[str]
    not_past: set[str]


@functools.cache
def lexicon() -> Lexicon:
    months = _mapping("calendar", "months")
    abbr = _mapping("calendar", "month_abbreviations")
    weekdays = _mapping("calendar", "weekdays")
    wabbr = _mapping("calendar", "weekday_abbreviations")
    not_before = {}
    for month, words in _mapping("calendar", "month_not_before", list).items():
        if not all(isinstance(w, str) for w in words):
            # YAML reads a bare on/off/yes/no as a boolean.
            raise TimeDataError(f"{DATA_DIR / 'calendar'}.yaml: month_not_before.{month}: quote every word")
        not_before[month] = {w.lower() for w in words}
    seasons = _mapping("seasons", "seasons", str)
    holidays = _mapping("seasons", "holidays", dict)
    for name, spec in holidays.items():
        if not isinstance(spec.get("month"), int) or not 1 <= spec["month"] <= 12:
            raise TimeDataError(f"{DATA_DIR / 'seasons'}.yaml: holidays.{name}: needs a month 1-12")
    mods = {}
    for mod, words in _mapping("modifiers", "prefix", list).items():
        for w in words:
            mods[_norm(w)] = mod.upper()
    approx = {}
    for mod, words in _mapping("modifiers", "approx", list).items():
        for w in words:
            approx[_norm(w)] = mod.upper()
    signals = {}
    for mod, words in _mapping("modifiers", "signal", list).items():
        for w in words:
            signals[_norm(w)] = None if mod.upper() == "NONE" else mod.upper()
    vague = {}
    for ref in VAGUE_VALUES:
        for entry in load("vague").get(ref) or []:
            if not isinstance(entry, dict) or "text" not in entry:
                raise TimeDataError(f"{DATA_DIR / 'vague'}.yaml: {ref}: entry {entry!r} needs a text")
            vague[_norm(entry["text"])] = {"value": ref, **entry}
    cardinals = _mapping("numbers", "cardinals")
    tens = _mapping("numbers", "tens")
    numbers = dict(cardinals)
    ones = {w: n for w, n in cardinals.items() if 1 <= n <= 9 and w not in ("a", "an")}
    for tw, tn in tens.items():
        numbers[tw] = tn
        for ow, on in ones.items():
            numbers[f"{tw}-{ow}"] = numbers[f"{tw} {ow}"] = tn + on
    ordinals = _mapping("numbers", "ordinals")
    ones_ord = {w: n for w, n in ordinals.items() if n <= 9}
    for tw, tn in (("twenty", 20), ("thirty", 30)):
        for ow, on in ones_ord.items():
            if tn + on <= 31:
                ordinals[f"{tw}-{ow}"] = ordinals[f"{tw} {ow}"] = tn + on
    units = _mapping("relative", "units", str)
    durations = {}
    for unit, spec in _mapping("relative", "unit_durations", list).items():
        if len(spec) != 3 or not isinstance(spec[2], int):
            raise TimeDataError(f"{DATA_DIR / 'relative'}.yaml: unit_durations.{unit}: want [prefix, letter, n]")
        durations[unit] = tuple(spec)
    for word, unit in units.items():
        if unit not in durations:
            raise TimeDataError(f"{DATA_DIR / 'relative'}.yaml: units.{word}: no unit_durations.{unit}")
    return Lexicon(
        months={**{k: v for k, v in months.items()}, **abbr},
        weekdays={**weekdays, **wabbr},
        month_not_before=not_before,
        seasons=seasons,
        holidays={_norm(k): v for k, v in holidays.items()},
        ordinals_part=_mapping("parts", "ordinals"),
        parts=_mapping("parts", "parts", str),
        qabbr=_mapping("parts", "quarter_abbreviations"),
        mods=mods,
        relmods={_norm(w) for w in _words("modifiers", "relative_prefix")},
        approx=approx,
        signals=signals,
        offsets={_norm(k): v for k, v in _mapping("relative", "offsets").items()},
        units=units,
        unit_durations=durations,
        frequencies=_mapping("relative", "frequencies", str),
        day_parts=_mapping("relative", "day_parts", str),
        clock_words=_mapping("relative", "clock_words", str),
        days={_norm(k): v for k, v in _mapping("relative", "days").items()},
        vague=vague,
        numbers=numbers,
        vague_numbers={_norm(w) for w in _words("numbers", "vague")},
        ordinals=ordinals,
        decades=_mapping("numbers", "decades"),
        future_words=_words("tense_hints", "future"),
        past_words=_words("tense_hints", "past"),
        not_past=set(_words("tense_hints", "not_past")),
    )


# ---------------------------------------------------------------------------------------
# The combined pattern

def _lists(lex: Lexicon) -> dict[str, str]:
    """Regex fragments for the placeholders of patterns.yaml."""
    full_months = [w for w in lex.months if len(w) > 4 or w in ("may", "june", "july")]
    month_abbr = [w for w in lex.months if w not in full_months]
    month = "(?:" + alternation(full_months) + "|" + alternation(month_abbr, r"\.?") + r")(?![\w])"
    weekday_full = [w for w in lex.weekdays if w.endswith("day")]
    weekday_abbr = [w for w in lex.weekdays if not w.endswith("day")]
    weekday = "(?:" + alternation(weekday_full) + "|" + alternation(weekday_abbr, r"\.") + ")"
    ordday = alternation([w for w, n in lex.ordinals.items() if n <= 31])
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
    year = r"(?:1[6-9]\d\d|20\d\d)(?!\w)"
    cardinal = alternation(lex.numbers)
    num = "(?:" + r"\d+(?:\.\d+)?(?!\d)|" + cardinal + "|" + alternation(lex.vague_numbers) + ")"
    vague_words = alternation(lex.vague)
    tz = alternation(_words("relative", "time_zones"), r"\.?")
    return {
        "month": month,
        "weekday": weekday,
        "day": "(?:" + day + "|" + ordday + r"(?!\w))",
        "ordday": "(?:" + r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|" + ordday + ")",
        "year": year,
        "yearq": "(?:" + year + r"|'\d\d(?!\w))",
        "yy": r"\d\d",
        "num": num,
        "unit": alternation(lex.units),
        "season": alternation(lex.seasons),
        "daypart": alternation(lex.day_parts),
        "rel": alternation(lex.offsets),
        "relmod": alternation(lex.relmods),
        "mod": "(?:" + _range_regex() + "|" + alternation(lex.mods) + ")",
        "approx": alternation(lex.approx),
        "opener": alternation(_words("relative", "span_openers")),
        "ordinal": alternation(lex.ordinals_part),
        "part": alternation(lex.parts),
        "qabbr": alternation(lex.qabbr),
        "decadenum": r"(?:1\d|20)\d0s",
        "decade2": r"\d0",
        "decade": alternation(lex.decades),
        "cent": r"\d{1,2}",
        "holiday": alternation(lex.holidays),
        "dayword": alternation(lex.days),
        "frequency": alternation(lex.frequencies),
        "setopener": alternation(_words("relative", "set_openers") + ["times a", "times per", "times every"]),
        "clock": alternation(lex.clock_words),
        "tz": tz,
        "hour": r"(?:1[0-2]|0?[1-9])",
        "hour24": r"(?:[01]?\d|2[0-3])",
        "minute": r"[0-5]\d",
        "second": r"[0-5]\d",
        "ampm": r"(?:[ap]\.\s?m\.?|[ap]m(?!\w))",
        "vague": vague_words,
        "ago": alternation(_words("relative", "ago")),
        "fromnow": alternation(_words("relative", "from_now")),
        "nmonth": r"(?:1[0-2]|0?[1-9])",
        "nday": r"(?:3[01]|[12]\d|0?[1-9])",
        "nyear": r"(?:\d{4}|\d\d)",
        "iyear": r"\d{4}",
        "imonth": r"(?:1[0-2]|0[1-9])",
        "iday": r"(?:3[01]|[12]\d|0[1-9])",
        "notyear": alternation(_words("numbers", "count_nouns")),
    }


@functools.cache
def _range_regex() -> str:
    """Two prefixes joined, as one mod: "early-to-mid", "mid- to late", "early or mid"."""
    words = alternation(_mapping("modifiers", "range_words", str))
    joiners = alternation(_words("modifiers", "range_joiners"))
    return words + r"(?:\s*-\s*|\s+)" + joiners + r"(?:\s*-\s*|\s+)" + words


_PLACEHOLDER = re.compile(r"\{([a-z0-9]+)(?:=([a-z0-9]+))?\}")


def _expand(template: str, prefix: str, lists: dict[str, str], where: str) -> tuple[str, dict[str, str]]:
    """Template -> regex with groups named prefix__alias; returns regex and {group: list name}."""
    out, groups = [], {}
    i, in_class = 0, False
    while i < len(template):
        ch = template[i]
        if ch == "\\":
            out.append(template[i:i + 2])
            i += 2
            continue
        if in_class:
            out.append(r"\s" if ch == " " else ch)
            in_class = ch != "]"
            i += 1
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            continue
        if ch == " ":
            if i + 1 < len(template) and template[i + 1] == "?":
                out.append(r"\s*")
                i += 2
            else:
                out.append(r"\s+")
                i += 1
            continue
        if ch == "{":
            m = _PLACEHOLDER.match(template, i)
            if m:
                name, alias = m.group(1), m.group(2) or m.group(1)
                if name not in lists:
                    raise TimeDataError(f"{DATA_DIR / 'patterns'}.yaml: {where}: unknown list {{{name}}}")
                group = f"{prefix}__{alias}"
                if group in groups:
                    raise TimeDataError(f"{DATA_DIR / 'patterns'}.yaml: {where}: {{{alias}}} used twice")
                # Handlers read a value by its list's name; "yearq" is a year that may be written '98.
                groups[group] = ("year" if name == "yearq" else name, alias)
                out.append(f"(?P<{group}>{lists[name]})")
                i = m.end()
                continue
        if template.startswith("(?P<", i):
            j = template.index(">", i)
            alias = template[i + 4:j]
            group = f"{prefix}__{alias}"
            groups[group] = (alias, alias)
            out.append(f"(?P<{group}>")
            i = j + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out), groups


@dataclass(frozen=True)
class Pattern:
    name: str
    group: str
    handler: str
    groups: dict[str, tuple[str, str]]
    regex: re.Pattern


def _list_starts(lex: Lexicon) -> dict[str, set[str]]:
    """First tokens of each word list; lists that are plain regexes start with a number."""
    tables = {
        "month": lex.months, "weekday": lex.weekdays, "season": lex.seasons, "holiday": lex.holidays,
        "ordinal": lex.ordinals_part, "qabbr": lex.qabbr, "mod": lex.mods, "relmod": lex.relmods,
        "approx": lex.approx, "rel": lex.offsets, "unit": lex.units, "frequency": lex.frequencies,
        "daypart": lex.day_parts, "clock": lex.clock_words, "dayword": lex.days, "vague": lex.vague,
        "num": [*lex.numbers, *lex.vague_numbers, "1"], "day": [*lex.ordinals, "1"], "decade": lex.decades,
        "opener": _words("relative", "span_openers"),
        "setopener": _words("relative", "set_openers") + ["times"],
    }
    out = {}
    for name, words in tables.items():
        firsts = set()
        for entry in words:
            tokens = TOKEN.findall(_norm(entry))
            if tokens:
                firsts.add("#" if tokens[0][0].isdigit() else tokens[0])
        out[name] = firsts
    return out


@functools.cache
def compiled() -> tuple[dict[str, tuple[Pattern, ...]], dict[str, Pattern], frozenset[str], frozenset[str]]:
    """The patterns in order, indexed by the tokens they can start with ("#": a number)."""
    lex = lexicon()
    lists = _lists(lex)
    list_starts = _list_starts(lex)
    specs = load("patterns")
    if not isinstance(specs, list):
        raise TimeDataError(f"{DATA_DIR / 'patterns'}.yaml: must be a list of patterns")
    by_start: dict[str, list[Pattern]] = {}
    patterns = {}
    for index, spec in enumerate(specs):
        name = spec.get("name") if isinstance(spec, dict) else None
        where = f"{DATA_DIR / 'patterns'}.yaml: entry {index} ({name})"
        if not name or not isinstance(spec.get("match"), str) or spec.get("handler") not in HANDLERS:
            raise TimeDataError(f"{where}: needs name, match and a handler among {sorted(HANDLERS)}")
        prefix = f"p{index}"
        regex, groups = _expand(spec["match"], prefix, lists, name)
        try:
            # Nothing starts inside a word or after a hyphen ("year-earlier" is not "earlier").
            rx = re.compile(r"(?<![\w$#@/-])(?:" + regex + ")", re.IGNORECASE)
        except re.error as exc:
            raise TimeDataError(f"{where}: bad regex: {exc}") from exc
        pattern = Pattern(name, prefix, spec["handler"], groups, rx)
        patterns[prefix] = pattern
        starts = spec.get("starts")
        if not isinstance(starts, list) or not starts:
            raise TimeDataError(f"{where}: starts must be a non-empty list")
        keys: set[str] = set()
        for word in starts:
            word = str(word).lower()
            if word.startswith("{"):
                if word.strip("{}") not in list_starts:
                    raise TimeDataError(f"{where}: starts: no word list {word}")
                keys |= list_starts[word.strip("{}")]
            else:
                keys.add(word)
        for key in keys:
            by_start.setdefault(key, []).append(pattern)
    # A token that cannot be a whole expression by itself ("the", "early", "two") is only worth
    # trying when the next token belongs to some list; most "the"s fail that cheap test.
    known = {"#", "'"} | {w.lower() for spec in specs for w in spec.get("starts", []) if not str(w).startswith("{")}
    standalone = {"#", "'", "tonight"}
    whole = (lex.months, lex.weekdays, lex.seasons, lex.holidays, lex.qabbr, lex.units, lex.frequencies,
             lex.clock_words, lex.days, lex.vague)
    for table in whole:
        for entry in table:
            tokens = TOKEN.findall(_norm(entry))
            if len(tokens) == 1:
                standalone.add(tokens[0])
    for table in (lex.months, lex.weekdays, lex.seasons, lex.holidays, lex.qabbr, lex.mods, lex.relmods,
                  lex.approx, lex.offsets, lex.units, lex.frequencies, lex.day_parts, lex.clock_words, lex.days,
                  lex.vague, lex.numbers, lex.vague_numbers, lex.ordinals, lex.ordinals_part, lex.parts, lex.decades,
                  _words("relative", "span_openers"), _words("relative", "set_openers"),
                  _words("relative", "ago"), _words("relative", "from_now")):
        for entry in table:
            tokens = [("#" if t[0].isdigit() else t) for t in TOKEN.findall(_norm(entry))]
            known.update(tokens)
    known.update(_words("modifiers", "range_joiners"))
    gated = frozenset(k for k in by_start if k not in standalone)
    return {k: tuple(v) for k, v in by_start.items()}, patterns, gated, frozenset(known)


# Tokens at which an expression may start: words (with a digit tail, "Q3"), numbers, "'90s".
TOKEN = re.compile(r"[A-Za-z]+\d*|\d+|'(?=\d)")
NEXT_TOKEN = re.compile(r"[\s\-.,']*([A-Za-z]+\d*|\d+)")


@functools.cache
def _tense_regexes() -> tuple[re.Pattern, re.Pattern]:
    lex = lexicon()
    # Case-sensitive: "May" the month must not read as a modal, nor "Will" the name as "will".
    future = re.compile(r"(?<![\w'])" + alternation(lex.future_words) + r"(?!\w)")
    past = re.compile(r"(?<![\w'])(?:" + alternation(lex.past_words) + r"|[a-z]{2,}ed)(?!\w)")
    return future, past


@functools.cache
def _scheduled_noun() -> re.Pattern:
    """A noun after a year-less date that makes it a scheduled event: "a November debut"."""
    nouns = alternation(_words("tense_hints", "scheduled_nouns"), r"s?")
    return re.compile(r"\s+(?:(?-i:[A-Z])[\w'’]*\s+){0,2}?" + nouns + r"(?!\w)", re.IGNORECASE)


# ---------------------------------------------------------------------------------------
# Context

SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s+(?=[A-Z\"“‘'(])|\n\s*\n|\n(?=[A-Z\"“])")


class Context:
    def __init__(self, text: str, published: Published | None, tense: str | None, convention: str):
        self.text = text
        self.published = published
        self.tense = tense
        self.tempeval = convention == "tempeval"
        self.start = self.end = 0
        self._title_lines: dict[int, bool] = {}

    def title_case(self, pos: int) -> bool:
        """Whether the line holding pos is in title case (a headline: "A November Debut On Netflix")."""
        lo = self.text.rfind("\n", 0, pos) + 1
        if lo not in self._title_lines:
            hi = self.text.find("\n", pos)
            line = self.text[lo:hi if hi >= 0 else len(self.text)]
            rule = load("calendar").get("title_case") or {}
            words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= int(rule.get("min_length", 4))]
            caps = sum(1 for w in words if w[0].isupper())
            self._title_lines[lo] = (len(words) >= int(rule.get("min_words", 3))
                                     and caps > float(rule.get("ratio", 0.8)) * len(words))
        return self._title_lines[lo]

    def guess_tense(self) -> str | None:
        """The tense the caller gave, else a cue in the clause before the match (tense_hints.yaml)."""
        if self.tense in ("past", "present", "future"):
            return self.tense
        hints = load("tense_hints")
        lo = max(0, self.start - int(hints.get("future_window", 80)))
        left = self.text[lo:self.start]
        cut = None
        for m in SENTENCE_END.finditer(left):
            cut = m.end()
        if cut:
            left = left[cut:]
        future, past = _tense_regexes()
        if future.search(left):
            return "future"
        window = left[-int(hints.get("past_window", 25)):]
        for m in past.finditer(window):
            if m.group().lower() not in lexicon().not_past:
                return "past"
        if re.search(r"(?i)\ban?\s+$", left) and _scheduled_noun().match(self.text, self.end):
            return "future"
        return None

    def sentence_start(self, pos: int) -> bool:
        before = self.text[max(0, pos - 3):pos].rstrip(" \t")
        return not before or before[-1] in ".!?\n\"“‘'(:—-"


# ---------------------------------------------------------------------------------------
# Calendar helpers

def _month_span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year + (first - 1) // 12, (first - 1) % 12 + 1, 1)
    after = dt.date(year + last // 12, last % 12 + 1, 1)
    return start, after - dt.timedelta(days=1)


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _day(year: int, month: int, day: int) -> tuple[dt.date, dt.date] | None:
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    return d, d


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    days = [dt.date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).isoweekday() == weekday]
    return days[nth - 1] if nth > 0 else days[nth]


def choose_year(span: Callable[[int], tuple[dt.date, dt.date] | None], published: Published,
                tense: str | None, rel: int | None = None) -> int | None:
    """The year to give a year-less date, month or season.

    rel: 0 "this" (the one holding the DCT, else the DCT year's), 1 "next" (first starting
    after the DCT), -1 "last" (last ending before it). Without rel, the tense decides
    (CONTRACT §2): future -> first on or after the DCT; past -> last on or before it;
    otherwise the nearest, the DCT's own year on a tie.
    """
    lo, hi = published.earliest, published.latest
    cands = [(y, span(y)) for y in range(published.year - 2, published.year + 3)]
    cands = [(y, s) for y, s in cands if s]
    if not cands:
        return None
    if rel == 0:
        for y, (a, b) in cands:
            if a <= hi and b >= lo:
                return y
        return published.year
    if rel == 1:
        return next((y for y, (a, b) in cands if a > hi), None)
    if rel == -1:
        return next((y for y, (a, b) in reversed(cands) if b < lo), None)
    if tense == "future":
        return next((y for y, (a, b) in cands if b >= lo), None)
    if tense == "past":
        return next((y for y, (a, b) in reversed(cands) if a <= hi), None)

    def distance(item):
        y, (a, b) = item
        gap = 0 if a <= hi and b >= lo else min(abs((a - hi).days), abs((lo - b).days))
        return gap, y != published.year
    return min(cands, key=distance)[0]


def _week_value(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _day_of(published: Published | None) -> dt.date | None:
    if published and published.month and published.day:
        return dt.date(published.year, published.month, published.day)
    return None


# ---------------------------------------------------------------------------------------
# Handlers: groups -> results

@dataclass
class Found:
    type: str
    value: str
    mod: str | None = None
    year_inferred: bool = False
    start: int | None = None
    end: int | None = None


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
        w = _norm(relmod)
        return "END" if w == "late in" else "START" if w == "early in" else None
    return None


def _is_capitalized(word: str | None) -> bool:
    return bool(word) and word[0].isupper()


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


def _next_word(ctx: Context, pos: int) -> str:
    m = re.match(r"\s+([\w'’]+)", ctx.text[pos:pos + 30])
    return m.group(1) if m else ""


def _month_is_name(word: str, g: dict, ctx: Context, lex: Lexicon, bare: bool) -> bool:
    """False when a month word is something else: a verb, a modal, a first name."""
    if not _is_capitalized(word):
        return _norm(word) in _words("calendar", "lowercase_months")
    if bare:
        nxt = _next_word(ctx, ctx.end)
        stop = lex.month_not_before.get(_norm(word).rstrip("."), set())
        if nxt.lower() in stop:
            return False
        # A bare abbreviation without its dot ("Mar", "Jan") is more often a name than a month.
        if _norm(word) not in _mapping("calendar", "months") and not word.endswith("."):
            return False
        # "Mary June Smith" is a name, but a headline capitalizes every word ("A March Netflix Debut").
        if nxt[:1].isupper() and not ctx.sentence_start(ctx.end + 1) and not ctx.title_case(ctx.start):
            return False
        prev = ctx.text[max(0, ctx.start - 2):ctx.start]
        if _norm(word) == "may" and ctx.sentence_start(ctx.start) and not g.get("mod"):
            return False
        if prev.endswith("-"):
            return False
    return True


def _season_is_time(word: str, g: dict, ctx: Context, start: int, has_context: bool) -> bool:
    """Seasons are lower-case in running text; a capitalized one is usually a title or a name."""
    if not word[0].isupper():
        return True
    if ctx.title_case(start):
        # A headline capitalizes every word: a season needs "the" or a modifier there.
        return has_context or ctx.text[start:ctx.end].lower().startswith("the")
    nxt = _next_word(ctx, ctx.end)
    if nxt[:1].isupper():
        return False
    return has_context or ctx.sentence_start(start)


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
        year = ctx.published.year + {"this": 0, "last": -1, "next": 1}[_norm(g["yrel"])]
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
        if letter == "Q" and word in ("latter", "back", "front"):
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
    century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[_norm(g["century"])]
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
    return Found("DATE", f"{n - 1:02d}", _mod_of(g, lex))


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


BARE_UNIT_LEADS = re.compile(r"(?i)(?:\bfor|\bwithin|\bover|\bin|\btook|\blasted|\bspent|\bfor\s+many)\s+$")


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
            if not BARE_UNIT_LEADS.search(ctx.text[max(0, ctx.start - 12):ctx.start]):
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
        mod = "APPROX" if word in ("about", "around", "approximately", "roughly", "some", "circa", "or so") else None
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


TODAY_VAGUE = re.compile(r"(?i)(?:\b(?:of|until|till)\s+today\b|today['’]s\s+(?:world|society|generation|"
                         r"youth|culture|standards|market|economy|era|audiences?|kids|industry|climate|age)\b)")


def _today_is_vague(ctx: Context) -> bool:
    window = ctx.text[max(0, ctx.start - 8):ctx.end + 14]
    return bool(TODAY_VAGUE.search(window))


def h_clock(g, ctx, lex):
    p = ctx.published
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
    day = _day_of(p)
    if g.get("weekday"):
        if not day:
            return None
        sub = h_weekday({"weekday": g["weekday"]}, ctx, lex, None, None)
        if not sub:
            return None
        d = sub.value
    elif g.get("dayword"):
        if not day:
            return None
        d = (day + dt.timedelta(days=lex.days[_norm(g["dayword"])])).isoformat()
    elif g.get("month"):
        sub = h_date({"month": g["month"], "day": g["day"]}, ctx, lex)
        if not sub:
            return None
        d = sub.value
    else:
        if not day:
            return None
        d = day.isoformat()
    mod = "APPROX" if g.get("approx") else None
    return Found("TIME", f"{d}T{hm}", mod)


def h_vague(g, ctx, lex):
    phrase = _norm(g["vague"])
    entry = lex.vague[phrase]
    if ctx.tempeval and entry.get("tempeval") is False:
        return None
    guard = entry.get("guard")
    after = ctx.text[ctx.end:ctx.end + 12].lower()
    if guard == "earlier":
        if re.match(r"\s*(?:than|in|on|this|that|today|yesterday|version|draft|episode|season|reports?)\b", after):
            return None
    if guard == "one_day" and not ctx.sentence_start(ctx.start):
        return None
    if phrase in ("current", "recent") and re.match(r"\s*(?:events|affairs|account|season|episode|series)\b", after):
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


# ---------------------------------------------------------------------------------------
# Public API

def _signal_mod(text: str, start: int) -> tuple[bool, str | None]:
    """The mod a preposition just before `start` sets ("by 2018" -> ON_OR_BEFORE), if any.

    "until X" after a negation in the clause ("won't premiere until March") is when the event
    happens: mod null (modifiers.yaml, negated_signals).
    """
    lex = lexicon()
    m = _signal_regex().search(text, max(0, start - 24), start)
    if not m:
        return False, None
    word = _norm(m.group(1))
    if word in _words("modifiers", "negated_signals") and _negated_clause(text, m.start(1)):
        return True, None
    return True, lex.signals.get(word)


CLAUSE_BREAK = re.compile(r"[.!?;:]\s|\n|,\s+(?:but|and|while|although|though|whereas)\b|\bbut\b", re.IGNORECASE)


@functools.cache
def _negation_regex() -> re.Pattern:
    return re.compile("|".join(f"(?:{n})" for n in _words("modifiers", "negations")), re.IGNORECASE)


def _negated_clause(text: str, pos: int) -> bool:
    """A negation in the clause before pos (at most 100 characters back)."""
    left = text[max(0, pos - 100):pos]
    cut = 0
    for m in CLAUSE_BREAK.finditer(left):
        cut = m.end()
    return bool(_negation_regex().search(left[cut:]))


@functools.cache
def _signal_regex() -> re.Pattern:
    return re.compile(r"(?<!\w)(" + alternation(lexicon().signals)[3:-1] + r")\s+$", re.IGNORECASE)


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
    by_start, _, gated, known = compiled()
    lex = lexicon()
    ctx = Context(text, published, tense, convention)
    out: list[Timex] = []
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
            groups = {}
            for group, (name, alias) in pattern.groups.items():
                value = m.group(group)
                if value is not None:
                    groups.setdefault(name, value)
                    groups[alias] = value
            ctx.start, ctx.end = m.start(), m.end()
            result = HANDLERS[pattern.handler](groups, ctx, lex)
            # The first pattern that matches decides, as in one alternation.
            break
        if not result:
            continue
        results = result if isinstance(result, list) else [result]
        last_end = m.end()
        for r in results:
            start = r.start if r.start is not None else m.start()
            end = r.end if r.end is not None else m.end()
            end = start + len(_trim(text[start:end], lex))
            if r.value is None or end <= start:
                continue
            if not include_vague and r.value in VAGUE_VALUES:
                continue
            mod = r.mod
            if not ctx.tempeval and r.type in ("DATE", "TIME") and r.value not in VAGUE_VALUES:
                found, signal = _signal_mod(text, start)
                if found and mod is None:
                    mod = signal
            out.append(Timex(start, end, text[start:end], r.type, r.value, mod, r.year_inferred))
        pos = last_end
    return _join_alternatives(text, out, ctx)


ALTERNATIVE = re.compile(r",?\s+or\s+$")
MONTH_VALUE = re.compile(r"(\d{4})-(\d{2})$")
# Two adjacent months of one year offered as alternatives, and what their union is.
MONTH_PAIR_MODS = {(11, 12): "END", (1, 2): "START"}


def _join_alternatives(text: str, found: list[Timex], ctx: Context) -> list[Timex]:
    """Two months joined by "or": "November or December of 2017".

    The first month takes the year written after the second (in both conventions); under the
    claim convention two adjacent months at a year's end (start) become one expression, the
    year with mod END (START): "November or December of 2017" -> 2017, END. Other pairs
    ("September or October", "late 2017 or early 2018") stay two expressions.
    """
    out: list[Timex] = []
    for t in found:
        prev = out[-1] if out else None
        a = MONTH_VALUE.match(prev.value) if prev and prev.type == "DATE" else None
        b = MONTH_VALUE.match(t.value) if t.type == "DATE" else None
        if not (a and b and ALTERNATIVE.match(text[prev.end:t.start])):
            out.append(t)
            continue
        m1, m2, year = int(a.group(2)), int(b.group(2)), int(b.group(1))
        if prev.year_inferred and not t.year_inferred:
            prev = Timex(prev.start, prev.end, prev.text, prev.type,
                         f"{year - (m1 > m2):04d}-{m1:02d}", prev.mod, False)
            out[-1] = prev
        joined = MONTH_PAIR_MODS.get((m1, m2))
        if joined and not ctx.tempeval and prev.value[:4] == t.value[:4]:
            out[-1] = Timex(prev.start, t.end, text[prev.start:t.end], "DATE", f"{year:04d}", joined,
                            prev.year_inferred and t.year_inferred)
            continue
        out.append(t)
    return out


def normalize(expression: str, published: Published | None, tense: str | None = None) -> tuple[str | None, str | None]:
    """(value, mod) of the single main time expression in `expression`; (None, None) if none.

    The expression may carry its preposition, which then sets the mod as in running text:
    normalize("by December", 2016-05, "future") -> ("2016-12", "ON_OR_BEFORE"), where
    normalize("December", ...) gives mod None. To re-date a Timex found in a text, use
    `renormalize`, which keeps the mod found there.
    """
    found = find_timexes(expression, published, tense)
    if not found:
        return None, None
    # The main expression: the longest, the earlier on a tie; a vague word loses to a real time.
    best = max(found, key=lambda t: (t.value not in VAGUE_VALUES, t.end - t.start, -t.start))
    return best.value, best.mod


DATED_VALUE = re.compile(r"(\d{4})-(?:(\d{2})(?:-(\d{2}))?|(SP|SU|FA|WI))(?=$|T)")


def renormalize(timex: Timex, published: Published | None, tense: str | None) -> Timex:
    """`timex` with its year chosen again for `tense`, when the year was inferred.

    For the pipeline, once it knows the clause tense: only the year of a year-less date, month
    or season changes (choose_year: future -> the first on or after the DCT, past -> the last on
    or before it); the span, text, type and mod stay as found in the text, so the mod that a
    preposition outside the span gave ("by December" -> ON_OR_BEFORE) is kept. A date whose
    weekday fixed its year ("Saturday, April 25") and a timex with a written year are returned
    unchanged.
    """
    if not timex.year_inferred or published is None:
        return timex
    lex = lexicon()
    if any(_norm(w).rstrip(".") in lex.weekdays for w in TOKEN.findall(timex.text)):
        return timex
    m = DATED_VALUE.match(timex.value)
    if m and m.group(3):
        month, day = int(m.group(2)), int(m.group(3))
        year = choose_year(lambda y: _day(y, month, day), published, tense)
    elif m and m.group(2):
        month = int(m.group(2))
        year = choose_year(lambda y: _month_span(y, month, month), published, tense)
    elif m:
        first, last = SEASON_MONTHS[m.group(4)]
        year = choose_year(lambda y: _month_span(y, first, last), published, tense)
    else:
        # A joined expression ("November or December" -> the year, END): read it again.
        value, _ = normalize(timex.text, published, tense)
        year = int(value[:4]) if value and re.match(r"\d{4}", value) else None
    if year is None:
        return timex
    return Timex(timex.start, timex.end, timex.text, timex.type, f"{year:04d}{timex.value[4:]}",
                 timex.mod, True)


def parse_published(value: str | None) -> Published | None:
    """A DCT string ("2016", "2016-05", "2016-05-12", or a date-time) as a Published."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value))
    if not m:
        return None
    return Published(year=int(m.group(1)), month=int(m.group(2)) if m.group(2) else None,
                     day=int(m.group(3)) if m.group(3) else None)
