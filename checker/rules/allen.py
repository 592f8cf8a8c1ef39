"""Allen's interval algebra: thirteen base relations, their composition, path consistency.

A relation between two intervals is a set of base relations, kept as a 13-bit mask. The
composition table is not typed in: it is computed once by placing three intervals on a
small grid in every possible way, which is exactly its definition.
"""
from __future__ import annotations

from functools import cache
from itertools import combinations
from typing import Iterable

BASE = ("b", "m", "o", "s", "d", "f", "eq", "fi", "di", "si", "oi", "mi", "bi")
BIT = {name: 1 << index for index, name in enumerate(BASE)}
ALL = (1 << len(BASE)) - 1
INVERSE_NAME = {"b": "bi", "m": "mi", "o": "oi", "s": "si", "d": "di", "f": "fi", "eq": "eq"}
INVERSE_NAME.update({value: key for key, value in INVERSE_NAME.items()})


def mask(*names: str) -> int:
    result = 0
    for name in names:
        result |= BIT[name]
    return result


# Sets the checker uses, named for what the sources say.
BEFORE = mask("b", "m")                                       # A ends before or as B starts
AFTER = mask("bi", "mi")
DISJOINT = BEFORE | AFTER                                     # back-to-back: one, then the other
INTERSECT = ALL & ~DISJOINT                                   # at the same time, at least in part
WITHIN = mask("s", "d", "f", "eq")                            # a day inside a stated time
STARTS = mask("s", "eq")                                      # the first day of a shoot
FINISHES = mask("f", "eq")                                    # its last day


def relation(a: tuple[float, float], b: tuple[float, float]) -> str:
    """The base relation of interval a to interval b (start < end for both)."""
    (a1, a2), (b1, b2) = a, b
    if a2 < b1:
        return "b"
    if a2 == b1:
        return "m"
    if b2 < a1:
        return "bi"
    if b2 == a1:
        return "mi"
    if a1 == b1:
        return "eq" if a2 == b2 else ("s" if a2 < b2 else "si")
    if a2 == b2:
        return "f" if a1 > b1 else "fi"
    if a1 < b1:
        return "o" if a2 < b2 else "di"
    return "d" if a2 < b2 else "oi"


def inverse(relations: int) -> int:
    result = 0
    for name in BASE:
        if relations & BIT[name]:
            result |= BIT[INVERSE_NAME[name]]
    return result


@cache
def base_composition() -> dict[tuple[str, str], int]:
    """r(A,B), r(B,C) -> the possible r(A,C), from every placement of three intervals."""
    grid = [(start, end) for start in range(6) for end in range(start + 1, 6)]
    table: dict[tuple[str, str], int] = {}
    for a in grid:
        for b in grid:
            ab = relation(a, b)
            for c in grid:
                key = (ab, relation(b, c))
                table[key] = table.get(key, 0) | BIT[relation(a, c)]
    return table


@cache
def compose(first: int, second: int) -> int:
    table = base_composition()
    result = 0
    for x in BASE:
        if first & BIT[x]:
            for y in BASE:
                if second & BIT[y]:
                    result |= table[(x, y)]
                    if result == ALL:
                        return ALL
    return result


class Network:
    """Nodes and the relation sets between them; `consistent()` runs path consistency."""

    def __init__(self, size: int):
        self.size = size
        self.relations = [[ALL] * size for _ in range(size)]
        for node in range(size):
            self.relations[node][node] = BIT["eq"]

    def constrain(self, a: int, b: int, relations: int) -> None:
        self.relations[a][b] &= relations
        self.relations[b][a] &= inverse(relations)

    def consistent(self) -> bool:
        """Path consistency (PC-2): narrow every pair by every path of two steps until
        nothing changes; an empty set means the constraints cannot all hold. Sound, and
        complete for the sets the checker uses in practice."""
        rel = self.relations
        if any(rel[a][b] == 0 for a in range(self.size) for b in range(self.size)):
            return False
        queue = list(combinations(range(self.size), 2))
        queued = set(queue)
        while queue:
            i, j = queue.pop()
            queued.discard((i, j))
            for k in range(self.size):
                if k == i or k == j:
                    continue
                for a, b, via in ((i, k, compose(rel[i][j], rel[j][k])),
                                  (k, j, compose(rel[k][i], rel[i][j]))):
                    narrowed = rel[a][b] & via
                    if narrowed != rel[a][b]:
                        if narrowed == 0:
                            return False
                        rel[a][b], rel[b][a] = narrowed, inverse(narrowed)
                        pair = (min(a, b), max(a, b))
                        if pair not in queued:
                            queued.add(pair)
                            queue.append(pair)
        return True


def names(relations: int) -> list[str]:
    return [name for name in BASE if relations & BIT[name]]


def exact(intervals: Iterable[tuple[float, float]]) -> list[list[int]]:
    """The base relation between every two of some known intervals, as masks."""
    items = list(intervals)
    return [[BIT[relation(a, b)] for b in items] for a in items]
