"""From articles to dated claims: the extraction steps run in order over a whole corpus.

Works are learned from the whole corpus first (a title one outlet italicizes helps read
another outlet's headline); then each article is read sentence by sentence: event
triggers, the works they are about, the time, tense, modality, negation and speaker.
"""
from __future__ import annotations

import dataclasses
import re

from claims.extract import boilerplate, event_typing, events, grammar, moves, works
from claims.extract.attribution import speaker_for
from claims.extract.context import ArticleContext, Subj
from claims.extract.order import order_claims
from claims.extract.registry import WorkConfig
from claims.extract.sentences import Sentence, joined, quotation_spans, split_sentences
from claims.extract.subjects import focus_of, subjects_for, subjects_in
from claims.extract.temporal import Timex, find_timexes
from claims.extract.times import CALENDAR_TYPES, TIME_AFTER_FOR, time_for, time_range, time_value
from claims.intervals import resolve_interval
from claims.models import Article, Claim, Evidence, Subject, TimeValue

# "premieres in 2017, along with X": X shares the event and its time.
ALONG_WITH = re.compile(r"(?:,\s*)?\b(?:along\s+with|alongside|together\s+with|as\s+well\s+as)\s+$",
                        re.IGNORECASE)


def outlet_names(articles: list[Article]) -> set[str]:
    """Outlets and authors of the corpus: names that are never works."""
    names = set()
    for article in articles:
        for name in (article.outlet, article.author):
            if name:
                names.add(works.fold_title(name))
    return names


def learn(articles: list[Article], texts: dict[str, list[Sentence]],
          config: WorkConfig | None = None) -> works.WorkLexicon:
    pattern = events.work_cue_matcher()
    documents = [(article.id, [(s.start, s.end, s.text, s.headline) for s in texts[article.id]])
                 for article in articles]
    return works.learn_works(documents, pattern, outlet_names(articles), config)


@dataclasses.dataclass
class Extraction:
    """A corpus's claims, and the works and persons learned from it (name checks use them)."""

    claims: list[Claim]
    lexicon: works.WorkLexicon


def extract_corpus(articles: list[Article], config: WorkConfig | None = None) -> Extraction:
    """Every claim of every article, ids c1, c2, ... in article order."""
    texts = {a.id: split_sentences(a.body, boilerplate.skipped_lines(a)) for a in articles}
    lexicon_ = learn(articles, texts, config)
    claims: list[Claim] = []
    for article in articles:
        for claim in extract_article(article, lexicon_, texts[article.id]):
            claims.append(claim.model_copy(update={"id": f"c{len(claims) + 1}"}))
    return Extraction(claims, lexicon_)


def extract_claims(articles: list[Article]) -> list[Claim]:
    return extract_corpus(articles).claims


def extract_article(article: Article, lexicon_: works.WorkLexicon,
                    sentences: list[Sentence]) -> list[Claim]:
    context = ArticleContext(article, lexicon_, sentences,
                             find_timexes(article.body, article.published), quotation_spans(article.body))
    context.focus, context.focus_season = focus_of(context)
    claims: dict[tuple, Claim] = {}
    for index, sentence in enumerate(sentences):
        context.sentence_index = index
        for claim in sentence_claims(context, sentence):
            # One claim per work, event and clause: two triggers for one statement ("was
            # confirmed to get a second season") keep the reading that has a time.
            key = (claim.subject, claim.event, claim.relation, claim.object,
                   claim.evidence.start, claim.evidence.end, claim.superseded)
            if key not in claims:
                claims[key] = claim
            elif claims[key].time is None and claim.time is not None:
                # Keep the time, and the finite verb's tense: "was confirmed to get".
                earlier = claims[key].tense
                claims[key] = claim.model_copy(update={"tense": earlier}) if claim.tense == "none" else claim
    lexicon_.mentions.clear()  # the mentions are asked for per article; keep memory flat
    return moves.article_history(list(claims.values()))


# --- one sentence -------------------------------------------------------------------

