"""Articles kept in a temporary file instead of in memory, read back when asked for.

A corpus is read once but used several times: work learning reads every article, then
claim extraction, then the rules and reports a few (the sources a finding cites). Held as
objects, the bodies took about 7.5 KiB an article of the real corpus. Spooled, memory keeps
an offset and the id of each article; the file holds each article pickled (about the size
of its text: zlib at level 1 halved that but cost about 2% of a run's time), and the forked
worker processes read their batches from the same file (`os.pread` keeps no shared file
position). The spool behaves as the list of articles it replaces: `len`, indexing, slices,
iteration in the order read, and `by_id`, a mapping of the articles by id.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections import OrderedDict
from typing import Iterator, Mapping, Sequence, overload

from claims import article_ids
from claims.models import Article

# Articles read back at once when the spool is walked in order.
READ_AHEAD = 256
# Articles kept decoded after a lookup by id (the rules and reports ask for the same few
# sources again and again).
RECENT = 64


class SpoolError(Exception):
    """The temporary file cannot be made or written (the folder missing, read-only or full)."""


def cannot_spool(err: OSError, directory: str | None) -> SpoolError:
    folder = directory or tempfile.gettempdir()
    return SpoolError(f"cannot keep the articles in a temporary file in {folder} ({err.strerror or err}): "
                      "set TMPDIR to a folder with room for about the corpus's size")


class ArticleSpool(Sequence[Article]):
    """The articles of one run, in the order they were read, kept in a temporary file."""

    def __init__(self, directory: str | None = None):
        self._directory = directory
        try:
            self._file = tempfile.TemporaryFile(prefix="checker-articles-", dir=directory)
        except OSError as err:
            raise cannot_spool(err, directory) from err
        self._ends = array("Q")      # where each article's record ends in the file
        # Each article's number (claims/article_ids.py), and each number's position here
        # (-1: none): arrays, not a dict of ids, which the table of numbers holds already.
        # (Positions run to the highest number: ids a process numbered before cost 4 bytes each.)
        self._numbers = array("i")
        self._positions = array("i")
        self._unflushed = False
        self._recent: OrderedDict[int, Article] = OrderedDict()

    def append(self, article: Article) -> None:
        record = pickle.dumps(article, pickle.HIGHEST_PROTOCOL)
        try:
            self._file.write(record)
        except OSError as err:
            raise cannot_spool(err, self._directory) from err
        self._ends.append((self._ends[-1] if self._ends else 0) + len(record))
        number = article_ids.number(article.id)
        if number >= len(self._positions):
            self._positions.extend([-1] * (number + 1 - len(self._positions)))
        if self._positions[number] == -1:
            self._numbers.append(number)
        self._positions[number] = len(self._ends) - 1   # (an id appended again: the later article)
        self._unflushed = True

    def close(self) -> None:
        self._file.close()

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> list[Article]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            return self._read(start, stop)
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("article index out of range")
        if index in self._recent:
            self._recent.move_to_end(index)
            return self._recent[index]
        [article] = self._read(index, index + 1)
        self._recent[index] = article
        if len(self._recent) > RECENT:
            self._recent.popitem(last=False)
        return article

    def __iter__(self) -> Iterator[Article]:
        for start in range(0, len(self), READ_AHEAD):
            yield from self._read(start, min(start + READ_AHEAD, len(self)))

    def _read(self, start: int, stop: int) -> list[Article]:
        """Articles start..stop-1, read from the file in one call."""
        if start >= stop:
            return []
        if self._unflushed:
            try:
                self._file.flush()
            except OSError as err:
                raise cannot_spool(err, self._directory) from err
            self._unflushed = False
        first = self._ends[start - 1] if start else 0
        data = os.pread(self._file.fileno(), self._ends[stop - 1] - first, first)
        articles = []
        at = 0
        for end in self._ends[start:stop]:
            articles.append(pickle.loads(data[at:end - first]))
            at = end - first
        return articles

    def ids(self) -> Iterator[str]:
        """The articles' ids in the order read (each once), without reading the articles."""
        return (article_ids.IDS[number] for number in self._numbers)

    def position(self, article_id: str) -> int | None:
        number = article_ids.known(article_id)
        if number is None or number >= len(self._positions) or self._positions[number] == -1:
            return None
        return self._positions[number]

    @property
    def by_id(self) -> SpooledById:
        return SpooledById(self)

    def by_id_with(self, others: dict[str, Article]) -> SpooledById:
        """The articles by id, and other articles (a store's) after them."""
        return SpooledById(self, others)

    def __reduce__(self):
        # (Sent elsewhere, to a Dask worker on another machine, the file cannot follow: the
        # articles travel as a list.)
        return list, (list(self),)


class SpooledById(Mapping[str, Article]):
    """A spool's articles by id, each read from the file when asked for."""

    def __init__(self, spool: ArticleSpool, others: dict[str, Article] | None = None):
        self.spool = spool
        self.others = others or {}

    def __getitem__(self, article_id: str) -> Article:
        position = self.spool.position(article_id)
        if position is not None:
            return self.spool[position]
        return self.others[article_id]

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.others or \
            isinstance(article_id, str) and self.spool.position(article_id) is not None

    def __iter__(self) -> Iterator[str]:
        yield from self.spool.ids()
        yield from (article_id for article_id in self.others if self.spool.position(article_id) is None)

    def __len__(self) -> int:
        return len(self.spool) + sum(1 for article_id in self.others if self.spool.position(article_id) is None)
