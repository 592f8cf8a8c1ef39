"""The `checker` command: parse options, run the engine, print the report."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

import gc
import os
import socket
import sys

import click

from checker import baseline, engine
from checker.review import commands
from checker.clikit import (EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, article_size_option, config_option, fail, load,
                            outputs_option,
                            progress_line, rule_selection_options, selected_rules, verbosity_options,
                            workers_options, write_outputs, write_pieces)
from checker.review.options import (check_store_option, configured_store, missing_review_extra, open_store,
                                    store_option)
from checker.config import FAIL_ON_LEVELS, NEVER, ConfigError, Settings, fails
from checker.findings import Finding, Severity
from checker.reports import CLAIM_FORMATS, FORMATS, WORK_FORMATS, diagnostics
from checker.report import Report
from checker.reports.rules_report import RULE_FORMATS
from checker.reports.text import clean
from checker.review.states import HIDDEN, StoreError, shown
from claims.extract.parallel import ClusterError
from claims.spool import SpoolError
from claims.reading import (JSONL_SUFFIXES, MARKDOWN_SUFFIXES, TEXT_SUFFIXES, BadArticle, StandardInput,
                            expand, is_article_file, parse_published)

if TYPE_CHECKING:
    from checker.progress import Progress
    from checker.review.store import Store

ARTICLE_SUFFIXES = ", ".join(sorted(MARKDOWN_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES))


def check_published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Reject a bad --published before any file is read, rather than once per .txt file."""
    try:
        parse_published(value)
    except BadArticle as err:
        raise click.BadParameter(err.message) from None
    return value


def article_files(names: tuple[str, ...], hint: str | None = None) -> tuple[str, ...]:
    """Only article files: a changed script or data file is a mistake in the CI setup."""
    for name in names:
        if not is_article_file(Path(name)):
            raise click.BadParameter(f"{clean(name)!r} is not an article (use {ARTICLE_SUFFIXES})",
                                     param_hint=hint)
    return names


