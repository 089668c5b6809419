"""Small readings of an amount's clause for ``quantities``: change, comparison, rate, whole.

"up 12%" is a change, "from $7.5 billion a year earlier" the base of a comparison, "$2.14 a
share" a rate, "the 61 seats" in "27 of the 61 seats" the whole; "the death toll" counts
people killed. Tokens are spaCy tokens, typed ``Any`` because spaCy is optional.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from consilience.extract.casualties import CASUALTY_PREDICATES, PERSON_NOUNS
from consilience.extract.numbers import NumberMatch

__all__ = [
    "LEVEL_VERBS",
    "TOLL_NOUNS",
    "bound_under_negation",
    "casualty_of",
    "changed_thing",
    "earlier_marker",
    "fronted_whole_clause",
    "gerund_predicate",
    "is_partitive_whole",
    "is_people",
    "moved_by",
    "per_unit",
    "predicate_of",
    "states_level",
]

# "told to leave", "ordered to flee": being made to leave is being evacuated.
_ORDERING_VERBS = frozenset({"tell", "order", "force", "urge", "ask", "advise", "instruct"})
_LEAVING_VERBS = frozenset({"leave", "flee", "evacuate", "quit", "abandon"})
# Nouns that tally casualties: "the death toll rose to 27" counts people killed.
TOLL_NOUNS = frozenset({"toll", "tally"})
# Verbs that only state a level: "profit rose to / reached / was $1.6 billion" all say the
# same figure, so the verb is no predicate that should keep them apart.
LEVEL_VERBS = frozenset({"be", "reach", "come", "total", "stand", "hit", "amount", "climb"})
LEVEL_VERBS |= {"rise", "fall", "grow", "drop", "increase", "decrease", "decline", "jump"}
# Words after an earlier figure that say when it held: "a year earlier", "last year".
_EARLIER_WHEN = re.compile(
    r"^\W*(?:in\s+the\s+same\s+\w+\s+)?(?:a\s+year\s+(?:earlier|ago|before)|last\s+year)",
    re.IGNORECASE,
)


def predicate_of(noun: Any | None, verb: Any | None) -> str | None:
    """The verb of the counted thing: an -ing event noun's, a participle after the noun when
    the clause verb only has or states it ("had 18 ships waiting", "ships waiting rose to
    27"), else the clause verb's lemma."""
    predicate = gerund_predicate(noun) if noun is not None else None
    if predicate is None and verb is not None:
        predicate = _told_to_leave(verb) or str(verb.lemma_).lower()
        if predicate in LEVEL_VERBS and verb.dep_ == "conj":
            # "the number of people told to leave rose to 2,500", parsed as two verbs
            predicate = _told_to_leave(verb.head) or predicate
    if noun is not None and (predicate is None or predicate in LEVEL_VERBS | {"have"}):
        participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")]
        if participles:
            return _told_to_leave(participles[0]) or str(participles[0].lemma_).lower()
    return predicate


def _told_to_leave(verb: Any) -> str | None:
    """ "evacuate" for people told, ordered or forced to leave (their homes): news English
    for an evacuation; else None."""
    if verb.lemma_.lower() not in _ORDERING_VERBS:
        return None
    leaving = any(c.dep_ == "xcomp" and c.lemma_.lower() in _LEAVING_VERBS for c in verb.children)
    return "evacuate" if leaving else None


def is_people(noun: Any, predicate: str | None) -> bool:
    if noun.lower_ in ("people", "persons"):
        return True
    return predicate in CASUALTY_PREDICATES.values() and noun.lower_ in PERSON_NOUNS


def casualty_of(noun: Any, predicate: str | None) -> str | None:
    """ "death toll" -> kill; "people killed" -> kill; else the clause's own predicate."""
    if noun.lemma_.lower() in TOLL_NOUNS:
        return "kill"
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in CASUALTY_PREDICATES:
            return CASUALTY_PREDICATES[child.lemma_.lower()]
    return predicate


def changed_thing(change_noun: Any, inside: set[int] | frozenset[int] = frozenset()) -> Any | None:
    """What a change noun measures: "revenue rise", "revenue ..., a rise of 12%", "rise in X";
    never a word of the amount itself ("a half-point rise in the rate" -> rate)."""
    for child in change_noun.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i not in inside:
            return child
    if change_noun.dep_ == "appos" and change_noun.head.pos_ == "NOUN":
        return change_noun.head
    for prep in change_noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


# A past occasion a figure above or below is compared with: "at the last election", "in 2019".
_PAST_OCCASION = re.compile(
    r"\b(?:at|in|during) the (?:last|previous|prior) \w+|\bin (?:19|20)\d\d\b|"
    r"\b(?:a year earlier|last year|a year ago)\b",
    re.IGNORECASE,
)
_OCCASION_CHARS = 60


def earlier_marker(root: Any, after: str) -> str | None:
    """ "a year earlier" for the base of a comparison ("from $7.5 billion a year earlier")."""
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None:
        return None
    if root.left_edge.lower_ == "to":
        return None  # "from 6% to 7.5%" parsed as one object of "from": 7.5% is the new level
    base = prep.lower_ == "from" or (prep.lower_ == "with" and prep.head.lemma_ == "compare")
    if prep.lower_ in ("above", "below") and _PAST_OCCASION.search(after[:_OCCASION_CHARS]):
        return "earlier"  # "well above the 61% recorded at the last election"
    if not base and not (prep.lower_ in ("on", "than") and prep.head.lower_ in ("up", "down")):
        return None
    when = _EARLIER_WHEN.match(after)
    return "a year earlier" if when else "earlier"


def states_level(root: Any, verb: Any | None) -> bool:
    """True when the amount is the level a copula or change verb arrives at."""
    if verb is None or verb.lemma_.lower() not in LEVEL_VERBS:
        return False
    if root.dep_ in ("attr", "dobj"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("to", "at")


def gerund_predicate(noun: Any) -> str | None:
    """ "the signing of 45 agreements": the verb inside an -ing event noun."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_.endswith("ing"):
        stem = head.head.lower_[:-3]
        return str(stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem)
    return None


def is_partitive_whole(root: Any) -> bool:
    noun = root.head
    of = noun.head if noun.dep_ == "pobj" else None
    return of is not None and of.lower_ == "of" and of.head.pos_ == "NUM"


def fronted_whole_clause(noun: Any) -> Any | None:
    """ "Of the 31 people who have fallen ill, nine needed treatment": the whole of a
    fronted partitive is not what the main verb says of its part (nine needed it); its own
    relative clause ("fallen") is its verb. None when ``noun`` is no such whole."""
    of = noun.head if noun.dep_ == "pobj" else None
    if of is None or of.lower_ != "of" or of.dep_ != "prep" or of.head.pos_ not in ("VERB", "AUX"):
        return None
    parts = [c for c in of.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NUM"]
    if not parts or of.i > parts[0].i:
        return None
    return next((c for c in noun.children if c.dep_ == "relcl"), None)


def per_unit(root: Any) -> Any | None:
    """The noun of "a share" / "per share" after an amount."""
    for child in root.children:
        if child.dep_ == "npadvmod" and any(d.lower_ in ("a", "an") for d in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ == "per":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def moved_by(root: Any, verb: Any | None) -> bool:
    """ "fell 12%", "rose by 12%": the amount hangs on the verb, not on its subject
    ("the share, 33.5%, fell between the polls" says where a figure lay, not a move)."""
    if verb is None:
        return False
    return bool(root.head.i == verb.i or (root.dep_ == "pobj" and root.head.head.i == verb.i))


# A bound under a negated verb is the opposite bound: "had not spent more than $30m" says
# at most $30m. Other amounts a negated verb governs are denied, so they state nothing.
_NEGATED_HEDGES = {"more than": "up to", "less than": "at least"}


def bound_under_negation(match: NumberMatch, root: Any, verb: Any | None) -> NumberMatch | None:
    """The amount as its verb's negation leaves it: "had not spent more than $30m" is at most
    $30m; None when a negated verb denies it ("did not spend $30m"); else unchanged."""
    if verb is None or not any(c.dep_ == "neg" for c in verb.children):
        return match
    if not (root.head.i == verb.i or (root.dep_ == "pobj" and root.head.head.i == verb.i)):
        return match
    hedge = _NEGATED_HEDGES.get(match.number.hedge or "")
    return None if hedge is None else replace(match, number=replace(match.number, hedge=hedge))
