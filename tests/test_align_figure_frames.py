"""Figures that look alike but are not one figure: moves before the close, rates, sites,
rises and falls, distances from two places, limits; and hedged equal figures that agree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from consilience.align_things import SAME_THING_SCORE, thing_similarity
from consilience.extract.nlp import Nlp
from consilience.models import Article, Finding
from factories import findings_of, make_article, make_fact

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def article(name: str, text: str, hours_later: int = 0) -> Article:
    published = NOON + timedelta(hours=hours_later)
    return Article(id=name, source=f"{name}.txt", text=text, outlet=name, published=published)


def finding_with(findings: list[Finding], value: str) -> Finding:
    return next(f for f in findings if any(v.value == value for v in f.variants))


def test_a_move_in_early_trading_is_not_the_move_at_the_close(nlp: Nlp) -> None:
    early = article("wire", "Shares in Pellam Mining fell 6% in early trading on Tuesday.")
    close = article("daily", "Shares in Pellam Mining fell 8% on Tuesday.", 5)
    findings = findings_of(nlp, early, close)
    assert all(f.status != "conflict" for f in findings)


def test_a_daily_rate_is_not_a_load(nlp: Nlp) -> None:
    rate = article("wire", "The ferry route carries about 9,000 passengers a day.")
    load = article("daily", "The ferry, carrying about 400 passengers, ran aground.", 2)
    findings = findings_of(nlp, rate, load)
    assert all(f.status != "conflict" for f in findings)


def test_one_sites_staff_is_not_the_companys_workforce(nlp: Nlp) -> None:
    whole = article("wire", "Castlow, which employs about 6,000 people, posted a loss.")
    site = article("local", "The Riverside plant employs about 700 people.", 2)
    findings = findings_of(nlp, whole, site)
    assert all(f.status != "conflict" for f in findings)


def test_one_companys_rise_is_not_anothers_fall(nlp: Nlp) -> None:
    rise = article("wire", "Dorrin shares jump 14% on Vastel bid")
    fall = article("daily", "Vastel shares fell 2% on Monday.", 3)
    findings = findings_of(nlp, rise, fall)
    assert all(f.status != "conflict" for f in findings)


def test_distances_from_two_places_stay_apart(nlp: Nlp) -> None:
    near = article("wire", "The plane came down about 5 kilometres west of Harlow airport.")
    far = article("daily", "The plane came down about 60 kilometres north of the capital.", 2)
    findings = findings_of(nlp, near, far)
    assert all(f.status != "conflict" for f in findings)


def test_a_speed_and_the_limit_never_conflict_and_one_speed_agrees(nlp: Nlp) -> None:
    first = article("wire", "The bus was travelling at about 90 km/h. The limit there is 50 km/h.")
    second = article("daily", "Police said the bus was travelling at 90 km/h.", 3)
    findings = findings_of(nlp, first, second)
    assert all(f.status != "conflict" for f in findings)
    assert finding_with(findings, "90 km/h").status == "agreed"


def test_two_premiums_to_one_closing_price_conflict_however_the_price_is_worded(nlp: Nlp) -> None:
    exact = article(
        "wire", "Tarrow will pay $12 a share, a premium of 28% to Ostley's closing price on Friday."
    )
    swapped = article(
        "local",
        "Owners will receive $12 a share, a premium of 82% on the price at the end of last week.",
        4,
    )
    findings = findings_of(nlp, exact, swapped)
    assert finding_with(findings, "28%").status == "conflict"


def test_a_weekday_one_outlet_leaves_unsaid_still_names_the_same_thing() -> None:
    one = make_article("wire", "The bid is a premium of 28% to the close on Friday.")
    other = make_article("local", "The bid is a premium of 28% on the price.")
    first = make_fact(one, one.text, "quantity", "premium", "28%", about="premium on Friday")
    second = make_fact(other, other.text, "quantity", "premium", "28%", about="premium on price")
    assert thing_similarity(first, second) == SAME_THING_SCORE


def test_seats_short_of_or_needed_for_a_majority_are_not_seats_won(nlp: Nlp) -> None:
    won = article("wire", "The Harbour Party won 48 seats in the city council on Sunday.")
    short = article("local", "The Harbour Party was left 13 seats short of a majority.", 2)
    needed = article("daily", "In the council, 61 seats are needed for a majority.", 3)
    findings = findings_of(nlp, won, short, needed)
    assert all(f.status != "conflict" for f in findings)


def test_a_polls_figure_is_not_the_result(nlp: Nlp) -> None:
    result = article("wire", "The Harbour Party won 41% of the vote in the city election.")
    poll = article(
        "daily", "The Harbour Party, whose last opinion poll had put it on 35%, cheered.", 2
    )
    findings = findings_of(nlp, result, poll)
    assert all(f.status != "conflict" for f in findings)


def test_a_share_followed_by_another_figures_shortfall_is_still_a_result(nlp: Nlp) -> None:
    wire = article("wire", "Mara Quell won 41.3% of the first-round vote on Sunday.")
    local = article(
        "local", "Mara Quell led the first round with 41.3% but fell short of the 50% needed.", 2
    )
    findings = findings_of(nlp, wire, local)
    assert finding_with(findings, "41.3%").status == "agreed"
