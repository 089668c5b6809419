"""person_role facts: titles bound to the people they name, with and without a model."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from consilience.extract.nlp import Nlp, load_nlp, parse_article
from consilience.extract.people import extract_person_roles, title_key
from consilience.models import Article
from consilience.settings import Settings


@pytest.fixture(scope="module", params=["auto", "none"])
def nlp(request: pytest.FixtureRequest) -> Iterator[Nlp]:
    yield load_nlp(Settings(spacy_model=request.param))


def _roles(nlp: Nlp, text: str) -> dict[str, tuple[str, str | None]]:
    parsed = parse_article(Article(id="a", source="a.txt", text=text), nlp)
    facts = extract_person_roles(parsed)
    for fact in facts:
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
        if fact.span is not None:
            assert text[fact.span.start : fact.span.end] == fact.value
    return {fact.subject: (fact.value, fact.predicate) for fact in facts}


def test_title_before_name_with_modifier_and_country(nlp: Nlp) -> None:
    roles = _roles(nlp, "Former US President Barack Obama criticised the new rules on Tuesday.")
    assert roles["Barack Obama"] == ("Former US President", "former president")


def test_prime_minister_before_name(nlp: Nlp) -> None:
    roles = _roles(nlp, "The plan was backed by Prime Minister Keir Starmer in London.")
    assert roles["Keir Starmer"] == ("Prime Minister", "prime minister")


def test_country_possessive_is_kept_out_of_the_title(nlp: Nlp) -> None:
    roles = _roles(nlp, "He also met Japan’s Prime Minister Shigeru Ishiba during the trip.")
    assert roles["Shigeru Ishiba"][1] == "prime minister"


def test_appositive_title_after_name() -> None:
    nlp = load_nlp(Settings())
    text = "Maria Lopez, Chief Executive of the airline, said demand was strong."
    assert _roles(nlp, text)["Maria Lopez"] == ("Chief Executive", "chief executive")


def test_title_binds_only_to_the_name_it_touches(nlp: Nlp) -> None:
    roles = _roles(nlp, "Talks between Angela Merkel and President Emmanuel Macron ended late.")
    assert "Angela Merkel" not in roles
    assert roles["Emmanuel Macron"][1] == "president"


def test_short_name_later_maps_to_the_fullest_name() -> None:
    nlp = load_nlp(Settings())
    text = "Senator Elizabeth Warren spoke first. Later, Senator Warren left the hall."
    roles = _roles(nlp, text)
    assert list(roles) == ["Elizabeth Warren"]


def test_title_key_drops_country_words_and_possessives() -> None:
    assert title_key("former US President") == "former president"
    assert title_key("Chinese President") == "president"
    assert title_key("Communist Party General Secretary") == "general secretary"
    assert title_key("Vietnam’s Prime Minister") == "prime minister"


def test_no_title_no_fact(nlp: Nlp) -> None:
    assert _roles(nlp, "Angela Merkel arrived in Paris on Monday evening.") == {}


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("Health Minister Carla Diaz opened the clinic.", "Health Minister", "health minister"),
        ("Former health minister Carla Diaz opened the clinic.", "Former health minister",
         "former health minister"),
        ("Minister of Health Carla Diaz opened the clinic.", "Minister of Health",
         "health minister"),
    ],
)  # fmt: skip
def test_a_portfolio_is_part_of_the_office_however_it_is_written(
    nlp: Nlp, text: str, value: str, key: str
) -> None:
    assert _roles(nlp, text)["Carla Diaz"] == (value, key)


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("defence counsel", "defence lawyer"),
        ("Defence barrister", "defence lawyer"),
        ("Finance chief", "chief financial officer"),
        ("CFO", "chief financial officer"),
        ("Chief financial officer", "chief financial officer"),
        ("chief executive officer", "chief executive"),
        ("Deputy Mayor", "deputy mayor"),
        ("campaign manager", "campaign manager"),
        ("Minister of Transport", "transport minister"),
    ],
)
def test_title_keys_name_one_office_per_wording(title: str, key: str) -> None:
    assert title_key(title) == key


def test_lawyers_titles_bind_to_the_name_after_them(nlp: Nlp) -> None:
    roles = _roles(nlp, "Outside court, defence lawyer Mark Hale said his client would appeal.")
    assert roles["Mark Hale"] == ("defence lawyer", "defence lawyer")


def test_a_person_owning_a_party_is_the_person_not_the_party(nlp: Nlp) -> None:
    roles = _roles(nlp, "Mayor Ana Brook's Green Alliance lost four seats on Sunday.")
    # The tagger may miss the person altogether; it must never make the party a person.
    assert set(roles) <= {"Ana Brook"}
    assert all(role == ("Mayor", "mayor") for role in roles.values())


def test_an_office_of_an_organisation_before_a_comma_and_name(nlp: Nlp) -> None:
    text = "She met several officials, including the Director of the National Museum, Lia Moss."
    assert _roles(nlp, text)["Lia Moss"] == ("Director", "director")


def test_a_name_after_an_office_of_a_portfolio_is_found_even_untagged(nlp: Nlp) -> None:
    roles = _roles(nlp, "Minister of Energy Tove Halvorsen has promised cheaper power.")
    assert roles["Tove Halvorsen"] == ("Minister of Energy", "energy minister")


@pytest.mark.parametrize(
    ("text", "name", "title", "key"),
    [
        ("Detective Superintendent Ansel Brack said casings were found.", "Ansel Brack",
         "Detective Superintendent", "superintendent"),
        ("Chief Inspector Ansel Brack, who leads the inquiry, spoke.", "Ansel Brack",
         "Chief Inspector", "chief inspector"),
        ("Vessmor head coach Dario Venn praised his substitutes.", "Dario Venn", "head coach",
         "head coach"),
        ("Dr Halima Roskov, the agency's chief medical officer, said more cases were likely.",
         "Halima Roskov", "chief medical officer", "chief medical officer"),
        ("Agency chief executive Dr Halima Roskov said the recall was working.",
         "Halima Roskov", "chief executive", "chief executive"),
        ("Lead investigator Oskar Themm said the boiler had been serviced.", "Oskar Themm",
         "Lead investigator", "investigator"),
        ("Oskar Themm, chief investigator at the safety board, said little.", "Oskar Themm",
         "chief investigator", "chief investigator"),
    ],
)  # fmt: skip
def test_police_ranks_coaches_and_medical_officers_are_titles_without_honorifics(
    text: str, name: str, title: str, key: str
) -> None:
    roles = _roles(load_nlp(Settings()), text)
    assert roles[name] == (title, key)


def test_two_offices_joined_by_and_are_both_held() -> None:
    nlp = load_nlp(Settings())
    text = "Karl Wendt, chairman and chief executive of Norblad, said sales rose."
    facts = extract_person_roles(parse_article(Article(id="a", source="a", text=text), nlp))
    assert {(f.subject, f.predicate) for f in facts} == {
        ("Karl Wendt", "chairman"),
        ("Karl Wendt", "chief executive"),
    }


def test_an_office_before_and_is_shared_only_when_written_alike() -> None:
    nlp = load_nlp(Settings())
    text = "The talks were led by General Secretary and President Maria Lopez in the capital."
    facts = extract_person_roles(parse_article(Article(id="a", source="a", text=text), nlp))
    assert {f.predicate for f in facts} == {"general secretary", "president"}
    other = "Talks between the prime minister and President Emmanuel Macron ended late."
    assert _roles(nlp, other) == {"Emmanuel Macron": ("President", "president")}


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("caretaker manager", "caretaker manager"),
        ("Interim Manager", "interim manager"),
        ("Detective Sergeant", "sergeant"),
        ("Chief Medical Officer", "chief medical officer"),
    ],
)
def test_a_stand_in_s_word_stays_in_the_key_and_a_branch_word_does_not(
    title: str, key: str
) -> None:
    assert title_key(title) == key


def test_british_judges_styles_name_their_court(nlp: Nlp) -> None:
    text = (
        "Mr Justice Corwin Ashdale sentenced the men at the Old Bailey. Lord Justice Imelda "
        "Varro heard the appeal. Recorder Tobias Quill adjourned the second trial."
    )
    roles = _roles(nlp, text)
    assert roles["Corwin Ashdale"] == ("Mr Justice", "justice")
    assert roles["Imelda Varro"] == ("Lord Justice", "lord justice")
    assert roles["Tobias Quill"] == ("Recorder", "recorder")


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ('"We are on track," said Tomas Ferrel, Brightwater Foods\' chief operating officer.',
         "Tomas Ferrel", "chief operating officer"),
        ("Nadia Orlen, Velstrom's chief executive, told investors the plant would reopen.",
         "Nadia Orlen", "chief executive"),
    ],
)  # fmt: skip
def test_an_appositive_title_owned_by_a_company_of_one_or_more_words(
    nlp: Nlp, text: str, name: str, title: str
) -> None:
    assert _roles(nlp, text)[name] == (title, title)
