"""Changes in percentage points, as news writes them: "half a point", "25 basis points".

A rate's move is stated in points, not percent: "a quarter of a percentage point", "a
quarter-point hike", "half a point", "25 basis points" and "0.25 percentage points" are all
sizes of one kind of change, so each is read as a number of percentage points (unit "pp";
a basis point is a hundredth of one). The level the rate moves to ("to 4.25%") stays "%".
A bare fraction of "a point" is a rate move only in a sentence about rates or percents: a
sports story's "won by half a point" is no percentage.
"""

from __future__ import annotations

import re

from consilience.extract.numbers import NumberMatch, ParsedNumber, parse_number

__all__ = ["POINT_UNIT", "point_change_predicate", "with_point_changes"]

POINT_UNIT = "pp"
_FRACTIONS = {"quarter": 0.25, "half": 0.5, "three-quarters": 0.75}
_FRACTIONS |= {"three quarters": 0.75, "three-quarter": 0.75, "three quarter": 0.75}
_FRACTION_ALT = "|".join(re.escape(f) for f in sorted(_FRACTIONS, key=len, reverse=True))
# "a quarter of a percentage point", "half a point", "the full quarter point": an optional
# article, the fraction, an optional "of a", then "(percentage) point". Glued forms ("a
# quarter-point hike") leave the article to the noun they modify.
_FRACTION_POINT = re.compile(
    rf"\b(?:(?:a|one)\s+(?!\w+-))?(?P<fraction>{_FRACTION_ALT})(?:\s+of)?(?:\s+an?)?[\s-]+"
    r"(?P<percentage>percentage[\s-]+)?points?\b",
    re.IGNORECASE,
)
# "25 basis points", "50bp", "75 bps", "fifty basis points".
_BASIS_POINTS = re.compile(
    r"(?<![\w.])(?P<amount>\d+(?:\.\d+)?|(?:[a-z]+-)?[a-z]+)\s*"
    r"(?:basis[\s-]+points?|bps?)\b",
    re.IGNORECASE,
)
# What every point change above contains ("point", "bp"), matched as they match it.
_POINT_WORD = re.compile(r"point|bp", re.IGNORECASE)
# Words that make a sentence about rates, so that a bare "half a point" is a rate move.
_RATE_CONTEXT = re.compile(
    r"%|\bper\s?cent\b|\bpercent|\brates?\b|\byields?\b|\binflation\b|\bbasis\b",
    re.IGNORECASE,
)
# Verbs of a point change, normalised so "lifted", "hiked" and "raised" line up.
_UP_VERBS = frozenset({"raise", "lift", "hike", "increase", "rise", "push", "add", "climb"})
_DOWN_VERBS = frozenset({"cut", "lower", "reduce", "trim", "slash", "fall", "drop", "ease"})
_DOWN_VERBS |= {"decrease", "decline"}


def with_point_changes(text: str, matches: list[NumberMatch]) -> list[NumberMatch]:
    """``matches`` with every point change in ``text`` added, replacing what overlaps it."""
    points = _point_changes(text)
    if not points:
        return matches
    kept = [m for m in matches if not any(m.start < p.end and p.start < m.end for p in points)]
    return sorted([*kept, *points], key=lambda m: m.start)


def point_change_predicate(predicate: str | None) -> str | None:
    """ "raise" for a verb moving a rate up, "cut" for one moving it down, else as given."""
    if predicate in _UP_VERBS:
        return "raise"
    if predicate in _DOWN_VERBS:
        return "cut"
    return predicate


def _point_changes(text: str) -> list[NumberMatch]:
    if _POINT_WORD.search(text) is None:
        return []  # most sentences name no point: skip the longer patterns
    found: list[NumberMatch] = []
    about_rates = _RATE_CONTEXT.search(text) is not None
    for m in _FRACTION_POINT.finditer(text):
        if m.group("percentage") is None and not about_rates:
            continue
        value = _FRACTIONS[re.sub(r"\s+", " ", m.group("fraction").lower())]
        found.append(_match(m, value))
    for m in _BASIS_POINTS.finditer(text):
        amount = parse_number(m.group("amount"))
        if amount is None or amount.unit is not None:
            continue
        found.append(_match(m, amount.value / 100))
    return found


def _match(m: re.Match[str], points: float) -> NumberMatch:
    number = ParsedNumber(value=round(points, 4), unit=POINT_UNIT)
    return NumberMatch(m.start(), m.end(), m.group(), number)