def check_changed(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    return article_files(value)


paths_argument = click.argument("paths", nargs=-1, required=True, metavar="PATH...")
# check and baseline: the corpus may come from the configuration's `paths` instead.
corpus_argument = click.argument("paths", nargs=-1, metavar="[PATH]...")
published_option = click.option(
    "--published", metavar="DATE", callback=check_published,
    help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for .txt files and Markdown "
         "without one in its front matter; relative times are resolved against it.")


stdin_filename_option = click.option(
    "--stdin-filename", metavar="NAME",
    help="With - among the PATHs: what to call the article read from standard input in "
         "messages and reports (its file, say articles/new-piece.md), and how to read it by "
         "its suffix. Default: stdin.md (Markdown, front matter optional).")


def with_stdin(paths: tuple[str, ...], stdin_filename: str | None) -> tuple[str | StandardInput, ...]:
    """The PATHs with `-` read from standard input, once."""
    if paths.count("-") > 1:
        raise click.BadParameter("standard input (-) can be read only once", param_hint="PATH")
    if stdin_filename is not None:
        if "-" not in paths:
            raise click.UsageError("--stdin-filename names the article read from standard input: "
                                   "give - among the PATHs")
        article_files((stdin_filename,), hint="--stdin-filename")
    if "-" not in paths:
        return paths
    # (read as the article is: at most --max-article-size of it, or a corpus line by line)
    given = StandardInput(sys.stdin.buffer if sys.stdin is not None else b"", stdin_filename or StandardInput.name)
    return tuple(given if path == "-" else path for path in paths)


def corpus(paths: tuple[str, ...], settings: Settings) -> tuple[str, ...]:
    """The PATHs given, else the configuration's `paths`."""
    if paths:
        return paths
    if settings.paths:
        return tuple(settings.paths)
    raise click.UsageError("Missing argument 'PATH...' (or set `paths` in the configuration).")


def exit_status(report: Report, fail_on: Severity | str) -> int:
    if report.problems:
        return EXIT_BAD_INPUT
    if any(fails(finding.severity, fail_on) for finding in report.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def emit(report: Report, formats: Mapping[str, Callable[[Report], str | Iterable[str]]], fmt: str,
         outputs: list[tuple[str, Path]], fail_on: Severity | str = NEVER) -> None:
    """Print the report in `fmt` on stdout and the problems on stderr, write the --output
    files, then exit with its status (2 when a file could not be written)."""
    for line in diagnostics.render(report):
        click.echo(line, err=True)
    written = write_outputs(report, outputs, formats)
    try:
        write_pieces(formats[fmt](report), lambda piece: click.echo(piece, nl=False))
        sys.stdout.flush()
    except BrokenPipeError:
        # `checker extract ... | head`: the reader has had enough; no traceback for that.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise SystemExit(exit_status(report, fail_on) if written else EXIT_BAD_INPUT)


def with_changed(paths: tuple[str | StandardInput, ...], changed: tuple[str, ...]) -> tuple[str | StandardInput, ...]:
    """The corpus plus the changed files it does not hold already (an article read twice
    would clash with itself over its id)."""
    held = {item.resolve() for item in expand(paths) if isinstance(item, Path)}
    by_file = {Path(name).resolve(): name for name in changed}  # a file named twice, once
    return (*paths, *(name for file, name in by_file.items() if file not in held))


def involving(findings: list[Finding], report: Report, changed: tuple[str, ...]) -> list[Finding]:
    """The findings that hold at least one article read from the changed files to account
    (a misspelling elsewhere of a name a changed article spells right does not)."""
    files = {Path(name).resolve() for name in changed}
    ids = {article.id for article in report.articles
           if article.path and Path(article.path).resolve() in files}
    return [finding for finding in findings if ids.intersection(engine.answerable_articles(finding))]


def recorded(store: Store, report: Report, settings: Settings, show_all: bool) -> list[Finding]:
    """Record the check in the store (one transaction); the findings still to report: all
    but those editors dismissed, unless --all."""
    from sqlalchemy.exc import SQLAlchemyError

    corpus = engine.make_corpus(report.claims, report.articles, report.lexicon, settings)
    try:
        summary = store.record_check(report.articles, report.claims, report.findings, corpus,
                                     engine.kept_corpus(report, settings))
    except (StoreError, SQLAlchemyError) as err:
        fail(f"the store {shown(store.url)} was not updated (nothing in it changed): {err}")
    changes = [f"{len(names)} {what}" for what, names in
               (("reopened", summary.reopened), ("resolved", summary.resolved)) if names]
    if changes:
        click.echo(f"checker: in the store, {' and '.join(changes)} "
                   "(`checker findings list` shows them)", err=True)
    if show_all:
        return report.findings
    return left_out(report.findings, lambda finding: summary.statuses.get(finding.fingerprint) in HIDDEN,
                    "dismissed finding", "not shown (--all shows them)")


def check_against_store(store: Store, changed: tuple[str, ...], published: str | None, settings: Settings,
                        progress: Progress | None) -> Report | None:
    """The changed articles checked against the corpus the store keeps, without reading the
    corpus again; None (and why, on stderr) when the store keeps none that this checker can use."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        stored = store.kept_corpus(engine.kept_fingerprint(settings))
    except StoreError as err:
        click.echo(f"checker: {err}: reading the whole corpus", err=True)
        return None
    except SQLAlchemyError as err:
        fail(f"cannot read the store {shown(store.url)}: {err}")
    report = engine.check_changed(changed, stored, published, settings, progress)
    # What was read from the store lives until the command ends: the cycle collector need
    # not walk its tens of thousands of objects again while the check is recorded.
    gc.freeze()
    count = len(report.articles)
    click.echo(f"checker: {count} changed article{'s' * (count != 1)} checked against the "
               f"{report.stored_count:,} other articles the store keeps from its full check of {stored.checked_at} "
               "(--full reads them again)", err=True)
    return report


def left_out(findings: list[Finding], drop: Callable[[Finding], bool], noun: str, why: str) -> list[Finding]:
    """The findings without those `drop` picks; stderr says how many were left out."""
    kept = [finding for finding in findings if not drop(finding)]
    count = len(findings) - len(kept)
    if count:
        click.echo(f"checker: {count} {noun}{'s' * (count != 1)} {why}", err=True)
    return kept


def known_fingerprints(baseline_file: str | None) -> set[str]:
    if not baseline_file:
        return set()
    try:
        return baseline.read_fingerprints(Path(baseline_file))
    except ConfigError as err:
        fail(str(err))


class Commands(click.Group):
    """checker's commands: a Dask cluster that cannot be used, a review command (or a store)
    without the review extra installed, or a failure of the checker itself ends any of them
    with one error line (exit status 2), not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise   # (click's own: usage errors and exits, which click reports)
        except Exception as err:
            fail(failure_message(err))


def failure_message(err: Exception) -> str:
    """What a command that failed says, in one line: what to do when the cause is known
    (a cluster out of reach, the review extra missing), else that the checker failed."""
    if isinstance(err, (ClusterError, SpoolError)):
        return str(err)
    if isinstance(err, ModuleNotFoundError) and missing_review_extra(err):
        return (f"the review store and page need the review extra ({err.name} is not installed): "
                "pip install 'checker[review]'")
    # A failure no input explains is the checker's: one line, never a traceback for a user to
    # read (CHECKER_DEBUG=1 shows it, for a report).
    if os.environ.get("CHECKER_DEBUG"):
        raise err
    return (f"the checker failed ({type(err).__name__}: {err}); run again with CHECKER_DEBUG=1 "
            "for the details, and please report it")


@click.group(cls=Commands)
@click.version_option(package_name="checker")
def main() -> None:
    """Check entertainment news for claims that contradict each other."""


@main.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(list(CLAIM_FORMATS)), default="table",
              show_default=True)
@outputs_option(CLAIM_FORMATS)
@stdin_filename_option
@published_option
@article_size_option
@config_option
@workers_options
@verbosity_options
@click.option("--explain", is_flag=True,
              help="Also show how each claim was read: its trigger and the strategies that "
                   "found its work, time and tense.")
def extract(paths: tuple[str, ...], fmt: str, outputs: list[tuple[str, Path]], stdin_filename: str | None,
            published: str | None, max_article_size: int | None, config_file: Path | None, jobs: int | None, dask_address: str | None,
            verbosity: str | None, explain: bool) -> None:
    """Print the dated claims found in the articles.

    PATH may be a file (.md, .txt, .jsonl, .jsonl.gz), a folder or a glob pattern.
    """
    settings = load(config_file, jobs, dask_address, max_article_size)
    targets = with_stdin(paths, stdin_filename)
    with progress_line(verbosity) as progress:
        report = engine.extract(targets, published, settings, progress)
    report.explain = explain
    emit(report, CLAIM_FORMATS, fmt, outputs)


@main.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(list(WORK_FORMATS)), default="table",
              show_default=True)
