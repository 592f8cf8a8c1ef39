"""Order claims: two works' events placed relative to each other ("X films after Y")."""
from __future__ import annotations

import re

from claims.extract import events, grammar
from claims.extract.attribution import speaker_for
from claims.extract.context import ArticleContext, Subj
from claims.extract.sentences import Sentence
from claims.extract.subjects import PRONOUN_SUBJECT, group_back, group_with
from claims.models import Claim, EventRef, Evidence, Subject


def order_claims(context: ArticleContext, sentence: Sentence, triggers: list[events.Trigger],
                 subjects: list[Subj], markers: list[events.Marker]) -> list[Claim]:
    """Claims that place two works' events relative to each other."""
    claims = []
    objects_so_far: list[tuple[int, list[Subj]]] = []
    for marker in markers:
        if any(t.start <= marker.start and marker.end <= t.end for t in triggers):
            continue  # "go before cameras" is an event, not an order
        pairs = list(order_pairs(context, sentence, triggers, subjects, marker, objects_so_far))
        if pairs and not marker.symmetric:
            objects_so_far.append((marker.start, list({id(p[0]): p[0] for p in pairs}.values())))
        for subject, other, event, object_event in pairs:
            if subject.work == other.work and (subject.season == other.season or None in (
                    subject.season, other.season)):  # a work against itself orders nothing
                continue
            if event not in ORDERED_EVENTS or object_event not in ORDERED_EVENTS:
                continue  # renewals and cancellations are not scheduled against each other
            claims.append(order_claim(context, sentence, triggers, marker, subject, other,
                                      event, object_event))
    return claims


WORK_NOUN_BEFORE = re.compile(r"\b(?:series|show|film|movie|season|installment|entry)\s+"
                              r"(?:\w+\s+)?$", re.IGNORECASE)
LOOSE_CONFIDENCE = 0.3
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
        # "I don't know if they'll overlap": an open question, a claim no source commits to;
        # "right around the time": too loose to hold against exact dates.
        confidence=LOOSE_CONFIDENCE if grammar.IRREALIS.search(body[clause[0]:marker.start])
        or marker.text.lower() in events.approximate_markers() else 0.6,
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
