"""The checker's settings: one validated object, from `[tool.checker]` or a `checker.toml`.

Loading and validating the files is `load_settings`; the engine only ever sees `Settings`.
"""
from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker import rules
from checker.findings import SEVERITY_ORDER, Severity
from claims.extract.parallel import DaskCluster, Jobs
from claims.extract.registry import WorkConfig
from claims.reading import LARGEST_ARTICLE_LIMIT, MAX_ARTICLE_BYTES

CONFIG_FILE = "checker.toml"
PYPROJECT = "pyproject.toml"
NEVER = "never"
SEVERITIES = tuple(level.value for level in reversed(SEVERITY_ORDER))  # error first
FAIL_ON_LEVELS = (*SEVERITIES, NEVER)


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
    fail_on: Severity | Literal["never"] = Severity.ERROR
    baseline: str | None = None
    # The review store: a SQLite file path or a database URL (postgresql://...).
    store: str | None = None
    aliases: Aliases = Field(default_factory=Aliases)
    # Names the work registry must never take for a film or series ("Kylie Cosmetics").
    not_works: list[str] = Field(default_factory=list)
    # A date, tense or order finding that rests on a claim read with less confidence than this
    # (claims/data/confidence.yaml) is info, not an alarm.
    min_confidence: float = Field(default=0.7, ge=0.0, le=1.0)
    # Worker processes for extraction (None: every core); small corpora use one.
    jobs: int | None = Field(default=None, ge=1)
    # A Dask scheduler ("tcp://host:8786") to run extraction on instead (the `dask` extra).
    dask: str | None = None
    # An article (a file, or a JSON Lines record) bigger than this, in bytes, is reported and
    # not read; written "4MB", "512KB" (1,024-based) or a number of bytes.
    max_article_size: int = Field(default=MAX_ARTICLE_BYTES, ge=1, le=LARGEST_ARTICLE_LIMIT)

    def workers(self) -> Jobs:
        """Where extraction runs: the Dask cluster if one is set, else `jobs` processes here."""
        return DaskCluster(self.dask) if self.dask else self.jobs

    def work_config(self) -> WorkConfig:
        """What the configuration tells the work registry: aliases and names that are not works."""
        return WorkConfig(aliases={title: list(names) for title, names in self.aliases.works.items()},
                          not_works=list(self.not_works))


# The keys as users write them: `fail-on` (`fail_on` is accepted too).
KEYS = [name.replace("_", "-") for name in Settings.model_fields]
RULE_TABLES = ("rules", "severity", "options")


def fails(severity: Severity, fail_on: Severity | str) -> bool:
    """Whether a finding of this severity fails the run (exit status 1)."""
    return fail_on != NEVER and severity.rank >= Severity(fail_on).rank


class ConfigError(Exception):
    """A configuration (or baseline) file that cannot be used; the message names the file
    and, where there is one, the key."""


@dataclass(frozen=True)
class Source:
    """The file and table settings are read from, so that every error can name them."""

    path: Path
    table: str  # "tool.checker" in pyproject.toml, "" (top level) in checker.toml

    def error(self, problem: str, subtable: str = "") -> ConfigError:
        name = ".".join(part for part in (self.table, subtable) if part)
        where = f"[{name}] " if name else ""
        return ConfigError(f"{self.path}: {where}{problem}")


def load_settings(start: Path, explicit: Path | None = None) -> Settings:
    """The settings from `explicit`, else from the nearest configuration file at or above
    `start`; the defaults when there is none. Raises ConfigError."""
    path = explicit if explicit is not None else find_config(start)
    if path is None:
        return Settings()
    document = read_toml(path)
    if path.name != PYPROJECT:
        return parse_settings(document, Source(path, ""))
    table = tool_checker(document)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: no [tool.checker] table")
    return parse_settings(table, Source(path, "tool.checker"))


def tool_checker(pyproject: dict):
    tool = pyproject.get("tool")
    return tool.get("checker") if isinstance(tool, dict) else None


def find_config(start: Path) -> Path | None:
    """`checker.toml`, or a `pyproject.toml` with a [tool.checker] table, in `start` or a
    folder above it, up to the root of the git repository."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return relative(folder / CONFIG_FILE)
        pyproject = relative(folder / PYPROJECT)
        if pyproject.is_file() and tool_checker(read_toml(pyproject)) is not None:
            return pyproject
        if (folder / ".git").exists():
            break
    return None


def read_text(path: Path) -> str:
    """A settings or baseline file's text; one that cannot be read is a ConfigError."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise ConfigError(f"{path}: cannot read ({err.strerror or err})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None


def read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None


