"""Per-fact features are computed once per fact inside a story's alignment, never reused after."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from consilience.align import align_facts
from consilience.align_memo import per_fact, story_features
from consilience.models import Fact
from factories import make_article, make_fact

ARTICLE = make_article("a1", "Floods killed 12 people on Monday.")
SENTENCE = "Floods killed 12 people on Monday."


def deaths() -> Fact:
    return make_fact(ARTICLE, SENTENCE, "quantity", "people", "12", number=12.0, predicate="kill")


def counting_feature() -> tuple[list[Fact], Callable[[Fact], str]]:
    calls: list[Fact] = []

    @per_fact
    def subject(fact: Fact) -> str:
        calls.append(fact)
        return fact.subject

    return calls, subject


def test_a_fact_feature_is_computed_once_inside_a_story() -> None:
    calls, subject = counting_feature()
    fact = deaths()
    with story_features():
        assert [subject(fact), subject(fact)] == ["people", "people"]
    assert calls == [fact]


def test_outside_a_story_every_call_computes() -> None:
    calls, subject = counting_feature()
    fact = deaths()
    subject(fact)
    subject(fact)
    assert len(calls) == 2


def test_the_memory_ends_with_the_outermost_block() -> None:
    calls, subject = counting_feature()
    fact = deaths()
    with story_features():
        with story_features():
            subject(fact)
        subject(fact)  # still remembered: the outer block is open
    with story_features():
        subject(fact)
    assert len(calls) == 2


def test_equal_facts_that_are_two_objects_are_computed_apart() -> None:
    calls, subject = counting_feature()
    first, second = deaths(), deaths()
    assert first == second
    with story_features():
        subject(first)
        subject(second)
    assert calls == [first, second]


def test_a_feature_of_a_fact_and_the_aliases_is_remembered_per_pair_of_objects() -> None:
    calls: list[str] = []

    @per_fact
    def folded(fact: Fact, aliases: Mapping[str, str]) -> str:
        calls.append(fact.subject)
        return aliases.get(fact.subject, fact.subject)

    fact = deaths()
    plain: dict[str, str] = {}
    renamed = {"people": "residents"}
    with story_features():
        assert folded(fact, plain) == "people"
        assert folded(fact, plain) == "people"
        assert folded(fact, renamed) == "residents"
    assert len(calls) == 2


def test_alignment_is_the_same_however_often_it_runs() -> None:
    other = make_article("a2", "Twelve people died in the floods on Monday.")
    facts = [
        deaths(),
        make_fact(
            other,
            "Twelve people died in the floods on Monday.",
            "quantity",
            "people",
            "Twelve",
            number=12.0,
            predicate="die",
        ),
    ]
    first = align_facts(facts, {})
    with story_features():  # an enclosing block keeps features across both runs
        assert align_facts(facts, {}) == first
        assert align_facts(facts, {}) == first
