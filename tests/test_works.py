"""Title finding against tests/cases/works.yaml: which works a short text teaches, and where.

Works are learned from the texts themselves (works.learn_works), so each row gives its
titles a cue; `not_works` lists names the learner must pass over.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claims.extract import boilerplate, registry
from claims.extract.pipeline import learn
from claims.extract.registry import REASONS, WorkConfig
from claims.extract.sentences import split_sentences
from claims.extract.works import find_mentions, fold_title
from claims.reading import make_article

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "works.yaml").read_text(encoding="utf-8"))
HEADLINE = "Entertainment Roundup"
OUTLET = "Example Screen News"


def lexicon_of(case: dict):
    """The lexicon the pipeline learns from the row's text (or its `texts`, one article each)."""
    headline = case.get("headline", HEADLINE)
    articles = []
    for index, text in enumerate(case.get("texts") or [case["text"]]):
        body = f"{headline}\n\n{text}"
        articles.append(make_article(f"case-{case['name']}-{index}", body, f"{case['name']}-{index}.md",
                                     published="2016-05", title=headline, outlet=OUTLET))
    texts = {a.id: split_sentences(a.body, boilerplate.skipped_lines(a)) for a in articles}
    config = case.get("config") or {}
    lexicon = learn(articles, texts, WorkConfig(aliases=config.get("aliases", {}),
                                                not_works=config.get("not_works", [])))
    return lexicon, articles[0].body, texts[articles[0].id]


def params():
    return [pytest.param(case, id=case["name"],
                         marks=[pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else [])
            for case in CASES]


def test_case_names_unique():
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("case", params())
def test_works(case):
    lexicon, body, sentences = lexicon_of(case)
    learned = set(lexicon.titles)
    wanted = {fold_title(title) for title in case.get("works", [])}
    assert wanted <= learned, f"missing {wanted - learned}; learned {sorted(learned)}"
    if case.get("exact"):
        assert learned == wanted, f"also learned {sorted(learned - wanted)}"
    for name in case.get("not_works", []):
        assert fold_title(str(name)) not in learned, f"{name!r} learned as a work: {sorted(learned)}"
    for key, title in case.get("display", {}).items():
        assert lexicon.display(key) == title
    for name, reason in case.get("rejected", {}).items():
        assert reason in REASONS, f"unknown reason {reason!r}"
        rejected = lexicon.registry.rejected.get(fold_title(name))
        assert rejected is not None, f"{name!r} not among the rejected: {sorted(lexicon.registry.rejected)}"
        assert rejected.reason == reason, f"{name!r}: {rejected.reason!r}, not {reason!r}"
    for title, kind in case.get("kind", {}).items():
        assert lexicon.registry.works[fold_title(title)].kind == kind
    for title, aliases in case.get("aliases", {}).items():
        assert set(aliases) <= set(lexicon.registry.works[fold_title(title)].aliases)
    if "mentions" in case:
        body_sentences = [s for s in sentences if not s.headline]
        found = [(m.work, m.season) for s in body_sentences
                 for m in find_mentions(s.text, s.start, lexicon)]
        assert found == [(fold_title(w), season) for w, season in case["mentions"]], found
        for s in body_sentences:
            for mention in find_mentions(s.text, s.start, lexicon):
                assert s.start <= mention.start < mention.end <= s.end


@pytest.mark.parametrize("film, series, overlap", [
    (["film", "big screen"], ["show", "small screen"], False),   # a shared word, never at one place
    (["box office"], ["office hours"], True),                    # "box office hours"
    (["tv movie"], ["movie"], True),                             # one inside the other
    (["big"], ["big screen"], True),                             # both start at "big"
])
def test_film_and_series_words_are_found_in_one_scan_only_while_they_cannot_overlap(film, series, overlap):
    if overlap:
        with pytest.raises(ValueError, match="may overlap"):
            registry.kind_words(film, series)
        return
    found = [(m.lastgroup, m.group()) for m in registry.kind_words(film, series).finditer(
        "A film for the big screen, a show for the small screen; Films and shows.")]
    assert found == [("film", "film"), ("film", "big screen"), ("series", "show"), ("series", "small screen")]
