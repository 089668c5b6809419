"""Quantity facts: each number expression with what it counts, who did what, and its hedge.

With a parse, the counted thing is the head noun the number modifies (nummod/quantmod/
compound), the noun a money or percent amount is "of", or the subject/object of the verb it
attaches to ("tariffs rose to 145%"); roles come from that verb's arguments, which is what
separates "China raised levies on U.S. imports to 125%" from "the US imposed 145% tariffs on
Chinese goods". Without a parse, the noun phrase after the number stands in.
"""

from __future__ import annotations

import re
from typing import Any

from consilience.extract.casualties import (
    CASUALTY_PREDICATES,
    PERSON_NOUNS,
    CasualtyCount,
    casualty_participle,
    count_casualties,
    count_casualties_by_rules,
)
from consilience.extract.nlp import ParsedArticle, evidence
from consilience.extract.numbers import NumberMatch, find_number_expressions
from consilience.extract.quantity_filters import is_not_an_amount
from consilience.extract.wordforms import nearest_verb, singular
from consilience.models import Fact, Role, Sentence

__all__ = ["extract_quantities"]

# Entities whose numbers are part of a date, a clock time or a rank, not a count.
TIME_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
# Entities whose digits are part of a name: "Boeing 737", "G7", "Resolution 242".
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
# Nouns that only carry an amount to the thing it measures: "$30 billion worth of goods".
CARRIER_NOUNS = frozenset({"worth", "total", "sum", "amount", "value", "share", "stake"})
# Head nouns too generic to align on; the noun compounded with them names the thing.
GENERIC_HEADS = frozenset({"project", "deal", "plan", "program", "programme", "package"})
GENERIC_HEADS |= {"scheme", "contract", "line", "fund", "facility", "initiative"}
# Prepositions whose object is the participant an amount is aimed at ("tariff on X").
TARGET_PREPOSITIONS = frozenset({"on", "against", "to", "from"})
# Prepositions whose phrase completes the counted thing's description in ``about``.
ABOUT_PREPOSITIONS = frozenset({"on", "of", "for", "against"})
# The no-model path reads at most this many words after a number as its noun phrase.
MAX_FALLBACK_NOUN_WORDS = 4
_LIGHT_VERBS = frozenset({"be", "have"})
_IRREGULAR_PARTICIPLES = {
    "shoot": "shot", "hold": "held", "sell": "sold", "buy": "bought", "make": "made",
    "build": "built", "take": "taken", "give": "given", "see": "seen", "find": "found",
    "lose": "lost", "leave": "left", "bring": "brought", "send": "sent", "spend": "spent",
    "win": "won", "meet": "met", "hit": "hit", "cut": "cut", "set": "set", "put": "put",
    "steal": "stolen", "write": "written", "rise": "risen", "fall": "fallen", "grow": "grown",
    "pay": "paid", "raise": "raised", "hurt": "hurt", "choose": "chosen", "get": "got",
}  # fmt: skip


def extract_quantities(parsed: ParsedArticle) -> list[Fact]:
    """Every quantity stated in the article, one Fact per number expression."""
    facts: list[Fact] = []
    for sentence in parsed.sentences:
        matches = [
            _shift(m, sentence.start)
            for m in find_number_expressions(sentence.text)
            if not is_not_an_amount(sentence.text, m)
        ]
        if parsed.doc is None:
            facts.extend(_facts_by_rules(parsed, sentence, matches))
        else:
            facts.extend(_facts_by_parse(parsed, sentence, matches))
    return facts


def _shift(match: NumberMatch, offset: int) -> NumberMatch:
    return NumberMatch(match.start + offset, match.end + offset, match.text, match.number)


