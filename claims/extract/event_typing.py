"""Event typing: whether a trigger states the work's own event, or something else.

A release word is often about something that is not the work's opening to the public
(CONTRACT §2): a premiere night on a red carpet, a festival screening, one market's
opening, an episode's airing, a trailer, a person's debut or return. "Shoot" may be a
gun's, "wrap" a series' ending. Each such reading is one named check below, with its
words in claims/data/events.yaml; the first check that recognises the trigger (or the
trigger with the work it was found to be about) drops the claim, and its name is what
`checker extract --explain` shows for dropped triggers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TypedDict, cast

from claims.extract import events, gazetteer, grammar, lexicon, strategies, times
from claims.extract.context import ArticleContext, Subj
from claims.extract.sentences import Sentence, text_after, text_before
from claims.intervals import resolve_interval
from claims.models import Claim, TimeMod, TimeValue


@dataclass
class TriggerQuery:
    context: ArticleContext
    sentence: Sentence
    trigger: events.Trigger
    clause: tuple[int, int]

    @property
    def body(self) -> str:
        return self.context.article.body

    @property
    def before(self) -> str:
        """The clause up to the trigger (its last REACH characters or so: a long clause is not
        copied whole for each check of each of its triggers)."""
        return text_before(self.body, self.trigger.start, self.clause[0])

    @property
    def after(self) -> str:
        """The clause after the trigger (its first REACH characters or so)."""
        return text_after(self.body, self.trigger.end, self.clause[1])

    @property
    def near(self) -> str:
        """The clause around the trigger (REACH characters or so on each side)."""
        return self.before + self.body[self.trigger.start:self.trigger.end] + self.after

    @property
    def lemma(self) -> str:
        return self.trigger.text.lower().split()[0]


class EventWords(TypedDict):
    """The words of the checks (claims/data/events.yaml): patterns, and a few sets of folded
    or lower-case words."""

    amount_after: re.Pattern
    night_lead: re.Pattern
    night_before: re.Pattern
    night_after: re.Pattern
    home: set[str]
    territory: re.Pattern
    series_end: re.Pattern
    gun: re.Pattern
    gun_object: re.Pattern
    episode: re.Pattern
    content_after: re.Pattern
    with_piece: re.Pattern
    episode_count: re.Pattern
    season_episode_leads: set[str]
    single_episode_leads: set[str]
    person_verbs: set[str]
    own_object: re.Pattern
    own_heads: set[str]
    platform_start: re.Pattern
    idiom: re.Pattern
    streaming_service: re.Pattern
    service_abroad: re.Pattern
    attraction: re.Pattern
    attraction_after: re.Pattern
    averted: re.Pattern
    person_debut: re.Pattern
    ranking: re.Pattern
    request: re.Pattern
    object_filming: set[str]
    unnamed_work_object: re.Pattern
    work_object: re.Pattern
    recurring: re.Pattern
    midseason: re.Pattern
    season_opening: re.Pattern
    one_night: re.Pattern
    released_thing: re.Pattern
    thing_about: re.Pattern
    appearance: re.Pattern
    under_way_other: set[str]
    on_camera: re.Pattern
    filmed_person: re.Pattern
    production_as_work: re.Pattern
    not_yet: re.Pattern
    announcer: re.Pattern
    cancelled_thing: re.Pattern
    subject_verb_gap: re.Pattern
    renewal_denial: re.Pattern
    person_subject: re.Pattern
    role_subject: re.Pattern
    people_before: re.Pattern
    return_for_work: re.Pattern
    return_target: re.Pattern


@cache
def words() -> EventWords:
    data = lexicon.load("events")
    return {
        "amount_after": re.compile(rf"\s+to\s+(?:(?:{lexicon.alternation(data['amount_lead'])})\s+)?[$£€\d]",
                                   re.IGNORECASE),
        "night_lead": re.compile(rf"(?<![\w-])(?:{lexicon.alternation(data['premiere_night_lead'])})\s+"
                                 r"(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w'’.,\"“”‘()\[\]-]+\s+){0,8}$", re.IGNORECASE),
        "night_before": re.compile(rf"(?<![\w-])(?:{lexicon.alternation(data['premiere_night_before'])})\s+$",
                                   re.IGNORECASE),
        "night_after": re.compile(rf"^\s+(?:{lexicon.alternation(data['premiere_night_after'])})(?![\w-])",
                                  re.IGNORECASE),
        "home": {gazetteer.fold(m) for m in data["home_markets"]},
        "territory": re.compile(
            rf"(?:\bin\s+(?:the\s+)?|(?<=\s))(?P<where>(?:[A-Z][\w.'’-]*\s+){{1,3}})(?:{lexicon.alternation(data['territory_nouns'])})\b"
            rf"|\bin\s+(?:the\s+)?(?P<country>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})(?=\s*(?:on|in|this|next|and|,|\.|$))"
            # "on Netflix UK"
            rf"|\bon\s+(?i:{lexicon.alternation(data['platforms'])})\s+(?P<platform_country>UK|U\.K\.|US|U\.S\.|Canada|Australia|India)\b"),
        "series_end": re.compile(rf"^\s+(?:{lexicon.alternation(data['series_end_after'])}|"
                                 rf"on\s+(?:{lexicon.alternation(data['platforms'])}))\b", re.IGNORECASE),
        "episode_count": re.compile(
            rf"^\s+(?:(?P<about>{lexicon.alternation(data['episode_count_quantifiers'])})\s+)?[\d,]+\s+"
            r"(?:[a-z-]+\s+)?episodes\b", re.IGNORECASE),
        "gun": lexicon.word_regex(data["gun_words"]),
        "gun_object": re.compile(rf"^\s+(?:{lexicon.alternation(data['gun_objects'])})(?![\w-])", re.IGNORECASE),
        "episode": re.compile(
            rf"(?<![\w-])(?P<lead>[\w'’-]+(?:\s+[\w'’-]+)?\s+)?(?:{lexicon.alternation(data['episode_words'])})(?![\w-])",
            re.IGNORECASE),
        "content_after": re.compile(rf"\s+(?:{lexicon.alternation(data['episode_content_after'])})(?![\w-])",
                                    re.IGNORECASE),
        "with_piece": re.compile(
            rf"^[^.;:]*?\bwith\s+(?:(?:a|an|the|its|this\s+year['’]s)\s+(?:[\w'’-]+\s+){{0,2}}?"
            rf"(?i:{lexicon.alternation(data['episode_with_nouns'])})(?![\w-]))"),
        "season_episode_leads": {w.lower() for w in data["season_episode_leads"]},
        "single_episode_leads": {w.lower() for w in data["single_episode_leads"]},
        "person_verbs": {form.lower() for phrase in data["person_release_verbs"]
                         for form in events.verb_variants(phrase)},
        # (case matters: "Doctor Who returns" is a title, "who returns" a person)
        "own_object": re.compile(
            r"^\s+(?P<det>a|an|the|its|his|her|their|our|my|your|this|that|these|those|some|new|multiple|several|"
            r"two|three|four|five|more)\s+"
            r"(?P<np>[\w'’-]+(?:\s+[\w'’-]+){0,3})", re.IGNORECASE),
        "own_heads": {w.lower() for w in data["own_release_objects"]},
        "platform_start": re.compile(rf"(?:{lexicon.alternation(data['platforms'])})(?![\w-])", re.IGNORECASE),
        "idiom": lexicon.word_regex(data["idioms"]),
        "streaming_service": lexicon.word_regex(data["streaming_services"]),
        "service_abroad": re.compile(rf"^\s*(?:\w+\s+){{0,2}}?(?:on|via)\s+({lexicon.alternation(data['services_abroad'])})(?![\w-])",
                                     re.IGNORECASE),
        "attraction": lexicon.word_regex(data["attractions"]),
        "attraction_after": right_after_name(data["attractions"]),
        "averted": re.compile(rf"(?<![\w-])(?:{lexicon.alternation(data['averted_before'])})\s+"
                              r"(?:(?:an?|the|its|their|official|possible|potential|imminent)\s+)*$", re.IGNORECASE),
        "person_debut": re.compile(rf"(?<![\w-])(?:{lexicon.alternation(data['person_debut_kinds'])})\s+$",
                                   re.IGNORECASE),
        # "came in 21st place", "debuted at No. 3", "opened in second position": a chart or
        # ratings rank, not a release
        "ranking": re.compile(
            rf"\s+(?:in\s+)?(?:at\s+)?(?:(?:no\.?|number|#)\s*\d+|(?:\d+(?:st|nd|rd|th)|"
            rf"{lexicon.alternation(k for k, v in lexicon.entry('works', 'ordinals').items() if v)}|last|top)\s+"
            rf"(?:{lexicon.alternation(data['ranking_nouns'])}))(?![\w-])", re.IGNORECASE),
        "request": re.compile(
            rf"(?<![\w-])(?:{lexicon.alternation(f for p in data['request_verbs'] for f in events.verb_variants(p))})"
            r"\s+(?:[\w'’]+\s+){0,4}?(?:not\s+)?to\s+$", re.IGNORECASE),
        "object_filming": {f.lower() for p in data["object_filming_verbs"] for f in events.verb_variants(p)},
        "unnamed_work_object": re.compile(
            r"\s+(?:an?|another)\s+(?:[a-z][\w-]*\s+){0,2}"
            rf"(?:{lexicon.alternation([*lexicon.entry('registry', 'work_nouns'), *data['unnamed_work_nouns']])})"
            # (no name after it: "a new movie, X", "a series called X", "a film 'X'")
            r"(?![\w-])(?!\s*(?:,\s*)?['‘\"“]|\s*,\s*[A-Z]|\s+(?:called|titled|named|dubbed)\b|\s+[A-Z])",
            re.IGNORECASE),
        "work_object": re.compile(
            r"^\s+(?:(?:the|a|an|its|his|her|their|this|that|new|next|another|[\w'’]+['’]s)\s+){0,2}"
            rf"(?:[A-Z0-9'‘\"“]|(?:{lexicon.alternation([*lexicon.entry('registry', 'work_nouns'), 'season', 'seasons', 'episode', 'episodes', 'pilot', 'project', 'follow-up'])})\b)"),
        "recurring": lexicon.word_regex(data["recurring_times"]),
        "midseason": lexicon.word_regex(data["midseason_returns"]),
        "season_opening": lexicon.word_regex(data["season_opening_words"]),
        "one_night": re.compile(rf"(?:(?:on|last)\s+)?{times.weekday_only().pattern}|"
                                rf"{lexicon.alternation(data['one_night_times'])}", re.IGNORECASE),
        # "updates about X", "news of the Netflix film X" (the thing, then the work)
        # (between them only a determiner, a kind, a name or a possessive: "news about it Moon
        # Garden will premiere" is no such phrase)
        "thing_about": re.compile(rf"(?<![\w-])(?i:{lexicon.alternation(data['released_things'])})\s+"
                                  r"(?i:about|on|of|regarding|for|from)\s+"
                                  r"(?:(?:(?i:the|a|an|new|upcoming|latest|film|movie|series|show)|[A-Z][\w'’.-]*|[\w-]+['’]s)\s+){0,3}"
                                  r"['‘\"“]?$"),
        # (its title may stand between: "her memoir, The Secrets of My Life, released in April")
        "released_thing": re.compile(rf"(?<![\w-])(?:{lexicon.alternation(data['released_things'])})"
                                     r"(?:\s+|,\s*['‘\"“]?(?-i:[A-Z])[^,;]{0,60},\s+)"
                                     r"(?:(?:was|were|has been|have been|had been|being|just|first|officially)\s+)*$",
                                     re.IGNORECASE),
        "appearance": lexicon.word_regex(data["appearance_phrases"]),
        "under_way_other": {w.lower() for w in data["not_a_shoot_under_way"]},
        "on_camera": re.compile(rf"(?<![\w-])(?:{lexicon.alternation(data['on_camera_leads'])})\s+"
                                r"(?:[\w'’]+\s+){0,4}?(?:cameras\s+)?$", re.IGNORECASE),
        "filmed_person": re.compile(
            rf"\s+(?:(?i:{lexicon.alternation(data['filmed_reflexives'])})"
            rf"|(?i:{lexicon.alternation(data['filmed_person_leads'])})\s+(?:[a-z'’-]+\s+){{0,2}}?"
            rf"(?:{lexicon.alternation(data['filmed_persons'])}))"
            rf"(?:\s*(?:[,.;:!?)]|$)|\s+(?:{lexicon.alternation(data['filmed_person_after'])})\b)"),
        "production_as_work": re.compile(
            rf"^(?:\s+(?:of|on|for)\s+[^,;:.!?]{{1,60}}?)?\s+(?:{lexicon.alternation(data['production_as_work'])})(?![\w-])",
            re.IGNORECASE),
        "not_yet": lexicon.word_regex(data["not_yet"]),
        # a network or company as the one who announces ("the younger-skewing broadcast network")
        "announcer": re.compile(rf"(?<![\w-])(?:{lexicon.alternation([*data['platforms'], *data['announcers']])})"
                                r"(?![\w-])[\s,]*(?:[\w-]+\s+){0,2}$", re.IGNORECASE),
        "cancelled_thing": re.compile(rf"^['’\"”]*\s+(?:{lexicon.alternation(data['cancelled_things'])})(?![\w-])",
                                      re.IGNORECASE),
        "subject_verb_gap": re.compile(rf"^[\s,'’\"”)]*(?:(?:{lexicon.alternation(data['subject_verb_gap'])})\s+)*$",
                                       re.IGNORECASE),
        "renewal_denial": re.compile(rf"(?:{lexicon.alternation(form for phrase in data['renewal_denials'] for form in events.verb_variants(phrase))})$",
                                     re.IGNORECASE),
        # a pronoun, then lower-case words that name no work ("she'd like to be able to")
        "person_subject": re.compile(
            rf"(?<![\w'’])(?:{lexicon.alternation(data['person_subjects'])}|He|She|I|We|You|He'd|She'd)\s+"
            r"(?:(?!(?:show|series|season|film|movie|it|they|which|that|and|but|or|so|then)\b)[a-z'’]+\s+){0,5}$"),
        # "the 'Sweet Escape' singer won't be back", "the Copper Valley star will return"
        "role_subject": re.compile(
            r"(?<![\w'’])(?:the|a|an|former|ex-)\s+(?:[\w'’‘\"“”.-]+\s+){0,3}"
            rf"(?:{lexicon.alternation(lexicon.entry('registry', 'person_before'))})\s+"
            r"(?:(?:will|won't|won’t|would|wouldn't|is|was|isn't|wasn't|has|had|also|not|be|been|never|"
            r"finally|reportedly|set|expected|to)\s+){0,4}$", re.IGNORECASE),
        "people_before": re.compile(
            rf"(?<![\w'’-])(?:{lexicon.alternation(data['person_nouns_before'])})\s+"
            r"(?:(?:who|that)\s+(?:are|is|were|will\s+be)\s+)?$"),  # (lower case: "Pawn Stars premiered" is a title)
        "return_for_work": re.compile(
            rf"^\s+for\s+(?:the|this|that|its|their|a|an)\s+(?:[\w'’-]+\s+){{0,2}}?"
            rf"(?:{lexicon.alternation(data['person_return_works'])})\b", re.IGNORECASE),
        "return_target": re.compile(
            r"^\s+(?:to\s+(?:(?:the|its|his|her|their|a|an)\s+)?(?:(?!(?:for|with|on|in|at|this|next)\b)[\w'’-]+\s+){0,2}?"
            rf"(?:{lexicon.alternation(data['person_return_targets'])})\b|"
            rf"(?:to\s+[^,.;]{{0,40}}?\s+)?as\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:{lexicon.alternation(data['person_return_roles'])})\b)",
            re.IGNORECASE),
    }


# --- checks on a trigger alone -----------------------------------------------------------------

def question(q: TriggerQuery) -> str | None:
    """A question asks; it claims nothing (but "now that you know X is filming?")."""
    clause_end = text_before(q.body, q.clause[1], q.clause[0])
    if clause_end.rstrip(" \"”’')*_").endswith("?") and not re.search(r"\bthat\b", q.before):   # (and "?**" in bold)
        return "a question"
    if indirect_question().search(q.body[max(q.clause[0], q.trigger.start - 60):q.trigger.start]):
        return "a question"  # "fans have been asking when season two will hit Netflix"
    return None


@cache
def indirect_question() -> re.Pattern:
    """A question told, not asked: "asking when", "wondering whether" before the event."""
    asks = lexicon.alternation(lexicon.entry("events", "indirect_questions"))
    return re.compile(rf"(?<![\w-])(?:{asks})\s+(?:when|whether|if)\b(?![^.;]*\b(?:answer|revealed|confirmed)\b)[^.;]*$",
                      re.IGNORECASE)


def festival_screening(q: TriggerQuery) -> str | None:
    """"premiered at Sundance in January": a screening, not the release."""
    return "a festival screening" if events.is_festival_screening(q.trigger, q.body) else None


def premiere_night(q: TriggerQuery) -> str | None:
    """"at Tuesday night's red-carpet premiere", "the world premiere", "the premiere party":
    a night on a carpet, not the work's opening to the public."""
    if q.trigger.event != "release" or not noun_premiere(q.trigger):
        return None
    found = words()
    lead = q.body[max(q.sentence.start, q.trigger.start - 60):q.trigger.start]
    if found["night_lead"].search(lead) or found["night_before"].search(lead) \
            or found["night_after"].match(q.body[q.trigger.end:q.trigger.end + 30]):
        return "a premiere night"
    return None


