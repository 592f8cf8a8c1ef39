"""From articles to dated claims: the extraction steps run in order over a whole corpus.

Works are learned from the whole corpus first (a title one outlet italicizes helps read
another outlet's headline); then each article is read sentence by sentence: event
triggers, the works they are about, the time, tense, modality, negation and speaker.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cache
from typing import cast

from claims.extract import (boilerplate, confidence, event_typing, events, grammar, lexicon, moves, parallel,
                            registry, seasons, spellings, works)
from claims.extract.attribution import speaker_for
from claims.extract.context import ArticleContext, Subj
from claims.extract.order import decision_orders, order_claims
from claims.extract.registry import WorkConfig
from claims.extract.sentences import Sentence, quotation_spans, split_sentences, text_after, text_before
from claims.extract.subjects import focus_of, subjects_for, subjects_in
from claims.extract.temporal import Timex, find_timexes
from claims.extract.temporal.impossible import impossible_dates
from claims.extract.times import CALENDAR_TYPES, TIME_AFTER_FOR, time_for, time_range, time_value
from claims.intervals import resolve_interval
from claims.models import (Article, Claim, Event, Evidence, ImpossibleDate, Modality, Subject, Tense, TimeMod,
                           TimeValue)
from claims.names import Spellings
from claims.reading import ReadProblem

# "premieres in 2017, along with X": X shares the event and its time.
ALONG_WITH = re.compile(r"(?:,\s*)?\b(?:along\s+with|alongside|together\s+with|as\s+well\s+as)\s+$",
                        re.IGNORECASE)


def outlet_names(articles: Iterable[Article]) -> set[str]:
    """Outlets and authors of the corpus: names that are never works."""
    names = set()
    for article in articles:
        for name in (article.outlet, article.author):
            if name:
                names.add(works.fold_title(name))
    return names


def sentences_of(article: Article) -> list[Sentence]:
    """The sentences extraction reads: the body's, without boilerplate lines and captions."""
    return boilerplate.without_captions(split_sentences(article.body, boilerplate.skipped_lines(article)))


class Documents(Sequence):
    """(article id, [(start, end, text, headline)]) per article, as work learning reads them.

    Split into sentences when a batch is asked for (`documents[start:stop]`, in the process
    or worker that reads the batch), unless `texts` holds them already: a corpus's sentences
    are never all in memory at once."""

    def __init__(self, articles: Sequence[Article], texts: dict[str, list[Sentence]] | None = None):
        self.articles = articles
        self.texts = texts

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.document(article) for article in self.articles[index]]
        return self.document(self.articles[index])

    def document(self, article: Article) -> tuple[str, list[tuple]]:
        sentences = self.texts[article.id] if self.texts is not None else sentences_of(article)
        return article.id, [(s.start, s.end, s.text, s.headline) for s in sentences]


def learn(articles: Sequence[Article], texts: dict[str, list[Sentence]] | None = None,
          config: WorkConfig | None = None, jobs: parallel.Jobs = 1,
          progress: parallel.ProgressReport | None = None) -> works.WorkLexicon:
    """The works of the articles (`texts`: their sentences, when already split)."""
    pattern = events.work_cue_matcher()
    return works.learn_works(Documents(articles, texts), pattern, outlet_names(articles), config, jobs, progress)


def learn_more(known: works.WorkLexicon, articles: Sequence[Article], texts: dict[str, list[Sentence]],
               config: WorkConfig | None = None) -> works.WorkLexicon:
    """A bigger corpus's lexicon with what a few new articles add: learned from them only
    when they name something it did not decide (most articles about known works do not, and
    learning's patterns cost more to compile than the rest of such a check)."""
    names = registry.names_in(Documents(articles, texts), works.fold_title)
    new = learn(articles, texts, config) if any(not works.decided(known, key) for key in names) else None
    return works.add_new_works(known, new)


@dataclasses.dataclass
class Extraction:
    """A corpus's claims, and the works and persons learned from it (name checks use them)."""

    claims: list[Claim]
    lexicon: works.WorkLexicon
    # (article id, trigger as written, the event-typing check that dropped it)
    dropped: list[tuple[str, str, str]] = dataclasses.field(default_factory=list)
    # How the articles spell names (for `name-variant`), collected as they were read.
    spellings: Spellings | None = None
    # The articles whose claims could not be read (the checker failed on them): the others'
    # claims are still here.
    problems: list[ReadProblem] = dataclasses.field(default_factory=list)
    # Calendar dates no calendar has ("February 30"), as the articles write them (for
    # `invalid-date`); they time no claim.
    impossible_dates: list[ImpossibleDate] = dataclasses.field(default_factory=list)


def extract_corpus(articles: Sequence[Article], config: WorkConfig | None = None,
                   jobs: parallel.Jobs = 1, progress: parallel.ProgressReport | None = None,
                   with_spellings: bool = False, known: works.WorkLexicon | None = None) -> Extraction:
    """Every claim of every article, ids c1, c2, ... in article order.

    jobs: worker processes (None: every core), or a Dask cluster; the claims are the same
    wherever they run.
    progress: told how far learning the works and reading the claims are.
    with_spellings: also collect how the articles spell names (for name-variant).
    known: the works learned from a bigger corpus these articles join (an incremental
    check, not yet indexed); only the names it did not decide are learned from these
    articles.
    """
    with parallel.cycle_collection_paused():
        # (A few new articles are split once for learning and reading; a corpus batch by
        # batch, once for each, so that its sentences are never all held at once.)
        texts: dict[str, list[Sentence]] | None = None
        if known is None:
            lexicon_ = learn(articles, None, config, jobs, progress)
        else:
            texts = {article.id: sentences_of(article) for article in articles}
            lexicon_ = learn_more(known, articles, texts, config)
        claims: list[Claim] = []
        dropped: list[tuple[str, str, str]] = []
        problems: list[ReadProblem] = []
        dates: list[ImpossibleDate] = []
        names = Spellings() if with_spellings else None
        parts: dict = {}   # (the claims' equal subjects, times and intervals, kept once)
        few = [article.body for article in articles] if known is not None else None
        titles = spellings.title_pattern(lexicon_.titles.values(), few) if with_spellings else None
        for batch_claims, batch_dropped, batch_names, batch_problems, batch_dates in parallel.map_ranges(
                extract_range, len(articles), jobs, (articles, lexicon_, texts, (titles, with_spellings)),
                parallel.step_progress(progress, "reading claims", len(articles))):
            for claim in batch_claims:
                claims.append(claim.model_copy(update={"id": f"c{len(claims) + 1}"}).compacted(parts))
            dropped += batch_dropped
            problems += batch_problems
            dates += batch_dates
            if names is not None:
                assert batch_names is not None  # (every batch collects them when asked)
                names.merge(batch_names, other_articles=True)   # (each article is in one batch)
        if names is not None and known is None:
            names.resolve()   # (a whole corpus: nothing merges into its spellings later)
    return Extraction(claims, lexicon_, dropped, names, problems, dates)


