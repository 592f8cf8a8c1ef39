"""Dating again: the main time of an expression (`normalize`), a found time's year re-chosen for a
tense (`renormalize`), and the DCT read from a string (`parse_published`)."""
from __future__ import annotations

import re

from claims.extract.temporal.cues import _names_weekday
from claims.extract.temporal.data import VAGUE_VALUES, lexicon
from claims.extract.temporal.dates import SEASON_MONTHS, _day, _month_span, choose_year
from claims.extract.temporal.scanner import Timex, find_timexes
from claims.models import Published


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
    if _names_weekday(timex.text, lexicon()):
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
