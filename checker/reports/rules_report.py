"""The rules as `checker rules` lists them: id, severity, scope, whether the configuration
runs it, and what it flags (each rule's page under docs/rules/ says more)."""
from __future__ import annotations

import json

from checker.config import Settings
from checker.reports import fit
from checker.rules import RULES
from checker.rules.base import Rule


def rule_rows(settings: Settings) -> list[dict]:
    """One entry per rule, as this configuration runs it (its severity and options there)."""
    return [{"id": rule.id, "severity": (settings.severity.get(rule.id) or rule.severity).value,
             "default_severity": rule.severity.value, "scope": rule.scope.value,
             "enabled": settings.rules.get(rule.id, True), "summary": rule.summary,
             "options": options_of(rule, settings), "docs": f"docs/rules/{rule.id}.md"}
            for rule in sorted(RULES.values(), key=lambda rule: rule.id)]


def options_of(rule: Rule, settings: Settings) -> dict:
    """The rule's options as the configuration sets them, under the keys users write."""
    values = rule.options(**settings.options.get(rule.id, {})).model_dump(mode="json")
    return {name.replace("_", "-"): value for name, value in values.items()}


def render_table(settings: Settings) -> str:
    rows = [(row["id"], row["severity"], row["scope"], "on" if row["enabled"] else "off", row["summary"])
            for row in rule_rows(settings)]
    # The summary wraps at 60 columns even on a wide terminal, at what is left on a narrow one.
    rows = [(*row[:4], fit.wrapped(row[4], 60)) for row in rows]
    return fit.table(rows, ("rule", "severity", "scope", "runs", "flags"), fit.terminal_width(), {4: 20})


def render_json(settings: Settings) -> str:
    return json.dumps({"rules": rule_rows(settings)}, indent=2, ensure_ascii=False)


RULE_FORMATS = {"table": render_table, "json": render_json}
