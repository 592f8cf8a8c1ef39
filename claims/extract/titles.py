"""Title candidates in a sentence: capitalized runs and quoted spans, taken whole.

A title is written in capitals with small words inside ("Keeping Up with the Kardashians",
"Sex and the City 3", "Once Upon a Time") and may carry a subtitle after a colon or a dash
("Mission: Impossible – Dead Reckoning Part One"). A run is offered whole, together with
the shorter readings it may hide: without a leading capitalized function word, weekday or
role word ("Saturday Night Live" and "Night Live"), split where "and"/"with"/"&" or a
possessive may join two names ("Copper Valley and Hulu's Paper Saints"). Each reading is a
`Candidate`; the registry (claims/extract/registry.py) weighs the cues around every
reading over the whole corpus and keeps the whole title when the evidence is for it.
"""
from __future__ import annotations

import re
from typing import NamedTuple
from functools import cache, lru_cache

from claims.extract import gazetteer, lexicon
from claims.extract.sentences import text_before
from claims.extract.temporal import lexicon as time_lexicon


class Candidate(NamedTuple):
    """(A tuple: tens of thousands are made per corpus, and a frozen dataclass is slow to build.)"""
    start: int          # offsets in the sentence text
    end: int
    text: str
    quoted: bool = False
    # A shorter reading inside a longer run: "trim" (a leading word dropped), "split" (one
    # side of "and", "with" or a possessive); "" for the run as a whole.
    part: str = ""


@cache
def knowledge() -> dict:
    data = lexicon.load("titles")
    inner = sorted(data["inner"], key=len, reverse=True)
    inner_re = "|".join(re.escape(w) for w in inner)
    # A capitalized word: "Marvel's", "Nine-Nine", "S.H.I.E.L.D.", "Sense8", "iZombie", "#MI7".
    cap = r"(?:[A-Z0-9][\w'’.&+!?-]*[\w!?+]|[A-Z0-9]|i[A-Z][\w'’-]*|#[A-Za-z][\w]*)"
    separator = r"(?:\s+|\s*:\s+|\s+[–—-]\s+)"
    run = rf"{cap}(?:{separator}(?:(?:{inner_re})\s+){{0,2}}{cap})*"
    return {
        # (Not inside a word: "O'Brien", "don't"; an opening quote before it is fine.)
        "run": re.compile(rf"(?<![\w.-])(?<!\w['’]){run}"),
        "inner": set(inner),
        "joiners": set(data["joiners"]),
        "not_start": {w.lower() for w in data["not_start"]},
        "roles": {w.lower() for w in data["roles"]},
        "labels": {w.lower() for w in data["labels"]},
        "rank_abbreviations": set(data["rank_abbreviations"]),
        "quote_pairs": [(pair[0], pair[1]) for pair in data["quote_pairs"]],
        "numbers": {w.lower() for w in lexicon.entry("works", "numbers")}
        | {w.lower() for w, v in lexicon.entry("works", "ordinals").items() if v},
        "makers": {gazetteer.fold(m) for m in lexicon.entry("works", "studios")},
        "event_words": {w.lower() for w in data["event_words"]},
        "seasons": {"spring", "summer", "fall", "autumn", "winter"},
    }


def is_month(word: str) -> bool:
    return word.lower().rstrip(".") in time_lexicon().months


def is_weekday(word: str) -> bool:
    return word.lower().rstrip(".") in time_lexicon().weekdays


def is_maker(word: str) -> bool:
    """A network's or studio's name, alone or joined ("Netflix's", "Disney-Pixar's")."""
    parts = gazetteer.fold(word).split()
    return bool(parts) and all(part in knowledge()["makers"] for part in parts)


WORD = re.compile(r"\S+")
NO_TITLE_WORD = re.compile(r"\d[A-Za-z]+\d|[A-Za-z]\d+[A-Za-z]|(?<!\S)#|(?<!\S)\d+-[a-z]")
INITIALS = re.compile(r"(?:[A-Z]\.)+")
POSSESSIVE_END = re.compile(r"(?:['’]s|s['’])$")
TRAILING_MARKS = ".,;:!?-–—'’\"”)"


def sentence_initial(text: str, start: int) -> bool:
    """Nothing but opening quotes or a list mark before: the capital may be the sentence's."""
    # (the last few characters say it; the whole prefix only when they are all blanks and marks)
    lead = text[max(0, start - 12):start].rstrip().rstrip("\"“‘'*_([").rstrip()
    if not lead and start > 12:
        lead = text_before(text, start).rstrip().rstrip("\"“‘'*_([").rstrip()
    return not lead or lead.endswith((".", "!", "?", ":", "•", "|", "—", "–"))