def _fact(
    parsed: ParsedArticle,
    sentence: Sentence,
    span: tuple[int, int],
    subject: str,
    about: str,
    match: NumberMatch | None,
    predicate: str | None,
    roles: tuple[Role, ...] = (),
    count: CasualtyCount | None = None,
) -> Fact:
    article = parsed.article
    value_evidence = evidence(article, span[0], span[1])
    number = match.number if match is not None else None
    return Fact(
        kind="quantity",
        article=article.id,
        subject=subject,
        about=about,
        value=value_evidence.text,
        evidence=evidence(article, sentence.start, sentence.end),
        number=number.value if number is not None else (count.count if count else None),
        unit=number.unit if number is not None else None,
        hedge=number.hedge if number is not None else (count.hedge if count else None),
        span=value_evidence,
        predicate=predicate,
        roles=roles,
    )


def _facts_by_parse(
    parsed: ParsedArticle, sentence: Sentence, matches: list[NumberMatch]
) -> list[Fact]:
    doc = parsed.doc
    assert doc is not None
    sent_span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if sent_span is None:
        return []
    facts: list[Fact] = []
    consumed: list[tuple[int, int]] = []
    for count in count_casualties(sent_span):
        inside = [m for m in matches if count.start <= m.start and m.end <= count.end]
        single = len(inside) == 1 and inside[0].number.value == count.count
        match = inside[0] if single else None
        span = (match.start, match.end) if match is not None else (count.start, count.end)
        about = f"people {casualty_participle(count.predicate)}"
        facts.append(
            _fact(parsed, sentence, span, "people", about, match, count.predicate, (), count)
        )
        consumed.extend((m.start, m.end) for m in inside)
    for match in matches:
        if (match.start, match.end) in consumed:
            continue
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or _inside_entity(span):
            continue
        fact = _fact_from_parse(parsed, sentence, match, span)
        if fact is not None:
            facts.append(fact)
    return facts


def _inside_entity(span: Any) -> bool:
    return any(token.ent_type_ in TIME_LABELS or token.ent_type_ in NAME_LABELS for token in span)


def _fact_from_parse(
    parsed: ParsedArticle, sentence: Sentence, match: NumberMatch, span: Any
) -> Fact | None:
    root = span.root
    inside = {t.i for t in span}
    noun = _counted_noun(root, inside, match.number.unit is not None)
    if noun is None:
        return None
    verb = _governing_verb(noun if noun.i not in inside else root)
    predicate = _gerund_predicate(noun)
    if predicate is None and verb is not None:
        predicate = _predicate(verb)
    subject = noun.lemma_.lower()
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.i not in inside]
    if subject in GENERIC_HEADS and compounds and compounds[-1].pos_ == "NOUN":
        subject = compounds[-1].lemma_.lower()  # "a $8 billion railway project" -> "railway"
    if (
        predicate in CASUALTY_PREDICATES.values() and noun.lower_ in PERSON_NOUNS
    ) or noun.lower_ in ("people", "persons"):
        subject = "people"
    about = _about(noun, inside, verb)
    if match.number.unit is None and predicate is not None and predicate not in _LIGHT_VERBS:
        acted_on = verb is not None and noun.head.i == verb.i and noun.dep_ in ("dobj", "nsubjpass")
        if acted_on or noun.dep_ == "pobj":
            about = f"{about} {_participle(verb, predicate)}"
    roles = _roles(verb, noun, inside) if verb is not None else ()
    return _fact(
        parsed, sentence, (match.start, match.end), subject, about, match, predicate, roles
    )


def _counted_noun(root: Any, inside: set[int], is_measure: bool) -> Any | None:
    """The thing an amount counts or measures, following the dependency parse."""
    noun: Any | None = None
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos") and head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        noun = head
    elif root.dep_ == "pobj" and head.dep_ == "prep":
        governor = head.head
        if head.lower_ == "of" and governor.pos_ in ("NOUN", "PROPN"):
            noun = governor  # "tariffs of 145%"
        elif governor.pos_ in ("VERB", "AUX"):
            noun = _argument(governor, inside)  # "tariffs rose to 145%"
    elif head.pos_ in ("VERB", "AUX") and is_measure:
        noun = _argument(head, inside)  # "trade surged 14.6%"
    if noun is None and root.pos_ in ("NOUN", "NUM", "SYM") and is_measure:
        noun = _of_object(root)
    if noun is not None and noun.lemma_.lower() in CARRIER_NOUNS:
        noun = _of_object(noun) or noun
    if noun is not None and (noun.pos_ not in ("NOUN", "PROPN") or noun.i in inside):
        return None
    return noun


