"""Measures of motion and place: speeds, speed limits, and distances from a named place.

A figure with a unit of speed measures how fast something went, or, where a limit is named
("the speed limit is 80 km/h", "limited to 80 km/h", "the 80 km/h limit"), how fast it may
go: two things that never align, however the sentences are worded. A distance is measured
from somewhere ("two kilometres south of Kessford station", "80 km from the capital"):
the place goes into the about-phrase, so distances from two places stay apart. A length of
time "of" something ("three days of national mourning", "two weeks of talks") is how long
that thing lasts, with the time unit in the value, and so is a time "within" which a thing
is to be done ("publish a report within 30 days"). A length a thing moved by ("lost 20,000
feet", "dropped 5,000 feet", "rose by two metres") is the size of a move, never the level it
reached ("descended to 10,000 feet", "cruising at 31,000 feet"). Tokens are spaCy tokens,
typed ``Any`` because spaCy is optional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from consilience.extract.numbers import NumberMatch
from consilience.extract.penalties import DURATION_UNITS
from consilience.extract.quantity_parse import phrase

__all__ = [
    "DISTANCE_NOUNS",
    "SPEED_UNITS",
    "LengthReading",
    "MoveReading",
    "SpeedReading",
    "deadline_reading",
    "distance_about",
    "length_of_reading",
    "move_reading",
    "speed_reading",
]

DISTANCE_NOUNS = frozenset({"kilometre", "kilometer", "km", "mile", "metre", "meter", "yard"})
_COMPASS = re.compile(r"^(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?$|^away$")

# Lengths a height, depth or level is measured in, which a move can be counted in.
LENGTH_NOUNS = DISTANCE_NOUNS | {"foot", "feet", "inch", "centimetre", "centimeter", "cm", "m"}
# Verbs of moving up or down, by the direction of the move.
_MOVE_VERBS = dict.fromkeys(
    ("lose", "drop", "fall", "descend", "plunge", "plummet", "sink", "dive", "shed"), "descent"
) | dict.fromkeys(("gain", "climb", "rise", "ascend", "soar"), "climb")

SPEED_UNITS = frozenset({"km/h", "mph"})
# Words that make a speed the most a vehicle may do, not what it did.
_LIMIT_WORDS = frozenset({"limit", "restriction", "cap", "maximum"})
_LIMIT_VERBS = frozenset({"limit", "restrict", "cap"})


@dataclass(frozen=True, slots=True)
class SpeedReading:
    """What a speed figure measures: ``about`` is "speed" or "speed limit"."""

    subject: str
    about: str
    predicate: str | None


@dataclass(frozen=True, slots=True)
class LengthReading:
    """How long something lasts: the number widened to "three days", what lasts, the verb."""

    match: NumberMatch
    subject: str
    about: str
    predicate: str | None


@dataclass(frozen=True, slots=True)
class MoveReading:
    """A length moved by: subject "foot descent", about "feet of descent", the verb."""

    subject: str
    about: str
    predicate: str


def move_reading(noun: Any, verb: Any | None) -> MoveReading | None:
    """ "lost 20,000 feet", "dropped 5,000 feet", "rose by two metres": the size of a move,
    counted apart from the level reached ("to 10,000 feet"); None for any other figure."""
    lemma = noun.lemma_.lower()
    if verb is None or lemma not in LENGTH_NOUNS:
        return None
    move = _MOVE_VERBS.get(verb.lemma_.lower())
    by = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "by" else None
    moved = noun.dep_ in ("dobj", "npadvmod") and noun.head.i == verb.i
    if move is None or not (moved or (by is not None and by.head.i == verb.i)):
        return None
    return MoveReading(f"{lemma} {move}", f"{noun.lower_} of {move}", verb.lemma_.lower())


def length_of_reading(match: NumberMatch, root: Any) -> LengthReading | None:
    """ "three days of national mourning": the number widened over its time unit, counting
    "mourning"; None for any other figure (a bare "for three days" says nothing)."""
    if match.number.unit is not None or match.number.scale_word is not None:
        return None
    unit = root.head
    if root.dep_ != "nummod" or unit.i != root.i + 1 or unit.lemma_.lower() not in DURATION_UNITS:
        return None
    of = next((c for c in unit.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    thing = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if thing is None or thing.pos_ != "NOUN" or thing.ent_type_:
        return None
    end = unit.idx + len(unit.text)
    text = root.doc.text[match.start : end]
    widened = NumberMatch(match.start, end, text, replace(match.number, unit=unit.lemma_.lower()))
    about = f"{unit.lower_} of {phrase(thing)}"
    verb = unit.head if unit.head.pos_ == "VERB" else None
    return LengthReading(
        widened, thing.lemma_.lower(), about, verb.lemma_.lower() if verb else None
    )


def deadline_reading(match: NumberMatch, root: Any) -> LengthReading | None:
    """ "publish a preliminary report within 30 days": the time until the thing done (the
    verb's object), the number widened over its time unit; None for any other figure."""
    if match.number.unit is not None or match.number.scale_word is not None:
        return None
    unit = root.head
    if root.dep_ != "nummod" or unit.i != root.i + 1 or unit.lemma_.lower() not in DURATION_UNITS:
        return None
    within, verb = unit.head, unit.head.head
    if unit.dep_ != "pobj" or within.lower_ != "within" or verb.pos_ != "VERB":
        return None
    thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if thing is None or thing.pos_ != "NOUN":
        return None
    end = unit.idx + len(unit.text)
    text = root.doc.text[match.start : end]
    widened = NumberMatch(match.start, end, text, replace(match.number, unit=unit.lemma_.lower()))
    about = f"time until the {phrase(thing).lower().removeprefix('a ').removeprefix('the ')}"
    return LengthReading(widened, thing.lemma_.lower(), about, verb.lemma_.lower())


def speed_reading(unit: str | None, span: Any) -> SpeedReading | None:
    """The reading of a figure with a unit of speed, or None for any other figure; the
    climb starts at the numeral, as "km/h" is parsed in pieces."""
    if unit not in SPEED_UNITS:
        return None
    token = next((t for t in span if t.like_num), span.root)
    verb = None
    for _ in range(6):  # climb to the noun or verb the speed belongs to
        head = token.head
        if head.i == token.i:
            break
        if head.pos_ in ("VERB", "AUX"):
            verb = head
            break
        token = head
        if head.lemma_.lower() in _LIMIT_WORDS:
            break
    in_limit = any(t.lemma_.lower() in _LIMIT_WORDS for t in (token, *token.children))
    if verb is not None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "attr")), None)
        in_limit = in_limit or verb.lemma_.lower() in _LIMIT_VERBS
        in_limit = in_limit or (subject is not None and subject.lemma_.lower() in _LIMIT_WORDS)
    if in_limit:
        return SpeedReading("speed limit", "speed limit", None)
    predicate = verb.lemma_.lower() if verb is not None and verb.pos_ == "VERB" else None
    return SpeedReading("speed", "speed", predicate)


def distance_about(noun: Any, about: str) -> str:
    """ "kilometres south of Kessford station": the about-phrase of a distance with the
    place it is measured from; ``about`` unchanged when no place is named."""
    if noun.lemma_.lower() not in DISTANCE_NOUNS:
        return about
    direction = noun.head if noun.dep_ == "npadvmod" and _COMPASS.match(noun.head.lower_) else None
    owners: list[Any] = [noun] if direction is None else [direction, noun]
    for owner in owners:
        for prep in owner.children:
            place = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from") and place is not None:
                where = f"{owner.lower_} {prep.lower_}" if owner is not noun else "from"
                return f"{noun.lower_} {where} {phrase(place)}"
    return about
