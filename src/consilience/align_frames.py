"""When a figure holds: the story's own time, an earlier period, or a running total.

"$940 million a year earlier" and "shares have gained 30% this year" are figures of the
story, but not of the same moment as "net income of $1.1 billion" or "shares rose 6%";
alignment never puts figures of two time frames into one slot.

>>> _EARLIER.search("net income a year earlier") is not None
True
"""

from __future__ import annotations

import re

from consilience.align_clauses import clause_before
from consilience.align_memo import per_fact
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
# A market move "in early trading" or "by mid-morning" is not the day's close.
_INTRADAY = re.compile(
    r"\b(?:(?:in|during) (?:early|morning|afternoon|midday|late|intraday) (?:trading|trade|"
    r"deals|dealings|session)|by (?:mid-?morning|midday|lunchtime|mid-?afternoon)|intraday|"
    r"at one (?:point|stage))\b",
    re.I,
)
# A count "a day" or "per year" is a rate: "carries 14,000 passengers a day" is no load.
_RATE = re.compile(
    r"^(?:\s+[a-z-]+){0,3}?\s+(?:a|an|per|each|every) (day|week|month|year|hour)\b"
    r"(?!\s+(?:after|before|earlier|later|ago|since)\b)"
)
# A limit a figure may not pass ("the speed limit", "capped at") is not what happened.
_LIMIT_ABOUT = re.compile(r"^speed limit\b")
# A figure short of, or needed for, a majority or threshold is no result: "14 seats short of
# a majority", "126 seats are needed for a majority", "needs 14 more to command a majority".
# The words between are the figure's own noun ("seats"), never a new clause ("but fell").
_OWN_WORD = r"\s+(?!(?:but|and|or|while|fell|falls|falling|was|were|is|are)\b)[a-z-]+"
_SHORTFALL = re.compile(rf"^(?:{_OWN_WORD})?\s+(?:short of|more (?:to|for))\b")
_THRESHOLD = re.compile(
    rf"^(?:{_OWN_WORD}){{0,2}}?\s+(?:(?:is|are|was|were) )?(?:needed|required|necessary) "
    r"(?:for|to)\b"
)
# A figure a poll or forecast gave ("whose final survey put the party on 36%") is no result.
_POLL = re.compile(
    r"\b(?:(?:opinion |exit )?polls?|polling|pollsters?|surveys?|forecast\w*|projections?|"
    r"predict\w*)\b"
)
# How a poll words a party's share: "put the party on 31%", "gave it 35%".
_POLL_SHARE = re.compile(
    r"\b(?:(?:put|puts|putting|placed|places) [\w' -]{1,40} on|(?:gave|gives|give|giving) "
    r"[\w' -]{1,30})\s*$"
)
# Characters before a figure searched for the poll that gave it, up to the clause break.
_POLL_WINDOW = 100
# The frame phrase ends at the next figure or clause break.
_FRAME_END = re.compile(r"[\d$€£¥;:.()]|, (?!a year)")


@per_fact
def time_frame(fact: Fact) -> str | None:
    """ "earlier" for a past figure ("$940 million a year earlier", "up from $7.5 billion"),
    "to date" for a running total ("gained 30% this year"), "intraday" for a market move
    before the close ("in early trading"), "per day" (week, ...) for a count that is a rate
    ("14,000 passengers a day"), "limit" for a speed limit, "shortfall" or "threshold" for
    what is missing or needed ("14 seats short of a majority"), "poll" for a survey's figure,
    else None: the story's own time.

    A frame after the figure that starts with "from"/"on"/"over" is the base of a change
    ("up 12% from a year earlier"), and the change itself is a current figure.
    """
    if fact.predicate == "compare" or _EARLIER.search(fact.about.casefold()):
        return "earlier"
    if _LIMIT_ABOUT.match(fact.about.casefold()):
        return "limit"
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
    if _INTRADAY.search(after):
        return "intraday"
    if fact.unit is None and (rate := _RATE.match(after.casefold())):
        return f"per {rate.group(1)}"
    if _TO_DATE.match(after):
        return "to date"
    sources = [fact.attributed_to or "", *(r.name for r in fact.roles if r.role == "agent")]
    if any(_POLL.search(source.casefold()) for source in sources):
        return "poll"  # "27% of the vote, according to Civica Polling"
    return _goal_or_poll(clause_before(fact, _POLL_WINDOW), after.casefold(), fact.unit == "%")


def _goal_or_poll(clause: str, after: str, share: bool) -> str | None:
    """ "shortfall", "threshold" or "poll" for a figure that is no result, else None."""
    if _SHORTFALL.match(after):
        return "shortfall"
    if _THRESHOLD.match(after):
        return "threshold"
    if _POLL.search(clause.casefold()) or (share and _POLL_SHARE.search(clause)):
        return "poll"
    return None