def noun_premiere(trigger: events.Trigger) -> bool:
    """"premiere" as a noun; also where a title before it made the base form read as a verb
    ("attended the X premiere", "The X premiere begins with ..."): the checks that call this
    look for what only the noun takes."""
    return "premiere" in trigger.text.lower() and (trigger.form == "noun" or trigger.text.lower() == "premiere")


def territory_opening(q: TriggerQuery) -> str | None:
    """"premiers in Australian theatres on April 25", "opens in China": one market's
    opening, not the work's release (US and UK openings are the release)."""
    if q.trigger.event != "release":
        return None
    home = words()["home"] | outlet_markets(q.context.article.url)
    named = MARKET_BEFORE_NOUN.search(q.before[-40:]) if q.trigger.form == "noun" else None
    if named and gazetteer.fold(named.group(1)) not in home \
            and gazetteer.place_kind(named.group(1)) in ("country", "demonym", "region", "continent"):
        return "one market's opening"  # "to promote the French release of the film"
    for match in words()["territory"].finditer(q.after[:60]):
        where = (match.group("where") or match.group("country") or match.group("platform_country") or "").strip()
        if not where or gazetteer.fold(where) in home:
            continue
        if gazetteer.place_kind(where) in ("country", "demonym", "region", "continent", "state"):
            return "one market's opening"
    return None


