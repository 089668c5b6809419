"""The clause a figure or date sits in, read from the characters just before it.

Several alignment rules look for a word in a figure's own clause ("offered a pay rise of",
"Nausea was reported by", "expects a ruling in"): the clause is the text before the span, cut
at the last clause break within a short window.

>>> CLAUSE_BREAK.split("Sales fell, but the firm expects ")[-1]
'but the firm expects '
"""

from __future__ import annotations

import re

from consilience.models import Fact

__all__ = ["CLAUSE_BREAK", "CLAUSE_WINDOW", "clause_before"]

# Characters before a figure searched for its clause: one clause, not the sentence.
CLAUSE_WINDOW = 80
CLAUSE_BREAK = re.compile(r"[;:.()\"“”]|, ")


def clause_before(fact: Fact, window: int = CLAUSE_WINDOW) -> str:
    """The words of the fact's own clause before its span, at most ``window`` characters."""
    if fact.span is None:
        return ""
    offset = fact.span.start - fact.evidence.start
    return CLAUSE_BREAK.split(fact.evidence.text[max(0, offset - window) : offset])[-1]
