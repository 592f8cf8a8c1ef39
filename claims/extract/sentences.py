"""Sentences, clauses and quotations of an article body, with code-point offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Abbreviations that end in a period without ending the sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "approx", "est", "vol", "ep", "pt", "ft", "mt",
    "gen", "gov", "sen", "rep", "lt", "col", "capt", "prof", "rev", "fig",
    "bros", "feat",  # "Warner Bros. sets ...", "feat. Drake"
}
# Two initials run together ("George R.R. Martin", "J.J. Abrams", "James S.A. Corey"): a
# name goes on after them (as after one initial, "J. Abrams"); not a place's ("in L.A. The
# show ...") nor a longer acronym, which a title may end with ("Agents of S.H.I.E.L.D.").
INITIALS = re.compile(r"(?!l\.a$|d\.c$|n\.y$)[^\W\d_]\.[^\W\d_]")
SENTENCE_END = re.compile(r"""([.!?…]+)(["”’')\]]*)(\s+)(?=["“‘'(\[]?[A-Z0-9])""")
# Clause boundaries inside a sentence: semicolons, dashes, and conjunctions after a comma.
CLAUSE_BREAK = re.compile("|".join([
    r"\s*;\s*", r":\s(?!(?:Season|Series|Part|Chapter|Volume|Episode)\b)", r"\s[—–]\s", r"\s--\s",
    r",[”\"’']?\s+(?=(?:but|while|although|though|whereas|so|and then|which|who|as|since|because|"
    r"meaning|with|unless|if|yet|telling|saying|adding|noting|explaining|revealing|only\s+to)\b)",
    r",\s+(?=and\s+(?:the|it|she|he|they|we|that|this|[A-Z]))",
    # ", and in July the production moved to Singapore": a fronted time opens a new statement
    r",\s+(?=and\s+(?:in|on|by)\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|\d{4}|the\s+(?:spring|summer|fall|autumn|winter))\b)",
    r"\s+(?=and\s+(?:they|he|she|it|we|I|there)\s)",
    r"\s+(?=but\s)",
    # "...late this year with X rumored for...": a new predication after a time.
    r"(?<=year|onth|week|fall|ring|mmer|nter|[0-9]{4})\s+(?=with\s+(?:the\s+)?[A-Z\"“'‘])",
]))
QUOTE_PAIRS = (("“", "”"), ('"', '"'))
# How far around a word the extractor reads for the phrases it tests there (characters): its
# cues are a few words long, and reading a long sentence's whole start (or rest) at each of
# its words would take time growing with the square of the sentence's length.
REACH = 1000


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    headline: bool = False
    body: str = field(default="", repr=False, compare=False)  # the article's, for its clauses
    _clauses: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)
    _names: list[list[tuple[int, int]]] | None = field(default=None, repr=False, compare=False)

    @property
    def clauses(self) -> list[tuple[int, int]]:
        """Its clauses, absolute offsets (found when first asked for: the sentences of most
        articles are only read for names, and most sentences of the others, with no event
        word, for the works they name)."""
        if self._clauses is None:
            spans = clause_spans(self.body, self.start, self.end) if self.body else []
            for names in self._names or ():
                spans = joined(spans, names)
            self._clauses, self._names = spans, None
        return self._clauses

    def join_names(self, names: list[tuple[int, int]]) -> None:
        """Clauses split inside these names are one (`joined`), once the clauses are asked for."""
        if self._clauses is None:
            self._names = (self._names or []) + [names]
        else:
            self._clauses = joined(self._clauses, names)

    def clause_at(self, offset: int) -> tuple[int, int]:
        for start, end in self.clauses:
            if start <= offset < end:
                return start, end
        return self.start, self.end


def text_before(text: str, at: int, start: int = 0, reach: int = REACH) -> str:
    """text[start:at], or its last `reach` characters or so, from a space (no word is cut in
    two unless it is over half that long)."""
    if at - start <= reach:
        return text[start:at]
    space = text.find(" ", at - reach, at - reach // 2)
    return text[space if space >= 0 else at - reach:at]


def text_after(text: str, at: int, end: int | None = None) -> str:
    """text[at:end], or its first REACH characters or so, up to a space (no word is cut in
    two unless it is over half that long)."""
    end = len(text) if end is None else end
    if end - at <= REACH:
        return text[at:end]
    space = text.rfind(" ", at + REACH // 2, at + REACH)
    return text[at:space + 1 if space >= 0 else at + REACH]


def split_sentences(body: str, skip: set[int] | None = None) -> list[Sentence]:
    """Sentences of the body; a line break always ends one (headlines, captions)."""
    sentences: list[Sentence] = []
    paragraph = 0
    offset = 0
    first_line = True
    for line in body.splitlines(keepends=True):
        line_start, text = offset, line.rstrip("\r\n")
        offset += len(line)
        if not text.strip():
            paragraph += 1
            continue
        is_headline = first_line
        first_line = False
        if skip and line_start in skip:
            continue
        for start, end in sentence_spans(text):
            s_start, s_end = line_start + start, line_start + end
            sentences.append(Sentence(s_start, s_end, body[s_start:s_end], paragraph, is_headline, body))
        paragraph += 1
    return sentences


LAST_WORD = re.compile(r"[\w.]+$")
# A sentence longer than this (characters) is no sentence but a text without full stops (the
# longest in the corpora, a photo gallery's captions run together, has 23,394): it is read
# in pieces of PIECE characters, cut at a space. Reading a sentence costs each of its words a
# look at the words around it and each claim its clause, so pieces keep that small.
MAX_SENTENCE = 25_000
PIECE = 500


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return [piece for start, end in full_sentence_spans(text) for piece in pieces(text, start, end)]


def pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end), or when it is over MAX_SENTENCE characters, its pieces of at most PIECE
    characters, each ending at a space where one is found in its second half (the white space
    between pieces left out)."""
    if end - start <= MAX_SENTENCE:
        return [(start, end)]
    found = []
    while end - start > PIECE:
        limit = start + PIECE
        space = text.rfind(" ", start + PIECE // 2, limit)
        cut = space if space >= 0 else limit
        found.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        found.append((start, end))
    return found


def full_sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], len(text) - len(text.lstrip())
    for match in SENTENCE_END.finditer(text):
        if match.group(1) == ".":
            # (a word's last 100 characters say as much: no abbreviation is longer)
            last_word = LAST_WORD.search(text, max(start, match.start() - 100), match.start())
            word = last_word.group().lower().rstrip(".") if last_word else ""
            if word in ABBREVIATIONS or len(word) == 1 and word.isalpha() or INITIALS.fullmatch(word):
                continue
        end = match.end(2)
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    tail = text[start:].rstrip()
    if tail.strip():
        spans.append((start, start + len(tail)))
    return spans


# "While X, Y": a fronted subordinate clause ends at its first comma.
FRONTED = re.compile(r"(?:While|Although|Though|Because|Since|As|If|When|Once|Until|Unless|Whereas|After|Before|"
                     r"Following)\b[^,]{3,120}(,)\s")


def clause_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    fronted = FRONTED.match(body, start, end)
    if fronted:
        spans.append((start, fronted.start(1)))
        cursor = fronted.end()
    for match in CLAUSE_BREAK.finditer(body, cursor, end):
        if match.start() > cursor:
            spans.append((cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return spans or [(start, end)]


def joined(clauses: list[tuple[int, int]], names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clauses split inside a name joined again: "Top Gun: Maverick moves from Dec. 23" is one
    clause, though its colon looks like a break."""
    out: list[tuple[int, int]] = []
    for start, end in clauses:
        if out and any(s < out[-1][1] and e > start for s, e in names):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def quotation_spans(body: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (the marks excluded); an unclosed quote runs to its
    paragraph's end, as news style leaves a quote open across paragraphs."""
    spans = []
    for opening, closing in QUOTE_PAIRS:
        position = 0
        while True:
            start = body.find(opening, position)
            if start < 0:
                break
            close = body.find(closing, start + 1)
            line_end = body.find("\n", start)
            line_end = len(body) if line_end < 0 else line_end
            end = close if 0 <= close <= line_end else line_end
            if end - start > 1:
                spans.append((start + 1, end))
            position = end + 1
    return sorted(spans)