def extract_range(shared: tuple, start: int, stop: int
                  ) -> tuple[list[Claim], list[tuple[str, str, str]], Spellings | None, list[ReadProblem],
                             list[ImpossibleDate]]:
    """The claims of articles[start:stop], the triggers event typing set aside, how the
    articles spell names (when asked for), the articles the checker failed on, and the
    impossible dates the articles write."""
    articles, lexicon_, texts, (titles, with_spellings) = shared
    claims: list[Claim] = []
    dropped: list[tuple[str, str, str]] = []
    problems: list[ReadProblem] = []
    dates: list[ImpossibleDate] = []
    for article in articles[start:stop]:
        try:
            sentences = texts[article.id] if texts is not None else sentences_of(article)
            found = extract_article(article, lexicon_, sentences, dropped)
            noted = noted_dates(article, lexicon_, sentences)
        except Exception as err:   # (a bug meets this text: one article lost, not the run)
            problems.append(failed_on(article, err))
            continue
        claims += found
        dates += noted
    return (claims, dropped, spellings.collect(articles[start:stop], titles) if with_spellings else None,
            problems, dates)


def noted_dates(article: Article, lexicon_: works.WorkLexicon, sentences: list[Sentence]) -> list[ImpossibleDate]:
    """The impossible dates the article writes, but those inside a work's title ("August
    32nd on Earth" as the corpus names it)."""
    starts = [sentence.start for sentence in sentences]
    found = [date for date in impossible_dates(article) if not inside_a_title(date, sentences, starts, lexicon_)]
    lexicon_.mentions.clear()   # (as extract_article does: memory stays flat)
    return found


def failed_on(article: Article, err: Exception) -> ReadProblem:
    """The problem line for an article the checker failed to read claims from."""
    return ReadProblem(article.path or article.id,
                       f"article {article.id!r}: the checker failed to read its claims ({type(err).__name__}: {err}); "
                       "its other articles were checked. Please report this with the article's text",
                       article.body_line)


def extract_claims(articles: list[Article]) -> list[Claim]:
    return extract_corpus(articles).claims


def extract_article(article: Article, lexicon_: works.WorkLexicon, sentences: list[Sentence],
                    dropped: list[tuple[str, str, str]] | None = None) -> list[Claim]:
    """The claims of one article; the triggers event typing set aside go to `dropped`."""
    if not any(events.find_triggers(s.text, s.start) or events.find_markers(s.text, s.start) for s in sentences):
        return []  # no event word nor order marker: no claim (most celebrity news), nothing to read
    if not names_a_work(article, lexicon_, sentences):
        return []  # every claim is about a work the article names (or refers back to): none here
    starts = [sentence.start for sentence in sentences]
    timexes = [t for t in find_timexes(article.body, article.published)
               if not names_an_occasion(article.body, t) and not inside_a_title(t, sentences, starts, lexicon_)
               and not set_off_by_pipes(article.body, t)]
    context = ArticleContext(article, lexicon_, sentences, timexes, quotation_spans(article.body))
    context.focus, context.focus_season = focus_of(context)
    claims: dict[tuple, Claim] = {}
    for index, sentence in enumerate(sentences):
        context.sentence_index = index
        for claim in sentence_claims(context, sentence):
            # One claim per work, event and clause: two triggers for one statement ("was
            # confirmed to get a second season") keep the reading that has a time.
            # (A halt and a restart in one clause are two statements: "It resumed in August,
            # only to stop again in November".)
            key = (claim.subject, claim.event, claim.relation, claim.object,
                   claim.evidence.start, claim.evidence.end, claim.negated, claim.superseded)
            if key not in claims:
                claims[key] = claim
            elif claims[key].time is None and claim.time is not None:
                # Keep the time, and the finite verb's tense: "was confirmed to get".
                earlier = claims[key].tense
                claims[key] = claim.model_copy(update={"tense": earlier}) if claim.tense == "none" else claim
    lexicon_.mentions.clear()  # the mentions are asked for per article; keep memory flat
    if dropped is not None:
        dropped.extend((article.id, text, check) for text, check in context.dropped)
    return [claim if claim.relation else claim.model_copy(
                update={"confidence": confidence.of(claim, lexicon_, context.focus, context.named_in, context.focus_strong),
                        "time_is_now": says_now(claim.time_text)})
            for claim in moves.article_history(renewals_numbered(list(claims.values())))]


def renewals_numbered(claims: list[Claim]) -> list[Claim]:
    """A renewal that names no season ("The CW announced the renewal Monday") is of the season
    the article's other renewal or coming premiere of the work names, when it names one
    ("renewed for a fourth season", "will return for a fourth run"): a renewal is a series'
    next season (CONTRACT §2). A renewal dated otherwise is another one ("renewed in June
    2019" beside "ordered the sixth season in June 2020")."""
    numbered = []
    for claim in claims:
        if claim.event == "renewal" and claim.subject.season is None and claim.relation is None:
            named = {c.subject.season for c in claims
                     if c.subject.work == claim.subject.work and c.subject.season and c.relation is None
                     and not c.negated and (c.event == "renewal" and same_time(c, claim)
                                            or c.event == "release" and c.tense == "future")}
            if len(named) == 1:
                claim = claim.model_copy(update={"subject": claim.subject.model_copy(update={"season": named.pop()})})
        numbered.append(claim)
    return numbered


def same_time(one: Claim, other: Claim) -> bool:
    """Either claim has no time, or both have the same one."""
    return one.time is None or other.time is None or one.time.value == other.time.value


@cache
def says_now(time_text: str | None) -> bool:
    """The time expression, read alone, is the present ("now", "currently")."""
    return time_text is not None and any(timex.value == "PRESENT_REF" for timex in find_timexes(time_text, None))


def names_a_work(article: Article, lexicon_: works.WorkLexicon, sentences: list[Sentence]) -> bool:
    """The article names some work of the registry (a title, an alias, a short form or a
    franchise) in its title or a sentence: what every subject, reference and season phrase
    starts from. (The mentions are kept per sentence, so the claims' reading reuses them.)"""
    return bool(works.find_mentions(article.title or "", -1, lexicon_)) or any(
        works.find_mentions(s.text, s.start, lexicon_) for s in sentences)


