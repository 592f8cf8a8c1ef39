"""Works (films, series, seasons) found in running text, without a list of titles.

Two passes over the corpus: capitalized spans are collected with the cues around them
("season two of X", "X star", "Marvel's X", quoted titles, "X premieres") and scored as
work or person; then every mention of a learned work is found, headlines included, with
the season it names.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from claims.extract import aliases, gazetteer, lexicon, parallel, registry, titles
from claims.extract.sentences import text_after
from claims.extract.temporal import lexicon as time_lexicon
from claims.keys import edit_distance, fold, fold_title
from claims.models import WorkKind

WORD = r"[A-Z0-9][\w'’.\-+&]*"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    work: str            # folded key
    season: int | None
    seasons: tuple[int, ...] = ()   # "seasons one and two"
    explicit: bool = True           # named, not a short reference
    short: str = ""                 # a short form ("Maverick"): its work is the article's (subjects.py)


@dataclass
class WorkLexicon:
    """The works of a corpus: folded key -> display title, and the regex that finds them."""

    titles: dict[str, str] = field(default_factory=dict)
    persons: dict[str, str] = field(default_factory=dict)   # name or last name -> full name
    marked_only: set[str] = field(default_factory=set)     # common words: titles only in quotes
    pattern: lexicon.PhraseMatcher | None = None
    mentions: dict[tuple[int, str], list[Mention]] = field(default_factory=dict)
    first_names: dict[str, str] = field(default_factory=dict)
    alias_keys: dict[str, str] = field(default_factory=dict)   # folded alias -> work key
    # A subtitle or a part's number alone ("Maverick", "Part One") -> the works it may be the
    # short form of: a work only in an article that names it in full (subjects.py).
    short_forms: dict[str, set[str]] = field(default_factory=dict)
    short_written: set[str] = field(default_factory=set)
    registry: registry.Registry = field(default_factory=registry.Registry)
    # Names a bigger corpus decided, works or not: kept so, whatever a few new articles say.
    settled: frozenset[str] = frozenset()
    # Indexes built when first asked for, so that asking costs the same however many works
    # and persons the corpus has: the full names' pattern (for the number of persons it was
    # built from; names are only ever added) and each entry's franchises (reset by index_works).
    _person_pattern: tuple[int, re.Pattern | None] = field(default=(0, None), repr=False, compare=False)
    _franchises_of: tuple[dict[str, list[str]], dict[str, int]] | None = field(default=None, repr=False,
                                                                                compare=False)

    def display(self, key: str) -> str:
        return self.titles.get(key, key)

    def kind_of(self, key: str) -> WorkKind | None:
        """The work's kind ("film" or "series") as the registry found it, if it says."""
        work = self.registry.works.get(key)
        return work.kind if work else None

    def numbered_entry(self, franchise: str | None, number: int) -> str | None:
        """The franchise's entry numbered so ("Mission: Impossible 7" for 7), if registered
        (by its title or by an alias: "Mission: Impossible 8", now "... The Final Reckoning")."""
        if franchise is None:
            return None
        for entry in self.registry.franchises.get(franchise, []):
            work = self.registry.works.get(entry)
            names = [entry] + [fold_title(alias) for alias in (work.aliases if work else ())]
            if any(entry_number(name) == number for name in names):
                return entry
        return None

    def entry_number(self, key: str) -> int | None:
        """The number of a franchise's entry, by its title or an alias ("Mission: Impossible
        8" for "... The Final Reckoning")."""
        work = self.registry.works.get(key)
        names = [key] + [fold_title(alias) for alias in (work.aliases if work else ())]
        return next((number for number in map(entry_number, names) if number is not None), None)

    def names_a_person(self, text: str) -> bool:
        """Some person's full name (of two words or more) is written in the text, as a plain
        substring: one trie scan rather than a test of every known name."""
        built_for, pattern = self._person_pattern
        if built_for != len(self.persons):
            names = [name for name in self.persons if " " in name]
            pattern = re.compile(lexicon.literal_alternation(names)) if names else None
            self._person_pattern = (len(self.persons), pattern)
        return pattern is not None and pattern.search(text) is not None

    def franchise_index(self) -> tuple[dict[str, list[str]], dict[str, int]]:
        """Each entry's franchises in the registry's order, and each franchise's place in it."""
        if self._franchises_of is None:
            index: dict[str, list[str]] = {}
            for franchise, entries in self.registry.franchises.items():
                for entry in dict.fromkeys(entries):
                    index.setdefault(entry, []).append(franchise)
            self._franchises_of = (index, {franchise: at for at, franchise in enumerate(self.registry.franchises)})
        return self._franchises_of

    def franchises_of(self, key: str | None) -> list[str]:
        """The franchises that have the work among their entries, in the registry's order."""
        return self.franchise_index()[0].get(key, []) if key is not None else []

    def key_of(self, name: str) -> str | None:
        """The work a name as written stands for (its title or an alias), if any."""
        key = fold_title(name)
        return key if key in self.titles else self.alias_keys.get(key)


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def entry_number(key: str) -> int | None:
    """The number a folded title ends in ("mission impossible 7", "rocky iv"), if any."""
    words = key.split()
    if len(words) < 2:
        return None
    last = words[-1]
    return int(last) if last.isdigit() and len(last) <= 2 else ROMAN.get(last)


