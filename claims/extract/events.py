"""Event triggers (release, filming, start, wrap, renewal, cancellation) and order markers."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from claims.extract import lexicon
from claims.extract.temporal import lexicon as time_lexicon


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    event: str
    form: str          # base, s, past, participle, ing, noun
    text: str
    needs_time: bool = False
    needs_season: bool = False
    needs_for: bool = False    # the time must follow "for" or "to" (with_time_for)
    needs_slot: bool = False   # the time must be its object, a date given up (with_slot)
    # For "filming began": the aspect verb that gives the clause its tense.
    verb_start: int | None = None
    verb_form: str | None = None
    verb_text: str | None = None


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    relation: str
    symmetric: bool
    text: str


def verb_variants(phrase: str) -> dict[str, str]:
    """form text -> form name, for every inflection of a verb phrase ("{platform}" kept)."""
    variants: dict[str, str] = {}
    if phrase.startswith("be "):
        for form in lexicon.be_forms(phrase):
            variants.setdefault(form, "be")
        return variants
    for name, form in lexicon.verb_forms(phrase).items():
        variants.setdefault(form, name)
    return variants


@cache
def move_nouns() -> set[str]:
    """The nouns of a move ("delay", "postponement"), singular and plural: as nouns they date
    only with a time after "to", "until", "into" or "from" (also when a verb of the same
    spelling, "delay", is a trigger of its own)."""
    return set()


@cache
def event_nouns() -> set[str]:
    """Every noun trigger, singular and plural: "releases" may be read as one, "hits" not."""
    return set()


@cache
def platform_tail() -> re.Pattern:
    """A platform at the end of a matched phrase, to look the phrase up as "hit {platform}"."""
    return re.compile(rf"(?<=\s)(?:{lexicon.alternation(lexicon.entry('events', 'platforms'))})$",
                      re.IGNORECASE)


@cache
def trigger_table() -> tuple[lexicon.PhraseMatcher, dict[str, tuple[str, str, bool]]]:
    """One matcher over all triggers and a table: lower-cased text -> (event, form, needs_time)."""
    table: dict[str, tuple[str, str, bool]] = {}
    nouns = event_nouns()
    events = lexicon.entry("events", "events")
    # Aspect verbs with a filming word: "started filming", "filming began" handled in code;
    # here the verb + filming-word phrase ("began production").
    for event, verbs in lexicon.entry("events", "aspect").items():
        for verb in verbs:
            for word in lexicon.entry("events", "filming_words"):
                for form, name in verb_variants(f"{verb} {word}").items():
                    table.setdefault(form.lower(), (event, name, False))
    for event, spec in events.items():
        for phrase in spec.get("verbs", []):
            for form, name in verb_variants(phrase).items():
                table.setdefault(form.lower(), (event, name, False))
        for phrase in spec.get("with_time", []):
            for form, name in verb_variants(phrase).items():
                table.setdefault(form.lower(), (event, name, True))
        for phrase in spec.get("with_time_for", []):
            for form, name in verb_variants(phrase).items():
                table.setdefault(form.lower(), (event, name, "for"))
        for phrase in spec.get("with_slot", []):
            for form, name in verb_variants(phrase).items():
                table.setdefault(form.lower(), (event, name, "slot"))
        for noun in spec.get("move_nouns", []):
            for form in (noun, noun + "s"):
                table.setdefault(form.lower(), (event, "noun", "for"))
                nouns.add(form.lower())
                move_nouns().add(form.lower())
        for phrase in spec.get("with_season", []):
            for form, name in verb_variants(phrase).items():
                table.setdefault(form.lower(), (event, name, "season"))
        for noun in spec.get("nouns", []):
            for form in (noun, noun + "s"):
                table.setdefault(form.lower(), (event, "noun", False))
                nouns.add(form.lower())
    matcher = lexicon.PhraseMatcher(table, {"platform": lexicon.entry("events", "platforms")})
    return matcher, table


@cache
def work_cue_matcher() -> lexicon.PhraseMatcher:
    """The triggers that tell a work from a person where names are learned: all but the
    scheduling verbs of `with_time_for` ("dated", "set" stand next to persons as often) and
    the verbs of a date given up ("lost", "gave up")."""
    _, table = trigger_table()
    cues = {text: entry for text, entry in table.items() if entry[2] not in ("for", "slot")}
    return lexicon.PhraseMatcher(cues, {"platform": lexicon.entry("events", "platforms")})


@cache
def aspect_table() -> tuple[re.Pattern, dict[str, tuple[str, str]], re.Pattern]:
    """Aspect verbs (begin, wrap...) -> (event, form), and the filming words they combine with."""
    table = {}
    for event, verbs in lexicon.entry("events", "aspect").items():
        for verb in verbs:
            for form, name in verb_variants(verb).items():
                table.setdefault(form.lower(), (event, name))
    return (lexicon.word_regex(table), table,
            lexicon.word_regex(lexicon.entry("events", "filming_words")))


@cache
def exclusions() -> tuple[re.Pattern, re.Pattern]:
    after = lexicon.entry("events", "exclude_after")
    before = lexicon.entry("events", "exclude_before")
    return (re.compile(rf"^\s+(?:{lexicon.alternation(after)})(?!\w)", re.IGNORECASE),
            re.compile(rf"(?<!\w)(?:{lexicon.alternation(before)})\s+$", re.IGNORECASE))


# A determiner and at most two lower-case words before: "its debut", "Netflix's best launch";
# a capitalized word in between is a title, the subject of a verb ("the premiere of X hit").
DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|"
    r"[Ww]hose)|['’]s)(?:\s+[a-z][\w-]*){0,2}\s+$")
@cache
def dated_noun_before() -> re.Pattern:
    """A determiner, maybe a word, and a date right before: "its planned May 1 debut", "a Dec.
    18, 2020 release", "the Nov. 19 slot" (months from claims/data/time)."""
    months = lexicon.alternation(time_lexicon().months)
    return re.compile(rf"\b(?:the|an?|its|their|his|her)\s+(?:[a-z][\w-]*\s+)?(?:(?:{months})\.?\s+\d{{1,2}}"
                      rf"(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|(?:{months})\.?(?:\s+\d{{4}})?|\d{{4}}),?\s+$", re.IGNORECASE)


