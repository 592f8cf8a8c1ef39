"""The review page end to end, in a real browser: Debian's chromium driven by Playwright.

`checker check` fills the test's store from the seed corpus (articles/), `checker users add`
adds an editor, and `checker serve` runs the page in a subprocess. In the browser the editor
signs in, opens the order-conflict finding about Jessica Jones season 2 from the queue, sees
both pieces of evidence and the timeline picture (a full-page screenshot is saved to
$CHECKER_TEST_ARTIFACTS, else test-artifacts/), is refused a dismissal without a reason,
dismisses it with one, and finds it gone from the queue. `checker check` afterwards leaves
the dismissed finding out (and says so) unless --all. Signing out ends the session.

No browser is ever downloaded: Playwright launches /usr/bin/chromium. Without it (or without
the playwright package) these tests skip, or fail when CHECKER_REQUIRE_SERVICES is set.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from services import CHROMIUM, free_port, missing

try:
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError:  # pragma: no cover - reported by the `browser` fixture
    sync_playwright = None

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "articles"
EDITOR, PASSWORD = "alice", "correct horse battery"
REASON = "Back-to-back and at the same time both describe one shoot: not a contradiction."
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
WAIT_MS = 15_000  # for each page and expectation: generous, a loaded CI machine is slow
SERVER_START_SECONDS = 20


def checker_command() -> list[str]:
    """The installed `checker` console script beside this Python (the package has no
    __main__, so without the script main() is called through -c)."""
    script = Path(sys.executable).parent / "checker"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from checker.cli import main; main(prog_name='checker')"]


def checker(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run `checker ARGS` to completion (the store comes from CHECKER_STORE, set per test)."""
    return subprocess.run([*checker_command(), *args], cwd=cwd, input=stdin, text=True,
                          capture_output=True, timeout=120)


