"""`checker` in CI end to end: exit statuses, --fail-on, --changed, baselines, configuration.

The corpus (tests/fixtures/articles/ci/) is about an invented Netflix series, Ember Falls:
Screen Dispatch says it premieres on September 30, 2016, Reel Wire says November 4; TV Beat
(new/) and Cut & Print (later/) each carry a "will debuted"-style tense clash, which the
real mixed-tense rule flags. The other rules are written in parallel, so where a test needs
exact findings it narrows the registry to mixed-tense, or adds a small stand-in for a date
rule, instead of depending on what the real rules will say.
"""
from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import checker.engine
import checker.rules
from checker.findings import Severity
from checker.rules import RULES
from checker.rules.base import Conflict, Rule, RuleOptions, Scope
from test_cli import errors, run

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
CI = FIXTURES / "ci"
CORPUS = CI / "corpus"
TRAILER = CI / "new" / "tv-beat-2016-08-ember-falls-trailer.md"     # "will debuted"
CAST = CI / "later" / "cut-print-2016-09-ember-falls-cast.md"       # "will premiered"
REEL_WIRE = CORPUS / "reel-wire-2016-07-ember-falls-date.md"
DISPATCH_ID = "screendispatch-2016-06-ember-falls-date"
REEL_WIRE_ID = "reelwire-2016-07-ember-falls-date"
TRAILER_ID = "tvbeat-2016-08-ember-falls-trailer"
CAST_ID = "cutprint-2016-09-ember-falls-cast"
MIXED_TENSE = RULES["mixed-tense"]


class DateOptions(RuleOptions):
    min_days: int = 1


def differing_days(claims, corpus, options):
    """Each pair of claims that put the same event on days at least min_days apart."""
    dated = [claim for claim in claims if claim.time and claim.time.value and
             len(claim.time.value) == 10 and not claim.negated and claim.relation is None]
    for first, second in itertools.combinations(dated, 2):
        if first.article != second.article and first.time.value != second.time.value:
            days = sorted([first.time.value, second.time.value])
            yield Conflict(claims=[first, second], message=f"{days[0]} or {days[1]}?")


# A stand-in for the date-conflict rule being written in parallel.
PREMIERE_DATES = Rule(id="premiere-dates", severity=Severity.ERROR, summary="Dates differ.",
                      scope=Scope.EVENT, check=differing_days, doc="Dates differ.",
                      options=DateOptions)


def use_rules(monkeypatch, *rules: Rule) -> None:
    """Narrow the rule registry, for the engine and for the configuration's validation."""
    registry = {rule.id: rule for rule in rules}
    monkeypatch.setattr(checker.rules, "RULES", registry)
    monkeypatch.setattr(checker.engine, "RULES", registry, raising=False)


