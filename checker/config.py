"""The checker's settings: one validated object, from `[tool.checker]` or a `checker.toml`.

Loading and validating the files is `load_settings`; the engine only ever sees `Settings`.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from checker.findings import Severity


class Aliases(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # canonical title -> other ways outlets write it ("The Defenders": ["Defenders"])
    works: dict[str, list[str]] = Field(default_factory=dict)
    # canonical name -> accepted spellings that name-variant leaves alone
    people: dict[str, list[str]] = Field(default_factory=dict)


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    paths: list[str] = Field(default_factory=list)          # the corpus when none is given
    rules: dict[str, bool] = Field(default_factory=dict)    # rule id -> on/off
    severity: dict[str, Severity] = Field(default_factory=dict)  # rule id -> severity
    options: dict[str, dict] = Field(default_factory=dict)  # rule id -> the rule's Options
    fail_on: Severity = Severity.ERROR
    baseline: str | None = None
    aliases: Aliases = Field(default_factory=Aliases)
