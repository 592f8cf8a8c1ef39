"""The work registry: which names in a corpus are films and series, and why the others are not.

Work identification is its own step, run once over the whole corpus before any claim is
read (a title one outlet quotes helps read another outlet's headline):

1. every capitalized run and quoted span is read as one or more title candidates
   (claims/extract/titles.py: whole, and the shorter readings it may hide);
2. each occurrence is weighed by the words around it: cues only a work takes ("season 2 of
   X", "the HBO series X", "Showtime's X", "X star Jane Doe", quotes) and cues for the
   other things a name can be (a person: "X said", "actress X"; a place: "in X, Georgia";
   a publication: "told X"; music: "the single X"; a brand: "X Cosmetics"; a photo credit:
   "X/Getty"; a family: "the X family"; an event: "the X Awards");
3. knowledge lists say what a name is before any cue does (given names and surnames,
   places, networks and studios, photo agencies, festivals and award shows, publications:
   claims/extract/gazetteer.py); strong work cues can still outweigh a list
   ("FX's Atlanta season 2");
4. each name is decided once for the corpus: a `Work` (kind, title as written, aliases,
   evidence) or a `Rejected` candidate with the reason.

`checker works PATH...` prints the registry, so an editor can see why a name was or was
not taken as a work. The configuration can add aliases and list names that are not works.
"""
from __future__ import annotations

import bisect
import re
import string
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Callable, Iterable, Sequence

from claims.extract import gazetteer, lexicon, parallel, titles
from claims.extract.titles import Candidate
from claims.models import WorkKind

# The reasons a candidate is not a work, as `checker works` shows them.
PERSON = "person"
FAMILY = "family"
ORGANISATION = "organisation"
NETWORK = "network or studio"
PLACE = "place"
DEMONYM = "place (a nationality)"
EVENT = "event, festival or award"
PUBLICATION = "publication"
CREDIT = "photo credit or caption"
MUSIC = "music"
BRAND = "brand"
ORDINARY = "ordinary phrase"
PART = "part of a longer title"
JOINED = "names joined"
FRANCHISE = "franchise name"
RENAMED = "another title of a work"
CONFIGURED = "listed as not a work"
TOO_WEAK = "too little evidence"
REASONS = (PERSON, FAMILY, ORGANISATION, NETWORK, PLACE, DEMONYM, EVENT, PUBLICATION, CREDIT, MUSIC, BRAND,
           ORDINARY, PART, JOINED, FRANCHISE, RENAMED, CONFIGURED, TOO_WEAK)

ORGANISATION_REASONS = {"network": NETWORK, "studio": NETWORK, "streamer": NETWORK, "platform": NETWORK,
                        "agency": CREDIT, "credit": CREDIT, "festival": EVENT, "award": EVENT, "event": EVENT,
                        "publication": PUBLICATION, "label": MUSIC, "brand": BRAND, "venue": PLACE,
                        "sports": ORGANISATION, "company": ORGANISATION, "institution": ORGANISATION,
                        "organisation": ORGANISATION}


@dataclass
class WorkConfig:
    """What the configuration says about works: extra aliases and names that are not works."""

    aliases: dict[str, list[str]] = field(default_factory=dict)   # title -> other names
    not_works: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    """One kind of cue and how often it was seen, with an example of it."""

    cue: str
    count: int
    weight: float
    example: str


@dataclass
class Work:
    key: str                    # the folded title (works.fold_title)
    title: str                  # as outlets write it, in full
    kind: WorkKind | None       # "film", "series" or None when the articles do not say
    aliases: list[str]          # other forms seen, and configured aliases
    mentions: int
    articles: int
    evidence: list[Evidence]


@dataclass
class Rejected:
    key: str
    name: str
    reason: str
    mentions: int
    evidence: list[Evidence]     # what spoke for a work, then what spoke against


@dataclass
class Registry:
    works: dict[str, Work] = field(default_factory=dict)
    rejected: dict[str, Rejected] = field(default_factory=dict)
    # A franchise name ("Mission: Impossible") -> its entries ("Mission: Impossible 7", ...):
    # no entry itself; a mention of it stands for the entry its article is about.
    franchises: dict[str, list[str]] = field(default_factory=dict)
    lower_counts: dict[str, int] = field(default_factory=dict)   # one-word titles -> uses in lower case

    def rejected_by_reason(self) -> Counter:
        return Counter(item.reason for item in self.rejected.values())


# --- knowledge ----------------------------------------------------------------------------

TRAILING = " \t\n\r\u00a0,'‘\"“"
WORD_CHARS = re.compile(r"[\w.'’&-]+")


class EndingIn:
    """A pattern anchored at the end of the text ("... starring X"), tried only when the
    text's last word is one its phrases end with: a set probe spares the regex engine a
    scan of the whole window at each of many names. `before_last` names words that may
    stand second to last instead ("the series on HBO")."""

    def __init__(self, pattern: re.Pattern, last_words: Iterable[str], before_last: Iterable[str] = (),
                 inside_words: bool = False):
        self.pattern = pattern
        self.inside_words = inside_words  # the pattern may start inside a word (no boundary)
        self.last_words = {fold_quote(word) for word in last_words}
        self.before_last = {fold_quote(word) for word in before_last}

    def search(self, text: str, tail: tuple[str, ...] | None = None) -> re.Match | None:
        """The pattern's match at the end of the text; `tail` is the text's last words
        (`last_words`), when the caller has them already."""
        return self.pattern.search(text) if self.may_end(tail if tail is not None else last_words(text)) else None

    def may_end(self, words: tuple[str, ...]) -> bool:
        """Whether a text with these last words may end in one of the phrases."""
        if not words:
            return False
        last = words[-1]
        if last in self.last_words or len(words) == 2 and words[0] in self.before_last:
            return True
        if last.isalnum() and not self.inside_words:
            return False
        # (the phrase may begin after a mark inside the last word: "(in", "U.S.-based")
        starts = range(1, len(last)) if self.inside_words else \
            (i for i in range(1, len(last)) if not last[i - 1].isalnum())
        return any(last[i:] in self.last_words for i in starts)



class AnyEnding:
    """Whether a text may end in a phrase of any of several endings: one probe of their words
    together (those read inside a word apart), no pattern tried."""

    def __init__(self, endings: Iterable[EndingIn]):
        endings = list(endings)
        self.probes = []
        for inside in (False, True):
            probe = EndingIn(re.compile("(?!)"), (), inside_words=inside)
            for ending in endings:
                if ending.inside_words == inside:
                    probe.last_words |= ending.last_words
                    probe.before_last |= ending.before_last
            self.probes.append(probe)

    def may_end(self, words: tuple[str, ...]) -> bool:
        return any(probe.may_end(words) for probe in self.probes)


def last_words(text: str) -> tuple[str, ...]:
    """The text's last two words (one when it has one), lower case, apostrophes straight."""
    return tuple(fold_quote(word) for word in text.rstrip(TRAILING).rsplit(None, 2)[-2:])


def fold_quote(word: str) -> str:
    return word.lower().replace("’", "'")


def last_words_of(phrases: Iterable[str]) -> set[str]:
    return {phrase.split()[-1] for phrase in phrases if phrase.split()}


def words_before(phrases: Iterable[str]) -> EndingIn:
    """One of the phrases ending right before a name (an opening quote allowed)."""
    phrases = list(phrases)
    return EndingIn(re.compile(rf"(?<![\w'’-])(?:{lexicon.alternation(phrases)})\s*['‘\"“]?\s*$", re.IGNORECASE),
                    last_words_of(phrases))


AFTER_OPENING, AFTER_CLOSING = r"^['’\"”]?(?:['’]s)?\s*", r"(?![\w-])"


def words_after(phrases: Iterable[str]) -> re.Pattern:
    """One of the phrases right after a name (a closing quote and a comma allowed)."""
    phrases = tuple(phrases)
    pattern = re.compile(rf"{AFTER_OPENING}(?:{lexicon.alternation(phrases)}){AFTER_CLOSING}", re.IGNORECASE)
    PHRASES_AFTER[pattern] = phrases
    return pattern


PHRASES_AFTER: dict[re.Pattern, tuple[str, ...]] = {}  # a `words_after` pattern -> its phrases


def any_of(patterns: Iterable[re.Pattern]) -> re.Pattern:
    """One pattern that matches where any of the patterns does (each keeps its own case
    flag; group names dropped, since two may share one). The phrases of `words_after`
    patterns are tried after their common opening, read once."""
    patterns = list(patterns)
    parts = [f"(?{'i' if p.flags & re.IGNORECASE else '-i'}:{NAMED_GROUP.sub('(?:', p.pattern)})"
             for p in patterns if p not in PHRASES_AFTER]
    phrases = [phrase for p in patterns if p in PHRASES_AFTER for phrase in PHRASES_AFTER[p]]
    if phrases:
        parts.append(f"(?i:{AFTER_OPENING}(?:{lexicon.alternation(phrases)}){AFTER_CLOSING})")
    return re.compile("|".join(parts))


NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def kind_words(film: list[str], series: list[str]) -> re.Pattern:
    """The film words and the series words in one scan, each in its group ("film",
    "series"). One scan finds what two would only while no match of one list can overlap a
    match of the other ("box office" and "office hours" could): checked here."""
    for first, second in ((film, series), (series, film)):
        for a, b in ((a.lower().split(), b.lower().split()) for a in first for b in second):
            if any(a[k:k + len(b)] == b[:len(a) - k] for k in range(len(a))):
                raise ValueError(f"registry.yaml: film word {' '.join(a)!r} and series word {' '.join(b)!r} "
                                 "may overlap in a text")
    return re.compile(rf"(?<![\w'’-])(?:(?P<film>{lexicon.alternation(film)})|(?P<series>{lexicon.alternation(series)}))"
                      r"(?![\w-])", re.IGNORECASE)