# A market's name right before a release noun: "the French release", "its Chinese theatrical release".
MARKET_BEFORE_NOUN = re.compile(r"\b(?:the|its|their|a)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)\s+"
                                r"(?:theatrical\s+|cinema\s+|box[- ]office\s+)?$")


def market_named(q: TriggerQuery, timex=None, kind: str | None = None) -> str | None:
    """The one market a release is told for, when the clause names it ("hits UK cinemas 18
    August" in a UK paper: the release for its readers, but the UK's opening all the same),
    a service abroad carries it, or a film's opening is told the British way: the folded
    country; "streaming" for a film's arrival on a streaming service; else None."""
    if q.trigger.event != "release":
        return None
    for match in words()["territory"].finditer(q.after[:60]):
        where = (match.group("where") or match.group("country") or match.group("platform_country") or "").strip()
        if where and gazetteer.fold(where) in words()["home"]:
            return None  # "opens in US cinemas on May 24": the home market's opening is the release
        if where and gazetteer.place_kind(where) in ("country", "demonym", "region", "continent"):
            return gazetteer.fold(where)
    # ("is streaming on hayu from Monday 7th August": a service that carries US shows abroad)
    service = words()["service_abroad"].search(q.after[:40])
    if service:
        return platform_markets()[service.group(1).lower()]
    if kind == "film" and words()["streaming_service"].search(q.trigger.text + q.after[:40]):
        return "streaming"  # "will hit Netflix on December 1": the film's streaming window
    return british_opening(q, timex, kind)


@cache
def platform_markets() -> dict[str, str]:
    return {name.lower(): gazetteer.fold(market) for name, market in
            lexicon.entry("events", "services_abroad").items()}


def british_opening(q: TriggerQuery, timex, kind: str | None) -> str | None:
    """"'Solo' opens 24 May", "is released in cinemas on December 14": a film's opening told
    the British way (the day before the month, or "cinemas") is the UK's, which often falls a
    day or more from the US date: "uk", compared only with other openings told so."""
    if kind != "film":
        return None
    day_first = timex is not None and DAY_FIRST.match(timex.text)
    cinemas = BRITISH_SCREENS.search(text_after(q.body, q.trigger.start, q.clause[1]))
    return "uk" if day_first or cinemas else None


DAY_FIRST = re.compile(r"(?:[A-Z][a-z]+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+")
BRITISH_SCREENS = re.compile(r"\bcinemas?\b", re.IGNORECASE)


def outlet_markets(url: str | None) -> set[str]:
    """The markets an outlet's own country stands for, from its web address ("dailymail.co.uk")."""
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/")[0].split(":")[0]
    return {gazetteer.fold(m) for ending, markets in lexicon.entry("events", "outlet_markets").items()
            if host.endswith(ending) for m in markets}


def series_end(q: TriggerQuery) -> str | None:
    """"Homeland will wrap after its upcoming eighth season": the series ends, no shoot wraps."""
    if q.trigger.event == "filming_end" and q.trigger.verb_start is None and words()["series_end"].match(q.after):
        return "a series ending"
    return None


