"""The claim vocabulary of CONTRACT.md as pydantic models: articles in, dated claims out."""
from __future__ import annotations

import datetime as dt
from typing import Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field

Event = Literal["release", "filming", "filming_start", "filming_end", "renewal", "cancellation"]
Relation = Literal["before", "after", "concurrent", "back_to_back", "overlap"]
Tense = Literal["past", "present", "future", "none", "mixed"]
Modality = Literal["asserted", "expected", "rumored", "speculative"]
WorkKind = Literal["film", "series"]
TimeMod = Literal["START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"]

EVENTS: tuple[str, ...] = get_args(Event)
RELATIONS: tuple[str, ...] = get_args(Relation)
# "A before B" read from B's side.
MIRRORED_RELATION = {"before": "after", "after": "before", "concurrent": "concurrent",
                     "back_to_back": "back_to_back", "overlap": "overlap"}


M = TypeVar("M", bound=BaseModel)
_FIELDS_SETS: dict[tuple[type, frozenset[str]], set[str]] = {}


def share_fields_set(model: M) -> M:
    """The model, its record of which fields the caller gave (`model_fields_set`) the one
    set every model of its class given the same fields shares. pydantic keeps a set for each
    instance, about a third of a claim's memory; a corpus of a million articles keeps some
    200,000 claims, and nothing here reads that record. (Were a field of a claim assigned,
    the name would join the shared set; claims are changed by `model_copy`, which copies it.)"""
    fields = model.__pydantic_fields_set__
    shared = _FIELDS_SETS.setdefault((type(model), frozenset(fields)), fields)
    if shared is not fields:
        object.__setattr__(model, "__pydantic_fields_set__", shared)
    return model


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Published(Frozen):
    """An article's publication date (the DCT) at the precision it was given."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def value(self) -> str:
        """The TIMEX3 value of the publication date: "2016", "2016-05" or "2016-05-12"."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        if self.day:
            return self.earliest
        if self.month:
            next_month = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return next_month - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)


class Article(BaseModel):
    """One article: its metadata from front matter (or the JSON Lines record) and its body."""

    model_config = ConfigDict(extra="forbid")

    id: str
    body: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: Published | None = None
    path: str | None = None
    # 1-based line of the file on which the body starts, so evidence can be located.
    body_line: int = 1


class Subject(Frozen):
    work: str
    season: int | None = None


class EventRef(Frozen):
    """The other side of an order claim."""

    work: str
    season: int | None = None
    event: Event


class TimeValue(Frozen):
    value: str | None
    mod: TimeMod | None = None


class Evidence(Frozen):
    start: int
    end: int
    text: str


class ImpossibleDate(Frozen):
    """A calendar date no calendar has, as an article writes it ("February 30, 2017"): the
    extractor notes it beside the claims (it times no claim) for the invalid-date check."""

    article: str
    start: int
    end: int
    text: str
    month: int
    day: int
    year: int | None = None


class Interval(Frozen):
    """The days a claim's time can fall on, both ends included; None is unbounded."""

    earliest: dt.date | None
    latest: dt.date | None


class Claim(BaseModel):
    """A dated claim: CONTRACT §2 fields, then what the rule engine needs."""

    model_config = ConfigDict(extra="forbid")

    id: str
    article: str
    subject: Subject
    event: Event
    time: TimeValue | None = None
    relation: Relation | None = None
    object: EventRef | None = None
    tense: Tense
    modality: Modality
    negated: bool = False
    speaker: str | None = None
    evidence: Evidence
    # Beyond the contract:
    time_text: str | None = Field(default=None, description="the time expression as written")
    interval: Interval | None = None
    # How sure the extractor is of this reading (claims/extract/confidence.py); a claim made
    # elsewhere and handed in is taken as stated.
    confidence: float = Field(default=1.0, ge=0.0, le=1.0,
                              description="how sure the extractor is of this reading, 0 to 1")
    kind: WorkKind | None = Field(default=None, description="the subject work's kind, from the work registry")
    # How the extractor read the claim: the trigger and the strategy each step took (for
    # `checker extract --explain` and the strategy table tests; not part of the JSON).
    explain: dict[str, str] = Field(default_factory=dict, exclude=True)
    superseded: bool = Field(default=False, description=(
        "an old date the article itself reports as moved away from ('originally set for X', "
        "'moved from X'): right when it was current, no conflict with the new date"))
    time_is_now: bool = Field(default=False, description=(
        "the time expression says 'now' ('currently', 'as we speak'): the article's own date "
        "stands for it, rather than a date someone gave"))

    def compacted(self, parts: dict) -> Claim:
        """The claim made smaller for the claims a corpus keeps: its subject, time, interval,
        other event and `explain` the equal ones `parts` already holds (most claims of a
        corpus name a few works and dates, and read them by a few strategies), and every
        part's record of given fields shared (`share_fields_set`). Nothing changes them after
        extraction. About 3.9 KiB a real article's claim before, 1.9 after."""
        for name in ("subject", "time", "interval", "object"):
            part = self.__dict__[name]
            if part is not None:
                # (the fields' values changed in place: the claim's model is not frozen, but an
                # assignment would add the name to the shared record of given fields)
                self.__dict__[name] = parts.setdefault(part, share_fields_set(part))
        self.__dict__["explain"] = parts.setdefault(("explain", *self.explain.items()), self.explain)
        share_fields_set(self.evidence)
        return share_fields_set(self)

    def contract_dict(self) -> dict:
        """The claim as CONTRACT §2 prints it, with the extra fields after."""
        return self.model_dump(mode="json")