# How a maker's possessive before a name ends ("Netflix's "): the end of `maker_possessive`,
# and a quick test before its list of makers.
POSSESSIVE_END = re.compile(r"['’]s?\s+['‘\"“]?$", re.IGNORECASE)


# The cues read in the words right after a name, and those read at the end of the words
# before it. Most names have none of either: one test of all of them together tells, and
# only then is each tried (`Occurrence.cued_after`, `cued_before`).
CUES_AFTER = ("season_after", "noun_after", "noun_apposed", "screen_release", "scheduled_after", "ordered_after",
              "shoot_after", "return_after", "decided_after", "box_office_after", "after_title", "work_in_after", "event_after", "person_after", "age", "person_possessed",
              "place_after", "publication_after", "music_after", "brand_after", "family_after", "credit_after")
CUES_BEFORE = ("season_before", "noun_before", "shoot_before", "event_noun_before", "network_before", "work_in_before", "person_before", "honorific", "place_before",
               "publication_before", "music_before", "credit_before")


@cache
def knowledge() -> dict:
    info = cue_patterns()
    info["any_after"] = any_of(info[name] for name in CUES_AFTER)
    info["any_before"] = AnyEnding(info[name] for name in CUES_BEFORE)
    return info


def cue_patterns() -> dict:
    data = lexicon.load("registry")
    works_data = lexicon.load("works")
    nouns: dict[str, str] = data["work_nouns"]
    numbers = works_data["numbers"]
    ordinals = {k for k, v in works_data["ordinals"].items() if v}
    number = rf"(?:\d{{1,2}}|{lexicon.literal_alternation(numbers)})"
    ordinal = lexicon.literal_alternation(ordinals)
    season_modifiers = lexicon.literal_alternation(data["season_modifiers"])
    makers = [m for m in works_data["studios"]]
    screens = [p for p in lexicon.entry("events", "platforms") if p not in ("the schedule", "the air", "streaming")]
    scheduling = [form for verb in [*lexicon.entry("events", "events")["release"]["with_time_for"],
                                    *lexicon.entry("events", "date_moves")]
                  for form in lexicon.verb_forms(verb).values()]
    return {
        **production_cue_patterns(data, makers, number, ordinal),
        "nouns": {noun.lower(): kind for noun, kind in nouns.items()},
        # (a network between: "a documentary series on E!, 'I Am Cait'")
        "noun_before": EndingIn(re.compile(
            rf"(?<![\w'’-])(?P<noun>{lexicon.alternation(nouns)})(?:\s+(?:on|from)\s+[A-Z][\w!+&.]*)?"
            rf"\s*,?\s*['‘\"“]?\s*$", re.IGNORECASE), last_words_of(nouns), ("on", "from")),
        # (not a name modifying the noun before the title: "Nathan Fillion drama The Rookie")
        "noun_after": re.compile(
            rf"^['’\"”]?\s+(?P<noun>{lexicon.alternation(nouns)})(?![\w-])(?!\s+['‘\"“]?(?-i:(?:The\s+)?[A-Z]))",
            re.IGNORECASE),
        # "Ember Falls, the HBO series, ...": a kind of work in apposition
        "noun_apposed": re.compile(
            rf"^['’\"”]?\s*,?\s+(?:the|a|an)\s+(?:[\w!+&.'’-]+\s+){{0,3}}?(?P<noun>{lexicon.alternation(nouns)})"
            rf"\s*(?:[,.;:)—–]|$|(?:that|which|from|on|about|starring|based)\b)", re.IGNORECASE),
        "after_title": words_after(data["after_title"] + data["people_after_title"]),
        "people_after_title": words_after(data["people_after_title"]),
        # "Universal has slated X for a Dec. 18 release", "moving X from Nov. 20 to ...".
        "scheduled_before": re.compile(rf"(?<![\w-])(?:{lexicon.alternation(scheduling)})\s+"
                                       r"(?:(?:its|the|their|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s)\s+)?(?:[\w-]+\s+){0,2}$",
                                       re.IGNORECASE),
        "ordering_before": re.compile(r"\b(?:picked|picks|pick|ordered|orders|order|renewed|renews|renew|greenlit|"
                                      r"greenlights|green-lit|cancelled|canceled|cancels|axed|axes|revived|revives|saved|"
                                      r"rescued|rescues)\s+(?:up\s+)?$", re.IGNORECASE),
        "ordered_after": re.compile(r"^\s+(?:up\s+)?(?:to|for)\s+(?:series|a\s+(?:second|third|fourth|fifth|sixth|seventh|"
                                    r"eighth|ninth|tenth|new|final|full)\s+season|(?:its|their)\s+\w+\s+season|season\s+\d)",
                                    re.IGNORECASE),
        "scheduled_after": re.compile(r"^\s*,?\s*(?:for|to|from|into|until|till|out\s+of|back\s+(?:to|from))\s+"
                                      r"(?:(?:a|an|the|its)\s+)?(?:[\w.,-]+\s+){0,4}?"
                                      r"(?:\d|release|opening|debut|premiere|date|slot|spring|summer|fall|autumn|winter|"
                                      r"january|february|march|april|may|june|july|august|september|october|november|december|"
                                      r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?|"
                                      r"next|later|early|late|this)", re.IGNORECASE),
        # "X opens in theaters", "X hits Netflix": no song or person does that.
        "screen_release": re.compile(
            rf"^['’\"”]?\s*,?\s*(?:which\s+)?(?:{lexicon.literal_alternation(data['screen_auxiliaries'])}\s+)*"
            rf"{lexicon.literal_alternation(data['screen_verb_stems'])}[a-z]*\s+"
            rf"(?:(?:in|on|to|into|onto|at|exclusively\s+on)\s+)?(?:the\s+)?(?:{lexicon.alternation(screens)})(?![\w-])",
            re.IGNORECASE),
        # (not "X (season 9)": a reality show's contestant, or a season's own subtitle, "Hotel
        # (season 5, aired in 2015)", as often as a title)
        "season_after": re.compile(
            rf"^['’\"”]?(?:['’]s?)?\s*(?::\s*|,\s*|\s*[-–]\s*)?(?:(?:season|series)s?\s+{number}(?!\w)|S\d{{1,2}}(?!\w)"
            rf"|(?:['’]s?\s+)?(?:(?:final|new|upcoming|last|latest)\s+)?(?:{ordinal})\s+(?:season|series|run)(?!\w))",
            re.IGNORECASE),
        "season_before": EndingIn(re.compile(
            rf"(?:(?:season|series)s?\s+{number}(?:\s*(?:,|and|&|-|through|to)\s*{number})*\s+of|(?:the|its|a|her|his|their)\s+"
            rf"(?:(?:{ordinal})\s+(?:and\s+(?:final|last)\s+)?(?:season|series|run)s?"
            # ("the final season of X", not "a new series of Instagram posts": season only)
            rf"|(?:(?:{season_modifiers})\s+){{1,2}}seasons?)\s+(?:of|for))\s+['‘\"“]?$", re.IGNORECASE), ("of", "for")),
        "maker_possessive": re.compile(rf"(?<![\w-])(?:{lexicon.alternation(makers)})(?:[-/](?:{lexicon.alternation(makers)}))*"
                                       + POSSESSIVE_END.pattern, re.IGNORECASE),
        "makers": {gazetteer.fold(m) for m in makers},
        "work_in_before": words_before(data["work_in_before"]),
        "work_in_after": words_after(data["work_in_after"]),
        "kind_words": kind_words(data["film_words"], data["series_words"]),
        "person_before": words_before(data["person_before"]),
        # (not before a sum: "X added $9 million" is a film's takings)
        "person_after": re.compile(rf"^['’\"”]?\s*,?\s*(?:{lexicon.alternation(data['person_after'])})(?![\w-])"
                                   r"(?!\s+(?:an?\s+)?(?:estimated\s+|additional\s+|another\s+)?[$£€])", re.IGNORECASE),
        "person_possessed": re.compile(
            rf"^['’](?:s)?\s+(?:\w+\s+)?(?:{lexicon.alternation(data['person_possessed'])})(?![\w-])",
            re.IGNORECASE),
        "honorific": words_before(data["honorifics"]),
        "age": re.compile(r"^,\s*\d{1,2}\s*,"),
        "place_before": words_before(data["place_before"]),
        "place_not_after": re.compile(rf"(?<![\w-])(?:{lexicon.alternation(data['place_not_after'])})\s+"
                                      r"(?:\w+\s+)?(?:in|on|at|from)\s+(?:the\s+)?['‘\"“]?$", re.IGNORECASE),
        "place_after": re.compile(rf"^(?:,\s+(?:[A-Z][a-z]+|[A-Z]{{2}})\b(?!\s+(?:said|says|told))|"
                                  rf"{place_word_after(data)})"),
        # (a word of places right after a name, alone: works.reads_as_place)
        "place_word_after": re.compile(place_word_after(data)),
        "publication_before": words_before(data["publication_before"]),
        "publication_after": words_after(data["publication_after"]),
        "music_before": EndingIn(re.compile(rf"(?<![\w'’-])(?:{lexicon.alternation(data['music_before'])})"
                                            r"(?:\s+(?:called|titled|entitled))?\s*,?\s*['‘\"“]?\s*$", re.IGNORECASE),
                                 last_words_of(data["music_before"]) | {"called", "titled", "entitled"}),
        "music_after": words_after(data["music_after"]),
        "brand_after": words_after(data["brand_after"]),
        "event_words": {w.lower() for w in data["event_words"]},
        "regional": {gazetteer.fold(w) for w in data["regional_adjectives"]},
        "historical": {gazetteer.fold(w) for w in data["historical_events"]},
        "ranks": {word for word in data["honorifics"] if " " not in word},
        "event_after": words_after(data["event_words"]),
        "family_after": words_after(data["family_after"]),
        "credit_before": EndingIn(re.compile(rf"(?:{lexicon.alternation(data['credit_before'])})\s*$", re.IGNORECASE),
                                  last_words_of(data["credit_before"]), inside_words=True),
        "credit_after": re.compile(rf"^\s*(?:{lexicon.alternation(data['credit_after'])})", re.IGNORECASE),
        "numbered": re.compile(r"(?:\s\d{1,2}|\s(?!I$)[IVX]{1,5}|\s(?:Part|Vol\.?|Volume|Chapter|Episode)\s+(?:\d+|[IVX]+|"
                               r"One|Two|Three|Four))$"),
    }


