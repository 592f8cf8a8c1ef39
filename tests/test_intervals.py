"""claims.intervals.resolve_interval: the days a TIMEX3 value and mod allow."""
from __future__ import annotations

import datetime as dt

import pytest

from claims.intervals import resolve_interval
from claims.models import Interval, Published

D = dt.date
MAY_2016 = Published(year=2016, month=5)
MAY_12_2016 = Published(year=2016, month=5, day=12)
YEAR_2016 = Published(year=2016)


def days(first: str | None, last: str | None) -> Interval:
    return Interval(earliest=first and D.fromisoformat(first), latest=last and D.fromisoformat(last))


# name: (value, mod, published, expected interval or None)
CASES = {
    # Calendar values, no mod: the whole span.
    "year": ("2016", None, None, days("2016-01-01", "2016-12-31")),
    "month": ("2016-05", None, None, days("2016-05-01", "2016-05-31")),
    "february-leap": ("2016-02", None, None, days("2016-02-01", "2016-02-29")),
    "february": ("2017-02", None, None, days("2017-02-01", "2017-02-28")),
    "december": ("2016-12", None, None, days("2016-12-01", "2016-12-31")),
    "day": ("2016-05-12", None, None, days("2016-05-12", "2016-05-12")),
    "published-does-not-move-absolute": ("2016-05", None, MAY_12_2016, days("2016-05-01", "2016-05-31")),
    # Meteorological seasons; winter runs from December into the next year.
    "spring": ("2016-SP", None, None, days("2016-03-01", "2016-05-31")),
    "summer": ("2016-SU", None, None, days("2016-06-01", "2016-08-31")),
    "fall": ("2016-FA", None, None, days("2016-09-01", "2016-11-30")),
    "winter-spans-year-end": ("2016-WI", None, None, days("2016-12-01", "2017-02-28")),
    "winter-into-leap-year": ("2015-WI", None, None, days("2015-12-01", "2016-02-29")),
    "q1": ("2016-Q1", None, None, days("2016-01-01", "2016-03-31")),
    "q2": ("2016-Q2", None, None, days("2016-04-01", "2016-06-30")),
    "q3": ("2016-Q3", None, None, days("2016-07-01", "2016-09-30")),
    "q4": ("2016-Q4", None, None, days("2016-10-01", "2016-12-31")),
    "h1": ("2016-H1", None, None, days("2016-01-01", "2016-06-30")),
    "h2": ("2016-H2", None, None, days("2016-07-01", "2016-12-31")),
    # ISO weeks, Monday to Sunday; week 1 of 2016 starts on January 4.
    "week": ("2016-W01", None, None, days("2016-01-04", "2016-01-10")),
    "week-53-spans-year-end": ("2015-W53", None, None, days("2015-12-28", "2016-01-03")),
    # Vague references, seen from the publication date.
    "present-month": ("PRESENT_REF", None, MAY_2016, days("2016-05-01", "2016-05-31")),
    "present-day": ("PRESENT_REF", None, MAY_12_2016, days("2016-05-12", "2016-05-12")),
    "present-year": ("PRESENT_REF", None, YEAR_2016, days("2016-01-01", "2016-12-31")),
    "present-around": ("PRESENT_REF", "APPROX", MAY_12_2016, days("2016-05-05", "2016-05-19")),
    "future": ("FUTURE_REF", None, MAY_2016, days("2016-05-01", None)),
    "future-ignores-mod": ("FUTURE_REF", "AFTER", MAY_2016, days("2016-05-01", None)),
    "past": ("PAST_REF", None, MAY_2016, days(None, "2016-05-31")),
    "past-day": ("PAST_REF", None, MAY_12_2016, days(None, "2016-05-12")),
    # Without a publication date a vague reference means nothing.
    "present-undated": ("PRESENT_REF", None, None, None),
    "future-undated": ("FUTURE_REF", None, None, None),
    "past-undated": ("PAST_REF", None, None, None),
    # No calendar meaning.
    "no-value": (None, None, MAY_2016, None),
    "empty-value": ("", None, MAY_2016, None),
    "underspecified": ("XXXX-09", None, MAY_2016, None),
    "impossible-day": ("2016-02-30", None, None, None),
    "week-zero": ("2016-W00", None, None, None),
    "no-week-53": ("2016-W53", None, None, None),
    "lowercase-season": ("2016-su", None, None, None),
    # Mods on a 31-day month: thirds of 10 days (the 21st falls in none, see below).
    "month-start": ("2016-05", "START", None, days("2016-05-01", "2016-05-10")),
    "month-mid": ("2016-05", "MID", None, days("2016-05-11", "2016-05-21")),
    "month-end": ("2016-05", "END", None, days("2016-05-22", "2016-05-31")),
    "month-approx": ("2016-05", "APPROX", None, days("2016-04-21", "2016-06-10")),
    "month-before": ("2016-05", "BEFORE", None, days(None, "2016-04-30")),
    "month-on-or-before": ("2016-05", "ON_OR_BEFORE", None, days(None, "2016-05-31")),
    "month-after": ("2016-05", "AFTER", None, days("2016-06-01", None)),
    "month-on-or-after": ("2016-05", "ON_OR_AFTER", None, days("2016-05-01", None)),
    # Mods on a year: "early 2017", "mid-2017", "late 2017", "around 2017".
    "year-start": ("2017", "START", None, days("2017-01-01", "2017-05-01")),
    "year-mid": ("2017", "MID", None, days("2017-05-02", "2017-09-01")),
    "year-end": ("2017", "END", None, days("2017-09-02", "2017-12-31")),
    "year-approx": ("2017", "APPROX", None, days("2016-09-02", "2018-05-01")),
    "year-before": ("2017", "BEFORE", None, days(None, "2016-12-31")),
    "year-after": ("2017", "AFTER", None, days("2018-01-01", None)),
    # Mods on one day: a third of a day is the day; "around" is at least a week either side.
    "day-start": ("2016-05-12", "START", None, days("2016-05-12", "2016-05-12")),
    "day-end": ("2016-05-12", "END", None, days("2016-05-12", "2016-05-12")),
    "day-approx": ("2016-05-12", "APPROX", None, days("2016-05-05", "2016-05-19")),
    "day-before": ("2016-05-12", "BEFORE", None, days(None, "2016-05-11")),
    "day-on-or-after": ("2016-05-12", "ON_OR_AFTER", None, days("2016-05-12", None)),
    # Mods on a season that crosses the year end: "late winter 2016" is 2017.
    "winter-end": ("2016-WI", "END", None, days("2017-01-30", "2017-02-28")),
    "winter-after": ("2016-WI", "AFTER", None, days("2017-03-01", None)),
    "fall-start": ("2016-FA", "START", None, days("2016-09-01", "2016-09-30")),
}


