"""Articles from files: Markdown with front matter, plain text, JSON Lines (optionally gzip).

Each bad file gives one ReadProblem naming the file (and line) and the problem; the
other files are still read.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import glob
import gzip
import io
import json
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Protocol, TypeVar, overload
from urllib.parse import urlsplit

import yaml

from claims.extract.parallel import ProgressReport
from claims.models import Article, Published

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
# A time of day only after a full date: "2016-05 12" is a typo, not May 2016.
PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$")
MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"}
METADATA_KEYS = ("title", "outlet", "author", "url")
# A host name: dot-separated labels of letters, digits and inner hyphens, the last one (the
# top-level domain) starting with a letter, so an IP address or a bare word is no outlet.
HOST_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
HOST = re.compile(rf"(?:{HOST_LABEL}\.)+(?=[^\W\d_]){HOST_LABEL}")
# A Wayback Machine copy names its original after the capture time: /web/20171107225820/URL.
ARCHIVED = re.compile(r"/web/\d+[a-z_]*/(.+)", re.IGNORECASE)


class ByteStream(Protocol):
    """What JSON Lines are read from: a file, a gzip stream, standard input, bytes in memory."""

    def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class StandardInput:
    """One article given on standard input (`-` among the paths), its bytes or the stream
    to read them from: `name` stands for its file in messages and reports, and its suffix
    says how to read it (Markdown by default; a JSON Lines name reads a corpus)."""

    data: bytes | BinaryIO
    name: str = "stdin.md"


# An article (a file, or a JSON Lines record's line) bigger than this is reported, not read
# (--max-article-size): nothing news needs comes near it, and reading a book-sized "article"
# only costs time and memory.
MAX_ARTICLE_BYTES = 4 * 2**20
# The most --max-article-size may be: offsets into a body are kept in 32 bits (claims.names).
LARGEST_ARTICLE_LIMIT = 2**32 - 1


def size_text(size: int) -> str:
    """A number of bytes as people write it: "4 MB", "512 KB", "1,000 bytes" (1,024-based)."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if size >= scale and size % scale == 0:
            return f"{size // scale:,} {unit}"
    return f"{size:,} bytes"


def over_the_limit(limit: int, size: int | None = None) -> str:
    """Why an article was not read: its size (when known) and the limit."""
    return (f"{size:,} bytes, " if size is not None else "") + \
        f"over the {size_text(limit)} an article may have (--max-article-size): not read"


