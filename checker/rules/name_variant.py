"""A person or a work is spelled differently from how the other sources spell it.

Why: a misspelt name ("Dana Whitfeld" for "Dana Whitfield", "Iron Meadow: Resurection" for
"Resurrection") looks careless, breaks search, and is copied by the next outlet.
Flags: "Dana Whitfeld" in one article where four others write "Dana Whitfield"; "Marco
Belandi" one paragraph before the same article spells him "Bellandi"; "Owen Farel" (a last
letter not doubled) and "Tessa Lindgrem" beside "Owen Farell" and "Tessa Lindgren"; "Iron
Meadow: Resurection" beside "Iron Meadow: Resurrection"; "Annika Lindgaaard" in a caption of
an article that writes "Annika Lindgård" in its text, though no other article names her;
a headline's "Rory Callahan" over a body that writes "Rory Callaghan".
Passes: "Ember Falls" beside "Ember Falls'" (a possessive), "Keeper" beside "Keepers" (a
plural), "Celine Dion" beside "Céline Dion" (accents and apostrophes are house style); "Kyle
Richards" beside "Kyle Richardson" (one name extends the other); "The Crown"
beside "The Clown" (they share only "The"); "Albert" beside "Alberto" (given names);
"South American" beside "South African" (two letters off, and no person's name);
spellings the configuration lists as accepted.
Fix: correct the spelling to the one the person or studio uses.

Names are runs of capitalised words outside headlines, and the titles of works the corpus
registered that are no such run ("Iron Meadow: Resurrection"). A spelling counts as established
when two or more articles write it; a rarer run that differs from it by a letter in one
word (two when the established word has eight letters or more, or when it is a surname
after a given name and the variant has), and shares a word with it that is not a function
word, is a variant; a word that only extends the other is a longer name, unless it doubles
its last letter. A lone word
is held to more: six letters or more, one letter off, the same first letter, never written
in lower case, not a given name, never in one article with the established spelling (that
is two people), written at least twice, and its articles make claims about a work the
established spelling's
articles also do. When both spellings are equally common the shorter is taken
as the norm (a doubled letter is the usual slip). A name only one article writes, two ways,
is a variant when the two share a given name and the surname is a slip of the other (and no
word the corpus writes in lower case). A headline's given name and surname are held to its own
body's spellings only.
"""
from __future__ import annotations

from array import array
from collections import defaultdict
from itertools import combinations
from typing import Callable, Iterable, Iterator, Sequence

from checker.findings import Citation, Severity
from checker.rules import wording
from checker.rules.base import Conflict, Corpus, NameLists, Rule, RuleOptions, Scope
from checker.rules.timeline import by_publication
from claims.keys import edit_distance, fold
from claims.names import POSSESSIVE, Spelling, function_words
from claims.models import Claim, Subject


class Options(RuleOptions):
    # How many articles must write a spelling before others are measured against it.
    min_articles: int = 2
    # A variant written in more articles than this is a spelling in its own right.
    max_variant_articles: int = 2


def spellings_of(corpus: Corpus) -> tuple[dict[str, Spelling], set[str]]:
    """Every run of one to three capitalised words outside headlines and every registered
    title, by how it is written; and the words the corpus writes in lower case. Extraction
    collects them as it reads (claims/extract/spellings.py); for claims from elsewhere the
    engine reads the bodies with the same code."""
    found = corpus.spellings
    if found is None:
        raise ValueError("name-variant needs the corpus's spellings (engine.find_conflicts collects them)")
    return found.resolved(), found.lower


def name_lists(corpus: Corpus) -> NameLists:
    if corpus.names is None:
        raise ValueError("name-variant needs the name lists (engine.make_corpus gives them)")
    return corpus.names


def deletions(word: str) -> set[str]:
    """The word with up to one letter left out (two for long words): two spellings within
    that many edits share one of these, so a dictionary lookup finds them."""
    found, frontier = {word}, {word}
    for _ in range(2 if len(word) >= 8 else 1):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def keys(words: list[str], index: int) -> Iterator[tuple]:
    others = tuple(words[:index] + words[index + 1:])
    for deleted in deletions(words[index].lower()):
        yield (len(words), index, others, deleted)


def has_content_word(words: list[str], skip: int) -> bool:
    return any(word.lower() not in function_words() for i, word in enumerate(words) if i != skip)


