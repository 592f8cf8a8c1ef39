"""The rules: fixture articles each rule must flag and must not, the order network, severity
and fingerprints, and Allen's algebra underneath."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import engine
from checker.config import Settings
from checker.findings import Severity
from checker.rules import RULES, allen
from claims.intervals import resolve_interval
from claims.models import Article, Claim, EventRef, Evidence, Subject
from claims.reading import parse_published

FIXTURES = Path(__file__).parent / "fixtures" / "articles" / "rules"


def findings(*paths: Path, settings: Settings | None = None):
    report = engine.check([str(path) for path in paths], settings=settings)
    assert not report.problems
    return report.findings


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
          event: str = "release", negated: bool = False, tense: str = "future",
          work: str = "Ember Falls", season: int | None = None, kind: str | None = None,
          superseded: bool = False, mod: str | None = None) -> Claim:
    return Claim(id=f"c{number}", article=article_.id, subject={"work": work, "season": season},
                 event=event, time={"value": value, "mod": mod}, tense=tense, modality=modality,
                 negated=negated, evidence={"start": 0, "end": 4, "text": "text"},
                 interval=resolve_interval(value, mod, article_.published), kind=kind,
                 superseded=superseded)


def rule_findings(claims, articles, rule):
    return [f for f in engine.find_conflicts(claims, articles) if f.rule == rule]


@pytest.mark.parametrize("modality, severity", [
    ("asserted", Severity.ERROR), ("expected", Severity.ERROR),
    ("rumored", Severity.WARNING), ("speculative", Severity.WARNING)])
def test_date_conflict_severity_follows_modality(modality, severity):
    # (the odd one out between the others: no moved date explains it)
    a, b, c = article("a", "2016-05-01"), article("b", "2016-07-01", "Screen Ledger"), article("c", "2016-06-01", "Set Report")
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
    from claims.extract import spellings
    articles = {f"a{i}": Article(id=f"a{i}", body=body, outlet=f"Outlet {i}",
                                 published=parse_published("2017-05-01"))
                for i, body in enumerate(bodies)}
    corpus = engine.make_corpus([], articles, None, Settings(), spellings.collect(articles.values(), None))
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


@pytest.mark.parametrize("body, expected", [
    # One article, no other naming the person: the same given name vouches for the slip.
    ("Annika Lindgård was seen in London. Pictured: Annika Lindgård and Annika Lindgaaard.",
     [("Annika Lindgård", ["Annika Lindgaaard"])]),
    ("Dana Whitfield spoke first. Later Dana Whitfeld said no.", [("Dana Whitfeld", ["Dana Whitfield"])]),
    ("Dana Whitfield spoke first. Later Dana Whitfield and Dana Whitfeld said no.",
     [("Dana Whitfield", ["Dana Whitfeld"])]),                 # the spelling written more often
    ("Chris Harris met Chris Harrison.", []),                  # a longer name: two people
    ("Kevin Hart met Kevin Bart.", []),                        # another first letter
    ("Nadia Marsh met Nadia Marble.", []),                     # too far off
    ("We went to Paris Hilton and then to Paris Hilten.", [("Paris Hilton", ["Paris Hilten"])]),   # the first
    ("The song la la land; then La Pilato, an anagram of La Piloto.", []),   # "La" leads titles
    ("Cast: Dana Whitfield, and Dana Whitfield's sister.", []),   # a possessive
    ("Sunset Harbor met Sunset Harbour.", []),                  # no given name vouches
    ("She loved Dana Whitfield. Dana Whitfield and Dana Whitfeld; a whitfeld too.", []),   # a word
])
def test_name_variant_in_one_article(body, expected):
    assert spelled(body) == expected


def test_name_variant_in_one_article_needs_one_article():
    """Two articles, each with one of the spellings, are two writers and two people maybe:
    that needs the usual count of articles behind the norm."""
    assert spelled("Dana Whitfield spoke first.", "Later Dana Whitfeld said no.") == []


HEADLINE = "Mara Kell Confirms She's Dating Rory Callahan!\n\n"


@pytest.mark.parametrize("body, expected", [
    ("Mara Kell says she is dating Rory Callaghan.", [("Rory Callaghan", ["Rory Callahan"])]),
    ("Mara Kell says she is dating Rory Callahan.", []),      # the body agrees
    ("Mara Kell says she is dating Rory Callaghan, not Rory Callahan.", [   # the body's own two
        ("Rory Callahan", ["Rory Callaghan"])]),
    ("Mara Kell says she is dating Roy Callaghan.", []),      # another given name
    ("Mara Kell is dating someone.", []),                     # nothing to compare with
    ("He met Mara Kel, who is dating Rory Callahan.", []),    # too short a surname to tell
    ("He met Mara Kellen, who is dating Rory Callahan.", []),  # a longer name: another person
])
def test_name_variant_headline_against_its_body(body, expected):
    """A headline capitalises every word, so its names are only checked against its own
    body's: a given name and a surname a letter off one the body writes."""
    assert spelled(HEADLINE + body) == expected


def test_name_variant_headline_needs_the_headline_first():
    """A title-case line further down (a subhead, a credit) is no headline."""
    assert spelled("Mara Kell says she is dating Rory Callaghan.\n\n" + HEADLINE) == []


SPELLINGS = ["Marisol Quintero", "Marisol Quintana", "Krysten Ritter", "Kristen Ritter", "Krysten Rittter",
             "The Lantern Keepers", "The Lantern Keeper", "Lantern", "Lanterns", "Quintero", "Quintera",
             "Winter", "Hinter", "Ritter", "Bitter", "Anthony Mackie", "Anthony Macky", "Anthony", "Antony"]


