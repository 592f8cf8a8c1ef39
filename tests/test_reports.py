"""The `checker check` report formats on a Report built by hand: articles read from real
files (so evidence has true lines and columns), claims and findings written out here, so
that nothing depends on the extractor or the rules finding them."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from checker.cli import main
from checker.engine import Report
from checker.findings import Citation, Finding, Severity
from checker.reports import FORMATS, github, json_report, markdown, sarif, summary_table
from checker.reports.locations import Span, display_path, locate, path_uri
from claims.models import Article, Claim
from claims.reading import ReadProblem, read_articles

GOOD = Path(__file__).parent / "fixtures" / "articles" / "good"
SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"

WHATCULTURE = """\
---
id: whatculture-2016-05
title: Ritter on the shooting schedule
outlet: WhatCulture
url: https://whatculture.com/tv/ritter-schedule
published: 2016-05
---
Krysten Ritter spoke about the next season.

Jessica Jones season 2 will shoot at the same time as The Defenders, she said.
🎬 Luke Cage will debuted on Netflix on September 30, 2016.
"""

# Article text is untrusted: markup, link injection, terminal escapes and line breaks.
HOSTILE = """\
---
id: evil-2016-06
title: "<img src=x onerror=alert(1)>"
outlet: "Evil <b>News</b> | `x` [y](javascript:alert(2))"
url: "javascript:alert(1)"
published: 2016-06
---
Intro.
They said <script>alert(1)</script> and [click](javascript:alert(1)) | `tick` \x1b[31mred\x1b[0m
Jessica Jones season 2 shoots
in 2017, back-to-back.
"""

CORPUS_LINES = [
    {"id": "feed-1", "text": "Nothing to see.", "published": "2016-07"},
    {"id": "feed-2", "text": "Krysten Ritten will star.", "published": "2016-07"},
]

MIXED_TENSE_MESSAGE = ("WhatCulture (May 2016) mixes future and past:\n100% \"wrong\", "
                       "says a: b\r\n::error::injected")


def evidence(article: Article, text: str) -> dict:
    start = article.body.index(text)
    return {"start": start, "end": start + len(text), "text": text}


def cite(claim: Claim) -> Citation:
    return Citation(article=claim.article, claim=claim.id, start=claim.evidence.start,
                    end=claim.evidence.end, text=claim.evidence.text)


@pytest.fixture
def report(tmp_path, monkeypatch) -> Report:
    monkeypatch.chdir(tmp_path)
    return build_report(tmp_path)


def build_report(folder: Path) -> Report:
    """Three findings (error, warning, info) over a Markdown article, a hostile one, a JSON
    Lines corpus and an article that was never a file; the files are written to folder,
    which is the current folder."""
    (folder / "articles").mkdir()
    (folder / "articles" / "whatculture.md").write_text(WHATCULTURE)
    (folder / "articles" / "evil.md").write_text(HOSTILE)
    (folder / "corpus.jsonl").write_text("".join(json.dumps(line) + "\n" for line in CORPUS_LINES))
    articles, problems = read_articles(["articles", "corpus.jsonl"])
    assert not problems
    handmade = Article(id="handmade", body="Krysten Ritter said so.", outlet="Handmade",
                       published={"year": 2016, "month": 8})
    articles.append(handmade)
    by_id = {article.id: article for article in articles}
    wc, evil, feed = by_id["whatculture-2016-05"], by_id["evil-2016-06"], by_id["feed-2"]

    def claim(id, article, text, work, season, event, time, tense="future"):
        return Claim(id=id, article=article.id, subject={"work": work, "season": season},
                     event=event, time={"value": time}, tense=tense, modality="asserted",
                     evidence=evidence(article, text))

    claims = [
        claim("c1", wc, "Jessica Jones season 2 will shoot at the same time as The Defenders",
              "Jessica Jones", 2, "filming", "2016"),
        claim("c2", evil, "Jessica Jones season 2 shoots\nin 2017", "Jessica Jones", 2,
              "filming", "2017", tense="present"),
        claim("c3", wc, "Luke Cage will debuted on Netflix on September 30, 2016.",
              "Luke Cage", None, "release", "2016-09-30", tense="mixed"),
        claim("c4", wc, "Krysten Ritter spoke", "Iron Fist", None, "release", "2017"),
    ]
    c1, c2, c3, _ = claims
    findings = [
        Finding(id="f1", rule="order-conflict", severity=Severity.ERROR,
                subject={"work": "Jessica Jones", "season": 2}, event="filming",
                claims=["c1", "c2"], articles=[wc.id, evil.id], fingerprint="aaaa000011112222",
                message=("WhatCulture (May 2016) says at the same time; Evil News (June 2016) says "
                         "<script>alert(1)</script> [click](javascript:alert(1)) | `tick`"),
                evidence=[cite(c1), cite(c2)]),
        Finding(id="f2", rule="mixed-tense", severity=Severity.WARNING,
                subject={"work": "Luke Cage"}, event="release", claims=["c3"], articles=[wc.id],
                fingerprint="bbbb000011112222", message=MIXED_TENSE_MESSAGE, evidence=[cite(c3)]),
        Finding(id="f3", rule="name-variant", severity=Severity.INFO,
                subject={"work": "Krysten Ritter"}, claims=[], articles=[feed.id, handmade.id],
                fingerprint="cccc000011112222", message="feed-2 spells it Krysten Ritten.",
                evidence=[Citation(article=feed.id, start=0, end=14, text="Krysten Ritten"),
                          Citation(article=handmade.id, start=0, end=14, text="Krysten Ritter")]),
    ]
    return Report(articles=articles, claims=claims, findings=findings,
                  problems=[ReadProblem("articles/broken.md", "broken front matter", 3)])


def no_findings(report: Report) -> Report:
    return Report(articles=report.articles, claims=report.claims, problems=[])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_through_the_cli(fmt):
    result = CliRunner().invoke(main, ["check", str(GOOD), "--format", fmt])
    assert result.exit_code == 0, result.output


# --- table ------------------------------------------------------------------------------------

def test_table_summary_counts(report):
    lines = summary_table.render(report).splitlines()
    assert [line.split(maxsplit=1) for line in lines[:4]] == [
        ["articles", "5"], ["claims", "4"], ["findings", "3 (1 error, 1 warning, 1 info)"],
        ["unreadable", "1 (listed on stderr)"]]


def test_table_groups_findings_under_their_work(report, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    text = summary_table.render(report)
    lines = text.splitlines()
    headings = [line for line in lines if line and not line.startswith(" ") and
                line in ("Jessica Jones season 2", "Luke Cage", "Krysten Ritter")]
    assert headings == ["Jessica Jones season 2", "Luke Cage", "Krysten Ritter"]
    row = lines[lines.index("Jessica Jones season 2") + 1].split()
    assert row[:4] == ["error", "order-conflict", "WhatCulture", "(May"]
    assert "2016)" in row and "+1" in row
    # Messages wrap beside the other columns instead of running off the screen.
    assert max(len(line) for line in lines) <= 100
    assert "feed-2 (July 2016) +1" in text   # no outlet: the article id stands in


@pytest.mark.parametrize("columns", [120, 100, 80, 60, 40])
def test_table_fits_the_terminal_whatever_its_width(report, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    text = summary_table.render(report)
    assert max(len(line) for line in text.splitlines()) <= columns
    assert "Jessica Jones season 2" in text and "times claimed" in text
    shown = text.split()
    for finding in report.findings:   # every message whole, however it wraps
        assert all(word in shown for word in summary_table.clean(finding.message).split())


def test_on_a_narrow_terminal_each_finding_is_a_block(report, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    lines = summary_table.render(report).splitlines()
    heading = lines.index("Jessica Jones season 2")
    assert lines[heading + 1] == "  error · order-conflict · WhatCulture (May 2016) +1"
    assert lines[heading + 2].startswith("    WhatCulture (May 2016) says")
    monkeypatch.setenv("COLUMNS", "100")
    assert "  error · order-conflict" not in summary_table.render(report)   # wide enough: the table


def test_table_is_terminal_safe(report):
    text = summary_table.render(report)
    assert "\x1b" not in text and "\r" not in text
    assert "::error::injected" in text   # on the message's line, not a line of its own
    assert not any(line.startswith("::") for line in text.splitlines())


def test_table_timeline_shows_only_the_flagged_events(report):
    text = summary_table.render(report)
    timeline = text[text.index("times claimed"):].splitlines()[2:]
    assert [line.split() for line in timeline] == [
        ["Jessica", "Jones", "2", "filming", "2016", "(1),", "2017", "(1)"],
        ["Luke", "Cage", "release", "Sept", "30,", "2016", "(1)"]]


def test_table_timeline_says_times_in_words_an_editor_reads(report):
    from claims.models import TimeValue
    luke = next(claim for claim in report.claims if claim.subject.work == "Luke Cage")
    said = [luke.model_copy(update={"time": TimeValue(value=value, mod=mod), "article": f"a{number}"})
            for number, (value, mod) in enumerate([("2016-FA", None), ("2016", "END"), ("2016-09-30", None)])]
    timeline = summary_table.timeline_table(said, report.findings, 100)
    assert "fall 2016 (1)" in timeline and "late 2016 (1)" in timeline and "Sept 30, 2016 (1)" in timeline
    assert "2016-FA" not in timeline and "END" not in timeline


def test_table_timeline_wraps_between_whole_times():
    assert summary_table.pack(["2017 (3)", "2017 END (2)", "2018 (1)"], 24) == (
        "2017 (3), 2017 END (2),\n2018 (1)")


def test_table_without_findings_is_the_summary_alone(report):
    assert summary_table.render(no_findings(report)).splitlines() == [
        "articles  5", "claims    4", "findings  none"]


# --- json -------------------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=8), st.lists(JSON_VALUES, max_size=4), max_size=4))
def test_json_written_piece_by_piece_is_json_dumps_of_the_whole(sections):
    """The JSON reports are written one item at a time; the text must be what one
    json.dumps of the whole document, indented by two, gives (lines and escapes included)."""
    lazy = {name: iter(items) for name, items in sections.items()}
    assert "".join(json_report.json_object(lazy)) == json.dumps(sections, indent=2)


def test_the_json_report_is_written_as_made(report, tmp_path):
    """`checker check --format json` writes the pieces `chunks` makes, a claim at a time,
    and the same text to an --output file."""
    pieces = list(json_report.chunks(report))
    assert len(pieces) > len(report.claims) + len(report.articles)
    document = json.loads("".join(pieces))
    assert document["claims"] == [claim.contract_dict() for claim in report.claims]
    assert document["findings"] == [finding.contract_dict() for finding in report.findings]
    assert [article["id"] for article in document["articles"]] == [article.id for article in report.articles]
    result = CliRunner().invoke(main, ["check", "articles", "corpus.jsonl", "--no-store", "--format", "json",
                                       "--output", f"json={tmp_path / 'out' / 'report.json'}", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    assert len(json.loads(result.stdout)["articles"]) == 4


def test_json_findings_in_the_contract_shape(report):
    document = json.loads(json_report.render(report))
    assert {"claims", "findings"} <= set(document)
    first = document["findings"][0]
    assert first == report.findings[0].contract_dict()
    assert {"id", "rule", "severity", "subject", "event", "claims", "articles", "message"} <= set(first)
    assert first["severity"] == "error" and first["subject"] == {"work": "Jessica Jones", "season": 2}
    assert document["findings"][2]["event"] is None
    assert "\x1b" not in json_report.render(report)


# --- markdown ---------------------------------------------------------------------------------

def as_html(text: str) -> str:
    """Markdown as a renderer that lets HTML through shows it: GitHub is stricter."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)


def test_markdown_title_counts_and_findings(report):
    text = markdown.render(report)
    lines = text.splitlines()
    assert lines[0] == "## checker: 3 findings (1 error, 1 warning, 1 info)"
    assert lines[2] == "5 articles · 4 claims · 1 input could not be read"
    headings = [line for line in lines if line.startswith("### ")]
    assert headings == ["### f1 · error · `order-conflict` · Jessica Jones season 2 (filming)",
                        "### f2 · warning · `mixed-tense` · Luke Cage (release)",
                        "### f3 · info · `name-variant` · Krysten Ritter"]


def test_markdown_evidence_quotes_with_source_link_and_place(report):
    html = as_html(markdown.render(report))
    assert ("<li>“Jessica Jones season 2 will shoot at the same time as The Defenders” — "
            '<a href="https://whatculture.com/tv/ritter-schedule">WhatCulture (May 2016)</a>, '
            "articles/whatculture.md:10</li>") in html
    # A JSON Lines article is placed at its line; one that was never a file at no place.
    assert "<li>“Krysten Ritten” — feed-2 (July 2016), corpus.jsonl:2</li>" in html
    assert "<li>“Krysten Ritter” — Handmade (Aug 2016)</li>" in html


def test_markdown_quotes_evidence_once(report):
    finding = report.findings[1]
    quoted = finding.model_copy(update={"evidence": [
        finding.evidence[0].model_copy(update={"text": "“They’ll be back-to-back.”"})]})
    assert "- “They’ll be back-to-back.” — " in markdown.finding_block(
        quoted, report.article_by_id)


def test_markdown_hostile_article_text_is_inert(report):
    html = as_html(markdown.render(report))
    # Shown as the text it is, not as markup: no script, no second link, no code span.
    assert "<script" not in html and "<b>" not in html and "<img" not in html
    assert "says &lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(1)) | `tick`" in html
    assert "Evil &lt;b&gt;News&lt;/b&gt; | `x` [y](javascript:alert(2)) (June 2016)" in html
    assert html.count("<a ") == 2 and "javascript:" not in html.split("href=", 1)[1].split(">")[0]
    assert all(href.startswith('"https://') for href in html.split("href=")[1:])
    assert html.count("<code>") == 3   # the rule ids, nothing from an article


def test_markdown_escapes_line_breaks_mentions_and_escapes():
    assert markdown.escape("a\nb\r\n\x1b[31mc") == "a b \\[31mc"
    assert markdown.escape("ask @netflix") == "ask @\u200bnetflix"
    assert markdown.escape("~~x~~ *y* _z_ $x$ # h \\") == r"\~\~x\~\~ \*y\* \_z\_ \$x\$ \# h \\"


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/a b(c)", "https://example.com/a%20b%28c%29"),
    ("HTTP://example.com/?q=1&r=%20", "HTTP://example.com/?q=1&r=%20"),
    ("javascript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("//example.com/x", None),
    ("http:///nohost", None),
    (None, None),
])
def test_markdown_links_only_http_urls(url, expected):
    assert markdown.safe_url(url) == expected


def test_markdown_without_findings(report):
    assert markdown.render(no_findings(report)).splitlines() == [
        "## checker: no findings", "", "5 articles · 4 claims"]


def test_markdown_stays_under_githubs_comment_limit(report):
    many = [report.findings[0].model_copy(update={"id": f"f{n}"}) for n in range(1, 2000)]
    text = markdown.render(Report(articles=report.articles, claims=report.claims,
                                  problems=[], findings=many))
    assert len(text) < 65_536
    assert text.splitlines()[-1].startswith("… and ")
    assert text.splitlines()[-1].endswith("more findings: run `checker check --format json` for all of them.")


# --- locations --------------------------------------------------------------------------------

def file_position(path: Path, text: str) -> tuple[int, int]:
    """1-based line and code-point column of text in the file, found without the reader."""
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if text in line:
            return number, line.index(text) + 1
    raise AssertionError(f"{text!r} not in {path}")


def test_locate_counts_lines_from_the_body_and_columns_in_code_points(report, tmp_path):
    article = report.article_by_id["whatculture-2016-05"]
    text = "Luke Cage will debuted"
    start = article.body.index(text)
    line, column = file_position(tmp_path / "articles" / "whatculture.md", text)
    assert (line, column) == (11, 3)   # after the front matter, and after a 4-byte emoji
    assert locate(article, start, start + len(text)) == Span(
        "articles/whatculture.md", line, line, column, column + len(text))


def test_locate_spans_line_breaks_and_crlf():
    article = Article(id="a", body="one\r\ntwo three\r\nfour", path="x.md", body_line=5)
    start = article.body.index("three")
    assert locate(article, start, article.body.index("four") + 2) == Span("x.md", 6, 7, 5, 3)
    assert locate(article, 0, 3) == Span("x.md", 5, 5, 1, 4)


def test_locate_a_corpus_line_and_no_file(report):
    assert locate(report.article_by_id["feed-2"], 0, 5) == Span("corpus.jsonl", 2, 2)
    assert locate(report.article_by_id["handmade"], 0, 5) is None


def test_paths_relative_to_the_current_folder_as_uris(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_path(str(tmp_path / "a b" / "c.md")) == "a b/c.md"
    assert display_path("a b/c.md") == "a b/c.md"
    assert path_uri("a b/c#1.md") == "a%20b/c%231.md"
    outside = tmp_path.parent / "elsewhere.md"
    assert display_path(str(outside)) == outside.as_posix()
    assert path_uri(display_path(str(outside))) == outside.as_uri()


# --- sarif ------------------------------------------------------------------------------------

def sarif_log(report: Report) -> dict:
    return json.loads(sarif.render(report))


@pytest.mark.parametrize("with_findings", [True, False])
def test_sarif_validates_against_the_schema(report, with_findings):
    log = sarif_log(report if with_findings else no_findings(report))
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text()))
    assert len(log["runs"]) == 1 and log["version"] == "2.1.0"
    assert len(log["runs"][0]["results"]) == (3 if with_findings else 0)


