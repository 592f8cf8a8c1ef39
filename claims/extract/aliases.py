"""Other names of a work: titles an article says it had, and short forms of a subtitled title.

A working title or number is an alias of the final title (CONTRACT §2). Outlets say so in
general English, and the corpus learns it once for every article:

- a rename: "Mission: Impossible 7, now titled Dead Reckoning Part One", "Top Gun 2 (now Top
  Gun: Maverick)", "the sequel, officially titled X" (the sequel the article is about);
- an earlier name: "X, formerly known as Y", "the film, then titled Y", "the film was simply
  Mission: Impossible 8".

The two names become one work (the registered one, the later name when both are); the other
is its alias, so every article that uses either name speaks of the same work.

A subtitle alone is a short form of its title in an article that names the title in full:
"Top Gun: Maverick ... Maverick, which reunites ...", "The Witcher: Blood Origin ... once
Blood Origin wraps"; a part's number alone ("Part One") is the part the article names, and
"Part Two" after "Dead Reckoning Part One" is "Dead Reckoning Part Two" when the corpus knows
that title. Short forms are found per article (claims/extract/subjects.py), never across the
corpus: "Maverick" alone is nobody's title in an article that does not name "Top Gun: Maverick".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claims.extract import lexicon, registry, titles
from claims.extract.sentences import text_before

STATEMENT_KINDS = ("renamed", "formerly", "was_once")


@cache
def statement_patterns() -> dict[str, re.Pattern]:
    data = lexicon.entry("works", "title_statements")
    name = r"['‘\"“]?(?P<name>(?-i:[A-Z0-9#])[^,;()\"“”]*?)['’\"”]?(?=\s*(?:[,;.()]|$|\s+(?:and|but|to|in|on|for|from|with|before|after|which|when)\b))"
    return {
        # "X, now titled Y", "X (now Y)", "the sequel, officially titled Y"
        "renamed": re.compile(rf"(?:,|\()\s*(?:{lexicon.alternation(data['renamed'])})\s+{name}", re.IGNORECASE),
        # "Y, formerly known as X", "Y (formerly X)", "the film, then titled X"
        "formerly": re.compile(rf"(?:,|\()\s*(?:{lexicon.alternation(data['formerly'])})\s*,?\s+{name}",
                               re.IGNORECASE),
        # "the film was simply X"
        "was_once": re.compile(rf"\s+(?:{lexicon.alternation(data['was_once'])})(?:\s+(?:called|titled|named|known\s+as))?"
                               rf"\s+{name}", re.IGNORECASE),
        "reference": re.compile(rf"(?<![\w'’-])(?:{lexicon.alternation(data['references'])})\s*$", re.IGNORECASE),
    }


@dataclass(frozen=True)
class Statement:
    """One statement that a work had another name: `current` is the work's key (or None for
    "the film": the article's), `other` the other name as written, `later` whether the
    other name is the newer one."""

    article: str
    current: str | None
    other: str
    later: bool
    written: str = ""    # the name before, as written, when it is no registered work


def may_state_a_title(text: str) -> bool:
    """The sentence has the words of a statement that a work had another name (which
    `title_statements` reads once the works are known)."""
    patterns = statement_patterns()
    return any(patterns[kind].search(text) for kind in STATEMENT_KINDS)


def title_statements(documents, key_at) -> list[Statement]:
    """Every rename and earlier name the corpus states. `key_at(text, end)` is the registered
    work whose mention ends at `end` in `text` (or None)."""
    found = []
    patterns = statement_patterns()
    for article, sentences in documents:
        for _, _, text, _ in sentences:
            for kind in STATEMENT_KINDS:
                for match in patterns[kind].finditer(text):
                    other = clean_name(match.group("name"))
                    if not other:
                        continue
                    before = text_before(text, match.start()).rstrip(" ,(")
                    named = key_at(before)
                    written = "" if named else name_before(before)
                    if named is None and not written and not patterns["reference"].search(before[-20:]):
                        continue  # neither a work's name nor "the film" before it
                    found.append(Statement(article, named, other, later=kind == "renamed", written=written))
    return found


def name_before(text: str) -> str:
    """The title-like run of capitalized words that ends the text ("Night Saga 8"), if any."""
    runs = [m for m in titles.knowledge()["run"].finditer(text) if m.end() == len(text.rstrip("'’\"”"))]
    return clean_name(runs[-1].group()) if runs and not titles.sentence_initial(text, runs[-1].start()) \
        or runs and len(runs[-1].group().split()) > 1 else ""


def clean_name(text: str) -> str:
    """The title a statement names, read whole (a colon or a dash inside a title is kept);
    nothing when the words are no title: lower-case words other than a title's small ones
    ("now Netflix's biggest hit"), a possessive, a person's, a place's or a company's name."""
    text = text.strip().rstrip(".,;:'’\"”")
    words = text.split()
    if not words or len(words) > 10 or not titles.title_like(text):
        return ""
    inner = titles.knowledge()["inner"]
    if any(word[:1].islower() and word.lower() not in inner for word in words) \
            or words[-1].lower() in inner or re.search(r"['’]s$", words[-1]):
        return ""
    reason, _ = registry.list_reason(text, text.lower())
    return "" if reason else text


