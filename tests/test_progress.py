"""The progress line of long runs: on a terminal only, never with -q, wiped at the end; and
-v's account of each step."""
from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from checker import progress as progress_module
from checker.cli import main
from checker.progress import Progress
from claims.extract import parallel
from claims.extract.pipeline import extract_corpus
from claims.reading import read_articles

ROOT = Path(__file__).resolve().parents[1]
SEEDS = str(ROOT / "articles")


def test_the_line_says_the_step_and_how_far_it_is_and_is_wiped_at_the_end():
    stream = io.StringIO()
    progress = Progress(stream, enabled=True)
    progress("reading articles", 1)
    progress("learning works", 500, 1000)
    progress("running rules", 6, 6, "")
    progress.close()
    drawn = stream.getvalue().split("\r")
    assert drawn[1].rstrip() == "checker: reading articles (1)"
    assert drawn[2].rstrip() == "checker: learning works (500 of 1,000 articles)"
    assert drawn[3].rstrip() == "checker: running rules (6 of 6)"
    assert drawn[-2].strip() == "" and drawn[-1] == ""   # (wiped, the cursor back at the start)


def test_one_step_is_redrawn_at_most_ten_times_a_second_and_always_when_done(monkeypatch):
    stream = io.StringIO()
    progress = Progress(stream, enabled=True)
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: 100.0)   # (no time passes)
    for done in range(1, 11):
        progress("learning works", done, 10)
    assert [line.strip() for line in stream.getvalue().split("\r")[1:]] == [
        "checker: learning works (1 of 10 articles)", "checker: learning works (10 of 10 articles)"]


def test_nothing_is_written_when_off():
    stream = io.StringIO()
    progress = Progress(stream, enabled=False)
    progress("learning works", 5, 10)
    progress.close()
    assert stream.getvalue() == "" and not Progress.for_terminal("quiet").enabled


def test_progress_in_batches_gives_the_claims_of_one_pass(monkeypatch):
    articles, _ = read_articles([SEEDS, str(ROOT / "tests/fixtures/articles/works")])
    plain = extract_corpus(articles, jobs=1)
    monkeypatch.setattr(parallel, "MAX_BATCH", 3)
    told = []
    reported = extract_corpus(articles, jobs=1, progress=lambda step, done, total: told.append((step, done, total)))
    assert plain.claims and [c.model_dump() for c in reported.claims] == [c.model_dump() for c in plain.claims]
    assert sorted(reported.lexicon.titles) == sorted(plain.lexicon.titles)
    count = len(articles)
    learning = [done for step, done, total in told if step == "learning works"]
    # told when the step starts, after each batch, and once more when the works are decided
    assert learning[0] == 0 and learning[-2:] == [count, count] and learning == sorted(learning)
    assert len(learning) == -(-count // 3) + 2
    assert ("reading claims", count, count) in told


def run_on_a_terminal(*args: str) -> tuple[str, str]:
    """`checker ARGS` with standard error on a pseudo-terminal: (stdout, what the terminal got)."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen([str(Path(sys.executable).with_name("checker")), *args], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=secondary, text=True)
    os.close(secondary)
    terminal = b""
    while True:
        ready, _, _ = select.select([primary], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(primary, 65536)
        except OSError:   # (the child closed the terminal)
            break
        if not chunk:
            break
        terminal += chunk
    stdout = process.stdout.read()
    process.wait(timeout=60)
    os.close(primary)
    return stdout, terminal.decode()


def test_a_check_on_a_terminal_shows_its_progress_and_q_hides_it():
    stdout, terminal = run_on_a_terminal("check", SEEDS, "--no-store", "--jobs", "1", "--format", "json")
    assert "checker: learning works (" in terminal and "checker: running rules: date-conflict (" in terminal
    assert stdout.startswith("{")   # (the report itself is untouched)
    _, terminal = run_on_a_terminal("check", SEEDS, "--no-store", "--jobs", "1", "-q")
    assert "checker:" not in terminal


def test_no_progress_line_where_standard_error_is_no_terminal():
    result = CliRunner().invoke(main, ["check", SEEDS, "--no-store", "--fail-on", "never"])
    assert result.exit_code == 0 and "checker: learning works" not in result.stderr


def test_verbose_says_what_each_step_went_through_and_how_long_it_took(monkeypatch):
    clock = iter([10.0, 10.5, 12.0, 15.0, 15.25, 16.0])
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: next(clock))
    stream = io.StringIO()
    progress = Progress(stream, enabled=False, log=True)
    progress("reading articles", 0)            # 10.0
    progress("reading articles", 40)           # 10.5
    progress("learning works", 0, 40)          # 12.0: reading ends here
    progress("learning works", 40, 40)         # 15.0
    progress("running rules: date-conflict", 0, 1, "")   # 15.25
    progress.close()                           # 16.0
    assert stream.getvalue().splitlines() == [
        "checker: reading articles: 40 articles in 2.00 s",
        "checker: learning works: 40 articles in 3.25 s",
        "checker: running rules: date-conflict in 0.75 s"]


def test_v_on_the_command_line_lists_the_steps_wherever_stderr_goes():
    from checker.rules import RULES
    verbose = CliRunner().invoke(main, ["check", SEEDS, "--no-store", "--fail-on", "never", "-v"])
    steps = [line.split(" in ")[0] for line in verbose.stderr.splitlines()]
    assert steps == ["checker: reading articles: 5 articles", "checker: learning works: 5 articles",
                     "checker: reading claims: 5 articles", *(f"checker: running rules: {rule}" for rule in RULES)]
    assert verbose.stdout == CliRunner().invoke(main, ["check", SEEDS, "--no-store", "--fail-on", "never"]).stdout
    quiet_last = CliRunner().invoke(main, ["check", SEEDS, "--no-store", "--fail-on", "never", "-v", "-q"])
    assert quiet_last.stderr == ""