def sharing_a_key(established, words: list[str], position: int) -> set[str]:
    """The established spellings deletion_index must find, by brute force: as many words,
    the same other words, and one deletion key of the word at `position` in common."""
    from checker.rules import name_variant
    mine = name_variant.deletions(words[position].lower())
    others = words[:position] + words[position + 1:]
    return {o.text for o in established if len(o.words) == len(words)
            and o.words[:position] + o.words[position + 1:] == others
            and not mine.isdisjoint(name_variant.deletions(o.words[position].lower()))}


@pytest.mark.parametrize("index", ["deletion_index", "reverse_deletion_index"])
@pytest.mark.parametrize("colliding", [False, True])
def test_the_deletion_index_finds_exactly_the_spellings_sharing_a_key(index, colliding, monkeypatch):
    """The index stores keys by their hash; with every key hashed alike (`colliding`), what
    it finds must still be exactly the spellings that share a key, whether it holds the
    established spellings' keys or (the reverse index) the rare ones'."""
    from checker.rules import name_variant
    from claims.names import Spelling
    if colliding:
        monkeypatch.setattr(name_variant, "hash", lambda key: 7, raising=False)
    established = [Spelling(name, {"a": 0, "b": 0}, 2) for name in SPELLINGS]
    queries = [Spelling(text) for text in SPELLINGS + ["Marisol Quintera", "Krysten Ritten", "The Lanturn Keepers",
                                                        "Quinterro", "Zed"]]
    near = name_variant.deletion_index(established) if index == "deletion_index" else \
        name_variant.reverse_deletion_index(established, queries)
    for query in queries:
        for position in range(len(query.words)):
            found = [other.text for other in near(query, position)]
            assert len(found) == len(set(found))
            assert set(found) == sharing_a_key(established, query.words, position), (query.text, position)


@settings(max_examples=400, deadline=None)
@given(word=st.text(alphabet="abcé'", max_size=10), deleted=st.text(alphabet="abcé'", max_size=10))
def test_is_deletion_says_what_the_set_of_deletions_holds(word, deleted):
    """The index's check of a key against a word (no set of every deletion made) agrees
    with the set; the word's own deletions are tried too, the random pair rarely is one."""
    from checker.rules import name_variant
    for candidate in [deleted, *name_variant.deletions(word)]:
        assert name_variant.is_deletion(candidate, word) == (candidate in name_variant.deletions(word))


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


# --- moved dates (CONTRACT §2, across sources) ---------------------------------------------------
# Harbor Lights is a film; "Trade Daily" reports on July 23, 2020 that it moved from July 23,
# 2021 to Nov. 19, 2021 ("moves Harbor Lights from July 23, 2021 to Nov. 19, 2021": the old
# date superseded, modality expected, in the present tense of a headline).

OLD, NEW, NEWER = "2021-07-23", "2021-11-19", "2022-05-27"


def film(number: int, article_: Article, value: str, **fields) -> Claim:
    return claim(number, article_, value, work="Harbor Lights", kind="film", **fields)


def move(number: int, article_: Article, old: str, new: str | None) -> list[Claim]:
    """An article's report of a move: the old date superseded, the new one current."""
    said = [film(number, article_, old, modality="expected", tense="present", superseded=True)]
    return said + ([film(number + 1, article_, new, tense="present")] if new else [])


def unmarked(claims: list[Claim]) -> list[Claim]:
    """The same claims as an extractor that does not mark superseded dates gives them."""
    return [c.model_copy(update={"superseded": False}) for c in claims]


TRADE = article("trade", "2020-07-23", "Trade Daily")


def test_old_date_said_before_the_move_was_reported_is_no_finding():
    early = [article(f"early{i}", f"2020-0{i}-10", f"Outlet {i}") for i in (1, 2, 3)]
    claims = [film(i, a, OLD) for i, a in enumerate(early, 1)] + move(10, TRADE, OLD, NEW)
    assert not rule_findings(claims, early + [TRADE], "date-conflict")
    # Read as four sources against one, the article with the news of the move is the odd one out.
    assert [f.articles[0] for f in rule_findings(unmarked(claims), early + [TRADE], "date-conflict")] == ["trade"]


@pytest.mark.parametrize("published, stale", [
    ("2020-07-01", False), ("2020-07-23", False),   # before the report, or on its day
    ("2020-07", False),                             # a month that may be the report's day or before
    (None, False),                                  # undated: cannot be shown to come after it
    ("2020-07-24", True), ("2020-08", True)])
def test_old_date_is_stale_only_when_published_after_the_report(published, stale):
    later = article("later", published, "Film Wire")
    claims = move(10, TRADE, OLD, NEW) + [film(20, later, OLD, tense="present")]
    found = rule_findings(claims, [TRADE, later], "date-conflict")
    assert [f.articles for f in found] == ([["later", "trade"]] if stale else [])


def test_stale_old_date_is_flagged_even_when_most_sources_still_give_it():
    early = [article(f"early{i}", f"2020-0{i}-10", f"Outlet {i}") for i in (1, 2, 3)]
    late = article("late", "2020-09-07", "Film Wire")
    claims = [film(i, a, OLD) for i, a in enumerate(early, 1)] + move(10, TRADE, OLD, NEW)
    claims.append(film(20, late, OLD, tense="present"))
    found = rule_findings(claims, early + [TRADE, late], "date-conflict")
    assert len(found) == 1
    assert found[0].articles == ["late", "trade"] and found[0].claims == ["c20", "c10", "c11"]
    assert found[0].message == ("Film Wire (Sept 7, 2020) still says Harbor Lights opens on July 23, 2021; "
                                "Trade Daily (July 23, 2020) reported it moved to Nov 19, 2021.")
    assert found[0].severity is Severity.ERROR


