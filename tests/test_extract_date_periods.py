"""date_periods: date values as spans of days; one agrees with another it holds."""

from __future__ import annotations

from datetime import date

import pytest

from consilience.extract.date_periods import period_span, periods_agree


def test_a_quarter_spans_its_three_months() -> None:
    assert period_span("2028-Q3") == (date(2028, 7, 1), date(2028, 9, 30))


def test_a_half_spans_six_months() -> None:
    assert period_span("2028-H2") == (date(2028, 7, 1), date(2028, 12, 31))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2028", "2028-Q3"),
        ("2028-Q3", "2028-08"),
        ("2028-Q3", "2028-09-30"),
        ("2028-H2", "2028-Q4"),
        ("2028-04", "2028-04-17"),
    ],
)
def test_a_period_agrees_with_a_date_it_holds(a: str, b: str) -> None:
    assert periods_agree(a, b) and periods_agree(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2028-Q3", "2028-06"),  # the end of June is the second quarter
        ("2028-Q3", "2028-Q4"),
        ("2028-H1", "2028-Q3"),
        ("2028-04-17", "2028-04-18"),
        ("2027", "2028-Q1"),
    ],
)
def test_periods_that_do_not_overlap_disagree(a: str, b: str) -> None:
    assert not periods_agree(a, b)


def test_values_that_are_no_dates_agree_only_as_prefixes() -> None:
    assert periods_agree("unknown", "unknown")
    assert not periods_agree("soon", "later")
