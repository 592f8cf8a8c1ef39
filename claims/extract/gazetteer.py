"""Names that are not titles of works: given names and surnames (with how common they are),
places, and organisations, events and outlets, from the lists in claims/data/names/
(SOURCES.md there says where each list comes from). Each list is read once, when first asked
for; every lookup is a dict or set probe on a folded key (claims/extract/folding.py).

These are signals, not verdicts: "Atlanta" is a city and a series, "Chad" a country and a
given name. also_title() names the works a listed place or organisation is also the title of.
"""
from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

import yaml

from claims.extract.folding import fold, name_key
from claims.extract.lexicon import LOADER, DataError
# The order place_kind() prefers when a name is several kinds of place ("Georgia").
PLACE_KINDS = ("continent", "country", "state", "region", "city", "demonym")
# Words that do not make a name before an organisation ending: "The Agency" is no agency name.
FUNCTION_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "next", "last",
                            "every", "each", "one", "of", "and", "or", "for", "to", "in", "on",
                            "at", "by", "with", "from", "our", "my", "your", "his", "her", "its",
                            "their"})


def _read(file_name: str) -> str:
    path = resources.files("claims") / "data" / "names" / file_name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataError(f"claims/data/names/{file_name}: {err}") from None


def _rows(file_name: str) -> list[tuple[str, str]]:
    rows = []
    for number, line in enumerate(_read(file_name).splitlines(), 1):
        fields = line.split("\t")
        if len(fields) != 2:
            raise DataError(f"claims/data/names/{file_name}:{number}: expected name<TAB>value")
        rows.append((fields[0], fields[1]))
    return rows


@cache
def _yaml(file_name: str) -> dict:
    try:
        data = yaml.load(_read(file_name), Loader=LOADER)
    except yaml.YAMLError as err:
        raise DataError(f"claims/data/names/{file_name}: {err}") from None
    if not isinstance(data, dict):
        raise DataError(f"claims/data/names/{file_name}: expected a mapping at the top level")
    return data


@cache
def counts(file_name: str) -> dict[str, int]:
    """given_names.tsv or surnames.tsv as {name key: count}."""
    return {name: int(count) for name, count in _rows(file_name)}


@cache
def places() -> dict[str, tuple[str, ...]]:
    """{folded place name: its kinds, in PLACE_KINDS order}."""
    kinds: dict[str, list[str]] = {}
    for name, kind in _rows("places.tsv"):
        kinds.setdefault(name, []).append(kind)
    return {name: tuple(sorted(found, key=PLACE_KINDS.index)) for name, found in kinds.items()}


def _kind_table(section: dict, *, possessive: bool = True) -> dict[str, str]:
    return {fold(name, possessive): kind for kind, names in section.items() for name in names}


@cache
def organisations() -> dict[str, str]:
    """{folded name: kind} from organisations.yaml."""
    return _kind_table(_yaml("organisations.yaml")["organisations"])


@cache
def organisation_words(*kinds: str) -> frozenset[str]:
    """A word of each listed organisation of these kinds, other than "the", "of" or "by"
    where it has another: a phrase with none of them names none of them (a quick test
    before trying each part of a long name; "the" would let every "The X" through)."""
    found = set()
    for name, kind in organisations().items():
        if kind in kinds:
            words = name.split()
            found.update([word for word in words if word not in LINK_WORDS] or words)
    return frozenset(found)


LINK_WORDS = frozenset({"the", "a", "an", "of", "and", "by", "via", "for", "in", "on", "at", "&"})


@cache
def suffixes() -> dict[str, str]:
    """{folded ending: kind}: "records" -> "company", "film festival" -> "event"."""
    return _kind_table(_yaml("organisations.yaml")["suffixes"])


@cache
def heads() -> dict[str, str]:
    """{folded leading word: kind}: "university" -> "organisation" (before "of")."""
    return _kind_table(_yaml("organisations.yaml")["heads"])