@outputs_option(WORK_FORMATS)
@stdin_filename_option
@published_option
@article_size_option
@config_option
@workers_options
@verbosity_options
def works(paths: tuple[str, ...], fmt: str, outputs: list[tuple[str, Path]], stdin_filename: str | None,
          published: str | None, max_article_size: int | None, config_file: Path | None, jobs: int | None, dask_address: str | None,
          verbosity: str | None) -> None:
    """Print the work registry: the films and series found in the articles (with their
    kind, aliases and the evidence that made each a work), and the names not taken for
    works with the reason (a person, a place, a network, a song ...).

    The configuration's `aliases.works` adds aliases and `not-works` lists names that are
    never works.
    """
    settings = load(config_file, jobs, dask_address, max_article_size)
    targets = with_stdin(paths, stdin_filename)
    with progress_line(verbosity) as progress:
        report = engine.extract(targets, published, settings, progress)
    emit(report, WORK_FORMATS, fmt, outputs)


@main.command()
@corpus_argument
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="table",
              show_default=True)
@outputs_option(FORMATS)
@stdin_filename_option
@published_option
@article_size_option
@config_option
@workers_options
@verbosity_options
@click.option("--fail-on", type=click.Choice(FAIL_ON_LEVELS), default=None,
              help="Exit 1 when a reported finding has this severity or a higher one "
                   "(never: do not fail on findings). Default: the configuration's fail-on, "
                   "else error.")
@click.option("--changed", multiple=True, metavar="FILE", callback=check_changed,
              type=click.Path(exists=True, dir_okay=False),
              help="A new or edited article (repeatable): report only the findings that "
                   "involve one of them, checked against the whole corpus (as the store keeps "
                   "it from the last full check, when it does: then the corpus is not read).")
