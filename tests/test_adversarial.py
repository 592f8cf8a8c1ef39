"""Pathological input is read as ordinary input is, in time that grows with its length: long
sentences are read in pieces, the checks of a trigger look near it, and the indexes that
replace passes over a whole sentence, article or network give what those passes gave (each
is held here against the pass it replaces, on generated input). The time itself is
measured by bench/adversarial.py, not here."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extract import events, speakers, titles
from claims.extract.context import ArticleContext
from claims.extract.pipeline import extract_corpus
from claims.extract.registry import Enclosing, titles_case
from claims.extract.sentences import MAX_SENTENCE, PIECE, REACH, split_sentences, text_after, text_before
from claims.extract.temporal import Timex
from claims.extract.works import WorkLexicon
from claims.reading import make_article

RUN = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))


# --- long sentences and the words near a trigger ---------------------------------------------------

def test_a_sentence_over_the_maximum_is_read_in_pieces_cut_at_spaces():
    body = " ".join(f"word{n}" for n in range(20_000))   # ~130,000 characters, no full stop
    sentences = split_sentences(body)
    assert len(sentences) > 1 and all(PIECE // 2 <= len(s.text) <= PIECE for s in sentences[:-1])
    assert " ".join(s.text for s in sentences) == body   # (each cut at a space, nothing lost)
    assert all(s.text == body[s.start:s.end] for s in sentences)


def test_a_token_longer_than_the_maximum_is_cut_where_it_must_be():
    body = "x" * (MAX_SENTENCE + 10)
    whole, rest = divmod(len(body), PIECE)
    assert [len(s.text) for s in split_sentences(body)] == [PIECE] * whole + ([rest] if rest else [])


def test_a_sentence_under_the_maximum_is_one_sentence():
    body = "word " * (MAX_SENTENCE // 5 - 1) + "end"
    assert len(split_sentences(body)) == 1


def test_a_claim_deep_in_a_sentence_without_end_is_still_read():
    filler = "the fans who waited for news about it "
    body = filler * 2000 + "Moon Garden will premiere in March 2019 " + filler * 2000
    lead = make_article("lead", "The drama Moon Garden premieres on Netflix in 2019.", "lead.md", published="2018-05-01")
    claims = extract_corpus([lead, make_article("long", body, "long.txt", published="2018-05-01")]).claims
    assert [(c.subject.work, c.event, c.time.value) for c in claims if c.article == "long"] == \
        [("Moon Garden", "release", "2019-03")]


@RUN
@given(st.text(alphabet=" ab\n", max_size=3 * REACH), st.data())
def test_the_words_before_and_after_are_the_text_near_the_point(text, data):
    at = data.draw(st.integers(0, len(text)))
    before, after = text_before(text, at), text_after(text, at)
    assert text[:at].endswith(before) and text[at:].startswith(after)
    assert len(before) <= REACH and len(after) <= REACH
    if at <= REACH:
        assert before == text[:at]
    if len(text) - at <= REACH:
        assert after == text[at:]


# --- indexes held against the passes they replace --------------------------------------------------

def timexes_at(starts: list[int]) -> list[Timex]:
    out, position = [], 0
    for gap in starts:
        start = position + gap
        out.append(Timex(start, start + 3, "May", "DATE", "2019-05-01", None))
        position = start + 3
    return out


@RUN
@given(st.lists(st.integers(0, 20), max_size=30), st.integers(0, 400), st.integers(0, 400))
def test_times_between_are_those_a_pass_finds(gaps, start, stop):
    timexes = timexes_at(gaps)
    context = ArticleContext(make_article("a", "x", "a.md"), WorkLexicon(), [], timexes, [])
    assert context.times_between(start, stop) == [t for t in timexes if start <= t.start < stop]
    assert context.times_ending_between(start, stop) == [t for t in timexes if start <= t.end < stop]


@RUN
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12), st.booleans(), st.sampled_from([2017, 2019])),
                max_size=25), st.data())
def test_the_year_written_nearest_is_the_one_a_pass_finds(times, data):
    timexes, position = [], 0
    for gap, day, inferred, year in times:
        start = position + gap
        timexes.append(Timex(start, start + 5, "May 1" if inferred else "May 1, 2019", "DATE",
                             f"{year}-05-{day:02d}", None, year_inferred=inferred))
        position = start + 5
    context = ArticleContext(make_article("a", "x", "a.md"), WorkLexicon(), [], timexes, [])
    for timex in timexes:
        written = [t for t in timexes if not t.year_inferred and len(t.value) == 10
                   and t.value[4:] == timex.value[4:] and t.value[:4].isdigit()]
        expected = int(min(written, key=lambda t: abs(t.start - timex.start)).value[:4]) \
            if timex.year_inferred and written else None
        assert context.written_year(timex) == expected


SENTENCE_WORDS = st.sampled_from([
    "Moon Garden", "will", "premiere", "premieres", "in", "May", "filming", "began", "started", "to", "start",
    "shooting", "was", "due", "the", "series", "and", "wraps", "production", "release", "renewed", "it", ","])


@RUN
@given(st.lists(SENTENCE_WORDS, min_size=1, max_size=60).map(" ".join))
def test_triggers_end_in_order_and_the_last_one_before_is_the_one_a_pass_finds(sentence):
    triggers = events.find_triggers(sentence, 0)
    assert all(a.end < b.end for a, b in zip(triggers, triggers[1:]))   # (what the walk back relies on)
    for trigger in triggers:
        for start in (0, len(sentence) // 2):
            previous = [t.end for t in triggers if start <= t.start and t.end <= trigger.start
                        and not events.governs(sentence, t, trigger)]
            assert events.last_end_before(triggers, trigger, start, sentence) == max(previous, default=None)


def merged_by_a_pass(found: list[events.Trigger]) -> list[events.Trigger]:
    """merge_adjacent as it was, each trigger held against every one kept."""
    from dataclasses import replace

    kept: list[events.Trigger] = []
    for trigger in found:
        if any(k.start <= trigger.start and trigger.end <= k.end for k in kept):
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
            kept[-1] = replace(previous, end=trigger.end, form="noun",
                               text=previous.text + " " * (trigger.start - previous.end) + trigger.text,
                               verb_start=trigger.start, verb_form=trigger.form, verb_text=trigger.text)
            continue
        kept.append(trigger)
    return kept


TRIGGERS = st.lists(st.tuples(st.integers(0, 6), st.integers(1, 8), st.sampled_from(["release", "filming"]),
                              st.sampled_from(["noun", "ing", "be", "past"]), st.booleans()), max_size=25)


@RUN
@given(TRIGGERS)
def test_merging_triggers_keeps_what_holding_each_against_all_kept_did(specs):
    found, position = [], 0
    for gap, length, event, form, needs_time in specs:
        position += gap
        found.append(events.Trigger(position, position + length, event, form, "x" * length, needs_time=needs_time))
    assert events.merge_adjacent(found) == merged_by_a_pass(found)


@RUN
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 20)), max_size=30), st.integers(0, 60), st.integers(0, 20))
def test_the_names_that_hold_a_name_are_those_a_pass_finds(spans, start, length):
    spans = [(s, s + n) for s, n in spans]
    assert Enclosing(spans).of(start, start + length) == \
        [index for index, (s, e) in enumerate(spans) if s <= start and start + length <= e]


def test_a_run_of_capitalized_words_is_read_in_pieces_of_at_most_the_maximum():
    text = " and ".join(["Alpha", "Bravo", "Charlie"] * 100)   # 599 words, one run
    [run] = titles.knowledge()["run"].finditer(text)
    pieces = titles.run_pieces(run)
    assert len(pieces) == 6 and all(len(text[s:e].split()) <= titles.MAX_RUN_WORDS for s, e in pieces)
    short = next(titles.knowledge()["run"].finditer("Alpha and Bravo"))
    assert titles.run_pieces(short) == [short.span()]


# --- who says it: found once per sentence, as the sentence up to each claim reads ----------------------

PERSONS = {"Jane Doe": "Jane Doe", "Doe": "Jane Doe", "Sam Rowe": "Sam Rowe", "Rowe": "Sam Rowe"}
SPEECH_WORDS = st.sampled_from(["Jane Doe", "Sam Rowe", "Rowe", "Ada Quill", "she", "he", "said", "told", "says",
                                "according to", "the", "series", "premiere", "Moon Garden", "will", ",", "that",
                                "reporters", "in", "May", "Netflix"])


def naive_speaker(text: str, at: int, body: str, offset: int) -> str | None:
    """The reading SentenceSpeech replaces: every pattern over the sentence up to the claim."""
    before = text[:at]
    found = speakers.patterns(headline=titles_case(before))
    for name in ("subject_verb", "according", "verb_subject"):
        for match in reversed(list(found[name].finditer(before))):
            who = speakers.resolve(match.group("who"), body, offset + at, PERSONS)
            if who:
                return who
    return None


SPEECH = st.lists(SPEECH_WORDS, min_size=1, max_size=30).map(" ".join)
# (words that say nobody's speech, so that an attribution may lie far before a claim)
FILLER = st.integers(0, 300).map(lambda times: " the series in May" * times)


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(SPEECH, FILLER), min_size=1, max_size=6).map(" ".join), st.data())
def test_a_claims_speaker_is_the_one_the_whole_sentence_before_it_gives(sentence, data):
    body = "Jane Doe spoke first. " + sentence
    offset = len("Jane Doe spoke first. ")
    ats = data.draw(st.lists(st.integers(0, len(sentence)), min_size=1, max_size=5))
    for at in sorted(ats):
        if at and sentence[at - 1].isalnum() and at < len(sentence) and sentence[at].isalnum():
            continue   # (a claim starts at a word)
        assert speakers.reported_speaker(offset, len(body), offset + at, body, PERSONS) == \
            naive_speaker(sentence, at, body, offset)


def test_a_pronoun_is_the_last_person_named_before_it():
    body = "Sam Rowe arrived. Later Jane Doe came. She said the show returns."
    at = body.index("She")
    assert speakers.last_person(body, at, PERSONS) == "Jane Doe"
    assert speakers.last_person(body, body.index("Later"), PERSONS) == "Sam Rowe"
    assert speakers.last_person(body, 3, PERSONS) is None


# --- order-conflict's indexes of a large network ----------------------------------------------------

def network(specs):
    from claims.models import Article, Claim
    from checker.rules.base import Corpus
    from claims.intervals import resolve_interval

    articles = {f"a{n}": Article(id=f"a{n}", body="x", path=f"a{n}.md") for n in range(4)}
    claims = []
    for number, (work, relation, other, article, day) in enumerate(specs):
        fields = {"id": f"c{number}", "article": f"a{article}", "subject": {"work": f"W{work}"}, "event": "release",
                  "tense": "future", "modality": "asserted", "evidence": {"start": 0, "end": 1, "text": "x"}}
        if relation:
            fields.update(relation=relation, object={"work": f"W{other}", "event": "release"})
        else:
            value = f"2016-0{day}"
            fields.update(time={"value": value, "mod": None}, interval=resolve_interval(value, None, None))
        claims.append(Claim(**fields))
    return claims, Corpus(articles=articles, claims=claims)


NETWORK = st.lists(st.tuples(st.integers(0, 4), st.sampled_from([None, "before", "after"]), st.integers(0, 4),
                             st.integers(0, 3), st.integers(1, 3)), min_size=1, max_size=40)


@RUN
@given(NETWORK, st.integers(1, 12))
def test_a_neighbourhood_is_what_a_pass_over_the_network_finds(specs, most):
    from checker.rules import order_conflict

    ranked, corpus = network(specs)
    options = order_conflict.Options(max_network=most)
    neighbourhoods = order_conflict.Neighbourhoods(ranked, corpus, options)
    for order in (claim for claim in ranked if claim.relation):
        works = {corpus.event_key(order)[:2], order_conflict.object_node(order, corpus)[:2]}
        near = [claim for claim in ranked if corpus.event_key(claim)[:2] in works and (
            claim.relation is None or order_conflict.object_node(claim, corpus)[:2] in works)]
        assert neighbourhoods.of(order) == near[:most]


@RUN
@given(NETWORK)
def test_who_else_says_it_is_what_a_pass_over_the_network_finds(specs):
    from checker.rules import order_conflict
    from claims.models import MIRRORED_RELATION

    claims, corpus = network(specs)
    sayers = order_conflict.Sayers(claims, corpus)
    for claim in claims:
        subject, other_key = corpus.event_key(claim), corpus.object_key(claim)
        mirrored = MIRRORED_RELATION.get(claim.relation) if claim.relation else None
        found = []
        for other in claims:
            if other.article == claim.article or other is claim or other.relation != (
                    claim.relation if corpus.event_key(other) == subject else mirrored):
                continue
            if claim.relation:
                if (corpus.event_key(other), corpus.object_key(other)) in ((subject, other_key), (other_key, subject)):
                    found.append(other)
            elif corpus.event_key(other) == subject and order_conflict.within(
                    order_conflict.interval_of(other), order_conflict.interval_of(claim)):
                found.append(other)
        assert sayers.of(claim) == found
