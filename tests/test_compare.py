"""Comparison: each slot becomes agreed, conflict (major/minor), updated or single source."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.align import align_facts
from consilience.compare import compare_slot, compare_slots
from consilience.models import Article, Evidence, Fact, FactKind, Finding, Role, Slot

MORNING = datetime(2025, 4, 14, 8, 0, tzinfo=UTC)


def make_article(name: str, text: str, published: datetime | None = None) -> Article:
    return Article(
        id=f"id-{name}", source=f"{name}.txt", text=text, outlet=name, published=published
    )


def make_fact(
    article: Article,
    kind: FactKind,
    value: str,
    *,
    subject: str = "thing",
    number: float | None = None,
    unit: str | None = None,
    hedge: str | None = None,
    predicate: str | None = None,
    attributed_to: str | None = None,
    roles: tuple[Role, ...] = (),
) -> Fact:
    """A fact whose evidence is the article's whole (one-sentence) text."""
    evidence = Evidence(article.id, article.text, 0, len(article.text))
    return Fact(
        kind=kind,
        article=article.id,
        subject=subject,
        about=f"{kind} of {subject}",
        value=value,
        evidence=evidence,
        number=number,
        unit=unit,
        hedge=hedge,
        attributed_to=attributed_to,
        predicate=predicate,
        roles=roles,
    )


def figures(*stated: tuple[str, float, str | None], unit: str | None = None) -> Finding:
    """Compare one figure stated by several outlets: (value, number, hedge) each."""
    articles = [
        make_article(f"outlet{i}", f"It came to {v}.") for i, (v, _, _) in enumerate(stated)
    ]
    facts = [
        make_fact(article, "quantity", value, number=number, hedge=hedge, unit=unit)
        for article, (value, number, hedge) in zip(articles, stated, strict=True)
    ]
    slot = Slot("quantity", "quantity:thing", "number of things", tuple(facts))
    return compare_slot(slot, {article.id: article for article in articles})


def slot_of(*facts: Fact) -> Slot:
    return Slot(facts[0].kind, f"{facts[0].kind}:{facts[0].subject}", "it", facts)


def by_id(*articles: Article) -> dict[str, Article]:
    return {article.id: article for article in articles}


# --- single source and agreement ----------------------------------------------------------


def test_a_figure_from_one_article_is_single_source() -> None:
    finding = figures(("40", 40, None))
    assert (finding.status, finding.severity) == ("single_source", None)
    assert finding.variants[0].articles == ("id-outlet0",)


def test_the_same_figure_from_two_articles_is_agreed_with_evidence_from_each() -> None:
    finding = figures(("40", 40, None), ("40", 40, None))
    assert finding.status == "agreed"
    [variant] = finding.variants
    assert variant.articles == ("id-outlet0", "id-outlet1")
    assert [e.article for e in variant.evidence] == ["id-outlet0", "id-outlet1"]
    assert all(e.text == "It came to 40." for e in variant.evidence)
    assert (variant.value, variant.number) == ("40", 40)


def test_a_hedged_figure_agrees_with_an_exact_one_inside_its_hedge() -> None:
    finding = figures(("about 40", 40, "about"), ("42", 42, None))
    assert finding.status == "agreed"
    assert finding.note == "compatible within hedge: 42 / about 40"


def test_about_40_and_45_are_a_major_conflict() -> None:
    finding = figures(("about 40", 40, "about"), ("45", 45, None))
    assert (finding.status, finding.severity) == ("conflict", "major")
    assert finding.note is not None and "about 40 (outlet0)" in finding.note
    assert "45 (outlet1)" in finding.note


def test_two_different_exact_counts_are_a_major_conflict() -> None:
    finding = figures(("40", 40, None), ("45", 45, None))
    assert (finding.status, finding.severity) == ("conflict", "major")


