"""What the text around a match tells: the clause's tense, headline case, sentence starts, whether a
capitalized month or season word is a name, and the mod a preposition before a time sets."""
from __future__ import annotations

import functools
import re

from claims.extract.temporal.data import Lexicon, _mapping, _norm, _words, alternation, lexicon, load
from claims.extract.temporal.patterns import TOKEN
from claims.models import Published


@functools.cache
def _tense_regexes() -> tuple[re.Pattern, re.Pattern]:
    lex = lexicon()
    # Case-sensitive: "May" the month must not read as a modal, nor "Will" the name as "will".
    future = re.compile(r"(?<![\w'])" + alternation(lex.future_words) + r"(?!\w)")
    past = re.compile(r"(?<![\w'])(?:" + alternation(lex.past_words) + r"|[a-z]{2,}ed)(?!\w)")
    return future, past


@functools.cache
def _scheduled_noun() -> re.Pattern:
    """A noun after a year-less date that makes it a scheduled event: "a November debut"."""
    nouns = alternation(_words("tense_hints", "scheduled_nouns"), r"s?")
    return re.compile(r"\s+(?:(?-i:[A-Z])[\w'’]*\s+){0,2}?" + nouns + r"(?!\w)", re.IGNORECASE)


SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s+(?=[A-Z\"“‘'(])|\n\s*\n|\n(?=[A-Z\"“])")


class Context:
    """One text being scanned: its DCT, the caller's tense, the convention, and the current match's span."""

    def __init__(self, text: str, published: Published | None, tense: str | None, convention: str):
        self.text = text
        self.published = published
        self.tense = tense
        self.tempeval = convention == "tempeval"
        self.start = self.end = 0
        self._title_lines: dict[int, bool] = {}

    def title_case(self, pos: int) -> bool:
        """Whether the line holding pos is in title case (a headline: "A November Debut On Netflix")."""
        lo = self.text.rfind("\n", 0, pos) + 1
        if lo not in self._title_lines:
            hi = self.text.find("\n", pos)
            line = self.text[lo:hi if hi >= 0 else len(self.text)]
            rule = load("calendar").get("title_case") or {}
            words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= int(rule.get("min_length", 4))]
            caps = sum(1 for w in words if w[0].isupper())
            self._title_lines[lo] = (len(words) >= int(rule.get("min_words", 3))
                                     and caps > float(rule.get("ratio", 0.8)) * len(words))
        return self._title_lines[lo]

    def guess_tense(self) -> str | None:
        """The tense the caller gave, else a cue in the clause before the match (tense_hints.yaml)."""
        if self.tense in ("past", "present", "future"):
            return self.tense
        hints = load("tense_hints")
        lo = max(0, self.start - int(hints.get("future_window", 80)))
        left = self.text[lo:self.start]
        cut = None
        for m in SENTENCE_END.finditer(left):
            cut = m.end()
        if cut:
            left = left[cut:]
        future, past = _tense_regexes()
        if future.search(left):
            return "future"
        window = left[-int(hints.get("past_window", 25)):]
        for m in past.finditer(window):
            if m.group().lower() not in lexicon().not_past:
                return "past"
        if re.search(r"(?i)\ban?\s+$", left) and _scheduled_noun().match(self.text, self.end):
            return "future"
        return None

    def sentence_start(self, pos: int) -> bool:
        before = self.text[max(0, pos - 3):pos].rstrip(" \t")
        return not before or before[-1] in ".!?\n\"“‘'(:—-"


def _names_weekday(text: str, lex: Lexicon) -> bool:
    """Whether text writes a weekday ("Saturday, April 25"), which fixes a year-less date's year."""
    return any(_norm(w).rstrip(".") in lex.weekdays for w in TOKEN.findall(text))


def _is_capitalized(word: str | None) -> bool:
    if not word:
        return False
    return word[0].isupper()


def _next_word(ctx: Context, pos: int) -> str:
    m = re.match(r"\s+([\w'’]+)", ctx.text[pos:pos + 30])
    return m.group(1) if m else ""


def _month_is_name(word: str, g: dict, ctx: Context, lex: Lexicon, bare: bool) -> bool:
    """False when a month word is something else: a verb, a modal, a first name."""
    if not _is_capitalized(word):
        return _norm(word) in _words("calendar", "lowercase_months")
    if bare:
        nxt = _next_word(ctx, ctx.end)
        stop = lex.month_not_before.get(_norm(word).rstrip("."), set())
        if nxt.lower() in stop:
            return False
        # A bare abbreviation without its dot ("Mar", "Jan") is more often a name than a month.
        if _norm(word) not in _mapping("calendar", "months") and not word.endswith("."):
            return False
        # "Mary June Smith" is a name, but a headline capitalizes every word ("A March Netflix Debut").
        if nxt[:1].isupper() and not ctx.sentence_start(ctx.end + 1) and not ctx.title_case(ctx.start):
            return False
        prev = ctx.text[max(0, ctx.start - 2):ctx.start]
        if _norm(word) == "may" and ctx.sentence_start(ctx.start) and not g.get("mod"):
            return False
        if prev.endswith("-"):
            return False
    return True


def _season_is_time(word: str, g: dict, ctx: Context, start: int, has_context: bool) -> bool:
    """Seasons are lower-case in running text; a capitalized one is usually a title or a name."""
    if not word[0].isupper():
        return True
    if ctx.title_case(start):
        # A headline capitalizes every word: a season needs "the" or a modifier there.
        return has_context or ctx.text[start:ctx.end].lower().startswith("the")
    nxt = _next_word(ctx, ctx.end)
    if nxt[:1].isupper():
        return False
    return has_context or ctx.sentence_start(start)


def _signal_mod(text: str, start: int) -> tuple[bool, str | None]:
    """The mod a preposition just before `start` sets ("by 2018" -> ON_OR_BEFORE), if any.

    "until X" after a negation in the clause ("won't premiere until March") is when the event
    happens: mod null (modifiers.yaml, negated_signals).
    """
    lex = lexicon()
    m = _signal_regex().search(text, max(0, start - 24), start)
    if not m:
        return False, None
    word = _norm(m.group(1))
    if word in _words("modifiers", "negated_signals") and _negated_clause(text, m.start(1)):
        return True, None
    return True, lex.signals.get(word)


@functools.cache
def _clause_break() -> re.Pattern:
    """Where a clause ends: . ! ? ; : or a line end, ", but", ", while" ... (modifiers.yaml)."""
    conjunctions = alternation(_words("modifiers", "clause_conjunctions"))
    breaks = alternation(_words("modifiers", "clause_breaks"))
    return re.compile(r"[.!?;:]\s|\n|,\s+" + conjunctions + r"\b|\b" + breaks + r"\b", re.IGNORECASE)


@functools.cache
def _negation_regex() -> re.Pattern:
    return re.compile("|".join(f"(?:{n})" for n in _words("modifiers", "negations")), re.IGNORECASE)


def _negated_clause(text: str, pos: int) -> bool:
    """A negation in the clause before pos (at most 100 characters back)."""
    left = text[max(0, pos - 100):pos]
    cut = 0
    for m in _clause_break().finditer(left):
        cut = m.end()
    return bool(_negation_regex().search(left[cut:]))


@functools.cache
def _signal_regex() -> re.Pattern:
    return re.compile(r"(?<!\w)(" + alternation(lexicon().signals)[3:-1] + r")\s+$", re.IGNORECASE)
