"""Words alignment scores by: light and recurring verbs, synonyms, verb families, modifiers.

Every list here is English news usage, written as text so that it reads like the data it is.

>>> "report" in LIGHT_VERBS
True
"""

from __future__ import annotations

__all__ = [
    "DISTINGUISHING_MODIFIERS",
    "LIGHT_VERBS",
    "PLACEHOLDER_SUBJECTS",
    "PREDICATE_FAMILIES",
    "RECURRING_EVENTS",
    "SYNONYM_GROUPS",
    "word_set",
]


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a text, as a set."""
    return frozenset(text.split())


# Reporting, copula and movement verbs say nothing about which figure it is ("revenue rose
# to", "revenue reached", "reported revenue of", "revenue was").
LIGHT_VERBS = word_set(
    """
    be have report reach rise come make stand total put say show hit climb grow fall
    increase decrease drop jump surge gain post record see get take give go double
    remain set top exceed near estimate tell add value cost worth price compare
    include involve
    """
)
# Event words that news reports use for things that happen again and again in one story
# (meetings, talks, calls, market moves, openings, rate or price changes, which many banks
# and firms make at many meetings): the same word on two days is usually two
# events, so such dates still need similar sentences to align. Words like "strike",
# "sentence", "collapse", "earthquake" name one happening and align on the word alone.
RECURRING_EVENTS = word_set(
    """
    meet meeting talk talks speak call hold attend open close begin start end resume
    arrive leave return join announce publish release visit trip tour travel vote
    trade jump slide slump plunge soar tumble rally
    raise lift hike cut lower reduce increase
    """
)
# Words (or two-word names) that name one thing in different ways in news English, in
# groups; plural nouns are matched by their singular, as lemmas give them.
SYNONYM_GROUPS = (
    frozenset({"tariff", "levy", "duty"}),
    frozenset({"visit", "trip", "tour", "travel", "journey"}),
    frozenset({"profit", "income", "earnings"}),
    frozenset({"revenue", "sale", "sales", "turnover"}),
    frozenset({"death", "fatality", "toll"}),
    frozenset({"ship", "vessel", "boat"}),
    frozenset({"agreement", "deal", "accord", "pact"}),
    frozenset({"crowd", "attendance", "spectator", "fan"}),
    frozenset({"worker", "employee", "staff"}),
    # Groups of people a figure counts, named two ways within one report.
    frozenset({"pensioner", "retiree", "retired worker", "retired person", "retired people"}),
    frozenset({"resident", "inhabitant", "householder"}),
    frozenset({"passenger", "traveller", "traveler"}),
    frozenset({"student", "pupil"}),
    frozenset({"soldier", "troop", "serviceman", "servicemember"}),
    frozenset({"lawmaker", "legislator"}),
    frozenset({"child", "children", "kid", "minor"}),
    frozenset({"doctor", "physician"}),
)
# Verbs that say one thing of a figure in different words: 40 "killed", 40 "died", 40
# "dead"; a fund "offered", "promised" or "announced".
PREDICATE_FAMILIES = (
    frozenset({"kill", "die", "dead", "perish", "death"}),
    frozenset({"injure", "wound", "hurt", "injured", "wounded"}),
    frozenset({"offer", "promise", "pledge", "announce", "unveil", "commit", "earmark"}),
    # A tariff "proposed" or "threatened" is reported as "slapped" once announced.
    frozenset({"impose", "slap", "levy", "place", "put", "apply", "propose", "threaten"}),
    # A trial's participants: it "enrolled" or "recruited" them (a drug "tested on" them and a
    # study that "followed" them count too: see align_scoring).
    frozenset({"enrol", "enroll", "recruit"}),
)
# Modifiers that make a different figure of the same noun: net vs operating profit,
# third- vs fourth-quarter revenue. Two about-phrases with different ones never merge; days
# count too ("shares on Thursday" vs "shares on Friday" are two moves).
DISTINGUISHING_MODIFIERS = word_set(
    """
    net gross operating pretax adjusted underlying core annual annualised annualized
    quarterly monthly weekly daily fullyear halfyear yearly total cumulative
    """
)
# Subjects extraction falls back to when no counted noun is found ("$5 million" alone is
# "money"): equal placeholders say nothing about the thing, so the about-phrase decides.
PLACEHOLDER_SUBJECTS = word_set("money amount sum figure number total value")
# One site of a company: its figures ("the factory employs 1,100 people") are a part of
# the company's ("Halvik employs 4,000"), never the same figure.
SITE_NOUNS = word_set(
    """
    factory plant mill mine site works depot warehouse branch store shop office refinery
    smelter shipyard yard facility campus headquarters hq
    """
)
# Units of distance: a distance "from" or "south of" one place is not one from another.
DISTANCE_UNITS = word_set("kilometre kilometer km mile metre meter yard")
