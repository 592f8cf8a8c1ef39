"""Works (films, series, seasons) found in running text, without a list of titles.

Two passes over the corpus: capitalized spans are collected with the cues around them
("season two of X", "X star", "Marvel's X", quoted titles, "X premieres") and scored as
work or person; then every mention of a learned work is found, headlines included, with
the season it names.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

from claims.extract import lexicon
from claims.extract.temporal import lexicon as time_lexicon

TITLE_PREFIXES = {"the", "marvels", "netflixs", "disneys"}
WORD = r"[A-Z0-9][\w'’.\-+&]*"
APOSTROPHE_S = re.compile(r"['’]s$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-folded, accents and punctuation removed, white space collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(ch for ch in decomposed
                   if not unicodedata.combining(ch) and unicodedata.category(ch)[0] != "P")
    return " ".join(kept.split())


def fold_title(title: str) -> str:
    """A title as compared: folded, a leading "the", "Marvel's", "Netflix's" dropped."""
    words = fold(title).split()
    while len(words) > 1 and words[0] in TITLE_PREFIXES:
        words.pop(0)
    return " ".join(words)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    work: str            # folded key
    season: int | None
    seasons: tuple[int, ...] = ()   # "seasons one and two"
    explicit: bool = True           # named, not a short reference


@dataclass
class WorkLexicon:
    """The works of a corpus: folded key -> display title, and the regex that finds them."""

    titles: dict[str, str] = field(default_factory=dict)
    persons: dict[str, str] = field(default_factory=dict)   # name or last name -> full name
    marked_only: set[str] = field(default_factory=set)     # common words: titles only in quotes
    pattern: lexicon.PhraseMatcher | None = None
    mentions: dict[tuple[int, str], list[Mention]] = field(default_factory=dict)
    first_names: dict[str, str] = field(default_factory=dict)

    def display(self, key: str) -> str:
        return self.titles.get(key, key)


# --- knowledge --------------------------------------------------------------------------

@cache
def knowledge() -> dict:
    data = lexicon.load("works")
    numbers = {**lexicon.entry("works", "numbers")}
    ordinals = {k: v for k, v in lexicon.entry("works", "ordinals").items()}
    number_words = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    ordinal_words = "|".join(sorted(map(re.escape, ordinals), key=len, reverse=True))
    studios = [s for s in data["studios"]]
    studio_re = lexicon.alternation(studios)
    number = rf"(?:\d{{1,2}}|{number_words})"
    season_after = re.compile(
        rf"^[\"”’']?(?:['’]s?)?\s*(?::\s*|,\s*|\s*-\s*)?(?:(?:season|series)s?\s+(?P<n>{number})"
        rf"(?:\s*(?:,|and|&|-|through|to)\s*(?P<n2>{number}))?(?!\w)|S(?P<s>\d{{1,2}})(?!\w)"
        rf"|(?:['’]s?\s+)?(?P<ord>{ordinal_words})\s+(?:season|series|run)(?!\w))",
        re.IGNORECASE)
    season_before = re.compile(
        rf"(?:(?:season|series)s?\s+(?P<n>{number})(?:\s*(?:,|and|&)\s*(?P<n2>{number}))?\s+of|(?:the|its|a|her|his|their)\s+"
        rf"(?P<ord>{ordinal_words})\s+(?:season|series|run)s?\s+(?:of|for)(?:\s+both)?)\s+['‘\"“]?$",
        re.IGNORECASE)
    return {
        "numbers": numbers, "ordinals": ordinals,
        "studio_possessive": re.compile(rf"(?:{studio_re})['’]s?\s+$", re.IGNORECASE),
        "studios": {fold(s) for s in studios},
        "season_after": season_after, "season_before": season_before,
        "not_start": {fold(w) for w in data["not_title_start"]},
        "inner": set(data["title_inner"]) - set(data["title_joiners"]),
        "work_noun_after": re.compile(
            rf"^\s+(?:{lexicon.alternation(data['work_nouns'])})(?!\w)", re.IGNORECASE),
        "work_noun_before": re.compile(
            rf"(?:{lexicon.alternation(data['work_nouns'])})\s+['‘\"“]?$", re.IGNORECASE),
        "person_before": re.compile(
            rf"(?<!\w)(?:{lexicon.alternation(data['person_before'])})\s+$", re.IGNORECASE),
        "person_after": re.compile(
            rf"^\s*,?\s*(?:{lexicon.alternation(data['person_after'])})(?!\w)", re.IGNORECASE),
        "references": re.compile(
            rf"(?<!\w)(?:{lexicon.alternation(data['references'])})(?!\w)", re.IGNORECASE),
        "number": number,
        # The last word each end-anchored cue can end in: a set test before the regex.
        "work_noun_last": {n.split()[-1].lower() for n in data["work_nouns"]},
        "event_words": {fold(w) for w in lexicon.entry("events", "filming_words")}
                       | {"premiere", "release", "debut", "production", "filming", "shooting"},
        "person_before_last": {p.split()[-1].lower() for p in data["person_before"]},
    }


def number_word(value: int) -> str:
    """The word for a small number ("two" for 2), for matching "season two"."""
    return next((word for word, number in knowledge()["numbers"].items()
                 if number == value and len(word) > 2), str(value))


def season_number(match: re.Match) -> tuple[int | None, tuple[int, ...]]:
    """The season a season phrase names, and all seasons for "seasons one and two"."""
    info = knowledge()
    values = []
    for group in ("n", "n2", "s", "ord"):
        text = match.groupdict().get(group)
        if not text:
            continue
        text = text.lower()
        value = int(text) if text.isdigit() else info["numbers"].get(text, info["ordinals"].get(text))
        if value is not None:
            values.append(value)
    return (values[0] if values else None), tuple(values)


# --- pass 1: candidates and their cues ------------------------------------------------------

CANDIDATE = re.compile(
    # A number joins a title directly ("Bond 25", "Blade Runner 2049"), never across a small
    # word: "Harbor Lights in 2017" is a title and a year.
    rf"{WORD}(?:(?:\s+|\s*:\s+|-)(?:(?:(?:of|the|in|on|a|an|to|for|from|&|vs\.?|de|la)\s+)+"
    rf"[A-Z][\w'’.\-+&]*|{WORD}))*")
CONTRACTION = re.compile(r"['’](?:ve|m|re|ll|d|t)$", re.IGNORECASE)
ROLE_PREFIX = re.compile(r"^(?:(?:[A-Z][\w.]*['’]s|Actor|Actress|Star|Showrunner|Director|Producer|Creator|Writer)\s+)+")
QUOTED = re.compile(r"[\"“‘'*_]([A-Z0-9][^\"”’'*_\n]{1,60}?)[\"”’'*_](?!\w)")
NUMBERED = re.compile(r"[A-Za-z][\w'’.&:-]*\s+(?:\d{1,4}|[IVX]{1,5})$")
TRAILING_WORDS = {"the", "a", "an", "and", "but", "or", "of", "in", "on", "at", "to", "for", "from",
                  "with", "by", "as", "season", "seasons", "series"}
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
SEASON_WORD = re.compile(r"\s*(?::\s*)?(?:season|series|S\d)", re.IGNORECASE)


@dataclass
class Evidence:
    work: float = 0.0
    strong: int = 0          # quoted, or a season or studio cue: rare around common words
    quoted: int = 0
    person: float = 0.0
    occurrences: int = 0
    non_initial: int = 0
    forms: Counter = field(default_factory=Counter)


def trim_candidate(text: str, start: int) -> tuple[str, int] | None:
    """Drop leading function words and studio possessives, and trailing possessives and
    season words; None when nothing title-like is left."""
    info = knowledge()
    words = text.split()
    offset = start
    while words and (fold(words[0]) in info["not_start"] or fold(APOSTROPHE_S.sub("", words[0])) in info["studios"]
                     or fold(words[0]) in info["studios"] or words[0].rstrip(",:").isdigit()
                     or fold(words[0]) in info["numbers"]
                     # "Production on X", "Filming of X": an event word opening the sentence
                     or fold(words[0]) in info["event_words"] and len(words) > 2
                     and fold(words[1]) in ("on", "of", "for")):
        if fold(words[0]) == "the" and len(words) > 1 and fold(words[1]) not in info["not_start"] \
                and fold(words[1]) not in info["studios"]:
            break
        offset += len(words[0]) + 1
        words = words[1:]
    # Season words end a title: "Jessica Jones Season 2" is the work "Jessica Jones".
    for index, word in enumerate(words):
        following = fold(words[index + 1]) if index + 1 < len(words) else ""
        # ("Episode IX", "Part 2" and "Vol. 3" stay: they belong to film titles.)
        if index and fold(word) in ("season", "seasons", "series") \
                and following and (not following[0].isalpha() or following in info["numbers"]
                                   or following in info["ordinals"]) or \
                index and re.fullmatch(r"S\d{1,2}", word):
            words = words[:index]
            break
    while words and (fold(words[-1]) in TRAILING_WORDS or is_calendar_word(words[-1])):
        words = words[:-1]  # "X and", "X of", "X Season", "X in March": no title ends so
    if not words:
        return None
    if any(CONTRACTION.search(word) for word in words):
        return None
    words[-1] = APOSTROPHE_S.sub("", words[-1]).rstrip(".,:;-'’")
    title = " ".join(words).strip()
    if not title or not any(ch.isalpha() for ch in title) or fold(title) in info["studios"]:
        return None
    return title, offset


def candidates_in(text: str, skip_headline: bool) -> list[tuple[int, int, str, bool]]:
    """(start, end, title, quoted) of capitalized or quoted spans in one sentence."""
    found = []
    if not skip_headline:
        for match in CANDIDATE.finditer(text):
            trimmed = trim_candidate(match.group(), match.start())
            if trimmed:
                title, start = trimmed
                found.append((start, start + len(title), title, False))
    for match in QUOTED.finditer(text):
        inner = match.group(1).strip().rstrip(",.")
        if 1 <= len(inner.split()) <= 8 and inner[:1].isupper() and looks_like_title(inner):
            trimmed = trim_candidate(inner, match.start(1))
            if trimmed and trimmed[0] == inner:
                found.append((match.start(1), match.start(1) + len(inner), inner, True))
    return found


@cache
def given_names() -> frozenset[str]:
    return frozenset(lexicon.entry("first_names", "names"))


def starts_with_given_name(title: str) -> bool:
    words = title.split()
    return len(words) in (2, 3) and words[0].lower() in given_names() and all(w[:1].isupper() for w in words)


def looks_like_title(text: str) -> bool:
    """A quoted span that reads as a title, not as quoted speech: no sentence punctuation
    inside, and its longer words capitalized ("Shake It Off", not "I really like it")."""
    if re.search(r"[.!?;]\s|[!?]$|\[", text):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", text) if len(w) > 3]
    return not words or sum(w[0].isupper() for w in words) / len(words) >= 0.6


def is_calendar_word(word: str) -> bool:
    """A month or weekday name ("March", "Fri."): the time after a title, not part of it."""
    folded = fold(word).rstrip(".")
    return folded in time_lexicon().months or folded in time_lexicon().weekdays


def is_date_like(title: str) -> bool:
    """"Nov. 17", "March 2018": a month and a number, not a numbered title."""
    return fold(title.split()[0]).rstrip(".") in time_lexicon().months


def is_title_case_line(text: str) -> bool:
    """Headlines capitalize every word: capitals there say nothing about titles."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.9