def inside_a_title(timex: Timex | ImpossibleDate, sentences: list[Sentence], starts: list[int],
                   lexicon_: works.WorkLexicon) -> bool:
    """A time word that is part of a longer work's title ("Wonder Woman 1984", "Take Me Home
    Tonight", "Friday Night Lights") names the work, never a time. (A title that is only the
    time word, "Today", is a time where nothing marks it as a title: works.reads_as_time.)
    `starts`: the sentences' starts, where the time's sentence is looked for."""
    index = bisect_right(starts, timex.start) - 1
    if index < 0 or not timex.start < sentences[index].end:
        return False
    sentence = sentences[index]
    return any(mention.start <= timex.start and timex.end <= mention.end
               and mention.end - mention.start > timex.end - timex.start
               for mention in works.find_mentions(sentence.text, sentence.start, lexicon_))


PIPE_AFTER = re.compile(r"[^\S\n]*\|")
PIPE_BEFORE = re.compile(r"\|[^\S\n]*$")


def set_off_by_pipes(body: str, timex: Timex) -> bool:
    """A date a pipe sets off ("Sep 22, 2017 | By E Online | When X returns ..."): a byline's
    or a listing's, page furniture that dates no claim around it."""
    return bool(PIPE_AFTER.match(body, timex.end) or PIPE_BEFORE.search(body, max(0, timex.start - 5), timex.start))


def names_an_occasion(body: str, timex: Timex) -> bool:
    """A time that names the occasion after it ("CNN's New Year's Eve special", "the 2018
    Oscars party") dates that occasion, never a claim (events.yaml occasion_nouns)."""
    return bool(occasion_after().match(body, timex.end))


@cache
def occasion_after() -> re.Pattern:
    return re.compile(rf"['’]?s?\s+(?:{lexicon.alternation(lexicon.entry('events', 'occasion_nouns'))})(?![\w-])",
                      re.IGNORECASE)


# --- one sentence -------------------------------------------------------------------

@dataclasses.dataclass
class SentenceReading:
    """What the steps of one sentence share: its triggers, works and order markers, and the
    claims made so far."""

    context: ArticleContext
    sentence: Sentence
    triggers: tuple[events.Trigger, ...]
    subjects: list[Subj]
    markers: list[events.Marker]
    ordered: list[Claim] = dataclasses.field(default_factory=list)   # order claims
    claims: list[Claim] = dataclasses.field(default_factory=list)
    made: list[tuple[events.Trigger, Claim]] = dataclasses.field(default_factory=list)  # event claims, their triggers
    readings: list[moves.Reading] = dataclasses.field(default_factory=list)
    announced: list[Claim] = dataclasses.field(default_factory=list)  # renewals told by a return's announcement

    @property
    def body(self) -> str:
        return self.context.article.body


@dataclasses.dataclass
class TriggerReading:
    """One trigger being read: its clause, its works (and how they were found) and its time."""

    trigger: events.Trigger
    clause: tuple[int, int]
    query: event_typing.TriggerQuery
    targets: list[Subj]
    subject_strategy: str | None
    time: Timex | None
    time_strategy: str | None


def sentence_claims(context: ArticleContext, sentence: Sentence) -> list[Claim]:
    """The claims of one sentence: its order claims, each trigger's event claims, the moves
    they tell, decisions ordered against other events; then what the sentence leaves for the
    next one to read."""
    read = read_sentence(context, sentence)
    read.claims += read.ordered
    for trigger in read.triggers:
        found = trigger_reading(read, trigger)
        if found is not None:
            read_trigger(read, found)
    # The event claims, read for the moves they tell (a date left, a new date asserted).
    claims = read.claims + moves.sentence_moves(context, sentence, read.readings) + read.announced
    claims = with_decision_orders(read, claims)
    claims += continuation_claims(context, sentence, claims, list(read.triggers))
    claims = [c for c in claims if not untimed_repeat(c, claims)]
    if any(char.isalpha() for char in sentence.text):  # (a list's "1." leaves the memory alone)
        remember(context, read.subjects, list(read.triggers))
        remember_sentence(context, claims, read.subjects)
    # A work a sentence makes a claim about counts as told of there, named or referred to.
    named = {s.work for s in read.subjects if s.explicit}
    context.named_in.update({context.lexicon_key(c.subject.work) for c in claims if c.relation is None}
                            - {context.lexicon_key(work) for work in named})
    return claims


def read_sentence(context: ArticleContext, sentence: Sentence) -> SentenceReading:
    """The sentence's triggers, works and order markers, and its order claims."""
    triggers = events.find_triggers(sentence.text, sentence.start)
    subjects = subjects_in(context, sentence)
    # "the third season of another big British production, X": a noun inside a season's
    # phrase describes its work; it is no event.
    triggers = tuple(t for t in triggers if not any(s.how == "of_work" and s.start < t.start and t.end <= s.end
                                                    for s in subjects))
    # A colon inside a title ("Top Gun: Maverick") breaks no clause.
    sentence.join_names([(s.start, s.end) for s in subjects if s.explicit])
    for subj in subjects:
        if subj.explicit:
            context.named_at[subj.work] = context.sentence_index
            if not attributive(context, subj):
                context.antecedent_at[subj.work] = context.sentence_index
    context.named_in.update({subj.work for subj in subjects if subj.explicit})
    markers = events.find_markers(sentence.text, sentence.start)
    read = SentenceReading(context, sentence, triggers, subjects, markers)
    read.ordered = order_claims(context, sentence, triggers, subjects, markers)
    return read


def trigger_reading(read: SentenceReading, trigger: events.Trigger) -> TriggerReading | None:
    """A trigger that is the event it names, with the works it is about and its time; None
    when it is no event (dropped checks are recorded) or states none."""
    context, sentence = read.context, read.sentence
    clause = trigger_clause(sentence, trigger)
    query = event_typing.TriggerQuery(context, sentence, trigger, clause)
    reason, check = event_typing.not_the_event(query)
    if reason:
        assert check is not None  # (the name of the check that gave the reason)
        context.dropped.append((trigger.text, check))
        return None
    targets, subject_strategy = subjects_for(context, sentence, trigger, read.subjects, clause)
    if not targets:
        return None
    time, time_strategy = time_for(context, sentence, trigger, clause, read.triggers)
    if trigger.needs_time and time is None:
        # "After Fox dropped the show", "will not return for a fifth season"
        retyped = event_typing.dropped_work(query, subject_strategy) or event_typing.return_without_time(query, targets)
        if retyped is None:
            return None
        trigger = retyped
        query = event_typing.TriggerQuery(context, sentence, trigger, clause)
    found = TriggerReading(trigger, clause, query, targets, subject_strategy, time, time_strategy)
    return None if time_says_no_event(read, found) else found


