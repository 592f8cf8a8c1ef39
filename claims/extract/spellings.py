"""How the articles spell names: every run of capitalised words outside headlines, and the
titles of registered works that are no such run ("Top Gun: Maverick").

The `name-variant` rule compares these spellings across sources. They are collected while
the articles are read for claims, batch by batch (in worker processes or on a cluster), and
`Spellings.merge` puts the batches together in corpus order, so the rule sees what one pass
over every body gives, without reading the bodies again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Iterable

from claims.extract import lexicon
from claims.extract.works import is_title_case_line
from claims.models import Article

UPPER, LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
WORD = rf"[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)*(?:[-'][{UPPER}{LOWER}]+)*"   # "McAdams" too
NAME = re.compile(rf"(?<![\w'-]){WORD}(?:[ \t]+{WORD}){{0,3}}")
POSSESSIVE = re.compile(r"'s$")
LOWER_WORD = re.compile(rf"(?<![\w'-])[{LOWER}][{LOWER}'-]+")
SENTENCE_START = ".!?:\"“”'‘’*_#>-—("


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
    return frozenset(lexicon.entry("names", "function_words"))


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


def title_pattern(titles: Iterable[str], bodies: list[str] | None = None) -> re.Pattern | None:
    """The registered titles of more than one word that are no run of capitalised words;
    given the few bodies it will read (an incremental check), only the titles they hold,
    which spares compiling thousands."""
    listed = {title for title in titles if len(title.split()) > 1 and not NAME.fullmatch(title)}
    if bodies is not None:
        texts = [body.replace("’", "'") for body in bodies]   # as body_lines reads them
        listed = {title for title in listed if any(title in text for text in texts)}
    if not listed:
        return None
    return re.compile(rf"(?<![\w'-])(?:{lexicon.literal_alternation(listed)})(?![\w-])")


def collect(articles: Iterable[Article], titles: re.Pattern | None) -> Spellings:
    """The spellings of the articles' bodies, line by line outside headlines (curly
    apostrophes read as straight ones)."""
    found = Spellings()
    for article in articles:
        lines = [(offset, line) for offset, line in body_lines(article.body)
                 if line.strip() and not is_title_case_line(line.strip())]
        for offset, line in lines:
            found.lower.update(word.lower() for word in LOWER_WORD.findall(line))
            for match in NAME.finditer(line):
                record(found, article.id, offset + match.start(), match.group(), line[:match.start()])
        if titles:
            for offset, line in lines:
                found.titles += [(match.group(), article.id, offset + match.start()) for match in titles.finditer(line)]
    return found


def body_lines(body: str) -> list[tuple[int, str]]:
    """(offset, line) of a body's lines, their line ends kept."""
    found, offset = [], 0
    for line in body.replace("’", "'").splitlines(keepends=True):
        found.append((offset, line))
        offset += len(line)
    return found


def record(found: Spellings, article: str, start: int, run: str, before: str) -> None:
    words = run.split()
    at_start = not before.strip() or before.rstrip()[-1:] in SENTENCE_START
    for size in range(1, min(3, len(words)) + 1):
        for first in range(len(words) - size + 1):
            text = POSSESSIVE.sub("", " ".join(words[first:first + size]))
            table = found.initial if first == 0 and at_start and (
                size == 1 or words[0].lower() in function_words()) else found.runs
            spelling = table.setdefault(text, Spelling(text))
            spelling.count += 1
            spelling.articles.setdefault(article, start + len(" ".join(words[:first])) + (1 if first else 0))
