"""Who says a claim: the speaker of a quotation or of reported speech, else the article."""
from __future__ import annotations

import re
from functools import cache

from claims.extract import lexicon
from claims.extract.works import is_title_case_line, starts_with_given_name

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


def last_person(text: str, persons: dict[str, str]) -> str | None:
    """The most recent person named in text by full name, or by a last name that does not
    end a longer capitalized name ("Jones" in "Jessica Jones" is not Finn Jones)."""
    if not persons:
        return None
    for match in reversed(list(names_pattern(persons).finditer(text))):
        name = match.group()
        if persons[name] != name and re.search(r"[A-Z][\w'’-]*\s+$", text[max(0, match.start() - 30):match.start()]):
            continue
        return persons[name]
    return None


def resolve(who: str, context: str, persons: dict[str, str]) -> str | None:
    """A name or pronoun as a known person's full name; None when it is no person."""
    if re.fullmatch(PRONOUN, who):
        return last_person(context, persons)
    if who in persons:
        return persons[who]
    last = who.split()[-1]
    if last in persons:
        return persons[last]
    if who in persons.values() or starts_with_given_name(who):
        return who  # "Charlie Cox says": a given name and a surname before a speech verb
    return None


def quote_speaker(body: str, quote: tuple[int, int], persons: dict[str, str]) -> str | None:
    """Who a quotation is attributed to: "…," Ritter said / Ritter said: "…" / said Ritter."""
    start, end = quote
    after = body[end:end + 80].split("\n")[0]
    found = patterns()["subject_verb"].match(after.lstrip("”\" ,"))
    if not found:
        found = patterns()["verb_subject"].match(after.lstrip("”\" ,"))
    if found:
        return resolve(found.group("who"), body[:start], persons)
    # An introduction before the quote in the paragraph, or the paragraph before ending in ":".
    line_start = body.rfind("\n", 0, start - 1)
    before = body[max(0, line_start - 300):start]
    for match in reversed(list(patterns()["subject_verb"].finditer(before))):
        who = resolve(match.group("who"), body[:start], persons)
        if who:
            return who
    return None


def reported_speaker(before: str, context: str, persons: dict[str, str]) -> str | None:
    """The speaker of reported speech that leads up to the claim in its sentence."""
    found = patterns(headline=is_title_case_line(before))
    for name in ("subject_verb", "according", "verb_subject"):
        for match in reversed(list(found[name].finditer(before))):
            who = resolve(match.group("who"), context, persons)
            if who:
                return who
    return None


def trailing_speaker(after: str, context: str, persons: dict[str, str]) -> str | None:
    """Speech attributed at the end of its sentence: "..., Jane Doe told reporters.",
    "..., the studio said." (no person), "..., according to Jane Doe."."""
    match = patterns()["trailing"].search(after)
    if not match:
        return None
    return resolve(match.group("who"), context, persons) or (
        match.group("who") if re.fullmatch(FULL_NAME, match.group("who")) and " " in match.group("who") else None)
