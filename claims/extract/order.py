"""Order claims: two works' events placed relative to each other ("X films after Y")."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import cast

from claims.extract import events, grammar, lexicon, strategies, works
from claims.extract.attribution import speaker_for
from claims.extract.context import ArticleContext, Subj
from claims.extract.sentences import Sentence, text_before
from claims.extract.subjects import OTHER_SUBJECT, PRONOUN_SUBJECT, group_back, group_with, is_unknown_name
from claims.models import Claim, Event, EventRef, Evidence, Modality, Relation, Subject, Tense


def order_claims(context: ArticleContext, sentence: Sentence, triggers: Sequence[events.Trigger],
                 subjects: list[Subj], markers: list[events.Marker]) -> list[Claim]:
    """Claims that place two works' events relative to each other."""
    claims = []
    objects_so_far: list[tuple[int, list[Subj]]] = []
    for marker in markers:
        if any(t.start <= marker.start and marker.end <= t.end for t in triggers):
            continue  # "go before cameras" is an event, not an order
        if marker.symmetric and marker.text.lower() in connectives() and dated_on_both_sides(context, sentence, marker):
            continue  # "X moves to April 10, 2020, while Y is coming July 26, 2019": a contrast
        if person_after(context.article.body, marker):
            continue  # "after appearing in 7 episodes in Season 1": a person's time, no work's event
        pairs, strategy = order_pairs(context, sentence, triggers, subjects, marker, objects_so_far)
        if marker.text.lower() in connectives():
            # "X leads with six nods, followed by Y with four": a ranking, not a timeline
            pairs = [pair for pair in pairs if not ranked(context.article.body, pair[1])]
        if pairs and not marker.symmetric:
            objects_so_far.append((marker.start, list({id(p[0]): p[0] for p in pairs}.values())))
        for subject, other, event, object_event in pairs:
            if subject.work == other.work and (subject.season == other.season or None in (
                    subject.season, other.season)):  # a work against itself orders nothing
                continue
            if event not in ORDERED_EVENTS or object_event not in ORDERED_EVENTS:
                continue  # renewals and cancellations are not scheduled against each other
            if promoted(context, sentence, triggers, subject, marker):
                continue  # "a clip from X released a week before Y hit theaters": the clip's release
            if marker.symmetric and other.work == context.focus != subject.work:
                # "the spin-off and the main show's third season will be filmed at the same
                # time": a symmetric order told of the article's own work is about that work.
                subject, other, event, object_event = other, subject, object_event, event
            claim = order_claim(context, sentence, triggers, marker, subject, other, event, object_event)
            claim.explain.update(marker=marker.text, order=strategy or "")
            claims.append(claim)
    return claims


def promoted(context: ArticleContext, sentence: Sentence, triggers: Sequence[events.Trigger], subject: Subj,
             marker: events.Marker) -> bool:
    """The release verb between the work and the marker is its trailer's or clip's."""
    trigger = next((t for t in triggers if t.event == "release" and t.form != "noun"
                    and subject.end <= t.start < marker.start), None)
    if not trigger:
        return False
    return events.is_promotion(context.article.body, subject.start, subject.end, trigger.start,
                               sentence.clause_at(trigger.start)[0], trigger.end)


def ranked(body: str, work: Subj) -> bool:
    """A tally after the work's name ("followed by Y with four nominations", "with $20
    million"): a place in a ranking."""
    return bool(tally_after().match(body, work.end))


@cache
def tally_after() -> re.Pattern:
    numbers = lexicon.entry("works", "numbers")
    return re.compile(rf"['’\"”]?\s*,?\s+with\s+(?:(?:just|only|about|nearly|almost|around|over|more\s+than)\s+)?"
                      rf"(?:\$|£|€|\d|(?:{lexicon.alternation(n for n in numbers if len(n) > 2)})(?![\w-]))", re.IGNORECASE)


def dated_on_both_sides(context: ArticleContext, sentence: Sentence, marker: events.Marker) -> bool:
    """Each side of a symmetric marker has a calendar date of its own: the dates say how the
    events stand, and "while" or "as" only sets them side by side."""
    dated = [t for t in context.times_between(sentence.start, sentence.end)
             if re.match(r"\d{4}", t.value or "") and re.search(r"\d", t.text)]
    return any(t.end <= marker.start for t in dated) and any(t.start >= marker.end for t in dated)


