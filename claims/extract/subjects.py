"""Which works a sentence names, which of them a trigger is about, and an article's focus work."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from claims.extract import aliases, events, gazetteer, lexicon, registry, seasons, strategies, titles, works
from claims.extract.context import ArticleContext, Subj
from claims.extract.sentences import Sentence

# (the second work may come with its maker and kind: "X and the Disney film Y", "X and HBO's Y")
COORDINATION = re.compile(r"^[\"”’']?\s*(?:seasons?\s+)?(?:,[\"”’']?\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+as\s+well\s+as\s+|"
                          r"\s+or\s+)"
                          r"(?:(?:(?:the|its|their|a|an)\s+)?(?:(?-i:[A-Z])[\w.&+!-]*(?:['’]s)?\s+){0,2}"
                          r"(?:(?:new|upcoming|animated|hit)\s+)?(?:film|movie|series|show|drama|comedy|sequel|thriller|"
                          r"documentary|miniseries|remake\s+of|reboot\s+of)\s+|(?-i:[A-Z])[\w.&+!-]*['’]s\s+)?"
                          r"[\"“‘']?$",
                          re.IGNORECASE)
PERSON_PRONOUN = re.compile(r"\b(?:he|she|I|we|you|they)\s+(?:\w+\s+){0,3}$|\b(?:his|her|their|my)\s+$",
                            re.IGNORECASE)
RELATIVE_PRONOUN = re.compile(r"^\s*,?\s*(?:which|who)\b", re.IGNORECASE)
WITH_CLAUSE = re.compile(r"^\s*,?\s*with\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
PRONOUN_SUBJECT = re.compile(r"(?<![\w'’])(?:it|they|both|the two|both shows|both series)(?![\w-])", re.IGNORECASE)


# A work named in this many sentences of the body is what the article is about.
STRONG_FOCUS_SENTENCES = 3


def focus_of(context: ArticleContext) -> tuple[str | None, int | None]:
    """The work (and season) an article is about: its headline's, else its most named."""
    counts: dict[str, float] = {}
    seasons: dict[str, dict[int, float]] = {}
    in_body: set[tuple[str, int]] = set()   # (work, season) named outside the headline
    title = context.article.title or ""
    texts = [(title, -1, 3.0)] + [(s.text, s.start, 3.0 if s.headline else 1.0 if i < 4 else 0.5)
                                   for i, s in enumerate(context.sentences)]
    for index, (text, offset, weight) in enumerate(texts):
        # (the focus is what an article names in full: a short form, "Ragnarok", says less)
        for mention in works.find_mentions(text, offset, context.lexicon):
            if mention.short or mention.work in context.lexicon.registry.franchises:
                continue  # a franchise's name is no entry the article could be about
            if index and not context.sentences[index - 1].headline and mention.season:
                in_body.add((mention.work, mention.season))
            counts[mention.work] = counts.get(mention.work, 0) + weight
            if mention.season:
                seasons.setdefault(mention.work, {})
                seasons[mention.work][mention.season] = seasons[mention.work].get(mention.season, 0) + weight
    if not counts:
        return None, None
    focus = max(counts, key=counts.__getitem__)
    headline_names = any(mention.work == focus for text, offset, _ in texts[:1] + [
        (s.text, s.start, 0) for s in context.sentences if s.headline]
        for mention in article_mentions(context, text, offset))
    body_sentences = sum(1 for s in context.sentences if not s.headline and any(
        m.work == focus for m in article_mentions(context, s.text, s.start)))
    context.focus_strong = headline_names or body_sentences >= STRONG_FOCUS_SENTENCES
    named = seasons.get(focus, {})
    season = max(named, key=named.__getitem__) if named and max(named.values()) >= 3.0 else None
    if season is not None and (focus, season) not in in_body and not any(
            re.search(r"\b(?:season|series)\s+(?:%d|%s)\b" % (season, works.number_word(season)),
                      s.text, re.IGNORECASE) for s in context.sentences if not s.headline):
        season = None  # a season only the headline names ("Game For Season 2") is a topic, not the subject
    return focus, season


def article_mentions(context: ArticleContext, text: str, offset: int) -> list[works.Mention]:
    """The works a sentence names, a short form ("Maverick", "Part Two") read as the work
    the article names in full."""
    found = []
    for mention in works.find_mentions(text, offset, context.lexicon):
        if mention.short:
            key = short_form_work(context, mention)
            if key is None:
                continue
            mention = dataclasses.replace(mention, work=key)
        found.append(mention)
    return found


def named_in_full(context: ArticleContext) -> set[str]:
    """The works an article names by a title or an alias (not by a short form)."""
    if context.named_in_full is None:
        lexicon_ = context.lexicon
        texts = [(context.article.title or "", -1)] + [(s.text, s.start) for s in context.sentences]
        context.named_in_full = {m.work for text, offset in texts for m in works.find_mentions(text, offset, lexicon_)
                                 if not m.short and m.work in lexicon_.registry.works}
    return context.named_in_full


def short_form_work(context: ArticleContext, mention: works.Mention) -> str | None:
    """"Maverick" in an article naming "Top Gun: Maverick"; "Part Two" after "Dead Reckoning
    Part One" (the sibling title the corpus knows): the one work it can be, else none."""
    lexicon_ = context.lexicon
    full = named_in_full(context)
    named = lexicon_.short_forms.get(mention.short, set()) & full
    if len(named) == 1:
        return next(iter(named))
    siblings = set()
    for work in full:
        known = lexicon_.registry.works.get(work)
        for name in (known.title, *known.aliases) if known else ():
            sibling = aliases.sibling_part(name, mention.short)
            key = lexicon_.key_of(sibling) if sibling else None
            if key and key != work:
                siblings.add(key)
    return siblings.pop() if len(siblings) == 1 else None