def test_the_schema_has_teeth(report):
    log = sarif_log(report)
    log["runs"][0]["results"][0]["level"] = "info"   # SARIF says "note"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text()))


def test_sarif_tool_and_rules(report):
    run = sarif_log(report)["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "checker" and driver["version"]
    assert run["columnKind"] == "unicodeCodePoints"
    rule = next(rule for rule in driver["rules"] if rule["id"] == "mixed-tense")
    assert rule["name"] == "MixedTense"
    assert rule["shortDescription"]["text"].startswith("A claim's clause mixes future and past")
    assert rule["defaultConfiguration"] == {"level": "error"}
    assert rule["help"]["text"].startswith("Why: ") and "\n\nFix: " in rule["help"]["text"]


def test_sarif_results_carry_level_message_and_fingerprint(report):
    results = sarif_log(report)["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("order-conflict", "error"), ("mixed-tense", "warning"), ("name-variant", "note")]
    assert results[1]["message"]["text"] == MIXED_TENSE_MESSAGE
    assert results[0]["partialFingerprints"] == {"checker/v1": "aaaa000011112222"}


def test_sarif_locates_each_piece_of_evidence(report, tmp_path):
    order_conflict, mixed_tense, name_variant = sarif_log(report)["runs"][0]["results"]
    places = [place["physicalLocation"] for place in order_conflict["locations"]]
    assert [place["artifactLocation"]["uri"] for place in places] == [
        "articles/whatculture.md", "articles/evil.md"]
    line, column = file_position(tmp_path / "articles" / "evil.md", "Jessica Jones season 2 shoots")
    assert places[1]["region"] == {"startLine": line, "startColumn": column,
                                   "endLine": line + 1, "endColumn": len("in 2017") + 1}
    line, column = file_position(tmp_path / "articles" / "whatculture.md", "Luke Cage will")
    region = mixed_tense["locations"][0]["physicalLocation"]["region"]
    evidence = "Luke Cage will debuted on Netflix on September 30, 2016."
    assert region == {"startLine": line, "startColumn": column, "endLine": line,
                      "endColumn": column + len(evidence)}
    # A JSON Lines article at its line; an article that was never a file by name alone.
    corpus, handmade = name_variant["locations"]
    assert corpus["physicalLocation"] == {
        "artifactLocation": {"uri": "corpus.jsonl", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 2, "endLine": 2}}
    assert "physicalLocation" not in handmade
    assert handmade["logicalLocations"] == [{"name": "handmade", "kind": "article"}]


def test_sarif_reports_unreadable_inputs(report):
    invocation = sarif_log(report)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["message"]["text"] == "broken front matter"
    assert notification["locations"][0]["physicalLocation"]["region"] == {"startLine": 3}


def test_sarif_is_ascii(report):
    assert sarif.render(report).isascii()


# --- github -----------------------------------------------------------------------------------

def test_github_one_command_per_finding(report):
    lines = github.render(report).splitlines()
    assert lines == [
        "::error file=articles/whatculture.md,line=10,col=1,endLine=10,endColumn=68,"
        "title=order-conflict::WhatCulture (May 2016) says at the same time; Evil News (June 2016) "
        "says <script>alert(1)</script> [click](javascript:alert(1)) | `tick`",
        "::warning file=articles/whatculture.md,line=11,col=3,endLine=11,endColumn=59,"
        "title=mixed-tense::WhatCulture (May 2016) mixes future and past:%0A100%25 \"wrong\", "
        "says a: b%0D%0A::error::injected",
        # A corpus line has no columns; info findings are notices.
        "::notice file=corpus.jsonl,line=2,endLine=2,title=name-variant::feed-2 spells it Krysten Ritten.",
    ]


def test_github_evidence_across_lines_has_no_columns(report):
    evil = report.findings[0].model_copy(update={"evidence": report.findings[0].evidence[1:]})
    line = github.command(evil, report.article_by_id)
    assert line.startswith("::error file=articles/evil.md,line=10,endLine=11,title=order-conflict::")


def test_github_escapes_properties_and_drops_terminal_escapes():
    article = Article(id="a", body="Text.\nMore.", path="odd, name: 100%.md")
    finding = Finding(id="f1", rule="mixed-tense", severity=Severity.ERROR, claims=[],
                      articles=["a"], fingerprint="x", message="\x1b[2Jcleared\nnext::x",
                      evidence=[Citation(article="a", start=6, end=11, text="More.")])
    assert github.command(finding, {"a": article}) == (
        "::error file=odd%2C name%3A 100%25.md,line=2,col=1,endLine=2,endColumn=6,"
        "title=mixed-tense::[2Jcleared%0Anext::x")


def test_github_finding_without_a_file(report):
    finding = report.findings[2].model_copy(update={"evidence": report.findings[2].evidence[1:]})
    assert github.command(finding, report.article_by_id) == (
        "::notice title=name-variant::feed-2 spells it Krysten Ritten.")


def test_github_without_findings(report):
    assert github.render(no_findings(report)) == ""
