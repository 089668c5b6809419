"""Amounts with no counted noun: money with a verb is "money", a bare count borrows a noun.

News leaves the counted thing out often: "Atlas paid $2 billion" counts money, and "won 27
seats ... the Greens won 14" counts seats twice. ``ArticleReading`` remembers the counts an
article has read so far; ``bare_amount_reading`` gives an amount with no noun its subject,
about-phrase and roles, or None when nothing can stand in. Tokens are spaCy tokens, typed
``Any`` because spaCy is optional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from consilience.extract.quantity_parse import clause_roles, participle, phrase
from consilience.models import Role

__all__ = [
    "ANY_VERB_ELLIPSIS_SENTENCES",
    "LIGHT_VERBS",
    "MAX_ELLIPSIS_SENTENCES",
    "ArticleReading",
    "BareReading",
    "CountedNoun",
    "bare_amount_reading",
]

# A bare count borrows the counted noun of a count at most this many sentences back: an
# election story's "won 27 seats ... The Greens won 14" spans one or two sentences.
MAX_ELLIPSIS_SENTENCES = 2
# The sentence right after a count may change the verb and still leave its noun out: "the
# Alliance had 27 seats. The Greens won 17": one sentence back, any verb lends its noun.
ANY_VERB_ELLIPSIS_SENTENCES = 1
# Verbs that state a figure without acting on it ("had 27 seats", "was 5%").
LIGHT_VERBS = frozenset({"be", "have"})
_MONEY_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "attr"})
_ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "attr", "pobj", "conj", "appos"})
# Verbs that value a thing "at" an amount: "estimated the damage at 40 million euros", "put
# the cost at $2bn". The amount measures the object; whoever estimates is the agent.
_VALUING_VERBS = frozenset({"estimate", "put", "value", "assess", "peg", "place", "calculate"})
_PRONOUNS = frozenset({"it", "they", "we"})
_SAYING_VERBS = frozenset({"say", "tell", "announce", "state", "report", "add"})


@dataclass(slots=True)
class CountedNoun:
    """A unitless count already read, whose noun an elliptical count may borrow."""

    sentence: int
    predicate: str | None
    subject: str
    noun_phrase: str


@dataclass(slots=True)
class ArticleReading:
    """What one article's reading remembers from sentence to sentence."""

    sentence: int = 0
    counted: list[CountedNoun] = field(default_factory=list)
    measured: dict[str, tuple[str, str]] = field(default_factory=dict)  # unit -> thing


@dataclass(frozen=True, slots=True)
class BareReading:
    """What an amount with no counted noun counts: its subject, about-phrase and roles."""

    subject: str
    about: str
    roles: tuple[Role, ...]
    predicate: str | None = None


def bare_amount_reading(
    unit: str | None,
    root: Any,
    verb: Any | None,
    predicate: str | None,
    reading: ArticleReading,
) -> BareReading | None:
    """An amount with no counted noun: money is "money", a count borrows a recent noun."""
    inside = {root.i, *(t.i for t in root.subtree)}
    roles = clause_roles(verb, root, inside) if verb is not None else ()
    if unit is not None and unit != "%" and verb is not None:
        valued = _valuation(root, verb, roles)
        if valued is not None:
            return valued
    if unit is not None and unit != "%" and verb is not None and root.dep_ in _MONEY_DEPS:
        about = f"money {participle(verb, str(predicate))}"
        source = next((r.name for r in roles if r.role == "target"), None)
        about = f"{about} from {source}" if source and _has_prep(verb, "from", "out") else about
        return BareReading("money", about, roles)
    if unit is not None or verb is None or predicate in LIGHT_VERBS:
        return None
    gapped = root.head if root.dep_ == "nummod" and root.head.i < root.i else None
    if gapped is not None:  # "the Greens won 17, the Social Forum 11": the noun is the agent
        roles = (Role("agent", phrase(gapped)),)
    elif root.dep_ not in _ARGUMENT_DEPS:
        return None
    borrowed = _borrow(reading, predicate)
    if borrowed is None:
        return None
    about = f"{borrowed.noun_phrase} {participle(verb, str(predicate))}"
    return BareReading(borrowed.subject, about, roles)


def _valuation(root: Any, verb: Any, roles: tuple[Role, ...]) -> BareReading | None:
    """ "estimated the damage at 40 million euros": the damage's estimate, by whom."""
    at = root.head
    if root.dep_ != "pobj" or at.lower_ != "at" or verb.lemma_.lower() not in _VALUING_VERBS:
        return None
    thing = at.head if at.head.dep_ == "dobj" and at.head.head.i == verb.i else None
    thing = thing or next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if thing is None or thing.pos_ not in ("NOUN", "PROPN"):
        return None
    kept = tuple(r for r in roles if r.role == "agent")
    pronoun = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not kept and pronoun is not None and pronoun.lower_ in _PRONOUNS:
        kept = _speaker_of(verb)
    subject = thing.lemma_.lower()
    return BareReading(subject, f"{subject} estimate", kept, "estimate")


def _speaker_of(verb: Any) -> tuple[Role, ...]:
    """ "The fire service said it estimated ...": "it" is the one who said so."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _SAYING_VERBS:
        return ()
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ not in ("NOUN", "PROPN"):
        return ()
    return (Role("agent", phrase(speaker)),)


def _has_prep(verb: Any, *words: str) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in words for c in verb.children)


def _borrow(reading: ArticleReading, predicate: str | None) -> CountedNoun | None:
    """The counted thing an elliptical count leaves out: a recent one, else the same verb's."""
    for counted in reversed(reading.counted):
        distance = reading.sentence - counted.sentence
        if distance <= ANY_VERB_ELLIPSIS_SENTENCES:
            return counted
        if distance <= MAX_ELLIPSIS_SENTENCES and counted.predicate == predicate:
            return counted
    return None