def subjects_in(context: ArticleContext, sentence: Sentence) -> list[Subj]:
    """Works named or referred to in a sentence, in order."""
    found: list[Subj] = []
    for mention in article_mentions(context, sentence.text, sentence.start):
        if mention.work in context.lexicon.registry.franchises:
            entry = franchise_entry(context, mention.work)
            if entry is None or several_entries(context.article.body, mention):
                continue  # "the Mission: Impossible franchise", "the two 'Mission' films": no entry of it
            mention = dataclasses.replace(mention, work=entry)
        numbers = mention.seasons or (mention.season,)
        if len(numbers) == 2 and mention.seasons and re.search(
                r"(?:through|to|-)", context.article.body[mention.start:mention.end + 30]):
            numbers = tuple(range(numbers[0], numbers[1] + 1))
        for season in numbers:
            found.append(Subj(mention.work, season, mention.start, mention.end, True))
    found = seasons.elliptic_seasons(context, found)
    taken = [(s.start, s.end) for s in found]  # mention spans include their season phrase
    owners: list[Subj] = []
    body = context.article.body
    for start, end, season in works.bare_seasons(sentence.text, sentence.start):
        if any(a <= start < b for a, b in taken):
            continue
        # "the first two seasons of X": the seasons of the work named right after.
        owner = next((s for s in found if s.explicit and s.season is None and s.start > start
                      and seasons.owner_gap().fullmatch(body[end:s.start])), None)
        if owner:
            owners.append(owner)
            found.append(Subj(owner.work, season, start, owner.end, True, "of_work"))
            continue
        if any(s.start > start and s.start - end < 6 for s in found):
            continue
        work, how = seasons.season_work(context, sentence, found, start, end, season)
        if work:
            assert how is not None  # season_work names the strategy of every work it gives
            found.append(Subj(work, season, start, end, False, how))
    found = [s for s in found if s not in owners]
    found += seasons.described_seasons(context, sentence, found)
    found += numbered_entries(context, sentence, found)
    numbered = list(found)
    for start, end, phrase in works.short_references(sentence.text, sentence.start):
        # "a fourth season of the space drama": the season of the work the reference means
        # ("this show" points back as the season already does).
        of_season = next((s for s in numbered if not s.explicit and s.season and phrase.startswith("the ")
                          and re.fullmatch(r"\s+of\s+", context.article.body[s.end:start])), None)
        if of_season:
            work, _ = reference_work(context, found, start, phrase)
            if work:
                how = "parent_series" if seasons.is_parent_reference(phrase) else of_season.how
                found[found.index(of_season)] = Subj(work, of_season.season, of_season.start, of_season.end, False, how)
            continue
        if any(s.start <= start < s.end + 25 for s in found):
            continue
        if phrase.split()[1] in earlier_entry_words() and phrase not in listed_references():
            continue  # "when the first film premiered in 2004": an earlier entry, not the work in focus
        if any(s.explicit and 0 <= s.start - end <= 3 for s in found):
            continue  # "the drama Copper Valley": the name that follows says which work
        if any(s.explicit and 0 <= s.start - end <= 60 and related_work().search(context.article.body[start:s.start])
               for s in found):
            continue  # "the sequel to the hit film X": not X, and no work named
        work, named_here = reference_work(context, found, start, phrase)
        if work and related_reference(phrase) and (original_of_another(context, work) or any(
                s.explicit and s.work != work and s.start >= end
                and NAMED_AS.search(context.article.body[end:s.start]) for s in found)):
            continue  # "the spinoff will debut" in a piece on its parent; "the sequel ... is called X"
        # (in a piece about a person, "the show" is no work the article has not just named)
        season = named_here[-1].season if named_here and named_here[-1].work == work else None
        if work and not named_here and phrase in upcoming_season_references():
            work, season = upcoming_season(context, work)
        if work and (named_here or context.may_mean(work)):
            found.append(Subj(work, season, start, end, False))
    found = sorted(found, key=lambda s: s.start)
    seasons.note_finals(context, sentence, found)
    return found


def upcoming_season(context: ArticleContext, work: str) -> tuple[str, int | None]:
    """ "The new run of episodes arrives in January": the season the article last told renewed
    or coming for the work just told of, else for the work the article is about, else the
    season the article is about ("Harbor Lights Season 3 Starts Shooting")."""
    if work in context.upcoming:
        return work, context.upcoming[work]
    focus = context.focus
    if focus and context.focus_strong and (context.upcoming.get(focus) or context.focus_season):
        return focus, context.upcoming.get(focus) or context.focus_season
    return work, None


@cache
def upcoming_season_references() -> frozenset[str]:
    return frozenset(phrase.lower() for phrase in lexicon.entry("works", "upcoming_season_references"))


@cache
def earlier_entry_words() -> frozenset[str]:
    return frozenset(lexicon.entry("works", "earlier_entry_words"))


@cache
def listed_references() -> frozenset[str]:
    """The short references works.yaml lists ("the first season" is the work's own)."""
    return frozenset(phrase.lower() for phrase in lexicon.entry("works", "references"))


def reference_work(context: ArticleContext, found: list[Subj], start: int,
                   phrase: str) -> tuple[str | None, list[Subj]]:
    """The work a short reference stands for, and the works the sentence named before it:
    "that series", "this show" point back to the last work named; "the series" is the one
    the article is about."""
    kind = works.reference_kind(phrase)
    named_here = [s for s in found if s.explicit and s.end <= start and fits_kind(context, s.work, kind)]
    if context.focus_strong and seasons.is_parent_reference(phrase):
        return context.focus, named_here  # "season three of the main show": the spin-off's parent
    recent = [w for w, _ in reversed(context.recent) if fits_kind(context, w, kind)]
    work: str | None
    if named_here:
        work = named_here[-1].work  # "X star Y said the new season will debut..."
    elif phrase.split()[0] in ("that", "this", "its") and recent:
        work = recent[0]
    elif context.named_last_sentence and fits_kind(context, context.named_last_sentence, kind):
        # "... Harbor Queen 2 kicked off on Monday. The film wrapped in November": the work
        # the sentence before was about.
        work = context.named_last_sentence
    else:
        work = context.focus if fits_kind(context, context.focus, kind) else (recent[0] if recent else None)
    return work, named_here


def fits_kind(context: ArticleContext, work: str | None, kind: str | None) -> bool:
    """"the show" stands for a series, "the film" for a film; a work of unknown kind fits both."""
    if work is None:
        return False
    known = context.lexicon.registry.works.get(work)
    return kind is None or known is None or known.kind is None or known.kind == kind


ENTRY_NOUNS = r"(?:films?|movies?|instal?lments?|entr(?:y|ies)|chapters?|sequels?|pictures?|outings?)"


@cache
def entry_reference() -> re.Pattern:
    """"the seventh film", "the seventh and eighth instalments", "the eighth Mission" (a
    franchise's short name), "The seventh had been due to start" (the noun left out):
    entries of a franchise by number."""
    ordinals = {k: v for k, v in works.knowledge()["ordinals"].items() if v}
    words = "|".join(sorted(map(re.escape, ordinals), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:the|its|their|a)\s+(?P<first>{words})(?:\s+and\s+(?P<second>{words}))?"
                      rf"(?:\s+{ENTRY_NOUNS}(?!\w)|\s+['‘\"“]?(?P<name>(?-i:[A-Z])[\w'’-]*)['’\"”]?(?![\w-])"
                      r"|(?P<ellipsis>(?=\s*[,;.)]|\s+(?:is|was|were|are|has|had|have|will|would|could|should|may|"
                      r"might|did|does|opens?|opened|arrives?|arrived|lands?|landed|wrapped|started|starts|began|"
                      r"begins|follows?|followed)\b)))",
                      re.IGNORECASE)


