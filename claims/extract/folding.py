"""How a name is folded for gazetteer lookups: one function, shared by the loader
(claims/extract/gazetteer.py) and the script that builds the lists (claims/data/names/build.py),
so that a key written into a list and a phrase looked up fold alike. Standard library only."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not split into a base letter and an accent.
LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                         "ı": "i", "ħ": "h", "ŧ": "t", "ĸ": "k",
                         "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'"})
POSSESSIVE = re.compile(r"(?<=\w)'s?$")
NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def fold(text: str, possessive: bool = False) -> str:
    """Lower case, accents dropped, a final possessive dropped ("Netflix's", "Jones'") unless
    `possessive` keeps its letters ("Wendy's" -> "wendys", a name of its own), apostrophes
    inside words dropped ("O'Brien" -> "obrien"), "&" read as "and" and "+" as "plus"
    ("Disney+" -> "disney plus"), any other punctuation a space ("U.S." -> "u s",
    "Spider-Man" -> "spider man"), white space collapsed."""
    if text.isascii():  # most names: nothing to decompose
        text = text.lower().translate(LETTERS).strip()
    else:
        text = unicodedata.normalize("NFKD", text.casefold()).translate(LETTERS)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).strip()
    if not possessive:
        text = POSSESSIVE.sub("", text)
    text = text.replace("'", "")
    text = text.replace("&", " and ").replace("+", " plus ")
    return " ".join(NOT_WORD.sub(" ", text).split())


def name_key(text: str) -> str:
    """A personal name as the US lists write it: folded and without spaces, so "De La Cruz"
    meets the Census's DELACRUZ and "Mary-Kate" the SSA's Marykate."""
    return fold(text).replace(" ", "")
