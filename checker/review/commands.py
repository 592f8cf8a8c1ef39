"""The review commands: `checker db`, `findings`, `users`, `timeline` and `serve`."""
from __future__ import annotations

import getpass
import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

from checker.clikit import config_option, fail, load
from checker.review.options import chosen_store, open_store, store_option
from checker.config import Settings
from checker.reports import fit
from checker.reports.text import clean
from checker.review.states import ACTIONS, STATUSES, StoreError, shown, store_url, when
from claims.models import EVENTS

if TYPE_CHECKING:
    from checker.review.store import Store

STATUS_CHOICE = click.Choice([*STATUSES, "all"])


def _auth():
    """Argon2 is only loaded by the commands that handle passwords."""
    from checker.review import auth
    return auth


def store_from(store_location: str | None, config_file: Path | None) -> tuple[Store, Settings]:
    settings = load(config_file)
    return open_store(store_location, settings), settings


def one_line(text: str, width: int = 70) -> str:
    text = clean(" ".join(text.split()))
    return text if len(text) <= width else text[:width - 1] + "…"


# -- checker db -----------------------------------------------------------------------------

@click.group()
def db() -> None:
    """Create or upgrade the review store's tables."""


@db.command()
@store_option
@config_option
def upgrade(store_location: str | None, config_file: Path | None) -> None:
    """Apply the migrations the store has not had yet."""
    from checker.review.store import Store

    settings = load(config_file)
    try:
        store = Store(store_url(chosen_store(store_location, settings)))
        before, after = store.upgrade()
    except StoreError as err:
        fail(str(err))
    if before == after:
        click.echo(f"{shown(store.url)} is up to date (revision {after})")
    else:
        click.echo(f"{shown(store.url)} upgraded from {before or 'empty'} to revision {after}")


# -- checker findings ------------------------------------------------------------------------

@click.group()
def findings() -> None:
    """List, show and decide the findings in the review store."""