@cache
def pair_reference() -> re.Pattern:
    """"the two sequels", "the next two Mission: Impossible movies", "the two 'X' films",
    "the two halves of the story": the pair of entries an article names."""
    return re.compile(rf"(?<!\w)(?:the|both)\s+(?:next\s+|new\s+|upcoming\s+)?two\s+"
                      rf"(?:['‘\"“]?[\w:'’-]+['’\"”]?\s+){{0,3}}?(?:{ENTRY_NOUNS}|halves|parts)(?!\w)",
                      re.IGNORECASE)


def numbered_entries(context: ArticleContext, sentence: Sentence, found: list[Subj]) -> list[Subj]:
    """Franchise entries named by their number ("the seventh and eighth films", "Mission:
    Impossible 7 and 8"), or as the pair the article names ("the two sequels"): the entries
    of the franchise the article is about that carry that number."""
    ordinals = works.knowledge()["ordinals"]
    lexicon_ = context.lexicon
    # (the franchise is found only for a sentence that numbers an entry: few do)
    franchise_of = cache(lambda: context_franchise(context, found))
    entries = []
    for match in entry_reference().finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if any(s.start <= start < s.end for s in found):
            continue
        if match.group("name") and lexicon_.key_of(match.group("name")) not in lexicon_.registry.franchises:
            continue  # "the first Marvel series": no entry of a franchise
        franchise = franchise_of()
        if match.group("ellipsis") is not None and franchise is None:
            continue
        for group in ("first", "second"):
            word = match.group(group)
            entry = lexicon_.numbered_entry(franchise, ordinals[word.lower()]) if word else None
            if entry:
                entries.append(Subj(entry, None, start, end, False, "entry"))
    for subj in found:
        # "Mission: Impossible 7 and 8": the second number is the same franchise's entry
        also = re.match(r"[\"”’']?\s*(?:and|&)\s+(\d{1,2})(?![\w-])", context.article.body[subj.end:subj.end + 12],
                        re.IGNORECASE)
        number = lexicon_.entry_number(subj.work)
        owner = next(iter(lexicon_.franchises_of(subj.work)), None)
        if also and number and owner:
            entry = lexicon_.numbered_entry(owner, int(also.group(1)))
            if entry and subj.explicit:
                entries.append(Subj(entry, None, subj.end + also.start(1), subj.end + also.end(), False))
    for match in pair_reference().finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        pair = named_pair(context, franchise_of(), [*found, *entries], start)
        entries += [Subj(entry, None, start, end, False) for entry in pair]
    return entries


def named_pair(context: ArticleContext, franchise: str | None, found: list[Subj], start: int) -> list[str]:
    """The two entries of the franchise the article named last (before `start`), by number."""
    if franchise is None:
        return []
    members = set(context.lexicon.registry.franchises[franchise])
    order: dict[str, float] = {work: index for work, index in context.named_at.items() if work in members}
    for index, subj in enumerate(found):
        if subj.work in members and subj.start < start:
            order[subj.work] = context.sentence_index + index / 100 + 0.001
    named = sorted(order, key=order.__getitem__)[-2:]
    if len(named) < 2:
        return []
    return sorted(named, key=lambda w: context.lexicon.entry_number(w) or 0)


# "the eighth Mission", "the next two Mission: Impossible movies", "the Mission films": a
# franchise's name after a number, or before a plural noun, names no one entry.
ENTRY_COUNT_BEFORE = re.compile(r"(?i)\b(?:the|its|their|a|both|two|three|next)\s+(?:\w+\s+)?['‘\"“]?$")
ENTRY_PLURAL_AFTER = re.compile(r"(?i)^['’\"”]?\s+(?:films|movies|sequels|instal?lments|entries|chapters|pictures|"
                                r"outings|franchise|series|saga|universe)\b")


def several_entries(body: str, mention: works.Mention) -> bool:
    before = body[max(0, mention.start - 25):mention.start]
    counted = ENTRY_COUNT_BEFORE.search(before)
    return bool(counted and re.search(r"(?i)\b(?:two|three|next|both|%s)\b" % "|".join(
        k for k, v in works.knowledge()["ordinals"].items() if v), counted.group())) \
        or bool(ENTRY_PLURAL_AFTER.match(body[mention.end:mention.end + 30]))


def context_franchise(context: ArticleContext, found: Sequence[Subj] = ()) -> str | None:
    """The franchise the article is about: the one whose entries it names (before or in this
    sentence), or its focus's."""
    franchises = context.lexicon.registry.franchises
    told = {context.focus, *context.named_at, *(s.work for s in found)}
    holding = {franchise for work in told for franchise in context.lexicon.franchises_of(work)}
    # (in the registry's order, as a walk over all its franchises would meet them)
    order = context.lexicon.franchise_index()[1]
    named = {tuple(franchises[f]): f for f in sorted(holding, key=order.__getitem__)}
    return next(iter(named.values())) if len(named) == 1 else None   # (a short name shares its entries)


def franchise_entry(context: ArticleContext, franchise: str) -> str | None:
    """The entry a franchise's name stands for in this article: the one it names most (or its
    focus), when it names one."""
    entries = context.lexicon.registry.franchises[franchise]
    if context.focus in entries:
        return context.focus
    named = [e for e in entries if e in context.named_at]
    return max(named, key=lambda e: context.named_at[e]) if len(named) == 1 else None


EPISODE_COUNT = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"


@cache
def governing_gap() -> re.Pattern:
    """What may stand between a trigger and the work it governs: "filming on the new season
    of X", "the release of the HBO series X", "dated its sci-fi epic X", "moving Ana Ruiz's X"."""
    return re.compile(
        # a season's episodes, all at once: "dropped all 10 episodes of X"
        rf"\s*(?:(?:all|the|its|their)\s+(?:(?:first|last|final|remaining)\s+)?(?:\d{{1,3}}|{EPISODE_COUNT})\s+"
        r"(?:new\s+)?episodes\s+of\s+)?"
        r"(?:(?:of|on|for|to|with|from)\s+)?(?:(?:the|a|an|its|his|her|their|both)\s+)?"
        # a maker's possessive before the name
        r"(?:(?:(?-i:[A-Z])[\w.&-]*\s+){0,2}(?-i:[A-Z])[\w.&-]*['’]s\s+)?"
        r"(?:(?:new|upcoming|next|whole|entire|first|second|third|final)\s+)?"
        # a describing noun before the name, alone or after a word or two ("the HBO series
        # X", "the NBC competition show X"), maybe with its network ("a documentary series
        # on E!, X")
        rf"(?:(?:[\w+-]+\s+){{0,2}}(?:{works.kind_nouns()})(?:\s+(?:on|from)\s+(?-i:[A-Z])[\w!+&.]*)?\s*,?\s+)?"
        r"['‘\"“]?\s*", re.IGNORECASE)