def place_word_after(data: dict) -> str:
    """A word of places right after a name ("X-based", "the X area"): registry.yaml place_after."""
    return rf"\s*(?:{lexicon.alternation(data['place_after'])})(?![\w-])"


def production_cue_patterns(data: dict, makers: list[str], number: str, ordinal: str) -> dict:
    """The cues of what happens to a production around one mention ("filming on X", "ABC
    canceled X", "X wraps production", "X returns for season 4"): strong enough alone."""
    def forms(verbs: list[str], kinds: tuple[str, ...] = ("base", "s", "past", "participle", "ing")) -> list[str]:
        return [form for verb in verbs for kind, form in [*lexicon.verb_forms(verb).items(),
                                                           *lexicon.british_forms(verb).items()] if kind in kinds]

    decisions = forms(data["network_verbs"], ("base", "s", "past", "participle"))
    auxiliaries = lexicon.literal_alternation(data["screen_auxiliaries"] + ["set", "scheduled", "expected", "due",
                                                                              "slated", "poised", "about", "ready", "to",
                                                                              "reportedly", "already"])
    returns = forms(data["return_after_verbs"]) + ["are back", "were back"]
    return {
        "shoot_before": words_before(data["shoot_before"] + [
            f"cameras {form} on" for form in forms(data["camera_verbs"])] + [
            f"cameras {lead} {verb} on" for verb in data["camera_verbs"] for lead in ("will", "are set to")]),
        "place_heads": frozenset(data["place_heads"]),
        "event_noun_before": words_before(data["event_noun_before"]),
        # (a maker's name as written, capital first: "Fox", not "fox")
        "network_before": EndingIn(re.compile(
            rf"(?:(?<![\w'’-])(?-i:(?=[A-Z0-9]))(?:{lexicon.alternation(makers)})|(?<![\w'’-])the\s+"
            rf"(?:{lexicon.alternation(data['network_nouns'])}))\s+(?:(?:has|have|had|will|would|officially|reportedly|"
            rf"quickly|finally|already|just|also|now|abruptly|quietly)\s+)*(?:{lexicon.alternation(decisions)})"
            r"\s*['‘\"“]?\s*$", re.IGNORECASE), last_words_of(decisions)),
        "shoot_after": re.compile(
            rf"^['’\"”]?\s+(?:(?:{auxiliaries})\s+)*(?:{lexicon.alternation(forms(data['shoot_after_verbs']))})\s+"
            rf"(?:{lexicon.alternation(data['shoot_after_nouns'])})(?![\w-])(?!\s+(?:on|of|for)\b)",
            re.IGNORECASE),
        "decided_after": re.compile(
            rf"^['’\"”]?\s*,?\s+(?:which\s+)?(?:(?:{auxiliaries})\s+)+(?:{lexicon.alternation(data['decided_after'])})\s+"
            rf"(?:(?:a|an|its|their|another|{number})\s+)?"
            rf"(?:(?:{ordinal}|final|new|more|additional|full)\s+)?(?:season|series|run)s?(?!\w)", re.IGNORECASE),
        "box_office_after": re.compile(
            rf"^['’\"”]?\s*,?\s+(?:which\s+)?(?:{lexicon.alternation(data['box_office_verbs'])})\s+"
            rf"(?:(?:{lexicon.alternation(data['box_office_fillers'])})\s+)*[$£€]\s?\d", re.IGNORECASE),
        "return_after": re.compile(
            rf"^['’\"”]?\s+(?:(?:{auxiliaries})\s+)*(?:{lexicon.alternation(returns)})\s+for\s+"
            rf"(?:(?:a|an|its|their)\s+)?(?:(?:season|series)\s+{number}(?!\w)|(?:{ordinal}|another|final|new)\s+"
            rf"(?:season|series|run)(?!\w))", re.IGNORECASE),
    }


# What happens to a production, read before a name ("filming on X"): the pattern and the cue's name.
PRODUCTION_CUES_BEFORE = (("shoot_before", "a shoot or production of it"),
                          ("event_noun_before", "its premiere date, renewal or cancellation"),
                          ("network_before", "a network's or studio's decision on it"))


# --- occurrences: the cues around one candidate -----------------------------------------------

@dataclass(slots=True)
class Occurrence:
    candidate: Candidate
    before: str      # the sentence up to the candidate (last 80 characters)
    after: str       # the sentence after it (first 80 characters)
    sentence: str
    initial: bool    # nothing but quotes before it in its sentence
    tail: tuple[str, ...] = field(init=False)  # its last words, for the cues that end there
    cued_after: bool = field(init=False)         # some cue of CUES_AFTER may match after it
    cued_before: bool = field(init=False)        # some cue of CUES_BEFORE may end before it

    def __post_init__(self) -> None:
        self.tail = last_words(self.before)
        info = knowledge()
        self.cued_after = info["any_after"].match(self.after) is not None
        self.cued_before = info["any_before"].may_end(self.tail)


POSSESSIVE_AFTER = re.compile(r"['’]s\b")
CLOSING_MARKS = re.compile(r"^[,'’\"”*_]+(?=\s|$)")


def unquote_after(after: str) -> str:
    """The words after a name without its closing mark ("X," and "X"), keeping a possessive."""
    if POSSESSIVE_AFTER.match(after):
        return after
    return CLOSING_MARKS.sub("", after)


# (a name's apposition closed right after it: a mark, or the sentence's end)
CLOSED_AFTER = re.compile(r"\s*(?:[,.;:)]|$)")


def work_cues(o: Occurrence) -> list[tuple[str, float, bool, str | None]]:
    """(cue, weight, strong, kind) for what says "a work" around one occurrence."""
    info = knowledge()
    found: list[tuple[str, float, bool, str | None]] = []
    text = o.candidate.text
    after, before = o.cued_after, o.cued_before  # (most names: no cue before or after to try)
    # Quotes mark songs, books and sayings as well: a cue, but not one only titles get.
    if o.candidate.quoted:
        found.append(("quoted", 1.0, False, None))
    if after and info["season_after"].match(o.after) or before and info["season_before"].search(o.before[-60:], o.tail):
        found.append(("season", 2.0, True, "series"))
    if POSSESSIVE_END.search(o.before[-40:]) and info["maker_possessive"].search(o.before[-40:]):
        found.append(("maker's possessive", 1.5, True, None))
    noun = before and info["noun_before"].search(o.before[-40:], o.tail)
    # (after a comma, only a quoted name or one the apposition closes: "its follow-up, An
    # Inconvenient Sequel: Truth to Power, in theaters", not "a spinoff, Nathan Fillion drama X")
    if noun and re.search(r",\s*$", o.before) and not o.candidate.quoted \
            and not CLOSED_AFTER.match(o.sentence, o.candidate.end):
        noun = None
    if noun:
        found.append((f"'{noun.group('noun').lower()}' before it", 1.5, True, info["nouns"][noun.group("noun").lower()]))
    if after:
        found += work_cues_after(o, info)
    # (not a picture's number at the end of a caption: "Jane Doe 105", "Getty Images 29"; nor
    # a name in a list of people: "Demi Lovato, Maroon 5 Mary J. Blige and others")
    if info["numbered"].search(text) and not titles.is_month(text.split()[0]) and not is_rank(text) \
            and not is_persons_number(text, info) and not re.fullmatch(r"\s*[.,;:!?)\]]*\s*", o.after):
        next_word = re.match(r"\s+([A-Z][a-z]+)\b", o.after)
        if not (next_word and gazetteer.given_name_count(next_word.group(1)) > COMMON_GIVEN):
            found.append(("numbered title", 1.0, True, None))
    subtitle = ":" in text and re.search(r"(\w+):\s+([A-Z0-9][\w'’]*)", text)
    if subtitle and subtitle.group(2).lower() not in titles.knowledge()["not_start"] \
            and subtitle.group(1).lower() not in titles.knowledge()["labels"] \
            and not gazetteer.given_name_count(text.split()[0]) and not text.split(":")[0].isupper():
        found.append(("subtitle", 1.0, False, None))  # (not "Gael Garcia Bernal: Well, ...", "Credit: X")
    # (not a person whose work it is, "the premiere of Jane Doe's film", nor a place filmed
    # on, "filming on Fire Island")
    if before and not POSSESSIVE_AFTER.match(o.after):
        found += [(cue, 1.5, True, None) for name, cue in PRODUCTION_CUES_BEFORE
                  if info[name].search(o.before[-70:], o.tail)
                  and not (name == "shoot_before" and text.split()[-1].lower() in info["place_heads"])]
    if before and info["work_in_before"].search(o.before[-40:], o.tail) or after and info["work_in_after"].match(o.after):
        found.append(("starring, role or set", 1.0, False, None))
    return found


