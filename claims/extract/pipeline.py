"""From articles to dated claims: the extraction steps run in order over a whole corpus.

Works are learned from the whole corpus first (a title one outlet italicizes helps read
another outlet's headline); then each article is read sentence by sentence: event
triggers, the works they are about, the time, tense, modality, negation and speaker.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from claims.extract import boilerplate, events, grammar, speakers, works
from claims.extract.sentences import Sentence, quotation_spans, split_sentences
from claims.extract.temporal import Timex, find_timexes, renormalize
from claims.intervals import resolve_interval
from claims.models import Article, Claim, Evidence, EventRef, Published, Subject, TimeValue

CALENDAR_TYPES = {"DATE", "TIME"}
# Filming under way and starts/ends reported as done take the publication date as their time.
PRESENT_FILMING = re.compile(r"\b(?:currently|now|right now|still|already|is|are|'s|’s)\b", re.IGNORECASE)
CURRENTLY = re.compile(r"\b(?:currently|now|right now|at the moment|at present|presently)\s+(?:\w+\s+)?$",
                       re.IGNORECASE)
COORDINATION = re.compile(r"^\s*(?:seasons?\s+)?(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+as\s+well\s+as\s+|\s+or\s+)$",
                          re.IGNORECASE)
# "premieres in 2017, along with X": X shares the event and its time.
ALONG_WITH = re.compile(r"(?:,\s*)?\b(?:along\s+with|alongside|together\s+with|as\s+well\s+as)\s+$",
                        re.IGNORECASE)
PERSON_PRONOUN = re.compile(r"\b(?:he|she|I|we|you|they)\s+(?:\w+\s+){0,3}$|\b(?:his|her|their|my)\s+$",
                            re.IGNORECASE)
RELATIVE_PRONOUN = re.compile(r"^\s*,?\s*(?:which|who)\b", re.IGNORECASE)
DONE = re.compile(r"\b(?:has|have|hasn't|haven't)\s+(?:(?:already|now|finally|officially|just|"
                  r"been)\s+)*\w+(?:ed|un|en|t)\b|\balready\s+\w+(?:ed|un|en|t)\b", re.IGNORECASE)
NOW_ING = re.compile(r"\bnow\s+\w+ing\b", re.IGNORECASE)
IRREALIS = re.compile(r"\b(?:if|whether)\b", re.IGNORECASE)
PRONOUN_SUBJECT = re.compile(r"(?<![\w'’])(?:it|they|both|the two|both shows|both series)(?!\w)", re.IGNORECASE)


@dataclass
class ArticleContext:
    """What one article knows while its sentences are read."""

    article: Article
    lexicon: works.WorkLexicon
    sentences: list[Sentence]
    timexes: list[Timex]
    quotes: list[tuple[int, int]]
    focus: str | None = None
    focus_season: int | None = None
    recent: list[tuple[str, int | None]] = field(default_factory=list)
    last_event: str | None = None
    seasoned: set[str] = field(default_factory=set)   # works named with a season number
    last_subject: tuple[str, int | None] | None = None  # the work the last claim was about

    def lexicon_key(self, title: str) -> str:
        return works.fold_title(title)

    @property
    def published(self) -> Published | None:
        return self.article.published


def outlet_names(articles: list[Article]) -> set[str]:
    """Outlets and authors of the corpus: names that are never works."""
    names = set()
    for article in articles:
        for name in (article.outlet, article.author):
            if name:
                names.add(works.fold_title(name))
    return names


def learn(articles: list[Article], texts: dict[str, list[Sentence]]) -> works.WorkLexicon:
    pattern, _ = events.trigger_table()
    documents = [(article.body, [(s.start, s.end, s.text, s.headline) for s in texts[article.id]])
                 for article in articles]
    return works.learn_works(documents, pattern, outlet_names(articles))


def extract_claims(articles: list[Article]) -> list[Claim]:
    """Every claim of every article, ids c1, c2, ... in article order."""
    texts = {a.id: split_sentences(a.body, boilerplate.skipped_lines(a)) for a in articles}
    lexicon_ = learn(articles, texts)
    claims: list[Claim] = []
    for article in articles:
        for claim in extract_article(article, lexicon_, texts[article.id]):
            claims.append(claim.model_copy(update={"id": f"c{len(claims) + 1}"}))
    return claims


def extract_article(article: Article, lexicon_: works.WorkLexicon,
                    sentences: list[Sentence]) -> list[Claim]:
    context = ArticleContext(article, lexicon_, sentences,
                             find_timexes(article.body, article.published), quotation_spans(article.body))
    context.focus, context.focus_season = focus_of(context)
    claims: dict[tuple, Claim] = {}
    for sentence in sentences:
        for claim in sentence_claims(context, sentence):
            # One claim per work, event and clause: two triggers for one statement ("was
            # confirmed to get a second season") keep the reading that has a time.
            key = (claim.subject, claim.event, claim.relation, claim.object,
                   claim.evidence.start, claim.evidence.end)
            if key not in claims:
                claims[key] = claim
            elif claims[key].time is None and claim.time is not None:
                # Keep the time, and the finite verb's tense: "was confirmed to get".
                earlier = claims[key].tense
                claims[key] = claim.model_copy(update={"tense": earlier}) if claim.tense == "none" else claim
    return list(claims.values())


def focus_of(context: ArticleContext) -> tuple[str | None, int | None]:
    """The work (and season) an article is about: its headline's, else its most named."""
    counts: dict[str, float] = {}
    seasons: dict[str, dict[int, float]] = {}
    in_body: set[tuple[str, int]] = set()   # (work, season) named outside the headline
    title = context.article.title or ""
    texts = [(title, -1, 3.0)] + [(s.text, s.start, 3.0 if s.headline else 1.0 if i < 4 else 0.5)
                                   for i, s in enumerate(context.sentences)]
    for index, (text, offset, weight) in enumerate(texts):
        for mention in works.find_mentions(text, offset, context.lexicon):
            if index and not context.sentences[index - 1].headline and mention.season:
                in_body.add((mention.work, mention.season))
            counts[mention.work] = counts.get(mention.work, 0) + weight
            if mention.season:
                seasons.setdefault(mention.work, {})
                seasons[mention.work][mention.season] = seasons[mention.work].get(mention.season, 0) + weight
    if not counts:
        return None, None
    focus = max(counts, key=counts.get)
    named = seasons.get(focus, {})
    season = max(named, key=named.get) if named and max(named.values()) >= 3.0 else None
    if season is not None and (focus, season) not in in_body and not any(
            re.search(r"\b(?:season|series)\s+(?:%d|%s)\b" % (season, works.number_word(season)),
                      s.text, re.IGNORECASE) for s in context.sentences if not s.headline):
        season = None  # a season only the headline names ("Game For Season 2") is a topic, not the subject
    return focus, season


