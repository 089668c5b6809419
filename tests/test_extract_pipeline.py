"""analyze_article: one parse, every fact kind, context and attribution filled centrally."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

import consilience.extract as extract
from consilience.extract import analyze_article, canonical_names, load_nlp
from consilience.extract.nlp import Nlp
from consilience.models import Analysis, Article
from consilience.settings import Settings

SEEDS = Path("/work/shared/corpus/seeds")


@pytest.fixture(scope="module", params=["auto", "none"])
def nlp(request: pytest.FixtureRequest) -> Iterator[Nlp]:
    yield load_nlp(Settings(spacy_model=request.param))


def _analyze(nlp: Nlp, text: str) -> Analysis:
    return analyze_article(Article(id="a1", source="a.txt", text=text), nlp)


def _check_offsets(analysis: Analysis) -> None:
    text = analysis.article.text
    for fact in analysis.facts:
        assert fact.article == analysis.article.id
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
        if fact.span is not None:
            assert text[fact.span.start : fact.span.end] == fact.span.text
            assert fact.evidence.start <= fact.span.start <= fact.span.end <= fact.evidence.end
    for entity in analysis.entities:
        assert text[entity.start : entity.end] == entity.text


def test_exports_match_the_public_api() -> None:
    assert all(hasattr(extract, name) for name in extract.__all__)


def test_facts_of_every_kind_are_found_and_sorted_by_position(nlp: Nlp) -> None:
    text = (
        "Prime Minister Keir Starmer will visit Canada and Mexico next month.\n"
        "“We expect trade to grow for many years to come,” Keir Starmer said.\n"
        "Exports rose 14% last year, according to official data."
    )
    analysis = _analyze(nlp, text)
    _check_offsets(analysis)
    kinds = {fact.kind for fact in analysis.facts}
    assert {"person_role", "claim", "quote"} <= kinds
    starts = [(fact.evidence.start, fact.kind) for fact in analysis.facts]
    assert starts == sorted(starts)
    assert len(set(analysis.facts)) == len(analysis.facts)


def test_context_holds_content_lemmas_of_the_sentence(nlp: Nlp) -> None:
    analysis = _analyze(nlp, "Prime Minister Keir Starmer visited the new factories on Monday.")
    role = next(fact for fact in analysis.facts if fact.kind == "person_role")
    assert "factory" in role.context
    assert "the" not in role.context
    assert list(role.context) == sorted(set(role.context))


def test_attribution_is_filled_for_facts_in_reported_speech(nlp: Nlp) -> None:
    text = "Angela Merkel will visit Canada and Mexico, according to official sources."
    analysis = _analyze(nlp, text)
    claims = [fact for fact in analysis.facts if fact.kind == "claim"]
    assert claims, "the set of places should be found"
    assert all(fact.attributed_to == "official sources" for fact in claims)


def test_the_reporters_own_voice_has_no_attribution(nlp: Nlp) -> None:
    analysis = _analyze(nlp, "Angela Merkel will visit Canada and Mexico next week.")
    assert analysis.facts
    assert all(fact.attributed_to is None for fact in analysis.facts)


def test_entities_carry_the_article_level_canonical_name() -> None:
    nlp = load_nlp(Settings())
    analysis = _analyze(nlp, "Donald Trump spoke on Monday. Later, Trump left for Florida.")
    canonical = {entity.text: entity.canonical for entity in analysis.entities}
    assert canonical["Trump"] == "Donald Trump"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")
def test_every_seed_article_analyses_with_exact_offsets(nlp: Nlp) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        analysis = _analyze(nlp, text)
        _check_offsets(analysis)
        assert analysis.sentences
        kinds = {fact.kind for fact in analysis.facts}
        assert "person_role" in kinds or "quote" in kinds, path.name


def test_a_date_fact_context_holds_the_event_it_dates(nlp: Nlp) -> None:
    published = datetime(2025, 6, 11, 9, 0)
    text = "Nurses at the city hospital began a walkout on Monday over staffing."
    article = Article(id="a1", source="a.txt", text=text, published=published)
    dates = [fact for fact in analyze_article(article, nlp).facts if fact.kind == "date"]
    assert [fact.subject for fact in dates] == ["strike"]
    assert "strike" in dates[0].context
    assert "hospital" in dates[0].context


def test_a_full_name_recovered_after_a_title_becomes_a_story_entity(nlp: Nlp) -> None:
    text = (
        "The envoy met General Secretary To Minh in the capital.\n"
        "Later, To Minh said the talks had gone well."
    )
    analysis = _analyze(nlp, text)
    _check_offsets(analysis)
    roles = [fact for fact in analysis.facts if fact.kind == "person_role"]
    assert [(fact.subject, fact.predicate) for fact in roles] == [("To Minh", "general secretary")]
    people = canonical_names(analysis.entities)
    assert people.get("Minh", "To Minh") == "To Minh"
    assert "To Minh" in {entity.text for entity in analysis.entities}


def test_a_title_before_a_speaker_is_the_writers_not_the_speakers(nlp: Nlp) -> None:
    analysis = _analyze(nlp, "Health Minister Carla Diaz said the clinic would open in May.")
    roles = [fact for fact in analysis.facts if fact.kind == "person_role"]
    assert [(fact.subject, fact.attributed_to) for fact in roles] == [("Carla Diaz", None)]


def test_sentence_at_finds_the_sentence_holding_an_offset_and_none_between(nlp: Nlp) -> None:
    text = "The council met on Monday.  It voted to close the bridge.\n\nWork starts soon."
    parsed = extract.parse_article(Article(id="a1", source="a.txt", text=text), nlp)
    assert [s.start for s in parsed.sentences] == sorted(s.start for s in parsed.sentences)
    for offset in range(len(text) + 2):
        holding = [s for s in parsed.sentences if s.start <= offset < s.end]
        assert extract.nlp.sentence_at(parsed, offset) == (holding[0] if holding else None)
    assert extract.nlp.sentence_at(parsed, text.index("  ") + 1) is None
