"""Titles of people: one key per office however it is written, and families of offices.

"CFO", "chief financial officer" and "finance chief" name one office; "prosecutor" and
"defence lawyer" are two offices of one family (the legal roles of a trial), so a person
given both by different outlets is a disagreement, while "president" and "party general
secretary" are different families and may well be held at once.

>>> office_key("Former Chief Financial Officer")
'chief financial officer'
>>> office_family("deputy mayor")
'government'
"""

from __future__ import annotations

import re

from consilience.models import Fact

__all__ = [
    "RANK_PREFIXES",
    "TENSE_WORDS",
    "deputy_of",
    "describes_past",
    "is_former",
    "office_family",
    "office_key",
]

# Title words that say when, not what: "former president" and "president" are one office
# whose tense outlets may disagree on.
TENSE_WORDS = frozenset({"former", "ex", "late", "acting", "interim", "outgoing", "then"})

# Ways of writing one office -> the key used for it. General English usage, longest first
# so that "chief executive officer" is read before "chief executive".
_SYNONYMS: tuple[tuple[str, str], ...] = (
    ("chief executive officer", "chief executive"),
    ("chief financial officer", "chief financial officer"),
    ("chief operating officer", "chief operating officer"),
    ("finance director", "chief financial officer"),
    ("finance chief", "chief financial officer"),
    ("financial director", "chief financial officer"),
    ("defence barrister", "defence lawyer"),
    ("defense barrister", "defence lawyer"),
    ("defence counsel", "defence lawyer"),
    ("defense counsel", "defence lawyer"),
    ("defence attorney", "defence lawyer"),
    ("defense attorney", "defence lawyer"),
    ("defense lawyer", "defence lawyer"),
    ("defence solicitor", "defence lawyer"),
    ("public prosecutor", "prosecutor"),
    ("chairwoman", "chair"),
    ("chairperson", "chair"),
    ("chairman", "chair"),
    ("ceo", "chief executive"),
    ("cfo", "chief financial officer"),
    ("coo", "chief operating officer"),
    ("premier", "prime minister"),
)
# Families of offices: two different offices of one family held by one person in one story
# are almost always a reporting error (a person is not both prosecutor and defence lawyer,
# both chief executive and finance chief, both mayor and deputy mayor). Matched on the last
# words of the key, so "trade minister" is in the government family.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "legal": ("prosecutor", "defence lawyer", "lawyer", "barrister", "judge", "solicitor"),
    "corporate": (
        "chief executive",
        "chief financial officer",
        "chief operating officer",
        "chair",
    ),
    "government": (
        "president",
        "vice president",
        "prime minister",
        "minister",
        "mayor",
        "deputy mayor",
        "governor",
        "chancellor",
    ),
    # Ranks of the public services (fire, police, ambulance, prisons, the military) and of
    # the officials who head an agency: "fire chief" and "police commissioner" are one family.
    "public service": (
        "chief",
        "commissioner",
        "superintendent",
        "inspector",
        "sheriff",
        "marshal",
        "constable",
        "sergeant",
        "commander",
        "captain",
        "lieutenant",
        "colonel",
        "general",
        "admiral",
    ),
}
# Words that make a second-in-command of an office: "deputy chief" is not "chief", but the
# two are one family whatever the office ("deputy editor" / "editor").
RANK_PREFIXES = frozenset({"deputy", "assistant", "vice", "associate", "under", "sub"})
# Past-time framing of a title's sentence: "X, who worked there for years", "at the time".
_PAST_FRAMING = re.compile(
    r"\b(?:at the time|back then|previously|formerly|had been|until (?:her|his|their)|"
    r"who (?:was|were|had|worked|served|spent))\b",
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[^a-z ]+")


def office_key(title: str) -> str:
    """The office a title names, lowercased, tense words dropped and synonyms merged."""
    text = " " + _NON_WORD.sub(" ", title.casefold().replace("-", " ")) + " "
    for written, key in _SYNONYMS:
        text = text.replace(f" {written} ", f" {key} ")
    return " ".join(w for w in text.split() if w not in TENSE_WORDS)


def office_family(key: str) -> str | None:
    """The family ("legal", "corporate", "government", "public service") of an office key."""
    for family, offices in _FAMILIES.items():
        if any(key == office or key.endswith(f" {office}") for office in offices):
            return family
    return None


def deputy_of(a: str, b: str) -> bool:
    """Whether one office key is the other with a deputy's rank in front ("deputy chief" /
    "fire chief", "vice chair" / "chair"): two offices of one line, never one."""
    for deputy, office in ((a, b), (b, a)):
        first, _, rest = deputy.partition(" ")
        if first in RANK_PREFIXES and rest and (office == rest or office.endswith(f" {rest}")):
            return True
    return False


def is_former(fact: Fact) -> bool:
    """Whether a title fact calls the office a past one ("former", "ex-")."""
    title = (fact.predicate or fact.value).casefold().replace("-", " ")
    return any(word in ("former", "ex") for word in title.split())


def describes_past(fact: Fact) -> bool:
    """Whether a title's sentence frames it in the past ("who worked", "at the time")."""
    return _PAST_FRAMING.search(fact.evidence.text) is not None