@pytest.mark.parametrize("said, old, same", [
    ("2021-07-23", "2021-07-23", True),
    ("2021-07", "2021-07-23", True),       # the old date's month
    ("2021-07-22", "2021-07-23", False),   # another day: a different date, not the old one
    ("2021-08", "2021-07-23", False),      # another month
    ("2021-SU", "2021-07-23", False),      # wider than the old date's month: may mean a new date too
    ("2021", "2021-07-23", False),
    ("2021-07-23", "2021-07", True),       # narrower than the old date
    ("2021-Q4", "2021", True),
    ("2022-01", "2021", False),
])
def test_what_counts_as_the_old_date(said, old, same):
    from checker.rules.timeline import same_date
    when = parse_published("2020-01-01")
    assert same_date(resolve_interval(said, None, when), resolve_interval(old, None, when)) is same


def test_a_date_outside_the_old_month_is_an_ordinary_conflict_not_a_stale_one():
    late, beat = article("late", "2020-09-07", "Film Wire"), article("beat", "2020-08-01", "Box Office Beat")
    claims, articles = move(10, TRADE, OLD, NEW) + [film(12, beat, NEW)], [TRADE, late, beat]
    month = rule_findings(claims + [film(20, late, "2021-07", tense="present")], articles, "date-conflict")
    other = rule_findings(claims + [film(20, late, "2021-08", tense="present")], articles, "date-conflict")
    assert [f.message.split(";")[0] for f in month] == ["Film Wire (Sept 7, 2020) still says Harbor Lights opens in July 2021"]
    assert [f.message for f in other] == ["Film Wire (Sept 7, 2020) says Harbor Lights opens in Aug 2021; Trade "
                                          "Daily (July 23, 2020) and Box Office Beat (Aug 1, 2020) put it on Nov 19, 2021."]


def test_successive_moves_make_each_older_date_stale():
    later = article("ledger", "2021-01-15", "Screen Ledger")           # moves it again: Nov 19 -> May 27
    between = article("wire", "2020-10-01", "Film Wire")               # Nov 19 while it was current
    stale_new = article("report", "2021-03-01", "Set Report")          # Nov 19 after the second move
    stale_old = article("reel", "2021-04-01", "Daily Reel")            # July 23 after both
    current = article("beat", "2021-06-01", "Box Office Beat")         # May 27
    claims = move(10, TRADE, OLD, NEW) + move(20, later, NEW, NEWER) + [
        film(30, between, NEW), film(31, stale_new, NEW), film(32, stale_old, OLD), film(33, current, NEWER)]
    found = rule_findings(claims, [TRADE, later, between, stale_new, stale_old, current], "date-conflict")
    assert sorted((f.articles, f.message) for f in found) == sorted([
        (["report", "ledger"], "Set Report (March 1, 2021) still says Harbor Lights opens on Nov 19, 2021; "
                               "Screen Ledger (Jan 15, 2021) reported it moved to May 27, 2022."),
        (["reel", "trade", "ledger"], "Daily Reel (April 1, 2021) still says Harbor Lights opens on July 23, 2021; "
                                      "Trade Daily (July 23, 2020) reported it moved to Nov 19, 2021, and Screen "
                                      "Ledger (Jan 15, 2021) that it moved again, to May 27, 2022.")])


def test_a_date_moved_back_to_is_current_again():
    back = article("ledger", "2021-01-15", "Screen Ledger")   # Nov 19 -> back to July 23
    middle, after = article("wire", "2020-10-01", "Film Wire"), article("reel", "2021-04-01", "Daily Reel")
    claims = move(10, TRADE, OLD, NEW) + move(20, back, NEW, OLD)
    assert not rule_findings(claims + [film(30, after, OLD)], [TRADE, back, after], "date-conflict")
    stale = rule_findings(claims + [film(30, middle, OLD)], [TRADE, back, middle], "date-conflict")
    assert [f.articles for f in stale] == [["wire", "trade"]]


def test_an_article_stating_as_current_a_date_it_reports_moved_names_only_itself():
    assert not rule_findings(move(10, TRADE, OLD, NEW), [TRADE], "date-conflict")
    headline = film(30, TRADE, OLD, tense="present")   # "Harbor Lights opens July 23, 2021"
    found = rule_findings(move(10, TRADE, OLD, NEW) + [headline], [TRADE], "date-conflict")
    assert [(f.articles, f.claims) for f in found] == [(["trade"], ["c30", "c10", "c11"])]
    assert found[0].message == ("Trade Daily (July 23, 2020) says Harbor Lights opens on July 23, 2021, "
                                "but also reports it moved from that date to Nov 19, 2021.")


def test_a_wrong_date_no_move_explains_conflicts_whatever_the_order():
    guess = article("guess", "2020-01-10", "Rumor Mill")   # before the move, neither old nor new
    claims = move(10, TRADE, OLD, NEW) + [film(20, guess, "2021-08")]
    found = rule_findings(claims, [TRADE, guess], "date-conflict")
    assert [f.articles for f in found] == [["guess", "trade"]]


def test_superseded_dates_are_never_a_tense_drift():
    when = article("trade", "2020-09-01", "Trade Daily")
    # "Harbor Lights, which is set to open on March 20, 2020, ..." in a September 2020 article
    passed = film(1, when, "2020-03-20", modality="expected", tense="future", superseded=True)
    assert not rule_findings([passed], [when], "tense-drift")
    assert rule_findings(unmarked([passed]), [when], "tense-drift")


def test_superseded_dates_are_never_a_refinement():
    wide = article("wide", "2020-06-01", "Screen Ledger")
    claims = [film(1, wide, "2021"), *move(10, TRADE, OLD, None)]    # "the July 23, 2021 date is off"
    assert not rule_findings(claims, [wide, TRADE], "refinement")
    assert rule_findings(unmarked(claims), [wide, TRADE], "refinement")


# --- cycles of a long-running series -------------------------------------------------------------

