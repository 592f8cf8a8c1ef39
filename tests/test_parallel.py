"""Extraction in worker processes: the same claims, registry and findings as in one process."""
from __future__ import annotations

import json
import pickle
import sys
from array import array
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.engine import find_conflicts
from claims import article_ids
from claims.extract import aliases, events, parallel, registry, spellings
from claims.extract.pipeline import Documents, extract_corpus, learn, sentences_of
from claims.extract.works import fold_title
from claims.names import Spelling
from claims.reading import make_article, read_articles

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests/fixtures/articles"
# The seeds and most fixture articles (rule fixtures that reuse another's id left out).
CORPUS = [str(ROOT / "articles"), *(str(FIXTURES / "rules" / name) for name in
                                    ("date-conflict", "mixed-tense", "order-conflict/flag", "tense-drift",
                                     "name-variant/title")),
          *(str(FIXTURES / name) for name in ("works", "good", "ci/corpus", "extract", "review"))]


@pytest.fixture
def small_batches(monkeypatch):
    """Worker processes even for a corpus of a few dozen articles."""
    monkeypatch.setattr(parallel, "MIN_ITEMS", 4)


@pytest.mark.parametrize("count, parts, expected", [
    (10, 3, [(0, 3), (3, 6), (6, 10)]),
    (2, 4, [(0, 1), (1, 2)]),            # fewer items than parts: no empty range
    (0, 3, []),
    (5, 1, [(0, 5)])])
def test_ranges_cover_the_items_in_order(count, parts, expected):
    assert parallel.ranges(count, parts) == expected


@pytest.mark.parametrize("jobs, items, expected", [
    (1, 10_000, 1),        # asked for one
    (4, 80, 1),            # too few articles to be worth a worker
    (2, 10_000, 2),
    (8, 150, 3)])          # no more workers than batches of MIN_ITEMS / 2
def test_workers_for(jobs, items, expected, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 100)
    assert parallel.workers_for(jobs, items) == expected


def test_map_ranges_keeps_the_order_of_the_batches(small_batches):
    found = list(parallel.map_ranges(lambda shared, start, stop: shared[start:stop], 40, 2, list(range(40))))
    assert len(found) > 1 and [n for batch in found for n in batch] == list(range(40))


def test_map_ranges_hands_each_result_over_before_the_next_batch_runs(monkeypatch):
    """(In this process: the caller sums a batch into what it keeps before the next is made,
    so the batches' results are never all held at once.)"""
    monkeypatch.setattr(parallel, "MAX_BATCH", 5)
    started = []
    results = parallel.map_ranges(lambda shared, start, stop: started.append(start) or start, 20, 1, None)
    assert started == [] and next(results) == 0 and started == [0]
    assert next(results) == 5 and started == [0, 5] and list(results) == [10, 15]


def registry_state(lexicon) -> str:
    learned = lexicon.registry
    return repr((list(learned.works.items()), list(learned.rejected.items()), learned.franchises,
                 learned.lower_counts, sorted(lexicon.persons.items())))


def test_two_workers_give_the_claims_and_registry_of_one(small_batches):
    articles, problems = read_articles(CORPUS)
    assert not problems and len(articles) > 30
    one, two = extract_corpus(articles, jobs=1), extract_corpus(articles, jobs=2)
    assert parallel.workers_for(2, len(articles)) == 2
    assert one.claims and [c.model_dump() for c in two.claims] == [c.model_dump() for c in one.claims]
    assert two.dropped == one.dropped
    assert registry_state(two.lexicon) == registry_state(one.lexicon)


def test_check_json_is_the_same_with_any_number_of_jobs(small_batches):
    outputs = []
    for jobs in ("1", "2", "3"):
        result = CliRunner().invoke(main, ["check", *CORPUS, "--format", "json", "--no-store",
                                           "--fail-on", "never", "--jobs", jobs])
        assert result.exit_code == 0, result.output
        outputs.append(json.loads(result.stdout))
    assert outputs[0]["findings"] and outputs[1] == outputs[0] and outputs[2] == outputs[0]


