"""The `checker` command: parse options, run the engine, print the report."""
from __future__ import annotations

from typing import Callable

import os
import sys

import click

from checker import engine
from checker.reports import CLAIM_FORMATS, FORMATS, diagnostics
from claims.reading import BadArticle, parse_published

# Exit statuses: 0 all inputs read, 2 a usage error or an input that could not be read
# (click also uses 2 for usage errors). 1 is left for findings once the rules exist.
EXIT_OK, EXIT_BAD_INPUT = 0, 2


def check_published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Reject a bad --published before any file is read, rather than once per .txt file."""
    try:
        parse_published(value)
    except BadArticle as err:
        raise click.BadParameter(err.message) from None
    return value


paths_argument = click.argument("paths", nargs=-1, required=True, metavar="PATH...")
published_option = click.option(
    "--published", metavar="DATE", callback=check_published,
    help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for .txt files and Markdown "
         "without one in its front matter; relative times are resolved against it.")


def emit(report: engine.Report, render: Callable[[engine.Report], str]) -> None:
    """Print the report on stdout and the problems on stderr; exit 2 if an input was bad."""
    for line in diagnostics.render(report):
        click.echo(line, err=True)
    output = render(report)
    if output:
        try:
            click.echo(output)
            sys.stdout.flush()
        except BrokenPipeError:
            # `checker extract ... | head`: the reader has had enough; no traceback for that.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise SystemExit(EXIT_BAD_INPUT if report.problems else EXIT_OK)


@click.group()
@click.version_option(package_name="checker")
def main() -> None:
    """Check entertainment news for claims that contradict each other."""


@main.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(list(CLAIM_FORMATS)), default="table",
              show_default=True)
@published_option
def extract(paths: tuple[str, ...], fmt: str, published: str | None) -> None:
    """Print the dated claims found in the articles.

    PATH may be a file (.md, .txt, .jsonl, .jsonl.gz), a folder or a glob pattern.
    """
    emit(engine.extract(paths, published), CLAIM_FORMATS[fmt])


@main.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="table",
              show_default=True)
@published_option
def check(paths: tuple[str, ...], fmt: str, published: str | None) -> None:
    """Extract the claims and report those that conflict.

    PATH may be a file (.md, .txt, .jsonl, .jsonl.gz), a folder or a glob pattern.
    Exit status: 0 when every input was read, 2 when one could not be (or on a usage error).
    """
    emit(engine.check(paths, published), FORMATS[fmt])
