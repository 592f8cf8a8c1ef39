"""Ordered, named strategies: the first that answers decides, and its name is kept.

A step of the extractor that can be done several ways ("which work is this trigger
about?", "which time does it take?") lists its ways in order, each a short function that
returns an answer or None. The name of the strategy that answered travels with the claim
(`Claim.explain`, shown by `checker extract --explain`), and the table cases in
tests/cases/strategies.yaml name the strategy each row must be decided by.
"""
from __future__ import annotations

from typing import Callable, Sequence, TypeVar

T = TypeVar("T")


def first(strategies: Sequence[Callable[..., T | None]], *args) -> tuple[T | None, str | None]:
    """The first strategy's answer that is not None, and that strategy's name."""
    for strategy in strategies:
        answer = strategy(*args)
        if answer is not None:
            return answer, strategy.__name__
    return None, None


def names(strategies: Sequence[Callable]) -> list[str]:
    return [strategy.__name__ for strategy in strategies]