def candidates(text: str, title_case: bool = False) -> list[Candidate]:
    """Every reading of every capitalized run (skipped in a title-case line, where
    capitals say nothing) and every quoted span that reads as a title."""
    found: list[Candidate] = []
    if not title_case:
        for match in knowledge()["run"].finditer(text):
            for start, end in run_pieces(match):
                found += [Candidate(start + s, start + e, run, False, part) for s, e, run, part
                          in run_readings(text[start:end], sentence_initial(text, start))]
    found += quoted_spans(text)
    return found


# A capitalized run of more words than this is read in pieces of this many: no title is that
# long (the corpora's longest run has 72 words), and a run's readings (each side of each
# "and" in it) grow with the square of its words.
MAX_RUN_WORDS = 100


def run_pieces(match: re.Match) -> list[tuple[int, int]]:
    """A run's span, or the spans of its pieces when it is over MAX_RUN_WORDS words."""
    if match.end() - match.start() <= 2 * MAX_RUN_WORDS:   # (too short to have that many)
        return [match.span()]
    words = words_of(match.group(), match.start())
    if len(words) <= MAX_RUN_WORDS:
        return [match.span()]
    return [(words[first][0], words[min(first + MAX_RUN_WORDS, len(words)) - 1][1])
            for first in range(0, len(words), MAX_RUN_WORDS)]


@lru_cache(maxsize=65536)
def run_readings(run: str, initial: bool) -> tuple[tuple[int, int, str, str], ...]:
    """The readings of a capitalized run as (start, end, text, part), offsets in the run:
    they depend only on the run and on whether it opens its sentence, and names recur."""
    # (A stand-in for the sentence before the run: nothing, or a word.)
    lead = "" if initial else "x "
    return tuple((c.start - len(lead), c.end - len(lead), c.text, c.part)
                 for c in readings(lead + run, len(lead), run))


def words_of(run: str, start: int) -> list[tuple[int, int, str]]:
    return [(start + m.start(), start + m.end(), m.group()) for m in WORD.finditer(run)]


