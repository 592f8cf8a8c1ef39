"""Claims about the order of events cannot all hold, taken together with the events' dates.

Why: "shoots at the same time as" and "back-to-back with" describe different schedules,
and an order that the dates reported elsewhere rule out means one source is wrong.
Flags: "Ember Falls season 2 shoots at the same time as Harbor Lights" beside "the two
will film back-to-back"; "its shoot overlaps Harbor Lights'" beside "Harbor Lights wrapped
in March" and "season 2 started filming on April 3" (three sources that together cannot
all be right).
Passes: "back-to-back" beside "right after Harbor Lights" (the second narrows the first);
"films right around the time X premieres" beside dates three weeks apart (too loose a
claim to hold against exact dates);
"Ember Falls comes out first, then Copper Valley" beside premieres in September and March.
Fix: check which schedule the studio or the cast member actually gave, and correct the
article that repeats the other.

Every order claim (before, after, concurrent, back-to-back, overlap) and every dated claim
about the events they name becomes a constraint in one network of interval relations
(Allen's interval algebra); path consistency finds the constraints that cannot all hold,
and the finding names a smallest set of claims that does not. A large network (a
franchise with many order claims) is searched around each order claim: the claims about
the two works it names.
"""
from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from checker.findings import Severity
from checker.rules import allen, wording
from checker.rules.base import Conflict, Corpus, Rule, RuleOptions, Scope
from checker.rules.timeline import (POINT_EVENTS, WEIGHT, agreement, interval_of, published_order, span_days,
                                    states_a_date, within)
from claims.models import MIRRORED_RELATION as MIRRORED, Claim, Interval

RELATION_SETS = {"before": allen.BEFORE, "after": allen.AFTER, "concurrent": allen.INTERSECT,
                 "overlap": allen.INTERSECT, "back_to_back": allen.DISJOINT}
# A shoot's first and last day against the shoot.
PARTS = {"filming_start": allen.STARTS, "filming_end": allen.FINISHES}

Node = tuple[str, int, str]   # folded work, season, event


class Options(RuleOptions):
    # A network with more claims than this is searched for conflicts around each order
    # claim (the claims about the two works it names) rather than as a whole: path
    # consistency costs the cube of the events and dates in it.
    max_network: int = 40
    # Order claims the extractor gives less weight take no part: open questions ("I don't
    # know if they'll overlap") and loose ones ("right around the time").
    min_confidence: float = 0.5


@dataclass
class Model:
    """The network for a set of claims: event nodes, then one landmark node per stated time."""

    nodes: dict[Node, int] = field(default_factory=dict)
    landmarks: dict[tuple, int] = field(default_factory=dict)

    def node(self, key: Node) -> int:
        return self.nodes.setdefault(key, len(self.nodes) + len(self.landmarks))

    def landmark(self, interval: Interval) -> int:
        bounds = span(interval)
        if bounds not in self.landmarks:
            self.landmarks[bounds] = len(self.nodes) + len(self.landmarks)
        return self.landmarks[bounds]


def span(interval: Interval) -> tuple[float, float]:
    """Days as a half-open stretch of the number line: the day after `latest` ends it."""
    start = interval.earliest.toordinal() if interval.earliest else float("-inf")
    end = interval.latest.toordinal() + 1 if interval.latest else float("inf")
    return start, end


def constraints(claim: Claim, corpus: Corpus) -> list[tuple[Node, Node | Interval, int]]:
    subject = corpus.event_key(claim)
    if claim.relation:
        relations = RELATION_SETS[claim.relation]
        if claim.negated:
            relations = allen.ALL & ~relations
        return [(subject, object_node(claim, corpus), relations)]
    # A day-long event lies within the stated time; a shoot only meets it somewhere.
    return [(subject, interval_of(claim), allen.WITHIN if claim.event in POINT_EVENTS else allen.INTERSECT)]


def object_node(claim: Claim, corpus: Corpus) -> Node:
    """The other event of an order claim (`usable` keeps only those that name one)."""
    node = corpus.object_key(claim)
    assert node is not None
    return node


def consistent(claims: Sequence[Claim], corpus: Corpus) -> bool:
    model, edges = Model(), []
    for claim in claims:
        for a, b, relations in constraints(claim, corpus):
            first = model.node(a)
            second = model.landmark(b) if isinstance(b, Interval) else model.node(b)
            edges.append((first, second, relations))
    for key in list(model.nodes):
        whole = (key[0], key[1], "filming")
        if key[2] in PARTS and whole in model.nodes:
            edges.append((model.nodes[key], model.nodes[whole], PARTS[key[2]]))
    network = allen.Network(len(model.nodes) + len(model.landmarks))
    bounds = list(model.landmarks)
    known = allen.exact(bounds)
    for i, a in enumerate(bounds):
        for j in range(i + 1, len(bounds)):
            network.constrain(model.landmarks[a], model.landmarks[bounds[j]], known[i][j])
    for first, second, relations in edges:
        network.constrain(first, second, relations)
    return network.consistent()