def learn_works(documents: list[tuple[str, list[tuple[int, int, str, bool]]]],
                event_words: re.Pattern, excluded: set[str]) -> WorkLexicon:
    """Score every candidate over the corpus and keep those that read as works.

    documents: (body, [(sentence start, sentence end, text, headline)]).
    excluded: folded names known not to be works (outlets, authors).
    """
    evidence: dict[str, Evidence] = defaultdict(Evidence)
    lower_words: Counter = Counter()   # how often each word is written in lower case
    for body, sentences in documents:
        for s_start, s_end, text, headline in sentences:
            lower_words.update(LOWER_WORD.findall(text))
            title_case = is_title_case_line(text)  # a sentence-case headline reads like a sentence
            for start, end, title, quoted in candidates_in(text, title_case):
                if title[:1].isdigit() and not quoted or len(title) <= 3 \
                        or re.fullmatch(r"(?i:the)\s+[\d\s,.-]+", title):
                    continue  # "2016-2017 TV season", "TV", "MCU": numbers and acronyms, not titles
                key = fold_title(title)
                if not key or key in excluded:
                    continue
                item = evidence[key]
                item.occurrences += 1
                item.forms[title] += 1
                lead = text[:start].rstrip().rstrip("\"“‘'*_").rstrip()  # an opening quote is no start
                if lead and not lead.endswith((".", "!", "?")):
                    item.non_initial += 1
                before, after = text[:start], text[end:]
                work_cues, strong = cue_score(before, after, event_words)
                if NUMBERED.search(title) and not is_date_like(title):
                    # "Bond 25", "Fast & Furious 9", "Episode IX": people carry no numbers.
                    work_cues, strong = work_cues + 1.0, strong + 1
                # "Jon Bernthal shooting X": an event word after a given name is a person's.
                if starts_with_given_name(title):
                    work_cues = work_cues if work_cues >= 2 else work_cues / 2
                item.work += 2.0 * quoted + work_cues
                item.strong += quoted + strong
                item.quoted += quoted
                item.person += person_score(before, after)
    lexicon_ = WorkLexicon()
    person_counts: Counter = Counter()
    for key, item in evidence.items():
        form = item.forms.most_common(1)[0][0]
        if item.person >= 1.5 and item.person > item.work:
            name = ROLE_PREFIX.sub("", form)
            if len(name.split()) >= 2 and all(w[:1].isupper() for w in name.split()):
                person_counts[name] += item.occurrences
        # Display the title as outlets write it: "The Punisher" over a bare "Punisher".
        with_the = sum(count for title, count in item.forms.items() if title.lower().startswith("the "))
        if with_the * 4 >= sum(item.forms.values()) and not form.lower().startswith("the "):
            form = next(title for title, _ in item.forms.most_common() if title.lower().startswith("the "))
        if item.work < 1.5 or item.work <= item.person:
            continue
        if len(key.split()) == 1 and (item.non_initial == 0 or key in given_names()):
            continue
        # A single word English also writes in lower case ("House", "Live", "Special") is a
        # title only with strong cues: a season, quotes, a studio's possessive.
        if len(key.split()) == 1 and (lower_words[key] * 2 >= item.occurrences and item.strong < 2
                                      or lower_words[key] >= 3 and item.quoted < 2):
            continue
        if re.fullmatch(r"[\w']+(?:-[a-z]+)+", form):
            continue  # "Oscar-winning", "A-list": adjectives
        if len(key.split()) == 1 and lower_words[key] >= 3:
            lexicon_.marked_only.add(key)  # "House": a title only where it is marked as one
        # Persons and places stand next to event words too ("Pitt films in London"): a title
        # needs one cue only titles get, or event cues enough to outweigh chance.
        if item.strong == 0 and item.work < 3.0:
            continue
        lexicon_.titles[key] = form
    for name, common in spelling_variants(person_counts).items():
        lexicon_.persons[name] = common
        lexicon_.persons.setdefault(name.split()[-1], common)
    build_pattern(lexicon_)
    return lexicon_


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def spelling_variants(counts: Counter) -> dict[str, str]:
    """Each name -> the common spelling of the same name: "Krysten Ritten" -> "Krysten
    Ritter" when the two differ by a letter or two and the second is more frequent.
    Only names sharing their first or last word are compared, so this stays near linear."""
    common: dict[str, str] = {}
    by_word: dict[str, list[str]] = {}
    for name, _ in counts.most_common():
        common[name] = name
        words = name.split()
        for other in by_word.get("F" + words[0], []) + by_word.get("L" + words[-1], []):
            if counts[other] > counts[name] and is_variant(name, other):
                common[name] = common[other]
                break
        by_word.setdefault("F" + words[0], []).append(name)
        by_word.setdefault("L" + words[-1], []).append(name)
    return common