def work_cues_after(o: Occurrence, info: dict) -> list[tuple[str, float, bool, str | None]]:
    """The work cues read in the words after the name ("X premieres on Netflix", "X, the HBO series")."""
    found = []
    noun = info["noun_after"].match(o.after)
    # (a person's name before the noun makes it that person's work, "a new Woody Allen movie",
    # "her Woody Allen project"; but "the Kim Possible movie" is the film of that title)
    if noun and not info["event_after"].match(o.after) \
            and not (person_named(o.candidate.text) and not THE_BEFORE.search(o.before)):
        found.append((f"'{noun.group('noun').lower()}' after it", 1.5, True, info["nouns"][noun.group("noun").lower()]))
    noun = info["noun_apposed"].match(o.after)
    if noun:
        found.append((f"'{noun.group('noun').lower()}' apposed", 1.5, True, info["nouns"][noun.group("noun").lower()]))
    if info["screen_release"].match(o.after):
        kind = "film" if re.search(r"(?i)theat|cinema|big screen", o.after[:60]) else None
        found.append(("released on a screen", 1.5, True, kind))
    if info["scheduled_after"].match(o.after) and info["scheduled_before"].search(o.before[-30:]):
        found.append(("dated by a studio", 1.5, True, "film"))
    if info["ordered_after"].match(o.after) and info["ordering_before"].search(o.before[-30:]):
        found.append(("ordered to series", 1.5, True, "series"))  # "picked up X to series"
    if info["after_title"].match(o.after):
        found.append(("cast or episode word after it", 1.5, True, None))
    if info["shoot_after"].match(o.after):
        found.append(("starts or ends its shoot", 1.5, True, None))
    if info["return_after"].match(o.after):
        found.append(("returns for a season", 1.5, True, "series"))
    if info["decided_after"].match(o.after):
        found.append(("renewed or cancelled", 1.5, True, "series"))
    if info["box_office_after"].match(o.after):
        found.append(("box-office figure", 1.5, True, "film"))
    return found


def person_named(text: str) -> bool:
    """A name the lists read as a person's, after any leading article ("the Woody Allen")."""
    bare = LEADING_ARTICLE.sub("", text)
    return list_reason(bare, bare.lower())[0] == PERSON


LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# "the X", "the live-action X": a definite article at most two words before a name.
THE_BEFORE = re.compile(r"(?<![\w'’-])[Tt]he\s+(?:[\w-]+\s+){0,2}$")


AUXILIARIES_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:which|is|are|was|were|will|has|have|had|also|still|currently|now|just|"
    r"finally|officially|reportedly|be|been|not|yet|never|already|first|[a-z’']+\s+to|(?:rumou?red|set|slated|scheduled|due|"
    r"expected|eyed|dated|pegged|penciled|pencilled)\s+(?:for|in))\s+)*")


LAST_WORDS = re.compile(r"(\w+(?:\s+(?:of|on|for))?)\s+['‘\"“]?$")


@cache
def idioms() -> re.Pattern:
    """Idioms with an event word in them (events.yaml `idioms`)."""
    return lexicon.word_regex(lexicon.entry("events", "idioms"))


def event_cue(o: Occurrence, event_words: lexicon.PhraseMatcher) -> bool:
    """A release, filming or renewal word right after or before the name ("X premieres",
    "filming on X"): a weak cue, since persons and places stand next to them too."""
    window = o.after[:50]
    auxiliaries = AUXILIARIES_AFTER.match(window)
    assert auxiliaries is not None  # (the pattern matches at 0, if only nothing)
    near_after = window[auxiliaries.end():]
    if event_words.match(near_after):
        return not idioms().match(near_after)   # ("Stephen Paddock opened fire": no release)
    # (a phrase ending in the last word, or in the word before a last "of", "on" or "for")
    last = [word.removesuffix("'s") for word in o.tail[-1:]]
    if o.tail[-1:] and o.tail[-1] in ("of", "on", "for"):
        last += [word.removesuffix("'s") for word in o.tail[-2:-1]]
    if not any(word in event_words.ending_words() for word in last):
        return False
    tail = o.before[-40:]
    ends = LAST_WORDS.search(tail)
    if not ends:
        return False
    # (a word ending in the last words, so it need start no further back than a long phrase)
    return any(found.end() >= ends.start() for found in event_words.finditer(tail, max(0, ends.start() - 30)))


THE_AT_END = re.compile(r"(?i)\bthe\s+$")
PLURAL_NAME = re.compile(r"[A-Z][a-z]+(?:e|a|i|o|[^aeiou])s")  # "the Kardashians", "the Conners"
PICTURE_NUMBER = re.compile(r"\s*\d{1,4}\s*$")


def rejection_cues(o: Occurrence) -> list[tuple[str, float, str]]:
    """(reason, weight, cue) for what says "not a work" around one occurrence."""
    info = knowledge()
    found = []
    before, after = o.before, o.after
    cued_before, cued_after = o.cued_before, o.cued_after  # (most names: no cue before or after to try)
    if cued_before and (info["person_before"].search(before[-30:], o.tail)
                        or info["honorific"].search(before[-20:], o.tail)):
        found.append((PERSON, 1.5, "role or honorific before it"))
    if cued_after:
        if info["person_after"].match(after):
            found.append((PERSON, 1.5, "speech or action verb after it"))
        if info["age"].match(after):
            found.append((PERSON, 2.0, "an age after it"))
        if info["person_possessed"].match(after):
            found.append((PERSON, 1.5, "a person's possession after it"))
    if cued_before and info["place_before"].search(before[-25:], o.tail) and not info["place_not_after"].search(before[-45:]) \
            or cued_after and info["place_after"].match(after):
        found.append((PLACE, 1.0, "a place's preposition or state"))
    if cued_before and info["publication_before"].search(before[-30:], o.tail) \
            or cued_after and info["publication_after"].match(after):
        found.append((PUBLICATION, 1.5, "reported or told"))
    if cued_before and info["music_before"].search(before[-30:], o.tail) or cued_after and info["music_after"].match(after):
        found.append((MUSIC, 2.0, "a song, album or tour word"))
    if cued_after and info["brand_after"].match(after):
        found.append((BRAND, 2.0, "a product or brand word"))
    if cued_after and info["event_after"].match(after):
        found.append((EVENT, 1.5, "an event word after it"))
    plural_surname = THE_AT_END.search(before[-5:]) and \
        PLURAL_NAME.fullmatch(o.candidate.text) and \
        gazetteer.surname_count(o.candidate.text[:-1]) > 0
    if cued_after and info["family_after"].match(after) or plural_surname:
        # ("the Conners" is a family; "The Conners" inside a sentence may be a title)
        capital = plural_surname and before[-4:-1] == "The" and not o.initial
        found.append((FAMILY, 1.0 if capital else 2.0, "a family"))
    if cued_before and info["credit_before"].search(before[-15:], o.tail) or cued_after and info["credit_after"].match(after) or \
            PICTURE_NUMBER.fullmatch(after) and not o.candidate.quoted:
        found.append((CREDIT, 2.0, "a photo credit"))
    return found


# --- the tally of one name over the corpus ----------------------------------------------------

def empty_counter() -> Counter:
    # (Counter.__init__ costs five times a bare dict's; most names are seen once)
    return Counter.__new__(Counter)


class NoCounts(Counter):
    """The empty Counter every tally shares for what it has not counted yet (most names get
    no cue at all): reads give nothing and 0; a write is a mistake (`Tally.own` first)."""

    def _shared(self, *args, **kwargs):
        raise TypeError("a tally's shared empty field: take Tally.own(name) to write")

    __setitem__ = __delitem__ = update = subtract = clear = pop = popitem = setdefault = _shared


class NoEntries(dict):
    """The empty dict every tally shares until it has an entry of its own (as NoCounts)."""

    _shared = NoCounts._shared
    __setitem__ = __delitem__ = update = clear = pop = popitem = setdefault = _shared


NO_COUNTS, NO_ENTRIES = NoCounts.__new__(NoCounts), NoEntries()
NO_MEMBERS: frozenset[str] = frozenset()
# What each shared empty field becomes when a tally writes to it.
OWN: dict[type, Callable[[], Counter | dict | set]] = {NoCounts: empty_counter, NoEntries: dict, frozenset: set}


