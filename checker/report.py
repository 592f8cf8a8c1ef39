"""What one run found: the articles read, their claims, the findings and the inputs that
could not be read. The reports render it and the CLI's exit status depends on it; it sits
apart from the engine so that a report needs nothing of how the findings were made."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from checker.findings import Finding
from claims.names import Spellings
from claims.extract.works import WorkLexicon
from claims.models import Article, Claim, ImpossibleDate
from claims.reading import ReadProblem
from claims.spool import ArticleSpool


@dataclass
class Report:
    """Everything one run found: what the reports render and the CLI's exit status depends on."""

    articles: Sequence[Article]   # a list, or a spool (claims/spool.py) for a whole corpus
    claims: list[Claim]
    problems: list[ReadProblem]
    findings: list[Finding] = field(default_factory=list)
    lexicon: WorkLexicon | None = None
    spellings: Spellings | None = None   # how the articles spell names, for name-variant
    impossible_dates: list[ImpossibleDate] = field(default_factory=list)   # for invalid-date
    explain: bool = False   # show how each claim was read (`checker extract --explain`)
    # An incremental check: the stored articles the findings cite (not read this run), when
    # the stored corpus was checked in full, and how many articles it holds besides these.
    stored: list[Article] = field(default_factory=list)
    stored_at: str | None = None
    stored_count: int = 0

    @property
    def undated(self) -> list[Article]:
        return [article for article in self.articles if article.published is None]

    @property
    def article_by_id(self) -> Mapping[str, Article]:
        """Every article a finding may cite: those read and those of the store (a spool's
        read from its file when asked for)."""
        stored = {article.id: article for article in self.stored}
        if isinstance(self.articles, ArticleSpool):
            return self.articles.by_id_with(stored)
        return {**stored, **{article.id: article for article in self.articles}}

    @property
    def claim_by_id(self) -> dict[str, Claim]:
        return {claim.id: claim for claim in self.claims}
