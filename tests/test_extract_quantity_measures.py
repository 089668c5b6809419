"""Speeds, distances from a place, lengths "of" something, idioms and relative-clause agents."""

from __future__ import annotations

import pytest

from consilience.extract.nlp import Nlp, parse_article
from consilience.extract.numbers import find_number_expressions, parse_number
from consilience.extract.quantities import extract_quantities
from consilience.models import Article, Fact, Role


def quantities(text: str, nlp: Nlp) -> list[Fact]:
    return extract_quantities(parse_article(Article(id="a1", source="t", text=text), nlp))


def fact_valued(facts: list[Fact], value: str) -> Fact:
    return next(f for f in facts if f.value == value)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("the ferry was doing 40 km/h", "40 km/h", "km/h"),
        ("gusts of about 90 kph hit", "about 90 kph", "km/h"),
        ("a lorry at 70 miles per hour", "70 miles per hour", "mph"),
        ("a 30 mph zone", "30 mph", "mph"),
    ],
)
def test_a_unit_of_speed_belongs_to_its_figure(text: str, value: str, unit: str) -> None:
    (match,) = find_number_expressions(text)
    assert (match.text, match.number.unit) == (value, unit)
    parsed = parse_number(value)
    assert parsed is not None and parsed.unit == unit


def test_a_speed_and_a_speed_limit_are_two_things(nlp: Nlp) -> None:
    facts = quantities(
        "The coach was travelling at 95 km/h on a road where the speed limit is 60 km/h.", nlp
    )
    speed, limit = fact_valued(facts, "95 km/h"), fact_valued(facts, "60 km/h")
    assert (speed.about, speed.predicate) == ("speed", "travel")
    assert limit.about == "speed limit"
    limited = only_fact(quantities("Lorries are limited to 50 km/h on the bridge.", nlp))
    assert limited.about == "speed limit"


def only_fact(facts: list[Fact]) -> Fact:
    assert len(facts) == 1, facts
    return facts[0]


def test_a_distance_keeps_the_place_it_is_measured_from(nlp: Nlp) -> None:
    text = "The quake struck about 30 kilometres east of Dunmere, the survey said."
    fact = fact_valued(quantities(text, nlp), "about 30")
    assert fact.about == "kilometres east of Dunmere"


def test_a_length_of_something_counts_it_with_the_unit_in_the_value(nlp: Nlp) -> None:
    facts = quantities("The unions called two weeks of rolling strikes.", nlp)
    fact = fact_valued(facts, "two weeks")
    assert (fact.subject, fact.about, fact.unit, fact.number) == (
        "strike",
        "weeks of rolling strikes",
        "week",
        2.0,
    )
    assert not any(f.value == "two weeks" for f in quantities("They talked for two weeks.", nlp))


def test_leaving_the_tracks_is_derailing(nlp: Nlp) -> None:
    left = only_fact(quantities("Three wagons of the freight train left the tracks.", nlp))
    derailed = only_fact(quantities("Three wagons derailed near the bridge.", nlp))
    assert left.predicate == derailed.predicate == "derail"


def test_the_noun_before_which_acts_in_its_relative_clause(nlp: Nlp) -> None:
    text = "Brightwell, which employs about 900 people, cut its forecast."
    fact = fact_valued(quantities(text, nlp), "about 900")
    assert Role("agent", "Brightwell") in fact.roles


def test_what_a_premium_is_measured_against_is_no_participant(nlp: Nlp) -> None:
    text = "Tarrow offered $12 a share, a premium of 18% to Ostley's closing price."
    fact = fact_valued(quantities(text, nlp), "18%")
    assert all(role.role != "target" for role in fact.roles)


def test_a_time_within_which_a_thing_is_done_counts_that_thing(nlp: Nlp) -> None:
    text = "The regulator said it would deliver its final ruling within six weeks."
    fact = fact_valued(quantities(text, nlp), "six weeks")
    assert (fact.subject, fact.unit, fact.predicate) == ("ruling", "week", "deliver")
    assert fact.about == "time until the final ruling"