# --- one sentence -------------------------------------------------------------------

@dataclass
class Subj:
    work: str
    season: int | None
    start: int
    end: int
    explicit: bool


def subjects_in(context: ArticleContext, sentence: Sentence) -> list[Subj]:
    """Works named or referred to in a sentence, in order."""
    found: list[Subj] = []
    for mention in works.find_mentions(sentence.text, sentence.start, context.lexicon):
        seasons = mention.seasons or (mention.season,)
        if len(seasons) == 2 and mention.seasons and re.search(
                r"(?:through|to|-)", context.article.body[mention.start:mention.end + 30]):
            seasons = tuple(range(seasons[0], seasons[1] + 1))
        for season in seasons:
            found.append(Subj(mention.work, season, mention.start, mention.end, True))
    taken = [(s.start, s.end) for s in found]  # mention spans include their season phrase
    for start, end, season in works.bare_seasons(sentence.text, sentence.start):
        if any(a <= start < b for a, b in taken) or any(s.start > start and s.start - end < 6 for s in found):
            continue
        # "X is filming its first season": the work just named in the sentence; else the
        # last work named with seasons, else the article's.
        earlier = [s for s in found if s.explicit and s.end <= start]
        if earlier and body_has_possessive(sentence, start):
            work = earlier[-1].work
        else:
            work = next((w for w, s in reversed(context.recent) if w in context.seasoned), context.focus)
        if work:
            found.append(Subj(work, season, start, end, False))
    for start, end, phrase in works.short_references(sentence.text, sentence.start):
        if any(s.start <= start < s.end + 25 for s in found):
            continue
        if any(s.explicit and 0 <= s.start - end <= 3 for s in found):
            continue  # "the drama Copper Valley": the name that follows says which work
        # "that series", "this show" point back to the last work named; "the series" is
        # the one the article is about.
        if phrase.split()[0] in ("that", "this", "its") and context.recent:
            work = context.recent[-1][0]
        else:
            work = context.focus or (context.recent[-1][0] if context.recent else None)
        if work:
            found.append(Subj(work, None, start, end, False))
    return sorted(found, key=lambda s: s.start)


def body_has_possessive(sentence: Sentence, start: int) -> bool:
    """A season phrase that opens with "its"/"their" ("its first season")."""
    return sentence.text[start - sentence.start:start - sentence.start + 6].lower().startswith(("its ", "their "))