def readings(text: str, start: int, run: str) -> list[Candidate]:
    """The whole run and the shorter readings it may hide."""
    info = knowledge()
    words = words_of(run, start)
    if len(words) == 1:  # most runs: one capitalized word, none of the splits below apply
        if NO_TITLE_WORD.search(run):
            return []
        words = trim_end(words, info)
        if not words or not title_like(text[words[0][0]:words[0][1]]) or is_time(words):
            return []
        return [Candidate(words[0][0], words[0][1], text[words[0][0]:words[0][1]], False, "")]
    # A date ends a run: "The Bachelorette's July 24 episode" holds no title "July 24"; a
    # year after a small word is a time, not a title's number ("Lirico in the 2011 ...").
    for index, (_, _, word) in enumerate(words):
        if is_month(word) and index + 1 < len(words) and words[index + 1][2][:1].isdigit() \
                or index and word.lower() in info["inner"] and index + 1 < len(words) \
                and re.fullmatch(r"(?:19|20)\d\d\W*", words[index + 1][2]):
            words = words[:index]
            break
    # A sequel's number ends a title before a place: "Copper Valley 2 in Ohio" (but "Sleepless
    # in Seattle" and "Midnight in Paris" keep their place).
    for index, (_, _, word) in enumerate(words[:-2]):
        if index and re.fullmatch(r"\d{1,2}|[IVX]{1,5}", word) and words[index + 1][2].lower() in ("in", "at", "on") \
                and gazetteer.place_kind(" ".join(w for _, _, w in words[index + 2:])):
            words = words[:index + 1]
            break
    # "Last June", "Next Friday", "Early Spring": a time, not a title.
    if len(words) == 2 and words[0][2].lower() in ("last", "next", "this", "early", "late", "mid", "every") \
            and (is_month(words[1][2]) or is_weekday(words[1][2]) or words[1][2].lower() in info["seasons"]):
        return []
    # A word with digits inside ("AWx0OL64KA"), a hashtag, a measure ("10-part", "46-year-old"):
    # no title.
    if NO_TITLE_WORD.search(" ".join(w for _, _, w in words)):
        return []
    # "Grande's July": a possessive before a month is a date's.
    for index, (_, _, word) in enumerate(words[:-1]):
        if POSSESSIVE_END.search(word) and is_month(words[index + 1][2]):
            words = words[:index + 1]
            break
    # A season ends a title: "Jessica Jones Season 2" is the work "Jessica Jones", and what
    # follows is read again ("X Season 2 and Y S3").
    for index, (_, _, word) in enumerate(words):
        following = words[index + 1][2].lower().rstrip(".,:") if index + 1 < len(words) else ""
        numbered = word.lower().rstrip(":") in ("season", "seasons", "series") and following \
            and (following[0].isdigit() or following in info["numbers"])
        if numbered and index == 0:  # "Season 2 of X": no title opens with a season
            rest = drop_leading_inner(words[2:], info)
            return readings(text, rest[0][0], text[rest[0][0]:rest[-1][1]]) if rest else []
        if index and (numbered or re.fullmatch(r"S\d{1,2}", word)):
            rest = drop_leading_inner(words[index + (2 if numbered else 1):], info)
            tail = readings(text, rest[0][0], text[rest[0][0]:rest[-1][1]]) if rest else []
            return readings(text, words[0][0], text[words[0][0]:words[index - 1][1]]) + tail
    # A month or weekday after a small word ends a run: "Copper Valley in March", "Tom
    # Hiddleston from June to September".
    for index, (_, _, word) in enumerate(words):
        if index and (is_month(word) or is_weekday(word)) and words[index - 1][2].lower() in info["inner"]:
            words = words[:index - 1]
            break
    words = trim_end(words, info)
    if not words:
        return []
    # "2 of Harbor Lights": a number and a small word are no start of a title.
    if len(words) > 2 and (words[0][2].isdigit() or words[0][2].lower() in info["numbers"]) \
            and words[1][2].lower() in info["inner"]:
        words = drop_leading_inner(words[1:], info)
    # "Production on X", "Filming of X": an event word opening the sentence.
    if len(words) > 2 and words[0][2].lower() in info["event_words"] and words[1][2].lower() in ("on", "of", "for"):
        words = words[2:]
    # A maker's possessive opens a run without being part of the title ("Netflix's X").
    if len(words) > 1 and POSSESSIVE_END.search(words[0][2]) and is_maker(words[0][2]):
        words = words[1:]
    spans: list[tuple[list, str]] = [(words, "")]
    first = words[0][2]
    lowered = first.lower().rstrip(".,:")
    initial = sentence_initial(text, words[0][0])
    # A capitalized function word, weekday or role word opening the run: mid-sentence it may
    # belong to the title ("on Saturday Night Live", "in Once Upon a Time"), at the start of
    # a sentence it is the sentence's own capital ("When Netflix ...").
    if len(words) > 1 and (lowered in info["not_start"] or lowered in info["roles"] or is_weekday(first)
                           or is_month(first) or lowered in info["labels"]):
        rest = trim_end(drop_leading_inner(words[1:], info), info)
        # (A weekday or a role word may open a title anywhere: "Friday Night Lights",
        # "American Idol", "Star Wars"; a function word or a label only mid-sentence.)
        dropped = lowered in info["labels"] or initial and lowered in info["not_start"] \
            and lowered not in ("the", "a", "an")
        if lowered in ("the", "a", "an"):  # "The Mindy Project", "A Quiet Place": the same title
            spans.append((rest, ""))
        elif dropped:
            spans = [(rest, "trim")] if rest else []
        elif rest:
            spans.append((rest, "trim"))
    # A possessive inside the run may end one name and start another ("Hulu's Paper Saints",
    # "Spike Lee's 1986"), or belong to the title ("Grey's Anatomy"): offer both sides.
    for span, _ in list(spans):
        for index, (_, _, word) in enumerate(span[:-1]):
            if index and POSSESSIVE_END.search(word) and is_maker(word):
                # "Copper Valley and Hulu's Paper Saints": a maker's possessive starts a title.
                left = trim_end(span[:index], info)
                right = trim_end(span[index + 1:], info)
                spans = [(s_, p) for s_, p in spans if s_ is not span]
                spans += [(part, "") for part in (left, right) if part]
                break
            if POSSESSIVE_END.search(word):
                left = trim_end(span[:index] + [strip_possessive(span[index])], info)
                right = trim_end(span[index + 1:], info)
                spans += [(part, "split") for part in (left, right) if part]
                if right and all(w[2].isdigit() for w in right):
                    spans = [(s_, p) for s_, p in spans if s_ is not span]  # "Spike Lee's 1986"
                break
    # "and", "with", "&", "or" may join two names: offer each side too.
    for span, _ in list(spans):
        for index, (_, _, word) in enumerate(span):
            if index and word.lower() in info["joiners"]:
                left = trim_end(span[:index], info)
                right = trim_end(drop_leading_inner(span[index + 1:], info), info)
                spans += [(part, "split") for part in (left, right) if part]
    out = []
    seen = set()
    for span, part in spans:
        s, e = span[0][0], span[-1][1]
        if (s, e) in seen or not title_like(text[s:e]) or is_time(span):
            continue
        seen.add((s, e))
        out.append(Candidate(s, e, text[s:e], False, part))
    return out


