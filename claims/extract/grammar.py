"""Tense, modality and negation of the clause that states a claim."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claims.extract import lexicon
from claims.extract.sentences import REACH, text_after, text_before

# ("has yet to renew X" is "has not renewed X")
# ("is unlikely to return" denies it, as expected)
NEGATION = re.compile(r"(?<![\w'’])(?:not|never|no longer|nor|cannot|yet\s+to|unlikely)(?!\w)|n['’]t\b", re.IGNORECASE)
# A possessive 's ("Netflix's X premieres") is neither "has" nor "is".
POSSESSIVE_S = re.compile(r"(?<!\b[Ii]t)(?<!\b[Hh]e)(?<!\b[Ss]he)(?<!\b[Tt]hat)(?<!\b[Tt]here)(?<!\b[Ww]hat)"
                          r"(?<!\b[Ww]ho)(?<!\b[Hh]ere)['’]s\b")
# "not ... until X" and "not ... for some time" delay an event, they do not deny it.
DELAY = re.compile(r"\b(?:until|till|before|for some time|for a while|for long|much of a leap|"
                   r"anything|any more|anymore|sure|know)\b", re.IGNORECASE)
WORDS = re.compile(r"[\w'’+-]+")
# A person's possessive and up to two words ("his tremendous", "her first", "my"): what follows
# is the person's ("her debut", "his tremendous debut as a lead"), not a work's event.
PERSON_POSSESSIVE = r"(?:his|her|my|your)\s+(?:[\w-]+\s+){0,2}"
PERSON_POSSESSIVE_BEFORE = re.compile(rf"(?<![\w'’]){PERSON_POSSESSIVE}$", re.IGNORECASE)
CONFIRMING = re.compile(r"\b(?:confirm|confirmed|confirms|announced|announces|revealed|reveals|"
                        r"made it official|official)\b", re.IGNORECASE)
REPORTING_WOULD = re.compile(
    r"\b(?:said|says|told|tells|assured|promised|announced|confirmed|revealed|claimed|noted|"
    r"explained|stated|insisted)\b[^.]{0,80}?\bwould\b", re.IGNORECASE)


@cache
def tense_words() -> dict[str, re.Pattern]:
    data = lexicon.load("tense")
    found = {key: lexicon.word_regex(data[key]) for key in
             ("future", "past_heads", "perfect", "present_be", "past_be", "present_do")}
    lower = lexicon.word_regex(data["future_lower_case"], flags=0)
    found["future"] = re.compile(f"{found['future'].pattern}|(?-i:{lower.pattern})", re.IGNORECASE)
    return found


# A plan told by a participle alone ("X, set to premiere in May") has no finite verb before it;
# these words (tense.yaml finite_before) make one.
@cache
def finite_before() -> re.Pattern:
    words = lexicon.alternation(lexicon.entry("tense", "finite_before"))
    return re.compile(rf"\b(?:{words})\s+(?:\w+\s+)?$", re.IGNORECASE)


# A condition or an open question claims nothing: "if the shoot goes well", "whether they'll overlap".
IRREALIS = re.compile(r"\b(?:if|whether)\b", re.IGNORECASE)


def conditional(before: str) -> bool:
    """The verb is inside an "if" or "whether" clause: one opened before it and not closed by a
    comma ("If it is cancelled, ..." but not "If you need to catch up on X, seasons 1-3 are
    streaming")."""
    opened = [m.end() for m in IRREALIS.finditer(before)]
    return bool(opened) and "," not in before[opened[-1]:]


def starts_with_verb(text: str) -> bool:
    """The text opens with an auxiliary ("would never happen", "is back", "has wrapped")."""
    words = tense_words()
    first = re.match(r"[\s'’\"”*_]*([\w'’]+(?:\s+[\w'’]+)?)", text)
    return first is not None and any(words[key].match(first.group(1))
                                     for key in ("future", "perfect", "present_be", "past_be", "present_do"))


@cache
def modality_words() -> dict[str, re.Pattern]:
    data = lexicon.load("modality")
    words = {key: lexicon.word_regex(data[key]) for key in
             ("rumored", "speculative", "expected", "neutral", "hedged_expectation", "inverted_conditions")}
    words["past_plan"] = re.compile(rf"\b(?:was|were|had\s+been)\s+(?:{lexicon.alternation(data['past_plan_participles'])})\b",
                                    re.IGNORECASE)
    return words


def last_match(pattern: re.Pattern, text: str) -> re.Match | None:
    found = None
    for found in pattern.finditer(text):
        pass
    return found


# Nothing but an adverb between an auxiliary and the verb it governs.
ADVERB_GAP = r"\s*(?:(?:\w+ly|also|then|now|soon|just|already|finally|still|not|never)\s*)?"


DO_SUPPORT = re.compile(r"\b(did|didn't|didn’t|does|doesn't|doesn’t|do|don't|don’t)(?:\s+not)?"
                        + ADVERB_GAP + "$", re.IGNORECASE)


def clashes(window: str, trigger: str, form: str, perfect: re.Match | None) -> bool:
    """ "has premiere", "have begin filming", "did premiered": an auxiliary and a verb form
    it cannot take. (The base form that is also the participle, "has come", is fine; the
    contracted "'s" may be "is", so it is left alone.)"""
    verb = trigger.split()[0] if trigger else ""
    if form == "base" and perfect and perfect.group().lower() in ("has", "have", "had") \
            and re.fullmatch(ADVERB_GAP, window[perfect.end():]) \
            and lexicon.verb_forms(verb)["participle"] != verb:
        return True
    return form == "past" and DO_SUPPORT.search(window) is not None


def clause_tense(before: str, trigger_text: str, form: str, lead: str = "", words: int = 7) -> str:
    """The grammatical time of the verb group ending in the trigger: the first step of
    TENSE_STEPS that answers.

    before: the clause text from its subject to the trigger.
    form: the trigger's form (base, s, past, participle, ing, be, noun, verb).
    """
    # A noun's verb may stand further back: "is reportedly in the last stretch of its shoot".
    # (Of a long clause, its last REACH characters or so: the words near the trigger decide.)
    before, lead = text_before(before, len(before)), text_before(lead, len(lead))
    window = " ".join(WORDS.findall(POSSESSIVE_S.sub("", before))[-(words + 5 if form == "noun" else words):])
    group = VerbGroup(before, trigger_text, trigger_text.lower(), form, lead, window)
    for step in TENSE_STEPS:
        tense = step(group)
        if tense:
            return tense
    return "none"


@dataclass
class VerbGroup:
    """The verb group ending in a trigger, and the auxiliaries found in its window."""

    before: str
    trigger_text: str
    trigger_lower: str
    form: str
    lead: str
    window: str

    def __post_init__(self) -> None:
        words = tense_words()
        self.future = last_match(words["future"], self.window)
        self.perfect = last_match(words["perfect"], self.window)
        self.past_be = last_match(words["past_be"], self.window)
        self.present_be = last_match(words["present_be"], self.window)


def phrase_with_past(g: VerbGroup) -> str | None:
    if g.form == "noun" and re.search(r"\b(?:\w+ed|began)\b", g.trigger_text):
        return "past"  # "cameras rolled", "cameras started rolling": a phrase with its own past verb
    return None


def clashing(g: VerbGroup) -> str | None:
    """ "will debuted", "has premiere", "did premiered": an auxiliary and a form it cannot take
    ("will be released" and "will have wrapped" are grammatical)."""
    if g.future and g.form == "past" and g.future.group().lower() in ("will", "'ll", "’ll", "shall") \
            and re.fullmatch(r"\s*(?:(?:\w+ly|also|then|now|soon)\s*)?", g.window[g.future.end():]):
        return "mixed"
    return "mixed" if clashes(g.window, g.trigger_lower, g.form, g.perfect) else None


def do_support(g: VerbGroup) -> str | None:
    """ "didn't premiere in March", "doesn't premiere until May": do carries the tense."""
    do = DO_SUPPORT.search(g.window)
    if g.form == "base" and do:
        return "past" if do.group(1).lower().startswith("did") else "present"
    return None


def be_phrase(g: VerbGroup) -> str | None:
    """A trigger that opens with "is" or "was": "was slated for", "is about to begin production"."""
    first = g.trigger_lower.split()[0] if g.trigger_lower.split() else ""
    if g.trigger_lower.startswith(("was ", "were ")) or g.form == "be" and first in ("was", "were"):
        return "past"
    if g.form == "be" and first in ("is", "are", "'s", "'re"):
        # (the phrase itself may look ahead)
        return "future" if tense_words()["future"].search(g.trigger_lower) or g.future and not g.present_be \
            else "present"
    return None


def auxiliary(g: VerbGroup) -> str | None:
    """The last auxiliary of the window: "will", "has", "was", "is"."""
    latest = max((m for m in (g.future, g.perfect, g.past_be, g.present_be) if m), key=lambda m: m.end(),
                 default=None)
    if latest is None:
        return None
    if g.form == "s" and not re.fullmatch(ADVERB_GAP, g.window[latest.end():]):
        # "X, which had held the Nov. 19 date, moves to May 27": a verb in -s takes no
        # auxiliary; the one before belongs to another verb.
        return "present"
    if latest is g.future:
        return future_tense(g)
    return "present" if latest is g.present_be else "past"


def future_tense(g: VerbGroup) -> str:
    """A "will" or a plan with "to": future, unless told as history or a participle phrase."""
    future, window = g.future, g.window
    assert future is not None  # auxiliary() asks only when the window has a "will"
    said = future.group().lower()
    plans = tense_plans()
    head = last_match(tense_words()["past_heads"], window[:future.start()])
    if head and said.endswith(" to") and head.end() >= future.start() - 2 \
            and head.group().lower() not in ("was", "were", "had"):
        return "past"
    if said in plans["plan_to"] and g.past_be and g.past_be.end() <= future.start() + 1:
        return "past"
    if said in plans["plan_had"] and re.search(r"\bhad\b(?:\s+[\w'’-]+){1,6}\s+" + re.escape(future.group()) + r"\b",
                                               g.lead + " " + g.before, re.IGNORECASE):
        return "past"  # "a report had the season slated to begin": a plan told as history
    if said in plans["participle_futures"] and not finite_before().search(window[:future.start()]):
        return "none"  # "Legally Blonde 3, set to premiere in 2020": a participle phrase
    return "future"


@cache
def tense_plans() -> dict[str, frozenset[str]]:
    data = lexicon.load("tense")
    return {key: frozenset(data[key]) for key in ("plan_to", "plan_had", "participle_futures")}


def verb_form(g: VerbGroup) -> str | None:
    """No auxiliary: the trigger's own form decides."""
    before, lead, form = g.before, g.lead, g.form
    if form == "past" or form == "participle" and re.search(r"\b(?:already|just|finally)\s*$", before):
        # "With X already wrapped", "once completed", "once officially wrapped": a participle
        # phrase, no finite verb ("after Fox cancelled it", "after a shoot that began": a subject).
        return "none" if re.search(r"(?:^|\b)(?:with\s+(?:(?!(?:after|before|when|as|because|once)\b)[^\s,]+\s+){0,6}"
                                   r"|(?:after|once)\s*(?:\w+ly\s+)?)$", lead + " " + before,
                                   re.IGNORECASE) \
            and not re.search(r"\b(?:he|she|they|it|we|i)\b", before[-30:], re.IGNORECASE) \
            and not re.search(r"\b(?:that|which|who)\s+(?:\w+\s+)?$", before, re.IGNORECASE) else "past"
    if form == "participle":
        return "past" if re.search(r"[A-Za-z]\s*$", before) and not re.search(
            r"\b(?:for|with|to|rumored|rumoured|set|slated)\s*$", before, re.IGNORECASE) else "none"
    if form == "s":
        return "present"
    if form == "base":
        if re.search(r"\b(?:to|for)\s*$", before):
            return "none"
        if re.search(r"\b(?:[Tt]hey|[Ww]e|I|[Yy]ou|[Bb]oth|[A-Z]\w*s)\s*$", before):
            return "present"
        # "A and B open in May", "A's eighth season and B's sixth, both billed as the last,
        # arrive on Aug. 12": a coordinated subject.
        return "present" if re.search(r"\S\s+(?:and|&)\s+\S", before) and ";" not in before else "none"
    return None


def ing_or_noun(g: VerbGroup) -> str:
    """A verb in -ing or a noun: the finite verb before decides."""
    form, before, lead, window = g.form, g.before, g.lead, g.window
    words = tense_words()
    if form == "ing":
        # "Early rumors had X dropping in October": the finite verb before decides.
        head = last_match(words["past_heads"], " ".join(WORDS.findall(lead + " " + before)[-8:]))
        if head and head.group().lower() in ("had", "was", "were", "got"):
            return "past"
        return "none"
    # A noun trigger: the clause's own verb decides.
    if words["present_do"].search(window) or re.search(
            r"\b\w+(?<!s)s\s+(?:(?!\w+ed\b)\w+\s+)?(?:a|an|the|its|his|her|their)\s*$", before):
        return "present"
    # "her account dropped a teaser pointing to a November release": a past verb; but
    # "rumored for release" is a participle phrase with no finite verb.
    past = re.search(r"\b(\w+ed)\b(?!\s+(?:for|to|as|in|by)\b)", window[-40:]) or past_after_subject().search(window)
    if past and re.search(r"[a-z]", window):
        return "past"
    return "none"


# The ways to tell a verb group's tense, in order: the first that answers decides.
TENSE_STEPS = (phrase_with_past, clashing, do_support, be_phrase, auxiliary, verb_form, ing_or_noun)


def modality(sentence_before: str, clause: str) -> str:
    """asserted, expected, rumored or speculative, from cues in the clause and what leads to it."""
    words = modality_words()
    scrubbed = words["neutral"].sub(" ", clause)
    # A report frame that leads into the clause ("Rumor has it that", "sources say:")
    # covers it, unless the frame confirms ("X confirmed what rumors hinted:"). (Of a long
    # sentence, its first and last REACH characters or so: a frame is a few words.)
    if len(sentence_before) > 2 * REACH:
        sentence_before = text_after(sentence_before, 0) + " " + text_before(sentence_before, len(sentence_before))
    frame = words["neutral"].sub(" ", sentence_before)
    opening = words["rumored"].match(frame.lstrip())  # "According to insiders, ..."
    if words["rumored"].search(scrubbed) or (
            (re.search(r"(?:\bthat|:|,)\s*$", frame) and words["rumored"].search(frame) or opening)
            and not CONFIRMING.search(frame)):
        return "rumored"
    if words["inverted_conditions"].search(scrubbed):
        return "speculative"
    if words["expected"].search(scrubbed) or words["hedged_expectation"].search(scrubbed) \
            or words["past_plan"].search(scrubbed):
        return "expected"
    speculative = words["speculative"].search(scrubbed)
    if speculative:
        if speculative.group().lower() == "would" and REPORTING_WOULD.search(scrubbed):
            return "asserted"
        return "speculative"
    return "asserted"


def is_negated(before: str, after: str) -> bool:
    """The clause denies the event ("hasn't begun filming", "won't premiere in 2017")."""
    window = " ".join(WORDS.findall(before)[-6:])
    negation = last_match(NEGATION, window)
    if not negation:
        return False
    # (a delay in the next statement is that one's: "has yet to begin, and nobody expects
    # season 4 to arrive until 2019"; and one before the negation another phrase's: "a
    # prequel set 1,200 years before the saga, hasn't started filming")
    after = NEXT_STATEMENT.split(after, 1)[0]
    return not DELAY.search(after[:60]) and not DELAY.search(window[negation.start():])


@cache
def past_after_subject() -> re.Pattern:
    """A finite past verb after its subject: "Gansa told THR", "he recently broke his neck"
    (not "X rumored for release": a participle)."""
    irregular = "|".join(sorted(set(lexicon.entry("tense", "irregular_past")), key=len, reverse=True))
    # (after a pronoun it is finite whatever follows: "It resumed in August")
    return re.compile(rf"\b(?i:he|she|it|they|we|i|you)\s+(?:\w+ly\s+)?(?:[a-z]+ed|{irregular})\b|"
                      rf"\b[A-Z][\w'’-]+\s+(?:\w+ly\s+)?(?:[a-z]+ed|{irregular})\b(?!\s+(?:for|to|as|in|by)\b)")


NEXT_STATEMENT = re.compile(r";|,\s+(?:and|but|while|although|though|whereas)\b|\s+but\s+(?=is|are|was|were|will|has|have|had|it|they)\b",
                            re.IGNORECASE)


def nearest_finite_tense(before: str, after: str = "", perfect: bool = True) -> str | None:
    """The tense of the finite verb nearest a phrase with none of its own ("told THR in
    February, before the show's seventh season debut"): past, present or future; None when
    the sentence has no finite verb. `perfect=False` leaves "has" and "have" out before the
    phrase ("She also has the drama X, coming out in November": no perfect)."""
    words = tense_words()
    found = []
    for key, tense in (("future", "future"), ("past_be", "past"), ("perfect", "past"), ("present_be", "present"),
                       ("present_do", "present")):
        if key == "perfect" and not perfect:
            continue
        match = last_match(words[key], before)
        if match:
            found.append((match.end(), tense))
    past = last_match(past_after_subject(), before)
    if past:
        found.append((past.end(), "past"))
    if found:
        return max(found)[1]
    if after:
        ahead = [(m.start(), tense) for key, tense in (("future", "future"), ("past_be", "past"), ("perfect", "past"),
                                                       ("present_be", "present"))
                 for m in [words[key].search(after)] if m]
        past = past_after_subject().search(after)
        if past:
            ahead.append((past.start(), "past"))
        if ahead:
            return min(ahead)[1]
    return None


# The verb group that follows a subject noun and its modifiers ("premiere on August 14 and 15
# will address that", "debut is set for May").
# (the words a subject noun's own phrase may run on with: "the premiere on August 14 will")
NOUN_PHRASE_RUNS_ON = r"^(?:\s+(?:on|in|of|at|for|from|to|and|the|a|an|this|next|last|its|\w+day|" \
                      r"(?-i:[A-Z])[\w.]*|\d[\w,.]*)){0,8}?"
VERB_AFTER_NOUN = re.compile(rf"{NOUN_PHRASE_RUNS_ON}\s+(?P<aux>will|won['’]t|is|are|was|were|has|have|had|"
                             r"would|could|may|might|'ll|’ll)\b", re.IGNORECASE)


@cache
def past_after_noun() -> re.Pattern:
    """"Filming took place in Cornwall": a past verb of occurrence after the noun."""
    verbs = lexicon.alternation(lexicon.load("tense")["noun_past_verbs"])
    return re.compile(rf"{NOUN_PHRASE_RUNS_ON}\s+(?:{verbs})\b", re.IGNORECASE)


def tense_after_noun(after: str) -> str | None:
    """The tense of the verb a subject noun goes with, when it follows the noun."""
    found = VERB_AFTER_NOUN.match(after)
    if not found:
        return "past" if past_after_noun().match(after) else None
    aux = found.group("aux").lower()
    if aux in ("will", "won't", "won’t", "'ll", "’ll"):
        return "future"
    if aux in ("was", "were", "had", "has", "have"):
        return "past"
    if aux in ("would", "could", "may", "might"):
        return None
    return "present"
