"""The days a headline and lead name: "on Tuesday", "yesterday", "March 4".

News leads date their event, so two reports whose leads name days far apart are about two
events even when they share a city and a beat (a warehouse fire on Tuesday, a tower fire on
Friday). A weekday is read as the latest such day on or before publication, the way news
uses a bare weekday; without a publication time only dates with a year count. Cheap on
purpose: it reads a few hundred characters per article and feeds story clustering only (the
fact engine dates facts with ``extract.dates``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

__all__ = ["lead_days"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "jan" -> 1 ... "dec" -> 12: every month pattern below starts with these three letters.
_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
# "May" only capitalised: "up to 12 may have died" names no day.
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May)|june?|july?|" + (
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
# Named days that are not the day of the news: feasts, shopping days, newspapers.
_NOT_A_DAY_BEFORE = r"(?<!good )(?<!black )(?<!cyber )(?<!ash )(?<!super )(?<!easter )"
_NOT_A_DAY_BEFORE += r"(?<!bloody )(?<!holy )(?<!palm )(?<!mail on )(?<!scotland on )"
_NOT_A_DAY_AFTER = (
    r"(?!\s+(?:times|telegraph|mirror|express|post|herald|people|sport|star|independent)\b)"
)
_DAY_MENTION = re.compile(
    r"\b(?:(?P<next>next|coming|this coming|this)\s+)?"
    + _NOT_A_DAY_BEFORE
    + r"(?P<weekday>"
    + "|".join(_WEEKDAYS)
    + r")\b"
    + _NOT_A_DAY_AFTER
    + r"|(?<!usa )\b(?P<relative>yesterday|today|tonight|last\s+night)\b"
    r"(?!\s+(?:programme|program|show)\b)"
    rf"|\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('month', 'month2')}"
    r"(?:,?\s+(?P<year2>\d{4}))?",
    re.IGNORECASE,
)
_RELATIVE_OFFSET = {"yesterday": -1, "today": 0, "tonight": 0, "last night": -1}
# A month and day without a year more than this far after publication is last year's.
_FUTURE_SLACK = timedelta(days=31)
# A lead dates its event within these bounds of publication; a day further back is history
# ("since the March 11, 2011 quake") and a day ahead is a plan, neither the news's own day.
EVENT_DAYS_BACK = timedelta(days=30)
EVENT_DAYS_AHEAD = timedelta(days=1)
# Words that make the weekday after them a plan ("will begin on Monday", "is due on Friday").
_PLAN = re.compile(
    r"\b(?:will|shall|due|set to|scheduled|expected to|plans? to|going to)\b[^.;!?]*$",
    re.IGNORECASE,
)
_PLAN_REACH = 60  # characters before a weekday searched for a plan word


def lead_days(text: str, published: datetime | None) -> frozenset[int]:
    """Ordinal days (``date.toordinal``) named in ``text``, resolved against ``published``.

    >>> friday = datetime(2025, 3, 7, 12)
    >>> sorted(date.fromordinal(d).isoformat() for d in lead_days("Fire on Tuesday", friday))
    ['2025-03-04']
    >>> lead_days("Fire on Tuesday", None)
    frozenset()
    """
    today = published.date() if published is not None else None
    days = set()
    for match in _DAY_MENTION.finditer(text):
        if match.group("weekday") and _PLAN.search(
            text[max(0, match.start() - _PLAN_REACH) : match.start()]
        ):
            continue
        if _mid_sentence_capital(text, match, "relative"):
            continue  # "USA Today", "the Today programme": a title, not a day
        day = _resolve(match, today)
        if day is None:
            continue
        if today is not None and not today - EVENT_DAYS_BACK <= day <= today + EVENT_DAYS_AHEAD:
            continue
        days.add(day.toordinal())
    return frozenset(days)


def _mid_sentence_capital(text: str, match: re.Match[str], group: str) -> bool:
    """True when ``group`` matched a capitalised word that does not open a sentence."""
    word = match.group(group)
    if word is None or not word[0].isupper():
        return False
    before = text[: match.start(group)].rstrip()
    return bool(before) and before[-1] not in ".!?\n\"'“‘:"


def _resolve(match: re.Match[str], today: date | None) -> date | None:
    weekday, relative = match.group("weekday"), match.group("relative")
    if weekday is not None:
        if today is None or match.group("next"):
            return None  # "next Friday" is a plan, not the event
        back = (today.weekday() - _WEEKDAYS.index(weekday.lower())) % 7
        return today - timedelta(days=back)
    if relative is not None:
        if today is None:
            return None
        return today + timedelta(days=_RELATIVE_OFFSET[" ".join(relative.lower().split())])
    month_name = match.group("month") or match.group("month2")
    day_text = match.group("day") or match.group("day2")
    year_text = match.group("year") or match.group("year2")
    month = _MONTH_NUMBERS[month_name[:3].lower()]
    if year_text is not None:
        return _date(int(year_text), month, int(day_text))
    if today is None:
        return None
    found = _date(today.year, month, int(day_text))
    if found is not None and found - today > _FUTURE_SLACK:
        found = _date(today.year - 1, month, int(day_text))
    return found


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # "February 30"
        return None