def merge(learned: registry.Registry, keep: str, drop: str, other_title: str) -> None:
    """`drop` (a registered work, or just a name) becomes an alias of the work `keep`."""
    work = learned.works[keep]
    dropped = learned.works.pop(drop, None)
    names = {other_title} | ({dropped.title, *dropped.aliases} if dropped else set())
    work.aliases = sorted(set(work.aliases) | {n for n in names if n != work.title})
    if dropped:
        work.mentions += dropped.mentions
        work.articles += dropped.articles
        work.kind = work.kind or dropped.kind
        learned.rejected[drop] = registry.Rejected(drop, dropped.title, registry.RENAMED, dropped.mentions,
                                                   dropped.evidence)
        for franchise, entries in learned.franchises.items():
            if drop in entries:
                entries[:] = sorted({keep if e == drop else e for e in entries})


def apply_statements(learned: registry.Registry, statements: list[Statement], headline_work, fold_title) -> None:
    """Make each pair of names one work: the registered one, the later name when both are."""
    for statement in statements:
        other = fold_title(statement.other)
        if statement.current is None and statement.written and statement.later and other in learned.works:
            # "Night Saga 8, now titled Y": the old name, never registered, is Y's alias
            merge(learned, other, fold_title(statement.written), statement.written)
            continue
        current = statement.current or headline_work(statement.article)
        if current is None or current not in learned.works or other == current or other in learned.franchises:
            continue
        if other in learned.works and statement.later:
            merge(learned, other, current, learned.works[current].title)  # "X, now titled Y": Y is the work
        else:
            merge(learned, current, other, statement.other)


PART_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}


def part_of(name: str) -> tuple[str, int] | None:
    """("dead reckoning", 2) for "Dead Reckoning Part Two"."""
    part = PART_TAIL.search(name)
    if not part or part.start() == 0:
        return None
    word = part.group("part").split()[-1].lower()
    number = int(word) if word.isdigit() else PART_NUMBERS.get(word)
    base = re.sub(r"^(?i:the)\s+", "", name[:part.start()]).strip(" :–—-").lower()
    return (base, number) if number else None


def join_parts(learned: registry.Registry, entry_number, numbered_entry) -> None:
    """The parts of one title are consecutive entries of their franchise: when "Dead
    Reckoning Part Two" is entry 8 ("Mission: Impossible 8"), "Dead Reckoning Part One" is
    entry 7, and "Mission: Impossible 7" is its other title."""
    parts: dict[str, list[tuple[str, int]]] = {}
    for key, work in learned.works.items():
        for name in (work.title, *work.aliases):
            found = part_of(name)
            if found:
                parts.setdefault(found[0], []).append((key, found[1]))
    for base, members in parts.items():
        numbered = [(key, part, entry_number(key)) for key, part in members if entry_number(key)]
        if not numbered:
            continue
        anchor, anchor_part, anchor_number = numbered[0]
        franchise = next((f for f, entries in learned.franchises.items() if anchor in entries), None)
        for key, part in members:
            if key == anchor or entry_number(key) or key not in learned.works:
                continue
            entry = numbered_entry(franchise, anchor_number - anchor_part + part)
            if entry and entry != key and entry != anchor and entry in learned.works:
                merge(learned, key, entry, learned.works[entry].title)


# --- short forms ---------------------------------------------------------------------------

SUBTITLE_SEPARATOR = re.compile(r"\s*:\s+|\s+[–—-]\s+")
PART_TAIL = re.compile(r"(?i)\b(?P<part>(?:Part|Vol\.?|Volume|Chapter)\s+(?:\d{1,2}|[IVX]{1,4}|One|Two|Three|Four|Five))$")


def short_forms(learned: registry.Registry, fold_title) -> dict[str, set[str]]:
    """Folded short form -> the works it may stand for: each subtitle ("Maverick" of "Top
    Gun: Maverick") and each part's number ("Part One" of "Dead Reckoning Part One")."""
    forms: dict[str, set[str]] = {}
    for key, work in learned.works.items():
        for name in (work.title, *work.aliases):
            bare = re.sub(r"^(?i:the)\s+", "", name)
            for separator in SUBTITLE_SEPARATOR.finditer(bare):
                tail = bare[separator.end():]
                if not SUBTITLE_SEPARATOR.search(tail):
                    forms.setdefault(tail, set()).add(key)
            part = PART_TAIL.search(bare)
            if part and part.start() > 0:
                forms.setdefault(part.group("part"), set()).add(key)
    return {form: keys for form, keys in forms.items() if fold_title(form) not in learned.works
            and fold_title(form) not in learned.franchises}


def sibling_part(name: str, short: str) -> str | None:
    """"Dead Reckoning Part One" with "Part Two" -> "Dead Reckoning Part Two"."""
    part = PART_TAIL.search(name)
    wanted = PART_TAIL.fullmatch(short.strip())
    if not part or not wanted or part.group("part").split()[0].lower() != short.split()[0].lower():
        return None
    return name[:part.start()] + short.strip()
