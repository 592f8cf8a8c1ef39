"""A claim's own clause clashes in tense: "Ember Falls will debuted on September 30".

Why: a clash like this is usually a half-edited sentence: a future statement was turned
into a report (or back) and one verb was missed, so readers cannot tell whether the event
has happened.
Flags: "Ember Falls will debuted on Netflix on September 30, 2016."; "filming has begin";
"it did premiered in March".
Passes: "Ember Falls will debut on Netflix on September 30, 2016."; "The show debuted in
September and will return next year." (two clauses, each in one tense); "has come" (a
participle like its base form).
Fix: choose the tense that fits the publication date ("will debut" before the premiere,
"debuted" after it) and correct the verb.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from checker.findings import Severity
from checker.rules import wording
from checker.rules.base import Conflict, Corpus, Rule, RuleOptions, Scope
from claims.models import Claim


def check(claims: Sequence[Claim], corpus: Corpus, options: RuleOptions) -> Iterator[Conflict]:
    for claim in claims:
        if claim.tense == "mixed":
            yield Conflict(claims=[claim], message=(
                f"{wording.source(claim.article, corpus.articles)} mixes tenses in one clause "
                f"about {wording.event_of(claim.event, claim.subject, claim.kind)}: "
                f"{wording.quote(claim.evidence.text)}"))


RULE = Rule(id="mixed-tense", severity=Severity.ERROR,
            summary="A claim's clause mixes future and past tense (\"will debuted\").",
            scope=Scope.EVENT, check=check, doc=__doc__)