def _of_object(token: Any) -> Any | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _argument(verb: Any, inside: set[int]) -> Any | None:
    """The verb's object, else its subject, skipping the amount itself."""
    for dep in ("dobj", "nsubjpass", "nsubj"):
        for child in verb.children:
            if child.dep_ == dep and child.i not in inside:
                return child
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "trade volume exceeding $205 billion"
    return None


def _governing_verb(token: Any) -> Any | None:
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.pos_ == "VERB":
            return current
    return current if current.pos_ in ("VERB", "AUX") else None


def _predicate(verb: Any) -> str:
    return str(verb.lemma_).lower()


def _gerund_predicate(noun: Any) -> str | None:
    """ "the signing of 45 agreements": the verb inside an -ing event noun."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_.endswith("ing"):
        stem = head.head.lower_[:-3]
        return str(stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem)
    return None


def _participle(verb: Any | None, lemma: str) -> str:
    """The past participle for ``about``: "agreements signed", "phones sold"."""
    if verb is not None and verb.tag_ in ("VBN", "VBD") and verb.lemma_.lower() == lemma:
        return str(verb.lower_)
    if lemma in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _phrase(token: Any, inside: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    """The token with its compound and adjective modifiers, as written."""
    words = [
        t
        for t in token.subtree
        if t.i <= token.i
        and t.i not in inside
        and (t.i == token.i or t.dep_ in ("compound", "amod", "nmod", "poss", "case"))
        and all(a.dep_ in ("compound", "amod", "nmod", "poss") for a in _path_up(t, token))
    ]
    if token.ent_iob_ != "O" and token.ent_type_ in NAME_LABELS:
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if entity is not None and entity.end - 1 == token.i:
            text = re.sub(r"^the\s+", "", entity.text, flags=re.IGNORECASE)
            return str(text)
    return "".join(t.text + t.whitespace_ for t in words[:-1]) + str(words[-1].text)


def _path_up(token: Any, top: Any) -> list[Any]:
    path = []
    current = token
    while current.i != top.i and current.head.i != current.i:
        path.append(current)
        current = current.head
    return path


def _about(noun: Any, inside: set[int], verb: Any | None) -> str:
    about = _phrase(noun, inside).lower() if noun.pos_ != "PROPN" else _phrase(noun, inside)
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ABOUT_PREPOSITIONS]
    if not preps and verb is not None:
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "against")]
    for prep in preps:
        objects = [c for c in prep.children if c.dep_ == "pobj" and c.i not in inside]
        if objects and not any(t.i in inside for t in objects[0].subtree):
            return f"{about} {prep.lower_} {_phrase(objects[0], inside)}"
    return str(about)


# Clause links through which a verb shares its subject: "China retaliated by raising levies",
# "the US imposed tariffs and raised duties", "agreed to cut tariffs".
_SUBJECT_SHARING = frozenset({"conj", "xcomp", "advcl", "pcomp"})
_MAX_SUBJECT_CLIMB = 3


def _subject_source(verb: Any) -> Any:
    """The verb whose subject is ``verb``'s subject, climbing shared-subject clause links."""
    current = verb
    for _ in range(_MAX_SUBJECT_CLIMB):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
            return current
        if current.dep_ not in _SUBJECT_SHARING:
            return current
        head = current.head
        if head.pos_ == "ADP":  # "by raising": the preposition hangs off the main verb
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return current
        current = head
    return current


