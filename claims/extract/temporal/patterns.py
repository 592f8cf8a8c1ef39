"""patterns.yaml compiled: placeholders expanded into regexes, patterns indexed by first token."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from claims.extract.temporal.data import DATA_DIR, Lexicon, TimeDataError, _mapping, _norm, _words, alternation, \
    lexicon, load


# Tokens at which an expression may start: words (with a digit tail, "Q3"), numbers, "'90s".
TOKEN = re.compile(r"[A-Za-z]+\d*|\d+|'(?=\d)")
NEXT_TOKEN = re.compile(r"[\s\-.,']*([A-Za-z]+\d*|\d+)")


def _lists(lex: Lexicon) -> dict[str, str]:
    """Regex fragments for the placeholders of patterns.yaml."""
    full_months = list(_mapping("calendar", "months"))
    month_abbr = list(_mapping("calendar", "month_abbreviations"))
    month = "(?:" + alternation(full_months) + "|" + alternation(month_abbr, r"\.?") + r")(?![\w])"
    weekday_full = list(_mapping("calendar", "weekdays"))
    weekday_abbr = list(_mapping("calendar", "weekday_abbreviations"))
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
        "setopener": alternation(_words("relative", "set_openers")),
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


def _expand(template: str, prefix: str, lists: dict[str, str], where: str) -> tuple[str, dict[str, tuple[str, str]]]:
    """Template -> regex with groups named prefix__alias; returns regex and {group: (list name, alias)}."""
    out: list[str] = []
    groups: dict[str, tuple[str, str]] = {}
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
    tables: dict[str, Iterable[str]] = {
        "month": lex.months, "weekday": lex.weekdays, "season": lex.seasons, "holiday": lex.holidays,
        "ordinal": lex.ordinals_part, "qabbr": lex.qabbr, "mod": lex.mods, "relmod": lex.relmods,
        "approx": lex.approx, "rel": lex.offsets, "unit": lex.units, "frequency": lex.frequencies,
        "daypart": lex.day_parts, "clock": lex.clock_words, "dayword": lex.days, "vague": lex.vague,
        "num": [*lex.numbers, *lex.vague_numbers, "1"], "day": [*lex.ordinals, "1"], "decade": lex.decades,
        "opener": _words("relative", "span_openers"),
        "setopener": _words("relative", "set_openers"),
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
def compiled(handlers: frozenset[str]) -> tuple[dict[str, tuple[Pattern, ...]], dict[str, Pattern], frozenset[str],
                                                frozenset[str]]:
    """The patterns in order, indexed by the tokens they can start with ("#": a number).

    handlers: the handler names a pattern may give (handlers.HANDLERS).
    """
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
        if not name or not isinstance(spec.get("match"), str) or spec.get("handler") not in handlers:
            raise TimeDataError(f"{where}: needs name, match and a handler among {sorted(handlers)}")
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
    whole: tuple[Iterable[str], ...] = (lex.months, lex.weekdays, lex.seasons, lex.holidays, lex.qabbr, lex.units,
                                        lex.frequencies, lex.clock_words, lex.days, lex.vague)
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
