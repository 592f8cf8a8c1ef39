"""Event triggers (release, filming, start, wrap, renewal, cancellation) and order markers."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from claims.extract import gazetteer, lexicon, works
from claims.extract.sentences import text_after, text_before
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
    # A later season must be its object ("ordered a sixth season"): with_season_object.
    needs_season_object: bool = False
    needs_slot: bool = False   # the time must be its object, a date given up (with_slot)
    # For "filming began": the aspect verb that gives the clause its tense.
    verb_start: int | None = None
    verb_form: str | None = None
    verb_text: str | None = None
    # A halt ("production was halted") or a restart ("filming resumed") of a shoot: event
    # `filming`, negated for a halt (CONTRACT §2). "back" is a return to the shoot ("went back
    # into production"): a restart after a halt the article told of, else a new start.
    phase: str | None = None
    # A halt or restart verb with no filming word of its own ("It resumed in August"): it
    # speaks of the shoot just told of, if any.
    bare: bool = False


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
    for name, form in [*lexicon.verb_forms(phrase).items(), *lexicon.british_forms(phrase).items()]:
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
def trigger_table() -> tuple[lexicon.PhraseMatcher, dict[str, tuple[str, str, bool | str]]]:
    """One matcher over all triggers and a table: lower-cased text -> (event, form, needs_time)."""
    table: dict[str, tuple[str, str, bool | str]] = {}
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
        for phrase in spec.get("with_season_object", []):
            for form, name in verb_variants(phrase).items():
                table.setdefault(form.lower(), (event, name, "season_object"))
        for noun in spec.get("season_object_nouns", []):
            table.setdefault(noun.lower(), (event, "noun", "season_object"))
            nouns.add(noun.lower())
        for noun in spec.get("nouns", []):
            for form in (noun, noun + "s"):
                table.setdefault(form.lower(), (event, "noun", False))
                nouns.add(form.lower())
        for noun in spec.get("time_nouns", []):  # only with a time: "X, in theaters July 28"
            table.setdefault(noun.lower(), (event, "noun", True))
            nouns.add(noun.lower())
    for phrase in lexicon.entry("events", "back_phrases"):
        for form, name in verb_variants(phrase).items():
            table.setdefault(form.lower(), ("filming_start", name, False))
    matcher = lexicon.PhraseMatcher(table, {"platform": lexicon.entry("events", "platforms")})
    return matcher, table


@cache
def work_cue_matcher() -> lexicon.PhraseMatcher:
    """The triggers that tell a work from a person where names are learned: all but the
    scheduling verbs of `with_time_for` ("dated", "set" stand next to persons as often) and
    the verbs that need a season object ("confirmed", "ordered", "earned"), nor those of a date
    given up ("lost", "gave up")."""
    _, table = trigger_table()
    cues = {text: entry for text, entry in table.items() if entry[2] not in ("for", "season_object", "slot")}
    return lexicon.PhraseMatcher(cues, {"platform": lexicon.entry("events", "platforms")})


@cache
def aspect_table() -> tuple[re.Pattern, dict[str, tuple[str, str]], re.Pattern]:
    """Aspect verbs (begin, wrap...) -> (event, form), and the filming words they combine with."""
    table: dict[str, tuple[str, str]] = {}
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
@cache
def singular_subject() -> re.Pattern:
    """A subject right before a verb in -s: a capitalized name, a number, a pronoun, a kind of
    work ("the drama returns"), "season two" (but "made nine films")."""
    nouns = [*lexicon.entry("events", "singular_subjects"), *lexicon.entry("registry", "work_nouns")]
    return re.compile(
        rf"(?:[A-Z][\w'’.-]*|(?<![\w-])(?:{lexicon.alternation(nouns)})|\d+"
        r"|\b(?:[Ss]eason|[Ss]eries|[Pp]art|[Cc]hapter|[Vv]olume)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))"
        r"['‘’\"”)]?,?\s+$")
# A relative clause or an aside closed right before: "X, which had held the Nov. 19 date,
# moves to", "X, in turn, slides from".
RELATIVE_CLOSED = re.compile(r",[\"”’']?\s*(?:(?:which|who)\s[^,;]*|in turn|meanwhile|however|too|though|"
                             r"for (?:its|their) part|for now|as expected|as a result)\s*,\s*$", re.IGNORECASE)
# A headline capitalizes every word, so there a determiner may stand before capitalized
# modifiers: "To A March Netflix Debut", "Gets Its October Premiere".
HEADLINE_DETERMINER_BEFORE = re.compile(r"\b(?:[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\w'’-]+\s+){0,3}$")
# An aside about two subjects closed right before a plural verb: "A and B, both billed as the
# last, arrive"; "A and B, which wrapped in May, premiere".
PLURAL_APPOSITIVE_CLOSED = re.compile(r"\band\b[^,;:]*,\s*(?:both|all|each|which|who)\b[^,;:]*,\s*$")
# (a numbered title ends a subject too: "X 7 and X 8 open")
PLURAL_SUBJECT = re.compile(r"(?:[A-Z][\w'’]*|[A-Z][\w'’]*\s+\d{1,2}|both|all)['‘’\"”]?\s+$")
# ("season two hits Netflix": a number after a season word is a name's)
COUNTED_BEFORE = re.compile(r"(?<!\b[Ss]eason\s)(?<!\b[Ss]eries\s)(?<!\b[Pp]art\s)(?<!\b[Cc]hapter\s)(?<!\b[Vv]olume\s)"
                            r"\b(?:two|three|four|five|several|these|those|a\s+couple\s+of|a\s+pair\s+of|a\s+few|many|multiple|various)\s+(?:[\w'’\"“”‘:-]+\s+){0,3}$")
VERB_BEFORE = re.compile(
    r"\b(?:to|will|['’]ll|would|could|may|might|can|should|must|did|does|do|don['’]t|had|has|have|"
    r"doesn['’]t|didn['’]t|won['’]t|they|we|i|you|both|not|never|finally|also|still|"
    r"officially|reportedly|then)\s+(?:(?!(?:the|a|an|its|his|her|their|this|that)\s)\w+\s+)?$", re.IGNORECASE)


@cache
def noun_lead() -> re.Pattern:
    leads = [*lexicon.entry("works", "ordinals"), *lexicon.entry("events", "noun_leads")]
    return re.compile(rf"(?<![\w'’-])(?:{lexicon.alternation(leads)})\s+$", re.IGNORECASE)


NEAR_WORDS = 300   # characters: what a few words before a trigger take, long words too


def noun_reading(form: str, before: str, headline: bool = False) -> str:
    """Verb forms that read as nouns here: "the shooting", "its debut", "the solo releases",
    "Netflix's best Marvel launch", "Third Film". In a headline ("WE tv Renews X") a
    capitalized verb after any subject stays a verb."""
    # (the few words before it say it; only an aside closed before it may run longer)
    long_before, before = before, text_before(before, len(before), reach=NEAR_WORDS)
    if form in ("base", "s") and noun_lead().search(before):
        return "noun"
    if headline and form in ("s", "past") and before.strip() and before.rstrip()[-1:].isalnum() \
            and not NOUN_BEFORE.search(before):
        return form
    if form == "s" and COUNTED_BEFORE.search(before):
        return "noun"  # "the two 'Mission' films": a counted head takes no verb in -s
    # (A capitalized word in between is a headline's title: "The Punisher Premieres".)
    if form == "s" and (singular_subject().search(before) or RELATIVE_CLOSED.search(long_before)):
        return form  # "The show begins filming": a subject noun right before the verb
    if form == "s" and re.search(r"\b(?:and|but|then|also|now|later)\s+$", before):
        return form  # "X also stars Jane Doe and opens in theaters": a second verb of the subject
    if form == "base" and TO_VERB_AND.search(before):
        return form  # "to tease the upcoming movie and debut some new footage": a second infinitive
    if form == "base" and PLURAL_APPOSITIVE_CLOSED.search(long_before):
        return form  # "X's eighth season and Y's sixth, both billed as the last, arrive on Aug. 12"
    if form in ("ing", "s") and NOUN_BEFORE.search(before):
        return "noun"
    if form == "s" and not singular_subject().search(before) and not is_title_case(before):
        # "premieres", "films", "hits" are plural nouns unless a subject stands right before
        # ("The show premieres", "X films in Atlanta"): "a couple of forgettable films".
        return "noun"
    if form == "base" and HEADLINE_DETERMINER_BEFORE.search(before) and is_title_case(before):
        return "noun"
    if form == "base" and (SEASON_BEFORE.search(before) or place_before(before)):
        return "noun"  # "the Season 3 Premiere", "the European Premiere", "The New York premiere"
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


TO_VERB_AND = re.compile(r"\bto\s+[a-z]+\s+(?:[\w'’-]+\s+){0,6}and\s+$")
SEASON_BEFORE = re.compile(r"\b(?:season|series)\s+\d{1,2}\s+$", re.IGNORECASE)
PLACE_LEAD = re.compile(r"\b(?i:the|a|an|its|their|his|her)\s+((?:[A-Z][\w.'’-]*\s+){1,3})$")


def place_before(before: str) -> bool:
    """A place or its adjective between a determiner and the word: "the European", "The New
    York", "a London"."""
    lead = PLACE_LEAD.search(before)
    if not lead:
        return False
    name = lead.group(1).strip()
    return gazetteer.place_kind(name) is not None or gazetteer.fold(name) in regional_adjectives()


