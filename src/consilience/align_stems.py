"""Crude content stems of a sentence: the words alignment compares when no lemmas exist.

No model: suffixes are cut, short and function words dropped, and (for a fact's sentence)
the fact's value, every number and the scale and unit words that belong to numbers masked,
so two outlets' wordings of one figure share their event words, not their amounts.
"""

from __future__ import annotations

import functools
import re

from consilience.align_memo import per_fact
from consilience.models import Fact

__all__ = ["content_stems", "sentence_stems"]

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[a-z]+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s")
# Function words long enough to pass the length filter but carrying no meaning.
_STOP_WORD_TEXT = (
    "about above after again against also among another because been before being below "
    "between both could does doing down during each every from further have having here "
    "into itself just more most much must never only other ought over same shall should "
    "some such than that their theirs them then there these they this those through under "
    "until very were what when where which while whom will with within without would your "
    "yours nothing nobody anyone everyone"
)
_STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
# Scale and unit words belong to the number, so they are masked with it.
_NUMBER_WORD_TEXT = (
    "hundred thousand million billion trillion percent euro dollar pound rupee crore"
)
_NUMBER_WORDS = frozenset(
    f"{word}{plural}" for word in _NUMBER_WORD_TEXT.split() for plural in ("", "s")
) | {"yuan", "lakh"}


@functools.lru_cache(maxsize=1 << 16)  # pure; the same words recur in every sentence
def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_stems(text: str, ignore: frozenset[str] = _STOP_WORDS) -> frozenset[str]:
    """Crude stems of a text's content words (four letters or more, stop words out)."""
    words = _WORD.findall(text.lower())
    return frozenset(_stem(w) for w in words if len(w) >= 4 and w not in ignore)


@per_fact
def sentence_stems(fact: Fact) -> frozenset[str]:
    """Content stems of a fact's sentence with its value and every number masked."""
    text = _DIGITS.sub(" ", fact.evidence.text.replace(fact.value, " "))
    return content_stems(text, _STOP_WORDS | _NUMBER_WORDS)
