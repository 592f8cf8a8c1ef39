"""claims.reading: publication dates, the file formats, and one clear problem per bad input."""
from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
from pathlib import Path

import pytest

from claims.models import Published
from claims import reading
from claims.reading import BadArticle, parse_published, read_articles

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
GOOD, BAD = FIXTURES / "good", FIXTURES / "bad"
BODY = "The series returns for a second season next spring.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def markdown(published_line: str | None, body: str = BODY, article_id: str | None = None) -> str:
    meta = [f"id: {article_id}"] if article_id else []
    meta += ["title: A Show Returns"] + ([published_line] if published_line else [])
    return "---\n" + "\n".join(meta) + "\n---\n" + body


def write_jsonl(path: Path, records: list, *, compress: bool = False) -> Path:
    data = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records).encode()
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


# --- publication dates -------------------------------------------------------------------

PUBLISHED_CASES = {
    "year": ("2016", Published(year=2016)),
    "month": ("2016-05", Published(year=2016, month=5)),
    "day": ("2016-05-12", Published(year=2016, month=5, day=12)),
    "datetime-z": ("2016-05-12T10:30:00Z", Published(year=2016, month=5, day=12)),
    "datetime-offset": ("2016-05-12T23:30:00-05:00", Published(year=2016, month=5, day=12)),
    "datetime-offset-no-colon": ("2016-05-12T10:30:00+0200", Published(year=2016, month=5, day=12)),
    "datetime-space-fraction": ("2016-05-12 10:30:00.25", Published(year=2016, month=5, day=12)),
    "padded": ("  2016-05 ", Published(year=2016, month=5)),
    "yaml-int-year": (2016, Published(year=2016)),
    "date-object": (dt.date(2016, 5, 12), Published(year=2016, month=5, day=12)),
    "datetime-object": (dt.datetime(2016, 5, 12, 23, 59), Published(year=2016, month=5, day=12)),
    "none": (None, None),
    "empty": ("", None),
}


@pytest.mark.parametrize("raw, expected", PUBLISHED_CASES.values(), ids=PUBLISHED_CASES.keys())
def test_parse_published(raw, expected):
    assert parse_published(raw) == expected


@pytest.mark.parametrize("raw, value", [("2016", "2016"), ("2016-05", "2016-05"),
                                        ("2016-05-02T08:00Z", "2016-05-02")])
def test_published_value_keeps_the_given_precision(raw, value):
    assert parse_published(raw).value == value


BAD_PUBLISHED = {
    "month-13": "2016-13",
    "february-30": "2016-02-30",
    "words": "May 2016",
    "two-digit-year": "16-05-12",
    "slashes": "2016/05/12",
    "nonsense": "nonsense",
}


@pytest.mark.parametrize("raw", BAD_PUBLISHED.values(), ids=BAD_PUBLISHED.keys())
def test_parse_published_rejects_with_the_value_in_the_message(raw):
    with pytest.raises(BadArticle) as err:
        parse_published(raw)
    assert repr(raw) in err.value.message


def test_a_time_needs_a_full_date():
    with pytest.raises(BadArticle):
        parse_published("2016-05 12")


@pytest.mark.parametrize("raw", ["2016-00", "2016-05-00"])
def test_zero_month_or_day_is_rejected(raw):
    with pytest.raises(BadArticle):
        parse_published(raw)


FRONT_MATTER_DATES = {
    "yaml-date": ("published: 2016-05-12", "2016-05-12"),
    "yaml-datetime-z": ("published: 2016-05-12T10:30:00Z", "2016-05-12"),
    # PyYAML keeps the offset; the date is the one written, not the UTC date.
    "yaml-datetime-offset": ("published: 2016-05-12T23:30:00-05:00", "2016-05-12"),
    "yaml-int-year": ("published: 2016", "2016"),
    "yaml-month-string": ("published: 2016-05", "2016-05"),
    "quoted-day": ('published: "2016-05-12"', "2016-05-12"),
    # Jekyll and Hugo write the date as "date:".
    "date-key": ("date: 2016-05-12", "2016-05-12"),
}