def time_says_no_event(read: SentenceReading, found: TriggerReading) -> bool:
    """A trigger whose time is no event's: a decade as a setting, "set in 1985", a lost star."""
    trigger, time, clause = found.trigger, found.time, found.clause
    context, sentence = read.context, read.sentence
    if trigger.needs_time or trigger.needs_for:
        assert time is not None  # (trigger_reading gives a trigger that needs a time one)
        if trigger.needs_time and re.fullmatch(r"\d{2,3}", time.value):
            return True  # a decade or century is a setting: "opens as the 1970s draw to a close"
        if trigger.needs_for and (not TIME_AFTER_FOR.search(read.body[max(0, time.start - 30):time.start])
                                  and not moves.is_left(context, sentence, time)
                                  or any(clause[0] <= t.start < trigger.start for t in read.triggers)):
            return True  # "the film is set in 1985": a setting; "Filming Set For 2017": filming's
    if trigger.needs_slot and not moves.gives_up_a_date(context, sentence, trigger):
        return True  # "lost its June 2020 date", not "lost its star in 2019"
    return False


def read_trigger(read: SentenceReading, found: TriggerReading) -> None:
    """The event claims of one trigger: a shoot's start and end (to `read.claims`), or one
    claim per work (and per season counted or paired) that states an event (to
    `read.readings`, for the moves they tell)."""
    context, sentence, trigger = read.context, read.sentence, found.trigger
    span = time_range(context, found.time) if trigger.event == "filming" and not trigger.phase else None
    if span:
        read.claims += shoot_span_claims(read, found, span)
        return
    season_after = season_after_trigger(context, trigger, found.clause, read.subjects)
    if trigger.needs_season_object and (season_after or 1) < 2:
        return  # "ordered pizza", "confirmed the news": no season ordered
    targets = found.targets + along_with(read, found)
    # "renewed X for an additional two seasons ahead of its Season 6 premiere": 7 and 8.
    counted = [(Subj(subj.work, season, subj.start, subj.end, subj.explicit), True)
               for subj in targets for season in seasons_counted(context, trigger, subj, found.clause, read.subjects)]
    # "Seasons 1 and 2 premiered in October 2016 and April 2018, respectively": a time each.
    paired = None if counted else seasons.paired_times(context, sentence, found.time, len(targets))
    for index, (subj, is_counted) in enumerate(counted or [(subj, False) for subj in targets]):
        # "renewed X for a second season"; "X's first season ... earned a second".
        if season_after and not is_counted and (subj.season is None or trigger.event == "renewal"):
            subj = Subj(subj.work, season_after, subj.start, subj.end, subj.explicit)
        claim = make_claim(context, sentence, trigger, subj, found.clause, paired[index] if paired else found.time,
                           group_start=min((t.start for t in targets), default=None))
        if claim is None or trigger.needs_season and (claim.subject.season or 1) < 2:
            continue
        if not states_nothing(read, found, subj, claim):
            keep_claim(read, found, subj, claim, bool(paired))


def shoot_span_claims(read: SentenceReading, found: TriggerReading, span: tuple[Timex, Timex]) -> list[Claim]:
    """"shoots from June 2017 to March 2018": a start and an end."""
    claims = []
    for event, timex in zip(("filming_start", "filming_end"), span):
        part = dataclasses.replace(found.trigger, event=event)
        for subj in found.targets:
            claim = make_claim(read.context, read.sentence, part, subj, found.clause, timex)
            if claim is not None:
                claim.explain.update(trigger=found.trigger.text, subject=found.subject_strategy or "", time="time_range")
                claims.append(claim)
    return claims


def along_with(read: SentenceReading, found: TriggerReading) -> list[Subj]:
    """"premieres in 2017, along with X": works after the trigger that share its event."""
    clause, trigger = found.clause, found.trigger
    return [s for s in read.subjects if trigger.end < s.start < clause[1]
            and ALONG_WITH.search(read.body[max(0, s.start - 25):s.start])
            and s not in found.targets
            and not any(trigger.end <= t.start < s.start for t in read.triggers)]


def states_nothing(read: SentenceReading, found: TriggerReading, subj: Subj, claim: Claim) -> bool:
    """A claim its sentence does not state: the first check that says so wins (a dropped
    check is recorded)."""
    context, trigger, clause = read.context, found.trigger, found.clause
    # A noun with no time ("a release date is still a mystery"), or "it" with no time
    # ("how it will all come out"), states nothing dated.
    is_noun = trigger.form == "noun" and trigger.verb_form is None
    # (but a shoot's noun with a verb of its own states it: "Production has not started yet")
    if claim.time is None and (is_noun and not definite_event(context, trigger, found.subject_strategy)
                               or not subj.explicit and subj.start == trigger.start
                               and not (trigger.verb_form or trigger.phase)):
        return True
    if claim.time is None and read.ordered and any(
            clause[0] <= m.start < subj.start and not m.symmetric
            and m.text.lower() not in ("then", "followed by", "closely followed by")
            for m in read.markers):
        return True  # "until X has come out": X's event is the order claim's object
    reason, check = event_typing.not_the_works_event(found.query, subj)
    if reason:
        assert check is not None  # (the name of the check that gave the reason)
        context.dropped.append((trigger.text, check))
        return True
    if claim.time is None and grammar.conditional(text_before(read.body, trigger.start, clause[0])):
        return True  # "If this show was cancelled, ...": a condition states nothing
    if claim.time is None and trigger.form == "noun" and moved_noun(read.body, clause, trigger):
        return True  # "pushing back the release date of X": a move that gives no date
    # An order marker after the trigger (or a symmetric one) and no time written: the order
    # claim says it all ("To Shoot Right After X", "will film back-to-back", "is shooting the
    # two films back-to-back").
    return (claim.time is None or found.time is None) and bool(read.ordered) and any(
        clause[0] <= m.start < clause[1] and (m.symmetric or m.start > trigger.start) for m in read.markers)


def moved_noun(body: str, clause: tuple[int, int], trigger: events.Trigger) -> bool:
    """The event noun is the object of a date move: "delayed the release of X"."""
    return bool(move_verb_before().search(body, max(clause[0], trigger.start - 40), trigger.start))


@cache
def move_verb_before() -> re.Pattern:
    forms = [form for verb in lexicon.entry("events", "date_moves") for form in lexicon.verb_forms(verb).values()]
    return re.compile(rf"(?<![\w-])(?:{lexicon.alternation(forms)})\s+(?:(?:the|its|their|a)\s+)?(?:[\w'’-]+\s+)?$",
                      re.IGNORECASE)


def attributive(context: ArticleContext, subj: Subj) -> bool:
    """A title standing for a person's attribute ("his Thor co-star Tessa Thompson", "Broadchurch
    creator Chris Chibnall"): named, but no antecedent for a later "it" or "the comedy". (Only
    persons: subjects.MODIFIER_AFTER also takes "X fans", "X trailer", which still name the work
    a later "which premieres" is about.)"""
    return bool(registry.knowledge()["people_after_title"].match(context.article.body[subj.end:subj.end + 40]))


