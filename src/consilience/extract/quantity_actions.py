"""Counts of people taking part in a collective action: strikes, protests, marches, walkouts.

Outlets word the same turnout with different verbs: "300 dockworkers downed tools", "340
workers stopped work", "340 members joined the walkout", "340 workers are taking part in the
action", "its 340 striking members". The verb is only the outlet's choice of idiom, so all of
them get one predicate, ``PARTICIPATE``, and the action noun is no participant of the clause.
Tokens are spaCy tokens, typed ``Any`` because spaCy is optional.
"""

from __future__ import annotations

from typing import Any

from consilience.extract.casualties import PERSON_NOUNS
from consilience.models import Role

__all__ = ["ACTION_NOUNS", "PARTICIPATE", "TAKING_VERBS", "is_participation", "names_action"]

PARTICIPATE = "participate"
# Verbs of taking money unlawfully say one thing in many words: a fraud "drained",
# "siphoned" or "embezzled" the same $214 million; they all report money taken.
TAKING_VERBS = dict.fromkeys(
    ("drain", "siphon", "steal", "embezzle", "divert", "misappropriate", "loot", "pocket"),
    "take",
) | dict.fromkeys(("skim", "funnel", "swindle", "defraud", "take"), "take")
# Nouns naming a collective action people join or take part in.
ACTION_NOUNS = frozenset(
    {"strike", "walkout", "stoppage", "protest", "march", "rally", "demonstration", "action"}
) | {"boycott", "sit-in", "picket", "vigil", "blockade", "occupation", "shutdown"}
# Verbs that are themselves the action: "1,000 nurses marched".
_ACTION_VERBS = frozenset({"strike", "march", "protest", "rally", "demonstrate", "picket"})
# Verbs that take the action as object or "in" object: "joined the walkout".
_JOIN_VERBS = frozenset({"join", "participate", "take", "stage", "hold", "attend"})
# Idioms of stopping work: verb lemma -> the object or particle that makes it a strike.
_STOP_WORK_IDIOMS = {"stop": "work", "down": "tools", "lay": "tools", "walk": "out"}
# Participles before a people noun that make it a count of participants: "striking members".
_ACTION_PARTICIPLES = frozenset({"striking", "protesting", "marching", "picketing"})
# Endings of compound person nouns ("dockworkers", "shipbuilders" is too rare to list).
_PERSON_ENDINGS = ("worker", "member", "striker", "protester", "employee", "activist", "nurse")


def _is_person_noun(noun: Any) -> bool:
    lemma = str(noun.lemma_).lower()
    return noun.lower_ in PERSON_NOUNS or lemma in PERSON_NOUNS or lemma.endswith(_PERSON_ENDINGS)


def _objects(verb: Any) -> list[Any]:
    """The verb's objects, particles and the objects of its prepositions ("part in X")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "prt", "attr")]
    for child in [*found, verb]:
        for prep in child.children:
            if prep.dep_ == "prep":
                found.extend(p for p in prep.children if p.dep_ == "pobj")
    return found


def is_participation(noun: Any, verb: Any | None) -> bool:
    """True when ``noun`` counts people taking part in a collective action."""
    if not _is_person_noun(noun):
        return False
    if any(c.lower_ in _ACTION_PARTICIPLES for c in noun.children if c.dep_ in ("amod", "acl")):
        return True
    if verb is None:
        return False
    lemma = str(verb.lemma_).lower()
    if lemma in _ACTION_VERBS:
        return True
    objects = _objects(verb)
    if lemma in _JOIN_VERBS and any(o.lemma_.lower() in ACTION_NOUNS for o in objects):
        return True
    idiom = _STOP_WORK_IDIOMS.get(lemma)
    return idiom is not None and any(o.lower_ == idiom for o in objects)


def names_action(role: Role, verb: Any) -> bool:
    """True when the role names the action or a stop-work idiom's object ("the walkout")."""
    return any(
        t.text in role.name.split()
        and (t.lemma_.lower() in ACTION_NOUNS or t.lower_ in ("work", "tools", "part"))
        for t in verb.subtree
    )
