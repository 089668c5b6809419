"""What a figure counts: the thing two facts' figures measure, and how alike two such things are.

"Revenue", "sales" and "turnover" are one thing; "net income" and "operating profit" are two;
"pensioners" and "retired workers" are one group of people. The counted thing comes from the
fact's subject lemma and its about-phrase; placeholders ("money", "figure") name nothing.

>>> synonyms("levy", "tariff")
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import pairwise

from consilience.align_lexicon import (
    DISTANCE_UNITS,
    DISTINGUISHING_MODIFIERS,
    LIGHT_VERBS,
    PLACEHOLDER_SUBJECTS,
    SITE_NOUNS,
    SYNONYM_GROUPS,
    word_set,
)
from consilience.align_memo import per_fact
from consilience.align_participants import CALENDAR_WORDS
from consilience.models import Fact

__all__ = [
    "RELATED_THING_SCORE",
    "SAME_THING_SCORE",
    "THING_SIMILARITY_FLOOR",
    "counts_a_placeholder",
    "synonyms",
    "thing_similarity",
]

# Share of content words two about-phrases must have in common (Jaccard) for their things to
# count as related when their head nouns differ ("cloud revenue" / "cloud unit revenue").
THING_SIMILARITY_FLOOR = 0.5
# One thing named twice: the same noun, or words news English uses for one thing
# (levy/tariff, pensioner/retiree, dockworker/worker).
SAME_THING_SCORE = 1.0
# Related things score a little below identical ones, so an exact subject match wins ties.
RELATED_THING_SCORE = 0.8
# A thing one sentence names and the other only mentions: as related as half-shared words.
_MENTIONED_THING_SCORE = 0.5
# Shortest last part of a compound taken as its head ("worker" in "dockworker"); shorter
# endings ("man", "ship") are too often chance.
_MIN_COMPOUND_HEAD = 5
_PERIOD_MODIFIER = re.compile(r"^(?:first|second|third|fourth|q[1-4])(?:quarter|half)$")
_PHRASE_STOP_WORDS = word_set(
    "a an the of on in for to by from with and or its their his her our this that"
)
# Words of a time frame ("a year earlier", "the same period last year"): time_frame keeps
# such figures apart, so in the about-phrase they say nothing about the counted thing.
_FRAME_WORDS = word_set("year earlier previous prior last ago same period")
_ABOUT_WORD = re.compile(r"[a-z0-9]+")
_WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
# Counted people named in general, and named by what befell them ("cases", "patients").
_GENERIC_PEOPLE = word_set("people person")
_PEOPLE_AS_CASES = word_set("case patient victim")
_NO_GROUPS: frozenset[int] = frozenset()


def _groups_by_word() -> dict[str, frozenset[int]]:
    """The synonym groups (by position) each word is in: a pair is looked up, not tested
    against every group."""
    groups: dict[str, frozenset[int]] = {}
    for number, group in enumerate(SYNONYM_GROUPS):
        for word in group:
            groups[word] = groups.get(word, _NO_GROUPS) | {number}
    return groups


_GROUPS_OF = _groups_by_word()


def _about_words(fact: Fact) -> frozenset[str]:
    text = fact.about.casefold().replace("-", "")
    words = _ABOUT_WORD.findall(text)
    return frozenset(w for w in words if w not in _PHRASE_STOP_WORDS and w not in _FRAME_WORDS)


@functools.lru_cache(maxsize=1 << 16)  # pure; asked of the same few words for every pair
def synonyms(a: str, b: str) -> bool:
    """Whether two words (or two-word names) name one thing: a synonym group, or a compound
    and its last part ("dockworker" is a "worker")."""
    if _GROUPS_OF.get(a, _NO_GROUPS) & _GROUPS_OF.get(b, _NO_GROUPS):
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= _MIN_COMPOUND_HEAD and long != short and long.endswith(short)


def _stem_plural(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 4 else word


def _effective_subject(fact: Fact) -> str:
    """The counted thing; for a placeholder ("money reached $8 billion") the clause subject
    of a light verb, which is what the figure measures ("revenue reached $8 billion")."""
    subject = fact.subject.casefold()
    if subject not in PLACEHOLDER_SUBJECTS or (fact.predicate or "be") not in LIGHT_VERBS:
        return subject
    agent = next((r.name for r in fact.roles if r.role == "agent"), None)
    words = _ABOUT_WORD.findall(agent.casefold()) if agent and agent[1:].islower() else []
    return _stem_plural(words[-1]) if words else subject


def counts_a_placeholder(fact: Fact) -> bool:
    """Whether the figure's counted thing is unknown ("$5 million" alone is "money")."""
    return _effective_subject(fact) in PLACEHOLDER_SUBJECTS


