"""Lengths of agreements as quantities: "a five-year contract", "a 10-year lease".

Most durations are no fact worth comparing ("for three years", "a two-day visit"), but the
length of an agreement, a loan or a suspension is what a story reports and outlets can get
wrong. A number glued to a time unit ("five-year") that modifies one of the nouns here makes
a quantity with unit "year"/"month"/"week"/"day": subject the noun (a "deal" and a
"contract" are the same agreement, so both are "contract"), about "length of the <noun>".
Penalties ("a three-year ban", "a five-year term") stay with ``penalties``. Tokens are spaCy
tokens, typed ``Any`` because spaCy is optional.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from consilience.extract.numbers import NumberMatch
from consilience.extract.penalties import DURATION_UNITS
from consilience.extract.quantity_clauses import predicate_of
from consilience.extract.quantity_parse import clause_roles, governing_verb
from consilience.models import Role

__all__ = ["TERM_NOUNS", "Term", "TermReading", "term_of", "term_reading"]

# Nouns whose length is a reported fact: agreements, loans, leases, suspensions. Chosen
# from the compounds business, sport and politics news dates this way.
TERM_NOUNS = frozenset(
    {
        "contract", "deal", "agreement", "pact", "lease", "loan", "licence", "license",
        "concession", "extension", "mandate", "tenure", "partnership", "sponsorship",
        "suspension", "freeze", "moratorium", "truce", "ceasefire", "warranty", "bond",
    }
)  # fmt: skip
# Agreement nouns that name the same thing: a player's "four-year deal" is his contract.
_SAME_AS_CONTRACT = frozenset({"contract", "deal", "agreement", "pact"})


@dataclass(frozen=True, slots=True)
class Term:
    """A length of an agreement: its unit, the noun it measures and the glued span's end."""

    unit: str
    subject: str
    about: str
    end: int
    noun: Any


def term_of(number: Any) -> Term | None:
    """The agreement length the number token of "five-year contract" states, or None."""
    doc = number.doc
    if number.i + 2 >= len(doc):
        return None
    hyphen, unit = doc[number.i + 1], doc[number.i + 2]
    glued = not number.whitespace_ and not hyphen.whitespace_ and hyphen.text == "-"
    unit_lemma = str(unit.lemma_).lower()
    if not glued or unit_lemma not in DURATION_UNITS:
        return None
    noun = _modified_noun(unit)
    if noun is None:
        return None
    lemma = str(noun.lemma_).lower()
    subject = "contract" if lemma in _SAME_AS_CONTRACT else lemma
    end = unit.idx + len(unit.text)
    return Term(unit_lemma, subject, f"length of the {noun.lower_}", end, noun)


@dataclass(frozen=True, slots=True)
class TermReading:
    """An agreement length ready to be a fact: the widened match, the term and its clause."""

    match: NumberMatch
    term: Term
    predicate: str | None
    roles: tuple[Role, ...]


def term_reading(match: NumberMatch, number: Any) -> TermReading | None:
    """The bare number ``match`` of "five-year contract" widened to "five-year" with its unit,
    with the verb and roles of the agreement noun's clause ("the striker signed")."""
    if match.number.unit is not None or match.number.scale_word is not None:
        return None
    term = term_of(number)
    if term is None:
        return None
    measured = replace(match.number, unit=term.unit)
    text = number.doc.text[match.start : term.end]
    verb = governing_verb(term.noun)
    inside = {number.i, number.i + 1, number.i + 2}
    roles = clause_roles(verb, term.noun, inside) if verb is not None else ()
    widened = NumberMatch(match.start, term.end, text, measured)
    return TermReading(widened, term, predicate_of(term.noun, verb), roles)


def _modified_noun(unit: Any) -> Any | None:
    """The term noun the "-year" unit modifies, directly or through another modifier."""
    head = unit
    for _ in range(3):  # "a five-year loan", "a five-year, 40 million euro contract"
        if head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ == "NOUN":
            return head if str(head.lemma_).lower() in TERM_NOUNS else None
        if head.pos_ != "ADJ":
            return None
    return None
