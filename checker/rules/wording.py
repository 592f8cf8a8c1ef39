"""Findings in an editor's words: who says what, when.

"WhatCulture (May 2016) says Jessica Jones season 2 shoots at the same time as The
Defenders; Monkeys Fighting Robots (May 2016) and 2 others say back-to-back."
"""
from __future__ import annotations

from typing import Mapping, Sequence

from claims.models import Article, Claim, EventRef, Subject

MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")

EVENT_NOUNS = {"release": "premiere", "filming": "shoot", "filming_start": "start of filming",
               "filming_end": "end of filming", "renewal": "renewal", "cancellation": "cancellation"}
# "says X ..." + the event in the present tense of a report.
EVENT_VERBS = {"release": "premieres", "filming": "shoots", "filming_start": "starts filming",
               "filming_end": "wraps filming", "renewal": "is renewed", "cancellation": "is cancelled"}
# A film opens and has a release; a series premieres (and a work of unknown kind is said to).
FILM_NOUNS = {**EVENT_NOUNS, "release": "release"}
FILM_VERBS = {**EVENT_VERBS, "release": "opens"}
RELATION_WORDS = {"before": "before", "after": "after", "concurrent": "at the same time as",
                  "back_to_back": "back-to-back with", "overlap": "overlapping"}
MOD_WORDS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "around",
             "BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from"}
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}
VAGUE = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}


def when_published(article: Article | None) -> str:
    """ "May 2016", "May 12, 2016", "2016", or "undated"."""
    published = article.published if article else None
    if published is None:
        return "undated"
    if published.month is None:
        return str(published.year)
    month = MONTHS[published.month - 1]
    if published.day is None:
        return f"{month} {published.year}"
    return f"{month} {published.day}, {published.year}"


def source(article_id: str, articles: Mapping[str, Article]) -> str:
    """ "WhatCulture (May 2016)": the outlet, or the article id when no outlet is given."""
    article = articles.get(article_id)
    name = (article.outlet if article and article.outlet else article_id)
    return f"{name} ({when_published(article)})"


def sources(article_ids: Sequence[str], articles: Mapping[str, Article], verb: str = "says") -> str:
    """ "Inquisitr (June 2016) says" / "Inquisitr (June 2016) and 2 others say"."""
    unique = list(dict.fromkeys(article_ids))
    if not unique:
        return ""
    first = source(unique[0], articles)
    if len(unique) == 1:
        return f"{first} {verb}"
    plural = verb[:-1] if verb.endswith("s") else verb
    if len(unique) == 2:
        return f"{first} and {source(unique[1], articles)} {plural}"
    return f"{first} and {len(unique) - 1} others {plural}"


def work(subject: Subject | EventRef) -> str:
    return subject.work + (f" season {subject.season}" if subject.season else "")


def event_of(event: str, subject: Subject | EventRef, kind: str | None = None) -> str:
    """ "the premiere of Luke Cage", "the start of filming of Jessica Jones season 2", "the
    release of Harbor Lights" (a film)."""
    nouns = FILM_NOUNS if kind == "film" else EVENT_NOUNS
    return f"the {nouns[event]} of {work(subject)}"


def time_phrase(claim: Claim, with_preposition: bool = True) -> str:
    """ "on September 30, 2016", "in late 2017", "in summer 2017", "by April 3, 2017"
    ("late 2017" without the preposition)."""
    if claim.time is None or claim.time.value is None:
        return "at no stated time"
    value, mod = claim.time.value, claim.time.mod
    if value in VAGUE:
        return VAGUE[value]
    parts = value.split("-")
    if len(parts) == 3 and parts[1].isdigit():
        text, word = f"{MONTHS[int(parts[1]) - 1]} {int(parts[2])}, {parts[0]}", "on"
    elif len(parts) == 2 and parts[1].isdigit():
        text, word = f"{MONTHS[int(parts[1]) - 1]} {parts[0]}", "in"
    elif len(parts) == 2 and parts[1] in SEASON_NAMES:
        text, word = f"{SEASON_NAMES[parts[1]]} {parts[0]}", "in"
    else:
        text, word = value, "in"
    if mod in ("ON_OR_BEFORE", "BEFORE", "AFTER", "ON_OR_AFTER"):
        return f"{MOD_WORDS[mod]} {text}"
    lead = f"{word} " if with_preposition else ""
    return f"{lead}{MOD_WORDS[mod]} {text}" if mod else f"{lead}{text}"


def event_phrase(claim: Claim) -> str:
    """ "Luke Cage premieres on September 30, 2016", "Harbor Lights opens on July 23, 2021" (a
    film; negated: "does not premiere ...")."""
    verb = (FILM_VERBS if claim.kind == "film" else EVENT_VERBS)[claim.event]
    if claim.negated:
        verb = "is not " + verb[3:] if verb.startswith("is ") else "does not " + bare(verb)
    if claim.relation and claim.object:
        other = claim.object
        target = work(other) if other.event == claim.event else event_of(other.event, other)
        return f"{work(claim.subject)} {verb} {RELATION_WORDS[claim.relation]} {target}"
    return f"{work(claim.subject)} {verb} {time_phrase(claim)}"


def bare(verb: str) -> str:
    """ "premieres" -> "premiere", "starts filming" -> "start filming"."""
    first, _, rest = verb.partition(" ")
    first = first[:-1] if first.endswith("s") else first
    return f"{first} {rest}".strip()


def quote(text: str, width: int = 90) -> str:
    """Evidence in a message: one line, cut to width."""
    text = " ".join(text.split())
    return f"\u201c{text if len(text) <= width else text[:width - 1].rstrip() + '…'}\u201d"


def said_times(claims: Sequence[Claim], most: int = 2, with_preposition: bool = True) -> str:
    """ "on Sept 30, 2016 or in Sept 2016": the times the claims give, the most repeated first."""
    counts: dict[str, int] = {}
    for claim in claims:
        phrase = time_phrase(claim, with_preposition)
        counts[phrase] = counts.get(phrase, 0) + 1
    phrases = sorted(counts, key=lambda phrase: -counts[phrase])
    text = " or ".join(phrases[:most])
    return text + (" (among others)" if len(phrases) > most else "")
