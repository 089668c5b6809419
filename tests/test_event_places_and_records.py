"""Events named by idiom and by the noun before their date, the one place of a landfall,
hedged times told three ways, and record or past-year dates that are other happenings."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from consilience.align import align_facts
from consilience.compare import compare_slots
from consilience.extract import analyze_article, canonical_names
from consilience.extract.claims import extract_claims
from consilience.extract.dates import extract_dates
from consilience.extract.nlp import Nlp, parse_article
from consilience.extract.times import TIME_UNIT, extract_times
from consilience.models import Article, Fact, Finding, Role
from factories import make_article, make_fact


def time_events(text: str, nlp: Nlp) -> list[tuple[str, str]]:
    facts = extract_times(parse_article(Article(id="a", source="a", text=text), nlp))
    return [(fact.subject, fact.value) for fact in facts]


def date_events(text: str, nlp: Nlp) -> list[tuple[str, str]]:
    facts = extract_dates(parse_article(Article(id="a", source="a", text=text), nlp))
    return [(fact.subject, fact.value) for fact in facts]


def findings(texts: Sequence[str], nlp: Nlp) -> list[Finding]:
    articles = [Article(id=f"a{i}", source=f"a{i}.txt", text=t) for i, t in enumerate(texts)]
    analyses = [analyze_article(article, nlp) for article in articles]
    facts: list[Fact] = [fact for analysis in analyses for fact in analysis.facts]
    aliases = canonical_names([entity for analysis in analyses for entity in analysis.entities])
    return compare_slots(align_facts(facts, aliases), {a.id: a for a in articles})


# --- which event a time or date belongs to ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Cyclone Tarro made landfall shortly after 4.30am on Friday.",
        "Cyclone Tarro came ashore at about 4.30am on Friday.",
    ],
)
def test_coming_ashore_is_the_landfall_a_time_dates(text: str, engine: Nlp) -> None:
    assert time_events(text, engine) == [("landfall", "4:30am")]


def test_a_blaze_is_a_fire_even_through_which_broke_out(nlp: Nlp) -> None:
    text = "Two guards were hurt in the blaze, which broke out at around 11.20pm in a depot."
    assert time_events(text, nlp) == [("fire", "11:20pm")]


def test_a_date_after_an_event_noun_dates_that_event(nlp: Nlp) -> None:
    text = "The coalition talks will be complicated by the run-off on 9 March 2031."
    assert date_events(text, nlp) == [("runoff", "2031-03-09")]


def test_stabbed_to_death_or_shot_dead_is_a_killing(nlp: Nlp) -> None:
    assert date_events("Omar Bell was stabbed to death on 2 June 2030.", nlp) == [
        ("kill", "2030-06-02")
    ]
    assert date_events("A guard was shot dead on 4 July 2030.", nlp) == [("kill", "2030-07-04")]


# --- where an event happened -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Cyclone Tarro made landfall near Dunmore Bay early on Friday.",
        "Cyclone Tarro came ashore at Dunmore Bay early on Friday.",
    ],
)
def test_the_one_place_of_a_landfall_is_a_place_claim(text: str, engine: Nlp) -> None:
    facts = extract_claims(parse_article(Article(id="a", source="a", text=text), engine))
    assert [(f.subject, f.value) for f in facts] == [("place", "Dunmore Bay")]
    assert Role("target", "landfall") in facts[0].roles


def test_outlets_naming_two_landfall_places_conflict(nlp: Nlp) -> None:
    found = findings(
        [
            "Cyclone Tarro made landfall near Dunmore Bay on Friday, officials said.",
            "Cyclone Tarro came ashore at Kelby Head on Friday, flattening huts.",
        ],
        nlp,
    )
    (place,) = [f for f in found if f.kind == "claim"]
    assert place.status == "conflict"
    assert sorted(v.value for v in place.variants) == ["Dunmore Bay", "Kelby Head"]


def test_three_hedged_tellings_of_one_time_agree_as_three_variants(nlp: Nlp) -> None:
    found = findings(
        [
            "Cyclone Tarro made landfall shortly before 5am on Friday, officials said.",
            "Cyclone Tarro made landfall at 4:50am on Friday, forecasters said.",
            "Cyclone Tarro came ashore around 5am on Friday, flattening huts.",
        ],
        nlp,
    )
    (timed,) = [f for f in found if f.variants[0].unit == TIME_UNIT]
    assert timed.status == "agreed"
    assert sorted((v.value, v.hedge or "") for v in timed.variants) == [
        ("4:50am", ""),
        ("5am", "about"),
        ("5am", "shortly before"),
    ]


# --- dates of other happenings ---------------------------------------------------------------


def test_records_of_different_things_never_align() -> None:
    a = make_article("a", "Attendance was 41,000, the highest since 2011, organisers said.")
    b = make_article("b", "The club's revenue was its highest since 2014, the accounts show.")
    facts = [
        make_fact(a, a.text, "date", "previous highest", "2011"),
        make_fact(b, b.text, "date", "previous highest", "2014"),
    ]
    assert len(align_facts(facts, {})) == 2


def test_records_of_one_thing_align_and_disagree() -> None:
    a = make_article("a", "Attendance was 41,000, the highest since 2011, organisers said.")
    b = make_article("b", "Attendance of 41,000 was the highest since 2009, the league said.")
    facts = [
        make_fact(a, a.text, "date", "previous highest", "2011"),
        make_fact(b, b.text, "date", "previous highest", "2009"),
    ]
    slots = align_facts(facts, {})
    assert len(slots) == 1
    [finding] = compare_slots(slots, {a.id: a, b.id: b})
    assert finding.status == "conflict"


def test_a_past_year_and_this_years_day_are_two_happenings() -> None:
    a = make_article("a", "The party took 29% of the vote, up from the 22% it won in 2027.")
    b = make_article("b", "The party won the election on 14 May 2031 with 29% of the vote.")
    facts = [
        make_fact(a, a.text, "date", "win", "2027"),
        make_fact(b, b.text, "date", "win", "2031-05-14"),
    ]
    slots = align_facts(facts, {})
    assert not any({"2027", "2031-05-14"} <= {f.value for f in slot.facts} for slot in slots)