@click.option("--changed-only", is_flag=True,
              help="The PATHs are the new or edited articles: check them against the "
                   "configuration's `paths` and report only the findings that involve them "
                   "(what a pre-commit hook passes).")
@click.option("--baseline", "baseline_file", metavar="FILE",
              help="Report only findings whose fingerprint is not in this baseline (written "
                   "by `checker baseline`). Default: the configuration's baseline.")
@click.option("--full", is_flag=True,
              help="With --changed: read the whole corpus again, even when the store keeps it "
                   "from an earlier check.")
@rule_selection_options
@check_store_option
@click.option("--no-store", is_flag=True,
              help="Neither read nor update the review store, even one the configuration or "
                   "$CHECKER_STORE names (editors' decisions are ignored).")
@click.option("--all", "show_all", is_flag=True,
              help="Also report the findings editors dismissed as false alarms.")
def check(paths: tuple[str, ...], fmt: str, outputs: list[tuple[str, Path]], stdin_filename: str | None,
          published: str | None, max_article_size: int | None, config_file: Path | None, jobs: int | None, dask_address: str | None, verbosity: str | None, fail_on: str | None,
          changed: tuple[str, ...], changed_only: bool, full: bool, baseline_file: str | None,
          select: list[str] | None, ignore: list[str] | None, store_location: str | None, no_store: bool,
          show_all: bool) -> None:
    """Extract the claims and report those that conflict.

    PATH may be a file (.md, .txt, .jsonl, .jsonl.gz), a folder or a glob pattern; without
    one, the configuration's `paths` are checked.

    With --changed and a store that keeps the corpus of an earlier full check, only the
    changed articles are read: they are checked against the stored claims and works.

    \b
    Exit status:
      0  every input was read and no reported finding is at or above --fail-on
      1  every input was read and a reported finding is at or above --fail-on
      2  a usage error, a bad configuration or baseline, an input that could not be
         read, or an --output file that could not be written; this wins over 1, whatever
         was found in the other inputs
    """
    settings = selected_rules(load(config_file, jobs, dask_address, max_article_size), select, ignore)
    if changed_only:
        if not settings.paths:
            raise click.UsageError("--changed-only checks the PATHs against the configuration's "
                                   "`paths`; set `paths` in checker.toml or [tool.checker].")
        for name in paths:
            if not Path(name).is_file():
                raise click.BadParameter(f"{clean(name)!r} is not a file", param_hint="PATH")
        changed, paths = changed + article_files(paths, hint="PATH"), ()
        if not changed:
            raise SystemExit(EXIT_OK)  # nothing staged: nothing to check
    known = known_fingerprints(baseline_file or settings.baseline)
    store = None if no_store or not configured_store(store_location, settings) else open_store(store_location, settings)
    with progress_line(verbosity) as progress:
        report = None
        if changed and store and not full:
            report = check_against_store(store, changed, published, settings, progress)
        if report is None:
            targets = with_stdin(corpus(paths, settings), stdin_filename)
            report = engine.check(with_changed(targets, changed), published, settings, progress)
    if store:
        report.findings = recorded(store, report, settings, show_all)
    if changed:
        report.findings = involving(report.findings, report, changed)
    if known:
        report.findings = left_out(report.findings, lambda finding: finding.fingerprint in known,
                                   "finding", "already in the baseline not shown")
    emit(report, FORMATS, fmt, outputs, fail_on or settings.fail_on)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(list(RULE_FORMATS)), default="table", show_default=True)
@config_option
def list_rules(fmt: str, config_file: Path | None) -> None:
    """List the rules: id, severity and scope as the configuration has them, whether it
    runs each, and what each flags (docs/rules/ has a page per rule; `--select` and
    `--ignore` on `checker check` choose among them)."""
    click.echo(RULE_FORMATS[fmt](load(config_file)))


@main.command("baseline")
@corpus_argument
@click.option("-o", "--output", metavar="FILE", type=click.Path(dir_okay=False),
              help=f"Where to write it. Default: the configuration's baseline, else "
                   f"{baseline.DEFAULT_FILE}.")