def sentence_claims(context: ArticleContext, sentence: Sentence) -> list[Claim]:
    body = context.article.body
    triggers = events.find_triggers(sentence.text, sentence.start)
    subjects = subjects_in(context, sentence)
    # A colon inside a title ("Top Gun: Maverick") breaks no clause.
    sentence.clauses = joined(sentence.clauses, [(s.start, s.end) for s in subjects if s.explicit])
    for subj in subjects:
        if subj.explicit:
            context.named_at[subj.work] = context.sentence_index
    claims: list[Claim] = []
    markers = events.find_markers(sentence.text, sentence.start)
    ordered = order_claims(context, sentence, triggers, subjects, markers)
    claims += ordered
    readings: list[moves.Reading] = []
    for trigger in triggers:
        clause = sentence.clause_at(trigger.start)
        query = event_typing.TriggerQuery(context, sentence, trigger, clause)
        reason, _ = event_typing.not_the_event(query)
        if reason:
            continue
        targets, subject_strategy = subjects_for(context, sentence, trigger, subjects, clause)
        subj_strategy = subject_strategy
        if not targets:
            continue
        time = time_for(context, sentence, trigger, clause, triggers)
        if trigger.needs_time and time is None:
            continue
        if trigger.needs_for and (not TIME_AFTER_FOR.search(body[max(0, time.start - 30):time.start])
                                  and not moves.is_left(context, sentence, time)
                                  or any(clause[0] <= t.start < trigger.start for t in triggers)):
            continue  # "the film is set in 1985": a setting; "Filming Set For 2017": filming's
        if trigger.needs_slot and not moves.gives_up_a_date(context, sentence, trigger):
            continue  # "lost its June 2020 date", not "lost its star in 2019"
        span = time_range(context, time) if trigger.event == "filming" else None
        if span:
            # "shoots from June 2017 to March 2018": a start and an end.
            first, last = span
            for event, timex in (("filming_start", first), ("filming_end", last)):
                part = dataclasses.replace(trigger, event=event)
                for subj in targets:
                    claims.append(make_claim(context, sentence, part, subj, clause, timex))
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
            claim = make_claim(context, sentence, trigger, subj, clause, time)
            if claim is None or trigger.needs_season and (claim.subject.season or 1) < 2:
                continue
            # A noun with no time ("a release date is still a mystery"), or "it" with no time
            # ("how it will all come out"), states nothing dated.
            is_noun = trigger.form == "noun" and trigger.verb_form is None
            if claim.time is None and (is_noun and not definite_event(context, trigger, subj_strategy)
                                       or not subj.explicit and subj.start == trigger.start):
                continue
            if claim.time is None and ordered and any(
                    clause[0] <= m.start < subj.start and not m.symmetric
                    and m.text.lower() not in ("then", "followed by", "closely followed by")
                    for m in markers):
                continue  # "until X has come out": X's event is the order claim's object
            reason, _ = event_typing.not_the_works_event(query, subj)
            if reason:
                continue
            if claim.time is None and grammar.IRREALIS.search(
                    body[subj.end if subj.end <= trigger.start else clause[0]:trigger.start]):
                continue
            # An order marker after the trigger (or a symmetric one) and no time: the order
            # claim says it all ("To Shoot Right After X", "will film back-to-back").
            if claim.time is None and ordered and any(
                    clause[0] <= m.start < clause[1] and (m.symmetric or m.start > trigger.start)
                    for m in markers):
                continue
            claim, retyped = event_typing.retype(query, claim)
            claim.explain.update(trigger=trigger.text, subject=subject_strategy or "", retyped=retyped or "")
            readings.append(moves.Reading(claim, trigger, time, clause))
    claims += moves.sentence_moves(context, sentence, readings)
    claims += continuation_claims(context, sentence, claims, triggers)
    remember(context, subjects, triggers)
    for claim in claims:
        if claim.relation is None:
            context.last_subject = (context.lexicon_key(claim.subject.work), claim.subject.season)
    # What the sentence was about: its first claim's work, else the first work it names.
    about = [context.lexicon_key(c.subject.work) for c in claims if c.relation is None]
    context.named_last_sentence = about[0] if about else next(
        (s.work for s in subjects if s.explicit), None)
    # A sentence with no claim whose subject is a work ("doubters figured X would never
    # happen"): what a following "it" stands for.
    context.subject_of_last_sentence = None if claims else next(
        (s.work for s in subjects if s.explicit and grammar.starts_with_verb(context.article.body[s.end:s.end + 30])),
        None)
    return claims


# "the cancellation of the series", "culminated in the premiere of X": an event noun that
# names its work, told as something that happened, states a claim even with no time.
DEFINITE_EVENT = re.compile(r"(?i)\b(?:the|its|their)\s+(?:[\w-]+\s+){0,2}$")


def definite_event(context: ArticleContext, trigger: events.Trigger, strategy: str | None) -> bool:
    body = context.article.body
    return strategy == "governed_object" and trigger.event in ("release", "cancellation", "renewal") \
        and bool(DEFINITE_EVENT.search(body[max(0, trigger.start - 30):trigger.start])) \
        and bool(re.match(r"\s+(?:of|for)\b", body[trigger.end:trigger.end + 6]))


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


