"""Prison terms and bans as quantities: "jailed for 12 years", "a five-year term".

A duration is usually no quantity fact ("worked there for nine years"), but the length of a
sentence is the figure court reporting is about. A duration counts when the parse ties it to
a sentencing verb or a penalty noun; weaker verbs ("received four years", "will spend 12
years") count when a penalty word is near. Every report of the same sentence gets the
predicate "sentence" whatever verb carried it, so "jailed", "got" and "sentenced to" line up;
what prosecutors asked for and the minimum term to serve stay apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["DURATION_UNITS", "Penalty", "penalty_of"]

DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour"})
# Verbs whose duration is a sentence wherever they appear.
_SENTENCING_VERBS = frozenset({"sentence", "jail", "imprison", "detain", "ban", "bar"})
# Verbs that report a sentence only when a penalty word is near ("received four years").
_WEAK_VERBS = frozenset({"receive", "get", "give", "hand", "spend", "face", "impose"})
# Verbs of asking: the figure is what someone wanted, not the sentence.
_DEMAND_VERBS = frozenset({"ask", "seek", "demand", "request", "want", "recommend", "urge"})
# Nouns that make a duration a penalty: "a five-year term", "12 years' imprisonment".
_PENALTY_NOUNS = frozenset(
    {"term", "sentence", "imprisonment", "prison", "jail", "custody", "detention", "ban"}
)
_PENALTY_WORDS = re.compile(
    r"\b(?:sentenc\w*|jail\w*|prison\w*|imprison\w*|convict\w*|custody|parole|guilty|"
    r"court|judge|justice|verdict|co-defendant|defendant)\b",
    re.IGNORECASE,
)
# How far back (characters) a weak verb looks for a penalty word: about two sentences.
PENALTY_CONTEXT_CHARS = 300
_ABOUT = {"sentence": "prison sentence", "ask": "sentence asked for", "serve": "term to serve"}


@dataclass(frozen=True, slots=True)
class Penalty:
    """A penalty duration: its unit token, normalised predicate and who receives it."""

    unit: Any
    predicate: str
    person: str | None

    @property
    def about(self) -> str:
        """ "prison sentence for Jane Roe", "sentence asked for"."""
        base = _ABOUT[self.predicate]
        return f"{base} for {self.person}" if self.person else base


def penalty_of(root: Any, text_before: str) -> Penalty | None:
    """The penalty an amount's number token ``root`` states, if its duration is one."""
    unit = root.head
    if root.dep_ not in ("nummod", "compound", "quantmod") or unit.lemma_.lower() not in (
        DURATION_UNITS
    ):
        return None
    carrier = unit
    if unit.dep_ in ("compound", "poss", "amod", "nmod") and unit.head.pos_ == "NOUN":
        carrier = unit.head  # "a five-year term", "12 years' imprisonment"
    verb = _verb_above(carrier)
    penalty_noun = carrier.lemma_.lower() in _PENALTY_NOUNS or any(
        _in_penalty_place(owner) for owner in (unit, verb) if owner is not None
    )
    lemma = verb.lemma_.lower() if verb is not None else ""
    if lemma in _DEMAND_VERBS:
        predicate = "ask"
    elif lemma == "serve":
        predicate = "serve"
    elif penalty_noun or lemma in _SENTENCING_VERBS or _weak_but_near(lemma, text_before):
        predicate = "sentence"
    else:
        return None
    if predicate != "sentence" and not (penalty_noun or _PENALTY_WORDS.search(text_before)):
        return None
    return Penalty(unit=unit, predicate=predicate, person=_person(verb, lemma))


def _in_penalty_place(token: Any) -> bool:
    """ "12 years in prison", "spend a year in jail"."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("in", "behind")
        and any(c.lemma_.lower() in _PENALTY_NOUNS | {"bar"} for c in prep.children)
        for prep in token.children
    )


def _weak_but_near(lemma: str, text_before: str) -> bool:
    near = text_before[-PENALTY_CONTEXT_CHARS:]
    return lemma in _WEAK_VERBS and _PENALTY_WORDS.search(near) is not None


def _verb_above(token: Any) -> Any | None:
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.pos_ == "VERB":
            return current
    return None


def _person(verb: Any | None, lemma: str) -> str | None:
    """Who gets the sentence: "sentenced X", "X was jailed", "X received"."""
    if verb is None or lemma in _DEMAND_VERBS:
        return None
    deps = ("dobj", "nsubjpass") if lemma in _SENTENCING_VERBS else ("nsubjpass", "nsubj")
    for child in verb.children:
        if child.dep_ not in deps:
            continue
        # "The co-defendant, Jane Roe, received ...": the name is in apposition.
        for candidate in (child, *(c for c in child.children if c.dep_ == "appos")):
            if candidate.ent_type_ == "PERSON":
                doc = candidate.doc
                entity = next((e for e in doc.ents if e.start <= candidate.i < e.end), None)
                return str(entity.text) if entity is not None else str(candidate.text)
    return None