# "its debut", "the shooting", "Netflix's release" (but "it's filming" is "it is filming").
NOUN_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Aa]n?)|(?<!\b[Ii]t)(?<!\b[Tt]hat)"
                         r"(?<!\b[Hh]e)(?<!\b[Ss]he)(?<!\b[Tt]here)(?<!\b[Ww]hat)(?<!\b[Ww]ho)['’]s)"
                         r"(?:\s+[a-z][\w-]*)?\s+$"
                         # "the Las Vegas shooting": a determiner and a capitalized name
                         # (a capitalized "The" belongs to a title: "The Defenders coming")
                         r"|\b(?:the|a)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+$")
SINGULAR_SUBJECT = re.compile(
    r"(?:[A-Z][\w'’.-]*|\b(?:it|he|she|who|which|that|show|series|film|movie|season|sequel|"
    r"episode|production|project|finale|premiere|network|studio|streamer|service|also|now|"
    r"officially|finally|reportedly|then|still|currently|just|only|first|also)|\d+"
    # "season two hits Netflix" (but "made nine films")
    r"|\b(?:[Ss]eason|[Ss]eries|[Pp]art|[Cc]hapter|[Vv]olume)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))"
    r"['‘’\"”)]?,?\s+$")
# A relative clause or an aside closed right before: "X, which had held the Nov. 19 date,
# moves to", "X, in turn, slides from".
RELATIVE_CLOSED = re.compile(r",[\"”’']?\s*(?:(?:which|who)\s[^,;]*|in turn|meanwhile|however|too|though|"
                             r"for (?:its|their) part|for now|as expected|as a result)\s*,\s*$", re.IGNORECASE)
