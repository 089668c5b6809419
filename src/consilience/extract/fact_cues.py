"""Which sentences can carry a fact, so spaCy need not parse the others.

Every fact kind has a surface cue: a figure has a digit or a number word, a date a month,
weekday or relative day, a title a title word, a quote a quote mark, a claim a trip or
signing verb, a casualty count a casualty word, and an attributed statement a reporting verb.
A sentence with none of them is *idle*: ``idle_spans`` lists those sentences (as the rule
splitter cuts them) and ``blank`` replaces their characters with spaces, keeping every
offset, so the parse spends nothing on them.
"""

from __future__ import annotations

import re

from consilience.extract.attribution import REPORTING_LEMMAS
from consilience.extract.claims import PREDICATES as CLAIM_LEMMAS
from consilience.extract.names import TITLE_WORDS
from consilience.extract.nlp import rule_sentences
from consilience.extract.number_words import NUMBER_WORDS, SCALES
from consilience.extract.quotes import SPEECH_VERBS

__all__ = ["blank", "idle_spans", "is_fact_bearing"]

_CASUALTY_LEMMAS = """
kill die injure wound hurt shoot stab arrest rescue evacuate displace murder charge convict
sentence jail
"""
_IRREGULAR = "said told wrote met shot died dead death deaths went gone"
_WORDS = """
according aged age percent per cent half quarter third twice double triple several dozens
hundreds thousands millions billions few
january february march april may june july august september sept october november december
monday tuesday wednesday thursday friday saturday sunday
yesterday today tomorrow tonight ago
missing injured wounded shooting stabbing homicide casualties toll
"""
_QUOTE_MARKS = re.compile('["“”‘«»]')
# Relative dates the date extractor reads ("last night", "earlier this month").
_RELATIVE_DATE = re.compile(
    r"\b(?:last night|(?:last|this|next|earlier|later) (?:week|weekend|month|year))\b", re.I
)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+")
_PARAGRAPH = re.compile(r"[^\n]+")


def _forms(lemma: str) -> set[str]:
    """Regular inflections of a verb or noun, over-generated: a spare form costs nothing."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # stopped, travelling
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    return forms


def _cue_words() -> frozenset[str]:
    words = set(SPEECH_VERBS) | set(NUMBER_WORDS) | set(SCALES)
    for lemma in (*REPORTING_LEMMAS, *CLAIM_LEMMAS, *_CASUALTY_LEMMAS.split()):
        words |= _forms(lemma)
    for title in TITLE_WORDS:
        words |= {title, title + "s"}
    return frozenset(words | set(_IRREGULAR.split()) | set(_WORDS.split()))


CUE_WORDS = _cue_words()


def is_fact_bearing(sentence: str) -> bool:
    """True when ``sentence`` holds a digit, a quote mark or a cue word of some fact kind.

    >>> is_fact_bearing("Crowds gathered outside the town hall.")
    False
    >>> is_fact_bearing("Crowds gathered outside the town hall on Friday.")
    True
    """
    if _DIGIT.search(sentence) or _QUOTE_MARKS.search(sentence):
        return True
    if _RELATIVE_DATE.search(sentence):
        return True
    return any(word in CUE_WORDS for word in _WORD.findall(sentence.lower()))


def idle_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the sentences of ``text`` that cannot carry a fact.

    A paragraph holding a quote mark keeps every sentence: a quote runs on across sentences.
    """
    quoted = [
        (match.start(), match.end())
        for match in _PARAGRAPH.finditer(text)
        if _QUOTE_MARKS.search(match.group())
    ]
    spans = []
    for sentence in rule_sentences(text):
        if any(start <= sentence.start < end for start, end in quoted):
            continue
        if not is_fact_bearing(sentence.text):
            spans.append((sentence.start, sentence.end))
    return spans


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character but line breaks inside ``spans`` turned into a space."""
    if not spans:
        return text
    pieces = []
    cursor = 0
    for start, end in spans:
        pieces.append(text[cursor:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
