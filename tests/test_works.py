"""Title finding against tests/cases/works.yaml: which works a short text teaches, and where.

Works are learned from the texts themselves (works.learn_works), so each row gives its
titles a cue; `not_works` lists names the learner must pass over.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from claims.extract import boilerplate, registry, works
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


# --- the quick tests before a name's cues (registry.CUES_AFTER, CUES_BEFORE) ---------------

def case_texts() -> list[str]:
    return [text for case in CASES for text in case.get("texts") or [case["text"]]]


def windows() -> list[tuple[str, str]]:
    """(before, after) around every capitalized word of the works table's texts, as the
    registry reads them, and a few written for the cues the table may lack."""
    found = [(text[max(0, m.start() - 80):m.start()], text[m.end():m.end() + 80])
             for text in case_texts() for m in re.finditer(r"[A-Z][\w'’]*", text)]
    return found + [
        ("the HBO drama ", ", 34, was seen"), ("season 2 of ", " premieres on Netflix"),
        ("Photo: ", " 12"), ("starring ", " is set for a June 5 release"), ("(", "/Getty Images)"),
        ("the ", "'s mother told"), ("on ", ", the streaming service"), ("", " Season Three"),
        ("‘", "’ hits theaters"), ("reported by ", " magazine"), ("in ", ", Calif."),
    ]


def test_one_test_of_the_cues_after_a_name_matches_where_one_of_them_does():
    info = registry.knowledge()
    for _, after in windows():
        expected = any(info[name].match(after) for name in registry.CUES_AFTER)
        assert (info["any_after"].match(after) is not None) == expected, after


def test_the_probe_before_a_name_holds_wherever_a_cue_may_end_there():
    info = registry.knowledge()
    probe = info["any_before"]
    ending = 0
    for before, _ in windows():
        tail = registry.last_words(before)
        if any(info[name].search(before, tail) for name in registry.CUES_BEFORE):
            ending += 1
            assert probe.may_end(tail), before
    assert ending >= 10  # (the test reads real endings, not only misses)
    assert not probe.may_end(registry.last_words("He said that"))


def test_patterns_joined_keep_each_ones_case():
    joined = registry.any_of([re.compile(r"abc", re.IGNORECASE), re.compile(r"Xyz"),
                              re.compile(r"(?P<noun>show)"), re.compile(r"(?P<noun>film)")])
    assert [bool(joined.match(text)) for text in ("ABC", "Xyz", "xyz", "film", "shows", "sho")] == \
        [True, True, False, True, True, False]


@pytest.mark.parametrize("text, headline", [
    ("Marvel's Luke Cage Season Two Premiere Date Revealed", True),
    ("Luke Cage returns to Netflix on June 22 with its second season", False),
    ("Netflix Renews Show", True),                 # three long words, all capitalized
    ("Netflix Renews", False),                     # too few words to tell
    ("The Crown Is Back for Season 3 on Netflix, with a new Queen", False),   # 7 of 9: under 0.9
])
def test_a_headline_is_told_by_its_capitalized_words(text, headline):
    registry.titles_case.cache_clear()
    assert registry.titles_case(text) is headline


def test_every_bare_season_phrase_holds_a_season_word():
    phrases = ["season two", "the second season", "its third run", "seasons 1 and 2", "series one, two and three",
               "the first two seasons", "its fifth and sixth seasons", "the fourth series", "a third-season renewal"]
    for phrase in phrases:
        assert works.bare_seasons(phrase, 0), phrase
        assert works.SEASON_WORD.search(phrase)
    for text in case_texts():
        for match in works.bare_season_pattern().finditer(text):
            assert works.SEASON_WORD.search(match.group()), match.group()


# --- the lexicon's indexes: the same answers as a walk over every person or franchise -----------

PERSONS = {"Jane Doe": "Jane Doe", "Doe": "Jane Doe", "Ana Ruiz-Park": "Ana Ruiz-Park", "Tom O'Neil": "Tom O'Neil",
           "Jan Doe": "Jan Doe", "Ruiz-Park": "Ana Ruiz-Park"}


@pytest.mark.parametrize("text", [
    "Jane Doe said", "xJane Doex", "Doe said", "jane doe said", "Ana Ruiz-Parker", "Ana Ruiz",
    "Tom O'Neil", "Tom O’Neil", "Jan Doe and Jane Doe", "", "Jane  Doe",
])
def test_names_a_person_is_any_full_name_written_in_the_text(text):
    lexicon_ = works.WorkLexicon(persons=dict(PERSONS))
    assert lexicon_.names_a_person(text) is any(name in text for name in PERSONS if " " in name)


def test_names_a_person_knows_the_names_added_after_it_was_first_asked():
    lexicon_ = works.WorkLexicon()
    assert not lexicon_.names_a_person("Jane Doe said")
    lexicon_.persons["Jane Doe"] = "Jane Doe"
    assert lexicon_.names_a_person("Jane Doe said")


def test_franchises_of_gives_an_entrys_franchises_in_the_registrys_order():
    learned = registry.Registry(franchises={"copper valley": ["copper valley 2", "copper valley 3"],
                                            "harbor": ["harbor 2"], "valley": ["copper valley 3", "valley 2"]})
    lexicon_ = works.WorkLexicon(registry=learned)
    assert lexicon_.franchises_of("copper valley 3") == ["copper valley", "valley"]
    assert lexicon_.franchises_of("harbor 2") == ["harbor"]
    assert lexicon_.franchises_of("harbor") == [] and lexicon_.franchises_of(None) == []
    learned.franchises["ember"] = ["harbor 2"]
    learned.rejected.update({key: registry.Rejected(key, key.title(), registry.FRANCHISE, 0, [])
                             for key in learned.franchises})
    works.index_works(lexicon_)   # (a registry indexed again is asked again)
    assert lexicon_.franchises_of("harbor 2") == ["harbor", "ember"]


@pytest.mark.parametrize("text, quoted", [
    ("The Netflix series “Love” returns in March.", True),
    ("The Netflix series “Love,” its third season, returns.", True),
    ("Watch *Love* tonight.", True),
    ("'Love you all,' she wrote.", False),
    ("“You gotta make some noise now,” he added.", False),
    ("“You know, I was nervous,” Pratt said.", False),
    ("Love returns in March.", False),
])
def test_a_common_word_title_is_marked_by_quotes_only_when_they_close_around_it(text, quoted):
    word = re.search(r"Love|You", text)
    assert works.quoted_alone(text, word.start(), word.end()) is quoted


@pytest.mark.parametrize("reads, title, text, expected", [
    (works.reads_as_place, "Atlanta", "She visited her husband in Atlanta, where he was filming.", True),
    (works.reads_as_place, "Atlanta", "He flew to Atlanta, Georgia in April.", True),
    (works.reads_as_place, "Atlanta", "The shoot moved to the Atlanta area.", True),
    (works.reads_as_place, "Atlanta", "Jane Doe starred in Atlanta before it premiered.", False),
    (works.reads_as_place, "Atlanta", "Atlanta, Donald Glover's comedy, returns on March 1.", False),
    (works.reads_as_place, "Atlanta", "The FX comedy Atlanta returns in March.", False),
    (works.reads_as_person, "Ellen", "Ellen and Portia were spotted together.", True),
    (works.reads_as_person, "Ellen", "She told Ellen she is due in June.", True),
    (works.reads_as_person, "Ellen", "Talk show host Ellen said she was thrilled.", True),
    (works.reads_as_person, "Ellen", "The episode premiered on Ellen on Monday.", False),
    (works.reads_as_person, "Ellen", "Ellen returns for season 16 in September.", False),
], ids=lambda value: getattr(value, "__name__", None))
def test_a_title_that_is_a_city_or_a_given_name_reads_as_one_by_its_cues(reads, title, text, expected):
    start = text.index(title)
    assert reads(text, start, start + len(title)) is expected


def test_which_titles_may_be_a_city_or_a_person():
    assert works.place_title("Atlanta") and not works.place_title("Ellen")
    assert works.person_title("Ellen") and not works.person_title("Atlanta") and not works.person_title("Ellen Page")
