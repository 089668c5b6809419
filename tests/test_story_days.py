"""The days a lead names, as story clustering reads them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from consilience.story_days import lead_days

FRIDAY = datetime(2025, 3, 7, 14, 30, tzinfo=UTC)


def days(text: str, published: datetime | None = FRIDAY) -> list[str]:
    return sorted(date.fromordinal(day).isoformat() for day in lead_days(text, published))


def test_a_bare_weekday_is_the_latest_such_day_up_to_publication() -> None:
    assert days("The ferry sank on Tuesday, officials said.") == ["2025-03-04"]
    assert days("Rescuers worked through Friday night.") == ["2025-03-07"]
    assert days("Saturday's match was called off.") == ["2025-03-01"]


def test_relative_days_count_from_publication() -> None:
    assert days("Two men were arrested yesterday.") == ["2025-03-06"]
    assert days("The council meets today and again tonight.") == ["2025-03-07"]


def test_month_and_day_take_the_publication_year_unless_that_is_far_ahead() -> None:
    assert days("The vote on March 4 was close.") == ["2025-03-04"]
    assert days("Results came on 12th February.") == ["2025-02-12"]
    new_year = datetime(2025, 1, 3, tzinfo=UTC)
    assert days("The storm of December 28 flooded the port.", new_year) == ["2024-12-28"]


def test_history_and_plans_are_not_the_day_of_the_news() -> None:
    assert days("It was the worst flood since the storm of 3 May 1999.") == []
    assert days("The ministers will meet again on March 20.") == []
    assert days("The strike will begin on Monday, the union said.") == []
    assert days("Voting is due to close on Sunday.") == []


def test_words_that_only_look_like_days_are_not_days() -> None:
    assert days("Up to 12 may have died, and 5 junior doctors were hurt.") == []
    assert days("She told the Sunday Times and USA Today about it.") == []
    assert days("Shops reported record Black Friday sales.") == []
    assert days("He spoke on the Today programme.") == []


def test_a_planned_weekday_is_not_the_event_day() -> None:
    assert days("Talks resume next Monday.") == []


def test_without_a_publication_time_only_full_dates_count() -> None:
    assert days("It closed on Tuesday, and reopened on June 2, 2024.", None) == ["2024-06-02"]


def test_a_weekday_is_read_in_the_outlets_own_time_zone() -> None:
    # Tuesday 22:00 in UTC is already Wednesday morning in Tokyo, where the outlet wrote it.
    tokyo = datetime(2025, 3, 5, 7, 0, tzinfo=timezone(timedelta(hours=9)))
    assert days("Parliament met on Wednesday.", tokyo) == ["2025-03-05"]


def test_an_impossible_date_is_ignored() -> None:
    assert days("The report dated February 30 was a forgery.") == []


def test_a_follow_up_names_both_the_new_day_and_the_event_day() -> None:
    lead = "Police said on Friday that the fire that killed two people on Tuesday was arson."
    assert days(lead) == ["2025-03-04", "2025-03-07"]
