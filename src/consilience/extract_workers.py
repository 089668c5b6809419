"""Per-article analysis (parse + fact rules) in one process or in worker processes.

``analyze_serially`` is the one-process loop; ``analyze_in_workers`` shares chunks of
articles between this process and worker processes that each load the spaCy model once and
run that same loop, so results are identical and come back in article order. A chunk is
exactly one ``nlp.pipe`` batch, so a worker sees the same batches as one process would. A
worker returns ``Analysis`` objects (no spaCy ``Doc`` crosses a process boundary) or the
``SkippedInput`` of an article that failed; if a worker process itself dies, this process
takes over its chunks.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace

from consilience.errors import ConsilienceError, InputError
from consilience.extract import Nlp, analysis_of, load_nlp, parse_article, parse_articles
from consilience.extract.nlp import PIPE_BATCH_SIZE
from consilience.models import Analysis, Article, SkippedInput
from consilience.settings import Settings, parse_workers

__all__ = [
    "MIN_ARTICLES_FOR_WORKERS",
    "Outcome",
    "analyze_in_workers",
    "analyze_serially",
    "describe_failure",
    "worker_count",
]

log = logging.getLogger(__name__)

Outcome = Analysis | SkippedInput
# Articles per task: one nlp.pipe batch, so workers parse the same batches as one process.
CHUNK_ARTICLES = PIPE_BATCH_SIZE
# Below this many articles a worker would spend most of the batch starting up (interpreter,
# imports, model: 2-3 s, about 100 articles' worth), so one process does it all.
MIN_ARTICLES_FOR_WORKERS = 200

_worker_nlp: Nlp | None = None


def describe_failure(exc: Exception) -> str:
    """A reason for a set-aside input; our own errors already read as sentences."""
    if isinstance(exc, InputError):
        return exc.reason
    if isinstance(exc, ConsilienceError):
        return str(exc)
    return f"unexpected {type(exc).__name__}: {exc}"


def worker_count(settings: Settings, articles: int, has_parser: bool = True) -> int:
    """Processes worth starting for ``articles`` articles: 1 (this one) for small batches
    and for the rule fallback, whose work is cheaper than starting a worker. The setting is
    checked whatever the batch size, so a bad value fails at once.

    >>> worker_count(Settings(parse_processes="2"), 5)
    1
    """
    wanted = parse_workers(settings)
    if articles < MIN_ARTICLES_FOR_WORKERS or not has_parser:
        return 1
    return min(wanted, -(-articles // CHUNK_ARTICLES))


def analyze_serially(articles: Sequence[Article], nlp: Nlp) -> list[Outcome]:
    """Parse in batches and extract every article's facts; a failing article is set aside."""
    outcomes: list[Outcome] = []
    consumed = 0
    try:
        for parsed in parse_articles(articles, nlp):
            consumed += 1
            try:
                outcomes.append(analysis_of(parsed))
            except Exception as exc:  # one broken article never stops a batch
                log.warning("extraction failed for %s: %s", parsed.article.source, exc)
                outcomes.append(SkippedInput(parsed.article.source, describe_failure(exc)))
    except Exception as exc:  # the batch parser failed: go on one article at a time
        log.warning("batch parsing failed (%s); parsing the rest one by one", exc)
        for article in articles[consumed:]:
            outcomes.append(_analyze_one(article, nlp))
    return outcomes


def _analyze_one(article: Article, nlp: Nlp) -> Outcome:
    try:
        return analysis_of(parse_article(article, nlp))
    except Exception as exc:  # one broken article never stops a batch
        log.warning("extraction failed for %s: %s", article.source, exc)
        return SkippedInput(article.source, describe_failure(exc))


def analyze_in_workers(
    articles: Sequence[Article], nlp: Nlp, settings: Settings, workers: int
) -> Iterator[Outcome]:
    """``analyze_serially`` over chunks shared by this process and ``workers - 1`` spawned
    ones, yielded in article order.

    This process starts on the first chunk at once, so the workers' start-up (interpreter,
    imports, model: a few seconds) costs no waiting; each worker loads ``nlp``'s model once
    (``settings`` supply the rest of the parse options) and keeps a chunk queued ahead.
    Workers are spawned, not forked, so no lock or thread of this process leaks into them;
    as with any spawned process, a script that calls this needs an ``if __name__ ==
    "__main__":`` guard.
    """
    chunks = [
        articles[start : start + CHUNK_ARTICLES]
        for start in range(0, len(articles), CHUNK_ARTICLES)
    ]
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        workers - 1,
        mp_context=context,
        initializer=_load_worker_nlp,
        initargs=(_settings_for(nlp, settings),),
    )
    shared = _SharedChunks(chunks, nlp, pool, queued=2 * (workers - 1))
    try:
        for index in range(len(chunks)):
            yield from shared.outcomes_of(index)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _SharedChunks:
    """Chunks handed out in order to the pool (up to ``queued`` ahead) and to this process."""

    def __init__(
        self,
        chunks: list[Sequence[Article]],
        nlp: Nlp,
        pool: ProcessPoolExecutor,
        queued: int,
    ) -> None:
        self.chunks = chunks
        self.nlp = nlp
        self.pool: ProcessPoolExecutor | None = pool
        self.queued = queued
        self.next_free = 0  # the first chunk nobody has taken yet
        self.pending: dict[int, Future[list[Outcome]]] = {}
        self.done: dict[int, list[Outcome]] = {}

    def outcomes_of(self, index: int) -> list[Outcome]:
        """Chunk ``index``'s outcomes; this process works on free chunks while it waits."""
        while index not in self.done:
            self._feed_pool()
            future = self.pending.get(index)
            if future is not None and (future.done() or self.next_free == len(self.chunks)):
                self.done[index] = self._collect(index, future)
            else:  # this process takes the next free chunk (``index`` itself if untaken)
                taken = self.next_free
                self.next_free += 1
                self.done[taken] = analyze_serially(self.chunks[taken], self.nlp)
        return self.done.pop(index)

    def _feed_pool(self) -> None:
        while (
            self.pool is not None
            and self.next_free < len(self.chunks)
            and len(self.pending) < self.queued
        ):
            try:
                future = self.pool.submit(_analyze_chunk, self.chunks[self.next_free])
            except Exception as exc:  # the pool broke: this process does the rest
                log.warning("worker processes failed (%s); analysing the rest here", exc)
                self.pool = None
                return
            self.pending[self.next_free] = future
            self.next_free += 1

    def _collect(self, index: int, future: Future[list[Outcome]]) -> list[Outcome]:
        del self.pending[index]
        chunk = self.chunks[index]
        try:
            return future.result()
        except Exception as exc:  # a worker died: this process takes over the chunk
            log.warning("worker failed (%s); analysing %d articles here", exc, len(chunk))
            return analyze_serially(chunk, self.nlp)


def _settings_for(nlp: Nlp, settings: Settings) -> Settings:
    """Settings that make a worker load the very model ``nlp`` holds."""
    model = nlp.name if nlp.has_parser else "none"
    return replace(
        settings, spacy_model=model, parse_fact_sentences_only=nlp.idle_spans is not None
    )


def _load_worker_nlp(settings: Settings) -> None:
    global _worker_nlp
    _worker_nlp = load_nlp(settings)


def _analyze_chunk(articles: Sequence[Article]) -> list[Outcome]:
    if _worker_nlp is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker started without a model")
    return analyze_serially(articles, _worker_nlp)
