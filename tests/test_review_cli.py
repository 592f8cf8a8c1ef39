"""The review store through the command line: `check` recording and hiding, `findings`,
`users`, `db upgrade`, `timeline`, bad stores, and a check killed part-way through."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from checker.config import Settings
from checker.review import schema
from checker.review.store import Store
from test_cli import errors, run

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "articles"
MIXED = "Luke Cage will debuted on Netflix"


def findings_of(result) -> dict[str, dict]:
    return {finding["fingerprint"]: finding for finding in json.loads(result.stdout)["findings"]}


def stored(rule: str) -> str:
    listed = json.loads(run("findings", "list", "--status", "all", "--format", "json").stdout)
    return next(row["fingerprint"] for row in listed if row["rule"] == rule)


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


def test_check_records_its_findings_in_the_store(seeds, own_store):
    result = run("check", seeds, "--format", "json")
    listed = json.loads(run("findings", "list", "--status", "all", "--format", "json").stdout)
    assert {row["fingerprint"] for row in listed} == set(findings_of(result))
    assert {row["status"] for row in listed} == {"open"} and own_store.is_file()


def test_a_dismissed_finding_leaves_check_output_and_ci_until_asked_for(seeds):
    first = run("check", seeds, "--format", "json")
    fingerprint = stored("mixed-tense")
    dismissed = run("findings", "dismiss", fingerprint[:8], "--reason", "quoted typo", "--editor", "alice")
    assert dismissed.exit_code == 0 and "is dismissed" in dismissed.stdout
    again = run("check", seeds, "--format", "json")
    assert fingerprint in findings_of(first) and fingerprint not in findings_of(again)
    assert "1 dismissed finding not shown (--all shows them)" in again.stderr
    everything = run("check", seeds, "--format", "json", "--all")
    assert fingerprint in findings_of(everything)
    # Only error findings fail CI: with the mixed-tense error dismissed, one error is left.
    errors_left = [f for f in findings_of(again).values() if f["severity"] == "error"]
    assert again.exit_code == (1 if errors_left else 0)
    shown = run("findings", "show", fingerprint)
    assert "[dismissed]" in shown.stdout and "alice: dismiss (open → dismissed); reason: quoted typo" in shown.stdout


def test_the_findings_listing_and_a_finding_fit_the_terminal(seeds, monkeypatch):
    run("check", seeds)
    fingerprint = stored("order-conflict")
    for columns in (160, 80, 50):
        monkeypatch.setenv("COLUMNS", str(columns))
        listing, shown = run("findings", "list").stdout, run("findings", "show", fingerprint).stdout
        for text in (listing, shown):
            assert max(len(line) for line in text.splitlines()) <= columns
        assert fingerprint[:10] in listing and "order-conflict" in listing and "evidence:" in shown
    assert listing.startswith("finding:  ")   # 50 columns: a block per finding
    monkeypatch.setenv("COLUMNS", "160")
    assert run("findings", "list").stdout.split()[:8] == ["finding", "status", "severity", "rule", "work",
                                                          "outlets", "found", "message"]


def test_confirm_fix_reopen_and_note_are_recorded_in_order(seeds):
    run("check", seeds)
    fingerprint = stored("order-conflict")
    for command in (["confirm"], ["note", "--note", "asked the studio"], ["fix"], ["reopen"]):
        assert run("findings", command[0], fingerprint, *command[1:], "--editor", "bob").exit_code == 0
    history = json.loads(run("findings", "show", fingerprint, "--format", "json").stdout)["history"]
    assert [(entry["action"], entry["status"]) for entry in history] == [
        ("open", "open"), ("confirm", "confirmed"), ("note", "confirmed"), ("fix", "fixed"),
        ("reopen", "open")]
    assert history[2]["note"] == "asked the studio" and history[1]["editor"] == "bob"


@pytest.mark.parametrize("arguments, message", [
    (["findings", "dismiss", "abcdef12"], "Missing option '--reason'"),
    (["findings", "confirm", "abc"], "at least 4 characters"),
    (["findings", "confirm", "abcdef12"], "no finding 'abcdef12'"),
    (["timeline", "No Such Show", "-o", "x.svg"], "no claims about No Such Show"),
])
def test_review_commands_explain_what_is_wrong(seeds, arguments, message):
    run("check", seeds)
    result = run(*arguments)
    assert result.exit_code == 2 and message in result.stderr


def test_check_without_the_store_neither_reads_nor_writes_it(seeds, own_store):
    run("check", seeds, "--no-store")
    assert not own_store.exists()


@pytest.mark.parametrize("location, message", [
    ("postgresql://nobody@/nowhere?host=/no/such/folder", "cannot open the store"),
    ("nosuchdb://x/y", "cannot open the store"),
])
def test_a_store_that_cannot_be_opened_is_a_clear_error(seeds, location, message):
    result = run("check", seeds, "--store", location)
    assert result.exit_code == 2 and message in errors(result)[0]
    assert result.stdout == ""


def test_users_are_added_with_a_hashed_password(own_store):
    added = subprocess_checker("users", "add", "carol", "--password-stdin", input="a long secret\n")
    assert added.returncode == 0, added.stderr
    store = Store.open(str(own_store))
    with store.connect() as connection:
        hashed = connection.scalar(select(schema.users.c.password_hash))
    assert hashed.startswith("$argon2id$") and "a long secret" not in hashed
    for arguments, stdin, message in (
            (["users", "add", "carol"], "another secret\n", "exists already"),
            (["users", "add", "dave"], "short\n", "at least 8 characters"),
            (["users", "add", "bad name<"], "a long secret\n", "letters, digits")):
        refused = subprocess_checker(*arguments, "--password-stdin", input=stdin)
        assert refused.returncode == 2 and message in refused.stderr
    assert subprocess_checker("users", "list").stdout.split() == ["carol"]


def test_db_upgrade_creates_then_finds_the_store_up_to_date(tmp_path):
    location = tmp_path / "new" / "store.sqlite"
    first = run("db", "upgrade", "--store", location)
    newest = schema.REVISION
    assert first.exit_code == 0 and f"upgraded from empty to revision {newest}" in first.stdout
    assert f"is up to date (revision {newest})" in run("db", "upgrade", "--store", location).stdout


def test_the_store_path_comes_from_the_configuration(seeds, tmp_path, monkeypatch):
    monkeypatch.delenv("CHECKER_STORE")
    (tmp_path / "checker.toml").write_text('store = "review/decisions.sqlite"\n')
    monkeypatch.chdir(tmp_path)
    run("check", "articles")
    assert (tmp_path / "review" / "decisions.sqlite").is_file()


def test_timeline_draws_the_stored_claims(seeds, tmp_path):
    run("check", seeds)
    picture = tmp_path / "jj.svg"
    result = run("timeline", "jessica jones", "--season", "2", "-o", picture)
    assert result.exit_code == 0 and "drawn to" in result.stdout
    svg = picture.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and 'class="claim conflict"' in svg
    wrong = run("timeline", "Jessica Jones", "--season", "2", "--event", "cancellation", "-o", picture)
    assert wrong.exit_code == 2 and "no cancellation claims" in wrong.stderr and "filming" in wrong.stderr


# -- a check killed part-way through ---------------------------------------------------------

# Runs `checker check` and kills the process (SIGKILL: no clean-up of any kind) inside the
# store's transaction, once the articles, claims and findings are written but not committed.
KILLED_CHECK = textwrap.dedent("""
    import os, signal, sys
    from checker.review import store
    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)
    store.Store._resolve_vanished = die
    from checker.cli import main
    main(sys.argv[1:])