def show(number: int, article_: Article, value: str, kind: str | None = "series", **fields) -> Claim:
    return claim(number, article_, value, work="Night Owls Live", kind=kind, **fields)


@pytest.mark.parametrize("kind, flagged", [("series", False), ("film", True), (None, True)])
def test_a_series_premiere_a_year_later_is_the_next_cycle(kind, flagged):
    a, b = article("a", "2017-02-01"), article("b", "2018-02-01", "Screen Ledger")
    for first, second in (("2017-03", "2018-03"), ("2017-FA", "2018-FA"), ("2017-03-05", "2018-03-04")):
        claims = [show(1, a, first, kind), show(2, b, second, kind)]
        assert bool(rule_findings(claims, [a, b], "date-conflict")) is flagged, (first, second)


def test_a_numbered_season_is_one_premiere_whatever_its_kind():
    a, b = article("a", "2017-02-01"), article("b", "2018-02-01", "Screen Ledger")
    claims = [show(1, a, "2017-03", season=4), show(2, b, "2018-03", season=4)]
    assert rule_findings(claims, [a, b], "date-conflict")


def test_a_series_date_given_before_the_other_dates_passed_is_in_their_cycle():
    """ "sometime in 2018" in January 2016 beside "2017" from April 2016 on: one premiere, and
    one of them is wrong (the other cycle's dates had not passed when it was written)."""
    a, b, c = article("a", "2016-01-10"), article("b", "2016-04-11", "Screen Ledger"), article("c", "2017-04-04", "Set Report")
    claims = [show(1, a, "2018"), show(2, b, "2017"), show(3, c, "2017-08-18")]
    found = rule_findings(claims, [a, b, c], "date-conflict")
    assert [f.claims[0] for f in found] == ["c1"]


def test_a_series_premiere_that_slips_within_its_cycle_still_conflicts():
    a, b = article("a", "2017-02-01"), article("b", "2017-04-01", "Screen Ledger")
    claims = [show(1, a, "2017-03-05"), show(2, b, "2017-05-10", tense="present")]
    assert rule_findings(claims, [a, b], "date-conflict")


@pytest.mark.parametrize("kind, drift", [("series", False), ("film", True)])
def test_last_cycles_premiere_is_no_tense_drift_for_the_next(kind, drift):
    a, b = article("a", "2017-03-20"), article("b", "2018-02-01", "Screen Ledger")
    claims = [show(1, a, "2017-03-05", kind, tense="past"), show(2, b, "2018-03-04", kind)]
    assert bool(rule_findings(claims, [a, b], "tense-drift")) is drift


@pytest.mark.parametrize("kind, count", [("series", 2), ("film", 1)])
def test_refinements_are_found_within_each_cycle(kind, count):
    a, b = article("a", "2017-01-05"), article("b", "2017-02-01", "Screen Ledger")
    c, d = article("c", "2018-01-05", "Set Report"), article("d", "2018-02-01", "Film Wire")
    claims = [show(1, a, "2017-03", kind), show(2, b, "2017-03-05", kind),
              show(3, c, "2018-03", kind), show(4, d, "2018-03-04", kind)]
    assert len(rule_findings(claims, [a, b, c, d], "refinement")) == count


def test_the_cycle_gap_is_documented():
    from checker.rules.timeline import CYCLE_GAP_DAYS
    assert f"more than {CYCLE_GAP_DAYS} days" in RULES["date-conflict"].sections["How"]


# --- a move read from text: its old date is superseded (claims/extract/moves.py) ------------

MOVE_ARTICLES = {
    "dailyreel-2020-01-ember-road": ("Daily Reel", "2020-01-15",
                                     'The action film "Ember Road" opens May 8, 2020, Lionsgate said.'),
    "screenwire-2020-03-ember-road-moved": ("Screen Wire", "2020-03-20",
                                            'Lionsgate has moved the action film "Ember Road" from May 8 to Aug. 14.'),
    "filmbeat-2020-04-ember-road": ("Film Beat", "2020-04-10",
                                    'The action film "Ember Road" opens May 8, 2020, with Ann Lee in the lead.'),
}


def test_a_move_read_from_text_explains_the_earlier_date_and_flags_the_later(tmp_path):
    """"moved X from May 8 to Aug. 14" makes May 8 an old date: the article that gave it before
    the move was right at its time; the one that still gives it after the move is flagged."""
    for ident, (outlet, published, text) in MOVE_ARTICLES.items():
        (tmp_path / f"{ident}.md").write_text(
            f"---\nid: {ident}\noutlet: {outlet}\npublished: {published}\n---\nEmber Road News\n\n{text}\n",
            encoding="utf-8")
    conflicts = [f for f in findings(tmp_path) if f.rule == "date-conflict"]
    assert len(conflicts) == 1
    assert set(conflicts[0].articles) == {"filmbeat-2020-04-ember-road", "screenwire-2020-03-ember-road-moved"}
    assert "reported it moved" in conflicts[0].message


@pytest.mark.parametrize("outlier, agreeing, severity", [
    (0.95, (0.95, 0.95), Severity.ERROR),
    (0.5, (0.95, 0.95), Severity.INFO),     # the odd one out is a doubtful reading
    (0.95, (0.5, 0.95), Severity.ERROR),    # one firm source still stands against it
    (0.95, (0.5, 0.5), Severity.INFO)])     # every source it is held against is doubtful
def test_a_finding_resting_on_a_doubtful_reading_is_info(outlier, agreeing, severity):
    a, b, c = article("a", "2016-05-01"), article("b", "2016-07-01", "Screen Ledger"), article("c", "2016-06-01", "Set Report")
    claims = [claim(1, a, "2016-09-30").model_copy(update={"confidence": agreeing[0]}),
              claim(2, b, "2016-09-30").model_copy(update={"confidence": agreeing[1]}),
              claim(3, c, "2016-11-04").model_copy(update={"confidence": outlier})]
    found = [f for f in engine.find_conflicts(claims, [a, b, c]) if f.rule == "date-conflict"]
    assert [(f.claims[0], f.severity) for f in found] == [("c3", severity)]


