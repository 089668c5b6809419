"""Verb idioms that name one event: "left the rails", "came off the tracks" is "derailed".

Outlets word one happening with a plain verb or an idiom of a light verb and its object; the
figure's predicate is the event, so both tellings get the same one. Tokens are spaCy tokens,
typed ``Any`` because spaCy is optional.
"""

from __future__ import annotations

from typing import Any

__all__ = ["idiom_predicate"]

# Light verbs of motion and the objects (direct, or of "off"/"from") that make an event.
_RAILS = frozenset({"rail", "rails", "track", "tracks"})
_IDIOMS: dict[str, tuple[frozenset[str], str]] = {
    "leave": (_RAILS, "derail"),
    "come": (_RAILS, "derail"),
    "jump": (_RAILS, "derail"),
    "go": (_RAILS, "derail"),
}


def idiom_predicate(verb: Any | None, predicate: str | None) -> str | None:
    """The event an idiom names ("left the rails" -> "derail"), else ``predicate``."""
    if verb is None or verb.lemma_.lower() not in _IDIOMS:
        return predicate
    objects, event = _IDIOMS[verb.lemma_.lower()]
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in objects:
            return event
        pobjs = child.children if child.dep_ == "prep" and child.lower_ in ("off", "from") else ()
        if any(p.dep_ == "pobj" and p.lemma_.lower() in objects for p in pobjs):
            return event
    return predicate