@cache
def regional_adjectives() -> frozenset[str]:
    return frozenset(gazetteer.fold(word) for word in lexicon.entry("registry", "regional_adjectives"))


def is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", text[-80:]) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.7


# An infinitive after a trigger: "had been due to start filming", "is set to premiere".
INFINITIVE_GAP = re.compile(r"\s+to\s+(?:\w+ly\s+)?")


def governs(body: str, first: Trigger, second: Trigger) -> bool:
    """The first trigger takes the second as its infinitive ("had been due to start filming"):
    one verb group, whose finite verb is the first's."""
    return first.end <= second.start and bool(INFINITIVE_GAP.fullmatch(body[first.end:second.start]))


# A season's noun and a verb in -s that together read as a plural noun ("season premieres"),
# and what follows a verb but no such noun: a time, a place, a platform.
SEASON_VERB = re.compile(r"(?i)(?:season|series)\s+(premieres|debuts|launches|returns|bows)")
VERB_COMPLEMENT = re.compile(r"\s+(?:in|on|at|this|next|tonight|tomorrow|today|later|sometime|early|late|"
                             r"exclusively|only|[A-Z][a-z]+\.?\s+\d+)\b")


@lru_cache(maxsize=2048)
def find_triggers(text: str, offset: int = 0) -> tuple[Trigger, ...]:
    """Event triggers in a sentence, longest match first, non-overlapping (cached: each
    sentence is asked about several times)."""
    pattern, table = trigger_table()
    excluded_after, excluded_before = exclusions()
    found: list[Trigger] = []
    for match in pattern.finditer(text):
        key = lexicon.strip_inner_adverbs(re.sub(r"\s+", " ", match.group().lower()).replace("’", "'"))
        if key not in table:
            key = platform_tail().sub("{platform}", key)  # "hits Netflix" is "hit {platform}"
        entry = table.get(key)
        if entry is None:
            continue
        event, form, needs_time = entry
        if part_of_a_name(text, match) or film_before_title(text, match):
            continue
        start, end, matched = match.start(), match.end(), match.group()
        verb = SEASON_VERB.fullmatch(matched)
        if form == "noun" and verb and VERB_COMPLEMENT.match(text, end):
            # "X's fifth season premieres in October": the season, then its verb (the plural
            # noun takes no time after it: "the season premieres of both shows")
            start, matched = start + verb.start(1), verb.group(1)
            key = matched.lower()
            event, form, needs_time = table[key]
        # (the words near it only: a long sentence is not read whole at each of its words)
        before, after = text_before(text, start), text_after(text, end)
        form = noun_reading(form, before, matched[:1].isupper() and is_title_case(text))
        if excluded_after.match(after) or (form == "noun" and excluded_before.search(before)):
            continue
        if form == "noun" and key not in event_nouns():
            continue  # a verb read as a noun that names no event: "the biggest hits of 2015"
        if needs_time == "season_object" and not has_season_object(after):
            continue  # "confirmed the news", "ordered pizza": no season ordered
        if form == "be" and key.endswith(" due") and re.match(r"\s+to\s+[a-z]", after):
            continue  # "had been due to start shooting": the verb after it is the trigger
        if needs_time == "for" and (re.match(r"\s+to\s+[a-z]", after) or re.search(
                r"\b(?:its|the|a|an|their|his|her)\s+$", before, re.IGNORECASE)):
            continue  # "slated to premiere" (the verb after it is the trigger); "its scheduled date"
        if key.endswith("due") and re.match(r"\s+to\s", after):
            continue  # "had been due to start shooting", "halted due to the pandemic", "due to Emmy rules": no release
        if form == "noun" and key in move_nouns():
            needs_time = "for"  # "the delay from March to June", not "after the delay, ... now"
        found.append(Trigger(offset + start, offset + end, event, form,
                             matched, needs_time in (True, "for", "slot"), needs_time == "season",
                             needs_time == "for", needs_season_object=needs_time == "season_object",
                             needs_slot=needs_time == "slot", phase="back" if key in back_forms() else None))
    found += separated_phrases(text, offset, found)
    found += season_starts(text, offset, found)
    found = phase_triggers(text, offset, found)
    # A filming word with an aspect verb in the same clause: "filming began", "production
    # got under way" become filming_start; "shooting wrapped" filming_end.
    aspect_re, aspects, filming_re = aspect_table()
    # (an aspect verb says a phase only of a filming word near it: most sentences have none)
    for match in aspect_re.finditer(text) if filming_re.search(text) else ():
        aspect = aspects.get(re.sub(r"\s+", " ", match.group().lower()))
        if aspect is None:
            continue
        event, verb_form = aspect
        lo, hi = max(0, match.start() - 80), match.end() + 30
        # (a filming word a halt or restart holds is that one's: "Cameras stopped when the
        # strike began")
        words = [m for m in filming_re.finditer(text, lo, min(len(text), hi))
                 if (m.end() <= match.start() or m.start() >= match.end())
                 and not any(t.phase and t.start <= offset + m.start() < t.end for t in found)
                 and not is_other_production(text, m.start(), m.end())]
        if not words:
            continue
        start, end = offset + match.start(), offset + match.end()
        # The nearest filming word is the same event, now with its aspect.
        if event == "filming_end" and nearly_regex().search(text[max(0, match.start() - 40):match.start()]):
            continue  # "close to finishing its shoot": still filming
        # The filming word before the verb ("principal photography will start") wins over
        # one after it ("wrapped its first season's shoot"); "start filming" is a table phrase.
        if any(t.phase and t.start <= start < t.end for t in found):
            continue  # "production was halted before it could resume": the halt's own verb
        adjacent = adjacent_filming_word().search(text, max(0, match.start() - 120), match.start())
        if adjacent and not any(t.start <= offset + adjacent.start("word") < t.end or t.start <= start < t.end
                                for t in found):
            # "cameras had not yet started rolling": the word, with the verb that gives the tense.
            tail = re.match(r"\s+(?:rolling|to\s+roll)\b", text_after(text, match.end()))
            span_end = match.end() + (tail.end() if tail else 0)
            found = [t for t in found if not (offset + adjacent.start() <= t.start < offset + span_end)]
            found.append(Trigger(offset + adjacent.start(), offset + span_end, event, "noun",
                                 text[adjacent.start():span_end], verb_start=start, verb_form=verb_form,
                                 verb_text=match.group()))
            continue
        before_verb = [(start - t.end, i) for i, t in enumerate(found)
                       if t.event == "filming" and not t.phase and t.form in ("noun", "ing") and t.end <= start
                       and start - t.end < 60 and not re.search(r"[,;:.!?–—]", text[t.end - offset:start - offset])]
        after_verb = [(t.start - end, i) for i, t in enumerate(found)
                      if t.event == "filming" and not t.phase and t.start >= end and t.start - end < 30
                      and not re.search(r"[,;:.!?–—]", text[end - offset:t.start - offset])]
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
        elif event != "filming" and not any(t.start <= start < t.end for t in found) \
                and not with_subject_only(match.group()) and not other_activity(text_after(text, match.end())):
            found.append(Trigger(start, end, event, verb_form, match.group()))
    return tuple(merge_adjacent(sorted((still_filming(text, offset, t) for t in found), key=lambda t: t.start)))


