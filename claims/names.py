"""How articles spell names, as the name checks read it: each spelling of a capitalised run
with the articles that write it (and where first), gathered by extraction (claims/extract/
spellings.py) and compared by the `name-variant` rule; and the name lists that rule needs."""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from functools import cache
from typing import Iterable, Iterator

from claims import article_ids, knowledge

POSSESSIVE = re.compile(r"'s$")


class Spelling:
    """One way of writing a name: how often the articles write it, and which articles do,
    each with the offset where it first does (in the order they were read).

    The articles are kept packed, not as a dict nor as a list of ids: a corpus writes some 70
    spellings an article, and a common spelling's articles grow with the corpus (at 40,000
    articles a list of ids and an array of offsets took 12 bytes a use, the most memory
    extraction kept after the claims). Each article is its number in this process's table of
    article ids (claims/article_ids.py), each use two variable-length integers in a bytearray:
    the article's number less the previous one's (zigzag: a use added later may go back)
    and the offset, about three bytes a use. `articles` gives them as a dict, made when
    asked for: a rule asks for those of a few.
    """

    __slots__ = ("text", "count", "_uses", "_article_count", "_last")

    def __init__(self, text: str, articles: dict[str, int] | None = None, count: int = 0):
        self.text, self.count = text, count
        self._uses = bytearray()
        self._article_count = 0
        self._last = 0   # (the number of the last article added)
        if articles:
            self.articles = articles

    def __repr__(self) -> str:
        return f"Spelling({self.text!r}, {self.articles!r}, {self.count})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Spelling) and (self.text, self.count, self.articles) == \
            (other.text, other.count, other.articles)

    def __reduce__(self):
        # (Batches travel from worker processes with the articles' ids: the numbers are
        # this process's own.)
        ids, offsets = [], array("I")
        for article, offset in self.uses():
            ids.append(article)
            offsets.append(offset)
        return restore_spelling, (self.text, self.count, ids, offsets)

    @property
    def articles(self) -> dict[str, int]:
        """article -> first offset, in the order the articles were read."""
        return {article_ids.IDS[number]: offset for number, offset in self._numbered_uses()}

    @articles.setter
    def articles(self, value: dict[str, int]) -> None:
        self._uses, self._article_count, self._last = bytearray(), 0, 0
        for article, offset in value.items():
            self._append(article_ids.number(article), offset)

    @property
    def words(self) -> list[str]:
        return self.text.split()

    @property
    def article_count(self) -> int:
        return self._article_count

    def writes_any(self, articles: set[str]) -> bool:
        """One of these articles writes the spelling."""
        return any(article_ids.IDS[number] in articles for number, _ in self._numbered_uses())

    def copy(self) -> Spelling:
        twin = Spelling(self.text, None, self.count)
        twin._uses, twin._article_count, twin._last = bytearray(self._uses), self._article_count, self._last
        return twin

    def first_use(self, article: str, start: int) -> None:
        """The article writes it at `start`, and no article read after it has yet: while an
        article is read, its uses follow each other (only the first one counts)."""
        number = article_ids.number(article)
        if not self._article_count or self._last != number:
            self._append(number, start)

    def add_use(self, article: str, start: int) -> None:
        """An article writes it (at `start`, if it had not before)."""
        self.add_uses([(article, start)])

    def add_uses(self, uses: Iterable[tuple[str, int]]) -> None:
        """Articles write it, each at the offset given (if it had not before), in order."""
        known = {number for number, _ in self._numbered_uses()}
        for article, start in uses:
            number = article_ids.number(article)
            if number not in known:
                known.add(number)
                self._append(number, start)

    def uses(self) -> Iterator[tuple[str, int]]:
        """(article, first offset), in the order the articles were read."""
        for number, offset in self._numbered_uses():
            yield article_ids.IDS[number], offset

    def add(self, later: Spelling) -> None:
        """A later batch's use of the same spelling (its articles may include these)."""
        self.count += later.count
        self.add_uses(later.uses())

    def extend(self, later: Spelling) -> None:
        """A later batch's use of the same spelling, none of its articles among these (the
        batches of one corpus): appended as they are, without the set of the articles so
        far that `add` makes, which costs a common name's articles at every batch. (Only
        the later's first article is encoded again: its number is told from these ones'.)"""
        self.count += later.count
        if not later._article_count:
            return
        difference, at = _get(later._uses, 0)   # (from 0: the later's first number itself)
        offset, at = _get(later._uses, at)
        self._append(_signed(difference), offset)
        self._uses += later._uses[at:]
        self._article_count += later._article_count - 1
        self._last = later._last

    def _append(self, number: int, offset: int) -> None:
        delta = number - self._last
        _put(self._uses, delta << 1 if delta >= 0 else (-delta << 1) - 1)
        _put(self._uses, offset)
        self._article_count += 1
        self._last = number

    def _numbered_uses(self) -> Iterator[tuple[int, int]]:
        """(article number, first offset) of each use, decoded."""
        data, at, number = self._uses, 0, 0
        while at < len(data):
            difference, at = _get(data, at)
            offset, at = _get(data, at)
            number += _signed(difference)
            yield number, offset


def _put(data: bytearray, value: int) -> None:
    """A non-negative integer, seven bits a byte, the high bit set on all but the last."""
    while value >= 0x80:
        data.append(value & 0x7F | 0x80)
        value >>= 7
    data.append(value)


def _get(data: bytearray, at: int) -> tuple[int, int]:
    """The integer `_put` wrote at `at`, and where the next one starts."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7


def _signed(zigzag: int) -> int:
    """The difference `_append` wrote: even numbers are the ones not below zero."""
    return zigzag >> 1 if not zigzag & 1 else -((zigzag + 1) >> 1)


def restore_spelling(text: str, count: int, ids: list[str], offsets: array) -> Spelling:
    spelling = Spelling(text, None, count)
    for article, offset in zip(ids, offsets):
        spelling._append(article_ids.number(article), offset)
    return spelling


@cache
def function_words() -> frozenset[str]:
    return frozenset(knowledge.entry("names", "function_words"))


@dataclass
class Spellings:
    """What a run of articles spells: `runs` of capitalised words (a capital that may be the
    sentence's own kept apart in `initial`), the words written in lower case, and the
    registered titles found, in the order they were found; and the pairs of capitalised words
    of headlines, which capitalise every word, kept apart (a pair's first word a given name
    may be a name the body spells otherwise: "Dating Rory Callahan" over "Rory Callaghan")."""

    runs: dict[str, Spelling] = field(default_factory=dict)
    initial: dict[str, Spelling] = field(default_factory=dict)
    lower: set[str] = field(default_factory=set)
    titles: list[tuple[str, str, int]] = field(default_factory=list)   # (title, article, offset)
    headlines: list[tuple[str, str, int]] = field(default_factory=list)   # (pair, article, offset)

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
        self.headlines += later.headlines

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
                changed(text).add_uses(spelling.uses())
        uses: dict[str, list[tuple[str, int]]] = {}
        for title, article, start in self.titles:
            uses.setdefault(title, []).append((article, start))
        for title, found_at in uses.items():
            spelling = changed(title)
            spelling.count += len(found_at)
            spelling.add_uses(found_at)
        return found
