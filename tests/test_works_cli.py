"""`checker works`: the work registry as a table and as JSON, the configuration's aliases and
not-works, and bad input."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from claims.extract.registry import REASONS

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
WORKS = FIXTURES / "works"


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        result = runner.invoke(main, [str(arg) for arg in args])
    else:
        with runner.isolated_filesystem(temp_dir=cwd):
            result = runner.invoke(main, [str(arg) for arg in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output + result.stderr
    return result


def test_works_table_lists_works_with_kind_and_evidence_then_the_rejected_names():
    result = run("works", WORKS)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "2 works"
    salt = next(line for line in lines if line.startswith("Salt Harbor"))
    assert "series" in salt and " 2 " in salt  # kind, and the two articles that name it
    glass = next(line for line in lines if line.startswith("Glass Meridian"))
    assert "film" in glass
    rejected = lines.index(next(line for line in lines if "names not taken for works" in line))
    below = "\n".join(lines[rejected:])
    assert "Dana Whitfield" in below and "person" in below
    assert "Paper Hearts" in below and "music" in below
    assert "Netflix" in below and "network or studio" in below


def test_works_json_carries_evidence_aliases_and_reasons():
    result = run("works", WORKS, "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert set(document) == {"works", "rejected", "rejected_by_reason"}
    works = {work["title"]: work for work in document["works"]}
    assert set(works) == {"Salt Harbor", "Glass Meridian"}
    salt = works["Salt Harbor"]
    assert salt["kind"] == "series" and salt["mentions"] >= 3 and salt["articles"] == 2
    assert {"cue", "count", "weight", "example"} <= set(salt["evidence"][0])
    assert any(item["cue"] == "season" for item in salt["evidence"])
    reasons = {item["name"]: item["reason"] for item in document["rejected"]}
    assert reasons["Dana Whitfield"] == "person"
    assert reasons["Variety"] == "publication"
    assert set(document["rejected_by_reason"]) <= set(REASONS)
    assert sum(document["rejected_by_reason"].values()) == len(document["rejected"])


def test_configured_aliases_and_not_works_reach_the_registry(tmp_path):
    (tmp_path / "checker.toml").write_text(
        'not-works = ["Glass Meridian"]\n[aliases.works]\n"Salt Harbor" = ["The Harbor Show"]\n', encoding="utf-8")
    result = run("works", WORKS, "--format", "json", "--config", tmp_path / "checker.toml")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    works = {work["title"]: work for work in document["works"]}
    assert set(works) == {"Salt Harbor"}
    assert "The Harbor Show" in works["Salt Harbor"]["aliases"]
    assert {item["name"]: item["reason"] for item in document["rejected"]}["Glass Meridian"] == "listed as not a work"


def test_an_unknown_configuration_key_is_one_line_naming_the_file(tmp_path):
    (tmp_path / "checker.toml").write_text('not-work = ["X"]\n', encoding="utf-8")
    result = run("works", WORKS, "--config", tmp_path / "checker.toml")
    assert result.exit_code == 2
    assert "checker.toml" in result.stderr and "not-works" in result.stderr


def test_a_bad_file_is_named_and_the_other_articles_are_still_read(tmp_path):
    (tmp_path / "broken.md").write_text("---\ntitle: no end\n", encoding="utf-8")
    result = run("works", WORKS, tmp_path / "broken.md")
    assert result.exit_code == 2
    assert "broken.md" in result.stderr
    assert "Salt Harbor" in result.stdout


def test_a_missing_path_is_a_usage_error():
    result = run("works", FIXTURES / "no-such-folder")
    assert result.exit_code == 2
    assert "no-such-folder" in result.stderr


def test_hostile_names_cannot_carry_terminal_escapes(tmp_path):
    (tmp_path / "hostile.md").write_text(
        "---\nid: hostile\npublished: 2019-05-01\n---\nHeadline\n\n"
        "The HBO series Night\x1b[31m Orchard premieres its second season in June. Night\x1b[31m Orchard star Jane Doe said so.\n",
        encoding="utf-8")
    result = run("works", tmp_path / "hostile.md")
    assert "\x1b" not in result.stdout
    json_result = run("works", tmp_path / "hostile.md", "--format", "json")
    assert "\x1b" not in json_result.stdout


def test_works_tables_fit_the_terminal(monkeypatch):
    for columns in (100, 70, 40):
        monkeypatch.setenv("COLUMNS", str(columns))
        text = run("works", WORKS).stdout
        assert max(len(line) for line in text.splitlines()) <= columns
        assert "Salt Harbor" in text and "Dana Whitfield" in text
    assert "work:     Salt Harbor" in text   # 40 columns: a block per work