def is_variant(a: str, b: str) -> bool:
    """Two spellings of one name: same length class, a small edit, same first letter."""
    if a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return False
    limit = 1 if len(b) < 8 else 2
    return 0 < edit_distance(a.lower(), b.lower()) <= limit


def cue_score(before: str, after: str, event_words: re.Pattern) -> tuple[float, int]:
    """How much the words around a candidate say "title", and how many of those cues are
    strong ones (a season, a studio's possessive, a work noun, "X star") rather than an
    event word, which persons and places stand next to as well."""
    info = knowledge()
    score = 0.0
    # Every cue stands right next to the title: the end-anchored searches need only the
    # last words before it, and scanning whole sentence prefixes dominated the run time.
    before, after = before[-60:], after[:80]
    last = last_word(before)
    if info["season_after"].match(after) and re.match(r"^(?:['’]s?)?\s*(?::\s*|,\s*)?\S", after):
        score += 2.0
    if last in ("of", "for", "both") and info["season_before"].search(before):
        score += 2.0
    if last.endswith(("'s", "’s", "'", "’")) and info["studio_possessive"].search(before):
        score += 1.5

    if last in info["work_noun_last"] and info["work_noun_before"].search(before[-40:]):
        score += 1.5  # "the HBO series X"
    if info["work_noun_after"].match(after):
        score += 1.5  # "a Punisher series", "the Barbie movie"
    if re.match(r"^\s+(?:star\s+[A-Z]|cast|fans|showrunner|creator|episodes?\b)", after):
        score += 1.5
    strong = int(score >= 1)
    near_after = after[:50]
    near_before = before[-40:]
    if event_words.match(re.sub(r"^\s*,?\s*(?:(?:which|is|are|was|were|will|has|have|had|also|"
                                r"still|currently|now|just|finally|officially|reportedly|be|"
                                r"[a-z’']+\s+to)\s+)*", "", near_after)):
        score += 1.0
    ends_with_event = re.search(r"(\w+(?:\s+(?:of|on|for))?)\s+['‘\"“]?$", near_before)
    if ends_with_event and event_words.search(near_before) and \
            event_words.search(near_before).end() >= ends_with_event.start():
        score += 1.0
    return score, strong


