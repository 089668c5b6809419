"""Event lemmas for dates: one name per event however an outlet words it."""

from __future__ import annotations

from datetime import datetime

import pytest

from consilience.extract.dates import extract_dates
from consilience.extract.events import event_lemma
from consilience.extract.nlp import Nlp, load_nlp, parse_article
from consilience.models import Article, Fact
from consilience.settings import Settings


@pytest.fixture(scope="module", params=["auto", "none"])
def nlp(request: pytest.FixtureRequest) -> Nlp:
    return load_nlp(Settings(spacy_model=request.param))


@pytest.fixture(scope="module")
def parser() -> Nlp:
    loaded = load_nlp(Settings(spacy_model="auto"))
    if not loaded.has_parser:
        pytest.skip("needs a spaCy model for dependency parses")
    return loaded


def _dates(nlp: Nlp, text: str, published: datetime | None = None) -> list[Fact]:
    article = Article(id="e1", source="e.txt", text=text, published=published)
    return extract_dates(parse_article(article, nlp))


def _subjects(nlp: Nlp, text: str, published: datetime | None = None) -> list[str]:
    return [fact.subject for fact in _dates(nlp, text, published)]


@pytest.mark.parametrize(
    ("word", "event"),
    [("trip", "visit"), ("tour", "visit"), ("walkout", "strike"), ("stoppage", "strike"),
     ("sentencing", "sentence"), ("jail", "sentence"), ("quake", "earthquake"),
     ("negotiation", "talks"), ("collapse", "collapse")],
)  # fmt: skip
def test_synonyms_share_one_event_lemma(word: str, event: str) -> None:
    assert event_lemma(word) == event


def test_a_ruling_about_a_prison_term_dates_the_sentence() -> None:
    assert event_lemma("rule", "A judge ruled that she will serve six years in prison.") == (
        "sentence"
    )
    assert event_lemma("rule", "The court ruled that the law was unlawful.") == "rule"


@pytest.mark.parametrize(
    "text",
    [
        "The walkout at the bus depot began on 4 May 2025.",
        "Drivers at the bus depot went on strike on 4 May 2025.",
    ],
)
def test_strike_wordings_date_the_strike(nlp: Nlp, text: str) -> None:
    assert _subjects(nlp, text) == ["strike"]


@pytest.mark.parametrize(
    "text",
    [
        "Bus drivers downed tools on 4 May 2025 over unpaid overtime.",
        "Bus drivers walked out on 4 May 2025 over unpaid overtime.",
        "Bus drivers stopped work on 4 May 2025 over unpaid overtime.",
        "The drivers joined a stoppage that began on 4 May 2025.",
    ],
)
def test_labour_idioms_and_relative_clauses_date_the_strike(parser: Nlp, text: str) -> None:
    assert _subjects(parser, text) == ["strike"]


def test_a_trip_and_a_visit_are_one_event(nlp: Nlp) -> None:
    assert _subjects(nlp, "Her trip to Chile in 2024 was her first abroad.") == ["visit"]


def test_jailed_and_sentenced_date_one_sentencing(parser: Nlp) -> None:
    jailed = _subjects(parser, "The trader was jailed on 9 October 2025 for insider dealing.")
    sentenced = _subjects(parser, "On 9 October 2025 a judge sentenced the trader to six years.")
    assert jailed == sentenced == ["sentence"]


def test_a_quake_that_struck_dates_the_earthquake(parser: Nlp) -> None:
    assert _subjects(parser, "The quake struck on 2 February 2026 near the coast.") == [
        "earthquake"
    ]


def test_the_event_is_looked_for_inside_the_sentence_only(parser: Nlp) -> None:
    # A headline without a full stop: the tagger may run it into the first sentence.
    text = (
        "What the new rules tell us about savings\n"
        "On 9 October 2025, a judge sentenced the trader to six years."
    )
    assert _subjects(parser, text) == ["sentence"]


def test_reported_future_puts_a_weekday_after_publication(parser: Nlp) -> None:
    sunday = datetime(2025, 6, 8, 22, 0)
    facts = _dates(parser, "The mayor said she would open talks with the Greens on Monday.", sunday)
    assert [(f.subject, f.value) for f in facts] == [("talks", "2025-06-09")]


def test_only_the_clause_with_a_future_verb_looks_forward(parser: Nlp) -> None:
    wednesday = datetime(2025, 6, 11, 9, 0)
    text = "The union, which called the strike on Monday, will meet the minister on Friday."
    values = [fact.value for fact in _dates(parser, text, wednesday)]
    assert values == ["2025-06-09", "2025-06-13"]


def test_the_nearest_idiom_names_each_event_with_or_without_a_model(nlp: Nlp) -> None:
    text = "The crane gave way on 3 March 2026 and dockers walked out on 4 March 2026."
    facts = _dates(nlp, text)
    assert [(f.subject, f.value) for f in facts] == [
        ("collapse", "2026-03-03"),
        ("strike", "2026-03-04"),
    ]


def test_without_a_model_a_future_word_after_the_date_does_not_move_it_forward() -> None:
    rules = load_nlp(Settings(spacy_model="none"))
    saturday = datetime(2025, 6, 14, 9, 0)
    past = _dates(
        rules, "Officials said nurses stopped work on Friday and would stay out.", saturday
    )
    future = _dates(rules, "The mayor said she would open talks on Monday.", saturday)
    assert [f.value for f in past] == ["2025-06-13"]
    assert [f.value for f in future] == ["2025-06-16"]


