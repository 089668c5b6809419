"""Quantity facts without a parser: the noun phrase after a number stands in for the parse.

Used when no spaCy model is installed. The counted thing is the run of content words after
the amount ("120 new schools"), the noun before "of"/"to" for a measure ("tariffs of 145%"),
and the predicate the nearest past-tense verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from consilience.extract.casualties import (
    CASUALTY_PREDICATES,
    PERSON_NOUNS,
    CasualtyCount,
    casualty_participle,
    count_casualties_by_rules,
)
from consilience.extract.numbers import NumberMatch
from consilience.extract.wordforms import nearest_verb, singular
from consilience.models import Fact

__all__ = ["CARRIER_NOUNS", "MAX_FALLBACK_NOUN_WORDS", "FactMaker", "facts_by_rules"]

# Nouns that only carry an amount to the thing it measures: "$30 billion worth of goods".
CARRIER_NOUNS = frozenset({"worth", "total", "sum", "amount", "value", "share", "stake"})
CARRIER_NOUNS |= {"number", "count"}  # "the number of ships waiting rose to 27"
# The no-model path reads at most this many words after a number as its noun phrase.
MAX_FALLBACK_NOUN_WORDS = 4

# (span, subject, about, match, predicate, casualty count) -> Fact, bound to one sentence.
FactMaker = Callable[
    [tuple[int, int], str, str, NumberMatch | None, str | None, CasualtyCount | None], Fact
]

_STOP_WORDS = frozenset(
    (  # noqa: SIM905
        "the a an of and or to in on at for from by with as is are was were be been has have had "
        "will would that which who this these those it its their his her our than more less per "
        "into over under after before since during about said says up down last next "
        "year-on-year annually yearly"
    ).split()
)
_RULE_PARTICIPLE_PREDICATES = {casualty_participle(p): p for p in set(CASUALTY_PREDICATES.values())}
_CARRIER_OF = re.compile(r"\s*(?:" + "|".join(CARRIER_NOUNS) + r")\s+of\s+", re.IGNORECASE)
_MEASURED_BEFORE = re.compile(
    r"([A-Za-z]+)\s+(?:(?:[a-z]+ed|rose|fell|grew|stood|hit)\s+)?(?:of|to|at|by)\s+$"
)
_NOUN_RUN = re.compile(rf"[ \t]*((?:[A-Za-z][\w'’-]*[ \t]*){{1,{MAX_FALLBACK_NOUN_WORDS}}})")


def facts_by_rules(
    text: str, sentence_start: int, sentence_end: int, matches: list[NumberMatch], make: FactMaker
) -> list[Fact]:
    """Quantity facts of one sentence (offsets into ``text``) read by patterns alone."""
    facts: list[Fact] = []
    consumed: list[tuple[int, int]] = []
    sentence_text = text[sentence_start:sentence_end]
    for count in count_casualties_by_rules(sentence_text):
        start, end = sentence_start + count.start, sentence_start + count.end
        about = f"people {casualty_participle(count.predicate)}"
        facts.append(make((start, end), "people", about, None, count.predicate, count))
        consumed.extend((m.start, m.end) for m in matches if start <= m.start and m.end <= end)
    for match in matches:
        if (match.start, match.end) in consumed:
            continue
        words = _following_noun_words(text[match.end : sentence_end])
        if words and words[0].lower() in _RULE_PARTICIPLE_PREDICATES:  # "12 injured"
            casualty = _RULE_PARTICIPLE_PREDICATES[words[0].lower()]
            about = f"people {casualty_participle(casualty)}"
            span = (match.start, match.end)
            facts.append(make(span, "people", about, match, casualty, None))
            continue
        carried = _CARRIER_OF.match(text[match.end : sentence_end])
        if carried:  # "$30 billion worth of goods"
            words = _following_noun_words(text[match.end + carried.end() : sentence_end])
        if not words:
            before = _MEASURED_BEFORE.search(text[sentence_start : match.start])
            if before is None or match.number.unit is None:
                continue
            words = [before.group(1)]
        subject = singular(words[-1])
        predicate = nearest_verb(text[sentence_start : match.start], text[match.end : sentence_end])
        if predicate in CASUALTY_PREDICATES.values() and words[-1].lower() in PERSON_NOUNS:
            subject = "people"
        about = " ".join(words).lower()
        facts.append(make((match.start, match.end), subject, about, match, predicate, None))
    return facts


def _following_noun_words(after: str) -> list[str]:
    """Up to four words right after a number, stopping at function words and verbs."""
    run = _NOUN_RUN.match(after)
    words: list[str] = []
    for word in run.group(1).split() if run else []:
        lowered = word.lower()
        if lowered in _STOP_WORDS or (words and lowered.endswith("ed")):
            break
        words.append(word)
    return words
