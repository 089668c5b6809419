"""Run the pipeline over labelled corpora, score it, print a table and check floors.

>>> result = evaluate_all([Path("tests/fixtures")], Settings())  # doctest: +SKIP
>>> check_floors(result, {"conflict_recall": 0.5})  # doctest: +SKIP
[]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from consilience.errors import ConsilienceError
from consilience.evaluate.labels import find_label_files, load_labels
from consilience.evaluate.scores import CorpusScore, combine_scores, score_report
from consilience.pipeline import analyze_articles, ingest_inputs
from consilience.settings import Settings

__all__ = [
    "METRICS",
    "EvalResult",
    "check_floors",
    "evaluate_all",
    "evaluate_corpus",
    "render_mistakes",
    "render_table",
    "run_eval",
]

# Metric name (as used by floors) -> how to read it from a score.
METRICS: dict[str, Callable[[CorpusScore], float | None]] = {
    "conflict_precision": lambda s: s.conflict_precision,
    "conflict_recall": lambda s: s.conflict_recall,
    "no_false_conflict": lambda s: s.no_false_conflict,
    "status_accuracy": lambda s: s.status_accuracy,
    "severity_accuracy": lambda s: s.severity_accuracy,
    "bcubed_f1": lambda s: s.stories.f1,
}


@dataclass(frozen=True, slots=True)
class EvalResult:
    """Scores per labelled corpus and their micro-averaged total."""

    corpora: tuple[CorpusScore, ...]
    total: CorpusScore


def _inputs(root: Path, articles: Sequence[str]) -> list[str]:
    """Unique files to read: ``feed.jsonl#2`` is record 2 of ``feed.jsonl``."""
    files = dict.fromkeys(str(root / name.split("#", 1)[0]) for name in articles)
    return list(files)


def evaluate_corpus(label_file: Path, settings: Settings) -> CorpusScore:
    """Run the pipeline on one labelled corpus and score the report against its labels."""
    labels = load_labels(label_file)
    ingested = ingest_inputs(_inputs(labels.root, labels.articles), settings)
    report = analyze_articles(ingested.articles, settings, ingested.skipped)
    return score_report(labels, report)


def _label_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(find_label_files(path))
        elif path.is_file():
            files.append(path)
        else:
            raise ConsilienceError(f"{path}: no such label file or directory")
    if not files:
        shown = ", ".join(str(p) for p in paths)
        raise ConsilienceError(f"no label files (labels.json or labels/*.json) under {shown}")
    return list(dict.fromkeys(files))


def evaluate_all(paths: Sequence[Path], settings: Settings) -> EvalResult:
    """Score every label file given, or found under a given directory, and the total."""
    scores = tuple(evaluate_corpus(path, settings) for path in _label_files(paths))
    return EvalResult(corpora=scores, total=combine_scores(scores))


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _row(score: CorpusScore) -> list[str]:
    return [
        score.name,
        str(score.conflicts_labelled),
        str(score.conflicts_found),
        str(score.conflicts_correct),
        _percent(score.conflict_precision),
        _percent(score.conflict_recall),
        _percent(score.no_false_conflict),
        _percent(score.status_accuracy),
        _percent(score.severity_accuracy),
        _percent(score.stories.f1),
    ]


def render_table(result: EvalResult) -> Table:
    """One row per corpus and a TOTAL row (micro-averaged)."""
    table = Table(title="Consilience evaluation")
    table.add_column("corpus")
    for header in ("labelled", "found", "correct"):
        table.add_column(f"conflicts {header}", justify="right")
    for header in (
        "precision",
        "recall",
        "no-false-conflict",
        "status acc",
        "severity acc",
        "B³ F1",
    ):
        table.add_column(header, justify="right")
    for score in result.corpora:
        table.add_row(*_row(score))
    table.add_section()
    table.add_row(*_row(result.total), style="bold")
    return table


def render_mistakes(result: EvalResult) -> list[str]:
    """Every missed and false conflict (and missed status), one line each, by corpus."""
    return [
        f"[{score.name}] {mistake.describe()}"
        for score in result.corpora
        for mistake in score.mistakes
    ]


def check_floors(result: EvalResult, floors: Mapping[str, float]) -> list[str]:
    """A message for every total metric below its floor; [] when all pass."""
    failures = []
    for name, floor in floors.items():
        if name not in METRICS:
            valid = ", ".join(METRICS)
            raise ConsilienceError(f"unknown metric {name!r} in floors. Available: {valid}")
        value = METRICS[name](result.total)
        if value is None:
            continue  # nothing to judge, e.g. no labelled severities
        if value < floor:
            failures.append(f"{name} {value:.3f} is below its floor {floor:.2f}")
    return failures


def run_eval(
    paths: Sequence[Path],
    settings: Settings,
    console: Console,
    verbose: bool = False,
    floors: Mapping[str, float] | None = None,
) -> int:
    """What ``consilience eval`` does: score, print, check floors; exit code 0 or 1."""
    result = evaluate_all(paths, settings)
    console.print(render_table(result))
    if verbose:
        for line in render_mistakes(result):
            console.print(line, markup=False, highlight=False)
    failures = check_floors(result, floors or {})
    for failure in failures:
        console.print(f"FLOOR FAILED: {failure}", markup=False, style="red")
    return 1 if failures else 0