# A clause that continues the last one's subject: "X, which is currently filming",
# "X ... and will hit the schedule in September" (auxiliaries only up to the trigger).
RELATIVE_START = re.compile(
    r"^\s*,?\s*(?:which|that|and|but|who)\s+(?:(?:also|still|currently|now|then|is|are|was|were|"
    r"has|have|had|will|['’]ll|would|could|be|been|being|set|to|slated|expected|due|going|supposed|"
    r"reportedly|likely|probably|just|finally|already|not|n['’]t|first|officially|only)\s+)*$",
    re.IGNORECASE)
DIRECT_SUBJECT_GAP = re.compile(r"^[^.;:!?()\[\]]{0,60}$")


@dataclass
class SubjectQuery:
    """One trigger in its clause, and the works around it."""

    context: ArticleContext
    sentence: Sentence
    trigger: events.Trigger
    subjects: list[Subj]
    clause: tuple[int, int]

    def __post_init__(self) -> None:
        body = self.context.article.body
        clause, trigger = self.clause, self.trigger
        # (A mention may run into the clause: "fans of X: season 2 has started filming".)
        self.in_clause = [s for s in self.subjects if clause[0] <= s.start < clause[1] or s.start < clause[0] < s.end]
        self.before = [s for s in self.in_clause if s.end <= trigger.start]
        self.after = [s for s in self.in_clause if s.start >= trigger.end]
        self.direct = bool(self.before and DIRECT_SUBJECT_GAP.match(body[self.before[-1].end:trigger.start]))
        self.text_before = body[clause[0]:trigger.start]

    @property
    def body(self) -> str:
        return self.context.article.body


def governed_object(q: SubjectQuery) -> list[Subj] | None:
    """The work the trigger governs: "filming on X", "the release of X", "renewed X"."""
    # A renewal "for a second season" governs a season, not a work ("renewed the series" a work).
    governed = [s for s in q.after if s.explicit or s.season is None or q.trigger.event != "renewal"]
    if not governed or governed[0] is not q.after[0]:
        return None
    gap = without_times(q.context, q.trigger.end, q.after[0].start)
    if not governing_gap().fullmatch(gap) or q.direct and q.trigger.form != "noun" and q.trigger.event == "release":
        return None
    if q.trigger.event == "release" and q.trigger.form != "noun" and re.match(r"\s*(?:to|from|into|onto)\b", gap):
        return None  # "returned to the Jersey Shore", "came back from X": X is where, not what
    return group_with(q.after[0], q.after, q.body)


def possessive_noun(q: SubjectQuery) -> list[Subj] | None:
    """"X posted its best score with its debut late last year": its = the work before."""
    if q.before and q.trigger.form == "noun" and re.search(
            r"\b(?:its|their)\s+(?:\w+\s+)?$", without_times(q.context, q.before[-1].end, q.trigger.start)):
        return [q.before[-1]]
    return None


def clause_subject(q: SubjectQuery) -> list[Subj] | None:
    """The work before the verb in its clause, with the works coordinated with it; not one
    named in a parenthesis closed before the verb ("the team-up (Luke Cage is along for
    the ride) will film in 2016")."""
    before, direct, body = q.before, q.direct, q.body
    while before and body[before[-1].end:q.trigger.start].count(")") > body[before[-1].end:q.trigger.start].count("("):
        before = before[:-1]
        direct = bool(before and DIRECT_SUBJECT_GAP.match(body[before[-1].end:q.trigger.start].split(")")[-1]))
    while before and MODIFIER_AFTER.match(body[before[-1].end:before[-1].end + 40]) and q.trigger.form != "noun":
        before = before[:-1]  # "the Saturday Night Live producer arrived": the producer did
    if before and not direct and OTHER_SUBJECT.search(body[before[-1].end:q.trigger.start]):
        return None  # "like X, you need something viewers want to come back for": another subject
    if before and (direct or q.trigger.form != "noun"):
        head = appositive_head(before, body, q.trigger)
        return [head] if head else group_back(before[-1], before, body)
    return None


# A work named before a person noun is that noun's modifier: "the SNL alum", "the Idol judge".
MODIFIER_AFTER = re.compile(
    r"^['’\"”]?\s+(?:(?!(?:also|still|now|then|just|only|already|finally|officially|reportedly)\b)[\w-]+\s+){0,2}"
    r"(?:alum|alumna|alumnus|alums|star|actor|actress|actors|producer|"
    r"producers|creator|writer|director|host|hosts|judge|judges|contestant|contestants|winner|finalist|"
    r"cast\s+member|castmate|co-star|costar|showrunner|girlfriend|boyfriend|wife|husband|fan|fans|"
    r"villain|character|singer|dancer|personality|executive|boss|veteran|"
    # "The Final Reckoning name arrived with the first teaser": the title's name, not the work
    r"name|title|subtitle|moniker|logo|trailer|teaser|poster)\b", re.IGNORECASE)


# A personal pronoun between a work and a verb is that verb's subject.
OTHER_SUBJECT = re.compile(r"(?<![\w'’])(?:you|we|they|he|she|I)(?![\w'’])")


def ordered_season_object(q: SubjectQuery) -> list[Subj] | None:
    """"Netflix ordered the sixth season in June", "confirmed a sixth and final season",
    "revived it for a sixth season": a renewal whose object is a season with no work named
    takes that season (and its work)."""
    if q.trigger.event != "renewal" or not q.after or q.after[0].explicit or q.after[0].season is None:
        return None
    if q.trigger.form == "be" or q.trigger.form in ("past", "participle") and re.search(
            r"(?i)\b(?:been|is|are|was|were|be|being)\s+(?:\w+ly\s+)?$", q.text_before):
        return None  # "'You' has been renewed for a second season": the season is no object of a passive
    if not re.fullmatch(r"\s*(?:(?:it|them)\s+)?(?:(?:for|with|of|on)\s+)?(?:(?:a|an|the|its|their)\s+)?",
                        q.body[q.trigger.end:q.after[0].start],
                        re.IGNORECASE):
        return None
    return [q.after[0]]