def _roles(verb: Any, noun: Any, inside: set[int]) -> tuple[Role, ...]:
    roles: list[Role] = []
    subject_source = _subject_source(verb)
    for child in subject_source.children:
        if child.dep_ == "nsubj" and child.i != noun.i and child.pos_ in ("PROPN", "NOUN"):
            roles.append(Role("agent", _phrase(child)))
    for child in verb.children:
        if child.dep_ == "agent":
            roles.extend(Role("agent", _phrase(p)) for p in child.children if p.dep_ == "pobj")
        is_other_object = child.dep_ == "dobj" and child.i != noun.i
        if is_other_object and child.pos_ in ("PROPN", "NOUN") and not _touches(child, inside):
            roles.append(Role("patient", _phrase(child)))
    for owner in (verb, noun):
        for prep in owner.children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ != "PRON" and not _touches(pobj, inside):
                        roles.append(Role("target", _phrase(pobj)))
    return tuple(dict.fromkeys(roles))


def _touches(token: Any, inside: set[int]) -> bool:
    """True when the token's phrase contains part of the amount."""
    return any(t.i in inside for t in token.subtree)


# --- no-model path -------------------------------------------------------------------------

_STOP_WORDS = frozenset(
    (  # noqa: SIM905
        "the a an of and or to in on at for from by with as is are was were be been has have had "
        "will would that which who this these those it its their his her our than more less per "
        "into over under after before since during about said says up down last next "
        "year-on-year annually yearly"
    ).split()
)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_RULE_PARTICIPLE_PREDICATES = {casualty_participle(p): p for p in set(CASUALTY_PREDICATES.values())}


def _facts_by_rules(
    parsed: ParsedArticle, sentence: Sentence, matches: list[NumberMatch]
) -> list[Fact]:
    text = parsed.article.text
    facts: list[Fact] = []
    consumed: list[tuple[int, int]] = []
    for count in count_casualties_by_rules(sentence.text):
        start, end = sentence.start + count.start, sentence.start + count.end
        about = f"people {casualty_participle(count.predicate)}"
        facts.append(
            _fact(parsed, sentence, (start, end), "people", about, None, count.predicate, (), count)
        )
        consumed.extend((m.start, m.end) for m in matches if start <= m.start and m.end <= end)
    for match in matches:
        if (match.start, match.end) in consumed:
            continue
        words = _following_noun_words(text[match.end : sentence.end])
        if words and words[0].lower() in _RULE_PARTICIPLE_PREDICATES:  # "12 injured"
            casualty = _RULE_PARTICIPLE_PREDICATES[words[0].lower()]
            about = f"people {casualty_participle(casualty)}"
            span = (match.start, match.end)
            facts.append(_fact(parsed, sentence, span, "people", about, match, casualty))
            continue
        carried = _CARRIER_OF.match(text[match.end : sentence.end])
        if carried:  # "$30 billion worth of goods"
            words = _following_noun_words(text[match.end + carried.end() : sentence.end])
        if not words:
            before = _MEASURED_BEFORE.search(text[sentence.start : match.start])
            if before is None or match.number.unit is None:
                continue
            words = [before.group(1)]
        subject = singular(words[-1])
        predicate = nearest_verb(text[sentence.start : match.start], text[match.end : sentence.end])
        if predicate in CASUALTY_PREDICATES.values() and words[-1].lower() in PERSON_NOUNS:
            subject = "people"
        about = " ".join(words).lower()
        facts.append(
            _fact(parsed, sentence, (match.start, match.end), subject, about, match, predicate)
        )
    return facts


_CARRIER_OF = re.compile(r"\s*(?:" + "|".join(CARRIER_NOUNS) + r")\s+of\s+", re.IGNORECASE)
_MEASURED_BEFORE = re.compile(
    r"([A-Za-z]+)\s+(?:(?:[a-z]+ed|rose|fell|grew|stood|hit)\s+)?(?:of|to|at|by)\s+$"
)
_NOUN_RUN = re.compile(rf"[ \t]*((?:[A-Za-z][\w'’-]*[ \t]*){{1,{MAX_FALLBACK_NOUN_WORDS}}})")


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


_MEASURED_BEFORE = re.compile(
    r"([A-Za-z]+)\s+(?:(?:[a-z]+ed|rose|fell|grew|stood|hit)\s+)?(?:of|to|at|by)\s+$"
)