def rival_antecedent(context: ArticleContext, subj: Subj) -> str | None:
    """Another work named in this sentence or the one before, where a work only referred to
    ("It is out in November", "the movie") was not: the nearer name may be what is meant. (Not
    a title standing for a person's attribute: "Broadchurch creator Chris Chibnall".)"""
    if subj.explicit or context.near(subj.work, 1):
        return None
    return next((work for work, index in context.antecedent_at.items()
                 if work != subj.work and index >= context.sentence_index - 1), None)


def keep_claim(read: SentenceReading, found: TriggerReading, subj: Subj, claim: Claim, paired: bool) -> None:
    """The claim as the event it states, with how it was read, kept for the moves it tells;
    remembered for decision orders, the shoot just told of and a network's announced return."""
    context, trigger = read.context, found.trigger
    claim, retyped = event_typing.retype(found.query, claim)
    claim.explain.update(trigger=trigger.text, subject=found.subject_strategy or "", time=found.time_strategy or "",
                         retyped=retyped or "", work="named" if subj.explicit else "referred to")
    rival = rival_antecedent(context, subj)
    if rival:
        claim.explain["rival"] = context.lexicon.display(rival)
    market = event_typing.market_named(found.query, found.time, claim.kind)
    if market:
        claim.explain["market"] = market
    if subj.how and claim.subject.season is not None:
        claim.explain["season"] = subj.how
    if paired:
        claim.explain["time"] = "paired_times"
    read.readings.append(moves.Reading(claim, trigger, found.time, found.clause))
    read.made.append((trigger, claim))
    remember_shoot(context, trigger, subj, claim)
    renewal = event_typing.announced_return(found.query, claim)
    if renewal:
        renewal.explain.update(retyped="announced_return")
        read.announced.append(renewal)


def with_decision_orders(read: SentenceReading, claims: list[Claim]) -> list[Claim]:
    """A renewal or cancellation ordered against another event of the sentence."""
    for order, other, decision in decision_orders(read.context, read.sentence, read.made, read.triggers,
                                                  read.markers, read.subjects):
        claims.append(order)
        # "renewed X in November 2019, before season 7 had even premiered": the premiere is the
        # order's other side, no release of its own without a time of its own (one it took
        # from the decision's clause is not), nor with a season other than the order names
        # ("a day after Fox cancelled it" is a cancellation all the same).
        claims = [c for c in claims if not any(t is other and c is claim and other_side_only(c, order, decision)
                                               for t, claim in read.made)]
    return claims


def remember_sentence(context: ArticleContext, claims: list[Claim], subjects: list[Subj]) -> None:
    """What the sentence leaves for the next: its last subject, renewals and decisions, and
    what it was about."""
    for claim in claims:
        if claim.relation is None:
            context.last_subject = (context.lexicon_key(claim.subject.work), claim.subject.season)
        if claim.relation is None and claim.event == "renewal" and claim.subject.season and not claim.negated:
            context.renewed[context.lexicon_key(claim.subject.work)] = claim.subject.season
        if claim.relation is None and claim.subject.season and not claim.negated and (
                claim.event == "renewal" or claim.event == "release" and claim.tense == "future"):
            context.upcoming[context.lexicon_key(claim.subject.work)] = claim.subject.season
        if claim.relation is None and claim.event in ("renewal", "cancellation"):
            context.last_decision = (context.lexicon_key(claim.subject.work), claim.event)
    # What the sentence was about: its first claim's work, else the first work it names.
    about = [context.lexicon_key(c.subject.work) for c in claims if c.relation is None]
    context.claimed_last_sentence = about[0] if about else None
    context.named_last_sentence = about[0] if about else next(
        (s.work for s in subjects if s.explicit and not attributive(context, s)), None)
    # A sentence with no claim whose subject is a work ("doubters figured X would never
    # happen"): what a following "it" stands for.
    context.subject_of_last_sentence = None if claims else next(
        (s.work for s in subjects if s.explicit and grammar.starts_with_verb(context.article.body[s.end:s.end + 30])),
        None)


def other_side_only(claim: Claim, order: Claim, decision: Claim) -> bool:
    """The event claim of an order's other side that states nothing of its own."""
    assert order.object is not None  # (decision_order gives every order its other side)
    return (claim.time is None and claim.event == "release"
            or claim.time is not None and claim.time == decision.time
            or claim.subject.season != order.object.season)


def untimed_repeat(claim: Claim, claims: list[Claim]) -> bool:
    """"in July the production moved to Singapore, where the season ... filmed around Robinson
    Road": a shoot told twice in one sentence, once with its time, is one statement."""
    return claim.time is None and claim.relation is None and claim.event.startswith("filming") and any(
        other is not claim and other.time is not None and other.relation is None and other.subject == claim.subject
        and other.event == claim.event and other.negated == claim.negated for other in claims)


def trigger_clause(sentence: Sentence, trigger: events.Trigger) -> tuple[int, int]:
    """The clause of a trigger; one that runs over a clause break (a title's colon: "Cameras on
    Mission: Impossible 7 could start rolling") takes the clauses it spans."""
    first, last = sentence.clause_at(trigger.start), sentence.clause_at(max(trigger.start, trigger.end - 1))
    return (first[0], last[1]) if last[1] > first[1] else first


# "the cancellation of the series", "culminated in the premiere of X", "still no confirmation
# on a third season for X": an event noun that names its work, told as something that
# happened (or denied), states a claim even with no time.
DEFINITE_EVENT = re.compile(r"(?i)\b(?:the|its|their|no)\s+(?:[\w-]+\s+){0,2}$")


def definite_event(context: ArticleContext, trigger: events.Trigger, strategy: str | None) -> bool:
    body = context.article.body
    return strategy == "governed_object" and trigger.event in ("release", "cancellation", "renewal") \
        and bool(DEFINITE_EVENT.search(body[max(0, trigger.start - 30):trigger.start])) \
        and bool(re.match(r"\s+(?:of|for|on)\b", body[trigger.end:trigger.end + 6]))


def remember_shoot(context: ArticleContext, trigger: events.Trigger, subj: Subj, claim: Claim) -> None:
    """The shoot just told of ("It resumed in August" speaks of it), and the works whose
    shoot was halted (a later "went back into production" is their restart)."""
    if claim.event.startswith("filming") and claim.relation is None:
        context.last_shoot = (subj.work, claim.subject.season, context.sentence_index)
        if trigger.phase == "halt":
            context.halted.add(subj.work)


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
    if not claims:
        return []   # (nothing before to narrow; the clauses need not be found)
    body = context.article.body
    extra = []
    for start, end in sentence.clauses[1:]:
        if not CONTINUATION.match(body[start:end]) or any(start <= t.start < end for t in triggers):
            continue
        times = [t for t in context.times_between(start, end) if t.type in CALENDAR_TYPES]
        earlier = [c for c in claims if c.relation is None and c.evidence.end <= start and c.time]
        if not times or not earlier:
            continue
        last = earlier[-1]
        time = TimeValue(value=times[0].value, mod=cast("TimeMod | None", times[0].mod))
        extra.append(last.model_copy(update={
            "time": time, "time_text": times[0].text,
            "modality": grammar.modality("", body[start:end]),
            "interval": resolve_interval(time.value, time.mod, context.published),
            "evidence": Evidence(start=last.evidence.start, end=end, text=body[last.evidence.start:end])}))
    return extra