@pytest.mark.parametrize(
    ("coarse", "fine"),
    [
        (("$8 billion", 8e9), ("$8.4 billion", 8.4e9)),
        (("45 million", 45e6), ("45.6 million", 45.6e6)),
    ],
)
def test_a_figure_cut_to_coarser_precision_may_be_rounding(
    coarse: tuple[str, float], fine: tuple[str, float]
) -> None:
    finding = figures((*coarse, None), (*fine, None), unit="USD")
    assert (finding.status, finding.severity) == ("conflict", "minor")
    assert finding.note is not None
    assert finding.note.startswith(f"may be rounding: {coarse[0]} vs {fine[0]}")


def test_figures_a_whole_step_apart_are_not_rounding() -> None:
    finding = figures(("$8 billion", 8e9, None), ("$9.4 billion", 9.4e9, None), unit="USD")
    assert (finding.status, finding.severity) == ("conflict", "major")


def test_hedged_figures_within_five_percent_are_a_minor_conflict() -> None:
    finding = figures(("nearly 50", 50, "nearly"), ("51", 51, None))
    assert (finding.status, finding.severity) == ("conflict", "minor")


@pytest.mark.parametrize(
    ("hedged", "other", "status"),
    [
        (("more than 100", 100, "more than"), ("140", 140, None), "agreed"),
        (("more than 100", 100, "more than"), ("160", 160, None), "conflict"),
        (("more than 100", 100, "more than"), ("100", 100, None), "conflict"),
        (("at least 10", 10, "at least"), ("1,000", 1000, None), "agreed"),
        (("at least 10", 10, "at least"), ("8", 8, None), "conflict"),
        (("up to 30", 30, "up to"), ("20", 20, None), "agreed"),
        (("up to 30", 30, "up to"), ("30", 30, None), "agreed"),
        (("less than 30", 30, "less than"), ("30", 30, None), "conflict"),
        (("nearly 50", 50, "nearly"), ("46", 46, None), "agreed"),
        (("30-40", 30, "range"), ("35", 35, None), "agreed"),
        (("30-40", 30, "range"), ("about 42", 42, "about"), "agreed"),
        (("30-40", 30, "range"), ("50", 50, None), "conflict"),
    ],
)
def test_each_hedge_allows_its_documented_interval(
    hedged: tuple[str, float, str], other: tuple[str, float, str | None], status: str
) -> None:
    assert figures(hedged, other).status == status


def test_percent_and_money_never_agree() -> None:
    a, b = make_article("a", "Up 8%."), make_article("b", "Up $8.")
    finding = compare_slot(
        slot_of(
            make_fact(a, "quantity", "8%", number=8, unit="%"),
            make_fact(b, "quantity", "$8", number=8, unit="USD"),
        ),
        by_id(a, b),
    )
    assert (finding.status, finding.severity) == ("conflict", "major")


# --- updates over time --------------------------------------------------------------------


def toll(name: str, text: str, value: str, number: float, hours: int) -> tuple[Article, Fact]:
    article = make_article(name, text, MORNING + timedelta(hours=hours))
    hedge = "at least" if value.startswith("at least") else None
    return article, make_fact(article, "quantity", value, number=number, hedge=hedge)


def test_a_rising_toll_reported_later_with_update_language_is_an_update() -> None:
    a, fa = toll("Early", "Twelve people died in the fire.", "12", 12, 0)
    b, fb = toll("Later", "The death toll has risen to 20.", "20", 20, 6)
    c, fc = toll("Latest", "At least 31 people are now known to have died.", "at least 31", 31, 9)
    finding = compare_slot(slot_of(fa, fb, fc), by_id(a, b, c))
    assert finding.status == "updated"
    assert [variant.value for variant in finding.variants] == ["at least 31", "20", "12"]
    assert finding.note == (
        "rose from 12 (Early, 2025-04-14 08:00 UTC) to at least 31 (Latest, 2025-04-14 17:00 UTC)"
    )


def test_an_earlier_article_with_a_higher_figure_is_a_conflict_not_an_update() -> None:
    a, fa = toll("Early", "The death toll rose to 30.", "30", 30, 0)
    b, fb = toll("Later", "The death toll rose to 20.", "20", 20, 6)
    assert compare_slot(slot_of(fa, fb), by_id(a, b)).status == "conflict"


