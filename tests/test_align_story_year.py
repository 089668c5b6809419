"""The year each outlet places the story in: a slot only when two leads disagree."""

from __future__ import annotations

from consilience.align_story_year import STORY_YEAR_ABOUT, story_year_slot
from consilience.compare import compare_slot
from consilience.extract.date_years import YEAR_FROM_WEEKDAY
from consilience.models import Article, Fact, Slot
from factories import make_article, make_fact

PADDING = " Background follows." * 40  # pushes later sentences out of the lead


def lead_date(article: Article, sentence: str, value: str, hedge: str | None = None) -> Fact:
    """A date fact with an ISO value; its span is the value when the sentence writes it."""
    unit = {4: "year", 7: "month"}.get(len(value), "day")
    return make_fact(article, sentence, "date", "visit", value, unit=unit, hedge=hedge)


def test_an_outlet_dating_the_trip_to_another_year_makes_a_year_slot() -> None:
    herald = make_article("herald", "The premier began her first foreign tour of 2019 in Oslavia.")
    courier = make_article("courier", "On Monday, March 4, 2024, the premier landed in Oslavia.")
    facts = [
        lead_date(herald, herald.text, "2019"),
        lead_date(courier, courier.text, "2024-03-04"),
    ]
    slot = story_year_slot(facts)
    assert slot is not None and slot.about == STORY_YEAR_ABOUT
    assert sorted(fact.value for fact in slot.facts) == ["2019", "2024"]
    finding = compare_slot(slot, {})
    assert finding.status == "conflict" and finding.severity == "major"


def test_leads_in_one_year_make_no_slot() -> None:
    herald = make_article("herald", "The premier began her first foreign tour of 2024 in Oslavia.")
    courier = make_article("courier", "On Monday, March 4, 2024, the premier landed in Oslavia.")
    facts = [
        lead_date(herald, herald.text, "2024"),
        lead_date(courier, courier.text, "2024-03-04"),
    ]
    assert story_year_slot(facts) is None


def test_coverage_across_new_year_is_no_disagreement() -> None:
    herald = make_article("herald", "Fireworks set the warehouse alight on December 31, 2024.")
    courier = make_article("courier", "Crews were still at the warehouse on January 2, 2025.")
    facts = [
        lead_date(herald, herald.text, "2024-12-31"),
        lead_date(courier, courier.text, "2025-01-02"),
    ]
    assert story_year_slot(facts) is None


def test_a_date_deep_in_the_article_is_not_its_lead() -> None:
    sentence = "The premier first visited Oslavia in 2019."
    herald = make_article("herald", "The premier landed in Oslavia on Monday." + PADDING, sentence)
    courier = make_article("courier", "On Monday, March 4, 2024, the premier landed in Oslavia.")
    facts = [
        lead_date(herald, sentence, "2019"),
        lead_date(courier, courier.text, "2024-03-04"),
    ]
    assert story_year_slot(facts) is None


def test_a_lead_that_recalls_history_is_dated_by_its_newest_date() -> None:
    herald = make_article(
        "herald", "Ten years after the 2014 floods, the river burst its banks on May 2, 2024."
    )
    courier = make_article("courier", "On Thursday, May 2, 2024, the river burst its banks.")
    facts = [
        lead_date(herald, herald.text, "2014"),
        lead_date(herald, herald.text, "2024-05-02"),
        lead_date(courier, courier.text, "2024-05-02"),
    ]
    assert story_year_slot(facts) is None


def test_a_lead_year_older_than_the_articles_other_dates_is_history() -> None:
    lead = "Survivors of the 2014 floods gathered by the river."
    later = "The council approved new defences in 2024."
    herald = make_article("herald", lead + PADDING, later)
    courier = make_article("courier", "On Thursday, May 2, 2024, survivors gathered by the river.")
    facts = [
        lead_date(herald, lead, "2014"),
        lead_date(herald, later, "2024"),
        lead_date(courier, courier.text, "2024-05-02"),
    ]
    assert story_year_slot(facts) is None


def test_the_end_of_a_contract_term_dates_no_event() -> None:
    herald = make_article("herald", "The winger signed a deal running until the summer of 2031.")
    courier = make_article("courier", "On Thursday, August 6, 2026, the winger joined the club.")
    facts = [
        lead_date(herald, herald.text, "2031"),
        lead_date(courier, courier.text, "2026-08-06"),
    ]
    assert story_year_slot(facts) is None