WORK_NOUN_BEFORE = re.compile(r"\b(?:series|show|film|movie|season|installment|entry)\s+"
                              r"(?:\w+\s+)?$", re.IGNORECASE)
LOOSE_CONFIDENCE = 0.3
ORDERED_EVENTS = {"release", "filming", "filming_start", "filming_end"}


Pair = tuple[Subj, Subj, str, str]   # subject, object, subject event, object event


@dataclass
class OrderQuery:
    """One order marker in its sentence, and the works and triggers around it."""

    context: ArticleContext
    sentence: Sentence
    triggers: Sequence[events.Trigger]
    subjects: list[Subj]
    marker: events.Marker
    earlier: list[tuple[int, list[Subj]]]

    def __post_init__(self) -> None:
        marker = self.marker
        self.clause = self.sentence.clause_at(marker.start)
        self.left = [s for s in self.subjects if s.end <= marker.start and s.start >= self.sentence.start]
        self.right = [s for s in self.subjects if s.start >= marker.end]
        # (not a person's "his tremendous debut as a lead in X": no event of X's)
        works_triggers = [t for t in self.triggers if not person_debut(self.context.article.body, t)]
        self.left_triggers = [t for t in works_triggers if t.end <= marker.start]
        self.right_triggers = [t for t in works_triggers if t.start >= marker.end]
        self.near_event = event_near(self.triggers, marker.start, self.sentence)
        self.word = marker.text.lower()

    @property
    def body(self) -> str:
        return self.context.article.body

    def passage_event(self) -> str | None:
        """The event the marker is about: a trigger in its clause (a connective such as "at
        the same time" takes no other), else one near it, else the passage's."""
        if self.word in connectives():
            # (not a scheduling verb with no date of its own: "Jane Doe dated Tom Vale")
            in_clause = [t for t in self.triggers if self.clause[0] <= t.start < self.clause[1] and not t.needs_for]
            return min(in_clause, key=lambda t: abs(t.start - self.marker.start)).event if in_clause else None
        return self.near_event or context_event(self.context)


# --- symmetric markers: "X and Y shoot back-to-back", "X films at the same time as Y" -----------

def while_both_progressive(q: OrderQuery) -> list[Pair] | None:
    """"X was rushed into production while Y was debuting": both sides have events, the
    second in the progressive (a contrastive "while" is no timing)."""
    if q.word != "while":
        return None
    if not (q.left and q.right and q.left_triggers and q.right_triggers) or not re.search(
            r"\b(?:was|were|is|are)\s+\w+ing\b", q.body[q.marker.end:q.right_triggers[0].end]):
        return []
    return [(q.left[-1], q.right[0], q.left_triggers[-1].event, q.right_triggers[0].event)]


def coordinated_pair(q: OrderQuery) -> list[Pair] | None:
    """"X and Y will shoot back-to-back": the works coordinated before the marker."""
    group = group_back(q.left[-1], q.left, q.body) if q.left else []
    if len(group) >= 2 and (q.marker.relation != "overlap" or not q.right):
        event = q.passage_event()
        return [(group[0], group[-1], event, event)] if event else []
    return None


def pair_across(q: OrderQuery) -> list[Pair] | None:
    """"X shoots at the same time as Y": one work on each side of the marker."""
    if not (q.left and q.right and q.right[0].start - q.marker.end < 60):
        return None
    event = q.left_triggers[-1].event if q.left_triggers else q.passage_event()
    if not event:
        return []
    object_event = next((t.event for t in q.right_triggers if t.start > q.right[0].end
                         and t.start - q.right[0].end < 30), event)
    return [(q.left[-1], q.right[0], event, object_event)]


def pair_after(q: OrderQuery) -> list[Pair] | None:
    """'"They'll be back-to-back," Ritter said about X and Y': the pair after the marker."""
    if q.left or len(q.right) < 2 or len(group_with(q.right[0], q.right, q.body)) < 2:
        return None
    pair = group_with(q.right[0], q.right, q.body)
    event = q.passage_event()
    return [(pair[0], pair[-1], event, event)] if event else []


