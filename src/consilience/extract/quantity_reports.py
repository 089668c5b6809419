"""How news reports a count over time: "the number of X ... rose to N", and figures as they
stood before the news ("Earlier, police had said three were hurt").

The parser often ties "the number of people taken to hospital" to a verb inside its own
long clause, leaving the "rose to seven" that states the count with a wrong subject; the
count noun's "of" object is what is counted. Tokens are spaCy tokens, typed ``Any`` because
spaCy is optional.
"""

from __future__ import annotations

import re
from typing import Any

from consilience.extract.quantity_clauses import LEVEL_VERBS

__all__ = ["earlier_report", "number_of_subject"]

# A sentence that opens on "Earlier" and tells what someone "had said" or "had reported"
# gives the figure as it stood before: "Earlier, the ambulance service had said three were
# hurt". Another "had" ("after the roof had collapsed") tells of the events, not the report.
_EARLIER_REPORT = re.compile(
    r"^\W*Earlier\b(?=.*\bhad\s+(?:\w+ly\s+)?(?:said|reported|put|told|confirmed)\b)",
    re.S,
)


def earlier_report(text: str) -> str | None:
    """ "earlier" for a sentence reporting the state of things before the story's news."""
    return "earlier" if _EARLIER_REPORT.search(text) else None


# Nouns that name a count: "the number of people taken to hospital rose to seven".
_COUNT_NOUNS = frozenset({"number", "total", "toll", "tally", "count"})


def number_of_subject(root: Any, verb: Any | None) -> Any | None:
    """What "the number of X" counts when the parser tied that subject to a verb inside its
    own clause ("The number of people taken to hospital after a jet made a landing rose to
    seven": "landing" is no subject of "rose"); None unless the amount is what a verb of
    change or level arrives at ("rose to seven")."""
    if verb is None or root.dep_ != "pobj" or root.head.lower_ != "to":
        return None
    if root.head.head.i != verb.i or verb.lemma_.lower() not in LEVEL_VERBS:
        return None
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in _COUNT_NOUNS for c in verb.children):
        return None  # parsed right: the counted noun is read as usual
    for count in verb.sent[: verb.i - verb.sent.start]:
        if count.lemma_.lower() not in _COUNT_NOUNS or count.dep_ != "nsubj":
            continue
        if not (_embeds(count.head, verb) or _embeds(verb, count.head)):
            continue
        of = next((p for p in count.children if p.dep_ == "prep" and p.lower_ == "of"), None)
        counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if counted is not None and counted.pos_ == "NOUN":
            return counted
    return None


# Links by which one clause sits inside another; "and" (conj) joins two clauses instead.
_EMBEDDING_DEPS = frozenset({"ccomp", "csubj", "advcl", "xcomp"})


def _embeds(outer: Any, inner: Any) -> bool:
    """Whether ``inner``'s clause sits inside ``outer``'s by clause links only."""
    while inner.i != outer.i and inner.dep_ in _EMBEDDING_DEPS and inner.head.i != inner.i:
        inner = inner.head
    return bool(inner.i == outer.i)
