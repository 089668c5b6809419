"""Count casualties written without digits: "two women and an infant were killed" -> 3 killed.

News reports victims as enumerations of person nouns ("a man and a woman"), as number words
("one person died") or as event adjectives ("a triple shooting"). Casualty counts use the
subject "people" and the verb lemma as predicate, so "3 people were killed" and "three
killed" line up across outlets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from consilience.extract.numbers import parse_number
from consilience.models import Fact

__all__ = [
    "CASUALTY_PREDICATES",
    "PERSON_NOUNS",
    "CasualtyCount",
    "believed_state",
    "casualty_participle",
    "count_casualties",
    "count_casualties_by_rules",
    "event_nouns_as_people",
    "hospital_predicate",
    "state_predicate",
]

# Casualty words (verb lemmas and predicative adjectives) -> the predicate they report.
CASUALTY_PREDICATES: dict[str, str] = {
    "kill": "kill",
    "die": "die",
    "dead": "die",
    "injure": "injure",
    "injured": "injure",
    "wound": "wound",
    "wounded": "wound",
    "hurt": "hurt",
    "shoot": "shoot",
    "stab": "stab",
    "arrest": "arrest",
    "rescue": "rescue",
    "missing": "missing",
    "evacuate": "evacuate",
    "displace": "displace",
    "hospitalise": "hospitalise",
    "hospitalize": "hospitalise",
}
# How the readable ``about`` says each predicate: "people killed", "people dead".
_PARTICIPLES = {
    "kill": "killed",
    "die": "dead",
    "injure": "injured",
    "wound": "wounded",
    "hurt": "hurt",
    "shoot": "shot",
    "stab": "stabbed",
    "arrest": "arrested",
    "rescue": "rescued",
    "missing": "missing",
    "evacuate": "evacuated",
    "displace": "displaced",
    "hospitalise": "taken to hospital",
}
# Event nouns whose multiplier adjective counts victims: "a triple shooting" -> 3 shot.
_EVENT_NOUNS = {"shooting": "shoot", "stabbing": "stab", "homicide": "kill", "murder": "kill"}
# Nouns naming what happened to each person counted: "27 arrests" counts people arrested.
_PEOPLE_EVENT_NOUNS = {
    "arrest": "arrest",
    "injury": "injure",
    "evacuation": "evacuate",
    "rescue": "rescue",
}
_MULTIPLIERS = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
PERSON_NOUNS = frozenset(
    (  # noqa: SIM905
        "people person persons man men woman women child children kid kids boy boys girl girls "
        "baby babies infant infants toddler teenager teenagers teen teens adult adults resident "
        "residents civilian civilians soldier soldiers troops worker workers passenger passengers "
        "student students officer officers policeman policemen victim victims pedestrian "
        "pedestrians driver drivers miner miners protester protesters migrant migrants tourist "
        "tourists patient patients firefighter firefighters journalist journalists villager "
        "villagers fighter fighters militant militants suspect suspects crew member members "
        "individual individuals guard guards staff"
    ).split()
)
_SINGULAR_DETERMINERS = {"a", "an", "another", "one"}
_RELATIVES = frozenset({"who", "that", "which"})


@dataclass(frozen=True, slots=True)
class CasualtyCount:
    """Victims counted in one sentence: ``start``/``end`` are offsets of the counted words."""

    count: float
    predicate: str
    start: int
    end: int
    hedge: str | None = None
    # Offsets of the whole enumeration when the count's words are only the total stated
    # before it ("Three other people - two women and a boy"): its numbers are used up too.
    listed: tuple[int, int] | None = None


# Verbs by which news tells of people brought to or cared for in hospital: "took three to
# hospital", "11 were treated in hospital", "were admitted to hospital" all count the
# people hospitalised. Only care is given "in" or "at" a hospital ("treated at", "kept in");
# people taken "at a hospital" were taken there for something else.
_HOSPITAL_VERBS = frozenset(
    {"take", "treat", "admit", "keep", "rush", "fly", "airlift", "carry", "send", "bring", "ferry"}
)
_CARE_VERBS_IN_HOSPITAL = frozenset({"treat", "admit", "keep"})
# People taken somewhere for another errand: as hostages ("took 12 people hostage"), or
# staff sent to work ("sent 40 staff to the hospital").
_CAPTIVE_WORDS = frozenset({"hostage", "captive", "prisoner"})
_DEPLOYING_VERBS = frozenset({"send", "bring"})
_STAFF_NOUNS = frozenset(
    {"staff", "troops", "soldier", "soldiers", "officer", "officers", "guard", "guards"}
)


# Verbs that report a state as believed rather than known: "30 were believed trapped", "five
# are feared dead", "two were reported missing". The state is what the figure counts.
_BELIEF_VERBS = frozenset({"believe", "fear", "think", "presume", "report"})


def believed_state(verb: Any | None) -> Any | None:
    """The state a passive belief verb reports ("were believed trapped" -> "trapped", "are
    feared dead" -> "dead"), else None."""
    if verb is None or verb.lemma_.lower() not in _BELIEF_VERBS:
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "the police believe two men" is no belief about a state
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("oprd", "xcomp", "acomp") and c.pos_ in ("VERB", "ADJ")
        ),
        None,
    )


