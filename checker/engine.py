"""Claims in, findings out: read the articles, extract their claims, run the rules.

Claims are indexed by folded work, season and event, so an event-scoped rule only ever
compares claims that share a key: checking grows with the claims per key, not with the
square of all claims. Shared judgement lives here: severity from modality, the finding's
fingerprint, ids.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from functools import cache
from typing import Iterable, Mapping

from checker.config import Settings
from checker.progress import Progress
from checker.report import Report
from checker.findings import Citation, Finding, Severity
from checker.rules import RULES, timeline
from checker.rules.base import Conflict, Corpus, Rule, Scope
from claims.extract import snapshot, works
from claims.extract import spellings as spellings_module
from claims.extract.parallel import cycle_collection_paused
from claims.extract.pipeline import extract_corpus
from claims.extract.temporal.impossible import impossible_dates as find_impossible_dates
from claims.names import Spellings
from claims.extract.works import WorkLexicon
from claims.keys import fold_title
from claims.models import Article, Claim, ImpossibleDate, Subject
from claims.reading import StandardInput, read_articles
from claims.spool import ArticleSpool

# A claim that is only rumored or guessed at makes a conflict worth a look, not an error.
SOFT_MODALITIES = {"rumored", "speculative"}


def enabled_rules(settings: Settings) -> list[Rule]:
    return [rule for rule in RULES.values() if settings.rules.get(rule.id, True)]


def reads_spellings(settings: Settings) -> bool:
    """An enabled rule compares how the articles spell names: extraction collects them."""
    return any(rule.reads_spellings for rule in enabled_rules(settings))


def reads_impossible_dates(settings: Settings) -> bool:
    return any(rule.reads_impossible_dates for rule in enabled_rules(settings))


def articles_by_id(articles: Iterable[Article] | Mapping[str, Article]) -> Mapping[str, Article]:
    """The articles by id: a spool's are read from its file when asked for, not all at once."""
    if isinstance(articles, Mapping):
        return articles
    if isinstance(articles, ArticleSpool):
        return articles.by_id
    return {article.id: article for article in articles}


def make_corpus(claims: list[Claim], articles: Iterable[Article] | Mapping[str, Article], lexicon: WorkLexicon | None,
                settings: Settings, spellings: Spellings | None = None,
                focus: set[str] | None = None, article_works: dict[str, set[str]] | None = None,
                impossible_dates: list[ImpossibleDate] | None = None) -> Corpus:
    work_aliases = {fold_title(alias): fold_title(title)
                    for title, aliases in settings.aliases.works.items() for alias in aliases}
    person_aliases = {alias: name for name, aliases in settings.aliases.people.items()
                      for alias in aliases}
    return Corpus(articles=articles_by_id(articles), claims=claims,
                  lexicon=lexicon, work_aliases=work_aliases, person_aliases=person_aliases,
                  spellings=spellings, focus=focus, article_works=article_works, names=EXTRACTOR_NAMES,
                  impossible_dates=impossible_dates)


class ExtractorNames:
    """The extractor's name lists, as name checks consult them (rules.base.NameLists)."""

    @cache
    def given_names(self) -> frozenset[str]:
        return works.given_names()

    def is_calendar_word(self, word: str) -> bool:
        return works.is_calendar_word(word)


EXTRACTOR_NAMES = ExtractorNames()


