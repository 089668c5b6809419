"""Date values as spans of days, so dates at different precision can be set side by side.

Date facts carry ISO values at the precision the article gives ("2027", "2027-03",
"2027-03-01") or a part of a year: a quarter ("2027-Q2", "the second quarter of 2027") or a
half ("2027-H1", "the first half of 2027"). Two values *agree* when one span holds the
other: "2027" holds "2027-Q2", "2027-Q2" holds "2027-05-14", but "2027-Q2" and "2027-03"
(end of March, the first quarter) disagree. For plain ISO values this is the prefix rule.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

__all__ = ["MONTHS_IN_HALF", "MONTHS_IN_QUARTER", "period_span", "periods_agree"]

MONTHS_IN_QUARTER = 3
MONTHS_IN_HALF = 6
_VALUE = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?")


def period_span(value: str) -> tuple[date, date] | None:
    """First and last day a date value covers; None when it is no date value."""
    found = _VALUE.fullmatch(value.strip())
    if found is None:
        return None
    year_text, month_text, day_text, quarter, half = found.groups()
    year = int(year_text)
    try:
        if day_text is not None:
            day = date(year, int(month_text), int(day_text))
            return day, day
        if month_text is not None:
            return _months(year, int(month_text), int(month_text))
    except ValueError:
        return None
    if quarter is not None:
        first = (int(quarter) - 1) * MONTHS_IN_QUARTER + 1
        return _months(year, first, first + MONTHS_IN_QUARTER - 1)
    if half is not None:
        first = (int(half) - 1) * MONTHS_IN_HALF + 1
        return _months(year, first, first + MONTHS_IN_HALF - 1)
    return date(year, 1, 1), date(year, 12, 31)


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    if not 1 <= first <= last <= len(calendar.month_name) - 1:
        raise ValueError(f"no such months: {first}-{last}")
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def periods_agree(a: str, b: str) -> bool:
    """True when one date value's span holds the other's (see module doc); values that are
    no dates agree only when equal, or one is a prefix of the other."""
    span_a, span_b = period_span(a), period_span(b)
    if span_a is None or span_b is None:
        short, long = sorted((a, b), key=len)
        return long.startswith(short)
    return (span_a[0] <= span_b[0] and span_b[1] <= span_a[1]) or (
        span_b[0] <= span_a[0] and span_a[1] <= span_b[1]
    )