def gun_sense(q: TriggerQuery) -> str | None:
    """"a shooting in July", "don't shoot their husbands": a gun, not a camera."""
    text = q.trigger.text.lower()
    if q.trigger.phase and re.search(r"\bshoot", text):
        # "police stopped the shooting": a halt of a gun's shooting
        return "a gun's shooting" if names_a_gun(q.sentence.text) else None
    # (the trigger may open with an aspect verb: "began with Daya shooting CO Humphrey in the leg")
    if not q.trigger.event.startswith("filming") or not re.search(r"\b(?:shoot|shot)", text):
        return None
    passive = re.search(r"(?:\b(?P<pronoun>he|she|they|him|her)|(?P<name>[A-Z][a-z]+))\s+(?:was|were|got|getting|get|been|being)\s+$",
                        q.before)
    if passive and q.trigger.form in ("past", "participle") and (
            passive.group("pronoun") or q.context.lexicon.key_of(passive.group("name")) is None
            and gazetteer.given_name_count(passive.group("name")) > 0):
        return "a gun's shooting"  # "Fred was shot in front of his son", "he got shot"
    # (a start or an end, "began with Daya shooting", "Shooting ... got under way at", only a
    # named victim tells)
    opens = q.trigger.event == "filming" and re.match(r"shoot|shot", text)
    victim = re.match(r"\s+((?:[A-Z][\w.'’-]*\s+){1,3})(?:in the (?:head|chest|back|leg|arm|face|stomach|neck)|dead|to death)\b",
                      q.body[q.trigger.end:q.trigger.end + 60])
    if opens and words()["gun_object"].match(q.body[q.trigger.end:q.trigger.end + 25]) \
            or victim and q.context.lexicon.key_of(victim.group(1).strip()) is None:
        return "a gun's shooting"  # (also "shooting Jane Doe in the leg")
    if q.trigger.form == "noun" and names_a_gun(q.sentence.text):
        return "a gun's shooting"
    return None


WHO_OPENING = re.compile(r"\s*,?\s*who\b")


@lru_cache(maxsize=64)
def names_a_gun(sentence: str) -> bool:
    """The sentence speaks of a gun (asked once per sentence, not per trigger)."""
    return bool(words()["gun"].search(sentence))


# A name with an age set off after it, right before the verb: "Kelly, 46, debuted on ...".
AGED_SUBJECT = re.compile(r"[A-Z][\w'.-]*,\s+\d{1,3},\s+(?:(?:has|had|will|also|first|finally|then|just)\s+)?$")


def person_event(q: TriggerQuery) -> str | None:
    """"who debuted in the comics in 1968", "she returned for season seven", "her debut":
    a person's debut or return, not a release."""
    if q.trigger.event != "release":
        return None
    if q.trigger.form == "noun":
        if grammar.PERSON_POSSESSIVE_BEFORE.search(q.before[-30:]) \
                or words()["person_debut"].search(q.before[-40:]):
            return "a person's debut or return"  # "her debut", "Peele's directorial debut"
        return None
    text = re.sub(r"^(?:be|is|are|was|were|been|being)\s+", "", q.trigger.text.lower())
    if text not in words()["person_verbs"]:
        return None
    subject = q.before[-60:].replace("’", "'")
    if words()["person_subject"].search(subject) and not re.search(r"(?i)\b(?:it|they|which|that)\b", subject[-15:]) \
            or WHO_OPENING.match(q.body, q.clause[0], q.trigger.start):  # "who plays X's father, will be returning"
        return "a person's debut or return"
    after = q.after
    if words()["role_subject"].search(subject) or words()["return_target"].match(after) \
            or words()["people_before"].search(subject) or AGED_SUBJECT.search(subject):
        return "a person's debut or return"
    if text.startswith("return") and words()["return_for_work"].match(after):
        return "a person's debut or return"  # "Leia Organa also returns for the film"
    sentence_before = text_before(q.body, q.trigger.start, q.sentence.start)
    if words()["appearance"].search(sentence_before) and re.search(r"\band\s+(?:\w+\s+){0,2}$", q.before):
        return "a person's debut or return"  # "appeared in X ... and returned for season seven"
    names = q.context.lexicon.persons
    tail = re.search(r"((?:[A-Z][\w'’.-]+\s+){1,3})(?:(?:has|had|will|would|is|was|also|finally|then|just)\s+){0,2}$",
                     q.before)
    if tail and tail.group(1).strip() in names:
        return "a person's debut or return"
    return None


def averted(q: TriggerQuery) -> str | None:
    """"nearing an official cancellation", "defended the show against cancellation": a
    cancellation or renewal that has not happened."""
    if q.trigger.event in ("cancellation", "renewal") and q.trigger.form == "noun" \
            and words()["averted"].search(q.body[max(q.clause[0], q.trigger.start - 40):q.trigger.start]):
        return "an event averted or not reached"
    return None


def ranking(q: TriggerQuery) -> str | None:
    """"came in 21st place on Sunday", "debuted at No. 1": a rank in a chart or the ratings."""
    if q.trigger.event == "release" and q.trigger.form != "noun" and words()["ranking"].match(q.body, q.trigger.end):
        return "a rank in a chart or the ratings"
    return None


def request(q: TriggerQuery) -> str | None:
    """"begged them not to cancel the show", "fans urged Netflix to renew X": a request, not
    the event."""
    if words()["request"].search(q.body[max(q.clause[0], q.trigger.start - 60):q.trigger.start]):
        return "a request"
    return None


def something_else_made(q: TriggerQuery) -> str | None:
    """"it is making her think", "she is working on herself": "be making" and "be working on"
    tell a shoot only with a work as their object ("is making the sequel")."""
    text = re.sub(r"\s+", " ", q.trigger.text.lower())
    if text in words()["object_filming"] and not words()["work_object"].match(q.body[q.trigger.end:q.trigger.end + 40]):
        return "something else made"
    return None


def unnamed_work(q: TriggerQuery) -> str | None:
    """"left the show to start filming a spin-off", "is shooting a movie in Atlanta": a shoot
    of another work that goes unnamed, not of the work the sentence or the article is about."""
    if q.trigger.event.startswith("filming") and q.trigger.form != "noun" \
            and words()["unnamed_work_object"].match(q.body, q.trigger.end):
        return "another, unnamed work"
    return None


def idiom(q: TriggerQuery) -> str | None:
    """"when it comes to", "hit the red carpet", "opened up about": a trigger word in an idiom."""
    window = q.body[max(q.clause[0], q.trigger.start - 15):min(q.clause[1], q.trigger.end + 25)]
    for match in words()["idiom"].finditer(window):
        start = max(q.clause[0], q.trigger.start - 15) + match.start()
        if start <= q.trigger.start < start + len(match.group()) or q.trigger.start <= start < q.trigger.end:
            return "an idiom"
    return None


def a_sum(q: TriggerQuery) -> str | None:
    """"comes out to approximately $420,000 an episode": a sum, not a release."""
    if q.trigger.event == "release" and q.trigger.text.lower().endswith(" out") \
            and words()["amount_after"].match(q.body, q.trigger.end):
        return "a sum"
    return None


def attributive_participle(q: TriggerQuery) -> str | None:
    """"a role in the cancelled TV drama Pan Am", "her now cancelled show", "the newly revived
    series": a participle that describes a noun tells no event (CONTRACT: attributive
    mentions are no claims)."""
    if q.trigger.form not in ("past", "participle") or " " in q.trigger.text.strip():
        return None
    if ATTRIBUTIVE_LEAD.search(q.body[max(q.clause[0], q.trigger.start - 40):q.trigger.start]) \
            and ATTRIBUTIVE_HEAD.match(q.body[q.trigger.end:q.trigger.end + 40]):
        return "a describing participle"
    return None


ATTRIBUTIVE_LEAD = re.compile(r"(?i)\b(?:the|a|an|its|his|her|their|this|that|these|those)\s+"
                              r"(?:(?:now|recently|newly|since|once|long|just|freshly|previously|ill-fated|"
                              r"short-lived|much-delayed|oft-delayed|soon-to-be|to-be|yet-to-be|about-to-be|"
                              r"soon\s+to\s+be|yet\s+to\s+be)[\s-]+)?$")
# ... before a noun (a word that is no preposition, "by" or "in" would make it a verb).
ATTRIBUTIVE_HEAD = re.compile(r"^\s+(?!(?:by|in|on|at|for|to|from|after|before|as|and|or|but|last|this|"
                              r"next|earlier|later|until|with|without|over|during|because)\b)['‘\"“]?[\w]")