""")


def snapshot(location: str) -> dict[str, list]:
    store = Store.open(location)
    with store.connect() as connection:
        tables = {table.name: sorted(map(tuple, connection.execute(select(table)).all()), key=repr)
                  for table in schema.metadata.sorted_tables}
    store.engine.dispose()
    return tables


def subprocess_checker(*arguments: str, input: str | None = None, script: str | None = None):
    command = [sys.executable, "-c", script] if script else [str(Path(sys.executable).parent / "checker")]
    return subprocess.run([*command, *arguments], capture_output=True, text=True, input=input,
                          env=os.environ, timeout=300)


def test_a_killed_check_leaves_the_store_as_it_was(seeds, store_url, monkeypatch):
    monkeypatch.setenv("CHECKER_STORE", store_url)
    run("check", seeds)
    fingerprint = stored("mixed-tense")
    run("findings", "dismiss", fingerprint, "--reason", "a quoted typo")
    before = snapshot(store_url)
    # The next check would resolve the mixed-tense finding and record new claims.
    article = next(seeds.glob("monkeys*"))
    article.write_text(article.read_text(encoding="utf-8").replace(MIXED, "Luke Cage will debut on Netflix"),
                       encoding="utf-8")
    killed = subprocess_checker("check", str(seeds), script=KILLED_CHECK)
    assert killed.returncode == -9, killed.stderr
    assert snapshot(store_url) == before
    # The store still works, and the editor's decision is still there.
    after = run("check", seeds, "--format", "json")
    assert after.exit_code in (0, 1) and not errors(after), after.stderr
    assert fingerprint not in findings_of(after)
    assert "reason: a quoted typo" in run("findings", "show", fingerprint).stdout


def test_a_removed_editor_keeps_their_decisions_in_the_history(seeds, own_store):
    subprocess_checker("users", "add", "carol", "--password-stdin", input="a long secret\n")
    run("check", seeds)
    fingerprint = stored("order-conflict")
    run("findings", "confirm", fingerprint, "--editor", "carol")
    assert run("users", "remove", "carol").exit_code == 0
    assert run("users", "list").stdout.split() == []
    assert "carol: confirm" in run("findings", "show", fingerprint).stdout
    again = run("users", "remove", "carol")
    assert again.exit_code == 2 and "no editor 'carol'" in again.stderr


def test_passwords_are_changed_only_for_known_editors(own_store):
    subprocess_checker("users", "add", "carol", "--password-stdin", input="a long secret\n")
    store = Store.open(str(own_store))
    before = store.password_hash("carol")
    changed = subprocess_checker("users", "passwd", "carol", "--password-stdin", input="another secret\n")
    assert changed.returncode == 0 and store.password_hash("carol") != before
    unknown = subprocess_checker("users", "passwd", "dave", "--password-stdin", input="another secret\n")
    assert unknown.returncode == 2 and "no editor 'dave'" in unknown.stderr


def test_serve_without_an_editor_and_no_terminal_says_how_to_add_one(seeds):
    result = run("serve", seeds, "--port", "1")
    assert result.exit_code == 2 and "checker users add NAME" in errors(result)[0]
    assert "checked 5 articles" in result.stdout  # the corpus was still checked into the store


def test_a_findings_picture_draws_its_own_claims_and_marks_only_those_it_flags(seeds, own_store):
    """The order conflict cites claims told from The Defenders' side, and one Inquisitr
    sentence holds both a cited claim and another about the same season. Only the two order
    claims that cannot both hold are the conflict; the sources that say the same as one of
    them are drawn as what it is held against."""
    from checker.review.pictures import timeline_of_finding
    from checker.review.store import claim_key

    run("check", seeds)
    store = Store.open(str(own_store))
    row = store.finding(stored("order-conflict"))
    picture = timeline_of_finding(store, row)
    cited = {claim_key(claim) for claim in row["claims"]}
    flagged = {claim_key(claim) for claim in row["claims"] if claim["id"] in row["data"]["flagged"]}
    assert cited <= {claim.id for claim in picture.claims}
    assert len(flagged) == 2 and len(cited) > 2
    assert picture.marked == flagged and picture.compared == cited - flagged
    svg = picture.svg()
    assert svg.count('class="claim conflict"') == 2
    assert svg.count('class="claim compared"') == len(cited) - 2


def test_a_timeline_marks_what_findings_flag_never_agreeing_sources(seeds, own_store):
    """Luke Cage's premiere: one claim mixes tenses (an error); five sources agree on the
    date (a refinement, info). Only the mixed-tense claim is drawn as the conflict."""
    from checker.review.pictures import timeline_for
    from checker.review.store import claim_key

    run("check", seeds)
    store = Store.open(str(own_store))
    rows = [row for row in store.findings() if row["work"] == "Luke Cage" and row["event"] == "release"]
    assert sorted(row["rule"] for row in rows) == ["mixed-tense", "refinement"]
    mixed = next(row for row in rows if row["rule"] == "mixed-tense")
    agreeing = next(row for row in rows if row["rule"] == "refinement")
    picture = timeline_for(store, Settings(), "Luke Cage", 1, "release")
    assert picture.marked == {claim_key(claim) for claim in mixed["claims"]}
    assert len(agreeing["claims"]) > 1 and not picture.compared
    svg = picture.svg()
    assert svg.count('class="claim conflict"') == 1


def test_serve_on_a_terminal_asks_for_the_first_editor_then_serves(seeds, own_store):
    """The README's one command: `checker serve articles` on a new store, at a terminal."""
    import pty
    import select
    import time
    import urllib.request

    from services import free_port

    port = free_port()
    leader, follower = pty.openpty()
    server = subprocess.Popen([str(Path(sys.executable).parent / "checker"), "serve", str(seeds),
                               "--port", str(port)], stdin=follower, stdout=follower,
                              stderr=follower, env=os.environ, close_fds=True)
    os.close(follower)
    seen = ""

    def answer(prompt: str, reply: str | None) -> None:
        nonlocal seen
        deadline = time.monotonic() + 60
        while prompt not in seen:
            assert time.monotonic() < deadline and server.poll() is None, seen
            if select.select([leader], [], [], 0.5)[0]:
                seen += os.read(leader, 4096).decode(errors="replace")
        seen = seen[seen.index(prompt) + len(prompt):]
        if reply is not None:
            os.write(leader, reply.encode() + b"\n")

    try:
        answer("Name", "carol")
        answer("Password", "a long secret")
        answer("Repeat for confirmation", "a long secret")
        answer("Review page: http://127.0.0.1:", None)
        for _ in range(40):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2) as page:
                    assert page.status == 200 and "Sign in" in page.read().decode()
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("the review page did not answer")
    finally:
        server.terminate()
        server.wait(timeout=20)
        os.close(leader)
    assert Store.open(str(own_store)).users() == ["carol"]