def parse_settings(table: dict, source: Source) -> Settings:
    """Settings from one table's keys; the first mistake is a ConfigError naming its key."""
    values = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in Settings.model_fields:
            top_level = key == "tool" and not source.table
            hint = " (checker.toml takes the keys at the top level)" if top_level else ""
            raise source.error(unknown("key", key, KEYS) + hint)
        values[name] = value
    for name in RULE_TABLES:
        values[name] = by_rule_id(values.get(name, {}), source, name)
    for rule, level in values["severity"].items():
        if level not in SEVERITIES:
            raise source.error(f"{rule}: {level!r} is not a severity (use error, warning or info)",
                               "severity")
    if values.get("fail_on", "error") not in FAIL_ON_LEVELS:
        raise source.error(f"fail-on: {values['fail_on']!r} is not a level "
                           "(use error, warning, info or never)")
    values["options"] = {rule: rule_options(rule, given, source)
                         for rule, given in values["options"].items()}
    if isinstance(values.get("paths"), str):
        values["paths"] = [values["paths"]]
    if isinstance(values.get("max_article_size"), str):
        try:
            values["max_article_size"] = parse_size(values["max_article_size"])
        except ValueError as err:
            raise source.error(f"max-article-size: {err}") from None
    try:
        settings = Settings(**values)
    except ValidationError as err:
        raise source.error(describe(err, "key", KEYS)) from None
    # Relative paths start at the configuration's folder, wherever checker is run from.
    return settings.model_copy(update={
        "paths": [beside(source.path, corpus) for corpus in settings.paths],
        "baseline": settings.baseline and beside(source.path, settings.baseline),
        "store": settings.store and (settings.store if "://" in settings.store
                                     else beside(source.path, settings.store))})


SIZE = re.compile(r"\s*(\d[\d,_]*)\s*(|b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib)\s*", re.IGNORECASE)
UNITS = {"": 1, "b": 1, "byte": 1, "bytes": 1, "k": 2**10, "kb": 2**10, "kib": 2**10,
         "m": 2**20, "mb": 2**20, "mib": 2**20, "g": 2**30, "gb": 2**30, "gib": 2**30}


def parse_size(text: str) -> int:
    """A size as people write it: "4MB", "512 KB", "1GB" (1,024-based), or bytes: "100000"."""
    match = SIZE.fullmatch(text)
    size = int(match.group(1).replace(",", "").replace("_", "")) * UNITS[match.group(2).lower()] if match else 0
    if size < 1:
        raise ValueError(f"{text!r} is not a size (write bytes, or a number with KB, MB or GB: 4MB)")
    if size > LARGEST_ARTICLE_LIMIT:
        raise ValueError(f"{text!r} is over the largest size an article may have (4 GB less one byte)")
    return size


def by_rule_id(given, source: Source, name: str) -> dict:
    """A rules/severity/options table with its keys checked against the rule registry."""
    if not isinstance(given, dict):
        raise source.error(f"{name}: expected a table keyed by rule id")
    checked = {}
    for key, value in given.items():
        rule = key.replace("_", "-")
        if rule not in rules.RULES:
            raise source.error(unknown("rule", key, list(rules.RULES)), name)
        checked[rule] = value
    return checked


def rule_options(rule: str, given, source: Source) -> dict:
    """One rule's options, validated by the rule's own options model."""
    subtable = f"options.{rule}"
    if not isinstance(given, dict):
        raise source.error("expected a table of option names and values", subtable)
    options = {key.replace("-", "_"): value for key, value in given.items()}
    model = rules.RULES[rule].options
    try:
        model(**options)
    except ValidationError as err:
        known = [name.replace("_", "-") for name in model.model_fields]
        raise source.error(describe(err, "option", known), subtable) from None
    return options


def describe(err: ValidationError, kind: str, known: list[str]) -> str:
    """pydantic's first complaint, with the key written the way users write it."""
    first = err.errors()[0]
    loc = [str(part) for part in first["loc"]]
    key = ".".join([loc[0].replace("_", "-"), *loc[1:]]) if loc else ""
    if first["type"] == "extra_forbidden":
        # `known` are the top-level names; a nested key gets no suggestion from them.
        return unknown(kind, key, known if len(loc) == 1 else [])
    return f"{key}: {first['msg']}" if key else first["msg"]


def unknown(kind: str, key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key.replace("_", "-"), known, n=1)
    return f"unknown {kind} {key!r}" + (f" (did you mean {close[0]!r}?)" if close else "")


def beside(config: Path, path: str) -> str:
    """A path from the configuration, relative to its folder, as seen from here."""
    return path if Path(path).is_absolute() else os.path.relpath(config.parent / path)


def relative(path: Path) -> Path:
    """A file found by searching, named as the user would type it from here."""
    return Path(os.path.relpath(path))
