"""Per-article analysis (parse + fact rules) in one process or in worker processes.

``analyze_serially`` is the one-process loop; ``analyze_in_workers`` shares chunks of
articles between this process and worker processes that each load the spaCy model once and
run that same loop, so results are identical and come back in article order. A chunk is
exactly one ``nlp.pipe`` batch, so a worker sees the same batches as one process would. A
worker returns ``Analysis`` objects (no spaCy ``Doc`` crosses a process boundary) or the
``SkippedInput`` of an article that failed; if a worker process itself dies or hangs, this
process takes over its chunks (``consilience.grouping_workers.map_in_chunks`` shares them).
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Sequence
from dataclasses import replace

from consilience.errors import ConsilienceError, InputError
from consilience.extract import Nlp, analysis_of, load_nlp, parse_article, parse_articles
from consilience.extract.nlp import PIPE_BATCH_SIZE
from consilience.grouping_workers import map_in_chunks, workers_for
from consilience.models import Analysis, Article, SkippedInput
from consilience.settings import Settings

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
    counted = articles if has_parser else 0  # the rule fallback never repays a worker
    return workers_for(settings, counted, MIN_ARTICLES_FOR_WORKERS, CHUNK_ARTICLES)


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
) -> Generator[Outcome, None, None]:
    """``analyze_serially`` over chunks shared by this process and ``workers - 1`` spawned
    ones (``map_in_chunks``), yielded in article order.

    This process starts on a chunk at once, so the workers' start-up (interpreter,
    imports, model: a few seconds) costs no waiting; each worker loads ``nlp``'s model once
    (``settings`` supply the rest of the parse options). Workers are spawned, not forked, so
    no lock or thread of this process leaks into them; as with any spawned process, a script
    that calls this needs an ``if __name__ == "__main__":`` guard.
    """

    def here(chunk: Sequence[Article]) -> list[Outcome]:
        return analyze_serially(chunk, nlp)

    return map_in_chunks(
        _analyze_chunk,
        articles,
        workers,
        CHUNK_ARTICLES,
        local=here,
        initializer=_load_worker_nlp,
        initargs=(_settings_for(nlp, settings),),
    )


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
