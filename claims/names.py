"""How articles spell names, as the name checks read it: each spelling of a capitalised run
with the articles that write it (and where first), gathered by extraction (claims/extract/
spellings.py) and compared by the `name-variant` rule; and the name lists that rule needs."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from claims import knowledge

POSSESSIVE = re.compile(r"'s$")


@dataclass
class Spelling:
    text: str
    articles: dict[str, int] = field(default_factory=dict)   # article -> first offset
    count: int = 0

    @property
    def words(self) -> list[str]:
        return self.text.split()

    @property
    def article_count(self) -> int:
        return len(self.articles)

    def writes_any(self, articles: set[str]) -> bool:
        """One of these articles writes the spelling."""
        return not articles.isdisjoint(self.articles)

    def copy(self) -> Spelling:
        return Spelling(self.text, dict(self.articles), self.count)

    def add_use(self, article: str, start: int) -> None:
        """An article writes it (at `start`, if it had not before)."""
        self.articles.setdefault(article, start)

    def add(self, later: Spelling) -> None:
        """A later batch's use of the same spelling (its articles are other articles)."""
        self.count += later.count
        for article, start in later.articles.items():
            self.add_use(article, start)


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

    def merge(self, later: Spellings) -> None:
        """Add a later batch's spellings, as if its articles had been read after these."""
        for mine, theirs in ((self.runs, later.runs), (self.initial, later.initial)):
            for text, spelling in theirs.items():
                if text in mine:
                    mine[text].add(spelling)
                else:
                    mine[text] = spelling
        self.lower |= later.lower
        self.titles += later.titles

    def resolved(self) -> dict[str, Spelling]:
        """Every spelling by how it is written: a capitalised word at a sentence's start
        counts only for names the corpus also capitalises mid-sentence; then the titles."""
        found = dict(self.runs)
        copied: set[str] = set()

        def changed(text: str) -> Spelling:
            """The entry for text, copied before its first change: the runs stay as they are."""
            if text not in copied:
                copied.add(text)
                found[text] = found[text].copy() if text in found else Spelling(text)
            return found[text]

        for text, spelling in self.initial.items():
            if text in found:
                for article, start in spelling.articles.items():
                    changed(text).add_use(article, start)
        for title, article, start in self.titles:
            spelling = changed(title)
            spelling.count += 1
            spelling.add_use(article, start)
        return found