def make_claim(context: ArticleContext, sentence: Sentence, trigger: events.Trigger, subj: Subj,
               clause: tuple[int, int], timex: Timex | None) -> Claim | None:
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
    if sentence.headline and tense == "past" and (trigger.verb_form or trigger.form) in ("past", "participle") \
            and not grammar.AUXILIARY_BEFORE.search(body[max(clause[0], (trigger.verb_start or trigger.start) - 30):
                                                         trigger.verb_start or trigger.start]):
        tense = "none"  # "X Delayed To July 2020", "X Renewed For Season 2": a headline's participle
    if tense == "none" and trigger.form == "noun":
        # "the two-night premiere on August 14 will address that": the noun is the subject of
        # the verb after it.
        tense = grammar.tense_after_noun(body[trigger.end:clause[1]]) or tense
    time = time_value(context, trigger, timex, tense, before, lead)
    season = season_for(context, subj, trigger, tense, before)
    interval = resolve_interval(time.value, time.mod, context.published) if time else None
    if season == context.focus_season and subj.season is None and trigger.event == "release" and \
            interval and interval.latest and context.published and interval.latest < context.published.earliest:
        season = None  # a launch dated before the article is the series', not the new season's
    quote = next((q for q in context.quotes if q[0] <= trigger.start < q[1]), None)
    speaker = speaker_for(context, sentence, trigger, quote)
    window_end = next_trigger_start(context, sentence, trigger, clause)
    # Hedges count from just before the subject: "Probably the most important thing she said is
    # that X will film" hedges the ranking, not the filming.
    modality_start = max(clause[0], subj.start - 25) if subj.start < trigger.start else clause[0]
    # ... and a cue that belongs to an earlier event of the clause is that one's ("X, due in
    # theaters next summer, has started shooting").
    earlier = [t.end for t in events.find_triggers(sentence.text, sentence.start)
               if clause[0] <= t.start and t.end <= trigger.start]
    modality_start = max([modality_start] + earlier)
    evidence_start, evidence_end = clause
    if evidence_end - evidence_start < 12:
        evidence_start, evidence_end = sentence.start, sentence.end
    evidence_text = body[evidence_start:evidence_end]
    return Claim(
        id="c0", article=context.article.id,
        subject=Subject(work=context.lexicon.display(subj.work), season=season),
        kind=context.lexicon.kind_of(subj.work),
        event=trigger.event, time=time,
        tense=tense,
        modality=grammar.modality(body[sentence.start:modality_start],
                                  without_time_words(context, modality_start, window_end)),
        negated=grammar.is_negated(before, body[trigger.end:clause[1]]),
        speaker=speaker,
        evidence=Evidence(start=evidence_start, end=evidence_end, text=evidence_text),
        time_text=timex.text if timex else None,
        interval=interval,
        confidence=0.8 if subj.explicit else 0.5,
    )


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}


def season_number(word: str) -> int | None:
    """A season number written "4", "fourth" or "four"."""
    word = word.lower()
    return int(word) if word.isdigit() else ORDINALS.get(word) or NUMBERS.get(word)

# "The show's fourth season", "Its second season", "The new season 3": a season whose work
# is the one the passage is about.
UNNAMED_SEASON = re.compile(
    r"^\s*(?:the|its|their|this|that)\s+(?:[\w'’-]+\s+){0,2}?(?:(first|second|third|fourth|"
    r"fifth|sixth)\s+season|season\s+(\d+|two|three|four|five))\b", re.IGNORECASE)
SEASON_TARGET = re.compile(
    r"^\s*(?:for\s+|into\s+|on\s+|to\s+)?(?:(?:a|an|its|their|the)\s+)?", re.IGNORECASE)


def without_time_words(context: ArticleContext, start: int, end: int) -> str:
    """Text with its time expressions blanked: "May 22" is no "may"."""
    text = list(context.article.body[start:end])
    for timex in context.timexes:
        if start <= timex.start and timex.end <= end:
            text[timex.start - start:timex.end - start] = " " * (timex.end - timex.start)
    return "".join(text)


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
    match = re.match(r"(first|second|third|fourth|fifth|sixth)\s+(?:and\s+(?:final|last)\s+)?"
                     r"(?:seasons?|runs?|series|installments?)\b", rest, re.IGNORECASE)
    if match:
        return ORDINALS[match.group(1).lower()]
    if trigger.event == "renewal":
        # "renewed X for a second season", "Renews X For Season 2"
        target = re.search(r"\bfor\s+(?:a\s+|its\s+)?(?:(second|third|fourth|fifth|sixth)\s+"
                           r"(?:and\s+(?:final|last)\s+)?season|"
                           r"season\s+(\d+|two|three|four|five))\b", tail, re.IGNORECASE)
        if target:
            return season_number(target.group(1) or target.group(2))
    return None


def next_trigger_start(context: ArticleContext, sentence: Sentence, trigger: events.Trigger,
                       clause: tuple[int, int]) -> int:
    """Where the next trigger of the clause starts: cues past it belong to that claim."""
    following = [t.start for t in events.find_triggers(sentence.text, sentence.start)
                 if t.start >= trigger.end and t.start < clause[1]]
    return min(following, default=clause[1])


def season_for(context: ArticleContext, subj: Subj, trigger: events.Trigger, tense: str,
               before: str = "") -> int | None:
    """The season named, else one the unnamed subject gives ("The show's fourth season is
    expected to debut"), else the article's season for its focus work (a series' launch,
    told in the past, stays the series')."""
    if subj.season is not None:
        return subj.season
    named = None if subj.explicit else UNNAMED_SEASON.match(before)
    if named:
        return season_number(named.group(1) or named.group(2))
    if subj.work == context.focus and context.focus_season:
        if trigger.event == "release" and tense == "past":
            return None
        if trigger.event == "renewal":
            return context.focus_season
        return context.focus_season
    return None
