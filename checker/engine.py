"""Claims in, findings out: read the articles, extract their claims, run the rules.

Claims are indexed by folded work, season and event, so an event-scoped rule only ever
compares claims that share a key: checking grows with the claims per key, not with the
square of all claims. Shared judgement lives here: severity from modality, the finding's
fingerprint, ids.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from checker.config import Settings
from checker.progress import Progress
from checker.findings import Citation, Finding, Severity
from checker.rules import RULES, timeline
from checker.rules.base import Conflict, Corpus, Rule, Scope
from claims.extract.pipeline import extract_corpus
from claims.extract.spellings import Spellings
from claims.extract.works import WorkLexicon, fold_title
from claims.models import Article, Claim
from claims.reading import ReadProblem, read_articles

# A claim that is only rumored or guessed at makes a conflict worth a look, not an error.
SOFT_MODALITIES = {"rumored", "speculative"}


@dataclass
class Report:
    """Everything one run found: what the reports render and the CLI's exit status depends on."""

    articles: list[Article]
    claims: list[Claim]
    problems: list[ReadProblem]
    findings: list[Finding] = field(default_factory=list)
    lexicon: WorkLexicon | None = None
    spellings: Spellings | None = None   # how the articles spell names, for name-variant
    explain: bool = False   # show how each claim was read (`checker extract --explain`)

    @property
    def undated(self) -> list[Article]:
        return [article for article in self.articles if article.published is None]

    @property
    def article_by_id(self) -> dict[str, Article]:
        return {article.id: article for article in self.articles}

    @property
    def claim_by_id(self) -> dict[str, Claim]:
        return {claim.id: claim for claim in self.claims}


def enabled_rules(settings: Settings) -> list[Rule]:
    return [rule for rule in RULES.values() if settings.rules.get(rule.id, True)]


def make_corpus(claims: list[Claim], articles: list[Article], lexicon: WorkLexicon | None,
                settings: Settings, spellings: Spellings | None = None) -> Corpus:
    work_aliases = {fold_title(alias): fold_title(title)
                    for title, aliases in settings.aliases.works.items() for alias in aliases}
    person_aliases = {alias: name for name, aliases in settings.aliases.people.items()
                      for alias in aliases}
    return Corpus(articles={article.id: article for article in articles}, claims=claims,
                  lexicon=lexicon, work_aliases=work_aliases, person_aliases=person_aliases,
                  spellings=spellings)


def index_by_event(claims: Iterable[Claim], corpus: Corpus) -> dict[tuple, list[Claim]]:
    """Claims grouped by folded work, season and event (order claims under their subject)."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[corpus.event_key(claim)].append(claim)
    return groups


def find_conflicts(claims: list[Claim], articles: list[Article],
                   lexicon: WorkLexicon | None = None, settings: Settings | None = None,
                   progress: Progress | None = None, spellings: Spellings | None = None) -> list[Finding]:
    """Run every enabled rule; the findings sorted by work, season, event and rule, ids f1...
    (`progress` is told how many rules have run; `spellings`, collected by extraction, spare
    name-variant a reading of every body)."""
    settings = settings or Settings()
    corpus = make_corpus(claims, articles, lexicon, settings, spellings)
    groups = index_by_event(claims, corpus)
    findings: dict[str, Finding] = {}
    rules = enabled_rules(settings)
    for number, rule in enumerate(rules):
        if progress:
            progress(f"running rules: {rule.id}", number, len(rules), "")
        options = rule.options(**settings.options.get(rule.id, {}))
        batches = groups.values() if rule.scope is Scope.EVENT else [claims]
        for batch in batches:
            for conflict in rule.check(batch, corpus, options):
                finding = make_finding(rule, conflict, corpus, settings)
                findings.setdefault(finding.fingerprint, finding)
    ordered = sorted(findings.values(), key=sort_key)
    return [finding.model_copy(update={"id": f"f{number}"}) for number, finding in enumerate(ordered, 1)]


def sort_key(finding: Finding) -> tuple:
    subject = finding.subject
    return (fold_title(subject.work) if subject else "", subject.season or 1 if subject else 0,
            finding.event or "", -finding.severity.rank, finding.rule, finding.fingerprint)


def severity_of(rule: Rule, conflict: Conflict, corpus: Corpus, settings: Settings) -> Severity:
    """The configured severity, else the rule's; an error drops to a warning when one of
    the claims is only rumored or speculated, and any finding to info when one of its event
    claims rests on a doubtful reading (`rests_on_doubt`)."""
    severity = settings.severity.get(rule.id) or conflict.severity or rule.severity
    if rests_on_doubt(conflict, corpus, settings):
        return Severity.INFO
    if severity is Severity.ERROR and any(claim.modality in SOFT_MODALITIES for claim in conflict.claims):
        return Severity.WARNING
    return severity


def rests_on_doubt(conflict: Conflict, corpus: Corpus, settings: Settings) -> bool:
    """The claims a finding is about (its anchor: the odd one out, the stale one) include a
    doubtful reading, or every claim it holds them against is one. Doubtful: an event claim
    read with less than `min-confidence`, or one about a series' cycle it does not number."""
    def doubtful(claim: Claim) -> bool:
        return not claim.relation and (claim.confidence < settings.min_confidence
                                       or timeline.unpinned_cycle(claim, corpus))

    anchor = list(conflict.anchor) if conflict.anchor is not None else list(conflict.claims)
    others = [claim for claim in conflict.claims if not any(claim is a for a in anchor)]
    return any(doubtful(claim) for claim in anchor) or bool(others) and all(doubtful(claim) for claim in others)