def state_predicate(state: Any) -> str:
    """The predicate of a state word: "trapped" -> "trap", "dead" -> "die"."""
    lemma = str(state.lemma_).lower()
    return CASUALTY_PREDICATES.get(lemma) or CASUALTY_PREDICATES.get(state.lower_) or lemma


# "nine needed hospital treatment": verbs of getting care, and the care got.
_CARE_VERBS = frozenset({"need", "require", "receive", "get", "undergo"})
_CARE_NOUNS = frozenset({"treatment", "care", "admission"})


def hospital_predicate(noun: Any | None, verb: Any | None) -> str | None:
    """ "hospitalise" when the counted people were taken to, or treated in, hospital (by the
    clause verb or a participle after the noun: "people taken to hospital"), else None."""
    verbs = [c for c in noun.children if c.dep_ == "acl"] if noun is not None else []
    for candidate in [*verbs, *([verb] if verb is not None else [])]:
        lemma = candidate.lemma_.lower()
        if CASUALTY_PREDICATES.get(lemma) == "hospitalise":
            return "hospitalise"
        prepositions = _IN_HOSPITAL if lemma in _CARE_VERBS_IN_HOSPITAL else _TO_HOSPITAL
        taken = lemma in _HOSPITAL_VERBS and _to_hospital(candidate, prepositions)
        if taken and not _on_another_errand(candidate, noun):
            return "hospitalise"
        if lemma in _CARE_VERBS and any(_hospital_care(c) for c in candidate.children):
            return "hospitalise"
    return None


_TO_HOSPITAL = frozenset({"to", "into"})
_IN_HOSPITAL = _TO_HOSPITAL | {"in", "at"}


def _on_another_errand(verb: Any, noun: Any | None) -> bool:
    """Whether people taken or sent to a hospital went there for something else: as
    hostages ("took 12 people hostage"), as staff sent to work ("sent 40 staff to the
    hospital"), or to do something ("sent ... to cover the strike"; "to be treated" and "to
    undergo surgery" are care)."""
    if any(c.dep_ == "oprd" or c.lemma_.lower() in _CAPTIVE_WORDS for c in verb.children):
        return True
    staff = noun is not None and noun.lower_ in _STAFF_NOUNS
    if staff and verb.lemma_.lower() in _DEPLOYING_VERBS:
        return True
    return any(
        c.dep_ in ("advcl", "xcomp")
        and c.pos_ == "VERB"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and not any(a.dep_ == "auxpass" for a in c.children)
        and c.lemma_.lower() not in _CARE_VERBS
        and c.lower_ != "hospital"  # "took three to hospital" misparsed as an infinitive
        for c in verb.children
    )


def _hospital_care(noun: Any) -> bool:
    """ "hospital treatment", "treatment in hospital": care given in hospital."""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in _CARE_NOUNS:
        return False
    return any(c.lower_ == "hospital" for c in noun.children) or _to_hospital(noun, _IN_HOSPITAL)


def _to_hospital(verb: Any, prepositions: frozenset[str]) -> bool:
    """Whether the verb has one of ``prepositions`` and "(a named) hospital" ("to hospital"
    is at times parsed as an infinitive, with "hospital" a verb)."""
    doc = verb.doc
    if any(
        c.lower_ == "hospital" and c.i > verb.i and doc[c.i - 1].lower_ in prepositions
        for c in verb.children
    ):
        return True
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in prepositions:
            continue
        if any(p.dep_ == "pobj" and p.lemma_.lower() == "hospital" for p in prep.children):
            return True
    return False


