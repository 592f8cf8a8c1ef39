"""The review store on SQLite and on a real PostgreSQL server: migrations, recording checks,
decisions kept across re-runs, reopening, resolving, and two editors deciding at once.

The corpus is tests/fixtures/articles/ci/corpus: Screen Dispatch says the invented series
Ember Falls premieres on September 30, 2016, Reel Wire says November 4 (a date conflict).
"""
from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from checker import engine
from checker.config import Settings
from checker.review import schema
from checker.review.store import StaleDecision, Store, StoreError, switch_to_wal

CORPUS = Path(__file__).parent / "fixtures" / "articles" / "ci" / "corpus"
REEL_WIRE = "reel-wire-2016-07-ember-falls-date.md"
NOVEMBER = "Ember Falls premieres on November 4, 2016"
# Date conflicts only: the other rules have fixtures of their own.
ONLY_DATES = Settings(rules={rule: rule == "date-conflict" for rule in engine.RULES})


@pytest.fixture
def store(store_url) -> Store:
    store = Store(store_url)
    store.ready()
    yield store
    store.engine.dispose()


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def check_into(store: Store, *targets: Path):
    report = engine.check([str(target) for target in targets], None, ONLY_DATES)
    corpus = engine.make_corpus(report.claims, report.articles, report.lexicon, ONLY_DATES)
    return store.record_check(report.articles, report.claims, report.findings, corpus), report


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / REEL_WIRE
    body = path.read_text(encoding="utf-8")
    assert old in body
    path.write_text(body.replace(old, new), encoding="utf-8")


def only_finding(store: Store) -> dict:
    rows = store.findings()
    assert len(rows) == 1, rows
    return store.finding(rows[0]["fingerprint"])


# -- schema ---------------------------------------------------------------------------------

def test_an_empty_store_is_migrated_to_the_newest_revision(store):
    assert store.revision() == store.head()
    with store.connect() as connection:
        # The tables the migrations made are exactly the ones schema.py declares.
        assert compare_metadata(MigrationContext.configure(connection), schema.metadata) == []


def test_the_code_expects_the_newest_migration():
    from alembic.script import ScriptDirectory

    from checker.review.store import MIGRATIONS
    assert ScriptDirectory(str(MIGRATIONS)).get_current_head() == schema.REVISION


def test_upgrading_an_up_to_date_store_changes_nothing(store):
    assert store.upgrade() == (store.head(), store.head())


def test_a_store_behind_the_code_asks_for_db_upgrade(store):
    with store.transaction() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    with pytest.raises(StoreError, match="run `checker db upgrade`"):
        store.ready()


def test_a_store_from_before_sessions_upgrades_and_keeps_its_editors(store_url, corpus):
    """A store made at revision 0002 (before sessions were kept in the store) is refused
    until `checker db upgrade`, which adds the sessions and sign-in tables and loses nothing."""
    old = Store(store_url)
    with old.schema_lock():
        old._migrate("0002")
    old.add_user("alice", "hash")
    summary, _ = check_into(old, corpus)
    with pytest.raises(StoreError, match="run `checker db upgrade`"):
        old.ready()
    assert old.upgrade() == ("0002", old.head())
    assert old.users() == ["alice"] and old.password_hash("alice") == "hash"
    assert [row["fingerprint"] for row in old.findings()] == summary.new
    assert old.session_editor(old.open_session("alice")) == "alice"
    with old.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), schema.metadata) == []
    old.engine.dispose()


def open_at_once(url: str, barrier, errors) -> None:
    barrier.wait()
    try:
        Store.open(url)
    except Exception as err:   # (reported to the test through the queue)
        errors.put(repr(err))