def last_word(text: str) -> str:
    """The last word before a candidate, lower-cased, an opening quote dropped."""
    words = text[-40:].split()
    return words[-1].lower().strip("\"“‘") if words else ""


PLACE_BEFORE = re.compile(r"(?<![\w-])(?:in|at|from|near|across|around|outside|inside|throughout|"
                          r"visiting|visited|toured|moved to|flew to|back to|based in|in downtown)\s+(?:the\s+)?$",
                          re.IGNORECASE)
WORK_IN = re.compile(r"(?:starred|starring|appeared|appears|appearing|role|roles|cameo|cast|"
                     r"stars|star|work|working|return|returns|returning)\s+(?:\w+\s+)?(?:in|on)\s+(?:the\s+)?$",
                     re.IGNORECASE)
PLACE_AFTER = re.compile(r"^(?:,\s+(?:[A-Z][a-z]+|[A-Z]{2})\b(?!\s+(?:said|says))|-based\b|\s+(?:area|residents|"
                         r"native|streets|airport|hotel|restaurant|home|mansion|apartment|club|festival|"
                         r"fashion week|awards?)\b)")


def person_score(before: str, after: str) -> float:
    """How much the words around a candidate say "person" — or "place" ("in London",
    "at the Cannes festival"), which is no title either."""
    info = knowledge()
    score = 0.0
    if PLACE_BEFORE.search(before[-30:]) and not WORK_IN.search(before[-40:]) or PLACE_AFTER.match(after):
        score += 1.0
    if last_word(before) in info["person_before_last"] and info["person_before"].search(before[-30:]):
        score += 1.5
    if info["person_after"].match(after):
        score += 1.5
    if re.match(r"^['’]s\s+(?:wife|husband|character|role|daughter|son|mother|father|girlfriend|boyfriend)", after):
        score += 2
    return score