def test_falling_ill_is_one_event_however_it_is_dated(nlp: Nlp) -> None:
    published = datetime(2026, 10, 15, 9, 0)
    fell = _subjects(nlp, "The first patient fell ill on 2 October, the agency said.", published)
    became = _subjects(nlp, "The first patient became ill on 2 October.", published)
    assert fell == became == ["fall ill"]


def test_did_so_dates_the_verb_it_stands_for(parser: Nlp) -> None:
    published = datetime(2026, 10, 15, 9, 0)
    text = "The first diner to fall ill did so on 2 October, the inspector said."
    assert _subjects(parser, text, published) == ["fall ill"]


@pytest.mark.parametrize(
    "text",
    [
        "The recall covers jars with use-by dates up to and including 9 November.",
        "The withdrawal applies to every jar with use-by dates up to 9 November.",
    ],
)
def test_a_date_given_as_a_named_date_is_dated_by_that_name(parser: Nlp, text: str) -> None:
    published = datetime(2026, 10, 15, 9, 0)
    assert _subjects(parser, text, published) == ["use-by date"]


@pytest.mark.parametrize(
    "text",
    [
        "The smoking ban takes effect on 1 June 2026.",
        "The smoking ban comes into force on 1 June 2026.",
        "The smoking ban will enter into force on 1 June 2026.",
        "The smoking ban will apply from 1 June 2026.",
    ],
)
def test_every_wording_of_a_rule_starting_dates_its_entry_into_force(nlp: Nlp, text: str) -> None:
    assert _subjects(nlp, text) == ["entry into force"]


@pytest.mark.parametrize(
    "text",
    [
        "The freight train derailed on 9 February 2026 near the harbour.",
        "The freight train left the rails on 9 February 2026 near the harbour.",
        "The freight train came off the tracks on 9 February 2026 near the harbour.",
    ],
)
def test_every_wording_of_a_derailment_dates_the_derailment(nlp: Nlp, text: str) -> None:
    assert _subjects(nlp, text) == ["derail"]


@pytest.mark.parametrize(
    "text",
    [
        "The merger is expected to close in June 2026.",
        "The firms expect the merger to close in June 2026.",
    ],
)
def test_a_deal_expected_to_close_dates_its_closing(parser: Nlp, text: str) -> None:
    assert _subjects(parser, text) == ["deal close"]


def test_having_until_a_date_to_act_dates_the_act(parser: Nlp) -> None:
    text = "The ban starts on 1 May 2026, but shops will have until July 2026 to comply."
    assert _subjects(parser, text) == ["start", "comply"]


def test_a_further_strike_is_another_event_than_the_strike_under_way(nlp: Nlp) -> None:
    tuesday = datetime(2025, 6, 10, 9, 0)
    text = (
        "The 24-hour strike by dockers began on 9 June 2025. "
        "The union said it would hold a further 48-hour walkout from 30 June 2025."
    )
    assert _subjects(nlp, text, tuesday) == ["strike", "strike (further)"]


@pytest.mark.parametrize("words", ["the next", "another", "a fresh"])
def test_words_for_another_occurrence_name_a_further_event(parser: Nlp, words: str) -> None:
    text = f"Bus drivers will hold {words} stoppage on 30 June 2025."
    assert _subjects(parser, text) == ["strike (further)"]


def test_the_first_day_of_an_event_dates_the_event(parser: Nlp) -> None:
    wednesday = datetime(2025, 6, 11, 9, 0)
    text = "The first day of the bus drivers' stoppage passed off quietly on Monday."
    facts = _dates(parser, text, wednesday)
    assert [(f.subject, f.value) for f in facts] == [("strike", "2025-06-09")]


def test_the_last_day_of_an_event_dates_its_end(parser: Nlp) -> None:
    text = "The final day of the trial fell on 14 July 2025."
    assert _subjects(parser, text) == ["trial end"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The fraud trial continues on 11 June 2025 with new witnesses.", "trial continue"),
        ("Talks between the two sides resume on 11 June 2025.", "talks resume"),
    ],
)
def test_a_later_phase_of_an_event_is_named_with_it(parser: Nlp, text: str, event: str) -> None:
    assert _subjects(parser, text) == [event]


def test_a_present_tense_weekday_is_the_coming_one(parser: Nlp) -> None:
    tuesday = datetime(2025, 6, 10, 18, 0)
    text = "The conference opens on Wednesday with a speech by the mayor."
    assert [f.value for f in _dates(parser, text, tuesday)] == ["2025-06-11"]


@pytest.mark.parametrize(
    "text",
    [
        "The walkout, which began on Wednesday, has closed most schools.",
        "The bid represents a premium of 30% to the closing price on Wednesday.",
        "The bid is a premium of 30% to Wednesday's closing price.",
    ],
)
def test_a_past_or_stative_weekday_stays_behind_publication(parser: Nlp, text: str) -> None:
    tuesday = datetime(2025, 6, 10, 18, 0)
    assert [f.value for f in _dates(parser, text, tuesday)] in ([], ["2025-06-04"])


def test_a_weekday_someone_is_due_to_act_on_lies_ahead(parser: Nlp) -> None:
    tuesday = datetime(2025, 6, 10, 18, 0)
    text = "The minister is due to meet union leaders on Thursday, her office said."
    assert [f.value for f in _dates(parser, text, tuesday)] == ["2025-06-12"]