# --- knowledge --------------------------------------------------------------------------

@cache
def knowledge() -> dict:
    data = lexicon.load("works")
    numbers = {**lexicon.entry("works", "numbers")}
    ordinals = {k: v for k, v in lexicon.entry("works", "ordinals").items()}
    number_words = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    ordinal_words = "|".join(sorted(map(re.escape, ordinals), key=len, reverse=True))
    studios = [s for s in data["studios"]]
    studio_re = lexicon.alternation(studios)
    number = rf"(?:\d{{1,2}}|{number_words})"
    season_after = re.compile(
        rf"^(?:,?[\"”’'])?(?:['’]s?)?\s*(?::\s*|,\s*|\s*-\s*)?(?:(?:season|series)s?[\s-]+(?P<n>{number})"
        rf"(?:\s*(?:,|and|&|-|through|to)\s*(?P<n2>{number}))?(?!\w)|S(?P<s>\d{{1,2}})(?!\w)"
        rf"|(?:['’]s?\s+)?(?:(?:final|new|upcoming|last|latest)\s+)?(?P<ord>{ordinal_words})\s+(?:season|series|run)(?!\w))",
        re.IGNORECASE)
    season_before = re.compile(
        rf"(?:(?:season|series)s?[\s-]+(?P<n>{number})(?:\s*(?:,|and|&)\s*(?P<n2>{number}))?(?:\s+(?:premiere|finale|opener))?\s+of|"
        rf"(?:the|its|a|her|his|their)\s+(?:\w+-episode\s+)?(?P<ord>{ordinal_words})(?:\s+and\s+(?:final|last))?"
        rf"\s+(?:season|series|run)s?(?:\s+(?:premiere|finale|opener))?"
        rf"\s+(?:of|for)(?:\s+both)?)\s+['‘\"“]?$",
        re.IGNORECASE)
    return {
        "numbers": numbers, "ordinals": ordinals,
        "studio_possessive": re.compile(rf"(?:{studio_re})['’]s?\s+$", re.IGNORECASE),
        "studios": {fold(s) for s in studios},
        "season_after": season_after, "season_before": season_before,
        "not_start": {fold(w) for w in data["not_title_start"]},
        "day_words": {fold(w) for w in data["day_words"]},
        "inner": set(data["title_inner"]) - set(data["title_joiners"]),
        "work_noun_after": re.compile(
            rf"^\s+(?:{lexicon.alternation(data['work_nouns'])})(?!\w)", re.IGNORECASE),
        "work_noun_before": re.compile(
            rf"(?:{lexicon.alternation(data['work_nouns'])})\s+['‘\"“]?$", re.IGNORECASE),
        "person_before": re.compile(
            rf"(?<!\w)(?:{lexicon.alternation(data['person_before'])})\s+$", re.IGNORECASE),
        "person_after": re.compile(
            rf"^\s*,?\s*(?:{lexicon.alternation(data['person_after'])})(?!\w)", re.IGNORECASE),
        "references": re.compile(
            rf"(?<!\w)(?:{lexicon.alternation(data['references'])})(?!\w)", re.IGNORECASE),
        "number": number,
        # The last word each end-anchored cue can end in: a set test before the regex.
        "work_noun_last": {n.split()[-1].lower() for n in data["work_nouns"]},
        "event_words": {fold(w) for w in lexicon.entry("events", "filming_words")}
                       | {"premiere", "release", "debut", "production", "filming", "shooting"},
        "person_before_last": {p.split()[-1].lower() for p in data["person_before"]},
    }