@dataclass(frozen=True)
class ReadProblem:
    """Why one file (or one line of a corpus) could not be read."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class BadArticle(Exception):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


def parse_published(raw) -> Published | None:
    """A publication date as YYYY, YYYY-MM, YYYY-MM-DD or a date-time; None when absent."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return Published(year=raw.year, month=raw.month, day=raw.day)
    match = PUBLISHED.match(str(raw).strip())
    if not match:
        raise BadArticle(f"invalid publication date {str(raw)!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match.group(1))   # (always there: the pattern starts with it)
    month, day = (int(part) if part else None for part in match.groups()[1:])
    try:
        dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError as err:
        raise BadArticle(f"invalid publication date {str(raw)!r} ({err})") from None
    return Published(year=year, month=month, day=day)


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(JSONL_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def is_article_file(path: Path) -> bool:
    return suffix_of(path) in MARKDOWN_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES


def decode(data: bytes) -> str:
    if b"\x00" in data:
        raise BadArticle("binary content (NUL bytes), not a text article")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise BadArticle(f"not UTF-8 text (bad byte at offset {err.start})", line) from None


def require_body(body: str) -> None:
    if not body.strip():
        raise BadArticle("empty body: nothing to check")


# "published", or "date" as Jekyll and Hugo front matter write it.
PUBLISHED_KEYS = ("published", "date")


def first_present(meta: dict, keys: tuple[str, ...], default=None):
    return next((meta[key] for key in keys if meta.get(key) not in (None, "")), default)


def text_or_none(value) -> str | None:
    return None if value is None else str(value)


class FrontMatterLoader(yaml.SafeLoader):
    """YAML without aliases: front matter has no use for them, and a few hundred bytes of
    aliases to aliases expand to gigabytes (a "billion laughs")."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed",
                                              self.peek_event().start_mark)
        return super().compose_node(parent, index)


def parse_markdown(text: str, path: Path, published: str | None) -> Article:
    match = FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            raise BadArticle("front matter is not closed by a '---' line", 1)
        return make_article(path.stem, text, path, published=published)
    try:
        meta = yaml.load(match.group(1), Loader=FrontMatterLoader) or {}
    except RecursionError:
        raise BadArticle("front matter nested too deeply", 2) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or "cannot be parsed"
        raise BadArticle(f"broken front matter: {problem}", mark.line + 2 if mark else 1) from None
    except ValueError as err:
        # PyYAML builds dates itself: "published: 2016-02-30" fails inside the parser.
        raise BadArticle(f"invalid publication date or other date in front matter ({err})") from None
    if not isinstance(meta, dict):
        raise BadArticle("front matter is not a mapping of keys to values", 2)
    body = text[match.end():]
    body_line = text[:match.end()].count("\n") + 1
    article_id = meta.get("id")
    return make_article(
        path.stem if article_id in (None, "") else str(article_id), body, path,
        published=first_present(meta, PUBLISHED_KEYS, published), body_line=body_line,
        **{key: text_or_none(meta.get(key)) for key in METADATA_KEYS})


def make_article(article_id: str, body: str, path: Path | str, *, published=None,
                 body_line: int = 1, **metadata) -> Article:
    require_body(body)
    return Article(id=article_id, body=body, path=str(path), published=parse_published(published),
                   body_line=body_line, **metadata)


def read_file(path: Path, published: str | None = None, data: bytes | BinaryIO | None = None,
              limit: int = MAX_ARTICLE_BYTES) -> Iterator[Article | ReadProblem]:
    """The articles in one file, or the problems that stopped them being read (`data`: the
    file's bytes, or the stream of them, when they come from standard input instead; `limit`:
    the bytes an article may have, a JSON Lines record's line too)."""
    suffix = suffix_of(path)
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, data, limit)
        return
    try:
        if data is None:
            size = path.stat().st_size
            if size > limit:   # (not even opened)
                yield ReadProblem(str(path), over_the_limit(limit, size))
                return
            with path.open("rb") as file:
                data = file.read(limit + 1)   # (a file that grew, a device: no more than this)
        elif not isinstance(data, bytes):
            data = data.read(limit + 1)
    except OSError as err:
        yield ReadProblem(str(path), f"cannot read ({err.strerror or err})")
        return
    if len(data) > limit:
        yield ReadProblem(str(path), over_the_limit(limit))
        return
    try:
        text = decode(data)
        if suffix in TEXT_SUFFIXES:
            yield make_article(path.stem, text, path, published=published)
        else:
            yield parse_markdown(text, path, published)
    except BadArticle as err:
        yield ReadProblem(str(path), err.message, err.line)


def outlet_from_url(url: str | None) -> str | None:
    """The outlet a URL names: its host without "www." ("https://www.people.com/x" and
    "www.people.com/x", as some corpora store URLs, are "people.com"; a port is dropped; a
    Wayback Machine copy names the archived page's outlet); None when the URL names no host."""
    text = (url or "").strip()
    if not text:
        return None
    try:
        parts = urlsplit(text if "://" in text else "//" + text.lstrip("/"))
        host = (parts.hostname or "").rstrip(".")
    except ValueError:   # "http://[::1" and other malformed addresses
        return None
    if not HOST.fullmatch(host):
        return None
    archived = ARCHIVED.match(parts.path) if host == "web.archive.org" else None
    if archived:
        return outlet_from_url(archived.group(1) + (f"?{parts.query}" if parts.query else ""))
    return host.removeprefix("www.")


def jsonl_outlet(record: dict) -> str | None:
    """A record's outlet: `outlet` when it has one, else its URL's host; `source` only when
    there is no URL (corpora put the dataset's name there, "FakeNewsNet-GossipCop", not the
    outlet that published the article)."""
    outlet = text_or_none(record.get("outlet"))
    if outlet:
        return outlet
    url = text_or_none(record.get("url"))
    if url and url.strip():
        return outlet_from_url(url)
    return text_or_none(record.get("source")) or None


def read_jsonl(path: Path, data: bytes | BinaryIO | None = None,
               limit: int = MAX_ARTICLE_BYTES) -> Iterator[Article | ReadProblem]:
    """One article per line: id, title, text, published (and optionally outlet, author, url,
    source). Read as a stream, in blocks (decompressed as they are read): memory holds the
    articles and at most `limit` bytes of a line, never the whole file; a line over `limit`
    is one problem, and a file damaged part-way gives the articles before the damage and a
    problem."""
    compressed = suffix_of(path).endswith(".gz")
    try:
        raw: BinaryIO = path.open("rb") if data is None else io.BytesIO(data) if isinstance(data, bytes) else data
    except OSError as err:
        yield ReadProblem(str(path), f"cannot read ({err.strerror or err})")
        return
    with contextlib.ExitStack() as opened:
        if data is None:
            opened.callback(raw.close)   # (a file it opened)
        stream = opened.enter_context(gzip.GzipFile(fileobj=raw, mode="rb")) if compressed else raw
        try:
            yield from jsonl_records(path, stream, limit)
        except (OSError, EOFError, zlib.error) as err:
            reason = getattr(err, "strerror", None) or err
            yield ReadProblem(str(path), f"not a readable gzip file ({err})" if compressed
                              else f"cannot read ({reason})")


# How much of a JSON Lines stream is read at a time (bytes).
BLOCK = 2**20
EMPTY_LINES = re.compile(rb"\n+")


def jsonl_records(path: Path, stream: ByteStream, limit: int = MAX_ARTICLE_BYTES) -> Iterator[Article | ReadProblem]:
    """The records of a JSON Lines stream, numbered as lines are (a bare carriage return
    ends a line too); a line over `limit` bytes is a problem, the rest of it skipped unread."""
    number = 0
    for line in stream_lines(stream, limit):
        if line is None:
            number += 1
            yield ReadProblem(str(path), f"a record {over_the_limit(limit)}", number)
        elif isinstance(line, int):
            number += line
        else:
            for raw_line in line.splitlines() or [b""]:
                number += 1
                if raw_line.strip():
                    yield record_article(path, raw_line, number)


def stream_lines(stream: ByteStream, limit: int) -> Iterator[bytes | int | None]:
    """A stream's lines as line feeds end them (without the feed), read a block at a time:
    a run of empty lines as their count, a line over `limit` bytes as None (the rest of it
    read past, never held)."""
    parts: list[bytes] = []   # the line not yet ended, as read so far
    held = 0                  # its bytes
    too_long = False          # it is over the limit: skipped to its end
    # (what the stream has at hand, where it can say: a gzip file damaged further on still
    # gives the lines before the damage)
    read = getattr(stream, "read1", stream.read)
    while block := read(BLOCK):
        at = 0
        while at < len(block):
            end = block.find(b"\n", at)
            stop = len(block) if end < 0 else end
            if too_long or held + stop - at > limit:
                too_long, parts, held = True, [], 0
            else:
                parts.append(block[at:stop])
                held += stop - at
            if end < 0:
                break
            if too_long:
                yield None
            else:
                yield b"".join(parts)
            too_long, parts, held = False, [], 0
            at = end + 1
            empty = EMPTY_LINES.match(block, at)   # (a run of empty lines at once)
            if empty:
                yield empty.end() - at
                at = empty.end()
    if too_long:
        yield None
    elif held:
        yield b"".join(parts)
def record_article(path: Path, raw_line: bytes, number: int) -> Article | ReadProblem:
    """The article of one JSON Lines record, or the problem that stopped it."""
    try:
        record = json.loads(decode(raw_line))
        if not isinstance(record, dict):
            raise BadArticle("not a JSON object")
        record = {key: without_lone_surrogates(value) if isinstance(value, str) else value
                  for key, value in record.items()}
        if not isinstance(record.get("text"), str):
            raise BadArticle("no 'text' string")
        article_id = record.get("id")
        if article_id in (None, ""):
            raise BadArticle("no 'id'")
        return make_article(str(article_id), record["text"], path,
                            published=first_present(record, PUBLISHED_KEYS), body_line=number,
                            outlet=jsonl_outlet(record),
                            **{k: text_or_none(record.get(k)) for k in ("title", "author", "url")})
    except json.JSONDecodeError as err:
        return ReadProblem(str(path), f"invalid JSON ({err.msg} at column {err.colno})", number)
    except RecursionError:
        return ReadProblem(str(path), "invalid JSON (nested too deeply)", number)
    except ValueError:   # (Python reads no integer of more than 4,300 digits)
        return ReadProblem(str(path), "invalid JSON (a number too long to read)", number)
    except BadArticle as err:
        return ReadProblem(str(path), err.message, number)


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """A JSON string's escaped half of a character ("\\ud800") read as U+FFFD: no valid
    text holds one, and it cannot be written out again."""
    if not LONE_SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def folder_articles(folder: Path) -> tuple[list[Path], list[ReadProblem]]:
    """The article files under a folder, sorted, each real folder visited once (a symbolic
    link back up the tree is followed no further), and a problem for each sub-folder that
    cannot be read (its articles would otherwise go unchecked without a word)."""
    unreadable: list[ReadProblem] = []
    seen: set[str] = set()
    found: list[Path] = []

    def refuse(err: OSError) -> None:
        unreadable.append(ReadProblem(str(err.filename or folder), f"cannot read the folder ({err.strerror or err})"))

    for root, folders, files in os.walk(folder, onerror=refuse, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            folders[:] = []   # (a loop: this folder's files are already listed)
            continue
        seen.add(real)
        found += [Path(root) / name for name in files
                  if is_article_file(Path(root) / name) and (Path(root) / name).is_file()]
    return once_each(sorted(found)), unreadable


def once_each(files: list[Path]) -> list[Path]:
    """The files, a file reached by several paths (links) only at its first."""
    seen: set[str] = set()
    kept = []
    for file in files:
        real = os.path.realpath(file)
        if real not in seen:
            seen.add(real)
            kept.append(file)
    return kept


def expand(targets: Iterable[str | StandardInput]) -> Iterator[Path | StandardInput | ReadProblem]:
    """Files named by paths, folders (searched recursively) and glob patterns, in order
    (standard input where it stands among them)."""
    for target in targets:
        if isinstance(target, StandardInput):
            yield target
            continue
        path = Path(target)
        if path.is_dir():
            found, unreadable = folder_articles(path)
            yield from unreadable
            if not found and not unreadable:
                yield ReadProblem(target, "folder holds no articles (*.md, *.txt, *.jsonl[.gz])")
            yield from found
        elif path.exists():
            yield path
        elif glob.has_magic(target):
            matches = sorted(Path(p) for p in glob.glob(target, recursive=True))
            files = once_each([p for p in matches if p.is_file() and is_article_file(p)])
            if not files:
                yield ReadProblem(target, "pattern matches no article files")
            yield from files
        else:
            yield ReadProblem(target, "no such file or folder")


# Problems shown for one file at most: a corpus of a million broken (or repeated) lines gives
# these and a count of the rest, not a million lines held and printed.
MAX_PROBLEMS_PER_FILE = 100


class ArticleList(Protocol):
    """Where the articles read are kept: a list, or a spool (claims/spool.py)."""

    def append(self, article: Article, /) -> None: ...

    def __len__(self) -> int: ...


Kept = TypeVar("Kept", bound=ArticleList)


@overload
def read_articles(targets: Iterable[str | StandardInput], published: str | None = None,
                  progress: ProgressReport | None = None, limit: int = MAX_ARTICLE_BYTES,
                  into: None = None) -> tuple[list[Article], list[ReadProblem]]: ...


@overload
def read_articles(targets: Iterable[str | StandardInput], published: str | None,
                  progress: ProgressReport | None, limit: int, into: Kept) -> tuple[Kept, list[ReadProblem]]: ...


def read_articles(targets: Iterable[str | StandardInput], published: str | None = None,
                  progress: ProgressReport | None = None, limit: int = MAX_ARTICLE_BYTES,
                  into: ArticleList | None = None) -> tuple[ArticleList, list[ReadProblem]]:
    """All readable articles under the targets, and a problem for each that was not
    (`progress` is told how many are read, as they are; `limit`: the bytes an article, or a
    JSON Lines record, may have; `into`: where to keep the articles, a new list if None)."""
    articles: ArticleList = [] if into is None else into
    problems: list[ReadProblem] = []
    seen: dict[str, str] = {}
    for item in expand(targets):
        if isinstance(item, ReadProblem):
            problems.append(item)
            continue
        read = read_file(Path(item.name), published, item.data, limit) if isinstance(item, StandardInput) \
            else read_file(item, published, limit=limit)
        found = 0   # (this file's problems)
        for result in read:
            if isinstance(result, Article) and result.id in seen:
                result = ReadProblem(result.path or "", f"article id {result.id!r} is already used by {seen[result.id]}")
            if isinstance(result, ReadProblem):
                found += 1
                if found <= MAX_PROBLEMS_PER_FILE:
                    problems.append(result)
                continue
            seen[result.id] = result.path or ""
            articles.append(result)
            if progress:
                progress("reading articles", len(articles), None)
        if found > MAX_PROBLEMS_PER_FILE:
            more = found - MAX_PROBLEMS_PER_FILE
            problems.append(ReadProblem(problems[-1].path, f"{more:,} more problem{'s' * (more != 1)} in this file "
                                        f"not shown (the first {MAX_PROBLEMS_PER_FILE} are)"))
    return articles, problems
