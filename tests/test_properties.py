"""Properties over generated input (Hypothesis): reading never raises on arbitrary bytes, in
any article format; extraction never raises on arbitrary text (long runs of one piece too:
tokens, lines and sentences without end) or publication dates at the calendar's ends;
`checker check` ends with status 0, 1 or 2 and no traceback, whatever the article. (A short
run here; `CHECKER_FUZZ_EXAMPLES=20000 pytest tests/test_properties.py` fuzzes for longer,
and `python -m tests.fuzz --minutes 10` for a time.)"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extract.pipeline import extract_corpus
from claims.extract.temporal import find_timexes
from claims.reading import ReadProblem, make_article, parse_published, read_articles

EXAMPLES = int(os.environ.get("CHECKER_FUZZ_EXAMPLES", "150"))
RUN = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# News-like words, so that generated text reaches triggers, titles and times, not only noise.
WORDS = st.sampled_from([
    "The", "Netflix", "series", "Harbor", "Lights", "will", "premiere", "premiered", "on", "in", "September",
    "30,", "2016", "season", "2", "next", "year", "last", "days", "ago", "99999999", "weeks", "from", "now",
    "filming", "wraps", "\"", "'", ".", ",", "shoots", "back-to-back", "before", "after", "Friday", "the", "film",
    "delayed", "to", "July", "2020", "0", "9999", "10000", "Feb.", "30", "\n", "\n\n", "#", "*", "—", "é"])
# One piece said again and again: a token, a line or a sentence that does not end.
REPEATED = st.builds(lambda pieces, times: "".join(pieces) * times,
                     st.lists(st.one_of(WORDS, st.sampled_from([" ", "-", "A", "a", "’", "“", "(", ":"])),
                              min_size=1, max_size=6),
                     st.integers(min_value=1, max_value=400))
TEXT = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=80).map(" ".join), REPEATED)
DATES = st.sampled_from(["2016-06-01", "0001-01-01", "9999-12-31", "2016", "2016-02", None])


@RUN
@given(TEXT, DATES)
def test_extraction_never_raises(body, published):
    if not body.strip():
        return
    find_timexes(body, parse_published(published))
    lead = make_article("lead", "The Netflix series Harbor Lights premieres in 2016.", "lead.md", published=published)
    extract_corpus([lead, make_article("any", body, "any.md", published=published)])


@RUN
@given(st.binary(max_size=600), st.sampled_from([".md", ".txt", ".jsonl", ".jsonl.gz"]))
def test_reading_never_raises_on_any_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        articles, problems = read_articles([str(path)], published="2016-06-01")
        assert all(isinstance(problem, ReadProblem) for problem in problems)


FRONT_MATTER_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.dates().map(str)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)


@RUN
@given(st.dictionaries(st.sampled_from(["id", "title", "outlet", "published", "date", "url", "author", "x"]),
                       FRONT_MATTER_VALUES, max_size=6))
def test_reading_never_raises_on_any_front_matter(meta):
    import yaml
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.md"
        path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\nThe film opens in May.\n",
                        encoding="utf-8")
        read_articles([str(path)])


@RUN
@given(st.one_of(TEXT, st.binary(max_size=400).map(lambda data: data.decode("latin-1"))),
       st.sampled_from([".md", ".txt", ".jsonl"]), st.sampled_from(["check", "extract"]))
def test_check_ends_with_a_status_never_a_traceback(body, suffix, command):
    from click.testing import CliRunner

    from checker.cli import main

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        text = json.dumps({"id": "x", "text": body}) if suffix == ".jsonl" and len(body) % 2 else body
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        store = ["--no-store"] if command == "check" else []
        result = CliRunner().invoke(main, [command, str(path), *store, "--published", "2016-06-01",
                                           "--max-article-size", "2KB", "--format", "json", "-q"])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert result.exit_code in (0, 1, 2)
        assert "Traceback" not in result.output + result.stderr