def other_production(q: TriggerQuery) -> str | None:
    """"a Broadway production of X", "the production company behind X", "the production of X
    won praise": a stage show, a company or the work itself, not a shoot."""
    if not q.trigger.event.startswith("filming") or q.trigger.bare:
        return None
    for match in re.finditer(r"(?i)(?<![\w-])(?:production|productions|shoot|shoots|shot|filming|shooting)(?![\w-])",
                             q.body[q.trigger.start:q.trigger.end]):
        start, end = q.trigger.start + match.start(), q.trigger.start + match.end()
        if events.is_other_production(q.body, start, end):
            return "no shoot"
    if q.trigger.form == "noun" and q.trigger.verb_start is None and q.lemma == "production" \
            and words()["production_as_work"].search(q.after[:80]):
        return "the work itself"
    return None


def on_camera(q: TriggerQuery) -> str | None:
    """"Ripa may look happy when the cameras are rolling", "when the cameras weren't
    rolling", "once the cameras are back on": being on camera, not a shoot's time."""
    if not q.trigger.event.startswith("filming"):
        return None
    lead = q.body[max(q.clause[0], q.trigger.start - 60):q.trigger.start]
    cameras = re.search(r"(?i)\bcameras\b", q.trigger.text) or re.search(r"(?i)\bcameras\s+$", lead)
    if cameras and words()["on_camera"].search(lead):
        return "being on camera"
    return None


def person_filmed(q: TriggerQuery) -> str | None:
    """"a documentary maker who is filming her estranged father", "filmed herself crying": a
    person filmed (a plot, a home video), not a work's shoot."""
    if q.trigger.event != "filming" or q.trigger.form == "noun" or q.trigger.phase:
        return None
    if words()["filmed_person"].match(q.body, q.trigger.end):
        return "a person filmed"
    return None


# A name inside a noun phrase, after a lower-case determiner, preposition or number: "the
# first and second X films", "starred in X films", "a trilogy of X films" (but in "season 2
# of X films in Atlanta" and "the drama X films" the season or the drama is a subject).
# (a run of capitalised words, a title's, up to the trigger; and the words that count a plural)
TITLE_RUN = r"\s+(?:['‘\"“]?[A-Z][\w'’.:&-]*['’\"”]?\s+){1,5}$"
COUNTING = "two|three|four|five|six|seven|eight|nine|both|all|these|those"
NAME_IN_A_NOUN_PHRASE = re.compile(
    r"\b(?:the|in|from|with|of|its|their|his|her|first|second|third|fourth|fifth|final|latest|recent|"
    rf"original|earlier|later|previous|new|old|(?i:{COUNTING})){TITLE_RUN}")
# A name in a plural noun phrase, after words a verb's subject never follows: "in between X
# shoots", "the previous X premieres", "at X premieres" (but "after X premieres on Friday"
# is a clause, and "the new X premieres" may be too).
NAME_AFTER_A_PLURAL_LEAD = re.compile(rf"\b(?:between|during|amid|across|at|previous|past|(?i:{COUNTING}|several|many)){TITLE_RUN}")

# A listing's kind of title: "X (Netflix Film)", "Y (HBO Original Film)".
MAKERS_FILM_IN_PARENTHESES = re.compile(r"\(\s*(?:[A-Z][\w'’&.+-]*\s+){1,3}$")
# "season 2 of X", "the final season of X": the season is the subject of the verb after the name.
SEASON_OF_A_NAME = re.compile(r"(?i)\b(?:season|series|part|chapter|episode|installment|volume)(?:\s+[\w-]+)?"
                              r"\s+of\s+(?:\S+\s+){1,5}$")


def films_as_noun(q: TriggerQuery) -> str | None:
    """"one of the first Hollywood films to be hit by the pandemic", "in the X films", "X
    (Netflix Film)", "the Film's long takes": the noun after a partitive "of the", a title
    inside a noun phrase, a maker in a listing's parentheses or before a possessive, not the
    verb."""
    if q.trigger.event == "filming" and q.trigger.text.lower() in ("films", "shoots") \
            and (re.search(r"(?i)\bof\s+(?:the|its|their|his|her|these|those)\s+(?:[\w'’-]+\s+){0,3}$", q.before)
                 or (NAME_IN_A_NOUN_PHRASE.search(q.before) or NAME_AFTER_A_PLURAL_LEAD.search(q.before))
                 and not SEASON_OF_A_NAME.search(q.before)):
        return "a noun"
    if q.trigger.event == "release" and q.trigger.text.lower() == "premieres" \
            and NAME_AFTER_A_PLURAL_LEAD.search(q.before) and not SEASON_OF_A_NAME.search(q.before):
        return "a noun"   # "attended the previous X premieres", "at X premieres": the nights
    if q.trigger.event == "filming" and q.trigger.text.lower() in ("film", "films") \
            and MAKERS_FILM_IN_PARENTHESES.search(q.body, max(0, q.trigger.start - 40), q.trigger.start):
        return "a noun"
    if q.trigger.event == "filming" and q.trigger.text.lower() in ("film", "shoot") \
            and POSSESSIVE_S.match(q.body, q.trigger.end):
        return "a noun"   # "How Film's Long Takes Worked": a possessive is a noun's
    return None


POSSESSIVE_S = re.compile(r"['’]s\b")


def many_productions(q: TriggerQuery) -> str | None:
    """"Netflix suspended its scripted productions in the US", "harder for productions to grind
    to a halt": shoots in general, not one work's."""
    if q.trigger.event.startswith("filming") and (q.trigger.form == "noun" or q.trigger.phase) and re.search(
            r"(?i)(?<![\w-])(?:productions|shoots)(?![\w-])", q.trigger.text) \
            and not re.match(r"\s+(?:of|on|for)\s+(?:both\s+)?['‘\"“]?[A-Z]", q.after):
        return "shoots in general"
    return None


def other_thing_under_way(q: TriggerQuery) -> str | None:
    """"an investigation is underway", "talks are under way": not a shoot."""
    if q.trigger.event != "filming" or not re.search(r"(?i)under\s*way", q.trigger.text):
        return None
    head = re.search(r"([\w-]+)\s+(?:(?:is|are|was|were|be|been|now|also|already|still|well|currently|"
                     r"finally|officially|reportedly)\s+)*$", q.before)
    if head and head.group(1).lower() in words()["under_way_other"] \
            and not events.adjacent_filming_word().search(q.before):  # ("filming on its second season is underway")
        return "something else under way"
    return None


def bare_phase(q: TriggerQuery) -> str | None:
    """"It resumed in August, only to stop again in November": a halt or restart verb with no
    filming word speaks of a shoot only right after one was told of."""
    if not q.trigger.bare:
        return None
    shoot = q.context.last_shoot
    if shoot and shoot[2] >= q.context.sentence_index - 1:
        return None
    return "no shoot told of"


def person_on_set(q: TriggerQuery) -> str | None:
    """"She returned to set after the birth of her son": a person's return, not the shoot's."""
    if q.trigger.phase != "back":
        return None
    subject = q.before[-40:]
    if words()["person_subject"].search(subject) and not re.search(r"(?i)\b(?:it|they|which|that)\b", subject[-15:]):
        return "a person's return to set"
    tail = re.search(r"((?:[A-Z][\w'’.-]+\s+){1,3})(?:(?:has|had|will|would|is|was|also|finally|then|just)\s+){0,2}$",
                     q.before)
    if tail and is_person_name(q, tail.group(1).strip()):
        return "a person's return to set"
    return None


COMMON_GIVEN_NAME = 5000   # US births with the name: "Sharon" is a person, "Harbor" a word


