"""Cleaning: boilerplate lines go, article prose stays, and the result is final text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.clean import CleanedText, article_id, clean_article, clean_text, machine_text_signs
from consilience.errors import EmptyInputError
from consilience.models import RawDocument
from consilience.settings import Settings

SEEDS = Path("/work/shared/corpus/seeds")
OPENING = "Officials in Hanoi said on Monday that the two governments had signed 45 agreements."
CLOSING = "Trade between the neighbours rose 14.6% last year, according to customs data."


def removes(line: str, title: str | None = None, outlet: str | None = None) -> bool:
    """Whether cleaning drops ``line`` when it sits between two paragraphs of prose."""
    cleaned = clean_text(f"{OPENING}\n\n{line}\n\n{CLOSING}", title, outlet)
    assert OPENING in cleaned.text and CLOSING in cleaned.text
    return line in cleaned.removed and line not in cleaned.text.split("\n")


ARTICLE_PROSE = [
    "Related parties must disclose their holdings, the regulator said.",
    "Watch this space, the minister told reporters after the meeting.",
    "Recommended by doctors, the vaccine is now free for everyone over 60.",
    "Readers' comments reflect growing anger over the tariffs, the poll found.",
    "The minister's comments were closed to the press, officials said.",
    "Photographs of the summit show the two leaders shaking hands.",
    "Credit Suisse shares fell 3% in early trading.",
    "Image matters, the spokesman said, as voters watch closely.",
    "Subscribers to the service rose 5% last year, the company said.",
    "Follow-up talks are expected in May.",
    "Journalists were unable to access the region, the agency said.",
    "The file image1.jpg was shared widely online.",
    "The full statement is at https://example.gov/statement and runs to 12 pages.",
    "By Monday, the army had withdrawn from the town.",
    "By contrast, exports rose 14.6% year-on-year.",
    "Published on Monday, the report found that 40% of firms had moved.",
    "Updated figures show a 46 percent levy on exports.",
    "“We will not back down,” she said. “Sign up for nothing.”",
    "Video, which emerged on Monday, shows soldiers crossing the border.",
    "Join the Rail Project team, the ministry urged young engineers.",
    "Regional Trade Ties",
    "More From Hanoi",
    "The Road Ahead",
]


@pytest.mark.parametrize("line", ARTICLE_PROSE)
def test_article_prose_that_resembles_furniture_is_kept(line: str) -> None:
    assert not removes(line)


@pytest.mark.parametrize(
    "line",
    [
        "ALSO READ: Ousted Leader Appears In Court As Trial Begins",
        "Read Also | Tariff Talks Stall In Geneva",
        "READ MORE - Markets Slide After Tariff Announcement",
        "Related: Five Things To Know About The Summit",
        "RELATED STORIES: Rail Link Approved",
        "See also: How The Deal Was Made",
        "Recommended: The Week In Pictures",
        "More from Example Wire: Ports Reopen",
        "Read next: Why Rail Matters",
        "MUST READ: Leaders Meet In Hanoi",
        "Watch: Crowds Greet The Motorcade",
        "» Read more: Behind The Talks",
        "Also read",
    ],
)
def test_teaser_lines_are_removed(line: str) -> None:
    assert removes(line)


def test_headline_after_a_bare_teaser_label_is_removed_with_it() -> None:
    text = f"{OPENING}\n\nAlso read\nLeaders Agree On New Rail Link\n\n{CLOSING}"
    cleaned = clean_text(text)
    assert cleaned.removed == ("Also read", "Leaders Agree On New Rail Link")


def test_paragraph_after_a_bare_teaser_label_is_kept() -> None:
    cleaned = clean_text(f"{OPENING}\n\nRead more\n{CLOSING}")
    assert cleaned.removed == ("Read more",)
    assert CLOSING in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "Comments are closed.",
        "Join the conversation",
        "Post a comment",
        "Comments on this site are moderated before they appear.",
        "The views expressed in the comments below do not reflect the views of this website.",
        "Disclaimer: Comments are the readers' own views.",
        "The comments posted here are not from Example Live. Kindly refrain from using "
        "abusive words in your comments.",
    ],
)
def test_comment_section_notices_are_removed(line: str) -> None:
    assert removes(line)


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Reuters",
        "(Photo by Jane Doe/AFP via Getty Images)",
        "Image: AP",
        "Picture credit Getty Images",
        "File photo",
        "Disclaimer: This image is taken from Reuters.",
        "Image source, Getty Images",
        "Credit: Jane Doe/Reuters",
        "Photo credit: Example Agency",
        "Source: Example Wire Services",
    ],
)
def test_image_credits_and_disclaimers_are_removed(line: str) -> None:
    assert removes(line)


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our newsletter",
        "Subscribe to our daily briefing",
        "Follow us on Twitter",
        "Follow Example News on WhatsApp for the latest updates",
        "Click here to read the full report",
        "Download the Example News app",
        "Share this article",
        "Get the latest news delivered to your inbox",
        "Facebook Twitter WhatsApp Email",
    ],
)
def test_newsletter_subscribe_and_social_prompts_are_removed(line: str) -> None:
    assert removes(line)


@pytest.mark.parametrize("line", ["image1.jpg", "photo_02.png", "IMG_2341.JPEG", "video.mp4"])
def test_bare_media_file_names_are_removed(line: str) -> None:
    assert removes(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe",
        "By JANE DOE",
        "By Jane Doe and John Roe",
        "By Jane Doe, Reuters",
        "By Jane Doe | Staff Writer",
    ],
)
def test_bylines_are_removed(line: str) -> None:
    assert removes(line)


@pytest.mark.parametrize(
    "line",
    [
        "Published: 14 April 2025",
        "Updated: April 14, 2025 10:32 AM IST",
        "Last updated 3 hours ago",
        "Posted on April 14, 2025",
    ],
)
def test_timestamp_lines_are_removed(line: str) -> None:
    assert removes(line)


@pytest.mark.parametrize("heading", ["References", "Sources:", "Bibliography", "Works cited"])
def test_trailing_reference_block_is_removed_with_its_heading(heading: str) -> None:
    entries = [
        "1. https://example.org/a - A background page on the visit.",
        "2. https://example.net/b - Coverage of the tariff dispute.",
    ]
    cleaned = clean_text("\n".join([OPENING, CLOSING, heading, *entries]))
    assert cleaned.removed == (heading, *entries)
    assert cleaned.text == f"{OPENING}\n{CLOSING}"


def test_unlinked_reference_entries_under_a_heading_are_removed() -> None:
    cleaned = clean_text(f"{OPENING}\n\nCitations\nExample Wire, 14 April 2025\nState media")
    assert cleaned.removed == ("Citations", "Example Wire, 14 April 2025", "State media")


def test_sources_subhead_over_prose_is_kept() -> None:
    prose = (
        "People familiar with the talks said the railway deal had been agreed in principle "
        "months ago but that financing was still being negotiated between the two sides."
    )
    cleaned = clean_text(f"{OPENING}\n\nSources\n{prose}")
    assert cleaned.removed == ()


def test_run_of_url_lines_without_heading_is_removed() -> None:
    urls = ["[1] https://example.org/one", "[2] https://example.org/two"]
    cleaned = clean_text("\n".join([OPENING, *urls, CLOSING]))
    assert cleaned.removed == tuple(urls)


@pytest.mark.parametrize(
    "line",
    [
        "https://example.org/page - unable to access",
        "[3] https://example.org/x could not access the page",
        "No data available",
        "https://example.org/y - Please view link - unable to able to access data",
    ],
)
def test_admissions_of_inaccessible_sources_are_removed(line: str) -> None:
    assert removes(line)


def test_banner_above_the_headline_is_removed() -> None:
    text = f"Asia In News\nLeaders Agree On Rail Link\n\n{OPENING}\n\n{CLOSING}"
    cleaned = clean_text(text)
    assert cleaned.removed == ("Asia In News",)


def test_outlet_name_line_is_removed_anywhere() -> None:
    assert removes("Example Times", outlet="example times")


def test_repeated_banner_is_removed_everywhere() -> None:
    cleaned = clean_text(f"World News\n{OPENING}\nWorld News\n{CLOSING}")
    assert cleaned.removed == ("World News", "World News")


def test_headline_that_looks_like_a_banner_is_kept_when_no_headline_follows() -> None:
    cleaned = clean_text(f"Leader Attacks Fake News\n{OPENING}\n{CLOSING}")
    assert cleaned.removed == ()


def test_repeated_title_loses_its_later_copies_only() -> None:
    title = "Leaders Agree On Rail Link"
    cleaned = clean_text(f"{title}\n\n{title}\n\n{OPENING}\n\n{title.upper()}", title)
    assert cleaned.removed == (title, title.upper())
    assert cleaned.text.startswith(f"{title}\n\n{OPENING}")


def test_repeated_paragraph_is_removed_after_its_first_occurrence() -> None:
    cleaned = clean_text(f"{OPENING}\n{CLOSING}\n{OPENING}")
    assert cleaned.removed == (OPENING,)
    assert cleaned.text == f"{OPENING}\n{CLOSING}"


def test_lone_name_caption_is_removed_when_the_body_quotes_that_person() -> None:
    quote = "Jane Doe said the agreements would “change the region”."
    cleaned = clean_text(f"{OPENING}\n{quote}\nJane Doe\n{CLOSING}")
    assert cleaned.removed == ("Jane Doe",)


def test_lone_name_line_is_kept_when_the_body_never_names_a_person() -> None:
    body = "Disputes in the South China Sea continue to strain relations."
    assert clean_text(f"{OPENING}\n{body}\nSouth China Sea\n{CLOSING}").removed == ()
    assert clean_text(f"{OPENING}\nJane Doe\n{CLOSING}").removed == ()


def test_text_is_normalised_and_paragraphs_are_kept() -> None:
    text = "Cafe\u0301 talks \r\nbegan\u00a0today.   \r\n\r\n\r\n\r\nThey ended late.  "
    assert clean_text(text).text == "Café talks\nbegan today.\n\nThey ended late."


def test_blank_lines_left_by_removals_are_collapsed() -> None:
    cleaned = clean_text(f"{OPENING}\n\nPhoto: Reuters\n\n\n{CLOSING}\n\nimage1.jpg\n\n")
    assert cleaned == CleanedText(f"{OPENING}\n\n{CLOSING}", ("Photo: Reuters", "image1.jpg"))


def test_clean_article_builds_an_article_with_title_author_and_removed_lines() -> None:
    raw = RawDocument(
        "a.txt", f"Leaders Agree\nBy Jane Doe\n{OPENING}\nShare this article", "text", outlet="X"
    )
    article = clean_article(raw, Settings())
    assert article.text == f"Leaders Agree\n{OPENING}"
    assert article.title == "Leaders Agree"
    assert article.author == "Jane Doe"
    assert article.removed == ("By Jane Doe", "Share this article")
    assert article.id == article_id("X", article.text)


def test_clean_article_prefers_the_given_title() -> None:
    raw = RawDocument("a.txt", OPENING, "text", title="Given Title")
    assert clean_article(raw, Settings()).title == "Given Title"


def test_clean_article_rejects_text_shorter_than_the_minimum() -> None:
    raw = RawDocument("short.txt", "Photo: Reuters\nToo short.", "text")
    with pytest.raises(EmptyInputError) as caught:
        clean_article(raw, Settings(min_article_chars=40))
    assert caught.value.source == "short.txt"
    assert caught.value.reason == "cleaned text has only 10 characters (min_article_chars=40)"


def test_article_id_is_stable_and_ignores_whitespace_and_case() -> None:
    first = article_id("Example", "Xi visits  Hanoi.\nTalks begin.")
    assert first == article_id("Example", "xi visits hanoi. talks begin.")
    assert re.fullmatch(r"[0-9a-f]{16}", first)


def test_article_id_depends_on_the_outlet() -> None:
    assert article_id("A", OPENING) != article_id("B", OPENING)
    assert article_id(None, OPENING) == article_id("", OPENING)


def test_machine_text_signs_name_hollow_references_and_placeholders() -> None:
    text = "\n".join(
        [
            OPENING,
            "Bibliography",
            "https://example.org/a - This article (or similar) would cover the talks.",
            "https://example.org/b - Please view link - unable to access data",
            "image1.jpg",
        ]
    )
    cleaned = clean_text(text)
    assert machine_text_signs(cleaned.text, cleaned.removed) == [
        "bibliography admits its sources could not be accessed",
        "reference descriptions guess at what their sources say",
        "reference list of 2 bare URLs",
        "placeholder image file names (image1.jpg)",
    ]


def test_machine_text_signs_are_empty_for_plain_prose() -> None:
    assert machine_text_signs(f"{OPENING}\n{CLOSING}", ["Photo: Reuters"]) == []


# --- the seed articles ----------------------------------------------------------------------

SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
needs_seeds = pytest.mark.skipif(not SEED_FILES, reason=f"no seed articles in {SEEDS}")
MAX_FURNITURE_LINE = 300


@needs_seeds
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_seed_cleaning_removes_only_furniture(path: Path) -> None:
    cleaned = clean_text(path.read_text(encoding="utf-8"))
    bibliography = {line for line in cleaned.removed if "http" in line}
    for line in cleaned.removed:
        assert len(line) <= MAX_FURNITURE_LINE or line in bibliography, line
        assert not (re.search(r"[\"“”]", line) and "said" in line), line
    for line in cleaned.text.split("\n"):
        assert not re.match(r"(?i)(also read|read also)\b", line), line


@needs_seeds
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_seed_cleaning_is_idempotent(path: Path) -> None:
    cleaned = clean_text(path.read_text(encoding="utf-8"))
    again = clean_text(cleaned.text)
    assert again == CleanedText(cleaned.text, ())


# --- properties over generated documents ----------------------------------------------------

LINES = [
    OPENING,
    CLOSING,
    *ARTICLE_PROSE,
    "Asia In News",
    "Leaders Agree On Rail Link",
    "Jane Doe",
    "Jane Doe said the deal was “historic”.",
    "ALSO READ: Ports Reopen",
    "Also read",
    "Photo: Reuters",
    "References",
    "[1] https://example.org/one",
    "https://example.org/two - unable to access",
    "image1.jpg",
    "By Jane Doe",
    "Comments are closed.",
    "",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=14), st.sampled_from([None, "Leaders"]))
def test_cleaning_cleaned_text_removes_nothing_more(lines: list[str], title: str | None) -> None:
    cleaned = clean_text("\n".join(lines), title)
    assert clean_text(cleaned.text, title) == CleanedText(cleaned.text, ())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=14))
def test_cleaning_only_drops_whole_lines(lines: list[str]) -> None:
    cleaned = clean_text("\n".join(lines))
    kept = [line for line in cleaned.text.split("\n") if line]
    assert sorted(kept + list(cleaned.removed)) == sorted(line for line in lines if line)