def test_min_confidence_is_configurable():
    a, b, c = article("a", "2016-05-01"), article("b", "2016-07-01", "Screen Ledger"), article("c", "2016-06-01", "Set Report")
    claims = [claim(1, a, "2016-09-30"), claim(2, b, "2016-09-30"),
              claim(3, c, "2016-11-04").model_copy(update={"confidence": 0.5})]
    found = [f for f in engine.find_conflicts(claims, [a, b, c], settings=Settings(min_confidence=0.4))
             if f.rule == "date-conflict"]
    assert [f.severity for f in found] == [Severity.ERROR]


def test_a_move_that_names_no_old_date_explains_other_dates_said_before_it():
    # "Paramount shifted the film to May 23, 2025": whatever date earlier articles gave may be
    # the one it left; a later article giving another date is still compared.
    early, later = article("early", "2020-03-10", "Film Wire"), article("later", "2020-09-01", "Screen Ledger")
    shifted = film(10, TRADE, NEW, tense="past")
    shifted.explain["time"] = "move_destination"
    said_before = [film(1, early, OLD), shifted]
    assert not rule_findings(said_before, [early, TRADE], "date-conflict")
    assert rule_findings([*said_before, film(20, later, OLD)], [early, TRADE, later], "date-conflict")
    # Without the move, the two dates conflict.
    unmoved = shifted.model_copy(update={"explain": {}})
    assert rule_findings([film(1, early, OLD), unmoved], [early, TRADE], "date-conflict")


def test_a_date_bounded_on_one_side_is_no_new_date_of_a_move():
    # "Takes Its Cannes Bow Ahead Of May 23 Release" in the article that reports the move
    # from OLD must not make OLD current again for an article published before it.
    early = article("early", "2020-03-10", "Film Wire")
    ahead = film(12, TRADE, "2021-11-19", tense="none", mod="BEFORE")
    claims = [film(1, early, OLD), *move(10, TRADE, OLD, NEW), ahead]
    assert not rule_findings(claims, [early, TRADE], "date-conflict")


@pytest.mark.parametrize("text, earlier_run, severity", [
    ("Night Owls Live premieres in March.", None, Severity.ERROR),          # a first run: an alarm
    ("Night Owls Live returns in March.", None, Severity.INFO),              # a return: which cycle?
    ("Night Owls Live premieres in March.", "2016-03", Severity.INFO),       # it ran a year before
    ("Night Owls Live premieres in March.", "2016-12", Severity.ERROR)])     # too close to be a run before
def test_a_finding_on_a_series_claim_that_numbers_no_cycle_is_info(text, earlier_run, severity):
    a, b = article("a", "2017-01-05"), article("b", "2017-02-01", "Screen Ledger")
    said = show(1, a, "2017-03").model_copy(update={"evidence": Evidence(start=0, end=len(text), text=text)})
    claims = [said, show(2, b, "2017-05")]
    articles = [a, b]
    if earlier_run:
        told = article("told", "2016-12-20", "Set Report")
        claims.append(show(3, told, earlier_run, tense="past").model_copy(update={"event": "release"}))
        articles.append(told)
    found = [f for f in engine.find_conflicts(claims, articles) if f.rule == "date-conflict"
             and "c1" in f.claims]
    assert [f.severity for f in found] == [severity]


def test_a_release_told_for_one_named_market_is_compared_only_within_it():
    # "hits UK cinemas 18 August" (a UK paper's release) beside "opens August 4" (the US date).
    a, b, c = article("a", "2017-05-03", "UK Paper"), article("b", "2017-06-01", "Screen Ledger"), article("c", "2017-07-01", "Set Report")
    uk = claim(1, a, "2017-08-18")
    uk.explain["market"] = "uk"
    us = [claim(2, b, "2017-08-04"), claim(3, c, "2017-08-04")]
    assert not rule_findings([uk, *us], [a, b, c], "date-conflict")
    assert rule_findings([uk.model_copy(update={"explain": {}}), *us], [a, b, c], "date-conflict")


def test_a_guess_after_the_event_was_reported_done_is_no_tense_drift():
    a, b = article("a", "2018-05-29"), article("b", "2018-05-30", "Screen Ledger")
    done = claim(1, a, "2018-05-29", event="cancellation", tense="past")
    guess = claim(2, b, "FUTURE_REF", event="cancellation", tense="future")
    assert rule_findings([done, guess], [a, b], "tense-drift")
    guessed = guess.model_copy(update={"modality": "speculative"})
    assert not rule_findings([done, guessed], [a, b], "tense-drift")


@pytest.mark.parametrize("early, severity", [
    ("2018-06-01", Severity.INFO), ("2018-06", Severity.ERROR),
    ("2019", Severity.INFO),     # "set to be released in 2019": a year ahead
    ("2017", Severity.INFO),     # "later this year", the year still running
    ("2016", Severity.ERROR)])   # a year already over: no plan that could still move
def test_an_early_day_later_sources_contradict_may_have_moved(early, severity):
    # "opens June 1, 2018" in July 2017, then "May 18" from 2018 on: announced, then moved
    # (no source reports the move); an early month is no announced day.
    a = article("a", "2017-07-11")
    later = [article("b", "2018-02-08", "Screen Ledger"), article("c", "2018-05-11", "Set Report")]
    claims = [film(1, a, early), film(2, later[0], "2018-05-18"), film(3, later[1], "2018-05-18")]
    found = rule_findings(claims, [a, *later], "date-conflict")
    assert [f.severity for f in found] == [severity]


