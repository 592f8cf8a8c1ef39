"""A person or a work is spelled differently from how the other sources spell it.

Why: a misspelt name ("Krysten Ritten" for "Krysten Ritter", "Iron First" for "Iron Fist")
looks careless, breaks search, and is copied by the next outlet.
Flags: "Krysten Ritten" in one article where four others write "Krysten Ritter"; "Jon
Berthal" one paragraph before the same article spells him "Bernthal".
Passes: "Luke Cage" beside "Luke Cage's" (a possessive); "Defender" beside "Defenders" (a
plural); names the configuration lists as accepted spellings of each other.
Fix: correct the spelling to the one the person or studio uses.

Names are runs of capitalised words outside headlines. A spelling counts as established
when two or more articles write it (and, for a single word, no article writes it in lower
case); a rarer run that differs from it by one or two letters in one word is a variant.
When both spellings are equally common the shorter is taken as the norm (a doubled letter
is the usual slip).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from checker.findings import Citation, Severity
from checker.rules import wording
from checker.rules.base import Conflict, Corpus, Rule, RuleOptions, Scope
from claims.extract.works import edit_distance, is_calendar_word, is_title_case_line, is_variant
from claims.models import Claim, Subject

WORD = r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)*"
NAME = re.compile(rf"(?<![\w'’-]){WORD}(?:[ \t]+{WORD}){{0,3}}")
POSSESSIVE = re.compile(r"['’]s$")
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")


class Options(RuleOptions):
    # How many articles must write a spelling before others are measured against it.
    min_articles: int = 2
    # A variant written in more articles than this is a spelling in its own right.
    max_variant_articles: int = 2


@dataclass
class Spelling:
    text: str
    articles: dict[str, int] = field(default_factory=dict)   # article -> first offset
    count: int = 0


def spellings(corpus: Corpus) -> tuple[dict[str, Spelling], set[str]]:
    """Every run of one to three capitalised words outside headlines, by how it is written;
    and the words the corpus also writes in lower case."""
    found: dict[str, Spelling] = {}
    # A capital at the start of a sentence says nothing by itself; such words count only
    # for names the corpus also capitalises mid-sentence.
    initial: dict[str, Spelling] = {}
    lower: set[str] = set()
    for article in corpus.articles.values():
        offset = 0
        for line in article.body.splitlines(keepends=True):
            if line.strip() and not is_title_case_line(line.strip()):
                lower.update(word.lower() for word in LOWER_WORD.findall(line))
                for match in NAME.finditer(line):
                    record(found, initial, article.id, offset + match.start(), match.group(),
                           line[:match.start()])
            offset += len(line)
    for text, spelling in initial.items():
        if text in found:
            for article, start in spelling.articles.items():
                found[text].articles.setdefault(article, start)
    return found, lower


def record(found: dict[str, Spelling], initial: dict[str, Spelling], article: str, start: int,
           run: str, before: str) -> None:
    words = run.split()
    at_start = not before.strip() or before.rstrip()[-1:] in ".!?:\"“”'‘’*_#>-—("
    for size in range(1, min(3, len(words)) + 1):
        for first in range(len(words) - size + 1):
            text = POSSESSIVE.sub("", " ".join(words[first:first + size]))
            table = initial if size == 1 and first == 0 and at_start else found
            spelling = table.setdefault(text, Spelling(text))
            spelling.count += 1
            spelling.articles.setdefault(article, start + len(" ".join(words[:first])) + (1 if first else 0))


def established(spelling: Spelling, lower: set[str], options: Options) -> bool:
    if len(spelling.articles) < options.min_articles:
        return False
    return " " in spelling.text or spelling.text.lower() not in lower


def differing_word(a: str, b: str) -> int | None:
    """The index of the one word in which two names of equal length differ, else None."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return None
    differ = [i for i, (x, y) in enumerate(zip(words_a, words_b)) if x != y]
    return differ[0] if len(differ) == 1 else None


def slip(variant: str, norm: str) -> bool:
    """One word spelt a letter or two differently; not a plural, a possessive or a case."""
    index = differing_word(variant, norm)
    if index is None:
        return False
    a, b = variant.split()[index], norm.split()[index]
    if a.lower() == b.lower() or a.rstrip("s") == b.rstrip("s") or min(len(a), len(b)) < 4:
        return False
    if " " not in norm:
        # A lone word has no other words to vouch for it being the same name ("Fisk" and
        # "Fist", "March" and "Marco"): only a one-letter slip in a long word counts.
        return (min(len(a), len(b)) >= 6 and edit_distance(a.lower(), b.lower()) == 1
                and not is_calendar_word(a) and not is_calendar_word(b))
    return is_variant(a, b)