def test_sentences_split_batch_by_batch_teach_what_sentences_split_up_front_teach(small_batches):
    """Learning splits each batch's articles when it reads them (no corpus's sentences held
    at once) and keeps only the sentences that may state another title, with headlines:
    the same works, renames included, as from every sentence split beforehand."""
    articles, _ = read_articles(CORPUS)
    articles += [make_article("rename-a", "Harbor Run 2 Wraps\n\nThe film Harbor Run 2 wrapped filming in March.",
                              "rename-a.md", published="2016-05"),
                 make_article("rename-b", "Harbor Run News\n\nHarbor Run 2, now titled Harbor Run: Deep Water, "
                              "opens in May. The film Harbor Run: Deep Water stars Jane Doe.", "rename-b.md",
                              published="2016-05")]
    texts = {article.id: sentences_of(article) for article in articles}
    up_front = learn(articles, texts)
    assert up_front.key_of("Harbor Run 2") == up_front.key_of("Harbor Run: Deep Water") is not None
    for jobs in (1, 2):
        assert registry_state(learn(articles, None, jobs=jobs)) == registry_state(up_front)
    kept = registry.tally_documents(Documents(articles)[-2:], events.work_cue_matcher(), fold_title,
                                    aliases.may_state_a_title).kept
    assert [(article, [text for _, _, text, _ in sentences]) for article, sentences in kept] == [
        ("rename-b", ["Harbor Run News", "Harbor Run 2, now titled Harbor Run: Deep Water, opens in May."])]


def test_jobs_must_be_a_positive_number():
    result = CliRunner().invoke(main, ["check", CORPUS[0], "--jobs", "0"])
    assert result.exit_code == 2 and "--jobs" in result.output


def test_sides_of_a_pair_met_before_the_pair_go_to_a_pair_an_earlier_batch_saw():
    earlier, later = registry.Tallies(), registry.Tallies()
    earlier.by_name["copper valley and paper saints"].occurrences = 1
    later.early_splits["copper valley and paper saints"].update({"copper valley", "paper saints"})
    later.early_splits["never seen"].add("one side")
    later.by_name["copper valley"].occurrences = 2
    earlier.merge(later)
    assert earlier.by_name["copper valley and paper saints"].splits == {"copper valley", "paper saints"}
    assert earlier.early_splits == {"never seen": {"one side"}}
    assert list(earlier.by_name) == ["copper valley and paper saints", "copper valley"]


def test_a_merged_tally_sums_counts_and_keeps_the_first_example():
    first, second = registry.Tally(), registry.Tally()
    first.own("cues")["season"] += 1
    first.own("examples")["season"] = "first"
    first.work, first.articles = 2.0, array("I", [0])
    first.forms.update({"The Copper Valley": 1})
    second.forms.update({"Copper Valley": 2, "The Copper Valley": 1})
    second.own("against").update({registry.PERSON: 1.5})
    second.own("cues").update({"season": 2, "quoted": 1})
    second.own("examples").update({"season": "second", "quoted": "quoted"})
    second.work, second.articles = 3.5, array("I", [7])
    first.add(second)
    assert first.cues == {"season": 3, "quoted": 1} and list(first.cues) == ["season", "quoted"]
    assert first.examples == {"season": "first", "quoted": "quoted"}
    assert first.work == 5.5 and list(first.articles) == [0, 7]
    assert first.forms == {"The Copper Valley": 2, "Copper Valley": 2} and list(first.forms)[0] == "The Copper Valley"
    assert first.against == {registry.PERSON: 1.5}