def number_word(value: int) -> str:
    """The word for a small number ("two" for 2), for matching "season two"."""
    return next((word for word, number in knowledge()["numbers"].items()
                 if number == value and len(word) > 2), str(value))


def season_number(match: re.Match) -> tuple[int | None, tuple[int, ...]]:
    """The season a season phrase names, and all seasons for "seasons one and two"."""
    info = knowledge()
    values = []
    for group in ("n", "n2", "s", "ord"):
        text = match.groupdict().get(group)
        if not text:
            continue
        text = text.lower()
        value = int(text) if text.isdigit() else info["numbers"].get(text, info["ordinals"].get(text))
        if value is not None:
            values.append(value)
    return (values[0] if values else None), tuple(values)


# --- pass 1: the work registry ------------------------------------------------------------------

# A one-word title that English writes this often in lower case counts only where it is
# marked as a title (quoted, italic, a season after it).
MARKED_ONLY_LOWER = 3


def given_names() -> frozenset[str]:
    """Given names the knowledge lists hold (for name checks): lower case."""
    return gazetteer.given_names()


def starts_with_given_name(title: str) -> bool:
    words = title.split()
    return len(words) in (2, 3) and gazetteer.given_name_count(words[0]) > 0 and all(w[:1].isupper() for w in words)


def reads_as_time(key: str) -> bool:
    """A one-word title a reader also takes for a time: a year, a day word, a month or weekday."""
    return bool(YEAR_WORD.fullmatch(key)) or key in knowledge()["day_words"] or is_calendar_word(key)


YEAR_WORD = re.compile(r"(?:1[89]|20)\d\d")


def is_calendar_word(word: str) -> bool:
    """A month or weekday name ("March", "Fri."): the time after a title, not part of it."""
    folded = fold(word).rstrip(".")
    return folded in time_lexicon().months or folded in time_lexicon().weekdays


def is_title_case_line(text: str) -> bool:
    """Headlines capitalize every word: capitals there say nothing about titles."""
    return registry.titles_case(text)


def learn_works(documents: Sequence[tuple[str, list[tuple[int, int, str, bool]]]],
                event_words: lexicon.PhraseMatcher, excluded: set[str],
                config: registry.WorkConfig | None = None, jobs: parallel.Jobs = 1,
                progress: parallel.ProgressReport | None = None) -> WorkLexicon:
    """The work registry of a corpus, and the lexicon that finds its works in text.

    documents: (article id, [(sentence start, sentence end, text, headline)]), split when sliced.
    excluded: folded names known not to be works (outlets, authors).
    jobs: worker processes to weigh the names in (None: every core), or a Dask cluster.
    """
    # (The sentences that may state another title, with their headlines, are kept for a
    # second reading once the works are known; the rest are read once.)
    learned, person_counts, stating = registry.learn_registry(documents, event_words, excluded, config, fold_title,
                                                              jobs, progress, aliases.may_state_a_title)
    lexicon_ = WorkLexicon(registry=learned)
    index_works(lexicon_)
    # Titles an article says a work had ("X, now titled Y"): one work under both names.
    statements = aliases.title_statements(stating, lambda text: name_ending(lexicon_, text))
    if statements:
        headlines = {article: headline_work(lexicon_, sentences) for article, sentences in stating}
        aliases.apply_statements(learned, statements, headlines.get, fold_title)
        aliases.join_parts(learned, lexicon_.entry_number, lexicon_.numbered_entry)
        index_works(lexicon_)
    for name, common in spelling_variants(person_counts).items():
        lexicon_.persons[name] = common
        lexicon_.persons.setdefault(name.split()[-1], common)
    if progress:
        progress("learning works", len(documents), len(documents))   # (decided, not only weighed)
    return lexicon_


