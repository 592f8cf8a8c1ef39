"""What one article carries while its sentences are read, and the work a claim is about."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from claims.extract import works
from claims.extract.sentences import Sentence
from claims.extract.temporal import Timex
from claims.models import Article, Published


@dataclass
class ArticleContext:
    """What one article knows while its sentences are read."""

    article: Article
    lexicon: works.WorkLexicon
    sentences: list[Sentence]
    timexes: list[Timex]
    quotes: list[tuple[int, int]]
    focus: str | None = None
    focus_season: int | None = None
    recent: list[tuple[str, int | None]] = field(default_factory=list)
    last_event: str | None = None
    seasoned: set[str] = field(default_factory=set)   # works named with a season number
    last_subject: tuple[str, int | None] | None = None  # the work the last claim was about
    named_last_sentence: str | None = None  # the work the sentence before was about
    claimed_last_sentence: str | None = None  # the work of its first claim, if it made one
    subject_of_last_sentence: str | None = None  # its subject, when it made no claim
    # The focus is strong when the headline names it or the body names it again and again:
    # only then may a claim with no named work ("filming wraps in May") be about it.
    focus_strong: bool = False
    sentence_index: int = 0
    named_at: dict[str, int] = field(default_factory=dict)   # work -> last sentence naming it
    antecedent_at: dict[str, int] = field(default_factory=dict)  # the same, not as a person's attribute
    named_in: Counter = field(default_factory=Counter)       # work -> sentences naming it
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (trigger, event-typing check)
    renewed: dict[str, int] = field(default_factory=dict)   # work -> the season last renewed
    # work -> the season last told renewed or coming ("will return for a third season"):
    # what "the new season" is
    upcoming: dict[str, int] = field(default_factory=dict)
    last_decision: tuple[str, str] | None = None   # (work, event) of the last renewal or cancellation
    # The last shoot told of (work key, season, sentence index): what "It resumed in August"
    # speaks of; and the works whose shoot the article told was halted.
    last_shoot: tuple[str, int | None, int] | None = None
    halted: set[str] = field(default_factory=set)
    # work -> the number the article gives its final season ("a sixth and final season"),
    # the last noted last (seasons.note_finals)
    finals: dict[str, int] = field(default_factory=dict)
    named_in_full: set[str] | None = None   # works named by a title or an alias (subjects.named_in_full)
    time_uses: dict[tuple[int, int], bool] = field(default_factory=dict)  # (start, end) -> may date a work's event
    _written_days: dict[str, list[Timex]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # (sorted, both: find_timexes gives the times in order, none overlapping another)
        self.time_starts = [timex.start for timex in self.timexes]
        self.time_ends = [timex.end for timex in self.timexes]
        self.sentence_starts = [sentence.start for sentence in self.sentences]

    def index_of(self, sentence: Sentence) -> int:
        """The sentence's place among the article's (0 when it is none of them)."""
        index = bisect_left(self.sentence_starts, sentence.start)
        return index if index < len(self.sentences) and self.sentences[index] == sentence else 0

    def times_between(self, start: int, stop: int) -> list[Timex]:
        """The time expressions that start at or after `start` and before `stop`, in order:
        found by bisection, not by a pass over the article's every time (a long article has
        thousands, asked about once per trigger)."""
        return self.timexes[bisect_left(self.time_starts, start):bisect_left(self.time_starts, stop)]

    def times_ending_between(self, start: int, stop: int) -> list[Timex]:
        """The time expressions that end at or after `start` and before `stop`, in order."""
        return self.timexes[bisect_left(self.time_ends, start):bisect_left(self.time_ends, stop)]

    def near(self, work: str | None, sentences: int = 2) -> bool:
        """The work was named in this sentence or one of the few before it."""
        return work is not None and self.named_at.get(work, -99) >= self.sentence_index - sentences

    def may_mean(self, work: str | None) -> bool:
        """An unnamed reference ("it", "the series", a quote) may stand for this work: named
        just before (not only as a person's attribute: "his Thor co-star"), or the strong focus
        of the article."""
        return work is not None and (self.antecedent_at.get(work, -99) >= self.sentence_index - 2
                                     or self.focus_strong and work == self.focus)

    def written_year(self, timex: Timex) -> int | None:
        """The year the article itself writes for a year-less date's month and day ("had been
        slotted for July 2" beside "gave up Dec. 23 for July 2, 2021"), the nearest first; a
        day written in figures only (a holiday recurs)."""
        if not timex.year_inferred or len(timex.value) != 10 or not timex.value[:4].isdigit() \
                or not any(ch.isdigit() for ch in timex.text):
            return None
        written = self.written_days().get(timex.value[4:])
        if not written:
            return None
        # (the nearest of the sorted dates: one of the two around it, the earlier on a tie)
        at = bisect_left(written, timex.start, key=lambda t: t.start)
        near = written[max(0, at - 1):at + 1]
        return int(min(near, key=lambda t: abs(t.start - timex.start)).value[:4])

    def written_days(self) -> dict[str, list[Timex]]:
        """The days the article writes with their year, by month and day ("-07-02"), each
        day's in order (made when first asked for)."""
        if self._written_days is None:
            self._written_days = {}
            for t in self.timexes:
                if not t.year_inferred and len(t.value) == 10 and t.value[:4].isdigit():
                    self._written_days.setdefault(t.value[4:], []).append(t)
        return self._written_days

    def lexicon_key(self, title: str) -> str:
        return works.fold_title(title)

    @property
    def published(self) -> Published | None:
        return self.article.published


@dataclass
class Subj:
    work: str
    season: int | None
    start: int
    end: int
    explicit: bool
    how: str = ""   # for a season the clause does not number: the strategy that found it
