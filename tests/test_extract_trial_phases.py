"""The phase of a clinical trial, as a claim outlets can disagree on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from consilience.align import align_facts
from consilience.compare import compare_slots
from consilience.extract import extract_facts
from consilience.extract.nlp import Nlp, load_nlp, parse_article
from consilience.extract.trial_phases import extract_trial_phases
from consilience.models import Article
from consilience.settings import Settings


@pytest.fixture(scope="module", params=["auto", "none"])
def nlp(request: pytest.FixtureRequest) -> Iterator[Nlp]:
    yield load_nlp(Settings(spacy_model=request.param))


def phases(nlp: Nlp, text: str) -> list[str]:
    article = Article(id="a", source="a.txt", text=text)
    facts = extract_trial_phases(parse_article(article, nlp))
    for fact in facts:
        assert fact.span is not None
        assert article.text[fact.span.start : fact.span.end] == fact.span.text
    return [fact.value for fact in facts]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The drug met its main goal in a phase 3 trial.", "phase 3"),
        ("The Phase III study enrolled 900 patients.", "phase 3"),
        ("Results from the phase 2b trial are due in May.", "phase 2b"),
        ("The combined phase 2/3 study began last year.", "phase 2/3"),
    ],
)
def test_a_trial_phase_is_read_however_it_is_numbered(nlp: Nlp, text: str, value: str) -> None:
    assert phases(nlp, text) == [value]


def test_a_phase_of_a_building_project_is_no_trial_phase(nlp: Nlp) -> None:
    assert phases(nlp, "Phase 2 of the harbour redevelopment will open in spring.") == []


def test_a_phase_of_a_plan_beside_vaccine_news_is_no_trial_phase(nlp: Nlp) -> None:
    text = "The province entered phase 3 of its reopening plan as vaccines reached care homes."
    assert phases(nlp, text) == []


def test_a_sentence_telling_the_history_of_two_phases_makes_no_claim(nlp: Nlp) -> None:
    text = "After strong phase 2 data, the company started a phase 3 trial."
    assert phases(nlp, text) == []


def test_two_outlets_naming_two_phases_of_one_trial_disagree(nlp: Nlp) -> None:
    published = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    first = Article(
        id="wire", source="wire.txt", text="The phase 3 trial of the asthma drug met its goal.",
        outlet="wire", published=published,
    )  # fmt: skip
    second = Article(
        id="daily", source="daily.txt", text="The asthma drug succeeded in a phase 2 trial.",
        outlet="daily", published=published,
    )  # fmt: skip
    facts = [f for a in (first, second) for f in extract_facts(parse_article(a, nlp))]
    findings = compare_slots(align_facts(facts, {}), {a.id: a for a in (first, second)})
    phase = next(f for f in findings if f.kind == "claim")
    assert phase.status == "conflict"
    assert {v.value for v in phase.variants} == {"phase 3", "phase 2"}


def test_a_rival_product_s_phase_does_not_conflict_with_the_story_s_trial(nlp: Nlp) -> None:
    published = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    first = Article(
        id="wire", source="wire.txt", outlet="wire", published=published,
        text="The phase 3 trial of Velotrix, a migraine drug, met its goal.",
    )  # fmt: skip
    second = Article(
        id="daily", source="daily.txt", outlet="daily", published=published,
        text="Velotrix met its goal in a phase 3 trial. A competing drug, KB-418, is still in a "
        "phase 2 study.",
    )  # fmt: skip
    facts = [f for a in (first, second) for f in extract_facts(parse_article(a, nlp))]
    findings = compare_slots(align_facts(facts, {}), {a.id: a for a in (first, second)})
    assert not any(f.kind == "claim" and f.status == "conflict" for f in findings)
