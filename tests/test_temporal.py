"""The temporal tagger against tests/cases/timex.yaml and the examples in patterns.yaml."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claims.extract.temporal import Timex, counted_back, find_timexes, load, normalize, parse_published, renormalize
from claims.extract.temporal.impossible import impossible_dates
from claims.models import Article

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "timex.yaml").read_text(encoding="utf-8"))


def _main(text: str, published, tense, convention, first=False):
    found = find_timexes(text, published, tense, convention=convention)
    if not found:
        return None
    if first:
        return found[0]
    return max(found, key=lambda t: (t.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"), t.end - t.start))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_timex(case):
    published = parse_published(str(case["published"])) if case.get("published") else None
    found = _main(case["text"], published, case.get("tense"), case.get("convention", "claims"), case.get("first", False))
    if case["value"] is None:
        assert found is None, found
        return
    assert found is not None, "nothing found"
    assert (found.value, found.mod) == (case["value"], case.get("mod")), found
    assert found.type == case.get("type", "DATE"), found
    assert case["text"][found.start:found.end] == found.text
    if "span" in case:
        assert found.text == case["span"]
    if "inferred" in case:
        assert found.year_inferred == case["inferred"]


EXAMPLES = [(spec["name"], ex) for spec in load("patterns") for ex in spec.get("examples", [])]


@pytest.mark.parametrize("name,example", EXAMPLES, ids=[f"{n}:{e['text']}" for n, e in EXAMPLES])
def test_pattern_example(name, example):
    published = parse_published(str(example["published"]))
    assert normalize(example["text"], published, example.get("tense")) == (example["value"], example.get("mod"))


def test_results_sorted_and_disjoint():
    text = "It wrapped last March, returns in early 2018 and streams every week from now on."
    found = find_timexes(text, parse_published("2016-05"))
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_alternatives_stay_two_expressions():
    text = "The shoot begins late 2017 or early 2018."
    found = find_timexes(text, parse_published("2016-08"))
    assert [(t.text, t.value, t.mod) for t in found] == [("late 2017", "2017", "END"), ("early 2018", "2018", "START")]


def test_month_pair_tempeval_keeps_two():
    text = "The album is due November or December of 2017."
    found = find_timexes(text, parse_published("2016-08"), convention="tempeval")
    assert [(t.text, t.value) for t in found] == [("November", "2017-11"), ("December of 2017", "2017-12")]


@pytest.mark.parametrize("text,published,claims,tempeval", [
    ("The series debuts on July 21 at 8 p.m. ET/PT.", "2017-07-13",
     [("July 21", "2017-07-21")], [("July 21", "2017-07-21"), ("8 p.m. ET", "2017-07-21T20:00")]),
    ("Tickets go on sale Friday, Nov. 3, 10 a.m. local time.", "2017-10-30",
     [("Friday, Nov. 3", "2017-11-03")], [("Friday, Nov. 3", "2017-11-03"), ("10 a.m.", "2017-11-03T10:00")]),
    ("Call me Sunday night at 8 PM at the resort.", "2013-03-22",
     [("Sunday night", "2013-03-17TNI")], [("Sunday night", "2013-03-17TNI"), ("8 PM", "2013-03-17T20:00")]),
    # Not adjacent: the clock time keeps the DCT's day.
    ("The film opens July 21. At 8 p.m. fans gathered.", "2017-07-13",
     [("July 21", "2017-07-21"), ("8 p.m.", "2017-07-13T20:00")],
     [("July 21", "2017-07-21"), ("8 p.m.", "2017-07-13T20:00")]),
])
def test_clock_time_after_date(text, published, claims, tempeval):
    """A clock time after a date is on that date's day: one expression for a claim, two for TempEval."""
    dct = parse_published(published)
    assert [(t.text, t.value) for t in find_timexes(text, dct)] == claims
    assert [(t.text, t.value) for t in find_timexes(text, dct, convention="tempeval")] == tempeval


def test_normalize_with_preposition():
    published = parse_published("2016-05")
    assert normalize("December", published, "future") == ("2016-12", None)
    assert normalize("by December", published, "future") == ("2016-12", "ON_OR_BEFORE")
    assert normalize("until 2017", published, "future") == ("2017", "ON_OR_BEFORE")


@pytest.mark.parametrize("text,published,past,future", [
    ("The show returns by December.", "2016-05", "2015-12", "2016-12"),
    ("Fans camp out for Christmas.", "2016-05", "2015-12-25", "2016-12-25"),
    ("It comes back in the fall.", "2016-05", "2015-FA", "2016-FA"),
    ("The special airs Sept. 30 on the network.", "2016-10-04", "2016-09-30", "2017-09-30"),
    ("The special airs 30 Sept. on the network.", "2016-10-04", "2016-09-30", "2017-09-30"),
    ("The drama returns on 1st March.", "2016-05", "2016-03-01", "2017-03-01"),
    ("It airs November or December.", "2016-05", "2015", "2016"),
])
def test_renormalize_rechooses_only_the_year(text, published, past, future):
    dct = parse_published(published)
    timex = find_timexes(text, dct)[0]
    assert timex.year_inferred
    for tense, value in (("past", past), ("future", future)):
        again = renormalize(timex, dct, tense)
        assert again.value == value
        assert (again.start, again.end, again.text, again.type, again.mod) == \
            (timex.start, timex.end, timex.text, timex.type, timex.mod)


def test_renormalize_leaves_written_years_and_weekdays():
    dct = parse_published("2016-05")
    written = Timex(0, 8, "May 2015", "DATE", "2015-05", None, False)
    assert renormalize(written, dct, "future") is written
    weekday = find_timexes("The panel is on Saturday, April 25.", dct)[0]
    assert renormalize(weekday, dct, "future") == weekday


@pytest.mark.parametrize("published, duration, value", [
    ("2018-05-30", "P20Y", "1998"),          # "in the two decades since": the year
    ("2018-05-30", "P3M", "2018-02"),        # "three months since": the month
    ("2018-02-10", "P3M", "2017-11"),        # across a year's start
    ("2018-05-30", "P3W", "2018-05-09"),     # "three weeks since": the day
    ("2018-03-01", "P1D", "2018-02-28"),
    ("2018", "P3M", None),                   # a publication year alone is too coarse for months
    ("2018-05", "P2D", None),                # ... and a month for days
    ("2018-05-30", "PXY", None),             # "years since": no number, no date
    ("0005-05-30", "P20Y", None)])           # before year 1: no date
def test_counted_back(published, duration, value):
    assert counted_back(parse_published(published), duration) == value


IMPOSSIBLE = yaml.safe_load((Path(__file__).parent / "cases" / "impossible_dates.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", IMPOSSIBLE, ids=[c["name"] for c in IMPOSSIBLE])
def test_impossible_dates(case):
    found = impossible_dates(Article(id="case", body=case["text"]))
    assert [date.text for date in found] == case["found"]
    for date in found:
        assert case["text"][date.start:date.end] == date.text and date.article == "case"