@pytest.fixture(autouse=True)
def workdir(tmp_path, monkeypatch) -> Path:
    """Run in an empty repository of our own, so no configuration above it is found."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def mixed_tense_only(monkeypatch):
    use_rules(monkeypatch, MIXED_TENSE)


@pytest.fixture
def with_dates(monkeypatch):
    use_rules(monkeypatch, MIXED_TENSE, PREMIERE_DATES)


def check_json(*args):
    result = run("check", *args, "--format", "json")
    return result, json.loads(result.stdout) if result.stdout.strip() else None


def found(document) -> list[tuple[str, list[str]]]:
    return sorted((finding["rule"], sorted(finding["articles"])) for finding in document["findings"])


# --- exit statuses -------------------------------------------------------------------------

def test_no_findings_exit_0(mixed_tense_only):
    result, document = check_json(CORPUS)
    assert result.exit_code == 0 and document["findings"] == []


def test_an_error_finding_exits_1(mixed_tense_only):
    result, document = check_json(CORPUS, TRAILER)
    assert result.exit_code == 1
    assert found(document) == [("mixed-tense", [TRAILER_ID])]
    assert result.stderr == ""


@pytest.mark.parametrize("severity, fail_on, status", [
    ("error", "error", 1), ("error", "warning", 1), ("error", "info", 1), ("error", "never", 0),
    ("warning", "error", 0), ("warning", "warning", 1), ("warning", "info", 1),
    ("info", "warning", 0), ("info", "info", 1), ("info", "never", 0),
])
def test_fail_on_levels(mixed_tense_only, workdir, severity, fail_on, status):
    (workdir / "checker.toml").write_text(f'severity = {{mixed-tense = "{severity}"}}\n')
    result, document = check_json(CORPUS, TRAILER, "--fail-on", fail_on)
    assert [finding["severity"] for finding in document["findings"]] == [severity]
    assert result.exit_code == status


def test_fail_on_comes_from_the_configuration_and_the_option_wins(mixed_tense_only, workdir):
    (workdir / "checker.toml").write_text('fail-on = "never"\n')
    assert run("check", CORPUS, TRAILER).exit_code == 0
    assert run("check", CORPUS, TRAILER, "--fail-on", "error").exit_code == 1


def test_input_errors_win_over_findings(mixed_tense_only):
    result, document = check_json(CORPUS, TRAILER, FIXTURES / "bad" / "binary.md")
    assert result.exit_code == 2
    # The findings are still reported; only the status says the read was partial.
    assert found(document) == [("mixed-tense", [TRAILER_ID])]
    assert len(errors(result)) == 1


# --- several reports from one run (--output FORMAT=PATH) -----------------------------------------

def test_one_run_writes_each_output_as_its_format_prints_it(mixed_tense_only, workdir):
    result = run("check", CORPUS, TRAILER, "--no-store", "--output", "sarif=reports/checker.sarif",
                 "--output", "markdown=comment.md", "--output", "github=annotations.txt")
    assert result.exit_code == 1
    assert result.stdout == run("check", CORPUS, TRAILER, "--no-store").stdout   # the table, as ever
    for fmt, name in (("sarif", "reports/checker.sarif"), ("markdown", "comment.md"), ("github", "annotations.txt")):
        printed = run("check", CORPUS, TRAILER, "--no-store", "--format", fmt).stdout
        assert (workdir / name).read_text(encoding="utf-8") == printed, fmt
    assert json.loads((workdir / "reports/checker.sarif").read_text())["runs"][0]["results"]


def test_extract_and_works_write_outputs_too(mixed_tense_only, workdir):
    assert run("extract", CORPUS, "--output", "jsonl=claims.jsonl").exit_code == 0
    assert (workdir / "claims.jsonl").read_text() == run("extract", CORPUS, "--format", "jsonl").stdout
    assert run("works", CORPUS, "--output", "json=works.json").exit_code == 0
    assert json.loads((workdir / "works.json").read_text()) == json.loads(run("works", CORPUS, "--format", "json").stdout)


@pytest.mark.parametrize("value, message", [
    ("sarif", "is not FORMAT=PATH"),
    ("sarif=", "is not FORMAT=PATH"),
    ("pdf=report.pdf", "'pdf' is not a format: choose from table, json, markdown, sarif, github"),
])
def test_a_bad_output_is_a_usage_error(mixed_tense_only, workdir, value, message):
    result = run("check", CORPUS, "--no-store", "--output", value)
    assert result.exit_code == 2 and message in result.stderr and "--output" in result.stderr
    assert not list(workdir.glob("report*"))


def test_two_outputs_to_one_file_are_a_usage_error(mixed_tense_only, workdir):
    result = run("check", CORPUS, "--no-store", "--output", "sarif=out.txt", "--output", "json=./out.txt")
    assert result.exit_code == 2 and "two reports to one file" in result.stderr
    assert not (workdir / "out.txt").exists()


def test_an_output_that_cannot_be_written_exits_2_and_the_others_are_written(mixed_tense_only, workdir):
    (workdir / "taken").write_text("a file, not a folder")
    result = run("check", CORPUS, TRAILER, "--no-store", "--output", "sarif=taken/checker.sarif",
                 "--output", "markdown=comment.md")
    assert result.exit_code == 2
    assert errors(result) == ["checker: error: cannot write the sarif report to taken/checker.sarif: "
                              "taken is a file, not a folder"]
    assert (workdir / "comment.md").read_text(encoding="utf-8").strip() and "Luke" not in result.stderr
    assert result.stdout.strip()   # the terminal report is still printed


def test_bad_fail_on_is_a_usage_error():
    result = run("check", CORPUS, "--fail-on", "fatal")
    assert result.exit_code == 2 and "Invalid value for '--fail-on'" in result.stderr


def installed_checker() -> Path:
    script = Path(sys.executable).with_name("checker")
    assert script.exists(), "install the project first: pip install -e '.[test]'"
    return script


def test_installed_script_exit_statuses(workdir):
    """The console script as CI calls it, with every real rule: the tense clash is an error."""
    def status(*args) -> subprocess.CompletedProcess:
        return subprocess.run([str(installed_checker()), "check", *map(str, args)],
                              cwd=workdir, capture_output=True, text=True, timeout=300)

    failing = status(CORPUS, TRAILER, "--format", "json")
    assert failing.returncode == 1, failing.stderr
    assert "mixed-tense" in {finding["rule"] for finding in json.loads(failing.stdout)["findings"]}
    assert status(CORPUS, TRAILER, "--fail-on", "never").returncode == 0
    missing = status(CORPUS, TRAILER, workdir / "gone.md")
    assert missing.returncode == 2
    assert f"checker: error: {workdir / 'gone.md'}: no such file or folder" in missing.stderr
    assert "Traceback" not in failing.stderr + missing.stderr


# --- --changed ------------------------------------------------------------------------------

def test_changed_reports_only_findings_involving_the_changed_article(with_dates):
    everything = check_json(CORPUS, TRAILER)[1]
    assert found(everything) == [("mixed-tense", [TRAILER_ID]),
                                 ("premiere-dates", [REEL_WIRE_ID, DISPATCH_ID]),
                                 ("premiere-dates", [DISPATCH_ID, TRAILER_ID])]
    # Reel Wire was edited: its conflict with Screen Dispatch, read from the corpus, is shown.
    result, document = check_json(CORPUS, TRAILER, "--changed", REEL_WIRE, "--full")
    assert result.exit_code == 1
    assert found(document) == [("premiere-dates", [REEL_WIRE_ID, DISPATCH_ID])]
    assert len(document["articles"]) == 3  # the whole corpus was read, Reel Wire once
    # The store keeps the corpus the first check read: only Reel Wire is read again.
    result, document = check_json(CORPUS, TRAILER, "--changed", REEL_WIRE)
    assert result.exit_code == 1 and "checked against the 2 other articles the store keeps" in result.stderr
    assert found(document) == [("premiere-dates", [REEL_WIRE_ID, DISPATCH_ID])]
    assert [article["id"] for article in document["articles"]] == [REEL_WIRE_ID]


def test_changed_file_outside_the_paths_joins_the_corpus(with_dates):
    result, document = check_json(CORPUS, "--changed", TRAILER)
    assert result.exit_code == 1
    assert found(document) == [("mixed-tense", [TRAILER_ID]),
                               ("premiere-dates", [DISPATCH_ID, TRAILER_ID])]
    assert {article["id"] for article in document["articles"]} == {DISPATCH_ID, REEL_WIRE_ID, TRAILER_ID}


def test_changed_file_named_another_way_is_read_once(with_dates, project):
    result, document = check_json(project / "ci" / "corpus", "--changed",
                                  "ci/corpus/" + REEL_WIRE.name, "--fail-on", "never")
    # (the store keeps no corpus yet, so it is read whole; nothing else is said)
    assert result.exit_code == 0 and result.stderr == ("checker: no full check is recorded in the store yet: "
                                                       "reading the whole corpus\n")
    assert found(document) == [("premiere-dates", [REEL_WIRE_ID, DISPATCH_ID])]


def test_changed_only_checks_the_staged_files_against_the_configured_corpus(with_dates, workdir):
    # What a pre-commit hook runs: the staged files as PATHs, the corpus from `paths`.
    (workdir / "checker.toml").write_text(f'paths = ["{CORPUS.as_posix()}"]\n')
    result, document = check_json("--changed-only", TRAILER)
    assert result.exit_code == 1
    assert found(document) == [("mixed-tense", [TRAILER_ID]),
                               ("premiere-dates", [DISPATCH_ID, TRAILER_ID])]
    assert len(document["articles"]) == 3
    result, document = check_json("--changed-only", REEL_WIRE)  # staged and in the corpus
    assert found(document) == [("premiere-dates", [REEL_WIRE_ID, DISPATCH_ID])]
    # The first check kept the corpus (Screen Dispatch, Reel Wire, TV Beat): only the staged
    # file is read, checked against the stored others.
    assert [article["id"] for article in document["articles"]] == [REEL_WIRE_ID]


def test_changed_only_without_configured_paths_is_a_usage_error(with_dates):
    result = run("check", "--changed-only", TRAILER)
    assert result.exit_code == 2 and "set `paths`" in result.stderr


def test_changed_with_the_real_rules_shows_only_the_changed_article():
    result, document = check_json(CORPUS, "--changed", TRAILER)
    assert document["findings"] and all(TRAILER_ID in finding["articles"]
                                        for finding in document["findings"])
    assert result.exit_code in (0, 1)


@pytest.mark.parametrize("name, message", [
    ("notes.yaml", "'notes.yaml' is not an article (use .jsonl"),
    ("missing.md", "File 'missing.md' does not exist"),
])
def test_changed_file_that_is_not_an_article(workdir, name, message):
    if name == "notes.yaml":
        (workdir / name).write_text("premiere: 2016-09-30\n")
    result = run("check", CORPUS, "--changed", name)
    assert result.exit_code == 2
    assert "Invalid value for '--changed'" in result.stderr and message in result.stderr


def test_changed_article_that_cannot_be_read_exits_2(with_dates):
    result = run("check", CORPUS, "--changed", FIXTURES / "bad" / "broken-front-matter.md")
    assert result.exit_code == 2
    assert errors(result)[0].startswith(f"checker: error: {FIXTURES / 'bad' / 'broken-front-matter.md'}:3:")


# --- baseline -------------------------------------------------------------------------------

def test_baseline_then_only_new_findings(mixed_tense_only, workdir):
    result = run("baseline", CORPUS, TRAILER, "-o", "known.json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "1 finding written to known.json\n"
    document = json.loads((workdir / "known.json").read_text())
    assert document["version"] == 1 and document["created"]
    [entry] = document["findings"]
    assert set(entry) == {"fingerprint", "rule", "work", "message"}
    assert (entry["rule"], entry["work"]) == ("mixed-tense", "Ember Falls")
    assert "will debuted" in entry["message"]

    result, quiet = check_json(CORPUS, TRAILER, "--baseline", "known.json")
    assert result.exit_code == 0 and quiet["findings"] == []
    assert result.stderr == "checker: 1 finding already in the baseline not shown\n"

    # Cut & Print arrives with a tense clash of its own: that one alone is new.
    result, new = check_json(CORPUS, TRAILER, CAST, "--baseline", "known.json")
    assert result.exit_code == 1
    assert found(new) == [("mixed-tense", [CAST_ID])]


def test_baseline_with_the_real_rules_hides_everything_known(workdir):
    assert run("baseline", CORPUS, TRAILER).exit_code == 0
    assert (workdir / "checker-baseline.json").exists()
    result, document = check_json(CORPUS, TRAILER, "--baseline", "checker-baseline.json")
    assert result.exit_code == 0 and document["findings"] == []
    result, document = check_json(CORPUS, TRAILER, CAST, "--baseline", "checker-baseline.json")
    assert result.exit_code == 1
    assert all(CAST_ID in finding["articles"] for finding in document["findings"])
    assert "mixed-tense" in {finding["rule"] for finding in document["findings"]}


def test_baseline_file_is_sorted_and_stable(with_dates, workdir):
    run("baseline", CORPUS, TRAILER, CAST, "-o", "one.json")
    run("baseline", CAST, TRAILER, CORPUS, "-o", "two.json")
    one, two = (json.loads((workdir / name).read_text()) for name in ("one.json", "two.json"))
    assert one["findings"] == two["findings"] and len(one["findings"]) == 5
    keys = [(entry["work"], entry["rule"], entry["fingerprint"]) for entry in one["findings"]]
    assert keys == sorted(keys)


def test_baseline_and_changed_together(with_dates, workdir):
    run("baseline", CORPUS, TRAILER, "-o", "known.json")
    result, document = check_json(CORPUS, TRAILER, "--changed", CAST, "--baseline", "known.json")
    assert found(document) == [("mixed-tense", [CAST_ID]), ("premiere-dates", [CAST_ID, DISPATCH_ID])]


@pytest.mark.parametrize("content, message", [
    (None, "known.json: no such baseline (write one with `checker baseline`)"),
    ("{not json", "known.json:1: not a baseline (invalid JSON: Expecting property name"),
    ('{"findings": []}', 'known.json: not a baseline (expected a JSON object with "version": 1)'),
    ('{"version": 1, "findings": [{"rule": "x"}]}', 'known.json: not a baseline ("findings" must be'),
])
def test_bad_baseline_is_an_error(workdir, content, message):
    if content is not None:
        (workdir / "known.json").write_text(content)
    result = run("check", CORPUS, "--baseline", "known.json")
    assert result.exit_code == 2
    assert errors(result)[0].startswith(f"checker: error: {message}")
    assert result.stdout == ""


def test_no_baseline_is_written_from_unreadable_inputs(workdir):
    result = run("baseline", CORPUS, FIXTURES / "bad" / "binary.md", "-o", "known.json")
    assert result.exit_code == 2
    assert errors(result)[-1] == "checker: error: baseline not written: fix the inputs that could not be read"
    assert not (workdir / "known.json").exists()


def test_baseline_that_cannot_be_written(workdir):
    result = run("baseline", CORPUS, "-o", workdir / "no-such-folder" / "known.json")
    assert result.exit_code == 2
    assert errors(result) == [f"checker: error: {workdir / 'no-such-folder' / 'known.json'}: "
                              "cannot write the baseline (No such file or directory)"]


# --- configuration --------------------------------------------------------------------------

@pytest.fixture
def project(workdir) -> Path:
    """A repository with the corpus in ci/ and a subfolder to run checker from."""
    shutil.copytree(CI, workdir / "ci")
    (workdir / "sub").mkdir()
    return workdir


PYPROJECT = """\
[project]
name = "newsroom"

