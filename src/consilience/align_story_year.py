"""The year each article places the story in, as one slot when the articles disagree.

Outlets covering one event date it in their lead: "On Monday, April 14, ...", "has embarked
on his first overseas trip of 2023". Those dates name different events (a speech, a visit,
a signing) and align into different slots, so an article that puts the whole story in
another year would show only as a single-source date. Here each article's lead date gives
the year it reports in, and a slot of those years is made when two articles differ, for
compare.py to judge as a date conflict.

An article's lead date is the most recent date fact that starts within the first
``LEAD_CHARS`` characters (title, dateline and first sentences): a lead that also names a
past year ("jailed on Tuesday for a 2019 murder") is dated by its newest date. A lead year
older than another date the same article gives is history the lead recalls ("ten years
after the 2015 quake"), not the story's year, and is left out; so are the ends of a period
("a contract running until 2031", "the first title since 1989"), and so is the date of a
state or a figure's move ("stood at 6% in March", "has fallen from a high in 2023"), which
dates no happening. A planned event ("expects a decision in 2027", "will open in 2028") is
not the story's year either: it is neither a lead date nor a newer date that makes the lead
history. A lead date that a slot already sets against another outlet's year needs no second
finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import combinations

from consilience.align_clauses import clause_before
from consilience.align_lexicon import LIGHT_VERBS
from consilience.extract.date_years import WEEKDAY_MISMATCH, YEAR_FROM_MENTIONS, YEAR_FROM_WEEKDAY
from consilience.models import Fact, Slot

__all__ = ["LEAD_CHARS", "NEAR_DAYS", "STORY_YEAR_ABOUT", "STORY_YEAR_KEY", "story_year_slot"]

STORY_YEAR_ABOUT = "year of the events reported"
STORY_YEAR_KEY = "story-year"
# Title, dateline and the first one or two sentences of a news article fit in this many
# characters (a long headline is about 120, a lead sentence 200-300).
LEAD_CHARS = 500
# Two lead dates this close belong to one run of coverage even across New Year's Day
# (December 30 and January 2): different years, no conflict.
NEAR_DAYS = 60
_INFERRED_YEARS = frozenset({YEAR_FROM_WEEKDAY, YEAR_FROM_MENTIONS})
# A date right after these words starts or ends a period or sets a deadline: it dates no
# event of the story ("the first title since 1989", "a deal until the summer of 2031").
_PERIOD_END = re.compile(
    r"\b(?:until|till|through|by|to|since)\s+(?:the\s+\w+\s+of\s+)?$", re.IGNORECASE
)
# Words before a date in its own clause that make it a plan or a forecast, not a happening;
# "faster than expected", "as expected" compare what happened with a forecast.
_PLANNED = re.compile(
    r"\b(?:will|would|shall|expects?|(?<!than )(?<!as )expected|expecting|"
    r"(?:plans?|planning|intends?|aims?) to|planned|scheduled|(?:is|are|was|were) (?:due|set) to|"
    r"forecasts?)\b",
    re.IGNORECASE,
)


def story_year_slot(facts: Sequence[Fact], slots: Sequence[Slot] = ()) -> Slot | None:
    """A date slot of each article's lead year, or None when the leads do not disagree.

    Disagreeing means two years too far apart to be one run of coverage, at least one of
    them written by its article rather than inferred from a weekday, neither of them
    already set against another year in a slot of ``slots``.
    """
    leads = _lead_dates(facts)
    shown = _already_against_another_year(slots)
    disagree = any(
        a.value[:4] != b.value[:4]
        and not _near(a.value, b.value)
        and not (_inferred(a) and _inferred(b))
        and id(a) not in shown
        and id(b) not in shown
        for a, b in combinations(leads, 2)
    )
    if not disagree:
        return None
    years = tuple(
        replace(lead, subject="story", about=STORY_YEAR_ABOUT, value=lead.value[:4], unit="year")
        for lead in leads
    )
    return Slot(kind="date", key=STORY_YEAR_KEY, about=STORY_YEAR_ABOUT, facts=years)


def _already_against_another_year(slots: Sequence[Slot]) -> set[int]:
    """Ids of date facts whose slot holds another article's date in another year."""
    shown: set[int] = set()
    for slot in slots:
        if slot.kind != "date":
            continue
        for fact in slot.facts:
            if any(
                other.article != fact.article and other.value[:4] != fact.value[:4]
                for other in slot.facts
            ):
                shown.add(id(fact))
    return shown


def _lead_dates(facts: Sequence[Fact]) -> list[Fact]:
    """The lead date of each article that has one, in article order."""
    by_article: dict[str, list[Fact]] = {}
    for fact in facts:
        if (
            fact.kind == "date"
            and fact.hedge != WEEKDAY_MISMATCH
            and _year(fact.value)
            and not _bounds_a_period(fact)
            and not _planned(fact)
            and fact.subject.casefold() not in LIGHT_VERBS
        ):
            by_article.setdefault(fact.article, []).append(fact)
    leads: list[Fact] = []
    for article in sorted(by_article):
        dates = by_article[article]
        in_lead = [fact for fact in dates if _position(fact) < LEAD_CHARS]
        if not in_lead:
            continue
        lead = max(in_lead, key=lambda fact: (fact.value, -_position(fact)))
        if _year(lead.value) >= max(_year(fact.value) for fact in dates):
            leads.append(lead)
    return leads


def _bounds_a_period(fact: Fact) -> bool:
    if fact.span is None:
        return False
    before = fact.evidence.text[: fact.span.start - fact.evidence.start]
    return _PERIOD_END.search(before) is not None


def _planned(fact: Fact) -> bool:
    """A date of a plan or forecast: "expects a decision in 2027", "will reopen in May"."""
    return _PLANNED.search(clause_before(fact)) is not None


def _position(fact: Fact) -> int:
    return fact.span.start if fact.span is not None else fact.evidence.start


def _year(value: str) -> int:
    """The year of an ISO date, month or year value; 0 when the value is none of those."""
    head = value[:4]
    return int(head) if head.isdigit() and (len(value) == 4 or value[4:5] == "-") else 0


def _inferred(fact: Fact) -> bool:
    return fact.hedge in _INFERRED_YEARS


def _near(a: str, b: str) -> bool:
    """Both dates name at least a month, and lie within NEAR_DAYS of each other."""
    if len(a) < 7 or len(b) < 7 or not (a[5:7].isdigit() and b[5:7].isdigit()):
        return False  # a year, or a part of one ("2027-Q2")
    first, second = _first_day(a), _first_day(b)
    return abs((first - second).days) <= NEAR_DAYS


def _first_day(value: str) -> date:
    year, month, *day = (int(part) for part in value.split("-"))
    return date(year, month, day[0] if day else 1)
