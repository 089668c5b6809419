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

from consilience.extract.ages import extract_ages
from consilience.extract.attribution import attribution_at
from consilience.extract.casualties import event_nouns_as_people
from consilience.extract.claims import extract_claims
from consilience.extract.context import context_lemmas, date_context
from consilience.extract.dates import extract_dates
from consilience.extract.match_minutes import extract_match_minutes
from consilience.extract.names import canonical_names
from consilience.extract.nlp import (
    Nlp,
    ParsedArticle,
    load_nlp,
    parse_article,
    parse_articles,
    sentence_at,
)
from consilience.extract.ordinal_counts import extract_ordinal_counts
from consilience.extract.people import extract_person_roles
from consilience.extract.quantities import extract_quantities
from consilience.extract.quotes import Quote, extract_quotes, find_quotes, quote_facts
from consilience.extract.times import extract_times
from consilience.extract.trial_phases import extract_trial_phases
from consilience.extract.votes import extract_votes
from consilience.models import Analysis, Article, Entity, Fact

__all__ = [
    "Nlp",
    "ParsedArticle",
    "analysis_of",
    "analyze_article",
    "attribution_at",
    "canonical_names",
    "extract_claims",
    "extract_dates",
    "extract_facts",
    "extract_person_roles",
    "extract_quantities",
    "extract_quotes",
    "extract_votes",
    "load_nlp",
    "parse_article",
    "parse_articles",
]


def extract_facts(parsed: ParsedArticle) -> list[Fact]:
    """Every fact of a parsed article, with context and attribution filled, in text order."""
    quotes = find_quotes(parsed)
    votes = extract_votes(parsed)
    facts = [
        *map(event_nouns_as_people, _outside_votes(extract_quantities(parsed), votes)),
        *votes,
        *extract_dates(parsed),
        *extract_ages(parsed),
        *extract_match_minutes(parsed),
        *extract_ordinal_counts(parsed),
        *extract_times(parsed),
        *extract_person_roles(parsed),
        *quote_facts(parsed, quotes),
        *extract_claims(parsed),
        *extract_trial_phases(parsed),
    ]
    contexts: dict[tuple[int, int], tuple[str, ...]] = {}
    finished: dict[Fact, None] = {}  # insertion-ordered set: drops exact duplicates
    for fact in facts:
        where = (fact.evidence.start, fact.evidence.end)
        if where not in contexts:
            contexts[where] = context_lemmas(parsed, *where)
        context = fact.context or contexts[where]
        if fact.kind == "date" and not fact.context:
            context = date_context(context, fact.subject)
        attributed_to = fact.attributed_to
        if attributed_to is None and fact.kind != "quote":
            # The value's own span decides (a number inside a quote belongs to the speaker);
            # a fact without one is judged by its sentence.
            spot = fact.span or fact.evidence
            if fact.kind == "person_role":
                # A title before a name is the writer's wording even when the person goes
                # on to speak ("Health Minister X said ..."); only a quoted one is theirs.
                attributed_to = _speaker_quoting(quotes, spot.start, spot.end)
            elif sentence_at(parsed, spot.start) is not None:
                attributed_to = attribution_at(parsed, spot.start, spot.end, quotes)
        finished[replace(fact, context=context, attributed_to=attributed_to)] = None
    return sorted(finished, key=lambda fact: (fact.evidence.start, fact.kind))


def _outside_votes(quantities: list[Fact], votes: list[Fact]) -> list[Fact]:
    """The quantities that are not one side of a vote split ("7" and "2" of "voted 7-2")."""
    splits = [(v.span.start, v.span.end) for v in votes if v.span is not None]
    return [
        fact
        for fact in quantities
        if fact.span is None
        or not any(fact.span.start < end and start < fact.span.end for start, end in splits)
    ]


def _speaker_quoting(quotes: list[Quote], start: int, end: int) -> str | None:
    """The speaker of the quote holding ``[start, end)``, if any."""
    for quote in quotes:
        if quote.start <= start and end <= quote.end:
            return quote.speaker or None
    return None


def analyze_article(article: Article, nlp: Nlp) -> Analysis:
    """Parse one article and extract its facts; entity names resolved within the article."""
    return analysis_of(parse_article(article, nlp))


def analysis_of(parsed: ParsedArticle) -> Analysis:
    """Extract the facts of a parsed article; entity names resolved within the article."""
    facts = tuple(extract_facts(parsed))
    found = (*parsed.entities, *_names_the_tagger_cut(parsed, facts))
    aliases = canonical_names(found)
    entities = tuple(
        replace(entity, canonical=aliases.get(entity.text, entity.canonical)) for entity in found
    )
    return Analysis(
        article=parsed.article, sentences=parsed.sentences, entities=entities, facts=facts
    )


def _names_the_tagger_cut(parsed: ParsedArticle, facts: tuple[Fact, ...]) -> list[Entity]:
    """People's full names that titles recovered ("General Secretary To [Lam]") as entities.

    The tagger often keeps only the last word of a name after a title; adding the full form
    lets the story's aliases map the short one ("Lam") to it ("To Lam") in every outlet.
    """
    known = {entity.text for entity in parsed.entities}
    added: dict[str, Entity] = {}
    for fact in facts:
        name = fact.subject
        if fact.kind != "person_role" or name in known or name in added:
            continue
        at = parsed.article.text.find(name, fact.evidence.start, fact.evidence.end)
        if at >= 0:
            added[name] = Entity(name, "PERSON", at, at + len(name), name)
    return sorted(added.values(), key=lambda entity: entity.start)