@cache
def counted_works_pattern() -> re.Pattern:
    """"three much-loved series", "both shows", "three comedies": a count of works."""
    numbers = "|".join(w for w, n in works.knowledge()["numbers"].items()
                       if 2 <= n <= 6 and w.isalpha() and not re.fullmatch(r"[ivx]+", w))
    nouns = lexicon.alternation(lexicon.entry("works", "counted_work_nouns"))
    return re.compile(rf"\b(?P<count>{numbers}|both)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b", re.IGNORECASE)


def counted_works(q: SubjectQuery) -> list[Subj] | None:
    """"In May 2018, three much-loved series were cancelled" after a headline that names
    three works, "cut three comedies: A, B and C": as many works as the count, named in a
    list right after the count or in the sentence before."""
    before = counted_works_pattern().search(q.text_before[-60:])
    after = counted_works_pattern().match(q.body, q.trigger.end + 1) if q.body[q.trigger.end:q.trigger.end + 1] == " " else None
    count_phrase = before or after
    if q.before or count_phrase is None:
        return None
    word = count_phrase.group("count").lower()
    count = 2 if word == "both" else works.knowledge()["numbers"][word]
    if after and q.body[after.end():after.end() + 1] == ":":
        listed = [s for s in q.subjects if s.explicit and s.start > after.end()]
        if len({s.work for s in listed}) == count:
            return listed
    index = q.context.sentence_index
    if index == 0:
        return None
    previous = q.context.sentences[index - 1]
    named = [m for m in article_mentions(q.context, previous.text, previous.start) if m.explicit]
    if len({m.work for m in named}) != count:
        return None
    return [Subj(m.work, None, m.start, m.end, True) for m in named]


def inside_trigger(q: SubjectQuery) -> list[Subj] | None:
    """A work inside the trigger phrase ("hit Netflix", "Starts Shooting Season 2"), or a
    reference the trigger's own word belongs to ("the production was supposed to kick off":
    the work's production)."""
    inside = [s for s in q.in_clause if q.trigger.start <= s.start < q.trigger.end]
    if not inside:
        inside = [s for s in q.in_clause if not s.explicit and s.start < q.trigger.start < s.end]
    return group_with(inside[0], inside, q.body) if inside else None


def relative_clause(q: SubjectQuery) -> list[Subj] | None:
    """"X, which is currently filming", "X ... and will hit the schedule": the subject of
    the clause this one continues."""
    if q.before or not (RELATIVE_START.match(q.text_before) or RELATIVE_PRONOUN.match(q.text_before)):
        return None
    previous = [s for s in q.subjects if s.end <= q.clause[0]]
    if previous and q.clause[0] - previous[-1].end < 80:
        if other_antecedent().search(q.body[max(0, q.clause[0] - 60):q.clause[0]]):
            return None  # "the Avatar sequel, which", "the second half of Season 4, which": another noun's
        if related_work().search(q.body[max(0, previous[-1].start - 60):previous[-1].start]):
            # "The sequel to Tom Cruise's "Top Gun," which ...": the sequel
            return related_work_subject(q, previous[-1])
        return group_back(previous[-1], previous, q.body)
    return None


def related_work_subject(q: SubjectQuery, original: Subj) -> list[Subj] | None:
    """The sequel (spin-off, remake) a clause tells of when it names only the original: the
    work in focus, when the article is about another work than the original; else none."""
    focus = q.context.focus
    if focus and q.context.focus_strong and focus != original.work:
        return [Subj(focus, q.context.focus_season, q.trigger.start, q.trigger.start, False)]
    return None


def second_verb(q: SubjectQuery) -> list[Subj] | None:
    """"X also stars A, B, and C and opens in theaters on November 3rd": the sentence's
    subject, named first, goes on with a second verb."""
    if q.before or q.trigger.form == "noun" or not re.match(r"^\s*,?\s*and\b.*\band\s+$|^\s*,?\s*and\s+$", q.text_before):
        return None
    first = [s for s in q.subjects if s.explicit and q.sentence.start <= s.start < q.clause[0]]
    return [first[0]] if first and titles_sentence_start(q, first[0]) else None


@cache
def other_antecedent() -> re.Pattern:
    """A noun other than the work right before the relative pronoun: a new entry, promotional
    material or an episode (events.yaml), or part of a season ("the Avatar sequel, which",
    "its first trailer, which", "the second half of Season 4, which")."""
    data = lexicon.load("events")
    nouns = lexicon.alternation([*data["another_entry_after"], *data["promotion"], *data["episode_words"]])
    return re.compile(rf"(?<![\w-])(?:(?:{nouns})s?|(?:half|part|rest|remainder)\s+of\s+(?:the\s+|its\s+)?"
                      rf"(?:(?:season|series)\s+\w+|\w+\s+season))[\s'’\"”),]*$", re.IGNORECASE)


# "is called", "will be titled", "has been named": the name after it is the work's.
NAMED_AS = re.compile(r"\b(?:called|titled|entitled|named)\s+['‘\"“]?$", re.IGNORECASE)


def related_reference(phrase: str) -> bool:
    """"the sequel", "the spinoff": a reference whose noun makes it another work's relative."""
    return phrase.split()[-1].lower() in related_work_nouns()


@cache
def related_work_nouns() -> frozenset[str]:
    return frozenset(noun.lower() for noun in lexicon.entry("works", "related_work_nouns"))


def original_of_another(context: ArticleContext, work: str) -> bool:
    """The article names the work as another's original: "a spinoff of Copper Valley", "the
    Copper Valley sequel", "Copper Valley's spin-off"."""
    title = context.lexicon.titles.get(work)
    if not title:
        return False
    nouns = lexicon.alternation(sorted(related_work_nouns()))
    name = rf"['‘\"“]?{re.escape(title)}['’\"”]?"
    return bool(re.search(rf"(?i:\b(?:{nouns})\s+(?:to|of)\s+(?:the\s+)?(?:hit\s+)?){name}|"
                          rf"{name}(?:['’]s)?\s+(?i:(?:{nouns}))\b", context.article.body))


@cache
def related_work() -> re.Pattern:
    """A work named as another's relative, up to the name: "the sequel to Tom Cruise's "Top
    Gun"", "a spinoff of the hit film X" (works.yaml related_work_nouns)."""
    nouns = lexicon.alternation(lexicon.entry("works", "related_work_nouns"))
    return re.compile(rf"\b(?:{nouns})\s+(?:to|of)\s+(?:(?:[A-Z][\w.-]*\s+){{0,2}}[A-Z][\w.-]*['’]s\s+)?"
                      rf"(?:the\s+)?(?:[a-z\d][\w-]*\s+){{0,2}}[\"“‘']?$", re.IGNORECASE)


