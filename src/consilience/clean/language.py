"""English news-language patterns that several cleaning rules share."""

from __future__ import annotations

import re

__all__ = [
    "QUOTE_MARKS",
    "SENTENCE_END",
    "SEP",
    "SPEECH",
    "SPEECH_VERBS",
    "URL",
    "is_reported_speech",
    "line_key",
    "vocabulary",
    "word_count",
]

SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
SPEECH_VERBS = (
    "said|says|told|added|stated|noted|explained|argued|warned|replied|cautioned|opined|"
    "insisted|claimed|wrote|tweeted|predicted|urged|stressed|emphasi[sz]ed|asked|announced|"
    "remarked|observed|commented|confirmed|declared"
)
SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
QUOTE_MARKS = frozenset('"“”')
# What follows a furniture label: a colon, pipe, chevron, spaced dash, em dash or line end.
SEP = r"(?:\s*[:|»>]|\s+[-–]\s|\s*—|\s*$)"


def vocabulary(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words`` as a set."""
    return frozenset(words.split())


def word_count(line: str) -> int:
    """How many whitespace-separated words ``line`` has."""
    return len(line.split())


def line_key(line: str) -> str:
    """``line`` with whitespace collapsed and case folded, for comparing lines."""
    return " ".join(line.split()).casefold()


def is_reported_speech(line: str) -> bool:
    """Quoted speech is article content, whatever vocabulary it shares with furniture."""
    return any(mark in line for mark in QUOTE_MARKS) and SPEECH.search(line) is not None
