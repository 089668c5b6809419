"""Figures as intervals: what a hedged value allows, and when two figures may be rounding.

>>> from consilience.models import Evidence, Fact
>>> e = Evidence("a", "about 40", 0, 8)
>>> hedge_interval(Fact("quantity", "a", "x", "x", "about 40", e, 40.0, hedge="about")).high
44.0
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from consilience.models import Fact

__all__ = [
    "ABOUT_TOLERANCE",
    "MORE_THAN_CEILING",
    "NEARLY_TOLERANCE",
    "Interval",
    "hedge_interval",
    "may_be_rounding",
]

# "about N" / "around N": reporters round to one or two significant figures, so the truth is
# usually within half a rounding step of N; 10% covers "about 40" for 36-44 and keeps 45 out.
ABOUT_TOLERANCE = 0.10
# "nearly N" / "almost N" sits just under N; the same 10% as "about", on the lower side only.
NEARLY_TOLERANCE = 0.10
# "more than N" is said when the figure is above N but N is still the useful round number:
# past half as much again a reporter would name the larger number.
MORE_THAN_CEILING = 1.5

_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Interval:
    """The figures a hedged value allows; open ends exclude the bound."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        """Whether some figure is allowed by both."""
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low and (self.high_open or other.low_open):
            return False
        return not (other.high == self.low and (other.high_open or self.low_open))


def hedge_interval(fact: Fact) -> Interval:
    n = fact.number if fact.number is not None else math.nan
    if fact.hedge == "about":
        low, high = n * (1 - ABOUT_TOLERANCE), n * (1 + ABOUT_TOLERANCE)
        return Interval(min(low, high), max(low, high))
    if fact.hedge == "nearly":
        return Interval(min(n * (1 - NEARLY_TOLERANCE), n), max(n * (1 - NEARLY_TOLERANCE), n))
    if fact.hedge == "more than":
        return Interval(n, n * MORE_THAN_CEILING, low_open=True)
    if fact.hedge == "at least":
        return Interval(n, math.inf)
    if fact.hedge == "up to":
        return Interval(0.0, n)
    if fact.hedge == "less than":
        return Interval(0.0, n, high_open=True)
    if fact.hedge == "range":
        numerals = [float(m.replace(",", "")) for m in _NUMERAL.findall(fact.value)]
        if len(numerals) >= 2 and numerals[0]:
            return Interval(n, n * numerals[1] / numerals[0])
    return Interval(n, n)


def _precision(fact: Fact) -> float | None:
    """The size of the last written digit, in base units: "$8.4 billion" -> 1e8."""
    match = _NUMERAL.search(fact.value)
    if match is None or fact.number is None:
        return None
    literal = match.group().replace(",", "")
    written = float(literal)
    if not written:
        return None
    decimals = len(literal.partition(".")[2])
    return abs(fact.number / written) * 10.0**-decimals


def may_be_rounding(a: Fact, b: Fact) -> bool:
    """One exact figure is the other cut to its own, coarser precision ($8bn vs $8.4bn)."""
    precision_a, precision_b = _precision(a), _precision(b)
    if a.number is None or b.number is None or precision_a is None or precision_b is None:
        return False
    coarse = precision_a if precision_a > precision_b else precision_b
    if math.isclose(precision_a, precision_b):
        return False
    return abs(a.number - b.number) < coarse * (1 - 1e-9)