# A headline capitalizes every word, so there a determiner may stand before capitalized
# modifiers: "To A March Netflix Debut", "Gets Its October Premiere".
HEADLINE_DETERMINER_BEFORE = re.compile(r"\b(?:[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\w'’-]+\s+){0,3}$")
PLURAL_SUBJECT = re.compile(r"(?:[A-Z][\w'’]*|both|all)['‘’\"”]?\s+$")
VERB_BEFORE = re.compile(
    r"\b(?:to|will|['’]ll|would|could|may|might|can|should|must|did|does|do|don['’]t|had|has|have|"
    r"doesn['’]t|didn['’]t|won['’]t|they|we|i|you|both|not|never|finally|also|still|"
    r"officially|reportedly|then)\s+(?:(?!(?:the|a|an|its|his|her|their|this|that)\s)\w+\s+)?$", re.IGNORECASE)


def noun_reading(form: str, before: str, headline: bool = False) -> str:
    """Verb forms that read as nouns here: "the shooting", "its debut", "the solo releases",
    "Netflix's best Marvel launch". In a headline ("WE tv Renews X") a capitalized verb
    after any subject stays a verb."""
    if headline and form in ("s", "past") and before.strip() and before.rstrip()[-1:].isalnum() \
            and not NOUN_BEFORE.search(before):
        return form
    # (A capitalized word in between is a headline's title: "The Punisher Premieres".)
    if form == "s" and (SINGULAR_SUBJECT.search(before) or RELATIVE_CLOSED.search(before)):
        return form  # "The show begins filming": a subject noun right before the verb
    if form in ("ing", "s") and NOUN_BEFORE.search(before):
        return "noun"
    if form == "s" and not SINGULAR_SUBJECT.search(before) and not is_title_case(before):
        # "premieres", "films", "hits" are plural nouns unless a subject stands right before
        # ("The show premieres", "X films in Atlanta"): "a couple of forgettable films".
        return "noun"
    if form == "base" and HEADLINE_DETERMINER_BEFORE.search(before) and is_title_case(before):
        return "noun"
    if form == "base" and dated_noun_before().search(before):
        return "noun"  # "from its planned May 1 debut to May 8"
    if form == "base" and not VERB_BEFORE.search(before) and (
            DETERMINER_BEFORE.search(before) or not PLURAL_SUBJECT.search(before)
            or not is_title_case(before)):
        # An English base form needs "to", a modal or a plural subject right before it
        # ("X and Y premiere"); a capitalized word before one outside a headline is a
        # modifier ("Netflix's best Marvel launch").
        return "noun"
    return form


def is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", text[-80:]) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.7