def titles_sentence_start(q: SubjectQuery, subj: Subj) -> bool:
    """The work opens the sentence (after "The" or a maker's possessive at most)."""
    lead = q.body[q.sentence.start:subj.start].strip(" \"“‘'")
    return not lead or bool(re.fullmatch(r"(?:The|A|An|[A-Z][\w.&-]*['’]s)", lead)) \
        or bool(re.fullmatch(rf"(?:The|A|An|[A-Z][\w.&-]*['’]s)\s+(?:[\w-]+\s+){{0,2}}(?:{works.kind_nouns()})",
                             lead, re.IGNORECASE))


def with_clause(q: SubjectQuery) -> list[Subj] | None:
    """"FX has picked up X to series, with a premiere slated for this fall": the event noun
    of a "with" clause belongs to the work of the clause it hangs on."""
    if q.before or not WITH_CLAUSE.match(q.text_before):
        return None
    # (a season named bare counts: "Season 2 ... is slated to begin production, with its
    # debut planned for 2021")
    previous = [s for s in q.subjects if q.sentence.start <= s.start and s.end <= q.clause[0]
                and (s.explicit or s.season is not None)]
    if previous:
        return [previous[-1]]
    # "Anna Boden and Ryan Fleck are directing with domestic release set for March 8": the
    # film the article is about.
    context = q.context
    if context.focus and context.focus_strong and q.trigger.form == "noun":
        return [Subj(context.focus, context.focus_season, q.trigger.start, q.trigger.start, False)]
    return None


def pronoun(q: SubjectQuery) -> list[Subj] | None:
    """"it" is the work the passage is about: the last claim's subject, else the last named
    (or the subject of the sentence before, when that one made no claim)."""
    found = PRONOUN_SUBJECT.search(q.text_before[-40:])
    if q.before or not found:
        return None
    if found.group().lower() == "they" and len({work for work, _ in q.context.recent[-3:]}) < 2:
        return None  # "next week they are coming out with a new single": people, not one work
    # "X had been due to start filming this May; it will now shoot from late July": the work
    # the coordinated clause before named.
    earlier = [s for s in q.subjects if (s.explicit or s.how == "entry") and q.sentence.start <= s.start < q.clause[0]]
    conjunction = re.match(r"\s*(?:(?:and|but|so)\b)?", q.text_before)
    assert conjunction is not None  # the pattern matches the empty string too
    joined = q.body[q.sentence.start:q.clause[0]].rstrip() + " " + conjunction.group()
    if earlier and COORDINATED_CLAUSE.search(joined.rstrip()):
        return [Subj(earlier[-1].work, earlier[-1].season, q.trigger.start, q.trigger.start, False)]
    return work_in_passage(q)


COORDINATED_CLAUSE = re.compile(r"(?:;|,\s*(?:and|but|so)|\s+(?:and|but)\s+then)\s*$", re.IGNORECASE)


def object_pronoun(q: SubjectQuery) -> list[Subj] | None:
    """"the studio moved it from June 24 to Dec. 23", "The pandemic pushed it to Nov. 4": the
    object of a verb that dates or moves a work, "it", is the work the passage is about."""
    moved = MOVED_PRONOUN.match(q.body, q.trigger.end)
    if q.before or q.trigger.form == "noun" or not events.is_scheduling(q.trigger) or not moved \
            or not q.context.times_between(moved.start("det"), moved.end() + 1):
        return None  # (not "shifted it to television in early 2013")
    return work_in_passage(q)


# "moved it from June 24", "pushed it back to the fall", "dated it for May 5": the date follows.
MOVED_PRONOUN = re.compile(r"\s+(?:it|them)\s+(?:back\s+|forward\s+|up\s+|again\s+|once\s+more\s+)?"
                           r"(?:from|to|for|until|into|out\s+of|off)\s+(?P<det>)(?:(?:its|the|a|an)\s+)?", re.IGNORECASE)


@cache
def opening_subject() -> re.Pattern:
    """What may open a sentence before its subject work: quotes, "The film ", "Netflix's ",
    "The HBO series "."""
    return re.compile(rf"[\W_]*(?:(?:the|a|an)\s+)?(?:(?-i:[A-Z])[\w.&-]*['’]s\s+)?"
                      rf"(?:(?:[\w+-]+\s+){{0,2}}?(?:{works.kind_nouns()})\s+)?['‘\"“]?", re.IGNORECASE)


def work_in_passage(q: SubjectQuery) -> list[Subj] | None:
    """The work an "it" stands for: the last claim's subject, else the last named."""
    context = q.context
    opening = [s for s in q.subjects if q.sentence.start <= s.start < q.clause[0]]
    if opening and opening_subject().fullmatch(q.body[q.sentence.start:opening[0].start]) and not q.sentence.headline:
        # "The seventh had been due to start shooting in February, and it is now expected to
        # start in September": the subject the sentence opened with.
        first = opening[0]
        return [Subj(first.work, first.season, q.trigger.start, q.trigger.start, False)]
    if not context.recent:
        return None
    work, season = context.last_subject or context.recent[-1]
    named = context.subject_of_last_sentence
    if named and named != work:
        work, season = named, next((s for w, s in reversed(context.recent) if w == named), None)
    if not context.may_mean(work):
        return None  # "it" far from any work named: not a work's
    if context.lexicon.kind_of(work) == "film" and works.bare_seasons(q.body[q.sentence.start:q.trigger.start], 0):
        return None  # "no release date set for Season 3 yet, it's expected ...": a series', not the film's
    if q.sentence.headline is False:
        return [Subj(work, season, q.trigger.start, q.trigger.start, False)]
    return None


def headline_topic(q: SubjectQuery) -> list[Subj] | None:
    """"X Season 2: Filming Now Set For 2017": a headline's topic before its colon (in a
    running sentence a colon right after a name is the title's own: "The Witcher: Blood
    Origin, a prequel, is expected to go before cameras")."""
    topic = [s for s in q.subjects if s.end <= q.clause[0] and ":" in q.body[s.end:q.clause[0]]
             and q.sentence.start <= s.start
             and (q.sentence.headline or not re.match(r":\s*[A-Z]", q.body[s.end:s.end + 3]))]
    return [topic[-1]] if not q.in_clause and topic else None


