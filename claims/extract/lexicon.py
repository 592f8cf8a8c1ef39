"""The extraction knowledge in claims/data/*.yaml, loaded once and compiled into patterns
(loading and the phrase patterns themselves are claims/knowledge.py's, shared with the rules)."""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Iterable

from claims import knowledge

# Shared with the rules (claims/knowledge.py); the extraction modules read them here as lexicon.X.
LOADER, DataError, load, entry = knowledge.LOADER, knowledge.DataError, knowledge.load, knowledge.entry
BE_FORMS, POSSESSIVE = knowledge.BE_FORMS, knowledge.POSSESSIVE
phrase_pattern, strip_inner_adverbs = knowledge.phrase_pattern, knowledge.strip_inner_adverbs
alternation, literal_alternation, word_regex = knowledge.alternation, knowledge.literal_alternation, knowledge.word_regex


class PhraseMatcher:
    """Finds the longest of many phrases at each place, fast: the text's words are looked
    up among the phrases' first words (a dict, not a regex), and one regex per first word
    (compiled when first needed) matches there. `slots` maps a placeholder ("{platform}")
    to its alternatives."""

    WORD = re.compile(r"[\w+&'’-]+")
    CORE = re.compile(r"[\w+&-]+")  # a word up to its first apostrophe

    def __init__(self, phrases: Iterable[str], slots: dict[str, list[str]] | None = None,
                 ignore_case: bool = True):
        self.slots = {name: alternation(values) for name, values in (slots or {}).items()}
        self.slot_values = {name: list(values) for name, values in (slots or {}).items()}
        self._endings: frozenset[str] | None = None
        self.flags = re.IGNORECASE if ignore_case else 0
        self.by_first: dict[str, list[str]] = {}
        for phrase in phrases:
            # "Avengers: Endgame" starts with the word "Avengers", as the text is read.
            self.by_first.setdefault(self.key(phrase.split()[0].rstrip(":,;.!?")), []).append(phrase)
        self.compiled: dict[str, re.Pattern] = {}
        self._forms: dict[str, tuple[str, ...]] = {}
        self._slots_key = tuple(sorted(self.slots.items()))
        self.cores = {core.group() for core in map(self.CORE.match, self.by_first) if core}
        # Where a phrase may start: a word (after any leading quotes) whose part up to its first
        # apostrophe is some phrase's first word. One scan in the regex engine, not a loop
        # over every word of the text.
        self.starts = re.compile(rf"(?<![\w+&'’-])['’-]*(?=(?:{alternation(self.cores)})(?![\w+&-]))"
                                 rf"[\w+&'’-]+", self.flags) if self.cores else None

    def ending_words(self) -> frozenset[str]:
        """The last words of the phrases (of a slot's values, for a phrase ending in one),
        lower case with straight apostrophes: no phrase ends in a word outside them."""
        if self._endings is None:
            found: set[str] = set()
            for group in self.by_first.values():
                for phrase in group:
                    last = phrase.split()[-1]
                    name = last[1:-1] if last.startswith("{") and last.endswith("}") else None
                    values = self.slot_values.get(name, [last]) if name else [last]
                    found.update(value.split()[-1].lower().replace("’", "'") for value in values if value.split())
            self._endings = frozenset(found)
        return self._endings

    def key(self, word: str) -> str:
        word = word.replace("’", "'")
        return word.lower() if self.flags else word

    def pattern_for(self, first: str) -> re.Pattern:
        if first not in self.compiled:
            self.compiled[first] = phrase_group_pattern(tuple(self.by_first[first]), self._slots_key, self.flags)
        return self.compiled[first]

    def forms(self, token: str) -> tuple[str, ...]:
        """A word as written, then without a possessive or trailing quote ("Daredevil's",
        "Jones'"), as keys (kept per word: the same few words start most phrases)."""
        found = self._forms.get(token)
        if found is None:
            found = self._forms[token] = tuple(dict.fromkeys(
                self.key(form) for form in (token, POSSESSIVE.sub("", token), token.rstrip("'’-"))))
        return found

    def candidates(self, text: str) -> Iterable[tuple[int, str]]:
        """(offset, first-word key) where a phrase may start: a whole word, or the word
        after a leading quote or apostrophe ('The Punisher')."""
        if self.starts is None:
            return
        for word in self.starts.finditer(text):
            token = word.group().lstrip("'’-") or word.group()
            start = word.end() - len(token)
            for key in self.forms(token):
                if key in self.by_first:
                    yield start, key
                    break

    def match(self, text: str, position: int = 0) -> re.Match | None:
        """A phrase starting exactly at position."""
        word = self.WORD.match(text, position)
        if not word:
            return None
        token = word.group().lstrip("'’-") or word.group()
        start = position + len(word.group()) - len(token)
        for key in self.forms(token):
            if key in self.by_first:
                return self.pattern_for(key).match(text, start)
        return None

    def search(self, text: str) -> re.Match | None:
        return next(iter(self.finditer(text)), None)

    def finditer(self, text: str, position: int = 0) -> Iterable[re.Match]:
        """The phrases in the text, longest first and not overlapping, from `position` on."""
        for start, key in self.candidates(text):
            if start < position:
                continue
            match = self.pattern_for(key).match(text, start)
            if match:
                position = match.end()
                yield match