def test_a_higher_later_figure_without_update_language_is_a_conflict() -> None:
    a, fa = toll("Early", "Twelve people died in the fire.", "12", 12, 0)
    b, fb = toll("Later", "Twenty people died in the fire.", "20", 20, 6)
    assert compare_slot(slot_of(fa, fb), by_id(a, b)).status == "conflict"


def count(
    name: str, text: str, value: str, number: float, hours: int, **kw: str
) -> tuple[Article, Fact]:
    """A figure of families displaced by a flood, published some hours after the first."""
    article = make_article(name, text, MORNING + timedelta(hours=hours))
    hedge = kw.pop("hedge", None)
    fact = make_fact(article, "quantity", value, subject="family", number=number, hedge=hedge,
                     predicate=kw.get("predicate"))  # fmt: skip
    return article, replace(fact, about=kw.get("about", fact.about))


def test_a_count_that_only_grows_rising_later_is_an_update_without_update_words() -> None:
    a, fa = count("Early", "The flood displaced about 300 families.", "about 300", 300, 0,
                  hedge="about", predicate="displace")  # fmt: skip
    b, fb = count("Later", "The flood has displaced 1,200 families.", "1,200", 1200, 10,
                  predicate="displace")  # fmt: skip
    finding = compare_slot(slot_of(fa, fb), by_id(a, b))
    assert finding.status == "updated"
    assert [variant.value for variant in finding.variants] == ["1,200", "about 300"]


def test_a_cumulative_thing_named_in_the_about_phrase_counts_too() -> None:
    a, fa = count("Early", "Some 40 families were told to go.", "Some 40", 40, 0,
                  hedge="about", predicate="tell", about="families told")  # fmt: skip
    b, fb = count("Later", "More than 90 evacuated families slept in the hall.", "More than 90",
                  90, 8, hedge="more than", predicate="sleep",
                  about="evacuated families")  # fmt: skip
    assert compare_slot(slot_of(fa, fb), by_id(a, b)).status == "updated"


def test_rising_floors_of_a_growing_count_are_an_update_not_an_agreement() -> None:
    a, fa = count("Early", "At least 5 families lost homes.", "at least 5", 5, 0,
                  hedge="at least", predicate="destroy")  # fmt: skip
    b, fb = count("Later", "The flood destroyed 22 homes.", "22", 22, 10, predicate="destroy")
    assert compare_slot(slot_of(fa, fb), by_id(a, b)).status == "updated"


def test_a_later_lower_figure_of_a_growing_count_is_a_stale_conflict() -> None:
    a, fa = count("Early", "The flood displaced 300 families.", "300", 300, 0,
                  predicate="displace")  # fmt: skip
    b, fb = count("Later", "The flood displaced 1,200 families.", "1,200", 1200, 10,
                  predicate="displace")  # fmt: skip
    c, fc = count("Stale", "The flood displaced 300 families.", "300", 300, 14,
                  predicate="displace")  # fmt: skip
    findings = compare_slots([slot_of(fa, fb, fc)], by_id(a, b, c))
    assert [f.status for f in findings] == ["conflict", "updated"]
    assert (findings[0].note or "").startswith("stale figure")


def test_a_share_of_a_growing_count_may_fall_so_it_is_no_update_by_nature() -> None:
    a = make_article("Early", "About 10% of homes were destroyed.", MORNING)
    b = make_article("Later", "About 25% of homes were destroyed.", MORNING + timedelta(hours=9))
    facts = [
        make_fact(a, "quantity", "10%", subject="home", number=10, unit="%", predicate="destroy"),
        make_fact(b, "quantity", "25%", subject="home", number=25, unit="%", predicate="destroy"),
    ]
    assert compare_slot(slot_of(*facts), by_id(a, b)).status == "conflict"