def slip(variant: Spelling, norm: Spelling, index: int, lower: set[str], known: KnownNames,
         names: NameLists) -> bool:
    """Word `index` spelt a letter or two differently; not a plural, a possessive, a case,
    or a longer name ("Richardson" beside "Richards")."""
    a, b = (POSSESSIVE.sub("", word) for word in (variant.words[index], norm.words[index]))
    if fold(a) == fold(b) or min(len(a), len(b)) < 4:
        return False  # case, accents or an apostrophe: house style, not a misspelling
    if (a.startswith(b) or b.startswith(a)) and not doubled_last(a, b) or a.rstrip("s") == b.rstrip("s"):
        return False
    if len(norm.words) > 1:
        # Two ordinary words ("Other Women", "Other Woman") differ as words do; only a
        # name the corpus knows as a work or a person ("Iron Fist") vouches for the slip.
        if a.lower() in lower and b.lower() in lower and fold(norm.text) not in known:
            return False
        return close_spelling(a, b, person=index > 0 and norm.words[0].lower() in names.given_names())
    # A lone word has no other word to vouch for it being the same name, and one article
    # writing both ("Goldman" and "Goodman") is naming two people.
    if set(variant.articles) & set(norm.articles) or variant.count < 2:
        return False  # ... and a word written once may be anything
    return (min(len(a), len(b)) >= 6 and a[0] == b[0] and edit_distance(a.lower(), b.lower()) == 1
            and not any(word in lower or word in names.given_names() for word in (a.lower(), b.lower()))
            and not names.is_calendar_word(a) and not names.is_calendar_word(b))


def doubled_last(a: str, b: str) -> bool:
    """One word is the other with its last letter doubled ("Cavil", "Cavill"): a slip, not a
    longer name."""
    short, long_ = sorted((a.lower(), b.lower()), key=len)
    return long_ == short + short[-1:]


def close_spelling(variant: str, norm: str, person: bool = False) -> bool:
    """A word of a longer name spelt a letter or two off: the same first letter, one edit; two
    when the common spelling has eight letters or more ("Christain Bale"), or, in a person's
    surname (after a given name), the variant has ("Andy Sandberg" for "Andy Samberg"; not
    "South American" for "South African"). Accents are left out ("Lindgaaard" is two letters
    off "Lindgård")."""
    variant, norm = fold(variant), fold(norm)
    if variant[:1] != norm[:1] or abs(len(variant) - len(norm)) > 2:
        return False
    limit = 2 if len(norm) >= 8 or person and len(variant) >= 8 else 1
    return 0 < edit_distance(variant, norm) <= limit


def norm_of(a: Spelling, b: Spelling) -> tuple[Spelling, Spelling]:
    """(norm, variant): the spelling more articles write (repeats within one article are
    one writer's habit), then the shorter."""
    key = lambda s: (s.article_count, -len(s.text))
    return (a, b) if key(a) >= key(b) else (b, a)


def accepted(variant: str, norm: str, corpus: Corpus) -> bool:
    aliases = corpus.person_aliases
    return aliases.get(variant) == norm or aliases.get(norm) == variant or (
        variant in aliases and aliases.get(variant) == aliases.get(norm))