@dataclass
class Tally:
    forms: Counter = field(default_factory=empty_counter)
    occurrences: int = 0
    whole: int = 0             # occurrences as the whole run (not a shorter reading)
    non_initial: int = 0
    quoted: int = 0
    titled: int = 0            # "The X" with a capital "The" inside a sentence of lower-case words
    work: float = 0.0
    strong: int = 0
    # (The fields below start as shared empty ones, read-only: thousands of names never get
    # any of them, and ten empty containers a name were an eighth of learning's memory.)
    cues: Counter = field(default_factory=lambda: NO_COUNTS)        # work cue -> count
    weights: dict = field(default_factory=lambda: NO_ENTRIES)       # cue -> weight
    against: Counter = field(default_factory=lambda: NO_COUNTS)     # reason -> weight
    against_cues: Counter = field(default_factory=lambda: NO_COUNTS)
    kind: Counter = field(default_factory=lambda: NO_COUNTS)
    examples: dict = field(default_factory=lambda: NO_ENTRIES)      # cue -> snippet
    # The articles that name it, each once, in the order read, by their place in the corpus:
    # an array, not a set or a list of ids (a corpus names some 100 of these an article; a
    # set costs four times a list, a list twice this array; and learning reads an article's
    # sentences one after the other, so a repeat is always the last one).
    articles: array = field(default_factory=lambda: array("I"))
    inside: Counter = field(default_factory=lambda: NO_COUNTS)      # longer keys it was read inside
    splits: set | frozenset = field(default_factory=lambda: NO_MEMBERS)  # its sides where "and"/"with" may join two

    def own(self, name: str):
        """The field to write to: the tally's own container, made at the first write."""
        value = getattr(self, name)
        make = OWN.get(type(value))
        if make is not None:
            value = make()
            setattr(self, name, value)
        return value

    def __reduce__(self):
        # (Batches travel from worker processes as plain values, empty containers as None:
        # most names have no cue at all, and pickling a dataclass of empty Counters is slow.)
        return restore_tally, tuple(plain(getattr(self, name)) for name in TALLY_FIELDS)

    def add(self, later: Tally) -> None:
        """Sum a later batch's tally of the same name into this one (first examples kept)."""
        self.forms.update(later.forms)
        self.occurrences += later.occurrences
        self.whole += later.whole
        self.non_initial += later.non_initial
        self.quoted += later.quoted
        self.titled += later.titled
        self.work += later.work      # (weights are halves: sums are exact in any order)
        self.strong += later.strong
        for name in ("cues", "weights", "against", "against_cues", "kind", "inside", "splits"):
            if getattr(later, name):
                self.own(name).update(getattr(later, name))
        for cue, example in later.examples.items():
            self.own("examples").setdefault(cue, example)
        self.articles += later.articles   # (a later batch's articles are other articles)


TALLY_FIELDS = tuple(Tally.__dataclass_fields__)


def plain(value):
    """A tally's field as it travels: a container as a plain dict or set, None when empty."""
    if isinstance(value, (dict, set, frozenset)):
        return (dict(value) if isinstance(value, dict) else value) or None
    return value


def restore_tally(*values) -> Tally:
    tally = Tally()
    for name, value in zip(TALLY_FIELDS, values):
        if isinstance(getattr(tally, name), (dict, set, frozenset)):
            if value:
                tally.own(name).update(value)  # (into the field's own Counter, dict or set)
        else:
            setattr(tally, name, value)
    return tally


def snippet(o: Occurrence) -> str:
    return f"{o.before[-30:].lstrip()}{o.candidate.text}{o.after[:30].rstrip()}".strip()


@dataclass
class Tallies:
    """What a run of documents says of every name: the map step of learning, summed exactly
    by `merge` (counts and halves of weights, sets, first examples), so that batches read in
    worker processes give what one pass over the corpus gives."""
    by_name: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    lower_words: Counter = field(default_factory=Counter)
    # Sides of "X and Y" seen before the whole "X and Y" was: a whole seen in an earlier batch
    # takes them, as it would have in one pass.
    early_splits: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    # The documents' sentences that learning reads again once the works are known (those a
    # `keep` test holds, with their article's headline), in corpus order.
    kept: list[tuple[str, list[tuple[int, int, str, bool]]]] = field(default_factory=list)

    def merge(self, later: Tallies) -> None:
        """Add a later batch's tallies, as if its documents had been read after these."""
        self.kept += later.kept
        for whole, sides in later.early_splits.items():
            if whole in self.by_name:
                self.by_name[whole].own("splits").update(sides)
            else:
                self.early_splits[whole].update(sides)
        for key, theirs in later.by_name.items():
            if key in self.by_name:
                self.by_name[key].add(theirs)
            else:
                self.by_name[key] = theirs
        self.lower_words.update(later.lower_words)