def sentence_claims(context: ArticleContext, sentence: Sentence) -> list[Claim]:
    body = context.article.body
    triggers = events.find_triggers(sentence.text, sentence.start)
    subjects = subjects_in(context, sentence)
    claims: list[Claim] = []
    markers = events.find_markers(sentence.text, sentence.start)
    ordered = order_claims(context, sentence, triggers, subjects, markers)
    claims += ordered
    ordered_spans = {(c.evidence.start, c.subject.work) for c in ordered}
    for trigger in triggers:
        clause = sentence.clause_at(trigger.start)
        clause_text = body[clause[0]:clause[1]]
        if clause_text.rstrip(" \"”’')").endswith("?") and not re.search(
                r"\bthat\b", body[clause[0]:trigger.start]):
            continue  # a question asks; it claims nothing (but "now that you know X is filming?")
        targets = subjects_for(context, sentence, trigger, subjects, clause)
        if not targets:
            continue
        time, time_text = time_for(context, sentence, trigger, clause, triggers)
        if trigger.needs_time and time is None:
            continue
        span = time_range(context, time) if trigger.event == "filming" else None
        if span:
            # "shoots from June 2017 to March 2018": a start and an end.
            first, last = span
            for event, timex in (("filming_start", first), ("filming_end", last)):
                part = dataclasses.replace(trigger, event=event)
                for subj in subjects_for(context, sentence, trigger, subjects, clause):
                    claims.append(make_claim(context, sentence, part, subj, clause, timex, None))
            continue
        season_after = season_after_trigger(context, trigger, clause)
        targets = targets + [s for s in subjects if clause[0] <= s.start < clause[1]
                             and s.start > trigger.end and ALONG_WITH.search(body[:s.start][-25:])
                             and s not in targets
                             and not any(trigger.end <= t.start < s.start for t in triggers)]
        for subj in targets:
            # "renewed X for a second season"; "X's first season ... earned a second".
            if season_after and (subj.season is None or trigger.event == "renewal"):
                subj = Subj(subj.work, season_after, subj.start, subj.end, subj.explicit)
            claim = make_claim(context, sentence, trigger, subj, clause, time, time_text)
            if claim is None or trigger.needs_season and (claim.subject.season or 1) < 2:
                continue
            # A noun with no time ("a release date is still a mystery"), or "it" with no time
            # ("how it will all come out"), states nothing dated.
            is_noun = trigger.form == "noun" and trigger.verb_form is None
            if claim.time is None and (is_noun or not subj.explicit and subj.start == trigger.start):
                continue
            if claim.time is None and ordered and any(
                    clause[0] <= m.start < subj.start and not m.symmetric
                    and m.text.lower() not in ("then", "followed by", "closely followed by")
                    for m in markers):
                continue  # "until X has come out": X's event is the order claim's object
            if claim.time is None and IRREALIS.search(
                    body[subj.end if subj.end <= trigger.start else clause[0]:trigger.start]):
                continue
            # An order marker after the trigger (or a symmetric one) and no time: the order
            # claim says it all ("To Shoot Right After X", "will film back-to-back").
            if claim.time is None and ordered and any(
                    clause[0] <= m.start < clause[1] and (m.symmetric or m.start > trigger.start)
                    for m in markers):
                continue
            claims.append(claim)
    claims += continuation_claims(context, sentence, claims, triggers)
    remember(context, subjects, triggers)
    for claim in claims:
        if claim.relation is None:
            context.last_subject = (context.lexicon_key(claim.subject.work), claim.subject.season)
    return claims


def remember(context: ArticleContext, subjects: list[Subj], triggers: list[events.Trigger]) -> None:
    for subj in subjects:
        if subj.explicit or subj.season is None:
            context.recent.append((subj.work, subj.season))
            if subj.season:
                context.seasoned.add(subj.work)
    del context.recent[:-6]
    scheduled = [t.event for t in triggers if t.event in ("release", "filming", "filming_start")]
    if scheduled:
        context.last_event = "filming" if scheduled[-1] == "filming_start" else scheduled[-1]


GOVERNED = re.compile(
    r"\s*(?:(?:of|on|for|to|with|from)\s+)?(?:(?:the|a|an|its|his|her|their|both)\s+)?"
    r"(?:(?:new|upcoming|next|whole|entire|first|second|third|final)\s+)?"
    # "the drama X", "the HBO series X": a describing noun before the name
    r"(?:(?:[A-Z]{2,}\+?|[\w-]+)\s+(?:series|show|drama|comedy|film|movie|sequel|miniseries|"
    r"spinoff|spin-off|thriller|franchise|adaptation|reboot|revival)\s+|"
    r"(?:series|show|drama|comedy|film|movie|sequel|miniseries)\s+)?['‘\"“]?\s*", re.IGNORECASE)
# A clause that continues the last one's subject: "X, which is currently filming",
# "X ... and will hit the schedule in September" (auxiliaries only up to the trigger).
RELATIVE_START = re.compile(
    r"^\s*,?\s*(?:which|that|and|but|who)\s+(?:(?:also|still|currently|now|then|is|are|was|were|"
    r"has|have|had|will|['’]ll|would|could|be|been|being|set|to|slated|expected|due|going|supposed|"
    r"reportedly|likely|probably|just|finally|already|not|n['’]t|first|officially|only)\s+)*$",
    re.IGNORECASE)
DIRECT_SUBJECT_GAP = re.compile(r"^[^.;:!?()\[\]]{0,60}$")


CONTINUATION = re.compile(r"^\s*,?\s*(?:but|or|and)?\s*(?:probably|possibly|likely|perhaps|maybe|"
                          r"more likely|most likely)\b", re.IGNORECASE)


def continuation_claims(context: ArticleContext, sentence: Sentence, claims: list[Claim],
                        triggers: list[events.Trigger]) -> list[Claim]:
    """"X would likely premiere in 2017, but probably toward the very end of the year": a
    clause with only a hedge and a time narrows the claim before it."""
    body = context.article.body
    extra = []
    for start, end in sentence.clauses[1:]:
        if not CONTINUATION.match(body[start:end]) or any(start <= t.start < end for t in triggers):
            continue
        times = [t for t in context.timexes if start <= t.start < end and t.type in CALENDAR_TYPES]
        earlier = [c for c in claims if c.relation is None and c.evidence.end <= start and c.time]
        if not times or not earlier:
            continue
        last = earlier[-1]
        time = TimeValue(value=times[0].value, mod=times[0].mod)
        extra.append(last.model_copy(update={
            "time": time, "time_text": times[0].text,
            "modality": grammar.modality("", body[start:end]),
            "interval": resolve_interval(time.value, time.mod, context.published),
            "evidence": Evidence(start=last.evidence.start, end=end, text=body[last.evidence.start:end])}))
    return extra