@lru_cache(maxsize=2048)
def find_triggers(text: str, offset: int = 0) -> tuple[Trigger, ...]:
    """Event triggers in a sentence, longest match first, non-overlapping (cached: each
    sentence is asked about several times)."""
    pattern, table = trigger_table()
    excluded_after, excluded_before = exclusions()
    found: list[Trigger] = []
    headline = is_title_case(text)
    for match in pattern.finditer(text):
        key = lexicon.strip_inner_adverbs(re.sub(r"\s+", " ", match.group().lower()).replace("’", "'"))
        if key not in table:
            key = platform_tail().sub("{platform}", key)  # "hits Netflix" is "hit {platform}"
        event, form, needs_time = table.get(key) or (None, None, False)
        if event is None:
            continue
        if part_of_a_name(text, match) or film_before_title(text, match):
            continue
        form = noun_reading(form, text[:match.start()], headline and match.group()[:1].isupper())
        if excluded_after.match(text[match.end():]) or (
                form == "noun" and excluded_before.search(text[:match.start()])):
            continue
        if form == "noun" and key not in event_nouns():
            continue  # a verb read as a noun that names no event: "the biggest hits of 2015"
        if needs_time == "for" and (re.match(r"\s+to\s+[a-z]", text[match.end():]) or re.search(
                r"\b(?:its|the|a|an|their|his|her)\s+$", text[:match.start()], re.IGNORECASE)):
            continue  # "slated to premiere" (the verb after it is the trigger); "its scheduled date"
        if form == "noun" and key in move_nouns():
            needs_time = "for"  # "the delay from March to June", not "after the delay, ... now"
        found.append(Trigger(offset + match.start(), offset + match.end(), event, form,
                             match.group(), needs_time in (True, "for", "slot"), needs_time == "season",
                             needs_time == "for", needs_time == "slot"))
    # A filming word with an aspect verb in the same clause: "filming began", "production
    # got under way" become filming_start; "shooting wrapped" filming_end.
    aspect_re, aspects, filming_re = aspect_table()
    for match in aspect_re.finditer(text):
        event, verb_form = aspects.get(re.sub(r"\s+", " ", match.group().lower()), (None, None))
        if not event:
            continue
        window_before = text[max(0, match.start() - 80):match.start()]  # (whole words)
        window_after = text[match.end():match.end() + 30]
        if not (filming_re.search(window_before) or filming_re.search(window_after)):
            continue
        start, end = offset + match.start(), offset + match.end()
        # The nearest filming word is the same event, now with its aspect.
        if event == "filming_end" and re.search(r"\b(?:close to|nearly|near|nearing|almost)\s+$",
                                                text[:match.start()], re.IGNORECASE):
            continue  # "close to finishing its shoot": still filming
        # The filming word before the verb ("principal photography will start") wins over
        # one after it ("wrapped its first season's shoot"); "start filming" is a table phrase.
        before_verb = [(start - t.end, i) for i, t in enumerate(found)
                       if t.event == "filming" and t.form in ("noun", "ing") and t.end <= start
                       and start - t.end < 60 and not re.search(r"[,;:.!?]", text[t.end - offset:start - offset])]
        after_verb = [(t.start - end, i) for i, t in enumerate(found)
                      if t.event == "filming" and t.start >= end and t.start - end < 30]
        nearby = before_verb or after_verb
        if nearby:
            index = min(nearby)[1]
            trigger = found[index]
            # "Filming has begun on X": the span runs to the verb, so X follows it.
            span_end = max(trigger.end, end)
            span_start = min(trigger.start, start)
            found[index] = Trigger(span_start, span_end, event, trigger.form,
                                   text[span_start - offset:span_end - offset],
                                   verb_start=start, verb_form=verb_form, verb_text=match.group())
        elif not any(t.start <= start < t.end for t in found):
            found.append(Trigger(start, end, event, verb_form, match.group()))
    return tuple(merge_adjacent(sorted(found, key=lambda t: t.start)))


def part_of_a_name(text: str, match: re.Match) -> bool:
    """A capitalized trigger inside a running sentence belongs to a name: "Best Film
    Editing", "the Sundance Film Festival", "Premiere Magazine" (a headline capitalizes
    every word, and a sentence its first)."""
    if not match.group()[:1].isupper() or is_title_case(text):
        return False
    lead = text[:match.start()].rstrip().rstrip("\"“‘'*_(").rstrip()
    return bool(lead) and not lead.endswith((".", "!", "?", ":", "|", "—", "–"))


def film_before_title(text: str, match: re.Match) -> bool:
    """"Christopher Nolan's World War II film Dunkirk": the noun "film" before a title, not
    the verb."""
    if match.group().lower() not in ("film", "films", "movie", "shoot"):
        return False
    return bool(re.match(r"\s+['‘\"“]?[A-Z]", text[match.end():])) and not VERB_BEFORE.search(text[:match.start()])


def merge_adjacent(found: list[Trigger]) -> list[Trigger]:
    """One trigger per statement: drop one that lies inside another ("filming will wrap"
    holds "wrap"), and join a filming noun to the filming verb right after it
    ("filming was underway", "production is in the works")."""
    kept: list[Trigger] = []
    for trigger in found:
        if any(k.start <= trigger.start and trigger.end <= k.end for k in kept):
            continue
        previous = kept[-1] if kept else None
        if previous and previous.event == trigger.event and previous.form == "noun" \
                and 0 <= trigger.start - previous.end <= 2:
            kept[-1] = replace(trigger, start=previous.start,
                               text=previous.text + " " * (trigger.start - previous.end) + trigger.text)
            continue
        kept.append(trigger)
    return kept


