"""Counts and measures as news words them: moves and levels, people taken to hospital,
"the number of X ... rose to N", figures reported earlier, states believed ("feared dead")."""

from __future__ import annotations

import pytest

from consilience.align import align_facts
from consilience.align_things import SAME_THING_SCORE, thing_similarity
from consilience.extract.nlp import Nlp, parse_article
from consilience.extract.quantities import extract_quantities
from consilience.models import Article, Fact


def quantities(text: str, nlp: Nlp, article_id: str = "a1") -> list[Fact]:
    return extract_quantities(parse_article(Article(id=article_id, source="t", text=text), nlp))


def by_value(facts: list[Fact], value: str) -> Fact:
    return next(f for f in facts if f.value == value)


def test_a_length_moved_by_is_a_move_not_the_level_reached(nlp: Nlp) -> None:
    lost = by_value(quantities("The balloon lost 3,000 metres in ten minutes.", nlp), "3,000")
    dropped = by_value(quantities("The plane dropped 5,000 feet in a minute.", nlp), "5,000")
    level = by_value(quantities("The plane then descended to 8,000 feet.", nlp), "8,000")
    assert (lost.subject, lost.about) == ("metre descent", "metres of descent")
    assert dropped.subject == "foot descent"
    assert level.subject == "foot"


def test_a_move_and_a_level_never_share_a_slot(nlp: Nlp) -> None:
    level = quantities("The airliner descended sharply to 12,000 feet over the sea.", nlp, "a1")
    move = quantities("The airliner lost 25,000 feet over the sea, radar data showed.", nlp, "a2")
    slots = align_facts([*level, *move], {})
    assert not any(len({f.article for f in slot.facts}) == 2 for slot in slots)


def test_people_taken_to_or_treated_in_hospital_are_one_count(nlp: Nlp) -> None:
    taken = by_value(quantities("Paramedics took four students to hospital.", nlp), "four")
    hurt = by_value(quantities("Rescuers took five tourists to hospital with burns.", nlp), "five")
    treated = by_value(quantities("Nine people were treated in hospital for burns.", nlp), "Nine")
    admitted = by_value(quantities("Two children were admitted to Lenford Hospital.", nlp), "Two")
    for fact in (taken, hurt, treated, admitted):
        assert (fact.subject, fact.predicate) == ("people", "hospitalise")
        assert fact.about == "people taken to hospital"


def test_the_number_of_people_counts_them_whatever_the_parse_of_the_clause(nlp: Nlp) -> None:
    text = "Harbour officials put the number of passengers treated in hospital at 14."
    fact = by_value(quantities(text, nlp), "14")
    assert (fact.subject, fact.predicate) == ("people", "hospitalise")
    assert fact.roles == ()


def test_a_figure_reported_earlier_is_marked_earlier(nlp: Nlp) -> None:
    text = "Earlier on Sunday, the coastguard had said five sailors were treated in hospital."
    fact = by_value(quantities(text, nlp), "five")
    assert fact.about.endswith("earlier")


def test_an_earlier_sentence_whose_had_tells_the_events_is_no_earlier_report(nlp: Nlp) -> None:
    text = "Earlier, firefighters said 12 people were treated after the blaze had spread."
    fact = by_value(quantities(text, nlp), "12")
    assert not fact.about.endswith("earlier")


def test_a_believed_state_is_what_the_figure_counts(nlp: Nlp) -> None:
    text = "Two miners were killed and about 40 more were believed trapped underground."
    fact = by_value(quantities(text, nlp), "about 40")
    assert (fact.subject, fact.predicate, fact.about) == ("people", "trap", "people trapped")


def test_needing_hospital_treatment_is_being_taken_to_hospital(nlp: Nlp) -> None:
    text = "Of the 40 guests who have fallen ill, six have needed hospital treatment."
    fact = by_value(quantities(text, nlp), "six")
    assert fact.predicate == "hospitalise"


def test_people_kept_in_hospital_are_counted_as_hospitalised(nlp: Nlp) -> None:
    fact = by_value(quantities("Eleven passengers were kept in hospital overnight.", nlp), "Eleven")
    assert fact.predicate == "hospitalise"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bandits took 9 tourists hostage at the hospital, the governor said.", "9"),
        ("Militants kept 15 villagers hostage in the district hospital for two days.", "15"),
        ("The health board sent 60 staff into the hospital to run its wards during the walkout.",
         "60"),
    ],
)  # fmt: skip
def test_people_taken_to_a_hospital_for_another_errand_are_no_patients(
    nlp: Nlp, text: str, value: str
) -> None:
    assert by_value(quantities(text, nlp), value).predicate != "hospitalise"


def test_money_sent_to_a_hospital_counts_no_patients(nlp: Nlp) -> None:
    fact = by_value(quantities("The fund sent $2 million to the hospital.", nlp), "$2 million")
    assert fact.predicate != "hospitalise"


def test_a_modifier_both_about_phrases_carry_keeps_the_thing_the_same(nlp: Nlp) -> None:
    nine = by_value(quantities("A nine-storey block fell down.", nlp, "a1"), "nine")
    eleven = by_value(quantities("The eleven-storey tower was built in 1990.", nlp, "a2"), "eleven")
    assert nine.about.startswith("total") and eleven.about.startswith("total")
    assert thing_similarity(nine, eleven) == SAME_THING_SCORE


def test_people_feared_dead_are_counted_as_dead(nlp: Nlp) -> None:
    fact = by_value(quantities("Twelve miners are feared dead after the blast.", nlp), "Twelve")
    assert (fact.subject, fact.predicate) == ("people", "die")
