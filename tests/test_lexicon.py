"""Phrase patterns (claims/extract/lexicon.py): the tries that stand for long word lists must
find what a plain longest-first alternation of the same words finds."""
from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extract import boilerplate, lexicon

NAMES = ["Jane Doe", "Jane", "Jane Doe-Smith", "Tom O'Neil", "Tom O’Neil", "Ana Ruiz", "Ana", "Doe", "J.J. Park"]


def longest_first(words: list[str]) -> re.Pattern:
    return re.compile(rf"(?<![\w'’])(?:{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})(?![\w'’])")


def literal(words: list[str]) -> re.Pattern:
    return re.compile(rf"(?<![\w'’])(?:{lexicon.literal_alternation(words)})(?![\w'’])")


@pytest.mark.parametrize("text, found", [
    ("Jane Doe-Smith said", ["Jane Doe-Smith"]),        # the longest name that fits
    ("Jane Doe said", ["Jane Doe"]),
    ("Jane Doering said", ["Jane"]),                    # "Jane Doe" does not end there
    ("Tom O’Neil and Tom O'Neil", ["Tom O’Neil", "Tom O'Neil"]),  # apostrophes as written
    ("jane doe and ANA", []),                           # case as written
    ("Janet, Ana and J.J. Park", ["Ana", "J.J. Park"]),
    ("Jane  Doe", ["Jane", "Doe"]),                     # spaces as written
])
def test_literal_alternation_finds_the_longest_word_as_written(text, found):
    assert [m.group() for m in literal(NAMES).finditer(text)] == found


def test_literal_alternation_matches_a_longest_first_alternation():
    rng = random.Random(7)
    letters = "abAB .'’-"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 6))).strip() for _ in range(200)]
    words = [w for w in words if w]
    texts = ["".join(rng.choice(letters + "xy,") for _ in range(80)) for _ in range(200)]
    trie, plain = literal(words), longest_first(words)
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize("entry", lexicon.load("boilerplate")["caption"], ids=lambda entry: entry["needs"])
def test_every_caption_pattern_needs_what_its_entry_says(entry):
    """A sentence is searched with a caption pattern only where its `needs` finds something:
    no text the pattern matches may lack it."""
    needs = re.compile(entry["needs"], re.IGNORECASE)

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(re.compile(entry["pattern"], re.IGNORECASE), fullmatch=True))
    def holds(text):
        assert needs.search(text), text
    holds()


@pytest.mark.parametrize("text, caption", [
    ("Jane Doe attends the premiere (Photo by John Roe/Getty Images)", True),
    ("Jane Roe/REX/Shutterstock Jane Doe at the gala", True),
    ("JANE DOE, JOHN ROE, ANA RUIZ - Iconic comedy series", True),
    ("The couple were seen here in Monaco", True),
    ("Jane Roe/FX 6/16 Copper Valley Starring", True),
    ("Copper Valley premieres on FX/Hulu in May.", False),
    ("Copper Valley (2019) premieres March 3 on HBO.", False),
    ("Copper Valley premieres March 3 - and it is good.", False),
])
def test_a_caption_is_found_with_the_needs_checks_in_front(text, caption):
    assert boilerplate.is_caption(text) is caption