[tool.checker]
paths = ["ci/corpus", "ci/new"]
fail-on = "warning"
baseline = "ci/known.json"

[tool.checker.rules]
premiere-dates = false

[tool.checker.severity]
mixed-tense = "warning"

[tool.checker.aliases.works]
"Ember Falls" = ["Embers Fall"]

[tool.checker.aliases.people]
"Lena Marsh" = ["Lena March"]
"""


def test_pyproject_settings_from_a_subfolder(with_dates, project, monkeypatch):
    (project / "pyproject.toml").write_text(PYPROJECT)
    monkeypatch.chdir(project / "sub")
    # paths and baseline are read relative to pyproject.toml's folder.
    result = run("baseline")
    assert (result.exit_code, result.stdout) == (0, "1 finding written to ../ci/known.json\n")
    entries = json.loads((project / "ci" / "known.json").read_text())["findings"]
    assert [entry["rule"] for entry in entries] == ["mixed-tense"]  # premiere-dates is off
    result, document = check_json()
    assert result.exit_code == 0 and document["findings"] == []
    (project / "ci" / "known.json").write_text('{"version": 1, "findings": []}')
    result, document = check_json()
    # mixed-tense lowered to a warning, and fail-on = "warning": the run fails.
    assert [(f["rule"], f["severity"]) for f in document["findings"]] == [("mixed-tense", "warning")]
    assert result.exit_code == 1


def test_checker_toml_keys_are_top_level_and_win_over_pyproject(with_dates, project):
    (project / "pyproject.toml").write_text(PYPROJECT)
    (project / "checker.toml").write_text(
        'paths = ["ci/corpus"]\nfail_on = "never"\n[rules]\nmixed-tense = false\n')
    result, document = check_json()
    assert result.exit_code == 0
    assert found(document) == [("premiere-dates", [REEL_WIRE_ID, DISPATCH_ID])]


def test_explicit_config_file(with_dates, project):
    (project / "ci" / "strict.toml").write_text('paths = ["corpus"]\n[severity]\npremiere-dates = "info"\n')
    result, document = check_json("--config", "ci/strict.toml")
    assert result.exit_code == 0
    assert [(f["rule"], f["severity"]) for f in document["findings"]] == [("premiere-dates", "info")]


def test_paths_on_the_command_line_replace_the_configured_ones(with_dates, project):
    (project / "checker.toml").write_text('paths = ["ci/corpus"]\n')
    result, document = check_json(TRAILER)
    assert {article["id"] for article in document["articles"]} == {TRAILER_ID}


def test_aliases_and_options_reach_the_rules(project, monkeypatch):
    seen = []

    def spy(claims, corpus, options):
        seen.append((corpus.work_key("Embers Fall"), corpus.person_aliases, options.min_days))
        return []

    use_rules(monkeypatch, Rule(id="spy", severity=Severity.INFO, summary="", scope=Scope.CORPUS,
                                check=spy, doc="", options=DateOptions))
    (project / "checker.toml").write_text(
        '[aliases.works]\n"Ember Falls" = ["Embers Fall"]\n[aliases.people]\n"Lena Marsh" = ["Lena March"]\n'
        '[options.spy]\nmin-days = 30\n')
    assert run("check", CORPUS).exit_code == 0
    assert seen == [("ember falls", {"Lena March": "Lena Marsh"}, 30)]


def test_configuration_above_the_git_root_is_not_read(project, monkeypatch):
    (project / "checker.toml").write_text('paths = ["ci/corpus"]\n')
    (project / "sub" / ".git").mkdir()
    monkeypatch.chdir(project / "sub")
    result = run("check")
    assert result.exit_code == 2 and "Missing argument 'PATH...'" in result.stderr


def test_a_pyproject_without_tool_checker_is_passed_over(project, monkeypatch):
    (project / "checker.toml").write_text('paths = ["ci/corpus"]\nfail-on = "never"\n')
    (project / "sub" / "pyproject.toml").write_text('[project]\nname = "other"\n')
    monkeypatch.chdir(project / "sub")
    result, document = check_json()
    assert result.exit_code == 0 and len(document["articles"]) == 2


@pytest.mark.parametrize("file, content, message", [
    ("pyproject.toml", '[tool.checker]\nfial-on = "warning"\n',
     "pyproject.toml: [tool.checker] unknown key 'fial-on' (did you mean 'fail-on'?)"),
    ("checker.toml", 'fial-on = "warning"\n', "checker.toml: unknown key 'fial-on' (did you mean 'fail-on'?)"),
    ("checker.toml", '[tool.checker]\npaths = []\n',
     "checker.toml: unknown key 'tool' (checker.toml takes the keys at the top level)"),
    ("pyproject.toml", '[tool.checker.rules]\nmixed-tens = false\n',
     "pyproject.toml: [tool.checker.rules] unknown rule 'mixed-tens' (did you mean 'mixed-tense'?)"),
    ("checker.toml", '[severity]\nno-such-rule = "info"\n', "checker.toml: [severity] unknown rule 'no-such-rule'"),
    ("checker.toml", '[severity]\nmixed-tense = "fatal"\n',
     "checker.toml: [severity] mixed-tense: 'fatal' is not a severity (use error, warning or info)"),
    ("checker.toml", 'fail-on = "sometimes"\n',
     "checker.toml: fail-on: 'sometimes' is not a level (use error, warning, info or never)"),
    ("checker.toml", '[options.premiere-dates]\nmin-days = "soon"\n',
     "checker.toml: [options.premiere-dates] min-days: Input should be a valid integer, unable to parse string as an integer"),
    ("pyproject.toml", '[tool.checker.options.premiere-dates]\nmax-days = 3\n',
     "pyproject.toml: [tool.checker.options.premiere-dates] unknown option 'max-days' (did you mean 'min-days'?)"),
    ("checker.toml", 'rules = ["mixed-tense"]\n', "checker.toml: rules: expected a table keyed by rule id"),
    ("checker.toml", 'paths = 3\n', "checker.toml: paths: Input should be a valid list"),
    ("checker.toml", '[aliases.works]\n"Ember Falls" = "Embers Fall"\n',
     "checker.toml: aliases.works.Ember Falls: Input should be a valid list"),
    ("checker.toml", 'fail-on = \n', "checker.toml: invalid TOML: Invalid value (at line 1, column 11)"),
    ("checker.toml", b'fail-on = "\xff"\n', "checker.toml: not UTF-8 text"),
])
def test_bad_configuration_is_a_clear_error(with_dates, workdir, file, content, message):
    path = workdir / file
    path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content)
    result = run("check", CORPUS)
    assert result.exit_code == 2
    assert errors(result) == [f"checker: error: {message}"]
    assert result.stdout == ""


def test_config_option_errors(workdir):
    (workdir / "pyproject.toml").write_text('[project]\nname = "x"\n')
    result = run("check", CORPUS, "--config", "pyproject.toml")
    assert result.exit_code == 2
    assert errors(result) == ["checker: error: pyproject.toml: no [tool.checker] table"]
    result = run("check", CORPUS, "--config", "missing.toml")
    assert result.exit_code == 2 and "Invalid value for '--config'" in result.stderr


def test_no_paths_and_no_configuration_is_a_usage_error():
    for command in ("check", "baseline"):
        result = run(command)
        assert result.exit_code == 2 and "Missing argument 'PATH...'" in result.stderr


# --- the example workflow ---------------------------------------------------------------------

def test_the_example_workflow_checks_once_and_its_later_steps_read_that_run_s_files(mixed_tense_only, workdir):
    """docs/examples/checker.yml: one `checker check`, whose --output files are the ones
    the comment and SARIF steps read; its command line, run here, writes them."""
    import shlex
    import yaml
    workflow = yaml.safe_load((Path(__file__).resolve().parents[1] / "docs/examples/checker.yml").read_text())
    steps = workflow["jobs"]["check"]["steps"]
    scripts = [line for step in steps for line in step.get("run", "").replace("\\\n", " ").splitlines()
               if not line.strip().startswith("#")]
    checks = [line for line in scripts if line.strip().startswith("checker check")]
    assert len(checks) == 1
    words = shlex.split(checks[0].replace('"${changed[@]}"', ""))
    files = dict(value.split("=", 1) for option, value in zip(words, words[1:]) if option == "--output")
    assert set(files) == {"markdown", "sarif"}
    assert any(f"--body-file {files['markdown']}" in line for line in scripts)
    assert any(step.get("with", {}).get("sarif_file") == files["sarif"] for step in steps)
    result = run("check", *[str(CORPUS) if word == "articles" else word for word in words[2:]], str(TRAILER), "--no-store")
    assert result.exit_code == 1 and result.stdout.startswith("::error ")
    assert (workdir / files["markdown"]).read_text().strip() and (workdir / files["sarif"]).read_text().strip()
