"""Work spread over worker processes, or over a Dask cluster, its results in input order.

The workers are forked: they share the parent's corpus, sentences and work registry as they
stand at the fork, and nothing but the results travels through a pipe. Where fork is missing
(Windows; macOS, where it is unsafe) and for small corpora, the work runs in this process: a
worker's start costs more than a few dozen articles take.

On a Dask cluster (`DaskCluster`, dask.distributed, the optional `dask` extra) the same
batches run on the cluster's workers: what they share is sent to each worker once, and the
results come back in the batches' order, so the claims are the same as in one process.
"""
from __future__ import annotations

import atexit
import contextlib
import gc
import multiprocessing
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator, Optional, TypeVar, Union, cast

if TYPE_CHECKING:
    from distributed import Client

Result = TypeVar("Result")
# What every batch of one run is given (the corpus, its sentences, the registry ...).
Shared = TypeVar("Shared")

# Fewer items than this run in this process.
MIN_ITEMS = 100
# The most items a batch holds: a batch's articles are read from the spool together, and
# its sentences split together, so memory holds no more than this many at once.
MAX_BATCH = 500
# Batches per worker: more than one, so that a worker that drew long articles does not keep
# the others waiting.
BATCHES_PER_WORKER = 4

# (function, shared): what the forked workers run, set in the parent just before the fork.
_task: tuple[Callable, object] | None = None
# How long to wait for a Dask scheduler to answer.
CONNECT_TIMEOUT = "10s"


@dataclass(frozen=True)
class DaskCluster:
    """Run the batches on the Dask cluster whose scheduler is at this address
    ("tcp://host:8786")."""
    address: str


# Where the batches run: a number of processes on this machine (None: every core), or a cluster.
Jobs = Union[int, None, DaskCluster]


# What a long step tells of how far it is: (step, items done, items in all or None).
ProgressReport = Callable[[str, int, Optional[int]], None]


def step_progress(progress: ProgressReport | None, step: str, total: int) -> Callable[[int], None] | None:
    """`map_ranges`'s `done` for one step of a run, or None when nobody is told (who is
    told now that the step starts)."""
    if progress is None:
        return None
    progress(step, 0, total)
    return lambda done: progress(step, done, total)


class ClusterError(Exception):
    """The Dask cluster cannot be used (dask.distributed missing, the scheduler unreachable)."""


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


def batches_for(count: int, at_least: int = 1) -> int:
    """How many batches `count` items make: enough that none holds more than MAX_BATCH."""
    return max(at_least, -(-count // MAX_BATCH))


def map_ranges(function: Callable[[Shared, int, int], Result], count: int, jobs: Jobs,
               shared: Shared, done: Callable[[int], None] | None = None) -> Iterator[Result]:
    """function(shared, start, stop) over consecutive ranges of range(count), in order: one
    call per batch of at most MAX_BATCH items in this process, in forked workers, or on a
    Dask cluster. The results come one at a time, as the batches are done, so that the
    caller can sum each into what it keeps and let it go: all of them at once cost memory
    in proportion to the batches (each batch's tally of a name the others also tallied).
    `done(n)` hears how many items are done, batch by batch."""
    report = done or (lambda finished: None)
    if isinstance(jobs, DaskCluster):
        if count:
            yield from map_on_cluster(function, count, jobs, shared, report)
        return
    workers = workers_for(jobs, count)
    if workers == 1:
        for start, stop in ranges(count, batches_for(count)):
            result = function(shared, start, stop)
            report(stop)
            yield result
        return
    global _task
    _task = (function, shared)
    bounds = ranges(count, batches_for(count, workers * BATCHES_PER_WORKER))
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            # (_run returns what `function` does: the type is lost in the module global _task)
            batches = cast("Iterator[Result]", pool.imap(_run, bounds, chunksize=1))
            for result, (_, stop) in zip(batches, bounds):
                report(stop)
                yield result
    finally:
        _task = None


def _run(bounds: tuple[int, int]) -> object:
    assert _task is not None  # (set in the parent before the fork)
    function, shared = _task
    return function(shared, *bounds)


def map_on_cluster(function: Callable[[Shared, int, int], Result], count: int, cluster: DaskCluster,
                   shared: Shared, done: Callable[[int], None]) -> Iterator[Result]:
    """The batches on the cluster's workers (a few per thread), their results in order. The
    function must be importable there: the workers need this version of checker installed."""
    client = dask_client(cluster.address)
    threads = sum(client.nthreads().values()) or 1
    # (one copy of what the batches share on every worker, not one per batch; not hashed:
    # dask's hashing walks every object of the corpus, slower than sending it)
    [on_cluster] = client.scatter([shared], broadcast=True, hash=False)
    bounds = ranges(count, threads * BATCHES_PER_WORKER)
    futures = [client.submit(run_paused, function, on_cluster, start, stop, pure=False) for start, stop in bounds]
    for future, (_, stop) in zip(futures, bounds):   # (in order, as the pool's are)
        try:
            result = future.result()
        except Exception as err:  # (a worker lost, or one without this version of checker)
            raise ClusterError(f"the Dask cluster at {cluster.address} failed: {type(err).__name__}: {err}") from err
        done(stop)
        yield result


def run_paused(function: Callable[[Shared, int, int], Result], shared: Shared, start: int, stop: int) -> Result:
    """One batch on a cluster worker, the cycle collector paused as in `extract_corpus` (the
    worker holds the whole shared corpus: the collector's passes over it would find nothing)."""
    with cycle_collection_paused():
        return function(shared, start, stop)


@contextlib.contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector off while a corpus is read, as it was after. Extraction keeps
    hundreds of thousands of containers alive (sentences, name tallies, caches) and makes no
    reference cycles (tests/test_extract.py checks), so the collector's passes over them, a
    twentieth of the time, find nothing: reference counting frees all it leaves."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def dask_client(address: str) -> Client:
    """One client per scheduler address for the whole run (closed at exit, or by
    `close_clients`)."""
    if address in _clients:
        return _clients[address]
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("a Dask cluster needs dask.distributed: pip install 'checker[dask]'") from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err}") from None
    if not _clients:
        atexit.register(close_clients)
    _clients[address] = client
    return client


def close_clients() -> None:
    while _clients:
        _clients.popitem()[1].close()


_clients: dict[str, Client] = {}  # scheduler address -> distributed.Client
