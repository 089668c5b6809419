"""Ages, match minutes, running ordinals and times of day: extracted, aligned, compared."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from consilience.align import align_facts
from consilience.compare import compare_slots
from consilience.extract import analyze_article, canonical_names
from consilience.extract.ages import AGE_UNIT, extract_ages
from consilience.extract.match_minutes import MINUTE_UNIT, extract_match_minutes
from consilience.extract.nlp import Nlp, parse_article
from consilience.extract.ordinal_counts import ORDINAL_UNIT, extract_ordinal_counts
from consilience.extract.times import ABOUT, AFTER, TIME_UNIT, extract_times, time_window
from consilience.models import Article, Fact, Finding


def ages(text: str, nlp: Nlp) -> list[tuple[str, float | None]]:
    facts = extract_ages(parse_article(Article(id="a1", source="a.txt", text=text), nlp))
    assert all(fact.unit == AGE_UNIT and fact.kind == "quantity" for fact in facts)
    return [(fact.about, fact.number) for fact in facts]


# --- ages --------------------------------------------------------------------------------


def test_an_age_after_a_name_belongs_to_that_person(nlp: Nlp) -> None:
    text = "Police named the victim as Marcus Obi, 43, a taxi driver from the north of the city."
    assert ages(text, nlp) == [("age of Marcus Obi", 43.0)]


def test_an_age_before_a_noun_describes_a_person(engine: Nlp) -> None:
    text = "A 16-year-old girl was taken to hospital with minor injuries."
    assert ages(text, engine) == [("age of the girl", 16.0)]


def test_ages_of_things_groups_and_past_times_are_left_out(engine: Nlp) -> None:
    assert ages("Officials said the 40-year-old bridge would be closed.", engine) == []
    assert ages("Two men, aged 31 and 45, were treated at the scene.", engine) == []
    assert ages("The club bought the striker, then aged 19, from a rival.", engine) == []
    assert ages("Tickets for 18-year-olds cost less.", engine) == []
    assert ages("Seats won: Labour, 45, the Greens, 30, and Reform, 12.", engine) == []


def test_the_n_year_old_opening_a_sentence_is_the_person_last_named(nlp: Nlp) -> None:
    text = "Then came Lena Morrow. The 21-year-old, who joined the club as a child, scored."
    assert ages(text, nlp) == [("age of Lena Morrow", 21.0)]


# --- match minutes and running ordinals --------------------------------------------------


def minutes(text: str, nlp: Nlp) -> list[tuple[str, float | None, tuple[str, ...]]]:
    facts = extract_match_minutes(parse_article(Article(id="a", source="a", text=text), nlp))
    assert all(fact.unit == MINUTE_UNIT for fact in facts)
    return [(f.subject, f.number, tuple(r.name for r in f.roles)) for f in facts]


def test_a_minute_of_play_is_tied_to_its_event_and_player(nlp: Nlp) -> None:
    text = (
        "Anton Weir opened the scoring in the 12th minute, but Joel Park equalised in the "
        "40th minute."
    )
    assert minutes(text, nlp) == [
        ("opener", 12.0, ("Anton Weir",)),
        ("equaliser", 40.0, ("Joel Park",)),
    ]


def test_a_possessive_minute_names_its_scorer(nlp: Nlp) -> None:
    text = "Joel Park's 88th-minute winner sent the home fans wild."
    assert minutes(text, nlp) == [("winner", 88.0, ("Joel Park",))]


def test_durations_and_added_time_are_no_minute_of_play(engine: Nlp) -> None:
    assert minutes("He came on with 14 minutes left and scored after ten minutes.", engine) == []
    assert minutes("They scored in the 3rd minute of stoppage time.", engine) == []


def test_a_running_ordinal_is_the_persons_count(nlp: Nlp) -> None:
    text = "Anton Weir headed in from a corner, his 14th goal of the season."
    facts = extract_ordinal_counts(parse_article(Article(id="a", source="a", text=text), nlp))
    assert [(f.value, f.number, f.unit, f.roles[0].name) for f in facts] == [
        ("14th", 14.0, ORDINAL_UNIT, "Anton Weir")
    ]


# --- times of day ------------------------------------------------------------------------


def times(text: str, nlp: Nlp) -> list[tuple[str, str | None]]:
    facts = extract_times(parse_article(Article(id="a", source="a", text=text), nlp))
    assert all(fact.kind == "date" and fact.unit == TIME_UNIT for fact in facts)
    return [(fact.value, fact.hedge) for fact in facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The earthquake struck at 4:05am on Monday.", [("4:05am", None)]),
        ("The blast happened shortly after 9 p.m., police said.", [("9pm", AFTER)]),
        ("The explosion happened at 21:40 local time.", [("9:40pm", None)]),
        ("The fire broke out at around 10.15pm.", [("10:15pm", ABOUT)]),
    ],
)
def test_clock_times_are_read_on_the_twelve_hour_clock(
    text: str, expected: list[tuple[str, str | None]], engine: Nlp
) -> None:
    assert times(text, engine) == expected


def test_deadlines_spans_and_other_zones_are_no_event_times(engine: Nlp) -> None:
    assert times("No arrests had been made by 8pm.", engine) == []
    assert times("The shop is open from 9am to 5pm.", engine) == []
    assert times("The attack happened at 7pm (1900 GMT) near the market.", engine) == [
        ("7pm", None)
    ]


def test_hedges_widen_a_time() -> None:
    assert time_window("7pm", AFTER) == (19 * 60, 19 * 60 + 30)
    assert time_window("7:10pm", ABOUT) == (19 * 60 - 5, 19 * 60 + 25)
    assert time_window("3:12am", None) == (192, 192)


# --- through alignment and comparison ----------------------------------------------------


def findings(texts: Sequence[str], nlp: Nlp) -> list[Finding]:
    articles = [Article(id=f"a{i}", source=f"a{i}.txt", text=t) for i, t in enumerate(texts)]
    analyses = [analyze_article(article, nlp) for article in articles]
    facts: list[Fact] = [fact for analysis in analyses for fact in analysis.facts]
    aliases = canonical_names([entity for analysis in analyses for entity in analysis.entities])
    slots = align_facts(facts, aliases)
    return compare_slots(slots, {article.id: article for article in articles})


def about(found: Sequence[Finding], words: str) -> list[Finding]:
    return [finding for finding in found if finding.about == words]


def test_two_ages_of_one_person_conflict_and_never_meet_anothers(nlp: Nlp) -> None:
    found = findings(
        [
            "Marcus Obi, 43, a taxi driver, was killed. A 16-year-old boy was wounded.",
            "Marcus Obi, 34, was shot dead near the market. A 16-year-old boy was wounded.",
            "Police arrested a 19-year-old man on Saturday. Obi's brother spoke to reporters.",
        ],
        nlp,
    )
    (obi,) = about(found, "age of Marcus Obi")
    assert obi.status == "conflict"
    assert sorted(v.number for v in obi.variants) == [34.0, 43.0]
    (boy,) = about(found, "age of the boy")
    assert boy.status == "agreed"
    assert [v.number for v in boy.variants] == [16.0]
    (man,) = about(found, "age of the man")
    assert man.status == "single_source"


def test_a_later_minute_for_one_winner_is_a_conflict(nlp: Nlp) -> None:
    found = findings(
        [
            "Joel Park scored the winner in the 88th minute after Anton Weir hit the post.",
            "Substitute Joel Park scored the winner in the 90th minute.",
        ],
        nlp,
    )
    (winner,) = [f for f in found if f.variants[0].unit == MINUTE_UNIT and len(f.variants) > 1]
    assert winner.status == "conflict"
    assert sorted(v.value for v in winner.variants) == ["88th minute", "90th minute"]


def test_hedged_times_of_one_event_agree(nlp: Nlp) -> None:
    found = findings(
        [
            "The earthquake struck shortly after 3am, waking the town.",
            "The earthquake struck at 3:12am, the institute said.",
        ],
        nlp,
    )
    timed = [f for f in found if f.variants[0].unit == TIME_UNIT]
    assert [f.status for f in timed] == ["agreed"]


def test_different_times_of_one_event_conflict(nlp: Nlp) -> None:
    found = findings(
        [
            "The earthquake struck at 3:12am, waking the town.",
            "The earthquake struck at 4:30am, the institute said.",
        ],
        nlp,
    )
    timed = [f for f in found if f.variants[0].unit == TIME_UNIT]
    assert [f.status for f in timed] == ["conflict"]


def test_a_time_never_meets_a_day_of_the_same_event(nlp: Nlp) -> None:
    found = findings(
        [
            "The earthquake struck at 3:12am on Monday, waking the town.",
            "The earthquake struck on Monday, the institute said.",
        ],
        nlp,
    )
    assert not [f for f in found if f.status == "conflict"]


def test_it_struck_at_a_time_dates_the_event_of_the_sentence_before(nlp: Nlp) -> None:
    text = "Officials measured the quake at magnitude 6.1. It struck at 3:12am local time."
    facts = extract_times(parse_article(Article(id="a", source="a", text=text), nlp))
    assert [(f.subject, f.value) for f in facts] == [("earthquake", "3:12am")]