def event_nouns_as_people(fact: Fact) -> Fact:
    """A count of events that each befall one person as the people they befell: "arrests
    rose to 27" is 27 people arrested, so it lines up with "34 people were arrested"."""
    predicate = _PEOPLE_EVENT_NOUNS.get(fact.subject.casefold())
    if fact.kind != "quantity" or fact.unit is not None or predicate is None:
        return fact
    about = f"people {casualty_participle(predicate)}"
    return replace(fact, subject="people", about=about, predicate=predicate)


def casualty_participle(predicate: str) -> str:
    """How ``about`` says a casualty predicate: "kill" -> "killed", "die" -> "dead"."""
    return _PARTICIPLES.get(predicate, predicate)


def count_casualties(sentence: Any) -> list[CasualtyCount]:
    """Casualty counts in a parsed sentence (a spaCy Span)."""
    counts: list[CasualtyCount] = []
    for token in sentence:
        lemma = token.lemma_.lower()
        predicate = CASUALTY_PREDICATES.get(lemma) or CASUALTY_PREDICATES.get(token.lower_)
        if predicate is not None and token.pos_ in ("VERB", "ADJ"):
            victims = _victims(token)
            if victims is not None and victims.lower_ in _RELATIVES and token.dep_ == "relcl":
                victims = _first_conjunct(token.head)  # "two women and an infant who died"
            counted = _group_count(victims) if victims is not None else None
            if counted is not None and victims is not None:
                value, hedge, end = counted
                start = victims.left_edge.idx
                total = _stated_total(victims, value)
                listed = (start, end) if total is not None else None
                start, end = total or (start, end)
                counts.append(CasualtyCount(value, predicate, start, end, hedge, listed))
        if lemma in _EVENT_NOUNS:
            for child in token.children:
                if child.dep_ == "amod" and child.lower_ in _MULTIPLIERS:
                    counts.append(
                        CasualtyCount(
                            float(_MULTIPLIERS[child.lower_]),
                            _EVENT_NOUNS[lemma],
                            child.idx,
                            token.idx + len(token.text),
                        )
                    )
    return counts


def _first_conjunct(noun: Any) -> Any:
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _victims(word: Any) -> Any | None:
    """The noun (or number) naming who suffered ``word``."""
    if word.dep_ == "pobj" and word.head.lower_ == "among" and word.head.head.pos_ == "AUX":
        for child in word.head.head.children:  # "Among the dead were two men and a boy"
            if child.dep_ in ("nsubj", "attr") and child.pos_ in ("NOUN", "NUM"):
                return child
    if word.dep_ == "nsubj" and word.head.lemma_ == "be":
        for child in word.head.children:  # "the wounded were two women and a boy"
            if child.dep_ == "attr" and child.pos_ in ("NOUN", "NUM"):
                return child
    for dep in ("nsubjpass", "dobj"):
        for child in word.children:
            if child.dep_ == dep:
                return child
    if word.pos_ == "ADJ" or word.lemma_ == "die":
        for child in word.children:
            if child.dep_ == "nsubj":
                return child
        if word.dep_ == "amod" and word.head.pos_ in ("NOUN", "NUM"):
            return word.head
    for child in word.children:
        if child.dep_ == "nsubj" and child.pos_ == "NUM":
            return child  # "12 injured"
    if word.dep_ == "conj" and word.head.pos_ in ("VERB", "ADJ"):
        return _victims(word.head)  # "was shot and killed": the subject is the first verb's
    if word.dep_ == "acl" and word.head.pos_ in ("NOUN", "NUM"):
        return word.head  # "40 people killed in the attack"
    return None


def _group_count(victims: Any) -> tuple[float, str | None, int] | None:
    """Total of an enumeration of person nouns, its hedge and the end offset of its words."""
    members = [victims, *[t for t in victims.conjuncts if t.i > victims.i]]
    total, hedge = 0.0, None
    for member in members:
        if member.pos_ == "NUM":
            parsed = parse_number(_with_hedge(member))
            if parsed is None:
                return None
            total, hedge = total + parsed.value, parsed.hedge
            continue
        if member.lower_ not in PERSON_NOUNS:
            return None
        numbers = _own_numbers(member)
        if numbers:
            parsed = parse_number(_with_hedge(numbers[0]))
            if parsed is None:
                return None
            total, hedge = total + parsed.value, parsed.hedge
        elif member.tag_ in ("NN", "NNP") and (
            member.i != victims.i or _has_singular_determiner(member)
        ):
            total += 1
        else:
            return None  # "people were killed": a plural with no number is no count
    last = members[-1]
    return total, (hedge if len(members) == 1 else None), last.idx + len(last.text)