def test_serve_on_a_port_in_use_is_a_clear_error(own_store):
    import socket

    from checker.review import auth
    Store.open(str(own_store)).add_user("carol", auth.hash_password("a long secret"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run("serve", "--port", taken.getsockname()[1])
    assert result.exit_code == 2 and "cannot listen on 127.0.0.1:" in errors(result)[0]


def test_commands_without_a_store_do_not_load_the_database_layer():
    """`checker extract` and `--help` start without SQLAlchemy, Argon2 or the web app."""
    probe = ("import sys, checker.cli; "
             "print(sorted(m for m in ('sqlalchemy', 'argon2', 'starlette') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_users_sign_out_ends_every_session_of_the_editor(own_store):
    from checker.review import auth
    store = Store.open(str(own_store))
    for name in ("carol", "dave"):
        store.add_user(name, auth.hash_password("a long secret"))
    carol, elsewhere, dave = store.open_session("carol"), store.open_session("carol"), store.open_session("dave")
    ended = subprocess_checker("users", "sign-out", "carol")
    assert ended.returncode == 0 and ended.stdout.strip() == "2 sessions of carol ended"
    assert store.session_editor(carol) is None and store.session_editor(elsewhere) is None
    assert store.session_editor(dave) == "dave"
    changed = subprocess_checker("users", "passwd", "dave", "--password-stdin", input="another secret\n")
    assert changed.returncode == 0 and "their sessions ended" in changed.stdout
    assert store.session_editor(dave) is None
    unknown = subprocess_checker("users", "sign-out", "erin")
    assert unknown.returncode == 2 and "no editor 'erin'" in unknown.stderr


@pytest.mark.parametrize("options, secure, address", [
    ((), False, "127.0.0.1"),                                 # nobody's forwarded headers believed
    (("--trusted-proxy", "127.0.0.1"), True, "192.0.2.44"),   # the proxy's are
    (("--secure-cookies",), True, "127.0.0.1"),
])
def test_serve_believes_forwarded_headers_only_from_a_trusted_proxy(own_store, options, secure, address):
    """A proxy says the page was asked for over HTTPS by 192.0.2.44: with --trusted-proxy
    the cookie is Secure and a failed sign-in is counted against that address."""
    import time
    import urllib.error
    import urllib.parse
    import urllib.request

    from checker.review import auth
    from services import free_port
    from test_review_web import csrf_of

    store = Store.open(str(own_store))
    store.add_user("carol", auth.hash_password("a long secret"))
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "192.0.2.44"}
    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).parent / "checker"), "serve", "--port",
                               str(port), *options], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ)
    try:
        for _ in range(80):
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/login", headers=forwarded)
                with urllib.request.urlopen(request, timeout=2) as page:
                    cookie, html = page.headers["set-cookie"], page.read().decode()
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("the review page did not answer")
        flags = [flag.strip().lower() for flag in cookie.split(";")[1:]]
        assert ("secure" in flags) == secure
        form = urllib.parse.urlencode({"csrf": csrf_of(html), "name": "carol", "password": "wrong"})
        attempt = urllib.request.Request(f"http://127.0.0.1:{port}/login", data=form.encode(),
                                         headers={**forwarded, "Cookie": cookie.split(";")[0]})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(attempt, timeout=10)
        assert refused.value.code == 401
    finally:
        server.terminate()
        server.wait(timeout=20)
    with store.connect() as connection:
        assert connection.execute(select(schema.sign_in_failures.c.address,
                                         schema.sign_in_failures.c.failures)).all() == [(address, 1)]
