"""Which season a claim is about when the clause does not number it, and seasons or works
named together (CONTRACT §2 "A season is a number the article gives or makes clear",
"Several works or seasons in one clause", "Lists with respectively").

- `SEASON_WORKS`: ordered, named strategies that say whose season a bare season phrase is
  ("The third season premiered on April 11": the series the passage is about).
- `DESCRIBED_SEASONS`: a season named by description, numbered where the article makes the
  number clear ("the final season" after "a sixth and final season").
- `note_finals`: what the article says a work's final season is.
- `elliptic_seasons`: "X's eighth season and Y's sixth": the second season's noun left out.
- `paired_times`: "A and B open in May and June, respectively": one time per work, in order.

Words are in claims/data/works.yaml (`season_phrases`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claims.extract import lexicon, works
from claims.extract.context import ArticleContext, Subj
from claims.extract.sentences import Sentence
from claims.extract.temporal import Timex


def phrases() -> dict:
    return lexicon.entry("works", "season_phrases")


@cache
def ordinal_words() -> str:
    return lexicon.alternation(k for k, v in works.knowledge()["ordinals"].items() if v)


def ordinal_value(word: str) -> int | None:
    return works.knowledge()["ordinals"].get(word.lower())


# --- whose season: a bare season phrase's work ----------------------------------------------------

@dataclass
class SeasonQuery:
    """A season phrase with no work named ("season two", "the third season"), and the
    subjects found so far in its sentence."""

    context: ArticleContext
    sentence: Sentence
    found: list[Subj]
    start: int
    end: int
    season: int


def parent_series(q: SeasonQuery) -> str | None:
    """"the spin-off and the main show's third season will be filmed at the same time": the
    series the article is about, not the spin-off named before."""
    context = q.context
    if context.focus and context.focus_strong and is_parent_reference(context.article.body[q.start:q.end]):
        return context.focus
    return None


def is_parent_reference(phrase: str) -> bool:
    """"the main show", "the flagship series": a spin-off's parent series."""
    return any(word in re.findall(r"\w+", phrase.lower()) for word in phrases()["parent_words"])


def named_before(q: SeasonQuery) -> str | None:
    """"X is filming its first season", "X ... when Netflix ordered a fourth season": the
    last work named before it in the sentence."""
    earlier = [s for s in q.found if s.explicit and s.end <= q.start]
    return earlier[-1].work if earlier else None


def focus_number(q: SeasonQuery) -> str | None:
    """"The news comes now that filming on season two has wrapped" in an article about
    season 2 of X: the article's own season is its focus work's."""
    context = q.context
    if context.focus and context.focus_strong and context.focus_season == q.season:
        return context.focus
    return None


def last_sentence_series(q: SeasonQuery) -> str | None:
    """"Syfy will not order a fourth season of the space drama. The third season premiered
    on April 11": the series the sentence before made a claim about."""
    work = q.context.claimed_last_sentence
    if work and q.context.lexicon.kind_of(work) != "film" and not later_season_of_another(q, work):
        return work
    return None


def later_season_of_another(q: SeasonQuery, work: str) -> bool:
    """"The prequel X: Origins wrapped filming in November. Season two premiered in 2021" in an
    article about X's seasons: a second or later season is another series' when the article
    numbers that one's seasons and never this one's."""
    context = q.context
    seasoned = context.seasoned | set(context.renewed) | {other for other, season in context.recent if season}
    return q.season > 1 and work not in seasoned and any(other != work for other in seasoned)


def last_seasoned(q: SeasonQuery) -> str | None:
    """The last work the article named with a season number."""
    context = q.context
    return next((w for w, _ in reversed(context.recent) if w in context.seasoned), None)


def article_focus(q: SeasonQuery) -> str | None:
    """The work the article is about."""
    return q.context.focus


# The ways to tell whose a bare season is, in order: the first that answers decides.
SEASON_WORKS = (parent_series, named_before, focus_number, last_sentence_series, last_seasoned, article_focus)


OWNER_NAME_AFTER = re.compile(r"\s+of\s+(?:the\s+)?['‘\"“]?[A-Z0-9]")


def owned_by_unknown_name(q: SeasonQuery) -> bool:
    """"alongside the third season of You": the season of a name the registry does not know
    is no season of any work the article names."""
    after = OWNER_NAME_AFTER.match(q.context.article.body, q.end)
    return after is not None and not any(q.end <= s.start <= after.end() + 2 for s in q.found)