@cache
def season_start_table() -> tuple[re.Pattern, re.Pattern, re.Pattern, dict[str, str]]:
    """The verbs a season begins with, a season as their subject right before them or as
    their object right after, and each verb form's name (base, s, past, participle, ing)."""
    verbs = {form.lower(): name for verb in lexicon.entry("events", "season_start_verbs")
             for form, name in verb_variants(verb).items()}
    nouns = lexicon.alternation(lexicon.entry("events", "season_start_nouns"))
    ordinals = lexicon.alternation([*lexicon.entry("works", "ordinals"), *lexicon.entry("events", "season_start_modifiers")])
    numbers = lexicon.alternation(lexicon.entry("works", "numbers"))
    season = (rf"(?:\b(?:{nouns})\s+(?:\d{{1,2}}|{numbers})|\b(?:{ordinals}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:{nouns}))"
              # "of X", a title of up to six words, quoted or not
              r"(?:\s+of\s+(?:['‘\"“]?[A-Z0-9][\w'’.:&!-]*['’\"”]?(?:\s+|(?=,))){1,6})?")
    auxiliaries = rf"(?:(?:{lexicon.alternation(lexicon.entry('events', 'season_start_auxiliaries'))})\s+){{0,3}}"
    # (an aside between them: "Season two, its most-watched run, began on 15 April")
    aside = r"(?:,\s*(?:its|their|the|a|an|which|who)\b[^,;()]{0,60},\s*)?"
    subject = re.compile(rf"{season}\s*{aside}{auxiliaries}$", re.IGNORECASE)
    # (or its object: "X will begin its second season this March")
    season_object = re.compile(rf"\s+(?:its|their|a|the)\s+(?:(?:{ordinals}|\d{{1,2}}(?:st|nd|rd|th)|"
                               rf"[\w-]+-episode)\s+)+(?:{nouns})\b", re.IGNORECASE)
    return lexicon.word_regex(verbs), subject, season_object, verbs


