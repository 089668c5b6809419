"""Parsing only sentences that can carry a fact: cues, blanking, and what the parse returns."""

from __future__ import annotations

import pytest

from consilience.extract import analysis_of, load_nlp, parse_article
from consilience.extract.fact_cues import blank, idle_spans, is_fact_bearing
from consilience.extract.nlp import Nlp
from consilience.models import Article
from consilience.settings import Settings

ARTICLE = (
    "Why Marrowby is rebuilding its harbour wall\n\n"
    "The harbour at Marrowby has always been the heart of the town. "
    "Storm surges damaged 300 metres of the wall on Sunday, port director Anwen Mosley said. "
    "Gulls circled above the broken stones.\n\n"
    "“We will have it open again before the herring season,” Mosley said. "
    "Fishing boats are using the slipway at Tenby Reach instead."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Storm surges damaged 300 metres of the wall.",
        "Storm surges damaged dozens of boats.",
        "The wall was damaged on Sunday.",
        "The wall was damaged last night.",
        "Port director Anwen Mosley inspected the wall.",
        "The wall will hold, engineers told the council.",
        "“The wall will hold.”",
        "Two fishermen were injured when the wall fell.",
        "The minister will visit Marrowby, Tenby and Orcas.",
    ],
)
def test_a_sentence_with_a_cue_of_some_fact_kind_is_fact_bearing(sentence: str) -> None:
    assert is_fact_bearing(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Gulls circled above the broken stones.", "The harbour has always been the heart of town."],
)
def test_a_sentence_without_any_cue_is_idle(sentence: str) -> None:
    assert not is_fact_bearing(sentence)


def test_idle_spans_are_cue_less_sentences_outside_quoted_paragraphs() -> None:
    idle = [ARTICLE[start:end] for start, end in idle_spans(ARTICLE)]
    assert idle == [
        "Why Marrowby is rebuilding its harbour wall",
        "The harbour at Marrowby has always been the heart of the town.",
        "Gulls circled above the broken stones.",
    ], "the quoted paragraph keeps its cue-less second sentence"


def test_blanking_keeps_every_offset_and_line_break() -> None:
    spans = idle_spans(ARTICLE)
    blanked = blank(ARTICLE, spans)
    assert len(blanked) == len(ARTICLE)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [
        i for i, c in enumerate(ARTICLE) if c == "\n"
    ]
    for start, end in spans:
        assert not blanked[start:end].strip()
    assert "300 metres" in blanked and "Gulls" not in blanked


@pytest.fixture(scope="module")
def facts_only(nlp: Nlp) -> Nlp:
    return load_nlp(Settings(spacy_model=nlp.name, parse_fact_sentences_only=True))


def test_idle_sentences_come_from_the_rule_splitter_with_true_offsets(facts_only: Nlp) -> None:
    parsed = parse_article(Article(id="h", source="h.txt", text=ARTICLE), facts_only)
    texts = [sentence.text for sentence in parsed.sentences]
    assert "Gulls circled above the broken stones." in texts
    assert "Why Marrowby is rebuilding its harbour wall" in texts
    starts = [sentence.start for sentence in parsed.sentences]
    assert starts == sorted(starts)
    for sentence in parsed.sentences:
        assert ARTICLE[sentence.start : sentence.end] == sentence.text
        assert "\n" not in sentence.text


def test_names_in_idle_sentences_come_from_the_rule_finder_without_openers(
    facts_only: Nlp,
) -> None:
    parsed = parse_article(Article(id="h", source="h.txt", text=ARTICLE), facts_only)
    names = {entity.text for entity in parsed.entities}
    assert "Marrowby" in names and "Why Marrowby" not in names
    for entity in parsed.entities:
        assert ARTICLE[entity.start : entity.end] == entity.text


def test_facts_of_kept_sentences_are_the_same_as_with_a_full_parse(
    nlp: Nlp, facts_only: Nlp
) -> None:
    article = Article(id="h", source="h.txt", text=ARTICLE)
    full = analysis_of(parse_article(article, nlp))
    partial = analysis_of(parse_article(article, facts_only))
    assert {(f.kind, f.value) for f in partial.facts} == {(f.kind, f.value) for f in full.facts}
    assert {"quantity", "quote", "person_role"} <= {fact.kind for fact in partial.facts}