def add_new_works(known: WorkLexicon, new: WorkLexicon | None) -> WorkLexicon:
    """The lexicon of a bigger corpus with the works and persons only some new articles name
    (an incremental check): what the bigger corpus decided stays as it decided it."""
    for key, work in (new.registry.works.items() if new else ()):
        if not decided(known, key):
            known.registry.works[key] = work
    for name, common in (new.persons.items() if new else ()):
        if not decided(known, fold_title(common)):
            known.persons.setdefault(name, common)
    index_works(known)
    return known


def decided(known: WorkLexicon, key: str) -> bool:
    """The bigger corpus decided this name (a work or not)."""
    return key in known.settled or key in known.registry.works


def index_works(lexicon_: WorkLexicon) -> None:
    """The lexicon's titles, aliases, short forms and pattern, from its registry."""
    learned = lexicon_.registry
    lexicon_._franchises_of = None
    lexicon_.titles.clear()
    lexicon_.alias_keys.clear()
    lexicon_.marked_only.clear()
    for key, work in learned.works.items():
        lexicon_.titles[key] = work.title
        if len(key.split()) == 1 and (learned.lower_counts.get(key, 0) >= MARKED_ONLY_LOWER or reads_as_time(key)):
            lexicon_.marked_only.add(key)  # "Love", "Suits", "Today", "1986": a title only where marked as one
    for key in learned.franchises:
        lexicon_.titles[key] = learned.rejected[key].name  # found in text, then read as an entry
    for work in learned.works.values():
        for alias in work.aliases:
            alias_key = fold_title(alias)
            if alias_key and alias_key not in lexicon_.titles:
                lexicon_.alias_keys[alias_key] = work.key
    short = aliases.short_forms(learned, fold_title)
    lexicon_.short_forms = {fold_title(form): keys for form, keys in short.items()
                            if fold_title(form) not in lexicon_.alias_keys}
    lexicon_.short_written = {form for form in short if fold_title(form) in lexicon_.short_forms}
    build_pattern(lexicon_)


def name_ending(lexicon_: WorkLexicon, text: str) -> str | None:
    """The registered work whose name ends the text ("Mission: Impossible 7" in "Paramount's
    Mission: Impossible 7"), if any."""
    if lexicon_.pattern is None:
        return None
    text = text.rstrip(" '’\"”")
    found = [m for m in lexicon_.pattern.finditer(text) if m.end() == len(text)]
    return lexicon_.key_of(found[-1].group()) if found else None


def headline_work(lexicon_: WorkLexicon, sentences: list[tuple[int, int, str, bool]]) -> str | None:
    """The one work an article's headline names (none when it names several)."""
    named = set()
    for _, _, text, headline in sentences:
        if not headline or lexicon_.pattern is None:
            continue
        for match in lexicon_.pattern.finditer(text):
            key = lexicon_.key_of(match.group())
            if key and key in lexicon_.registry.works:
                named.add(key)
    return named.pop() if len(named) == 1 else None


def spelling_variants(counts: Counter) -> dict[str, str]:
    """Each name -> the common spelling of the same name: "Krysten Ritten" -> "Krysten
    Ritter" when the two differ by a letter or two and the second is more frequent.
    Only names sharing their first or last word are compared, so this stays near linear."""
    common: dict[str, str] = {}
    by_word: dict[str, list[str]] = {}
    for name, _ in counts.most_common():
        common[name] = name
        words = name.split()
        for other in by_word.get("F" + words[0], []) + by_word.get("L" + words[-1], []):
            if counts[other] > counts[name] and is_variant(name, other):
                common[name] = common[other]
                break
        by_word.setdefault("F" + words[0], []).append(name)
        by_word.setdefault("L" + words[-1], []).append(name)
    return common


def is_variant(a: str, b: str) -> bool:
    """Two spellings of one name: same length class, a small edit, same first letter."""
    if a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return False
    limit = 1 if len(b) < 8 else 2
    return 0 < edit_distance(a.lower(), b.lower()) <= limit


