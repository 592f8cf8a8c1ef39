"""What every rule is made of: its record, its options, what it is given and what it yields.

A rule says what conflicts; shared judgement (ids, severity from modality, fingerprints)
lives in the engine, and wording in `checker.rules.wording`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, Generic, Iterable, Mapping, Protocol, Sequence, TypeVar

from pydantic import BaseModel, ConfigDict

from checker.findings import Citation, Severity
from claims.keys import GroupKeys
from claims.names import Spellings
from claims.models import Article, Claim, Event, ImpossibleDate, Subject


class RuleOptions(BaseModel):
    """A rule's settings from the configuration; a misspelt key is an error, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# The options class a rule is given (its own subclass of RuleOptions).
OptionsT = TypeVar("OptionsT", bound=RuleOptions)


class Scope(str, Enum):
    EVENT = "event"     # called once per work, season and event, with the claims about it
    CORPUS = "corpus"   # called once with every claim of the corpus


class LearnedWorks(Protocol):
    """What rules read of the works and persons extraction learned (its work lexicon):
    title by key, and the common spelling of each person's name."""

    @property
    def titles(self) -> Mapping[str, str]: ...

    @property
    def persons(self) -> Mapping[str, str]: ...


class NameLists(Protocol):
    """The lists name checks consult, handed in by the engine: given names (folded) and
    calendar words (months and weekdays, "Fri." too)."""

    def given_names(self) -> frozenset[str]: ...

    def is_calendar_word(self, word: str) -> bool: ...


@dataclass
class Corpus(GroupKeys):
    """What a rule may look at besides its claims: the articles and the names learned (and,
    from GroupKeys, the keys claims are grouped by)."""

    articles: Mapping[str, Article]   # by id (a spool's read from its file when asked for)
    claims: list[Claim] = field(default_factory=list)
    lexicon: LearnedWorks | None = None
    # Folded alias -> folded canonical title, from the configuration.
    work_aliases: dict[str, str] = field(default_factory=dict)
    # Accepted spellings of a name -> the spelling to report, from the configuration.
    person_aliases: dict[str, str] = field(default_factory=dict)
    # Work key -> what shows a series ran before (timeline.earlier_runs), built when first asked.
    runs: dict | None = None
    # How the articles spell names, as extraction collected them (the engine collects them
    # from the bodies when a rule needs them and none were given).
    spellings: Spellings | None = None
    # The name lists name checks consult (the engine gives the extractor's).
    names: NameLists | None = None
    # The articles this run is about (an incremental check's new ones), None for all: a rule
    # may leave out what involves none of them, as the run reports only what does.
    focus: set[str] | None = None
    # Article -> the works (keys) its claims are about, given when `claims` are only those a
    # focused run needs; else None, and read from the claims.
    article_works: dict[str, set[str]] | None = None
    # Calendar dates no calendar has ("February 30"), as extraction noted them (the engine
    # finds them in the bodies when a rule needs them and none were given).
    impossible_dates: list[ImpossibleDate] | None = None



@dataclass
class Conflict:
    """What a rule yields: the claims that cannot all hold, and why in an editor's words.

    subject and event default to the first claim's; severity to the rule's, lowered to a
    warning when a claim is only rumored or speculated.
    """

    claims: Sequence[Claim]
    message: str
    subject: Subject | None = None
    event: Event | None = None
    severity: Severity | None = None
    # Evidence that is not a claim (a name as written), and the articles it comes from.
    citations: Sequence[Citation] = ()
    no_subject: bool = False   # name-variant: the finding is about a name, not an event
    # The claims that make this finding what it is (the odd one out), for its fingerprint:
    # a new article that agrees with the majority must not turn it into a new finding.
    # Default: all the claims.
    anchor: Sequence[Claim] | None = None


@dataclass(frozen=True)
class Rule(Generic[OptionsT]):
    id: str
    severity: Severity
    summary: str
    scope: Scope
    check: Callable[[Sequence[Claim], Corpus, OptionsT], Iterable[Conflict]]
    doc: str
    # (right only for a check that takes plain RuleOptions: mypy cannot tie a default to OptionsT)
    options: type[OptionsT] = RuleOptions  # type: ignore[assignment]
    # The rule compares how the articles spell names (Corpus.spellings, collected by extraction).
    reads_spellings: bool = False
    # The rule reads the impossible dates extraction noted (Corpus.impossible_dates).
    reads_impossible_dates: bool = False

    @property
    def sections(self) -> dict[str, str]:
        """The docstring's labelled paragraphs: Why, Flags, Passes, Fix, optionally How (and
        the summary)."""
        lines = (self.doc or "").strip().splitlines()
        sections = {"What": lines[0].strip() if lines else self.summary}
        current = None
        for line in lines[1:]:
            label, _, rest = line.partition(":")
            if label.strip() in ("Why", "Flags", "Passes", "Fix", "How") and not line.startswith(" "):
                current = label.strip()
                sections[current] = rest.strip()
            elif current and line.strip():
                sections[current] += " " + line.strip()
            elif not line.strip():
                current = None
        return sections
