"""When a figure holds: the story's own time, an earlier period, or a running total.

"$940 million a year earlier" and "shares have gained 30% this year" are figures of the
story, but not of the same moment as "net income of $1.1 billion" or "shares rose 6%";
alignment never puts figures of two time frames into one slot.

>>> _EARLIER.search("net income a year earlier") is not None
True
"""

from __future__ import annotations

import re

from consilience.models import Fact

__all__ = ["time_frame"]

# Characters around a figure searched for its time frame: a short phrase, not the clause.
_FRAME_WINDOW = 40
_EARLIER = re.compile(
    r"\b(?:(?:a )?year earlier|earlier|previous(?:ly)?|prior|last year|a year ago|year-ago)\b"
)
# "from" marks an earlier figure only after a change ("up from", "rose from") or another
# figure ("to $9 billion from"): "stealing from 9,000 pensioners" names whom, not when.
_EARLIER_BEFORE = re.compile(
    r"\b(?:(?:up|down) from|compared (?:with|to)|"
    r"(?:[\d%]\S*|hundred|thousand|million|billion|trillion|percent|points?|"
    r"rose|risen|fell|fallen|increased|decreased|grew|grown|climbed|dropped|declined|"
    r"jumped|slipped|slid|edged|went|gone|shrank|shrunk|swelled|widened|narrowed|"
    r"cut|raised|lowered|boosted|trimmed|revised) from)\s*$",
    re.I,
)
# "had not spent more than 30 million euros on one player before this summer": a record
# held until the story's period, whatever preposition opens the phrase.
_BEFORE_NOW = re.compile(
    r"\bbefore (?:this|last|the start of this|the beginning of this) "
    r"(?:year|summer|season|spring|autumn|fall|winter|month|week|quarter|window|term)\b",
    re.I,
)
_CHANGE_BASE = re.compile(r"^\W*(?:from|on|over|than|against|versus|vs)\b", re.I)
_TO_DATE = re.compile(
    r"^\W*(?:so far )?(?:this|so far this) (?:year|month|week|quarter)\b|"
    r"^\W*(?:year to date|year-to-date)\b",
    re.I,
)
# The frame phrase ends at the next figure or clause break.
_FRAME_END = re.compile(r"[\d$€£¥;:.()]|, (?!a year)")


def time_frame(fact: Fact) -> str | None:
    """ "earlier" for a past figure ("$940 million a year earlier", "up from $7.5 billion"),
    "to date" for a running total ("gained 30% this year"), else None: the story's own time.

    A frame after the figure that starts with "from"/"on"/"over" is the base of a change
    ("up 12% from a year earlier"), and the change itself is a current figure.
    """
    if fact.predicate == "compare" or _EARLIER.search(fact.about.casefold()):
        return "earlier"
    if fact.span is None:
        return None
    offset = fact.span.start - fact.evidence.start
    before = fact.evidence.text[max(0, offset - _FRAME_WINDOW) : offset]
    after = fact.evidence.text[offset + len(fact.span.text) :][:_FRAME_WINDOW]
    after = _FRAME_END.split(after, maxsplit=1)[0]
    if _EARLIER_BEFORE.search(before) or (_EARLIER.search(after) and not _CHANGE_BASE.match(after)):
        return "earlier"
    if _BEFORE_NOW.search(after):
        return "earlier"
    if _TO_DATE.match(after):
        return "to date"
    return None
