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


def test_the_casualties_said_to_be_an_enumeration_are_counted(nlp: Nlp) -> None:
    text = "The surgeon said the injured were two men and an elderly woman."
    facts = [f for f in quantities(text, nlp) if f.predicate == "injure"]
    assert [f.number for f in facts] == [3.0]


def test_a_total_before_its_enumeration_is_the_count_once(nlp: Nlp) -> None:
    text = "Police said three other people - two women and a 16-year-old boy - were wounded."
    facts = [f for f in quantities(text, nlp) if f.predicate == "wound"]
    assert [f.number for f in facts] == [3.0]


def test_an_amount_after_worth_values_the_noun_it_follows_or_completes(nlp: Nlp) -> None:
    text = "The ministers signed nine contracts worth $40 million."
    signed = only([f for f in quantities(text, nlp) if f.unit is not None])
    assert (signed.subject, signed.predicate, signed.unit) == ("contract", "worth", "USD")
    stated = only(
        quantities("The contracts, covering roads and bridges, are worth $4 million.", nlp)
    )
    assert (stated.subject, stated.predicate) == ("contract", "worth")


def test_a_count_stated_as_what_a_noun_was_counts_that_noun(nlp: Nlp) -> None:
    fact = only(quantities("The turnout was 18,250.", nlp))
    assert (fact.subject, fact.number) == ("turnout", 18250.0)


def test_a_number_that_is_some_kind_of_people_counts_them(nlp: Nlp) -> None:
    text = "Nine of those who were rescued are firefighters."
    fact = only(quantities(text, nlp))
    assert (fact.subject, fact.value) == ("firefighter", "Nine")


def test_the_whole_of_a_fronted_partitive_keeps_its_own_verb(nlp: Nlp) -> None:
    text = "Of the 60 students who sat the exam, 12 have failed it."
    whole, part = quantities(text, nlp)
    assert (whole.number, whole.predicate) == (60.0, "sit")
    assert (part.number, part.predicate) == (12.0, "fail")


def test_a_verb_joined_to_the_clause_counts_the_clause_subject(nlp: Nlp) -> None:
    text = "The number of families told to leave their farms rose to 1,400 during the day."
    fact = only(quantities(text, nlp))
    assert (fact.subject, fact.number) == ("family", 1400.0)


def test_it_in_a_participle_clause_is_the_main_clause_object(nlp: Nlp) -> None:
    text = "The regulator raised the levy, taking it from 6% to 7.5%."
    old, new = quantities(text, nlp)
    assert (old.subject, old.number, old.predicate) == ("levy", 6.0, "compare")
    assert (new.subject, new.number) == ("levy", 7.5)
    assert new.predicate != "compare"


def test_people_told_or_ordered_to_leave_are_evacuated(nlp: Nlp) -> None:
    for text in (
        "About 600 villagers were ordered to leave the valley on Sunday.",
        "The number of families told to leave their farms rose to 1,400 during the day.",
    ):
        assert only(quantities(text, nlp)).predicate == "evacuate", text