@pytest.mark.parametrize("line, value", FRONT_MATTER_DATES.values(), ids=FRONT_MATTER_DATES.keys())
def test_front_matter_published(tmp_path, line, value):
    articles, problems = read_articles([str(write(tmp_path / "a.md", markdown(line)))])
    assert problems == []
    assert articles[0].published.value == value


def test_front_matter_nested_too_deeply_is_a_problem_not_a_crash(tmp_path):
    path = write(tmp_path / "deep.md", markdown("deep: " + "[" * 5000 + "]" * 5000))
    articles, problems = read_articles([str(path)])
    assert articles == [] and [(p.line, p.message) for p in problems] == [(2, "front matter nested too deeply")]


def test_aliases_in_front_matter_are_refused_before_they_expand(tmp_path):
    laughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    laughs += [f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]"
               for previous, name in zip("abcdefgh", "bcdefghi")]
    path = write(tmp_path / "laughs.md", markdown("published: 2016-05-01\n" + "\n".join(laughs)))
    articles, problems = read_articles([str(path)])
    assert articles == []
    assert [(p.line, p.message) for p in problems] == [(5, "broken front matter: aliases (*name) are not allowed")]


def test_a_lone_surrogate_in_json_lines_is_read_as_a_replacement_character(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", ['{"id": "x\\udc00", "text": "Half a \\ud800 character."}'])
    [article], problems = read_articles([str(path)])
    assert not problems and (article.id, article.body) == ("x\ufffd", "Half a \ufffd character.")
    article.body.encode("utf-8")   # (writable again, as every report must)


def test_impossible_yaml_date_is_a_problem_not_a_crash(tmp_path):
    path = write(tmp_path / "feb30.md", markdown("published: 2016-02-30"))
    articles, problems = read_articles([str(path)])
    assert articles == []
    assert [(p.path, "invalid publication date" in p.message) for p in problems] == [(str(path), True)]


# --- Markdown and plain text -------------------------------------------------------------

def test_markdown_metadata_and_body(tmp_path):
    path = write(tmp_path / "file-name.md",
                 markdown("published: 2016-05", article_id="show-returns", body="Line one.\r\nTwo.\n"))
    [article], problems = read_articles([str(path)])
    assert problems == []
    assert (article.id, article.title, article.path) == ("show-returns", "A Show Returns", str(path))
    # CONTRACT §1: the body is the text after the closing '---' line, '\r' kept.
    assert article.body == "Line one.\r\nTwo.\n"
    assert article.body_line == 6  # ---, id, title, published, ---, then the body


def test_id_defaults_to_the_file_name(tmp_path):
    [article], _ = read_articles([str(write(tmp_path / "my-article.md", markdown(None)))])
    assert article.id == "my-article"


def test_txt_without_published_is_undated(tmp_path):
    path = write(tmp_path / "note.txt", BODY)
    [article], problems = read_articles([str(path)])
    assert problems == []
    assert (article.id, article.body, article.published) == ("note", BODY, None)


def test_txt_with_published(tmp_path):
    path = write(tmp_path / "note.txt", BODY)
    [article], _ = read_articles([str(path)], published="2016-05")
    assert article.published == Published(year=2016, month=5)


def test_published_applies_to_markdown_without_front_matter(tmp_path):
    path = write(tmp_path / "plain.md", BODY)
    [article], _ = read_articles([str(path)], published="2017")
    assert article.published == Published(year=2017)


def test_front_matter_date_wins_over_published_option(tmp_path):
    path = write(tmp_path / "dated.md", markdown("published: 2016-05-12"))
    [article], _ = read_articles([str(path)], published="2017")
    assert article.published.value == "2016-05-12"


def test_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff".encode() + markdown("published: 2016").encode())
    [article], problems = read_articles([str(path)])
    assert problems == [] and article.title == "A Show Returns"


# --- JSON Lines ----------------------------------------------------------------------------

RECORDS = [
    {"id": "n1", "title": "One", "text": "First body.", "published": "2018-05-10", "source": "Wire"},
    {"id": "n2", "title": None, "text": "Second body.", "published": None, "url": "https://x"},
    {"id": 3, "title": "Three", "text": "Third body.", "published": "2018-05"},
]


@pytest.mark.parametrize("name, compress", [("c.jsonl", False), ("c.jsonl.gz", True),
                                            ("c.ndjson", False)])
def test_jsonl(tmp_path, name, compress):
    path = write_jsonl(tmp_path / name, RECORDS, compress=compress)
    articles, problems = read_articles([str(path)])
    assert problems == []
    assert [(a.id, a.title, a.published.value if a.published else None, a.body_line)
            for a in articles] == [("n1", "One", "2018-05-10", 1), ("n2", None, None, 2),
                                   ("3", "Three", "2018-05", 3)]
    assert articles[0].outlet == "Wire" and articles[1].url == "https://x"
    assert {a.path for a in articles} == {str(path)}


def test_front_matter_published_wins_over_date(tmp_path):
    path = write(tmp_path / "both.md", markdown("published: 2016-05-12\ndate: 2019-01-01"))
    [article], _ = read_articles([str(path)])
    assert article.published.value == "2016-05-12"


def test_jsonl_date_key(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [{"id": "d1", "text": "Body text.", "date": "2018-05-10"}])
    [article], _ = read_articles([str(path)])
    assert article.published.value == "2018-05-10"


def test_jsonl_ignores_the_published_option(tmp_path):
    # A corpus says per record when it was published; a missing date stays missing.
    path = write_jsonl(tmp_path / "c.jsonl", RECORDS)
    articles, _ = read_articles([str(path)], published="2020")
    assert articles[1].published is None


BAD_LINES = {
    "broken-json": ('{"id": "x", "text": ', "invalid JSON"),
    "not-an-object": ('["id", "text"]', "not a JSON object"),
    "no-text": ('{"id": "x", "body": "wrong key"}', "no 'text' string"),
    "no-id": ('{"text": "A body."}', "no 'id'"),
    "empty-text": ('{"id": "x", "text": "  "}', "empty body"),
    "bad-date": ('{"id": "x", "text": "A body.", "published": "2018-13"}', "invalid publication date"),
    "nested-too-deeply": ('{"id": "x", "text": "A body.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
                          "invalid JSON (nested too deeply)"),
    "number-too-long": ('{"id": "x", "text": "A body.", "x": ' + "9" * 5000 + "}", "invalid JSON (a number too long to read)"),
}


@pytest.mark.parametrize("line, message", BAD_LINES.values(), ids=BAD_LINES.keys())
def test_one_bad_line_among_good_ones(tmp_path, line, message):
    path = write_jsonl(tmp_path / "c.jsonl", [RECORDS[0], line, "", RECORDS[2]])
    articles, problems = read_articles([str(path)])
    assert [a.id for a in articles] == ["n1", "3"]
    assert len(problems) == 1
    assert (problems[0].path, problems[0].line) == (str(path), 2)
    assert message in problems[0].message
    assert str(problems[0]).startswith(f"{path}:2: ")


def test_gzip_that_is_not_gzip(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(b'{"id": "x", "text": "plain, not compressed"}\n')
    articles, problems = read_articles([str(path)])
    assert articles == []
    assert [(p.path, "not a readable gzip file" in p.message) for p in problems] == [(str(path), True)]


def test_corrupt_gzip_is_a_problem_not_a_crash(tmp_path):
    data = bytearray(gzip.compress(json.dumps(RECORDS[0]).encode() * 50))
    data[12:40] = bytes(b ^ 0xFF for b in data[12:40])  # garble the deflate blocks, keep the header
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(bytes(data))
    articles, problems = read_articles([str(path)])
    assert articles == [] and len(problems) == 1 and problems[0].path == str(path)


@pytest.mark.parametrize("block", [7, 64, 2**20])   # (lines cut across blocks of the stream, or not)
def test_a_line_over_the_limit_is_reported_and_the_others_read(tmp_path, monkeypatch, block):
    monkeypatch.setattr(reading, "BLOCK", block)
    huge = json.dumps({"id": "huge", "text": "word " * 500})
    for compress in (False, True):
        path = write_jsonl(tmp_path / ("c.jsonl.gz" if compress else "c.jsonl"), [RECORDS[0], huge, RECORDS[2]],
                           compress=compress)
        articles, problems = read_articles([str(path)], limit=200)
        assert [(a.id, a.body_line) for a in articles] == [("n1", 1), ("3", 3)]
        assert [(p.line, p.message) for p in problems] == [
            (2, "a record over the 200 bytes an article may have (--max-article-size): not read")]


def test_a_gzip_damaged_part_way_gives_the_articles_before_the_damage(tmp_path):
    good = "".join(json.dumps({"id": f"a{n}", "text": f"Body {n}."}) + "\n" for n in range(3)).encode()
    whole = gzip.compress(good + b"".join(json.dumps({"id": f"b{n}", "text": "x" * 50 + str(n)}).encode() + b"\n"
                                          for n in range(20000)))
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])   # (cut off in the middle)
    articles, problems = read_articles([str(path)])
    assert [a.id for a in articles[:3]] == ["a0", "a1", "a2"]
    assert len(problems) == 1 and "not a readable gzip file" in problems[0].message