def season_starts(text: str, offset: int, found: list[Trigger]) -> list[Trigger]:
    """"Season four began in June", "The third season of X begins March 15 on HBO", "X will
    begin its second season this March": a season that begins is one that premieres (a
    release that needs a time), in a sentence with no filming word, whose verb has a season
    as its subject or its object."""
    verbs, subject, season_object, forms = season_start_table()
    _, _, filming_re = aspect_table()
    if filming_re.search(text):
        return []
    starts = []
    for match in verbs.finditer(text):
        start, end = offset + match.start(), offset + match.end()
        if any(t.start <= start < t.end for t in found) or other_activity(text_after(text, match.end())) \
                or not (subject.search(text, max(0, match.start() - 120), match.start())
                        or season_object.match(text, match.end())):
            continue
        form = forms.get(re.sub(r"\s+", " ", match.group().lower()), "base")
        starts.append(Trigger(start, end, "release", form, match.group(), needs_time=True))
    return starts


@cache
def with_subject_only(verb: str) -> bool:
    """An aspect verb that says a shoot's phase only with a filming word as its subject
    ("cameras rolled"; not "back when rolling down the road")."""
    return re.sub(r"\s+", " ", verb.lower()) in {form.lower() for phrase in lexicon.entry("events", "aspect_with_subject")
                                                 for form in verb_variants(phrase)}


def other_activity(after: str) -> bool:
    """"began dating", "started to cry": the aspect verb's own activity, no shoot's."""
    following = re.match(r"\s+(to\s+)?([a-z]+)", after)
    if not following or not (following.group(1) or following.group(2).endswith("ing")):
        return False
    return following.group(2) not in ("filming", "shooting", "rolling", "production", "film", "shoot", "roll",
                                      "principal", "work", "working", "on")


@cache
def adjacent_filming_word() -> re.Pattern:
    """A filming word that is the subject of the aspect verb right after it, with only
    auxiliaries, adverbs and an "on X" phrase between: "cameras had not yet started"."""
    words = lexicon.alternation(lexicon.entry("events", "filming_words"))
    return re.compile(rf"(?<![\w-])(?P<word>{words})(?![\w-]){PHASE_OF}{PHASE_AUX}\s+$", re.IGNORECASE)


@cache
def nearly_regex() -> re.Pattern:
    """"close to", "nearly", "agonizingly close" to (events.yaml `nearly`) right before a word."""
    return re.compile(rf"(?<![\w-])(?:{lexicon.alternation(lexicon.entry('events', 'nearly'))})['’\"”]?"
                      r"(?:\s+(?:to|done|finished|through))?\s+$", re.IGNORECASE)


def still_filming(text: str, offset: int, trigger: Trigger) -> Trigger:
    """"close to wrapping", "nearly finished shooting": the shoot is still under way, a
    `filming` claim, not its end."""
    if trigger.event != "filming_end":
        return trigger
    lead = text[max(0, trigger.start - offset - 40):(trigger.verb_start or trigger.start) - offset]
    lead = re.sub(r"[\"“”]|(?<=\w)['’](?=\s)", "", lead)  # ("agonizingly close" to wrapping)
    return replace(trigger, event="filming") if nearly_regex().search(lead) else trigger


# --- halts and restarts of a shoot ------------------------------------------------------------

# What may stand between a halt verb and its filming word: a determiner or possessive and
# one modifier ("suspended its scripted productions", "shut down Netflix's UK shoot"), not
# another verb ("stopped watching the production").
PHASE_DETERMINER = r"(?:(?:the|its|their|his|her|all|any|further|this|that|a|an|(?-i:[A-Z])[\w.&-]*['’]s)\s+)?"
PHASE_MODIFIER = (r"(?:(?!(?:and|or|but|to|from|by|with|as|on|in|at|for|of|after|before|when|while|that|which|"
                  r"it|he|she|they|we|you|i)\b)[\w'’.-]+(?<!ing)\s+)?")
