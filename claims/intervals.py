"""TIMEX3 values and mods as day intervals: what a claimed time allows, seen from its article."""
from __future__ import annotations

import datetime as dt
import re

from claims.models import Interval, Published

# Meteorological seasons: the convention newsrooms' "this fall" follows closely enough.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
QUARTER_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12)}
HALF_MONTHS = {"H1": (1, 6), "H2": (7, 12)}
# Slack for "around": a third of the span either side, at least a week.
APPROX_MIN_DAYS = 7

VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{2})"
    r"|(?P<part>SP|SU|FA|WI|Q[1-4]|H[12])))?$")


def month_span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """First day of month `first` to last day of month `last`; months past 12 roll over."""
    start = dt.date(year + (first - 1) // 12, (first - 1) % 12 + 1, 1)
    after = dt.date(year + last // 12, last % 12 + 1, 1)
    return start, after - dt.timedelta(days=1)


def value_span(value: str, published: Published | None = None) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 value covers, or None for a value with no calendar extent."""
    if value == "PRESENT_REF" and published:
        return published.earliest, published.latest
    match = VALUE.match(value or "")
    if not match:
        return None
    year = int(match["year"])
    try:
        if match["day"]:
            day = dt.date(year, int(match["month"]), int(match["day"]))
            return day, day
        if match["month"]:
            month = int(match["month"])
            if not 1 <= month <= 12:
                return None  # month_span rolls over (for winter); a value must not
            return month_span(year, month, month)
        if match["week"]:
            monday = dt.date.fromisocalendar(year, int(match["week"]), 1)
            return monday, monday + dt.timedelta(days=6)
    except ValueError:
        return None
    part = match["part"]
    if part:
        months = SEASON_MONTHS.get(part) or QUARTER_MONTHS.get(part) or HALF_MONTHS[part]
        return month_span(year, *months)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def apply_mod(start: dt.date, end: dt.date, mod: str | None) -> Interval:
    """Narrow or open a span by a TIMEX3 mod: early/mid/late thirds (together they cover
    every day), before/after, around."""
    days = (end - start).days + 1
    third = dt.timedelta(days=max(days // 3, 1))
    one = dt.timedelta(days=1)
    if mod == "START":
        return Interval(earliest=start, latest=min(end, start + third - one))
    if mod == "MID":
        return Interval(earliest=min(end, start + third), latest=max(start, end - third))
    if mod == "END":
        return Interval(earliest=max(start, end - third + one), latest=end)
    if mod == "APPROX":
        slack = dt.timedelta(days=max(days // 3, APPROX_MIN_DAYS))
        return Interval(earliest=start - slack, latest=end + slack)
    if mod == "BEFORE":
        return Interval(earliest=None, latest=start - one)
    if mod == "ON_OR_BEFORE":
        return Interval(earliest=None, latest=end)
    if mod == "AFTER":
        return Interval(earliest=end + one, latest=None)
    if mod == "ON_OR_AFTER":
        return Interval(earliest=start, latest=None)
    return Interval(earliest=start, latest=end)


def resolve_interval(value: str | None, mod: str | None,
                     published: Published | None) -> Interval | None:
    """The interval a claimed time allows; None when the value has no calendar meaning."""
    if value == "FUTURE_REF":
        return Interval(earliest=published.earliest, latest=None) if published else None
    if value == "PAST_REF":
        return Interval(earliest=None, latest=published.latest) if published else None
    span = value_span(value, published) if value else None
    if span is None:
        return None
    return apply_mod(*span, mod)