def passage_pair(q: OrderQuery) -> list[Pair] | None:
    """"They'll be back-to-back.", "Paramount plans to shoot the two sequels back-to-back": the
    two works the passage is about, when the clause speaks of them as two (not "the two women
    never overlapped", "At the same time, Holmes has ...", "land back-to-back 1080s"; nor "Two
    episodes air back-to-back tonight": episodes, aired in a row)."""
    if q.left or q.right or episode_before().search(q.body[q.clause[0]:q.marker.start]) \
            or not plural_works().search(q.body, q.clause[0], q.clause[1]):
        return []
    (w1, s1), (w2, s2) = distinct_recent(q.context)
    event = q.passage_event()
    if not (w1 and w2 and event):
        return []
    return [(Subj(w1, s1, q.marker.start, q.marker.start, False),
             Subj(w2, s2, q.marker.start, q.marker.start, False), event, event)]


SYMMETRIC_STRATEGIES = (while_both_progressive, coordinated_pair, pair_across, pair_after, passage_pair)


# --- directed markers: "<subject event> after/before <object>" -------------------------------------

def come_first(q: OrderQuery) -> list[Pair] | None:
    """"X and Y to come first": first before the work the passage was about."""
    if q.word != "come first" or q.right or not q.left:
        return None
    others = [w for w, _ in reversed(q.context.recent) if w not in {s.work for s in q.left}]
    event = q.passage_event()
    if not (others and event):
        return []
    other = Subj(others[0], None, q.marker.end, q.marker.end, False)
    return [(subject, other, event, event) for subject in group_back(q.left[-1], q.left, q.body)]


def objects_of(q: OrderQuery) -> list[Subj] | None:
    """The works right after a directed marker ("after X and Y"), if any stand there."""
    if not q.right or q.right[0].start - q.marker.end > 45:
        return None
    if q.word in ("then", "followed by", "closely followed by") and q.right[0].start - q.marker.end > 3:
        return None
    return group_with(q.right[0], q.right, q.body)


OPENING_QUOTES = re.compile(r"[ \"“'‘]*")   # (nothing else opens the sentence before a fronted marker)


def fronted(q: OrderQuery) -> list[Pair] | None:
    """"After the success of X, Netflix launched Y": Y's event is ordered against X."""
    body, sentence = q.body, q.sentence
    if not OPENING_QUOTES.fullmatch(body, sentence.start, q.marker.start) or q.word not in ("after", "following", "before",
                                                                             "ahead of", "prior to"):
        return None
    objects = objects_of(q)
    if objects is None:
        return []
    comma = body.find(",", q.marker.end, sentence.end)
    main = [t for t in q.triggers if t.start > comma] if comma > 0 else []
    heads = [s for s in q.subjects if comma > 0 and s.start > comma]
    fronted_objects = [s for s in objects if comma < 0 or s.end <= comma]
    if not (main and heads and fronted_objects):
        return []
    inner = [t for t in q.triggers if q.marker.end <= t.start < comma]
    return [(heads[0], other, main[0].event, inner[0].event if inner else main[0].event)
            for other in fronted_objects]


def directed(q: OrderQuery) -> list[Pair] | None:
    """"X premieres after Y": the subject before the marker (or the one an earlier marker
    of the sentence ordered: "out after X and before Y"), the objects after it."""
    objects = objects_of(q)
    if objects is None:
        return []
    body, clause = q.body, q.clause
    left = [s for s in q.left if s.start >= clause[0]]
    left_triggers = [t for t in q.left_triggers if t.start >= clause[0]]
    chained = [subs for start, subs in q.earlier if left and left[-1].start > start]
    if chained:
        subjects_ = chained[-1]
    elif left:
        subjects_ = group_back(left[-1], left, body)
    elif q.sentence.start == clause[0] and q.word == "then" and q.context.recent:
        subjects_ = [Subj(*q.context.recent[-1], q.marker.start, q.marker.start, False)]
    elif PRONOUN_SUBJECT.search(text_before(body, q.marker.start, clause[0])) and q.context.recent and left_triggers \
            and not unknown_name_before_marker(q):
        work, season = q.context.last_subject or q.context.recent[-1]
        subjects_ = [Subj(work, season, q.marker.start, q.marker.start, False)]
    else:
        return []
    event = left_triggers[-1].event if left_triggers else (
        q.passage_event() if q.word in ("then", "followed by", "closely followed by") else None)
    gap = body[subjects_[-1].end:q.marker.start] if subjects_ else ""
    if event is None and subjects_ and WORK_NOUN_BEFORE.search(gap) and not OTHER_SUBJECT.search(gap):
        # "X, the fourth series after A and B": the order of launches (not "X ... we'll see
        # him in more than one film after Y": a clause of its own, a star's films)
        event = "release"
    if event is None and q.word in events.negated_until():
        event = q.near_event  # "no more X until Y has come out": X's next release
    if event is None:
        return []
    between = [t for t in q.right_triggers if t.end <= objects[0].start]
    if not between and OWN_CLAUSE_AFTER_MARKER.match(body, q.marker.end, objects[0].start):
        return []  # "waiting to launch X before it turns its attention to selling Y": no event of Y
    if episode_of().search(body, q.marker.end, objects[0].start):
        return []  # "will debut March 7, following a new episode of Y": an episode, not Y's launch
    object_event = between[-1].event if between else event
    return [(subject, other, event, object_event) for subject in subjects_ for other in objects]


