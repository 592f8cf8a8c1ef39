"""Moved dates (CONTRACT §2 "Moved dates"): the new date a move gives and the old dates it
leaves behind.

"pushed back to / moved to / delayed until DATE" is a claim at the new date, in the tense of
its verb. An old date the article itself reports as left ("moves from X to Y", "instead of
X", "gave up X for Y", "lost its X date", "out of its X slot", "its original X date", "was
originally dated for X", "had been set to open X", "was supposed to ... in X") is a claim
too, in its clause's tense, with modality `expected` and `superseded` set: the rule engine
neither compares it with the new date nor reads its past tense as drift. A history of moves
gives one claim per step, and every step but the current one is superseded.

The steps, each a table of named strategies (the name goes to `Claim.explain["move"]`):

- `destination` (the time strategy `times.move_destination`): a move takes its last
  destination ("to X, then to Y": Y), never a date it left;
- `OLD_DATE_CUES`: whether the words around a date report it left;
- `old_plan`: whether a claim's verb group tells a plan as replaced;
- `sentence_moves`: a sentence's claims with their left dates marked, and a claim for each
  left date no trigger took ("will now open April 23 instead of Sept. 4"); on the way a move
  of the shoot dates its start (`moved_shoots`: "filming has been pushed to January"), a move
  to a date long past is the story's time (`story_time`: "the new season jumps ahead to
  1964"), a time that is no destination dates the move itself (`time_of_the_move`: "which
  Paramount shifted in April"), "delayed until 2022" is the date itself (`delayed_until`), and
  the statements of a clause with a move each cite their own part (`segmented`);
- `HISTORY`: the article's history of a work's event: a step told in the past at a date the
  article says was left, or before the current date, is superseded;
- `OLD_YEARS`: the year of a year-less old date.

Words: claims/data/events.yaml `moves`, `date_moves` and release `with_slot`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import cast

from claims.extract import events, grammar, lexicon, strategies
from claims.extract.context import ArticleContext
from claims.extract.sentences import Sentence
from claims.extract.temporal import Timex, renormalize
from claims.intervals import resolve_interval
from claims.models import Claim, Evidence, Interval, Published, TimeMod, TimeValue

CALENDAR_TYPES = {"DATE", "TIME"}
# The words before a destination: "to July 2", "until 2021", "into 2021", "for a May 5 debut".
DESTINATION = re.compile(r"\b(?:to|until|till|into|for)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,1}$",
                         re.IGNORECASE)
PERFECT = re.compile(r"(?:\b(?:has|have|hasn['’]t|haven['’]t)|\w['’](?:s|ve))\s+(?:[\w'’-]+\s+){0,4}$",
                     re.IGNORECASE)


@cache
def words() -> dict:
    return lexicon.entry("events", "moves")


def inflected(phrases: list[str]) -> list[str]:
    """Every form of the verb phrases ("give up" -> gave up, gives up...); "had ..." as written."""
    forms = []
    for phrase in phrases:
        forms += [phrase] if phrase.startswith("had ") else list(lexicon.verb_forms(phrase).values())
    return forms


@cache
def patterns() -> dict[str, re.Pattern]:
    w = words()
    alt = lexicon.alternation
    determiner = r"(?:(?:its|the|their|a|an)\s+)?"
    adjective = rf"(?:(?:{alt(w['old_adjectives'] + w['plan_adjectives'])})\s+)?"
    plan = alt(w["plan_words"])
    adverb = r"(?:(?:\w+ly|first|once|long|already|also)\s+)"
    return {
        "after_move": re.compile(rf"(?<![\w-])(?P<cue>{alt(w['after_move'])})\s+{determiner}{adjective}$",
                                 re.IGNORECASE),
        "instead": re.compile(rf"(?<![\w-])(?P<cue>{alt(w['instead'])})\s+(?:(?:in|on|for|at)\s+)?{determiner}{adjective}$",
                              re.IGNORECASE),
        "leave": re.compile(rf"(?<![\w-])(?P<cue>{alt(inflected(w['leave']))})\s+(?P<det>{determiner}){adjective}$",
                            re.IGNORECASE),
        "old_adjective": re.compile(rf"(?<![\w-])(?P<cue>(?:its|the|their)\s+(?:{alt(w['old_adjectives'])}))\s+$",
                                    re.IGNORECASE),
        "slot_after": re.compile(rf"[\s-]*(?:{alt(w['slot_nouns'])})s?(?![\w-])", re.IGNORECASE),
        "then": re.compile(rf"^\s*,?\s*(?:{alt(w['then'])})\s*,?\s+(?:(?:to|until|into|for)\s+)?(?:(?:a|an|the)\s+)?$",
                           re.IGNORECASE),
        "old_plan": re.compile(
            rf"\bhad\s+{adverb}*(?:been\s+)?{adverb}*(?:{plan})\b"
            rf"|\b(?:{alt(w['old_plan_adverbs'])})\s+(?:been\s+)?(?:{plan})\b"
            rf"|\b(?:{alt(w['counterfactual'])})\b", re.IGNORECASE),
    }


@cache
def move_regex() -> re.Pattern:
    """Every form of the move verbs (events.yaml `date_moves`) and the verbs of a date given up."""
    phrases = [*lexicon.entry("events", "date_moves"), *lexicon.entry("events", "events")["release"]["with_slot"]]
    return lexicon.word_regex(form for phrase in phrases for form in events.verb_variants(phrase))


def is_move(trigger: events.Trigger) -> bool:
    """A verb that moves a date ("pushed", "moves", "slides", "gave up"), not one that sets it,
    or a noun of a move ("the delay from March")."""
    if trigger.form == "noun":
        return trigger.text.lower() in events.move_nouns()
    return bool(move_regex().search(trigger.text))


# --- which dates a clause reports left --------------------------------------------------


@dataclass
class CueQuery:
    """A time expression, its clause, and the triggers of its sentence."""

    body: str
    clause: tuple[int, int]
    timex: Timex
    triggers: tuple[events.Trigger, ...]
    timexes: list[Timex]

    @property
    def before(self) -> str:
        return self.body[max(self.clause[0], self.timex.start - 60):self.timex.start]

    def at(self, match: re.Match) -> int:
        """The body offset of a match in `before`."""
        return self.timex.start - len(self.before) + match.start("cue")


@dataclass(frozen=True)
class Cue:
    """Words that report a date left: the strategy that read them and the span to cite."""

    strategy: str
    start: int
    end: int


def slot_end(q: CueQuery) -> int:
    """The end of the date, with the slot noun after it ("its June 2020 date")."""
    noun = patterns()["slot_after"].match(q.body, q.timex.end)
    return noun.end() if noun else q.timex.end


def left_from(q: CueQuery) -> Cue | None:
    """"moves from Dec. 23 to July 2", "pushed it out of its December 2020 slot": a date
    after from / out of / off, when the nearest verb before it in the clause moves a date."""
    found = patterns()["after_move"].search(q.before)
    if not found:
        return None
    start = q.at(found)
    verbs = [t for t in q.triggers if q.clause[0] <= t.start and t.end <= start and (t.form != "noun" or is_move(t))]
    if not verbs or not is_move(verbs[-1]):
        return None
    return Cue("left_from", start, slot_end(q))


def instead_of(q: CueQuery) -> Cue | None:
    """"will now open April 23, 2021, instead of Sept. 4": the date it replaces."""
    found = patterns()["instead"].search(q.before)
    return Cue("instead_of", q.at(found), slot_end(q)) if found else None


def left_slot(q: CueQuery) -> Cue | None:
    """"gave up Dec. 23 for July 2", "lost its June 2020 date", "had held the Nov. 19 date":
    the dated object of a verb that leaves it (a bare year needs its slot noun)."""
    found = patterns()["leave"].search(q.before)
    if not found:
        return None
    end = slot_end(q)
    if end == q.timex.end and not re.match(r"\d{4}-\d{2}", q.timex.value):
        return None  # "lost 2020 to the pandemic": no slot
    return Cue("left_slot", q.at(found), end)


def original_slot(q: CueQuery) -> Cue | None:
    """"nearly three years after its original July 2019 date": an old adjective before a
    date and its slot noun (not "the original 1986 film")."""
    found = patterns()["old_adjective"].search(q.before)
    end = slot_end(q)
    return Cue("original_slot", q.at(found), end) if found and end > q.timex.end else None


def earlier_step(q: CueQuery) -> Cue | None:
    """"pushed it to Nov. 4, 2022, then to July 7, 2023": a destination another one follows."""
    if not DESTINATION.search(q.before):
        return None
    following = next((t for t in q.timexes if t.start >= q.timex.end), None)
    if following is None or following.start > q.clause[1] or \
            not patterns()["then"].match(q.body[q.timex.end:following.start]):
        return None
    moves = [t for t in q.triggers if q.clause[0] <= t.start < q.timex.start and is_move(t)]
    return Cue("earlier_step", moves[-1].start if moves else q.timex.start, q.timex.end)


OLD_DATE_CUES = (left_from, instead_of, left_slot, original_slot, earlier_step)


def old_cue(context: ArticleContext, sentence: Sentence, timex: Timex) -> Cue | None:
    """The words that report a date left, if any (ordered strategies, first wins)."""
    clause = sentence.clause_at(timex.start)
    triggers = events.find_triggers(sentence.text, sentence.start)
    timexes = [t for t in context.times_between(sentence.start, sentence.end) if t.type in CALENDAR_TYPES]
    return strategies.first(OLD_DATE_CUES, CueQuery(context.article.body, clause, timex, triggers, timexes))[0]


def gives_up_a_date(context: ArticleContext, sentence: Sentence, trigger: events.Trigger) -> bool:
    """"gave up Dec. 23 for July 2", "lost its June 2020 date": the verb's object is a date
    (not "lost its star in 2019")."""
    clause = sentence.clause_at(trigger.start)
    triggers = events.find_triggers(sentence.text, sentence.start)
    for timex in context.times_between(trigger.end, min(clause[1], trigger.end + 40)):
        cue = left_slot(CueQuery(context.article.body, clause, timex, triggers, []))
        if cue and cue.start == trigger.start:
            return True
    return False


def is_left(context: ArticleContext, sentence: Sentence, timex: Timex,
            trigger: events.Trigger | None = None) -> bool:
    """A date the clause reports left (by words after `trigger`, when one is given: "opens
    April 23 instead of Sept. 4", not the date "lost" itself states)."""
    cue = old_cue(context, sentence, timex)
    return cue is not None and (trigger is None or cue.start >= trigger.end)


def destination(context: ArticleContext, sentence: Sentence, trigger: events.Trigger,
                after: list[Timex]) -> Timex | None:
    """The date a move verb gives: its last destination ("pushed it to Nov. 4, 2022, then to
    July 7, 2023": July 7), never a date it left ("moves from Dec. 23 to July 2"); a verb of a
    date given up with no destination states the date it left ("lost its June 2020 date")."""
    if not is_move(trigger):
        return None
    body = context.article.body
    clause = sentence.clause_at(trigger.start)
    triggers = events.find_triggers(sentence.text, sentence.start)
    found = [t for t in after if DESTINATION.search(body[max(0, t.start - 30):t.start])
             and not left_from(CueQuery(body, clause, t, triggers, []))]
    if found:
        return found[-1]
    if trigger.needs_slot:
        return next((t for t in after if left_slot(CueQuery(body, clause, t, triggers, []))), None)
    return None


def old_plan(context: ArticleContext, clause: tuple[int, int], trigger: events.Trigger,
             timex: Timex) -> bool:
    """"was originally dated for July 12, 2019", "had been set to open March 20", "had widely
    been expected to arrive", "was supposed to kick off", "The premiere, originally set for
    March, ...": a plan the clause tells as replaced. Only the verb group of this trigger
    counts (from the last time or trigger before it), and the words between it and its time."""
    body = context.article.body
    start = clause[0]
    for other_time in context.times_between(clause[0], trigger.start):
        if other_time.end <= trigger.start and other_time.value[:1].isdigit():
            start = max(start, other_time.end)  # (not "previously", a vague time)
    for other in events.find_triggers(body[clause[0]:clause[1]], clause[0]):
        # (a plan word that governs this trigger is its verb group: "had been due to start
        # filming this May")
        if other.end <= trigger.start and not events.governs(body, other, trigger):
            start = max(start, other.end)
    between = body[trigger.end:timex.start] if timex.start >= trigger.end else ""
    return bool(patterns()["old_plan"].search(body[start:trigger.end]) or patterns()["old_plan"].search(between))


# --- a sentence's claims ------------------------------------------------------------------


@dataclass
class Reading:
    """A claim with the trigger it was read from and the time expression it took."""

    claim: Claim
    trigger: events.Trigger
    timex: Timex | None
    clause: tuple[int, int]


def sentence_moves(context: ArticleContext, sentence: Sentence, readings: list[Reading]) -> list[Claim]:
    """A sentence's claims with the dates it reports left marked superseded, each statement of
    a clause with a move citing its own part, and a claim for each left date no trigger took."""
    current = any(r.claim.tense in ("present", "future") for r in readings if r.claim.time)
    readings = moved_shoots(context, sentence, readings)
    marked: list[Reading] = []
    for reading in readings:
        claim = reading.claim
        if claim.relation is None and claim.time is not None and reading.timex is not None:
            cue = old_cue(context, sentence, reading.timex)
            if cue is None and old_plan(context, reading.clause, reading.trigger, reading.timex):
                cue = Cue("old_plan", claim.evidence.start, claim.evidence.end)
            if cue is not None:
                mover = next((r for r in readings if r.clause == reading.clause and is_move(r.trigger)
                              and r.trigger.form != "noun"), None)
                if reading.trigger.form == "noun" and mover is not None:
                    # "was pushed back from its planned May 1 debut": the move's verb tells it
                    claim = claim.model_copy(update={"tense": mover.claim.tense})
                claim = superseded(context, sentence, claim, reading.timex, cue, current)
            elif story_time(context, reading) or time_of_the_move(context, reading):
                continue
            elif events.is_scheduling(reading.trigger) or is_move(reading.trigger):
                claim.explain["step"] = "narrated" if narrated(context, sentence, reading) else "current"
                claim = asserted_move(context, sentence, reading, claim)
                if is_move(reading.trigger):
                    claim = delayed_until(context, reading, claim)
        marked.append(replace(reading, claim=claim))
    marked = segmented(context, marked)
    claims = [reading.claim for reading in marked]
    if not claims:
        return claims   # (a left date belongs to some claim of the sentence: none to look for)
    taken = {r.timex.start for r in readings if r.timex is not None and r.claim.relation is None}
    for timex in context.times_between(sentence.start, sentence.end):
        if timex.start in taken or timex.type not in CALENDAR_TYPES:
            continue
        cue = old_cue(context, sentence, timex)
        if not cue:
            continue
        for owner in owner_claims(marked, sentence.clause_at(timex.start), timex):
            if cue.strategy == "earlier_step":
                cue = replace(cue, start=min(cue.start, owner.evidence.start))
            claims.append(superseded(context, sentence, owner, timex, cue, current))
    return claims


def moved_shoots(context: ArticleContext, sentence: Sentence, readings: list[Reading]) -> list[Reading]:
    """"Filming on X has been pushed to January 2021", "the pandemic pushed production back to
    the summer", "delayed the start of filming until June": a move of the shoot dates its
    start (retyping `moved_shoot`); the shoot's own word then states nothing more."""
    body = context.article.body
    dropped: set[int] = set()
    out = list(readings)
    for move in events.find_triggers(sentence.text, sentence.start):
        shoot = shoot_moved(context, sentence, move) if is_move(move) and move.form != "noun" else None
        if shoot is None:
            continue
        moved = [i for i, r in enumerate(out) if r.trigger == move and r.claim.event == "release"]
        if not moved:  # "pushed production on X back to the summer": the shoot's word has the work
            moved = [i for i, r in enumerate(out) if r.trigger == shoot and r.claim.time is not None
                     and r.timex is not None and r.timex.start > move.end]
        else:
            dropped.add(shoot.start)
        for i in moved:
            reading = out[i]
            dated = reading.timex is not None and bool(DESTINATION.search(body[max(0, reading.timex.start - 30):
                                                                                 reading.timex.start]))
            update = {"event": "filming_start" if dated else reading.claim.event if reading.trigger == shoot
                      else "filming", "explain": {**reading.claim.explain, "retyped": "moved_shoot"}}
            claim = delayed_until(context, reading, reading.claim) if dated else reading.claim
            out[i] = replace(reading, claim=claim.model_copy(update=update))
    return [r for r in out if not (r.trigger.start in dropped and r.claim.time is None)]


def shoot_moved(context: ArticleContext, sentence: Sentence, move: events.Trigger) -> events.Trigger | None:
    """The shoot a move verb moves: a filming word as its subject ("Production ... was
    moved") or right after it ("pushed production back", "delayed the start of filming")."""
    body = context.article.body
    clause = sentence.clause_at(move.start)
    shoots = [t for t in events.find_triggers(sentence.text, sentence.start)
              if t.event.startswith("filming") and clause[0] <= t.start < clause[1]]
    before = [t for t in shoots if t.end <= move.start and not re.search(r"[,;]", body[t.end:move.start])]
    after = [t for t in shoots if t.start >= move.end
             and re.fullmatch(r"\s+(?:(?:the|its|their)\s+)?", body[move.end:t.start])]
    return before[-1] if before else after[0] if after else None


def delayed_until(context: ArticleContext, reading: Reading, claim: Claim) -> Claim:
    """"delayed until 2022", "postponed till June": the new date, not a deadline (mod null)."""
    body = context.article.body
    if claim.time is None or claim.time.mod != "ON_OR_BEFORE" or reading.timex is None or \
            not re.search(r"\b(?:until|till)\s+(?:\w+\s+)?$", body[max(0, reading.timex.start - 12):reading.timex.start],
                          re.IGNORECASE):
        return claim
    time = claim.time.model_copy(update={"mod": None})
    return claim.model_copy(update={"time": time, "interval": resolve_interval(time.value, None, context.published)})


def asserted_move(context: ArticleContext, sentence: Sentence, reading: Reading, claim: Claim) -> Claim:
    """"was pushed back from its planned May 1 debut to May 8": a plan word among the words
    of the date left hedges that date, not the move (CONTRACT §2: the new date is asserted)."""
    if claim.modality != "expected" or not is_move(reading.trigger):
        return claim
    body = context.article.body
    text = list(body[reading.trigger.start:reading.clause[1]])
    for timex in context.times_between(reading.trigger.end, reading.clause[1]):
        cue = old_cue(context, sentence, timex)
        start, end = (cue.start, cue.end) if cue else (timex.start, timex.end)  # ("May 8" is no "may")
        for i in range(max(start, reading.trigger.start), min(end, reading.clause[1])):
            text[i - reading.trigger.start] = " "
    if grammar.modality("", "".join(text)) == "asserted" and \
            grammar.modality("", body[reading.clause[0]:reading.trigger.end]) == "asserted":
        return claim.model_copy(update={"modality": "asserted"})
    return claim


def story_time(context: ArticleContext, reading: Reading) -> bool:
    """"The new season jumps ahead to 1964": a move told as happening now to a date already
    past is the story's time, not a schedule."""
    claim, published = reading.claim, context.published
    return is_move(reading.trigger) and claim.tense in ("present", "future") and published is not None \
        and claim.interval is not None and claim.interval.latest is not None \
        and claim.interval.latest < published.earliest


@cache
def platform_after() -> re.Pattern:
    """"moved to Netflix", "shifted to NBC": a move to a platform (events.yaml `platforms`)."""
    return re.compile(rf"\b(?:to|onto|over\s+to)\s+(?:{lexicon.alternation(lexicon.entry('events', 'platforms'))})(?![\w-])",
                      re.IGNORECASE)


def time_of_the_move(context: ArticleContext, reading: Reading) -> bool:
    """"The next two films, which Paramount shifted in April", "was delayed last week": a time
    a move verb takes that is no destination dates the move, not the work (a move to a
    platform, "moved to Netflix in 2019", is the work's arrival there)."""
    body = context.article.body
    trigger, timex = reading.trigger, reading.timex
    if not is_move(trigger) or trigger.form == "noun" or timex is None or timex.start < trigger.end:
        return False
    return not DESTINATION.search(body[max(0, timex.start - 30):timex.start]) \
        and not platform_after().search(body[trigger.end:timex.start])


def narrated(context: ArticleContext, sentence: Sentence, reading: Reading) -> bool:
    """A step told in the simple past ("Paramount moved it to Dec. 23", "was set for Aug. 5"),
    not a move being reported ("has pushed", "moves", "will open", a headline's "X Delayed")."""
    before = context.article.body[reading.clause[0]:reading.trigger.start]
    return reading.claim.tense == "past" and not sentence.headline and not PERFECT.search(before[-60:]) \
        and not PERFECT.search(before[-60:] + reading.trigger.text.split()[0] + " ")


def owner_claims(readings: list[Reading], clause: tuple[int, int], timex: Timex) -> list[Claim]:
    """The claims a left date belongs to: those of the nearest trigger of its clause, one
    before it first ("Jackass 4 moves from Sept. 3"), else after ("which had held the Nov.
    19 date, moves to May 27")."""
    inside = [r for r in readings if clause[0] <= r.trigger.start < clause[1] and r.claim.relation is None
              and r.claim.event in ("release", "filming", "filming_start", "filming_end")
              and not r.claim.superseded]
    before = [r for r in inside if r.trigger.start < timex.start]
    after = [r for r in inside if r.trigger.start > timex.start]
    chosen = before[-1].trigger if before else after[0].trigger if after else None
    return [r.claim for r in inside if r.trigger == chosen]


def segmented(context: ArticleContext, readings: list[Reading]) -> list[Reading]:
    """The dated statements of a clause with a move or a left date each cite their own part,
    from the end of the one before to the end of their own date: "is now slated to release on
    July 2, 2021 | after Paramount pushed it out of its December 2020 slot"; "The pandemic
    pushed it to Nov. 4, 2022, then to July 7, 2023, | and in January 2022 it moved again, to
    June 28, 2024". (A claim that already cites its own words keeps them.)"""
    body = context.article.body
    out = list(readings)
    by_clause: dict[tuple[int, int], list[int]] = {}
    for index, reading in enumerate(readings):
        if reading.claim.relation is None and reading.timex is not None and reading.claim.time is not None:
            by_clause.setdefault(reading.clause, []).append(index)
    for clause, indices in by_clause.items():
        triggers = sorted({readings[i].trigger.start for i in indices})
        if len(triggers) < 2:
            continue
        # (by_clause holds only readings with a time and a time expression)
        values = {time.value for i in indices if (time := readings[i].claim.time) is not None}
        if len(values) < 2 or not any(
                is_move(readings[i].trigger) or readings[i].claim.superseded for i in indices):
            continue
        start = clause[0]
        for position, trigger_start in enumerate(triggers):
            mine = [i for i in indices if readings[i].trigger.start == trigger_start]
            end = clause[1] if position == len(triggers) - 1 else max(
                max(timex.end for i in mine if (timex := readings[i].timex) is not None), readings[mine[0]].trigger.end)
            if position < len(triggers) - 1:
                # ... up to the conjunction before the next one ("..., and last July it gave up").
                joints = list(JOINT.finditer(body, end, triggers[position + 1]))
                if joints:
                    end = joints[-1].start()
            while start < end and body[start] in " ,;":
                start += 1
            for i in mine:
                claim = readings[i].claim
                if claim.evidence.start <= clause[0] and claim.evidence.end >= clause[1]:
                    out[i] = replace(readings[i], claim=claim.model_copy(update={
                        "evidence": Evidence(start=start, end=end, text=body[start:end])}))
            joint = JOINT.match(body, end)
            start = max(start, joint.end() if joint else end)
    return out


# Where one statement of a clause ends and the next begins: ", and", ", after", " before".
JOINT = re.compile(r"\s*,\s*(?:(?:and|but|then|before|after|while|when|as)\s+)?|\s+(?:and|but|before|after|while)\s+",
                   re.IGNORECASE)


# A verb of a date given up in the past: "had held", "gave up", "lost", "vacated".
LEFT_IN_PAST = re.compile(r"had\s|gave\s|lost\s|\w+ed\s", re.IGNORECASE)


def superseded(context: ArticleContext, sentence: Sentence, claim: Claim, timex: Timex, cue: Cue,
               current: bool) -> Claim:
    """The claim at a left date: superseded, modality expected, citing the words that left it."""
    body = context.article.body
    value, mod, year = old_year(context, sentence, timex, claim, current, cue.strategy)
    time = TimeValue(value=value, mod=cast("TimeMod | None", mod))
    start, end = cue.start, cue.end
    if cue.strategy == "old_plan":
        start, end = claim.evidence.start, claim.evidence.end
    explain = {**claim.explain, "move": cue.strategy, **({"old_year": year} if year else {})}
    explain.pop("step", None)
    tense = claim.tense
    if cue.strategy == "left_slot" and LEFT_IN_PAST.match(body[cue.start:cue.end]):
        tense = "past"  # "which had held the Nov. 19 date, moves to May 27": the date was held before
    elif cue.strategy == "original_slot":
        tense = "none"  # "nearly three years after its original July 2019 date": a noun phrase
    # (a move only guessed at, "might be delayed from April 2019", leaves the date a guess)
    modality = "speculative" if claim.modality == "speculative" else "expected"
    return claim.model_copy(update={
        "time": time, "time_text": timex.text, "superseded": True, "modality": modality, "tense": tense,
        "interval": resolve_interval(value, mod, context.published),
        "evidence": Evidence(start=start, end=end, text=body[start:end]), "explain": explain})


# --- the year of an old date ---------------------------------------------------------------


@dataclass
class OldYear:
    """A year-less old date and what its sentence says around it."""

    context: ArticleContext
    sentence: Sentence
    timex: Timex
    claim: Claim
    current: bool     # the sentence also states a date as current (present or future tense)
    strategy: str     # the cue that reports the date left


def written_in_article(q: OldYear) -> Timex | None:
    """"had been slotted for July 2" beside "gave up Dec. 23 for July 2, 2021": the year the
    article writes for the same month and day."""
    year = q.context.written_year(q.timex)
    return retimed(q.timex, year) if year else None


def same_month_nearby(q: OldYear) -> Timex | None:
    """"it was pushed to June 2020. In April, Paramount moved it from June 24": the year of
    the same month written in this sentence or the one before."""
    month = q.timex.value[5:7]
    if not re.match(r"\d{4}-\d{2}", q.timex.value):
        return None
    index = q.context.index_of(q.sentence)
    start = q.context.sentences[max(0, index - 1)].start
    written = [t for t in q.context.times_between(start, q.timex.start) if not t.year_inferred
               and re.fullmatch(rf"\d{{4}}-{month}(?:-\d{{2}})?", t.value)]
    return retimed(q.timex, int(written[-1].value[:4])) if written else None


def after_the_move(q: OldYear) -> Timex | None:
    """"In April, Paramount moved it from June 24", "last July it gave up Dec. 23": a date
    left at a time the clause gives before its verb lies after that time."""
    clause = q.sentence.clause_at(q.timex.start)
    start = max(clause[0], q.claim.evidence.start)  # (the move's own part of the clause)
    verb = min((t.start for t in events.find_triggers(q.sentence.text, q.sentence.start) if t.start >= start),
               default=q.timex.start)
    said = [t for t in q.context.times_between(start, min(verb, q.timex.start)) if t.end <= min(verb, q.timex.start)
            and t.type == "DATE" and re.match(r"\d{4}-\d{2}", t.value) and not t.year_inferred
            and not re.search(r"\b(?:from|to|for|until|into|of|in)\s+$",
                              q.context.article.body[max(0, t.start - 8):t.start], re.IGNORECASE)]
    if not said:
        return None
    year, month = int(said[-1].value[:4]), int(said[-1].value[5:7])
    return renormalize(q.timex, Published(year=year, month=month), "future")


def current_move(q: OldYear) -> Timex | None:
    """"which had held the Nov. 19 date, moves to May 27, 2022": a move made now left a date
    that was still ahead (not one after the date it was moved to: "had been due to start in
    February ..., and it is now expected to start in September" is that year's February)."""
    if not q.current:
        return None
    moved = renormalize(q.timex, q.context.published, "future")
    later = [t.value[:7] for t in q.context.times_between(q.timex.end, q.sentence.end)
             if re.match(r"\d{4}-\d{2}", t.value)]
    return None if q.strategy == "old_plan" and later and moved.value[:7] > max(later) else moved


def as_told(q: OldYear) -> Timex | None:
    """"had been set to open March 20", "In February, production was supposed to kick off": a
    plan told in the past keeps the year its clause's tense gave it."""
    if q.strategy != "old_plan" or q.claim.time is None:
        return None
    value = q.claim.time.value
    assert value is not None  # (a claim read from a time expression has its value)
    if not value[:4].isdigit():
        return None
    return retimed(q.timex, int(value[:4]))


def nearest(q: OldYear) -> Timex | None:
    """"Within hours, it moved X from July 9 to July 2": the nearest such date."""
    return renormalize(q.timex, q.context.published, None)


OLD_YEARS = (written_in_article, same_month_nearby, after_the_move, current_move, as_told, nearest)


def retimed(timex: Timex, year: int) -> Timex:
    return Timex(timex.start, timex.end, timex.text, timex.type, f"{year:04d}{timex.value[4:]}", timex.mod)


def old_year(context: ArticleContext, sentence: Sentence, timex: Timex, claim: Claim,
             current: bool, strategy: str) -> tuple[str, str | None, str | None]:
    """The value and mod of an old date, and the OLD_YEARS strategy that gave its year (None
    when the date is written with its year)."""
    if not timex.year_inferred or context.published is None:
        return timex.value, timex.mod, None
    dated, name = strategies.first(OLD_YEARS, OldYear(context, sentence, timex, claim, current, strategy))
    return (dated or timex).value, (dated or timex).mod, name


# --- the article's history ------------------------------------------------------------------


def month_hull(interval: Interval) -> tuple[dt.date | None, dt.date | None]:
    """The calendar months an interval touches."""
    earliest, latest = interval.earliest, interval.latest
    if earliest is not None:
        earliest = earliest.replace(day=1)
    if latest is not None:
        latest = (latest.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return earliest, latest


def overlaps(a: Interval, b: Interval) -> bool:
    return (a.earliest is None or b.latest is None or a.earliest <= b.latest) and \
        (b.earliest is None or a.latest is None or b.earliest <= a.latest)


def same_date(a: Interval, b: Interval) -> bool:
    """The same day, or, when either is no single day, the same calendar month(s): "June 2020"
    is "June 24, 2020", but "July 2" is not "July 9"."""
    if a.earliest == a.latest and b.earliest == b.latest:
        return a.earliest == b.earliest
    return month_hull(a) == month_hull(b)


def left_again(steps: list[Claim], others: list[Claim]) -> list[Claim]:
    """"was pushed to June 2020 ... moved it from June 24 to Dec. 23": a step told in the
    past at a date the article says was left."""
    left = [c.interval for c in others if c.superseded and c.interval]
    return [c for c in steps if c.interval and any(same_date(c.interval, old) for old in left)]


def later_step(steps: list[Claim], others: list[Claim]) -> list[Claim]:
    """"The pandemic pushed it to Nov. 4, 2022 ... In October 2023 Paramount shifted it to May
    23, 2025": a step told in the past whose date the current one does not share. The current
    date is one the article states as current (a move being reported, a schedule in the
    present or future), else its last step. (A past fact is no current date: "the first
    season premiered in 2019" beside "Netflix set its return for January 2020".)"""
    # (an open-ended date, "ahead of May 23", overlaps every step: it fixes no current date)
    current = [c for c in others if not c.superseded and not c.negated and c.interval
               and c.interval.earliest is not None and c.interval.latest is not None
               and (c.explain.get("step") == "current" or c.tense in ("present", "future", "none")
                    and c.explain.get("step") != "narrated")]
    if not current:
        current = steps[-1:]
    # (every claim of a history has an interval: article_history groups only those)
    return [c for c in steps if c not in current and c.interval
            and not any(d.interval and overlaps(c.interval, d.interval) for d in current)]


HISTORY = (left_again, later_step)


def article_history(claims: list[Claim]) -> list[Claim]:
    """The article's claims with the steps its move histories left marked superseded."""
    groups: dict[tuple, list[int]] = {}
    for index, claim in enumerate(claims):
        if claim.relation is None and claim.interval is not None:
            groups.setdefault((claim.subject.work, claim.subject.season or 1, claim.event), []).append(index)
    out = list(claims)
    for indices in groups.values():
        group = sorted((out[i] for i in indices), key=lambda c: c.evidence.start)
        if not any(c.superseded for c in group) and len({c.time.value for c in group if c.time}) < 2:
            continue
        for rule in HISTORY:
            # (A report is no step: "Word was that it had been pushed to 2017, yet executives
            # assured fans it would land in 2018" gives two reports, not a move.)
            steps = [c for c in group if c.explain.get("step") == "narrated" and not c.superseded and not c.negated
                     and c.modality in ("asserted", "expected")]
            for claim in rule(steps, group):
                index = next(i for i in indices if out[i] is claim)
                marked = claim.model_copy(update={"superseded": True, "modality": "expected",
                                                  "explain": {**claim.explain, "move": rule.__name__}})
                out[index] = marked
                group[group.index(claim)] = marked
    return out
