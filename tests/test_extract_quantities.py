"""extract_quantities: each amount with its counted thing, predicate, roles and hedge."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.extract.nlp import Nlp, load_nlp, parse_article
from consilience.extract.quantities import extract_quantities
from consilience.models import Article, Fact, Role
from consilience.settings import Settings

SEEDS = Path("/work/shared/corpus/seeds")


@pytest.fixture(scope="module")
def rules() -> Nlp:
    return load_nlp(Settings(spacy_model="none"))


def quantities(text: str, nlp: Nlp) -> list[Fact]:
    article = Article(id="a1", source="test", text=text)
    facts = extract_quantities(parse_article(article, nlp))
    for fact in facts:
        assert fact.kind == "quantity"
        assert fact.span is not None
        assert article.text[fact.span.start : fact.span.end] == fact.span.text
        assert article.text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
    return facts


def only(facts: list[Fact]) -> Fact:
    assert len(facts) == 1, facts
    return facts[0]


def test_a_hedged_count_gives_its_noun_verb_and_agent(nlp: Nlp) -> None:
    fact = only(quantities("The company has signed about 40 supply agreements with Ford.", nlp))
    assert (fact.subject, fact.value, fact.number, fact.hedge) == (
        "agreement",
        "about 40",
        40.0,
        "about",
    )
    assert fact.predicate == "sign"
    assert fact.about == "supply agreements signed"
    assert Role("agent", "company") in fact.roles or fact.roles[0].role == "agent"


def test_roles_separate_who_imposed_a_tariff_on_whom(nlp: Nlp) -> None:
    text = (
        "The European Union imposed a 25 percent tariff on Brazilian steel. "
        "Brazil retaliated by raising levies on European cars to 30%."
    )
    first, second = quantities(text, nlp)
    assert (first.subject, first.number, first.unit, first.predicate) == (
        "tariff",
        25.0,
        "%",
        "impose",
    )
    assert first.about == "tariff on Brazilian steel"
    assert Role("agent", "European Union") in first.roles
    assert Role("target", "Brazilian steel") in first.roles
    assert (second.subject, second.number, second.predicate) == ("levy", 30.0, "raise")
    assert Role("agent", "Brazil") in second.roles
    assert Role("target", "European cars") in second.roles


def test_money_counts_the_noun_it_modifies_or_is_worth(nlp: Nlp) -> None:
    text = (
        "The city will build a $2.5 billion tunnel. It imported roughly $30 billion worth of oil."
    )
    tunnel, oil = quantities(text, nlp)
    assert (tunnel.subject, tunnel.number, tunnel.unit) == ("tunnel", 2.5e9, "USD")
    assert (oil.subject, oil.hedge, oil.unit) == ("oil", "about", "USD")


def test_percent_after_of_counts_the_noun_before_it(nlp: Nlp) -> None:
    fact = only(quantities("Washington proposed new duties of up to 46 percent on imports.", nlp))
    assert (fact.subject, fact.number, fact.hedge, fact.unit) == ("duty", 46.0, "up to", "%")


@pytest.mark.parametrize(
    ("text", "count", "predicate"),
    [
        ("Two women and an infant were killed in the blast.", 3, "kill"),
        ("Another man and woman were injured.", 2, "injure"),
        ("One person died at the scene.", 1, "die"),
        ("Police said three people were killed.", 3, "kill"),
        ("Officers responded to a triple shooting downtown.", 3, "shoot"),
    ],
)
def test_casualty_counts_use_people_and_the_verb(text: str, count: int, predicate: str) -> None:
    for engine in (load_nlp(Settings()), load_nlp(Settings(spacy_model="none"))):
        facts = [f for f in quantities(text, engine) if f.predicate == predicate]
        assert facts, (engine.name, text)
        assert (facts[0].subject, facts[0].number) == ("people", count)


def test_a_man_shot_and_killed_is_one_shot_and_one_killed(nlp: Nlp) -> None:
    facts = quantities("A man was shot and killed on Sunday night.", nlp)
    assert {(f.predicate, f.number) for f in facts} == {("shoot", 1.0), ("kill", 1.0)}


@pytest.mark.parametrize(
    "text",
    [
        "The factory opened in 2019 and closed on April 14.",
        "The meeting starts at 5 p.m. in Room 12.",
        "Jane Doe, 45, was aged 45 when she left after 18 months.",
        "Call 555-1234 for details.",
        "The G7 and the COVID-19 response were discussed on his second visit.",
        "The two countries held a two-day summit.",
    ],
)
def test_dates_times_ages_labels_and_names_are_not_quantities(text: str, nlp: Nlp) -> None:
    assert quantities(text, nlp) == []
    assert quantities(text, load_nlp(Settings(spacy_model="none"))) == []


def test_fallback_reads_the_noun_phrase_after_the_number(rules: Nlp) -> None:
    fact = only(quantities("The government approved 120 new schools last year.", rules))
    assert (fact.subject, fact.number, fact.predicate) == ("school", 120.0, "approve")


def test_fallback_reads_the_noun_before_of_for_percent(rules: Nlp) -> None:
    fact = only(quantities("Washington slapped tariffs of 145% on the goods.", rules))
    assert (fact.subject, fact.unit) == ("tariff", "%")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")
@pytest.mark.parametrize("engine", ["auto", "none"])
def test_seed_articles_give_exact_offsets(engine: str) -> None:
    engine_nlp = load_nlp(Settings(spacy_model=engine))
    for path in sorted(SEEDS.glob("*.txt")):
        facts = quantities(path.read_text(encoding="utf-8"), engine_nlp)
        for fact in facts:
            assert fact.subject
            assert fact.span is not None and fact.span.text in fact.evidence.text


def test_money_with_no_counted_noun_is_money_moved(nlp: Nlp) -> None:
    for text in (
        "The treasurer diverted $31 million from the charity.",
        "Investigators said $31 million had been moved out of the charity.",
    ):
        fact = only(quantities(text, nlp))
        assert (fact.subject, fact.number, fact.unit) == ("money", 31e6, "USD"), text


def test_partitive_and_elliptical_counts_borrow_the_counted_noun(nlp: Nlp) -> None:
    text = "The Liberals won 40 of the 90 seats. The Greens won 12, their best result."
    facts = quantities(text, nlp)
    assert {(f.subject, f.number) for f in facts} >= {("seat", 40.0), ("seat", 12.0)}


def test_prison_terms_are_sentences_whatever_the_verb(nlp: Nlp) -> None:
    text = (
        "A court convicted the banker Mark Doyle of theft. Mark Doyle was jailed for seven "
        "years. His partner received a three-year term. Prosecutors had asked for ten years. "
        "He worked at the bank for nine years."
    )
    facts = {f.value: f for f in quantities(text, nlp)}
    assert facts["seven years"].predicate == "sentence"
    assert Role("target", "Mark Doyle") in facts["seven years"].roles
    assert (facts["three-year"].number, facts["three-year"].predicate) == (3.0, "sentence")
    assert facts["ten years"].predicate == "ask"
    assert "nine years" not in facts


def test_change_and_earlier_figures_are_told_apart(nlp: Nlp) -> None:
    text = (
        "Sales rose to $5.2 billion from $4.1 billion a year earlier. "
        "The unit reported profit of $900 million, up 9%."
    )
    facts = {f.value: f for f in quantities(text, nlp)}
    assert facts["$5.2 billion"].subject == facts["$4.1 billion"].subject == "sale"
    assert facts["$4.1 billion"].about.endswith("a year earlier")
    assert facts["$4.1 billion"].predicate != facts["$5.2 billion"].predicate
    assert (facts["9%"].subject, facts["9%"].predicate) == ("profit", "rise")


def test_about_keeps_hyphens_and_roles_skip_dates_and_numbers(nlp: Nlp) -> None:
    fact = quantities("The firm reported second-quarter sales of $3 billion on Monday.", nlp)[0]
    assert fact.about == "second-quarter sales"
    assert all(r.name not in ("Monday", "3 billion") for r in fact.roles)


def test_a_per_share_amount_is_a_rate(nlp: Nlp) -> None:
    facts = quantities("Net profit was $700 million, or $1.35 a share.", nlp)
    rate = next(f for f in facts if f.number == 1.35)
    assert (rate.subject, rate.about) == ("share", "amount per share")


def test_victims_of_a_relative_clause_or_among_the_dead_are_counted(nlp: Nlp) -> None:
    for text in (
        "Nine people were killed, including two men and a girl who died in the fire.",
        "Among the dead were two men and a girl.",
    ):
        facts = [f for f in quantities(text, nlp) if f.predicate == "die"]
        assert [f.number for f in facts] == [3.0], text