def _about_chunks(fact: Fact) -> list[list[str]]:
    """The about-phrase split at function words: "safety fund on table" -> two chunks."""
    chunks: list[list[str]] = [[]]
    for word in fact.about.casefold().split():
        if word in _PHRASE_STOP_WORDS:
            chunks.append([])
        else:
            # "port's" -> "port": a lone letter is a clitic, not a word.
            chunks[-1].extend(w for w in _ABOUT_WORD.findall(word) if len(w) > 1)
    return [chunk for chunk in chunks if chunk]


def _about_head(fact: Fact) -> str:
    """The last word of the about-phrase's first chunk: "fund" in "safety fund on table";
    past a placeholder, the chunk after "of": "ship" in "number of ships"."""
    heads = [_stem_plural(chunk[-1]) for chunk in _about_chunks(fact)]
    return next((head for head in heads if head not in PLACEHOLDER_SUBJECTS), "")


def _core_names(fact: Fact) -> frozenset[str]:
    """The counted thing's own names: its subject and the about-phrase's first two words
    ("retired worker" in "retired workers taking part"), placeholders left out."""
    names = {_effective_subject(fact)}
    chunks = _about_chunks(fact)
    first = [word for word in chunks[0] if word not in _FRAME_WORDS] if chunks else []
    if len(first) >= 2:
        names.add(f"{first[0]} {_stem_plural(first[1])}")
    return frozenset(names - PLACEHOLDER_SUBJECTS)


def _modifiers(fact: Fact) -> frozenset[str]:
    words = _about_words(fact)
    if _effective_subject(fact) != fact.subject.casefold():  # "Operating profit reached"
        agent = next((r.name for r in fact.roles if r.role == "agent"), "")
        words |= frozenset(_ABOUT_WORD.findall(agent.casefold().replace("-", "")))
    return frozenset(
        w
        for w in words
        if w in DISTINGUISHING_MODIFIERS or w in CALENDAR_WORDS or _PERIOD_MODIFIER.match(w)
    )


def _sentence_words_joined(fact: Fact) -> frozenset[str]:
    """The sentence's words, with each pair also joined ("third quarter" -> "thirdquarter")."""
    words = _ABOUT_WORD.findall(fact.evidence.text.casefold().replace("-", " "))
    return frozenset(words) | frozenset(x + y for x, y in pairwise(words))


@per_fact
def _counts_no_thing(fact: Fact) -> bool:
    """A figure whose subject is a placeholder or the name of who acts ("Northgate have
    spent 155 million euros" -> "Northgate"): the counted thing is the action itself."""
    about = fact.about.strip()
    named = about[:1].isupper() and about.casefold() == fact.subject.casefold()
    return named or fact.subject.casefold() in PLACEHOLDER_SUBJECTS


def _names_the_action(noun_side: Fact, verb_side: Fact) -> bool:
    """One side's counted thing is the noun of the other side's verb: "spending" / "spent",
    "borrowing" / "borrowed", when the verb side counts no thing of its own."""
    verb = verb_side.predicate
    if not verb or verb in LIGHT_VERBS or not _counts_no_thing(verb_side):
        return False
    subject = noun_side.subject.casefold()
    return subject != verb and subject.endswith("ing") and subject[: -len("ing")] == verb


def _counts_people_as_cases(names: frozenset[str], others: frozenset[str]) -> bool:
    """ "31 cases" of an outbreak and "31 people infected": one side counts people in
    general, the other the people an illness or a crime struck, by their cases."""
    return bool(names & _GENERIC_PEOPLE) and bool(others & _PEOPLE_AS_CASES)


def _at_a_site(fact: Fact) -> bool | None:
    """Whether the figure's agent is one site ("the factory employs"); None: no agent."""
    agent = next((r.name for r in fact.roles if r.role == "agent"), None)
    if agent is None:
        return None
    words = _ABOUT_WORD.findall(agent.casefold())
    return bool(words) and words[-1] in SITE_NOUNS


