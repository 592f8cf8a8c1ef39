"""Work spread over worker processes, its results in input order.

The workers are forked: they share the parent's corpus, sentences and work registry as they
stand at the fork, and nothing but the results travels through a pipe. Where fork is missing
(Windows; macOS, where it is unsafe) and for small corpora, the work runs in this process: a
worker's start costs more than a few dozen articles take.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from typing import Callable, TypeVar

Result = TypeVar("Result")

# Fewer items than this run in this process.
MIN_ITEMS = 100
# Batches per worker: more than one, so that a worker that drew long articles does not keep
# the others waiting.
BATCHES_PER_WORKER = 4

# (function, shared): what the forked workers run, set in the parent just before the fork.
_task: tuple[Callable, object] | None = None


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # (not on every platform)
        return os.cpu_count() or 1


def workers_for(jobs: int | None, items: int) -> int:
    """How many processes to use: `jobs` (None: every core), one where forking is not possible
    or the items are too few to be worth it."""
    wanted = cores() if jobs is None else jobs
    if wanted <= 1 or items < MIN_ITEMS or sys.platform == "darwin" \
            or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(wanted, items // (MIN_ITEMS // 2))


def ranges(count: int, parts: int) -> list[tuple[int, int]]:
    """range(count) cut into `parts` consecutive ranges of nearly equal length."""
    bounds = [count * part // parts for part in range(parts + 1)]
    return [(start, stop) for start, stop in zip(bounds, bounds[1:]) if start < stop]


def map_ranges(function: Callable[[object, int, int], Result], count: int, jobs: int | None,
               shared: object) -> list[Result]:
    """function(shared, start, stop) over consecutive ranges of range(count), in order: one
    call for the whole range in this process, or one per batch in forked workers."""
    workers = workers_for(jobs, count)
    if workers == 1:
        return [function(shared, 0, count)] if count else []
    global _task
    _task = (function, shared)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_run, ranges(count, workers * BATCHES_PER_WORKER), chunksize=1)
    finally:
        _task = None


def _run(bounds: tuple[int, int]) -> object:
    function, shared = _task
    return function(shared, *bounds)
