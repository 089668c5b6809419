"""Titles of people: one key per office however it is written, and families of offices.

"CFO", "chief financial officer" and "finance chief" name one office. One person in one story
holds one formal office at a time, so two different offices ("chief medical officer" /
"chief executive", "superintendent" / "chief inspector", "interim manager" / "manager")
stated by different outlets disagree, unless one is a description rather than an office
("leader", "spokesman", "head"), or some article gives the person both (held at once).

>>> office_key("Former Chief Financial Officer")
'chief financial officer'
>>> office_family("deputy mayor")
'government'
"""

from __future__ import annotations

import functools
import re

from consilience.models import Fact

__all__ = [
    "RANK_PREFIXES",
    "STANDING_WORDS",
    "TENSE_WORDS",
    "deputy_of",
    "describes_past",
    "exclusive_offices",
    "is_description",
    "is_former",
    "is_rank",
    "office_family",
    "office_key",
    "one_bench",
    "stands_in_for",
    "told_as_past",
]

# Title words that say when, not what: "former president" and "president" are one office
# whose tense outlets may disagree on; an "outgoing" president still holds the office.
TENSE_WORDS = frozenset({"former", "ex", "late", "outgoing", "then"})
# Words that make a stand-in's office of one ("interim manager", "acting president"): kept
# in the key, since the stand-in and the office holder are two standings of one post.
STANDING_WORDS = frozenset({"acting", "interim", "caretaker"})

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
    ("pm", "prime minister"),
    ("head coach", "manager"),
)
# Families of offices: two different offices of one family held by one person in one story
# are almost always a reporting error (a person is not both prosecutor and defence lawyer,
# both chief executive and finance chief, both mayor and deputy mayor). Matched on the last
# words of the key, so "trade minister" is in the government family.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "legal": (
        "prosecutor",
        "defence lawyer",
        "lawyer",
        "barrister",
        "solicitor",
        *("judge", "justice", "recorder", "magistrate"),
    ),
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
# Offices of judges: "Mr Justice X" (a High Court judge), "Lord Justice X" (an appeal judge),
# "Recorder X" (a part-time judge) are different offices; plain "judge" may name any of them.
_JUDGE = "judge"
_JUDICIAL_OFFICES = frozenset({_JUDGE, "justice", "recorder", "magistrate"})
# Words that describe what a person does or leads rather than name a post ("party leader",
# "a senior official", "the agency's head"): they fit any office, so never contradict one.
_DESCRIPTIONS = frozenset(
    {"leader", "official", "head", "boss", "chief", "executive", "spokesman", "spokeswoman"}
    | {"spokesperson", "founder", "co founder", "figure", "veteran", "analyst", "economist"}
    | {"lawmaker", "representative", "partner", "senior official", "senior executive"}
    | {"officer"}
)
# Ranks and styles a person holds alongside a post: "General X, the army chief", "Professor
# X, the institute's director", "Crown Prince X, the prime minister". Two ranks of one person
# disagree ("Detective Superintendent" / "Chief Inspector"); a rank and a post do not.
_RANKS = frozenset(
    {"general", "admiral", "brigadier", "colonel", "major", "captain", "lieutenant"}
    | {"commander", "sergeant", "corporal", "constable", "inspector", "superintendent"}
    | {"professor", "king", "queen", "prince", "princess", "sheikh", "sultan", "emperor"}
)
# Words that make a second-in-command of an office: "deputy chief" is not "chief", but the
# two are one family whatever the office ("deputy editor" / "editor").
RANK_PREFIXES = frozenset({"deputy", "assistant", "vice", "associate", "under", "sub"})
_QUALIFIERS = RANK_PREFIXES | STANDING_WORDS
# Past-time framing of a title's sentence: "X, who worked there for years", "at the time".
_PAST_FRAMING = re.compile(
    r"\b(?:at the time|back then|previously|formerly|had been|until (?:her|his|their)|"
    r"who (?:was|were|had|worked|served|spent))\b",
    re.IGNORECASE,
)
# Past framing right before a title: "who was interim manager", "after two months as deputy
# mayor", "formerly the chief executive".
_PAST_BEFORE_TITLE = re.compile(
    r"(?:\b(?:who|he|she|they)\s+(?:was|were|had\s+been)|\b(?:formerly|previously|once)"
    r"|\bafter\s+(?:[\w-]+\s+){1,4}as)\s+(?:the\s+|an?\s+|[\w-]+['’]s\s+)?$",
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[^a-z ]+")


@functools.lru_cache(maxsize=1 << 12)  # pure; asked of the same few titles for every pair
def office_key(title: str) -> str:
    """The office a title names, lowercased, tense words dropped and synonyms merged."""
    text = " " + _NON_WORD.sub(" ", title.casefold().replace("-", " ")) + " "
    for written, key in _SYNONYMS:
        text = text.replace(f" {written} ", f" {key} ")
    return " ".join(w for w in text.split() if w not in TENSE_WORDS)


@functools.lru_cache(maxsize=1 << 12)  # pure; asked of the same few titles for every pair
def office_family(key: str) -> str | None:
    """The family ("legal", "corporate", "government", "public service") of an office key."""
    for family, offices in _FAMILIES.items():
        if any(key == office or key.endswith(f" {office}") for office in offices):
            return family
    return None


def is_description(key: str) -> bool:
    """Whether an office key describes a role ("leader", "official") rather than a post."""
    return key in _DESCRIPTIONS or not key


def is_rank(key: str) -> bool:
    """Whether an office key is a rank or style ("chief inspector", "professor")."""
    return key.rpartition(" ")[2] in _RANKS


def exclusive_offices(a: str, b: str) -> bool:
    """Whether two different office keys can't be held at once: two posts or two ranks,
    neither a description ("chief medical officer" / "chief executive")."""
    if a == b or is_description(a) or is_description(b):
        return False
    return is_rank(a) == is_rank(b)


def one_bench(a: str, b: str) -> bool:
    """Whether one office key is plain "judge" and the other a judicial office: "judge" is
    how many outlets write any judge ("Judge X" for "Mr Justice X"), so the two agree."""
    return _JUDGE in (a, b) and all(_is_judicial(key) for key in (a, b))


def _is_judicial(key: str) -> bool:
    return key.rpartition(" ")[2] in _JUDICIAL_OFFICES


def deputy_of(a: str, b: str) -> bool:
    """Whether one office key is the other with a deputy's rank or a stand-in's standing in
    front ("deputy chief" / "fire chief", "interim manager" / "manager"): two offices of one
    line, never one."""
    return stands_in_for(a, b) or stands_in_for(b, a)


def stands_in_for(deputy: str, office: str) -> bool:
    """Whether ``deputy`` is ``office`` with a deputy's or stand-in's word in front."""
    first, _, rest = deputy.partition(" ")
    return first in _QUALIFIERS and bool(rest) and (office == rest or office.endswith(f" {rest}"))


def is_former(fact: Fact) -> bool:
    """Whether a title fact calls the office a past one ("former", "ex-")."""
    title = (fact.predicate or fact.value).casefold().replace("-", " ")
    return any(word in ("former", "ex") for word in title.split())


def describes_past(fact: Fact) -> bool:
    """Whether a title's sentence frames it in the past ("who worked", "at the time")."""
    return _PAST_FRAMING.search(fact.evidence.text) is not None


def told_as_past(fact: Fact) -> bool:
    """Whether the words right before a title make it a past one ("who was interim
    manager", "after two months as acting chief"); other past verbs in its sentence do not."""
    span = fact.span
    if span is None or not fact.evidence.start <= span.start <= fact.evidence.end:
        return False
    before = fact.evidence.text[: span.start - fact.evidence.start]
    return _PAST_BEFORE_TITLE.search(before) is not None