def is_person_name(q: TriggerQuery, name: str) -> bool:
    """A person the article names ("Sharon Doe"): a learned person, or a common given name
    and a surname that is no work."""
    if name in q.context.lexicon.persons:
        return True
    parts = name.split()
    return 2 <= len(parts) <= 3 and gazetteer.given_name_count(parts[0]) > COMMON_GIVEN_NAME \
        and q.context.lexicon_key(name) not in q.context.lexicon.registry.works


# The readings of a trigger that make it no event of a work, in order.
def expletive_report(q: TriggerQuery) -> str | None:
    """"In February, it was confirmed she had been in a treatment facility": "it was
    confirmed" reports the clause after it; nothing is renewed."""
    lead = q.body[max(q.clause[0], q.trigger.start - 25):q.trigger.start] + q.trigger.text
    if not re.search(r"(?i)\bit\s+(?:was|has\s+been|had\s+been|is|were)\s+(?:\w+ly\s+)?\w+$", lead):
        return None
    if re.match(r"\s+(?:that\b|he\b|she\b|they\b|we\b|I\b|[A-Z]\w*\s+(?:had|has|was|is|would|will)\b)",
                q.body[q.trigger.end:q.trigger.end + 40]):
        return "a report of something else"
    return None


TRIGGER_CHECKS = (question, idiom, a_sum, unnamed_work, ranking, averted, request, something_else_made, festival_screening, premiere_night, territory_opening, series_end,
                  gun_sense, person_event, attributive_participle, other_production, on_camera, person_filmed, films_as_noun,
                  many_productions, other_thing_under_way, bare_phase, person_on_set, expletive_report)


def not_the_event(q: TriggerQuery) -> tuple[str | None, str | None]:
    """(why the trigger names no event of a work, the check's name), or (None, None)."""
    return strategies.first(TRIGGER_CHECKS, q)


# --- checks on a trigger with the work it is about ------------------------------------------------

@dataclass
class ClaimQuery:
    trigger: TriggerQuery
    subject: Subj


def promotion(c: ClaimQuery) -> str | None:
    """"the first trailer for X arrived today": the trailer, not X."""
    q, subj = c.trigger, c.subject
    if q.trigger.event == "release" and q.trigger.form != "noun" and events.is_promotion(
            q.body, subj.start, subj.end, q.trigger.start, q.clause[0], q.trigger.end):
        return "promotional material"
    if q.trigger.event == "release" and q.trigger.form == "noun" and PROMOTION_OF.match(q.body, q.trigger.end) \
            and (events.promotion_around_verb()[1].match(q.body[q.trigger.end:q.trigger.end + 60])
                 or subj.start >= q.trigger.end and events.promotion_patterns()[1].match(q.body[subj.end:subj.end + 40])):
        return "promotional material"  # "with the release of the first trailer for X", "of the X toy line"
    return None


PROMOTION_OF = re.compile(r"\s+of\s+")


def episode_airing(c: ClaimQuery) -> str | None:
    """"the season finale of X aired Thursday", "the June 8 episode", "the two episodes that
    have aired so far": one episode's airing, not the premiere."""
    q, subj = c.trigger, c.subject
    if q.trigger.event != "release":
        return None
    start = max(q.clause[0], min(subj.start, q.trigger.start) - 30)
    window = q.body[start:q.trigger.end + 20]
    for match in words()["episode"].finditer(window):
        if re.match(r"\s+(?:[A-Z]|(?:director|writer|producer|count|order|title|number)\b)", window[match.end():]):
            continue  # "Episode Director Says ...": a modifier, not the thing that airs
        lead = (match.group("lead") or "").strip().lower()
        one_episode = lead.split()[-1] in words()["single_episode_leads"] if lead else False
        if one_episode and match.group(0).lower().endswith("episode"):  # (not "the final installment")
            return "an episode's airing"  # "airs its final episode": the end, not the opening
        leads = words()["season_episode_leads"]
        if lead and (lead in leads or lead.split()[-1] in leads or lead.split()[0] in leads and lead.split()[-1].isdigit()):
            continue  # "the first eight episodes dropped", "dropped all 10 episodes": the season's opening
        return "an episode's airing"
    if events.release_parts().search(window):
        return "an episode's airing"
    if words()["with_piece"].match(q.after):
        return "an episode's airing"
    count = words()["episode_count"].match(q.after)
    if count and (count.group("about") or q.trigger.text.lower().startswith("air")):
        return "an episode's airing"  # "it will have aired more than 120 episodes": a tally
    if (q.trigger.form == "noun" or noun_premiere(q.trigger)) and words()["content_after"].match(q.body, q.trigger.end):
        return "an episode's airing"  # "The Westworld premiere begins with Bernard ...": what it shows
    return None


def conditional(c: ClaimQuery) -> str | None:
    """"would premiere in October if the shoot goes well": a condition, not a plan."""
    q = c.trigger
    if q.trigger.form == "noun" and grammar.IRREALIS.search(q.body[max(q.clause[0], q.trigger.start - 12):q.trigger.start]):
        return "a condition"
    return None


def released_thing(c: ClaimQuery) -> str | None:
    """"Kylie and Travis debuted their new tattoos", "X dropped a new poster": a release verb
    with an object of its own released that thing (but "X premiered its second season")."""
    q, subj = c.trigger, c.subject
    if q.trigger.event != "release" or q.trigger.form in ("noun", "be") or subj.start > q.trigger.start:
        return None
    found = words()["own_object"].match(q.after)
    if not found or any(word.lower() in words()["own_heads"] for word in found.group("np").split()):
        return None
    start = q.trigger.end + found.start("det")
    if q.context.times_between(start, q.trigger.end + found.end()):
        return None  # "hits Netflix this summer": a time, not an object
    if words()["platform_start"].match(q.body[start:start + 40]):
        return None  # "hits the big screen"
    return "a release of something else"


def attraction(c: ClaimQuery) -> str | None:
    """"a planned drop tower dark ride attraction ... scheduled to open in 2017", "the Harry
    Potter exhibition opens in May": a ride, a land or an exhibition named after the work
    opens, not the work."""
    q, subj = c.trigger, c.subject
    if q.trigger.event != "release":
        return None
    start = max(q.clause[0], min(subj.start, q.trigger.start) - 60)
    if words()["attraction"].search(q.body[start:q.trigger.start]) \
            or subj.explicit and words()["attraction_after"].match(q.body, subj.end):
        return "an attraction or exhibition"
    return None


def airing_schedule(c: ClaimQuery) -> str | None:
    """"X airs Sundays at 9pm on E!", "which aired Tuesday": an airing schedule or one
    night's episode, not the premiere (a bare weekday with no season or premiere word)."""
    q = c.trigger
    if q.trigger.event != "release" or not re.match(r"air|return|come back|be back", q.lemma):
        return None
    clause = q.near
    if words()["recurring"].search(clause):
        return "an airing schedule"
    # ("now airs on Lifetime": "now" says where it airs these days, not when it opened)
    times_in_clause = [t for t in q.context.times_between(*q.clause) if t.value != "PRESENT_REF"]
    if q.lemma.startswith("air") and not times_in_clause and q.trigger.form in ("s", "base", "ing") \
            and not words()["season_opening"].search(clause):
        return "an airing schedule"  # "X airs on ABC": where it airs, not when it opens
    times = q.context.times_between(*q.clause)
    if q.lemma.startswith("air") and times and all(words()["one_night"].fullmatch(t.text) for t in times) \
            and not words()["season_opening"].search(clause):
        return "one night's episode"
    if not q.lemma.startswith("air") and times and all(words()["one_night"].fullmatch(t.text) for t in times) \
            and not words()["season_opening"].search(clause.replace(q.trigger.text, " ")) \
            and words()["episode"].search(previous_sentence(q) + " " + clause):
        return "one night's episode"  # "... waiting for the next episode. The drama returns Tuesday night."
    return None


