"""Alignment scoring: time frames, counted things, verbs and participants of figures."""

from __future__ import annotations

from consilience.align import align_facts
from consilience.align_frames import time_frame
from consilience.align_participants import named_entity, names_match, participants
from consilience.align_scoring import significant_digits
from consilience.align_things import thing_similarity
from consilience.models import Article, Evidence, Fact, Role


def figure(
    article_id: str,
    sentence: str,
    value: str,
    number: float,
    subject: str,
    *,
    about: str = "",
    predicate: str | None = None,
    roles: tuple[Role, ...] = (),
    context: str = "",
    unit: str | None = None,
) -> Fact:
    """A quantity fact whose evidence is the one-sentence article ``sentence``."""
    start = sentence.index(value)
    return Fact(
        kind="quantity",
        article=article_id,
        subject=subject,
        about=about or subject,
        value=value,
        evidence=Evidence(article_id, sentence, 0, len(sentence)),
        number=number,
        unit=unit,
        span=Evidence(article_id, value, start, start + len(value)),
        predicate=predicate,
        roles=roles,
        context=tuple(sorted(set(context.split()))),
    )


def article(article_id: str, text: str) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text)


# --- time frames ---------------------------------------------------------------------------


def test_a_figure_followed_by_a_year_earlier_is_an_earlier_figure() -> None:
    text = "Sales were $3 billion, against $2.6 billion a year earlier."
    assert time_frame(figure("a", text, "$2.6 billion", 2.6e9, "sale")) == "earlier"


def test_the_base_of_a_change_leaves_the_change_a_current_figure() -> None:
    text = "Orders grew 9% from a year earlier, the firm said."
    assert time_frame(figure("a", text, "9%", 9, "order", unit="%")) is None


def test_a_figure_after_up_from_is_an_earlier_figure() -> None:
    text = "The fleet now counts 210 buses, up from 180 in spring."
    assert time_frame(figure("a", text, "180", 180, "bus")) == "earlier"


def test_a_gain_this_year_is_a_running_total() -> None:
    text = "The stock, which has climbed 25% this year, slipped on Monday."
    assert time_frame(figure("a", text, "25%", 25, "stock", unit="%")) == "to date"


def test_an_earlier_figure_never_shares_a_slot_with_the_current_one() -> None:
    now = figure(
        "a",
        "The bank earned $500 million in the quarter.",
        "$500 million",
        5e8,
        "profit",
        predicate="earn",
        context="bank earn quarter",
        unit="USD",
    )
    before = figure("b", "The bank earned $500 million a year earlier.", "$500 million", 5e8,
                    "profit", about="profit a year earlier", predicate="compare",
                    context="bank earn", unit="USD")  # fmt: skip
    assert len(align_facts([now, before], {})) == 2


def test_earlier_figures_of_different_things_stay_apart() -> None:
    sales = figure(
        "a",
        "Sales compare with $2 billion a year earlier.",
        "$2 billion",
        2e9,
        "sale",
        about="sales a year earlier",
        predicate="compare",
        context="compare sale year",
        unit="USD",
    )
    profit = figure("b", "Profit compares with $2 billion in the same period last year.",
                    "$2 billion", 2e9, "profit", about="profit a year earlier",
                    predicate="compare", context="compare profit period year",
                    unit="USD")  # fmt: skip
    assert len(align_facts([sales, profit], {})) == 2


# --- counted things --------------------------------------------------------------------------


def test_a_placeholder_amount_takes_the_subject_of_its_light_verb() -> None:
    reached = figure(
        "a",
        "Turnover reached $90 million in the year.",
        "$90 million",
        9e7,
        "money",
        about="money reached",
        predicate="reach",
        roles=(Role("agent", "Turnover"),),
        unit="USD",
    )
    stated = figure("b", "The group posted turnover of $90 million.", "$90 million", 9e7,
                    "turnover", predicate="post", unit="USD")  # fmt: skip
    assert thing_similarity(reached, stated) == 1.0


def test_a_compound_noun_counts_the_same_people_as_its_last_part() -> None:
    miners = figure("a", "Some 120 coalminers walked out.", "120", 120, "coalminer")
    others = figure("b", "The union said 120 miners walked out.", "120", 120, "miner")
    assert thing_similarity(miners, others) == 1.0


def test_a_two_word_name_of_a_group_is_its_synonym() -> None:
    stated = figure("b", "Some 800 pensioners lost money.", "800", 800, "pensioner")
    retired_workers = figure("c", "The fraud hit 800 retired workers.", "800", 800, "worker",
                             about="retired workers")  # fmt: skip
    assert thing_similarity(retired_workers, stated) == 1.0