def quote_attribution(q: SubjectQuery) -> list[Subj] | None:
    """'"We start shooting in January," Lee said of X': the work the attribution names,
    else the one the article is about."""
    context = q.context
    quote = next((span for span in context.quotes if span[0] <= q.trigger.start < span[1]), None)
    if not quote or any(quote[0] <= s.start < quote[1] for s in q.in_clause):
        return None
    # The work the attribution names ("... ," Lee said of X), or one the sentence names
    # outside the quote, for an event word of its own (not "move", "come", "return": a
    # speaker's own moves and returns are no work's).
    if q.trigger.needs_time or q.trigger.form == "noun":
        return []  # ("the night of the premiere", in a quote: which premiere is anyone's guess)
    if OTHER_SUBJECT_BEFORE.search(q.body[max(quote[0], q.trigger.start - 40):q.trigger.start]):
        return []  # ("this is going to come out", "the truth will come out": the quote's own subject)
    outside = [s for s in q.subjects if s.explicit and not quote[0] <= s.start < quote[1]
               and (s.start >= quote[1] and s.start - quote[1] < ATTRIBUTION_WINDOW or context.near(s.work, 1))]
    if outside:
        return [outside[0]]
    if context.focus and context.focus_strong:
        return [Subj(context.focus, context.focus_season, q.trigger.start, q.trigger.start, False)]
    return []


ATTRIBUTION_WINDOW = 80   # characters after a quote in which its attribution names a work
# A subject of the quote's own right before its verb: "this", "the truth", "everything".
OTHER_SUBJECT_BEFORE = re.compile(r"\b(?:this|that|these|those|everything|something|nothing|the\s+truth|the\s+news|"
                                  r"the\s+story|it\s+all|all\s+of\s+(?:it|this))\s+(?:(?:is|was|will|would|are|were|"
                                  r"has|had|have|going|gonna|to|be|been|finally|all|eventually|soon)\s+)*$", re.IGNORECASE)


def continued_shoot(q: SubjectQuery) -> list[Subj] | None:
    """"Production was halted in March. It resumed in August, only to stop again": a halt or
    restart verb with no filming word of its own is about the shoot just told of."""
    shoot = q.context.last_shoot
    if not q.trigger.bare or not shoot or any(s.explicit for s in q.in_clause if s.end <= q.trigger.start):
        return None
    return [Subj(shoot[0], shoot[1], q.trigger.start, q.trigger.start, False)]


# "The cast and crew returned to set in August", "the crew wrapped in June": the people of a
# shoot as the subject of its verb.
CAST_AND_CREW = re.compile(r"(?i)\b(?:the\s+)?(?:cast\s+and\s+crew|cast|crew|cast\s+members|crew\s+members)"
                           r"['’\"”]?\s+(?:(?:has|have|had|was|were|is|are|will|would|finally|also|then|just|"
                           r"officially|reportedly|already|be|been|not|yet|to|set|due|expected|about|"
                           r"scheduled|slated|\w+ly)\s+)*$")


def cast_and_crew(q: SubjectQuery) -> list[Subj] | None:
    """"The cast and crew returned to set in August": a shoot's verb whose subject is its cast
    or crew is about the work named earlier in the sentence, else the one the article is about."""
    context, trigger = q.context, q.trigger
    if q.in_clause or not trigger.event.startswith("filming") or not CAST_AND_CREW.search(q.text_before[-60:]):
        return None
    earlier = [s for s in q.subjects if q.sentence.start <= s.start < q.clause[0] and s.explicit]
    if earlier:
        return [earlier[-1]]
    if context.focus and context.focus_strong:
        return [Subj(context.focus, context.focus_season, trigger.start, trigger.start, False)]
    return None


def production_focus(q: SubjectQuery) -> list[Subj] | None:
    """"Principal photography will start in June", "filming has finished", "Cameras stopped in
    July": production news with no subject is about the work named earlier in the sentence,
    else the work the article is about."""
    context, trigger = q.context, q.trigger
    # (a reference after the trigger in a statement of its own is that one's: "Cameras started
    # rolling last spring, and in July the production moved to Singapore")
    if any(s.explicit or s.start < trigger.end or not LATER_STATEMENT.search(q.body[trigger.end:s.start])
           for s in q.in_clause) or not trigger.event.startswith("filming") \
            or trigger.form not in ("noun", "ing") and not trigger.phase or trigger.bare \
            or is_person_subject(context, q.text_before[-30:]):
        return None
    if trigger.verb_start is not None and not of_a_work(q.body[trigger.start:trigger.verb_start]) \
            or trigger.phase and trigger.form != "noun" and not of_a_work(q.body[trigger.start:trigger.end + 60]):
        return None  # "Production of the vaccine was halted": some other thing's production
    earlier = [s for s in q.subjects if q.sentence.start <= s.start < q.clause[0]]
    if earlier and earlier[-1].explicit:
        return [earlier[-1]]
    # (an earlier reference to the focus itself is no other work: "In February, the production
    # was supposed to kick off ..., but the shoot had to be stalled"; another season is)
    if context.focus and context.focus_strong and not any(
            q.sentence.start <= s.start < trigger.start
            and (s.work != context.focus or s.season not in (None, context.focus_season)) for s in q.subjects):
        last = context.claimed_last_sentence
        if last and last != context.focus and not context.near(context.focus, 1) \
                and context.lexicon.kind_of(last) == "series":
            # "Amazon renewed The Expanse for a sixth season. Deadline had reported that
            # production was pencilled in to begin on January 20", far from the article's
            # own work: the series just told of, in the season it was renewed for.
            return [Subj(last, context.renewed.get(last), trigger.start, trigger.start, False)]
        # "Production on new episodes has yet to begin, and nobody expects season 4 to
        # arrive": the season the sentence names for the work after the shoot.
        season = context.focus_season or next((s.season for s in q.subjects if s.work == context.focus
                                               and s.season and s.start > trigger.end), None)
        if season is None and context.last_subject and context.last_subject[0] == context.focus:
            season = context.last_subject[1]  # the season the article was just telling of
        return [Subj(context.focus, season, trigger.start, trigger.start, False)]
    return None


# A work's part after a filming word: "production on the finale", "filming on new episodes".
WORK_PART = re.compile(r"(?i)\b(?:season|seasons|series|episode|episodes|finale|film|movie|show|sequel|prequel|"
                       r"spinoff|spin-off|pilot|installment|instalment|chapter|part|project|it|them)\b")


def of_a_work(subject: str) -> bool:
    """A filming word's "on/of/for" phrase names a work's part, or there is none: "Production
    of the vaccine was halted" leaves the shoot unknown."""
    phrase = re.search(r"(?i)\b(?:on|of|for)\s+(.*)", subject)
    return not phrase or bool(WORK_PART.search(phrase.group(1)) or re.match(r"(?:the\s+)?['‘\"“]?[A-Z]", phrase.group(1)))