def previous_sentence(q: TriggerQuery) -> str:
    index = q.context.sentence_index
    return q.context.sentences[index - 1].text if index > 0 else ""


def passive_release(c: ClaimQuery) -> str | None:
    """"a statement released to TheWrap on Wednesday": the thing before a passive release
    verb is what was released."""
    q = c.trigger
    if q.trigger.event != "release" or q.trigger.form not in ("past", "participle"):
        return None
    if words()["released_thing"].search(q.body[max(q.sentence.start, q.trigger.start - 100):q.trigger.start]):
        return "a release of something else"
    return None


def thing_about_the_work(c: ClaimQuery) -> str | None:
    """"the bulk of updates about X came out in 2017", "news of X broke": what was said or
    shown of the work came out, not the work."""
    q, subj = c.trigger, c.subject
    if q.trigger.event != "release" or q.trigger.form == "noun" or subj.end > q.trigger.start:
        return None
    if words()["thing_about"].search(q.body, max(q.clause[0], subj.start - 40), subj.start):
        return "a release of something else"
    return None


def midseason_return(c: ClaimQuery) -> str | None:
    """"X returns from its winter hiatus on March 7", "the midseason premiere": a season
    resuming after a break, not its premiere."""
    q, subj = c.trigger, c.subject
    if q.trigger.event != "release":
        return None
    start = max(q.clause[0], min(subj.start, q.trigger.start) - 40)
    if words()["midseason"].search(text_after(q.body, start, q.clause[1])):
        return "a return from a break"
    return None



def possessed_thing(c: ClaimQuery) -> str | None:
    """"Season 6's episode count has not been announced", "a premiere date for the fifth season
    being confirmed": what is announced or confirmed is the season's count, date or cast,
    not the season."""
    q, subj = c.trigger, c.subject
    if q.trigger.needs_season and subj.end <= q.trigger.start and (
            re.match(r"['’]s\s+[a-z]", q.body[subj.end:subj.end + 4])
            or SEASON_THING_BEFORE.search(q.body[max(q.clause[0], subj.start - 30):subj.start])):
        return "something of the season"
    return None


# "a premiere date for the fifth season being confirmed": the date is what is confirmed.
SEASON_THING_BEFORE = re.compile(r"(?i)\b(?:date|premiere|details?|title|trailer|cast|count|number|name|"
                                 r"finale|episodes?)\s+(?:for|of)\s+$")


def another_entry(c: ClaimQuery) -> str | None:
    """"the next 'Wonder Woman' is moving to June 5, 2020", "another Copper Valley film": a
    new entry of the work named, not the work."""
    q, subj = c.trigger, c.subject
    if subj.explicit and subj.season is None and another_entry_after().match(q.body, subj.end):
        return "another entry of the work"  # "the Wonder Woman sequel", "the Copper Valley spinoff"
    if not subj.explicit or subj.season is not None or subj.start >= q.trigger.start:
        return None
    # (the words before the name in its own clause: "A remake of X is in development, with
    # filming planned for next spring" names X in the clause before the trigger's)
    lead = q.clause[0] if subj.start >= q.clause[0] else q.sentence.start
    if another_entry_before().search(q.body[max(lead, subj.start - 40):subj.start]):
        return "another entry of the work"
    return None


@cache
def another_entry_after() -> re.Pattern:
    return right_after_name(lexicon.entry("events", "another_entry_after"))


def right_after_name(phrases) -> re.Pattern:
    """One of the phrases right after a name (its closing quote allowed), matched at the
    name's end: "the Copper Valley sequel", "the Copper Valley exhibition"."""
    return re.compile(rf"['’\"”]?\s+(?:{lexicon.alternation(phrases)})(?![\w-])", re.IGNORECASE)


@cache
def another_entry_before() -> re.Pattern:
    words_ = lexicon.alternation(lexicon.entry("events", "another_entry_before"))
    # (a kind of work between: "the follow-up to the film X", "the sequel to the hit film X")
    return re.compile(rf"(?<![\w-])(?:{words_})\s+(?:the\s+(?:[a-z-]+\s+){{1,2}})?['‘\"“]?$", re.IGNORECASE)


def cancelled_thing(c: ClaimQuery) -> str | None:
    """"Brand cancelled a "Today" show appearance": the work names what was cancelled, an
    appearance, a concert, a screening."""
    q, subj = c.trigger, c.subject
    if q.trigger.event == "cancellation" and subj.start >= q.trigger.end \
            and words()["cancelled_thing"].match(q.body[subj.end:subj.end + 30]):
        return "something else cancelled"
    return None


def passive_without_its_subject(c: ClaimQuery) -> str | None:
    """"Arizona, Mark and Derek were rescued after the crash": a passive renewal ("be saved",
    "be confirmed") is about the work only when the work is its subject, right before it
    ("The Expanse Is Saved", "the show had been saved", "Season 3 was confirmed")."""
    q, subj = c.trigger, c.subject
    if q.trigger.event != "renewal" or not q.trigger.needs_season or q.trigger.form != "be" \
            or subj.start >= q.trigger.start or not subj.explicit and subj.start == q.trigger.start:
        return None
    return None if adjacent_subject(q, subj) else "another subject"


def adjacent_subject(q: TriggerQuery, subj: Subj) -> bool:
    """Only auxiliaries and adverbs stand between the work and the verb."""
    return bool(words()["subject_verb_gap"].match(q.body[subj.end:q.trigger.start]))


CLAIM_CHECKS = (promotion, attraction, episode_airing, midseason_return, conditional, released_thing, thing_about_the_work,
                airing_schedule, passive_release, possessed_thing, another_entry, cancelled_thing,
                passive_without_its_subject)


def not_the_works_event(q: TriggerQuery, subject: Subj) -> tuple[str | None, str | None]:
    return strategies.first(CLAIM_CHECKS, ClaimQuery(q, subject))


# --- a trigger that names another event ----------------------------------------------------------

@cache
def dropping_forms() -> frozenset[str]:
    return frozenset(form.lower() for verb in lexicon.entry("events", "events")["cancellation"]["without_time"]
                     for form in events.verb_variants(verb))


# "which Fox also dropped": a relative clause whose own subject is a name, the work its object.
OBJECT_RELATIVE = re.compile(r"\s*,?\s*(?:which|that)\s+(?-i:[A-Z])[\w.&+'’-]*(?:\s+(?-i:[A-Z])[\w.&+'’-]*)*\s+"
                             r"(?:(?:also|had|has|then|just|quickly|eventually|later)\s+)*$", re.IGNORECASE)


SEASON_EPISODES = re.compile(r"\s*(?:all|the|its|their)\s+(?:(?:first|last|final|remaining)\s+)?[\w-]+\s+"
                             r"(?:new\s+)?episodes\b", re.IGNORECASE)


def dropped_work(q: TriggerQuery, strategy: str | None) -> events.Trigger | None:
    """"After Fox dropped the show", "Lucifer, which Fox also dropped": "drop" with no time,
    its object the work, is the network's cancellation (with a time it is a release: "the
    season dropped on Netflix on Friday"); the trigger as a cancellation, else None."""
    if q.trigger.event != "release" or q.trigger.text.lower() not in dropping_forms():
        return None
    direct = strategy == "governed_object" and not re.match(r"\s*(?:on|to|from|into|onto|in|at|off|by|for|with)\b",
                                                            q.after, re.IGNORECASE) \
        and not SEASON_EPISODES.match(q.after)   # "dropped all 10 episodes of X": the season's release
    if direct or strategy == "relative_clause" and OBJECT_RELATIVE.match(q.body, q.clause[0], q.trigger.start):
        return replace(q.trigger, event="cancellation", needs_time=False)
    return None


