"""Rate moves in points, vote splits and agreement lengths read as quantity facts."""

from __future__ import annotations

import pytest

from consilience.extract import extract_facts
from consilience.extract.nlp import Nlp, parse_article
from consilience.extract.numbers import find_number_expressions
from consilience.extract.points import with_point_changes
from consilience.models import Article, Fact


def quantities(text: str, nlp: Nlp) -> list[Fact]:
    article = Article(id="a1", source="test", text=text)
    facts = [f for f in extract_facts(parse_article(article, nlp)) if f.kind == "quantity"]
    for fact in facts:
        assert fact.span is not None
        assert article.text[fact.span.start : fact.span.end] == fact.span.text
    return facts


def points_in(text: str) -> list[tuple[str, float, str | None]]:
    found = with_point_changes(text, find_number_expressions(text))
    return [(m.text, m.number.value, m.number.unit) for m in found]


# --- points --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "number"),
    [
        ("It cut by a quarter of a percentage point.", "a quarter of a percentage point", 0.25),
        ("The bank raised rates by half a point.", "half a point", 0.5),
        ("Yields rose by half a percentage point.", "half a percentage point", 0.5),
        ("The bank lifted rates by 25 basis points.", "25 basis points", 0.25),
        ("The rate was cut by 50bp.", "50bp", 0.5),
        ("The rate was cut by seventy-five basis points.", "seventy-five basis points", 0.75),
        ("The rate rose by three-quarters of a point.", "three-quarters of a point", 0.75),
    ],
)  # fmt: skip
def test_point_changes_are_read_in_percentage_points(text: str, value: str, number: float) -> None:
    assert (value, number, "pp") in points_in(text)


def test_a_fraction_of_a_point_outside_a_rate_sentence_is_no_percentage() -> None:
    assert points_in("The gymnast lost by half a point.") == []


def test_the_level_a_rate_moves_to_stays_a_percent() -> None:
    found = points_in("The bank cut rates by 25 basis points to 3.5%.")
    assert found == [("25 basis points", 0.25, "pp"), ("3.5%", 3.5, "%")]


def test_quarter_point_and_basis_points_line_up_as_one_rate_cut(nlp: Nlp) -> None:
    first = quantities("The Reserve Bank of Testland cut its policy rate by 25 basis points.", nlp)
    second = quantities(
        "The Reserve Bank of Testland lowered its policy rate by half a point.", nlp
    )
    a = next(f for f in first if f.unit == "pp")
    b = next(f for f in second if f.unit == "pp")
    assert (a.subject, a.predicate, a.number) == ("rate", "cut", 0.25)
    assert (b.subject, b.predicate, b.number) == ("rate", "cut", 0.5)


def test_a_rise_in_points_has_the_predicate_raise(nlp: Nlp) -> None:
    facts = quantities("The central bank of Norland lifted its key rate by half a point.", nlp)
    rise = next(f for f in facts if f.unit == "pp")
    assert (rise.predicate, rise.number, rise.value) == ("raise", 0.5, "half a point")


# --- votes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "yes"),
    [
        ("The city council voted 7-2 to approve the new budget.", "7-2", 7.0),
        ("The school board voted five to four in favour of the merger.", "five to four", 5.0),
        ("The motion on the library passed by 312 votes to 250.", "312 votes to 250", 312.0),
        ("The justices issued a 6-3 ruling on the zoning case.", "6-3", 6.0),
        ("The planning committee split 4 to 3 on the proposal.", "4 to 3", 4.0),
    ],
)
def test_a_vote_split_is_one_fact_numbered_by_the_votes_in_favour(
    text: str, value: str, yes: float, nlp: Nlp
) -> None:
    votes = [f for f in quantities(text, nlp) if f.subject == "vote"]
    assert [(f.value, f.number, f.unit, f.predicate) for f in votes] == [(value, yes, None, "vote")]


def test_the_sides_of_a_split_are_not_counts_of_their_own(nlp: Nlp) -> None:
    facts = quantities("The city council voted 7-2 to approve the new budget.", nlp)
    assert [f.subject for f in facts] == ["vote"]


def test_the_voting_body_is_the_agent(nlp: Nlp) -> None:
    (vote,) = quantities("The city council voted 7-2 to approve the new budget.", nlp)
    assert [(r.role, r.name) for r in vote.roles] == [("agent", "city council")]


def test_a_sports_score_is_no_vote(nlp: Nlp) -> None:
    facts = quantities("Redfield Rovers won 3-1 at home on Saturday.", nlp)
    assert all(f.subject != "vote" for f in facts)


# --- agreement lengths ---------------------------------------------------------------------


def test_a_contract_length_is_a_quantity_in_years(nlp: Nlp) -> None:
    facts = quantities("The striker signed a three-year contract with Redfield Rovers.", nlp)
    term = next(f for f in facts if f.unit == "year")
    assert (term.subject, term.value, term.number, term.predicate) == (
        "contract",
        "three-year",
        3.0,
        "sign",
    )
    assert term.about == "length of the contract"


def test_a_deal_and_a_contract_are_the_same_agreement(nlp: Nlp) -> None:
    facts = quantities("The goalkeeper agreed a four-year deal with the club.", nlp)
    assert [(f.subject, f.number, f.unit) for f in facts] == [("contract", 4.0, "year")]


def test_a_lease_keeps_its_own_noun(nlp: Nlp) -> None:
    facts = quantities("The city signed a 10-year lease on the old depot.", nlp)
    assert [(f.subject, f.value, f.unit) for f in facts] == [("lease", "10-year", "year")]


@pytest.mark.parametrize(
    "text",
    [
        "The engineer worked at the plant for three years.",
        "The minister began a two-day visit to the port city.",
        "The 30-year-old forward scored twice.",
    ],
)
def test_other_durations_and_ages_stay_out(text: str, nlp: Nlp) -> None:
    assert all(f.unit not in ("year", "day") for f in quantities(text, nlp))


def test_a_strike_called_for_a_set_time_has_its_length_in_hours(nlp: Nlp) -> None:
    facts = quantities("Dockworkers began a 24-hour strike at the port on Monday.", nlp)
    assert [(f.subject, f.value, f.number, f.unit) for f in facts if f.unit == "hour"] == [
        ("strike", "24-hour", 24.0, "hour")
    ]


def test_a_walkout_is_a_strike_and_a_further_one_is_named_apart(nlp: Nlp) -> None:
    facts = quantities(
        "Staff joined the 24-hour walkout, and the union plans a further 72-hour walkout.", nlp
    )
    lengths = [(f.subject, f.value, f.about) for f in facts if f.unit == "hour"]
    assert lengths == [
        ("strike", "24-hour", "length of the walkout"),
        ("strike (further)", "72-hour", "length of the further walkout"),
    ]


def test_a_new_agreement_is_the_agreement_the_story_reports(nlp: Nlp) -> None:
    facts = quantities("The council signed a new seven-year lease on the bus depot.", nlp)
    assert [(f.subject, f.about) for f in facts if f.unit == "year"] == [
        ("lease", "length of the lease")
    ]


def test_a_follow_up_of_some_months_is_a_length(nlp: Nlp) -> None:
    facts = quantities("Patients were tracked over a median follow-up of 14 months.", nlp)
    assert [(f.subject, f.value, f.unit) for f in facts] == [("follow-up", "14 months", "month")]


def test_a_percentage_rating_a_treatment_counts_the_treatment(nlp: Nlp) -> None:
    facts = quantities("The malaria vaccine was 77.4% effective against infection.", nlp)
    assert [(f.subject, f.value) for f in facts] == [("vaccine", "77.4%")]