# After the marker, a clause with a subject and verb of its own ("before it turns its
# attention to"): the object's event is that verb's, and no event of the object's.
OWN_CLAUSE_AFTER_MARKER = re.compile(r"\s+(?:it|they|he|she|we|you|I)\s+(?!(?:is|are|was|were|has|have|had)\b)[a-z]+\b",
                                     re.IGNORECASE)
@cache
def plural_works() -> re.Pattern:
    """Works spoken of as two: "they", "both", "the two sequels", "two Netflix series"."""
    nouns = lexicon.alternation(lexicon.entry("events", "plural_work_nouns"))
    return re.compile(rf"(?<![\w'’-])(?:they|them|both|(?:the|these|those|two|both|its|their)\s+"
                      rf"(?:[\w-]+\s+){{0,2}}?(?:{nouns}))(?![\w-])", re.IGNORECASE)


@cache
def episode_before() -> re.Pattern:
    """An episode word ("episodes", "the finale") in the clause before a marker."""
    words = lexicon.alternation(lexicon.entry("events", "episode_words"))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


@cache
def episode_of() -> re.Pattern:
    """An episode, finale or special of the work after the marker."""
    words = lexicon.alternation(lexicon.entry("events", "episode_words"))
    return re.compile(rf"(?<![\w-])(?:{words})\s+(?:of|from)\s+['‘\"“]?$", re.IGNORECASE)


def unknown_name_before_marker(q: OrderQuery) -> bool:
    """ "it wasn't clear it would work out - The Incredible Hulk, released after Iron Man,
    stumbled": a name the registry does not know is what the marker orders, not the work
    "it" stands for."""
    names = NAME_RUN.findall(text_before(q.body, q.marker.start, q.clause[0]))
    return bool(names) and is_unknown_name(q.context, names[-1])


NAME_RUN = re.compile(r"(?<![\w'’])[A-Z][\w'’.-]*(?:\s+(?:of|the|and|&)?\s*[A-Z0-9][\w'’.-]*)+")
DIRECTED_STRATEGIES = (come_first, fronted, directed)


def order_pairs(context: ArticleContext, sentence: Sentence, triggers: Sequence[events.Trigger],
                subjects: list[Subj], marker: events.Marker,
                earlier: Sequence[tuple[int, list[Subj]]] = ()) -> tuple[list[Pair], str | None]:
    """(subject, object, subject event, object event) for each pair a marker orders, and the
    name of the strategy that found them."""
    q = OrderQuery(context, sentence, triggers, subjects, marker, list(earlier))
    if not marker.symmetric and q.word in events.negated_until() \
            and not grammar.NEGATION.search(text_before(q.body, marker.start, q.clause[0])) \
            and not re.search(r"\bno more\b", text_before(q.body, marker.start, q.clause[0]), re.IGNORECASE):
        return [], None  # "until" orders only after a negation: "no more X until Y is out"
    pairs, name = strategies.first(SYMMETRIC_STRATEGIES if marker.symmetric else DIRECTED_STRATEGIES, q)
    return pairs or [], name