NO_SUBJECT = re.compile(r"(?i)no\s")
NO_BEFORE = re.compile(r"(?i)\bno\s+(?:[\w-]+\s+)?$")
HEADLINE_AUXILIARY = re.compile(r"(?i)\b(?:has|have|had|is|are|was|were|been|be|will|did)\b")


def is_headline(context: ArticleContext, sentence: Sentence) -> bool:
    """A headline as written: the article's title, or a first line in title case (not a
    body's first sentence standing alone)."""
    return sentence.headline and (sentence.text.strip() == (context.article.title or "").strip()
                                  or events.is_title_case(sentence.text))


def make_claim(context: ArticleContext, sentence: Sentence, trigger: events.Trigger, subj: Subj,
               clause: tuple[int, int], timex: Timex | None, group_start: int | None = None) -> Claim | None:
    """One event claim; `group_start`: where the subject group starts when several works or
    seasons share the verb ("A and B open in May": the verb group runs from A)."""
    body = context.article.body
    subject_start = verb_group_start(context, sentence, trigger, subj, clause, group_start)
    # (the words before the trigger, from its subject or the clause's start, and the clause
    # before its subject: their last REACH characters or so, as the steps read the end)
    before_start = clause[0] if subj.start >= trigger.end else max(clause[0], subject_start)
    before = text_before(body, trigger.start, before_start)
    lead = text_before(body, max(clause[0], subject_start), clause[0])
    tense, participle_headline = claim_tense(context, sentence, trigger, subj, clause, subject_start, before, lead)
    explain: dict[str, str] = {}
    quote = next((q for q in context.quotes if q[0] <= trigger.start < q[1]), None)
    if quote is not None:
        explain["quoted"] = "a direct quotation"  # its tense is the speaker's, on the day they spoke
    time = time_value(context, trigger, timex, tense, before, lead, explain)
    is_denied = denied(body, trigger, clause, before, subject_start, subj)
    # A halt of a shoot denies the filming ("production was halted": negated `filming`, CONTRACT §2).
    negated = not is_denied if trigger.phase == "halt" else is_denied
    if is_denied and timex is None:
        time = None  # nothing is done by the time of writing
    elif participle_headline and timex is None and trigger.event in ("renewal", "cancellation") and context.published:
        time = TimeValue(value=context.published.value, mod="ON_OR_BEFORE")  # decided by the time of writing
    interval = resolve_interval(time.value, time.mod, context.published) if time else None
    season = claim_season(context, trigger, subj, timex, tense, text_after(body, before_start, trigger.start), interval)
    evidence_start, evidence_end = clause
    if evidence_end - evidence_start < 12:
        evidence_start, evidence_end = sentence.start, sentence.end
    return Claim(
        id="c0", article=context.article.id,
        subject=Subject(work=context.lexicon.display(subj.work), season=season),
        kind=context.lexicon.kind_of(subj.work),
        # (event, tense and modality come from the data files as text; the model checks each
        # against its vocabulary)
        event=cast(Event, trigger.event), time=time,
        tense=cast(Tense, tense),
        modality=cast(Modality, claim_modality(context, sentence, trigger, subj, clause)),
        negated=negated,
        speaker=speaker_for(context, sentence, trigger, quote),
        evidence=Evidence(start=evidence_start, end=evidence_end, text=body[evidence_start:evidence_end]),
        time_text=timex.text if timex else None,
        interval=interval,
        confidence=0.8 if subj.explicit else 0.5,
        explain=explain,
    )


def verb_group_start(context: ArticleContext, sentence: Sentence, trigger: events.Trigger, subj: Subj,
                     clause: tuple[int, int], group_start: int | None) -> int:
    """Where the trigger's verb group starts: at its subject, after the verb group of an
    earlier event of the clause (unless that one takes this one as its infinitive: "had been
    due to start filming")."""
    body = context.article.body
    subject_start = min(subj.start, trigger.start) if subj.start < trigger.start else clause[0]
    if group_start is not None and clause[0] <= group_start < subject_start:
        subject_start = group_start
    previous = events.last_end_before(events.find_triggers(sentence.text, sentence.start), trigger,
                                      max(subject_start, clause[0]), body)
    return subject_start if previous is None else previous


def claim_tense(context: ArticleContext, sentence: Sentence, trigger: events.Trigger, subj: Subj,
                clause: tuple[int, int], subject_start: int, before: str, lead: str) -> tuple[str, bool]:
    """The claim's tense, and whether the trigger is a headline's participle ("'X' Renewed For
    Season 2 By Netflix": no finite verb, tense none)."""
    body = context.article.body
    if trigger.verb_start is not None:
        # "Shooting on X got under way": the aspect verb carries the tense.
        assert trigger.verb_text is not None and trigger.verb_form is not None  # (set with verb_start)
        tense = grammar.clause_tense(body[max(clause[0], subject_start):trigger.verb_start],
                                     trigger.verb_text, trigger.verb_form, lead)
    else:
        tense = grammar.clause_tense(before, trigger.text, trigger.form, lead)
    if sentence.headline and tense == "none" and trigger.form == "s":
        tense = "present"
    participle_headline = tense == "past" and (trigger.verb_form or trigger.form) in ("past", "participle") and (
        is_headline(context, sentence) and subj.start < trigger.start and not HEADLINE_AUXILIARY.search(before)
        or sentence.headline and not sentence.text.rstrip().endswith(".")
        and not HEADLINE_AUXILIARY.search(body[max(clause[0], subject_start):trigger.verb_start or trigger.start]))
    if participle_headline:
        tense = "none"
    if trigger.form == "noun" and ahead_adjective().search(body[max(clause[0], trigger.start - 40):trigger.start]):
        tense = "future"  # "the upcoming Disney release of X": ahead, whatever the clause's verb
    if tense == "none" and trigger.bare:
        # "It resumed in August, only to stop again in November": the verb it continues.
        tense = grammar.nearest_finite_tense(body[sentence.start:trigger.start]) or tense
    if tense == "none" and (trigger.form == "noun" or trigger.form == "ing" and not before.strip()):
        # "the two-night premiere on August 14 will address that": the noun is the subject of
        # the verb after it.
        tense = grammar.tense_after_noun(body[trigger.end:clause[1]]) or tense
    return tense, participle_headline


