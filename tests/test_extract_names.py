"""canonical_names: every way a text writes a name maps to one display name."""

from __future__ import annotations

from consilience.extract.names import canonical_names, clean_name, split_title
from consilience.models import Entity


def _ents(*pairs: tuple[str, str]) -> list[Entity]:
    return [Entity(text, label, 0, len(text), text) for text, label in pairs]


def test_a_surname_alone_maps_to_the_one_full_name_containing_it() -> None:
    aliases = canonical_names(_ents(("Donald Trump", "PERSON"), ("Trump", "PERSON")))
    assert aliases["Trump"] == "Donald Trump"


def test_a_surname_first_short_form_maps_to_the_full_name() -> None:
    aliases = canonical_names(_ents(("Xi Jinping", "PERSON"), ("Xi", "PERSON")))
    assert aliases["Xi"] == "Xi Jinping"


def test_an_ambiguous_short_name_stays_as_written() -> None:
    aliases = canonical_names(
        _ents(("Joe Biden", "PERSON"), ("Hunter Biden", "PERSON"), ("Biden", "PERSON"))
    )
    assert aliases["Biden"] == "Biden"


def test_titles_possessives_and_the_are_stripped_before_matching() -> None:
    aliases = canonical_names(
        _ents(("Xi Jinping", "PERSON"), ("President Xi", "PERSON"), ("Xi’s", "PERSON"))
    )
    assert aliases["President Xi"] == "Xi Jinping"
    assert aliases["Xi’s"] == "Xi Jinping"


def test_dotted_undotted_and_acronym_forms_of_a_country_are_one_name() -> None:
    aliases = canonical_names(_ents(("U.S.", "GPE"), ("US", "GPE"), ("the United States", "GPE")))
    assert aliases["U.S."] == aliases["US"] == aliases["the United States"] == "United States"


def test_an_acronym_of_an_organisation_skipping_of_maps_to_its_full_name() -> None:
    aliases = canonical_names(
        _ents(
            ("Commercial Aircraft Corporation of China", "ORG"),
            ("COMAC", "ORG"),
            ("Comac", "ORG"),
        )
    )
    assert aliases["COMAC"] == aliases["Comac"] == "Commercial Aircraft Corporation of China"


def test_an_ordinary_word_is_not_taken_for_an_acronym_of_a_two_word_name() -> None:
    aliases = canonical_names(_ents(("Asian", "NORP"), ("Asia News", "ORG")))
    assert aliases["Asian"] == "Asian"


def test_a_nationality_maps_to_its_country_only_when_the_country_is_named() -> None:
    with_country = canonical_names(_ents(("Chinese", "NORP"), ("China", "GPE")))
    without = canonical_names(_ents(("Chinese", "NORP"), ("Vietnam", "GPE")))
    assert with_country["Chinese"] == "China"
    assert without["Chinese"] == "Chinese"


def test_a_bare_title_is_not_a_name() -> None:
    assert clean_name("the Chinese President", "PERSON") == ""


def test_split_title_separates_the_title_as_written() -> None:
    assert split_title("former US President Donald Trump") == (
        "former US President",
        "Donald Trump",
    )
    assert split_title("General Motors") == ("General", "Motors")
    assert split_title("Shaun Rein") == ("", "Shaun Rein")


def test_result_does_not_depend_on_entity_order() -> None:
    ents = _ents(("Trump", "PERSON"), ("Donald Trump", "PERSON"), ("US", "GPE"), ("U.S.", "GPE"))
    assert canonical_names(ents) == canonical_names(list(reversed(ents)))


def test_a_tagged_person_keeps_a_capitalised_function_word_opening_the_name() -> None:
    assert clean_name("To Minh", "PERSON") == "To Minh"
    assert clean_name("the Minh", "PERSON") == "Minh"
    assert clean_name("On Monday Minh", "NAME") == "Monday Minh"


def test_a_short_form_maps_to_a_full_name_opening_with_a_function_word() -> None:
    ents = [Entity("To Minh", "PERSON", 0, 7, "To Minh"), Entity("Minh", "PERSON", 30, 34, "")]
    assert canonical_names(ents)["Minh"] == "To Minh"


def test_a_name_owning_an_organisation_is_cut_to_the_owner() -> None:
    assert clean_name("Ana Brook's Green Alliance", "PERSON") == "Ana Brook"
