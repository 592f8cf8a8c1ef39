"""Findings: what the rule engine reports (CONTRACT §3), and the severities they carry."""
from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from claims.models import Event, Subject


class Severity(str, Enum):
    """How much a finding matters; `--fail-on` compares against this order."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return SEVERITY_ORDER.index(self)


SEVERITY_ORDER = (Severity.INFO, Severity.WARNING, Severity.ERROR)


class Citation(BaseModel):
    """One piece of evidence a finding rests on: a claim's span, or a name as written."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    article: str
    claim: str | None = None
    start: int
    end: int
    text: str


class Finding(BaseModel):
    """A finding in the CONTRACT §3 shape, then what reports and baselines need."""

    model_config = ConfigDict(extra="forbid")

    id: str
    rule: str
    severity: Severity
    subject: Subject | None = None
    event: Event | None = None
    claims: list[str]
    articles: list[str]
    message: str
    # Beyond the contract:
    fingerprint: str
    evidence: list[Citation] = []
    # The claims the finding reports (the odd one out, the stale one, the clashing order
    # claims): the others are what they are held against. Pictures draw only these as the
    # conflict; not part of the JSON report.
    flagged: list[str] = Field(default_factory=list, exclude=True)

    def contract_dict(self) -> dict:
        return self.model_dump(mode="json")
