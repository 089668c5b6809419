"""Dedup and clustering on two processes: the same copy groups and stories as on one."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

import pytest

from consilience.cluster import cluster_stories
from consilience.dedup import find_copies
from consilience.evaluate.clusters import LabelledCorpus, load_cluster_corpus
from consilience.grouping_workers import (
    AHEAD_CHUNKS,
    MIN_ARTICLES_FOR_WORKERS,
    grouping_workers,
    map_in_chunks,
)
from consilience.settings import Settings
from consilience.story_signals import article_signals, from_raw, raw_signals_of, signal_input

CLUSTERS = Path(__file__).parent / "fixtures" / "clusters"
SETTINGS = Settings()


def _in_worker() -> bool:
    return multiprocessing.parent_process() is not None


def _squares(numbers: Sequence[int]) -> list[int]:
    return [n * n for n in numbers]


def _squares_or_die(numbers: Sequence[int]) -> list[int]:
    """Squares here; a worker process exits at once, as a crashed one would."""
    if _in_worker():
        os._exit(1)
    return _squares(numbers)


def _squares_or_hang(numbers: Sequence[int]) -> list[int]:
    """Squares here; a worker process never answers."""
    if _in_worker():
        time.sleep(600)
    return _squares(numbers)


def _squares_or_hang_after_one(numbers: Sequence[int]) -> list[int]:
    """Squares, but a worker process never answers for any chunk after the first."""
    if _in_worker() and numbers[0] > 0:
        time.sleep(600)
    return _squares(numbers)


def _slow_squares(numbers: Sequence[int]) -> list[int]:
    """Squares, slowly in a worker process, so this one could run far ahead."""
    if _in_worker():
        time.sleep(0.2)
    return _squares(numbers)


@pytest.fixture(scope="module")
def corpus() -> LabelledCorpus:
    return load_cluster_corpus(CLUSTERS / "corpus.jsonl")


def test_small_batches_start_no_process_whatever_the_setting() -> None:
    two = Settings(parse_processes="2")
    assert grouping_workers(two, MIN_ARTICLES_FOR_WORKERS - 1) == 1
    assert grouping_workers(two, MIN_ARTICLES_FOR_WORKERS) == 2
    assert grouping_workers(Settings(parse_processes="1"), 100_000) == 1


def test_chunks_computed_by_a_worker_come_back_in_input_order(corpus: LabelledCorpus) -> None:
    inputs = [signal_input(analysis) for analysis in corpus.analyses]
    shared = list(map_in_chunks(raw_signals_of, inputs, workers=2, chunk_articles=16))
    assert [from_raw(raw) for raw in shared] == list(map(article_signals, corpus.analyses))


def test_a_worker_process_gives_the_same_stories_as_one_process(corpus: LabelledCorpus) -> None:
    assert len(corpus.analyses) > 256  # more than one chunk
    alone = cluster_stories(corpus.analyses, SETTINGS, workers=1)
    shared = cluster_stories(corpus.analyses, SETTINGS, workers=2)
    assert shared == alone


def test_a_worker_process_gives_the_same_copy_groups_as_one_process(
    corpus: LabelledCorpus,
) -> None:
    articles = [analysis.article for analysis in corpus.analyses]
    alone = find_copies(articles, SETTINGS, workers=1)
    assert alone.groups  # the fixtures hold syndicated copies
    assert find_copies(articles, SETTINGS, workers=2) == alone


def test_a_worker_that_dies_leaves_the_results_unchanged() -> None:
    numbers = list(range(100))
    shared = list(map_in_chunks(_squares_or_die, numbers, workers=2, chunk_articles=10))
    assert shared == _squares(numbers)


def test_a_chunk_whose_worker_hangs_past_the_timeout_is_redone_here() -> None:
    numbers = list(range(60))
    started = time.monotonic()
    shared = list(
        map_in_chunks(_squares_or_hang, numbers, workers=2, chunk_articles=10, timeout=2.0)
    )
    assert shared == _squares(numbers)
    assert time.monotonic() - started < 60  # nowhere near the worker's 600 s
    assert multiprocessing.active_children() == []  # the hung worker was ended


def test_results_dropped_early_stop_even_a_hung_worker_at_once() -> None:
    started = time.monotonic()
    numbers = list(range(60))
    shared = map_in_chunks(_squares_or_hang_after_one, numbers, workers=2, chunk_articles=10)
    with closing(shared) as results:
        assert next(results) == 0  # the worker's first chunk; it hangs on its second
    assert time.monotonic() - started < 60
    assert multiprocessing.active_children() == []


def test_this_process_runs_at_most_a_few_chunks_ahead_of_the_one_it_yields() -> None:
    numbers = list(range(400))  # 80 chunks of 5
    taken_here: list[int] = []

    def here(chunk: Sequence[int]) -> list[int]:
        taken_here.append(chunk[0] // 5)
        return _squares(chunk)

    results = map_in_chunks(_slow_squares, numbers, workers=2, chunk_articles=5, local=here)
    for position, square in enumerate(results):
        assert square == position * position
        assert max(taken_here) <= position // 5 + AHEAD_CHUNKS
