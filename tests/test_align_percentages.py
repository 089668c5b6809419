"""Percentages named by what they state rather than by their noun: offers and demands in a
dispute, a treatment's efficacy, and the shares of a trial's groups reporting an outcome."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from consilience.align import align_facts
from consilience.compare import compare_slots
from consilience.extract import extract_facts
from consilience.extract.nlp import Nlp, parse_article
from consilience.models import Article, Fact, Finding

NOON = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


def article(name: str, text: str, hours_later: int = 0) -> Article:
    published = NOON + timedelta(hours=hours_later)
    return Article(id=name, source=f"{name}.txt", text=text, outlet=name, published=published)


def findings_of(nlp: Nlp, *articles: Article) -> list[Finding]:
    facts: list[Fact] = [f for a in articles for f in extract_facts(parse_article(a, nlp))]
    return compare_slots(align_facts(facts, {}), {a.id: a for a in articles})


def values(finding: Finding) -> set[str]:
    return {variant.value for variant in finding.variants}


def conflicts(findings: list[Finding]) -> list[set[str]]:
    return [values(f) for f in findings if f.status == "conflict"]


# --- offers and demands --------------------------------------------------------------------


def test_two_outlets_giving_the_offer_on_the_table_differently_disagree(nlp: Nlp) -> None:
    first = article(
        "wire", "The dispute is over the ministry's offer of a 3% rise for teachers next year."
    )
    second = article("daily", "The ministry has offered teachers a pay rise of 5%.", 3)
    assert {"3%", "5%"} in conflicts(findings_of(nlp, first, second))


def test_the_offer_and_the_demand_never_conflict(nlp: Nlp) -> None:
    first = article(
        "wire", "Ministers stood by the 3% offer. The teachers' union is asking for 7%."
    )
    second = article("daily", "Teachers are seeking 7%, while the ministry has offered 3%.", 2)
    findings = findings_of(nlp, first, second)
    assert conflicts(findings) == []
    assert any(values(f) == {"7%"} and f.status == "agreed" for f in findings)


# --- efficacy ------------------------------------------------------------------------------


def test_an_efficacy_told_as_a_cut_in_illness_agrees_with_the_exact_figure(nlp: Nlp) -> None:
    exact = article(
        "wire", "The malaria vaccine was 77.4% effective at preventing infection in children."
    )
    rounded = article("daily", "Trial data showed the jab cut infections by about 77%.", 4)
    findings = findings_of(nlp, exact, rounded)
    assert any(values(f) == {"77.4%", "about 77%"} and f.status == "agreed" for f in findings)


def test_efficacy_against_severe_disease_is_not_efficacy_against_any(nlp: Nlp) -> None:
    first = article("wire", "The vaccine showed efficacy of 77.4% against malaria in children.")
    second = article("daily", "Efficacy against severe malaria was 91.2%, the institute said.", 2)
    assert conflicts(findings_of(nlp, first, second)) == []


# --- shares of a trial's groups ------------------------------------------------------------


def test_shares_reporting_two_side_effects_are_two_figures(nlp: Nlp) -> None:
    first = article("wire", "Nausea was reported by 21% of patients given the new drug.")
    second = article("daily", "Dizziness was reported by 12% of patients given the new drug.", 2)
    assert conflicts(findings_of(nlp, first, second)) == []


def test_the_placebo_groups_share_is_not_the_treated_groups(nlp: Nlp) -> None:
    treated = article("wire", "Nausea was reported by 21% of people in the drug group.")
    placebo = article(
        "daily", "Nausea was reported by 6% of the people who received the placebo tablet.", 2
    )
    assert conflicts(findings_of(nlp, treated, placebo)) == []


# --- a trial's size ------------------------------------------------------------------------


def test_a_trial_enrolling_and_tested_on_its_volunteers_states_one_size(nlp: Nlp) -> None:
    first = article("wire", "The study enrolled 3,150 volunteers in four countries.")
    second = article("daily", "The vaccine was tested on 3,510 volunteers in four countries.", 3)
    assert {"3,150", "3,510"} in conflicts(findings_of(nlp, first, second))