def test_without_publication_times_different_figures_are_a_conflict() -> None:
    a = make_article("Early", "The toll rose to 12.")
    b = make_article("Later", "The toll rose to 20.")
    slot = slot_of(
        make_fact(a, "quantity", "12", number=12), make_fact(b, "quantity", "20", number=20)
    )
    assert compare_slot(slot, by_id(a, b)).status == "conflict"


# --- titles, dates, quotes, claims --------------------------------------------------------


def test_former_president_vs_president_is_a_major_conflict_naming_the_outlets() -> None:
    a, b, c = (make_article(n, "Trump spoke.") for n in ("Wire", "Daily", "Herald"))
    facts = [
        make_fact(a, "person_role", "former US President", predicate="former president"),
        make_fact(b, "person_role", "President", predicate="president"),
        make_fact(c, "person_role", "US President", predicate="president"),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a, b, c))
    assert (finding.status, finding.severity) == ("conflict", "major")
    assert [variant.articles for variant in finding.variants] == [
        ("id-Daily", "id-Herald"),
        ("id-Wire",),
    ]
    assert finding.note == "President (Daily, Herald); former US President (Wire)"


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        ("2024", "2025", "conflict"),
        ("2025-04-14", "2025-04-15", "conflict"),
        ("2025-04", "2025-05-02", "conflict"),
        ("2025", "2025-04-14", "agreed"),
        ("2025-04", "2025-04-14", "agreed"),
    ],
)
def test_dates_conflict_unless_one_is_the_other_at_coarser_precision(
    first: str, second: str, status: str
) -> None:
    a, b = make_article("a", "It happened then."), make_article("b", "It happened then.")
    facts = [
        make_fact(a, "date", first, subject="visit", unit="day"),
        make_fact(b, "date", second, subject="visit", unit="day"),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a, b))
    assert finding.status == status
    assert finding.severity == ("major" if status == "conflict" else None)


def test_four_wordings_of_one_quote_are_one_agreed_finding() -> None:
    wordings = [
        "Nobody wins a fishing dispute",
        "nobody wins a fishing dispute.",
        "No one wins fishing disputes",
        "Nobody wins in a fishing dispute",
        "Nobody ever wins a fishing dispute",
    ]
    articles = [make_article(f"o{i}", f"“{w},” she said.") for i, w in enumerate(wordings)]
    facts = [
        make_fact(article, "quote", wording, subject="Ana Costa", predicate="say")
        for article, wording in zip(articles, wordings, strict=True)
    ]
    finding = compare_slot(slot_of(*facts), by_id(*articles))
    assert (finding.status, finding.severity) == ("agreed", None)
    assert finding.note == "4 wordings"
    assert finding.variants[0].articles == ("id-o0", "id-o1")  # case and punctuation aside


def test_a_quote_in_one_article_is_single_source() -> None:
    a = make_article("a", "“Nobody wins,” she said.")
    finding = compare_slot(slot_of(make_fact(a, "quote", "Nobody wins")), by_id(a))
    assert finding.status == "single_source"


def test_claims_with_different_sets_conflict_and_say_who_says_which() -> None:
    a, b = make_article("Wire", "Xi will visit three."), make_article("Daily", "Xi visits two.")
    facts = [
        make_fact(a, "claim", "Cambodia, Malaysia, Vietnam", subject="visit"),
        make_fact(b, "claim", "Malaysia, Vietnam", subject="visit"),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a, b))
    assert finding.status == "conflict"
    assert finding.note == "Cambodia, Malaysia, Vietnam (Wire); Malaysia, Vietnam (Daily)"


# --- attribution ---------------------------------------------------------------------------


def test_a_quoted_opinion_against_the_reporting_is_a_minor_conflict_naming_who() -> None:
    a = make_article("Wire", "The deal is worth $8 billion.")
    b = make_article("Daily", "The deal is worth $8 billion, officials said.")
    c = make_article("Herald", "The deal is worth $20 billion, analyst Kim Lee said.")
    facts = [
        make_fact(a, "quantity", "$8 billion", number=8e9, unit="USD"),
        make_fact(b, "quantity", "$8 billion", number=8e9, unit="USD"),
        make_fact(c, "quantity", "$20 billion", number=2e10, unit="USD", attributed_to="Kim Lee"),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a, b, c))
    assert (finding.status, finding.severity) == ("conflict", "minor")
    assert finding.note is not None
    assert finding.note.endswith("one side is the opinion of Kim Lee, quoted in Herald")