def build_pattern(works: WorkLexicon) -> None:
    """One regex over every form of every work, longest first, optional "the"/studio prefix."""
    forms = set()
    for key, title in works.titles.items():
        bare = re.sub(r"^the\s+", "", title, flags=re.IGNORECASE)
        forms.add(bare)  # a "The" before it is taken in by find_mentions
        words = bare.split()
        if len(words) >= 2 and words[0][0].isupper():
            works.first_names.setdefault(words[0], key)
    works.pattern = lexicon.PhraseMatcher(forms, ignore_case=False) if forms else None


@cache
def studio_prefix() -> re.Pattern:
    """A studio's possessive right before a title: "Marvel's ", "Netflix's "."""
    return re.compile(rf"(?<![\w])(?:{lexicon.alternation(lexicon.entry('works', 'studios'))})['’]s?\s+$",
                      re.IGNORECASE)


# --- pass 2: mentions --------------------------------------------------------------------------

def find_mentions(text: str, offset: int, works: WorkLexicon) -> list[Mention]:
    """Every named work in a sentence (offset: the sentence's start in the body), with the
    season named right after or before it (kept per sentence: it is asked for twice)."""
    key = (offset, text)
    if key not in works.mentions:
        works.mentions[key] = mentions_in(text, offset, works)
    return works.mentions[key]


