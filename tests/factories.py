"""Builders shared by the alignment tests: articles and facts as extract/ would make them."""

from __future__ import annotations

from consilience.align import align_facts
from consilience.compare import compare_slots
from consilience.extract import extract_facts
from consilience.extract.nlp import Nlp, parse_article
from consilience.models import Article, Evidence, Fact, FactKind, Finding, Role, Slot

__all__ = ["make_article", "make_fact", "slot_of"]


def make_article(article_id: str, *sentences: str) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=" ".join(sentences))


def make_fact(
    article: Article,
    sentence: str,
    kind: FactKind,
    subject: str,
    value: str,
    *,
    about: str = "",
    context: str = "",
    number: float | None = None,
    unit: str | None = None,
    hedge: str | None = None,
    predicate: str | None = None,
    roles: tuple[Role, ...] = (),
) -> Fact:
    """A fact as extract/ would build it, with offsets into the article's text."""
    start = article.text.index(sentence)
    evidence = Evidence(article.id, sentence, start, start + len(sentence))
    span = None
    if value in sentence:
        span_start = start + sentence.index(value)
        span = Evidence(article.id, value, span_start, span_start + len(value))
    return Fact(
        kind=kind,
        article=article.id,
        subject=subject,
        about=about or f"{subject} {predicate or ''}".strip(),
        value=value,
        evidence=evidence,
        number=number,
        unit=unit,
        hedge=hedge,
        span=span,
        predicate=predicate,
        roles=roles,
        context=tuple(sorted(set(context.split()))),
    )


def slot_of(slots: list[Slot], fact: Fact) -> Slot:
    return next(slot for slot in slots if fact in slot.facts)


def findings_of(nlp: Nlp, *articles: Article) -> list[Finding]:
    """The findings of ``articles`` read as one story: extracted, aligned and compared."""
    facts: list[Fact] = [f for a in articles for f in extract_facts(parse_article(a, nlp))]
    return compare_slots(align_facts(facts, {}), {a.id: a for a in articles})