def trust(claim: Claim, corpus: Corpus) -> tuple:
    """Firmer, more precise and more recent claims first."""
    article = corpus.articles.get(claim.article)
    recency = article.published.earliest if article and article.published else dt.date.min
    precision = -span_days(claim.interval) if claim.interval else 0
    return (-WEIGHT[claim.modality], claim.relation is not None, -recency.toordinal(), -precision)


def smallest_conflict(order: Claim, others: list[Claim], corpus: Corpus) -> list[Claim] | None:
    """A set of claims with `order` in it that cannot all hold and loses that property when
    any one is left out. Each step finds, by bisection, the shortest run of the most
    trusted remaining claims that still fails beside those already needed; its last claim
    is needed too. A failing set still fails with more constraints, which is what makes
    bisection sound; the cost is a few checks per claim in the result, not one per claim
    in the network."""
    needed, pool = [order], others
    if consistent(needed + pool, corpus):
        return None
    while consistent(needed, corpus):
        low, high = 1, len(pool)
        while low < high:
            middle = (low + high) // 2
            if consistent(needed + pool[:middle], corpus):
                low = middle + 1
            else:
                high = middle
        needed.append(pool[low - 1])
        pool = pool[:low - 1]
    if not consistent(needed[1:], corpus):
        return None  # the others clash without this order claim: a date-conflict, not ours
    return needed


def usable(claim: Claim, options: Options) -> bool:
    if claim.relation:
        return claim.object is not None and claim.confidence >= options.min_confidence
    return states_a_date(claim)


def components(claims: list[Claim], corpus: Corpus) -> list[list[Claim]]:
    """Claims joined through order claims: only events some order claim names matter."""
    parent: dict[Node, Node] = {}

    def root(node: Node) -> Node:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for claim in claims:
        if claim.relation:
            parent[root(corpus.event_key(claim))] = root(object_node(claim, corpus))
    ordered = {root(corpus.event_key(claim)) for claim in claims if claim.relation}
    groups: dict[Node, list[Claim]] = defaultdict(list)
    for claim in claims:
        key = corpus.event_key(claim)
        whole = (key[0], key[1], "filming")
        anchor = key if key in parent else whole if whole in parent else None
        if anchor is not None and root(anchor) in ordered:
            groups[root(anchor)].append(claim)
    return list(groups.values())


def agreed(claims: list[Claim], corpus: Corpus) -> list[Claim]:
    """Dated claims that a date-conflict leaves out are that rule's business: keep only the
    ones on the day most sources allow, so one wrong date does not stand for an order."""
    by_key: dict[Node, list[Claim]] = defaultdict(list)
    kept = []
    for claim in claims:
        if claim.relation or claim.event not in POINT_EVENTS:
            kept.append(claim)
        else:
            by_key[corpus.event_key(claim)].append(claim)
    for group in by_key.values():
        agreement_ = agreement(group, corpus)
        kept += agreement_.support if agreement_ else []
    return kept


def check(claims: Sequence[Claim], corpus: Corpus, options: Options) -> Iterator[Conflict]:
    for component in components([claim for claim in claims if usable(claim, options)], corpus):
        component = agreed(component, corpus)
        large = len(component) > options.max_network
        if not large and consistent(component, corpus):
            continue
        ranked = sorted(component, key=lambda claim: trust(claim, corpus))
        found: dict[str, list[Claim]] = {}   # order claim id -> the conflict found from it
        neighbourhoods = Neighbourhoods(ranked, corpus, options) if large else None
        whole = settled(ranked, corpus) if neighbourhoods is None else []
        for order in (claim for claim in ranked if claim.relation):
            network = whole if neighbourhoods is None else settled(neighbourhoods.of(order), corpus)
            conflict = smallest_conflict(order, [c for c in network if c is not order], corpus)
            if conflict and len({claim.article for claim in conflict}) >= 2:
                found[order.id] = conflict
        sayers = Sayers(component, corpus)
        for culprit, conflict in diagnose(found, ranked, corpus):
            yield describe([culprit] + [c for c in conflict if c is not culprit], sayers, corpus)


def settled(ranked: list[Claim], corpus: Corpus) -> list[Claim]:
    """The claims with the dates made consistent among themselves, keeping the most
    trusted: dates that disagree are date-conflict's business, and the order claims are
    held against one set of dates that can all be true."""
    dates = [claim for claim in ranked if not claim.relation]
    if consistent(dates, corpus):
        return ranked
    kept: list[Claim] = []
    for claim in dates:
        if consistent(kept + [claim], corpus):
            kept.append(claim)
    return [claim for claim in ranked if claim.relation or claim in kept]