def test_an_officials_statement_passed_on_as_news_is_a_full_conflict() -> None:
    a = make_article("Wire", "The first patient fell ill on 3 May.")
    b = make_article("Daily", "The first patient fell ill on 3 May, the agency said.")
    c = make_article("Herald", "The first patient fell ill on 13 May, the health minister said.")
    facts = [
        make_fact(a, "date", "2026-05-03"),
        make_fact(b, "date", "2026-05-03", attributed_to="the agency"),
        make_fact(c, "date", "2026-05-13", attributed_to="the health minister"),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a, b, c))
    assert (finding.status, finding.severity) == ("conflict", "major")
    assert finding.note is not None and "opinion" not in finding.note


def test_a_critic_mentioned_elsewhere_does_not_make_an_official_a_commentator() -> None:
    a = make_article("Wire", "The first patient fell ill on 3 May.")
    b = make_article("Daily", "The first patient fell ill on 3 May, the agency said.")
    c = make_article(
        "Herald",
        "The first patient fell ill on 13 May, the health minister said, as critics "
        "questioned the agency's response to the outbreak.",
    )
    facts = [
        make_fact(a, "date", "2026-05-03"),
        make_fact(b, "date", "2026-05-03", attributed_to="the agency"),
        make_fact(c, "date", "2026-05-13", attributed_to="the health minister"),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a, b, c))
    assert (finding.status, finding.severity) == ("conflict", "major")


def test_an_officials_own_words_in_quotation_marks_are_their_opinion() -> None:
    a = make_article("Wire", "The deal is worth $8 billion.")
    b = make_article("Daily", "The deal is worth $8 billion, officials said.")
    c = make_article("Herald", "“It is worth $20 billion,” the minister said.")
    facts = [
        make_fact(a, "quantity", "$8 billion", number=8e9, unit="USD"),
        make_fact(b, "quantity", "$8 billion", number=8e9, unit="USD"),
        make_fact(
            c, "quantity", "$20 billion", number=2e10, unit="USD", attributed_to="the minister"
        ),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a, b, c))
    assert (finding.status, finding.severity) == ("conflict", "minor")


def test_a_quoted_opinion_stays_a_major_conflict_when_the_reporters_disagree_too() -> None:
    a = make_article("Wire", "The deal is worth $8 billion.")
    b = make_article("Daily", "The deal is worth $12 billion.")
    c = make_article("Herald", "It is worth $20 billion, analyst Kim Lee said.")
    facts = [
        make_fact(a, "quantity", "$8 billion", number=8e9, unit="USD"),
        make_fact(b, "quantity", "$12 billion", number=1.2e10, unit="USD"),
        make_fact(c, "quantity", "$20 billion", number=2e10, unit="USD", attributed_to="Kim Lee"),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a, b, c))
    assert (finding.status, finding.severity) == ("conflict", "major")
    assert finding.note is not None and "opinion of Kim Lee" in finding.note


# --- ids and order ---------------------------------------------------------------------------


def test_finding_ids_are_stable_and_depend_on_key_and_articles() -> None:
    first = figures(("40", 40, None), ("40", 40, None))
    again = figures(("40", 40, None), ("40", 40, None))
    other = figures(("40", 40, None), ("40", 40, None), ("40", 40, None))
    assert first.id == again.id
    assert first.id.startswith("f-") and len(first.id) == 14
    assert other.id != first.id


def test_variants_are_ordered_by_support_then_value() -> None:
    finding = figures(("45", 45, None), ("40", 40, None), ("45", 45, None), ("50", 50, None))
    assert [variant.value for variant in finding.variants] == ["45", "40", "50"]


