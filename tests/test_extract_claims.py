"""claim facts: a predicate with a coordinated set of places or parties."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from consilience.align import align_facts
from consilience.extract.claims import extract_claims
from consilience.extract.nlp import Nlp, load_nlp, parse_article
from consilience.models import Article, Fact, Role
from consilience.settings import Settings


@pytest.fixture(scope="module", params=["auto", "none"])
def nlp(request: pytest.FixtureRequest) -> Iterator[Nlp]:
    yield load_nlp(Settings(spacy_model=request.param))


@pytest.fixture(scope="module")
def parser() -> Nlp:
    loaded = load_nlp(Settings(spacy_model="auto"))
    if not loaded.has_parser:
        pytest.skip("needs a spaCy model for dependency parses")
    return loaded


def _claims(nlp: Nlp, text: str) -> list[Fact]:
    parsed = parse_article(Article(id="a", source="a.txt", text=text), nlp)
    facts = extract_claims(parsed)
    for fact in facts:
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
    return facts


def test_visit_with_two_coordinated_countries(nlp: Nlp) -> None:
    facts = _claims(nlp, "Angela Merkel will next visit Canada and Mexico, officials said.")
    assert [(f.subject, f.value) for f in facts] == [("visit", "Canada, Mexico")]
    assert Role("agent", "Angela Merkel") in facts[0].roles
    assert Role("member", "Canada") in facts[0].roles


def test_a_tour_of_three_places_is_a_visit_claim(nlp: Nlp) -> None:
    text = "Angela Merkel began a tour of Kenya, Ghana and Nigeria on Sunday."
    facts = _claims(nlp, text)
    assert [(f.subject, f.value) for f in facts] == [("visit", "Ghana, Kenya, Nigeria")]


def test_members_are_sorted_so_order_does_not_matter(nlp: Nlp) -> None:
    first = _claims(nlp, "Angela Merkel will visit Canada and Mexico.")
    second = _claims(nlp, "Angela Merkel will visit Mexico and Canada.")
    assert [f.value for f in first] == [f.value for f in second] == ["Canada, Mexico"]


def test_a_single_place_is_not_a_set_claim(nlp: Nlp) -> None:
    assert _claims(nlp, "Angela Merkel will visit Canada next week.") == []


def test_the_agent_of_a_pronoun_is_the_person_named_before() -> None:
    nlp = load_nlp(Settings())
    text = "Angela Merkel spoke in Berlin.\nShe will then visit Canada and Mexico."
    facts = _claims(nlp, text)
    assert facts and facts[0].roles[0] == Role("agent", "Angela Merkel")


@pytest.mark.parametrize(
    "text",
    [
        "Osta, Kell and Lirwen joined the new Tidewater Fishing Pact on Tuesday.",
        "Lirwen, Osta and Kell signed up to the pact at the summit.",
    ],
)
def test_who_joined_is_a_set_claim_about_what_they_joined(nlp: Nlp, text: str) -> None:
    facts = _claims(nlp, text)
    assert [(f.subject, f.value) for f in facts] == [("join", "Kell, Lirwen, Osta")]
    assert Role("target", "pact") in facts[0].roles
    assert facts[0].about == "parties that joined the pact"


def test_not_joining_states_no_membership(parser: Nlp) -> None:
    assert _claims(parser, "Osta and Kell sent observers but did not join the pact.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Vigils were also held in Tamsworth, Orrin Bay and Kelda on Sunday.",
        "Vigils also took place in Tamsworth, Orrin Bay and Kelda on Sunday.",
    ],
)
def test_events_held_in_several_places_state_a_set_of_places(nlp: Nlp, text: str) -> None:
    facts = _claims(nlp, text)
    assert [(f.subject, f.value) for f in facts] == [("place", "Kelda, Orrin Bay, Tamsworth")]
    assert Role("target", "vigil") in facts[0].roles
    assert facts[0].about == "places where the vigil took place"


def test_people_who_marched_in_several_places_state_where_marches_were(parser: Nlp) -> None:
    facts = _claims(parser, "Thousands of nurses also marched in Tamsworth and Orrin Bay.")
    assert [(f.subject, f.value) for f in facts] == [("place", "Orrin Bay, Tamsworth")]
    assert Role("target", "march") in facts[0].roles


def test_one_place_or_no_event_states_no_set(nlp: Nlp) -> None:
    assert _claims(nlp, "Vigils were held in Tamsworth on Sunday.") == []
    assert _claims(nlp, "Shares were held in Tamsworth and Kelda by the fund.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A Fenwick Airways jet made an emergency landing at Holm Valley Airport on Monday.",
        "The cargo plane landed at Holm Valley Airport shortly after noon.",
        "The airliner touched down at Holm Valley Airport at 4:10 p.m.",
    ],
)
def test_where_an_aircraft_came_down_is_one_place(nlp: Nlp, text: str) -> None:
    facts = _claims(nlp, text)
    assert [(f.subject, f.value) for f in facts] == [("place", "Holm Valley Airport")]
    assert Role("target", "landing") in facts[0].roles


def test_a_landing_place_told_short_and_in_full_is_the_full_name(parser: Nlp) -> None:
    text = (
        "Jet makes emergency landing at Marsby after bird strike\n"
        "A Fenwick Airways jet made an emergency landing at Marsby Municipal Airport on Monday."
    )
    assert {f.value for f in _claims(parser, text)} == {"Marsby Municipal Airport"}


@pytest.mark.parametrize(
    "text",
    [
        "Analysts expect a soft landing in Veloria once rates start to fall.",
        "Exporters fear a hard landing in Ostrand as demand cools.",
    ],
)
def test_an_economy_s_landing_in_a_country_is_no_aircraft_landing(nlp: Nlp, text: str) -> None:
    assert _claims(nlp, text) == []


def test_a_landing_at_a_time_names_no_place(nlp: Nlp) -> None:
    assert _claims(nlp, "The plane landed at 9:15 a.m. and taxied to the gate.") == []


@pytest.mark.parametrize(
    ("text", "builder", "structure"),
    [
        ("The stand was demolished, but the stadium was built in 1971 by Harrow Civil.",
         "Harrow Civil", "stadium"),
        ("The tower was built by Dunmere & Co in the 1960s, council records show.",
         "Dunmere & Co", "tower"),
        ("The pier was built by Castell and Rowe in 1911 and rebuilt after the storm.",
         "Castell and Rowe", "pier"),
    ],
)  # fmt: skip
def test_who_built_a_structure_is_a_one_member_claim(
    nlp: Nlp, text: str, builder: str, structure: str
) -> None:
    facts = _claims(nlp, text)
    assert [(f.subject, f.value) for f in facts] == [("build", builder)]
    assert Role("target", structure) in facts[0].roles


def test_two_structures_each_named_by_its_own_noun_are_two_targets(nlp: Nlp) -> None:
    text = (
        "The clock tower was built by Marnett Brothers. "
        "The neighbouring block was built by Osgood Holdings."
    )
    facts = _claims(nlp, text)
    targets = {(f.value, next(r.name for r in f.roles if r.role == "target")) for f in facts}
    assert targets == {("Marnett Brothers", "tower"), ("Osgood Holdings", "block")}
    assert all(len(slot.facts) == 1 for slot in align_facts(facts, {}))


def test_the_building_names_whichever_structure_the_story_is_about(nlp: Nlp) -> None:
    facts = _claims(nlp, "The building was built by Osgood Holdings in 1979.")
    assert [(f.value, f.about) for f in facts] == [("Osgood Holdings", "who built the building")]
    assert not any(r.role == "target" for r in facts[0].roles)


def test_a_builder_of_no_structure_is_no_claim(nlp: Nlp) -> None:
    assert _claims(nlp, "Her reputation was built by Marta Oyelaran over twenty years.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Dock workers say most of the steel landed at Portwell is sold inland.",
        "Crews who land their catch at the northern quays can still work.",
    ],
)
def test_goods_or_catches_landed_somewhere_are_no_landing(parser: Nlp, text: str) -> None:
    assert _claims(parser, text) == []


def test_the_one_flight_an_article_names_is_a_flight_claim(nlp: Nlp) -> None:
    text = "Flight BA 212 returned to the gate. Passengers on flight BA212 were rebooked."
    facts = _claims(nlp, text)
    assert [(f.subject, f.about, f.value) for f in facts] == [("flight", "flight number", "BA212")]


def test_an_article_naming_two_flights_states_no_flight_number(nlp: Nlp) -> None:
    text = "Flight KL1007 was held while flight EZY6493 was cleared to depart."
    assert _claims(nlp, text) == []
