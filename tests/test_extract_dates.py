"""extract_dates: ISO dates at the stated precision, tied to the event they date."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from consilience.extract.dates import (
    RELATIVE_MONTH,
    WEEKDAY_MISMATCH,
    YEAR_FROM_MENTIONS,
    YEAR_FROM_WEEKDAY,
    extract_dates,
)
from consilience.extract.nlp import Nlp, load_nlp, parse_article
from consilience.models import Article, Fact
from consilience.settings import Settings

SEEDS = Path("/work/shared/corpus/seeds")
ENGINES = ["auto", "none"]


@pytest.fixture(scope="module", params=ENGINES)
def nlp(request: pytest.FixtureRequest) -> Nlp:
    return load_nlp(Settings(spacy_model=request.param))


def dates(
    text: str, nlp: Nlp, published: datetime | None = None, today: date | None = None
) -> list[Fact]:
    article = Article(id="a1", source="test", text=text, published=published)
    facts = extract_dates(parse_article(article, nlp), today=today)
    for fact in facts:
        assert fact.kind == "date"
        assert fact.number is None
        assert fact.span is not None
        assert article.text[fact.span.start : fact.span.end] == fact.span.text
        assert fact.about == f"date of the {fact.subject}"
    return facts


def values(facts: list[Fact]) -> list[tuple[str, str | None, str | None]]:
    return [(f.value, f.unit, f.hedge) for f in facts]


@pytest.mark.parametrize(
    "text",
    [
        "The verdict was announced on April 14, 2025.",
        "The verdict was announced on 14 April 2025.",
        "The verdict was announced on 2025-04-14.",
        "The verdict was announced on Monday, April 14, 2025.",
    ],
)
def test_absolute_dates_are_iso_days(text: str, nlp: Nlp) -> None:
    assert values(dates(text, nlp)) == [("2025-04-14", "day", None)]


def test_month_and_year_precision(nlp: Nlp) -> None:
    facts = dates("The plant closed in March 2020 after the merger in 2018.", nlp)
    assert values(facts) == [("2020-03", "month", None), ("2018", "year", None)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ferry link is expected to open in the third quarter of 2028.", "2028-Q3"),
        ("The ferry link is expected to open in Q3 2028.", "2028-Q3"),
        ("The ferry link is expected to open in the first half of 2028.", "2028-H1"),
    ],
)
def test_quarters_and_halves_of_a_year_are_periods(text: str, value: str, nlp: Nlp) -> None:
    assert values(dates(text, nlp)) == [(value, "period", None)]


def test_a_month_counted_from_publication_is_marked_as_such(nlp: Nlp) -> None:
    facts = dates("The council votes on the plan next month.", nlp, datetime(2026, 3, 20))
    assert values(facts) == [("2026-04", "month", RELATIVE_MONTH)]


def test_a_weekday_that_contradicts_the_date_is_flagged(nlp: Nlp) -> None:
    facts = dates("The summit was held on Tuesday, April 14, 2025.", nlp)
    assert values(facts) == [("2025-04-14", "day", WEEKDAY_MISMATCH)]
    assert facts[0].subject == "summit"


def test_weekday_date_without_year_takes_the_year_whose_calendar_fits(nlp: Nlp) -> None:
    published = datetime(2026, 1, 5)  # 2025-04-14 was a Monday; 2026-04-14 is a Tuesday
    facts = dates("The summit opened on Monday, April 14.", nlp, published)
    assert values(facts) == [("2025-04-14", "day", None)]


def test_without_publication_the_year_fits_the_years_mentioned(nlp: Nlp) -> None:
    text = "The summit opened on Monday, April 14. It was the first summit since 2023."
    assert values(dates(text, nlp)[:1]) == [("2025-04-14", "day", YEAR_FROM_WEEKDAY)]


def test_the_mentioned_year_wins_over_today(nlp: Nlp) -> None:
    # Thursday, March 9 fell in 2017 and 2023; the article speaks of 2016.
    text = "Parliament voted on Thursday, March 9, months after the 2016 referendum."
    facts = dates(text, nlp, today=date(2030, 1, 1))
    assert ("2017-03-09", "day", YEAR_FROM_WEEKDAY) in values(facts)


def test_with_no_year_anywhere_a_weekday_date_takes_the_latest_fitting_year_before_today(
    nlp: Nlp,
) -> None:
    # Wednesday, October 2 fell in 2019 and 2024 (and falls again in 2030).
    text = "The bridge was closed on Wednesday, October 2, after engineers found cracks."
    assert values(dates(text, nlp, today=date(2026, 6, 1))) == [
        ("2024-10-02", "day", YEAR_FROM_WEEKDAY)
    ]
    assert values(dates(text, nlp, today=date(2024, 9, 30))) == [
        ("2019-10-02", "day", YEAR_FROM_WEEKDAY)
    ]


def test_a_planned_event_may_fall_within_a_year_after_today(nlp: Nlp) -> None:
    text = "The union said the walkout will begin on Friday, March 5."
    # Friday, March 5 falls in 2027; in the past it fell in 2021.
    assert values(dates(text, nlp, today=date(2026, 11, 25))) == [
        ("2027-03-05", "day", YEAR_FROM_WEEKDAY)
    ]


def test_a_leap_day_with_a_weekday_still_finds_its_year(nlp: Nlp) -> None:
    text = "The company filed for bankruptcy on Thursday, February 29."
    assert values(dates(text, nlp, today=date(2026, 1, 1))) == [
        ("2024-02-29", "day", YEAR_FROM_WEEKDAY)
    ]


def test_a_bare_day_and_month_without_any_year_stays_undated(nlp: Nlp) -> None:
    text = "The ferry capsized on 3 June, officials said."
    assert dates(text, nlp, today=date(2026, 1, 1)) == []


def test_a_bare_day_and_month_takes_the_year_the_article_names(nlp: Nlp) -> None:
    text = "The ferry capsized on 3 June. It was the worst accident on the lake since 2019."
    assert values(dates(text, nlp)[:1]) == [("2019-06-03", "day", YEAR_FROM_MENTIONS)]


def test_a_past_day_takes_the_earlier_of_two_years_named_as_often(nlp: Nlp) -> None:
    # Its plans come after it: the filing in 2026 and the ruling in 2027 follow the result.
    text = (
        "The drugmaker reported the results on 3 June. It plans to file in the third quarter "
        "of 2026 and expects a ruling in the first half of 2027."
    )
    assert values(dates(text, nlp)[:1]) == [("2026-06-03", "day", YEAR_FROM_MENTIONS)]


def test_a_planned_day_takes_the_later_of_two_years_named_as_often(nlp: Nlp) -> None:
    text = (
        "The council said the vote would take place on 3 June. Repairs began in 2025 and end "
        "in the first half of 2026."
    )
    assert values(dates(text, nlp)[:1]) == [("2026-06-03", "day", YEAR_FROM_MENTIONS)]


def test_years_inside_links_are_no_anchor(nlp: Nlp) -> None:
    text = (
        "The bridge was closed on Wednesday, October 2. "
        "Source: https://example.org/archive/2013/10/bridge-report"
    )
    facts = dates(text, nlp, today=date(2026, 6, 1))
    assert values(facts) == [("2024-10-02", "day", YEAR_FROM_WEEKDAY)]


def test_a_publication_date_makes_the_year_certain(nlp: Nlp) -> None:
    text = "The bridge was closed on Wednesday, October 2."
    facts = dates(text, nlp, datetime(2019, 10, 4), today=date(2026, 6, 1))
    assert values(facts) == [("2019-10-02", "day", None)]


def test_relative_dates_resolve_against_publication(nlp: Nlp) -> None:
    published = datetime(2025, 4, 16)  # a Wednesday
    text = (
        "The talks collapsed yesterday. The visit began on Monday. "
        "Prices rose last month. The election will be held next year."
    )
    assert values(dates(text, nlp, published)) == [
        ("2025-04-15", "day", None),
        ("2025-04-14", "day", None),
        ("2025-03", "month", RELATIVE_MONTH),
        ("2026", "year", None),
    ]


def test_relative_dates_are_skipped_without_publication(nlp: Nlp) -> None:
    assert dates("The talks collapsed yesterday after a meeting on Monday.", nlp) == []


def test_durations_and_ages_are_not_dates(nlp: Nlp) -> None:
    text = "He served for three years, is 45 years old and joined a two-day summit."
    assert dates(text, nlp, datetime(2025, 4, 14)) == []


def test_event_noun_or_verb_is_the_subject() -> None:
    model = load_nlp(Settings())
    if not model.has_parser:
        pytest.skip("no spaCy model installed")
    text = "The 2025 visit was planned. Xi arrived in Hanoi on April 14, 2025."
    assert [f.subject for f in dates(text, model)] == ["visit", "arrive"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")
def test_seed_articles_give_exact_offsets(nlp: Nlp) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for published in (None, datetime(2025, 4, 15)):
            for fact in dates(path.read_text(encoding="utf-8"), nlp, published):
                assert fact.unit in ("day", "month", "year")


def test_a_state_lasting_until_a_weekday_ends_after_publication(nlp: Nlp) -> None:
    saturday = datetime(2026, 12, 5, 11, 0)
    perfect = dates("The council has closed the park until at least Monday.", nlp, saturday)
    present = dates("The park remains closed until Monday.", nlp, saturday)
    assert [f.value for f in perfect + present] == ["2026-12-07", "2026-12-07"]


def test_a_state_that_lasted_until_a_weekday_ended_before_publication(nlp: Nlp) -> None:
    saturday = datetime(2026, 12, 5, 11, 0)
    facts = dates("The park was closed until Monday, when it reopened.", nlp, saturday)
    assert [f.value for f in facts][:1] == ["2026-11-30"]


def test_an_event_planned_for_a_weekday_lies_ahead(nlp: Nlp) -> None:
    saturday = datetime(2026, 12, 5, 11, 0)
    facts = dates("A memorial service is planned for Sunday afternoon.", nlp, saturday)
    assert [f.value for f in facts] == ["2026-12-06"]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Dunmore won the league for the first time since 1994.", "previous time"),
        ("It was the club's first league title since 1994.", "previous time"),
        ("Inflation rose to its highest level since 1994, the bureau said.", "previous highest"),
    ],
)
def test_a_record_since_a_year_dates_when_it_last_happened(
    text: str, subject: str, nlp: Nlp
) -> None:
    (fact,) = dates(text, nlp, datetime(2026, 5, 4))
    assert (fact.value, fact.subject) == ("1994", subject)


def test_a_plain_since_still_dates_its_event(nlp: Nlp) -> None:
    (fact,) = dates("The bridge has been closed since 1994.", nlp, datetime(2026, 5, 4))
    assert not fact.subject.startswith("previous")
