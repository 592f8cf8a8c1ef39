"""Incremental checks: `checker check --changed NEW.md` against the corpus a store keeps.

The corpus (tests/fixtures/articles/incremental/corpus/) is about an invented film, The
Lantern Keepers: three outlets date it October 3, 2024 and spell its director Marisol
Quintero. The new article (new/) dates it November 14 and spells her "Quintera": a date
conflict and a name variant, both involving only the new article.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import checker.engine
from checker import engine
from checker.config import Settings
from checker.review.store import Store, StoreError
from checker.rules import name_variant
from claims.extract import snapshot, works
from claims.names import Spelling, Spellings
from claims.reading import read_articles
from test_cli import run

INCREMENTAL = Path(__file__).parent / "fixtures" / "articles" / "incremental"
NEW = INCREMENTAL / "new" / "filmwire-2024-03-lantern-keepers-date.md"
NEW_ID = "filmwire-2024-03-lantern-keepers-date"
CAST = "screenpost-2024-02-lantern-keepers-cast.md"
CAST_ID = "screenpost-2024-02-lantern-keepers-cast"
KEPT = "other articles the store keeps from its full check"


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(INCREMENTAL / "corpus", folder)
    return folder


def check_json(*args):
    result = run("check", *args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    return result, json.loads(result.stdout)


def findings(document) -> list[dict]:
    """The findings without their ids, which number the findings of one run."""
    return [{key: value for key, value in finding.items() if key != "id"} for finding in document["findings"]]


def test_a_new_article_is_checked_against_the_kept_corpus_without_reading_it(corpus, own_store, tmp_path):
    check_json(corpus)
    full_store = tmp_path / "full.sqlite"
    shutil.copy(own_store, full_store)
    _, full = check_json(corpus, "--changed", NEW, "--full", "--store", full_store)
    shutil.rmtree(corpus)   # the kept corpus is all an incremental check needs
    result, incremental = check_json("--changed", NEW)
    assert f"1 changed article checked against the 3 {KEPT}" in result.stderr
    assert findings(incremental) == findings(full)
    assert sorted(finding["rule"] for finding in incremental["findings"]) == ["date-conflict", "name-variant"]
    assert all(NEW_ID in finding["articles"] for finding in incremental["findings"])
    assert [article["id"] for article in incremental["articles"]] == [NEW_ID]


def test_the_incremental_check_is_recorded_like_a_full_one(corpus, own_store):
    check_json(corpus)
    check_json("--changed", NEW)
    store = Store.open(str(own_store))
    stored = store.kept_corpus(engine.kept_fingerprint(Settings()))
    # The new article and its claim are stored; the kept works and spellings stay those of
    # the last full check, which the incremental one does not replace.
    assert NEW_ID in store.articles([NEW_ID])
    assert NEW_ID in {claim.article for claim in stored.claims_about({"lantern keepers"})}
    assert {row["rule"] for row in store.findings()} >= {"date-conflict", "name-variant"}
    store.engine.dispose()


def test_an_edited_article_replaces_its_stored_version(corpus, tmp_path):
    check_json(corpus)
    edited = tmp_path / "edited" / CAST
    edited.parent.mkdir()
    edited.write_text((corpus / CAST).read_text(encoding="utf-8").replace("October 3", "November 14"),
                      encoding="utf-8")
    _, document = check_json("--changed", edited)
    cast_claims = [claim for claim in document["claims"] if claim["article"] == CAST_ID]
    assert [claim["time"]["value"] for claim in cast_claims] == ["2024-11-14"]
    [conflict] = [finding for finding in document["findings"] if finding["rule"] == "date-conflict"]
    assert CAST_ID in conflict["articles"] and len(conflict["articles"]) == 3


def test_without_a_kept_corpus_the_whole_corpus_is_read(corpus):
    result, document = check_json(corpus, "--changed", NEW)
    assert "no full check is recorded in the store yet: reading the whole corpus" in result.stderr
    assert sorted(finding["rule"] for finding in document["findings"]) == ["date-conflict", "name-variant"]
    # ... and that check kept the corpus for the next one.
    assert KEPT in check_json(corpus, "--changed", NEW)[0].stderr


def test_a_corpus_kept_by_another_extractor_is_read_again(corpus, monkeypatch):
    check_json(corpus)
    monkeypatch.setattr(checker.engine, "kept_fingerprint", lambda settings: "another-version")
    result, document = check_json(corpus, "--changed", NEW)
    assert "read by another version of the checker or other work settings: reading the whole corpus" \
        in result.stderr
    assert len(document["findings"]) == 2


def test_other_work_settings_make_the_kept_corpus_stale(corpus, workdir_config):
    check_json(corpus)
    workdir_config.write_text('not-works = ["Northlight Pictures"]\n')
    assert "other work settings" in check_json(corpus, "--changed", NEW)[0].stderr


@pytest.fixture
def workdir_config(tmp_path, monkeypatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path / "checker.toml"


def test_no_store_reads_the_whole_corpus(corpus):
    check_json(corpus)
    result, document = check_json(corpus, "--changed", NEW, "--no-store")
    assert KEPT not in result.stderr and len(document["findings"]) == 2


# --- what is kept -----------------------------------------------------------------------------

def test_the_kept_lexicon_finds_what_the_learned_one_finds(corpus):
    articles, _ = read_articles([str(corpus), str(NEW)])
    report = engine.extract([str(corpus), str(NEW)])
    kept = snapshot.lexicon_from_state(json.loads(json.dumps(snapshot.lexicon_state(report.lexicon))))
    works.index_works(kept)
    learned = report.lexicon
    assert (kept.titles, kept.alias_keys, kept.persons, kept.short_forms, kept.marked_only) == \
        (learned.titles, learned.alias_keys, learned.persons, learned.short_forms, learned.marked_only)
    again = checker.engine.extract_corpus(articles, known=snapshot.lexicon_from_state(
        snapshot.lexicon_state(report.lexicon))).claims
    assert [claim.model_dump() for claim in again] == [claim.model_dump() for claim in report.claims]


def test_kept_spellings_are_read_whole_only_where_asked(corpus):
    store_rows = {"Marisol Quintero": (3, {"a": 1, "b": 2, "c": 3}), "Quintero": (3, {"a": 9, "b": 9, "c": 9})}
    asked: list[list[str]] = []

    def fetch(texts):
        asked.append(sorted(texts))
        return {text: store_rows[text] for text in texts if text in store_rows}

    kept = snapshot.stored_spellings([("Marisol Quintero", 3, 3), ("Quintero", 3, 3)], ["the"], fetch)
    spelling = kept.runs["Quintero"]
    assert spelling.article_count == 3 and not spelling.writes_any({"a"}) and asked == []
    assert spelling.articles == {"a": 9, "b": 9, "c": 9} and asked == [["Quintero"]]


def test_new_uses_of_a_kept_spelling_are_counted_without_reading_it():
    stored_rows = {"Quintero": (3, {"a": 9, "b": 9, "c": 9}), "Quintera": (1, {"a": 40})}
    asked: list[list[str]] = []

    def fetch(texts):
        asked.append(sorted(texts))
        return {text: stored_rows[text] for text in texts if text in stored_rows}

    kept = snapshot.stored_spellings([("Quintero", 3, 3)], [], fetch)
    new = Spellings(runs={"Quintero": Spelling("Quintero", {"new": 5}, 1),
                          "Quintera": Spelling("Quintera", {"new": 20}, 1)})
    merged = snapshot.add_new_articles(kept, new, fetch, replaced=set()).resolved()
    assert asked == [["Quintera"]]   # only the name the store keeps no summary of
    assert merged["Quintera"].articles == {"a": 40, "new": 20} and merged["Quintera"].count == 2
    established = merged["Quintero"]
    assert (established.article_count, established.count) == (4, 4) and established.writes_any({"new"})
    assert established.articles == {"a": 9, "b": 9, "c": 9, "new": 5}
    # An edited article's stored uses give way to its new text: those names are read whole.
    kept = snapshot.stored_spellings([("Quintero", 3, 3)], [], fetch)
    edited = Spellings(runs={"Quintero": Spelling("Quintero", {"a": 7}, 1)})
    assert snapshot.add_new_articles(kept, edited, fetch, replaced={"a"}).resolved()["Quintero"].articles == \
        {"b": 9, "c": 9, "a": 7}


def test_the_neighbour_index_finds_what_the_deletion_index_finds():
    """An incremental check looks for the established spellings near a new one another way;
    it must find the same ones, but those whose differing word starts with another letter
    (which no rule ever takes for a slip)."""
    names = ["Marisol Quintero", "Marisol Quintana", "Krysten Ritter", "Kristen Ritter", "Krysten Rittter",
             "Christian Bale", "Kristian Bale", "The Lantern Keepers", "The Lantern Keeper", "The Lanterns Keepers",
             "Lantern", "Lanterns", "Quintero", "Quintera", "Winter", "Hinter", "Ritter", "Bitter",
             "Anthony Mackie", "Anthony Macky", "Anthony", "Antony"]
    established = [Spelling(name, {"a": 0, "b": 0}, 2) for name in names]
    queries = [name.split() for name in names + ["Marisol Quintera", "Krysten Ritten", "The Lanturn Keepers",
                                                   "Christain Bale", "Quinterro", "Anthoni Mackie"]]
    rare = [Spelling(" ".join(words)) for words in queries]
    full, near = name_variant.deletion_index(established), name_variant.neighbour_index(established, rare)
    for spelling in rare:
        for position, word in enumerate(spelling.words):
            same_letter = {other.text for other in full(spelling, position)
                           if other.words[position][:1].lower() == word[:1].lower()}
            assert {other.text for other in near(spelling, position)} == same_letter, spelling.text


def test_a_store_keeps_one_corpus_and_checks_its_fingerprint(store_url, corpus):
    store = Store(store_url)
    store.ready()
    settings = Settings()
    report = engine.check([str(corpus)], None, settings)
    for _ in range(2):   # kept twice: the second replaces the first
        store.record_check(report.articles, report.claims, report.findings,
                           engine.make_corpus(report.claims, report.articles, report.lexicon, settings),
                           engine.kept_corpus(report, settings))
    stored = store.kept_corpus(engine.kept_fingerprint(settings))
    assert [claim.model_dump() for claim in stored.claims_about({"lantern keepers", "another work"})] == \
        [claim.model_dump() for claim in report.claims]
    assert stored.claims_about({"another work"}) == []
    # How each claim was read comes back too: rules weigh it (a year the reading supplied).
    assert [claim.explain for claim in stored.claims_about({"lantern keepers"})] == \
        [claim.explain for claim in report.claims] and report.claims[0].explain
    assert stored.article_works() == {article.id: {"lantern keepers"} for article in report.articles}
    assert stored.article_count == len(report.articles)
    # Articles are read back when asked for, as they were stored.
    assert all(stored.articles.get(article.id).body == article.body for article in report.articles)
    assert stored.articles.get("no-such-article") is None
    assert ("Marisol Quintero", 3, 3) in [tuple(row) for row in stored.spellings]
    assert stored.fetch(["Marisol Quintero"])["Marisol Quintero"][0] == 3
    with pytest.raises(StoreError, match="another version"):
        store.kept_corpus("0" * 16)
    store.engine.dispose()


def test_stored_claims_are_read_for_the_works_order_claims_tie_together():
    """A new claim about A reads A's stored claims; a stored order claim "A after B" brings
    B's, and B's "B before C" brings C's: the order rule weighs the dates of all three."""
    from types import SimpleNamespace

    def claim(work, other=None):
        return SimpleNamespace(subject=SimpleNamespace(work=work),
                               object=SimpleNamespace(work=other) if other else None)

    by_work = {"a": [claim("A", "B")], "b": [claim("B", "C"), claim("B")], "c": [claim("C")], "d": [claim("D")]}
    asked: list[set[str]] = []

    def claims_about(keys):
        asked.append(set(keys))
        return [found for key in sorted(keys) for found in by_work.get(key, [])]

    stored = SimpleNamespace(claims_about=claims_about)
    corpus = engine.make_corpus([], [], None, Settings())
    found = engine.related_claims([claim("A")], stored, corpus)
    assert {item.subject.work for item in found} == {"A", "B", "C"}
    assert asked == [{"a"}, {"b"}, {"c"}]   # each work asked for once, D never