def _own_numbers(noun: Any) -> list[Any]:
    """The number counting ``noun``: its nummod, unless another noun stands between them
    ("Three other people - two women": the parser may give "women" the "Three"); then the
    number just before the noun, past its adjectives."""
    numbers = [c for c in noun.children if c.dep_ == "nummod"]
    doc = noun.doc
    if not numbers or not any(doc[i].pos_ == "NOUN" for i in range(numbers[0].i + 1, noun.i)):
        return numbers
    i = noun.i - 1
    while i >= 0 and doc[i].pos_ == "ADJ":
        i -= 1
    return [doc[i]] if i >= 0 and doc[i].pos_ == "NUM" else []


def _stated_total(victims: Any, count: float) -> tuple[int, int] | None:
    """Offsets of a total stated before its enumeration ("Three other people - two women
    and a boy"): the number and the noun it counts, when it equals the enumeration's sum."""
    doc = victims.doc
    first = victims.left_edge
    if first.pos_ != "NUM" or first.i >= victims.i or first in _own_numbers(victims):
        return None
    parsed = parse_number(first.text)
    noun = next((t for t in doc[first.i + 1 : victims.i] if t.pos_ == "NOUN"), None)
    if parsed is None or parsed.value != count or noun is None:
        return None
    return first.idx, noun.idx + len(noun.text)


def _has_singular_determiner(noun: Any) -> bool:
    return any(
        c.dep_ in ("det", "nummod") and c.lower_ in _SINGULAR_DETERMINERS for c in noun.children
    )


def _with_hedge(number: Any) -> str:
    """The number's words with any hedge words before it ("at least 12")."""
    words = [t for t in number.subtree if t.i <= number.i and t.dep_ != "det"]
    return " ".join(t.text for t in words)


_COUNT_WORD = r"(?:a|an|another|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_PERSON_ALT = "|".join(sorted(PERSON_NOUNS, key=len, reverse=True))
_MEMBER = rf"(?:{_COUNT_WORD}\s+)(?:[a-z]+\s+)?(?:{_PERSON_ALT})"
_ENUMERATION = re.compile(
    rf"\b(?P<who>{_MEMBER}(?:\s*(?:,|,?\s+and)\s+(?:{_COUNT_WORD}\s+)?(?:[a-z]+\s+)?"
    rf"(?:{_PERSON_ALT}))*)\s+(?:were|was|have been|has been|had been)\s+"
    rf"(?P<verbs>(?:[a-z]+(?:\s+and\s+)?)+)",
    re.IGNORECASE,
)
_RULE_PARTICIPLES = {p: k for k, p in _PARTICIPLES.items() if k != "die"}


def count_casualties_by_rules(text: str) -> list[CasualtyCount]:
    """Casualty enumerations found by patterns, for the no-model path (offsets into text)."""
    counts: list[CasualtyCount] = []
    for match in _ENUMERATION.finditer(text):
        total = 0.0
        for member in re.split(r"\s*(?:,|,?\s+and)\s+", match.group("who")):
            words = member.lower().split()
            if words[0] in ("a", "an", "another", "one") or len(words) == 1:
                total += 1
                continue
            parsed = parse_number(words[0])
            if parsed is None:
                break
            total += parsed.value
        for verb in re.findall(r"[a-z]+", match.group("verbs").lower()):
            if verb in _RULE_PARTICIPLES:
                counts.append(
                    CasualtyCount(total, _RULE_PARTICIPLES[verb], match.start(), match.end("who"))
                )
    for match in re.finditer(r"\b(double|triple|quadruple|quintuple)\s+(\w+)", text, re.I):
        event = match.group(2).lower()
        if event in _EVENT_NOUNS:
            value = float(_MULTIPLIERS[match.group(1).lower()])
            counts.append(CasualtyCount(value, _EVENT_NOUNS[event], match.start(), match.end()))
    return counts
