"""Money in deals and spending: one price however a sale is worded, spending on its target."""

from __future__ import annotations

from consilience.extract.nlp import Nlp, parse_article
from consilience.extract.numbers import find_number_expressions, parse_number
from consilience.extract.quantities import extract_quantities
from consilience.models import Article, Fact, Role


def money(text: str, nlp: Nlp) -> Fact:
    """The one money fact of ``text``."""
    facts = extract_quantities(parse_article(Article(id="a1", source="test", text=text), nlp))
    found = [f for f in facts if f.unit not in (None, "%", "pp")]
    assert len(found) == 1, facts
    return found[0]


def test_a_sale_and_a_purchase_of_one_thing_state_one_price(nlp: Nlp) -> None:
    sold = money("Atlas Holdings sold the container port to Harbourline for $2 billion.", nlp)
    bought = money("Harbourline bought the container port from Atlas Holdings for $2 billion.", nlp)
    for fact in (sold, bought):
        assert (fact.subject, fact.predicate, fact.about) == (
            "price",
            "pay",
            "price paid for container port",
        )
        assert Role("agent", "Harbourline") in fact.roles  # the buyer, whoever is the subject
        assert Role("target", "Atlas Holdings") in fact.roles  # the seller
        assert Role("patient", "container port") in fact.roles


def test_a_passive_sale_keeps_buyer_and_seller_apart(nlp: Nlp) -> None:
    fact = money("The hotel was sold by Marlow Group to a Qatari fund for $300 million.", nlp)
    assert (fact.subject, fact.number, fact.unit) == ("price", 3e8, "USD")
    assert Role("agent", "Qatari fund") in fact.roles
    assert Role("target", "Marlow Group") in fact.roles


def test_joining_a_buyer_for_an_amount_is_a_price_with_the_joiner_as_the_thing(nlp: Nlp) -> None:
    fact = money("The software startup joined Siemens for 72 million euros last year.", nlp)
    assert (fact.subject, fact.unit, fact.about) == (
        "price",
        "EUR",
        "price paid for software startup",
    )
    assert Role("agent", "Siemens") in fact.roles


def test_money_paid_for_something_is_its_price_and_a_relative_who_is_the_buyer(nlp: Nlp) -> None:
    fact = money("Allianz, who paid €12m for the unit, declined to comment.", nlp)
    assert (fact.subject, fact.number, fact.about) == ("price", 12e6, "price paid for unit")
    assert Role("agent", "Allianz") in fact.roles


def test_a_fee_after_for_on_a_deal_noun_is_the_price(nlp: Nlp) -> None:
    text = (
        "Harbourline completed the purchase of the port from Atlas for a fee of about $2 billion."
    )
    fact = money(text, nlp)
    assert (fact.subject, fact.hedge, fact.about) == ("price", "about", "price paid for port")
    assert Role("agent", "Harbourline") in fact.roles
    assert Role("target", "Atlas") in fact.roles


def test_a_named_thing_bought_stays_out_of_the_about_phrase(nlp: Nlp) -> None:
    fact = money("Oracle acquired Cerner for $28 billion.", nlp)
    assert (fact.subject, fact.about) == ("price", "price paid")
    assert Role("patient", "Cerner") in fact.roles
    assert Role("agent", "Oracle") in fact.roles


def test_money_spent_or_invested_is_spending_on_its_target(nlp: Nlp) -> None:
    spent = money("The government has spent £155m on new hospitals this year.", nlp)
    invested = money("The council invested 40 million pounds in social housing.", nlp)
    assert (spent.subject, spent.about, spent.unit) == (
        "spending",
        "spending on new hospitals",
        "GBP",
    )
    assert Role("target", "new hospitals") in spent.roles
    assert (invested.subject, invested.about) == ("spending", "spending on social housing")
    assert spent.predicate == invested.predicate == "spend"


def test_a_negated_upper_bound_is_at_most_and_per_item(nlp: Nlp) -> None:
    fact = money("The city had not spent more than £30m on a single bridge before 2020.", nlp)
    assert (fact.hedge, fact.number, fact.unit) == ("up to", 30e6, "GBP")
    assert (fact.subject, fact.about) == ("bridge", "amount per bridge")  # not total spending


def test_an_amount_a_negated_verb_denies_states_nothing(nlp: Nlp) -> None:
    text = "The ministry did not spend $4 billion on roads."
    facts = extract_quantities(parse_article(Article(id="a1", source="t", text=text), nlp))
    assert facts == []


def test_millions_of_pounds_are_sterling_but_pounds_of_a_load_are_weight() -> None:
    (sterling,) = find_number_expressions("They sold the farm for 20 million pounds in May.")
    assert (sterling.text, sterling.number.value, sterling.number.unit) == (
        "20 million pounds",
        2e7,
        "GBP",
    )
    (weight,) = find_number_expressions("The plant shipped 2 million pounds of beef.")
    assert (weight.text, weight.number.unit) == ("2 million", None)
    parsed = parse_number("about two billion pounds")
    assert parsed is not None and parsed.unit == "GBP"
    assert find_number_expressions("He weighed 200 pounds.")[0].number.unit is None


def test_a_glued_point_change_counts_the_rate_that_moved(nlp: Nlp) -> None:
    text = "The central bank announced a half-point rise in its main lending rate."
    facts = extract_quantities(parse_article(Article(id="a1", source="t", text=text), nlp))
    assert len(facts) == 1
    assert (facts[0].subject, facts[0].number, facts[0].unit) == ("rate", 0.5, "pp")


def test_a_headline_without_a_full_stop_does_not_run_into_the_first_sentence(nlp: Nlp) -> None:
    text = (
        "Atlas cashes in as port heads to Harbourline\n\n"
        "Atlas Holdings has sold the port to Harbourline for $2 billion."
    )
    fact = money(text, nlp)
    assert Role("target", "Atlas Holdings") in fact.roles
    assert Role("agent", "Harbourline") in fact.roles
