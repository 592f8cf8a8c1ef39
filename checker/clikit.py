"""What every `checker` command shares: exit statuses, the --config option, errors."""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, NoReturn

import click

from checker import rules
from checker.config import ConfigError, Settings, load_settings, parse_size, unknown
from checker.progress import Progress
from checker.reports.text import clean

# Exit statuses: 0 nothing to fail on, 1 a reported finding at or above --fail-on, 2 a usage
# error, a bad configuration or baseline, or an input that could not be read (click also
# uses 2 for usage errors). 2 wins over 1: a partial read must not pass for a clean one.
EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

config_option = click.option(
    "--config", "config_file", metavar="FILE",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Settings file (checker.toml, or a pyproject.toml with [tool.checker]); by default "
         "the nearest one in this folder or above it, up to the git repository's root.")
jobs_option = click.option(
    "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
    help="Worker processes for extraction; the claims are the same whatever their number. "
         "Default: the configuration's jobs, else every core (one for a small corpus).")
dask_option = click.option(
    "--dask", "dask_address", metavar="ADDRESS",
    help="Run extraction on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
         "the claims are the same as on this machine. Needs the dask extra on this machine "
         "and on every worker. Default: the configuration's dask, else this machine.")


def article_size(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    try:
        return None if value is None else parse_size(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


article_size_option = click.option(
    "--max-article-size", "max_article_size", metavar="SIZE", callback=article_size,
    help="An article (a file, or a JSON Lines record) bigger than this is reported (exit "
         "status 2) and not read; the others are. 4MB, 512KB or a number of bytes (KB, MB and "
         "GB count by 1,024). Default: the configuration's max-article-size, else 4MB.")


def verbosity_options(command):
    """-q and -v: no progress line, or also how long each step took (the last one given wins)."""
    quiet = click.option("-q", "--quiet", "verbosity", flag_value="quiet",
                         help="No progress line on the terminal while the articles are read and checked "
                              "(it is never shown when standard error is not a terminal).")
    verbose = click.option("-v", "--verbose", "verbosity", flag_value="verbose",
                           help="Also say on standard error, when the run ends, what each step went "
                                "through and how long it took (reading, learning works, reading "
                                "claims, each rule), on a terminal or not.")
    return quiet(verbose(command))


@contextlib.contextmanager
def progress_line(verbosity: str | None) -> Iterator[Progress | None]:
    """The progress line of a long command, wiped when the command is done; None where
    nobody sees it and -v was not given (the steps then run as they would without one)."""
    progress = Progress.for_terminal(verbosity)
    try:
        yield progress if progress.wanted else None
    finally:
        progress.close()


def outputs_option(formats: Mapping[str, Callable]):
    """--output FORMAT=PATH, repeatable: more reports of the same run, each in a file."""
    def parse(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[tuple[str, Path]]:
        outputs: list[tuple[str, Path]] = []
        for value in values:
            name, sign, path = value.partition("=")
            if not sign or not path.strip():
                raise click.BadParameter(f"{clean(value)!r} is not FORMAT=PATH (e.g. sarif=checker.sarif)")
            if name not in formats:
                raise click.BadParameter(f"{clean(name)!r} is not a format: choose from {', '.join(formats)}")
            if any(Path(path).resolve() == Path(other).resolve() for _, other in outputs):
                raise click.BadParameter(f"two reports to one file, {clean(path)!r}")
            outputs.append((name, Path(path)))
        return outputs

    return click.option(
        "--output", "outputs", multiple=True, metavar="FORMAT=PATH", callback=parse,
        help=f"Also write the report in FORMAT ({', '.join(formats)}) to PATH, from the same run "
             "(repeatable; folders are made as needed). The --format report still goes to "
             "standard output.")


def write_outputs(report, outputs: list[tuple[str, Path]], formats: Mapping[str, Callable]) -> bool:
    """Write each --output file (as `--format` would print it); False, after one error line
    for each, when some could not be written."""
    written = True
    for name, path in outputs:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8") as out:
                write_pieces(formats[name](report), out.write)
            continue
        except FileExistsError:   # (from mkdir: a file holds the folder's name)
            reason = f"{path.parent} is a file, not a folder"
        except OSError as err:
            reason = err.strerror or str(err)
        click.echo(f"checker: error: cannot write the {name} report to {clean(str(path))}: {clean(reason)}", err=True)
        written = False
    return written


def write_pieces(output: str | Iterable[str], write: Callable[[str], object]) -> None:
    """A format's text, or its pieces one after the other, and a line end after it unless
    it is empty."""
    wrote = False
    for piece in [output] if isinstance(output, str) else output:
        if piece:
            write(piece)
            wrote = True
    if wrote:
        write("\n")


def rule_ids(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    """A comma-separated list of rule ids, each one the registry knows."""
    if value is None:
        return None
    ids = [part.strip() for part in value.split(",") if part.strip()]
    for rule_id in ids:
        if rule_id not in rules.RULES:
            raise click.BadParameter(f"{unknown('rule', clean(rule_id), list(rules.RULES))} "
                                     "(`checker rules` lists them)")
    return ids


def rule_selection_options(command):
    """--select and --ignore: which rules run, over the configuration's `rules` table."""
    select = click.option("--select", metavar="RULE,...", callback=rule_ids,
                          help="Run only these rules (whatever the configuration turns on or off).")
    ignore = click.option("--ignore", metavar="RULE,...", callback=rule_ids,
                          help="Do not run these rules (applied after --select).")
    return select(ignore(command))


def selected_rules(settings: Settings, select: list[str] | None, ignore: list[str] | None) -> Settings:
    """The settings with the rules --select and --ignore name turned on and off."""
    if select is None and not ignore:
        return settings
    chosen = {rule_id: (rule_id in select if select is not None else settings.rules.get(rule_id, True))
              and rule_id not in (ignore or ()) for rule_id in rules.RULES}
    return settings.model_copy(update={"rules": chosen})


def workers_options(command):
    """--jobs and --dask: where extraction runs."""
    return jobs_option(dask_option(command))


def fail(message: str) -> NoReturn:
    click.echo(f"checker: error: {clean(message)}", err=True)
    raise SystemExit(EXIT_BAD_INPUT)


def load(config_file: Path | None, jobs: int | None = None, dask_address: str | None = None,
         max_article_size: int | None = None) -> Settings:
    """The settings, with what the command line overrides (--jobs runs here, --dask on a
    cluster: one of them; --max-article-size)."""
    if jobs and dask_address:
        raise click.UsageError("--jobs runs extraction on this machine, --dask on a cluster: give one of them")
    try:
        settings = load_settings(Path.cwd(), config_file)
    except ConfigError as err:
        fail(str(err))
    if max_article_size:
        settings = settings.model_copy(update={"max_article_size": max_article_size})
    if jobs:
        return settings.model_copy(update={"jobs": jobs, "dask": None})
    return settings.model_copy(update={"dask": dask_address}) if dask_address else settings
