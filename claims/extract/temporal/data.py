"""The word tables of claims/data/time/*.yaml, loaded once and checked: `load`, `lexicon`."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from claims.extract.lexicon import LOADER


DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "time"
TYPES = ("DATE", "TIME", "DURATION", "SET")
VAGUE_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


class TimeDataError(ValueError):
    """A file under claims/data/time is malformed; the message names the file and key."""


@functools.cache
def load(name: str) -> Any:
    """One YAML file of claims/data/time, parsed once."""
    path = DATA_DIR / f"{name}.yaml"
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=LOADER)
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


def _mods(key: str) -> dict[str, str | None]:
    """{word: mod} from a {MOD: [words]} table of modifiers.yaml; NONE gives mod None."""
    out = {}
    for mod, words in _mapping("modifiers", key, list).items():
        for w in words:
            out[_norm(w)] = None if mod.upper() == "NONE" else mod.upper()
    return out


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
    mods: dict[str, str | None]
    relmods: dict[str, str | None]
    approx: dict[str, str | None]
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
    vague = {}
    for ref in VAGUE_VALUES:
        for entry in load("vague").get(ref) or []:
            if not isinstance(entry, dict) or "text" not in entry:
                raise TimeDataError(f"{DATA_DIR / 'vague'}.yaml: {ref}: entry {entry!r} needs a text")
            for key in ("not_before", "not_after"):
                words = entry.get(key, [])
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise TimeDataError(f"{DATA_DIR / 'vague'}.yaml: {ref}: {entry['text']}: {key} must list words")
            vague[_norm(entry["text"])] = {"value": ref, **entry, "not_before": tuple(entry.get("not_before", [])),
                                           "not_after": tuple(entry.get("not_after", []))}
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
        mods=_mods("prefix"),
        relmods=_mods("relative_prefix"),
        approx=_mods("approx"),
        signals=_mods("signal"),
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