# A phrase after the filming word that says whose shoot it is ("production on the second
# season of X was halted"): no conjunction or clause word inside.
PHASE_OF = (r"(?:\s+(?:on|of|for|at|in)(?:\s+(?!(?:and|but|or|which|who|that|after|before|when|while|because|"
            r"as|so|then|since|until)\b)[^\s,;.!?()–—]+){1,12}?)?")
# Auxiliaries and adverbs between a filming word and its halt verb ("the shoot had to be stalled").
PHASE_AUX = (r"(?:\s+(?:was|were|is|are|has|have|had|been|be|being|will|would|could|might|may|must|to|got|"
             r"gets|get|['’]s|not|never|yet|also|again|now|then|just|once|already|reportedly|officially|finally|first|"
             r"initially|eventually|soon|forced|due|expected|set|scheduled|slated|going|did|does|do|"
             r"(?:did|does|do|had|has|have|was|were|wo|would|could|ca)n['’]t|cannot|\w+ly))*")
# What after a halt verb makes it another thing's: "filming stopped traffic", "the cameras
# stopped working", "production was postponed to January" (a moved date, not a halt).
PHASE_OTHER_OBJECT = (r"\s+(?:\w+ing\b|the\b|a\b|an\b|his\b|her\b|their\b|him\b|them\b|traffic\b|"
                      r"people\b|fans\b|to\s+(?!a\s+halt|a\s+standstill)|until\s+(?!further)|till\b|into\b)")
# "It resumed in August", "only to stop again": a halt verb whose shoot is the one just told of.
BARE_OBJECT_AFTER = re.compile(r"\s+(?:\w+ing|the|a|an|his|her|their|its|him|them|me|us|you|it|by|to)\b",
                               re.IGNORECASE)


@cache
def phase_forms() -> dict[str, tuple[str, str]]:
    """Every inflection of a halt or restart verb (events.yaml `phases`, not the `{shoot}`
    frames) -> (phase, form name)."""
    forms: dict[str, tuple[str, str]] = {}
    for phase, phrases in lexicon.entry("events", "phases").items():
        for phrase in phrases:
            if "{shoot}" not in phrase:
                for form, name in verb_variants(phrase).items():
                    forms.setdefault(form.lower(), (phase, name))
    return forms


@cache
def frame_forms() -> dict[str, str]:
    """Every inflection of the verbs of the `{shoot}` frames ("shut", "put") -> form name."""
    forms: dict[str, str] = {}
    for phrases in lexicon.entry("events", "phases").values():
        for phrase in phrases:
            if "{shoot}" in phrase:
                for form, name in verb_variants(phrase.split("{shoot}")[0].strip()).items():
                    forms.setdefault(form.lower(), name)
    return forms


@cache
def phase_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(phase, pattern) for the ways a halt or restart is said of a filming word:
    "production was halted", "halted production", "shut the production down", "the production
    shutdown", "a pause in filming", and a bare verb after "it" or "only to"."""
    data = lexicon.load("events")
    word = phase_word().pattern
    shoot = PHASE_DETERMINER + PHASE_MODIFIER + word
    patterns = []
    for phase, phrases in data["phases"].items():
        forms = [f for f, (p, _) in phase_forms().items() if p == phase]
        finite = lexicon.alternation(forms)
        objects = lexicon.alternation(f for f in forms if f.split()[0] not in lexicon.BE_FORMS)
        patterns.append((phase, re.compile(rf"{word}{PHASE_OF}{PHASE_AUX}\s+(?P<verb>{finite})(?![\w-])"
                                           rf"(?!{PHASE_OTHER_OBJECT})", re.IGNORECASE)))
        patterns.append((phase, re.compile(rf"(?<![\w'’-])(?P<verb>{objects})(?:\s+\w+ly)?\s+{shoot}",
                                           re.IGNORECASE)))
        for phrase in phrases:
            if "{shoot}" in phrase:
                head, tail = phrase.split("{shoot}")
                verb = lexicon.alternation(verb_variants(head.strip()))
                patterns.append((phase, re.compile(
                    rf"(?<![\w'’-])(?P<verb>{verb})\s+{shoot}{PHASE_OF}\s+{lexicon.phrase_pattern(tail.strip())}(?![\w-])",
                    re.IGNORECASE)))
        nouns = lexicon.alternation(data["phase_nouns"].get(phase, []))
        patterns.append((phase, re.compile(rf"{word}\s+(?P<noun>{nouns})s?(?![\w-])", re.IGNORECASE)))
        patterns.append((phase, re.compile(rf"(?<![\w-])(?P<noun>{nouns})\s+(?:of|in|on|to)\s+{shoot}",
                                           re.IGNORECASE)))
        bare = lexicon.alternation(f for f in forms if f.split()[0] not in lexicon.BE_FORMS)
        leads = lexicon.alternation(data["bare_phase_leads"])
        patterns.append((phase, re.compile(
            rf"(?<![\w'’-])(?P<lead>{leads}){PHASE_AUX}\s+(?P<bare>{bare})(?:\s+again)?(?![\w-])", re.IGNORECASE)))
    return tuple(patterns)


@cache
def phase_word() -> re.Pattern:
    """A filming word a halt or restart is said of ("production", "filming", "shoot"): every
    phase pattern but the bare verb's holds one."""
    data = lexicon.load("events")
    words = data["phase_words"] + [w + "s" for w in data["phase_words"] if w in ("production", "shoot")]
    return re.compile(rf"(?<![\w-])(?P<word>{lexicon.alternation(words)})(?![\w-])", re.IGNORECASE)


