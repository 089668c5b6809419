"""Dedup and clustering on two processes: the same copy groups and stories as on one."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.cluster import cluster_stories
from consilience.dedup import find_copies
from consilience.evaluate.clusters import LabelledCorpus, load_cluster_corpus
from consilience.grouping_workers import (
    MIN_ARTICLES_FOR_WORKERS,
    grouping_workers,
    map_in_chunks,
)
from consilience.settings import Settings
from consilience.story_signals import article_signals, from_raw, raw_signals_of, signal_input

CLUSTERS = Path(__file__).parent / "fixtures" / "clusters"
SETTINGS = Settings()


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
