"""Calendar arithmetic: spans of days, months and seasons, ISO weeks, and the year a year-less time takes."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Callable

from claims.models import Published


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
    spans = [(y, span(y)) for y in range(published.year - 2, published.year + 3)]
    cands = [(y, s) for y, s in spans if s]
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


def counted_back(published: Published, duration: str) -> str | None:
    """The date a TIMEX3 duration ("P20Y", "P3M", "P2W") counts back to from the publication
    date ("two decades since" in 2018: "1998"), at the precision of its unit, or None when the
    publication date is too coarse for it or the date falls outside the calendar."""
    m = re.fullmatch(r"P(\d{1,4})([YMWD])", duration)
    if m is None:
        return None
    n, unit = int(m.group(1)), m.group(2)
    if unit == "Y":
        return f"{published.year - n:04d}" if published.year - n >= 1 else None
    if unit == "M":
        if published.month is None or published.year * 12 + published.month - 1 - n < 12:
            return None
        year, month = _shift_month(published.year, published.month, -n)
        return f"{year:04d}-{month:02d}"
    day = _day_of(published)
    if day is None:
        return None
    try:
        return (day - dt.timedelta(days=n * 7 if unit == "W" else n)).isoformat()
    except OverflowError:
        return None