def norm_of(a: Spelling, b: Spelling) -> tuple[Spelling, Spelling]:
    """(norm, variant): the spelling more articles write (repeats within one article are
    one writer's habit), then the shorter."""
    key = lambda s: (len(s.articles), -len(s.text))
    return (a, b) if key(a) >= key(b) else (b, a)


def accepted(variant: str, norm: str, corpus: Corpus) -> bool:
    aliases = corpus.person_aliases
    return aliases.get(variant) == norm or aliases.get(norm) == variant or (
        variant in aliases and aliases.get(variant) == aliases.get(norm))


def check(claims: Sequence[Claim], corpus: Corpus, options: Options) -> Iterator[Conflict]:
    found, lower = spellings(corpus)
    norms = [s for s in found.values() if established(s, lower, options)]
    # Index the established names by each word left out, so a run is compared only with
    # names that share all its other words: near linear in the number of names.
    by_pattern: dict[tuple, list[Spelling]] = defaultdict(list)
    for spelling in norms:
        words = spelling.text.split()
        for index in range(len(words)):
            by_pattern[(index, *words[:index], *words[index + 1:])].append(spelling)
    reported: set[tuple[str, str]] = set()
    # Longest runs first, so "Krysten Ritten" is reported and "Ritten" within it is not.
    for spelling in sorted(found.values(), key=lambda s: -len(s.text.split())):
        words = spelling.text.split()
        for index in range(len(words)):
            for other in by_pattern.get((index, *words[:index], *words[index + 1:]), ()):
                if other is spelling or not slip(spelling.text, other.text):
                    continue
                norm, variant = norm_of(other, spelling)
                pair = (variant.text, norm.text)
                if pair in reported or within_reported(pair, reported) \
                        or len(variant.articles) > options.max_variant_articles \
                        or variant.text.lower() in lower and " " not in variant.text \
                        or accepted(variant.text, norm.text, corpus):
                    continue
                reported.add(pair)
                yield conflict(variant, norm, corpus)


def by_date(article_id: str, corpus: Corpus) -> tuple:
    article = corpus.articles.get(article_id)
    published = article.published if article else None
    return (published is None, published.earliest if published else None, article_id)


def within_reported(pair: tuple[str, str], reported: set[tuple[str, str]]) -> bool:
    """The slip is part of a longer name already reported ("Ritten" in "Krysten Ritten")."""
    return any(re.search(rf"\b{re.escape(pair[0])}\b", variant) and re.search(rf"\b{re.escape(pair[1])}\b", norm)
               for variant, norm in reported)


def conflict(variant: Spelling, norm: Spelling, corpus: Corpus) -> Conflict:
    variant.articles = dict(sorted(variant.articles.items(), key=lambda item: by_date(item[0], corpus)))
    norm.articles = dict(sorted(norm.articles.items(), key=lambda item: by_date(item[0], corpus)))
    citations = [Citation(article=article, start=start, end=start + len(variant.text), text=variant.text)
                 for article, start in variant.articles.items()]
    citations += [Citation(article=article, start=start, end=start + len(norm.text), text=norm.text)
                  for article, start in norm.articles.items()]
    also = [article for article in variant.articles if article in norm.articles]
    others = [article for article in norm.articles if article not in variant.articles]
    message = (f"{wording.sources(list(variant.articles), corpus, 'writes')} "
               f"\u201c{variant.text}\u201d"
               + (" (and elsewhere in the same article \u201c" + norm.text + "\u201d)" if also else "")
               + (f"; {wording.sources(others, corpus, 'writes')} \u201c{norm.text}\u201d." if others else "."))
    return Conflict(claims=[], message=message, subject=Subject(work=norm.text), citations=citations,
                    no_subject=True)


RULE = Rule(id="name-variant", severity=Severity.WARNING,
            summary="A person or work is spelled differently from how the other sources spell it.",
            scope=Scope.CORPUS, check=check, doc=__doc__, options=Options)