def at_once(target, args: tuple, count: int, seconds: int) -> list[str]:
    """Runs `target(*args, barrier, errors)` in `count` processes released together; the
    errors they report, and one for each process that did not end well."""
    import multiprocessing
    context = multiprocessing.get_context("fork")
    barrier, errors = context.Barrier(count), context.Queue()
    processes = [context.Process(target=target, args=(*args, barrier, errors)) for _ in range(count)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(seconds)
    found = [errors.get() for _ in range(errors.qsize())] if not errors.empty() else []
    return found + [f"exit status {process.exitcode}" for process in processes if process.exitcode != 0]


def test_checks_creating_a_new_store_at_once_all_succeed(store_url):
    """Four processes open one empty store at the same moment: one creates the schema, the
    others wait for it and find it made (no "table already exists")."""
    assert at_once(open_at_once, (store_url,), 4, 120) == []
    assert Store(store_url).revision() == schema.REVISION


def test_new_sqlite_stores_opened_at_once_all_succeed(tmp_path):
    """Switching a new SQLite file to WAL races: SQLite refuses the losers at once, without its
    busy wait. One round lost it about one time in twelve; twenty fresh files make it likely
    to show (the test below holds the retry itself to account every time)."""
    for round in range(20):
        url = f"sqlite:///{tmp_path / f'store-{round}.sqlite'}"
        assert at_once(open_at_once, (url,), 4, 120) == [], f"round {round}"


class BusyCursor:
    """Refuses `PRAGMA journal_mode=WAL` with SQLite's error `refusals` times, then takes it."""

    def __init__(self, refusals: int, code: int = sqlite3.SQLITE_BUSY):
        self.refusals, self.code, self.tries = refusals, code, 0

    def execute(self, statement: str) -> None:
        self.tries += 1
        if self.tries <= self.refusals:
            error = sqlite3.OperationalError("database is locked")
            error.sqlite_errorcode = self.code
            raise error


@pytest.mark.parametrize("refusals, code, seconds, tries, raised", [
    (0, sqlite3.SQLITE_BUSY, 5, 1, False),
    (3, sqlite3.SQLITE_BUSY, 5, 4, False),
    (2, sqlite3.SQLITE_BUSY_RECOVERY, 5, 3, False),    # an extended busy code is busy too
    (1, sqlite3.SQLITE_READONLY, 5, 1, True),          # not busy: no second try
    (1000, sqlite3.SQLITE_BUSY, 0.05, None, True),     # busy past the wait: the error stands
])
def test_switching_to_wal_tries_again_only_while_busy(refusals, code, seconds, tries, raised):
    cursor = BusyCursor(refusals, code)
    if raised:
        with pytest.raises(sqlite3.OperationalError):
            switch_to_wal(cursor, seconds)
    else:
        switch_to_wal(cursor, seconds)
    if tries is not None:
        assert cursor.tries == tries


def test_a_database_that_is_not_a_store_is_refused(store_url):
    other = Store(store_url)
    with other.transaction() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer)"))
    with pytest.raises(StoreError, match="holds no checker store"):
        other.ready()
    other.engine.dispose()


def test_an_unreachable_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open the store"):
        Store.open("postgresql://nobody@/nowhere?host=" + str(tmp_path / "no-socket-here"))


# -- recording checks -----------------------------------------------------------------------

def test_a_check_stores_articles_claims_and_new_findings_as_open(store, corpus):
    summary, report = check_into(store, corpus)
    row = only_finding(store)
    assert summary.new == [row["fingerprint"]] and row["status"] == "open"
    assert row["rule"] == "date-conflict" and row["work"] == "Ember Falls"
    assert sorted(row["outlets"]) == ["Reel Wire", "Screen Dispatch"]
    stored = store.articles(article.id for article in report.articles)
    assert {article.outlet for article in stored.values()} == {"Reel Wire", "Screen Dispatch"}
    claims = store.claims_about("ember falls", 1, "release")
    assert {claim.time.value for claim in claims} >= {"2016-09-30", "2016-11-04"}
    assert [entry["action"] for entry in store.history(row["fingerprint"])] == ["open"]


def test_a_new_finding_another_check_inserted_meanwhile_is_no_error(store, corpus, monkeypatch):
    """Two checks at once find the same new finding: the second to insert it finds it there
    (each looked before the other wrote). Its row and its one "open" decision stand."""
    check_into(store, corpus)
    monkeypatch.setattr(Store, "_known", lambda self, connection, findings: {})   # (it looked too early)
    check_into(store, corpus)
    row = only_finding(store)
    assert row["status"] == "open"
    assert [entry["action"] for entry in store.history(row["fingerprint"])] == ["open"]


def test_a_decision_survives_re_running_the_check(store, corpus):
    check_into(store, corpus)
    fingerprint = only_finding(store)["fingerprint"]
    store.decide(fingerprint, "confirm", "alice", note="Reel Wire has the old date")
    summary, _ = check_into(store, corpus)
    check_into(store, corpus)
    row = only_finding(store)
    assert row["status"] == "confirmed" and summary.statuses == {fingerprint: "confirmed"}
    assert not summary.new and not summary.reopened
    actions = [(entry["action"], entry["editor"], entry["note"]) for entry in store.history(fingerprint)]
    assert actions[-1] == ("confirm", "alice", "Reel Wire has the old date")