@cache
def titles() -> dict[str, str]:
    """{folded name: the work it is also the title of} from also_titles.yaml."""
    return {fold(name, possessive=True): str(work)
            for name, work in _yaml("also_titles.yaml")["also_titles"].items()}


def _without_the(*keys: str) -> tuple[str, ...]:
    """The keys, each followed by itself without a leading "the"."""
    found: list[str] = []
    for key in keys:
        for form in (key, key[4:] if key.startswith("the ") else ""):
            if form and form not in found:
                found.append(form)
    return tuple(found)


@lru_cache(maxsize=65536)
def _keys(phrase: str) -> tuple[str, ...]:
    """A phrase's lookup keys: its final possessive kept as letters ("Wendy's"), then dropped
    ("Netflix's"), each also without a leading "the". Cached: articles repeat their names."""
    return _without_the(fold(phrase, possessive=True), fold(phrase))


@lru_cache(maxsize=65536)
def given_name_count(word: str) -> int:
    """US births (1920-2019) given this first name, 0 when it is not a listed given name."""
    return counts("given_names.tsv").get(name_key(word), 0)


@cache
def given_names() -> frozenset[str]:
    """Every listed given name, folded (for the name checks)."""
    return frozenset(counts("given_names.tsv"))


@lru_cache(maxsize=65536)
def surname_count(word: str) -> int:
    """People with this surname in the 2010 US Census, 0 when it is not a listed surname.
    Spaces, hyphens and apostrophes go, as the Census writes names ("O'Brien" is OBRIEN)."""
    return counts("surnames.tsv").get(name_key(word), 0)


@lru_cache(maxsize=65536)
def place_kinds(phrase: str) -> tuple[str, ...]:
    """Every kind of place the phrase names, most telling first: ("country", "state") for
    "Georgia"; () for no place."""
    table = places()
    for key in _without_the(fold(phrase)):
        if key in table:
            return table[key]
    return ()


def place_kind(phrase: str) -> str | None:
    """"country", "state", "city", "region", "continent" or "demonym" ("French"), or None."""
    kinds = place_kinds(phrase)
    return kinds[0] if kinds else None


@lru_cache(maxsize=65536)
def organisation_kind(phrase: str) -> str | None:
    """The kind of a listed organisation, event or outlet: network, streamer, studio, agency,
    credit, platform, festival, award, publication, label, sports, company, institution,
    venue; None when the phrase is not listed."""
    table = organisations()
    return next((table[key] for key in _keys(phrase) if key in table), None)


@lru_cache(maxsize=65536)
def organisation_suffix(phrase: str) -> str | None:
    """The kind an organisation ending gives the phrase ("company" for "Roc Nation Records",
    "event" for "Paris Fashion Week", "publication" for "Malibu Times"), when a word other
    than an article or preposition stands before the ending; else None."""
    table = suffixes()
    longest = longest_suffix()
    for key in (fold(phrase, possessive=True), fold(phrase)):
        words = key.split()
        for size in range(min(longest, len(words) - 1), 0, -1):
            kind = table.get(" ".join(words[-size:]))
            if kind and not FUNCTION_WORDS.issuperset(words[:-size]):
                return kind
    return None


@cache
def longest_suffix() -> int:
    """Words in the longest organisation ending."""
    return max(len(ending.split()) for ending in suffixes())


def organisation_head(phrase: str) -> str | None:
    """"organisation" for "University of ...", "Museum of ...", "Ministry of ..."; else None."""
    words = fold(phrase).split()
    if words[:1] == ["the"]:
        words = words[1:]
    if len(words) >= 3 and words[1] == "of":
        return heads().get(words[0])
    return None


def also_title(phrase: str) -> str | None:
    """The well-known film or series a listed place or organisation name is also the title of
    ("FX series (2016-2022)" for "Atlanta"), or None."""
    table = titles()
    return next((table[key] for key in _keys(phrase) if key in table), None)