_MOVES = {"rise", "fall"}
_PLACE = re.compile(r"\b(?:of|from) (.+)$")


def _measured_from(fact: Fact) -> str | None:
    """The place a distance is measured from ("kilometres south of Kessford station")."""
    if fact.subject.casefold() not in DISTANCE_UNITS:
        return None
    place = _PLACE.search(fact.about.casefold())
    return place.group(1) if place else None


@dataclass(frozen=True, slots=True)
class _Thing:
    """What one fact's figure counts, as ``thing_similarity`` compares it."""

    site: bool | None
    place: str | None
    modifiers: frozenset[str]
    sentence_words: frozenset[str]
    subject: str
    core: frozenset[str]
    heads: frozenset[str]
    about_words: frozenset[str]


@per_fact
def _thing(fact: Fact) -> _Thing:
    core = _core_names(fact)
    return _Thing(
        site=_at_a_site(fact),
        place=_measured_from(fact),
        modifiers=_modifiers(fact),
        sentence_words=_sentence_words_joined(fact),
        subject=_effective_subject(fact),
        core=core,
        heads=(core | {_about_head(fact)}) - {""},
        about_words=_about_words(fact),
    )


def thing_similarity(a: Fact, b: Fact) -> float | None:
    """How alike the counted things are in [0, 1]; None when modifiers set them apart, or
    when one figure is one site's and the other a whole company's, one a rise and the other
    a fall, or distances are measured from two places."""
    thing_a, thing_b = _thing(a), _thing(b)
    site_a, site_b = thing_a.site, thing_b.site
    if site_a is not None and site_b is not None and site_a != site_b:
        return None
    if {a.predicate, b.predicate} == _MOVES:
        return None  # a rise and a fall are two moves: two companies' shares, two days
    place_a, place_b = thing_a.place, thing_b.place
    if place_a is not None and place_b is not None and place_a != place_b:
        return None  # two kilometres from the station, 80 from the capital
    mods_a, mods_b = thing_a.modifiers, thing_b.modifiers
    if mods_a and mods_b and mods_a != mods_b:
        return None
    # "profit" may be the "operating profit" of another outlet, or its net profit; it is the
    # same one when the other sentence names the modifier elsewhere ("in the third quarter").
    # A weekday is mostly the news day itself ("premium to Friday's close" / "to the price
    # at the end of last week"): left unsaid, it makes the thing no less the same.
    # A modifier both about-phrases carry ("total storeys" of a "six-storey" block) is agreed.
    told_a, told_b = mods_a - _WEEKDAYS - mods_b, mods_b - _WEEKDAYS - mods_a
    said = told_a <= thing_b.sentence_words and told_b <= thing_a.sentence_words
    subject_a, subject_b = thing_a.subject, thing_b.subject
    if subject_a == subject_b and subject_a not in PLACEHOLDER_SUBJECTS:
        return SAME_THING_SCORE if said else RELATED_THING_SCORE
    if _names_the_action(a, b) or _names_the_action(b, a):
        return SAME_THING_SCORE  # "Northgate's spending" is what "Northgate have spent"
    core_a, core_b = thing_a.core, thing_b.core
    # One thing in two words of news English: "pensioners" / "retired workers".
    if any(synonyms(x, y) for x in core_a for y in core_b):
        return SAME_THING_SCORE if said else RELATED_THING_SCORE
    if _counts_people_as_cases(core_a, core_b) or _counts_people_as_cases(core_b, core_a):
        return RELATED_THING_SCORE
    heads_a, heads_b = thing_a.heads, thing_b.heads
    if heads_a & heads_b or any(synonyms(x, y) for x in heads_a for y in heads_b):
        return RELATED_THING_SCORE
    words_a, words_b = thing_a.about_words, thing_b.about_words
    union = words_a | words_b
    overlap = len(words_a & words_b) / len(union) if union else 0.0
    # One outlet names the thing in passing in the other's sentence ("the expansion, a $1.2
    # billion project" vs "the $1.2 billion expansion"): related, not the same for sure.
    if subject_a in b.context or subject_b in a.context:
        return max(overlap, _MENTIONED_THING_SCORE)
    return overlap
