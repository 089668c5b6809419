"""Direct quotes and their speakers; attribution of facts to who the article says speaks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from consilience.extract.attribution import attribution_at
from consilience.extract.names import canonical_names
from consilience.extract.nlp import Nlp, ParsedArticle, load_nlp, parse_article
from consilience.extract.quotes import extract_quotes, find_quotes, nearest_person_before
from consilience.models import Article, Entity
from consilience.settings import Settings


@pytest.fixture(scope="module", params=["auto", "none"])
def nlp(request: pytest.FixtureRequest) -> Iterator[Nlp]:
    yield load_nlp(Settings(spacy_model=request.param))


def _quotes(nlp: Nlp, text: str) -> list[tuple[str, str, str | None]]:
    parsed = parse_article(Article(id="a", source="a.txt", text=text), nlp)
    facts = extract_quotes(parsed)
    for fact in facts:
        assert fact.span is not None
        assert text[fact.span.start : fact.span.end] == fact.value
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
        assert fact.evidence.start <= fact.span.start and fact.span.end <= fact.evidence.end
    return [(fact.subject, fact.value, fact.predicate) for fact in facts]


def test_quote_then_name_said(nlp: Nlp) -> None:
    text = "Officials met on Monday.\n“We will not back down on this issue,” Maria Lopez said."
    assert _quotes(nlp, text) == [("Maria Lopez", "We will not back down on this issue,", "say")]


def test_name_said_colon_then_quote(nlp: Nlp) -> None:
    text = 'Maria Lopez told reporters: "The deal is done and the money is ready."'
    assert _quotes(nlp, text)[0][:1] == ("Maria Lopez",)
    assert _quotes(nlp, text)[0][2] == "tell"


def test_pronoun_speaker_is_the_person_named_before_the_quote(nlp: Nlp) -> None:
    text = (
        "Maria Lopez, the company's founder, spoke at the summit.\n"
        "“I think that John Smith is wrong about the market,” she said."
    )
    assert _quotes(nlp, text)[0][0] == "Maria Lopez"


def test_speaker_is_the_fullest_name_in_the_article(nlp: Nlp) -> None:
    text = "Maria Lopez arrived late.\n“Prices will keep rising this year,” Lopez warned."
    assert _quotes(nlp, text)[0][:1] == ("Maria Lopez",)
    assert _quotes(nlp, text)[0][2] == "warn"


def test_scare_quotes_without_a_speech_verb_are_ignored(nlp: Nlp) -> None:
    text = "The group described the so-called “peace plan” as a delay tactic by rivals."
    assert _quotes(nlp, text) == []


def test_quote_left_open_runs_to_the_end_of_its_paragraph(nlp: Nlp) -> None:
    text = (
        "Maria Lopez said: “The first phase is finished. The second starts in May.\n"
        "Other news followed."
    )
    quotes = _quotes(nlp, text)
    assert quotes[0][1] == "The first phase is finished. The second starts in May."


def test_straight_quote_marks_are_read_too(nlp: Nlp) -> None:
    text = 'He left early. "We expect a decision within weeks," said John Smith.'
    assert _quotes(nlp, text) == [("John Smith", "We expect a decision within weeks,", "say")]


def test_facts_inside_a_quote_are_attributed_to_its_speaker(nlp: Nlp) -> None:
    text = "“Sales rose 12% last year,” Maria Lopez said.\nThe shares fell 3% on Friday."
    parsed = parse_article(Article(id="a", source="a.txt", text=text), nlp)
    inside = text.index("12%")
    outside = text.index("3%")
    assert attribution_at(parsed, inside, inside + 3) == "Maria Lopez"
    assert attribution_at(parsed, outside, outside + 2) is None


def test_according_to_names_the_source(nlp: Nlp) -> None:
    text = "Exports rose 14% in 2024, according to state media."
    parsed = parse_article(Article(id="a", source="a.txt", text=text), nlp)
    assert attribution_at(parsed, 13, 16) == "state media"


def test_named_person_said_attributes_the_sentence(nlp: Nlp) -> None:
    text = "John Smith said that tariffs of 25% would hurt farmers."
    parsed = parse_article(Article(id="a", source="a.txt", text=text), nlp)
    at = text.index("25%")
    assert attribution_at(parsed, at, at + 3) == "John Smith"


def test_a_whole_quoted_sentence_with_its_quote_marks_belongs_to_the_speaker(nlp: Nlp) -> None:
    text = (
        "“Prices will keep rising. That is why the minister is touring Chile, Peru and "
        "Bolivia this month,” said Rosa Vidal, an economist."
    )
    parsed = parse_article(Article(id="a", source="a.txt", text=text), nlp)
    second = next(s for s in parsed.sentences if "touring" in s.text)
    assert attribution_at(parsed, second.start, second.end) == "Rosa Vidal"
    first = text.index("“Prices")
    assert attribution_at(parsed, first, text.index("rising.") + len("rising.")) == "Rosa Vidal"


def test_a_hyphenated_speaker_named_by_a_parse_keeps_the_full_name(nlp: Nlp) -> None:
    text = (
        "Prime Minister Lena Vostrikova-Hale, speaking through an interpreter, said: "
        '"Our rivers will carry trade, not soldiers, from this day on."'
    )
    assert _quotes(nlp, text)[0][0] == "Lena Vostrikova-Hale"


def test_a_speaker_after_an_unknown_nationality_and_title_is_the_name(nlp: Nlp) -> None:
    text = (
        '"Our rivers will carry trade, not soldiers, from this day on," Varnese President '
        "Lena Vostrikova-Hale said in her closing speech."
    )
    assert _quotes(nlp, text)[0][0] == "Lena Vostrikova-Hale"


def test_a_speaker_in_a_while_clause_speaks_only_for_that_clause() -> None:
    parser = load_nlp(Settings(spacy_model="auto"))
    if not parser.has_parser:
        pytest.skip("needs a spaCy model for dependency parses")
    text = (
        "Osta and Kell raised their tariffs by 12%, while Lirwen and Varn said they would "
        "wait until the autumn."
    )
    parsed = parse_article(Article(id="a", source="a.txt", text=text), parser)
    at = text.index("12%")
    assert attribution_at(parsed, at, at + 3) is None


def _with_entities(text: str, *tagged: tuple[str, str, str]) -> ParsedArticle:
    """The parse of ``text`` with a tagger's entities given as (words, label, context): the
    words where they first occur inside their context."""
    parsed = parse_article(Article(id="a", source="a.txt", text=text), load_nlp(Settings()))
    entities = []
    for words, label, context in tagged:
        start = text.index(context) + context.index(words)
        entities.append(Entity(words, label, start, start + len(words), words))
    return replace(parsed, entities=tuple(entities), aliases=canonical_names(entities))


def test_a_pronoun_after_a_surname_tagged_as_an_organisation_is_that_person() -> None:
    text = (
        "Mayor Ottilie Brandvik lost her seat in Harrowgate on Sunday.\n"
        "Brandvik thanked her staff. “We gave it everything we had,” she said."
    )
    # A tagger's slips: the lone surname read as an organisation, the town as a person.
    parsed = _with_entities(
        text,
        ("Ottilie Brandvik", "PERSON", "Ottilie Brandvik"),
        ("Harrowgate", "PERSON", "Harrowgate"),
        ("Brandvik", "ORG", "Brandvik thanked"),
    )
    assert nearest_person_before(parsed, len(text)) == "Ottilie Brandvik"


def test_a_surname_two_people_share_names_neither_of_them() -> None:
    text = "Ada Brandvik and Olaf Brandvik met Brandvik Holdings. “It went well,” she said."
    parsed = _with_entities(
        text,
        ("Ada Brandvik", "PERSON", "Ada Brandvik"),
        ("Olaf Brandvik", "PERSON", "Olaf Brandvik"),
        ("Brandvik", "ORG", "Brandvik Holdings"),
    )
    assert nearest_person_before(parsed, len(text)) == "Olaf Brandvik"


def test_a_lone_surname_speaker_tagged_as_an_organisation_is_named_in_full() -> None:
    text = (
        "Mayor Ottilie Brandvik lost her seat on Sunday.\n"
        "Brandvik said: “We gave it everything we had and the town chose otherwise.”"
    )
    parsed = _with_entities(
        text,
        ("Ottilie Brandvik", "PERSON", "Ottilie Brandvik"),
        ("Brandvik", "ORG", "Brandvik said"),
    )
    assert [quote.speaker for quote in find_quotes(parsed)] == ["Ottilie Brandvik"]