class KnownNames:
    """Folded titles and persons the extraction learned from the corpus (`in` asks), folded
    when first asked: most checks of a few new articles never ask."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.names: set[str] | None = None

    def __contains__(self, name: str) -> bool:
        if self.names is None:
            lexicon = self.corpus.lexicon
            titles = list(lexicon.titles.values()) if lexicon else []
            self.names = {fold(title) for title in titles}
            self.names |= {fold(title[4:]) for title in titles if title.lower().startswith("the ")}
            self.names |= {fold(name) for name in (lexicon.persons.values() if lexicon else ())}
        return name in self.names


def works_by_article(corpus: Corpus) -> dict[str, set[str]]:
    if corpus.article_works is not None:
        return corpus.article_works
    works: dict[str, set[str]] = defaultdict(set)
    for claim in corpus.claims:
        works[claim.article].add(corpus.work_key(claim.subject.work))
    return works


def same_topic(variant: Spelling, norm: Spelling, works: dict[str, set[str]]) -> bool:
    """Some article with the variant and some with the norm make claims about one work."""
    mine = set().union(*(works.get(article, set()) for article in variant.articles))
    return any(mine & works.get(article, set()) for article in norm.articles)


Candidates = Callable[[Spelling, int], Iterable[Spelling]]


def deletion_index(established: list[Spelling]) -> Candidates:
    """The established spellings that share a deletion key with a word of a spelling: every
    key of every established spelling in one table, for a check of a whole corpus.

    (The table is open addressing in two arrays, each key's hash and its spelling's number,
    12 bytes a slot: the real corpus's million keys took about 100 MiB in a dict of hashes,
    the check's peak memory; on 3,000 real articles the rule's peak went from 28 MiB to 11.
    A spelling found is checked against the key, so a hash two keys share finds nothing
    more.)"""
    most = sum(most_deletions(len(word)) for spelling in established for word in spelling.words)
    mask = (1 << (most * 3 // 2).bit_length()) - 1   # (at most two thirds full)
    hashes, numbers = array("q", bytes(8 * (mask + 1))), array("I", bytes(4 * (mask + 1)))
    for number, spelling in enumerate(established):
        for position in range(len(spelling.words)):
            for key in keys(spelling.words, position):
                code = hash(key) or 1   # (0 marks an empty slot)
                slot = code & mask
                while hashes[slot]:
                    slot = (slot + 1) & mask
                hashes[slot], numbers[slot] = code, number

    def candidates(spelling: Spelling, position: int) -> Iterable[Spelling]:
        found: dict[int, Spelling] = {}
        for key in keys(spelling.words, position):
            code = hash(key) or 1
            slot = code & mask
            while hashes[slot]:
                if hashes[slot] == code:
                    other = established[numbers[slot]]
                    if id(other) not in found and has_key(other, key):
                        found[id(other)] = other
                slot = (slot + 1) & mask
        return found.values()
    return candidates


def most_deletions(length: int) -> int:
    """How many keys `deletions` gives a word of this length at most."""
    return 1 + length + (length * (length - 1) // 2 if length >= 8 else 0)


def reverse_deletion_index(established: list[Spelling], rare: list[Spelling]) -> Candidates:
    """What deletion_index finds, from the other side, for a corpus with fewer rare spellings
    than established ones: the rare spellings' keys in the dictionary, every key of every
    established spelling looked up in it. (A corpus of the same articles over and over has
    no rare spelling at all, and the dictionary of every established one's keys was a check's
    peak memory, some 400 MiB for three copies of the real corpus.)"""
    index: dict[int, list[tuple[Spelling, int]]] = defaultdict(list)
    for spelling in rare:
        for position in range(len(spelling.words)):
            for key in keys(spelling.words, position):
                index[hash(key)].append((spelling, position))
    found: dict[tuple[int, int], dict[int, Spelling]] = defaultdict(dict)
    for other in established:
        for position in range(len(other.words)):
            for key in keys(other.words, position):
                for spelling, at in index.get(hash(key), ()):
                    if at == position and has_key(spelling, key):
                        found[id(spelling), position].setdefault(id(other), other)

    def candidates(spelling: Spelling, position: int) -> Iterable[Spelling]:
        return found.get((id(spelling), position), {}).values()
    return candidates


def has_key(spelling: Spelling, key: tuple) -> bool:
    size, position, others, deleted = key
    words = spelling.words
    return len(words) == size and tuple(words[:position] + words[position + 1:]) == others \
        and is_deletion(deleted, words[position].lower())


def is_deletion(deleted: str, word: str) -> bool:
    """`deleted in deletions(word)`, without making them all: the word with as many letters
    left out as `deletions` leaves out, in order."""
    left_out = len(word) - len(deleted)
    if not 0 <= left_out <= (2 if len(word) >= 8 else 1):
        return False
    letters = iter(word)
    return all(letter in letters for letter in deleted)


def neighbour_index(established: list[Spelling], rare: list[Spelling]) -> Candidates:
    """The same, for the few rare spellings of new articles (`checker check --changed`): the
    established spellings grouped by their other words and the first letter of the one that
    may differ, deletions compared only within a group, and only the groups a rare spelling
    falls in kept. It finds what deletion_index finds but names whose word starts with
    another letter, which `slip` never takes; and it does not spend seconds on the keys of
    tens of thousands of spellings for a few."""
    wanted = {group_key(spelling.words, position) for spelling in rare for position in range(len(spelling.words))}
    heads = {(size, position, first) for size, position, _, first in wanted}
    groups: dict[tuple, list[Spelling]] = defaultdict(list)
    for spelling in established:
        words = spelling.words
        for position, word in enumerate(words):
            if (len(words), position, word[:1].lower()) in heads:
                key = group_key(words, position)
                if key in wanted:
                    groups[key].append(spelling)

    def candidates(spelling: Spelling, position: int) -> Iterable[Spelling]:
        words = spelling.words
        word = words[position].lower()
        mine = deletions(word)
        return [other for other in groups.get(group_key(words, position), ())
                if abs(len(other.words[position]) - len(word)) <= 2
                and not mine.isdisjoint(deletions(other.words[position].lower()))]
    return candidates


def group_key(words: list[str], position: int) -> tuple:
    return len(words), position, tuple(words[:position] + words[position + 1:]), words[position][:1].lower()


def check(claims: Sequence[Claim], corpus: Corpus, options: Options) -> Iterator[Conflict]:
    found, lower = spellings_of(corpus)
    established = [s for s in found.values() if s.article_count >= options.min_articles]
    rare = [s for s in found.values() if s.article_count <= options.max_variant_articles]
    if corpus.focus is None:
        # (the keys of the smaller side kept: a corpus's established spellings are the fewer,
        # but for a corpus that repeats its articles)
        near = deletion_index(established) if len(established) <= len(rare) \
            else reverse_deletion_index(established, rare)
    else:  # only the new articles' spellings can be the odd ones of the findings wanted
        rare = [s for s in rare if s.writes_any(corpus.focus)]
        near = neighbour_index(established, rare)
    works = works_by_article(corpus)
    known = KnownNames(corpus)
    names = name_lists(corpus)
    reported: list[tuple[Spelling, Spelling]] = []
    # Longest runs first, so "Krysten Ritten" is reported and "Ritten" within it is not.
    for spelling in sorted(rare, key=lambda s: (-len(s.words), s.text)):
        words = spelling.words
        for position in range(len(words)):
            if len(words) > 1 and not has_content_word(words, position):
                continue
            for other in near(spelling, position):
                norm, variant = norm_of(other, spelling)
                if variant is not spelling or not slip(variant, norm, position, lower, known, names) \
                        or len(words) == 1 and not same_topic(variant, norm, works) \
                        or within_reported(variant, norm, reported) \
                        or accepted(variant.text, norm.text, corpus):
                    continue
                reported.append((variant, norm))
                yield conflict(variant, norm, corpus)
    for variant, norm in one_article_slips(rare, lower, known, names):
        if not within_reported(variant, norm, reported) and not accepted(variant.text, norm.text, corpus):
            reported.append((variant, norm))
            yield conflict(variant, norm, corpus)
    headlines = corpus.spellings.headlines if corpus.spellings else []
    if corpus.focus is not None:
        headlines = [pair for pair in headlines if pair[1] in corpus.focus]
    for (text, article, offset), norm in headline_slips(headlines, found, lower, known, names,
                                                        few=corpus.focus is not None):
        if not accepted(text, norm.text, corpus):
            yield headline_conflict(text, article, offset, norm, corpus)


def one_article_slips(rare: list[Spelling], lower: set[str], known: KnownNames,
                      names: NameLists) -> list[tuple[Spelling, Spelling]]:
    """(variant, norm): a person's name that one article, and no other, writes two ways: the
    same given name, the surname a letter or two off ("Annika Lindgaaard" in a caption,
    "Annika Lindgård" in the text). No other source vouches for either spelling, so the
    given name does (not a function word: "La" is a given name too), and the variant is no
    word the corpus writes in lower case. The norm is
    the spelling the article writes more often, then the shorter, then the first written.
    Longest names first."""
    given = names.given_names()
    groups: dict[tuple, list[Spelling]] = defaultdict(list)
    for spelling in rare:
        words = spelling.words
        if spelling.article_count == 1 and len(words) > 1 and words[0].lower() in given \
                and words[0].lower() not in function_words():   # ("La Pilato", an anagram, and "La Piloto")
            for position in range(1, len(words)):
                groups[group_key(words, position)].append(spelling)
    found = []
    for (_, position, _, _), members in groups.items():
        for a, b in combinations(members, 2):
            if a.articles.keys() != b.articles.keys():
                continue
            norm, variant = (a, b) if (a.count, -len(a.text)) >= (b.count, -len(b.text)) else (b, a)
            if variant.words[position].lower() not in lower and slip(variant, norm, position, lower, known, names):
                found.append((variant, norm))
    return sorted(found, key=lambda pair: (-len(pair[0].words), pair[0].text))


def headline_slips(headlines: list[tuple[str, str, int]], found: dict[str, Spelling], lower: set[str],
                   known: KnownNames, names: NameLists,
                   few: bool = False) -> Iterator[tuple[tuple[str, str, int], Spelling]]:
    """(headline pair, the body's spelling): a headline's given name and surname ("Rory
    Callahan") where its own body writes the surname a letter or two off ("Rory Callaghan") and
    never as the headline does. Headlines capitalise every word, so their pairs are kept
    apart from the body's names; the given name (not a function word) and the body's spelling
    vouch for the pair being a name, and the headline's surname is no word the corpus writes
    in lower case ("Mara Confirms"). The norm is the body's spelling most written. `few`: the
    headlines are those of a few new articles."""
    wanted: dict[tuple, list[tuple[str, str, int]]] = defaultdict(list)
    for pair in headlines:
        words = pair[0].split()
        if words[0].lower() not in function_words() and words[1].lower() not in lower:
            wanted[group_key(words, 1)].append(pair)
    firsts = {key[2][0] for key in wanted}
    candidates: dict[tuple, list[Spelling]] = defaultdict(list)
    for text, spelling in found.items():
        first, space, rest = text.partition(" ")
        if space and first in firsts and " " not in rest:
            key = group_key([first, rest], 1)
            if key in wanted:
                candidates[key].append(spelling)
    writers: dict[str, set[str]] = {}   # (a common name's articles listed once, not per headline)

    def writes(spelling: Spelling, article: str) -> bool:
        if few:   # (a check of new articles: a kept spelling's stored articles are not read)
            return spelling.writes_any({article})
        if spelling.text not in writers:
            writers[spelling.text] = set(spelling.articles)
        return article in writers[spelling.text]

    for key, pairs in wanted.items():
        norms = sorted(candidates.get(key, ()), key=lambda spelling: -spelling.count)
        for pair in pairs:
            text, article, _ = pair
            same = found.get(text)
            if same is not None and writes(same, article):
                continue   # (the body writes it so too: two names, or the body's own slip)
            norm = next((norm for norm in norms if norm.text != text and writes(norm, article)
                         and slip(Spelling(text), norm, 1, lower, known, names)), None)
            if norm is not None:
                yield pair, norm


def headline_conflict(text: str, article: str, offset: int, norm: Spelling, corpus: Corpus) -> Conflict:
    at = norm.articles[article]
    message = (f"{wording.source(article, corpus.articles)} headlines \u201c{text}\u201d, but its own body "
               f"writes \u201c{norm.text}\u201d.")
    citations = [Citation(article=article, start=offset, end=offset + len(text), text=text),
                 Citation(article=article, start=at, end=at + len(norm.text), text=norm.text)]
    return Conflict(claims=[], message=message, subject=Subject(work=norm.text), citations=citations,
                    no_subject=True)


def within_reported(variant: Spelling, norm: Spelling, reported: list[tuple[Spelling, Spelling]]) -> bool:
    """The slip is part of a longer name already reported ("Ritten" in "Krysten Ritten")."""
    return any(f" {variant.text} " in f" {longer.text} " and f" {norm.text} " in f" {longer_norm.text} "
               for longer, longer_norm in reported)


def conflict(variant: Spelling, norm: Spelling, corpus: Corpus) -> Conflict:
    # (each spelling's uses read once: they are packed, and a common spelling's run to
    # thousands of articles, each lookup a pass over them all)
    variant_uses, norm_uses = variant.articles, norm.articles
    variant_articles = sorted(variant_uses, key=lambda article: by_publication(article, corpus))
    norm_articles = sorted(norm_uses, key=lambda article: by_publication(article, corpus))
    citations = [Citation(article=article, start=variant_uses[article],
                          end=variant_uses[article] + len(variant.text), text=variant.text)
                 for article in variant_articles]
    citations += [Citation(article=article, start=norm_uses[article],
                           end=norm_uses[article] + len(norm.text), text=norm.text)
                  for article in norm_articles]
    also = [article for article in variant_articles if article in norm_uses]
    others = [article for article in norm_articles if article not in variant_uses]
    message = (f"{wording.sources(variant_articles, corpus.articles, 'writes')} \u201c{variant.text}\u201d"
               + (f" (and elsewhere in the same article \u201c{norm.text}\u201d)" if also else "")
               + (f"; {wording.sources(others, corpus.articles, 'writes')} \u201c{norm.text}\u201d." if others else "."))
    return Conflict(claims=[], message=message, subject=Subject(work=norm.text), citations=citations,
                    no_subject=True)


RULE = Rule(id="name-variant", severity=Severity.WARNING,
            summary="A person or work is spelled differently from how the other sources spell it.",
            scope=Scope.CORPUS, check=check, doc=__doc__, options=Options, reads_spellings=True)
