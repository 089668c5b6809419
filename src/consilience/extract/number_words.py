"""Numbers written in words: "forty-five", "two dozen", "a hundred", "3 lakh".

The word tables (units, tens, scale multipliers) and ``words_value``, which reads a run of
number words as one value. ``numbers`` uses them both to parse and to find expressions.
"""

from __future__ import annotations

__all__ = [
    "NUMBER_WORDS",
    "SCALES",
    "TENS_WORDS",
    "UNITS_WORDS",
    "words_value",
]

UNITS_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        (  # noqa: SIM905
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        ).split()
    )
}
TENS_WORDS: dict[str, int] = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
    )
}
# Multipliers written as words or newsroom abbreviations; lakh and crore are Indian English.
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "dozen": 12,
}
# Words that may make up a number written out in running text (abbreviations excluded).
NUMBER_WORDS = frozenset(UNITS_WORDS) | frozenset(TENS_WORDS) | {"hundred", "thousand"}
NUMBER_WORDS |= {"million", "billion", "trillion", "dozen", "lakh", "crore"}


def words_value(words: list[str]) -> tuple[float, str | None] | None:
    """Value and first scale word of a number in words, or None when ``words`` is not one."""
    total, current = 0.0, 0.0
    scale_word: str | None = None
    previous = ""
    seen_number = False
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in ("a", "an"):
            if index != 0 or following not in SCALES:
                return None
            current = 1.0
        elif word == "and":
            if previous not in SCALES or following not in UNITS_WORDS | TENS_WORDS:
                return None
        elif word in UNITS_WORDS:
            small = current % 100
            if small and (previous in UNITS_WORDS or UNITS_WORDS[word] >= 10):
                return None
            current += UNITS_WORDS[word]
            seen_number = True
        elif word in TENS_WORDS:
            if current % 100:
                return None
            current += TENS_WORDS[word]
            seen_number = True
        elif word in ("hundred", "dozen"):
            if current >= 100:
                return None
            current = (current or 1.0) * SCALES[word]
            seen_number = True
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
            scale_word = word if scale_word is None else scale_word
            seen_number = True
        else:
            return None
        previous = word
    if not seen_number:
        return None
    return total + current, scale_word
