"""Block rules added with the clean package split: section kickers above the headline go."""

from __future__ import annotations

import pytest

from consilience.clean import clean_text

HEADLINE = "Leaders Agree On Rail Link"
OPENING = "Officials in Hanoi said on Monday that the two governments had signed 45 agreements."
CLOSING = "Trade between the neighbours rose 14.6% last year, according to customs data."


@pytest.mark.parametrize(
    "kicker",
    [
        "WORLD | ASIA",
        "Business > Markets",
        "Home » News » World",
        "News / World / Asia",
        "Asia & Pacific › Vietnam",
    ],
)
def test_section_kicker_above_the_headline_is_removed(kicker: str) -> None:
    cleaned = clean_text(f"{kicker}\n{HEADLINE}\n\n{OPENING}\n\n{CLOSING}")
    assert cleaned.removed == (kicker,)
    assert cleaned.text.startswith(f"{HEADLINE}\n\n{OPENING}")


def test_section_kicker_is_removed_when_the_title_is_given_separately() -> None:
    cleaned = clean_text(f"Business > Markets\n{OPENING}\n{CLOSING}", title=HEADLINE)
    assert cleaned.removed == ("Business > Markets",)


def test_kicker_under_a_site_banner_goes_and_the_banner_goes_above_the_headline() -> None:
    cleaned = clean_text(f"Asia In News\nWORLD | ASIA\n{HEADLINE}\n{OPENING}")
    assert cleaned.removed == ("Asia In News", "WORLD | ASIA")


def test_stacked_kickers_are_all_removed() -> None:
    cleaned = clean_text(f"Home > News\nWORLD | ASIA\n{HEADLINE}\n{OPENING}")
    assert cleaned.removed == ("Home > News", "WORLD | ASIA")


def test_kicker_like_line_that_is_the_only_heading_is_kept() -> None:
    assert clean_text(f"Profit | Loss\n{OPENING}\n{CLOSING}").removed == ()


def test_kicker_like_line_that_is_the_given_title_is_kept() -> None:
    cleaned = clean_text(f"Profit | Loss\n{OPENING}\n{CLOSING}", title="Profit | Loss")
    assert cleaned.removed == ()


def test_kicker_like_line_inside_the_body_is_kept() -> None:
    cleaned = clean_text(f"{HEADLINE}\n{OPENING}\nBusiness > Markets\n{CLOSING}")
    assert cleaned.removed == ()


@pytest.mark.parametrize(
    "line",
    [
        "Leaders Agree On New Rail Link After Long Talks | Analysis",
        "Imports | exports in May",
        "Profits > Costs, Minister Says.",
    ],
)
def test_headline_with_a_separator_is_not_taken_for_a_kicker(line: str) -> None:
    assert clean_text(f"{line}\nA Subhead Follows\n{OPENING}").removed == ()