def build_pattern(works: WorkLexicon) -> None:
    """One regex over every form of every work, longest first, optional "the"/studio prefix."""
    forms = set()
    for key, title in works.titles.items():
        bare = re.sub(r"^the\s+", "", title, flags=re.IGNORECASE)
        forms.add(bare)  # a "The" before it is taken in by find_mentions
        words = bare.split()
        if len(words) >= 2 and words[0][0].isupper():
            works.first_names.setdefault(words[0], key)
        work = works.registry.works.get(key)
        for alias in work.aliases if work else ():
            forms.add(re.sub(r"^the\s+", "", alias, flags=re.IGNORECASE))
    forms |= {re.sub(r"^the\s+", "", form, flags=re.IGNORECASE) for form in works.short_written}
    works.pattern = lexicon.PhraseMatcher(forms, ignore_case=False) if forms else None


@cache
def studio_prefix() -> re.Pattern:
    """A studio's possessive right before a title: "Marvel's ", "Netflix's "."""
    return re.compile(rf"(?<![\w])(?:{lexicon.alternation(lexicon.entry('works', 'studios'))})['’]s?\s+$",
                      re.IGNORECASE)


# --- pass 2: mentions --------------------------------------------------------------------------

def find_mentions(text: str, offset: int, works: WorkLexicon) -> list[Mention]:
    """Every named work in a sentence (offset: the sentence's start in the body), with the
    season named right after or before it (kept per sentence: it is asked for twice)."""
    key = (offset, text)
    if key not in works.mentions:
        works.mentions[key] = mentions_in(text, offset, works)
    return works.mentions[key]


# A part's or volume's number right after a title names another entry of it.
ANOTHER_PART = re.compile(r"\s+(?:Part|Chapter|Vol\.?|Volume)\s+(?:\d{1,2}|[IVX]{1,4}|One|Two|Three|Four|Five)\b")


OPENING_MARKS = ("\"", "“", "'", "‘", "*", "_")
CLOSING_MARK = re.compile(r"[,.!?]?[\"”'’*_]")


def quoted_alone(text: str, start: int, end: int) -> bool:
    """The name is quoted or set in italics by itself ("“Love,” the Netflix series"), not the
    first word of a quotation ("'You gotta see it,' he said")."""
    return text[max(0, start - 1):start] in OPENING_MARKS and bool(CLOSING_MARK.match(text, end))


@lru_cache(maxsize=65536)
def place_title(title: str) -> bool:
    """The title is a listed place's name ("Atlanta", "Fargo", "Nashville")."""
    return gazetteer.place_kind(title) not in (None, "demonym")


STATE_AFTER = re.compile(r",\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")


def reads_as_place(text: str, start: int, end: int) -> bool:
    """A place's preposition or a word of places around the name (registry.yaml's place cues,
    those that weigh a name against a work), or a state or country after it: "visiting X",
    "X, Georgia", "the X area", but not "starred in X" nor "X, Jane Doe's comedy"."""
    info = registry.knowledge()
    before = text[max(0, start - 45):start]
    if info["place_before"].search(before[-25:], registry.last_words(before)) and not info["place_not_after"].search(before):
        return True
    state = STATE_AFTER.match(text, end)
    return bool(info["place_word_after"].match(text, end)
                or state and gazetteer.place_kind(state.group(1)) in ("state", "country", "region"))


@lru_cache(maxsize=65536)
def person_title(title: str) -> bool:
    """The title is one common given name ("Ellen"): its host's or star's too."""
    return len(title.split()) == 1 and gazetteer.given_name_count(title) >= registry.COMMON_GIVEN


PAIRED_NAME = re.compile(r"\s+(?:and|&)\s+([A-Z][a-z]+)\b")


@cache
def person_object_before() -> re.Pattern:
    """A verb or preposition that takes a person right before the name ("told X", "with X")."""
    return re.compile(rf"(?i)\b(?:{lexicon.alternation(lexicon.entry('works', 'person_object_before'))})\s+$")


