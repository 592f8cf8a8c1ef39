"""The review page's sessions, sign-in limit and headers, on SQLite and on PostgreSQL.

Sessions are rows in the store: a copy of the cookie opens nothing once its session ended
(signed out, a new password, signed out everywhere, expired). Failed sign-ins slow the
address they come from, not the editor. Every response carries the security headers.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import threading
from base64 import b64decode, b64encode

import itsdangerous
import pytest
from sqlalchemy import select, update
from starlette.testclient import TestClient

from checker.review import auth, schema, sessions
from checker.review.states import now
from checker.review.store import Store
from checker.review.web import create_app
from test_review_web import PASSWORD, csrf_of

ATTACKER, EDITOR = "198.51.100.9", "203.0.113.7"   # documentation addresses (RFC 5737)
SECURITY = {"content-security-policy": "frame-ancestors 'none'", "x-content-type-options": "nosniff",
            "x-frame-options": "DENY", "referrer-policy": "same-origin"}


@pytest.fixture
def store(store_url) -> Store:
    store = Store(store_url)
    store.ready()
    for name in ("alice", "bob"):
        store.add_user(name, auth.hash_password(PASSWORD))
    yield store
    store.engine.dispose()


@pytest.fixture
def app(store):
    return create_app(store)


def browser(app, address: str = EDITOR, **options) -> TestClient:
    return TestClient(app, client=(address, 50000), **options)


def sign_in(client: TestClient, name: str = "alice", password: str = PASSWORD):
    page = client.get("/login").text
    return client.post("/login", data={"csrf": csrf_of(page), "name": name, "password": password,
                                       "next": "/"}, follow_redirects=False)


def signed_in(app, name: str = "alice", address: str = EDITOR) -> TestClient:
    client = browser(app, address)
    assert sign_in(client, name).status_code == 303
    return client


def copy_of(client: TestClient, app) -> TestClient:
    """Another browser holding the same cookie (one copied off the first)."""
    copy = browser(app, ATTACKER)
    copy.cookies.set("checker_session", client.cookies["checker_session"])
    return copy


def is_signed_in(client: TestClient) -> bool:
    answer = client.get("/", follow_redirects=False)
    assert answer.status_code in (200, 303)
    return answer.status_code == 200


def post_account(client: TestClient, **form):
    page = client.get("/account").text
    return client.post("/account", data={"csrf": csrf_of(page), **form}, follow_redirects=False)


# -- sessions -------------------------------------------------------------------------------

def test_a_copied_cookie_opens_nothing_after_signing_out(app):
    client = signed_in(app)
    copy = copy_of(client, app)
    assert is_signed_in(copy)
    answer = client.post("/logout", data={"csrf": csrf_of(client.get("/").text)},
                         follow_redirects=False)
    assert answer.headers["location"] == "/login"
    assert not is_signed_in(copy) and not is_signed_in(client)


def test_the_store_keeps_only_a_digest_of_the_token(app, store):
    client = signed_in(app)
    cookie = client.cookies["checker_session"]
    with store.connect() as connection:
        rows = connection.execute(select(schema.sessions)).all()
    assert [row.editor for row in rows] == ["alice"]
    token = json.loads(b64decode(cookie.split(".")[0]))["session"]
    assert rows[0].token_digest == sessions.token_digest(token) != token


def test_a_password_changed_on_the_page_ends_the_editors_other_sessions(app, store):
    client, elsewhere, bob = signed_in(app), signed_in(app, address=ATTACKER), signed_in(app, "bob")
    copy = copy_of(client, app)
    answer = post_account(client, action="password", current=PASSWORD, new="a brand new secret",
                          repeat="a brand new secret")
    assert answer.status_code == 303 and answer.headers["location"] == "/account"
    assert "your other sessions were signed out" in client.get("/account").text
    assert is_signed_in(client)            # the browser that changed it has a new session
    assert not is_signed_in(copy) and not is_signed_in(elsewhere)
    assert is_signed_in(bob)
    assert auth.verify_password(store.password_hash("alice"), "a brand new secret")
    assert sign_in(browser(app), "alice", PASSWORD).status_code == 401


@pytest.mark.parametrize("form, error", [
    ({"current": "not my password", "new": "a brand new secret", "repeat": "a brand new secret"},
     "The current password is wrong."),
    ({"current": PASSWORD, "new": "a brand new secret", "repeat": "a brand new secreT"},
     "The new passwords differ."),
    ({"current": PASSWORD, "new": "short", "repeat": "short"}, "at least 8 characters")])
def test_a_password_change_that_fails_changes_nothing(app, store, form, error):
    client = signed_in(app)
    copy = copy_of(client, app)
    before = store.password_hash("alice")
    answer = post_account(client, action="password", **form)
    assert answer.status_code == 400 and error in answer.text
    assert store.password_hash("alice") == before and is_signed_in(copy)


def test_a_password_changed_from_the_command_line_ends_every_session(app, store):
    client, bob = signed_in(app), signed_in(app, "bob")
    store.set_password("alice", auth.hash_password("a brand new secret"))
    assert not is_signed_in(client) and is_signed_in(bob)


def test_signing_out_everywhere_ends_every_session_of_the_editor(app, store):
    client, elsewhere, bob = signed_in(app), signed_in(app, address=ATTACKER), signed_in(app, "bob")
    copy = copy_of(client, app)
    answer = post_account(client, action="everywhere")
    assert answer.status_code == 303 and answer.headers["location"] == "/login"
    assert "You were signed out everywhere." in client.get("/login").text
    assert not any(is_signed_in(each) for each in (client, elsewhere, copy))
    assert is_signed_in(bob)
    assert store.end_sessions("bob") == 1 and not is_signed_in(bob)


def test_signing_out_everywhere_needs_the_forms_csrf_token(app):
    client = signed_in(app)
    assert client.post("/account", data={"action": "everywhere"}).status_code == 403
    assert is_signed_in(client)


def test_an_expired_session_opens_nothing_and_is_cleaned_up(app, store):
    client = signed_in(app)
    with store.transaction() as connection:
        connection.execute(update(schema.sessions).values(expires_at=now() - dt.timedelta(seconds=1)))
    assert not is_signed_in(client)
    signed_in(app, "bob")   # a new session deletes the expired ones
    with store.connect() as connection:
        assert list(connection.scalars(select(schema.sessions.c.editor))) == ["bob"]


def test_a_session_lasts_its_hours_and_no_longer(store):
    opened = dt.datetime(2030, 1, 1, 9, 0)
    token = store.open_session("alice", opened)
    last = opened + dt.timedelta(hours=sessions.SESSION_HOURS)
    assert store.session_editor(token, last - dt.timedelta(seconds=1)) == "alice"
    assert store.session_editor(token, last) is None
    assert store.session_editor("a token nobody was given", opened) is None


def test_a_removed_editors_sessions_end(app, store):
    client = signed_in(app, "bob")
    store.remove_user("bob")
    assert not is_signed_in(client)
    with store.connect() as connection:
        assert connection.scalar(select(schema.sessions.c.editor)) is None


def test_a_cookie_that_names_an_editor_itself_opens_nothing(app, store):
    """Before sessions were kept in the store, the signed cookie held the editor's name: such
    a cookie (or one forged with the key) names no session."""
    signer = itsdangerous.TimestampSigner(store.secret())
    value = signer.sign(b64encode(json.dumps({"editor": "alice", "csrf": "x"}).encode())).decode()
    client = browser(app)
    client.cookies.set("checker_session", value)
    assert not is_signed_in(client)


# -- the sign-in limit ----------------------------------------------------------------------

def test_failures_from_one_address_do_not_slow_the_editor_at_another(app):
    attacker = browser(app, ATTACKER)
    assert [sign_in(attacker, "alice", f"guess {number}").status_code
            for number in range(sessions.FREE_FAILURES)] == [401] * sessions.FREE_FAILURES
    refused = sign_in(attacker, "alice", PASSWORD)   # even the right password, for now
    assert refused.status_code == 429 and "Too many failed sign-ins" in refused.text
    # (the clock may tick between the two attempts)
    assert sessions.FIRST_WAIT_SECONDS - 2 <= int(refused.headers["retry-after"]) <= sessions.FIRST_WAIT_SECONDS
    assert not is_signed_in(attacker)
    assert sign_in(browser(app, EDITOR), "alice", PASSWORD).status_code == 303


def test_an_unknown_name_is_slowed_as_a_known_one_is(app):
    """The answers do not tell which names exist."""
    answers = {}
    for name in ("alice", "mallory"):
        client = browser(app, ATTACKER)
        answers[name] = [(answer.status_code, re.sub(r"\d+ seconds", "N seconds", answer.text.replace(name, "NAME")
                                                          .replace(csrf_of(answer.text), "CSRF")))
                         for answer in (sign_in(client, name, "wrong password")
                                        for _ in range(sessions.FREE_FAILURES + 1))]
    assert answers["alice"] == answers["mallory"]
    assert [status for status, _ in answers["alice"]][-2:] == [401, 429]


def test_the_wait_doubles_with_each_further_failure(store):
    start = dt.datetime(2030, 1, 1, 9, 0)
    attempt = lambda seconds: store.count_sign_in("Alice", ATTACKER, start + dt.timedelta(seconds=seconds))  # noqa: E731
    assert [attempt(0) for _ in range(sessions.FREE_FAILURES)] == [0] * sessions.FREE_FAILURES
    waits, moment = [], 0
    for _ in range(4):
        wait = attempt(moment)
        assert wait > 0 and attempt(moment + wait - 1) == 1   # still not, a second before
        moment += wait
        assert attempt(moment) == 0                           # then one more try
        waits.append(wait)
    assert waits == [30, 60, 120, 240]
    assert store.count_sign_in("alice", EDITOR, start) == 0    # another address is not slowed


def test_the_wait_is_capped_and_the_count_forgotten_after_a_quiet_day(store):
    start = dt.datetime(2030, 1, 1, 9, 0)
    with store.transaction() as connection:
        connection.execute(schema.sign_in_failures.insert().values(
            name="alice", address=ATTACKER, failures=60, last_attempt=start))
    assert store.count_sign_in("alice", ATTACKER, start) == sessions.LONGEST_WAIT_SECONDS
    later = start + sessions.FORGET_FAILURES_AFTER + dt.timedelta(seconds=1)
    assert store.count_sign_in("alice", ATTACKER, later) == 0
    with store.connect() as connection:
        assert connection.scalar(select(schema.sign_in_failures.c.failures)) == 1


def test_signing_in_forgets_the_failures_from_that_address(app, store):
    client = browser(app, EDITOR)
    for _ in range(sessions.FREE_FAILURES - 1):
        assert sign_in(client, "alice", "a typo").status_code == 401
    assert sign_in(client, "alice").status_code == 303
    with store.connect() as connection:
        assert connection.scalar(select(schema.sign_in_failures.c.failures)) is None


def test_attempts_sent_at_once_go_ahead_no_more_than_the_limit(store):
    """Twelve guesses at the same moment from one address: the count is read and raised in
    one statement, so only the free ones go ahead, not all twelve."""
    moment = dt.datetime(2030, 1, 1, 9, 0)
    barrier, waits, errors = threading.Barrier(12), [], []

    def guess() -> None:
        barrier.wait()
        try:
            waits.append(store.count_sign_in("alice", ATTACKER, moment))
        except Exception as err:   # (reported by the test)
            errors.append(repr(err))

    threads = [threading.Thread(target=guess) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == [] and len(waits) == 12
    assert waits.count(0) == sessions.FREE_FAILURES
    with store.connect() as connection:
        assert connection.scalar(select(schema.sign_in_failures.c.failures)) == sessions.FREE_FAILURES


def test_a_wrong_current_password_on_the_account_page_counts_as_a_failure(app):
    client = signed_in(app)
    for _ in range(sessions.FREE_FAILURES):
        post_account(client, action="password", current="a guess", new="x" * 9, repeat="x" * 9)
    refused = post_account(client, action="password", current=PASSWORD, new="x" * 9, repeat="x" * 9)
    assert refused.status_code == 429 and "Too many failed sign-ins" in refused.text


# -- cookies and headers --------------------------------------------------------------------

def cookie_flags(answer) -> list[str]:
    cookie = answer.headers["set-cookie"]
    return [flag.strip().lower() for flag in cookie.split(";")[1:]]


def test_cookies_are_secure_over_https_or_with_the_option_only(store):
    plain = sign_in(browser(create_app(store)))
    assert "secure" not in cookie_flags(plain) and "httponly" in cookie_flags(plain)
    assert "strict-transport-security" not in plain.headers
    forced = sign_in(browser(create_app(store, secure_cookies=True)))
    assert "secure" in cookie_flags(forced)
    https = sign_in(browser(create_app(store), base_url="https://testserver"))
    assert "secure" in cookie_flags(https) and https.headers["strict-transport-security"]
    assert cookie_flags(https).count("secure") == 1


def raises(*_args, **_kwargs):
    raise RuntimeError("a bug")


@pytest.mark.parametrize("signed, method, path, status", [
    (True, "GET", "/", 200),
    (False, "GET", "/", 303),
    (False, "GET", "/login", 200),
    (True, "GET", "/account", 200),
    (True, "GET", "/findings/0123456789abcdef", 404),
    (True, "GET", "/findings/0123456789abcdef/timeline.svg", 404),
    (False, "GET", "/no/such/page", 404),
    (False, "GET", "/logout", 405),
    (False, "DELETE", "/login", 405),
    (False, "POST", "/login", 403),
    (False, "GET", "/static/review.css", 200),
    (False, "GET", "/static/nothing.css", 404),
    (True, "GET", "/?broken=store", 503),
    (True, "GET", "/?broken=code", 500),
])
def test_every_response_carries_the_security_headers(app, store, monkeypatch, signed, method, path, status):
    client = signed_in(app) if signed else browser(app)
    client = TestClient(app, raise_server_exceptions=False, cookies=client.cookies)
    if "broken=store" in path:
        with store.transaction() as connection:
            connection.exec_driver_sql("DROP TABLE finding_articles")
    if "broken=code" in path:
        monkeypatch.setattr(Store, "counts", raises)
    answer = client.request(method, path, follow_redirects=False)
    assert answer.status_code == status
    for header, value in SECURITY.items():
        assert value in answer.headers.get(header, ""), (header, answer.headers)
    assert "Traceback" not in answer.text
    if path.startswith("/static/"):
        assert "no-store" not in answer.headers.get("cache-control", "")   # the style may be kept
    else:
        assert answer.headers["cache-control"] == "no-store"
