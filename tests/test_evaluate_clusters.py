"""The clustering quality gate: B-cubed of stories and copy-pair precision/recall, with floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consilience.errors import ConsilienceError
from consilience.evaluate.clusters import (
    ClusterEval,
    evaluate_clusters,
    load_cluster_corpus,
    pair_scores,
    render_cluster_eval,
)
from consilience.settings import Settings

CORPUS = Path(__file__).parent / "fixtures" / "clusters" / "corpus.jsonl"


@pytest.fixture(scope="module")
def result() -> ClusterEval:
    return evaluate_clusters(CORPUS, Settings())


def test_floors_on_the_labelled_clustering_fixtures(result: ClusterEval) -> None:
    # Measured: stream and batch B-cubed P 1.0 R 1.0 (the batch streams its sorted input);
    # dedup pairs P 0.979 R 1.0. Floors are 0.95, a margin for one merged pair of events.
    assert result.stream.precision >= 0.95
    assert result.stream.recall >= 0.95
    assert result.stream.f1 >= 0.95
    assert result.batch.f1 >= 0.95
    assert result.dedup.precision >= 0.95
    assert result.dedup.recall >= 0.95


def test_batch_clustering_is_the_stream_of_the_sorted_batch(result: ClusterEval) -> None:
    assert result.batch == result.stream


def test_every_article_is_judged(result: ClusterEval) -> None:
    assert result.articles == result.stream.items == result.batch.items
    assert result.articles >= 300 and result.gold_stories >= 40


def test_report_lines_name_each_score(result: ClusterEval) -> None:
    text = "\n".join(render_cluster_eval(result))
    assert "stream (StoryIndex)" in text and "batch (cluster_stories)" in text
    assert f"F1 {result.stream.f1:.3f}" in text
    assert f"P {result.dedup.precision:.3f}  R {result.dedup.recall:.3f}" in text


def test_pair_scores_count_unordered_pairs_within_groups() -> None:
    score = pair_scores([["a", "b", "c"]], [["a", "b"], ["c"]])
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == 1.0


def test_pair_scores_with_nothing_to_judge_are_perfect() -> None:
    score = pair_scores([], [["a"], ["b"]])
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_a_record_missing_a_label_is_an_error_naming_file_line_and_fields(
    tmp_path: Path,
) -> None:
    path = tmp_path / "corpus.jsonl"
    record = {"id": "a", "title": "T", "text": "Body.", "story": "s"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(ConsilienceError, match=r"corpus\.jsonl:1: field 'copy_group'.*required"):
        load_cluster_corpus(path)


def test_a_line_that_is_not_json_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n{not json\n", encoding="utf-8")
    with pytest.raises(ConsilienceError, match=r"corpus\.jsonl:2: invalid JSON"):
        load_cluster_corpus(path)
