"""Alignment: the facts that several outlets state about one thing share a slot, others don't."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.align import align_facts
from consilience.align_story_year import STORY_YEAR_KEY
from consilience.extract.dates import RELATIVE_MONTH
from consilience.models import Article, Fact, Role
from factories import make_article, make_fact, slot_of


def quantity(
    article: Article,
    sentence: str,
    value: str,
    number: float,
    subject: str,
    *,
    context: str = "",
    unit: str | None = None,
    predicate: str | None = None,
    roles: tuple[Role, ...] = (),
) -> Fact:
    return make_fact(
        article, sentence, "quantity", subject, value, number=number, unit=unit,
        predicate=predicate, roles=roles, context=context,
    )  # fmt: skip


# --- quantities -------------------------------------------------------------------------


def test_no_facts_give_no_slots() -> None:
    assert align_facts([], {}) == []


def test_one_figure_told_by_three_outlets_in_their_own_words_is_one_slot() -> None:
    a = make_article("a", "The two countries signed 40 cooperation agreements on Monday.")
    b = make_article("b", "Officials said 40 agreements on cooperation were signed on the visit.")
    c = make_article("c", "During the visit the neighbours signed about 40 agreements.")
    facts = [
        quantity(a, a.text, "40", 40, "agreement", predicate="sign",
                 context="agreement country cooperation monday sign"),
        quantity(b, b.text, "40", 40, "agreement", predicate="sign",
                 context="agreement cooperation official say sign visit"),
        quantity(c, c.text, "about 40", 40, "agreement", predicate="sign",
                 context="agreement neighbour sign visit"),
    ]  # fmt: skip
    slots = align_facts(facts, {})
    assert len(slots) == 1
    assert slots[0].key == "quantity:agreement:sign"
    assert {f.article for f in slots[0].facts} == {"a", "b", "c"}


def test_tariffs_by_different_agents_on_different_targets_are_different_slots() -> None:
    sentence_a = "Beijing raised its tariffs on US goods to 125% after Washington set 145%."
    a = make_article("a", sentence_a)
    b = make_article("b", "The United States set 145% tariffs on China, which replied with 125%.")
    context = "beijing china good impose raise tariff washington"
    china_on_us = (Role("agent", "China"), Role("target", "US"))
    us_on_china = (Role("agent", "US"), Role("target", "China"))
    facts = [
        quantity(a, sentence_a, "125%", 125, "tariff", unit="%", predicate="raise",
                 roles=china_on_us, context=context),
        quantity(a, sentence_a, "145%", 145, "tariff", unit="%", roles=us_on_china,
                 context=context),
        quantity(b, b.text, "145%", 145, "tariff", unit="%", predicate="impose",
                 roles=(Role("agent", "The United States"), Role("target", "China")),
                 context=context),
        quantity(b, b.text, "125%", 125, "tariff", unit="%", roles=(Role("agent", "China"),),
                 context=context),
    ]  # fmt: skip
    aliases = {"US": "United States", "The United States": "United States", "Beijing": "China"}
    slots = align_facts(facts, aliases)
    assert len(slots) == 2
    assert {f.number for f in slot_of(slots, facts[0]).facts} == {125}
    assert {f.number for f in slot_of(slots, facts[1]).facts} == {145}
    assert len({slot.key for slot in slots}) == 2  # keys stay unique


def test_two_figures_of_one_article_never_share_a_slot() -> None:
    a = make_article("a", "Police said 12 people died.", "Hospitals later said 15 people died.")
    context = "die people police hospital say"
    facts = [
        quantity(a, "Police said 12 people died.", "12", 12, "people", predicate="die",
                 context=context),
        quantity(a, "Hospitals later said 15 people died.", "15", 15, "people", predicate="die",
                 context=context),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 2


def test_a_figure_repeated_in_one_article_is_kept_once() -> None:
    a = make_article("a", "Rescuers found 30 survivors.", "The 30 survivors were flown out.")
    facts = [
        quantity(a, "Rescuers found 30 survivors.", "30", 30, "survivor",
                 context="find rescuer survivor"),
        quantity(a, "The 30 survivors were flown out.", "30", 30, "survivor",
                 context="fly survivor"),
    ]  # fmt: skip
    slots = align_facts(facts, {})
    assert [slot.facts for slot in slots] == [(facts[0],)]


def test_percent_money_and_counts_never_share_a_slot() -> None:
    a = make_article("a", "Exports rose 8% to $40 billion.")
    b = make_article("b", "Exports climbed 8 percent.")
    context = "export rise climb"
    facts = [
        quantity(a, a.text, "8%", 8, "export", unit="%", context=context),
        quantity(a, a.text, "$40 billion", 4e10, "export", unit="USD", context=context),
        quantity(b, b.text, "8", 8, "export", context=context),
    ]
    assert len(align_facts(facts, {})) == 3


def test_different_verbs_on_the_same_noun_are_different_figures() -> None:
    a = make_article("a", "The storm killed 20 people and injured 200 people.")
    b = make_article("b", "Twenty people were killed by the storm.")
    context = "injure kill people storm"
    facts = [
        quantity(a, a.text, "20", 20, "people", predicate="kill", context=context),
        quantity(a, a.text, "200", 200, "people", predicate="injure", context=context),
        quantity(b, b.text, "Twenty", 20, "people", predicate="kill", context=context),
    ]
    slots = align_facts(facts, {})
    assert len(slots) == 2
    assert {f.article for f in slot_of(slots, facts[0]).facts} == {"a", "b"}


def test_agents_written_differently_are_matched_through_the_aliases() -> None:
    a = make_article("a", "The U.S. imposed a 46% levy on Vietnamese goods.")
    b = make_article("b", "Washington's 46% levy on Vietnam's goods was paused.")
    facts = [
        quantity(a, a.text, "46%", 46, "levy", unit="%", roles=(Role("agent", "U.S."),),
                 context="good impose levy vietnamese"),
        quantity(b, b.text, "46%", 46, "levy", unit="%", roles=(Role("agent", "Washington"),),
                 context="good levy pause vietnam"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 2  # unknown aliases: different agents
    aliases = {"U.S.": "United States", "Washington": "United States"}
    assert len(align_facts(facts, aliases)) == 1


def test_the_same_noun_in_unrelated_sentences_is_not_the_same_figure() -> None:
    a = make_article("a", "Some 5,000 people marched in the capital on Sunday.")
    b = make_article("b", "About 5,000 people were evacuated from flooded villages.")
    facts = [
        quantity(a, a.text, "Some 5,000", 5000, "people", predicate="march",
                 context="capital march people sunday"),
        quantity(b, b.text, "About 5,000", 5000, "people", predicate="evacuate",
                 context="evacuate flood people village"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 2


def test_synonymous_nouns_are_one_thing_but_unrelated_sentences_keep_figures_apart() -> None:
    a = make_article("a", "Washington imposed a 46% levy on Vietnamese imports on Wednesday.")
    b = make_article("b", "Washington imposed a 46% tariff on Vietnamese imports on Wednesday.")
    c = make_article("c", "A 25% tariff applies to steel from next month.")
    shared = "impose import vietnamese washington wednesday"
    facts = [
        quantity(a, a.text, "46%", 46, "levy", unit="%", context=f"levy {shared}"),
        quantity(b, b.text, "46%", 46, "tariff", unit="%", context=f"tariff {shared}"),
        quantity(c, c.text, "25%", 25, "tariff", unit="%", context="apply steel tariff month"),
    ]
    slots = align_facts(facts, {})
    assert slot_of(slots, facts[0]) == slot_of(slots, facts[1])
    assert slot_of(slots, facts[2]) != slot_of(slots, facts[0])


def test_sentences_without_lemmas_are_compared_by_their_words_with_numbers_masked() -> None:
    a = make_article("a", "The bridge cost 120 million euros to build.")
    b = make_article("b", "The bridge cost 125 million euros to build.")
    c = make_article("c", "Ticket sales reached 120 million euros.")
    facts = [
        quantity(a, a.text, "120 million euros", 1.2e8, "bridge", unit="EUR"),
        quantity(b, b.text, "125 million euros", 1.25e8, "bridge", unit="EUR"),
        quantity(c, c.text, "120 million euros", 1.2e8, "bridge", unit="EUR"),
    ]
    slots = align_facts(facts, {})
    assert slot_of(slots, facts[0]) == slot_of(slots, facts[1])
    assert slot_of(slots, facts[2]) != slot_of(slots, facts[0])


# --- dates, titles, quotes, claims --------------------------------------------------------


def test_dates_of_one_event_from_several_outlets_share_a_slot() -> None:
    a = make_article("a", "The president will visit Hanoi on April 14.")
    b = make_article("b", "His visit to Hanoi begins on 14 April 2025.")
    facts = [
        make_fact(a, a.text, "date", "visit", "2025-04-14", context="hanoi president visit"),
        make_fact(b, b.text, "date", "visit", "2025-04-14", context="begin hanoi visit"),
    ]
    slots = align_facts(facts, {})
    assert [slot.key for slot in slots] == ["date:visit"]


def test_titles_of_one_person_share_a_slot_whatever_short_name_is_used() -> None:
    a = make_article("a", "US President Donald Trump spoke on Monday.")
    b = make_article("b", "Former President Trump spoke on Monday.")
    c = make_article("c", "President Trump, the Republican Party leader, spoke.")
    facts = [
        make_fact(a, a.text, "person_role", "Donald Trump", "US President", predicate="president"),
        make_fact(b, b.text, "person_role", "Trump", "Former President",
                  predicate="former president"),
        make_fact(c, c.text, "person_role", "Trump", "President", predicate="president"),
        make_fact(c, c.text, "person_role", "Trump", "Republican Party leader",
                  predicate="republican party leader"),
    ]  # fmt: skip
    slots = align_facts(facts, {"Trump": "Donald Trump"})
    title_slot = slot_of(slots, facts[0])
    assert title_slot.key == "person_role:donald trump:president"
    assert set(title_slot.facts) == set(facts[:3])  # "former" is the same role, tense aside
    assert slot_of(slots, facts[3]) != title_slot  # a second role is not a disagreement


def test_four_wordings_of_one_quote_are_one_slot() -> None:
    wordings = [
        "Nobody wins a fishing dispute, and isolation leads nowhere",
        "nobody wins a fishing dispute and isolation leads nowhere",
        "Nobody wins fishing disputes; isolation leads nowhere",
        "No one wins a fishing dispute, and isolation leads nowhere at all",
    ]
    facts = []
    for index, wording in enumerate(wordings):
        article = make_article(f"a{index}", f"“{wording},” the minister said.")
        speaker = "Minister Ana Costa" if index else "Costa"
        facts.append(make_fact(article, article.text, "quote", speaker, wording))
    other = make_article("z", "“We will open our harbours to every flag,” Costa said.")
    facts.append(make_fact(other, other.text, "quote", "Costa", "We will open our harbours"))
    slots = align_facts(facts, {"Costa": "Ana Costa", "Minister Ana Costa": "Ana Costa"})
    assert len(slots) == 2
    assert set(slot_of(slots, facts[0]).facts) == set(facts[:4])
    assert slot_of(slots, facts[0]).key == "quote:ana costa"


def test_the_same_words_from_another_speaker_are_another_quote() -> None:
    a = make_article("a", "“The talks were useful,” Costa said.")
    b = make_article("b", "“The talks were useful,” Lee said.")
    facts = [
        make_fact(a, a.text, "quote", "Costa", "The talks were useful"),
        make_fact(b, b.text, "quote", "Lee", "The talks were useful"),
    ]
    assert len(align_facts(facts, {})) == 2


def test_loosely_translated_quotes_sharing_a_rare_word_are_one_slot() -> None:
    filler = [f"Sentence {n} is about the weather in the harbour town." for n in range(20)]
    a = make_article("a", "“Protectionism is a blind alley for everyone,” Costa said.", *filler)
    b = make_article("b", "Costa said “protectionism offers no exit to anybody”.")
    facts = [
        make_fact(a, a.text.split(" Sentence")[0], "quote", "Costa",
                  "Protectionism is a blind alley for everyone"),
        make_fact(b, b.text, "quote", "Costa", "protectionism offers no exit to anybody"),
    ]  # fmt: skip
    for n, sentence in enumerate(filler):  # the story's other sentences make "harbour" common
        facts.append(make_fact(a, sentence, "date", "weather", f"2025-01-{n + 1:02d}"))
    quote_slots = [slot for slot in align_facts(facts, {}) if slot.kind == "quote"]
    assert len(quote_slots) == 1


def test_quotes_sharing_only_a_rare_word_but_little_wording_stay_apart() -> None:
    filler = [f"Sentence {n} is about the weather in the harbour town." for n in range(20)]
    first = "Our tuna fleet is always welcome in neighbouring waters"
    second = "We must defend the regional fishing system and keep every tuna market open"
    a = make_article("a", f"“{first},” Costa said.", *filler)
    b = make_article("b", f"“{second},” Costa said.")
    facts = [
        make_fact(a, a.text.split(" Sentence")[0], "quote", "Costa", first),
        make_fact(b, b.text, "quote", "Costa", second),
    ]
    for n, sentence in enumerate(filler):
        facts.append(make_fact(a, sentence, "date", "weather", f"2025-01-{n + 1:02d}"))
    quote_slots = [slot for slot in align_facts(facts, {}) if slot.kind == "quote"]
    assert len(quote_slots) == 2


def test_claims_join_on_the_same_verb_and_agent() -> None:
    a = make_article("a", "Xi will visit Vietnam, Malaysia and Cambodia.")
    b = make_article("b", "Xi Jinping is to visit Vietnam and Malaysia.")
    c = make_article("c", "Lee will visit Japan and Korea.")
    facts = [
        make_fact(a, a.text, "claim", "visit", "Cambodia, Malaysia, Vietnam", predicate="visit",
                  roles=(Role("agent", "Xi"),)),
        make_fact(b, b.text, "claim", "visit", "Malaysia, Vietnam", predicate="visit",
                  roles=(Role("agent", "Xi Jinping"),)),
        make_fact(c, c.text, "claim", "visit", "Japan, Korea", predicate="visit",
                  roles=(Role("agent", "Lee"),)),
    ]  # fmt: skip
    slots = align_facts(facts, {"Xi": "Xi Jinping"})
    assert len(slots) == 2
    assert slot_of(slots, facts[0]).key == "claim:visit:visit:xi jinping"


def test_a_slot_is_about_what_most_of_its_facts_are_about() -> None:
    articles = [make_article(name, "Workers struck for 3 days.") for name in "abc"]
    abouts = ["days of strike", "strike length", "days of strike"]
    facts = [
        make_fact(article, article.text, "quantity", "day", "3", number=3, about=about,
                  context="day strike worker")
        for article, about in zip(articles, abouts, strict=True)
    ]  # fmt: skip
    assert align_facts(facts, {})[0].about == "days of strike"


# --- invariants ---------------------------------------------------------------------------


def _mixed_story() -> list[Fact]:
    a = make_article("a", "China set tariffs of 125% on US goods.", "Xi visits on April 14.")
    b = make_article("b", "The US put 145% tariffs on China.", "The visit starts April 14.")
    c = make_article("c", "Tariffs of 125% hit US goods.", "“Nobody wins,” Xi said.")
    tariff = "china good set tariff"
    return [
        quantity(a, a.text.split(" Xi")[0], "125%", 125, "tariff", unit="%",
                 roles=(Role("agent", "China"),), context=tariff),
        quantity(b, b.text.split(" The visit")[0], "145%", 145, "tariff", unit="%",
                 roles=(Role("agent", "US"),), context=tariff),
        quantity(c, c.text.split(" “")[0], "125%", 125, "tariff", unit="%", context=tariff),
        make_fact(a, "Xi visits on April 14.", "date", "visit", "2025-04-14", context="visit xi"),
        make_fact(b, "The visit starts April 14.", "date", "visit", "2025-04-14",
                  context="start visit"),
        make_fact(c, "“Nobody wins,” Xi said.", "quote", "Xi", "Nobody wins"),
    ]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.permutations(_mixed_story()))
def test_the_order_facts_arrive_in_does_not_change_the_slots(facts: list[Fact]) -> None:
    assert align_facts(facts, {}) == align_facts(_mixed_story(), {})


def test_every_fact_lands_in_exactly_one_slot_unless_repeated() -> None:
    facts = _mixed_story()
    placed = [fact for slot in align_facts(facts, {}) for fact in slot.facts]
    assert sorted(placed, key=repr) == sorted(facts, key=repr)


# --- scored matching ----------------------------------------------------------------------


def test_reporting_and_movement_verbs_do_not_split_one_figure() -> None:
    a = make_article("a", "Harlow Foods reported annual sales of $2.3 billion on Tuesday.")
    b = make_article("b", "Sales at Harlow Foods rose to $2.3 billion for the year.")
    facts = [
        quantity(a, a.text, "$2.3 billion", 2.3e9, "sale", unit="USD", predicate="report",
                 context="food harlow report sale tuesday"),
        quantity(b, b.text, "$2.3 billion", 2.3e9, "sale", unit="USD", predicate="rise",
                 context="food harlow rise sale year"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 1


def test_different_modifiers_of_one_noun_are_different_figures() -> None:
    a = make_article("a", "Gross profit was $40 million and net profit $12 million.")
    b = make_article("b", "The brewer's net profit came to $15 million.")
    context = "brewer profit"
    facts = [
        make_fact(a, a.text, "quantity", "profit", "$40 million", number=4e7, unit="USD",
                  about="gross profit", context=context),
        make_fact(a, a.text, "quantity", "profit", "$12 million", number=1.2e7, unit="USD",
                  about="net profit", context=context),
        make_fact(b, b.text, "quantity", "profit", "$15 million", number=1.5e7, unit="USD",
                  about="net profit", context=context),
    ]  # fmt: skip
    slots = align_facts(facts, {})
    assert {f.value for f in slot_of(slots, facts[2]).facts} == {"$12 million", "$15 million"}


def test_moves_on_different_days_are_different_figures() -> None:
    a = make_article("a", "Its shares fell 3% on Monday.")
    b = make_article("b", "Its shares fell 5% on Wednesday.")
    facts = [
        make_fact(a, a.text, "quantity", "share", "3%", number=3, unit="%",
                  about="shares on Monday", context="fall share"),
        make_fact(b, b.text, "quantity", "share", "5%", number=5, unit="%",
                  about="shares on Wednesday", context="fall share"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 2


def test_countries_named_inside_role_phrases_keep_mirror_tariffs_apart() -> None:
    a = make_article("a", "Ruritania put a 30% duty on Elbonian cheese.")
    b = make_article("b", "Elbonia answered with a 30% duty on Ruritanian wine.")
    context = "answer cheese duty put wine"
    facts = [
        make_fact(a, a.text, "quantity", "duty", "30%", number=30, unit="%",
                  about="duty on French cheese", context=context),
        make_fact(b, b.text, "quantity", "duty", "30%", number=30, unit="%",
                  about="duty on Italian wine", context=context),
    ]  # fmt: skip
    assert len(align_facts(facts, {"France": "France", "Italy": "Italy"})) == 2


def test_dates_and_numbers_in_roles_are_not_participants() -> None:
    a = make_article("a", "Revenue rose to $9 billion from $7 billion.")
    b = make_article("b", "The group reported revenue of $9 billion on Friday.")
    facts = [
        quantity(a, a.text, "$9 billion", 9e9, "revenue", unit="USD", predicate="rise",
                 roles=(Role("target", "7 billion"),), context="group revenue rise"),
        quantity(b, b.text, "$9 billion", 9e9, "revenue", unit="USD", predicate="report",
                 roles=(Role("target", "Friday"),), context="friday group report revenue"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 1


def test_one_family_of_offices_shares_a_slot_unless_one_article_gives_both() -> None:
    a = make_article("a", "Prosecutor Mia Dahl spoke.")
    b = make_article("b", "Defence barrister Mia Dahl spoke.")
    c = make_article("c", "Mayor Tom Berg, a former judge, spoke.")
    d = make_article("d", "Judge Tom Berg spoke.")
    facts = [
        make_fact(a, a.text, "person_role", "Mia Dahl", "Prosecutor", predicate="prosecutor"),
        make_fact(b, b.text, "person_role", "Mia Dahl", "Defence barrister",
                  predicate="defence barrister"),
        make_fact(c, c.text, "person_role", "Tom Berg", "Mayor", predicate="mayor"),
        make_fact(c, c.text, "person_role", "Tom Berg", "former judge", predicate="former judge"),
        make_fact(d, d.text, "person_role", "Tom Berg", "Judge", predicate="judge"),
    ]  # fmt: skip
    slots = align_facts(facts, {})
    assert slot_of(slots, facts[0]) == slot_of(slots, facts[1])
    assert slot_of(slots, facts[2]) != slot_of(slots, facts[4])
    assert slot_of(slots, facts[3]) == slot_of(slots, facts[4])


def test_placeholder_subjects_alone_do_not_make_one_figure() -> None:
    a = make_article("a", "The club paid $4 million for the striker.")
    b = make_article("b", "The club earned $9 million from ticket sales.")
    facts = [
        make_fact(a, a.text, "quantity", "money", "$4 million", number=4e6, unit="USD",
                  about="money paid", context="club pay striker"),
        make_fact(b, b.text, "quantity", "money", "$9 million", number=9e6, unit="USD",
                  about="money earned", context="club earn sale ticket"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 2


# --- one event, one date ------------------------------------------------------------------


def test_dates_of_one_named_event_align_however_unlike_their_sentences() -> None:
    a = make_article("a", "Bus drivers walked out on 3 June, stranding commuters across Tarn.")
    b = make_article("b", "The stoppage, which union leaders called over pay, began in 2024.")
    facts = [
        make_fact(a, a.text, "date", "strike", "2025-06-03",
                  context="bus commuter driver strand strike tarn walk"),
        make_fact(b, b.text, "date", "strike", "2024-06-03",
                  context="begin call leader pay stoppage strike union"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 1


def test_this_month_is_not_set_against_a_day_just_past_the_months_end() -> None:
    a = make_article("a", "The tribunal gives its ruling this month.")
    b = make_article("b", "The tribunal gives its ruling on June 4.")
    c = make_article("c", "The tribunal gives its ruling on June 25.")
    facts = [
        make_fact(a, a.text, "date", "ruling", "2025-05", hedge=RELATIVE_MONTH,
                  context="give ruling tribunal"),
        make_fact(b, b.text, "date", "ruling", "2025-06-04", context="give ruling tribunal"),
        make_fact(c, c.text, "date", "ruling", "2025-06-25", context="give ruling tribunal"),
    ]  # fmt: skip
    slots = align_facts(facts, {})
    assert slot_of(slots, facts[0]) != slot_of(slots, facts[1])
    assert slot_of(slots, facts[0]) == slot_of(slots, facts[2])  # three weeks out: a conflict


def test_recurring_events_on_different_days_need_alike_sentences() -> None:
    a = make_article("a", "The council met on Monday to approve the budget.")
    b = make_article("b", "Councillors will meet again on June 1 to elect a mayor.")
    facts = [
        make_fact(a, a.text, "date", "meet", "2025-05-12", context="approve budget council meet"),
        make_fact(b, b.text, "date", "meet", "2025-06-01", context="councillor elect mayor meet"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 2


def test_an_event_one_article_dates_twice_is_not_one_event() -> None:
    first = "Inspectors examined the bridge in January."
    second = "A second inspection followed in March."
    a = make_article("a", first, second)
    b = make_article("b", "Ministry engineers filed a safety report after an inspection in 2023.")
    facts = [
        make_fact(a, first, "date", "inspection", "2025-01", context="bridge examine inspector"),
        make_fact(a, second, "date", "inspection", "2025-03", context="follow inspection"),
        make_fact(b, b.text, "date", "inspection", "2023",
                  context="engineer file inspection ministry report safety"),
    ]  # fmt: skip
    # b's lead puts the inspection in 2023, a's in 2025: that also makes the story-year slot.
    slots = [slot for slot in align_facts(facts, {}) if slot.key != STORY_YEAR_KEY]
    assert len(slots) == 3


# --- voices within one article ------------------------------------------------------------


def test_a_quoted_persons_claim_joins_the_reporters_slot_in_one_article() -> None:
    reporter = "The envoy will next travel to Peru and Chile."
    quoted = "“She is really going to Bolivia,” an aide said."
    a = make_article("a", reporter, quoted)
    b = make_article("b", "The envoy heads to Peru and Chile.")
    facts = [
        make_fact(a, reporter, "claim", "travel", "Chile, Peru", predicate="travel",
                  roles=(Role("agent", "Ana Ruiz"),)),
        make_fact(a, quoted, "claim", "travel", "Bolivia", predicate="travel",
                  roles=(Role("agent", "Ana Ruiz"),)),
        make_fact(b, b.text, "claim", "travel", "Chile, Peru", predicate="travel",
                  roles=(Role("agent", "Ana Ruiz"),)),
    ]  # fmt: skip
    facts[1] = replace(facts[1], attributed_to="an aide")
    slots = align_facts(facts, {})
    assert len(slots) == 1 and len(slots[0].facts) == 3


def test_one_articles_two_figures_stay_apart_even_from_two_voices() -> None:
    reporter = "The fund holds $3 billion."
    quoted = "“It needs $5 billion,” its manager said."
    a = make_article("a", reporter, quoted)
    facts = [
        quantity(a, reporter, "$3 billion", 3e9, "fund", unit="USD", context="fund hold"),
        replace(
            quantity(a, quoted, "$5 billion", 5e9, "fund", unit="USD", context="fund need"),
            attributed_to="its manager",
        ),
    ]
    assert len(align_facts(facts, {})) == 2


# --- one statement told tersely; disputed figures -------------------------------------------


def test_a_precise_figure_of_one_thing_is_one_statement_however_little_else_is_shared() -> None:
    a = make_article("a", "Auditors found that $371 million was diverted from the hospital budget.")
    b = make_article("b", "Over a decade, $371 million was diverted, the inquiry heard.")
    c = make_article("c", "The $371 million shortfall came to light, nurses said.")
    facts = [
        make_fact(a, a.text, "quantity", "money", "$371 million", number=3.71e8, unit="USD",
                  predicate="divert", about="money diverted",
                  context="auditor find divert hospital budget"),
        make_fact(b, b.text, "quantity", "money", "$371 million", number=3.71e8, unit="USD",
                  predicate="divert", about="money diverted", context="decade divert inquiry hear"),
        make_fact(c, c.text, "quantity", "shortfall", "$371 million", number=3.71e8, unit="USD",
                  predicate="come", context="shortfall come light nurse say"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 1


def test_a_round_figure_of_unrelated_things_in_unrelated_sentences_stays_apart() -> None:
    a = make_article("a", "The city set aside $5 million for new buses.")
    b = make_article("b", "A $5 million fine was imposed on the builder.")
    facts = [
        make_fact(a, a.text, "quantity", "money", "$5 million", number=5e6, unit="USD",
                  predicate="set", context="city set aside bus"),
        make_fact(b, b.text, "quantity", "fine", "$5 million", number=5e6, unit="USD",
                  predicate="impose", context="fine impose builder"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 2


def test_two_words_for_one_group_of_people_share_a_slot_and_can_disagree() -> None:
    a = make_article("a", "The scheme cost 6,200 retirees their homes, the court heard.")
    b = make_article(
        "b", "Nearly 6,000 pensioners lost their homes in the scheme, the court heard."
    )
    facts = [
        make_fact(a, a.text, "quantity", "retiree", "6,200", number=6200, predicate="lose",
                  about="retirees", context="scheme cost retiree home court hear"),
        make_fact(b, b.text, "quantity", "pensioner", "Nearly 6,000", number=6000,
                  predicate="lose", about="pensioners",
                  context="pensioner lose home judge say friday"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 1


def test_a_disputed_figure_is_measured_against_the_nearest_telling_of_the_statement() -> None:
    a = make_article("a", "The mayor pledged a $12.5 million fund to repair the sea wall.")
    b = make_article("b", "The mayor's $12.5 million sea wall fund was welcomed by fishermen.")
    c = make_article("c", "A spokesman said the $12.5 million safety fund remains on offer.")
    d = make_article("d", "The mayor pledged a $12 million fund on Monday to repair the sea wall.")
    facts = [
        make_fact(a, a.text, "quantity", "fund", "$12.5 million", number=1.25e7, unit="USD",
                  predicate="pledge", context="mayor pledge fund repair sea wall"),
        make_fact(b, b.text, "quantity", "fund", "$12.5 million", number=1.25e7, unit="USD",
                  predicate="welcome", context="mayor sea wall fund welcome fisherman"),
        make_fact(c, c.text, "quantity", "safety", "$12.5 million", number=1.25e7, unit="USD",
                  predicate="remain", about="safety fund",
                  context="spokesman say safety fund remain offer"),
        make_fact(d, d.text, "quantity", "fund", "$12 million", number=1.2e7, unit="USD",
                  predicate="pledge", context="mayor pledge fund monday repair sea wall"),
    ]  # fmt: skip
    assert len(align_facts(facts, {})) == 1


def test_the_pollster_of_a_figure_is_its_source_not_a_rival_owner() -> None:
    a = make_article("a", "Civica Polling put the Greens on 27% on Friday.")
    b = make_article("b", "The Greens would take 27% of the vote, according to Civica Polling.")
    aliases = {"Civica Polling": "Civica Polling", "Greens": "Greens"}
    first = make_fact(a, a.text, "quantity", "share", "27%", number=27, unit="%",
                      about="party share", roles=(Role("agent", "Civica Polling"),),
                      context="civica polling put green friday")  # fmt: skip
    second = replace(
        make_fact(b, b.text, "quantity", "share", "27%", number=27, unit="%",
                  about="Greens share of the vote", context="green take vote civica polling"),
        attributed_to="Civica Polling",
    )  # fmt: skip
    assert len(align_facts([first, second], aliases)) == 1