def test_findings_list_conflicts_then_updates_then_agreements_then_single_sources() -> None:
    a, fa = toll("Early", "Twelve people died.", "12", 12, 0)
    b, fb = toll("Later", "The death toll rose to 20.", "20", 20, 6)
    c = make_article("Other", "A fire broke out.", MORNING)
    role_a = make_fact(a, "person_role", "Mayor", subject="Kim", predicate="mayor")
    role_b = make_fact(b, "person_role", "Governor", subject="Kim", predicate="governor")
    dates = [make_fact(x, "date", "2025-04-14", subject="fire") for x in (a, c)]
    slots = [
        slot_of(make_fact(c, "quote", "Run")),
        slot_of(*dates),
        slot_of(fa, fb),
        slot_of(role_a, role_b),
    ]
    statuses = [finding.status for finding in compare_slots(slots, by_id(a, b, c))]
    assert statuses == ["conflict", "updated", "agreed", "single_source"]


def _story() -> tuple[list[Fact], list[Article]]:
    texts = {
        "Wire": "At least 40 people died in the flood, officials said on Monday.",
        "Daily": "The flood killed 45 people, officials said on Monday.",
        "Herald": "Some 40 people died in Monday's flood.",
        "Post": "Mayor Kim Lee said the flood was the worst in memory.",
    }
    articles = [make_article(name, text, MORNING) for name, text in texts.items()]
    wire, daily, herald, post = articles
    context = ("die", "flood", "monday", "official", "people", "say")
    facts = [
        make_fact(wire, "quantity", "At least 40", number=40, hedge="at least", subject="people"),
        make_fact(daily, "quantity", "45", number=45, subject="people"),
        make_fact(herald, "quantity", "Some 40", number=40, hedge="about", subject="people"),
        make_fact(post, "person_role", "Mayor", subject="Kim Lee", predicate="mayor"),
        make_fact(wire, "person_role", "former Mayor", subject="Lee", predicate="former mayor"),
    ]
    facts = [replace(f, context=context) if f.kind == "quantity" else f for f in facts]
    return facts, articles


@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False))
def test_the_order_of_articles_and_facts_does_not_change_the_findings(rng: random.Random) -> None:
    facts, articles = _story()
    expected = compare_slots(align_facts(facts, {"Lee": "Kim Lee"}), by_id(*articles))
    rng.shuffle(facts)
    rng.shuffle(articles)
    shuffled = compare_slots(align_facts(facts, {"Lee": "Kim Lee"}), by_id(*articles))
    assert shuffled == expected
    assert [f.status for f in expected] == ["conflict", "conflict"]


def _titles(*pairs: tuple[str, str]) -> Slot:
    facts = []
    for index, (title, sentence) in enumerate(pairs):
        article = make_article(f"t{index}", sentence)
        facts.append(
            Fact(kind="person_role", article=article.id, subject="Rosa Lind",
                 about="role of Rosa Lind", value=title,
                 evidence=Evidence(article.id, sentence, 0, len(sentence)),
                 predicate=title.casefold())
        )  # fmt: skip
    return Slot(kind="person_role", key="person_role:rosa lind", about="x", facts=tuple(facts))


def test_one_office_written_two_ways_is_agreed() -> None:
    slot = _titles(("CFO", "CFO Rosa Lind said."), ("Finance chief", "Finance chief Rosa Lind."))
    assert compare_slot(slot, {}).status == "agreed"


def test_former_title_agrees_with_a_title_told_in_the_past() -> None:
    past = _titles(
        ("former mayor", "The former mayor Rosa Lind spoke."),
        ("Mayor", "Mayor Rosa Lind, who served two terms, spoke."),
    )
    assert compare_slot(past, {}).status == "agreed"
    present = _titles(
        ("former mayor", "The former mayor Rosa Lind spoke."),
        ("Mayor", "Mayor Rosa Lind spoke on Friday."),
    )
    assert compare_slot(present, {}).status == "conflict"


