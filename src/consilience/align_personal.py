"""Scores for figures about one person or one moment of a match: ages, match minutes and
a person's running counts ("his 19th goal").

An age belongs to one person: two named people's ages never share a slot, nor a named
person's and a described one's ("a 19-year-old man"); two described people's do when the
describing noun is the same and their sentences tell one event ("the arrested man"). A
match minute dates one event of one player: the same player's winner in two outlets is one
slot whatever the minute, his shot against the crossbar another.

>>> from consilience.extract.match_minutes import GOAL_EVENTS
>>> _events_compatible("goal", "winner") and not _events_compatible("winner", "chance")
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from consilience.align_participants import fold, names_match
from consilience.extract.ages import AGE_UNIT
from consilience.extract.match_minutes import GOAL_EVENTS, MINUTE_UNIT
from consilience.extract.ordinal_counts import ORDINAL_UNIT
from consilience.models import Fact

__all__ = ["PERSONAL_UNITS", "personal_score"]

PERSONAL_UNITS = frozenset({AGE_UNIT, MINUTE_UNIT, ORDINAL_UNIT})
# One named person's age, or one player's event: as sure a match as one office of a person.
SAME_PERSON_SCORE = 1.0
# Described people ("the boy") of two ages need sentences about one event to be one person:
# the quantity floor. One age of one describing noun is one person in a story.
DESCRIBED_FLOOR = 0.2
SAME_VALUE_BONUS = 0.15
# A minute of one specific event ("winner") with no player named on one side.
UNNAMED_EVENT_SCORE = 0.5


class _Index(Protocol):
    aliases: Mapping[str, str]

    def similarity(self, a: Fact, b: Fact) -> float: ...


def _agent(fact: Fact, aliases: Mapping[str, str]) -> str | None:
    return next((fold(r.name, aliases) for r in fact.roles if r.role == "agent"), None)


def _events_compatible(a: str, b: str) -> bool:
    """One event, or a goal and a kind of goal; an unknown event ("minute") fits any."""
    if a == b or "minute" in (a, b):
        return True
    return a in GOAL_EVENTS and b in GOAL_EVENTS and "goal" in (a, b)


def personal_score(a: Fact, b: Fact, index: _Index) -> float | None:
    """Score of two ages or two match minutes being one statement; None when they cannot."""
    if a.unit != b.unit:
        return None
    agent_a, agent_b = _agent(a, index.aliases), _agent(b, index.aliases)
    if a.unit == AGE_UNIT:
        if agent_a is not None or agent_b is not None:
            same = agent_a is not None and agent_b is not None and names_match(agent_a, agent_b)
            return SAME_PERSON_SCORE if same else None
        if a.subject != b.subject:
            return None
        if a.number == b.number:  # "a 16-year-old boy" in two outlets: one boy
            return index.similarity(a, b) + SAME_VALUE_BONUS
        return index.similarity(a, b) - DESCRIBED_FLOOR
    if a.unit == ORDINAL_UNIT:  # "his 19th goal": one count of one person's feats
        same = a.subject == b.subject and agent_a is not None and agent_b is not None
        return SAME_PERSON_SCORE if same and names_match(agent_a or "", agent_b or "") else None
    if not _events_compatible(a.subject, b.subject):
        return None
    if agent_a is not None and agent_b is not None:
        return SAME_PERSON_SCORE if names_match(agent_a, agent_b) else None
    specific = a.subject == b.subject and a.subject not in ("goal", "minute")
    return UNNAMED_EVENT_SCORE if specific else None
