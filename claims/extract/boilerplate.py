"""Page furniture (newsletter blurbs, credits, author bios, "Check Also" footers): no claims."""
from __future__ import annotations

import re
from functools import cache

from claims.extract import lexicon
from claims.extract.sentences import Sentence
from claims.models import Article


@cache
def patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    data = lexicon.load("boilerplate")
    line = re.compile("|".join(f"(?:{p})" for p in data["line"]), re.IGNORECASE)
    rest = re.compile("|".join(f"(?:{p})" for p in data["rest"]), re.IGNORECASE)
    bio = re.compile(rf"^\s*(?:{lexicon.alternation(data['bio_cues'])})\b", re.IGNORECASE)
    named_bio = re.compile(
        rf"^(?:[A-Z][\w'’.-]+\s+){{1,3}}(?:{lexicon.alternation(data['bio_cues'])})\b"
        rf".*\b(?:{lexicon.alternation(data['bio_roles'])})", re.DOTALL)
    return line, rest, bio, named_bio


def skipped_lines(article: Article) -> set[int]:
    """Body offsets of the lines that are boilerplate (the headline line is never skipped)."""
    line_re, rest_re, bio_re, named_bio_re = patterns()
    skipped: set[int] = set()
    offset = 0
    first = True
    footer = False
    author = (article.author or "").strip()
    for line in article.body.splitlines(keepends=True):
        text = line.strip()
        start = offset
        offset += len(line)
        if not text:
            continue
        if footer:
            skipped.add(start)
            continue
        if first:
            first = False
            continue
        if rest_re.match(text):
            footer = True
            skipped.add(start)
            continue
        if line_re.match(text) and len(text) < 200:
            skipped.add(start)
            continue
        if author and text.startswith(author) and bio_re.match(text[len(author):]) \
                or named_bio_re.match(text) and len(text) < 1200:
            skipped.add(start)
    return skipped


@cache
def caption_patterns() -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    """(what the patterns need, the patterns that need it) from boilerplate.yaml: the cheap
    search first spares most sentences the patterns' own (a seventh of reading an
    article, before)."""
    grouped: dict[str, list[str]] = {}
    for entry in lexicon.load("boilerplate")["caption"]:
        grouped.setdefault(entry["needs"], []).append(entry["pattern"])
    return tuple((re.compile(needs, re.IGNORECASE), re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
                 for needs, patterns in grouped.items())


def is_caption(text: str) -> bool:
    return any(needs.search(text) and pattern.search(text) for needs, pattern in caption_patterns())


def without_captions(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that are no photo caption (a credit in parentheses, a press photo's
    upper-case names before a dash)."""
    return [s for s in sentences if not is_caption(s.text)]