@pytest.mark.parametrize("opposed, severity", [
    ((("b", "2018-04-18", "2019-12-20"), ("c", "", "2019-12")), Severity.INFO),  # an undated source says no order
    ((("b", "2018-04-18", "2019-12"),), Severity.ERROR),                          # a month: no announced day
    ((("c", "", "2019-12-20"),), Severity.ERROR),                                 # no source known to be later
    ((("b", "2017-01-10", "2019-12-20"), ("c", "", "2019-12")), Severity.ERROR)])  # an earlier one disagrees
def test_an_early_day_against_later_and_undated_sources_may_have_moved(opposed, severity):
    """ "will debut on May 23rd, 2019" (April 2017) beside "slated to open on December 20, 2019"
    (April 2018) and an undated "will be released in December 2019"."""
    early = article("a", "2017-04-15")
    others = [Article(id=ident, body="text", outlet=f"Outlet {ident}",
                      published=parse_published(published) if published else None)
              for ident, published, _ in opposed]
    claims = [film(1, early, "2019-05-23")] + [film(number, source, value) for number, (source, (_, _, value))
                                               in enumerate(zip(others, opposed), start=2)]
    found = rule_findings(claims, [early, *others], "date-conflict")
    assert [f.severity for f in found] == [severity]


# --- a release told as done, and a date a year or more after it: two entries -----------------

@pytest.mark.parametrize("first, second, severity", [
    ("2016", "2019-05-03", Severity.INFO),        # "the first film came out in 2016" / "comes out May 3, 2019"
    ("2017-06-02", "2019-11", Severity.INFO),     # the film opened; "the sequel is slated for November 2019"
    ("2017-06-02", "2017-11", Severity.ERROR)])   # months apart: one film, a wrong date
def test_a_release_years_after_one_told_as_done_is_another_entry(first, second, severity):
    a, b = article("a", "2017-07-01"), article("b", "2018-01-10", "Screen Ledger")
    claims = [claim(1, a, first, tense="past"), claim(2, b, second)]
    found = rule_findings(claims, [a, b], "date-conflict")
    assert [f.severity for f in found] == [severity]


def test_a_later_date_told_as_done_after_earlier_plans_is_a_slipped_date():
    """ "opened in July 2023" (2025) beside "opens July 23, 2021" (2019): a date that slipped,
    still a conflict."""
    a, b = article("a", "2019-01-15"), article("b", "2025-05-15", "Screen Ledger")
    claims = [claim(1, a, "2021-07-23"), claim(2, b, "2023-07", tense="past")]
    found = rule_findings(claims, [a, b], "date-conflict")
    assert found and found[0].severity == Severity.ERROR


def test_a_release_years_before_is_no_tense_drift_for_a_new_entry():
    a, b = article("a", "2017-07-01"), article("b", "2018-01-10", "Screen Ledger")
    new_entry = [claim(1, a, "2002", tense="past"), claim(2, b, "2019")]
    assert not rule_findings(new_entry, [a, b], "tense-drift")
    same_film = [claim(1, a, "2017-06-02", tense="past"), claim(2, b, "2018-02")]
    assert rule_findings(same_film, [a, b], "tense-drift")


def test_out_now_is_not_ahead():
    """ "is in theaters now", "is available to watch now on Netflix": out already."""
    a, b = article("a", "2018-07-01"), article("b", "2018-08-10", "Screen Ledger")
    claims = [claim(1, a, "2018-06-29", tense="past"), claim(2, b, "PRESENT_REF", tense="present")]
    assert not rule_findings(claims, [a, b], "tense-drift")


def test_a_move_only_guessed_at_is_no_reported_move():
    """ "might be delayed from April 2019" reports no move: a later article still giving April
    19, 2019 is not stale."""
    a, b = article("a", "2017-11-27"), article("b", "2018-04-04", "Screen Ledger")
    guessed = claim(1, a, "2019-04", "speculative", superseded=True, tense="past")
    claims = [guessed, claim(2, a, "2018-09", "speculative"), claim(3, b, "2019-04-19", tense="past")]
    assert all(f.claims[0] != "c3" for f in rule_findings(claims, [a, b], "date-conflict"))
    assert any(f.claims[0] == "c3" for f in rule_findings(
        [guessed.model_copy(update={"modality": "expected"}), claim(2, a, "2018-09"), claims[2]], [a, b], "date-conflict"))


def test_a_guess_with_a_past_date_is_no_tense_drift():
    """ "when I tweeted on May 30 that the show might get canceled": a guess, not a plan gone stale."""
    a = article("a", "2017-06-09")
    assert not rule_findings([claim(1, a, "2017-05-30", "speculative", event="cancellation")], [a], "tense-drift")
    assert rule_findings([claim(1, a, "2017-05-30", event="cancellation")], [a], "tense-drift")


def test_the_newest_source_giving_a_later_date_is_a_possible_delay():
    """ "opens June 5, 2020" (December 2018) beside "Nov. 1, 2019" (June and July 2018): the
    newest source, a later date still ahead: a delay no source reports, info; the same date
    from a source between the others stays a conflict."""
    a, b, c = article("a", "2018-06-01"), article("b", "2018-07-09", "Screen Ledger"), article("c", "2018-12-24", "Set Report")
    claims = [claim(1, a, "2019-11-01"), claim(2, b, "2019-11-01"), claim(3, c, "2020-06-05")]
    assert [f.severity for f in rule_findings(claims, [a, b, c], "date-conflict")] == [Severity.INFO]
    between = article("c", "2018-06-15", "Set Report")
    claims = [claim(1, a, "2019-11-01"), claim(2, b, "2019-11-01"), claim(3, between, "2020-06-05")]
    assert [f.severity for f in rule_findings(claims, [a, b, between], "date-conflict")] == [Severity.ERROR]


