"""The rule registry: adding a rule is one module, one import, one entry."""
from __future__ import annotations

from checker.rules import (date_conflict, invalid_date, mixed_tense, name_variant, order_conflict,
                           refinement, tense_drift)
from checker.rules.base import Rule

RULES: dict[str, Rule] = {rule.id: rule for rule in (
    date_conflict.RULE,
    invalid_date.RULE,
    mixed_tense.RULE,
    name_variant.RULE,
    order_conflict.RULE,
    refinement.RULE,
    tense_drift.RULE,
)}