@cache
def ahead_adjective() -> re.Pattern:
    """An ahead adjective (tense.yaml) and up to two words before an event noun."""
    return re.compile(rf"(?<![\w-])(?:{lexicon.alternation(lexicon.entry('tense', 'ahead_adjectives'))})"
                      rf"(?:\s+[\w'’-]+){{0,2}}\s+$", re.IGNORECASE)


def claim_season(context: ArticleContext, trigger: events.Trigger, subj: Subj, timex: Timex | None,
                 tense: str, opening: str, interval) -> int | None:
    """The season the claim is about (`opening`: the words from its subject on)."""
    season = season_for(context, subj, trigger, tense, opening)
    if season is None and trigger.event == "renewal" and (timex is None or trigger.needs_season):
        # "Amazon has picked up X for a fourth season ... the show had been saved": an
        # undated renewal, or one in words that name no season, of a work told renewed is that one.
        season = context.renewed.get(subj.work)
    if season == context.focus_season and subj.season is None and trigger.event == "release" and \
            interval and interval.latest and context.published and interval.latest < context.published.earliest:
        season = None  # a launch dated before the article is the series', not the new season's
    return season


def claim_modality(context: ArticleContext, sentence: Sentence, trigger: events.Trigger, subj: Subj,
                   clause: tuple[int, int]) -> str:
    """How firmly the claim is stated, from the hedges around its verb group."""
    body = context.article.body
    window_end = next_trigger_start(context, sentence, trigger, clause)
    # (a cue in the next statement is that one's: "has not started yet, and according to
    # insiders the BBC is still searching")
    following = grammar.NEXT_STATEMENT.search(body, trigger.end, window_end)
    window_end = following.start() if following else window_end
    # Hedges count from just before the subject: "Probably the most important thing she said is
    # that X will film" hedges the ranking, not the filming.
    modality_start = max(clause[0], subj.start - 25) if subj.start < trigger.start else clause[0]
    # ... and a cue that belongs to an earlier event of the clause is that one's ("X, due in
    # theaters next summer, has started shooting"), unless that event takes this one as its
    # infinitive ("is due to open in March").
    earlier = events.last_end_before(events.find_triggers(sentence.text, sentence.start), trigger, clause[0], body)
    modality_start = max(modality_start, earlier or modality_start)
    return grammar.modality(body[sentence.start:modality_start], without_time_words(context, modality_start, window_end))


def denied(body: str, trigger: events.Trigger, clause: tuple[int, int], before: str, subject_start: int,
           subj: Subj) -> bool:
    """The clause denies the event (a halt's claim is then negated the other way round: see
    make_claim). A verb inside the trigger carries its own negation: "cameras had not yet
    started rolling"; a subject can deny it: "No fifth season has been commissioned yet",
    "still no confirmation"."""
    if trigger.verb_start is not None and trigger.verb_start > trigger.start:
        before = text_before(body, trigger.verb_start, max(clause[0], min(subject_start, trigger.start)))
    return grammar.is_negated(before, text_after(body, trigger.end, clause[1])) or bool(
        subj.start < trigger.start and NO_SUBJECT.match(body, subj.start, trigger.start)) or bool(
        trigger.form == "noun" and NO_BEFORE.search(text_before(body, trigger.start, clause[0])))


@cache
def season_words() -> tuple[dict[str, int], str, str]:
    """Season number words (works.yaml): ordinal -> value, and regex alternations of the
    ordinals and of the numbers ("4", "four", "iv")."""
    info = works.knowledge()
    ordinals = {word.lower(): value for word, value in info["ordinals"].items() if value}
    return ordinals, lexicon.alternation(ordinals), info["number"]


def season_number(word: str) -> int | None:
    """A season number written "4", "fourth" or "four"."""
    word = word.lower()
    return int(word) if word.isdigit() else season_words()[0].get(word) or works.knowledge()["numbers"].get(word)


@cache
def unnamed_season() -> re.Pattern:
    """"The show's fourth season", "Its second season", "The new season 3": a season whose
    work is the one the passage is about."""
    _, ordinals, number = season_words()
    return re.compile(rf"^\s*(?:the|its|their|this|that)\s+(?:[\w'’-]+\s+){{0,2}}?(?:({ordinals})\s+season|"
                      rf"season\s+({number}))\b", re.IGNORECASE)


SEASON_TARGET = re.compile(
    r"^\s*(?:for\s+|into\s+|on\s+|to\s+)?(?:(?:a|an|its|their|the)\s+)?", re.IGNORECASE)


HEADLINE_AUXILIARY = re.compile(r"(?i)\b(?:has|have|had|was|were|did|is|are|been)\b|['’]s\s+\w+\s*$")
MIDWAY = re.compile(r"\b(?:in\s+the\s+middle\s+of|midway\s+through|halfway\s+through|partway\s+through|"
                    r"part-way\s+through|in\s+the\s+midst\s+of|deep\s+into|during|"
                    # "is still shooting the final scenes of its fourth season"
                    r"(?:the\s+)?(?:final|last|remaining|closing|first|opening)\s+(?:scenes|episodes|days|weeks|shots)\s+of)\s+",
                    re.IGNORECASE)


def without_time_words(context: ArticleContext, start: int, end: int) -> str:
    """Text with its time expressions blanked: "May 22" is no "may"."""
    text = list(context.article.body[start:end])
    for timex in context.times_between(start, end):
        if timex.end <= end:
            text[timex.start - start:timex.end - start] = " " * (timex.end - timex.start)
    return "".join(text)