@cache
def marker_table() -> tuple[re.Pattern, dict[str, tuple[str, bool]]]:
    table: dict[str, tuple[str, bool]] = {}
    for relation, phrases in lexicon.entry("order", "symmetric").items():
        for phrase in phrases:
            table[phrase.lower()] = (relation, True)
    for relation, phrases in lexicon.entry("order", "directed").items():
        for phrase in phrases:
            table.setdefault(phrase.lower(), (relation, False))
    for phrase in lexicon.entry("order", "negated_until"):
        table.setdefault(phrase.lower(), ("after", False))
    for phrase in list(table):
        if phrase.startswith("overlap"):
            for suffix in ("s", "ped"):
                table.setdefault(phrase.replace("overlap", "overlap" + suffix, 1), table[phrase])
    return lexicon.word_regex(table), table


@cache
def approximate_markers() -> frozenset[str]:
    return frozenset(lexicon.entry("order", "approximate"))


@cache
def release_parts() -> re.Pattern:
    return lexicon.word_regex(lexicon.entry("events", "release_parts"))


@cache
def scheduling_forms() -> frozenset[str]:
    """Every inflection of the scheduling verbs (events.yaml: release `with_time_for` and
    `date_moves`)."""
    verbs = [*lexicon.entry("events", "events")["release"]["with_time_for"],
             *lexicon.entry("events", "date_moves")]
    return frozenset(form.lower() for verb in verbs for form in verb_variants(verb))


def is_scheduling(trigger: Trigger, before: str = "") -> bool:
    """A scheduling verb, or an event noun after one ("has scheduled X for a release on")."""
    if trigger.form != "noun":
        return bool(scheduling_regex().search(trigger.text))  # "moved", "was pushed back"
    return bool(scheduling_regex().search(before[-80:]))


@cache
def scheduling_regex() -> re.Pattern:
    return lexicon.word_regex(scheduling_forms())


@cache
def festival_after() -> re.Pattern:
    """"at Sundance", "at the Venice Film Festival", "at San Diego Comic-Con" after a verb."""
    names = lexicon.alternation(lexicon.entry("events", "festivals"))
    return re.compile(rf"^\s+(?:(?:in|on)\s+[^,.;]{{0,20}}?\s+)?at\s+(?:the\s+)?(?:\d{{4}}\s+)?"
                      rf"(?:(?:{names})\b|(?:[A-Z][\w'’.&-]*\s+){{1,5}}(?:Film\s+)?(?:Festival|Fest|Con)\b)",
                      re.IGNORECASE)


def is_festival_screening(trigger: Trigger, body: str) -> bool:
    return trigger.event == "release" and trigger.form != "noun" and bool(
        festival_after().match(body[trigger.end:trigger.end + 80]))


@cache
def promotion_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Promotional material right before a work ("the trailer for X") or right after it
    ("X's new poster"), from events.yaml `promotion`."""
    words = lexicon.alternation(lexicon.entry("events", "promotion"))
    before = re.compile(rf"\b(?:{words})s?\s+(?:for|of|from|to)\s+(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE)
    after = re.compile(rf"^(?:['’]s?)?\s+(?:[\w'’-]+\s+){{0,2}}(?:{words})s?\b", re.IGNORECASE)
    return before, after


def is_promotion(body: str, work_start: int, work_end: int, trigger_start: int, clause_start: int) -> bool:
    """Whether the thing a release verb is about is the work's trailer, poster or clip."""
    before, after = promotion_patterns()
    return bool(before.search(body[max(clause_start, work_start - 60):work_start])
                or work_end <= trigger_start and after.match(body[work_end:trigger_start]))


@cache
def negated_until() -> frozenset[str]:
    return frozenset(p.lower() for p in lexicon.entry("order", "negated_until"))


def find_markers(text: str, offset: int = 0) -> list[Marker]:
    pattern, table = marker_table()
    found = []
    for match in pattern.finditer(text):
        relation, symmetric = table[re.sub(r"\s+", " ", match.group().lower())]
        found.append(Marker(offset + match.start(), offset + match.end(), relation, symmetric,
                            match.group()))
    return found
