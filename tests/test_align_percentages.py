"""Percentages named by what they state rather than by their noun: offers and demands in a
dispute, a treatment's efficacy, and the shares of a trial's groups reporting an outcome."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from consilience.align_percent_kinds import percent_kind
from consilience.extract import extract_facts
from consilience.extract.nlp import Nlp, parse_article
from consilience.models import Article, Finding
from factories import findings_of

NOON = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


def article(name: str, text: str, hours_later: int = 0) -> Article:
    published = NOON + timedelta(hours=hours_later)
    return Article(id=name, source=f"{name}.txt", text=text, outlet=name, published=published)


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


def test_offers_of_unrelated_things_are_two_offers(nlp: Nlp) -> None:
    pay = article("wire", "The council offered bus drivers a 6% pay rise on Friday.")
    fares = article(
        "daily", "The council has offered commuters a 15% discount on season tickets.", 2
    )
    assert conflicts(findings_of(nlp, pay, fares)) == []


def test_a_claim_that_asserts_something_is_no_demand(nlp: Nlp) -> None:
    asserted = article("wire", "Fact-checkers found the 40% claim made by the mayor was untrue.")
    pay_claim = article("daily", "The firefighters' union lodged a 9% pay claim in March.")
    kinds = [
        percent_kind(f)
        for a in (asserted, pay_claim)
        for f in extract_facts(parse_article(a, nlp))
        if f.unit == "%"
    ]
    assert kinds == [None, "demand"]


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


def test_a_treatment_cutting_two_outcomes_states_two_efficacies(nlp: Nlp) -> None:
    deaths = article("wire", "In the trial the malaria tablet cut deaths among children by 18%.")
    risk = article("daily", "Across the trial, the tablet lowered the risk of infection by 31%.", 2)
    assert conflicts(findings_of(nlp, deaths, risk)) == []


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


def test_people_tested_for_an_illness_are_no_trial_enrolment(nlp: Nlp) -> None:
    screened = article("wire", "Mobile clinics tested 2,400 villagers for measles on Saturday.")
    trial = article("daily", "The vaccine trial recruited 1,800 villagers in the province.", 2)
    assert conflicts(findings_of(nlp, screened, trial)) == []


def test_a_study_following_its_volunteers_states_its_size(nlp: Nlp) -> None:
    enrolled = article("wire", "The study enrolled 3,150 volunteers in four countries.")
    followed = article("daily", "The study followed 3,300 volunteers in four countries.", 2)
    assert {"3,150", "3,300"} in conflicts(findings_of(nlp, enrolled, followed))