def artifacts() -> Path:
    folder = Path(os.environ.get("CHECKER_TEST_ARTIFACTS", REPO / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# -- the server --------------------------------------------------------------------------

def answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
        return True
    return False


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`checker serve` on a free port until the block ends; its base URL."""
    port = free_port()
    log_path = folder / "serve.log"
    with log_path.open("w") as log:
        server = subprocess.Popen([*checker_command(), "serve", "--port", str(port)], cwd=folder,
                                  stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + SERVER_START_SECONDS
            while not answers(port):
                if server.poll() is not None:
                    pytest.fail(f"`checker serve` exited with status {server.returncode}:\n"
                                f"{log_path.read_text()}")
                if time.monotonic() > deadline:
                    pytest.fail(f"`checker serve` did not answer on port {port} within "
                                f"{SERVER_START_SECONDS} s:\n{log_path.read_text()}")
                time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


@dataclass
class Site:
    url: str
    folder: Path


@pytest.fixture
def site(tmp_path, own_store) -> Iterator[Site]:
    """The seed corpus checked into this test's store, editor alice, and the page serving it."""
    checked = checker("check", str(ARTICLES), cwd=tmp_path)
    assert checked.returncode == 1, checked.stdout + checked.stderr  # the seeds have findings
    assert own_store.exists()
    added = checker("users", "add", EDITOR, "--password-stdin", cwd=tmp_path,
                    stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stdout + added.stderr
    with serving(tmp_path) as url:
        yield Site(url, tmp_path)


# -- the browser -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        missing("Debian's chromium")
    if sync_playwright is None:
        missing("playwright (the Python package)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser) -> Iterator[Page]:
    """A fresh browser context (no cookies) and page; the console's errors are checked at the
    end, so a script or style the Content-Security-Policy blocks fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(WAIT_MS)
    expect.set_options(timeout=WAIT_MS)
    page = context.new_page()
    errors: list[str] = []

    def console(message) -> None:
        # A failed load is reported below with its address (a page's own 400 is expected).
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(message.text)

    def response(answer) -> None:
        if (answer.status >= 400 and answer.request.resource_type != "document"
                and not answer.url.endswith("/favicon.ico")):  # the site has no icon
            errors.append(f"{answer.status} for {answer.url}")

    def failed(request) -> None:
        # A navigation cancels what the page before it was still loading: not an error.
        if request.failure != "net::ERR_ABORTED" and not request.url.endswith("/favicon.ico"):
            errors.append(f"{request.url}: {request.failure}")

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", response)
    page.on("requestfailed", failed)
    try:
        yield page
        assert not errors, f"the browser console reported errors: {errors}"
    finally:
        context.close()


def sign_in(page: Page, site: Site) -> None:
    """Open the site's root, be sent to the sign-in page, sign in: back at the queue."""
    page.goto(site.url + "/")
    expect(page).to_have_url(re.compile(r"/login\?next=%2F$"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.fill("input[name=name]", EDITOR)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(site.url + "/")
    expect(page.locator("table.queue")).to_be_visible()
    expect(page.locator("header.top .who")).to_contain_text(EDITOR)


def count_of(page: Page, status: str) -> int:
    """The number the queue shows beside a status."""
    return int(page.locator(f".counts a.status.{status} b").inner_text())


def decide(page: Page, action: str, reason: str | None = None) -> None:
    page.check(f"input[name=action][value={action}]")
    if reason is not None:
        page.fill("input[name=reason]", reason)
    page.get_by_role("button", name="Record decision").click()


def check_json(site: Site, *extra: str) -> tuple[list[str], str]:
    """`checker check --format json` on the seeds: the reported fingerprints, and stderr."""
    result = checker("check", str(ARTICLES), "--format", "json", *extra, cwd=site.folder)
    assert result.returncode in (0, 1), result.stderr
    return [finding["fingerprint"] for finding in json.loads(result.stdout)["findings"]], result.stderr


# -- the tests ---------------------------------------------------------------------------

def test_editor_dismisses_the_order_conflict(site, page):
    sign_in(page, site)
    open_before, dismissed_before = count_of(page, "open"), count_of(page, "dismissed")
    assert open_before > 0 and dismissed_before == 0

    # The queue: the order-conflict row leads to its finding page.
    row = page.locator("tr.finding").filter(has_text="order-conflict")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Jessica Jones")
    link = row.locator('a[href^="/findings/"]')
    href = link.get_attribute("href")
    fingerprint = href.removeprefix("/findings/")
    link.click()
    expect(page).to_have_url(site.url + href)
    expect(page.locator("h1")).to_contain_text("order-conflict")
    expect(page.locator("h1")).to_contain_text("Jessica Jones season 2")
    expect(page.locator("#status")).to_have_text("open")

    # Both sides of the conflict, each its own sentence.
    evidence = page.locator("blockquote.evidence")
    expect(evidence.nth(1)).to_be_visible()
    for index in range(evidence.count()):
        expect(evidence.nth(index)).to_be_visible()
    texts = {" ".join(text.split()) for text in evidence.all_inner_texts()}
    assert len(texts) >= 2, texts

    # The timeline: one row per claim, the conflicting ones marked.
    picture = page.locator("figure.timeline svg")
    expect(picture).to_be_visible()
    expect(picture.locator("g.claim").first).to_be_visible()
    expect(picture.locator("g.claim.conflict").first).to_be_visible()
    assert picture.locator("g.claim").count() >= picture.locator("g.claim.conflict").count() >= 1

    screenshot = artifacts() / "finding-page.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
    assert screenshot.read_bytes().startswith(b"\x89PNG")

    # A dismissal needs a reason (the field is not `required` in the HTML: the server says so).
    decide(page, "dismiss")
    expect(page.locator("p.error[role=alert]")).to_contain_text("needs a reason", ignore_case=True)
    expect(page.locator("#status")).to_have_text("open")

    decide(page, "dismiss", REASON)
    expect(page).to_have_url(site.url + href)
    expect(page.locator("#status")).to_have_text("dismissed")
    expect(page.locator(".flash")).to_have_text("Recorded: dismiss.")
    expect(page.locator("p.error[role=alert]")).to_have_count(0)
    latest = page.locator("ol.history li").first  # newest first
    expect(latest).to_contain_text(EDITOR)
    expect(latest).to_contain_text("dismiss")
    expect(latest).to_contain_text(REASON)

    # Back in the queue, the finding is no longer open.
    page.goto(site.url + "/")
    expect(page.locator("table.queue")).to_be_visible()
    expect(page.locator(f'a[href="/findings/{fingerprint}"]')).to_have_count(0)
    assert count_of(page, "dismissed") == 1
    assert count_of(page, "open") == open_before - 1

    # `checker check` stops reporting it, and says so; --all still does.
    reported, stderr = check_json(site)
    assert fingerprint not in reported and reported
    assert "1 dismissed finding not shown" in stderr
    everything, stderr = check_json(site, "--all")
    assert fingerprint in everything
    assert set(everything) == set(reported) | {fingerprint}
    assert "not shown" not in stderr


@contextlib.contextmanager
def copied_into(browser, page: Page) -> Iterator[Page]:
    """Another browser holding a copy of the page's cookies (as one copied off it would)."""
    context = browser.new_context()
    context.set_default_timeout(WAIT_MS)
    context.add_cookies(page.context.cookies())
    try:
        yield context.new_page()
    finally:
        context.close()


def test_sign_out_ends_the_session_for_every_copy_of_the_cookie(site, page, browser):
    sign_in(page, site)
    with copied_into(browser, page) as copy:
        copy.goto(site.url + "/")
        expect(copy.locator("table.queue")).to_be_visible()
        page.get_by_role("button", name="Sign out").click()
        expect(page).to_have_url(site.url + "/login")
        expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
        expect(page.locator("header.top .who")).to_have_count(0)

        page.goto(site.url + "/")
        expect(page).to_have_url(re.compile(r"/login\?next=%2F$"))
        expect(page.locator("table.queue")).to_have_count(0)
        copy.goto(site.url + "/")
        expect(copy).to_have_url(re.compile(r"/login\?next=%2F$"))


def test_a_new_password_then_signing_out_everywhere_on_the_account_page(site, page, browser):
    sign_in(page, site)
    with copied_into(browser, page) as elsewhere:
        page.locator("header.top .who a").click()
        expect(page.get_by_role("heading", name="Your account")).to_be_visible()
        page.fill("input[name=current]", PASSWORD)
        page.fill("input[name=new]", "a new long secret")
        page.fill("input[name=repeat]", "a new long secret")
        page.get_by_role("button", name="Change password").click()
        expect(page.locator(".flash")).to_contain_text("your other sessions were signed out")
        elsewhere.goto(site.url + "/")
        expect(elsewhere).to_have_url(re.compile(r"/login\?next=%2F$"))
        page.goto(site.url + "/")
        expect(page.locator("table.queue")).to_be_visible()   # this browser stays signed in

        page.goto(site.url + "/account")
        page.get_by_role("button", name="Sign out everywhere").click()
        expect(page).to_have_url(site.url + "/login")
        expect(page.locator(".flash")).to_have_text("You were signed out everywhere.")
        page.goto(site.url + "/")
        expect(page).to_have_url(re.compile(r"/login\?next=%2F$"))
