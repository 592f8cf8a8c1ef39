"""The knowledge in claims/data/*.yaml, loaded once, and the phrase patterns built from it:
what the extractor reads text with, and what the rules need of the same lists (a rule's
words come from here, not from the extractor)."""
from __future__ import annotations

import re
from functools import cache
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
