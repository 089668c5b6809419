"""The seed story (five real articles in ../shared, never copied here) against its answer key.

The key, tests/seed_story_labels.json, holds only the figures, titles and years an editor
checks; the articles stay outside the repository, so on a clone without them these tests
are skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.evaluate import load_labels, score_report
from consilience.models import Report
from consilience.pipeline import analyze_articles, ingest_inputs
from consilience.settings import Settings

LABELS = Path(__file__).parent / "seed_story_labels.json"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles are not beside the repository"),
]


@pytest.fixture(scope="module")
def seed_report() -> Report:
    labels = load_labels(LABELS)
    inputs = [str(labels.root / name) for name in labels.articles]
    ingested = ingest_inputs(inputs, Settings())
    return analyze_articles(ingested.articles, Settings(), ingested.skipped)


def test_every_conflict_an_editor_flags_is_found_and_nothing_else(seed_report: Report) -> None:
    score = score_report(load_labels(LABELS), seed_report)
    assert score.mistakes == ()
    assert score.conflict_precision == 1.0 and score.conflict_recall == 1.0
    assert score.no_conflict_clean == score.no_conflict_total
    assert score.status_correct == score.status_total


def test_one_quote_in_four_wordings_is_one_agreed_finding(seed_report: Report) -> None:
    (story,) = seed_report.stories
    quotes = [
        finding
        for finding in story.findings
        if finding.kind == "quote"
        and any("winners" in e.text for v in finding.variants for e in v.evidence)
    ]
    assert len(quotes) == 1
    (quote,) = quotes
    assert quote.status == "agreed"
    assert len({article for v in quote.variants for article in v.articles}) == 4