@pytest.mark.parametrize("value, mod, published, expected", CASES.values(), ids=CASES.keys())
def test_resolve_interval(value, mod, published, expected):
    assert resolve_interval(value, mod, published) == expected


@pytest.mark.parametrize("value", ["2016-05", "2016-06", "2017", "2016-WI", "2016-Q3"])
def test_thirds_are_in_order_and_inside_the_span(value):
    whole = resolve_interval(value, None, None)
    start, mid, end = (resolve_interval(value, mod, None) for mod in ("START", "MID", "END"))
    assert whole.earliest == start.earliest <= start.latest < mid.earliest
    assert mid.earliest <= mid.latest < end.earliest <= end.latest == whole.latest


def uncovered_days(value: str) -> list[dt.date]:
    whole = resolve_interval(value, None, None)
    thirds = [resolve_interval(value, mod, None) for mod in ("START", "MID", "END")]
    day, missing = whole.earliest, []
    while day <= whole.latest:
        if not any(third.earliest <= day <= third.latest for third in thirds):
            missing.append(day)
        day += dt.timedelta(days=1)
    return missing


def test_a_30_day_month_is_covered_by_its_thirds():
    assert uncovered_days("2016-06") == []


# "late May" must allow May 21, or "late May" beside "May 21" becomes a date conflict.
@pytest.mark.parametrize("value", ["2016-05", "2017"])
def test_every_day_is_early_mid_or_late(value):
    assert uncovered_days(value) == []


@pytest.mark.parametrize("value", ["2016-13", "2016-00"])
def test_impossible_month_has_no_interval(value):
    assert resolve_interval(value, None, None) is None
