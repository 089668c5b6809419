"""Per-article work of dedup and clustering shared with a worker process, results in order.

Dedup's shingles and sketches and clustering's signals depend on one article alone, while the
indexes that consume them are sequential. ``map_in_chunks`` cuts a batch into chunks that
this process and spawned workers compute, and yields the results in input order, so the
caller's sequential part runs here while a worker prepares what comes next. As in
``consilience.extract_workers``: this process never waits idle (it takes the next free chunk
itself), small batches start no process, and a chunk whose worker died is redone here, so
the results are the same as one process's.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Generic, TypeVar

from consilience.settings import Settings, parse_workers

__all__ = ["CHUNK_ARTICLES", "MIN_ARTICLES_FOR_WORKERS", "grouping_workers", "map_in_chunks"]

log = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")

# Articles per task: about 30-60 ms of work, long enough that handing a chunk over costs
# little, short enough that the first results come back at once.
CHUNK_ARTICLES = 256
# A spawned worker needs about 0.3 s to start (interpreter, numpy): the per-article work of
# 2,000 articles in dedup. Below that one process is as fast, so none is started.
MIN_ARTICLES_FOR_WORKERS = 2000


def grouping_workers(settings: Settings, articles: int) -> int:
    """Processes (this one included) worth using for ``articles`` articles of dedup or
    clustering: ``parse_processes``, but 1 for batches under MIN_ARTICLES_FOR_WORKERS.

    >>> grouping_workers(Settings(parse_processes="2"), 500)
    1
    """
    wanted = parse_workers(settings)
    if articles < MIN_ARTICLES_FOR_WORKERS:
        return 1
    return min(wanted, -(-articles // CHUNK_ARTICLES))


def map_in_chunks(
    work: Callable[[Sequence[Item]], list[Result]],
    items: Sequence[Item],
    workers: int,
    chunk_articles: int = CHUNK_ARTICLES,
) -> Iterator[Result]:
    """``work`` over chunks of ``items``, yielded in order, on this process and ``workers - 1``
    spawned ones. ``work`` must be a module-level function of its chunk alone.

    Chunks are computed as they are consumed, so at most a few are held at once; workers
    are spawned, so a script that calls this with ``workers > 1`` needs an ``if __name__ ==
    "__main__":`` guard.
    """
    chunks = [
        items[start : start + chunk_articles] for start in range(0, len(items), chunk_articles)
    ]
    if workers <= 1:
        for chunk in chunks:
            yield from work(chunk)
        return
    pool = ProcessPoolExecutor(workers - 1, mp_context=multiprocessing.get_context("spawn"))
    shared = _SharedChunks(work, chunks, pool, queued=2 * (workers - 1))
    try:
        for index in range(len(chunks)):
            yield from shared.results_of(index)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _SharedChunks(Generic[Item, Result]):
    """Chunks handed out in order to the pool (up to ``queued`` ahead) and to this process."""

    def __init__(
        self,
        work: Callable[[Sequence[Item]], list[Result]],
        chunks: list[Sequence[Item]],
        pool: ProcessPoolExecutor,
        queued: int,
    ) -> None:
        self.work = work
        self.chunks = chunks
        self.pool: ProcessPoolExecutor | None = pool
        self.queued = queued
        self.next_free = 0  # the first chunk nobody has taken yet
        self.pending: dict[int, Future[list[Result]]] = {}
        self.done: dict[int, list[Result]] = {}

    def results_of(self, index: int) -> list[Result]:
        """Chunk ``index``'s results; this process works on free chunks while it waits."""
        while index not in self.done:
            self._feed_pool()
            future = self.pending.get(index)
            if future is not None and (future.done() or self.next_free == len(self.chunks)):
                self.done[index] = self._collect(index, future)
            else:  # this process takes the next free chunk (``index`` itself if untaken)
                taken = self.next_free
                self.next_free += 1
                self.done[taken] = self.work(self.chunks[taken])
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
                log.warning("worker processes failed (%s); grouping the rest here", exc)
                self.pool = None
                return
            self.pending[self.next_free] = future
            self.next_free += 1

    def _collect(self, index: int, future: Future[list[Result]]) -> list[Result]:
        del self.pending[index]
        try:
            return future.result()
        except Exception as exc:  # a worker died: this process redoes the chunk
            log.warning(
                "worker failed (%s); redoing %d articles here", exc, len(self.chunks[index])
            )
            return self.work(self.chunks[index])
