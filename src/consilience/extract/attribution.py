"""Who the article says is speaking: a quote's speaker, "according to X", "X said".

A fact the reporter states in their own voice has no attribution (None). A fact inside a
direct quote belongs to the quote's speaker; otherwise a sentence that reports speech
("according to state media", "Rein said that ...") attributes its facts to that source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from consilience.extract.names import clean_name
from consilience.extract.nlp import ParsedArticle, sentence_at
from consilience.extract.quotes import Quote, find_quotes, nearest_person_before

__all__ = ["SOURCE_NOUNS", "attribution_at"]

# Verbs whose subject is the source of what the sentence reports. Narrower than the quote
# verbs: "announce", "urge" or "call" report actions as often as they report claims.
REPORTING_LEMMAS = frozenset(
    {"say", "tell", "state", "report", "add", "note", "claim", "estimate", "write", "warn",
     "insist", "argue", "predict", "explain", "confirm", "caution", "acknowledge"}
)  # fmt: skip
# Unnamed sources a sentence may cite ("state media", "officials", "sources close to ...").
SOURCE_NOUNS = frozenset(
    {"media", "officials", "official", "sources", "source", "data", "statistics", "figures",
     "ministry", "government", "police", "authorities", "analysts", "agency", "report",
     "reports", "statement", "estimates", "spokesperson", "spokesman", "spokeswoman",
     "economists", "experts", "survey", "poll", "study", "researchers", "organisers",
     "organizers"}
)  # fmt: skip
_PRONOUNS = frozenset({"he", "she"})
# Conjunctions opening a clause that sets another party against the main one.
_CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})
# "according to" is followed by at most this many words naming the source.
MAX_SOURCE_WORDS = 6
_ACCORDING_TO = re.compile(r"\baccording to\s+(?:the\s+)?(?P<who>[^,.;:()“”\"]+)", re.I)
_SAID_WORDS = (
    "said|says|say|told|tells|stated|states|reported|reports|added|adds|noted|notes|"
    "claimed|claims|estimated|estimates|wrote|writes|warned|warns|insisted|argued|predicted|"
    "explained|confirmed|cautioned|acknowledged"
)
_NAME = r"(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*"
_WHO_SAID = re.compile(
    rf"(?P<who>{_NAME}|\b[Hh]e|\b[Ss]he|(?:\w+\s+){{0,2}}(?:{'|'.join(SOURCE_NOUNS)})"
    rf"(?:\s+\w+){{0,4}}?)\s+(?:\w+ly\s+)?(?:{_SAID_WORDS})\b"
)
_SAID_WHO = re.compile(rf"\b(?:said|says|told)\s+(?P<who>{_NAME})")


def attribution_at(
    parsed: ParsedArticle, start: int, end: int, quotes: Sequence[Quote] | None = None
) -> str | None:
    """Who the article says states ``article.text[start:end]``, or None for the reporter.

    Pass ``quotes`` (from ``find_quotes``) when calling for many spans of one article.
    """
    found = find_quotes(parsed) if quotes is None else quotes
    text = parsed.article.text
    # A whole quoted sentence ("“That’s why ... this week.") carries its quote marks.
    inner_start = start + len(text[start:end]) - len(text[start:end].lstrip(_QUOTE_EDGES))
    inner_end = start + len(text[start:end].rstrip(_QUOTE_EDGES))
    for quote in found:
        if quote.start <= inner_start and inner_end <= quote.end:
            return quote.speaker or None
    sentence = sentence_at(parsed, start)
    if sentence is None:
        return None
    aliases = parsed.aliases
    return (
        _according_to(parsed, sentence.start, sentence.text, aliases)
        or _governing_source(parsed, start, end, aliases)
        or _reported_by(parsed, sentence.start, sentence.end, aliases)
    )


_QUOTE_EDGES = " \t\n\"“”‘’'"


def _name_at(parsed: ParsedArticle, start: int, end: int, aliases: dict[str, str]) -> str | None:
    """The named entity at the start of ``text[start:end]``, by its fullest name."""
    for entity in parsed.entities:
        if start <= entity.start < end and not parsed.article.text[start : entity.start].strip(
            " \t"
        ):
            name = clean_name(entity.text, entity.label)
            return aliases.get(name, name) or None
    return None


def _according_to(
    parsed: ParsedArticle, offset: int, text: str, aliases: dict[str, str]
) -> str | None:
    match = _ACCORDING_TO.search(text)
    if match is None:
        return None
    who_start = offset + match.start("who")
    words = match.group("who").split()[:MAX_SOURCE_WORDS]
    nouns = [index for index, word in enumerate(words) if word.lower() in SOURCE_NOUNS]
    if nouns:
        return " ".join(words[: nouns[-1] + 1])  # "Chinese state media", "official data"
    return _name_at(parsed, who_start, who_start + len(match.group("who")), aliases)


def _reported_by(
    parsed: ParsedArticle, start: int, end: int, aliases: dict[str, str]
) -> str | None:
    doc: Any = parsed.doc
    if doc is None:
        return _reported_by_pattern(parsed, start, end, aliases)
    span = doc.char_span(start, end, alignment_mode="expand")
    for token in span if span is not None else ():
        if token.pos_ != "VERB" or token.lemma_.lower() not in REPORTING_LEMMAS:
            continue
        if _subordinate(token):
            continue  # "X joined, while Y said they would wait": Y reports only their clause
        for child in token.children:
            if child.dep_ != "nsubj":
                continue
            source = _source_from_token(parsed, child, aliases)
            if source:
                return source
    return None


def _governing_source(
    parsed: ParsedArticle, start: int, end: int, aliases: dict[str, str]
) -> str | None:
    """The source of the reporting verb the span itself hangs from: in "police estimated
    45,000, while organisers said 120,000", each figure has its own source."""
    doc: Any = parsed.doc
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return None
    token: Any = span.root
    while token.head.i != token.i:
        token = token.head
        if token.pos_ == "VERB" and _reports(token):
            for child in token.children:
                if child.dep_ == "nsubj" and (source := _source_from_token(parsed, child, aliases)):
                    return source
    return None


