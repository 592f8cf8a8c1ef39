"""How articles spell names, as the name checks read it: each spelling of a capitalised run
with the articles that write it (and where first), gathered by extraction (claims/extract/
spellings.py) and compared by the `name-variant` rule; and the name lists that rule needs."""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from functools import cache
from typing import Iterable

from claims import knowledge

POSSESSIVE = re.compile(r"'s$")


class Spelling:
    """One way of writing a name: how often the articles write it, and which articles do,
    each with the offset where it first does (in the order they were read).

    The articles are kept as a list of ids and an array of offsets, not a dict: a corpus
    writes some 70 spellings an article, and a dict entry with its offset cost ten times
    these two slots (a spelling's articles grow with the corpus, its spellings hardly do).
    `articles` gives them as a dict, made when asked for: a rule asks for those of a few.
    """

    __slots__ = ("text", "count", "_ids", "_offsets")

    def __init__(self, text: str, articles: dict[str, int] | None = None, count: int = 0):
        self.text, self.count = text, count
        self._ids: list[str] = []
        self._offsets = array("I")   # (32 bits: --max-article-size is at most 4 GB)
        if articles:
            self.articles = articles

    def __repr__(self) -> str:
        return f"Spelling({self.text!r}, {self.articles!r}, {self.count})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Spelling) and (self.text, self.count, self.articles) == \
            (other.text, other.count, other.articles)

    def __reduce__(self):
        # (Batches travel from worker processes as the list and the array, not as a dict.)
        return restore_spelling, (self.text, self.count, self._ids, self._offsets)

    @property
    def articles(self) -> dict[str, int]:
        """article -> first offset, in the order the articles were read."""
        return dict(zip(self._ids, self._offsets))

    @articles.setter
    def articles(self, value: dict[str, int]) -> None:
        self._ids = list(value)
        self._offsets = array("I", value.values())

    @property
    def words(self) -> list[str]:
        return self.text.split()

    @property
    def article_count(self) -> int:
        return len(self._ids)

    def writes_any(self, articles: set[str]) -> bool:
        """One of these articles writes the spelling."""
        return not articles.isdisjoint(self._ids)

    def copy(self) -> Spelling:
        twin = Spelling(self.text, None, self.count)
        twin._ids, twin._offsets = list(self._ids), array("I", self._offsets)
        return twin

    def first_use(self, article: str, start: int) -> None:
        """The article writes it at `start`, and no article read after it has yet: while an
        article is read, its uses follow each other (only the first one counts)."""
        if not self._ids or self._ids[-1] != article:
            self._ids.append(article)
            self._offsets.append(start)

    def add_use(self, article: str, start: int) -> None:
        """An article writes it (at `start`, if it had not before)."""
        self.add_uses([(article, start)])

    def add_uses(self, uses: Iterable[tuple[str, int]]) -> None:
        """Articles write it, each at the offset given (if it had not before), in order."""
        known = set(self._ids)
        for article, start in uses:
            if article not in known:
                known.add(article)
                self._ids.append(article)
                self._offsets.append(start)

    def add(self, later: Spelling) -> None:
        """A later batch's use of the same spelling (its articles may include these)."""
        self.count += later.count
        self.add_uses(zip(later._ids, later._offsets))

    def extend(self, later: Spelling) -> None:
        """A later batch's use of the same spelling, none of its articles among these (the
        batches of one corpus): appended as they are, without the set of the articles so
        far that `add` makes, which costs a common name's articles at every batch."""
        self.count += later.count
        self._ids += later._ids
        self._offsets += later._offsets


def restore_spelling(text: str, count: int, ids: list[str], offsets: array) -> Spelling:
    spelling = Spelling(text, None, count)
    spelling._ids, spelling._offsets = ids, offsets
    return spelling


@cache
def function_words() -> frozenset[str]:
    return frozenset(knowledge.entry("names", "function_words"))


@dataclass
class Spellings:
    """What a run of articles spells: `runs` of capitalised words (a capital that may be the
    sentence's own kept apart in `initial`), the words written in lower case, and the
    registered titles found, in the order they were found."""

    runs: dict[str, Spelling] = field(default_factory=dict)
    initial: dict[str, Spelling] = field(default_factory=dict)
    lower: set[str] = field(default_factory=set)
    titles: list[tuple[str, str, int]] = field(default_factory=list)   # (title, article, offset)

    def merge(self, later: Spellings, other_articles: bool = False) -> None:
        """Add a later batch's spellings, as if its articles had been read after these
        (`other_articles`: none of them is among these, as in the batches of one corpus)."""
        for mine, theirs in ((self.runs, later.runs), (self.initial, later.initial)):
            for text, spelling in theirs.items():
                if text in mine:
                    if other_articles:
                        mine[text].extend(spelling)
                    else:
                        mine[text].add(spelling)
                else:
                    mine[text] = spelling
        self.lower |= later.lower
        self.titles += later.titles

    def resolved(self) -> dict[str, Spelling]:
        """Every spelling by how it is written: a capitalised word at a sentence's start
        counts only for names the corpus also capitalises mid-sentence; then the titles."""
        return self._resolve(dict(self.runs), copy=True)

    def resolve(self) -> None:
        """Fold the sentence-initial capitals and the titles into `runs` as `resolved` does,
        in place, and let them go: for a corpus all of whose batches are merged. (`resolved`
        copies each spelling it adds to, and the rules and the store each asked for it: a
        common word's copy and its set of articles were most of the rules' memory.)"""
        self._resolve(self.runs, copy=False)
        self.initial, self.titles = {}, []

    def _resolve(self, found: dict[str, Spelling], copy: bool) -> dict[str, Spelling]:
        copied: set[str] = set()

        def changed(text: str) -> Spelling:
            """The entry for text, copied before its first change when the runs stay as they are."""
            if text not in found:
                found[text] = Spelling(text)
            elif copy and text not in copied:
                found[text] = found[text].copy()
            copied.add(text)
            return found[text]

        for text, spelling in self.initial.items():
            if text in found:
                changed(text).add_uses(zip(spelling._ids, spelling._offsets))
        uses: dict[str, list[tuple[str, int]]] = {}
        for title, article, start in self.titles:
            uses.setdefault(title, []).append((article, start))
        for title, found_at in uses.items():
            spelling = changed(title)
            spelling.count += len(found_at)
            spelling.add_uses(found_at)
        return found
