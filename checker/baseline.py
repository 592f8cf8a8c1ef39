"""Baselines: the fingerprints of findings already known, so that a check reports new ones.

The file is JSON a person can review in a diff: a version, when it was made, and one entry
per finding (fingerprint, rule, work, message), in a stable order.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from checker.config import ConfigError, read_text
from checker.findings import Finding
from checker.reports.text import clean
from checker.rules.wording import work

DEFAULT_FILE = "checker-baseline.json"
VERSION = 1


def entry(finding: Finding) -> dict:
    # clean(): the message quotes article text, and the file is read in terminals and diffs.
    return {"fingerprint": finding.fingerprint, "rule": finding.rule,
            "work": work(finding.subject) if finding.subject else None,
            "message": clean(finding.message)}


def render(findings: list[Finding]) -> str:
    entries = sorted((entry(finding) for finding in findings),
                     key=lambda item: (item["work"] or "", item["rule"], item["fingerprint"]))
    created = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    document = {"version": VERSION, "created": created, "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write(path: Path, findings: list[Finding]) -> None:
    try:
        path.write_text(render(findings), encoding="utf-8")
    except OSError as err:
        raise ConfigError(f"{path}: cannot write the baseline ({err.strerror or err})") from None


def read_fingerprints(path: Path) -> set[str]:
    """The fingerprints a baseline file holds; a missing or malformed file is a ConfigError."""
    if not path.exists():
        raise ConfigError(f"{path}: no such baseline (write one with `checker baseline`)")
    try:
        document = json.loads(read_text(path))
    except json.JSONDecodeError as err:
        raise ConfigError(f"{path}:{err.lineno}: not a baseline (invalid JSON: {err.msg})") from None
    if not isinstance(document, dict) or document.get("version") != VERSION:
        raise ConfigError(f"{path}: not a baseline (expected a JSON object with \"version\": {VERSION})")
    entries = document.get("findings")
    if not isinstance(entries, list) or not all(
            isinstance(item, dict) and isinstance(item.get("fingerprint"), str) for item in entries):
        raise ConfigError(f"{path}: not a baseline (\"findings\" must be a list of entries "
                          "with a \"fingerprint\")")
    return {item["fingerprint"] for item in entries}