def season_work(context: ArticleContext, sentence: Sentence, found: list[Subj], start: int, end: int,
                season: int) -> tuple[str | None, str | None]:
    """The work a bare season phrase belongs to, and the strategy that said so."""
    query = SeasonQuery(context, sentence, found, start, end, season)
    if owned_by_unknown_name(query):
        return None, None
    for strategy in SEASON_WORKS:
        work = strategy(query)
        if work:
            return work, strategy.__name__
    return None, None


@cache
def owner_gap() -> re.Pattern:
    """Between a bare season phrase and the work it is of: "the first two seasons of X",
    "season 2 of the HBO series X", "the third season of another big British production, X"."""
    nouns = lexicon.alternation([*phrases()["owner_nouns"], *(n for n in lexicon.entry("works", "work_nouns")
                                                               if " " not in n)])
    return re.compile(rf"\s+of\s+(?:both\s+)?(?:(?:(?:the|a|an|another|its|their)\s+)?(?:[\w'’+&.-]+\s+){{0,3}}?"
                      rf"(?:{nouns})\s*,?\s*)?[\"“‘']?", re.IGNORECASE)


# --- a work's final season ---------------------------------------------------------------------------

@cache
def numbered_final() -> re.Pattern:
    """"a sixth and final season", "its fifth and last chapter": a final season's number."""
    finals = lexicon.alternation(phrases()["final_words"])
    nouns = lexicon.alternation(phrases()["final_nouns"])
    return re.compile(rf"(?<![\w-])(?P<ord>{ordinal_words()})\s+and\s+(?:{finals})\s+(?:{nouns})(?!\w)", re.IGNORECASE)


@cache
def will_be_last() -> re.Pattern:
    """"(season 8) would be the show's last", "(the eighth season of the comedy) will be its
    final season": the season before it is the final one (not "Colman's last", "the last for
    the showrunner")."""
    finals = lexicon.alternation(phrases()["final_words"])
    nouns = lexicon.alternation(phrases()["final_nouns"])
    return re.compile(
        rf"(?:\s+of\s+[^,.;:]{{1,40}}?)?\s+(?:will|would|is|was|is\s+set\s+to|is\s+going\s+to)\s+(?:also\s+|now\s+)?be\s+"
        rf"(?:its|their|the\s+(?:show|series|drama|comedy)['’]s?|the)\s+(?:{finals})(?:\s+(?:{nouns}|one))?"
        r"(?!\s+(?:for|as|with|of|to|in)\b)(?![\w-])", re.IGNORECASE)


def note_finals(context: ArticleContext, sentence: Sentence, found: list[Subj]) -> None:
    """Keep the number the article gives a work's final season: "Netflix ordered a sixth and
    final season", "the eighth season of the cop comedy will be its last"."""
    body = context.article.body
    for match in numbered_final().finditer(sentence.text):
        start = sentence.start + match.start()
        covering = [s for s in found if s.start <= start < s.end]
        before = [s for s in found if s.end <= start]
        work = covering[0].work if covering else before[-1].work if before else context.focus
        if work:
            remember_final(context, work, ordinal_value(match.group("ord")))
    for subj in found:
        if subj.season and will_be_last().match(body, subj.end, sentence.end):
            remember_final(context, subj.work, subj.season)


def remember_final(context: ArticleContext, work: str, season: int | None) -> None:
    if season:
        context.finals.pop(work, None)
        context.finals[work] = season   # (the last one noted is the most recent)


# --- a season by description ---------------------------------------------------------------------------

@dataclass
class DescribedQuery:
    """A season named by description ("the final season", "the last season"), and the
    subjects found so far in its sentence."""

    context: ArticleContext
    sentence: Sentence
    found: list[Subj]
    match: re.Match
    start: int
    end: int


@cache
def described_final() -> re.Pattern:
    """"the final season", "that final season", "the show's last run": a final season with no
    number (not "a sixth and final season", which numbers it)."""
    finals = lexicon.alternation(phrases()["final_words"])
    nouns = lexicon.alternation(phrases()["final_nouns"])
    possessive = lexicon.alternation(phrases()["possessive_nouns"])
    return re.compile(rf"(?<![\w-])(?:the|its|their|that|this)\s+(?:(?:{possessive})['’]s?\s+)?(?:{finals})\s+"
                      rf"(?:{nouns})(?![\w-])(?!\s+(?:{lexicon.alternation(phrases()['role_after'])})\b)",
                      re.IGNORECASE)


