"""Calendar dates no calendar has: "February 30", "Feb. 30, 2017", "December 32", "31 April",
"April 31st".

A month's name and a day number the month cannot have: the 30th or 31st of February, the
31st of April, June, September or November, any day past the 31st, and February 29 of a
year written with it that is no leap year ("February 29, 2017"; a year-less February 29 may
be a leap year's). Only dates that name their month: numeric ones ("31/04", "9/11") are too
ambiguous, and scores, clock times, ranges of numbers and counts are no dates:

- the month word is capitalized (a headline's "FEBRUARY 30" too), so "may 31" is left;
- the number is not part of a longer number, a time, a score or a fraction ("March 31:00",
  "April 31-28", "June 31.5");
- after "Month NN" comes an ordinal ending ("April 31st"), punctuation, the end of a line, a
  year or one of calendar.yaml's `day_followers` ("February 30 on Netflix"); another word
  makes the number a count ("In March 40 people ...");
- a day past the 31st written before its month needs an ordinal ending ("32nd of
  December"; "the top 40 March releases" is a count);
- a date that opens a quoted or italic title (“August 32nd on Earth”) is the title's.

The extractor notes them beside the claims (`impossible_dates`); they never change a claim.
"""
from __future__ import annotations

import calendar
import functools
import re

from claims.extract.temporal.data import _mapping, _words, alternation
from claims.models import Article, ImpossibleDate

# The last day of each month in any year (February's in a leap year).
LONGEST_MONTH = {month: calendar.monthrange(2016, month)[1] for month in range(1, 13)}
# Characters that open a quoted or italic title, right before a date that begins it.
TITLE_OPENERS = "\"'“‘*_«"
YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)(?!\d)"


@functools.cache
def month_numbers() -> dict[str, int]:
    """Month words (full and abbreviated, lower case) -> month number, from calendar.yaml."""
    return {**_mapping("calendar", "months"), **_mapping("calendar", "month_abbreviations")}


@functools.cache
def date_pattern() -> re.Pattern:
    """A month name and a day number, either way round, with an optional year after."""
    month = ("(?:" + alternation(_mapping("calendar", "months")) + "|"
             + alternation(_mapping("calendar", "month_abbreviations"), r"\.?") + r")(?!\w)")
    followers = alternation(_words("calendar", "day_followers"))
    # A day number that is no part of a longer number, time, score or fraction.
    day = r"(?P<{name}>\d{{1,2}})(?P<{name}_ord>st|nd|rd|th)?(?![\w%]|[.,:/\-–]\d)"
    year_after = rf"(?:,?\s+(?:of\s+)?{YEAR})?"
    # After "Month NN" without an ordinal ending: punctuation, a line's end, a year or a
    # day follower.
    day_ends = (rf"(?=[^\S\n]*(?:[^\w\s]|\n|$))|(?=,?\s+(?:of\s+)?\d{{4}}(?!\d))"
                rf"|(?=\s+{followers}(?!\w))")
    month_first = (rf"(?<![\w.])(?P<month>{month})\s+(?:the\s+)?{day.format(name='day')}"
                   rf"(?(day_ord)|(?:{day_ends}))")
    day_first = rf"(?<![\w.,:/\-–]){day.format(name='dday')}\s+(?:of\s+)?(?P<dmonth>{month})"
    return re.compile(rf"(?:{month_first}|{day_first}){year_after}", re.IGNORECASE)


def is_impossible(month: int, day: int, year: int | None) -> bool:
    if day > LONGEST_MONTH[month]:
        return True
    return month == 2 and day == 29 and year is not None and not calendar.isleap(year)


def impossible_dates(article: Article) -> list[ImpossibleDate]:
    """The impossible dates the article's body writes, in order, each with its span."""
    body = article.body
    found = []
    for match in date_pattern().finditer(body):
        month_word = match.group("month") or match.group("dmonth")
        number, ordinal = ((match.group("day"), match.group("day_ord")) if match.group("month")
                           else (match.group("dday"), match.group("dday_ord")))
        day = int(number)
        if not month_word[0].isupper() or day == 0:
            continue
        if match.group("dmonth") and day > 31 and not ordinal:
            continue   # "the top 40 March releases": a count
        if match.start() > 0 and body[match.start() - 1] in TITLE_OPENERS:
            continue   # a title that begins with a date
        month = month_numbers()[month_word.lower().rstrip(".")]
        year = int(match.group("year")) if match.group("year") else None
        if is_impossible(month, day, year):
            text = match.group().rstrip(" ,")
            found.append(ImpossibleDate(article=article.id, start=match.start(), end=match.start() + len(text),
                                        text=text, month=month, day=day, year=year))
    return found
