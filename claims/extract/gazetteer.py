"""Names that are not works: given names, surnames, places and organisations.

(Placeholder with the final API: the lists built from licensed sources replace it.)
"""
from __future__ import annotations

import unicodedata
from functools import cache

from claims.extract import lexicon


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if kept.endswith("'s"):
        kept = kept[:-2]
    return " ".join(kept.split())


@cache
def _given() -> dict[str, int]:
    return {name: 1000 for name in lexicon.entry("first_names", "names")}


def given_name_count(word: str) -> int:
    return _given().get(fold(word), 0)


def given_names() -> frozenset[str]:
    return frozenset(_given())


def surname_count(word: str) -> int:
    return 0


def place_kind(phrase: str) -> str | None:
    return None


def organisation_kind(phrase: str) -> str | None:
    return None


def organisation_suffix(phrase: str) -> str | None:
    return None
