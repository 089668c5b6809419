"""Sizes of wholes, vote shares, turnouts of an action, owners of a levy and taking verbs."""

from __future__ import annotations

import pytest

from consilience.extract.nlp import Nlp, parse_article
from consilience.extract.quantities import extract_quantities
from consilience.models import Article, Fact, Role


def quantities(text: str, nlp: Nlp) -> list[Fact]:
    article = Article(id="a1", source="test", text=text)
    return extract_quantities(parse_article(article, nlp))


def by_value(facts: list[Fact], value: str) -> Fact:
    found = [fact for fact in facts if fact.value == value]
    assert len(found) == 1, facts
    return found[0]


def test_a_number_glued_to_a_seat_noun_sizes_the_body(nlp: Nlp) -> None:
    facts = quantities("The ruling bloc lost control of the 450-seat assembly in March.", nlp)
    fact = by_value(facts, "450")
    assert (fact.subject, fact.about, fact.predicate) == (
        "seat",
        "total seats of the assembly",
        None,
    )


def test_members_of_a_seated_body_are_its_seats(nlp: Nlp) -> None:
    fact = by_value(quantities("Voters will choose a new 45-member senate next year.", nlp), "45")
    assert (fact.subject, fact.about) == ("seat", "total seats of the senate")


def test_a_strong_compound_counts_the_crowd(nlp: Nlp) -> None:
    fact = by_value(quantities("A 5,000-strong crowd marched to the ministry.", nlp), "5,000")
    assert fact.subject == "crowd"


def test_ceremonial_compounds_are_no_quantities(nlp: Nlp) -> None:
    facts = quantities("The king was greeted with a 21-gun salute at the harbour.", nlp)
    assert not [fact for fact in facts if fact.number == 21.0]


def test_the_whole_of_a_partitive_is_the_total_not_the_part(nlp: Nlp) -> None:
    facts = quantities("The Farmers' League won 40 of the parliament's 120 seats.", nlp)
    part, whole = by_value(facts, "40"), by_value(facts, "120")
    assert part.predicate == "win"
    assert (whole.subject, whole.about, whole.predicate) == (
        "seat",
        "total seats of the parliament",
        None,
    )


def test_an_elided_count_borrows_the_noun_of_the_sentence_before(nlp: Nlp) -> None:
    text = "The Liberals had 30 seats in the old house. The Greens won 12, up from five."
    fact = by_value(quantities(text, nlp), "12")
    assert (fact.subject, fact.predicate) == ("seat", "win")
    assert Role("agent", "Greens") in fact.roles


def test_a_poll_puts_a_party_on_a_share_the_pollster_is_the_agent(nlp: Nlp) -> None:
    fact = by_value(quantities("A survey by Civis Polling put the party on 24%.", nlp), "24%")
    assert fact.subject == "share"
    assert "party" in fact.about
    assert all(role.name != "party" for role in fact.roles)


def test_a_percent_of_the_vote_is_the_share_of_the_party_not_its_action(nlp: Nlp) -> None:
    text = "Analysts expect that the Farmers' League will take 28% of the vote."
    fact = by_value(quantities(text, nlp), "28%")
    assert fact.subject == "share"
    assert fact.about.endswith("share of the vote")
    assert not [role for role in fact.roles if role.role == "agent"]


def test_an_amount_in_apposition_is_no_move_of_the_verb(nlp: Nlp) -> None:
    text = "The party's share of the vote, 29.5%, fell within the pollsters' range."
    fact = by_value(quantities(text, nlp), "29.5%")
    assert fact.subject == "share"
    assert fact.predicate is None


@pytest.mark.parametrize(
    "sentence",
    [
        "About 500 nurses downed tools on Monday after pay talks collapsed.",
        "About 500 nurses walked out at the city hospital on Monday.",
        "Some 500 nurses have joined the walkout at the city hospital.",
        "About 500 nurses are taking part in the strike at the city hospital.",
        "About 500 nurses stopped work at the city hospital on Monday.",
    ],
)
def test_people_taking_part_in_an_action_share_one_predicate(nlp: Nlp, sentence: str) -> None:
    fact = by_value(quantities(sentence, nlp), sentence.split(" nurses")[0])
    assert (fact.subject, fact.predicate) == ("nurse", "participate")
    assert fact.about == "nurses taking part"
    assert all(role.role == "agent" for role in fact.roles)


def test_joining_a_company_is_no_action(nlp: Nlp) -> None:
    fact = by_value(
        quantities("About 500 engineers joined the company last year.", nlp), "About 500"
    )
    assert fact.predicate == "join"


def test_hyphenated_modifiers_stay_whole_in_about(nlp: Nlp) -> None:
    facts = quantities("The budget includes a $2 billion high-speed railway to the coast.", nlp)
    assert by_value(facts, "$2 billion").about == "high-speed railway"


def test_the_owner_of_a_levy_is_its_agent_not_who_tries_to_reduce_it(nlp: Nlp) -> None:
    text = "Freedonia is trying to avoid a possible 30% EU levy on its steel."
    fact = by_value(quantities(text, nlp), "30%")
    assert Role("agent", "EU") in fact.roles
    assert Role("agent", "Freedonia") not in fact.roles
    assert fact.predicate is None
    assert "EU levy" in fact.about


def test_who_faces_a_tariff_is_its_target(nlp: Nlp) -> None:
    fact = by_value(quantities("Freedonia faces 20% duties from Ruritania.", nlp), "20%")
    assert Role("target", "Freedonia") in fact.roles
    assert Role("agent", "Ruritania") in fact.roles


@pytest.mark.parametrize("verb", ["embezzled", "siphoned", "diverted"])
def test_verbs_of_unlawful_taking_report_money_taken(nlp: Nlp, verb: str) -> None:
    fact = by_value(
        quantities(f"The treasurer {verb} $3 million from the club.", nlp), "$3 million"
    )
    assert (fact.subject, fact.predicate) == ("money", "take")
    assert fact.about.startswith("money taken")


def test_a_level_participle_measures_the_noun_it_follows(nlp: Nlp) -> None:
    text = "Ruritania is Freedonia's biggest customer, with sales topping $12 billion last year."
    fact = by_value(quantities(text, nlp), "$12 billion")
    assert fact.subject == "sale"


def test_a_participle_after_the_counted_noun_is_its_predicate(nlp: Nlp) -> None:
    text = (
        "By noon the airport had 35 flights waiting on the tarmac. "
        "Later the number of flights waiting on the tarmac rose to 52."
    )
    facts = quantities(text, nlp)
    earlier, later = by_value(facts, "35"), by_value(facts, "52")
    assert (earlier.subject, earlier.predicate) == ("flight", "wait")
    assert (later.subject, later.predicate) == ("flight", "wait")