def order_claim(context: ArticleContext, sentence: Sentence, triggers: Sequence[events.Trigger],
                marker: events.Marker, subject: Subj, other: Subj, event: str,
                object_event: str) -> Claim:
    body = context.article.body
    clause = sentence.clause_at(marker.start)
    start = min(subject.start, clause[0]) if subject.start >= sentence.start else clause[0]
    end = max(other.end, clause[1])
    trigger = next((t for t in triggers if t.event == event and t.start >= start), None) or \
        next((t for t in triggers if t.event == event), None)
    if trigger and start < trigger.start < marker.start and trigger.form != "noun":
        tense = grammar.clause_tense(text_before(body, trigger.start, start), trigger.text, trigger.form)
    else:
        tense = grammar.clause_tense(text_before(body, marker.start, clause[0]), "", "noun", words=14)
    if tense == "none" and trigger and trigger.start >= clause[0] and trigger.form != "noun":
        # "Then, X is expected to premiere": the verb after the marker carries the tense.
        tense = grammar.clause_tense(text_before(body, trigger.start, clause[0]), trigger.text, trigger.form)
    quote = next((q for q in context.quotes if q[0] <= marker.start < q[1]), None)
    speaker_trigger = trigger or events.Trigger(marker.start, marker.end, event, "noun", "")
    return Claim(
        id="c0", article=context.article.id,
        kind=context.lexicon.kind_of(subject.work),
        subject=Subject(work=context.lexicon.display(subject.work),
                        season=subject.season or (context.focus_season if subject.work == context.focus else None)),
        # (event, relation, tense and modality come from the data files as text; the model
        # checks each against its vocabulary)
        event=cast(Event, event), relation=cast(Relation, marker.relation),
        # A directed order's object is a reference point, usually a launch already known;
        # only a pair shot or released together shares the article's season.
        object=EventRef(work=context.lexicon.display(other.work),
                        season=other.season or (context.focus_season if other.work == context.focus
                                                and marker.symmetric else None),
                        event=cast(Event, object_event)),
        tense=cast(Tense, tense), modality=cast(Modality, grammar.modality(body[sentence.start:start], body[start:end])),
        negated=False, speaker=speaker_for(context, sentence, speaker_trigger, quote),
        evidence=Evidence(start=start, end=end, text=body[start:end]),
        # "I don't know if they'll overlap": an open question, a claim no source commits to;
        # "right around the time": too loose to hold against exact dates.
        confidence=LOOSE_CONFIDENCE if grammar.IRREALIS.search(text_before(body, marker.start, clause[0]))
        or marker.text.lower() in events.approximate_markers() else 0.6,
    )


def person_debut(body: str, trigger: events.Trigger) -> bool:
    """"his tremendous debut", "her first appearance": a person's, after "his" or "her"."""
    return trigger.form == "noun" and trigger.text.lower() in lexicon.entry("order", "person_nouns_after_marker") \
        and bool(grammar.PERSON_POSSESSIVE_BEFORE.search(body, max(0, trigger.start - 40), trigger.start))


def person_after(body: str, marker: events.Marker) -> bool:
    """A person's doing right after the marker: "after appearing in", "after his debut in"."""
    return bool(person_after_marker().match(body, marker.end))


@cache
def person_after_marker() -> re.Pattern:
    verbs = lexicon.alternation(lexicon.entry("order", "person_verbs_after_marker"))
    nouns = lexicon.alternation(lexicon.entry("order", "person_nouns_after_marker"))
    return re.compile(rf"\s+(?:(?:{verbs})(?![\w-])|{grammar.PERSON_POSSESSIVE}(?:{nouns})(?![\w-]))", re.IGNORECASE)


@cache
def connectives() -> frozenset[str]:
    return frozenset(p.lower() for p in lexicon.entry("order", "connectives"))


def context_event(context: ArticleContext) -> str | None:
    return context.last_event


def distinct_recent(context: ArticleContext) -> tuple[tuple[str | None, int | None], tuple[str | None, int | None]]:
    seen: list[tuple[str, int | None]] = []
    for work, season in reversed(context.recent):
        if all(work != w for w, _ in seen):
            seen.append((work, season))
        if len(seen) == 2:
            return seen[1], seen[0]
    return (None, None), (None, None)


def event_near(triggers: Sequence[events.Trigger], position: int, sentence: Sentence,
               after_only: bool = False) -> str | None:
    """The event of the trigger closest to a position in the sentence."""
    candidates = [t for t in triggers if not after_only or t.start >= position]
    if not candidates:
        return None
    return min(candidates, key=lambda t: abs(t.start - position)).event


# --- a renewal or cancellation against another event: "renewed X for a sixth season a few weeks
# before season five premiered", "picked up X a day after Fox cancelled it" ---------------------

DECISIONS = ("renewal", "cancellation")
DECISION_MARKERS = ("before", "ahead of", "prior to", "in advance of", "after", "following")
DECISION_REACH = 140    # characters from the decision's trigger to the marker
OBJECT_REACH = 50       # characters from the marker to the other event's trigger