def test_a_dismissed_finding_stays_dismissed_while_its_claims_are_unchanged(store, corpus):
    check_into(store, corpus)
    fingerprint = only_finding(store)["fingerprint"]
    store.decide(fingerprint, "dismiss", "alice", reason="the dates are for two regions")
    summary, _ = check_into(store, corpus)
    assert summary.statuses[fingerprint] == "dismissed"


def test_a_dismissed_finding_is_reopened_when_its_claims_change(store, corpus):
    check_into(store, corpus)
    fingerprint = only_finding(store)["fingerprint"]
    store.decide(fingerprint, "dismiss", "alice", reason="the dates are for two regions")
    edit(corpus, NOVEMBER, "Ember Falls premieres on November 4, 2016 worldwide")
    summary, report = check_into(store, corpus)
    assert summary.reopened == [fingerprint] and only_finding(store)["status"] == "open"
    edited = store.articles(article.id for article in report.articles)
    assert sum("2016 worldwide" in article.body for article in edited.values()) == 1
    last = store.history(fingerprint)[-1]
    assert (last["editor"], last["previous_status"], last["status"]) == (None, "dismissed", "open")
    assert "changed since it was dismissed" in last["note"]


def test_a_corrected_article_resolves_the_finding_and_a_relapse_reopens_it(store, corpus):
    check_into(store, corpus)
    fingerprint = only_finding(store)["fingerprint"]
    store.decide(fingerprint, "confirm", "alice")
    edit(corpus, NOVEMBER, "Ember Falls premieres on September 30, 2016")
    summary, _ = check_into(store, corpus)
    row = store.finding(fingerprint)
    assert summary.resolved == [fingerprint]
    assert row["status"] == "resolved" and row["resolved_at"] is not None
    edit(corpus, "Ember Falls premieres on September 30, 2016, the company", NOVEMBER + ", the company")
    summary, _ = check_into(store, corpus)
    assert summary.reopened == [fingerprint] and store.finding(fingerprint)["resolved_at"] is None
    statuses = [entry["status"] for entry in store.history(fingerprint)]
    assert statuses == ["open", "confirmed", "resolved", "open"]


def test_a_finding_is_not_resolved_by_a_check_that_did_not_read_its_articles(store, corpus):
    check_into(store, corpus)
    fingerprint = only_finding(store)["fingerprint"]
    summary, _ = check_into(store, corpus / REEL_WIRE)   # one article only: nothing to compare
    assert not summary.resolved and store.finding(fingerprint)["status"] == "open"


def test_a_finding_marked_fixed_but_still_found_is_reopened(store, corpus):
    check_into(store, corpus)
    fingerprint = only_finding(store)["fingerprint"]
    store.decide(fingerprint, "fix", "alice")
    summary, _ = check_into(store, corpus)
    assert summary.reopened == [fingerprint]
    assert "still found" in store.history(fingerprint)[-1]["note"]


# -- decisions ------------------------------------------------------------------------------

def test_a_dismissal_needs_a_reason_and_writes_nothing_without_one(store, corpus):
    check_into(store, corpus)
    fingerprint = only_finding(store)["fingerprint"]
    with pytest.raises(StoreError, match="needs a reason"):
        store.decide(fingerprint, "dismiss", "alice", reason="  ")
    assert store.finding(fingerprint)["status"] == "open" and len(store.history(fingerprint)) == 1


def test_a_decision_on_a_stale_version_is_refused_and_says_what_changed(store, corpus):
    check_into(store, corpus)
    row = only_finding(store)
    store.decide(row["fingerprint"], "confirm", "alice", version=row["version"])
    with pytest.raises(StaleDecision) as refused:
        store.decide(row["fingerprint"], "dismiss", "bob", version=row["version"], reason="no")
    assert refused.value.current["status"] == "confirmed"
    assert "alice" in str(refused.value) and "nothing was recorded" in str(refused.value)
    assert [entry["editor"] for entry in store.history(row["fingerprint"])] == [None, "alice"]


