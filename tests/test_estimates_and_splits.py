"""Figures in protest and vote reports: rival estimates, vote splits, counts named by events."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from consilience.align import align_facts
from consilience.align_participants import named_entity
from consilience.compare import compare_slots
from consilience.extract import extract_facts
from consilience.extract.nlp import Nlp, parse_article
from consilience.extract.votes import vote_split
from consilience.models import Article, Evidence, Fact, Finding

NOON = datetime(2026, 5, 2, 12, 0, tzinfo=UTC)


def article(name: str, text: str, hours_later: int = 0) -> Article:
    return Article(
        id=f"id-{name}",
        source=f"{name}.txt",
        text=text,
        outlet=name,
        published=NOON + timedelta(hours=hours_later),
    )


def facts_of(nlp: Nlp, *articles: Article) -> list[Fact]:
    return [fact for a in articles for fact in extract_facts(parse_article(a, nlp))]


def findings_of(nlp: Nlp, *articles: Article) -> list[Finding]:
    slots = align_facts(facts_of(nlp, *articles), {})
    return compare_slots(slots, {a.id: a for a in articles})


def finding_with(findings: list[Finding], value: str) -> Finding:
    return next(f for f in findings if any(v.value == value for v in f.variants))


# --- whose figure ---------------------------------------------------------------------------


def test_each_figure_in_a_sentence_of_two_sources_is_its_own_sources(nlp: Nlp) -> None:
    text = "Police estimated the crowd at 3,000, while organisers said 10,000 people attended."
    sources = {f.value: f.attributed_to for f in facts_of(nlp, article("a", text))}
    assert sources["3,000"] == "Police"
    assert sources["10,000"] == "organisers"


def test_rival_estimates_each_agree_across_outlets_and_never_conflict(nlp: Nlp) -> None:
    first = article(
        "wire", "Police said 3,000 people joined the vigil, while organisers put it at 10,000."
    )
    second = article("daily", "Organisers said 10,000 people joined the vigil.", 2)
    third = article("weekly", "Police said 3,000 people joined the vigil in the square.", 4)
    findings = findings_of(nlp, first, second, third)
    assert all(f.status != "conflict" for f in findings)
    police, organisers = finding_with(findings, "3,000"), finding_with(findings, "10,000")
    assert police is not organisers
    assert police.status == organisers.status == "agreed"


def test_one_source_giving_a_different_figure_is_still_a_conflict(nlp: Nlp) -> None:
    first = article("wire", "The ministry said 240 schools were closed by the strike.")
    second = article("daily", "The ministry said 420 schools were closed by the strike.", 2)
    (finding,) = [f for f in findings_of(nlp, first, second) if f.kind == "quantity"]
    assert finding.status == "conflict"


# --- counts named by what happened ----------------------------------------------------------


def test_a_count_of_arrests_counts_people_arrested(nlp: Nlp) -> None:
    text = "Detectives made 15 arrests overnight."
    (fact,) = [f for f in facts_of(nlp, article("a", text)) if f.kind == "quantity"]
    assert (fact.subject, fact.predicate, fact.about) == ("people", "arrest", "people arrested")


def test_arrests_told_as_a_noun_and_as_a_verb_rise_together(nlp: Nlp) -> None:
    early = article("wire", "Officers said 6 people were arrested after the match.")
    later = article("daily", "Arrests rose to 15 after the match, officers said.", 5)
    (finding,) = [f for f in findings_of(nlp, early, later) if f.kind == "quantity"]
    assert finding.status == "updated"


# --- vote splits ----------------------------------------------------------------------------


def test_a_split_is_read_as_votes_for_and_against() -> None:
    sentence = "The senate passed it by 41 votes to 12."
    evidence = Evidence("a", sentence, 0, len(sentence))
    fact = Fact("quantity", "a", "vote", "vote split", "41 votes to 12", evidence, 41.0)
    assert vote_split(replace(fact, predicate="vote")) == (41.0, 12.0)
    assert vote_split(replace(fact, value="41", predicate="vote")) is None


def test_splits_that_share_only_the_votes_in_favour_conflict(nlp: Nlp) -> None:
    first = article("wire", "The city council voted 9-4 to close the library.")
    second = article("daily", "The city council voted 9-2 to close the library.", 3)
    (finding,) = [f for f in findings_of(nlp, first, second) if f.kind == "quantity"]
    assert (finding.status, finding.severity) == ("conflict", "major")


def test_one_split_written_two_ways_agrees(nlp: Nlp) -> None:
    first = article("wire", "The senate passed the budget by 61 votes to 39.")
    second = article("daily", "The senate passed the budget in a 61-39 vote.", 3)
    (finding,) = [f for f in findings_of(nlp, first, second) if f.kind == "quantity"]
    assert finding.status == "agreed"


# --- people named by a plural noun ----------------------------------------------------------


def test_a_plural_noun_of_people_opening_a_sentence_names_nobody() -> None:
    assert named_entity("Members", {}) is None
    assert named_entity("Residents", {}) is None
    assert named_entity("Assembly", {}) == "assembly"