def subjects_for(context: ArticleContext, sentence: Sentence, trigger: events.Trigger,
                 subjects: list[Subj], clause: tuple[int, int]) -> list[Subj]:
    """The works a trigger is about: the work it governs ("filming on X", "the release of
    X", "shooting X"), else the subject before it in its clause (with the works coordinated
    with it), else the subject of the clause it continues ("X, which is filming"), else the
    work "it"/"they" stands for."""
    body = context.article.body
    in_clause = [s for s in subjects if clause[0] <= s.start < clause[1]]
    before = [s for s in in_clause if s.end <= trigger.start]
    after = [s for s in in_clause if s.start >= trigger.end]
    direct = before and DIRECT_SUBJECT_GAP.match(body[before[-1].end:trigger.start])
    # A renewal "for a second season" governs a season, not a work.
    governed = [s for s in after if s.explicit or trigger.event != "renewal"]
    if governed and governed[0] is after[0] and GOVERNED.fullmatch(
            without_times(context, trigger.end, after[0].start)) and not (
            direct and trigger.form != "noun" and trigger.event == "release"):
        return group_with(after[0], after, body)
    if before and trigger.form == "noun" and re.search(r"\b(?:its|their)\s+(?:\w+\s+)?$",
                                                      body[before[-1].end:trigger.start]):
        return [before[-1]]  # "X posted its best score with its debut late last year"
    # A work named in a parenthesis closed before the verb is an aside, not the subject:
    # "the team-up (Luke Cage is along for the ride) will film in 2016".
    while before and body[before[-1].end:trigger.start].count(")") > body[before[-1].end:trigger.start].count("("):
        before = before[:-1]
        direct = before and DIRECT_SUBJECT_GAP.match(body[before[-1].end:trigger.start].split(")")[-1])
    if before and (direct or trigger.form != "noun"):
        head = appositive_head(before, body, trigger)
        return [head] if head else group_back(before[-1], before, body)
    inside = [s for s in in_clause if trigger.start <= s.start < trigger.end]
    if inside:
        return group_with(inside[0], inside, body)
    text_before = body[clause[0]:trigger.start]
    if not before and (RELATIVE_START.match(text_before) or RELATIVE_PRONOUN.match(text_before)):
        previous = [s for s in subjects if s.end <= clause[0]]
        if previous and clause[0] - previous[-1].end < 80:
            return group_back(previous[-1], previous, body)
    if not before and PRONOUN_SUBJECT.search(text_before[-40:]) and context.recent:
        # "it" is the work the passage is about: the last claim's subject, else the last named.
        work, season = context.last_subject or context.recent[-1]
        if sentence.headline is False:
            return [Subj(work, season, trigger.start, trigger.start, False)]
    # "Principal photography will start in June", "filming has finished": production news
    # with no subject is about the work the article is about.
    # "X Season 2: Filming Now Set For 2017": a headline's topic before its colon.
    topic = [s for s in subjects if s.end <= clause[0] and ":" in body[s.end:clause[0]]
             and sentence.start <= s.start]
    if not in_clause and topic:
        return [topic[-1]]
    if not in_clause and trigger.event.startswith("filming") and trigger.form in ("noun", "ing") \
            and context.focus and not any(sentence.start <= s.start < trigger.start for s in subjects) \
            and not is_person_subject(context, text_before[-30:]):
        return [Subj(context.focus, context.focus_season, trigger.start, trigger.start, False)]
    return []


def is_person_subject(context: ArticleContext, text: str) -> bool:
    """A person (a pronoun or a known name) is the subject right before the verb."""
    return bool(PERSON_PRONOUN.search(text)) or any(name in text for name in context.lexicon.persons
                                                    if " " in name)


def appositive_head(before: list[Subj], body: str, trigger: events.Trigger) -> Subj | None:
    """"X, Marvel's fourth series after A, B and C, has debuted": the subject is X, not C."""
    if not re.match(r"^\s*,", body[before[-1].end:trigger.start]):
        return None
    first = before[0]
    if first is not before[-1] and re.match(r"^\s*,", body[first.end:first.end + 3]):
        return first
    return None


def without_times(context: ArticleContext, start: int, end: int) -> str:
    """Text between two offsets with its time expressions and commas left out:
    "started today, April 3rd, on X" reads "started on X"."""
    pieces, cursor = [], start
    for timex in context.timexes:
        if start <= timex.start and timex.end <= end:
            pieces.append(context.article.body[cursor:timex.start])
            cursor = timex.end
    pieces.append(context.article.body[cursor:end])
    # ... and places: "cameras start rolling in New York City on season 3 of X".
    text = re.sub(r"\b(?:in|at)\s+(?:[A-Z][\w'’.-]*\s*)+", " ", "".join(pieces))
    return re.sub(r"\s*,\s*", " ", text)


def group_back(last: Subj, before: list[Subj], body: str) -> list[Subj]:
    """The subject and the works coordinated before it: "X and Y season two are set to"."""
    group = [last]
    for subj in reversed(before[:-1]):
        if COORDINATION.match(body[subj.end:group[0].start]) or subj.start == group[0].start:
            group.insert(0, subj)
        else:
            break
    return group


