"""How sure a reading is: each claim's confidence, from how its work, time and year were found.

A conflict between sources is only as good as the two readings it rests on: "The drama returns
Tuesday" read through a pronoun, or a work the registry took on one cue, is a weaker reading
than "Copper Valley premieres on May 3". A claim starts at `base` (claims/data/confidence.yaml)
and loses what each factor says; the rule engine (checker/engine.py) makes a date or tense
finding that rests on a claim below `min-confidence` an info finding, not an alarm. Order
claims keep the confidence order.py gives them.
"""
from __future__ import annotations

from collections import Counter
from functools import cache

from claims.extract import lexicon
from claims.extract.works import WorkLexicon
from claims.models import Claim

FLOOR = 0.1


@cache
def weights() -> dict:
    return lexicon.load("confidence")


def of(claim: Claim, works: WorkLexicon, focus: str | None = None, named_in: Counter | None = None,
       strong_focus: bool = True) -> float:
    """The claim's confidence, 0.1 to `base`; `focus` is the key of the article's focus work
    (`strong_focus`: named in its headline or in three sentences), `named_in` how many
    sentences of the article tell of each work."""
    data = weights()
    explain = claim.explain
    key = works.key_of(claim.subject.work)
    on_focus = focus is not None and key == focus
    lost = data["subject"].get(explain.get("subject", ""), 0.0) * (data["focus_discount"] if on_focus else 1.0)
    if explain.get("work") == "referred to" and not on_focus:
        lost += data["referred_to"]
    lost += data["time"].get(explain.get("time", ""), 0.0)
    lost += data["year"].get(explain.get("year", ""), 0.0)
    if explain.get("rival"):
        lost += data["rival_antecedent"]
    if thin_evidence(claim, works):
        lost += data["thin_evidence"]
    if named_in is not None and not (on_focus and strong_focus) and named_in.get(key, 0) < 2:
        lost += data["passing_mention"]
    return round(max(FLOOR, data["base"] - lost), 2)


def thin_evidence(claim: Claim, works: WorkLexicon) -> bool:
    """The registry took the work on one kind of cue only."""
    key = works.key_of(claim.subject.work)
    work = works.registry.works.get(key) if key else None
    if work is None:
        return False
    kinds = {item.cue for item in work.evidence if not item.cue.startswith("against")}
    return len(kinds) < 2