class Enclosing:
    """Which of a sentence's name spans hold a given span: found from the spans sorted by
    start, walking back only while an earlier one may still reach far enough (a sentence
    may have thousands, and each name asks)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.order = sorted(range(len(spans)), key=lambda index: spans[index][0])
        self.starts = [spans[index][0] for index in self.order]
        self.reach: list[int] = []   # the furthest end of the spans up to each, in that order
        for index in self.order:
            self.reach.append(max(spans[index][1], self.reach[-1] if self.reach else 0))

    def of(self, start: int, end: int) -> list[int]:
        """The indices of the spans that hold start..end, in the order they were given."""
        found = []
        at = bisect.bisect_right(self.starts, start) - 1
        while at >= 0 and self.reach[at] >= end:
            index = self.order[at]
            if self.spans[index][1] >= end:
                found.append(index)
            at -= 1
        return sorted(found)


def tally_documents(documents: Iterable[tuple[str, list[tuple[int, int, str, bool]]]],
                    event_words: lexicon.PhraseMatcher, fold_title,
                    keep: Callable[[str], bool] | None = None, first: int = 0) -> Tallies:
    """Weigh every candidate of the documents: each occurrence's cues, for and against; the
    sentences `keep` holds, with their headlines, are kept for a later reading. `first`: the
    place of the first document in the corpus (the tallies' articles are numbered by it)."""
    info = knowledge()
    found_so_far = Tallies()
    tallies = found_so_far.by_name
    lower_words = found_so_far.lower_words
    for article, (article_id, sentences) in enumerate(documents, first):
        if keep is not None and any(keep(text) for _, _, text, _ in sentences):
            found_so_far.kept.append((article_id, [s for s in sentences if s[3] or keep(s[2])]))
        for _, _, text, headline in sentences:
            lower_words.update(LOWER_WORD.findall(text))
            title_case = titles_case(text)
            found = titles.candidates(text, title_case)
            if not found:
                continue
            # (where the sentence's film and series words stand, found once for all its names)
            film_words: list[tuple[int, int]] = []
            series_words: list[tuple[int, int]] = []
            for m in info["kind_words"].finditer(text):
                (film_words if m.lastgroup == "film" else series_words).append(m.span())
            spans = [(c.start, c.end, fold_title(c.text)) for c in found if not c.part]
            enclosing = Enclosing([(start, end) for start, end, _ in spans])
            for candidate in found:
                if skip_candidate(candidate):
                    continue
                key = fold_title(candidate.text)
                if not key:
                    continue
                tally = tallies[key]
                initial = titles.sentence_initial(text, candidate.start)
                tally.occurrences += 1
                tally.forms[candidate.text] += 1
                if not tally.articles or tally.articles[-1] != article:
                    tally.articles.append(article)
                tally.whole += not candidate.part
                tally.non_initial += not initial
                tally.quoted += candidate.quoted
                tally.titled += candidate.text.startswith("The ") and not initial and not title_case
                for index in enclosing.of(candidate.start, candidate.end):
                    if spans[index][2] != key:
                        tally.own("inside")[spans[index][2]] += 1
                if candidate.part == "split":
                    continue  # one side of "X and Y": its cues are the pair's, not its own
                o = Occurrence(candidate, text[max(0, candidate.start - 80):candidate.start].rstrip("'‘\"“*_"),
                               unquote_after(text[candidate.end:candidate.end + 80]), text, initial)
                for cue, weight, strong, kind in work_cues(o):
                    add_cue(tally, cue, weight, o)
                    tally.strong += strong
                    if kind and kind != "any":
                        tally.own("kind")[kind] += 2
                if event_cue(o, event_words):
                    add_cue(tally, "event word next to it", 1.0, o)
                if film_words or series_words:
                    own = [(candidate.start, candidate.end)] + [(start, end) for start, end, other in spans
                                                                 if other == key]
                    kinds = tally.own("kind")
                    kinds["film"] += 0.5 * words_near(film_words, candidate, own)
                    kinds["series"] += 0.5 * words_near(series_words, candidate, own)
                for reason, weight, cue in rejection_cues(o):
                    tally.own("against")[reason] += weight
                    tally.own("against_cues")[(reason, cue)] += 1
                    tally.own("examples").setdefault(cue, snippet(o))
            # (each side of a split, under every whole name it lies in)
            sides_in: dict[int, set[str]] = defaultdict(set)
            for candidate in found:
                if candidate.part == "split":
                    for index in enclosing.of(candidate.start, candidate.end):
                        sides_in[index].add(fold_title(candidate.text))
            for index, (start, end, whole) in enumerate(spans):
                sides = sides_in.get(index)
                if not sides:
                    continue
                if whole in tallies:
                    tallies[whole].own("splits").update(sides)
                else:
                    found_so_far.early_splits[whole].update(sides)
    return found_so_far


def names_in(documents: Iterable[tuple[str, list[tuple[int, int, str, bool]]]], fold_title) -> set[str]:
    """The folded names `tally_documents` would weigh in these documents: learning from
    them can decide nothing else."""
    keys: set[str] = set()
    for _, sentences in documents:
        for _, _, text, _ in sentences:
            keys.update(fold_title(candidate.text) for candidate in titles.candidates(text, titles_case(text))
                        if not skip_candidate(candidate))
    keys.discard("")
    return keys


def learn_registry(documents: Sequence[tuple[str, list[tuple[int, int, str, bool]]]],
                   event_words: lexicon.PhraseMatcher, excluded: set[str],
                   config: WorkConfig | None = None, fold_title=None, jobs: parallel.Jobs = 1,
                   progress: parallel.ProgressReport | None = None,
                   keep: Callable[[str], bool] | None = None) -> tuple[Registry, Counter, list]:
    """Weigh every candidate over the corpus and decide each name once.

    documents: (article id, [(sentence start, sentence end, text, headline)]), a sequence
    whose slices may be made when asked for (a batch's sentences split in its worker).
    excluded: folded names known not to be works (the corpus's outlets and authors).
    jobs: worker processes to weigh the documents in (None: every core), or a Dask cluster.
    keep: which sentences to hand back for a second reading (`Tallies.kept`).
    Returns the registry, the persons seen (name -> count), for speakers and name checks,
    and the kept documents.
    """
    found: Tallies | None = None
    for batch in parallel.map_ranges(tally_range, len(documents), jobs, (documents, event_words, fold_title, keep),
                                     parallel.step_progress(progress, "learning works", len(documents))):
        if found is None:
            found = batch
        else:
            found.merge(batch)   # (and the batch let go: only the sums are kept)
    found = found or Tallies()
    return (*decide_all(found, excluded, config, fold_title), found.kept)


def tally_range(shared: tuple, start: int, stop: int) -> Tallies:
    documents, event_words, fold_title, keep = shared
    return tally_documents(documents[start:stop], event_words, fold_title, keep, start)


def decide_all(found: Tallies, excluded: set[str], config: WorkConfig | None,
               fold_title) -> tuple[Registry, Counter]:
    """Each name decided once, over the whole corpus's tallies."""
    tallies, lower_words = found.by_name, found.lower_words
    registry = Registry()
    config = config or WorkConfig()
    not_works = {fold_title(name) for name in config.not_works}
    persons: Counter = Counter()
    for key, tally in tallies.items():
        decision = decide(key, tally, lower_words, excluded, not_works)
        if isinstance(decision, Work):
            registry.works[key] = decision
            continue
        if decision is not None:
            registry.rejected[key] = decision
        # Persons, for speakers and spelling checks: person cues over work cues.
        against = tally.against[PERSON]
        if against <= 0 or against <= tally.work:
            continue  # (most names: no person cue, or more for a work; nothing more to ask)
        name = ROLE_PREFIX.sub("", display_form(tally))
        shaped = list_reason(name, key)[0] == PERSON
        if (against >= 1.5 or shaped) \
                and len(name.split()) >= 2 and all(w[:1].isupper() for w in name.split()):
            persons[name] += tally.occurrences
    keep_whole_titles(registry, tallies)
    drop_surnames(registry, persons)
    registry.lower_counts = {key: lower_words[key] for key in registry.works if len(key.split()) == 1}
    find_franchises(registry, tallies)
    join_subtitled_entries(registry, tallies, fold_title)
    add_configured_aliases(registry, config, fold_title)
    return registry, persons


ROLE_PREFIX = re.compile(r"^(?:(?:[A-Z][\w.]*['’]s|Actor|Actress|Star|Showrunner|Director|Producer|Creator|Writer)\s+)+")
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")


def is_rank(text: str) -> bool:
    """"No 1", "No. 3": a place in a chart, not a numbered title."""
    words = text.split()
    return len(words) == 2 and words[0] in titles.knowledge()["rank_abbreviations"] and words[1].isdigit()


PERSONS_NUMBER = re.compile(r"(?:I{2,3}|IV|VI{0,3}|IX|X|Jr\.?|Sr\.?)")


def is_persons_number(text: str, info: dict) -> bool:
    """"Queen Elizabeth II", "King George VI", "Vincent Rodriguez III": a monarch's or a
    family's number after a title of rank or a common given name, and a name of two words or
    more ("Rocky II" and "Creed II" stay numbered titles)."""
    words = text.split()
    if len(words) < 3 or not PERSONS_NUMBER.fullmatch(words[-1]):
        return False
    return words[0].lower() in info["ranks"] or gazetteer.given_name_count(words[0]) > COMMON_GIVEN


# Words of four characters or more: a shorter run is passed over whole, never read from inside.
LONG_WORDS = re.compile(r"([A-Za-z])[\w'’]{3,}")
BARE_NUMBER = re.compile(r"(?i:the)\s+[\d\s,.-]+")


def words_near(spans: list[tuple[int, int]], candidate: Candidate, own: list[tuple[int, int]],
               reach: int = 60) -> int:
    """How many of the word spans lie within `reach` characters of the candidate, outside
    every mention of the same title (a title's own words say nothing of its kind: "Star
    Wars: Episode IX", "Movie 43")."""
    low, high = candidate.start - reach, candidate.end + reach
    return sum(1 for start, end in spans if start >= low and end <= high
               and not any(start >= s and end <= e for s, e in own))


@lru_cache(maxsize=4096)
def titles_case(text: str) -> bool:
    """Headlines capitalize every word: capitals there say nothing about titles."""
    initials = "".join(LONG_WORDS.findall(text))  # (each word's first letter, A-Z or a-z)
    return len(initials) >= 3 and len(initials.translate(NO_LOWER_CASE)) / len(initials) >= 0.9


NO_LOWER_CASE = str.maketrans("", "", string.ascii_lowercase)


def skip_candidate(candidate: Candidate) -> bool:
    """Numbers, acronyms and years: "2016-2017 TV season", "TV", "MCU"."""
    text = candidate.text
    if text[:1].isdigit() and not candidate.quoted:
        return True
    if len(text) <= 3 and not candidate.quoted:
        return True
    return bool(BARE_NUMBER.fullmatch(text))


def add_cue(tally: Tally, cue: str, weight: float, o: Occurrence) -> None:
    tally.work += weight
    tally.own("cues")[cue] += 1
    tally.own("weights")[cue] = weight
    tally.own("examples").setdefault(cue, snippet(o))


def display_form(tally: Tally) -> str:
    """The title as outlets write it: the most common whole form, "The X" over a bare "X"."""
    forms = tally.forms
    form = forms.most_common(1)[0][0]
    with_the = sum(count for title, count in forms.items() if title.lower().startswith("the "))
    if with_the * 4 >= sum(forms.values()) and not form.lower().startswith("the "):
        form = next(title for title, _ in forms.most_common() if title.lower().startswith("the "))
    return form


@lru_cache(maxsize=65536)
def holds_credit(form: str) -> bool:
    """"Getty Images 29", "South Korea EPA 5", "Christian Siriano Getty Images": a photo
    agency's name inside the run (with a picture's number): a caption's credit."""
    words = form.split()
    listed = gazetteer.organisation_words("agency", "credit")
    if not any(part in listed for word in words
               for part in gazetteer.fold(word).split() + gazetteer.fold(word, possessive=True).split()):
        return False
    return any(gazetteer.organisation_kind(" ".join(words[i:j])) in ("agency", "credit")
               for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1))


# A network's or studio's acronym with an "s" and no apostrophe ("ABCs", "HBOs").
ACRONYM_POSSESSIVE = re.compile(r"[A-Z0-9]{2,}s")


@lru_cache(maxsize=65536)
def list_reason(form: str, key: str) -> tuple[str | None, float]:
    """What the knowledge lists say the name is, before any cue."""
    makers = knowledge()["makers"]
    if holds_credit(form):
        return CREDIT, 3.0
    kind = gazetteer.organisation_kind(form)
    if kind:
        return ORGANISATION_REASONS.get(kind, ORGANISATION), 3.0
    if gazetteer.fold(form) in makers or key in makers:
        return NETWORK, 3.0
    if ACRONYM_POSSESSIVE.fullmatch(form) and gazetteer.fold(form[:-1]) in makers:
        return NETWORK, 3.0  # "ABCs hit reality series": a network's possessive without its apostrophe
    if all(gazetteer.fold(part) in makers for part in re.split(r"[-/]", form)):
        return NETWORK, 3.0  # "Disney-Pixar"
    bare = re.sub(r"^(?:the|a|an)\s+", "", form, flags=re.IGNORECASE)
    first = gazetteer.fold(bare.split()[0])
    if len(bare.split()) > 1 and first in makers and len(bare.split()) <= 3:
        return NETWORK, 2.0  # "Netflix TV", "Marvel Studios", "HBO Max"
    suffix = gazetteer.organisation_suffix(form)
    if suffix:
        return ORGANISATION_REASONS.get(suffix, ORGANISATION), 2.0
    last = form.split()[-1].lower()
    if last in knowledge()["event_words"] and len(form.split()) > 1:
        return EVENT, 2.0
    folded = gazetteer.fold(form)
    if folded in knowledge()["regional"]:
        return DEMONYM, 3.0
    if folded in knowledge()["historical"] or "the " + folded in knowledge()["historical"]:
        return EVENT, 3.0
    place = gazetteer.place_kind(form)
    if place == "demonym":
        return DEMONYM, 3.0  # "Spanish sitcom", "the Mexican film": an adjective, not a title
    if place:
        return PLACE, 2.0
    words = form.split()
    if 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z'’-]+\.?|[A-Z]\.", w) for w in words):
        # How much the shape says "person" grows with how common the given name and the
        # surname are: "Jessica Jones" more than "Harbor Queen".
        given = gazetteer.given_name_count(words[0])
        surname = gazetteer.surname_count(words[-1])
        if given >= COMMON_GIVEN and surname >= COMMON_SURNAME:
            return PERSON, 2.0
        if given >= COMMON_GIVEN:
            return PERSON, 1.5
        if given and surname >= COMMON_SURNAME:
            return PERSON, 1.0
    if len(words) == 1 and gazetteer.given_name_count(words[0]) >= COMMON_GIVEN:
        return PERSON, 1.0
    return None, 0.0


