"""Percents read from their clause: an earlier occasion's figure, a candidate's share."""

from __future__ import annotations

from consilience.extract import extract_facts
from consilience.extract.nlp import Nlp, parse_article
from consilience.models import Article, Fact


def facts_of(nlp: Nlp, text: str) -> list[Fact]:
    doc = Article(id="a", source="a.txt", text=text, outlet="a", published=None)
    return [f for f in extract_facts(parse_article(doc, nlp)) if f.kind == "quantity"]


def test_the_rate_at_the_last_census_is_an_earlier_rate(nlp: Nlp) -> None:
    text = "Literacy was 91.5%, well above the 84.2% measured at the previous census in 2015."
    by_value = {f.value: f for f in facts_of(nlp, text)}
    assert by_value["84.2%"].predicate == "compare"
    assert "earlier" in by_value["84.2%"].about
    assert by_value["91.5%"].predicate != "compare"


def test_a_candidate_who_led_with_a_percent_holds_that_share(nlp: Nlp) -> None:
    text = "Mara Quell, the mayor, led the first round with 41.3% on Sunday."
    (share,) = facts_of(nlp, text)
    assert (share.subject, share.about, share.number) == (
        "share",
        "Mara Quell share of the vote",
        41.3,
    )


def test_a_percent_after_a_second_name_is_that_names_share(nlp: Nlp) -> None:
    text = "Mara Quell won 41.3% of the vote and Tomas Eld 30.2%."
    by_value = {f.value: f for f in facts_of(nlp, text)}
    assert by_value["30.2%"].about == "Tomas Eld share of the vote"