@pytest.mark.parametrize("block", [3, 16, 2**20])   # (line ends and runs of empty lines across blocks)
def test_lines_are_numbered_as_the_file_shows_them(tmp_path, monkeypatch, block):
    monkeypatch.setattr(reading, "BLOCK", block)
    path = tmp_path / "c.jsonl"
    records = [json.dumps(r).encode() for r in RECORDS]
    path.write_bytes(records[0] + b"\r" + records[1] + b"\r\n\n" + records[2])   # (no line end at the end)
    articles, problems = read_articles([str(path)])
    assert problems == [] and [(a.id, a.body_line) for a in articles] == [("n1", 1), ("n2", 2), ("3", 4)]
    path.write_bytes(b"\n" * 40 + records[0] + b"\n \n\r\n" + b"\n" * 37 + records[1] + b"\n\n")
    articles, problems = read_articles([str(path)])
    assert problems == [] and [(a.id, a.body_line) for a in articles] == [("n1", 41), ("n2", 81)]


# --- limits: an article too big, a gzip bomb, a file of endless problems ----------------------------

@pytest.mark.parametrize("name", ["big.md", "big.txt"])
def test_an_article_over_the_size_limit_is_reported_not_read(tmp_path, name):
    big = write(tmp_path / name, markdown("published: 2018-05-01", "word " * 300))
    small = write(tmp_path / "small.md", markdown("published: 2018-05-01"))
    articles, problems = read_articles([str(big), str(small)], limit=1000)
    assert [a.id for a in articles] == ["small"]
    assert [str(p) for p in problems] == [
        f"{big}: {big.stat().st_size:,} bytes, over the 1,000 bytes an article may have (--max-article-size): not read"]
    [article], problems = read_articles([str(big)], limit=big.stat().st_size)   # (the limit itself is allowed)
    assert problems == [] and article.id == "big"