def write_articles(folder: Path, texts: dict[str, tuple[str, str, str]]) -> None:
    """Markdown articles {id: (outlet, published, text)} under one headline."""
    for ident, (outlet, published, text) in texts.items():
        (folder / f"{ident}.md").write_text(
            f"---\nid: {ident}\noutlet: {outlet}\npublished: {published}\n---\nEmber Road News\n\n{text}\n",
            encoding="utf-8")


OPENING_ARTICLES = {
    "dailyreel-2018-02-ember-road": ("Daily Reel", "2018-02-10", 'The action film "Ember Road" opens on May 25, 2018.'),
    "screenwire-2018-05-ember-road": ("Screen Wire", "2018-05-20", 'The action film "Ember Road" hits theaters on May 25.'),
    "londonpost-2018-05-ember-road": ("London Post", "2018-05-22", 'The action film "Ember Road" opens 24 May.'),
}


@pytest.mark.parametrize("uk_text, flagged", [
    ('The action film "Ember Road" opens 24 May.', False),                      # told the British way
    ('The action film "Ember Road" is released in cinemas on May 24.', False),  # "cinemas"
    ('The action film "Ember Road" opens on May 24.', True),                    # one market: a day apart
    ('The action film "Ember Road" opens in US cinemas on May 24.', True)])     # the home market's: the release
def test_a_film_opening_told_the_british_way_is_the_uks(tmp_path, uk_text, flagged):
    write_articles(tmp_path, {ident: (outlet, published, uk_text if ident.startswith("londonpost") else text)
                              for ident, (outlet, published, text) in OPENING_ARTICLES.items()})
    conflicts = [f for f in findings(tmp_path) if f.rule == "date-conflict"]
    assert bool(conflicts) is flagged


@pytest.mark.parametrize("abroad_text, flagged", [
    ('The E! series "Ember Road" is streaming on hayu from August 7.', False),   # a service abroad
    ('The E! series "Ember Road" premieres on August 7.', True)])
def test_a_release_on_a_service_abroad_is_that_markets(tmp_path, abroad_text, flagged):
    texts = {"dailyreel-2017-07-ember-road": ("Daily Reel", "2017-07-20", 'The E! series "Ember Road" premieres on August 6.'),
             "screenwire-2017-08-ember-road": ("Screen Wire", "2017-08-01", 'The E! series "Ember Road" debuts on August 6.'),
             "londonpost-2017-07-ember-road": ("London Post", "2017-07-25", abroad_text)}
    write_articles(tmp_path, texts)
    conflicts = [f for f in findings(tmp_path) if f.rule == "date-conflict" and f.severity != Severity.INFO]
    assert bool(conflicts) is flagged


@pytest.mark.parametrize("agreed, value, year, severity", [
    (("2017-07-16", "2017-07-16"), "2018-07-16", "clause_tense", Severity.INFO),  # "Season 7 (which premiered July 16)"
    (("2017-12-15", "2017-W50"), "2019-12", "default: ahead", Severity.INFO),   # "both got December premieres"
    (("2019", "2019-06-09"), "2018-06-09", "default: ahead", Severity.INFO),    # "will debut June 9", a year early
    (("2017-07-16", "2017-07-16"), "2018-07-16", "", Severity.ERROR),            # the article wrote the year
    (("2017-07-16", "2017-07-16"), "2018-08-20", "clause_tense", Severity.ERROR)])  # another day, not only a year
def test_a_year_the_article_did_not_write_is_no_conflict_of_dates(agreed, value, year, severity):
    a, b = article("a", "2017-05-05"), article("b", "2017-05-25", "Screen Ledger")
    late = article("c", "2019-12-21", "Set Report")
    guessed = claim(3, late, value, tense="past")
    guessed.explain["year"] = year
    found = rule_findings([claim(1, a, agreed[0]), claim(2, b, agreed[1]), guessed], [a, b, late], "date-conflict")
    assert [f.severity for f in found] == [severity]


@pytest.mark.parametrize("window_text, flagged", [
    ('It is possible that the action film "Ember Road" will hit Netflix on December 1.', False),  # a window
    ('The action film "Ember Road" will hit theaters on December 1.', True)])
def test_a_films_arrival_on_a_streaming_service_is_its_streaming_window(tmp_path, window_text, flagged):
    write_articles(tmp_path, {
        "dailyreel-2018-02-ember-road": ("Daily Reel", "2018-02-10", 'The action film "Ember Road" opens on April 27.'),
        "screenwire-2018-04-ember-road": ("Screen Wire", "2018-04-20", 'The action film "Ember Road" opens on April 27.'),
        "setreport-2018-03-ember-road": ("Set Report", "2018-03-01", window_text)})
    conflicts = [f for f in findings(tmp_path) if f.rule == "date-conflict" and f.severity != Severity.INFO]
    assert bool(conflicts) is flagged


@pytest.mark.parametrize("agreed, value, said, severity", [
    ("2017-05-12", "2017-05-13", "tomorrow", Severity.INFO),       # dated the opening day, written the day before
    ("2018-02-26", "2018-W10", "last week", Severity.INFO),        # "down from last week's series premiere"
    ("2017-05-12", "2017-05-13", "May 13", Severity.ERROR),        # the date as written
    ("2017-05-12", "2017-05-26", "two weeks from tomorrow", Severity.ERROR)])  # more than a week off
def test_a_time_counted_from_the_articles_date_within_a_week_is_info(agreed, value, said, severity):
    a, b = article("a", "2017-03-24"), article("b", "2018-06-01", "Screen Ledger")
    counting = article("c", "2017-05-12", "Set Report")
    counted = claim(3, counting, value).model_copy(update={"time_text": said})
    found = rule_findings([claim(1, a, agreed), claim(2, b, agreed, tense="past"), counted], [a, b, counting],
                          "date-conflict")
    assert [f.severity for f in found] == [severity]