def group_with(first: Subj, after: list[Subj], body: str) -> list[Subj]:
    group = [first]
    for subj in after[1:]:
        if COORDINATION.match(body[group[-1].end:subj.start]) or subj.start == group[-1].start:
            group.append(subj)
        else:
            break
    return group


def time_for(context: ArticleContext, sentence: Sentence, trigger: events.Trigger,
             clause: tuple[int, int], triggers: list[events.Trigger]) -> tuple[Timex | None, str | None]:
    """The time expression a trigger's claim states: in its clause, the nearest after the
    trigger (before the next trigger), else the nearest before it."""
    candidates = [t for t in context.timexes if t.type in CALENDAR_TYPES or t.value.endswith("_REF")]
    in_clause = [t for t in candidates if clause[0] <= t.start and t.end <= clause[1]]
    next_trigger = min((t.start for t in triggers if t.start > trigger.end), default=sentence.end)
    body = context.article.body
    if trigger.form == "noun":
        # "a September 30th debut", "an early 2018 slot": the time right before the noun.
        adjacent = [t for t in in_clause if t.end <= trigger.start and
                    re.fullmatch(r"[\s-]*(?:[\w+'’]+\s+){0,2}", body[t.end:trigger.start])]
        if adjacent:
            return adjacent[-1], None
    after = [t for t in in_clause if t.start >= trigger.end and t.start < next_trigger]
    if after:
        return most_specific(after), None
    # A time before the trigger ("In September, X premieres") only when the clause has no
    # other event it could belong to.
    others = [t for t in triggers if t is not trigger and clause[0] <= t.start < clause[1]]
    # (Not a year that names something: "at the 2016 TCA Winter Tour".)
    before = [t for t in in_clause if t.end <= trigger.start and not t.value.endswith("_REF")
              and not re.match(r"\s+[A-Z]", body[t.end:t.end + 2])]
    if before and not others:
        return before[-1], None
    return None, None


RANGE_LINK = re.compile(r"^\s*(?:to|until|till|through|thru|-|–|and)\s*$", re.IGNORECASE)


def time_range(context: ArticleContext, first: Timex | None) -> tuple[Timex, Timex] | None:
    """The two ends of "from X to Y", when the time found is X."""
    if first is None or not re.search(r"\bfrom\s+$", context.article.body[max(0, first.start - 8):first.start],
                                      re.IGNORECASE):
        return None
    for timex in context.timexes:
        if timex.start > first.end and RANGE_LINK.match(context.article.body[first.end:timex.start]):
            return first, timex
    return None


def most_specific(timexes: list[Timex]) -> Timex:
    """The first of the most precise times: "later this year on September 30th" is the 30th."""
    def precision(t: Timex) -> int:
        # A date the text dates fully beats one whose year was guessed ("Friday, Nov. 17, 2017").
        return (len(t.value) if t.value[:1].isdigit() else 0) * 2 + (not t.year_inferred)
    best = max(precision(t) for t in timexes)
    return next(t for t in timexes if precision(t) == best)


def make_claim(context: ArticleContext, sentence: Sentence, trigger: events.Trigger, subj: Subj,
               clause: tuple[int, int], timex: Timex | None, _: str | None) -> Claim | None:
    body = context.article.body
    subject_start = min(subj.start, trigger.start) if subj.start < trigger.start else clause[0]
    # The verb group of an earlier event in the clause is not this one's.
    previous = [t.end for t in events.find_triggers(sentence.text, sentence.start)
                if subject_start <= t.start and t.end <= trigger.start and t.start >= clause[0]]
    if previous:
        subject_start = max(previous)
    before = body[max(clause[0], subject_start):trigger.start]
    if subj.start >= trigger.end:
        before = body[clause[0]:trigger.start]
    lead = body[clause[0]:max(clause[0], subject_start)]
    if trigger.verb_start is not None and trigger.verb_start > trigger.start:
        # "Shooting on X got under way": the aspect verb carries the tense.
        tense = grammar.clause_tense(body[max(clause[0], subject_start):trigger.verb_start],
                                     trigger.verb_text, trigger.verb_form, lead)
    elif trigger.verb_start is not None:
        tense = grammar.clause_tense(body[max(clause[0], subject_start):trigger.verb_start],
                                     trigger.verb_text, trigger.verb_form, lead)
    else:
        tense = grammar.clause_tense(before, trigger.text, trigger.form, lead)
    if sentence.headline and tense == "none" and trigger.form == "s":
        tense = "present"
    time = time_value(context, trigger, timex, tense, before)
    season = season_for(context, subj, trigger, tense)
    interval = resolve_interval(time.value, time.mod, context.published) if time else None
    if season == context.focus_season and subj.season is None and trigger.event == "release" and \
            interval and interval.latest and context.published and interval.latest < context.published.earliest:
        season = None  # a launch dated before the article is the series', not the new season's
    quote = next((q for q in context.quotes if q[0] <= trigger.start < q[1]), None)
    speaker = speaker_for(context, sentence, trigger, quote)
    sentence_before = body[sentence.start:clause[0]]
    window_end = next_trigger_start(context, sentence, trigger, clause)
    # Hedges count from just before the subject: "Probably the most important thing she said is
    # that X will film" hedges the ranking, not the filming.
    modality_start = max(clause[0], subj.start - 25) if subj.start < trigger.start else clause[0]
    evidence_start, evidence_end = clause
    if evidence_end - evidence_start < 12:
        evidence_start, evidence_end = sentence.start, sentence.end
    evidence_text = body[evidence_start:evidence_end]
    return Claim(
        id="c0", article=context.article.id,
        subject=Subject(work=context.lexicon.display(subj.work), season=season),
        event=trigger.event, time=time,
        tense=tense,
        modality=grammar.modality(sentence_before, body[modality_start:window_end]),
        negated=grammar.is_negated(before, body[trigger.end:clause[1]]),
        speaker=speaker,
        evidence=Evidence(start=evidence_start, end=evidence_end, text=evidence_text),
        time_text=timex.text if timex else None,
        interval=interval,
        confidence=0.8 if subj.explicit else 0.5,
    )


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
SEASON_TARGET = re.compile(
    r"^\s*(?:for\s+|into\s+|on\s+|to\s+)?(?:(?:a|an|its|their|the)\s+)?", re.IGNORECASE)