def test_from_names_an_earlier_figure_only_after_a_change_or_another_figure() -> None:
    taken = "He stole savings from 4,000 families."
    assert time_frame(figure("a", taken, "4,000", 4000, "family")) is None
    base = "Exports rose to $9 billion from $7 billion."
    assert time_frame(figure("b", base, "$7 billion", 7e9, "export", unit="USD")) == "earlier"
    risen = "The count climbed from 40 to 55 overnight."
    assert time_frame(figure("c", risen, "40", 40, "count")) == "earlier"


def test_significant_digits_tell_a_precise_figure_from_a_round_one() -> None:
    assert significant_digits(2.14e8) == 3
    assert significant_digits(9400) == 2
    assert significant_digits(300) == 1
    assert significant_digits(45.6) == 3


def test_a_modifier_named_elsewhere_in_the_other_sentence_is_the_same_thing() -> None:
    first = figure(
        "a",
        "Second-quarter sales were $4 million.",
        "$4 million",
        4e6,
        "sale",
        about="second-quarter sales",
        unit="USD",
    )
    second = figure("b", "Sales hit $4 million in the second quarter.", "$4 million", 4e6,
                    "sale", about="sales", unit="USD")  # fmt: skip
    assert thing_similarity(first, second) == 1.0


def test_total_and_annual_figures_are_different_things() -> None:
    total = figure("a", "Total output was 40 tonnes.", "40", 40, "output", about="total output")
    annual = figure("b", "Annual output was 40 tonnes.", "40", 40, "output", about="annual output")
    assert thing_similarity(total, annual) is None


def test_killed_and_died_count_the_same_dead() -> None:
    context = "flood people region"
    killed = figure(
        "a",
        "The floods killed 14 people in the region.",
        "14",
        14,
        "people",
        predicate="kill",
        context=context,
    )
    died = figure("b", "In the region 14 people died in the floods.", "14", 14, "people",
                  predicate="die", context=context)  # fmt: skip
    assert len(align_facts([killed, died], {})) == 1


def test_cases_of_an_illness_count_the_people_it_made_ill() -> None:
    cases = figure("a", "The measles outbreak has grown to 52 cases.", "52", 52, "case",
                   predicate="grow", context="case grow measles outbreak")  # fmt: skip
    infected = figure("b", "Some 52 people have been infected with measles.", "52", 52,
                      "people", predicate="infect", context="infect measles people")  # fmt: skip
    assert thing_similarity(cases, infected) == 0.8


def test_people_counted_by_different_things_that_befell_them_stay_apart() -> None:
    context = "gunman market police shooting"
    wounded = figure("a", "Four people were wounded when a gunman fired at the market.", "Four",
                     4, "people", predicate="wound", context=context)  # fmt: skip
    arrested = figure("b", "Police arrested four people after the market shooting.", "four", 4,
                      "people", predicate="arrest", context=context)  # fmt: skip
    assert len(align_facts([wounded, arrested], {})) == 2


def test_a_population_is_never_a_count_of_casualties() -> None:
    context = "city people police shooting"
    town = figure("a", "Police say shootings are rare in the city of 90,000 people.", "90,000",
                  90000, "people", predicate="be", context=context)  # fmt: skip
    arrested = figure("b", "Police arrested 90,000 people after the shooting in the city.",
                      "90,000", 90000, "people", predicate="arrest", context=context)  # fmt: skip
    assert len(align_facts([town, arrested], {})) == 2


def test_needing_treatment_is_being_treated() -> None:
    needed = figure("a", "Twelve people needed clinic treatment.", "Twelve", 12, "people",
                    predicate="need", roles=(Role("patient", "clinic treatment"),),
                    context="people need treatment clinic week")  # fmt: skip
    treated = figure("b", "Clinic staff treated 15 people.", "15", 15, "people",
                     predicate="treat",
                     context="people treat clinic staff doctor nurse")  # fmt: skip
    assert len(align_facts([needed, treated], {})) == 1


def test_a_rounded_figure_of_the_same_crowd_is_the_same_figure() -> None:
    crowd = figure("a", "A crowd of 12,412 watched the derby.", "12,412", 12412, "crowd",
                   predicate="watch", context="crowd derby watch")  # fmt: skip
    fans = figure("b", "About 12,000 fans filled the ground for the derby.", "About 12,000",
                  12000, "fan", predicate="fill", context="derby fan fill ground")  # fmt: skip
    assert len(align_facts([crowd, fans], {})) == 1


