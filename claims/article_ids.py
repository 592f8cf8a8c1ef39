"""This process's numbering of article ids: each id gets a number at its first use, and
what keeps many articles (the spool's index, the spellings' uses) keeps numbers, in
arrays, rather than the ids again in dicts of its own.

A process checks one corpus, or a store's corpus and the articles added to it; the table
keeps every id it numbers for the life of the process (about 100 bytes an id). Numbers are
this process's own: a worker process numbers its batches' articles for itself, and what
travels between processes travels with ids.
"""
from __future__ import annotations

import threading

# The ids by number, and the numbers by id.
IDS: list[str] = []
_numbers: dict[str, int] = {}
_numbering = threading.Lock()


def number(article: str) -> int:
    """The article's number, given at its first use."""
    found = _numbers.get(article)
    if found is None:
        with _numbering:   # (two threads must not give two ids one number)
            found = _numbers.get(article)
            if found is None:
                IDS.append(article)
                found = _numbers[article] = len(IDS) - 1
    return found


def known(article: str) -> int | None:
    """The article's number, None when no number was given to it."""
    return _numbers.get(article)
