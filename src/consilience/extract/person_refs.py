"""Which named person a phrase is about: the name it touches, the subject of its clause, or
the person last named before it ("Then came Renwick-Abara. The 20-year-old, ...").

Ages and match minutes are facts about one person; these helpers find that person's name as
the article's entities give it, through the article's aliases to its fullest form.
"""

from __future__ import annotations

import re
from typing import Any

from consilience.extract.nlp import ParsedArticle
from consilience.models import Entity

__all__ = ["canonical", "clause_subject_person", "person_at", "person_before", "person_labels"]

# Entity labels that may name a person: spaCy's PERSON, or any capitalised run without a model.
_PERSON_LABELS = frozenset({"PERSON", "NAME"})
# Capitalised words that are no one's name (the rule tagger takes them for names).
_CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()  # noqa: SIM905
)
_AFTER_PREPOSITION = re.compile(
    r"\b(?:from|at|in|into|on|to|against|for|with|by|of|over|near|since|until|during)\s+(?:[A-Z][\w'’-]*\s+)*$"
)
# Steps up the dependency tree from a phrase to the verb or noun whose subject it concerns.
_MAX_CLIMB = 6


def person_labels() -> frozenset[str]:
    """Entity labels taken as people's names."""
    return _PERSON_LABELS


def canonical(parsed: ParsedArticle, name: str) -> str:
    """The fullest form of a name the article uses ("Renn" -> "Tobiah Renn")."""
    return parsed.aliases.get(name, name)


def person_at(
    parsed: ParsedArticle, start: int, end: int, *, any_label: bool = False
) -> Entity | None:
    """The person entity overlapping ``[start, end)``, if any; ``any_label`` takes any name
    (the small tagger often calls a footballer an ORG), for places where only a person fits."""
    for entity in parsed.entities:
        if (
            (any_label or entity.label in _PERSON_LABELS)
            and entity.start < end
            and start < entity.end
        ):
            return entity
    return None


def person_before(
    parsed: ParsedArticle, offset: int, not_before: int = 0, *, any_label: bool = False
) -> Entity | None:
    """The last person entity ending at or before ``offset`` (and starting after
    ``not_before``); names after a preposition ("joined from Sporting Valmora") are places
    and clubs, and are passed over."""
    text = parsed.article.text
    found = [
        entity
        for entity in parsed.entities
        if (any_label or entity.label in _PERSON_LABELS)
        and not_before <= entity.start
        and entity.end <= offset
        and entity.text.casefold() not in _CALENDAR_WORDS
        and not _AFTER_PREPOSITION.search(text[max(0, entity.start - 60) : entity.start])
    ]
    return max(found, key=lambda entity: entity.end) if found else None


def clause_subject_person(parsed: ParsedArticle, start: int, end: int) -> Entity | None:
    """With a parse: the person who is the subject (or possessor) of what the phrase at
    ``[start, end)`` modifies ("X's 87th-minute winner", "X ... scored in the 87th minute",
    "X met a cross and turned it in in the 87th minute"). None without a parse or a name."""
    doc = parsed.doc
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token: Any = span.root
    for _ in range(_MAX_CLIMB):
        subjects = [
            child
            for child in token.children
            if child.dep_ in ("nsubj", "nsubjpass", "poss") and child.i not in range(*_ends(span))
        ]
        if subjects:  # a dateline may be parsed as a second subject ("HALVERSTON, May 16 -")
            people = (_person_of_token(parsed, child) for child in subjects)
            return next((person for person in people if person is not None), None)
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("conj", "xcomp", "advcl"):
            return None  # the clause's own verb has no named subject
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _ends(span: Any) -> tuple[int, int]:
    return int(span.start), int(span.end)


def _person_of_token(parsed: ParsedArticle, token: Any) -> Entity | None:
    """The person entity among a subject's words ("Substitute Tiago Renwick-Abara")."""
    words = [t for t in token.subtree if t.dep_ in ("compound", "poss") or t.i == token.i]
    for word in words:
        entity = person_at(parsed, word.idx, word.idx + len(word.text))
        if entity is not None:
            return entity
    return None
