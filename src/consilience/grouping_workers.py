"""Per-article work shared between this process and spawned workers, results in input order.

Dedup's shingles and sketches and clustering's signals depend on one article alone, while the
indexes that consume them are sequential. ``map_in_chunks`` cuts a batch into chunks that
this process and spawned workers compute, and yields the results in input order, so the
caller's sequential part runs here while a worker prepares what comes next;
``consilience.extract_workers`` runs its parse + fact chunks on it too. This process never
waits idle (it takes the next free chunk itself) yet runs at most ``AHEAD_CHUNKS`` ahead of
the one it yields, small batches start no process, and a chunk whose worker died or hung is
redone here, so the results are the same as one process's.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Generic, TypeVar

from consilience.settings import Settings, parse_workers

__all__ = [
    "AHEAD_CHUNKS",
    "CHUNK_ARTICLES",
    "CHUNK_TIMEOUT_SECONDS",
    "MIN_ARTICLES_FOR_WORKERS",
    "grouping_workers",
    "map_in_chunks",
    "workers_for",
]

log = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")

# Articles per task: about 30-60 ms of work, long enough that handing a chunk over costs
# little, short enough that the first results come back at once.
CHUNK_ARTICLES = 256
# A spawned worker needs about 0.3 s to start (interpreter, numpy): the per-article work of
# 2,000 articles in dedup. Below that one process is as fast, so none is started.
MIN_ARTICLES_FOR_WORKERS = 2000
# The most chunks this process runs ahead of the one it yields (the pool's queue included)
# before it waits for that one: enough to cover a worker's start-up, a few MB of results.
AHEAD_CHUNKS = 16
# The longest this process waits for one worker's chunk before it calls the worker hung,
# redoes the chunk itself and stops the pool. A chunk takes well under a second to a few
# seconds (plus the worker's start-up for its first), so this only catches a stuck worker.
CHUNK_TIMEOUT_SECONDS = 300.0


def workers_for(settings: Settings, items: int, min_items: int, chunk_items: int) -> int:
    """Processes (this one included) worth using for ``items`` items in chunks of
    ``chunk_items``: ``parse_processes``, but 1 below ``min_items``, where starting a worker
    costs more than it saves. The setting is checked whatever the batch size, so a bad value
    fails at once.

    >>> workers_for(Settings(parse_processes="2"), 600, min_items=500, chunk_items=256)
    2
    """
    wanted = parse_workers(settings)
    if items < min_items:
        return 1
    return min(wanted, -(-items // chunk_items))


def grouping_workers(settings: Settings, articles: int) -> int:
    """Processes (this one included) worth using for ``articles`` articles of dedup or
    clustering: ``parse_processes``, but 1 for batches under MIN_ARTICLES_FOR_WORKERS.

    >>> grouping_workers(Settings(parse_processes="2"), 500)
    1
    """
    return workers_for(settings, articles, MIN_ARTICLES_FOR_WORKERS, CHUNK_ARTICLES)


def map_in_chunks(
    work: Callable[[Sequence[Item]], list[Result]],
    items: Sequence[Item],
    workers: int,
    chunk_articles: int = CHUNK_ARTICLES,
    *,
    local: Callable[[Sequence[Item]], list[Result]] | None = None,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
    timeout: float = CHUNK_TIMEOUT_SECONDS,
) -> Generator[Result, None, None]:
    """``work`` over chunks of ``items``, yielded in order, on this process and ``workers - 1``
    spawned ones. ``work`` must be a module-level function of its chunk alone (and of what
    ``initializer(*initargs)`` set up in the worker); ``local`` (default ``work``) computes
    the same results in this process, which does the chunks no worker delivers.

    Chunks are computed as they are consumed: this process takes free chunks while it waits
    for a worker's, but at most ``AHEAD_CHUNKS`` ahead of the one it yields, then blocks on
    that one, for up to ``timeout`` seconds; a worker that dies or hangs past it has its
    chunk redone here, and a hung one stops the pool. Workers are spawned, so a script that
    calls this with ``workers > 1`` needs an ``if __name__ == "__main__":`` guard. Close the
    iterator (``contextlib.closing``) if it may be dropped before the end, so the pool stops.
    """
    chunks = [
        items[start : start + chunk_articles] for start in range(0, len(items), chunk_articles)
    ]
    here = work if local is None else local
    if workers <= 1:
        for chunk in chunks:
            yield from here(chunk)
        return
    pool = ProcessPoolExecutor(
        workers - 1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=initializer,
        initargs=initargs,
    )
    shared = _SharedChunks(work, here, chunks, pool, queued=2 * (workers - 1), timeout=timeout)
    try:
        for index in range(len(chunks)):
            yield from shared.results_of(index)
    finally:
        if shared.pending:  # closed early: nobody wants the chunks still out
            shared.stop_pool()
        pool.shutdown(wait=True, cancel_futures=True)


class _SharedChunks(Generic[Item, Result]):
    """Chunks handed out in order to the pool (``queued`` at a time) and to this process."""

    def __init__(
        self,
        work: Callable[[Sequence[Item]], list[Result]],
        local: Callable[[Sequence[Item]], list[Result]],
        chunks: list[Sequence[Item]],
        pool: ProcessPoolExecutor,
        queued: int,
        timeout: float,
    ) -> None:
        self.work = work
        self.local = local
        self.chunks = chunks
        self.pool: ProcessPoolExecutor | None = pool
        self.queued = queued
        self.ahead = max(AHEAD_CHUNKS, 2 * queued)  # room for this process's own chunks
        self.timeout = timeout
        self.next_free = 0  # the first chunk nobody has taken yet
        self.pending: dict[int, Future[list[Result]]] = {}
        self.done: dict[int, list[Result]] = {}

    def results_of(self, index: int) -> list[Result]:
        """Chunk ``index``'s results; this process works on free chunks while it waits, up
        to ``ahead`` chunks past ``index``."""
        last_free = min(len(self.chunks), index + self.ahead + 1)
        while index not in self.done:
            self._feed_pool()
            future = self.pending.get(index)
            if future is not None and (future.done() or self.next_free >= last_free):
                self.done[index] = self._collect(index, future)
            else:  # this process takes the next free chunk (``index`` itself if untaken)
                taken = self.next_free
                self.next_free += 1
                self.done[taken] = self.local(self.chunks[taken])
        return self.done.pop(index)

    def _feed_pool(self) -> None:
        while (
            self.pool is not None
            and self.next_free < len(self.chunks)
            and len(self.pending) < self.queued
        ):
            try:
                future = self.pool.submit(self.work, self.chunks[self.next_free])
            except Exception as exc:  # the pool broke: this process does the rest
                log.warning("worker processes failed (%s); computing the rest here", exc)
                self.pool = None
                return
            self.pending[self.next_free] = future
            self.next_free += 1

    def _collect(self, index: int, future: Future[list[Result]]) -> list[Result]:
        del self.pending[index]
        chunk = self.chunks[index]
        try:
            return future.result(timeout=self.timeout)
        except TimeoutError:  # a worker hung: stop the pool, redo the chunk here
            log.warning(
                "worker gave no result in %.0f s; stopping workers, redoing %d items here",
                self.timeout,
                len(chunk),
            )
            self.stop_pool()
        except Exception as exc:  # a worker died: this process redoes the chunk
            log.warning("worker failed (%s); redoing %d items here", exc, len(chunk))
        return self.local(chunk)

    def stop_pool(self) -> None:
        """No more chunks go to the pool; its processes are ended, as a hung one never
        returns (and would hold up the pool's shutdown), which fails its other chunks."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        # ProcessPoolExecutor has no public way to end its workers before Python 3.14.
        processes = getattr(pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()
