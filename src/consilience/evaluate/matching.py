"""Tie produced findings to labelled ones.

A label value (or one of its ``forms``) matches a variant when, after casefolding and
trimming, the two strings are equal, or one holds the other as a whole run of tokens
("at least 12" holds "12"; "1,200" does not hold "1"), or both read as the same number
(``parse_number``) with the same unit when both have one, or the label wording is a date
("Friday, March 13", "13 March 2025", "Monday", "end of March 2027", "second quarter of
2027") and the produced value an ISO date ("2026-03-13", "2027-03", "2027-Q2") agreeing with
every part the wording gives (year, month, day, weekday, quarter or half): the
tool reports dates as ISO dates resolved against publication, labels as written; or both
are the same clock time, however written ("7:42 a.m." = "7:42am" = "07:42 AM"). A list of
names matches the same names in any order ("A, B and C" / "B, A, C"), and an ``entity`` label
(a set of entities) matches a ``claim`` finding, the kind the tool gives such sets.

Values are paired with variants one to one (a maximum bipartite matching), so one variant
"Former transport minister" cannot stand for both "Transport Minister" and "Former transport
minister".

A finding *mentions* a label when one of its evidence sentences contains one of the label's
``match`` substrings. It *matches a label as a conflict* when the kinds agree, it mentions the
label and its variants cover at least two of the label's values; it *matches fully* when they
cover all of them.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from consilience.evaluate.labels import LabelledFinding, LabelValue
from consilience.extract.numbers import ParsedNumber, parse_number
from consilience.extract.times import clock_value
from consilience.models import Finding, Variant

__all__ = [
    "covered_values",
    "is_sibling",
    "matches_as_conflict",
    "matches_fully",
    "matches_single_source",
    "mentions",
    "wording_matches",
]

# A conflict is two or more variants, so a produced conflict must show two labelled values.
MIN_CONFLICT_VALUES = 2

# Numbers keep their separators and a glued %/am/pm ("1,200", "58.3%", "3:12am"), so that
# "1" is not found inside "1,200"; words are runs of letters and digits.
_TOKEN = re.compile(r"[$€£¥]?\d+(?:[.,:]\d+)*(?:%|am|pm)?|[^\W_]+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _normalise(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split()).strip(" .,;:'\"")


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(_normalise(text)))


def _holds(outer: Sequence[str], inner: Sequence[str]) -> bool:
    """True when ``inner`` occurs in ``outer`` as a contiguous run of whole tokens."""
    if not inner or len(inner) > len(outer):
        return False
    width = len(inner)
    return any(tuple(outer[i : i + width]) == tuple(inner) for i in range(len(outer) - width + 1))


def _same_number(a: ParsedNumber, b: ParsedNumber) -> bool:
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return False
    if a.is_range != b.is_range:
        return False
    uppers_agree = a.upper == b.upper or (
        a.upper is not None and b.upper is not None and math.isclose(a.upper, b.upper)
    )
    return math.isclose(a.value, b.value) and uppers_agree


_MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name}
_WEEKDAYS = {name.casefold(): i for i, name in enumerate(calendar.day_name)}
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_ISO_PART = re.compile(r"(\d{4})-([QH][1-4])")
# Words around a written date that name no part of it ("by the end of March 2027").
_DATE_FILLER = frozenset({"the", "of", "by", "in", "on"})
# Words that place a date inside a period ("by the end of March 2027", "early 2027"): the label
# then states no day, and a produced date naming a day is more precise than the label allows.
_PERIOD_QUALIFIERS = frozenset({"end", "early", "late", "mid", "start", "beginning"})
_PART_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_PART_NOUNS = {"quarter": "Q", "half": "H"}
_DATE_WORD = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True, slots=True)
class _DateParts:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None  # a quarter or half of the year: "Q2", "H1"
    qualified: bool = False  # "end of", "early", "mid": a time within the period, no day


def _label_date(text: str) -> _DateParts | None:
    """The parts a written date gives ("Friday, March 13", "second quarter of 2027"), or None
    when it is not a date."""
    parts: dict[str, int] = {}
    words = _DATE_WORD.findall(text.casefold())
    part = _year_part(words)
    qualified = False
    for word in words:
        if word in _DATE_FILLER or (part is not None and word in _PART_ORDINALS | _PART_NOUNS):
            continue
        if word in _PERIOD_QUALIFIERS:
            qualified = True
            continue
        if word in _WEEKDAYS:
            parts["weekday"] = _WEEKDAYS[word]
        elif word in _MONTHS:
            parts["month"] = _MONTHS[word]
        elif word.isdigit() and len(word) == 4:
            parts["year"] = int(word)
        elif word.isdigit() and 1 <= int(word) <= 31:
            parts["day"] = int(word)
        else:
            return None
    if not (parts or part) or ("day" in parts and "month" not in parts):
        return None
    return _DateParts(**parts, part=part, qualified=qualified)


def _year_part(words: Sequence[str]) -> str | None:
    """ "Q2" for the words of "second quarter", "H1" for "first half"; else None."""
    for ordinal, noun in pairwise(words):
        if ordinal in _PART_ORDINALS and noun in _PART_NOUNS:
            number = _PART_ORDINALS[ordinal]
            return f"{_PART_NOUNS[noun]}{min(number, 2) if noun == 'half' else number}"
    return None


def _same_date(label_text: str, produced: str) -> bool:
    wanted = _label_date(label_text)
    part = _ISO_PART.fullmatch(produced.strip())
    if wanted is not None and part is not None:  # "second quarter of 2027" = "2027-Q2"
        year_agrees = wanted.year is None or wanted.year == int(part.group(1))
        return wanted.part == part.group(2) and year_agrees and wanted.month is None
    if wanted is None or wanted.part is not None:
        return False
    iso = _ISO_DATE.fullmatch(produced.strip())
    if wanted is None or iso is None:
        return False
    year, month, day = (int(g) if g else None for g in iso.groups())
    try:
        weekday = date(year, month, day).weekday() if year and month and day else None
    except ValueError:  # "2026-02-30" is no day at all
        return False
    if wanted.qualified and day is not None:
        return False  # "early March 2027" does not say 2027-03-30
    given = _DateParts(year, month, day, weekday)
    # Every part the label states must be stated, and equal, in the produced date.
    return all(
        getattr(wanted, part) is None or getattr(wanted, part) == getattr(given, part)
        for part in ("year", "month", "day", "weekday")
    )


def _same_time(label_text: str, produced: str) -> bool:
    """One clock time however written: "7:42 a.m." = "7:42am" = "07:42"; a bare time is read
    as 24-hour, so "07:42" is not "7:42pm"."""
    label_time = clock_value(label_text)
    return label_time is not None and label_time == clock_value(produced)


_LIST_SEPARATOR = re.compile(r"\s*,\s+(?:and\s+)?|\s+and\s+")


def _same_list(label_text: str, produced: str) -> bool:
    """Two lists of the same names in any order ("A, B and C" / "B, A, C")."""
    label_items = _LIST_SEPARATOR.split(_normalise(label_text))
    produced_items = _LIST_SEPARATOR.split(_normalise(produced))
    return len(label_items) > 1 and sorted(label_items) == sorted(produced_items)


def _name_list(text: str) -> bool:
    """Two or more capitalised names in a list ("Kell, Osta and Lirwen")."""
    items = _LIST_SEPARATOR.split(text.strip())
    return len(items) > 1 and all(item[:1].isupper() for item in items)


def _kinds_agree(produced: str, labelled: str) -> bool:
    """One kind, or an entity-set label ("countries that joined ...") and a claim finding:
    the tool reports sets of entities as claims."""
    return produced == labelled or {produced, labelled} == {"claim", "entity"}


# A word after a labelled figure that names what it counts ("120 rescue workers").
_LAST_WORD = re.compile(r"\s+[^\W\d_]+$")
_MAX_COUNTED_WORDS = 3


def _counted_number(text: str) -> tuple[ParsedNumber | None, bool]:
    """The number of a labelled figure, read past the noun it counts ("1.2 million crowns" is
    1.2 million, as "more than 1.2 million" is; hedges are compared as elsewhere), and whether
    words had to be dropped to read it: then the label's unit is unknown."""
    number = parse_number(text)
    dropped = False
    for _ in range(_MAX_COUNTED_WORDS):
        if number is not None or not _LAST_WORD.search(text):
            break
        text = _LAST_WORD.sub("", text)
        number = parse_number(text)
        dropped = True
    return number, dropped