# US births (1920-2019) and 2010 Census people above which a name is a common one.
COMMON_GIVEN = 10_000
COMMON_SURNAME = 1_000


# Cues no network, agency, publication or festival gets: only these let a name the lists
# know be a work ("Fox's Empire season 3", "'Empire'").
EXCLUSIVE_CUES = ("quoted", "season")
LIST_REASONS = {NETWORK, CREDIT, PUBLICATION, EVENT, ORGANISATION, BRAND, MUSIC, DEMONYM}


def decide(key: str, tally: Tally, lower_words: Counter, excluded: set[str],
           not_works: set[str]) -> Work | Rejected | None:
    """A work, a rejected candidate with its reason, or None (no cue either way)."""
    form = display_form(tally)

    def rejected(reason: str) -> Rejected:
        # (the evidence made only for a name decided: most names no cue speaks for nor against)
        return Rejected(key, form, reason, tally.occurrences, evidence_of(tally))

    if key in not_works:
        return rejected(CONFIGURED)
    if tally.work == 0:
        # Nothing said it was a work: listed only when something said what it is instead.
        reason = max(tally.against, key=tally.against.__getitem__) if tally.against else list_reason(form, key)[0]
        return rejected(reason) if reason else None
    if key in excluded:
        return rejected(PUBLICATION)
    against = Counter(tally.against)
    reason, prior = list_reason(form, key)
    if reason == NETWORK and ACRONYM_POSSESSIVE.fullmatch(form):
        return rejected(reason)  # "the 21st season of ABCs hit series": the season is the show's
    if reason == PLACE and gazetteer.also_title(form):
        reason, prior = None, 0.0  # "Atlanta", "Fargo": a place's name that is also a series' title
    if reason in LIST_REASONS:
        exclusive = sum(tally.cues[cue] for cue in EXCLUSIVE_CUES)
        if exclusive < max(2, tally.occurrences // 4):
            return rejected(reason)
    if reason:
        against[reason] += prior  # type: ignore[assignment]  # (typeshed's Counter counts in int; weights are floats)
    best, weight = against.most_common(1)[0] if against else (None, 0.0)
    if reason == PERSON and best != PERSON and against[PERSON] >= 2.0:
        best = PERSON  # "Justin Timberlake ... album": a musician is a person
    words = key.split()
    if HYPHENATED_ADJECTIVE.search(form):
        return rejected(ORDINARY)  # "Oscar-winning", "A-list", "Grey Goose-sponsored": adjectives
    # What speaks against a work must be outweighed, more so when no cue only titles get
    # is among the work's.
    # Cues no person or place gets: a season, a maker's possessive, a studio's date, a kind
    # of work before the name ("the drama X").
    exclusive = sum(count * tally.weights.get(cue, 0) for cue, count in tally.cues.items()
                    if cue in ("season", "maker's possessive", "dated by a studio", "ordered to series")
                    or cue.endswith(("before it", "apposed")))
    # (Quotes do not tell a film from a song, a book or a slogan: against those, they weigh nothing.)
    compared = tally.work - (tally.cues["quoted"] * tally.weights.get("quoted", 0.0)
                             if best in (MUSIC, PUBLICATION, BRAND, EVENT, CREDIT) else 0.0)
    if best and weight >= (compared + exclusive) * (0.75 if tally.strong else 1.0):
        return rejected(best)
    if tally.work < 1.5:
        return rejected(best or TOO_WEAK)
    if len(words) == 1 and tally.non_initial == 0:
        return rejected(best or TOO_WEAK)
    # A word English also writes in lower case ("House", "Live", "Special") is a title only
    # with strong cues: a season, quotes, a maker's possessive.
    # A capital "The" inside a sentence ("The Crown", "The Flash") or cues of three kinds
    # mark a title however ordinary its words.
    marked = tally.titled >= 2 or len(tally.cues) >= 3
    if len(words) == 1 and lower_words[key] and (lower_words[key] * 2 >= tally.occurrences or lower_words[key] >= 3) \
            and tally.strong < 2 and not marked:
        return rejected(ORDINARY)
    if len(words) > 1 and all(lower_words[w] >= 2 for w in words) and tally.quoted == 0 and tally.strong < 2 \
            and not marked:
        return rejected(ORDINARY)
    # Persons and places stand next to event words too ("Pitt films in London"): a title
    # needs one cue only titles get, or event cues enough to outweigh chance.
    # Quotes mark songs, books and sayings too: a name needs a cue beyond them.
    unquoted = tally.work - tally.cues["quoted"] * tally.weights.get("quoted", 0.0)
    if tally.strong == 0 and (unquoted < 2.0 or tally.work < 3.0):
        return rejected(best or TOO_WEAK)
    # "Ahead of Monday", "Appearing on Australian": a sentence's first word runs into a name.
    if tally.non_initial == 0 and len(words) > 1 and lower_words[words[0]] >= 2 and tally.quoted == 0:
        return rejected(ORDINARY)
    # A name seen often with few cues is a character or a person, however eponymous the
    # one cue it got ("Thor" in a piece about the actor who plays him).
    # (A longer name with cues of three kinds, one only titles get, is not a character's.)
    if tally.occurrences >= 4 and tally.work / tally.occurrences < 0.3 and tally.quoted < 2 \
            and not (len(words) > 1 and marked and tally.strong):
        return rejected(best or TOO_WEAK)
    return Work(key, form, kind_of(tally), sorted({f for f in tally.forms if f != form}),
                tally.occurrences, len(tally.articles), evidence_of(tally))


# A name ending in a word with a lower-case part after a hyphen is an adjective.
HYPHENATED_ADJECTIVE = re.compile(r"(?:^|\s)[\w'’&]+(?:-[a-z]+)+$")


def kind_of(tally: Tally) -> WorkKind | None:
    film, series = tally.kind["film"], tally.kind["series"]
    if film == series:
        return None
    return "film" if film > series else "series"


def evidence_of(tally: Tally) -> list[Evidence]:
    items = [Evidence(cue, count, tally.weights.get(cue, 0.0), tally.examples.get(cue, ""))
             for cue, count in tally.cues.most_common()]
    items += [Evidence(f"against ({reason}): {cue}", count, 0.0, tally.examples.get(cue, ""))
              for (reason, cue), count in tally.against_cues.most_common()]
    return items


def keep_whole_titles(registry: Registry, tallies: dict[str, Tally]) -> None:
    """Titles are never cut, and never two names run together.

    A run that "and", "with" or a possessive may split ("The Defenders and Jessica Jones",
    "Ben Mendelsohn and Gemma Chan") is two names when every side is a work on its own or
    one side is a person, a place or a network; a run that adds words to a title standing
    alone elsewhere ("Jessica Jones in the Netflix ...") holds that title. Either is no
    title unless quoted as one. Then a shorter reading seen only inside a longer title
    ("Night Live" in "Saturday Night Live"), or a given name opening one ("Jessica" of
    "Jessica Jones"), is no work of its own."""
    def is_other(key: str) -> bool:
        if key in registry.rejected and registry.rejected[key].reason in (PERSON, PLACE, NETWORK):
            return True
        return key in tallies and list_reason(display_form(tallies[key]), key)[0] in (PERSON, PLACE, NETWORK)

    # (a given name alone is the short form of a title, not a title the longer one extends)
    standing = {k for k in registry.works if tallies[k].whole > 0
                and not (len(k.split()) == 1 and gazetteer.given_name_count(k) > 0)}
    forms = {k: display_form(tallies[k]) for k in registry.works}
    # Standing titles by their words, so that each title is held only against the titles it
    # begins or ends with (not every other title).
    by_words: dict[str, list[str]] = defaultdict(list)
    for k in standing:
        by_words[bare_words(forms[k])].append(k)

    def extends_a_standing_title(key: str) -> bool:
        words = bare_words(forms[key]).split()
        near = {k for i in range(1, len(words)) for part in (" ".join(words[:i]).rstrip(":"), " ".join(words[i:]))
                for k in by_words.get(part, ())}
        return any(k != key and extends(forms[key], forms[k]) for k in near)

    for key in list(registry.works):
        tally = tallies[key]
        if tally.quoted:
            continue
        sides = [k for k in tally.splits if k != key]
        joined = sides and (all(k in standing for k in sides) or any(is_other(k) for k in sides))
        # (a kind of work named before it makes the longer run the title, "the reality series
        # Married to Jonas" beside a "Married"; not where a place or a time runs on, "her Hulu
        # series The Mindy Project in L.A.")
        named_kind = any(cue.endswith("' before it") for cue in tally.cues) \
            and not ADJUNCT_INSIDE.search(display_form(tally)) and not PART_WORD_AT_END.search(display_form(tally))
        if joined or extends_a_standing_title(key) and not named_kind:
            work = registry.works.pop(key)
            registry.rejected[key] = Rejected(key, work.title, JOINED, work.mentions, work.evidence)
    ordered = sorted(registry.works)

    def longer_titles(key: str) -> list[str]:
        """The works read around this name, and those whose key starts with it (by a search
        in the sorted keys, not a pass over every work)."""
        found = [k for k in tallies[key].inside if k in registry.works and k != key]
        for index in range(bisect.bisect_left(ordered, key + " "), len(ordered)):
            if not ordered[index].startswith(key + " "):
                break
            if ordered[index] in registry.works and ordered[index] not in found:
                found.append(ordered[index])
        return found

    for key in list(registry.works):
        tally = tallies[key]
        longer = longer_titles(key)
        if not longer:
            continue
        inside = sum(tally.inside[k] for k in longer)
        short_form = len(key.split()) == 1 and gazetteer.given_name_count(key) > 0 and tally.quoted == 0 \
            or shortened_in_its_articles(tally, longer, tallies)
        if tally.whole == 0 or inside >= 0.8 * tally.occurrences or short_form:
            work = registry.works.pop(key)
            registry.rejected[key] = Rejected(key, work.title, PART, work.mentions, work.evidence)


def shortened_in_its_articles(tally: Tally, longer: list[str], tallies: dict[str, Tally]) -> bool:
    """A name every article of which also names a longer title it begins, read on without a
    colon, a number or a part ("Crazy" where "Crazy Ex-Girlfriend" is named, not "Alien"
    beside "Alien: Covenant", "Frozen 2" or "Dune Part Two"): that title's short form."""
    short = bare_words(display_form(tally))
    forms = {k: bare_words(display_form(tallies[k])) for k in longer}
    continuing = [k for k in longer if forms[k].startswith(short) and READS_ON.match(forms[k][len(short):])
                  and not SEQUEL_TAIL.match(forms[k][len(short):])]
    return bool(continuing) and set(tally.articles) <= set().union(*(tallies[k].articles for k in continuing))


# A preposition of place or time inside a run of capitalized words.
ADJUNCT_INSIDE = re.compile(r"\s(?:in|on|at|from|for|during|since|until)\s")


# A part's word cut from its number at the end of a run ("Guardians of the Galaxy Vol" of "Vol. 2").
PART_WORD_AT_END = re.compile(r"\s(?i:vol|volume|part|chapter|no|episode|book)\.?$")


# The words after a short title in a longer one: on with a word, not a colon, dash or number.
# (not a part's word cut from its number: "Guardians of the Galaxy Vol" of "Vol. 2")
READS_ON = re.compile(r"\s+(?![ivxIVX]+\b|(?i:vol|volume|part|chapter|episode|season|book|no)\b)[^\W\d]")


def drop_surnames(registry: Registry, persons: Counter) -> None:
    """A single word that ends a person's name the corpus knows ("Silvestre" of "Miguel
    Angel Silvestre", "Chibnall" of "Chris Chibnall") is that person, not a work."""
    surnames = {item.key.split()[-1] for item in registry.rejected.values()
                if item.reason == PERSON and len(item.key.split()) >= 2}
    surnames |= {gazetteer.fold(name).split()[-1] for name in persons}
    for key in list(registry.works):
        work = registry.works[key]
        if len(key.split()) == 1 and key in surnames and "quoted" not in {e.cue for e in work.evidence}:
            registry.works.pop(key)
            registry.rejected[key] = Rejected(key, work.title, PERSON, work.mentions, work.evidence)


LEADING_THE = re.compile(r"^(?i:the)\s+")
SUBTITLE_TAIL = re.compile(r"^\s*[:–—-]\s*\S")
ENTRY_TAIL = re.compile(r"^(?:\s*[:–—-]\s*\S.*|\s+(?:\d{1,2}|[IVX]{1,5}|Part\s+\w+))$", re.IGNORECASE)


def find_franchises(registry: Registry, tallies: dict[str, Tally]) -> None:
    """A name whose works are all numbered or subtitled entries ("Mission: Impossible" of
    "Mission: Impossible 7" and "Mission: Impossible – Fallout") is a franchise, not an
    entry, unless outlets name it as a work of its own (in quotes: the original "Top Gun")."""
    bare = {key: LEADING_THE.sub("", work.title) for key, work in registry.works.items()}
    # Sorted, the titles that start with a name follow it: a search, not a pass over all.
    ordered = sorted((title.lower(), key) for key, title in bare.items())
    for key, title in bare.items():
        prefix = title.lower()
        entries = []
        for index in range(bisect.bisect_left(ordered, (prefix,)), len(ordered)):
            other_title, other = ordered[index]
            if not other_title.startswith(prefix):
                break
            if other != key and ENTRY_TAIL.match(bare[other][len(title):]):
                entries.append(other)
        # A name quoted as a title of its own is also a work: the original "Top Gun"; a series
        # goes on beside its spin-offs ("The Witcher" and "The Witcher: Blood Origin"). But a
        # film line with two subtitled entries or more ("Star Wars: The Last Jedi", "Star Wars:
        # The Force Awakens") is a franchise unless a fifth of its mentions quote it: in a
        # large corpus a stray quote is no sign.
        quoted = tallies[key].quoted
        subtitled = [other for other in entries if SUBTITLE_TAIL.match(bare[other][len(title):])]
        if entries and (quoted == 0 or registry.works[key].kind == "film" and len(subtitled) >= 2
                        and quoted * 5 < tallies[key].occurrences):
            registry.franchises[key] = sorted(entries)
            work = registry.works[key]
            registry.rejected[key] = Rejected(key, work.title, FRANCHISE, work.mentions, work.evidence)
    for key in registry.franchises:
        registry.works.pop(key, None)


def join_subtitled_entries(registry: Registry, tallies: dict[str, Tally], fold_title) -> None:
    """A franchise entry's subtitle standing alone is the entry: "Dead Reckoning Part One" is
    "Mission: Impossible – Dead Reckoning Part One", "Fallout" is "Mission: Impossible -
    Fallout" (the head before the colon or dash is a franchise's name). The full title is
    the work when outlets name it so as a work, else an alias of the subtitle's. A one-word
    name that opens a franchise's name ("Mission" of "Mission: Impossible") is the
    franchise's short name, no work."""
    franchise_names = {re.sub(r"^(?i:the)\s+", "", registry.rejected[key].name).lower(): key
                       for key in registry.franchises}
    heads = {name.split(":")[0].strip(): key for name, key in franchise_names.items() if ":" in name}
    for key in list(registry.works):
        work = registry.works[key]
        if len(key.split()) == 1 and work.title.lower() in heads:
            franchise = heads[work.title.lower()]
            registry.franchises[key] = registry.franchises[franchise]
            registry.works.pop(key)
            registry.rejected[key] = Rejected(key, work.title, FRANCHISE, work.mentions, work.evidence)
    if not franchise_names:
        return
    for key, tally in tallies.items():
        if not any(SUBTITLE_SEPARATOR.search(form) for form in tally.forms):
            continue
        form = display_form(tally)
        bare = re.sub(r"^(?i:the)\s+", "", form)
        split = next((m for m in SUBTITLE_SEPARATOR.finditer(bare)
                      if bare[:m.start()].lower() in franchise_names), None)
        if not split:
            continue
        subtitle = fold_title(bare[split.end():])
        if subtitle == key or subtitle not in registry.works:
            continue
        short = registry.works[subtitle]
        full_kind = registry.works[key].kind if key in registry.works else kind_of(tally)
        if short.kind and full_kind and short.kind != full_kind:
            continue  # a series of the subtitle's name is another work: Amazon's "Homecoming"
        if key in registry.works:
            # the full title is the work; its subtitle alone, an alias
            full = registry.works[key]
            registry.works.pop(subtitle)
            full.aliases = sorted(set(full.aliases) | {short.title} | set(short.aliases))
            full.mentions += short.mentions
            full.articles = len({*tallies[key].articles, *tallies[subtitle].articles})
            full.kind = full.kind or short.kind
            registry.rejected[subtitle] = Rejected(subtitle, short.title, PART, short.mentions, short.evidence)
        else:
            short.aliases = sorted(set(short.aliases) | {form})


# "Mission: Impossible – Fallout": a franchise's name, then a colon or a dash and a subtitle.
SUBTITLE_SEPARATOR = re.compile(r"\s*(?::|\s[–—-])\s+(?=\S)")


SEQUEL_TAIL = re.compile(r"^(?:\s*[:–—-]\s*.+|\s+(?:\d{1,3}|[IVX]{1,5}|Part\s+\w+|Vol\.?\s*\w+|Chapter\s+\w+))$",
                         re.IGNORECASE)


def bare_words(title: str) -> str:
    """A title in lower case without its leading "The", as `extends` compares it."""
    return re.sub(r"^(?i:the)\s+", "", title).lower()


def extends(title: str, work: str) -> bool:
    """`title` is `work` with words added that are no sequel number or subtitle: "Jessica
    Jones in the Netflix" extends "Jessica Jones"; "Top Gun: Maverick" and "The Witcher:
    Blood Origin" do not (a sequel, a spin-off)."""
    bare_title = re.sub(r"^(?i:the)\s+", "", title)
    bare_work = re.sub(r"^(?i:the)\s+", "", work)
    if bare_title.lower().startswith(bare_work.lower() + " ") or bare_title.lower().startswith(bare_work.lower() + ":"):
        return not SEQUEL_TAIL.match(bare_title[len(bare_work):])
    # (a franchise's name before a colon or a dash is no prefix: "Spider-Man: Homecoming",
    # "Mission: Impossible – Fallout")
    return bare_title.lower().endswith(" " + bare_work.lower()) and len(bare_title.split()) > len(bare_work.split()) \
        and not bare_title[:-len(bare_work)].rstrip().endswith((":", "–", "—", " -"))


def add_configured_aliases(registry: Registry, config: WorkConfig, fold_title) -> None:
    for title, aliases in config.aliases.items():
        key = fold_title(title)
        work = registry.works.get(key)
        if work is None:
            continue
        work.aliases = sorted(set(work.aliases) | set(aliases))
