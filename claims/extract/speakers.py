"""Who says a claim: the speaker of a quotation or of reported speech, else the article."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from claims.extract import lexicon
from claims.extract.registry import LONG_WORDS
from claims.extract.sentences import REACH
from claims.extract.works import starts_with_given_name

NAME = r"(?:[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?)"
FULL_NAME = rf"{NAME}(?:\s+(?:[A-Z]\.\s+)?{NAME}){{0,2}}"
PRONOUN = r"(?:he|she|they|He|She|They)"
# "said showrunner Jane Doe": a role between the verb and the name.
ROLES = (r"(?:[a-z]+\s+)?(?:showrunner|star|director|producer|creator|writer|actor|actress|"
         r"executive|co-star|host|author|president|chief|boss|head)")


@cache
def patterns(headline: bool = False) -> dict[str, re.Pattern]:
    """The attribution patterns; in a headline the verb may be capitalized ("Charlie Cox
    Says ...") — elsewhere "United States" is no one stating anything."""
    verbs = []
    for verb in lexicon.entry("speech", "verbs"):
        forms = lexicon.verb_forms(verb)
        verbs += [forms["past"], forms["s"]]
        if headline:
            verbs += [forms["past"].capitalize(), forms["s"].capitalize()]
    verb_re = lexicon.alternation(verbs)
    according = lexicon.alternation(lexicon.entry("speech", "according_to"))
    subject = rf"(?P<who>{FULL_NAME}|{PRONOUN})"
    return {
        # "Ritter said", "Ritter told Digital Spy", "she revealed that"
        "subject_verb": re.compile(rf"(?<![\w'’])(?:(?:{ROLES})\s+)?{subject}(?:,[^,]{{0,60}},)?\s+(?:also\s+|has\s+|had\s+|went\s+on\s+to\s+)?(?:{verb_re})(?!\w)"),
        # "said Ritter"
        "verb_subject": re.compile(rf"(?<!\w)(?:{verb_re})\s+(?:(?:{ROLES})\s+)?(?P<who>{FULL_NAME})(?!\w)"),
        "trailing": re.compile(rf",\s*(?:(?:{ROLES})\s+)?(?P<who>{FULL_NAME}|{PRONOUN})\s+(?:{verb_re})\b[^,;]*[.!]?\s*$"),
        "according": re.compile(rf"(?<!\w)(?:{according})\s+(?P<who>{FULL_NAME})(?!\w)", re.IGNORECASE),
    }


_NAME_PATTERNS: dict[int, tuple[dict, re.Pattern]] = {}


def names_pattern(persons: dict[str, str]) -> re.Pattern:
    """One regex over every known name, the longest that fits (kept per persons table)."""
    cached = _NAME_PATTERNS.get(id(persons))
    if cached is None or cached[0] is not persons:
        pattern = re.compile(rf"(?<![\w'’])(?:{lexicon.literal_alternation(persons) or '(?!)'})(?![\w'’])")
        _NAME_PATTERNS[id(persons)] = cached = (persons, pattern)
    return cached[1]


def last_person(body: str, end: int, persons: dict[str, str]) -> str | None:
    """The most recent person named before `end` by full name, or by a last name that does not
    end a longer capitalized name ("Jones" in "Jessica Jones" is not Finn Jones)."""
    if not persons:
        return None
    ends, names = person_mentions(body, persons)
    at = bisect_right(ends, end)
    return names[at - 1] if at else None


_MENTIONS: list[tuple[str, dict, tuple[list[int], list[str]]]] = []   # the last article's


def person_mentions(body: str, persons: dict[str, str]) -> tuple[list[int], list[str]]:
    """Where the body names a person (the ends, in order) and who (full names): found once per
    article, not in the whole text before each pronoun."""
    if _MENTIONS and _MENTIONS[0][0] is body and _MENTIONS[0][1] is persons:
        return _MENTIONS[0][2]
    ends, names = [], []
    for match in names_pattern(persons).finditer(body):
        name = match.group()
        if persons[name] != name and re.search(r"[A-Z][\w'’-]*\s+$", body[max(0, match.start() - 30):match.start()]):
            continue
        ends.append(match.end())
        names.append(persons[name])
    _MENTIONS[:] = [(body, persons, (ends, names))]
    return ends, names


def resolve(who: str, body: str, end: int, persons: dict[str, str]) -> str | None:
    """A name or pronoun as a known person's full name (a pronoun's: the last one named before
    `end`); None when it is no person."""
    if re.fullmatch(PRONOUN, who):
        return last_person(body, end, persons)
    if who in persons:
        return persons[who]
    last = who.split()[-1]
    if last in persons:
        return persons[last]
    if who in persons.values() or starts_with_given_name(who):
        return who  # "Charlie Cox says": a given name and a surname before a speech verb
    return named_in_full(who, body, end)


def named_in_full(surname: str, body: str, end: int) -> str | None:
    """"Pike said" after the article named "Imogen Pike": the last full name before `end`,
    a given name and this surname with no capitalized word after it ("Sebastian Stan
    Shailene Woodley" names no "Stan Shailene"). None for a name of more than one word, or
    none such."""
    if " " in surname:
        return None
    found = None
    for match in re.finditer(rf"(?<![\w'’])({NAME})\s+{re.escape(surname)}(?![\w'’])", body[:end]):
        if starts_with_given_name(match.group()) and not CAPITALIZED_AFTER.match(body, match.end()):
            found = match.group()
    return found


CAPITALIZED_AFTER = re.compile(r"[ \t]+[A-Z]")


def quote_speaker(body: str, quote: tuple[int, int], persons: dict[str, str]) -> str | None:
    """Who a quotation is attributed to: "…," Ritter said / Ritter said: "…" / said Ritter."""
    start, end = quote
    after = body[end:end + 80].split("\n")[0]
    found = patterns()["subject_verb"].match(after.lstrip("”\" ,"))
    if not found:
        found = patterns()["verb_subject"].match(after.lstrip("”\" ,"))
    if found:
        return resolve(found.group("who"), body, start, persons)
    # An introduction before the quote in the paragraph, or the paragraph before ending in ":".
    lead = max(0, body.rfind("\n", 0, start - 1) - 300)
    line_end = body.find("\n", start)
    speech = speech_in(body, lead, len(body) if line_end < 0 else line_end, persons)
    return speech.last_speaker("subject_verb", False, start - lead)


def reported_speaker(start: int, end: int, at: int, body: str, persons: dict[str, str]) -> str | None:
    """The speaker of reported speech that leads up to the claim at `at` in its sentence
    (body[start:end])."""
    return speech_in(body, start, end, persons).speaker_before(at - start)


# How far back of a claim its sentence is read again for it (characters): the attributions
# before that are found once per sentence (an attribution is a few words long).
REREAD = REACH


@dataclass
class Attributions:
    """One pattern's attributions in a sentence, found once: where each starts and ends, the
    person each names (None for a pronoun or a name that is no person's), and, for each count
    of them, how many lead up to the last one naming a person and to the last pronoun."""

    starts: list[int]
    ends: list[int]
    people: list[str | None]
    up_to_person: list[int]
    up_to_pronoun: list[int]


class SentenceSpeech:
    """The reported speech of one passage (a sentence; a paragraph for its quotations), for
    its every claim: each claim's speaker is the last attribution before it that names a
    person. Read as the passage up to the claim would be, without reading a long passage
    from its start again for each claim."""

    def __init__(self, text: str, offset: int, body: str, persons: dict[str, str]):
        self.text, self.offset, self.body, self.persons = text, offset, body, persons
        # (where each word of four letters or more ends, and how many of those up to each are
        # capitalized: whether the sentence up to a claim reads as a headline)
        self.word_ends: list[int] = []
        self.capitals = [0]
        for word in LONG_WORDS.finditer(text):
            self.word_ends.append(word.end())
            self.capitals.append(self.capitals[-1] + word.group(1).isupper())
        self.found: dict[tuple[str, bool], Attributions] = {}

    def headline_before(self, at: int) -> bool:
        """What is_title_case_line says of the sentence up to `at`."""
        words = bisect_right(self.word_ends, at)
        return words >= 3 and self.capitals[words] / words >= 0.9

    def attributions(self, name: str, headline: bool) -> Attributions:
        if (name, headline) not in self.found:
            matches = list(patterns(headline)[name].finditer(self.text))
            people = [None if re.fullmatch(PRONOUN, m.group("who")) else resolve(m.group("who"), "", 0, self.persons)
                      for m in matches]
            up_to_person, up_to_pronoun = [0], [0]
            for number, (match, person) in enumerate(zip(matches, people), 1):
                up_to_person.append(number if person else up_to_person[-1])
                up_to_pronoun.append(number if re.fullmatch(PRONOUN, match.group("who")) else up_to_pronoun[-1])
            self.found[name, headline] = Attributions([m.start() for m in matches], [m.end() for m in matches],
                                                      people, up_to_person, up_to_pronoun)
        return self.found[name, headline]

    def speaker_before(self, at: int) -> str | None:
        headline = self.headline_before(at)
        for name in ("subject_verb", "according", "verb_subject"):
            who = self.last_speaker(name, headline, at)
            if who:
                return who
        return None

    def last_speaker(self, name: str, headline: bool, at: int) -> str | None:
        """The person of the last attribution before `at` that names one: found again in
        its last REREAD characters (the words there read differently when the sentence stops
        at `at`), and among those found once before them."""
        found = self.attributions(name, headline)
        reread = max(0, at - REREAD)
        before = bisect_left(found.starts, reread)   # (those before are as they were found)
        cont = max(reread, found.ends[before - 1]) if before else reread
        end = self.offset + at
        for match in reversed(list(patterns(headline)[name].finditer(self.text, cont, at))):
            who = resolve(match.group("who"), self.body, end, self.persons)
            if who:
                return who
        person, pronoun = found.up_to_person[before], found.up_to_pronoun[before]
        if pronoun > person:
            who = last_person(self.body, end, self.persons)
            if who:
                return who
        return found.people[person - 1] if person else None


_SPEECH: dict[tuple[int, int], SentenceSpeech] = {}   # the last few passages of one article


def speech_in(body: str, start: int, end: int, persons: dict[str, str]) -> SentenceSpeech:
    """The reported speech of body[start:end], found when first asked for (a sentence's claims
    ask in turn)."""
    known = next(iter(_SPEECH.values()), None)
    if known is not None and (known.body is not body or known.persons is not persons):
        _SPEECH.clear()
    if (start, end) not in _SPEECH:
        if len(_SPEECH) >= 8:
            del _SPEECH[next(iter(_SPEECH))]
        _SPEECH[start, end] = SentenceSpeech(body[start:end], start, body, persons)
    return _SPEECH[start, end]


def trailing_speaker(body: str, start: int, end: int, persons: dict[str, str], named_before: int) -> str | None:
    """Speech attributed at the end of its sentence (body[start:end]): "..., Jane Doe told
    reporters.", "..., the studio said." (no person), "..., according to Jane Doe."; a
    pronoun is the last person named before `named_before`."""
    # (the attribution runs from the sentence's last comma to its end: only there is it tried)
    comma = body.rfind(",", start, end)
    match = patterns()["trailing"].match(body, comma, end) if comma >= 0 else None
    if not match:
        return None
    return resolve(match.group("who"), body, named_before, persons) or (
        match.group("who") if re.fullmatch(FULL_NAME, match.group("who")) and " " in match.group("who") else None)