def claim_identity(claim: Claim, corpus: Corpus) -> str:
    """What a claim says, without its id or offsets: stable when other articles change."""
    time = claim.time.value if claim.time else None
    mod = claim.time.mod if claim.time else None
    return "/".join(str(part) for part in (claim.article, *corpus.event_key(claim), time, mod,
                                            claim.relation, corpus.object_key(claim),
                                            claim.negated, claim.tense))


def fingerprint(rule: Rule, conflict: Conflict, subject_key: tuple, corpus: Corpus) -> str:
    parts = [rule.id, *map(str, subject_key)]
    anchor = conflict.anchor if conflict.anchor is not None else conflict.claims
    parts += sorted(claim_identity(claim, corpus) for claim in anchor)
    if not conflict.claims:  # a finding about a name: the odd spelling and where it is
        norm = conflict.subject.work if conflict.subject else None
        parts += sorted({f"{cite.article}/{cite.text}" for cite in conflict.citations if cite.text != norm})
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def make_finding(rule: Rule, conflict: Conflict, corpus: Corpus, settings: Settings) -> Finding:
    first = conflict.claims[0] if conflict.claims else None
    subject = conflict.subject or (first.subject if first else None)
    event = None if conflict.no_subject else conflict.event or (first.event if first else None)
    subject_key = (corpus.work_key(subject.work) if subject else "",
                   subject.season or 1 if subject else 0, event)
    evidence = [Citation(article=claim.article, claim=claim.id, start=claim.evidence.start,
                         end=claim.evidence.end, text=claim.evidence.text) for claim in conflict.claims]
    evidence += list(conflict.citations)
    articles = list(dict.fromkeys(cite.article for cite in evidence))
    return Finding(id="", rule=rule.id, severity=severity_of(rule, conflict, corpus, settings),
                   subject=subject, event=event,
                   claims=list(dict.fromkeys(claim.id for claim in conflict.claims)),
                   articles=articles, message=conflict.message,
                   fingerprint=fingerprint(rule, conflict, subject_key, corpus), evidence=evidence)


def extract(targets: Iterable[str], published: str | None = None,
            settings: Settings | None = None, progress: Progress | None = None,
            with_spellings: bool = False) -> Report:
    """Read the articles under the targets and extract their claims (`checker extract`);
    `progress` (checker/progress.py) is told how far each step is; `with_spellings` also
    collects how the articles spell names, for name-variant."""
    articles, problems = read_articles(targets, published, progress)
    settings = settings or Settings()
    extraction = extract_corpus(articles, settings.work_config(), settings.workers(), progress, with_spellings)
    return Report(articles=articles, claims=extraction.claims, problems=problems,
                  lexicon=extraction.lexicon, spellings=extraction.spellings)


def check(targets: Iterable[str], published: str | None = None,
          settings: Settings | None = None, progress: Progress | None = None) -> Report:
    """Extract the claims and look for conflicts among them (`checker check`)."""
    settings = settings or Settings()
    spelled = any(rule.reads_spellings for rule in enabled_rules(settings))
    report = extract(targets, published, settings, progress, with_spellings=spelled)
    report.findings = find_conflicts(report.claims, report.articles, report.lexicon, settings, progress,
                                     report.spellings)
    return report