def reads_as_person(text: str, start: int, end: int) -> bool:
    """A person's cue around the name (registry.yaml's, those that weigh a name against a
    work), or another given name paired with it: "Ellen said", "host Ellen", "Ellen, 60,",
    "Ellen and Portia", "She told Ellen"."""
    info = registry.knowledge()
    before, after = text[max(0, start - 30):start], text[end:end + 80]
    tail = registry.last_words(before)
    paired = PAIRED_NAME.match(after)
    return bool(info["person_before"].search(before, tail) or info["honorific"].search(before[-20:], tail)
                or info["person_after"].match(after) or info["age"].match(after) or person_object_before().search(before)
                or paired and gazetteer.given_name_count(paired.group(1)) >= registry.COMMON_GIVEN)


def mentions_in(text: str, offset: int, works: WorkLexicon) -> list[Mention]:
    mentions: list[Mention] = []
    if works.pattern is None:
        return mentions
    info = knowledge()
    title_case = registry.titles_case(text)  # (a headline capitalizes every word)
    for match in works.pattern.finditer(text):
        key = works.key_of(match.group())
        short = ""
        if key is None:
            short = fold_title(match.group())
            if short not in works.short_forms or nickname(text, match.start(), match.end()):
                continue
            key = ""
        if key in works.marked_only and not (
                quoted_alone(text, match.start(), match.end())
                or info["season_after"].match(text_after(text, match.end()))
                or studio_prefix().search(text, max(0, match.start() - 30), match.start())):
            continue
        if not title_case and key and place_title(works.display(key)) and reads_as_place(text, match.start(), match.end()):
            continue  # "in Atlanta", "Atlanta, Georgia", "the Atlanta office": the city, not the series
        if not title_case and key and person_title(works.display(key)) and reads_as_person(text, match.start(), match.end()):
            continue  # "Ellen and Portia were spotted", "She told Ellen": the host, not the show
        if not title_case and embedded(text, match.start(), match.end()):
            continue  # "Mercy" in "the Mercy James Institute": part of another name
        if ANOTHER_PART.match(text, match.end()) and not ANOTHER_PART.search(match.group()):
            continue  # "Justice League Part Two": another entry, not "Justice League"
        season: int | None = None
        seasons: tuple[int, ...] = ()
        start, end = match.start(), match.end()
        the = re.search(r"(?<![\w])[Tt]he\s+$", text[max(0, start - 4):start])
        if the:
            start -= len(the.group())
        prefix = studio_prefix().search(text, max(0, start - 30), start)
        if prefix:
            start = prefix.start()
        season_match = info["season_after"].match(text_after(text, match.end()))
        if season_match:
            season, seasons = season_number(season_match)
            end = match.end() + season_match.end()
        else:
            # Before "The" and a studio's possessive: "season 2 of Netflix's X".
            window = max(0, start - 60)
            before_match = info["season_before"].search(text[window:start])
            if before_match:
                season, seasons = season_number(before_match)
                start = window + before_match.start()
        # The span covers the season phrase, so "X season 2 and Y" reads as coordinated.
        mentions.append(Mention(offset + start, offset + end, key, season, seasons, short=short))
    # "Jessica's second season": a first name standing for an eponymous work.
    for match in FIRST_NAME_POSSESSIVE.finditer(text):
        key = works.first_names.get(match.group(1))
        if not key:
            continue
        season_match = info["season_after"].match(text_after(text, match.end()))
        if season_match and not any(m.start <= offset + match.start() < m.end for m in mentions):
            season, seasons = season_number(season_match)
            mentions.append(Mention(offset + match.start(1), offset + match.end(1), key, season, seasons))
    return sorted(mentions, key=lambda m: m.start)


FIRST_NAME_POSSESSIVE = re.compile(r"(?<!\w)([A-Z][a-z]+)['’]s\s+")


def nickname(text: str, start: int, end: int) -> bool:
    """A short form that is a person's name here: a nickname in quotes between a given name
    and a surname (Pete "Maverick" Mitchell), or a name that speaks ("Maverick said")."""
    quoted = re.search(r"[A-Z][a-z]+\s+['‘\"“]$", text[max(0, start - 20):start]) \
        and re.match(r"['’\"”]\s+[A-Z][a-z]", text[end:end + 6])
    return bool(quoted or knowledge()["person_after"].match(text[end:end + 30]))


