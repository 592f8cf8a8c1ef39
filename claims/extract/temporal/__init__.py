"""Temporal expressions (TIMEX3): find them in text and normalize them against the DCT.

The words live in `claims/data/time/*.yaml`; `patterns.yaml` lists the expression shapes in
priority order and names, for each, one handler (`handlers.py`) that turns the matched parts
into a TIMEX3 type, value and mod. A text is scanned once: at each token that can open an
expression only the patterns that can start with it are tried, and handlers run only where
something matched.

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
  then 2018 START), and a year-less first month or day takes the year written after the second
  ("September or October 2017" -> 2017-09), as does the first end of a range ("from 15 April to
  20 May 2017" -> 2017-04-15; "15 December to 20 January 2018" -> 2017-12-15). Under the claim
  convention two adjacent months at a year's end (start) become one expression: "November or
  December of 2017" -> 2017 END.
- A clock time right after a date is on that date's day, never the DCT's ("debuts July 21 at 8
  p.m."): under TempEval's convention it is a TIME of its own on that day; under the claim
  convention the date stands for both, since a claim's time is a day.
- Day-first dates read as month-first ones do ("Sunday, 7 October 2018", "1st January"); a
  holiday takes the year written after it ("Valentine's Day 2020", "the Christmas 2019 slot").
- "the end of the year" alone is the DCT's year, END, also as "toward the very end of the year";
  "the year" and "the day" alone are anaphoric and not tagged.
- The year of a year-less date is chosen by the tense (`choose_year`); a caller that learns the
  clause tense later calls `renormalize(timex, published, tense)`, which re-chooses only that
  year and keeps the span and the mod found in context. `normalize` takes an expression with
  its preposition ("by December") when the mod matters.

The package, one responsibility a module:

- `data`: the word tables of claims/data/time/*.yaml -> `Lexicon` (`load`, `lexicon`);
- `patterns`: patterns.yaml -> compiled regexes, indexed by the tokens they start with;
- `cues`: what the text around a match says (tense, headline case, names, prepositions);
- `dates`: calendar arithmetic and `choose_year`;
- `handlers`: a match's parts -> TIMEX3 type, value and mod;
- `scanner`: `find_timexes` and `Timex`;
- `resolve`: `normalize`, `renormalize`, `parse_published`.
"""
from __future__ import annotations

from claims.extract.temporal.data import DATA_DIR, TYPES, VAGUE_VALUES, Lexicon, TimeDataError, alternation, \
    lexicon, load
from claims.extract.temporal.dates import SEASON_MONTHS, choose_year, counted_back
from claims.extract.temporal.handlers import HANDLERS, Found
from claims.extract.temporal.resolve import normalize, parse_published, renormalize
from claims.extract.temporal.scanner import Timex, find_timexes

__all__ = ["DATA_DIR", "HANDLERS", "SEASON_MONTHS", "TYPES", "VAGUE_VALUES", "Found", "Lexicon",
           "TimeDataError", "Timex", "alternation", "choose_year", "counted_back", "find_timexes",
           "lexicon", "load", "normalize", "parse_published", "renormalize"]
