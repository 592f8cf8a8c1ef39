"""What a check learned from its whole corpus, as plain JSON data, and back.

An incremental check (`checker check --changed`) reads only the new articles; it takes the
works, persons and spellings the last full check learned from the stored corpus. These are
kept as JSON, not pickles, because a store may be shared (a PostgreSQL server), and
unpickling what someone else wrote runs their code.

The lexicon is kept as its registry's works, franchises and persons: the patterns that
find titles in text are rebuilt from them (`works.index_works`) as a full check builds them.
All spellings are kept (a name one stored article misspells is a variant once a new article
misspells it too), but only those at least MIN_ARTICLES articles write (the ones others are
measured against) are read back whole; the rest only where a new article writes them.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from claims.extract import registry, works
from claims.names import Spelling, Spellings
from claims.models import Article, Claim

MIN_ARTICLES = 2
# Reads kept spellings from where they are kept: text -> (count, {article: offset}).
FetchArticles = Callable[[list[str]], dict[str, tuple[int, dict[str, int]]]]


@cache
def extractor_digest() -> str:
    """A digest of the extractor's code and data: claims kept by another version of it are
    not what this one would read, so they are not mixed with its claims."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for source in sorted(root.rglob("*")):
        if source.suffix in (".py", ".yaml", ".txt", ".tsv", ".json") and "__pycache__" not in source.parts:
            digest.update(source.relative_to(root).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class KeptCorpus:
    """What a full check keeps for later checks of new articles."""

    fingerprint: str            # the extractor and the work settings that read the corpus
    lexicon: dict[str, Any]     # lexicon_state
    lower: list[str]            # the words the corpus writes in lower case
    spellings: list[Spelling]   # kept_spellings


class StoredArticles(dict):
    """Stored articles by id, each read when first asked for (`preload` reads many at once):
    a check of one article needs the few its claims and findings cite."""

    def __init__(self, fetch: Callable[[list[str]], dict[str, Article]]):
        super().__init__()
        self._fetch = fetch

    def __missing__(self, article_id: str) -> Article:
        found = self._fetch([article_id])
        if article_id not in found:
            raise KeyError(article_id)
        self[article_id] = found[article_id]
        return self[article_id]

    def preload(self, ids: Iterable[str]) -> None:
        """Read these articles now, in one go, rather than one at a time when asked for."""
        self.update(self._fetch(sorted(set(ids) - self.keys())))

    def get(self, article_id: str, default: Article | None = None) -> Article | None:  # type: ignore[override]
        try:
            return self[article_id]
        except KeyError:
            return default


@dataclass
class StoredCorpus:
    """A kept corpus as read back: the learned works and spellings, to be rebuilt with
    lexicon_from_state and stored_spellings; its articles and claims read when asked for,
    claims a work at a time, so that a check of one article reads what it needs of a store
    of any size."""

    articles: StoredArticles
    article_count: int
    claims_about: Callable[[set[str]], list[Claim]]       # work keys -> their stored claims
    article_works: Callable[[], dict[str, set[str]]]      # article -> the works it claims about
    lexicon: dict[str, Any]
    lower: list[str]
    spellings: list[tuple[str, int, int]]    # (text, count, article count), MIN_ARTICLES or more
    checked_at: str
    fetch: FetchArticles


def keep(lexicon: works.WorkLexicon, found: Spellings | None, fingerprint: str) -> KeptCorpus:
    found = found or Spellings()
    return KeptCorpus(fingerprint, lexicon_state(lexicon), sorted(found.lower), kept_spellings(found))


def lexicon_state(lexicon: works.WorkLexicon) -> dict[str, Any]:
    learned = lexicon.registry
    # Checking new articles weighs a work's kinds of evidence (confidence), not the examples
    # `checker works` shows, which are most of the size.
    kept = [dataclasses.replace(work, evidence=[dataclasses.replace(item, example="") for item in work.evidence])
            for work in learned.works.values()]
    return {
        "works": [dataclasses.asdict(work) for work in kept],
        "settled": sorted({*learned.works, *learned.rejected, *lexicon.settled}),
        "franchises": learned.franchises,
        "franchise_names": {key: learned.rejected[key].name for key in learned.franchises},
        "lower_counts": learned.lower_counts,
        "persons": lexicon.persons,
    }


def lexicon_from_state(state: dict[str, Any]) -> works.WorkLexicon:
    """The lexicon a full check had, to be indexed (`works.index_works`, or
    `works.add_new_works` with what new articles add) into the same titles, aliases, short
    forms and persons."""
    learned = registry.Registry(
        works={work["key"]: work_from_state(work) for work in state["works"]},
        rejected={key: registry.Rejected(key, name, registry.FRANCHISE, 0, [])
                  for key, name in state["franchise_names"].items()},
        franchises={key: list(entries) for key, entries in state["franchises"].items()},
        lower_counts=dict(state["lower_counts"]))
    return works.WorkLexicon(registry=learned, persons=dict(state["persons"]), settled=frozenset(state["settled"]))


def work_from_state(data: dict[str, Any]) -> registry.Work:
    # Plain construction: a pydantic check of thousands of works would take longer than
    # the rest of a one-article check; the state was written by lexicon_state.
    evidence = [registry.Evidence(**item) for item in data["evidence"]]
    return registry.Work(**{**data, "evidence": evidence})


def kept_spellings(found: Spellings) -> list[Spelling]:
    """Every spelling, resolved (sentence-initial capitals and titles counted in)."""
    return list(found.resolved().values())


class StoredSpelling(Spelling):
    """A kept spelling whose articles are read from the store only when a rule asks for
    them: of some 40,000 spellings, a new article's check looks at the articles of a few.
    Uses by the articles read now are added without reading the stored ones."""

    def __init__(self, text: str, count: int, article_count: int, fetch: FetchArticles):
        self.text, self.count = text, count
        self._article_count, self._fetch = article_count, fetch
        self._articles: dict[str, int] | None = None
        self._added: dict[str, int] = {}   # new articles -> offset, while not read

    @property
    def articles(self) -> dict[str, int]:
        if self._articles is None:
            self._articles = dict(self._fetch([self.text]).get(self.text, (0, {}))[1])
            for article, start in self._added.items():
                self._articles.setdefault(article, start)
        return self._articles

    @articles.setter
    def articles(self, value: dict[str, int]) -> None:
        self._articles = value

    @property
    def article_count(self) -> int:
        # The articles read now are none of the stored ones (an edited one is read from the
        # store before anything is added: add_new_articles).
        return self._article_count + len(self._added) if self._articles is None else len(self._articles)

    def add_use(self, article: str, start: int) -> None:
        if self._articles is None:
            self._added.setdefault(article, start)
        else:
            self._articles.setdefault(article, start)

    def add_uses(self, uses: Iterable[tuple[str, int]]) -> None:
        for article, start in uses:
            self.add_use(article, start)

    def uses(self) -> Iterator[tuple[str, int]]:
        return iter(self.articles.items())

    def writes_any(self, articles: set[str]) -> bool:
        # Not read yet: of the articles read now, only those added.
        return not articles.isdisjoint(self.articles if self._articles is not None else self._added)

    def copy(self) -> StoredSpelling:
        twin = StoredSpelling(self.text, self.count, self._article_count, self._fetch)
        twin._articles = None if self._articles is None else dict(self._articles)
        twin._added = dict(self._added)
        return twin


def stored_spellings(rows: Iterable[tuple[str, int, int]], lower: Iterable[str], fetch: FetchArticles) -> Spellings:
    """The kept spellings as (text, count, article count) rows, their articles read on demand."""
    return Spellings(runs={text: StoredSpelling(text, count, article_count, fetch)
                           for text, count, article_count in rows}, lower=set(lower))


def add_new_articles(stored: Spellings, new: Spellings, fetch: FetchArticles, replaced: set[str]) -> Spellings:
    """The stored spellings with those of the articles read now, as if these had been read
    after the stored ones; `replaced`: the ids of stored articles read again (edited), whose
    stored uses no longer count where the new text writes the same name. The articles of
    the established spellings the new ones also write are read only for edited articles."""
    texts = sorted(text for text in {*new.runs, *new.initial} if replaced or text not in stored.runs)
    fetched = {}
    for start in range(0, len(texts), 500):   # one query per 500 names, not one per name
        fetched.update(fetch(texts[start:start + 500]))
    for text, (count, articles) in fetched.items():
        kept = {article: offset for article, offset in articles.items() if article not in replaced}
        if text in stored.runs:
            stored.runs[text].articles = kept
        elif kept:   # a name only one stored article writes
            stored.runs[text] = Spelling(text, kept, count)
    stored.merge(new)
    return stored