NEXT_CAPITAL = re.compile(r"^\s+(?!(?:Season|Series|Part|Vol|Chapter|S\d)\b)[A-Z][a-z]")
PREVIOUS_CAPITAL = re.compile(r"(?<![.!?:;\"“‘'(])[A-Z][a-z]+\s+$")
# A capitalized word and "of" right before a title: "World of Harry Potter".
NAME_OF_BEFORE = re.compile(r"(?<![.!?:;\"“‘'(])[A-Z][a-z]+\s+of\s+(?:the\s+)?$")


def embedded(text: str, start: int, end: int) -> bool:
    """A match that runs on into another capitalized word ("Mercy James Institute") or
    follows one ("Big Little Lies" is not "Little Lies"): part of another name. A title
    may still be followed by a season word, and a sentence's first word may stand before it."""
    if NEXT_CAPITAL.match(text[end:end + 12]) and not text[end:end + 1] in ("'", "’"):
        return True
    before = text[max(0, start - 25):start]
    name_of = NAME_OF_BEFORE.search(before)
    if name_of and not titles.sentence_initial(text, start - len(name_of.group())):
        return True  # "The Wizarding World of Harry Potter": a longer name ending in the match
    found = PREVIOUS_CAPITAL.search(before)
    if found and not re.search(r"['’]s\s+$|^(?:The|A|An)\s+$", found.group()) \
            and not titles.sentence_initial(text, start - len(found.group())) \
            and found.group().strip().lower() not in titles.knowledge()["roles"]:
        return True
    return False


@cache
def bare_season_pattern() -> re.Pattern:
    """"season two", "the second season", "its third run", "a sixth and final season", "no
    fifth season", "whose second season", and lists and ranges: "seasons 1 and 2", "series
    one, two and three", "seasons 1-3", "the first two seasons", "its fifth and sixth
    seasons"; "the fourth series" (British usage): a season with no work named."""
    info = knowledge()
    data = lexicon.entry("works", "season_phrases")
    ordinals = "|".join(sorted(map(re.escape, (k for k, v in info["ordinals"].items() if v)),
                               key=len, reverse=True))
    number = info["number"]
    # (no roman numeral after the first number: "series 4 and I think")
    listed = rf"(?:\d{{1,2}}|{lexicon.alternation(w for w in info['numbers'] if not re.fullmatch(r'[ivx]+', w))})"
    links = lexicon.alternation(data["list_links"])
    not_listed = rf"(?!\s+(?:{lexicon.alternation(data['list_not_before'])})\b)"
    ranges = lexicon.alternation(data["range_links"])
    determiners = lexicon.alternation(data["determiners"])
    series_determiners = lexicon.alternation(data["series_determiners"])
    possessive = (rf"(?:(?:(?:{lexicon.alternation(data['parent_words'])})\s+)?"
                  rf"(?:{lexicon.alternation(data['possessive_nouns'])})['’]s?\s+)?")
    return re.compile(
        rf"(?<![\w-])(?:(?:seasons?|series)\s+(?P<n>{number})(?P<more>(?:\s*(?:{links})\s*{listed}{not_listed}(?![\w-]))*)"
        rf"(?:\s*(?P<range>{ranges})\s*(?P<last>{listed}))?(?![\w-])"
        rf"|(?:the|its|their)\s+(?:{lexicon.alternation(data['first_words'])})\s+(?P<count>{listed})\s+"
        rf"(?:seasons|runs|series(?!\s+(?:{lexicon.alternation(data['series_not_after'])})(?!\w)))(?!\w)"
        rf"|(?:{determiners})\s+{possessive}(?:\w+-episode\s+)?(?P<ord>{ordinals})(?:\s+and\s+(?P<ord2>{ordinals}))?"
        rf"(?:\s+and\s+(?:final|last))?\s+(?:seasons?|runs?)(?!\w)(?!\s+(?:{lexicon.alternation(data['role_after'])})\b)"
        rf"|(?:{series_determiners})\s+{possessive}(?:\w+-episode\s+)?(?P<sord>{ordinals})(?:\s+and\s+(?P<sord2>{ordinals}))?"
        rf"(?:\s+and\s+(?:final|last))?\s+series(?!\w)(?!\s+(?:{lexicon.alternation(data['series_not_after'])})(?!\w))"
        rf"(?!\s+(?:{lexicon.alternation(data['role_after'])})\b)"
        rf"|(?:{determiners})\s+(?P<hord>{ordinals})-season(?!\w))",
        re.IGNORECASE)


