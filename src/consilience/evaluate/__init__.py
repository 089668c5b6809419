"""The quality gate: score the pipeline on labelled corpora (docs/EVALUATION.md).

>>> from consilience.evaluate import evaluate_all, render_table  # doctest: +SKIP
"""

from __future__ import annotations

from consilience.evaluate.bcubed import BCubedScore, bcubed, combine_bcubed
from consilience.evaluate.labels import (
    CorpusLabels,
    LabelledFinding,
    LabelValue,
    NoConflict,
    find_label_files,
    load_labels,
)
from consilience.evaluate.matching import covered_values, wording_matches
from consilience.evaluate.run import (
    METRICS,
    EvalResult,
    check_floors,
    evaluate_all,
    evaluate_corpus,
    render_mistakes,
    render_table,
    run_eval,
)
from consilience.evaluate.scores import CorpusScore, Mistake, combine_scores, score_report

__all__ = [
    "METRICS",
    "BCubedScore",
    "CorpusLabels",
    "CorpusScore",
    "EvalResult",
    "LabelValue",
    "LabelledFinding",
    "Mistake",
    "NoConflict",
    "bcubed",
    "check_floors",
    "combine_bcubed",
    "combine_scores",
    "covered_values",
    "evaluate_all",
    "evaluate_corpus",
    "find_label_files",
    "load_labels",
    "render_mistakes",
    "render_table",
    "run_eval",
    "score_report",
    "wording_matches",
]