@findings.command("list")
@click.option("--status", type=STATUS_CHOICE, default="open", show_default=True)
@click.option("--rule", metavar="ID")
@click.option("--severity", type=click.Choice(["error", "warning", "info"]))
@click.option("--work", metavar="TEXT", help="Findings about works whose title contains TEXT.")
@click.option("--outlet", metavar="NAME")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@store_option
@config_option
def list_findings(status: str, rule: str | None, severity: str | None, work: str | None,
                  outlet: str | None, fmt: str, store_location: str | None,
                  config_file: Path | None) -> None:
    """The stored findings, newest first."""
    store, _ = store_from(store_location, config_file)
    rows = store.findings(status=None if status == "all" else status, rule=rule,
                          severity=severity, work=work, outlet=outlet)
    if fmt == "json":
        click.echo(json.dumps([listed(row) for row in rows], indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo(f"no {'' if status == 'all' else status + ' '}findings")
        return
    table = [[row["fingerprint"][:10], row["status"], row["severity"], row["rule"],
              one_line(row["work"] or "", 30), one_line(", ".join(row["outlets"]), 30),
              f"{row['first_seen']:%Y-%m-%d}", one_line(row["message"], 60)] for row in rows]
    # The message, outlets and work wrap to fit the terminal; too narrow, a block per finding.
    click.echo(fit.table(table, ["finding", "status", "severity", "rule", "work", "outlets", "found", "message"],
                         fit.terminal_width(), {7: 20, 5: 12, 4: 12}))


def listed(row: dict) -> dict:
    return {"fingerprint": row["fingerprint"], "status": row["status"], "version": row["version"],
            "rule": row["rule"], "severity": row["severity"], "work": row["work"],
            "season": row["season"], "event": row["event"], "outlets": row["outlets"],
            "message": row["message"], "first_seen": row["first_seen"].isoformat(),
            "last_seen": row["last_seen"].isoformat(),
            "resolved_at": row["resolved_at"].isoformat() if row["resolved_at"] else None}


@findings.command()
@click.argument("fingerprint")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@store_option
@config_option
def show(fingerprint: str, fmt: str, store_location: str | None, config_file: Path | None) -> None:
    """One finding: its evidence and the history of decisions (FINGERPRINT may be its start)."""
    store, _ = store_from(store_location, config_file)
    try:
        row = store.finding(fingerprint)
    except StoreError as err:
        fail(str(err))
    history = store.history(row["fingerprint"])
    if fmt == "json":
        click.echo(json.dumps({**listed(row), "evidence": row["data"]["evidence"],
                               "history": [decided(entry) for entry in history]},
                              indent=2, ensure_ascii=False))
        return
    width = max(fit.MIN_VALUE_WIDTH, fit.terminal_width())
    click.echo(textwrap.fill(f"finding {row['fingerprint']}  [{row['status']}]  {row['severity']} {row['rule']}",
                             width, break_on_hyphens=False))
    click.echo(textwrap.fill(clean(row["message"]), width))
    articles = store.articles(cite["article"] for cite in row["data"]["evidence"])
    click.echo("\nevidence:")
    for cite in row["data"]["evidence"]:
        article = articles.get(cite["article"])
        source = (article.outlet if article and article.outlet else cite["article"])
        date = article.published.value if article and article.published else "undated"
        click.echo(indented(f"{clean(source)} ({date}): {one_line(cite['text'], 200)}", width))
    click.echo("\nhistory:")
    for entry in history:
        click.echo(indented(history_line(entry), width))


def indented(line: str, width: int) -> str:
    """A list item wrapped to the terminal: its first line indented, the rest further."""
    return textwrap.fill(line, width, initial_indent="  ", subsequent_indent="    ", break_on_hyphens=False)


def decided(entry: dict) -> dict:
    return {key: (value.isoformat() if hasattr(value, "isoformat") else value)
            for key, value in entry.items() if key not in ("id", "fingerprint", "evidence_hash")}


def history_line(entry: dict) -> str:
    who = entry["editor"] or "checker"
    change = (f"{entry['previous_status']} → {entry['status']}"
              if entry["previous_status"] and entry["previous_status"] != entry["status"]
              else entry["status"])
    words = [f"{when(entry['at'])}  {clean(who)}: {entry['action']} ({change})"]
    if entry["reason"]:
        words.append(f"reason: {one_line(entry['reason'], 200)}")
    if entry["note"]:
        words.append(f"note: {one_line(entry['note'], 200)}")
    return "; ".join(words)


def decision_command(action: str, summary: str):
    @click.argument("fingerprint")
    @click.option("--reason", metavar="TEXT", required=action == "dismiss",
                  help="Why this is a false alarm." if action == "dismiss" else
                       "Why (optional).")
    @click.option("--note", metavar="TEXT", required=action == "note", help="A note for the record.")
    @click.option("--editor", metavar="NAME", default=lambda: getpass.getuser(),
                  show_default="your login name", help="Who decides.")
    @store_option
    @config_option
    def command(fingerprint: str, reason: str | None, note: str | None, editor: str,
                store_location: str | None, config_file: Path | None) -> None:
        store, _ = store_from(store_location, config_file)
        try:
            row = store.decide(fingerprint, action, editor, reason=reason, note=note)
        except StoreError as err:
            fail(str(err))
        click.echo(f"finding {row['fingerprint']} is {row['status']}")
    command.__doc__ = summary
    return findings.command(action)(command)


DECISION_HELP = {
    "confirm": "Confirm a finding: a real problem to correct.",
    "dismiss": "Dismiss a finding as a false alarm (--reason is required); `checker check` "
               "stops reporting it until its claims change.",
    "fix": "Mark a finding fixed: the article has been corrected.",
    "reopen": "Reopen a finding that was confirmed, dismissed or fixed.",
    "note": "Add a note to a finding without changing its status.",
}
for decision in ACTIONS:
    decision_command(decision, DECISION_HELP[decision])


# -- checker users ---------------------------------------------------------------------------

@click.group()
def users() -> None:
    """Editors who may sign in to the review page."""


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


def hashed(password: str) -> str:
    try:
        return _auth().hash_password(password)
    except ValueError as err:
        fail(str(err))


def set_password(store: Store, name: str, password_stdin: bool, new: bool) -> None:
    """Ask for (or read) a password and store its hash, for a new editor or an existing one."""
    known = name in store.users()
    if new and known:
        fail(f"editor {name!r} exists already (`checker users passwd {name}` changes the password)")
    if not new and not known:
        fail(f"no editor {name!r}")
    password_hash = hashed(read_password(password_stdin))
    try:
        (store.add_user if new else store.set_password)(name, password_hash)
    except StoreError as err:
        fail(str(err))


@users.command("add")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line "
                                                     "of standard input instead of asking.")
@store_option
@config_option
def add_user(name: str, password_stdin: bool, store_location: str | None,
             config_file: Path | None) -> None:
    """Add an editor; the password is asked for twice (or read from stdin)."""
    problem = _auth().valid_name(name)
    if problem:
        fail(f"{name!r}: {problem}")
    store, _ = store_from(store_location, config_file)
    set_password(store, name, password_stdin, new=True)
    click.echo(f"editor {name} added")


def first_editor(store: Store) -> None:
    """`checker serve` on a store without editors: ask for the first, or say how to add one."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("no editor can sign in yet: add one with `checker users add NAME`")
    click.echo("No editor can sign in yet; add the first one.")
    while problem := _auth().valid_name(name := click.prompt("Name", default=getpass.getuser())):
        click.echo(problem)
    set_password(store, name, False, new=True)
    click.echo(f"editor {name} added")


@users.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True)
@store_option
@config_option
def change_password(name: str, password_stdin: bool, store_location: str | None,
                    config_file: Path | None) -> None:
    """Set an editor's password; their open sessions end."""
    store, _ = store_from(store_location, config_file)
    set_password(store, name, password_stdin, new=False)
    click.echo(f"password of {name} changed; their sessions ended")


@users.command("sign-out")
@click.argument("name")
@store_option
@config_option
def sign_out(name: str, store_location: str | None, config_file: Path | None) -> None:
    """Sign an editor out everywhere: every session of theirs ends (a browser left signed in,
    a stolen cookie). A new password does this too."""
    store, _ = store_from(store_location, config_file)
    if name not in store.users():
        fail(f"no editor {name!r}")
    ended = store.end_sessions(name)
    click.echo(f"{ended} session{'s' * (ended != 1)} of {name} ended")


@users.command("remove")
@click.argument("name")
@store_option
@config_option
def remove_user(name: str, store_location: str | None, config_file: Path | None) -> None:
    """Remove an editor: they can no longer sign in, and their open sessions end. Their
    decisions stay in the findings' history."""
    store, _ = store_from(store_location, config_file)
    try:
        store.remove_user(name)
    except StoreError as err:
        fail(str(err))
    click.echo(f"editor {name} removed")


@users.command("list")
@store_option
@config_option
def list_users(store_location: str | None, config_file: Path | None) -> None:
    """The editors' names."""
    store, _ = store_from(store_location, config_file)
    for name in store.users():
        click.echo(name)


# -- checker timeline ------------------------------------------------------------------------

@click.command("timeline")
@click.argument("work")
@click.option("--season", type=click.IntRange(min=1), metavar="N")
@click.option("--event", "event_name", type=click.Choice(EVENTS),
              help="Default: the event with most claims.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              metavar="FILE.svg")
@store_option
@config_option
def draw_timeline(work: str, season: int | None, event_name: str | None, output: str,
                  store_location: str | None, config_file: Path | None) -> None:
    """Draw every stored claim about WORK's event: publication date against claimed time.

    The claims come from the review store, as the last `checker check` recorded them.
    """
    from checker.review.pictures import timeline_for

    store, settings = store_from(store_location, config_file)
    try:
        picture = timeline_for(store, settings, work, season or 1, event_name)
    except StoreError as err:
        fail(str(err))
    try:
        Path(output).write_text(picture.svg(standalone=True), encoding="utf-8")
    except OSError as err:
        fail(f"{output}: cannot write ({err.strerror or err})")
    click.echo(f"{len(picture.claims)} claims about {clean(picture.title)} drawn to {clean(output)}")