def test_a_stale_figure_quoted_from_officials_is_still_a_major_conflict() -> None:
    noon = datetime(2025, 3, 2, 12, tzinfo=UTC)
    early = make_article("early", "Nine people died, officials said.", noon)
    late = make_article("late", "The death toll has risen to 30.", noon + timedelta(hours=5))
    stale = make_article("stale", "Nine people died, officials said.", noon + timedelta(hours=9))
    facts = (
        make_fact(early, "quantity", "Nine", number=9.0, attributed_to="officials"),
        make_fact(late, "quantity", "30", number=30.0),
        make_fact(stale, "quantity", "Nine", number=9.0, attributed_to="officials"),
    )
    findings = compare_slots([slot_of(*facts)], by_id(early, late, stale))
    conflict = next(f for f in findings if f.status == "conflict")
    assert conflict.severity == "major"
    assert "stale" in (conflict.note or "")


# --- voices within one article ---------------------------------------------------------------


def test_a_quoted_claim_against_its_own_articles_reporting_is_a_conflict() -> None:
    a = make_article("Wire", "The envoy goes to Peru next; an aide says Bolivia.")
    facts = [
        make_fact(a, "claim", "Chile, Peru", subject="travel"),
        make_fact(a, "claim", "Bolivia", subject="travel", attributed_to="an aide"),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a))
    assert (finding.status, finding.severity) == ("conflict", "minor")
    assert finding.note is not None
    assert finding.note.endswith("one side is the opinion of an aide, quoted in Wire")


def test_a_quote_agreeing_with_its_own_articles_reporting_is_still_single_source() -> None:
    a = make_article("Wire", "About 40 ships wait; 42, a pilot said.")
    facts = [
        make_fact(a, "quantity", "about 40", number=40, hedge="about"),
        make_fact(a, "quantity", "42", number=42, attributed_to="a pilot"),
    ]
    assert compare_slot(slot_of(*facts), by_id(a)).status == "single_source"


def test_a_side_only_some_outlets_attribute_is_not_called_an_opinion() -> None:
    a = make_article("Wire", "They signed 45 deals.")
    b = make_article("Daily", "They signed 45 deals, state media said.")
    c = make_article("Herald", "They signed about 40 deals.")
    facts = [
        make_fact(a, "quantity", "45", number=45),
        make_fact(b, "quantity", "45", number=45, attributed_to="state media"),
        make_fact(c, "quantity", "about 40", number=40, hedge="about"),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a, b, c))
    assert (finding.status, finding.severity) == ("conflict", "major")
    assert finding.note is not None and "opinion" not in finding.note


def test_a_figure_taken_from_published_records_is_not_an_opinion() -> None:
    a = make_article("Wire", "The party won 14 seats.")
    b = make_article("Daily", "The party won 14 seats.")
    c = make_article("Herald", "It won 17, according to the official figures.")
    facts = [
        make_fact(a, "quantity", "14", number=14),
        make_fact(b, "quantity", "14", number=14),
        make_fact(c, "quantity", "17", number=17, attributed_to="the official figures"),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a, b, c))
    assert (finding.status, finding.severity) == ("conflict", "major")
    assert finding.note is not None and "opinion" not in finding.note


def test_a_date_variant_carries_the_hedge_every_outlet_gives_it() -> None:
    a = make_article("a", "The ferry sank on Sunday, May 4.")
    b = make_article("b", "The ferry sank on Sunday, May 4.")
    facts = [
        make_fact(a, "date", "2031-05-04", subject="sink", hedge="year inferred from weekday"),
        make_fact(b, "date", "2031-05-04", subject="sink", hedge="year inferred from weekday"),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a, b))
    assert finding.status == "agreed"
    assert finding.variants[0].hedge == "year inferred from weekday"


def test_a_date_one_outlet_writes_in_full_is_no_inference() -> None:
    a = make_article("a", "The ferry sank on Sunday, May 4.")
    b = make_article("b", "The ferry sank on May 4, 2031.")
    facts = [
        make_fact(a, "date", "2031-05-04", subject="sink", hedge="year inferred from weekday"),
        make_fact(b, "date", "2031-05-04", subject="sink"),
    ]
    assert compare_slot(slot_of(*facts), by_id(a, b)).variants[0].hedge is None