def is_time(words: list) -> bool:
    """A weekday, a month or a holiday alone ("Friday", "April", "Christmas Day"), or a
    weekday with a clock time ("Wednesdays at 9"): a time, not a title."""
    first = words[0][2].rstrip(".,")
    phrase = " ".join(w[2] for w in words).lower().replace("’", "'")
    return len(words) == 1 and (is_month(first) or is_weekday(first.rstrip("s"))) \
        or phrase in time_lexicon().holidays \
        or is_weekday(first.rstrip("s")) and any(w[2][:1].isdigit() for w in words)


def strip_possessive(word: tuple[int, int, str]) -> tuple[int, int, str]:
    start, end, text = word
    stripped = POSSESSIVE_END.sub(lambda m: "s" if m.group().startswith("s") else "", text)
    return start, start + len(stripped), stripped


def drop_leading_inner(words: list, info: dict) -> list:
    while words and words[0][2].lower() in info["inner"]:
        words = words[1:]
    return words


def trim_end(words: list, info: dict) -> list:
    """No title ends in a small word, a possessive or a mark: "X and", "X's", "X:"."""
    words = list(words)
    while words:
        start, end, word = words[-1]
        stripped = word.rstrip(TRAILING_MARKS)
        stripped = POSSESSIVE_END.sub(lambda m: "s" if m.group().startswith("s") else "", stripped) \
            if stripped.endswith(("'s", "’s")) or stripped.endswith(("s'", "s’")) else stripped
        if stripped.endswith(("'", "’")):
            stripped = stripped[:-1]
        if not stripped or stripped.lower() in info["inner"]:
            words.pop()
            continue
        words[-1] = (start, start + len(stripped), stripped)
        break
    return words


def title_like(text: str) -> bool:
    """A reading worth weighing: a letter in it, not a bare number or a lone initial."""
    return (text[:1].isalpha() or any(ch.isalpha() for ch in text)) and len(text.replace(".", "")) >= 2 \
        and not INITIALS.fullmatch(text)


LONG_WORD = re.compile(r"[A-Za-z][\w'’]*")


def looks_like_title(text: str) -> bool:
    """A quoted span that reads as a title, not as quoted speech: no sentence punctuation
    inside, and its longer words capitalized ("Shake It Off", not "I really like it")."""
    if re.search(r"[.!?;]\s|[!?]$|\[", text):
        return False
    words = [w for w in LONG_WORD.findall(text) if len(w) > 3]
    return not words or sum(w[0].isupper() for w in words) / len(words) >= 0.6


def quoted_spans(text: str) -> list[Candidate]:
    """Spans in quotation marks or *italics* that read as titles (1 to 10 words)."""
    found = []
    for opening, closing in knowledge()["quote_pairs"]:
        position = 0
        while True:
            start = text.find(opening, position)
            if start < 0:
                break
            inner_start = start + len(opening)
            end = find_closing(text, inner_start, closing)
            if end < 0:
                break
            position = end + len(closing)
            inner = text[inner_start:end]
            stripped = inner.strip().rstrip(",.")
            if not stripped or not (stripped[:1].isupper() or stripped[:1].isdigit()) \
                    or not 1 <= len(stripped.split()) <= 10 or not looks_like_title(stripped):
                position = inner_start if opening in ("'", "‘") else position
                continue
            offset = inner_start + inner.index(stripped)
            season = QUOTED_SEASON.search(stripped)
            if season:  # "'Ringside S3'", "'Daredevil: Season Three'": the work is before it
                stripped = stripped[:season.start()]
                if not stripped:
                    continue
            found.append(Candidate(offset, offset + len(stripped), stripped, True))
    return found


QUOTED_SEASON = re.compile(r"\s*(?:[:,–—-]\s*)?(?:\b(?:Season|Series)\s+\w+|\bS\d{1,2})$", re.IGNORECASE)


def find_closing(text: str, start: int, closing: str) -> int:
    """The closing mark, skipping apostrophes inside words ("She's", "Grey's")."""
    position = start
    while True:
        end = text.find(closing, position)
        if end < 0 or "\n" in text[start:end]:
            return -1
        if closing in ("'", "’") and end + 1 < len(text) and text[end + 1].isalpha() \
                and end > 0 and text[end - 1].isalpha():
            position = end + 1
            continue
        return end