@cache
def not_a_shoot() -> tuple[re.Pattern, re.Pattern]:
    """Words right before a filming word ("a Broadway production") or right after it ("the
    production company") that make it no shoot (events.yaml `not_a_shoot_before`/`_after`)."""
    before = lexicon.alternation(lexicon.entry("events", "not_a_shoot_before"))
    after = lexicon.alternation(lexicon.entry("events", "not_a_shoot_after"))
    return (re.compile(rf"(?<![\w-])(?:{before})\s+$", re.IGNORECASE),
            re.compile(rf"^\s+(?:{after})(?![\w-])", re.IGNORECASE))


def is_other_production(text: str, start: int, end: int) -> bool:
    """"a Broadway production", "the production company", "a photo shoot": no shoot of a work."""
    before, after = not_a_shoot()
    return bool(before.search(text[max(0, start - 25):start]) or after.match(text[end:end + 25]))


PHASE_TOKEN = re.compile(r"[a-z]+")


@cache
def phase_vocabulary() -> frozenset[str]:
    """Every word a halt or restart pattern needs one of: the phase verbs' forms, the frame
    verbs ("shut", "put") and the phase nouns."""
    data = lexicon.load("events")
    words = {token for form in phase_forms() for token in PHASE_TOKEN.findall(form)}
    words |= {token for form in frame_forms() for token in PHASE_TOKEN.findall(form)}
    words |= {token for nouns in data["phase_nouns"].values() for noun in nouns for token in PHASE_TOKEN.findall(noun.lower())}
    return frozenset(words - PHASE_FUNCTION_WORDS)


# Words every sentence has: a form needs one of its other words too ("is on hold": "hold").
PHASE_FUNCTION_WORDS = frozenset({"a", "an", "the", "to", "on", "in", "of", "for", "is", "are", "was", "were",
                                  "be", "been", "being", "has", "have", "had", "will", "would", "it", "its", "s", "re"})


def phase_triggers(text: str, offset: int, found: list[Trigger]) -> list[Trigger]:
    """The halts and restarts of a shoot in a sentence (CONTRACT §2): each replaces the
    filming word it holds ("production was halted in March" is one `filming` trigger, phase
    "halt", whose verb gives the tense)."""
    if phase_vocabulary().isdisjoint(PHASE_TOKEN.findall(text.lower())):
        return found  # most sentences hold no halt or restart word: one set test
    phases: list[Trigger] = []
    has_word = phase_word().search(text) is not None
    for phase, pattern in phase_patterns():
        if not has_word and "bare" not in pattern.groupindex:
            continue  # (no filming word for it to hold)
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(t.start <= offset + start < t.end or offset + start <= t.start < offset + end for t in phases):
                continue
            if match.groupdict().get("bare"):
                if BARE_OBJECT_AFTER.match(text, end):
                    continue  # "it stopped raining", "only to stop the show"
                verb = match.start("bare")
                phases.append(Trigger(offset + verb, offset + end, "filming", phase_forms()[
                    re.sub(r"\s+", " ", match.group("bare").lower())][1], text[verb:end], phase=phase, bare=True))
                continue
            if is_other_production(text, match.start("word"), match.end("word")):
                continue
            if match.groupdict().get("noun"):
                phases.append(Trigger(offset + start, offset + end, "filming", "noun", match.group(), phase=phase))
                continue
            verb_text = match.group("verb")
            key = re.sub(r"\s+", " ", verb_text.lower())
            form = phase_forms()[key][1] if key in phase_forms() else frame_forms().get(key, "past")
            form = base_or_past(text_before(text, match.start("verb")), key.split()[0], form)
            if match.start("word") < match.start("verb"):
                # "Production on X was halted": the noun, with the verb that gives the tense.
                phases.append(Trigger(offset + start, offset + end, "filming", "noun", match.group(),
                                      verb_start=offset + match.start("verb"), verb_form=form, verb_text=verb_text))
            else:
                phases.append(Trigger(offset + start, offset + end, "filming", form, match.group(), phase=phase))
                continue
            phases[-1] = replace(phases[-1], phase=phase)
    if not phases:
        return found
    kept = [t for t in found if not any(p.start <= t.start < p.end or t.start <= p.start < t.end for p in phases)]
    return sorted(kept + phases, key=lambda t: t.start)


def base_or_past(before: str, verb: str, form: str) -> str:
    """"shut", "put": the base form after "to" or a modal, the participle after "has", else
    the past ("the pandemic shut the production down")."""
    if form != "base" or lexicon.verb_forms(verb)["past"] != verb:
        return form
    if re.search(r"(?i)\b(?:has|have|had|having)\s+(?:\w+ly\s+|just\s+|already\s+)?$", before):
        return "participle"
    return form if VERB_BEFORE.search(before) else "past"


@cache
def back_forms() -> frozenset[str]:
    """Every inflection of the phrases that say a shoot is back (events.yaml `back_phrases`)."""
    return frozenset(form.lower() for phrase in lexicon.entry("events", "back_phrases")
                     for form in verb_variants(phrase))


