"""Score story clustering and copy detection on a labelled corpus (tests/fixtures/clusters).

The corpus is JSON Lines, one article a line: ``id``, ``title``, ``text``, ``outlet``,
``published`` and the labels ``story`` (the real-world event) and ``copy_group`` (articles
that are copies of one wire story share it). Entities come from the rule fallback, so the
evaluation needs no spaCy model and runs in seconds.

Run it with ``python -m consilience.evaluate.clusters [corpus.jsonl]``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from pathlib import Path

from consilience.cluster import cluster_stories, stream_order
from consilience.dedup import find_copies
from consilience.errors import ConsilienceError
from consilience.evaluate.bcubed import BCubedScore, bcubed
from consilience.extract.nlp import Nlp, entity_analysis
from consilience.models import Analysis, Article
from consilience.settings import Settings
from consilience.story_index import StoryIndex

__all__ = [
    "DEFAULT_CORPUS",
    "ClusterEval",
    "LabelledCorpus",
    "PairScore",
    "evaluate_clusters",
    "load_cluster_corpus",
    "pair_scores",
    "render_cluster_eval",
    "stream_groups",
]

DEFAULT_CORPUS = Path("tests/fixtures/clusters/corpus.jsonl")
_REQUIRED = ("id", "title", "text", "story", "copy_group")


@dataclass(frozen=True, slots=True)
class LabelledCorpus:
    """Analysed articles in publication order with their gold stories and copy groups."""

    analyses: tuple[Analysis, ...]
    stories: tuple[tuple[str, ...], ...]
    copy_groups: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class PairScore:
    """Pairwise precision and recall of predicted same-group pairs against gold pairs."""

    precision: float
    recall: float


@dataclass(frozen=True, slots=True)
class ClusterEval:
    """Clustering and dedup quality on one labelled corpus, and the streaming speed."""

    articles: int
    gold_stories: int
    stream_stories: int
    stream: BCubedScore
    batch: BCubedScore
    dedup: PairScore
    stream_articles_per_second: float


def load_cluster_corpus(path: Path) -> LabelledCorpus:
    """Read a labelled clustering corpus; a malformed line is an error naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConsilienceError(f"{path}: cannot read clustering corpus: {exc}") from None
    nlp = Nlp(model=None, name="rules")
    analyses: list[Analysis] = []
    stories: dict[str, list[str]] = {}
    copies: dict[str, list[str]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = _record(path, number, line)
        article = Article(
            id=record["id"],
            source=f"{path}#{number}",
            text=record["text"],
            title=record["title"],
            outlet=record.get("outlet"),
            published=_published(path, number, record.get("published")),
        )
        analyses.append(entity_analysis(article, nlp))
        stories.setdefault(record["story"], []).append(article.id)
        copies.setdefault(record["copy_group"], []).append(article.id)
    return LabelledCorpus(
        analyses=tuple(stream_order(analyses)),
        stories=tuple(tuple(ids) for ids in stories.values()),
        copy_groups=tuple(tuple(ids) for ids in copies.values()),
    )


def stream_groups(analyses: Iterable[Analysis], settings: Settings) -> list[list[str]]:
    """Article ids grouped by the story a fresh ``StoryIndex`` puts them in, in given order."""
    index = StoryIndex(settings)
    groups: dict[str, list[str]] = {}
    for analysis in analyses:
        groups.setdefault(index.add(analysis), []).append(analysis.article.id)
    return list(groups.values())


def pair_scores(predicted: Sequence[Sequence[str]], gold: Sequence[Sequence[str]]) -> PairScore:
    """Precision and recall over unordered pairs in one group (1.0 when nothing to judge)."""
    predicted_pairs = _pairs(predicted)
    gold_pairs = _pairs(gold)
    shared = len(predicted_pairs & gold_pairs)
    return PairScore(
        precision=shared / len(predicted_pairs) if predicted_pairs else 1.0,
        recall=shared / len(gold_pairs) if gold_pairs else 1.0,
    )


def evaluate_clusters(path: Path, settings: Settings) -> ClusterEval:
    """Stream and batch B-cubed against the gold stories, and copy-pair precision/recall.

    The batch ``cluster_stories`` streams its input in the same order, so the two lines agree;
    the stream line also times the index alone.
    """
    corpus = load_cluster_corpus(path)
    started = time.perf_counter()
    streamed = stream_groups(corpus.analyses, settings)
    elapsed = time.perf_counter() - started
    batch = [[a.id for a in story.articles] for story in cluster_stories(corpus.analyses, settings)]
    copies = find_copies([a.article for a in corpus.analyses], settings)
    count = len(corpus.analyses)
    return ClusterEval(
        articles=count,
        gold_stories=len(corpus.stories),
        stream_stories=len(streamed),
        stream=bcubed(streamed, corpus.stories),
        batch=bcubed(batch, corpus.stories),
        dedup=pair_scores(copies.groups, corpus.copy_groups),
        stream_articles_per_second=count / elapsed if elapsed > 0 else float("inf"),
    )


def render_cluster_eval(result: ClusterEval) -> list[str]:
    """The scores as lines of text for ``make eval``."""

    def row(name: str, score: BCubedScore) -> str:
        return (
            f"{name:<22} B-cubed P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}"
        )

    return [
        f"clustering corpus: {result.articles} articles, {result.gold_stories} gold stories, "
        f"{result.stream_stories} streamed stories",
        row("stream (StoryIndex)", result.stream),
        row("batch (cluster_stories)", result.batch),
        f"{'dedup copy pairs':<22} P {result.dedup.precision:.3f}  R {result.dedup.recall:.3f}",
        f"{'stream speed':<22} {result.stream_articles_per_second:,.0f} articles/s "
        "(signals and assignment, after parsing)",
    ]


def _pairs(groups: Sequence[Sequence[str]]) -> set[tuple[str, str]]:
    return {pair for group in groups for pair in combinations(sorted(group), 2)}


def _record(path: Path, number: int, line: str) -> dict[str, str]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ConsilienceError(f"{path}:{number}: invalid JSON: {exc.msg}") from None
    if not isinstance(record, dict):
        raise ConsilienceError(f"{path}:{number}: expected an object, got {type(record).__name__}")
    for name in _REQUIRED:
        if not isinstance(record.get(name), str) or not record[name].strip():
            fields = ", ".join(_REQUIRED)
            raise ConsilienceError(
                f"{path}:{number}: field {name!r} must be a non-empty string "
                f"(required fields: {fields})"
            )
    return record


def _published(path: Path, number: int, value: object) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise ConsilienceError(
            f"{path}:{number}: 'published' must be ISO 8601, got {value!r}"
        ) from None


if __name__ == "__main__":
    corpus_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    for text_line in render_cluster_eval(evaluate_clusters(corpus_path, Settings())):
        print(text_line)