@lru_cache(maxsize=4096)
def phrase_group_pattern(phrases: tuple[str, ...], slots: tuple[tuple[str, str], ...], flags: int) -> re.Pattern:
    """The pattern of the phrases that start with one word, compiled once for every matcher
    that has the same group (the triggers and the cues learned from them share most), and
    kept here rather than in the regex module's small cache, which thousands of titles'
    groups would flush."""
    return re.compile(rf"(?:{alternation(phrases, dict(slots))})(?![\w-])", flags)


# --- verb inflection ------------------------------------------------------------------

VOWELS = "aeiou"


def regular_forms(verb: str) -> tuple[str, str, str]:
    """(third person, past, -ing) of a regular English verb."""
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb + "s", verb + "d", verb[:-1] + "ing"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es", verb + "ed", verb + "ing"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in VOWELS:
        return verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    # One-syllable consonant-vowel-consonant verbs double the last letter (drop, wrap, scrap),
    # not longer ones ("open" -> opened, opening).
    if (len(verb) >= 3 and verb[-1] not in VOWELS + "wxy" and verb[-2] in VOWELS
            and verb[-3] not in VOWELS and len(re.findall(rf"[{VOWELS}]+", verb)) == 1):
        return verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    return verb + "s", verb + "ed", verb + "ing"


@cache
def irregular() -> dict[str, list[str]]:
    return entry("tense", "irregular")


def british_forms(verb: str) -> dict[str, str]:
    """The British past, participle and -ing of a verb phrase that ends its first word in a
    consonant, one vowel and "l" ("cancelled", "cancelling" beside American "canceled"), else {}."""
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    if len(head) < 5 or not re.search(r"[^aeiou][aeiou]l$", head) or head in irregular():
        return {}
    return {"past": head + "led" + tail, "participle": head + "led" + tail, "ing": head + "ling" + tail}


def verb_forms(verb: str) -> dict[str, str]:
    """base, s, past, participle and ing forms of a (possibly multi-word) verb phrase:
    only the first word is inflected ("kick off" -> "kicked off")."""
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    if head == "be":
        forms = {"base": "be", "s": "is", "past": "was", "participle": "been", "ing": "being"}
    else:
        third, past, ing = regular_forms(head)
        past_form, participle = irregular().get(head, [past, past])
        forms = {"base": head, "s": third, "past": past_form, "participle": participle, "ing": ing}
    return {name: form + tail for name, form in forms.items()}


def be_forms(phrase: str) -> list[str]:
    """A "be ..." phrase with every form of be ("be in production" -> "is in production", ...)."""
    rest = phrase[3:]
    return [f"{be} {rest}" for be in ("be", "is", "are", "was", "were", "been", "being", "'s", "'re")]