def season_after_trigger(context: ArticleContext, trigger: events.Trigger,
                         clause: tuple[int, int]) -> int | None:
    """A season named right after the trigger: "renewed for a second season", "Starts
    Shooting Season 2", "premiere their second seasons"."""
    body = context.article.body
    if trigger.event == "renewal":
        named = re.search(r"\b(second|third|fourth|fifth|sixth)\b", trigger.text, re.IGNORECASE)
        if named:
            return ORDINALS[named.group(1).lower()]
        if re.search(r"\banother\b", trigger.text + body[trigger.end:trigger.end + 20], re.IGNORECASE):
            return None if context.focus_season else 2  # "another season" of a one-season show
    tail = body[trigger.end:clause[1]]
    lead = SEASON_TARGET.match(tail)
    rest = tail[lead.end():] if lead else tail
    for start, _, season in works.bare_seasons(rest[:40], 0):
        if start == 0 or rest[:start].strip().lower() in ("second", "new", "own"):
            return season
    match = re.match(r"(first|second|third|fourth|fifth|sixth)\s+(?:seasons?|runs?|series|installments?)\b",
                     rest, re.IGNORECASE)
    if match:
        return ORDINALS[match.group(1).lower()]
    if trigger.event == "renewal":
        # "renewed X for a second season", "Renews X For Season 2"
        target = re.search(r"\bfor\s+(?:a\s+|its\s+)?(?:(second|third|fourth|fifth|sixth)\s+season|"
                           r"season\s+(\d+|two|three|four|five))\b", tail, re.IGNORECASE)
        if target:
            word = (target.group(1) or target.group(2)).lower()
            return int(word) if word.isdigit() else ORDINALS.get(word) or NUMBERS.get(word)
    return None


def next_trigger_start(context: ArticleContext, sentence: Sentence, trigger: events.Trigger,
                       clause: tuple[int, int]) -> int:
    """Where the next trigger of the clause starts: cues past it belong to that claim."""
    following = [t.start for t in events.find_triggers(sentence.text, sentence.start)
                 if t.start >= trigger.end and t.start < clause[1]]
    return min(following, default=clause[1])


def season_for(context: ArticleContext, subj: Subj, trigger: events.Trigger, tense: str) -> int | None:
    """The season named, else the article's season for its focus work (a series' launch,
    told in the past, stays the series')."""
    if subj.season is not None:
        return subj.season
    if subj.work == context.focus and context.focus_season:
        if trigger.event == "release" and tense == "past":
            return None
        if trigger.event == "renewal":
            return context.focus_season
        return context.focus_season
    return None


def time_value(context: ArticleContext, trigger: events.Trigger, timex: Timex | None,
               tense: str, before: str) -> TimeValue | None:
    published = context.published
    if published and trigger.event == "filming" and CURRENTLY.search(before):
        return TimeValue(value=published.value, mod=None)
    if timex is not None:
        value, mod = timex.value, timex.mod
        if timex.year_inferred and published:
            # A year-less date takes the year that makes the tense true; without a finite
            # verb, scheduling news points ahead.
            direction = "past" if tense == "past" else "future"
            redated = renormalize(timex, published, direction)
            value, mod = redated.value, redated.mod
        if mod == "ON_OR_BEFORE" and grammar.NEGATION.search(before) and re.search(
                r"\buntil\s+$", context.article.body[max(0, timex.start - 8):timex.start], re.IGNORECASE):
            mod = None  # "won't start shooting until 2017": it starts in 2017
        if value == "PRESENT_REF" and published and trigger.event.startswith("filming"):
            return TimeValue(value=published.value, mod=None)
        return TimeValue(value=value, mod=mod)
    if published is None:
        return None
    if trigger.event == "filming" and tense in ("present", "none") and (
            CURRENTLY.search(before) or trigger.form in ("be", "ing") and tense == "present"):
        return TimeValue(value=published.value, mod=None)
    if trigger.event == "filming" and tense == "present":
        return TimeValue(value=published.value, mod=None)
    # Done by the time of writing: "has begun", "already wrapped", "Netflix Renews X",
    # "season 2 kicks off", "now kicking off".
    verb_text = " ".join(filter(None, [before[-40:], trigger.text, trigger.verb_text or ""]))
    if trigger.event in ("filming_start", "filming_end", "renewal", "cancellation", "release") and (
            DONE.search(verb_text)
            or tense == "present" and trigger.event != "release"
            and ((trigger.verb_form or trigger.form) in ("s", "verb") or NOW_ING.search(verb_text))):
        return TimeValue(value=published.value, mod="ON_OR_BEFORE")
    if trigger.event == "release" and tense == "present" and "available" in trigger.text.lower():
        return TimeValue(value=published.value, mod="ON_OR_BEFORE")
    return None


