"""Where evidence stands in the file it was read from: path, lines and code-point columns.

Evidence offsets count code points into an article's body; the body starts on
`article.body_line` of its file, so a line and column follow from the text before the offset.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePath
from urllib.parse import quote

from claims.models import Article
from claims.reading import JSONL_SUFFIXES, suffix_of


@dataclass(frozen=True)
class Span:
    """A region of a file: lines 1-based; columns 1-based in code points, the end column
    just past the last character (SARIF's convention). Columns are None when unknown."""

    path: str
    start_line: int
    end_line: int
    start_column: int | None = None
    end_column: int | None = None


def is_corpus_file(path: str) -> bool:
    """A JSON Lines corpus: one article per line, its text JSON-encoded on that line."""
    return suffix_of(Path(path)) in JSONL_SUFFIXES


def display_path(path: str) -> str:
    """The path relative to the current folder when it lies below it, with forward slashes;
    otherwise absolute. Symlinks are kept as named."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def path_uri(path: str) -> str:
    """A display path as a URI reference: relative paths stay relative, percent-encoded."""
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return quote(path)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """0-based line and 1-based column of a code-point offset into text."""
    before = text[:offset]
    return before.count("\n"), offset - before.rfind("\n")


def locate(article: Article, start: int, end: int) -> Span | None:
    """The file region of body[start:end]; None for an article not read from a file."""
    if article.path is None:
        return None
    path = display_path(article.path)
    if is_corpus_file(article.path):
        # Offsets count into the decoded text, not the escaped JSON on the line: the line
        # is all that can be pointed at.
        return Span(path, article.body_line, article.body_line)
    start_line, start_column = line_and_column(article.body, start)
    end_line, end_column = line_and_column(article.body, end)
    return Span(path, article.body_line + start_line, article.body_line + end_line,
                start_column, end_column)