def test_two_editors_deciding_at_once_one_wins_and_the_other_is_told(store, corpus):
    check_into(store, corpus)
    row = only_finding(store)
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def decide(editor: str, action: str) -> None:
        start.wait()
        try:
            store.decide(row["fingerprint"], action, editor, version=row["version"], reason="r")
            outcomes[editor] = "recorded"
        except StaleDecision:
            outcomes[editor] = "stale"

    threads = [threading.Thread(target=decide, args=args)
               for args in (("alice", "confirm"), ("bob", "dismiss"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["recorded", "stale"]
    winner = next(editor for editor, outcome in outcomes.items() if outcome == "recorded")
    assert store.finding(row["fingerprint"])["status"] == {"alice": "confirmed", "bob": "dismissed"}[winner]
    assert [entry["editor"] for entry in store.history(row["fingerprint"])] == [None, winner]


def test_findings_are_found_by_the_start_of_their_fingerprint(store, corpus):
    check_into(store, corpus)
    fingerprint = only_finding(store)["fingerprint"]
    assert store.finding(fingerprint[:6].upper())["fingerprint"] == fingerprint
    with pytest.raises(StoreError, match="at least 4"):
        store.finding(fingerprint[:3])
    with pytest.raises(StoreError, match="no finding"):
        store.finding("ffffffffffff")


def test_the_queue_filters_by_rule_severity_status_work_and_outlet(store, corpus):
    check_into(store, corpus)
    fingerprint = only_finding(store)["fingerprint"]
    assert [row["fingerprint"] for row in store.findings(outlet="Reel Wire", work="ember")] == [fingerprint]
    for narrowing in ({"outlet": "Variety"}, {"work": "%"}, {"rule": "tense-drift"},
                      {"severity": "info"}, {"status": "dismissed"}):
        assert store.findings(**narrowing) == [], narrowing
    assert store.counts() == {"open": 1}
    assert store.facets()["outlet"] == ["Reel Wire", "Screen Dispatch"]


def test_the_queue_is_newest_first_then_errors_first(store, corpus, tmp_path):
    check_into(store, corpus)
    later = tmp_path / "later"
    later.mkdir()
    (later / "late.md").write_text(
        "---\nid: late-2016-09-ember-falls\noutlet: Late Wire\npublished: 2016-09-01\n---\n"
        "Ember Falls premieres on October 21, 2016, a source said.\n", encoding="utf-8")
    check_into(store, corpus, later)
    rows = store.findings()
    assert rows[0]["first_seen"] >= rows[-1]["first_seen"]
    found_together = [row for row in rows if row["first_seen"] == rows[0]["first_seen"]]
    ranks = [("error", "warning", "info").index(row["severity"]) for row in found_together]
    assert ranks == sorted(ranks)


def test_editors_and_the_session_secret(store):
    store.add_user("alice", "hash")
    with pytest.raises(StoreError, match="exists already"):
        store.add_user("alice", "other")
    assert store.users() == ["alice"] and store.password_hash("alice") == "hash"
    assert store.secret() == store.secret() and len(store.secret()) >= 32


def test_an_editors_decision_during_a_check_is_not_overwritten_by_it(store, corpus, monkeypatch):
    """A check reads the findings, an editor decides one, then the check would reopen it.
    (On SQLite a check holds the write lock from its first write, so only a server store can
    interleave like this; the test runs on both.)"""
    check_into(store, corpus)
    fingerprint = only_finding(store)["fingerprint"]
    store.decide(fingerprint, "fix", "alice")   # still found: the next check reopens it ...
    read_findings = Store._known

    def editor_decides_meanwhile(connection, findings):
        known = read_findings(connection, findings)
        if store.engine.dialect.name != "sqlite":   # ... but bob dismisses it first
            other = Store(store.url)
            other.decide(fingerprint, "dismiss", "bob", reason="two regions")
            other.engine.dispose()
        return known

    monkeypatch.setattr(Store, "_known", staticmethod(editor_decides_meanwhile))
    summary, _ = check_into(store, corpus)
    if store.engine.dialect.name == "sqlite":
        assert summary.reopened == [fingerprint]
        return
    assert summary.reopened == [] and summary.statuses[fingerprint] == "dismissed"
    assert store.finding(fingerprint)["status"] == "dismissed"
    assert [entry["editor"] for entry in store.history(fingerprint)] == [None, "alice", "bob"]


def check_at_once(url: str, corpus: Path, barrier, errors) -> None:
    store = Store(url)
    store.ready()
    barrier.wait()
    try:
        check_into(store, corpus)
    except Exception as err:   # (reported to the test through the queue)
        errors.put(repr(err))
    finally:
        store.engine.dispose()


def test_checks_finding_the_same_new_finding_at_once_record_it_once(store_url, corpus):
    """Three processes check the same corpus into one store at the same moment: each
    succeeds, and the finding they all find is stored once, opened once."""
    Store(store_url).ready()
    assert at_once(check_at_once, (store_url, corpus), 3, 300) == []
    store = Store(store_url)
    row = only_finding(store)
    assert [entry["action"] for entry in store.history(row["fingerprint"])] == ["open"]
    store.engine.dispose()
