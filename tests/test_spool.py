"""The article spool: a corpus's articles in a temporary file, read back as the list they replace."""
from __future__ import annotations

import errno
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import engine
from checker.cli import main
from claims import spool as spool_module
from claims.extract import parallel
from claims.extract.pipeline import extract_corpus
from claims.reading import make_article, read_articles
from claims.spool import ArticleSpool, SpoolError

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests/fixtures/articles"
CORPUS = [str(ROOT / "articles"), *(str(FIXTURES / name) for name in ("works", "good", "ci/corpus", "extract"))]


def spool_of(articles) -> ArticleSpool:
    spool = ArticleSpool()
    for article in articles:
        spool.append(article)
    return spool


@pytest.fixture
def articles():
    return [make_article(f"a{n}", f"Body {n} \u2014 caf\u00e9 \U0001f3ac.\n" * (n + 1), f"a{n}.md",
                         published="2016-05-01", outlet="Outlet" if n % 2 else None) for n in range(600)]


def test_the_spool_reads_back_the_articles_as_a_list_would(articles):
    spool = spool_of(articles)
    assert len(spool) == len(articles)
    assert list(spool) == articles                      # in order, across read-ahead blocks
    assert spool[0] == articles[0] and spool[-1] == articles[-1] and spool[257] == articles[257]
    assert spool[10:20] == articles[10:20] and spool[598:900] == articles[598:] and spool[5:5] == []
    assert spool[::250] == articles[::250]
    with pytest.raises(IndexError):
        spool[600]


def test_a_spool_finds_only_its_own_articles_by_id(articles):
    """The spool keeps numbers from the process's table of ids: an id another spool numbered
    is not this one's; an id appended again is listed once and reads as the later article."""
    other = spool_of([make_article("only-elsewhere", "Elsewhere.", "e.md"), *articles[:5]])
    spool = spool_of(articles[3:8])
    again = make_article("a5", "The later a5.", "a5.md")
    spool.append(again)
    assert "only-elsewhere" not in spool.by_id and spool.position("only-elsewhere") is None
    assert "a0" not in spool.by_id and other.by_id["a0"] == articles[0]
    assert list(spool.by_id) == ["a3", "a4", "a5", "a6", "a7"] and len(spool) == 6
    assert spool.by_id["a5"] == again and spool[2] == articles[5] and other.by_id["a4"] == articles[4]


def test_appends_after_a_read_are_read_back_too(articles):
    spool = spool_of(articles[:3])
    assert spool[2] == articles[2]
    spool.append(articles[3])
    assert spool[3] == articles[3] and list(spool) == articles[:4]


def test_articles_by_id_are_read_when_asked_for(articles):
    spool = spool_of(articles)
    by_id = spool.by_id
    assert by_id["a7"] == articles[7] and by_id.get("nope") is None
    assert "a599" in by_id and "nope" not in by_id and 7 not in by_id
    assert list(by_id) == [article.id for article in articles] and len(by_id) == 600
    with pytest.raises(KeyError):
        by_id["nope"]
    other = make_article("stored", "A stored body.", "stored.md")
    again = make_article("a1", "The stored copy of a1.", "a1.md")
    with_stored = spool.by_id_with({"stored": other, "a1": again})
    # The spool's own articles come first, as in the dict of both it replaces.
    assert with_stored["stored"] == other and with_stored["a1"] == articles[1]
    assert len(with_stored) == 601 and list(with_stored)[-1] == "stored"


def test_a_spool_sent_to_another_machine_travels_as_its_list(articles):
    assert pickle.loads(pickle.dumps(spool_of(articles[:5]))) == articles[:5]


def test_worker_processes_read_their_batches_from_the_spool(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 4)
    articles, problems = read_articles(CORPUS)
    assert not problems and len(articles) > 8
    spooled = extract_corpus(spool_of(articles), jobs=2)
    listed = extract_corpus(articles, jobs=1)
    assert spooled.claims and [c.model_dump() for c in spooled.claims] == [c.model_dump() for c in listed.claims]


def test_batches_hold_at_most_max_batch_items(monkeypatch):
    monkeypatch.setattr(parallel, "MAX_BATCH", 7)
    sizes = list(parallel.map_ranges(lambda shared, start, stop: stop - start, 50, 1, None))
    assert sum(sizes) == 50 and max(sizes) <= 7
    assert list(parallel.map_ranges(lambda shared, start, stop: stop - start, 0, 1, None)) == []


def test_a_check_reads_its_corpus_into_a_spool():
    report = engine.check(CORPUS)
    assert isinstance(report.articles, ArticleSpool)
    articles, _ = read_articles(CORPUS)
    assert list(report.articles) == articles
    cited = {article for finding in report.findings for article in finding.articles}
    assert cited and all(report.article_by_id[article].id == article for article in cited)


def test_a_spool_that_cannot_be_written_says_where_and_what_to_do(tmp_path):
    with pytest.raises(SpoolError, match=f"temporary file in {tmp_path / 'missing'} .*TMPDIR"):
        ArticleSpool(str(tmp_path / "missing"))


def test_the_cli_reports_a_full_temporary_folder_in_one_line(monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(spool_module.tempfile, "TemporaryFile", full)
    result = CliRunner().invoke(main, ["check", str(ROOT / "articles"), "--no-store", "-q"])
    assert result.exit_code == 2
    assert "cannot keep the articles in a temporary file" in result.stderr
    assert "No space left on device" in result.stderr and "TMPDIR" in result.stderr
