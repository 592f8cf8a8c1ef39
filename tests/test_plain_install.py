"""A plain install (no review extra) runs check, extract, works, rules and baseline; the
review commands, and a check asked to record into a store, say what to install.

The review extra's modules are hidden from a subprocess by an import hook, as if they had
never been installed (.ci/run also installs the package without the extra into a fresh
environment and runs these commands there)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.review.options import REVIEW_MODULES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = str(ROOT / "articles")
WITHOUT_REVIEW_EXTRA = f"""
import importlib.abc, sys
class Missing(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {sorted(REVIEW_MODULES)!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
sys.meta_path.insert(0, Missing())
from checker.cli import main
main(prog_name="checker")
"""


def plain(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "CHECKER_STORE"}
    return subprocess.run([sys.executable, "-c", WITHOUT_REVIEW_EXTRA, *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


@pytest.fixture
def repository(tmp_path) -> Path:
    (tmp_path / ".git").mkdir()   # (no configuration above it is found)
    return tmp_path


def test_the_hook_hides_the_review_modules(repository):
    found = plain("serve", cwd=repository)
    assert found.returncode == 2
    assert found.stderr.strip() == ("checker: error: the review store and page need the review extra "
                                    "(uvicorn is not installed): pip install 'checker[review]'")


def test_check_extract_works_rules_and_baseline_run_without_the_review_extra(repository):
    check = plain("check", SEEDS, "--format", "json", cwd=repository)
    assert check.returncode == 1 and "Traceback" not in check.stderr, check.stderr
    assert {finding["rule"] for finding in json.loads(check.stdout)["findings"]} >= {"mixed-tense", "name-variant"}
    assert not (repository / ".checker").exists()   # a check writes no store it was not given
    assert plain("extract", SEEDS, "--format", "jsonl", cwd=repository).stdout.count("\n") >= 40
    assert json.loads(plain("works", SEEDS, "--format", "json", cwd=repository).stdout)
    assert "date-conflict" in plain("rules", cwd=repository).stdout
    written = plain("baseline", SEEDS, "-o", "base.json", cwd=repository)
    assert written.returncode == 0 and (repository / "base.json").is_file(), written.stderr


@pytest.mark.parametrize("args", [
    ("findings", "list"),
    ("db", "upgrade"),
    ("users", "list"),
    ("check", SEEDS, "--store", "review.sqlite"),
])
def test_a_review_command_or_a_store_without_the_extra_is_one_error_line(repository, args):
    found = plain(*args, cwd=repository)
    assert found.returncode == 2 and "Traceback" not in found.stderr
    [line] = found.stderr.strip().splitlines()
    assert line.startswith("checker: error: the review store and page need the review extra (")
    assert line.endswith("is not installed): pip install 'checker[review]'")


def test_a_check_records_into_a_store_only_when_one_is_configured(repository, monkeypatch):
    from click.testing import CliRunner

    from checker.cli import main
    monkeypatch.chdir(repository)
    monkeypatch.delenv("CHECKER_STORE")
    runner = CliRunner()
    assert runner.invoke(main, ["check", SEEDS]).exit_code == 1
    assert not (repository / ".checker").exists()
    (repository / "checker.toml").write_text('store = "kept.sqlite"\n')
    assert runner.invoke(main, ["check", SEEDS]).exit_code == 1
    assert (repository / "kept.sqlite").is_file()
    listed = runner.invoke(main, ["findings", "list", "--format", "json"])
    assert listed.exit_code == 0 and json.loads(listed.stdout)
    assert runner.invoke(main, ["check", SEEDS, "--no-store", "--store", "other.sqlite"]).exit_code == 1
    assert not (repository / "other.sqlite").exists()
