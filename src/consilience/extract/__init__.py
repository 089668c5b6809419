"""Extraction: from one cleaned article to its sentences, entities and facts.

``analyze_article`` is the stage's entry point: it parses the article once, runs every fact
extractor on that parse, then fills what every fact shares (the content lemmas of its
sentence and who the article says is speaking) in one place.

>>> from consilience.models import Article
>>> from consilience.settings import Settings
>>> nlp = load_nlp(Settings(spacy_model="none"))
>>> text = "Prime Minister Jane Doe said the plan would cost $4 billion."
>>> analysis = analyze_article(Article(id="a1", source="a.txt", text=text), nlp)
>>> [fact.kind for fact in analysis.facts]  # doctest: +SKIP
['person_role', 'quantity']
"""

from __future__ import annotations

from dataclasses import replace

from consilience.extract.attribution import attribution_at
from consilience.extract.claims import extract_claims
from consilience.extract.context import context_lemmas
from consilience.extract.dates import extract_dates
from consilience.extract.names import canonical_names
from consilience.extract.nlp import Nlp, ParsedArticle, load_nlp, parse_article, sentence_at
from consilience.extract.people import extract_person_roles
from consilience.extract.quantities import extract_quantities
from consilience.extract.quotes import extract_quotes, find_quotes, quote_facts
from consilience.models import Analysis, Article, Fact

__all__ = [
    "Nlp",
    "ParsedArticle",
    "analyze_article",
    "attribution_at",
    "canonical_names",
    "extract_claims",
    "extract_dates",
    "extract_facts",
    "extract_person_roles",
    "extract_quantities",
    "extract_quotes",
    "load_nlp",
    "parse_article",
]


def extract_facts(parsed: ParsedArticle) -> list[Fact]:
    """Every fact of a parsed article, with context and attribution filled, in text order."""
    quotes = find_quotes(parsed)
    facts = [
        *extract_quantities(parsed),
        *extract_dates(parsed),
        *extract_person_roles(parsed),
        *quote_facts(parsed, quotes),
        *extract_claims(parsed),
    ]
    contexts: dict[tuple[int, int], tuple[str, ...]] = {}
    finished: dict[Fact, None] = {}  # insertion-ordered set: drops exact duplicates
    for fact in facts:
        where = (fact.evidence.start, fact.evidence.end)
        if where not in contexts:
            contexts[where] = context_lemmas(parsed, *where)
        context = fact.context or contexts[where]
        attributed_to = fact.attributed_to
        if attributed_to is None and fact.kind != "quote":
            # The value's own span decides (a number inside a quote belongs to the speaker);
            # a fact without one is judged by its sentence.
            spot = fact.span or fact.evidence
            if sentence_at(parsed, spot.start) is not None:
                attributed_to = attribution_at(parsed, spot.start, spot.end, quotes)
        finished[replace(fact, context=context, attributed_to=attributed_to)] = None
    return sorted(finished, key=lambda fact: (fact.evidence.start, fact.kind))


def analyze_article(article: Article, nlp: Nlp) -> Analysis:
    """Parse one article and extract its facts; entity names resolved within the article."""
    parsed = parse_article(article, nlp)
    aliases = canonical_names(parsed.entities)
    entities = tuple(
        replace(entity, canonical=aliases.get(entity.text, entity.canonical))
        for entity in parsed.entities
    )
    return Analysis(
        article=article,
        sentences=parsed.sentences,
        entities=entities,
        facts=tuple(extract_facts(parsed)),
    )
