"""Alignment of news patterns: ranks of one office, figures that held a state, records held
before the story's period, nominalised actions, headline capitals and repeated tellings."""

from __future__ import annotations

from consilience.align import align_facts
from consilience.compare import compare_slots
from consilience.models import Article, Fact, Role
from factories import make_article, make_fact, slot_of


def role(article: Article, person: str, title: str) -> Fact:
    key = title.casefold()
    return make_fact(article, article.text, "person_role", person, title, predicate=key)


# --- titles ----------------------------------------------------------------------------------


def test_a_deputy_and_the_office_itself_are_one_slot_and_disagree() -> None:
    a = make_article("a", "Police Commissioner Ada Lund opened the inquiry.")
    b = make_article("b", "Deputy Commissioner Ada Lund opened the inquiry.")
    facts = [role(a, "Ada Lund", "Police Commissioner"), role(b, "Ada Lund", "Deputy Commissioner")]
    slots = align_facts(facts, {})
    assert len(slots) == 1
    [finding] = compare_slots(slots, {a.id: a, b.id: b})
    assert finding.status == "conflict"


def test_a_rank_prefix_relates_offices_outside_any_known_family() -> None:
    a = make_article("a", "Editor Jon Hale wrote the column.")
    b = make_article("b", "Assistant editor Jon Hale wrote the column.")
    facts = [role(a, "Jon Hale", "Editor"), role(b, "Jon Hale", "Assistant editor")]
    assert len(align_facts(facts, {})) == 1


def test_two_public_service_ranks_given_by_different_outlets_are_one_slot() -> None:
    a = make_article("a", "Fire Chief Rosa Imre led the rescue.")
    b = make_article("b", "Superintendent Rosa Imre led the rescue.")
    facts = [role(a, "Rosa Imre", "Fire Chief"), role(b, "Rosa Imre", "Superintendent")]
    assert len(align_facts(facts, {})) == 1


def test_a_governor_called_minister_by_another_outlet_is_one_slot() -> None:
    a = make_article("a", "Governor Pia Nard set out the budget.")
    b = make_article("b", "Health Minister Pia Nard set out the budget.")
    facts = [role(a, "Pia Nard", "Governor"), role(b, "Pia Nard", "Health Minister")]
    assert len(align_facts(facts, {})) == 1


# --- dates -----------------------------------------------------------------------------------


def test_dates_of_a_state_held_never_align_with_other_dates() -> None:
    a = make_article("a", "Unemployment stood at 6% in March, the statistics office said.")
    b = make_article("b", "Unemployment has fallen from a high of 9% in 2023, the office said.")
    facts = [
        make_fact(a, a.text, "date", "stand", "2025-03",
                  context="office say statistics stand unemployment"),
        make_fact(b, b.text, "date", "fall", "2023",
                  context="fall high office say unemployment"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 2


def test_price_rises_by_different_firms_on_different_days_stay_apart() -> None:
    a = make_article("a", "The regulator raised the price cap on Monday after a long review.")
    b = make_article("b", "Several suppliers raised their tariffs on Tuesday for new customers.")
    facts = [
        make_fact(a, a.text, "date", "raise", "2025-05-12",
                  context="cap long price raise regulator review"),
        make_fact(b, b.text, "date", "raise", "2025-05-13",
                  context="customer new raise supplier tariff"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 2


# --- figures ---------------------------------------------------------------------------------


def test_a_record_held_before_this_season_is_not_the_seasons_total() -> None:
    a = make_article("a", "The studio has spent $400 million on new films this season.")
    b = make_article(
        "b", "It had never spent more than $90 million on one film before this season."
    )
    facts = [
        make_fact(a, a.text, "quantity", "film", "$400 million", number=4e8, unit="USD",
                  predicate="spend", about="films", context="film new season spend studio"),
        make_fact(b, b.text, "quantity", "film", "more than $90 million", number=9e7,
                  unit="USD", hedge="more than", predicate="spend", about="film",
                  context="film season spend"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 2


def test_spending_is_what_a_named_spender_spent() -> None:
    a = make_article(
        "a", "The deal takes Harlow Rovers' spending this year to more than $80 million."
    )
    b = make_article("b", "Harlow Rovers have spent $84 million on new players this year.")
    aliases = {"Harlow Rovers": "Harlow Rovers"}
    facts = [
        make_fact(a, a.text, "quantity", "spending", "more than $80 million", number=8e7,
                  unit="USD", hedge="more than", about="Harlow Rovers' spending",
                  roles=(Role("agent", "Harlow Rovers"),),
                  context="deal harlow rovers spending year take"),
        make_fact(b, b.text, "quantity", "harlow rovers", "$84 million", number=8.4e7,
                  unit="USD", predicate="spend", about="Harlow Rovers",
                  context="harlow rovers new player spend year"),
    ]  # fmt: skip
    slots = align_facts(facts, aliases)
    assert len(slots) == 1
    [finding] = compare_slots(slots, {a.id: a, b.id: b})
    assert finding.status == "agreed"


def test_a_capitalised_word_opening_a_headline_is_no_participant() -> None:
    headline = "Storm floods 300 homes along the coast"
    a = make_article("a", headline)
    b = make_article("b", "Rising water from the river flooded 300 homes on the coast.")
    aliases = {"Storm": "Storm"}  # the tagger was fooled by the headline's capital too
    facts = [
        make_fact(a, headline, "quantity", "home", "300", number=300, predicate="flood",
                  roles=(Role("agent", "Storm"),), context="coast flood home storm"),
        make_fact(b, b.text, "quantity", "home", "300", number=300, predicate="flood",
                  roles=(Role("agent", "River Tam"),), context="coast flood home river water"),
    ]  # fmt: skip
    assert len(align_facts(facts, aliases | {"River Tam": "River Tam"})) == 1


def test_a_figure_told_twice_in_one_article_keeps_the_telling_most_like_the_others() -> None:
    headline = "Bakery chain in 40-store expansion"
    body = "The bakery chain will open 40 new stores across the region next year."
    a = make_article("a", headline, body)
    b = make_article("b", "The chain plans to open 40 new stores in the region next year.")
    facts = [
        make_fact(a, headline, "quantity", "expansion", "40-store", number=40,
                  context="bakery chain expansion store"),
        make_fact(a, body, "quantity", "store", "40", number=40, predicate="open",
                  context="bakery chain new open region store year"),
        make_fact(b, b.text, "quantity", "store", "40", number=40, predicate="open",
                  context="chain new open plan region store year"),
    ]  # fmt: skip
    slots = align_facts(facts, {})
    assert slot_of(slots, facts[2]).facts == (facts[1], facts[2])