def speaker_for(context: ArticleContext, sentence: Sentence, trigger: events.Trigger,
                quote: tuple[int, int] | None) -> str | None:
    body = context.article.body
    persons = context.lexicon.persons
    if quote is not None and quote[1] - quote[0] > 20:
        return speakers.quote_speaker(body, quote, persons)
    return speakers.reported_speaker(body[sentence.start:trigger.start], body[:trigger.start], persons)


# --- order claims ---------------------------------------------------------------------

def order_claims(context: ArticleContext, sentence: Sentence, triggers: list[events.Trigger],
                 subjects: list[Subj], markers: list[events.Marker]) -> list[Claim]:
    """Claims that place two works' events relative to each other."""
    claims = []
    body = context.article.body
    objects_so_far: list[tuple[int, list[Subj]]] = []
    for marker in markers:
        if any(t.start <= marker.start and marker.end <= t.end for t in triggers):
            continue  # "go before cameras" is an event, not an order
        pairs = list(order_pairs(context, sentence, triggers, subjects, marker, objects_so_far))
        if pairs and not marker.symmetric:
            objects_so_far.append((marker.start, list({id(p[0]): p[0] for p in pairs}.values())))
        for subject, other, event, object_event in pairs:
            if (subject.work, subject.season) == (other.work, other.season):
                continue
            if event not in ORDERED_EVENTS or object_event not in ORDERED_EVENTS:
                continue  # renewals and cancellations are not scheduled against each other
            claims.append(order_claim(context, sentence, triggers, marker, subject, other,
                                      event, object_event))
    return claims


WORK_NOUN_BEFORE = re.compile(r"\b(?:series|show|film|movie|season|installment|entry)\s+"
                              r"(?:\w+\s+)?$", re.IGNORECASE)
ORDERED_EVENTS = {"release", "filming", "filming_start", "filming_end"}


def order_pairs(context: ArticleContext, sentence: Sentence, triggers: list[events.Trigger],
                subjects: list[Subj], marker: events.Marker,
                earlier: list[tuple[int, list[Subj]]] = ()):
    """(subject, object, subject event, object event) for each pair a marker orders."""
    body = context.article.body
    clause = sentence.clause_at(marker.start)
    left = [s for s in subjects if s.end <= marker.start and s.start >= sentence.start]
    right = [s for s in subjects if s.start >= marker.end]
    left_triggers = [t for t in triggers if t.end <= marker.start]
    right_triggers = [t for t in triggers if t.start >= marker.end]
    near_event = event_near(triggers, marker.start, sentence)
    word = marker.text.lower()
    if marker.symmetric:
        if word == "while":
            # "X was rushed into production while Y was debuting": both sides have events,
            # the second in the progressive (a contrastive "while" is no timing).
            if not (left and right and left_triggers and right_triggers):
                return
            if not re.search(r"\b(?:was|were|is|are)\s+\w+ing\b", body[marker.end:right_triggers[0].end]):
                return
            yield left[-1], right[0], left_triggers[-1].event, right_triggers[0].event
            return
        group = group_back(left[-1], left, body) if left else []
        if len(group) >= 2 and marker.relation != "overlap" or len(group) >= 2 and not right:
            event = near_event or context_event(context)
            if event:
                yield group[0], group[-1], event, event
            return
        if left and right and right[0].start - marker.end < 60:
            event = (left_triggers[-1].event if left_triggers else near_event)
            object_event = next((t.event for t in right_triggers if t.start > right[0].end
                                 and t.start - right[0].end < 30), event)
            if event:
                yield left[-1], right[0], event, object_event
            return
        if not left and len(right) >= 2 and len(group_with(right[0], right, body)) >= 2:
            # "They'll be back-to-back," Ritter said about X and Y.
            pair = group_with(right[0], right, body)
            event = near_event or context_event(context)
            if event:
                yield pair[0], pair[-1], event, event
            return
        if not left and not right:
            # "They'll be back-to-back.": the two works the passage is about.
            (w1, s1), (w2, s2) = distinct_recent(context)
            event = near_event or context_event(context)
            if w1 and w2 and event:
                yield (Subj(w1, s1, marker.start, marker.start, False),
                       Subj(w2, s2, marker.start, marker.start, False), event, event)
        return
    if word in events.negated_until() and not grammar.NEGATION.search(body[clause[0]:marker.start]) \
            and not re.search(r"\bno more\b", body[clause[0]:marker.start], re.IGNORECASE):
        return  # "until" orders only after a negation: "no more X until Y is out"
    # Directed: "<subject event> after/before <object>".
    if word == "come first" and not right and left:
        # "X and Y to come first": first before the work the passage was about.
        others = [w for w, _ in reversed(context.recent) if w not in {s.work for s in left}]
        event = near_event or context_event(context)
        if others and event:
            other = Subj(others[0], None, marker.end, marker.end, False)
            for subject in group_back(left[-1], left, body):
                yield subject, other, event, event
        return
    if not right or right[0].start - marker.end > 45:
        return
    if word in ("then", "followed by", "closely followed by") and right[0].start - marker.end > 3:
        return
    objects = group_with(right[0], right, body)
    left = [s for s in left if s.start >= clause[0]]
    left_triggers = [t for t in left_triggers if t.start >= clause[0]]
    fronted = not body[sentence.start:marker.start].strip(" \"“'‘")
    if fronted and word in ("after", "following", "before", "ahead of", "prior to"):
        # "After the success of X, Netflix launched Y": Y's event is ordered against X.
        comma = body.find(",", marker.end, sentence.end)
        main = [t for t in triggers if t.start > comma] if comma > 0 else []
        heads = [s for s in subjects if comma > 0 and s.start > comma]
        fronted_objects = [s for s in objects if comma < 0 or s.end <= comma]
        if main and heads and fronted_objects:
            inner = [t for t in triggers if marker.end <= t.start < comma]
            for other in fronted_objects:
                yield heads[0], other, main[0].event, inner[0].event if inner else main[0].event
        return
    chained = [subs for start, subs in earlier if left and left[-1].start > start]
    if chained:
        # "out after X and before Y": Y is ordered against the same subject as X.
        subjects_ = chained[-1]
    elif left:
        subjects_ = group_back(left[-1], left, body)
    elif sentence.start == clause[0] and word == "then" and context.recent:
        subjects_ = [Subj(*context.recent[-1], marker.start, marker.start, False)]
    elif PRONOUN_SUBJECT.search(body[clause[0]:marker.start]) and context.recent and left_triggers:
        work, season = context.last_subject or context.recent[-1]
        subjects_ = [Subj(work, season, marker.start, marker.start, False)]
    else:
        return
    subject_triggers = left_triggers
    event = subject_triggers[-1].event if subject_triggers else (
        near_event if word in ("then", "followed by", "closely followed by") else None)
    if event is None and subjects_ and WORK_NOUN_BEFORE.search(body[subjects_[-1].end:marker.start]):
        event = "release"  # "X, the fourth series after A and B": the order of launches
    if event is None and word in events.negated_until():
        event = near_event  # "no more X until Y has come out": X's next release
    if event is None:
        return
    between = [t for t in right_triggers if t.end <= objects[0].start]
    object_event = between[-1].event if between else event
    for subject in subjects_:
        for other in objects:
            yield subject, other, event, object_event


