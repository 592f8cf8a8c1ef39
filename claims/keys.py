"""How titles are compared and claims grouped, for both sides: the extractor learns and
finds works by folded titles, and the rules, the engine and the store group claims by work,
season and event. (Nothing here knows how claims are extracted.)"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Mapping

from claims import knowledge
from claims.models import Claim

# Words a title may carry in front of its name ("The Crown", "Marvel's Luke Cage"): data.
TITLE_PREFIXES = frozenset(knowledge.entry("titles", "compare_without"))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-folded, accents and punctuation removed, white space collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(ch for ch in decomposed
                   if not unicodedata.combining(ch) and unicodedata.category(ch)[0] != "P")
    return " ".join(kept.split())


def fold_title(title: str) -> str:
    """A title as compared: folded, a leading "the", "Marvel's", "Netflix's" dropped."""
    words = fold(title).split()
    while len(words) > 1 and words[0] in TITLE_PREFIXES:
        words.pop(0)
    return " ".join(words)


def edit_distance(a: str, b: str) -> int:
    """How many letters to insert, delete or change to turn one word into the other."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


class GroupKeys:
    """Work, season and event as claims are grouped: titles folded, the configured aliases of
    works applied (`work_aliases`: folded alias -> folded canonical title); a series' first
    season is the series (CONTRACT: null and 1 are the same)."""

    work_aliases: Mapping[str, str]

    def work_key(self, title: str) -> str:
        key = fold_title(title)
        return self.work_aliases.get(key, key)

    def event_key(self, claim: Claim) -> tuple[str, int, str]:
        return self.work_key(claim.subject.work), claim.subject.season or 1, claim.event

    def object_key(self, claim: Claim) -> tuple[str, int, str] | None:
        other = claim.object
        if other is None:
            return None
        return self.work_key(other.work), other.season or 1, other.event
