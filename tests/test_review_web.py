"""The review page through Starlette's test client: sign-in, CSRF, the queue and its
filters, the finding page, decisions, two editors at once, and hostile article text
(sessions, the sign-in limit and headers: test_review_sessions.py).

The corpus is the CI fixtures' Ember Falls pair plus tests/fixtures/articles/review/, an
article whose title, outlet, author, link and body carry script and HTML attributes.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from checker import engine
from checker.config import Settings
from checker.reports import FORMATS
from checker.review import auth
from checker.review.store import Store
from checker.review.web import around, create_app, highlighted, local_path, safe_link

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SEEDS = Path(__file__).parents[1] / "articles"
CORPUS = [FIXTURES / "ci" / "corpus", FIXTURES / "review"]
ONLY_DATES = Settings(rules={rule: rule == "date-conflict" for rule in engine.RULES})
PASSWORD = "correct horse battery"
# What must never reach a page unescaped: the hostile article's markup.
HOSTILE = ["<script>alert(", "<img src=x", "<svg onload", "javascript:alert"]


@pytest.fixture
def store(own_store) -> Store:
    store = Store.open(str(own_store))
    report = engine.check([str(path) for path in CORPUS], None, ONLY_DATES)
    corpus = engine.make_corpus(report.claims, report.articles, report.lexicon, ONLY_DATES)
    store.record_check(report.articles, report.claims, report.findings, corpus)
    for name in ("alice", "bob"):
        store.add_user(name, auth.hash_password(PASSWORD))
    yield store
    store.engine.dispose()


@pytest.fixture
def app(store):
    return create_app(store)


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def version_of(page: str) -> str:
    return re.search(r'name="version" value="(\d+)"', page).group(1)


def signed_in(app, name: str = "alice") -> TestClient:
    client = TestClient(app)
    page = client.get("/login").text
    answer = client.post("/login", data={"csrf": csrf_of(page), "name": name,
                                         "password": PASSWORD, "next": "/"}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    return client


def fingerprints(page: str) -> list[str]:
    return re.findall(r'href="/findings/([0-9a-f]+)"', page)


def hostile_finding(store: Store) -> str:
    return next(row["fingerprint"] for row in store.findings() if "Gossip" in " ".join(row["outlets"]))


def decide(client: TestClient, fingerprint: str, page: str, **form):
    return client.post(f"/findings/{fingerprint}", follow_redirects=False,
                       data={"csrf": csrf_of(page), "version": version_of(page), **form})


# -- signing in -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/?status=all", "/findings/abcd", "/findings/abcd/timeline.svg"])
def test_every_page_needs_a_signed_in_editor(app, path):
    answer = TestClient(app).get(path, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login?next=")


def test_a_wrong_password_signs_nobody_in(app):
    client = TestClient(app)
    page = client.get("/login").text
    answer = client.post("/login", data={"csrf": csrf_of(page), "name": "alice",
                                         "password": "wrong password"})
    assert answer.status_code == 401 and "Wrong name or password" in answer.text
    assert client.get("/", follow_redirects=False).status_code == 303


def test_an_unknown_editor_gets_the_same_answer_as_a_wrong_password(app):
    client = TestClient(app)
    page = client.get("/login").text
    answer = client.post("/login", data={"csrf": csrf_of(page), "name": "mallory",
                                         "password": PASSWORD})
    assert answer.status_code == 401 and "Wrong name or password" in answer.text


@pytest.mark.parametrize("form", [{}, {"csrf": "forged"}])
def test_forms_without_this_sessions_csrf_token_are_refused(app, store, form):
    client = signed_in(app)
    fingerprint = hostile_finding(store)
    page = client.get(f"/findings/{fingerprint}").text
    answer = client.post(f"/findings/{fingerprint}", data={
        **form, "version": version_of(page), "action": "confirm"})
    assert answer.status_code == 403
    assert store.finding(fingerprint)["status"] == "open"
    assert client.post("/logout", data=form).status_code == 403
    login = TestClient(app).post("/login", data={**form, "name": "alice", "password": PASSWORD})
    assert login.status_code == 403


def test_a_tampered_session_cookie_is_not_accepted(app):
    client = signed_in(app)
    cookie = client.cookies["checker_session"]
    client.cookies.clear()
    client.cookies.set("checker_session", cookie[:-4] + ("AAAA" if not cookie.endswith("AAAA") else "BBBB"))
    assert client.get("/", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("target, expected", [
    ("/findings/abc?x=1", "/findings/abc?x=1"), ("//evil.example/", "/"),
    ("https://evil.example/", "/"), ("/\\evil.example", "/"), (None, "/")])
def test_after_signing_in_only_paths_on_this_site_are_followed(target, expected):
    assert local_path(target) == expected


# -- the queue ------------------------------------------------------------------------------

def test_the_queue_lists_open_findings_with_counts_and_filters(app, store):
    client = signed_in(app)
    page = client.get("/").text
    assert sorted(fingerprints(page)) == sorted(row["fingerprint"] for row in store.findings())
    assert re.search(r"open <b>2</b>", page)
    narrowed = client.get("/", params={"outlet": "Screen Dispatch"}).text
    assert len(fingerprints(narrowed)) == 1
    assert fingerprints(client.get("/", params={"rule": "tense-drift"}).text) == []
    assert fingerprints(client.get("/", params={"status": "dismissed"}).text) == []
    assert len(fingerprints(client.get("/", params={"status": "bogus"}).text)) == 2


def test_a_long_queue_is_shown_a_page_at_a_time(app, store, monkeypatch):
    monkeypatch.setattr("checker.review.web.PAGE_SIZE", 1)
    client = signed_in(app)
    first = client.get("/", params={"rule": "date-conflict"}).text
    second = client.get("/", params={"rule": "date-conflict", "page": "2"}).text
    assert "Page 1 of 2" in first and 'href="/?status=open&amp;rule=date-conflict&amp;tab=problems&amp;page=2"' in first
    assert len(fingerprints(first)) == len(fingerprints(second)) == 1
    assert set(fingerprints(first) + fingerprints(second)) == {row["fingerprint"] for row in store.findings()}
    assert "Page 2 of 2" in client.get("/", params={"page": "99"}).text


@pytest.fixture
def seeded_app(own_store):
    """The seed articles with every rule: errors and warnings, and `info` refinements."""
    store = Store.open(str(own_store))
    report = engine.check([str(SEEDS)], None, Settings())
    store.record_check(report.articles, report.claims, report.findings,
                       engine.make_corpus(report.claims, report.articles, report.lexicon, Settings()))
    store.add_user("alice", auth.hash_password(PASSWORD))
    yield create_app(store), store
    store.engine.dispose()


def tab_count(page: str, label: str) -> int:
    return int(re.search(rf'class="tab [a-z]+( current)?"[^>]*>{label} <b>(\d+)</b>', page).group(2))


def current_tab(page: str) -> str:
    return re.search(r'class="tab ([a-z]+) current" aria-current="page"', page).group(1)


def test_the_queue_shows_errors_and_warnings_and_info_in_its_own_tab(seeded_app):
    app, store = seeded_app
    client = signed_in(app)
    problems = {row["fingerprint"] for row in store.findings() if row["severity"] != "info"}
    info = {row["fingerprint"] for row in store.findings() if row["severity"] == "info"}
    assert problems and info
    page = client.get("/").text
    assert current_tab(page) == "problems" and set(fingerprints(page)) == problems
    assert tab_count(page, "Errors and warnings") == len(problems) and tab_count(page, "Info") == len(info)
    assert 'href="/?status=open&amp;tab=info"' in page
    info_page = client.get("/", params={"tab": "info"}).text
    assert current_tab(info_page) == "info" and set(fingerprints(info_page)) == info
    assert '<input type="hidden" name="tab" value="info">' in info_page   # filtering stays in the tab
    # A severity filter picks its tab; an unknown tab is the default one.
    assert current_tab(client.get("/", params={"severity": "info"}).text) == "info"
    assert set(fingerprints(client.get("/", params={"tab": "info", "severity": "error"}).text)) == {
        row["fingerprint"] for row in store.findings() if row["severity"] == "error"}
    hostile = client.get("/", params={"tab": '"><script>alert(1)</script>'}).text
    assert current_tab(hostile) == "problems" and "<script>alert" not in hostile


def test_the_tabs_keep_the_filters_and_count_what_they_would_list(seeded_app, monkeypatch):
    app, store = seeded_app
    client = signed_in(app)
    page = client.get("/", params={"rule": "refinement"}).text
    assert fingerprints(page) == []
    assert tab_count(page, "Errors and warnings") == 0 and tab_count(page, "Info") >= 2
    assert 'href="/?status=open&amp;rule=refinement&amp;tab=info"' in page
    monkeypatch.setattr("checker.review.web.PAGE_SIZE", 1)
    first = client.get("/", params={"tab": "info", "rule": "refinement"}).text
    assert 'href="/?status=open&amp;rule=refinement&amp;tab=info&amp;page=2"' in first
    second = client.get("/", params={"tab": "info", "rule": "refinement", "page": "2"}).text
    shown = fingerprints(first) + fingerprints(second)
    assert len(set(shown)) == 2 and all(store.finding(f)["severity"] == "info" for f in shown)


def test_pages_forbid_inline_script_and_framing(app):
    answer = signed_in(app).get("/")
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "<script" not in answer.text  # the page runs no script at all


# -- the finding page -----------------------------------------------------------------------

def test_the_finding_page_shows_both_sides_the_time_marked_and_the_timeline(app, store):
    client = signed_in(app)
    fingerprint = next(row["fingerprint"] for row in store.findings(outlet="Screen Dispatch"))
    page = client.get(f"/findings/{fingerprint}").text
    outlets = re.findall(r'<strong class="outlet">([^<]+)</strong>', page)
    assert set(outlets) == {"Screen Dispatch", "Reel Wire"}   # Reel Wire says it twice
    assert "<mark>September 30, 2016</mark>" in page and "<mark>November 4, 2016</mark>" in page
    assert "Nora Quill" in page and "Sam Ortega" in page
    assert 'href="https://example.com/reel-wire/ember-falls-november"' in page
    assert re.search(r'<svg[^>]*class="timeline"', page)
    # Screen Dispatch's date is the one flagged; Reel Wire's are what it is held against.
    conflicts = re.findall(r'class="claim conflict" data-claim="([^"#]+)#', page)
    compared = re.findall(r'class="claim compared" data-claim="([^"#]+)#', page)
    assert conflicts == ["screendispatch-2016-06-ember-falls-date"]
    assert compared == ["reelwire-2016-07-ember-falls-date"] * 2
    roles = re.findall(r'<span class="role">([^<]+)</span>\s*<strong class="outlet">([^<]+)</strong>', page)
    assert roles == [("flagged", "Screen Dispatch"), ("held against it", "Reel Wire"),
                     ("held against it", "Reel Wire")]
    picture = client.get(f"/findings/{fingerprint}/timeline.svg")
    assert picture.headers["content-type"].startswith("image/svg+xml")
    assert picture.text.startswith("<?xml")


def test_a_date_no_calendar_has_is_shown_in_its_sentence_without_a_timeline(own_store, tmp_path):
    (tmp_path / "slip.md").write_text("---\nid: dailyreel-2017-01-slip\noutlet: Daily Reel\npublished: 2017-01-10\n"
                                      "---\nEmber Falls returns February 30, 2017, the network said.\n", encoding="utf-8")
    store = Store.open(str(own_store))
    report = engine.check([str(tmp_path)], None, Settings())
    store.record_check(report.articles, report.claims, report.findings,
                       engine.make_corpus(report.claims, report.articles, report.lexicon, Settings()))
    store.add_user("alice", auth.hash_password(PASSWORD))
    client = signed_in(create_app(store))
    (fingerprint,) = fingerprints(client.get("/").text)
    assert store.finding(fingerprint)["rule"] == "invalid-date"
    page = client.get(f"/findings/{fingerprint}").text
    assert "Ember Falls returns <mark>February 30, 2017</mark>, the network said." in page
    assert "<svg" not in page and 'class="role"' not in page
    assert client.get(f"/findings/{fingerprint}/timeline.svg").status_code == 404
    store.engine.dispose()


def test_hostile_article_text_is_escaped_on_every_page(app, store):
    client = signed_in(app)
    fingerprint = hostile_finding(store)
    page = client.get(f"/findings/{fingerprint}").text
    queue = client.get("/").text
    for shown in (page, queue):
        for markup in HOSTILE:
            assert markup not in shown
    assert "&lt;script&gt;alert(" in page and "Gossip &lt;img src=x onerror=alert(" in queue
    assert "javascript:" not in page  # the link is dropped, not just escaped


def test_hostile_notes_and_reasons_are_escaped_in_the_history(app, store):
    client = signed_in(app)
    fingerprint = hostile_finding(store)
    page = client.get(f"/findings/{fingerprint}").text
    decide(client, fingerprint, page, action="dismiss", reason="<script>alert('reason')</script>",
           note='"><img src=x onerror=alert(1)>')
    page = client.get(f"/findings/{fingerprint}").text
    assert "<script>alert('reason')" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(" in page


@pytest.mark.parametrize("fmt", ["markdown", "sarif", "github", "table"])
def test_hostile_article_text_is_escaped_in_the_reports(fmt):
    report = engine.check([str(path) for path in CORPUS], None, ONLY_DATES)
    rendered = FORMATS[fmt](report)
    assert "Gossip" in rendered
    if fmt in ("markdown", "sarif"):  # the formats a browser renders as HTML
        assert "<img src=x" not in rendered and "<script>" not in rendered
    if fmt == "sarif":
        results = json.loads(rendered)["runs"][0]["results"]
        hostile = next(result for result in results if "Gossip" in result["message"]["text"])
        assert "<img src=x" in hostile["message"]["text"]          # plain text, as written
        assert "&lt;img src=x" in hostile["message"]["markdown"]   # inert where rendered


def test_an_unknown_finding_is_a_404_page(app):
    answer = signed_in(app).get("/findings/0123456789abcdef")
    assert answer.status_code == 404 and "No such finding" in answer.text


# -- decisions ------------------------------------------------------------------------------

def test_dismissing_needs_a_reason_then_takes_the_finding_off_the_queue(app, store):
    client = signed_in(app)
    fingerprint = hostile_finding(store)
    page = client.get(f"/findings/{fingerprint}").text
    refused = decide(client, fingerprint, page, action="dismiss", reason="")
    assert refused.status_code == 400 and "needs a reason" in refused.text
    done = decide(client, fingerprint, page, action="dismiss", reason="a tabloid's guess")
    assert done.status_code == 303
    page = client.get(f"/findings/{fingerprint}").text
    assert 'id="status">dismissed<' in page and "a tabloid&#39;s guess" in page
    assert "Recorded: dismiss." in page
    assert fingerprint not in fingerprints(client.get("/").text)
    assert fingerprint in fingerprints(client.get("/", params={"status": "dismissed"}).text)


def test_the_second_of_two_editors_sees_the_finding_changed(app, store):
    alice, bob = signed_in(app, "alice"), signed_in(app, "bob")
    fingerprint = hostile_finding(store)
    alices_page = alice.get(f"/findings/{fingerprint}").text
    bobs_page = bob.get(f"/findings/{fingerprint}").text
    assert decide(alice, fingerprint, alices_page, action="confirm").status_code == 303
    late = decide(bob, fingerprint, bobs_page, action="dismiss", reason="false alarm",
                  note="bob's note")
    assert late.status_code == 409
    assert "Another editor decided this finding" in late.text and "now confirmed" in late.text
    assert "bob&#39;s note" in late.text  # what bob typed is kept in the form
    assert store.finding(fingerprint)["status"] == "confirmed"
    assert [entry["editor"] for entry in store.history(fingerprint)] == [None, "alice"]
    # Deciding again on the version now shown goes through.
    assert decide(bob, fingerprint, late.text, action="note", note="agreed").status_code == 303


# -- helpers --------------------------------------------------------------------------------

@pytest.mark.parametrize("url, link", [
    ("https://example.com/a", "https://example.com/a"), ("http://example.com", "http://example.com"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("data:text/html,x", None),
    ("/relative", None), (None, None)])
def test_only_web_addresses_become_links(url, link):
    assert safe_link(url) == link


def test_highlighting_escapes_around_the_mark():
    assert highlighted("<b> on May 5 </b>", "May 5") == "&lt;b&gt; on <mark>May 5</mark> &lt;/b&gt;"
    assert highlighted("no time here", "May 5") == "no time here"


def test_a_name_is_shown_in_its_sentence():
    body = "First sentence. Krysten Ritten stars in it. Last one."
    start = body.index("Ritten")
    sentence, at = around(body, start, start + len("Ritten"))
    assert sentence == "Krysten Ritten stars in it." and sentence[at:at + 6] == "Ritten"


def test_a_store_that_goes_away_is_a_503_page_not_a_traceback(app, store):
    client = signed_in(app)
    with store.transaction() as connection:
        connection.exec_driver_sql("DROP TABLE finding_articles")
    answer = TestClient(app, raise_server_exceptions=False, cookies=client.cookies).get("/")
    assert answer.status_code == 503 and "cannot be reached" in answer.text
    assert "Traceback" not in answer.text
