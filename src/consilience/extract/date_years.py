"""Which year a day and month belong to when the article does not write it.

With a publication date, the nearest fitting date to it (the weekday, if given, must
agree). Without one, a weekday narrows the year to those in which it falls on that date:
the one nearest the years the article mentions, else the latest not after today (hedge
"year inferred from weekday"). A bare day and month takes the year the article names most
(hedge "year inferred from years mentioned"), or stays undated when it names none.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "CALENDAR_CYCLE_YEARS",
    "FUTURE_HORIZON",
    "PUBLISHED_YEAR_SPREAD",
    "WEEKDAY_MISMATCH",
    "YEAR_FROM_MENTIONS",
    "YEAR_FROM_WEEKDAY",
    "YearAnchors",
    "resolve_day",
]

WEEKDAY_MISMATCH = "weekday mismatch"
# Hedges saying the year of a day was not written but inferred (no publication date):
# from the weekday the article gives, or from the years the article mentions elsewhere.
YEAR_FROM_WEEKDAY = "year inferred from weekday"
YEAR_FROM_MENTIONS = "year inferred from years mentioned"
# A weekday date with no year is placed within a year of publication: news reports recent or
# upcoming events. Without a publication date, years this far either side of those the
# article mentions (or before today) are tried: the Gregorian calendar repeats every 28
# years between century years, so every weekday/date pair, even Monday, February 29, occurs.
PUBLISHED_YEAR_SPREAD = 1
CALENDAR_CYCLE_YEARS = 28
# Without a publication date, a planned event ("will meet on Tuesday, June 2") may lie up to
# this far after today: announcements rarely look further than a year ahead.
FUTURE_HORIZON = timedelta(days=366)


@dataclass(frozen=True, slots=True)
class YearAnchors:
    """What a year-less date is resolved against: publication, years named, today."""

    published: date | None
    mentioned: tuple[int, ...]
    today: date


def resolve_day(
    year: int | None,
    month: int,
    day: int,
    weekday: int | None,
    anchors: YearAnchors,
    future: bool,
) -> tuple[date, str | None] | None:
    """The date of a day and month (weekday 0 = Monday, if given) and its hedge.

    A written year is kept and its weekday checked; otherwise the year is chosen from the
    publication date, the weekday or the years the article mentions. None when no year can
    be chosen without guessing, or when the day does not exist.
    """
    if year is not None:
        stated = _safe_date(year, month, day)
        if stated is None:
            return None
        mismatch = weekday is not None and stated.weekday() != weekday
        return stated, (WEEKDAY_MISMATCH if mismatch else None)
    published = anchors.published
    if published is not None:
        years = range(published.year - PUBLISHED_YEAR_SPREAD, published.year + 2)
        candidates = _on_weekday(_dates_of(month, day, years), weekday)
        if not candidates:
            fallback = _safe_date(published.year, month, day) or date(published.year, month, 1)
            return fallback, WEEKDAY_MISMATCH
        return min(candidates, key=lambda d: abs((d - published).days)), None
    if weekday is None:
        return _day_in_mentioned_year(month, day, anchors.mentioned, future)
    return _year_from_weekday(month, day, weekday, anchors, future)


def _dates_of(month: int, day: int, years: range) -> list[date]:
    return [d for y in years if (d := _safe_date(y, month, day)) is not None]


def _on_weekday(candidates: list[date], weekday: int | None) -> list[date]:
    return candidates if weekday is None else [d for d in candidates if d.weekday() == weekday]


def _day_in_mentioned_year(
    month: int, day: int, mentioned: tuple[int, ...], future: bool
) -> tuple[date, str | None] | None:
    """No weekday to test: the year the article names most often, or nothing when it names
    none -- a day needs a year, and guessing one invents a fact. On a tie, a past event
    takes the earliest year (the later ones are its plans: "announced on 14 September ...
    to file in 2026 ... a decision in 2027"), a planned one the latest."""
    if not mentioned:
        return None
    later = 1 if future else -1
    year = max(Counter(mentioned).items(), key=lambda item: (item[1], later * item[0]))[0]
    chosen = _safe_date(year, month, day)
    return (chosen, YEAR_FROM_MENTIONS) if chosen is not None else None


def _year_from_weekday(
    month: int, day: int, weekday: int, anchors: YearAnchors, future: bool
) -> tuple[date, str | None] | None:
    """No publication date: a year in which the weekday falls on that day.

    Nearest the years the article mentions (on a tie, one not after the latest possible
    date, then the later); with no year mentioned, the latest not after today (or, for a
    planned event, not after a year from today).
    """
    latest = anchors.today + FUTURE_HORIZON if future else anchors.today
    mentioned = anchors.mentioned
    if mentioned:
        years = range(min(mentioned) - CALENDAR_CYCLE_YEARS, max(mentioned) + CALENDAR_CYCLE_YEARS)
        candidates = _on_weekday(_dates_of(month, day, years), weekday)
        if not candidates:
            year = max(mentioned)
            return _safe_date(year, month, day) or date(year, month, 1), WEEKDAY_MISMATCH
        closest = min(
            candidates,
            key=lambda d: (min(abs(d.year - a) for a in mentioned), d > latest, -d.year),
        )
        return closest, YEAR_FROM_WEEKDAY
    years = range(latest.year - CALENDAR_CYCLE_YEARS, latest.year + 1)
    candidates = [d for d in _on_weekday(_dates_of(month, day, years), weekday) if d <= latest]
    return (max(candidates), YEAR_FROM_WEEKDAY) if candidates else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