# --- participants -----------------------------------------------------------------------------


def test_a_short_form_of_a_name_matches_the_full_name() -> None:
    assert names_match("league", "farmers league")
    assert not names_match("farmers league", "workers league")


def test_a_capitalised_title_alone_names_nobody() -> None:
    assert named_entity("Minister", {}) is None
    assert named_entity("Ada Brun", {}) == "ada brun"


def test_the_subject_of_face_is_the_target_of_the_figure() -> None:
    faced = figure("a", "Norway faces 30% duties.", "30%", 30, "duty", predicate="face",
                   unit="%", roles=(Role("agent", "Norway"),))  # fmt: skip
    assert participants(faced, {}) == {"target": "norway"}


def test_a_target_given_by_extraction_for_face_is_not_swapped_again() -> None:
    text = "Norway faces 30% duties from Chile."
    faced = figure("a", text, "30%", 30, "duty", predicate="face", unit="%",
                   roles=(Role("target", "Norway"), Role("agent", "Chile")))  # fmt: skip
    assert participants(faced, {}) == {"agent": "chile", "target": "norway"}


def test_a_name_the_other_figures_thing_carries_in_no_role_is_no_clash() -> None:
    aliases = {"Vantor": "Vantor", "K7": "K7"}
    maker = figure("a", "Vantor delivered 12 of its new K7 trucks.", "12", 12, "truck",
                   about="Vantor's new K7 trucks", context="deliver truck")  # fmt: skip
    model = figure("b", "12 K7 trucks were delivered.", "12", 12, "truck",
                   about="K7 trucks delivered", context="deliver truck")  # fmt: skip
    assert len(align_facts([maker, model], aliases)) == 1


def test_a_name_after_of_is_the_kind_of_thing_counted_not_who_acts() -> None:
    aliases = {"Sunvale": "Sunvale", "Orchard Co": "Orchard Co"}
    cartons = figure("a", "Orchard Co recalled 9,000 cartons of Sunvale juice.", "9,000", 9000,
                     "carton", about="cartons of Sunvale juice recalled",
                     roles=(Role("agent", "Orchard Co"),))  # fmt: skip
    assert participants(cartons, aliases) == {"agent": "orchard co", "kind": "sunvale"}
    owned = figure("b", "The revenue of Orchard Co rose 4%.", "4%", 4, "revenue", unit="%",
                   about="revenue of Orchard Co")  # fmt: skip
    assert participants(owned, aliases) == {"agent": "orchard co"}


def test_mirror_figures_naming_both_countries_still_clash() -> None:
    aliases = {"Norway": "Norway", "Chile": "Chile"}
    one = figure("a", "Norway's 30% duty on Chile goods.", "30%", 30, "duty", unit="%",
                 about="Norway's duty on Chile goods", context="duty good")  # fmt: skip
    other = figure("b", "Chile's 30% duty on Norway goods.", "30%", 30, "duty", unit="%",
                   about="Chile's duty on Norway goods", context="duty good")  # fmt: skip
    assert len(align_facts([one, other], aliases)) == 2


def test_a_proposed_levy_and_an_imposed_tariff_of_one_rate_are_one_figure() -> None:
    proposed = figure("a", "Ruritania proposed tariffs of 20% on Elbonian steel.", "20%", 20,
                      "tariff", predicate="propose", unit="%", about="tariffs on Elbonian steel",
                      context="propose ruritania steel tariff")  # fmt: skip
    imposed = figure("b", "Ruritania slapped a 20% levy on steel from Elbonia.", "20%", 20,
                     "levy", predicate="slap", unit="%", about="levy on steel",
                     context="elbonia levy ruritania slap steel")  # fmt: skip
    assert len(align_facts([proposed, imposed], {})) == 1


def test_the_length_of_a_further_stoppage_is_not_the_stoppage_under_way() -> None:
    context = "hour hospital porter stoppage strike union"
    now = figure("a", "Hospital porters began a 48-hour stoppage on Monday.", "48-hour", 48,
                 "strike", about="length of the stoppage", predicate="begin", context=context,
                 unit="hour")  # fmt: skip
    next_one = figure("b", "The porters' union plans a further 72-hour stoppage.", "72-hour",
                      72, "strike (further)", about="length of the further stoppage",
                      predicate="plan", context=context, unit="hour")  # fmt: skip
    assert len(align_facts([now, next_one], {})) == 2