class Neighbourhoods:
    """In a large network, the claims about the two works an order claim names (every
    event of each, so a shoot's start and end come along): where nearly every conflict a
    news corpus holds shows. The most trusted, up to max-network of them. (The claims are
    indexed once by work, and order claims by the works they join, so that each order
    claim's neighbourhood costs its size, not a pass over the whole network.)"""

    def __init__(self, ranked: list[Claim], corpus: Corpus, options: Options):
        self.ranked, self.corpus, self.most = ranked, corpus, options.max_network
        self.index: dict[tuple, list[int]] = defaultdict(list)   # (works...) -> places in ranked
        for place, claim in enumerate(ranked):
            work = corpus.event_key(claim)[:2]
            self.index[(work,) if claim.relation is None else (work, object_node(claim, corpus)[:2])].append(place)

    def of(self, order: Claim) -> list[Claim]:
        works = {self.corpus.event_key(order)[:2], object_node(order, self.corpus)[:2]}
        keys = [(work,) for work in works] + [(work, other) for work in works for other in works]
        places = heapq.merge(*(self.index.get(key, []) for key in keys))
        return [self.ranked[place] for place in itertools.islice(places, self.most)]


def diagnose(found: dict[str, list[Claim]], ranked: list[Claim],
             corpus: Corpus) -> Iterator[tuple[Claim, list[Claim]]]:
    """One finding per odd claim out: the order claim in the most conflicts (then the one
    fewest sources repeat, then the least trusted), with the conflict found from it (the
    most trusted claims it cannot stand beside), else the smallest it is in. One wrong
    claim that clashes with five others is one finding, not five."""
    position = {claim.id: index for index, claim in enumerate(ranked)}
    conflicts = list({frozenset(c.id for c in conflict): conflict for conflict in found.values()}.values())
    sayers = Sayers(ranked, corpus)
    repeated: dict[str, int] = {}   # claim id -> how many other sources say it (asked each round)
    while conflicts:
        counts = Counter(claim.id for conflict in conflicts for claim in conflict if claim.relation)
        candidates = {claim.id: claim for conflict in conflicts for claim in conflict if claim.relation}
        for claim in candidates.values():
            if claim.id not in repeated:
                repeated[claim.id] = len(sayers.of(claim))
        culprit = min(candidates.values(), key=lambda claim: (
            -counts[claim.id], repeated[claim.id], -position[claim.id]))
        own = found.get(culprit.id)
        yield culprit, own if own in conflicts else min((c for c in conflicts if culprit in c), key=len)
        conflicts = [conflict for conflict in conflicts if culprit not in conflict]


class Sayers:
    """Who else says what a claim says, among some claims (`others`): claims in other articles
    that say the same order (or the same order told from the other event's side), or the
    same event's date, or a more precise one (a date within its time), so that a finding
    names every source behind each side. (Indexed once by what they say: a large network
    asks for each of its claims.)"""

    def __init__(self, others: list[Claim], corpus: Corpus):
        self.corpus = corpus
        self.by_saying: dict[tuple, list[tuple[int, Claim]]] = defaultdict(list)
        for place, other in enumerate(others):
            saying = (other.relation, corpus.event_key(other), corpus.object_key(other) if other.relation else None)
            self.by_saying[saying].append((place, other))

    def of(self, claim: Claim) -> list[Claim]:
        corpus = self.corpus
        subject, other_key = corpus.event_key(claim), corpus.object_key(claim) if claim.relation else None
        if claim.relation:
            said = self.by_saying.get((claim.relation, subject, other_key), [])
            # (the same order from the other event's side: "B after A" for "A before B")
            if other_key != subject:
                said = sorted(said + self.by_saying.get((MIRRORED.get(claim.relation), other_key, subject), []),
                              key=lambda item: item[0])
            return [other for _, other in said if other.article != claim.article and other is not claim]
        return [other for _, other in self.by_saying.get((None, subject, None), [])
                if other.article != claim.article and other is not claim
                and within(interval_of(other), interval_of(claim))]


def describe(found: list[Claim], sayers: Sayers, corpus: Corpus) -> Conflict:
    order, rest = found[0], found[1:]
    message = f"{wording.source(order.article, corpus.articles)} says {wording.event_phrase(order)}"
    claims = [order]
    for claim in sorted(rest, key=lambda c: published_order(c, corpus)):
        backing = sorted([claim] + [c for c in sayers.of(claim) if c not in claims],
                         key=lambda c: published_order(c, corpus))
        claims += [c for c in backing if c not in claims]
        message += (f"; {wording.sources([c.article for c in backing], corpus.articles)} "
                    f"{wording.event_phrase(claim)}")
    return Conflict(claims=claims, message=message + "; these cannot all be true.", anchor=found)


RULE = Rule(id="order-conflict", severity=Severity.ERROR,
            summary="Claims about the order of events (with their dates) cannot all hold.",
            scope=Scope.CORPUS, check=check, doc=__doc__, options=Options)