def mentions_in(text: str, offset: int, works: WorkLexicon) -> list[Mention]:
    mentions: list[Mention] = []
    if works.pattern is None:
        return mentions
    info = knowledge()
    for match in works.pattern.finditer(text):
        key = fold_title(match.group())
        if key not in works.titles:
            continue
        if key in works.marked_only and not (
                text[max(0, match.start() - 1):match.start()] in ("\"", "“", "'", "‘", "*", "_")
                or info["season_after"].match(text[match.end():])):
            continue
        season, seasons = None, ()
        start, end = match.start(), match.end()
        the = re.search(r"(?<![\w])[Tt]he\s+$", text[max(0, start - 4):start])
        if the:
            start -= len(the.group())
        prefix = studio_prefix().search(text, max(0, start - 30), start)
        if prefix:
            start = prefix.start()
        after = text[match.end():]
        season_match = info["season_after"].match(after)
        if season_match:
            season, seasons = season_number(season_match)
            end = match.end() + season_match.end()
        else:
            # Before "The" and a studio's possessive: "season 2 of Netflix's X".
            window = max(0, start - 60)
            before_match = info["season_before"].search(text[window:start])
            if before_match:
                season, seasons = season_number(before_match)
                start = window + before_match.start()
        # The span covers the season phrase, so "X season 2 and Y" reads as coordinated.
        mentions.append(Mention(offset + start, offset + end, key, season, seasons))
    # "Jessica's second season": a first name standing for an eponymous work.
    for match in re.finditer(r"(?<!\w)([A-Z][a-z]+)['’]s\s+", text):
        key = works.first_names.get(match.group(1))
        season_match = info["season_after"].match(text[match.end():])
        if key and season_match and not any(m.start <= offset + match.start() < m.end for m in mentions):
            season, seasons = season_number(season_match)
            mentions.append(Mention(offset + match.start(1), offset + match.end(1), key, season, seasons))
    return sorted(mentions, key=lambda m: m.start)


@cache
def bare_season_pattern() -> re.Pattern:
    """"season two", "the second season", "its third run": a season with no work named."""
    info = knowledge()
    ordinal_words = "|".join(sorted(map(re.escape, (k for k, v in info["ordinals"].items() if v)),
                                    key=len, reverse=True))
    return re.compile(
        rf"(?<![\w])(?:(?:season|series)\s+(?P<n>{info['number']})(?!\w)|(?:the|its|a|her|his|their)\s+"
        rf"(?P<ord>{ordinal_words})\s+(?:season|run)(?!\w))", re.IGNORECASE)


def bare_seasons(text: str, offset: int) -> list[tuple[int, int, int]]:
    """(start, end, season) of season phrases with no work: "season two", "the second season"."""
    found = []
    for match in bare_season_pattern().finditer(text):
        season, _ = season_number(match)
        if season:
            found.append((offset + match.start(), offset + match.end(), season))
    return found


@cache
@cache
def kind_nouns() -> str:
    """The one-word nouns for a kind of work ("drama", "pic", "sequel"; not "season" or
    "project"), as a regex alternation."""
    nouns = [n for n in lexicon.entry("works", "work_nouns") if " " not in n
             and n not in ("season", "episodes", "project", "title", "feature", "chapter")]
    return lexicon.alternation(nouns)


@cache
def described_reference() -> re.Pattern:
    """"the four-hero team-up", "the crime drama": "the", one describing word, a work noun."""
    return re.compile(rf"(?<!\w)(?:the|this|that)\s+[\w-]+\s+(?:{kind_nouns()})(?![\w-])",
                      re.IGNORECASE)


def short_references(text: str, offset: int) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of "the series", "the show", "its second season", "the
    four-hero team-up"..."""
    found = [(offset + m.start(), offset + m.end(), m.group().lower())
             for m in knowledge()["references"].finditer(text)]
    for m in described_reference().finditer(text):
        if not any(start <= offset + m.start() < end or offset + m.start() <= start < offset + m.end()
                   for start, end, _ in found):
            found.append((offset + m.start(), offset + m.end(), m.group().lower()))
    return sorted(found)