def final_season(q: DescribedQuery) -> Subj | None:
    """"Cameras rolled on the last season in Toronto" after "renewed X for a sixth and final
    season": the final season the article numbered, of the work named before it in the
    sentence, or after it ("the final season of X"), or the sentence before, or the last
    work whose final season it numbered."""
    if not described_final().fullmatch(q.match.group()):
        return None
    context, body = q.context, q.context.article.body
    finals = context.finals
    before = [s for s in q.found if s.explicit and s.end <= q.start]
    after = re.match(r"\s+of\s+", body[q.end:q.end + 6])
    owner = next((s for s in q.found if s.explicit and after and s.start == q.end + after.end()), None)
    work: str | None
    if owner:
        work = owner.work
    elif before:
        work = before[-1].work
    elif context.named_last_sentence in finals:
        work = context.named_last_sentence
    else:
        work = next(reversed(finals), None)
    if work is None or work not in finals:
        return None
    return Subj(work, finals[work], q.start, owner.end if owner else q.end, False, "final_season")


DESCRIBED_SEASONS = (final_season,)


def described_seasons(context: ArticleContext, sentence: Sentence, found: list[Subj]) -> list[Subj]:
    """Seasons a sentence names by description, numbered where the article makes it clear."""
    described = []
    for match in described_final().finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if any(s.start <= start < s.end for s in found):
            continue
        query = DescribedQuery(context, sentence, found, match, start, end)
        for strategy in DESCRIBED_SEASONS:
            subj = strategy(query)
            if subj:
                described.append(subj)
                break
    return described


# --- "X's eighth season and Y's sixth" ----------------------------------------------------------------

@cache
def elliptic_ordinal() -> re.Pattern:
    """"'s sixth" closing a phrase: a season whose noun the coordination left out."""
    return re.compile(rf"['’]s\s+(?P<ord>{ordinal_words()})(?=\s*(?:[,;.)]|\s(?:and|or|both)\b|$))", re.IGNORECASE)


def elliptic_seasons(context: ArticleContext, found: list[Subj]) -> list[Subj]:
    """"Brooklyn Nine-Nine's eighth season and Lucifer's sixth": a work's possessive
    ordinal coordinated right after a season of another work is that work's season."""
    body = context.article.body
    result = []
    for index, subj in enumerate(found):
        match = elliptic_ordinal().match(body, subj.end) if subj.explicit and subj.season is None else None
        previous = found[index - 1] if index else None
        if match and previous and previous.season and re.fullmatch(r"\s*(?:,\s*)?(?:and|or|&)\s+|\s*,\s*",
                                                                      body[previous.end:subj.start]):
            subj = Subj(subj.work, ordinal_value(match.group("ord")), subj.start, match.end(), True, "elliptic")
        result.append(subj)
    return result


# --- "A and B open in May and June, respectively" --------------------------------------------------------

# Between two times of one list: "October 2016 and April 2018", "2010, 2012 and 2014".
TIME_LINK = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:(?:on|in)\s+)?$", re.IGNORECASE)


def paired_times(context: ArticleContext, sentence: Sentence, time: Timex | None,
                 count: int) -> list[Timex] | None:
    """"Seasons 1 and 2 premiered in October 2016 and April 2018, respectively", "X 7 and X 8
    open Nov. 19, 2021, and Nov. 4, 2022": as many coordinated times as the works or seasons
    before them, paired in order ("respectively" or not)."""
    if time is None or count < 2:
        return None
    body = context.article.body
    # (the list may run past a clause break: "Nov. 19, 2021, and Nov. 4, 2022")
    times = [t for t in context.times_between(sentence.start, sentence.end) if t.end <= sentence.end]
    if time not in times:
        return None
    index = times.index(time)
    first = index
    while first > 0 and TIME_LINK.match(body[times[first - 1].end:times[first].start]):
        first -= 1
    last = index
    while last + 1 < len(times) and TIME_LINK.match(body[times[last].end:times[last + 1].start]):
        last += 1
    run = times[first:last + 1]
    return run if len(run) == count else None