@cache
def ordered_season_pattern(after_object: bool = False) -> re.Pattern:
    """"a sixth season", "the eighth season", "a 13-episode sixth season", "a sixth and final
    season", "With A Season 6 Order", ", ordering a sixth season", "for a seventh" (the noun
    left out): the season a renewal verb takes as its object (not "a second season premiere
    date"); after_object: with the verb's own object first ("earn Lucifer a fifth season")."""
    info = works.knowledge()
    ordinals = lexicon.alternation(word for word, value in info["ordinals"].items() if value)
    not_before = lexicon.alternation(lexicon.entry("events", "ordered_season_not_before"))
    thing = rf"\s+(?:{object_pattern().pattern})" if after_object else ""
    return re.compile(
        rf"^{thing}\s*(?P<lead>(?:for|with|of|on)\s+|,\s*(?:ordering|with|giving\s+(?:it|them)|handing\s+(?:it|them))\s+)?"
        r"(?:(?:a|an|the|its|their)\s+)?(?:(?:new|brand-new|full|shortened|\w+-episode)\s+)?"
        rf"(?:(?P<ord>{ordinals})(?:\s+and\s+(?:final|last))?"
        r"(?P<noun>[\s-]+(?:season|series|run|installment|instalment|outing|cycle)\b(?:[\s-]+order\b)?)?"
        rf"|season\s+(?P<n>{info['number']})(?:\s+order\b)?)"
        rf"(?!\s*(?:{not_before})(?!\w))", re.IGNORECASE)


# After an ordinal with its noun left out ("renewed for a seventh in February"): the clause goes on.
ELIDED_END = re.compile(r"^\s*(?:[,.;:)]|$|(?:in|on|at|back|last|this|next|earlier|later|after|before|"
                        r"ahead|and|but|just|when|as)\b)", re.IGNORECASE)


def ordered_season(text: str, after_object: bool = False) -> re.Match | None:
    """The season ordered at the start of the text ("a sixth and final season in June"), or None."""
    match = ordered_season_pattern(after_object).match(text)
    if match and match.group("ord") and not match.group("noun") and not (
            match.group("lead") and match.group("lead").strip() == "for" and ELIDED_END.match(text[match.end():])):
        return None
    return match


@cache
def object_pattern() -> re.Pattern:
    """A verb's object that may stand inside a phrasal verb or before the season it is given:
    "it", "them", "the cop comedy", a quoted title, a capitalized name."""
    return re.compile(rf"(?:it|them|(?:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?(?:{works.kind_nouns()})"
                      r"|[\"“‘'][^\"”’\n]{1,60}[\"”’']|(?-i:(?:[A-Z][\w'’:&!.-]*\s+){0,4}[A-Z][\w'’:&!.-]*))")


def has_season_object(text: str) -> bool:
    """"ordered a sixth season", "could earn Lucifer a fifth season", "revived it for a sixth
    season": a later season follows the verb, maybe after its object."""
    return bool(ordered_season(text) or ordered_season(text, after_object=True))


@cache
def separable_table() -> tuple[re.Pattern, dict[str, tuple[str, str, bool | str]]] | None:
    """Phrasal verbs split by their object ("picked the show up"): one pattern, and the
    inflected verb -> the table entry of the whole phrase ("picked up")."""
    _, table = trigger_table()
    heads: dict[str, tuple[str, str, bool | str]] = {}
    particles = set()
    for spec in lexicon.entry("events", "events").values():
        for phrase in spec.get("separable", []):
            verb, particle = phrase.rsplit(" ", 1)
            particles.add(particle)
            for form in verb_variants(verb):
                entry = table.get(f"{form} {particle}".lower())
                if entry:
                    heads[form.lower()] = entry
    if not heads:
        return None
    pattern = re.compile(rf"\b(?P<verb>{lexicon.alternation(heads)})\s+(?:{object_pattern().pattern})\s+"
                         rf"(?P<particle>{lexicon.alternation(particles)})\b(?![\w-])", re.IGNORECASE)
    return pattern, heads


def separated_phrases(text: str, offset: int, found: list[Trigger]) -> list[Trigger]:
    """"NBC had just picked the show up for season 6", "Netflix picked it up": the phrase
    with its object inside (the object is the work it is about)."""
    table = separable_table()
    if table is None:
        return []
    pattern, heads = table
    extra = []
    for match in pattern.finditer(text):
        start, end = offset + match.start(), offset + match.end()
        if any(t.start < end and start < t.end for t in found):
            continue
        event, form, needs = heads[match.group("verb").lower()]
        form = noun_reading(form, text_before(text, match.start()))
        if form == "noun":
            continue
        extra.append(Trigger(start, end, event, form, match.group(), needs in (True, "for"),
                             needs == "season", needs == "for", needs == "season_object"))
    return extra


def part_of_a_name(text: str, match: re.Match) -> bool:
    """A capitalized trigger inside a running sentence belongs to a name: "Best Film
    Editing", "the Sundance Film Festival", "Premiere Magazine" (a headline capitalizes
    every word, and a sentence its first)."""
    if not match.group()[:1].isupper():
        return False
    # A company's name ends in it, headline or not: "Wolf Films", "Bad Robot Productions".
    name_before = CAPITALIZED_BEFORE.search(text_before(text, match.start()))
    if name_before and gazetteer.organisation_suffix(f"{name_before.group(1)} {match.group()}"):
        return True
    if is_title_case(text):
        return False
    lead = text_before(text, match.start()).rstrip().rstrip("\"“‘'*_(").rstrip()
    return bool(lead) and not lead.endswith((".", "!", "?", ":", "|", "—", "–"))


CAPITALIZED_BEFORE = re.compile(r"([A-Z][\w'’&.-]*)\s+$")


def film_before_title(text: str, match: re.Match) -> bool:
    """"Christopher Nolan's World War II film Dunkirk": the noun "film" before a title, not
    the verb."""
    if match.group().lower() not in ("film", "films", "movie", "shoot"):
        return False
    return bool(re.match(r"\s+['‘\"“]?[A-Z]", text_after(text, match.end()))) \
        and not VERB_BEFORE.search(text_before(text, match.start()))