def wording_matches(label_text: str, produced: str) -> bool:
    """True when a labelled wording and a produced value say the same thing (see module doc).

    >>> wording_matches("at least 41", "41")
    True
    """
    if _normalise(label_text) == _normalise(produced) or _same_list(label_text, produced):
        return True
    if _same_date(label_text, produced) or _same_time(label_text, produced):
        return True
    if _name_list(label_text) or _name_list(produced):
        return False  # "Germany" is not the set "France, Germany and Italy"
    label_tokens, produced_tokens = _tokens(label_text), _tokens(produced)
    if _holds(label_tokens, produced_tokens) or _holds(produced_tokens, label_tokens):
        return True
    (label_number, dropped), produced_number = _counted_number(label_text), parse_number(produced)
    if label_number is None or produced_number is None:
        return False
    if dropped and produced_number.unit is not None:
        return False  # "300 firefighters" is not "300%", nor "12 crowns" "$12"
    return _same_number(label_number, produced_number)


def _value_matches(value: LabelValue, variant: Variant) -> bool:
    return any(wording_matches(wording, variant.value) for wording in value.wordings)


def covered_values(values: Sequence[LabelValue], variants: Sequence[Variant]) -> int:
    """How many labelled values can be paired, one to one, with a matching variant."""
    options = [[j for j, v in enumerate(variants) if _value_matches(value, v)] for value in values]
    owner: dict[int, int] = {}  # variant index -> value index it is paired with

    def pair(i: int, seen: set[int]) -> bool:
        # Kuhn's augmenting path: take a free variant, or move its owner to another one.
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or pair(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(pair(i, set()) for i in range(len(values)))


def mentions(finding: Finding, match: Sequence[str]) -> bool:
    """True when an evidence sentence of ``finding`` holds one of ``match`` (casefolded).

    An empty ``match`` places no condition.
    """
    if not match:
        return True
    sentences = [e.text.casefold() for v in finding.variants for e in v.evidence]
    return any(m.casefold() in s for s in sentences for m in match)


def matches_as_conflict(finding: Finding, label: LabelledFinding) -> bool:
    """Same kind, mentions the label, and variants cover two or more of its values."""
    needed = min(MIN_CONFLICT_VALUES, len(label.values))
    return (
        _kinds_agree(finding.kind, label.kind)
        and mentions(finding, label.match)
        and covered_values(label.values, finding.variants) >= needed
    )


def matches_fully(finding: Finding, label: LabelledFinding) -> bool:
    """Same kind, mentions the label, and variants cover every one of its values."""
    return (
        _kinds_agree(finding.kind, label.kind)
        and mentions(finding, label.match)
        and covered_values(label.values, finding.variants) == len(label.values)
    )


def matches_single_source(finding: Finding, label: LabelledFinding) -> bool:
    """A single-source finding whose one variant covers the label's value."""
    return (
        finding.status == "single_source"
        and len(finding.variants) == 1
        and matches_fully(finding, label)
    )


def is_sibling(a: LabelledFinding, b: LabelledFinding) -> bool:
    """An ``updated`` and a ``conflict`` label about one slot (same kind, a shared value, a
    shared match word): a finding may rightly be reported as either.
    """
    if {a.status, b.status} != {"updated", "conflict"} or a.kind != b.kind:
        return False
    shared_value = {_normalise(v.text) for v in a.values} & {_normalise(v.text) for v in b.values}
    return bool(shared_value) and bool(set(a.match) & set(b.match))
