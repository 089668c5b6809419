"""Line rules added with the clean package split: tag lists go, prose that starts alike stays."""

from __future__ import annotations

import pytest

from consilience.clean import clean_text

OPENING = "Officials in Hanoi said on Monday that the two governments had signed 45 agreements."
CLOSING = "Trade between the neighbours rose 14.6% last year, according to customs data."


def removes(line: str) -> bool:
    """Whether cleaning drops ``line`` when it sits between two paragraphs of prose."""
    cleaned = clean_text(f"{OPENING}\n\n{line}\n\n{CLOSING}")
    assert OPENING in cleaned.text and CLOSING in cleaned.text
    return line in cleaned.removed and line not in cleaned.text.split("\n")


@pytest.mark.parametrize(
    "line",
    [
        "Tags: Vietnam, China, trade",
        "TAGS: South China Sea | Tariffs | Xi Jinping",
        "Topics: Trade war; Tariffs",
        "Tagged with: #Vietnam #China",
        "Filed under: World, Asia",
        "Keywords: rail, infrastructure, debt",
        "Tags: Hanoi",
    ],
)
def test_tag_list_lines_are_removed(line: str) -> None:
    assert removes(line)


@pytest.mark.parametrize(
    "line",
    [
        "Tags: price tags on imported cars rose 20% after the tariffs.",
        "Tags on the luggage showed the route the smugglers had taken",
        "Topics: trade, security and the maritime disputes were discussed",
        "Keywords matter in the new law, the minister said.",
        "Topic: the minister said trade would dominate the talks",
        "“Tags: none,” she said.",
        "Tags:",
    ],
)
def test_prose_that_starts_like_a_tag_list_is_kept(line: str) -> None:
    assert not removes(line)


def test_tag_list_is_removed_at_the_end_of_an_article() -> None:
    cleaned = clean_text(f"{OPENING}\n{CLOSING}\nTags: Vietnam, China, rail")
    assert cleaned.removed == ("Tags: Vietnam, China, rail",)
    assert cleaned.text == f"{OPENING}\n{CLOSING}"
