"""Publication dates as written by outlets and feeds -> aware UTC datetimes."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import dateparser

__all__ = ["parse_published", "struct_time_to_utc"]

# Relative phrases ("2 hours ago", "yesterday") depend on when we run, not on the article, and
# a date missing its day or year would be invented by the parser: both are refused.
_DATEPARSER_SETTINGS: dict[str, object] = {
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TO_TIMEZONE": "UTC",
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}


def _as_utc(moment: datetime) -> datetime:
    """Naive times are taken to be UTC: outlets that omit the zone rarely mean local time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def parse_published(value: str | None) -> datetime | None:
    """An ISO-8601 or written-out date as an aware UTC datetime, or None if unreadable.

    >>> parse_published("2024-03-05")
    datetime.datetime(2024, 3, 5, 0, 0, tzinfo=datetime.timezone.utc)
    """
    if value is None or not value.strip():
        return None
    cleaned = value.strip()
    try:
        return _as_utc(datetime.fromisoformat(cleaned))
    except ValueError:
        pass
    parsed = dateparser.parse(cleaned, settings=_DATEPARSER_SETTINGS)
    return None if parsed is None else _as_utc(parsed)


def struct_time_to_utc(value: time.struct_time | None) -> datetime | None:
    """A feedparser ``*_parsed`` value (a UTC struct_time) as an aware datetime."""
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None