def test_jobs_in_the_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "checker.toml").write_text("jobs = 0\n")
    result = CliRunner().invoke(main, ["check", CORPUS[0], "--no-store"])
    assert result.exit_code == 2 and "checker.toml: jobs:" in result.output
    (tmp_path / "checker.toml").write_text("jobs = 2\n")
    result = CliRunner().invoke(main, ["check", CORPUS[0], "--no-store", "--fail-on", "never"])
    assert result.exit_code == 0, result.output


# --- a Dask cluster (dask.distributed, the `dask` extra) ------------------------------------

@pytest.fixture(scope="module")
def dask_scheduler():
    """A cluster of two worker processes on this machine; its scheduler's address."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address
        parallel.close_clients()


def test_a_dask_cluster_gives_the_claims_and_registry_of_one_process(dask_scheduler):
    articles, problems = read_articles(CORPUS)
    assert not problems
    one = extract_corpus(articles, jobs=1)
    told = []
    on_cluster = extract_corpus(articles, jobs=parallel.DaskCluster(dask_scheduler),
                                progress=lambda step, done, total: told.append((step, done, total)))
    assert one.claims and [c.model_dump() for c in on_cluster.claims] == [c.model_dump() for c in one.claims]
    count = len(articles)
    learned = [done for step, done, _ in told if step == "learning works"]
    assert len(learned) > 1 and learned == sorted(learned) and learned[-1] == count   # (batch by batch)
    assert ("reading claims", count, count) in told
    assert on_cluster.dropped == one.dropped
    assert registry_state(on_cluster.lexicon) == registry_state(one.lexicon)


def test_check_json_on_a_dask_cluster_is_that_of_one_process(dask_scheduler, tmp_path, monkeypatch):
    def check(*options: str) -> dict:
        result = CliRunner().invoke(main, ["check", *CORPUS, "--format", "json", "--no-store",
                                           "--fail-on", "never", *options])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    one = check("--jobs", "1")
    assert one["findings"] and check("--dask", dask_scheduler) == one
    monkeypatch.chdir(tmp_path)
    (tmp_path / "checker.toml").write_text(f'dask = "{dask_scheduler}"\n')   # the configuration's entry
    assert check() == one


def test_a_scheduler_that_does_not_answer_is_one_error_line(monkeypatch):
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(main, ["check", CORPUS[0], "--no-store", "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert isinstance(result.exception, SystemExit)   # (one line, no other exception)


def test_without_dask_installed_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)   # (import distributed fails)
    result = CliRunner().invoke(main, ["extract", CORPUS[0], "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2 and "pip install 'checker[dask]'" in result.stderr


def test_jobs_and_dask_together_are_a_usage_error():
    result = CliRunner().invoke(main, ["check", CORPUS[0], "--no-store", "--jobs", "2", "--dask", "tcp://x:8786"])
    assert result.exit_code == 2 and "give one of them" in result.output


def spelling_table(found: dict) -> list:
    return [(text, s.count, list(s.articles.items())) for text, s in found.items()]


def test_spellings_collected_in_batches_are_those_of_one_pass_over_the_bodies(small_batches):
    articles, _ = read_articles(CORPUS)
    extraction = extract_corpus(articles, jobs=2, with_spellings=True)
    assert extract_corpus(articles, jobs=2).spellings is None   # (only when asked for)
    one_pass = spellings.collect(articles, spellings.title_pattern(extraction.lexicon.titles.values()))
    assert spelling_table(extraction.spellings.resolved()) == spelling_table(one_pass.resolved())
    assert extraction.spellings.lower == one_pass.lower and one_pass.titles   # (titles found too)


def test_name_variant_finds_the_same_from_extraction_as_from_the_bodies():
    articles, _ = read_articles(CORPUS)
    extraction = extract_corpus(articles, jobs=1, with_spellings=True)
    from_extraction = find_conflicts(extraction.claims, articles, extraction.lexicon, spellings=extraction.spellings)
    from_bodies = find_conflicts(extraction.claims, articles, extraction.lexicon)
    variants = [f for f in from_bodies if f.rule == "name-variant"]
    assert variants and from_extraction == from_bodies


def test_a_tally_writes_only_to_containers_of_its_own():
    first, second = registry.Tally(), registry.Tally()
    with pytest.raises(TypeError, match="Tally.own"):
        first.cues["season"] += 1          # (the empty field all tallies share is read-only)
    with pytest.raises(TypeError):
        first.examples["season"] = "x"
    first.own("cues")["season"] += 1
    first.own("splits").add("one side")
    assert first.cues == {"season": 1} and first.splits == {"one side"}
    assert second.cues == {} and second.splits == frozenset() and second.cues["season"] == 0


def test_article_numbers_are_one_per_id_across_threads():
    """Spellings and the spool keep article numbers from one process-wide table: threads that
    meet the same new ids at once still get one number for each id, and each number gives its
    id back."""
    from concurrent.futures import ThreadPoolExecutor
    ids = [f"thread-test-{number}" for number in range(2000)]
    with ThreadPoolExecutor(4) as pool:
        rounds = list(pool.map(lambda offset: [article_ids.number(i) for i in ids[offset:] + ids[:offset]],
                               [0, 500, 1000, 1500]))
    numbers = {article: article_ids.number(article) for article in ids}
    assert len(set(numbers.values())) == len(ids)
    assert all(article_ids.IDS[number] == article and article_ids.known(article) == number
               for article, number in numbers.items())
    assert article_ids.known("thread-test-never-numbered") is None
    for offset, got in zip([0, 500, 1000, 1500], rounds):
        assert got == [numbers[i] for i in ids[offset:] + ids[:offset]]


# Uses of one spelling, read article by article: (article, offset), an article's uses together.
article_uses = st.lists(st.tuples(st.sampled_from("abcdef"), st.lists(st.integers(0, 2**32 - 1), min_size=1)),
                        unique_by=lambda use: use[0], max_size=6)


@given(article_uses, article_uses)
@settings(max_examples=200, deadline=None)
def test_a_spelling_keeps_each_articles_first_offset_as_a_dict_would(first, later):
    """The packed Spelling (article numbers and offsets as variable-length integers) against
    the dict it stands for."""
    def built(uses: list) -> tuple[Spelling, dict]:
        spelling, oracle = Spelling("Krysten Ritter"), {}
        for article, offsets in uses:
            for offset in offsets:
                spelling.first_use(article, offset)
                spelling.count += 1
                oracle.setdefault(article, offset)
        return spelling, oracle
    mine, expected = built(first)
    theirs, their_expected = built(later)
    assert mine.articles == expected and list(mine.articles) == list(expected)
    assert mine.article_count == len(expected) and mine.writes_any({"a", "b"}) == bool({"a", "b"} & set(expected))
    assert pickle.loads(pickle.dumps(mine)) == mine
    twin = mine.copy()
    twin.add(theirs)     # (articles read earlier keep their first offset; the others follow in order)
    merged = dict(expected)
    for article, offset in their_expected.items():
        merged.setdefault(article, offset)
    assert list(twin.articles.items()) == list(merged.items())
    assert twin.count == mine.count + theirs.count and mine.articles == expected   # (the copy is its own)
    # Batches of one corpus hold other articles: appending gives what the set-checked add gives.
    other_batch, _ = built([(article.upper(), offsets) for article, offsets in later])
    appended, added = mine.copy(), mine.copy()
    appended.extend(other_batch)
    added.add(other_batch)
    assert appended == added and list(appended.articles) == list(added.articles)
    third_batch, third = built([(article * 2, offsets) for article, offsets in first])
    appended.extend(third_batch)   # (a third batch after the second: each one's first use re-based)
    assert list(appended.articles.items()) == list({**added.articles, **third}.items())
    assert pickle.loads(pickle.dumps(appended)) == appended and appended.article_count == len(appended.articles)
