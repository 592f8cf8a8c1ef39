"""The rules: fixture articles each rule must flag and must not, the order network, severity
and fingerprints, and Allen's algebra underneath."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from checker import engine
from checker.config import Settings
from checker.findings import Severity
from checker.rules import RULES, allen
from claims.intervals import resolve_interval
from claims.models import Article, Claim, EventRef, Subject
from claims.reading import parse_published

FIXTURES = Path(__file__).parent / "fixtures" / "articles" / "rules"
RULE_IDS = sorted(RULES)


def findings(*paths: Path, settings: Settings | None = None):
    report = engine.check([str(path) for path in paths], settings=settings)
    assert not report.problems
    return report.findings


@pytest.mark.parametrize("rule", RULE_IDS)
def test_rule_flags_its_fixture(rule):
    flagged = [f for f in findings(FIXTURES / rule / "flag") if f.rule == rule]
    assert flagged, f"{rule} found nothing in {FIXTURES / rule / 'flag'}"
    for finding in flagged:
        assert finding.message and finding.articles and finding.evidence


@pytest.mark.parametrize("rule", RULE_IDS)
def test_rule_passes_its_fixture(rule):
    flagged = [f.message for f in findings(FIXTURES / rule / "pass") if f.rule == rule]
    assert not flagged


def test_order_conflict_needs_all_three_sources(tmp_path):
    three = sorted((FIXTURES / "order-conflict" / "three").glob("*.md"))
    conflicts = [f for f in findings(*three) if f.rule == "order-conflict"]
    assert len(conflicts) == 1
    assert len(conflicts[0].articles) == 3
    for pair in itertools.combinations(three, 2):
        assert not [f for f in findings(*pair) if f.rule == "order-conflict"], pair


def test_order_conflict_is_one_finding_naming_every_source():
    conflicts = [f for f in findings(FIXTURES / "order-conflict" / "flag") if f.rule == "order-conflict"]
    assert len(conflicts) == 1
    assert "Daily Reel (May 10, 2016) says Ember Falls season 2 shoots at the same time as Harbor Lights" \
        in conflicts[0].message


def test_tense_drift_names_the_later_article_and_the_earlier_report():
    drift = [f for f in findings(FIXTURES / "tense-drift" / "flag")
             if f.rule == "tense-drift" and len(f.articles) == 2]
    assert len(drift) == 1
    assert drift[0].message.startswith("Daily Reel (April 10, 2017) still speaks of")
    assert drift[0].articles[0].startswith("dailyreel-2017-04")


def test_disabled_rule_and_severity_override():
    settings = Settings(rules={"date-conflict": False}, severity={"mixed-tense": Severity.INFO})
    found = findings(FIXTURES / "date-conflict" / "flag", FIXTURES / "mixed-tense" / "flag",
                     settings=settings)
    assert {f.rule for f in found} == {"mixed-tense"}
    assert {f.severity for f in found} == {Severity.INFO}


# --- hand-made claims: severity, negation, fingerprints -------------------------------------

def article(ident: str, published: str, outlet: str = "Daily Reel") -> Article:
    return Article(id=ident, body="text", outlet=outlet, published=parse_published(published))


def claim(number: int, article_: Article, value: str, modality: str = "asserted", *,
          event: str = "release", negated: bool = False, tense: str = "future") -> Claim:
    return Claim(id=f"c{number}", article=article_.id, subject={"work": "Ember Falls"}, event=event,
                 time={"value": value}, tense=tense, modality=modality, negated=negated,
                 evidence={"start": 0, "end": 4, "text": "text"},
                 interval=resolve_interval(value, None, article_.published))


def rule_findings(claims, articles, rule):
    return [f for f in engine.find_conflicts(claims, articles) if f.rule == rule]


@pytest.mark.parametrize("modality, severity", [
    ("asserted", Severity.ERROR), ("expected", Severity.ERROR),
    ("rumored", Severity.WARNING), ("speculative", Severity.WARNING)])
def test_date_conflict_severity_follows_modality(modality, severity):
    a, b, c = article("a", "2016-05-01"), article("b", "2016-06-01", "Screen Ledger"), article("c", "2016-07-01", "Set Report")
    claims = [claim(1, a, "2016-09-30"), claim(2, b, "2016-09-30"), claim(3, c, "2016-11-04", modality)]
    found = rule_findings(claims, [a, b, c], "date-conflict")
    assert [f.severity for f in found] == [severity]
    assert found[0].claims[0] == "c3" and set(found[0].articles) == {"a", "b", "c"}


def test_negated_claim_conflicts_with_the_event_it_denies():
    a, b = article("a", "2016-05-01"), article("b", "2017-09-01", "Screen Ledger")
    claims = [claim(1, a, "2017", negated=True), claim(2, b, "2017-08-18", tense="past")]
    found = rule_findings(claims, [a, b], "date-conflict")
    assert len(found) == 1 and found[0].claims == ["c1", "c2"]


def test_same_article_giving_two_dates_is_no_conflict():
    a = article("a", "2016-05-01")
    claims = [claim(1, a, "2016-09-30"), claim(2, a, "2016-11-04")]
    assert not rule_findings(claims, [a], "date-conflict")


def test_fingerprints_survive_new_agreeing_and_unrelated_articles():
    a, b, c = article("a", "2016-05-01"), article("b", "2016-06-01"), article("c", "2016-07-01")
    before = rule_findings([claim(1, a, "2016-09-30"), claim(2, b, "2016-11-04"),
                            claim(3, c, "2016-11-04")], [a, b, c], "date-conflict")
    d = article("d", "2016-08-01")
    unrelated = Claim(id="c9", article="d", subject={"work": "Harbor Lights"}, event="release",
                      time={"value": "2017"}, tense="future", modality="asserted",
                      evidence={"start": 0, "end": 4, "text": "text"})
    after = rule_findings([unrelated, claim(5, a, "2016-09-30"), claim(6, b, "2016-11-04"),
                           claim(7, c, "2016-11-04"), claim(8, d, "2016-11-04")],
                          [a, b, c, d], "date-conflict")
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]
    assert len(after[0].articles) == 4  # the new source is named, the identity kept


# --- Allen's interval algebra -------------------------------------------------------------

@pytest.mark.parametrize("first, second, expected", [
    ("b", "b", {"b"}),
    ("m", "m", {"b"}),
    ("s", "d", {"d"}),
    ("d", "b", {"b"}),
    ("o", "o", {"b", "m", "o"}),
    ("eq", "f", {"f"}),
    ("d", "di", set(allen.BASE)),
])
def test_composition(first, second, expected):
    assert set(allen.names(allen.compose(allen.BIT[first], allen.BIT[second]))) == expected


def test_composition_respects_inverse():
    for x, y in itertools.product(allen.BASE, repeat=2):
        forward = allen.compose(allen.BIT[x], allen.BIT[y])
        backward = allen.compose(allen.BIT[allen.INVERSE_NAME[y]], allen.BIT[allen.INVERSE_NAME[x]])
        assert allen.inverse(forward) == backward


def test_path_consistency_finds_a_cycle_and_accepts_a_chain():
    cycle = allen.Network(3)
    cycle.constrain(0, 1, allen.BEFORE)
    cycle.constrain(1, 2, allen.BEFORE)
    cycle.constrain(2, 0, allen.BEFORE)
    assert not cycle.consistent()
    chain = allen.Network(3)
    chain.constrain(0, 1, allen.BEFORE)
    chain.constrain(1, 2, allen.DISJOINT)
    chain.constrain(0, 2, allen.INTERSECT)
    assert chain.consistent()
    assert chain.relations[1][2] == allen.AFTER  # narrowed: 2 must come before 1


# --- name-variant on small corpora ----------------------------------------------------------

def spelled(*bodies: str):
    from checker.rules import name_variant
    from checker.rules.base import Corpus
    articles = {f"a{i}": Article(id=f"a{i}", body=body, outlet=f"Outlet {i}",
                                 published=parse_published("2017-05-01"))
                for i, body in enumerate(bodies)}
    corpus = Corpus(articles=articles)
    return [(c.subject.work, sorted({cite.text for cite in c.citations} - {c.subject.work}))
            for c in name_variant.check([], corpus, name_variant.Options())]


NORM = "The show stars Krysten Ritter as the lead."


@pytest.mark.parametrize("variant, expected", [
    ("We met Krysten Ritten on set.", [("Krysten Ritter", ["Krysten Ritten"])]),
    ("We met Krysten Ritter's co-star on set.", []),          # possessive
    ("We met Krysten Ritterson on set.", []),                 # a longer name, not a slip
    ("We met Krysten Rotter on set.", [("Krysten Ritter", ["Krysten Rotter"])]),
    ("We met Krysten Rittenhouse on set.", []),               # too far off
])
def test_name_variant_slips(variant, expected):
    assert spelled(NORM, NORM.replace("lead", "hero"), variant) == expected


def test_name_variant_ignores_accents_and_function_words():
    assert spelled("Then Céline Dion sang.", "Later Céline Dion sang.", "Then Celine Dion sang.") == []
    assert spelled("Fans love The Crown on Netflix.", "We watched The Crown on Netflix.",
                   "They saw The Clown on Netflix.") == []


def test_dates_decades_apart_are_different_runs_not_a_conflict():
    a, b = article("a", "2016-05-01"), article("b", "2016-06-01", "Screen Ledger")
    assert not rule_findings([claim(1, a, "1952", tense="past"), claim(2, b, "2016-09-30")],
                             [a, b], "date-conflict")
    assert rule_findings([claim(1, a, "2012", tense="past"), claim(2, b, "2016-09-30")],
                         [a, b], "date-conflict")


def test_name_variant_leaves_ordinary_words_to_known_names():
    bodies = ("Critics loved Other Woman, a film about a woman.", "We saw Other Woman twice.",
              "Three women starred in Other Women last year.")
    assert spelled(*bodies) == []


def test_order_conflict_in_a_large_network_is_found_around_the_order_claim():
    import datetime as dt
    from checker.rules import order_conflict
    from checker.rules.base import Corpus
    articles = {f"a{i}": article(f"a{i}", "2016-01-01", f"Outlet {i}") for i in range(60)}
    claims = []
    for i in range(30):   # W0 before W1 before ... W30, each dated ten days after the last
        claims.append(Claim(id=f"o{i}", article=f"a{i}", subject={"work": f"W{i}"}, event="release",
                            relation="before", object={"work": f"W{i + 1}", "event": "release"},
                            tense="future", modality="asserted", evidence={"start": 0, "end": 1, "text": "x"}))
        day = (dt.date(2016, 3, 1) + dt.timedelta(days=10 * i)).isoformat()
        claims.append(claim(100 + i, articles[f"a{30 + i}"], day).model_copy(
            update={"subject": Subject(work=f"W{i}")}))
    wrong = claims[0].model_copy(update={"id": "wrong", "article": "a59", "subject": Subject(work="W20"),
                                         "object": EventRef(work="W5", event="release")})
    corpus = Corpus(articles=articles, claims=claims + [wrong])
    options = order_conflict.Options()
    assert len(claims) + 1 > options.max_network
    found = list(order_conflict.check(claims + [wrong], corpus, options))
    assert len(found) == 1 and found[0].claims[0].id == "wrong"
    assert {c.subject.work for c in found[0].claims} == {"W20", "W5"}


def test_loose_order_claims_take_no_part_in_the_network():
    a, b = article("a", "2016-05-01"), article("b", "2016-06-01", "Screen Ledger")
    said = [Claim(id=f"c{i}", article=art.id, subject={"work": "Ember Falls"}, event="filming",
                  relation=relation, object={"work": "Harbor Lights", "event": "filming"},
                  tense="future", modality="asserted", confidence=confidence,
                  evidence={"start": 0, "end": 4, "text": "text"})
            for i, (art, relation, confidence) in enumerate(
                [(a, "concurrent", 0.3), (b, "back_to_back", 0.6)])]
    assert not rule_findings(said, [a, b], "order-conflict")
    firm = [said[0].model_copy(update={"confidence": 0.6}), said[1]]
    assert rule_findings(firm, [a, b], "order-conflict")