def test_a_written_date_against_only_times_counted_from_their_articles_within_a_week_is_info():
    """ "will debut Monday, February 26" beside a ratings story's "last week's series premiere"
    dated a week late: the two disagree only by the ratings story's date."""
    a, b = article("a", "2017-11-17"), article("b", "2018-03-13", "Screen Ledger")
    written = claim(1, a, "2018-02-26").model_copy(update={"time_text": "Monday, February 26"})
    counted = claim(2, b, "2018-W10", tense="past").model_copy(update={"time_text": "last week"})
    assert [f.severity for f in rule_findings([written, counted], [a, b], "date-conflict")] == [Severity.INFO]


@pytest.mark.parametrize("done_published, flagged", [
    ("2018-04-13", False),   # "reported done" two months before every date given: a misreading
    ("2018-06-20", True)])   # done after the date given: the later "opens June 30" has drifted
def test_a_timeless_done_report_before_every_date_given_is_no_evidence(done_published, flagged):
    a, b = article("a", "2018-02-01"), article("b", done_published, "Screen Ledger")
    late = article("c", "2018-06-25", "Set Report")
    done = claim(2, b, "2018", tense="past").model_copy(update={"time": None, "interval": None})
    claims = [claim(1, a, "2018-06-15"), done, claim(3, late, "2018-06-30", tense="present")]
    assert bool(rule_findings(claims, [a, b, late], "tense-drift")) is flagged


@pytest.mark.parametrize("text, flagged", [
    ('The Netflix series Ember Road will resume production in early 2018, a spokesperson said.', True),
    ('“The Netflix series Ember Road will resume production in early 2018,” a spokesperson said.', False)])
def test_a_quotation_keeps_the_speakers_tense(tmp_path, text, flagged):
    """An old statement quoted in a later article ("production will resume in early 2018," in
    June 2018) is the speaker's future, not the article's drift; the article's own words are."""
    write_articles(tmp_path, {"dailyreel-2018-06-ember-road": ("Daily Reel", "2018-06-16", text)})
    drift = [f for f in findings(tmp_path) if f.rule == "tense-drift"]
    assert bool(drift) is flagged


# --- invalid-date ------------------------------------------------------------------------------

SLIPS = Article(id="dailyreel-2017-01-slips", outlet="Daily Reel", published=parse_published("2017-01-10"),
                body="Ember Falls returns February 30. Yes, February 30, the showrunner said; it wraps 31 April.")


def test_an_impossible_date_is_one_finding_citing_every_place_the_article_writes_it(tmp_path):
    (tmp_path / "slips.md").write_text(f"---\nid: {SLIPS.id}\noutlet: Daily Reel\npublished: 2017-01-10\n---\n"
                                       f"{SLIPS.body}\n", encoding="utf-8")
    only = Settings(rules={rule: rule == "invalid-date" for rule in RULES})
    extracted = findings(tmp_path, settings=only)
    # Claims made elsewhere: the engine finds the dates in the bodies itself.
    handed_in = engine.find_conflicts([], [SLIPS], settings=only)
    for found in (extracted, handed_in):
        assert [f.message for f in found] == [
            "Daily Reel (Jan 10, 2017) writes \u201cFebruary 30\u201d (2 times), a date that does not exist: "
            "February never has a 30th day.",
            "Daily Reel (Jan 10, 2017) writes \u201c31 April\u201d, a date that does not exist: April has 30 days."]
        first = found[0]
        assert (first.rule, first.severity, first.subject, first.event, first.claims) == (
            "invalid-date", Severity.WARNING, None, None, [])
        assert first.articles == [SLIPS.id]
        assert [SLIPS.body[cite.start:cite.end] for cite in first.evidence] == ["February 30"] * 2
    assert [f.fingerprint for f in extracted] == [f.fingerprint for f in handed_in]


def test_invalid_date_reports_only_the_articles_a_focused_run_is_about():
    other = SLIPS.model_copy(update={"id": "screenledger-2017-01-slip", "outlet": "Screen Ledger"})
    only = Settings(rules={rule: rule == "invalid-date" for rule in RULES})
    found = engine.find_conflicts([], [SLIPS, other], settings=only, focus={other.id})
    assert {article for f in found for article in f.articles} == {other.id}


def test_findings_about_no_work_come_after_the_works_in_the_order_written():
    body = "Ember Falls premieres on September 30, 2016. Ember Falls will debuted in December 32."
    article = Article(id="a", body=body, published=parse_published("2016-05-10"))
    report_findings = engine.find_conflicts(
        [claim(1, article, "2016-09-30", tense="mixed")], [article],
        settings=Settings(rules={rule: rule in ("invalid-date", "mixed-tense") for rule in RULES}))
    assert [f.rule for f in report_findings] == ["mixed-tense", "invalid-date"]


def test_a_finding_cites_at_most_fifty_claims_but_counts_and_weighs_them_all(monkeypatch):
    odd = article("odd", "2016-07-01", "Odd Outlet")
    agreeing = [article(f"s{n}", "2016-05-01", f"Outlet {n}") for n in range(60)]
    claims = [claim(n, source, "2016-09-30") for n, source in enumerate(agreeing)] + [claim(99, odd, "2016-11-04")]
    [found] = rule_findings(claims, agreeing + [odd], "date-conflict")
    assert found.claims[0] == "c99" and len(found.claims) == engine.MAX_CITED_CLAIMS == 50
    assert len(found.evidence) == 50 and "and 59 others put it" in found.message
    monkeypatch.setattr(engine, "MAX_CITED_CLAIMS", 1000)
    [whole] = rule_findings(claims, agreeing + [odd], "date-conflict")
    assert len(whole.claims) == 61
    assert (whole.fingerprint, whole.severity, whole.message) == (found.fingerprint, found.severity, found.message)