def test_standard_input_is_read_no_further_than_the_limit():
    class Endless(io.RawIOBase):
        """Standard input that never ends (`yes | checker check -`): reading it all would never stop."""
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            buffer[:] = b"y" * len(buffer)
            return len(buffer)

    articles, problems = read_articles([reading.StandardInput(io.BufferedReader(Endless()), "stdin.txt")],
                                       limit=10_000)
    assert articles == [] and [str(p) for p in problems] == [
        "stdin.txt: over the 10,000 bytes an article may have (--max-article-size): not read"]


def test_a_gzip_bomb_is_one_problem_and_the_records_before_it_are_read(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    spaces = gzip.compress(b" " * 2**24)   # (16 MiB in 16 KiB)
    path.write_bytes(gzip.compress(json.dumps(RECORDS[0]).encode() + b"\n" + b'{"id": "bomb", "text": "')
                     + spaces * 8)   # (128 MiB of one line, never ended)
    articles, problems = read_articles([str(path)], limit=2**20)
    assert [a.id for a in articles] == ["n1"]
    assert [(p.line, p.message) for p in problems] == [
        (2, "a record over the 1 MB an article may have (--max-article-size): not read")]


def test_a_files_problems_beyond_a_hundred_are_counted_not_listed(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [RECORDS[0]] * 150 + ["not json"] * 20)
    articles, problems = read_articles([str(path)])
    assert [a.id for a in articles] == ["n1"]
    assert len(problems) == reading.MAX_PROBLEMS_PER_FILE + 1
    assert problems[0].message == f"article id 'n1' is already used by {path}"
    assert str(problems[-1]) == f"{path}: 69 more problems in this file not shown (the first 100 are)"


# --- outlets: the URL's host, not the dataset a corpus names in `source` ----------------------

DATASET = "Example-News-Dataset"

OUTLET_CASES = {
    "scheme": ({"url": "https://www.dailyreel.example/tv/ember-falls"}, "dailyreel.example"),
    "no-scheme": ({"url": "www.dailyreel.example/tv/ember-falls"}, "dailyreel.example"),
    "bare-host": ({"url": "screenledger.example/news/1"}, "screenledger.example"),
    "www-and-case": ({"url": "HTTPS://WWW.ScreenLedger.Example/x"}, "screenledger.example"),
    "port": ({"url": "http://www.dailyreel.example:8080/x"}, "dailyreel.example"),
    "credentials": ({"url": "https://editor:secret@www.dailyreel.example/x"}, "dailyreel.example"),
    "subdomain-kept": ({"url": "https://tv.dailyreel.example/x"}, "tv.dailyreel.example"),
    "archived-copy": ({"url": "https://web.archive.org/web/20180704231153/http://www.dailyreel.example:80/x"},
                      "dailyreel.example"),
    "bad-url": ({"url": "not a url"}, None),            # a URL is given: the dataset is no outlet
    "no-host": ({"url": "/news/ember-falls"}, None),
    "ip-address": ({"url": "http://192.0.2.7/x"}, None),
    "broken-ipv6": ({"url": "http://[::1/x"}, None),
    "no-url": ({}, DATASET),                              # nothing better than the source
    "empty-url": ({"url": "  "}, DATASET),
    "explicit-outlet": ({"outlet": "Daily Reel", "url": "https://www.screenledger.example/x"}, "Daily Reel"),
}


@pytest.mark.parametrize("fields, outlet", OUTLET_CASES.values(), ids=OUTLET_CASES.keys())
def test_jsonl_outlet_is_the_url_host(tmp_path, fields, outlet):
    record = {"id": "n1", "text": "A body.", "published": "2018-05-10", "source": DATASET, **fields}
    [article], problems = read_articles([str(write_jsonl(tmp_path / "c.jsonl", [record]))])
    assert problems == [] and article.outlet == outlet
    assert article.url == fields.get("url")


def test_markdown_outlet_stays_as_written(tmp_path):
    meta = "outlet: Daily Reel\nurl: https://www.screenledger.example/x\npublished: 2016"
    [article], _ = read_articles([str(write(tmp_path / "a.md", markdown(meta)))])
    assert article.outlet == "Daily Reel"
    [article], _ = read_articles([str(write(tmp_path / "b.md", markdown("url: https://www.screenledger.example/x")))])
    assert article.outlet is None


def test_findings_name_the_outlets_host_not_the_dataset(tmp_path):
    from checker import engine
    records = [{"id": "a", "text": "Netflix's Ember Falls will premiere on September 30, 2016, the streamer said.",
                "published": "2016-05-10", "url": "www.dailyreel.example/ember-falls", "source": DATASET},
               {"id": "b", "text": "Netflix's Ember Falls premieres on November 4, 2016, according to the announcement.",
                "published": "2016-06-14", "url": "https://www.screenledger.example/ember-falls", "source": DATASET}]
    report = engine.check([str(write_jsonl(tmp_path / "c.jsonl", records))])
    [conflict] = [f for f in report.findings if f.rule == "date-conflict"]
    assert "dailyreel.example (May 10, 2016)" in conflict.message
    assert "screenledger.example (June 14, 2016)" in conflict.message
    assert DATASET not in conflict.message


# --- paths, folders, globs, duplicates ------------------------------------------------------

def test_folder_is_searched_recursively_for_article_files(tmp_path):
    write(tmp_path / "a.md", markdown(None))
    write(tmp_path / "deeper" / "b.txt", BODY)
    write(tmp_path / "notes.pdf", "not an article suffix")
    articles, problems = read_articles([str(tmp_path)])
    assert problems == []
    assert sorted(a.id for a in articles) == ["a", "b"]


def test_glob(tmp_path):
    for name in ("one.md", "two.md", "three.txt"):
        write(tmp_path / name, BODY)
    articles, problems = read_articles([str(tmp_path / "*.md")])
    assert problems == []
    assert [a.id for a in articles] == ["one", "two"]


def test_recursive_glob(tmp_path):
    write(tmp_path / "x" / "y" / "deep.md", BODY)
    articles, _ = read_articles([str(tmp_path / "**" / "*.md")])
    assert [a.id for a in articles] == ["deep"]


@pytest.mark.parametrize("target, message", [
    ("*.nothing", "pattern matches no article files"),
    ("missing.md", "no such file or folder"),
    ("empty-folder", "folder holds no articles"),
])
def test_targets_that_name_nothing(tmp_path, target, message):
    (tmp_path / "empty-folder").mkdir()
    write(tmp_path / "ok.md", BODY)
    articles, problems = read_articles([str(tmp_path / target), str(tmp_path / "ok.md")])
    assert [a.id for a in articles] == ["ok"]
    assert [(p.path, p.message.startswith(message)) for p in problems] == [(str(tmp_path / target), True)]


def test_duplicate_ids_keep_the_first_and_name_both_files(tmp_path):
    first = write(tmp_path / "a.md", markdown(None, article_id="same-id"))
    second = write(tmp_path / "b.md", markdown(None, article_id="same-id", body="Other body.\n"))
    articles, problems = read_articles([str(first), str(second)])
    assert [(a.id, a.path) for a in articles] == [("same-id", str(first))]
    assert len(problems) == 1
    assert problems[0].path == str(second)
    assert "'same-id'" in problems[0].message and str(first) in problems[0].message


def test_duplicate_id_across_corpus_and_file(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", RECORDS)
    write(tmp_path / "n1.txt", BODY)
    articles, problems = read_articles([str(path), str(tmp_path / "n1.txt")])
    assert len(articles) == 3 and len(problems) == 1 and "'n1'" in problems[0].message


# --- the bad fixtures: one message each, naming the file --------------------------------------

BAD_FIXTURES = {
    "broken-front-matter.md": (3, "broken front matter: mapping values are not allowed here"),
    "invalid-date.md": (None, "invalid publication date '2016-13'"),
    "not-utf8.md": (2, "not UTF-8 text"),
    "binary.md": (None, "binary content"),
    "empty-body.md": (None, "empty body"),
    "unclosed-front-matter.md": (1, "front matter is not closed"),
}


def test_every_bad_fixture_has_a_case():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(BAD_FIXTURES)


@pytest.mark.parametrize("name", BAD_FIXTURES)
def test_bad_fixture_gives_one_problem_naming_the_file(name):
    line, message = BAD_FIXTURES[name]
    path = str(BAD / name)
    articles, problems = read_articles([path])
    assert articles == []
    assert [(p.path, p.line) for p in problems] == [(path, line)]
    assert problems[0].message.startswith(message)


def test_bad_fixtures_do_not_stop_the_good_ones():
    articles, problems = read_articles([str(BAD), str(GOOD)])
    assert sorted(a.id for a in articles) == ["example-2019-03-starlight-harbor-s2",
                                              "example-2019-07-copper-valley"]
    assert sorted(Path(p.path).name for p in problems) == sorted(BAD_FIXTURES)


# --- folders: links and unreadable sub-folders --------------------------------------------------

def test_a_link_back_up_the_tree_is_followed_once(tmp_path):
    root = tmp_path / "corpus"
    (root / "news").mkdir(parents=True)
    write(root / "news" / "a.md", markdown("published: 2016-05-01", article_id="a"))
    (root / "news" / "loop").symlink_to(root, target_is_directory=True)
    for target in (str(root), str(root / "**" / "*.md")):
        articles, problems = read_articles([target])
        assert [article.id for article in articles] == ["a"] and problems == [], target


def test_an_unreadable_sub_folder_is_a_problem_not_silence(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    (root / "locked").mkdir(parents=True)
    write(root / "a.md", markdown("published: 2016-05-01", article_id="a"))
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles, problems = read_articles([str(root)])
    assert [article.id for article in articles] == ["a"]
    assert [(p.path, p.message) for p in problems] == [(str(root / "locked"), "cannot read the folder (Permission denied)")]
