"""How long a jury deliberated: hours and minutes as one figure, hedged roundings agree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from consilience.extract import extract_facts
from consilience.extract.nlp import Nlp, parse_article
from consilience.models import Article, Fact
from factories import findings_of

NOON = datetime(2026, 6, 9, 12, 0, tzinfo=UTC)


def article(name: str, text: str, hours_later: int = 0) -> Article:
    published = NOON + timedelta(hours=hours_later)
    return Article(id=name, source=f"{name}.txt", text=text, outlet=name, published=published)


def deliberation_facts(nlp: Nlp, text: str) -> list[Fact]:
    facts = extract_facts(parse_article(article("a", text), nlp))
    return [f for f in facts if f.subject == "deliberation"]


def test_hours_and_minutes_of_deliberation_are_one_figure_in_hours(nlp: Nlp) -> None:
    text = "The jurors cleared the nurse after three hours and 15 minutes of deliberation."
    (length,) = deliberation_facts(nlp, text)
    assert (length.value, length.number, length.unit) == (
        "three hours and 15 minutes",
        3.25,
        "hour",
    )


def test_time_taken_to_reach_a_verdict_counts_but_other_durations_do_not(nlp: Nlp) -> None:
    assert deliberation_facts(nlp, "The jury took about four hours to reach its verdict.")
    assert not deliberation_facts(nlp, "The helpline is open 24 hours a day.")
    assert not deliberation_facts(nlp, "He bought the rope two hours earlier.")


def test_a_rounded_deliberation_agrees_with_the_exact_one(nlp: Nlp) -> None:
    exact = article(
        "court", "The jury deliberated for three hours and 50 minutes before convicting Ms Ray."
    )
    rounded = article(
        "daily", "Ms Ray was convicted after the jury deliberated for almost four hours.", 3
    )
    findings = [f for f in findings_of(nlp, exact, rounded) if "deliberat" in f.about]
    assert [f.status for f in findings] == ["agreed"]
