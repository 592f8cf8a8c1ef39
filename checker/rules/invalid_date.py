"""An article writes a calendar date no calendar has: "February 30", "April 31st", "December 32".

Why: a date that cannot exist is a typo for another day, and no reader can tell which one
("February 30" may be meant as March 2 or February 3); outlets that copy the article copy the
slip, and a claim it dates is read with the month or the year alone.
Flags: "Ember Falls premieres February 30, 2017."; "Feb. 30"; "31 April"; "April 31st"; "the
31st of June"; "December 32"; "February 29, 2017" (2017 is no leap year).
Passes: "February 29, 2016" (a leap year) and a year-less "Feb. 29"; "April 30"; numeric
dates ("31/04", "9/11", "24/7"); clock times, scores and ranges ("March 31:00", "April
31-28"); counts ("In March 40 people came", "the top 40 March releases"); a lower-case
"may 31"; a date that opens a quoted or italic title ("“August 32nd on Earth”").
Fix: check the intended day against the studio's or network's announcement and correct it.
How: the extractor notes every month name written beside a day number the month cannot
have (February's 30th and 31st, the 31st of April, June, September and November, any day
past the 31st, and February 29 with a written year that is no leap year), as it reads the
article, without timing any claim by it; each date text in an article is one finding, citing
every place the article writes it.
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from typing import Iterator, Sequence

from checker.findings import Citation, Severity
from checker.rules import wording
from checker.rules.base import Conflict, Corpus, Rule, RuleOptions, Scope
from claims.models import Claim, ImpossibleDate

MONTH_NAMES = tuple(calendar.month_name)


def ordinal(day: int) -> str:
    """ "30th", "31st", "32nd"."""
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def why(date: ImpossibleDate) -> str:
    """What makes the date impossible, in an editor's words."""
    month = MONTH_NAMES[date.month]
    if date.day > 31:
        return f"no month has a {ordinal(date.day)} day"
    if date.month == 2 and date.day == 29:
        return f"{date.year} is no leap year, so February has 28 days"
    if date.month == 2:
        return f"February never has a {ordinal(date.day)} day"
    return f"{month} has 30 days"


def check(claims: Sequence[Claim], corpus: Corpus, options: RuleOptions) -> Iterator[Conflict]:
    if corpus.impossible_dates is None:
        raise ValueError("invalid-date needs the impossible dates (engine.find_conflicts collects them)")
    written: dict[tuple[str, str], list[ImpossibleDate]] = defaultdict(list)
    for date in corpus.impossible_dates:
        if corpus.focus is None or date.article in corpus.focus:
            written[date.article, date.text].append(date)
    for (article, text), dates in written.items():
        first = dates[0]
        times = f" ({len(dates)} times)" if len(dates) > 1 else ""
        yield Conflict(claims=[], no_subject=True, message=(
            f"{wording.source(article, corpus.articles)} writes \u201c{text}\u201d{times}, "
            f"a date that does not exist: {why(first)}."),
            citations=[Citation(article=article, start=date.start, end=date.end, text=date.text)
                       for date in dates])


RULE = Rule(id="invalid-date", severity=Severity.WARNING,
            summary="An article writes a date no calendar has (\"February 30\", \"April 31\").",
            scope=Scope.CORPUS, check=check, doc=__doc__, reads_impossible_dates=True)