def test_a_store_made_before_incremental_checks_is_upgraded_with_its_articles(store_url, corpus):
    """Revision 0002 adds the kept spellings and each article's first body line (1 for the
    articles already stored)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from checker.review.store import MIGRATIONS

    store = Store(store_url)
    with store.transaction() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text("INSERT INTO articles (id, body, content_hash, checked_at) "
                                "VALUES ('old', 'Old text.', 'x', CURRENT_TIMESTAMP)"))
    with pytest.raises(StoreError, match="run `checker db upgrade`"):
        store.ready()
    assert store.upgrade() == ("0001", store.head())
    assert store.stored_articles(["old"])["old"].body_line == 1
    with pytest.raises(StoreError, match="no full check is recorded"):
        store.kept_corpus(engine.kept_fingerprint(Settings()))
    store.engine.dispose()


def test_a_changed_article_answers_for_its_own_spellings_only(corpus):
    """A stored article misspells the director; a changed article that spells her as the
    others do is not held to that finding, whether the corpus is read again or not; the
    article with the slip is."""
    slip = corpus / "quickreel-2024-02-lantern-keepers-slip.md"
    slip.write_text((corpus / CAST).read_text(encoding="utf-8").replace("Quintero", "Quintera"), encoding="utf-8")
    _, everything = check_json(corpus)
    assert [finding["rule"] for finding in everything["findings"]] == ["name-variant"]
    for way in ((corpus,), ("--full", corpus)):
        _, document = check_json(*way, "--changed", corpus / CAST.replace("screenpost", "reelnotes").replace(
            "cast", "trailer"))
        assert document["findings"] == []
        _, document = check_json(*way, "--changed", slip)
        assert [finding["rule"] for finding in document["findings"]] == ["name-variant"]


def test_an_incremental_check_on_each_kind_of_store(store_url, corpus, monkeypatch):
    monkeypatch.setenv("CHECKER_STORE", store_url)
    check_json(corpus)
    shutil.rmtree(corpus)
    for _ in range(2):   # and again, on the store the first one recorded into
        result, document = check_json("--changed", NEW)
        assert f"1 changed article checked against the 3 {KEPT}" in result.stderr
        assert sorted(finding["rule"] for finding in document["findings"]) == ["date-conflict", "name-variant"]


def test_names_the_corpus_decided_are_not_learned_again(corpus, monkeypatch):
    """An article that names only what the kept corpus decided is not learned from (its
    claims are the same without); one with a new name is, and only the new name is added."""
    from claims.extract import pipeline

    report = engine.extract([str(corpus)])
    state = snapshot.lexicon_state(report.lexicon)
    stored_again, _ = read_articles([str(corpus / CAST)])
    real_learn = pipeline.learn
    monkeypatch.setattr(pipeline, "learn", lambda *args, **kwargs: pytest.fail("learned again"))
    again = pipeline.extract_corpus(stored_again, known=snapshot.lexicon_from_state(state)).claims
    assert [claim.model_dump(exclude={"id"}) for claim in again] == \
        [claim.model_dump(exclude={"id"}) for claim in report.claims if claim.article == CAST_ID]
    monkeypatch.setattr(pipeline, "learn", real_learn)
    new, _ = read_articles([str(NEW)])
    lexicon = pipeline.extract_corpus(new, known=snapshot.lexicon_from_state(state)).lexicon
    assert set(lexicon.registry.works) == set(report.lexicon.registry.works)   # nothing new is a work


def test_a_date_no_calendar_has_in_a_new_article_is_found_as_a_full_check_finds_it(corpus, own_store, tmp_path):
    check_json(corpus)
    slip = tmp_path / "slip.md"
    slip.write_text(NEW.read_text(encoding="utf-8") + "\nThe premiere party is on February 30, 2025.\n",
                    encoding="utf-8")
    full_store = tmp_path / "full.sqlite"
    shutil.copy(own_store, full_store)
    _, full = check_json(corpus, "--changed", slip, "--full", "--store", full_store)
    _, incremental = check_json("--changed", slip)
    assert [finding["rule"] for finding in findings(incremental)].count("invalid-date") == 1
    assert findings(incremental) == findings(full)


def test_a_headline_slip_in_a_new_article_is_found_as_a_full_check_finds_it(corpus, own_store, tmp_path):
    """The new article's headline misspells the director its body spells as the corpus does:
    found against the kept spelling, which is not read back whole for it."""
    check_json(corpus)
    slip = tmp_path / "slip.md"
    slip.write_text("---\noutlet: Film Wire\npublished: \"2024-03-06\"\n---\n"
                    "Marisol Quintera Talks Lanterns And Lighthouses\n\n"
                    "Director Marisol Quintero said the shoot took a year.\n", encoding="utf-8")
    full_store = tmp_path / "full.sqlite"
    shutil.copy(own_store, full_store)
    _, full = check_json(corpus, "--changed", slip, "--full", "--store", full_store)
    _, incremental = check_json("--changed", slip)
    headline = [finding for finding in findings(incremental) if "headlines" in finding["message"]]
    assert [finding["evidence"][0]["text"] for finding in headline] == ["Marisol Quintera"]
    assert findings(incremental) == findings(full)