@cache
def other_season() -> re.Pattern:
    """The season on the other side of the marker: "season five", "its Season 6", "the
    fourth", "the first one"."""
    info = works.knowledge()
    ordinals = lexicon.alternation(word for word, value in info["ordinals"].items() if value)
    return re.compile(rf"^\s*(?:(?:the|its|their)\s+)?(?:season\s+(?P<n>{info['number']})|(?P<ord>{ordinals})"
                      rf"(?:\s+(?:one|season|series|run))?)\b", re.IGNORECASE)


def decision_orders(context: ArticleContext, sentence: Sentence, made: list[tuple[events.Trigger, Claim]],
                    triggers: Sequence[events.Trigger], markers: list[events.Marker],
                    subjects: list[Subj]) -> list[tuple[Claim, events.Trigger, Claim]]:
    """Order claims of a renewal or cancellation against the event a directed marker after it
    names, with the trigger of that event: the other side is the same work's season named
    there ("before season five premiered", "ahead of its Season 6 premiere", "before the
    fourth had premiered"), the same work's series premiere, "it" after the verb ("a day
    after Fox cancelled it"), or a work named there; and the decision's own claim."""
    found = []
    for marker in markers:
        if marker.symmetric or marker.text.lower() not in DECISION_MARKERS:
            continue
        decisions = [(t, c) for t, c in made if t.event in DECISIONS and t.end <= marker.start
                     and marker.start - t.end < DECISION_REACH and c.relation is None and not c.negated]
        others = [t for t in triggers if t.start >= marker.end and t.start - marker.end < OBJECT_REACH]
        if not decisions or not others or others[0].event not in OTHER_EVENTS:
            continue
        trigger = decisions[-1][0]
        if any(trigger.end <= t.start < marker.start for t in triggers):
            continue  # another event stands between: the marker is that one's
        for claim in [c for t, c in decisions if t is trigger]:
            found += decision_order(context, marker, claim, others[0], subjects)
    return found


# The events a renewal or cancellation is ordered against.
OTHER_EVENTS = ("release", "cancellation")


def decision_order(context: ArticleContext, marker: events.Marker, claim: Claim, other: events.Trigger,
                   subjects: list[Subj]) -> list[tuple[Claim, events.Trigger, Claim]]:
    """The order claim of one decision's claim against the event after the marker, if that
    event's work and season can be told."""
    body = context.article.body
    side = other_side(context, marker, claim, other, subjects)
    if side is None or (*side, other.event) == (claim.subject.work, claim.subject.season, claim.event):
        return []
    work, season = side
    end = max(other.end, claim.evidence.end)
    start = claim.evidence.start
    order = claim.model_copy(update={
        "relation": marker.relation, "time": None, "time_text": None, "interval": None,
        "object": EventRef(work=work, season=season, event=cast(Event, other.event)),
        "evidence": Evidence(start=start, end=end, text=body[start:end]),
        "explain": {"marker": marker.text, "order": "decision_order"}})
    return [(order, other, claim)]


def other_side(context: ArticleContext, marker: events.Marker, claim: Claim, other: events.Trigger,
               subjects: list[Subj]) -> tuple[str, int | None] | None:
    """(work, season) of the event after the marker: a season of the decision's work ("before
    season five premiered", "before the fourth had premiered"), its series premiere, "it"
    after the verb ("after Fox cancelled it"), or a work named there."""
    body = context.article.body
    gap = body[marker.end:other.start]
    season_match = other_season().match(gap) or other_season().match(body[other.start:other.end])
    named = [s for s in subjects if s.explicit and (marker.end <= s.start < other.start or other.end <= s.start
                                                    and re.fullmatch(r"\s*[\"“‘']?", body[other.end:s.start]))]
    if season_match:
        return claim.subject.work, season_number(season_match)
    if re.match(r"\s*(?:its|the|their)?\s*series\b", gap + other.text, re.IGNORECASE):
        return claim.subject.work, None   # "Ahead Of Series Premiere"
    if re.match(r"\s+(?:it|them)\b", body[other.end:other.end + 6]) and not named:
        return claim.subject.work, None   # "a day after Fox cancelled it"
    if named:
        return context.lexicon.display(named[0].work), named[0].season
    return None


def season_number(match: re.Match) -> int | None:
    word = (match.group("n") or match.group("ord")).lower()
    info = works.knowledge()
    return int(word) if word.isdigit() else info["numbers"].get(word) or info["ordinals"].get(word)
