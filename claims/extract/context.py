"""What one article carries while its sentences are read, and the work a claim is about."""
from __future__ import annotations

from dataclasses import dataclass, field

from claims.extract import works
from claims.extract.sentences import Sentence
from claims.extract.temporal import Timex
from claims.models import Article, Published


@dataclass
class ArticleContext:
    """What one article knows while its sentences are read."""

    article: Article
    lexicon: works.WorkLexicon
    sentences: list[Sentence]
    timexes: list[Timex]
    quotes: list[tuple[int, int]]
    focus: str | None = None
    focus_season: int | None = None
    recent: list[tuple[str, int | None]] = field(default_factory=list)
    last_event: str | None = None
    seasoned: set[str] = field(default_factory=set)   # works named with a season number
    last_subject: tuple[str, int | None] | None = None  # the work the last claim was about
    named_last_sentence: str | None = None  # the work the sentence before was about
    subject_of_last_sentence: str | None = None  # its subject, when it made no claim

    def lexicon_key(self, title: str) -> str:
        return works.fold_title(title)

    @property
    def published(self) -> Published | None:
        return self.article.published


@dataclass
class Subj:
    work: str
    season: int | None
    start: int
    end: int
    explicit: bool
