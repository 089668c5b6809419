"""Lengths of agreements, stoppages and follow-ups: "a five-year contract", "a 48-hour strike".

Most durations are no fact worth comparing ("for three years", "a two-day visit"), but the
length of an agreement, a loan, a suspension, a strike called for a set time or a study's
follow-up is what a story reports and outlets can get wrong. A number glued to a time unit
("five-year") that modifies one of the nouns here, or the number of "a <noun> of seven
months", makes a quantity with unit "year"/"month"/"week"/"day"/"hour": subject the noun (a
"deal" and a "contract" are the same agreement, so both are "contract"; a "walkout" is a
"strike"), about "length of the <noun>". The next strike a union threatens is not the one
under way: "a further 72-hour walkout" counts "strike (further)", as its date dates that
event in ``events``, about "length of the further walkout"; "a new contract" is the contract
the story reports. Penalties
("a three-year ban", "a five-year term") stay with ``penalties``. Tokens are spaCy tokens,
typed ``Any`` because spaCy is optional.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from consilience.extract.events import OTHER_OCCURRENCE_SUFFIX, OTHER_OCCURRENCE_WORDS
from consilience.extract.numbers import NumberMatch
from consilience.extract.penalties import DURATION_UNITS
from consilience.extract.quantity_clauses import predicate_of
from consilience.extract.quantity_parse import clause_roles, governing_verb, noun_lemma
from consilience.models import Role

__all__ = ["TERM_NOUNS", "Term", "TermReading", "term_of", "term_reading"]

# Nouns whose length is a reported fact: agreements, loans, leases, suspensions. Chosen
# from the compounds business, sport and politics news dates this way.
TERM_NOUNS = frozenset(
    {
        "contract", "deal", "agreement", "pact", "lease", "loan", "licence", "license",
        "concession", "extension", "mandate", "tenure", "partnership", "sponsorship",
        "suspension", "freeze", "moratorium", "truce", "ceasefire", "warranty", "bond",
        # Stoppages called for a set time: "a 48-hour strike", "a two-day blockade".
        "strike", "walkout", "stoppage", "shutdown", "blockade", "lockdown", "curfew",
        # How long a study followed its patients: "a median follow-up of seven months".
        "follow-up",
    }
)  # fmt: skip
# Agreement nouns that name the same thing: a player's "four-year deal" is his contract.
_SAME_AS_CONTRACT = frozenset({"contract", "deal", "agreement", "pact"})
# Industrial action named three ways: a union's "48-hour walkout" is its strike.
_SAME_AS_STRIKE = frozenset({"strike", "walkout", "stoppage"})


@dataclass(frozen=True, slots=True)
class Term:
    """A length of an agreement: its unit, the noun it measures and the glued span's end."""

    unit: str
    subject: str
    about: str
    end: int
    noun: Any


def term_of(number: Any) -> Term | None:
    """The length the number token of "five-year contract" or "a follow-up of seven
    months" states, or None."""
    doc = number.doc
    if number.i + 1 >= len(doc):
        return None
    found = _glued_term(number) or _term_of_of(number)
    if found is None:
        return None
    unit, noun = found
    lemma = noun_lemma(noun)
    subject = "contract" if lemma in _SAME_AS_CONTRACT else lemma
    subject = "strike" if lemma in _SAME_AS_STRIKE else subject
    end = unit.idx + len(unit.text)
    # Words before the noun that make it another one of its kind: "a further 72-hour walkout".
    other = next((t.lower_ for t in noun.children if t.lower_ in OTHER_OCCURRENCE_WORDS), None)
    name = lemma if "-" in lemma else noun.lower_
    if other is not None:
        subject, name = subject + OTHER_OCCURRENCE_SUFFIX, f"{other} {name}"
    return Term(str(unit.lemma_).lower(), subject, f"length of the {name}", end, noun)


def _glued_term(number: Any) -> tuple[Any, Any] | None:
    """The unit and term noun of "a five-year contract"."""
    doc = number.doc
    if number.i + 2 >= len(doc):
        return None
    hyphen, unit = doc[number.i + 1], doc[number.i + 2]
    glued = not number.whitespace_ and not hyphen.whitespace_ and hyphen.text == "-"
    if not glued or str(unit.lemma_).lower() not in DURATION_UNITS:
        return None
    noun = _modified_noun(unit)
    return (unit, noun) if noun is not None else None


def _term_of_of(number: Any) -> tuple[Any, Any] | None:
    """The unit and term noun of "a median follow-up of seven months", "a lease of 99 years"."""
    unit = number.doc[number.i + 1]
    if number.head.i != unit.i or str(unit.lemma_).lower() not in DURATION_UNITS:
        return None
    of = unit.head
    if unit.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ != "NOUN":
        return None
    return (unit, of.head) if noun_lemma(of.head) in TERM_NOUNS else None


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
            return head if noun_lemma(head) in TERM_NOUNS else None
        if head.pos_ != "ADJ":
            return None
    return None
