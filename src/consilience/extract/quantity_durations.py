"""How long a jury (or any body) deliberated: "deliberated for five hours and 40 minutes".

A duration is usually no quantity fact, but how long a jury took to reach its verdict is a
figure court reports repeat and round ("nearly six hours"). A duration counts when a verb
of deliberating governs it ("deliberated for", "after ... of deliberation") or it is the
time taken "to reach a verdict". Hours and minutes make one figure, in hours, so "five
hours and 40 minutes" and "almost six hours" compare as 5.67 and about 6.

>>> [(d.value_end, d.hours) for d in deliberations("deliberated for 2 hours and 30 minutes.",
...     [NumberMatch(16, 17, "2", parse_number("2"))])]
[(38, 2.5)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from consilience.extract.numbers import NumberMatch, parse_number

__all__ = ["DELIBERATION_UNIT", "Deliberation", "deliberations"]

DELIBERATION_UNIT = "hour"
_PER_UNIT = {"hour": 1.0, "minute": 1 / 60}
_DURATION = re.compile(
    r"^\s+(?P<unit>hours?|minutes?)(?:\s+and\s+(?P<rest>\d+|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?P<unit2>minutes?))?",
    re.IGNORECASE,
)
_DELIBERATING_BEFORE = re.compile(r"\bdeliberat\w*\s+(?:for\s+)?$", re.IGNORECASE)
_TAKING_BEFORE = re.compile(r"\b(?:took|take|takes|taking|needed|spent)\s+$", re.IGNORECASE)
_DELIBERATION_AFTER = re.compile(r"^\s+(?:of|in)\s+deliberations?\b", re.IGNORECASE)
_VERDICT_AFTER = re.compile(
    r"^\s+(?:to\s+(?:reach|return|arrive at|agree on)\s+(?:a|an|its|their)\s+"
    r"(?:\w+\s+)?verdicts?|deliberating)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Deliberation:
    """A deliberation's length: where its value ends and how many hours it says."""

    match: NumberMatch
    value_end: int
    hours: float


def deliberations(text: str, matches: list[NumberMatch]) -> list[Deliberation]:
    """The deliberation lengths among ``matches`` (offsets into ``text``)."""
    found: list[Deliberation] = []
    for match in matches:
        if found and match.start < found[-1].value_end:
            continue  # the minutes of "five hours and 40 minutes"
        if match.number.unit is not None or match.number.scale_word is not None:
            continue
        duration = _DURATION.match(text[match.end :])
        if duration is None:
            continue
        hours = match.number.value * _PER_UNIT[duration.group("unit").lower().rstrip("s")]
        if duration.group("rest"):
            rest = parse_number(duration.group("rest"))
            if rest is None:
                continue
            hours += rest.value * _PER_UNIT[duration.group("unit2").lower().rstrip("s")]
        end = match.end + duration.end()
        before, after = text[: match.start], text[end:]
        deliberating = _DELIBERATING_BEFORE.search(before) or _DELIBERATION_AFTER.match(after)
        if deliberating or (_TAKING_BEFORE.search(before) and _VERDICT_AFTER.match(after)):
            found.append(Deliberation(match, end, round(hours, 4)))
    return found