def season_after_trigger(context: ArticleContext, trigger: events.Trigger,
                         clause: tuple[int, int], subjects: Sequence[Subj] = ()) -> int | None:
    """A season named right after the trigger: "renewed for a second season", "Starts
    Shooting Season 2", "premiere their second seasons", "ordered a 13-episode sixth season",
    "earn X a fifth season", "renewed for a seventh in February"."""
    body = context.article.body
    ordinals, ordinal_words, number = season_words()
    if trigger.event == "renewal":
        named = re.search(rf"\b({ordinal_words})\b", trigger.text, re.IGNORECASE)
        if named:
            return ordinals[named.group(1).lower()]
        ordered = ordered_season(context, trigger, clause, subjects)
        if ordered:
            return ordered
        if re.search(r"\banother\b", trigger.text + body[trigger.end:trigger.end + 20], re.IGNORECASE):
            return None if context.focus_season else 2  # "another season" of a one-season show
    tail = text_after(body, trigger.end, clause[1])
    lead = SEASON_TARGET.match(tail)
    rest = tail[lead.end():] if lead else tail
    for start, _, season in works.bare_seasons(rest[:40], 0):
        if start == 0 or rest[:start].strip().lower() in ("second", "new", "own"):
            return season
    if trigger.event.startswith("filming"):
        # "halted production on the series in the middle of Season 4": the season under way.
        for during in MIDWAY.finditer(tail):
            midway = works.bare_seasons(tail[during.end():during.end() + 30], 0)
            if midway and midway[0][0] == 0:
                return midway[0][2]
    match = re.match(rf"({ordinal_words})\s+(?:and\s+(?:final|last)\s+)?"
                     r"(?:seasons?|runs?|series|installments?)\b", rest, re.IGNORECASE)
    if match:
        return ordinals[match.group(1).lower()]
    if trigger.event in ("renewal", "release"):
        # "renewed X for a second season", "Renews X For Season 2", "returns to Netflix for season 2"
        target = re.search(rf"\bfor\s+(?:a\s+|its\s+)?(?:({ordinal_words})\s+"
                           rf"(?:and\s+(?:final|last)\s+)?season|"
                           rf"season\s+({number}))\b", tail, re.IGNORECASE)
        if target:
            return season_number(target.group(1) or target.group(2))
    return None


CLOSING_QUOTES = re.compile(r"[\"”’']*")


def after_quotes(body: str, at: int) -> int:
    """Where the closing quotes at `at` (if any) end."""
    quotes = CLOSING_QUOTES.match(body, at)
    assert quotes is not None  # (the pattern matches at `at`, if only nothing)
    return quotes.end()


def ordered_season(context: ArticleContext, trigger: events.Trigger, clause: tuple[int, int],
                   subjects: Sequence[Subj]) -> int | None:
    """The season a renewal verb takes as its object, after the work or "it" when they stand
    between: "ordered a sixth season", "could earn Lucifer a fifth season", "revived it for a
    sixth season", "Rescues X With A Season 6 Order"."""
    body = context.article.body
    objects = [s for s in subjects if s.start >= trigger.end and (s.explicit or s.season is None)
               and re.fullmatch(r"[\s\"“‘']*", body[trigger.end:s.start])]
    if objects:
        start = after_quotes(body, objects[0].end)
        match = events.ordered_season(text_after(body, start, clause[1]))
    else:
        tail = text_after(body, trigger.end, clause[1])
        match = events.ordered_season(tail) or events.ordered_season(tail, after_object=True)
    return season_number(match.group("ord") or match.group("n")) if match else None


# "renewed X for an additional two seasons", "for two more seasons": several seasons ordered.
SEASON_COUNT = re.compile(r"^\s*(?:for\s+)?(?:(?:an?|another)\s+)?(?:(?:additional|more|further)\s+)?"
                          r"(?P<count>two|three|2|3)(?:\s+(?:more|additional|further))?[\s-]+seasons?\b",
                          re.IGNORECASE)


@cache
def ordinal_pair() -> re.Pattern:
    """"for a second and third season", "for its fifth and sixth seasons"."""
    _, ordinals, _ = season_words()
    return re.compile(rf"^\s*(?:for\s+)?(?:a|its|their|the)\s+({ordinals})\s+and\s+({ordinals})\s+seasons?\b",
                      re.IGNORECASE)


def seasons_counted(context: ArticleContext, trigger: events.Trigger, subj: Subj,
                    clause: tuple[int, int], subjects: list[Subj]) -> list[int]:
    """"Showtime renewed X for an additional two seasons ahead of its Season 6 premiere":
    seasons 7 and 8, counted on from the latest season the sentence names for the work (none
    named: no count, the renewal is the series'); "for a second and third season": 2 and 3."""
    body = context.article.body
    start = subj.end if trigger.end <= subj.start else trigger.end
    start = after_quotes(body, start)
    if trigger.event != "renewal":
        return []
    pair = ordinal_pair().match(text_after(body, start, clause[1]))
    if pair:  # "renewed the show for a second and third season"
        first, second = season_number(pair.group(1)), season_number(pair.group(2))
        assert first is not None and second is not None  # (the pattern takes only ordinals with a value)
        return [first, second]
    match = SEASON_COUNT.match(text_after(body, start, clause[1]))
    if not match:
        return []
    named = [s.season for s in subjects if s.work == subj.work and s.season]
    if not named:
        return []
    count = season_number(match.group("count"))
    assert count is not None  # ("two", "three", 2 or 3)
    return list(range(max(named) + 1, max(named) + 1 + count))


def next_trigger_start(context: ArticleContext, sentence: Sentence, trigger: events.Trigger,
                       clause: tuple[int, int]) -> int:
    """Where the next trigger of the clause starts: cues past it belong to that claim."""
    following = [t.start for t in events.find_triggers(sentence.text, sentence.start)
                 if t.start >= trigger.end and t.start < clause[1]]
    return min(following, default=clause[1])


RETURN_VERB = re.compile(r"(?i)\b(?:return|returns|returning|comes?\s+back|coming\s+back|back)\b")


def finale_told(context: ArticleContext) -> bool:
    """The article tells of its focus season's finale ("the 14th season finale", "the season
    14 finale"): that season has ended or is ending."""
    season = context.focus_season
    assert season is not None  # (asked only of an article with a focus season)
    ordinals, ordinal_words, _ = season_words()
    named = [rf"(?:season|series)\s+(?:{season}|{works.number_word(season)})"]
    named += [rf"{re.escape(word)}\s+(?:season|series)" for word, number in ordinals.items() if number == season]
    return re.search(rf"\b(?:{'|'.join(named)})\s+finale\b", context.article.body, re.IGNORECASE) is not None


def season_for(context: ArticleContext, subj: Subj, trigger: events.Trigger, tense: str,
               opening: str = "") -> int | None:
    """The season named, else one the unnamed subject gives ("The show's fourth season is
    expected to debut"), else the article's season for its focus work (a series' launch,
    told in the past, stays the series'). A cancellation is the series' (CONTRACT §2)."""
    if trigger.event == "cancellation":
        return None
    if subj.season is not None:
        return subj.season
    named = None if subj.explicit else unnamed_season().match(opening)
    if named:
        return season_number(named.group(1) or named.group(2))
    if subj.work == context.focus and context.focus_season:
        if trigger.event == "release" and tense == "past":
            return None
        if trigger.event == "release" and RETURN_VERB.search(trigger.text) and finale_told(context):
            return None  # after "the 14th season finale", "X returns in the fall" is the next season's
        if trigger.event == "renewal":
            return context.focus_season
        return context.focus_season
    if trigger.event.startswith("filming") and not subj.explicit and context.near(subj.work):
        # "... the fourth season of X. The producer filed an allegation, which suspended
        # production": the shoot of the season just named.
        return next((s for w, s in reversed(context.recent) if w == subj.work and s), None)
    return None