def order_claim(context: ArticleContext, sentence: Sentence, triggers: list[events.Trigger],
                marker: events.Marker, subject: Subj, other: Subj, event: str,
                object_event: str) -> Claim:
    body = context.article.body
    clause = sentence.clause_at(marker.start)
    start = min(subject.start, clause[0]) if subject.start >= sentence.start else clause[0]
    end = max(other.end, clause[1])
    trigger = next((t for t in triggers if t.event == event and t.start >= start), None) or \
        next((t for t in triggers if t.event == event), None)
    if trigger and start < trigger.start < marker.start and trigger.form != "noun":
        tense = grammar.clause_tense(body[start:trigger.start], trigger.text, trigger.form)
    else:
        tense = grammar.clause_tense(body[clause[0]:marker.start], "", "noun", words=14)
    if tense == "none" and trigger and trigger.start >= clause[0] and trigger.form != "noun":
        # "Then, X is expected to premiere": the verb after the marker carries the tense.
        tense = grammar.clause_tense(body[clause[0]:trigger.start], trigger.text, trigger.form)
    quote = next((q for q in context.quotes if q[0] <= marker.start < q[1]), None)
    speaker_trigger = trigger or events.Trigger(marker.start, marker.end, event, "noun", "")
    return Claim(
        id="c0", article=context.article.id,
        subject=Subject(work=context.lexicon.display(subject.work),
                        season=subject.season or (context.focus_season if subject.work == context.focus else None)),
        event=event, relation=marker.relation,
        # A directed order's object is a reference point, usually a launch already known;
        # only a pair shot or released together shares the article's season.
        object=EventRef(work=context.lexicon.display(other.work),
                        season=other.season or (context.focus_season if other.work == context.focus
                                                and marker.symmetric else None),
                        event=object_event),
        tense=tense, modality=grammar.modality(body[sentence.start:start], body[start:end]),
        negated=False, speaker=speaker_for(context, sentence, speaker_trigger, quote),
        evidence=Evidence(start=start, end=end, text=body[start:end]),
        confidence=0.6,
    )


def context_event(context: ArticleContext) -> str | None:
    return context.last_event


def distinct_recent(context: ArticleContext) -> tuple[tuple[str | None, int | None], tuple[str | None, int | None]]:
    seen = []
    for work, season in reversed(context.recent):
        if all(work != w for w, _ in seen):
            seen.append((work, season))
        if len(seen) == 2:
            return seen[1], seen[0]
    return (None, None), (None, None)


def event_near(triggers: list[events.Trigger], position: int, sentence: Sentence,
               after_only: bool = False) -> str | None:
    """The event of the trigger closest to a position in the sentence."""
    candidates = [t for t in triggers if not after_only or t.start >= position]
    if not candidates:
        return None
    return min(candidates, key=lambda t: abs(t.start - position)).event
