"""Estimates "at" an amount: what is valued, and by whom."""

from __future__ import annotations

from consilience.extract import extract_facts
from consilience.extract.nlp import Nlp, parse_article
from consilience.models import Article, Fact


def facts_of(nlp: Nlp, text: str) -> list[Fact]:
    doc = Article(id="a", source="a.txt", text=text, outlet="a", published=None)
    return [f for f in extract_facts(parse_article(doc, nlp)) if f.kind == "quantity"]


def test_an_amount_a_loss_is_estimated_at_measures_the_loss(nlp: Nlp) -> None:
    text = "The insurer estimated the losses from the flood at 12 million pounds."
    (loss,) = facts_of(nlp, text)
    assert (loss.subject, loss.predicate, loss.number) == ("loss", "estimate", 12e6)
    assert [r.name for r in loss.roles if r.role == "agent"] == ["insurer"]


def test_it_in_a_reported_estimate_is_whoever_said_so(nlp: Nlp) -> None:
    text = "The port authority said it estimated the cost of repairs at $30 million."
    (cost,) = facts_of(nlp, text)
    assert cost.subject == "cost"
    assert [r.name for r in cost.roles if r.role == "agent"] == ["port authority"]
