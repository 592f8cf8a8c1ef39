"""The checker command end to end through click's CliRunner."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import checker.engine
from checker.cli import main
from claims.extract.pipeline import Extraction
from claims.extract.works import WorkLexicon
from claims.models import Claim

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
GOOD, BAD = FIXTURES / "good", FIXTURES / "bad"
GOOD_IDS = {"example-2019-03-starlight-harbor-s2", "example-2019-07-copper-valley"}
CLAIM_KEYS = {"id", "article", "subject", "event", "time", "relation", "object", "tense",
              "modality", "negated", "speaker", "evidence"}


def run(*args: str, stdin: str | bytes | None = None):
    result = CliRunner().invoke(main, [str(arg) for arg in args], input=stdin)
    # A user's mistake ends in SystemExit with a message, never in another exception.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output + result.stderr
    return result


def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("checker: error: ")]


@pytest.fixture
def two_claims(monkeypatch):
    """Stands in for the extractor so that the formats have claims to show."""
    claims = [
        Claim(id="c1", article="example-2019-03-starlight-harbor-s2",
              subject={"work": "Starlight Harbor", "season": 2}, event="filming_start",
              time={"value": "2019-06", "mod": None}, tense="future", modality="expected",
              speaker="Dana Reyes",
              # Article text is untrusted: an escape sequence and line breaks must not pass.
              evidence={"start": 0, "end": 90, "text": "Filming \x1b[31mon the\nsecond season\r\n"
                        "is set to begin in June in Vancouver, the showrunner told reporters."}),
        Claim(id="c2", article="example-2019-07-copper-valley",
              subject={"work": "Copper Valley"}, event="release",
              relation="after", object={"work": "Starlight Harbor", "season": 2, "event": "release"},
              tense="present", modality="asserted", negated=True,
              evidence={"start": 5, "end": 20, "text": "short"}),
    ]
    monkeypatch.setattr(checker.engine, "extract_corpus",
                        lambda articles, config=None, jobs=1, progress=None, with_spellings=False: Extraction(claims, WorkLexicon()))
    return claims


# --- extract ---------------------------------------------------------------------------------

def test_extract_table_on_good_fixtures():
    result = run("extract", GOOD)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.rstrip().endswith("in 2 articles")


def test_extract_table_rows(two_claims, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")   # a terminal wide enough for every column whole
    result = run("extract", GOOD, "--format", "table")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["article", "work", "event", "time", "tense", "modality",
                                "speaker", "evidence"]
    row1 = next(line for line in lines if line.startswith("example-2019-03"))
    assert "Starlight Harbor S2" in row1 and "filming_start" in row1 and "2019-06" in row1
    assert "future" in row1 and "expected" in row1 and "Dana Reyes" in row1
    excerpt = row1[row1.index("Filming"):]
    assert excerpt == "Filming [31mon the second season is set to begin in June in…"
    assert len(excerpt) <= 60
    row2 = next(line for line in lines if line.startswith("example-2019-07"))
    assert "not release after Starlight Harbor S2 release" in row2
    assert lines[-1] == "2 claims in 2 articles"
    assert "\x1b" not in result.stdout and "\r" not in result.stdout


def widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def test_extract_table_wraps_its_long_columns_to_the_terminal(two_claims, monkeypatch):
    monkeypatch.setenv("COLUMNS", "140")
    lines = run("extract", GOOD, "--format", "table").stdout.splitlines()
    assert lines[0].split() == ["article", "work", "event", "time", "tense", "modality", "speaker", "evidence"]
    assert widest("\n".join(lines)) <= 140
    row1 = next(number for number, line in enumerate(lines) if line.startswith("example-2019-03"))
    assert "Filming [31mon the second" in lines[row1]
    # The evidence goes on under itself, in its column.
    column = lines[row1].index("Filming")
    assert lines[row1 + 1][column:].startswith("season is set")
    assert lines[-1] == "2 claims in 2 articles"


@pytest.mark.parametrize("columns", ["100", "60", "30"])
def test_extract_on_a_narrow_terminal_is_a_block_per_claim(two_claims, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    text = run("extract", GOOD, "--format", "table").stdout
    assert widest(text) <= max(int(columns), 20)   # (a value wraps no narrower than 16)
    blocks = text.split("\n\n")
    assert len(blocks) == 3 and blocks[-1].strip() == "2 claims in 2 articles"
    first = "".join(blocks[0].split())   # (however the lines break)
    assert first.startswith("".join("article: example-2019-03-starlight-harbor-s2 work: Starlight Harbor S2 "
                                    "event: filming_start time: 2019-06 tense: future modality: expected "
                                    "speaker: Dana Reyes evidence: Filming [31mon the second season".split()))
    assert blocks[0].splitlines()[0].startswith("article:")
    assert "object:" not in text and "\x1b" not in text


def test_a_report_that_is_no_terminal_is_as_wide_as_a_default_terminal(two_claims, monkeypatch):
    import os
    monkeypatch.delenv("COLUMNS", raising=False)

    def no_terminal(*args):
        raise OSError("not a terminal")

    monkeypatch.setattr(os, "get_terminal_size", no_terminal)
    text = run("extract", GOOD, "--format", "table").stdout
    assert widest(text) <= 100 and text.startswith("article:")   # 100 columns: blocks


def test_extract_json(two_claims):
    result = run("extract", GOOD, "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert list(document) == ["claims"]
    assert [claim["id"] for claim in document["claims"]] == ["c1", "c2"]
    assert CLAIM_KEYS <= set(document["claims"][0])
    assert document["claims"][0]["subject"] == {"work": "Starlight Harbor", "season": 2}
    assert document["claims"][1]["object"] == {"work": "Starlight Harbor", "season": 2,
                                               "event": "release"}
    # The text survives intact in JSON: escaping is the format's, not a loss of data.
    assert document["claims"][0]["evidence"]["text"].startswith("Filming \x1b[31mon the\nsecond")
    assert "\x1b" not in result.stdout


def test_extract_jsonl(two_claims):
    result = run("extract", GOOD, "--format", "jsonl")
    assert result.exit_code == 0
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert [claim["id"] for claim in claims] == ["c1", "c2"]
    assert claims == [claim.model_dump(mode="json") for claim in two_claims]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_extract_machine_formats_with_the_real_extractor(fmt):
    result = run("extract", GOOD, "--format", fmt)
    assert result.exit_code == 0
    claims = (json.loads(result.stdout)["claims"] if fmt == "json"
              else [json.loads(line) for line in result.stdout.splitlines()])
    for claim in claims:
        assert CLAIM_KEYS <= set(claim) and claim["article"] in GOOD_IDS


# --- check ------------------------------------------------------------------------------------

def test_check_json_on_good_fixtures():
    result = run("check", GOOD, "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert isinstance(document["claims"], list) and document["findings"] == []
    assert document["problems"] == []
    assert sorted(document["articles"], key=lambda a: a["id"]) == [
        {"id": "example-2019-03-starlight-harbor-s2", "published": "2019-03-14", "undated": False,
         "path": str(GOOD / "starlight-harbor-s2-filming.md")},
        {"id": "example-2019-07-copper-valley", "published": "2019-07", "undated": False,
         "path": str(GOOD / "copper-valley-release.md")},
    ]


def test_check_json_carries_the_claims(two_claims):
    document = json.loads(run("check", GOOD, "--format", "json").stdout)
    assert [claim["id"] for claim in document["claims"]] == ["c1", "c2"]


def test_check_table_summary(two_claims):
    result = run("check", GOOD)
    assert result.exit_code == 0
    # No finding, so nothing below the summary (tests/test_reports.py has the findings).
    assert [line.split() for line in result.stdout.splitlines()] == [
        ["articles", "2"], ["claims", "2"], ["findings", "none"]]


def test_good_and_bad_files_together():
    result = run("check", GOOD, BAD, "--format", "json")
    assert result.exit_code == 2
    bad_files = sorted(p.name for p in BAD.iterdir())
    # One error line per bad file, each naming it; nothing else goes wrong.
    named = sorted(Path(line.split(": ")[2].split(":")[0]).name for line in errors(result))
    assert named == bad_files
    document = json.loads(result.stdout)
    assert {article["id"] for article in document["articles"]} == GOOD_IDS
    assert sorted(Path(problem["path"]).name for problem in document["problems"]) == bad_files


def test_bad_line_numbers_are_in_the_message():
    result = run("extract", BAD / "broken-front-matter.md", BAD / "not-utf8.md")
    assert result.exit_code == 2
    assert errors(result) == [
        f"checker: error: {BAD / 'broken-front-matter.md'}:3: broken front matter: "
        "mapping values are not allowed here",
        f"checker: error: {BAD / 'not-utf8.md'}:2: not UTF-8 text (bad byte at offset 14)",
    ]


def test_check_table_with_bad_input_still_summarizes():
    result = run("check", GOOD, BAD / "binary.md")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0].split() == ["articles", "2"]
    assert errors(result) == [f"checker: error: {BAD / 'binary.md'}: "
                              "binary content (NUL bytes), not a text article"]


@pytest.mark.parametrize("command", ["extract", "check"])
def test_nonexistent_path(command, tmp_path):
    missing = tmp_path / "no-such-article.md"
    result = run(command, missing)
    assert result.exit_code == 2
    assert errors(result) == [f"checker: error: {missing}: no such file or folder"]


def test_pattern_that_matches_nothing(tmp_path):
    result = run("extract", GOOD, tmp_path / "*.md")
    assert result.exit_code == 2
    assert errors(result) == [f"checker: error: {tmp_path / '*.md'}: pattern matches no article files"]
    assert result.stdout.rstrip().endswith("in 2 articles")


def test_glob_argument():
    result = run("check", GOOD / "*.md", "--format", "json")
    assert result.exit_code == 0
    assert {a["id"] for a in json.loads(result.stdout)["articles"]} == GOOD_IDS


@pytest.mark.parametrize("value", ["nonsense", "2016-13", "May 2016"])
def test_bad_published_option(value):
    result = run("extract", GOOD, "--published", value)
    assert result.exit_code == 2
    assert "Invalid value for '--published'" in result.stderr
    assert repr(value) in result.stderr


def test_no_path_is_a_usage_error():
    result = run("check")
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


# --- undated articles ------------------------------------------------------------------------

UNDATED = "no publication date; only absolute times are resolved"


def test_txt_without_published_warns_once(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("The film opens next month.\n")
    result = run("check", path, "--format", "json")
    assert result.exit_code == 0  # a warning is not an input problem
    assert result.stderr.splitlines() == [f"checker: warning: {path}: {UNDATED}"]
    assert json.loads(result.stdout)["articles"][0] | {"path": None} == {
        "id": "note", "path": None, "published": None, "undated": True}


def test_txt_with_published(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("The film opens next month.\n")
    result = run("check", path, "--published", "2016-05", "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["articles"][0]["published"] == "2016-05"


def jsonl_corpus(path: Path, undated: int, dated: int = 2) -> Path:
    records = [{"id": f"u{n}", "text": "A body.", "published": None} for n in range(undated)]
    records += [{"id": f"d{n}", "text": "A body.", "published": "2018-01"} for n in range(dated)]
    path.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode()))
    return path


def test_a_few_undated_in_a_corpus_are_listed_by_line(tmp_path):
    path = jsonl_corpus(tmp_path / "c.jsonl.gz", undated=2)
    result = run("check", path)
    assert result.stderr.splitlines() == [f"checker: warning: {path}:1: {UNDATED}",
                                          f"checker: warning: {path}:2: {UNDATED}"]


@pytest.mark.parametrize("undated", [5, 6])
def test_undated_are_listed_up_to_five_then_counted(tmp_path, undated):
    path = jsonl_corpus(tmp_path / "c.jsonl.gz", undated=undated)
    lines = run("check", path).stderr.splitlines()
    if undated <= 5:
        assert lines == [f"checker: warning: {path}:{line}: {UNDATED}" for line in range(1, undated + 1)]
    else:
        assert lines == [f"checker: warning: {path}: {undated} of {undated + 2} articles have {UNDATED}"]


def test_many_undated_in_a_corpus_are_one_line(tmp_path):
    path = jsonl_corpus(tmp_path / "c.jsonl.gz", undated=3000)
    result = run("check", path)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"checker: warning: {path}: 3000 of 3002 articles have {UNDATED}"]
    assert result.stdout.splitlines()[0].split() == ["articles", "3002", "(3000", "undated)"]


def test_control_characters_in_a_file_name_do_not_reach_the_terminal(tmp_path):
    path = tmp_path / "evil\x1b[2Jname.txt"
    path.write_text("The film opens next month.\n")
    result = run("check", path)
    assert "\x1b" not in result.stderr
    assert "evil[2Jname.txt" in result.stderr


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and "version" in result.stdout


def test_python_m_checker_is_the_checker_command():
    import subprocess
    import sys
    found = subprocess.run([sys.executable, "-m", "checker", "rules", "--format", "json"],
                           capture_output=True, text=True, timeout=120)
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == run("rules", "--format", "json").stdout.strip()
    usage = subprocess.run([sys.executable, "-m", "checker", "check"], capture_output=True, text=True, timeout=120)
    assert usage.returncode == 2 and usage.stderr.startswith("Usage: checker check")


# --- the rules, and choosing among them -------------------------------------------------------

def test_rules_lists_every_rule_as_the_configuration_has_it(tmp_path, monkeypatch):
    from checker.rules import RULES
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    default = json.loads(run("rules", "--format", "json").stdout)["rules"]
    assert [rule["id"] for rule in default] == sorted(RULES)
    assert all(rule["enabled"] and rule["severity"] == RULES[rule["id"]].severity.value for rule in default)
    assert next(r for r in default if r["id"] == "date-conflict")["options"]["tolerance-days"] == 0
    (tmp_path / "checker.toml").write_text('rules = {refinement = false}\nseverity = {tense-drift = "error"}\n'
                                           '[options.date-conflict]\ntolerance-days = 3\n')
    configured = {rule["id"]: rule for rule in json.loads(run("rules", "--format", "json").stdout)["rules"]}
    assert not configured["refinement"]["enabled"]
    assert (configured["tense-drift"]["severity"], configured["tense-drift"]["default_severity"]) == ("error", "warning")
    assert configured["date-conflict"]["options"]["tolerance-days"] == 3
    monkeypatch.setenv("COLUMNS", "100")
    table = run("rules").stdout.splitlines()
    assert table[0].split() == ["rule", "severity", "scope", "runs", "flags"]
    refinement = next(line for line in table if line.startswith("refinement"))
    assert refinement.split()[:4] == ["refinement", "info", "event", "off"]
    for columns in (70, 40):
        monkeypatch.setenv("COLUMNS", str(columns))
        narrow = run("rules").stdout
        assert widest(narrow) <= columns and "invalid-date" in narrow


SEED_ARTICLES = Path(__file__).resolve().parents[1] / "articles"


def rules_found(*options: str) -> set[str]:
    result = run("check", SEED_ARTICLES, "--no-store", "--format", "json", "--fail-on", "never", *options)
    assert result.exit_code == 0, result.stderr
    return {finding["rule"] for finding in json.loads(result.stdout)["findings"]}


def test_select_and_ignore_choose_the_rules_that_run():
    everything = rules_found()
    assert {"mixed-tense", "name-variant", "order-conflict"} <= everything
    assert rules_found("--select", "mixed-tense") == {"mixed-tense"}
    assert rules_found("--select", "mixed-tense, name-variant") == {"mixed-tense", "name-variant"}
    assert rules_found("--ignore", "name-variant,refinement") == everything - {"name-variant", "refinement"}
    assert rules_found("--select", "mixed-tense,name-variant", "--ignore", "name-variant") == {"mixed-tense"}


def test_select_runs_a_rule_the_configuration_turns_off(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "checker.toml").write_text("rules = {mixed-tense = false}\n")
    assert "mixed-tense" not in rules_found()
    assert rules_found("--select", "mixed-tense") == {"mixed-tense"}


def test_an_unknown_rule_is_a_usage_error_with_a_suggestion():
    result = run("check", SEED_ARTICLES, "--no-store", "--ignore", "name-variants")
    assert result.exit_code == 2
    assert "unknown rule 'name-variants' (did you mean 'name-variant'?)" in result.stderr


# --- an article on standard input (-) ---------------------------------------------------------

SENTENCE = "The Netflix series Luke Cage will premiere on November 4, 2016."
PIECE = f"---\nid: stdin-piece\noutlet: Screen Ledger\npublished: 2016-06-01\n---\n{SENTENCE}\n"


def test_extract_reads_an_article_from_standard_input():
    result = run("extract", "-", "--format", "json", stdin=PIECE)
    assert result.exit_code == 0, result.stderr
    claims = json.loads(result.stdout)["claims"]
    assert [(claim["article"], claim["time"]["value"]) for claim in claims] == [("stdin-piece", "2016-11-04")]
    checked = json.loads(run("check", "-", "--no-store", "--format", "json", stdin=PIECE).stdout)
    assert checked["articles"] == [{"id": "stdin-piece", "path": "stdin.md", "published": "2016-06-01",
                                    "undated": False}]


def test_check_holds_standard_input_against_the_corpus_under_its_given_name():
    result = run("check", SEED_ARTICLES, "-", "--stdin-filename", "articles/new-piece.md", "--no-store",
                 "--select", "date-conflict", "--format", "github", stdin=PIECE)
    assert result.exit_code == 1
    [line] = [line for line in result.stdout.splitlines() if "stdin-piece" in line or "new-piece" in line]
    assert line.startswith("::error file=articles/new-piece.md,line=6,") and "Nov 4, 2016" in line


def test_standard_input_read_by_the_suffix_of_its_name():
    plain = run("extract", "-", "--stdin-filename", "note.txt", "--published", "2016-06-01", "--format", "jsonl",
                stdin=SENTENCE + "\n")
    assert [json.loads(line)["article"] for line in plain.stdout.splitlines()] == ["note"]
    records = "".join(json.dumps({"id": f"r{n}", "text": SENTENCE,
                                  "published": "2016-06-01"}) + "\n" for n in (1, 2))
    lines = run("extract", "-", "--stdin-filename", "feed.jsonl", "--format", "jsonl", stdin=records)
    assert [json.loads(line)["article"] for line in lines.stdout.splitlines()] == ["r1", "r2"]


@pytest.mark.parametrize("args, message", [
    (("-", "-"), "standard input (-) can be read only once"),
    (("--stdin-filename", "x.md", str(FIXTURES / "good")), "give - among the PATHs"),
    (("-", "--stdin-filename", "page.html"), "'page.html' is not an article"),
])
def test_standard_input_misused_is_a_usage_error(args, message):
    result = run("extract", *args, stdin=PIECE)
    assert result.exit_code == 2 and message in result.stderr


def test_empty_standard_input_is_a_bad_input_named_as_given():
    result = run("extract", "-", "--stdin-filename", "draft.md", stdin="")
    assert result.exit_code == 2
    assert errors(result) == ["checker: error: draft.md: empty body: nothing to check"]


# --- an article the checker fails on ------------------------------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_article_the_checker_fails_on_is_one_error_line_and_the_others_are_checked(monkeypatch, jobs):
    from claims.extract import parallel, pipeline
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)   # (worker processes even for five articles)
    real = pipeline.extract_article

    def failing(article, *args, **kwargs):
        if article.id == "fabnewz-2017-04-shooting-begun":
            raise OverflowError("date value out of range")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_article", failing)
    result = run("check", SEED_ARTICLES, "--no-store", "--format", "json", "--jobs", jobs)
    assert result.exit_code == 2
    [line] = errors(result)
    assert line.startswith("checker: error: ") and "fabnewz-2017-04-shooting-begun.md" in line
    assert "the checker failed to read its claims (OverflowError: date value out of range)" in line
    document = json.loads(result.stdout)
    articles = {claim["article"] for claim in document["claims"]}
    assert "fabnewz-2017-04-shooting-begun" not in articles and len(articles) >= 3
    assert document["findings"]   # the other articles were still held against each other


def test_a_failure_of_the_checker_itself_is_one_error_line_with_exit_2(monkeypatch):
    import checker.engine

    def broken(*args, **kwargs):
        raise RuntimeError("a rule tripped")

    monkeypatch.setattr(checker.engine, "find_conflicts", broken)
    result = run("check", SEED_ARTICLES, "--no-store", "--fail-on", "never")
    assert result.exit_code == 2 and result.stdout == ""
    assert errors(result) == ["checker: error: the checker failed (RuntimeError: a rule tripped); run again "
                              "with CHECKER_DEBUG=1 for the details, and please report it"]
    monkeypatch.setenv("CHECKER_DEBUG", "1")
    debugged = CliRunner().invoke(main, ["check", str(SEED_ARTICLES), "--no-store"])
    assert isinstance(debugged.exception, RuntimeError)


# --- the article size limit ---------------------------------------------------------------------

def test_an_article_over_the_size_limit_is_one_error_and_the_others_are_checked(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "big.md").write_text("---\nid: big\npublished: 2019-01-01\n---\n" + "The series returns. " * 200)
    small = GOOD / "copper-valley-release.md"
    result = run("check", "big.md", small, "--no-store", "--format", "json", "--max-article-size", "2KB")
    assert result.exit_code == 2
    assert errors(result) == ["checker: error: big.md: 4,038 bytes, over the 2 KB an article may have "
                              "(--max-article-size): not read"]
    assert [article["path"] for article in json.loads(result.stdout)["articles"]] == [str(small)]
    (tmp_path / "checker.toml").write_text('max-article-size = "1MB"\n')
    assert run("check", "big.md", "--no-store", "--format", "json").exit_code in (0, 1)   # (read now)
    (tmp_path / "checker.toml").write_text('max-article-size = "1KB"\n')
    assert run("check", "big.md", "--no-store").exit_code == 2
    assert run("check", "big.md", "--no-store", "--max-article-size", "8KB").exit_code in (0, 1)   # (the flag wins)


def test_a_bad_size_limit_is_one_line_naming_where_it_was_given(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("The series returns in May.\n")
    result = run("check", "a.md", "--no-store", "--max-article-size", "4XB")
    assert result.exit_code == 2 and "'4XB' is not a size" in result.stderr and "--max-article-size" in result.stderr
    (tmp_path / "checker.toml").write_text('max-article-size = "huge"\n')
    result = run("check", "a.md", "--no-store")
    assert result.exit_code == 2
    assert errors(result) == ["checker: error: checker.toml: max-article-size: 'huge' is not a size "
                              "(write bytes, or a number with KB, MB or GB: 4MB)"]


def test_a_size_limit_over_4_gb_is_refused(tmp_path, monkeypatch):
    # (offsets into a body are kept in 32 bits)
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("The series returns in May.\n")
    result = run("check", "a.md", "--no-store", "--max-article-size", "5GB")
    assert result.exit_code == 2 and "'5GB' is over the largest size an article may have" in result.stderr
    (tmp_path / "checker.toml").write_text("max-article-size = 5000000000\n")
    result = run("check", "a.md", "--no-store")
    assert result.exit_code == 2 and errors(result)[0].startswith("checker: error: checker.toml: max-article-size:")
    (tmp_path / "checker.toml").unlink()
    assert run("check", "a.md", "--no-store", "--max-article-size", "4095MB").exit_code in (0, 1)


def test_standard_input_over_the_size_limit_is_one_error():
    result = run("check", "-", "--no-store", "--max-article-size", "100", stdin="The series returns. " * 50)
    assert result.exit_code == 2
    assert errors(result) == ["checker: error: stdin.md: over the 100 bytes an article may have "
                              "(--max-article-size): not read"]
