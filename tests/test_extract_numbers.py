"""parse_number and find_number_expressions: how news writes amounts, read exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consilience.extract.numbers import ParsedNumber, find_number_expressions, parse_number


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("40", 40.0, None),
        ("1,200", 1200.0, None),
        ("14.6", 14.6, None),
        ("forty-five", 45.0, None),
        ("two dozen", 24.0, None),
        ("a hundred", 100.0, None),
        ("three", 3.0, None),
        ("one hundred and twenty", 120.0, None),
        ("1.2 million", 1.2e6, None),
        ("8.4bn", 8.4e9, None),
        ("$8.4 billion", 8.4e9, "USD"),
        ("US$8 billion", 8e9, "USD"),
        ("€1.5m", 1.5e6, "EUR"),
        ("£300", 300.0, "GBP"),
        ("Rs 5 crore", 5e7, "INR"),
        ("₹2 lakh", 2e5, "INR"),
        ("5,000 yuan", 5000.0, "CNY"),
        ("8 billion US dollars", 8e9, "USD"),
        ("USD 8 billion", 8e9, "USD"),
        ("145%", 145.0, "%"),
        ("145 percent", 145.0, "%"),
        ("145 per cent", 145.0, "%"),
    ],
)
def test_reads_digits_words_scales_currencies_and_percent(
    text: str, value: float, unit: str | None
) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.value == pytest.approx(value)
    assert parsed.unit == unit


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("about 40", "about"),
        ("an estimated 1,200", "about"),
        ("nearly 2.5 million", "nearly"),
        ("close to 50", "nearly"),
        ("more than 100", "more than"),
        ("upwards of 100", "more than"),
        ("at least 12", "at least"),
        ("as many as 30", "up to"),
        ("up to 46 percent", "up to"),
        ("fewer than 20", "less than"),
        ("40", None),
    ],
)
def test_hedges_map_to_the_conventions_keys(text: str, hedge: str | None) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.hedge == hedge


@pytest.mark.parametrize("text", ["30-40", "30 to 40", "between 30 and 40", "30–40"])
def test_ranges_keep_the_lower_bound_and_the_upper(text: str) -> None:
    assert parse_number(text) == ParsedNumber(30.0, None, "range", None, True, 40.0)


def test_a_scale_or_unit_on_the_upper_bound_covers_the_lower() -> None:
    parsed = parse_number("$1-2 billion")
    assert parsed is not None
    assert (parsed.value, parsed.upper, parsed.unit) == (1e9, 2e9, "USD")


@pytest.mark.parametrize("text", ["2024-25", "thirty forty", "100m", "Monday", "", "G7"])
def test_non_amounts_are_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_finder_skips_numbers_glued_to_names_and_hyphen_adjectives() -> None:
    text = "The G7, the C909 jet, COVID-19, 5G, a two-day visit and a 21-gun salute."
    assert find_number_expressions(text) == []


def test_finder_returns_exact_offsets_with_hedges() -> None:
    text = "China signed about 40 deals and tariffs of up to 46 percent, worth $8 billion."
    found = find_number_expressions(text)
    assert [m.text for m in found] == ["about 40", "up to 46 percent", "$8 billion"]
    assert all(text[m.start : m.end] == m.text for m in found)


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen".split()  # noqa: SIM905
_ONES += "fourteen fifteen sixteen seventeen eighteen nineteen".split()  # noqa: SIM905
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905


def _words(n: int) -> str:
    """A naive reference speller for 0 <= n < 1,000,000."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10 - 2] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + _words(rest))
    rest = n % 1000
    return _words(n // 1000) + " thousand" + ("" if rest == 0 else " " + _words(rest))


@given(st.integers(min_value=0, max_value=999_999))
def test_spelled_out_integers_read_back(n: int) -> None:
    parsed = parse_number(_words(n))
    assert parsed is not None
    assert parsed.value == n


@given(st.integers(min_value=0, max_value=10**12))
def test_comma_grouped_integers_read_back(n: int) -> None:
    parsed = parse_number(f"{n:,}")
    assert parsed is not None
    assert parsed.value == n


@given(
    st.decimals(min_value=0, max_value=999, places=1, allow_nan=False, allow_infinity=False),
    st.sampled_from([("million", 1e6), ("bn", 1e9), ("billion", 1e9), ("trillion", 1e12)]),
    st.sampled_from([("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("", None)]),
)
def test_money_with_scale_reads_back(
    amount: object, scale: tuple[str, float], currency: tuple[str, str | None]
) -> None:
    text = f"{currency[0]}{amount} {scale[0]}"
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.value == pytest.approx(float(str(amount)) * scale[1])
    assert parsed.unit == currency[1]


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=1, max_value=10_000))
def test_ranges_read_back_when_increasing(low: int, gap: int) -> None:
    parsed = parse_number(f"between {low:,} and {low + gap:,} percent")
    assert parsed is not None
    assert (parsed.value, parsed.upper, parsed.unit, parsed.is_range) == (
        low,
        low + gap,
        "%",
        True,
    )


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 2)))
def test_found_expressions_cover_the_formatted_number(x: float) -> None:
    text = f"Officials said {x:,.2f}% of the budget was spent."
    found = find_number_expressions(text)
    assert len(found) == 1
    assert found[0].number.value == pytest.approx(float(f"{x:.2f}"))
    assert found[0].number.unit == "%"


def test_finder_reads_on_after_a_failed_range() -> None:
    found = find_number_expressions("Revenue climbed 20% to $3.2 billion.")
    assert [m.text for m in found] == ["20%", "$3.2 billion"]


def test_from_one_figure_to_another_is_a_move_not_a_range() -> None:
    moved = find_number_expressions("The levy went from 6% to 7.5% in May.")
    assert [m.text for m in moved] == ["6%", "7.5%"]
    spanned = find_number_expressions("Fares ranging from $2 to $9 were cut.")
    assert [(m.text, m.number.upper) for m in spanned] == [("$2 to $9", 9.0)]
