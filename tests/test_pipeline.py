"""The pipeline end to end in-process: stories, findings, independent sources and notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.pipeline import analyze_articles, ingest_inputs, run_analysis
from consilience.settings import Settings

RULES_ONLY = Settings(spacy_model="none")

WIRE = """Outlet: {outlet}
Published: 2026-02-03T08:00:00+00:00

Ferry operator cancels crossings as storm closes harbour

The Brennick ferry operator cancelled all 14 crossings scheduled for Tuesday after a storm
closed the harbour at Lowmarsh, the company said in a statement on Monday evening.

Harbour master Agnes Tullow said waves of up to six metres had been recorded outside the
breakwater and that no vessel would be allowed to leave before Wednesday morning.

About 2,300 passengers had booked seats on the cancelled sailings, the operator said. It
offered refunds or free rebooking on any crossing before the end of the month.

The storm is expected to move north overnight, forecasters at the national weather service
said, with wind speeds falling below gale force by midday on Wednesday.
"""

OTHER = """Outlet: Lowmarsh Courier
Published: 2026-02-03T10:00:00+00:00

Storm strands ferry passengers in Lowmarsh

Thousands of travellers were stranded in Lowmarsh on Tuesday after the Brennick ferry operator
called off its crossings because of a storm that shut the harbour.

The company cancelled 14 sailings. Harbour master Agnes Tullow said no ship would leave before
Wednesday morning, with waves of up to six metres measured beyond the breakwater.

The operator said 2,300 passengers held tickets for the cancelled crossings and would be offered
refunds. Cafes near the terminal stayed open through the night for those who could not find a
hotel room.
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "wire-a.txt").write_text(WIRE.format(outlet="Coast Wire"), encoding="utf-8")
    (tmp_path / "wire-b.txt").write_text(WIRE.format(outlet="Harbour Daily"), encoding="utf-8")
    (tmp_path / "courier.txt").write_text(OTHER, encoding="utf-8")
    return tmp_path


def test_wire_copies_are_one_story_and_noted_as_the_same_text(corpus: Path) -> None:
    report = run_analysis([str(corpus)], RULES_ONLY)
    assert len(report.stories) == 1
    story = report.stories[0]
    assert len(story.story.articles) == 3
    same_text = [note for note in story.notes if note.kind == "same_text"]
    assert len(same_text) == 2, "each copy names the other"
    outlets = {a.id: a.outlet for a in story.story.articles}
    for note in same_text:
        assert {outlets[note.article], *(outlets[other] for other in note.related)} == {
            "Coast Wire",
            "Harbour Daily",
        }


def test_copies_count_as_one_independent_source(corpus: Path) -> None:
    report = run_analysis([str(corpus)], RULES_ONLY)
    story = report.stories[0]
    copies = {a.id for a in story.story.articles if a.outlet in {"Coast Wire", "Harbour Daily"}}
    from_copies_only = [
        finding
        for finding in story.findings
        if {a for variant in finding.variants for a in variant.articles} == copies
    ]
    assert from_copies_only, "the wire text states facts the other report does not repeat"
    assert all(finding.independent_sources == 1 for finding in from_copies_only)
    for finding in story.findings:
        articles = {a for variant in finding.variants for a in variant.articles}
        assert finding.independent_sources is not None
        assert 1 <= finding.independent_sources <= len(articles)


def test_an_article_that_fails_to_clean_is_set_aside_and_the_rest_reported(
    tmp_path: Path,
) -> None:
    (tmp_path / "ok.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "tiny.txt").write_text("Headline only\n\nShort.\n", encoding="utf-8")
    ingested = ingest_inputs([str(tmp_path)], RULES_ONLY)
    assert [Path(item.source).name for item in ingested.skipped] == ["tiny.txt"]
    report = analyze_articles(ingested.articles, RULES_ONLY, ingested.skipped)
    assert sum(len(s.story.articles) for s in report.stories) == 1
    assert [Path(item.source).name for item in report.skipped] == ["tiny.txt"]