def index_by_event(claims: Iterable[Claim], corpus: Corpus) -> dict[tuple, list[Claim]]:
    """Claims grouped by folded work, season and event (order claims under their subject)."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[corpus.event_key(claim)].append(claim)
    return groups


def find_conflicts(claims: list[Claim], articles: Iterable[Article] | Mapping[str, Article],
                   lexicon: WorkLexicon | None = None, settings: Settings | None = None,
                   progress: Progress | None = None, spellings: Spellings | None = None,
                   focus: set[str] | None = None, article_works: dict[str, set[str]] | None = None,
                   impossible_dates: list[ImpossibleDate] | None = None) -> list[Finding]:
    """Run every enabled rule; the findings sorted by work, season, event and rule, ids f1...
    (`progress` is told how many rules have run; `spellings`, collected by extraction, spare
    name-variant a reading of every body; `focus`: only findings involving these articles
    are needed, so the rules may skip the rest; `article_works`: what each article makes
    claims about, when `claims` are only some of the corpus's; `impossible_dates`: the
    dates no calendar has that extraction noted, else found in the bodies when needed)."""
    settings = settings or Settings()
    articles = articles_by_id(articles)
    if spellings is None and reads_spellings(settings):   # (claims from elsewhere: read the bodies)
        titles = spellings_module.title_pattern(lexicon.titles.values() if lexicon else ())
        spellings = spellings_module.collect(articles.values(), titles)
    if impossible_dates is None and reads_impossible_dates(settings):
        impossible_dates = [date for article in articles.values() for date in find_impossible_dates(article)]
    corpus = make_corpus(claims, articles, lexicon, settings, spellings, focus, article_works, impossible_dates)
    groups = index_by_event(claims, corpus)
    if focus is not None:
        groups = {key: group for key, group in groups.items() if any(claim.article in focus for claim in group)}
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
    """By work, season and event; findings about no work (a date no calendar has) last, in
    the order the articles write them."""
    subject = finding.subject
    if subject is None:
        where = [(cite.article, cite.start) for cite in finding.evidence[:1]]
        return (True, "", 0, "", -finding.severity.rank, finding.rule, where, finding.fingerprint)
    return (False, fold_title(subject.work), subject.season or 1, finding.event or "", -finding.severity.rank,
            finding.rule, [], finding.fingerprint)


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
    if not conflict.claims:  # a finding about text, not claims: the odd spelling (or date) and where it is
        parts += sorted({f"{cite.article}/{cite.text}" for cite in odd_spellings(conflict.citations, conflict.subject)})
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def odd_spellings(citations: Iterable[Citation], subject: Subject | None) -> list[Citation]:
    """A name finding's citations of the odd spelling: those that do not write the name as
    most sources do (its subject)."""
    norm = subject.work if subject else None
    return [cite for cite in citations if cite.text != norm]


def answerable_articles(finding: Finding) -> list[str]:
    """The articles a finding holds to account: for a finding about a name, those that write
    the odd spelling (not the many that spell it as most do, as its fingerprint has it);
    for the others, every article it cites."""
    if finding.claims or finding.subject is None:
        return finding.articles
    return list(dict.fromkeys(cite.article for cite in odd_spellings(finding.evidence, finding.subject)))


# A finding cites at most this many claims, its own first (the corpora's largest cites 11):
# thousands of sources on the other side of one date would otherwise be listed in each of
# thousands of findings. Its message still counts them all, and its severity and
# fingerprint still weigh them all.
MAX_CITED_CLAIMS = 50


def make_finding(rule: Rule, conflict: Conflict, corpus: Corpus, settings: Settings) -> Finding:
    first = conflict.claims[0] if conflict.claims else None
    subject = conflict.subject or (first.subject if first else None)
    event = None if conflict.no_subject else conflict.event or (first.event if first else None)
    subject_key = (corpus.work_key(subject.work) if subject else "",
                   subject.season or 1 if subject else 0, event)
    cited = conflict.claims[:MAX_CITED_CLAIMS]
    evidence = [Citation(article=claim.article, claim=claim.id, start=claim.evidence.start,
                         end=claim.evidence.end, text=claim.evidence.text) for claim in cited]
    evidence += list(conflict.citations)
    articles = list(dict.fromkeys(cite.article for cite in evidence))
    anchor = conflict.anchor if conflict.anchor is not None else conflict.claims
    return Finding(id="", rule=rule.id, severity=severity_of(rule, conflict, corpus, settings),
                   subject=subject, event=event,
                   claims=list(dict.fromkeys(claim.id for claim in cited)),
                   articles=articles, message=conflict.message,
                   fingerprint=fingerprint(rule, conflict, subject_key, corpus), evidence=evidence,
                   flagged=list(dict.fromkeys(claim.id for claim in anchor)))


def extract(targets: Iterable[str | StandardInput], published: str | None = None,
            settings: Settings | None = None, progress: Progress | None = None,
            with_spellings: bool = False) -> Report:
    """Read the articles under the targets and extract their claims (`checker extract`);
    `progress` (checker/progress.py) is told how far each step is; `with_spellings` also
    collects how the articles spell names, for name-variant."""
    settings = settings or Settings()
    # (Spooled: the bodies wait in a temporary file until learning, extraction or a report
    # reads them, so that memory does not hold every article of a big corpus at once.)
    articles, problems = read_articles(targets, published, progress, settings.max_article_size, ArticleSpool())
    extraction = extract_corpus(articles, settings.work_config(), settings.workers(), progress, with_spellings)
    return Report(articles=articles, claims=extraction.claims, problems=problems + extraction.problems,
                  lexicon=extraction.lexicon, spellings=extraction.spellings,
                  impossible_dates=extraction.impossible_dates)


def kept_fingerprint(settings: Settings) -> str:
    """What the stored claims and works depend on besides the articles: the extractor and
    the work settings (aliases, names that are not works)."""
    config = settings.work_config()
    parts = [snapshot.extractor_digest(), json.dumps([config.aliases, config.not_works], sort_keys=True)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def kept_corpus(report: Report, settings: Settings) -> snapshot.KeptCorpus | None:
    """What a full check keeps for checks of new articles (None when it learned no works)."""
    if report.lexicon is None or report.stored_at is not None:
        return None
    return snapshot.keep(report.lexicon, report.spellings, kept_fingerprint(settings))


def check_changed(targets: Iterable[str | StandardInput], stored: snapshot.StoredCorpus, published: str | None = None,
                  settings: Settings | None = None, progress: Progress | None = None) -> Report:
    """Check new or edited articles against a stored corpus without reading it again: their
    claims are read with the works the stored corpus's full check learned, and the rules
    run on theirs and the stored claims about the same works, for the findings that
    involve the new articles."""
    # The kept works, spellings and claims are tens of thousands of containers with no
    # reference cycles: the cycle collector's passes over them would find nothing.
    with cycle_collection_paused():
        return checked_against(targets, stored, published, settings or Settings(), progress)


def checked_against(targets: Iterable[str | StandardInput], stored: snapshot.StoredCorpus, published: str | None,
                    settings: Settings, progress: Progress | None) -> Report:
    articles, problems = read_articles(targets, published, progress, settings.max_article_size)
    spelled = reads_spellings(settings)
    read = {article.id for article in articles}
    by_id = stored.articles
    # An edited article's stored version gives way to the one read now.
    edited = {article for article in read if by_id.get(article) is not None}
    by_id.update((article.id, article) for article in articles)
    extraction = extract_corpus(articles, settings.work_config(), 1, progress, spelled,
                                known=snapshot.lexicon_from_state(stored.lexicon))
    lexicon = extraction.lexicon
    corpus = make_corpus([], by_id, lexicon, settings)
    others = [claim for claim in related_claims(extraction.claims, stored, corpus) if claim.article not in read]
    parts: dict = {}
    claims = [claim.model_copy(update={"id": f"c{number}"}).compacted(parts)
              for number, claim in enumerate([*others, *extraction.claims], 1)]
    by_id.preload(claim.article for claim in others)
    spellings = None
    article_works = None
    if spelled:
        kept = snapshot.stored_spellings(stored.spellings, stored.lower, stored.fetch)
        assert extraction.spellings is not None  # (extracted with spellings)
        spellings = snapshot.add_new_articles(kept, extraction.spellings, stored.fetch, edited)
        article_works = {article: works for article, works in stored.article_works().items() if article not in read}
        for claim in extraction.claims:
            article_works.setdefault(claim.article, set()).add(corpus.work_key(claim.subject.work))
    findings = find_conflicts(claims, by_id, lexicon, settings, progress, spellings, focus=read,
                              article_works=article_works, impossible_dates=extraction.impossible_dates)
    # Reported: the new articles' claims and those the findings cite, not the whole store's;
    # and the stored articles the findings cite.
    cited = {claim for finding in findings for claim in finding.claims}
    cited_articles = {article for finding in findings for article in finding.articles} - read
    return Report(articles=articles, claims=[claim for claim in claims if claim.article in read or claim.id in cited],
                  problems=problems + extraction.problems, findings=findings, lexicon=lexicon, spellings=spellings,
                  impossible_dates=extraction.impossible_dates,
                  stored=[by_id[article] for article in sorted(cited_articles)], stored_at=stored.checked_at,
                  stored_count=stored.article_count - len(edited))


def related_claims(new: list[Claim], stored: snapshot.StoredCorpus, corpus: Corpus) -> list[Claim]:
    """The stored claims about the works the new claims are about, and about the works that
    order claims among them tie those to (an order rule weighs the dates of both), until no
    new work is named."""
    wanted = {corpus.work_key(claim.subject.work) for claim in new}
    wanted |= {corpus.work_key(claim.object.work) for claim in new if claim.object}
    found: list[Claim] = []
    asked: set[str] = set()
    while wanted - asked:
        batch = stored.claims_about(wanted - asked)
        asked |= wanted
        found += batch
        wanted |= {corpus.work_key(claim.object.work) for claim in batch if claim.object}
    return found


def check(targets: Iterable[str | StandardInput], published: str | None = None,
          settings: Settings | None = None, progress: Progress | None = None) -> Report:
    """Extract the claims and look for conflicts among them (`checker check`)."""
    settings = settings or Settings()
    report = extract(targets, published, settings, progress, with_spellings=reads_spellings(settings))
    report.findings = find_conflicts(report.claims, report.articles, report.lexicon, settings, progress,
                                     report.spellings, impossible_dates=report.impossible_dates)
    return report
