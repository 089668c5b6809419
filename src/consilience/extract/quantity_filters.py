"""Tell amounts from the other numbers news text is full of: years, times, ages, labels.

A number is a quantity fact only when it counts or measures something. These rules look at
the words around a number expression and set aside dates, durations, clock times, ages,
ordinal labels ("Page 3", "Flight 370"), phone numbers and determiner-bound small numbers
("the two countries"). They need no model; the parse-based path adds entity checks on top.
"""

from __future__ import annotations

import re

from consilience.extract.numbers import NumberMatch

__all__ = ["MONTHS", "is_not_an_amount"]

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
# Years as bare numbers: news dates events from the 20th century to the near future.
FIRST_YEAR, LAST_YEAR = 1900, 2100
# Seven digits or more separated by dashes/spaces are phone numbers, not ranges: no count in
# news text is written "555-1234".
PHONE_MIN_DIGITS = 7
# "the two countries" refers back to things already named; small word numbers bound to a
# definite determiner are anaphora, not counts. Ten is where newsroom style switches to digits.
LARGEST_ANAPHORIC_NUMBER = 10

_TIME_UNIT_AFTER = re.compile(
    r"^[\s-]*(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|decades?|centuries|"
    r"century|nights?|yrs?)\b",
    re.IGNORECASE,
)
_MONTH_ALT = "|".join(MONTHS)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH_ALT})\.?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^\s*(?:of\s+)?(?:{_MONTH_ALT})\b", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|o'clock|hrs)(?!\w)", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s*$", re.IGNORECASE)
_AGE_APPOSITION = re.compile(r"[A-Z][\w'’-]+,\s*$")
_LABEL_BEFORE = re.compile(
    r"\b(?:page|p\.|photo|image|slide|chapter|section|no\.|number|step|vol\.?|volume|issue|"
    r"episode|article|clause|paragraph|part|room|flight|route|highway|gate|platform|season|"
    r"grade|level|phase|stage|version|model|item|figure|table|apartment|suite|unit|"
    r"channel|line|row|seat|round|week|day|game|act|resolution|lot|box)\s*$|#\s*$",
    re.IGNORECASE,
)
_OF_TOTAL_AFTER = re.compile(r"^\s*(?:of\s+\d|/\s*\d)", re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our|all|both|first|last|next|other)\s+$",
    re.IGNORECASE,
)
_ONE_AS_PRONOUN = re.compile(r"^\s*(?:of|another|by|-|another|who|that|which|,|\.)", re.I)


def is_not_an_amount(text: str, match: NumberMatch) -> bool:
    """True when the number at ``match`` (offsets into ``text``) is no count or measure."""
    before = text[max(0, match.start - 40) : match.start]
    after = text[match.end : match.end + 40]
    number = match.number
    bare = number.unit is None and number.scale_word is None
    digits = re.sub(r"\D", "", match.text)
    if bare and not number.is_range and _is_year(match.text, number.value):
        return True
    if number.is_range and bare and len(digits) >= PHONE_MIN_DIGITS and "," not in match.text:
        return True
    if before.rstrip().endswith("+") or _OF_TOTAL_AFTER.match(after):
        return True
    if bare and not before.strip() and re.match(r"[.)](?:\s|$)", after):  # "1. " list numbering
        return True
    if bare and _TIME_UNIT_AFTER.match(after):
        return True
    if bare and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
        return True
    if bare and (_CLOCK_AFTER.match(after) or _AGE_BEFORE.search(before)):
        return True
    if bare and _LABEL_BEFORE.search(before):
        return True
    if bare and _AGE_APPOSITION.search(before) and after.lstrip().startswith((",", ")")):
        return True
    is_word = not any(ch.isdigit() for ch in match.text)
    if is_word and bare and number.value <= LARGEST_ANAPHORIC_NUMBER:
        if _DEFINITE_BEFORE.search(before):
            return True
        if number.value == 1 and (_ONE_AS_PRONOUN.match(after) or not after.strip()):
            return True
    return False


def _is_year(text: str, value: float) -> bool:
    return (
        value.is_integer()
        and FIRST_YEAR <= value <= LAST_YEAR
        and re.fullmatch(r"\d{4}", text.strip()) is not None
    )