@cache
def return_forms() -> frozenset[str]:
    return frozenset(form.lower() for verb in lexicon.entry("events", "events")["release"]["return_verbs"]
                     for form in events.verb_variants(verb))


def return_without_time(q: TriggerQuery, targets: list[Subj]) -> events.Trigger | None:
    """"X will not return for a fifth season", "X is unlikely to return": a return with no
    time that names its season or is hedged still states the season's release (denied, or
    hedged), when the work named right before is its subject (not a cast member's return:
    "Jane Doe is expected to return for season five"); the trigger as one that needs no
    time, else None."""
    if q.trigger.event != "release" or q.trigger.text.lower() not in return_forms() or not targets \
            or not all(t.explicit and t.end <= q.trigger.start and adjacent_subject(q, t) for t in targets):
        return None
    if events.ordered_season(q.after) or re.search(r"(?i)\bunlikely\s+to\s+$", q.before):
        return replace(q.trigger, needs_time=False)
    return None


# --- retyping: a claim that says another event than its trigger -----------------------------------

def decided_not_to_renew(q: TriggerQuery, claim: Claim) -> Claim | None:
    """"would not be renewed", "will not return for a fifth season", "decided not to renew":
    the series is cancelled (CONTRACT: a cancellation of the series, season null); "hasn't
    been renewed yet" stays a renewal to come, negated."""
    sentence_before = text_before(q.body, q.trigger.start, q.sentence.start)
    reported = claim.modality == "speculative" and REPORTED_PAST.search(sentence_before)
    if not claim.negated or claim.modality != "asserted" and not reported or claim.relation:
        return None
    if claim.event == "renewal" or claim.event == "release" and q.lemma.startswith("return") \
            and re.match(r"\s+for\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}season", q.after):
        if words()["not_yet"].search(q.near):
            return None
        # "announced that the series would not be renewed": the decision is told as done
        tense = "past" if claim.tense == "future" and REPORTED_PAST.search(sentence_before) \
            else claim.tense
        return claim.model_copy(update={"event": "cancellation", "negated": False, "tense": tense, "modality": "asserted",
                                        "subject": claim.subject.model_copy(update={"season": None})})
    return None


def ruled_out(q: TriggerQuery, claim: Claim) -> Claim | None:
    """"Peter Morgan ruled out a sixth season": the renewal of that season, denied."""
    if claim.event != "renewal" or claim.relation or not words()["renewal_denial"].match(q.trigger.text):
        return None
    return claim.model_copy(update={"negated": not claim.negated})


# "the network announced that X will return": the announcing verb, then the returning clause.
ANNOUNCED_RETURN = re.compile(r"\b(?P<verb>announced|confirmed|announces|confirms)\s+(?:(?:on\s+)?\w+day\s+)?(?:that\s+)?"
                              r"(?:[\w\"“”'‘’#-]+\s+){1,5}?(?:will|would|is\s+set\s+to|is\s+going\s+to)\s+$",
                              re.IGNORECASE)


def announced_return(q: TriggerQuery, claim: Claim) -> Claim | None:
    """"On Monday, the network announced that X will return for a fourth run": besides the
    season's release, the announcement of the season is its renewal, at the time of the
    announcement (a person who "said the series would return" only tells of its release)."""
    if claim.event != "release" or claim.negated or claim.relation or q.trigger.text.lower() not in return_forms() \
            or not events.ordered_season(q.after):
        return None
    before = q.before
    announced = ANNOUNCED_RETURN.search(before)
    if not announced or not words()["announcer"].search(before[:announced.start("verb")][-60:]):
        return None
    verb_at = q.trigger.start - len(before) + announced.start("verb")
    times = [t for t in q.context.times_between(q.sentence.start, verb_at + 30) if t.end <= verb_at + 30
             and t.type in ("DATE", "TIME") and (t.end <= verb_at or t.start > verb_at)]
    time = TimeValue(value=re.sub(r"T.*", "", times[-1].value),
                     mod=cast("TimeMod | None", times[-1].mod)) if times else None
    return claim.model_copy(update={"event": "renewal", "time": time, "explain": dict(claim.explain), "time_text": times[-1].text if times else None,
                                    "interval": resolve_interval(time.value, time.mod, q.context.published) if time else None,
                                    "tense": "present" if announced.group("verb").lower().endswith("s") else "past"})


def restart_after_halt(q: TriggerQuery, claim: Claim) -> Claim | None:
    """"went back into production in October" after the article told that production was
    halted: the shoot's restart, `filming` (CONTRACT §2: not a second start); with no halt
    told of, it is the start of a new shoot ("would soon be heading back into production")."""
    if q.trigger.phase != "back" or claim.event != "filming_start":
        return None
    if q.context.lexicon_key(claim.subject.work) not in {q.context.lexicon_key(w) for w in q.context.halted}:
        return None
    return claim.model_copy(update={"event": "filming"})


def goes_before_cameras(q: TriggerQuery, claim: Claim) -> Claim | None:
    """"X is expected to go before cameras later this year": said of one work, its shoot's
    start (an order against another shoot keeps `filming`, CONTRACT §2)."""
    if claim.event != "filming" or claim.relation or q.trigger.phase:
        return None
    key = lexicon.strip_inner_adverbs(re.sub(r"\s+", " ", q.trigger.text.lower()))
    return claim.model_copy(update={"event": "filming_start"}) if key in camera_starts() else None


@cache
def camera_starts() -> frozenset[str]:
    return frozenset(form.lower() for phrase in lexicon.entry("events", "filming_start_alone")
                     for form in events.verb_variants(phrase))


def moved_shoot(q: TriggerQuery, claim: Claim) -> Claim | None:
    """"Production on X was postponed to January", "filming has been pushed to 2021": a date
    move whose subject is the shoot moves the shoot's start, not the release (CONTRACT §2)."""
    if claim.event != "release" or claim.relation or not events.is_scheduling(q.trigger):
        return None
    if not events.adjacent_filming_word().search(q.body, max(q.clause[0], q.trigger.start - 120), q.trigger.start):
        return None
    return claim.model_copy(update={"event": "filming_start"})


def shoot_from_a_time(q: TriggerQuery, claim: Claim) -> Claim | None:
    """"will be shooting on those blocks beginning at 6 a.m. on Monday": a shoot dated by
    when it begins is its start."""
    if claim.event != "filming" or claim.relation or claim.time is None or not claim.time_text:
        return None
    at = q.body.find(claim.time_text, q.trigger.end, q.clause[1])
    if at < 0 or not start_words_before_time().search(q.body, q.trigger.end, at):
        return None
    return claim.model_copy(update={"event": "filming_start"})


@cache
def start_words_before_time() -> re.Pattern:
    words_ = lexicon.alternation(lexicon.entry("events", "start_before_time"))
    return re.compile(rf"(?<![\w-])(?:{words_})\s+(?:(?:on|in|at|from|this|next)\s+)?(?:[\w.:]+\s+){{0,4}}$",
                      re.IGNORECASE)


REPORTED_PAST = re.compile(r"\b(?:announced|said|confirmed|revealed|decided|declined|reported|told|stated)\b(?!.*\b(?:will|is|are)\b)",
                           re.IGNORECASE)
RETYPINGS = (ruled_out, decided_not_to_renew, restart_after_halt, goes_before_cameras, moved_shoot,
             shoot_from_a_time)


def retype(q: TriggerQuery, claim: Claim) -> tuple[Claim, str | None]:
    """The claim as the event it states, and the name of the retyping that changed it."""
    for retyping in RETYPINGS:
        changed = retyping(q, claim)
        if changed is not None:
            return changed, retyping.__name__
    return claim, None