def last_end_before(triggers: tuple[Trigger, ...], trigger: Trigger, start: int, body: str) -> int | None:
    """The end of the last of a sentence's triggers that starts at `start` or later and ends
    before `trigger`, other than one that takes it as its infinitive ("was due to start
    filming"); None when there is none. (find_triggers gives them in order, their ends rising:
    the first such one back from `trigger` ends last.)"""
    index = bisect_left(triggers, trigger.start, key=lambda t: t.start)
    for other in (triggers[i] for i in range(index - 1, -1, -1)):
        if other.start < start:
            return None
        if other.end <= trigger.start and not governs(body, other, trigger):
            return other.end
    return None


def merge_adjacent(found: list[Trigger]) -> list[Trigger]:
    """One trigger per statement: drop one that lies inside another ("filming will wrap"
    holds "wrap"), a verbless "in theaters" right after a release verb ("will arrive in
    cinemas on 26th June": the verb's), and join a filming noun to the filming verb right
    after it ("filming was underway", "production is in the works")."""
    kept: list[Trigger] = []
    for trigger in found:
        # (`found` is in order of start and the ends of those kept rise: the last ends furthest)
        if kept and trigger.end <= kept[-1].end:
            continue
        if kept and trigger.needs_time and trigger.form == "noun" and kept[-1].event == trigger.event == "release" \
                and 0 <= trigger.start - kept[-1].end <= 2:
            kept[-1] = replace(kept[-1], end=trigger.end, text=kept[-1].text + " " + trigger.text)
            continue
        previous = kept[-1] if kept else None
        if previous and previous.event == trigger.event and previous.form == "noun" \
                and 0 <= trigger.start - previous.end <= 2:
            kept[-1] = replace(trigger, start=previous.start,
                               text=previous.text + " " * (trigger.start - previous.end) + trigger.text)
            continue
        if previous and previous.event == trigger.event == "filming" and previous.form == "ing" \
                and trigger.form == "be" and 0 <= trigger.start - previous.end <= 2:
            # "Filming is already under way": the noun, with the verb that gives the tense.
            kept[-1] = replace(previous, end=trigger.end, form="noun",
                               text=previous.text + " " * (trigger.start - previous.end) + trigger.text,
                               verb_start=trigger.start, verb_form=trigger.form, verb_text=trigger.text)
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
    if trigger.phase:
        return False  # "returned to set": a shoot's return, no date set
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
    # (a year, an edition or "annual" before the name: "at the 37th Toronto International Film Festival")
    return re.compile(rf"^\s+(?:(?:in|on)\s+[^,.;]{{0,20}}?\s+)?at\s+(?:the\s+)?(?:(?:\d{{4}}|\d{{1,3}}(?:st|nd|rd|th)|annual)\s+){{0,2}}"
                      rf"(?:(?:{names})\b|(?:[A-Z][\w'’.&-]*\s+){{1,5}}(?:Film\s+)?(?:Festival|Fest|Con|Fashion\s+Week)\b)",
                      re.IGNORECASE)


def is_festival_screening(trigger: Trigger, body: str) -> bool:
    """"premiered at Sundance", "its premiere at the Toronto International Film Festival"."""
    noun_ok = trigger.form != "noun" or re.match(r"(?i)premiere|debut|bow", trigger.text)
    if trigger.event == "release" and trigger.form != "noun" and re.match(r"(?i)premier", trigger.text) \
            and PREMIERE_THERE.match(body, trigger.end):
        return True  # "will premiere there tomorrow": at the place just named, a festival or a venue
    return trigger.event == "release" and bool(noun_ok) and bool(
        festival_after().match(body[trigger.end:trigger.end + 80]))


PREMIERE_THERE = re.compile(r"\s+there\b", re.IGNORECASE)


@cache
def promotion_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Promotional material right before a work ("the trailer for X") or right after it
    ("X's new poster"), from events.yaml `promotion`."""
    words = lexicon.alternation(lexicon.entry("events", "promotion"))
    # (the kind of work between: "the trailer for her new reality show X")
    before = re.compile(rf"\b(?:{words})s?\s+(?:for|of|from|to)\s+(?:[\w'’-]+\s+){{0,5}}$", re.IGNORECASE)
    after = re.compile(rf"^(?:['’]s?)?\s+(?:[\w'’-]+\s+){{0,2}}(?:{words})s?\b", re.IGNORECASE)
    return before, after


def is_promotion(body: str, work_start: int, work_end: int, trigger_start: int, clause_start: int,
                 trigger_end: int | None = None) -> bool:
    """Whether the thing a release verb is about is the work's trailer, poster or clip: named
    around the work, as the verb's object ("the film dropped its first teaser trailer
    Thursday") or as the noun right before it ("a new preview clip released on Monday")."""
    before, after = promotion_patterns()
    if before.search(body[max(clause_start, work_start - 60):work_start]) \
            or work_end <= trigger_start and after.match(body[work_end:trigger_start]):
        return True
    if trigger_end is None:
        return False
    subject, obj = promotion_around_verb()
    return bool(subject.search(body[max(clause_start, trigger_start - 40):trigger_start])
                or obj.match(body[trigger_end:trigger_end + 60]))


@cache
def promotion_around_verb() -> tuple[re.Pattern, re.Pattern]:
    words = lexicon.alternation(lexicon.entry("events", "promotion"))
    subject = re.compile(rf"(?<![\w-])(?:{words})s?(?:\s+(?:of|from|for)\s+(?:it|them|the\s+[\w-]+))?"
                         rf"\s+(?:(?:that|which|was|were|is|are|has|have|been|just|first|officially)\s+){{0,3}}$",
                         re.IGNORECASE)
    obj = re.compile(rf"^\s+(?:(?:a|an|the|its|their|his|her|another)\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{words})s?\b",
                     re.IGNORECASE)
    return subject, obj


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