def bare_values(match: re.Match) -> list[int]:
    """The seasons one bare season phrase names, in order."""
    info = knowledge()

    def value(word: str | None) -> int | None:
        if not word:
            return None
        word = word.lower()
        return int(word) if word.isdigit() else info["numbers"].get(word, info["ordinals"].get(word))

    if match.group("count"):  # "the first two seasons"
        return list(range(1, (value(match.group("count")) or 0) + 1))
    if match.group("n"):
        values = [value(match.group("n"))] + [value(w) for w in re.findall(r"[\w]+", match.group("more") or "")
                                              if value(w) is not None and w.lower() != "and"]
        last = value(match.group("last"))
        if last and len(values) == 1 and values[0] is not None and values[0] < last <= values[0] + 12:
            values = list(range(values[0], last + 1))  # "seasons 1-3", "seasons one through three"
        return [v for v in values if v]
    pair = [value(match.group(g)) for g in ("ord", "ord2", "sord", "sord2", "hord")]
    return [v for v in pair if v]


RANKING_BEFORE = re.compile(r"\b(?:be|is|was|are|were|been|being|become|became|becomes|as)\s+$", re.IGNORECASE)


SEASON_WORD = re.compile(r"season|series|run", re.IGNORECASE)


def bare_seasons(text: str, offset: int) -> list[tuple[int, int, int]]:
    """(start, end, season) of season phrases with no work: "season two", "the second season";
    a list gives one entry per season, all with the list's span ("seasons 1 and 2")."""
    found: list[tuple[int, int, int]] = []
    if not SEASON_WORD.search(text):
        return found  # (every season phrase has one of these words; most sentences none)
    for match in bare_season_pattern().finditer(text):
        if match.group("sord") and RANKING_BEFORE.search(text, 0, match.start()):
            continue  # "X was meant to be the third series released after Y": a rank among shows
        # ("X, whose second season dropped": the season alone, not coordinated with X)
        start = match.start() + (6 if match.group().lower().startswith("whose ") else 0)
        for season in bare_values(match):
            found.append((offset + start, offset + match.end(), season))
    return found


@cache
def kind_nouns() -> str:
    """The one-word nouns for a kind of work ("drama", "pic", "sequel"; not "season" or
    "project"), as a regex alternation."""
    nouns = [n for n in lexicon.entry("works", "work_nouns") if " " not in n
             and n not in ("season", "episodes", "project", "title", "feature", "chapter")]
    return lexicon.alternation(nouns)


@cache
def described_reference() -> re.Pattern:
    """"the four-hero team-up", "the crime drama": "the", one describing word, a work noun."""
    return re.compile(rf"(?<!\w)(?:the|this|that)\s+[\w-]+\s+(?:{kind_nouns()})(?![\w-])",
                      re.IGNORECASE)


def short_references(text: str, offset: int) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of "the series", "the show", "its second season", "the
    four-hero team-up"..."""
    found = [(offset + m.start(), offset + m.end(), m.group().lower())
             for m in knowledge()["references"].finditer(text)]
    for m in described_reference().finditer(text):
        if not any(start <= offset + m.start() < end or offset + m.start() <= start < offset + m.end()
                   for start, end, _ in found):
            found.append((offset + m.start(), offset + m.end(), m.group().lower()))
    return sorted(found)


def reference_kind(phrase: str) -> str | None:
    """The kind of work a short reference names: "the series" a series, "the film" a film."""
    nouns = registry.knowledge()["nouns"]
    for word in reversed(phrase.lower().split()):
        kind = nouns.get(word)
        if kind:
            return None if kind == "any" else kind
    return None
