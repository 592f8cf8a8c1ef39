"""The extraction knowledge in claims/data/*.yaml, loaded once and compiled into patterns."""
from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from typing import Iterable

import yaml

# libyaml's loader when PyYAML was built with it (the wheels are): the data files load in a
# fraction of the time, which is most of a one-article run's start.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(Exception):
    """A data file that cannot be used: names the file and the key."""


@cache
def load(name: str) -> dict:
    """One data file (e.g. "events") as a mapping; read once per process."""
    path = resources.files("claims") / "data" / f"{name}.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise DataError(f"claims/data/{name}.yaml: {err}") from None
    if not isinstance(data, dict):
        raise DataError(f"claims/data/{name}.yaml: expected a mapping at the top level")
    return data


def entry(name: str, *keys: str):
    """data[key1][key2]...; a missing key names the file and the key path."""
    value = load(name)
    for index, key in enumerate(keys):
        if not isinstance(value, dict) or key not in value:
            raise DataError(f"claims/data/{name}.yaml: missing key {'.'.join(keys[:index + 1])!r}")
        value = value[key]
    return value


BE_FORMS = {"be", "is", "are", "was", "were", "been", "being", "'s", "'re", "’s", "’re"}
# Adverbs that may stand inside a "be ..." phrase: "are both coming", "is currently in production".
INNER_ADVERBS = ("also", "both", "still", "now", "already", "currently", "finally", "officially",
                 "reportedly", "apparently", "really", "just", "not", "all", "definitely", "likely",
                 "probably", "again", "actually")
INNER_ADVERB = rf"(?:(?:{'|'.join(INNER_ADVERBS)})\s+){{0,2}}"


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: words escaped, any run of spaces matching any white space,
    straight and curly apostrophes alike, adverbs allowed after a form of "be"."""
    words = phrase.split()
    parts = [re.escape(words[0])]
    for previous, word in zip(words, words[1:]):
        separator = r"\s+" + (INNER_ADVERB if previous.lower() in BE_FORMS else "")
        parts.append(separator + re.escape(word))
    return "".join(parts).replace("'", "['’]").replace("’", "['’]")


def strip_inner_adverbs(text: str) -> str:
    """A matched "be ..." phrase without its inner adverbs, for looking it up."""
    words = text.split()
    kept = [w for i, w in enumerate(words)
            if not (i and words[i - 1].lower() in BE_FORMS | set(INNER_ADVERBS) and w.lower() in INNER_ADVERBS
                    and i + 1 < len(words))]
    return " ".join(kept)


def phrase_tokens(phrase: str, slots: dict[str, str] | None = None) -> list[str]:
    """A phrase as the regex pieces `phrase_pattern` makes of it, one per character or gap;
    a placeholder word ("{platform}") is one piece, its slot's alternation."""
    tokens: list[str] = []
    words = phrase.split()
    for index, word in enumerate(words):
        if index:
            tokens.append(r"\s+" + (INNER_ADVERB if words[index - 1].lower() in BE_FORMS else ""))
        if slots and word[:1] == "{" and word[1:-1] in slots and word[-1:] == "}":
            tokens.append(f"(?:{slots[word[1:-1]]})")
            continue
        tokens.extend("['’]" if char in "'’" else re.escape(char) for char in word)
    return tokens


def alternation(phrases: Iterable[str], slots: dict[str, str] | None = None) -> str:
    """Phrases as one alternation that prefers the longest, so "the end of" wins over "end".

    Factored as a trie ("premiere(?:s|d)?" rather than "premieres|premiered|premiere"): the
    regex engine then tries one branch per first character instead of every phrase at every
    position, which is most of the time spent matching long word lists."""
    return _trie_alternation(phrase_tokens(phrase, slots) for phrase in {p for p in phrases if p})


def literal_alternation(words: Iterable[str]) -> str:
    """Words matched exactly as written (case, spaces and apostrophes too), as a trie like
    `alternation`'s: the longest word that fits wins, as in a longest-first alternation, at
    a cost that does not grow with the number of words."""
    return _trie_alternation([re.escape(char) for char in word] for word in {w for w in words if w})


def _trie_alternation(token_lists: Iterable[list[str]]) -> str:
    trie: dict = {}
    for tokens in token_lists:
        node = trie
        for token in tokens:
            node = node.setdefault(token, {})
        node[""] = {}  # a phrase ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [token + _trie_pattern(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return body
    # A phrase may end here: the longer ones first (a greedy optional group).
    return f"{body}?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"


def word_regex(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern:
    """A regex finding any of the phrases as whole words; a contraction ("'ll", "'s")
    attaches to the word before it."""
    phrases = list(phrases)
    words = [p for p in phrases if p[:1] not in "'’"]
    clitics = [p for p in phrases if p[:1] in "'’"]
    pattern = rf"(?<![\w'’-])(?:{alternation(words)})(?![\w-])"
    if clitics:
        pattern += rf"|(?<=\w)(?:{alternation(clitics)})(?![\w-])"
    return re.compile(pattern, flags)


POSSESSIVE = re.compile(r"['’]s?$")


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