def _reports(verb: Any) -> bool:
    """A reporting verb, or "put ... at N", an estimate ("organisers put the figure at")."""
    lemma = verb.lemma_.lower()
    if lemma in REPORTING_LEMMAS:
        return True
    return lemma == "put" and any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children)


def _subordinate(verb: Any) -> bool:
    """A reporting verb in a contrasting or relative clause speaks only for that clause."""
    if verb.dep_ == "relcl":
        return True
    return verb.dep_ == "advcl" and any(
        child.dep_ == "mark" and child.lower_ in _CONTRAST_MARKS for child in verb.children
    )


def _source_from_token(parsed: ParsedArticle, token: Any, aliases: dict[str, str]) -> str | None:
    if token.lower_ in _PRONOUNS:
        return nearest_person_before(parsed, token.idx, aliases)
    if token.ent_type_ and token.ent_type_ != "DATE":
        entity = next((e for e in parsed.entities if e.start <= token.idx < e.end), None)
        # A tagger may join a list into one entity ("Lam, Xi"); then the word itself names.
        text = entity.text if entity is not None and "," not in entity.text else token.text
        name = clean_name(text, entity.label if entity is not None else "PERSON")
        return aliases.get(name, name) or None
    if token.lemma_.lower() in SOURCE_NOUNS or token.lower_ in SOURCE_NOUNS:
        words = [t for t in token.subtree if not t.is_punct]
        return " ".join(t.text for t in words[:MAX_SOURCE_WORDS])
    return None


def _reported_by_pattern(
    parsed: ParsedArticle, start: int, end: int, aliases: dict[str, str]
) -> str | None:
    text = parsed.article.text[start:end]
    match = _WHO_SAID.search(text) or _SAID_WHO.search(text)
    if match is None:
        return None
    who = match.group("who").strip()
    who_start = start + match.start("who")
    if who.lower() in _PRONOUNS:
        return nearest_person_before(parsed, who_start, aliases)
    if any(word.lower() in SOURCE_NOUNS for word in who.split()):
        return who
    name = _name_at(parsed, who_start, who_start + len(who), aliases)
    if name is None:
        cleaned = clean_name(who)
        return aliases.get(cleaned, cleaned) if cleaned in aliases else None
    return name