LATER_STATEMENT = re.compile(r"(?i),\s*(?:and|but|while|where|as)\b|;")


def earlier_in_sentence(q: SubjectQuery) -> list[Subj] | None:
    """"the fourth season of X, which has been part of a huge controversy — and the two-night
    premiere on August 14 will address that": a definite event noun with no work in its
    clause is the work's named earlier in the sentence."""
    if q.in_clause or q.trigger.form != "noun" or not re.search(r"(?i)\bthe\s+(?:[\w-]+\s+){0,2}$", q.text_before[-30:]):
        return None
    earlier = [s for s in q.subjects if q.sentence.start <= s.start < q.clause[0] and s.explicit]
    return [earlier[-1]] if earlier else None


def decision_of_focus(q: SubjectQuery) -> list[Subj] | None:
    """"The CW announced the renewal Monday", "Amazon confirmed the pickup on Saturday": a
    definite renewal or cancellation with no work named is the one just told of, else the
    one of the work the article is about, else of the work just named; a renewal, of the
    season last told renewed."""
    context, trigger = q.context, q.trigger
    if q.before or trigger.form != "noun" or trigger.event not in ("renewal", "cancellation") \
            or not re.search(r"(?i)\b(?:the|its)\s+(?:[\w-]+\s+){0,1}$", q.text_before[-20:]):
        return None
    recent = [w for w, _ in reversed(context.recent) if context.near(w)]
    told = context.last_decision[0] if context.last_decision and context.last_decision[1] == trigger.event else None
    work = told or (context.focus if context.focus_strong else recent[0] if recent else None)
    if work is None:
        return None
    season = context.focus_season if work == context.focus else None
    if trigger.event == "renewal":
        season = context.renewed.get(work, season)
    return [Subj(work, season, trigger.start, trigger.start, False)]


# The ways to find the works a trigger is about, in order: the first that answers decides.
SUBJECT_STRATEGIES = (continued_shoot, governed_object, possessive_noun, clause_subject, ordered_season_object,
                      counted_works, inside_trigger, relative_clause, second_verb, with_clause, pronoun, object_pronoun,
                      headline_topic, quote_attribution, cast_and_crew, production_focus, earlier_in_sentence,
                      decision_of_focus)


def subjects_for(context: ArticleContext, sentence: Sentence, trigger: events.Trigger,
                 subjects: list[Subj], clause: tuple[int, int]) -> tuple[list[Subj], str | None]:
    """The works a trigger is about, and the name of the strategy that found them."""
    query = SubjectQuery(context, sentence, trigger, subjects, clause)
    found, name = strategies.first(SUBJECT_STRATEGIES, query)
    # "the cancellation of Last Man Standing", "X and the series debut of The Crossing": a
    # work the registry does not know, not a work found elsewhere in the clause
    if found and (name in FALLBACKS or trigger.form == "noun" and name not in ("governed_object", "inside_trigger")) \
            and governs_an_unknown_name(query):
        return [], None
    return found or [], name


# The subject right before a verb: "The Two Towers was released in 2002".
NAME_BEFORE_VERB = re.compile(r"(?:^|[,;:(]\s*|\s)['‘\"“]?(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of|the|in|and|&|a|an|to)?\s*[A-Z0-9][\w'’.-]*)*)"
                              r"['’\"”]?\s+(?:(?:was|were|is|are|has|have|had|been|be|will|would|also|first|finally|"
                              r"originally|officially|reportedly)\s+)*$")
@cache
def not_a_name() -> frozenset[str]:
    """Capitalized words that open a clause but name nothing (works.yaml not_a_name)."""
    return frozenset(lexicon.entry("works", "not_a_name"))


def unknown_name_before(q: SubjectQuery) -> bool:
    """A release or decision whose subject right before the verb is a capitalized name the
    registry does not know (not a person, a company or a place): "The Two Towers was released
    in 2002" is about The Two Towers, not about the work the article is about. (A person is
    often the subject of a shoot: "Cruise began filming in May".)"""
    if q.trigger.event.startswith("filming") or q.trigger.form == "noun":
        return False
    found = NAME_BEFORE_VERB.search(q.body[q.clause[0]:q.trigger.start])
    if not found:
        return False
    return is_unknown_name(q.context, found.group("name"))


def is_unknown_name(context: ArticleContext, name: str) -> bool:
    """A capitalized name the registry does not know, and no person, company, place or month:
    perhaps a work the corpus names only once."""
    first = name.split()[0]
    if first.lower() in not_a_name() and len(name.split()) == 1 or works.bare_seasons(name, 0):
        return False
    return context.lexicon.key_of(name) is None and name not in context.lexicon.persons \
        and not gazetteer.given_name_count(first) and not gazetteer.organisation_kind(name) \
        and not gazetteer.place_kind(name) and not titles.is_month(first)


# Strategies that find a work the clause does not name: never when the trigger governs a name.
FALLBACKS = {"with_clause", "pronoun", "headline_topic", "quote_attribution", "production_focus",
             "earlier_in_sentence", "decision_of_focus"}


def governs_an_unknown_name(q: SubjectQuery) -> bool:
    """The trigger governs a capitalized name that is no registered work ("premiere of Show
    Dogs", "filming Jersey Shore"): the claim is about that, not about a work elsewhere."""
    if registry.titles_case(q.body[q.sentence.start:q.sentence.end]):
        return False  # a headline capitalizes every word
    if unknown_name_before(q):
        return True
    after = q.body[q.trigger.end:q.clause[1]]
    found = re.match(r"\s*(?:(?:of|on|for)\s+)?(?:(?:the|a|an|its|his|her|their)\s+(?:[a-z][\w-]*\s+){0,2})?"
                     r"['‘\"“]?(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)", after)
    if not found:
        return False
    name = found.group("name")
    if works.bare_seasons(name, 0):
        return False  # "its premiere of Season 2": a season, no name
    return q.context.lexicon.key_of(name) is None and not gazetteer.organisation_kind(name) \
        and not gazetteer.place_kind(name) and not titles.is_month(name.split()[0]) \
        and not titles.is_weekday(name.split()[0])


def is_person_subject(context: ArticleContext, text: str) -> bool:
    """A person (a pronoun or a known name) is the subject right before the verb."""
    return bool(PERSON_PRONOUN.search(text)) or context.lexicon.names_a_person(text)


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
    for timex in context.times_between(start, end):
        if timex.end <= end:
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
