"""Titles of one person that outlets state differently: one person holds one formal office at
a time, so two different offices disagree, unless one only describes a role ("leader"), one
office has two wordings ("head coach" / "manager"), some article gives both, or one is past."""

from __future__ import annotations

import pytest

from consilience.align import align_facts
from consilience.align_titles import is_description, office_key
from consilience.compare import compare_slots
from consilience.extract.people import title_key
from consilience.models import Article, Fact, Finding
from factories import make_article, make_fact


def role(article: Article, person: str, title: str) -> Fact:
    """The title fact extraction makes of ``title`` in the article's one sentence."""
    return make_fact(
        article, article.text, "person_role", person, title, predicate=title_key(title)
    )


def findings(*facts: Fact) -> list[Finding]:
    articles = {fact.article: make_article(fact.article, fact.evidence.text) for fact in facts}
    return compare_slots(align_facts(list(facts), {}), articles)


def told_by(person: str, *sentences: tuple[str, str]) -> list[Finding]:
    """Findings of one person's titles, each (title, sentence) from its own outlet."""
    facts = [
        role(make_article(f"outlet{i}", sentence), person, title)
        for i, (title, sentence) in enumerate(sentences)
    ]
    return findings(*facts)


def test_two_different_offices_of_one_person_in_one_organisation_conflict() -> None:
    [finding] = told_by(
        "Halima Roskov",
        ("chief medical officer", "Halima Roskov, the agency's chief medical officer, spoke."),
        ("chief medical officer", "Halima Roskov, chief medical officer at the agency, spoke."),
        ("chief executive", "Agency chief executive Halima Roskov spoke on Friday."),
    )
    assert finding.status == "conflict"
    assert [v.value for v in finding.variants] == ["chief medical officer", "chief executive"]


def test_two_police_ranks_of_one_officer_conflict() -> None:
    [finding] = told_by(
        "Ansel Brack",
        ("Detective Superintendent", "Detective Superintendent Ansel Brack said so."),
        ("Chief Inspector", "Chief Inspector Ansel Brack, who leads the inquiry, said so."),
    )
    assert finding.status == "conflict"


def test_a_stand_in_and_the_office_itself_conflict_like_former_and_current() -> None:
    [finding] = told_by(
        "Sten Halloran",
        ("manager", "Ruddock manager Sten Halloran said his side had been the better team."),
        ("interim manager", "Ruddock's interim manager Sten Halloran said his side was unlucky."),
    )
    assert finding.status == "conflict"


def test_a_stand_in_office_told_in_the_past_is_no_conflict() -> None:
    results = told_by(
        "Sten Halloran",
        ("manager", "Ruddock manager Sten Halloran praised his side."),
        ("interim manager", "Sten Halloran, who was interim manager until March, praised them."),
    )
    assert all(finding.status == "single_source" for finding in results)


def test_two_wordings_of_one_job_agree() -> None:
    [finding] = told_by(
        "Dario Venn",
        ("manager", "Vessmor manager Dario Venn praised the fans."),
        ("head coach", "Vessmor head coach Dario Venn praised his substitutes."),
    )
    assert finding.status == "agreed"


def test_a_description_never_contradicts_an_office() -> None:
    results = told_by(
        "To Lam",
        ("General Secretary", "General Secretary To Lam met the delegation."),
        ("leader", "Vietnam's leader To Lam met the delegation."),
    )
    assert [finding.status for finding in results] == ["single_source", "single_source"]


def test_a_rank_held_alongside_a_post_is_no_conflict() -> None:
    results = told_by(
        "Ines Dallaway",
        ("Professor", "Professor Ines Dallaway said the strain was common."),
        ("director", "Ines Dallaway, director of the institute, said the strain was common."),
    )
    assert all(finding.status == "single_source" for finding in results)


def test_a_former_office_does_not_contradict_a_different_current_one() -> None:
    results = told_by(
        "Karl Wendt",
        ("chair", "Norblad chair Karl Wendt opened the meeting."),
        ("former chief executive", "Former chief executive Karl Wendt opened the meeting."),
    )
    assert all(finding.status == "single_source" for finding in results)


def test_two_offices_one_outlet_gives_together_are_held_at_once() -> None:
    a = make_article("a", "Karl Wendt, chairman and chief executive of Norblad, spoke.")
    b = make_article("b", "Norblad chairman Karl Wendt spoke.")
    c = make_article("c", "Norblad chief executive Karl Wendt spoke.")
    facts = [
        role(a, "Karl Wendt", "chairman"),
        role(a, "Karl Wendt", "chief executive"),
        role(b, "Karl Wendt", "chairman"),
        role(c, "Karl Wendt", "chief executive"),
    ]
    assert {finding.status for finding in findings(*facts)} == {"agreed"}


def test_a_former_title_against_the_current_one_still_conflicts() -> None:
    [finding] = told_by(
        "Donald Trump",
        ("former US President", "Former US President Donald Trump spoke."),
        ("President", "President Donald Trump spoke."),
    )
    assert finding.status == "conflict"


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("head coach", "manager"),
        ("PM", "prime minister"),
        ("interim manager", "interim manager"),
        ("Acting President", "acting president"),
        ("former President", "president"),
        ("outgoing President", "president"),
    ],
)
def test_one_office_key_per_wording_and_stand_ins_kept_apart(title: str, key: str) -> None:
    assert office_key(title) == key


@pytest.mark.parametrize("key", ["leader", "official", "spokesman", "head", "chief", "boss"])
def test_words_for_what_a_person_does_are_descriptions(key: str) -> None:
    assert is_description(key)


@pytest.mark.parametrize("key", ["general secretary", "manager", "chief inspector", "mayor"])
def test_posts_are_not_descriptions(key: str) -> None:
    assert not is_description(key)


def test_a_high_court_judge_and_a_recorder_are_two_judicial_offices() -> None:
    [finding] = told_by(
        "Corwin Ashdale",
        ("Mr Justice", "Mr Justice Corwin Ashdale passed sentence at the Old Bailey."),
        ("Recorder", "Recorder Corwin Ashdale passed sentence at the Old Bailey."),
    )
    assert finding.status == "conflict"


def test_plain_judge_fits_any_judicial_office() -> None:
    found = told_by(
        "Corwin Ashdale",
        ("Mr Justice", "Mr Justice Corwin Ashdale passed sentence at the Old Bailey."),
        ("Judge", "Judge Corwin Ashdale passed sentence at the Old Bailey."),
    )
    assert all(finding.status != "conflict" for finding in found)