def test_the_start_of_a_period_dates_no_event() -> None:
    herald = make_article("herald", "Ostby lifted the cup for the first time since 1987.")
    courier = make_article("courier", "On Saturday, May 16, 2026, Ostby lifted the cup.")
    facts = [
        lead_date(herald, herald.text, "1987"),
        lead_date(courier, courier.text, "2026-05-16"),
    ]
    assert story_year_slot(facts) is None


def test_two_years_both_inferred_from_weekdays_are_no_disagreement() -> None:
    herald = make_article("herald", "On Monday, April 14, the premier landed in Oslavia.")
    courier = make_article("courier", "On Monday, April 14, crowds met the premier in Osla.")
    facts = [
        lead_date(herald, herald.text, "2025-04-14", YEAR_FROM_WEEKDAY),
        lead_date(courier, courier.text, "2014-04-14", YEAR_FROM_WEEKDAY),
    ]
    assert story_year_slot(facts) is None


def test_a_year_already_set_against_another_in_a_slot_makes_no_second_finding() -> None:
    herald = make_article("herald", "The judge sentenced him on 16 November 2025.")
    courier = make_article("courier", "The judge sentenced him on 16 November 2026.")
    gazette = make_article("gazette", "The judge jailed him on Monday, November 16, 2026.")
    facts = [
        lead_date(herald, herald.text, "2025-11-16"),
        lead_date(courier, courier.text, "2026-11-16"),
        lead_date(gazette, gazette.text, "2026-11-16"),
    ]
    same_event = Slot(
        kind="date", key="sentence", about="date of the sentence", facts=tuple(facts[:2])
    )
    assert story_year_slot(facts, [same_event]) is None
    assert story_year_slot(facts) is not None


def test_the_date_of_a_state_or_a_figures_move_is_no_lead_date() -> None:
    herald = make_article("herald", "Unemployment has fallen from a high of 9% in 2023.")
    courier = make_article("courier", "On Tuesday, May 5, 2026, the office published its survey.")
    facts = [
        make_fact(herald, herald.text, "date", "fall", "2023", unit="year"),
        make_fact(courier, courier.text, "date", "publish", "2026-05-05", unit="day"),
    ]
    assert story_year_slot(facts) is None


def test_a_planned_event_in_the_lead_is_not_the_story_year() -> None:
    lead = "The drugmaker reported trial results on 3 June 2026 and expects a ruling in 2027."
    herald = make_article("herald", lead)
    courier = make_article("courier", "On Wednesday, June 3, 2026, the drugmaker reported results.")
    facts = [
        lead_date(herald, lead, "2026-06-03"),
        lead_date(herald, lead, "2027"),
        lead_date(courier, courier.text, "2026-06-03"),
    ]
    assert story_year_slot(facts) is None


def test_a_later_planned_date_does_not_make_the_lead_history() -> None:
    lead = "The drugmaker reported trial results on 3 June 2026."
    later = "It expects a ruling in 2027."
    herald = make_article("herald", lead + PADDING, later)
    courier = make_article("courier", "On Friday, June 3, 2022, the drugmaker reported results.")
    facts = [
        lead_date(herald, lead, "2026-06-03"),
        lead_date(herald, later, "2027"),
        lead_date(courier, courier.text, "2022-06-03"),
    ]
    slot = story_year_slot(facts)
    assert slot is not None
    assert sorted(fact.value for fact in slot.facts) == ["2022", "2026"]


def test_a_year_compared_with_a_forecast_is_no_plan() -> None:
    lead = "Car exports grew faster than expected in 2024, the trade ministry said."
    herald = make_article("herald", lead)
    courier = make_article("courier", "Car exports grew by a fifth in 2026, officials said.")
    facts = [lead_date(herald, lead, "2024"), lead_date(courier, courier.text, "2026")]
    assert story_year_slot(facts) is not None


def test_a_planning_word_in_another_clause_makes_no_plan() -> None:
    lead = "Analysts would not comment, but the chain made a record profit in 2024."
    herald = make_article("herald", lead)
    courier = make_article("courier", "The chain made a record profit in 2026, it said.")
    facts = [lead_date(herald, lead, "2024"), lead_date(courier, courier.text, "2026")]
    assert story_year_slot(facts) is not None
