"""Rough English word forms for the no-model paths: plural -> singular, past tense -> lemma.

Only used when no spaCy model is installed; with one, lemmas come from the parse.
"""

from __future__ import annotations

import re

__all__ = ["IRREGULAR_PAST", "nearest_verb", "rough_verb_lemma", "singular"]

_IRREGULAR_PLURALS = {
    "people": "people",
    "women": "woman",
    "men": "man",
    "children": "child",
    "persons": "person",
    "police": "police",
    "goods": "good",
    "news": "news",
    "series": "series",
    "species": "species",
    "data": "data",
    "media": "media",
    "crises": "crisis",
    "analyses": "analysis",
}


IRREGULAR_PAST = {
    "rose": "rise", "fell": "fall", "grew": "grow", "won": "win", "lost": "lose", "paid": "pay",
    "sold": "sell", "bought": "buy", "made": "make", "held": "hold", "took": "take",
    "gave": "give", "met": "meet", "shot": "shoot", "hurt": "hurt", "died": "die",
    "spent": "spend", "built": "build", "sent": "send", "left": "leave", "agreed": "agree",
}  # fmt: skip
_NOT_VERBS = frozenset({"speed", "need", "feed", "seed", "breed", "indeed", "red", "hundred"})
_VERB_FORMS = re.compile(r"\b(" + "|".join(IRREGULAR_PAST) + r"|[a-z]{2,}ed)\b")

# Stems that lost a silent e before "-ed": "imposed" -> "impos" -> "impose".
_SILENT_E_STEMS = (
    "at",
    "iz",
    "is",
    "ur",
    "uc",
    "os",
    "ag",
    "ov",
    "nc",
    "rg",
    "ir",
    "iv",
    "av",
    "ng",
)


def singular(word: str) -> str:
    """A rough singular of an English plural noun, for the no-model path."""
    lowered = word.lower()
    if lowered in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[lowered]
    if lowered.endswith("ies") and len(lowered) > 4:
        return lowered[:-3] + "y"
    if lowered.endswith(("ches", "shes", "sses", "xes")):
        return lowered[:-2]
    if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")):
        return lowered[:-1]
    return lowered


def nearest_verb(before: str, after: str) -> str | None:
    """The nearest past-tense verb form (before the point, else after it), as a rough lemma."""
    candidates = [w for w in _VERB_FORMS.findall(before.lower()) if w not in _NOT_VERBS]
    if candidates:
        return rough_verb_lemma(candidates[-1])
    following = [w for w in _VERB_FORMS.findall(after.lower()) if w not in _NOT_VERBS]
    return rough_verb_lemma(following[0]) if following else None


def rough_verb_lemma(word: str) -> str:
    """ "imposed" -> "impose", "slapped" -> "slap", "rose" -> "rise"."""
    if word in IRREGULAR_PAST:
        return IRREGULAR_PAST[word]
    if word.endswith("eed"):
        return word[:-1]
    if word.endswith("ied"):
        return word[:-3] + "y"
    if word.endswith("ed"):
        stem = word[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            return stem[:-1]
        if stem.endswith(_SILENT_E_STEMS):
            return stem + "e"
        return stem
    return word
