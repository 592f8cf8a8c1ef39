"""How the articles spell names: every run of capitalised words outside headlines, and the
titles of registered works that are no such run ("Top Gun: Maverick").

The `name-variant` rule compares these spellings across sources. They are collected while
the articles are read for claims, batch by batch (in worker processes or on a cluster), and
`Spellings.merge` puts the batches together in corpus order, so the rule sees what one pass
over every body gives, without reading the bodies again.
"""
from __future__ import annotations

import re
from typing import Iterable

from claims.extract import gazetteer, lexicon
from claims.extract.sentences import text_before
from claims.extract.works import is_title_case_line
from claims.models import Article
from claims.names import POSSESSIVE, Spelling, Spellings, function_words

UPPER, LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
WORD = rf"[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)*(?:[-'][{UPPER}{LOWER}]+)*"   # "McAdams" too
NAME = re.compile(rf"(?<![\w'-]){WORD}(?:[ \t]+{WORD}){{0,3}}")
HEADLINE_WORD = re.compile(rf"(?<![\w'-]){WORD}")
LOWER_WORD = re.compile(rf"(?<![\w'-])[{LOWER}][{LOWER}'-]+")
SENTENCE_START = ".!?:\"“”'‘’*_#>-—("


def title_pattern(titles: Iterable[str], bodies: list[str] | None = None) -> re.Pattern | None:
    """The registered titles of more than one word that are no run of capitalised words;
    given the few bodies it will read (an incremental check), only the titles they hold,
    which spares compiling thousands."""
    listed = {title for title in titles if len(title.split()) > 1 and not NAME.fullmatch(title)}
    if bodies is not None:
        texts = [body.replace("’", "'") for body in bodies]   # as body_lines reads them
        listed = {title for title in listed if any(title in text for text in texts)}
    if not listed:
        return None
    return re.compile(rf"(?<![\w'-])(?:{lexicon.literal_alternation(listed)})(?![\w-])")


def collect(articles: Iterable[Article], titles: re.Pattern | None) -> Spellings:
    """The spellings of the articles' bodies, line by line outside headlines (curly
    apostrophes read as straight ones)."""
    found = Spellings()
    for article in articles:
        every_line = [(offset, line) for offset, line in body_lines(article.body) if line.strip()]
        lines = [(offset, line) for offset, line in every_line if not is_title_case_line(line.strip())]
        if every_line and (not lines or lines[0] is not every_line[0]):   # (a headline first)
            found.headlines += headline_pairs(article.id, *every_line[0])
        for offset, line in lines:
            found.lower.update(word.group().lower() for word in LOWER_WORD.finditer(line))   # (a long line's words not listed first)
            for match in NAME.finditer(line):
                record(found, article.id, offset + match.start(), match.group(), text_before(line, match.start()))
        if titles:
            for offset, line in lines:
                found.titles += [(match.group(), article.id, offset + match.start()) for match in titles.finditer(line)]
    return found


def headline_pairs(article: str, offset: int, line: str) -> list[tuple[str, str, int]]:
    """(pair, article, offset) of two capitalised words side by side in a headline, the first
    a given name, a possessive dropped ("Rory Callahan", not "Dating Rory")."""
    words = list(HEADLINE_WORD.finditer(line))
    return [(f"{first.group()} {POSSESSIVE.sub('', second.group())}", article, offset + first.start())
            for first, second in zip(words, words[1:])
            if not line[first.end():second.start()].strip(" \t") and gazetteer.given_name_count(first.group())]


def body_lines(body: str) -> list[tuple[int, str]]:
    """(offset, line) of a body's lines, their line ends kept."""
    found, offset = [], 0
    for line in body.replace("’", "'").splitlines(keepends=True):
        found.append((offset, line))
        offset += len(line)
    return found


def record(found: Spellings, article: str, start: int, run: str, before: str) -> None:
    """Count a run's words and phrases (`before`: the line before it, its end at least)."""
    words = run.split()
    at_start = not before.strip() or before.rstrip()[-1:] in SENTENCE_START
    for size in range(1, min(3, len(words)) + 1):
        for first in range(len(words) - size + 1):
            text = POSSESSIVE.sub("", " ".join(words[first:first + size]))
            table = found.initial if first == 0 and at_start and (
                size == 1 or words[0].lower() in function_words()) else found.runs
            spelling = table.get(text)
            if spelling is None:   # (not setdefault, which would build a Spelling for every use)
                spelling = table[text] = Spelling(text)
            spelling.count += 1
            spelling.first_use(article, start + len(" ".join(words[:first])) + (1 if first else 0))