def test_a_date_conflict_notes_which_year_was_inferred() -> None:
    a = make_article("a", "The ferry sank on Sunday, May 4.")
    b = make_article("b", "The ferry sank on May 4, 2029.")
    facts = [
        make_fact(a, "date", "2031-05-04", subject="sink", hedge="year inferred from weekday"),
        make_fact(b, "date", "2029-05-04", subject="sink"),
    ]
    finding = compare_slot(slot_of(*facts), by_id(a, b))
    assert finding.status == "conflict"
    assert finding.note is not None
    assert "year of 2031-05-04 inferred from weekday (a)" in finding.note


def test_one_later_outlet_flatly_outnumbering_several_agreeing_ones_is_a_conflict() -> None:
    a, fa = count("First", "The storm displaced 40 families.", "40", 40, 0, predicate="displace")
    b, fb = count("Second", "Forty families were displaced.", "40", 40, 2, predicate="displace")
    c, fc = count("Third", "The storm displaced 65 families.", "65", 65, 5, predicate="displace")
    finding = compare_slot(slot_of(fa, fb, fc), by_id(a, b, c))
    assert finding.status == "conflict"


def test_outlets_agreeing_on_a_count_in_different_hedge_words_still_outvote_one() -> None:
    a, fa = count("First", "The storm displaced nearly 40 families.", "nearly 40", 40, 0,
                  hedge="about", predicate="displace")  # fmt: skip
    b, fb = count("Second", "Almost 40 families were displaced.", "Almost 40", 40, 2,
                  hedge="about", predicate="displace")  # fmt: skip
    c, fc = count("Third", "The storm displaced 65 families.", "65", 65, 5, predicate="displace")
    finding = compare_slot(slot_of(fa, fb, fc), by_id(a, b, c))
    assert finding.status == "conflict"


def test_one_later_outlet_saying_the_count_rose_past_several_is_still_an_update() -> None:
    a, fa = count("First", "The storm displaced 40 families.", "40", 40, 0, predicate="displace")
    b, fb = count("Second", "Forty families were displaced.", "40", 40, 2, predicate="displace")
    c, fc = count("Third", "The number displaced has risen to 65.", "65", 65, 5,
                  predicate="displace")  # fmt: skip
    assert compare_slot(slot_of(fa, fb, fc), by_id(a, b, c)).status == "updated"


def sized(name: str, text: str, value: str, number: float, hours: int) -> tuple[Article, Fact]:
    """A block's storeys, told as a compound adjective ("a nine-storey block")."""
    article, fact = toll(name, text, value, number, hours)
    start = text.index(f"{value}-")
    span = Evidence(article.id, value, start, start + len(value))
    return article, replace(fact, subject="storey", about="total storeys of the block", span=span)


def test_update_language_beside_the_size_of_a_thing_speaks_of_another_figure() -> None:
    a, fa = sized("Early", "A nine-storey block fell down at dawn.", "nine", 9, 0)
    b, fb = sized("Later", "The toll from the fall of an eleven-storey block rose to 12.",
                  "eleven", 11, 8)  # fmt: skip
    finding = compare_slot(slot_of(fa, fb), by_id(a, b))
    assert finding.status == "conflict"


def test_a_head_count_glued_to_its_noun_can_still_grow() -> None:
    a, fa = toll("Early", "About 2,000 people gathered outside the court at noon.", "2,000",
                 2000, 0)  # fmt: skip
    text = "By nightfall the crowd, now 6,000-strong, filled the square."
    b, fb = toll("Later", text, "6,000", 6000, 8)
    start = text.index("6,000")
    fb = replace(fb, span=Evidence(b.id, "6,000", start, start + len("6,000")))
    assert compare_slot(slot_of(fa, fb), by_id(a, b)).status == "updated"