@published_option
@article_size_option
@config_option
@workers_options
@verbosity_options
def write_baseline(paths: tuple[str, ...], output: str | None, published: str | None, max_article_size: int | None,
                   config_file: Path | None, jobs: int | None, dask_address: str | None, verbosity: str | None) -> None:
    """Write the fingerprints of the current findings to a baseline file.

    `checker check --baseline FILE` then reports only findings that are not in it. Nothing
    is written when an input cannot be read (exit status 2): a baseline of part of the
    corpus would hide nothing of the rest.
    """
    settings = load(config_file, jobs, dask_address, max_article_size)
    with progress_line(verbosity) as progress:
        report = engine.check(corpus(paths, settings), published, settings, progress)
    for line in diagnostics.render(report):
        click.echo(line, err=True)
    if report.problems:
        fail("baseline not written: fix the inputs that could not be read")
    target = Path(output or settings.baseline or baseline.DEFAULT_FILE)
    try:
        baseline.write(target, report.findings)
    except ConfigError as err:
        fail(str(err))
    count = len(report.findings)
    click.echo(f"{count} finding{'s' * (count != 1)} written to {clean(str(target))}")


@main.command()
@corpus_argument
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but a loopback address exposes the page "
                   "to the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--trusted-proxy", "trusted_proxies", multiple=True, metavar="ADDRESS",
              help="The address of the reverse proxy in front of the page (repeatable): its "
                   "X-Forwarded-For and X-Forwarded-Proto headers are believed, so the sign-in "
                   "limit counts the real client's address and cookies are marked Secure when "
                   "the proxy was asked over HTTPS. Headers from anyone else are ignored.")
@click.option("--secure-cookies", is_flag=True,
              help="Mark cookies Secure on every request (browsers then send them over HTTPS "
                   "only): for a proxy that serves HTTPS but does not say so.")
@published_option
@article_size_option
@store_option
@config_option
@workers_options
def serve(paths: tuple[str, ...], host: str, port: int, trusted_proxies: tuple[str, ...],
          secure_cookies: bool, published: str | None, max_article_size: int | None,
          store_location: str | None, config_file: Path | None, jobs: int | None,
          dask_address: str | None) -> None:
    """Start the review page, where editors decide the stored findings.

    With PATHs (or the configuration's `paths`), they are checked first and the store
    updated, as `checker check` does. Without an editor yet, one is asked for.
    """
    import uvicorn

    from checker.review.commands import first_editor
    from checker.review.web import create_app

    settings = load(config_file, jobs, dask_address, max_article_size)
    store = open_store(store_location, settings)
    if paths or settings.paths:
        report = engine.check(corpus(paths, settings), published, settings)
        for line in diagnostics.render(report):
            click.echo(line, err=True)
        recorded(store, report, settings, show_all=True)
        click.echo(f"checked {len(report.articles)} articles: {len(report.findings)} findings")
    if not store.users():
        first_editor(store)
    if host not in ("127.0.0.1", "localhost", "::1") and not (trusted_proxies or secure_cookies):
        click.echo(f"checker: warning: listening on {host}: the review page is reachable from "
                   "the network; put it behind an HTTPS proxy (--trusted-proxy)", err=True)
    listening = listen(host, port)
    click.echo(f"Review page: http://{'[' + host + ']' if ':' in host else host}:{port}/ "
               "(Ctrl-C stops it)")
    # Forwarded headers are believed from the proxies named, from nobody by default.
    server = uvicorn.Server(uvicorn.Config(
        create_app(store, secure_cookies=secure_cookies), log_level="warning",
        proxy_headers=bool(trusted_proxies), forwarded_allow_ips=list(trusted_proxies) or None,
        server_header=False))
    server.run(sockets=[listening])


def listen(host: str, port: int) -> socket.socket:
    """The server's socket, bound here so that a port in use is a one-line error."""
    listening = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError as err:
        listening.close()
        fail(f"cannot listen on {host}:{port}: {err.strerror or err} (another program has it? "
             "choose one with --port)")
    return listening


main.add_command(commands.db)
main.add_command(commands.findings)
main.add_command(commands.users)
main.add_command(commands.draw_timeline)
