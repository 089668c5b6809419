"""Counts of people hurt badly are their own figure, a part of all the injured."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from consilience.extract import extract_facts
from consilience.extract.nlp import Nlp, parse_article
from consilience.extract.quantity_severity import severity_after
from consilience.models import Article, Fact
from factories import findings_of

NOON = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


def article(name: str, text: str, hours_later: int = 0) -> Article:
    published = NOON + timedelta(hours=hours_later)
    return Article(id=name, source=f"{name}.txt", text=text, outlet=name, published=published)


def facts_of(nlp: Nlp, text: str) -> list[Fact]:
    return [f for f in extract_facts(parse_article(article("a", text), nlp)) if f.number]


def test_words_after_a_count_say_how_badly_people_were_hurt() -> None:
    assert severity_after(" of them critically.") == "critically"
    assert severity_after(" remain in a serious condition") == "seriously"
    assert severity_after(" passengers were badly hurt") == "seriously"
    assert severity_after(" were treated at the scene") is None


def test_a_count_in_a_serious_condition_is_people_seriously_injured(nlp: Nlp) -> None:
    text = "Of the 14 hurt in the crash, three are in a serious condition in hospital."
    three = next(f for f in facts_of(nlp, text) if f.number == 3)
    assert three.about == "people seriously injured"


def test_the_seriously_injured_agree_and_never_clash_with_all_injured(nlp: Nlp) -> None:
    wire = article(
        "wire", "Twelve passengers were injured in the bus crash, three of them seriously."
    )
    local = article(
        "local", "Of the 12 injured in the bus crash, three are in a serious condition.", 2
    )
    findings = findings_of(nlp, wire, local)
    assert all(f.status != "conflict" for f in findings)
    three = next(f for f in findings if any(v.value == "three" for v in f.variants))
    assert three.status == "agreed"
