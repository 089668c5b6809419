"""Read a quantity's clause from the dependency parse: its counted noun, verb and roles.

Helpers for ``quantities``: which noun an amount counts ("27 of the 61 seats" -> seats,
"$3 billion in revenue" -> revenue), which verb governs it, and who is agent, patient and
target. Tokens are spaCy tokens, typed ``Any`` because spaCy is optional.
"""

from __future__ import annotations

import re
from typing import Any

from consilience.extract.quantity_rules import CARRIER_NOUNS
from consilience.models import Role

__all__ = [
    "NAME_LABELS",
    "TIME_LABELS",
    "about_phrase",
    "argument",
    "clause_roles",
    "counted_noun",
    "governing_verb",
    "is_amount_token",
    "noun_lemma",
    "owned_roles",
    "participle",
    "phrase",
    "subject_source",
]

# Entities whose numbers are part of a date, a clock time or a rank, not a count.
TIME_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
# Entities whose digits are part of a name: "Boeing 737", "G7", "Resolution 242".
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
# Entities that are amounts themselves: never a participant of a clause.
_AMOUNT_LABELS = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY"})
# Prepositions whose object is the participant an amount is aimed at ("tariff on X").
TARGET_PREPOSITIONS = frozenset({"on", "against", "to", "from"})
# Prepositions whose phrase completes the counted thing's description in ``about``.
ABOUT_PREPOSITIONS = frozenset({"on", "of", "for", "against"})
# Nouns too vague to name a participant: "the number rose", "most of them".
_VAGUE_NOUNS = frozenset({"number", "figure", "total", "amount", "level", "part", "lot", "rest"})
# Carrier nouns that are themselves what a percent measures: "a share of 33.5%".
_PERCENT_NOUNS = frozenset({"share", "stake"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case"})
_IRREGULAR_PARTICIPLES = {
    "shoot": "shot", "hold": "held", "sell": "sold", "buy": "bought", "make": "made",
    "build": "built", "take": "taken", "give": "given", "see": "seen", "find": "found",
    "lose": "lost", "leave": "left", "bring": "brought", "send": "sent", "spend": "spent",
    "win": "won", "meet": "met", "hit": "hit", "cut": "cut", "set": "set", "put": "put",
    "steal": "stolen", "write": "written", "rise": "risen", "fall": "fallen", "grow": "grown",
    "pay": "paid", "raise": "raised", "hurt": "hurt", "choose": "chosen", "get": "got",
}  # fmt: skip
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})


def is_amount_token(token: Any) -> bool:
    """True for a number, a percent sign or a token inside an amount or time entity."""
    return bool(
        token.like_num
        or token.pos_ in ("NUM", "SYM")
        or token.text == "%"
        or token.ent_type_ in _AMOUNT_LABELS
        or token.ent_type_ in TIME_LABELS
    )


def noun_lemma(noun: Any) -> str:
    """The noun's lemma, with a hyphenated first half kept: "start-ups" -> "start-up"."""
    lemma = str(noun.lemma_).lower()
    doc = noun.doc
    glued = noun.i >= 2 and not doc[noun.i - 2].whitespace_ and not doc[noun.i - 1].whitespace_
    if glued and doc[noun.i - 1].text == "-" and doc[noun.i - 2].is_alpha:
        return f"{doc[noun.i - 2].lower_}-{lemma}"
    return lemma


def counted_noun(
    root: Any, inside: set[int], is_measure: bool, is_percent: bool = False
) -> Any | None:
    """The thing an amount counts or measures, following the dependency parse."""
    noun: Any | None = None
    head = root.head
    partitive = _of_object(root)
    if partitive is not None and partitive.pos_ == "NOUN" and partitive.tag_ in ("NNS", "NNPS"):
        return partitive  # "27 of the 61 seats", "3,000 of the victims"
    valued = _valued_thing(root) if is_measure else None
    if valued is not None:
        return valued  # "agreements worth $3.2 billion", "the deals are worth $3 billion"
    measured_in = _bare_in_object(root) if is_measure else None
    if measured_in is not None:
        return measured_in  # "$3.2 billion in revenue"
    modifies = root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos")
    if modifies and (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.i > root.i)):
        noun = head  # a name before its number ("the Greens 17") is gapping, not a count
    elif root.dep_ == "pobj" and head.dep_ == "prep":
        governor = head.head
        if head.lower_ == "of" and governor.pos_ in ("NOUN", "PROPN"):
            noun = governor  # "tariffs of 145%"
        elif governor.pos_ in ("VERB", "AUX"):
            noun = argument(governor, inside)  # "tariffs rose to 145%"
            if noun is None and governor.dep_ == "conj":
                noun = _subject_noun(governor.head)  # a subject the verbs share
            if noun is None and _refers_back(governor):
                noun = argument(governor.head, inside)  # "raised its rate, taking it to 4%"
    elif root.dep_ == "attr" and head.lemma_ == "be" and _subject_noun(head) is not None:
        noun = _subject_noun(head)  # "The attendance was 41,382"
    elif _counts_the_attribute(root) is not None:
        noun = _counts_the_attribute(root)  # "Fourteen of those who fell ill are children"
    elif is_percent and _rated_thing(head) is not None:
        noun = _rated_thing(head)  # "the vaccine was 84.6% effective": the vaccine's efficacy
    elif is_percent and head.pos_ in ("VERB", "AUX") and _of_object(root) is not None:
        noun = _of_object(root)  # "would take 31% of the vote": the vote, not the taker
    elif is_measure and _measured_by_participle(head) is not None:
        noun = _measured_by_participle(head)  # "trade volume exceeding $205 billion"
    elif head.pos_ in ("VERB", "AUX") and is_measure and not _money_argument(root):
        noun = argument(head, inside)  # "trade surged 14.6%"
    if noun is None and root.pos_ in ("NOUN", "NUM", "SYM") and is_measure:
        noun = _of_object(root)
    lemma = noun.lemma_.lower() if noun is not None else ""
    if lemma in CARRIER_NOUNS and not (is_percent and lemma in _PERCENT_NOUNS):
        noun = _of_object(noun) or noun
    if noun is not None and (noun.pos_ not in ("NOUN", "PROPN") or noun.i in inside):
        return None
    return noun


# Adjectives a percentage rates a thing by: "84.6% effective", "99% accurate".
_RATING_ADJECTIVES = frozenset({"effective", "efficacious", "protective", "accurate"})


def _rated_thing(adjective: Any) -> Any | None:
    """The subject a rating adjective is said of ("the vaccine was 84.6% effective"), or
    None."""
    if adjective.pos_ != "ADJ" or adjective.lemma_.lower() not in _RATING_ADJECTIVES:
        return None
    return _subject_noun(adjective.head) if adjective.dep_ == "acomp" else None


# Verbs that, reduced to a participle after a noun, state that noun's level.
_LEVEL_PARTICIPLES = frozenset({"exceed", "top", "surpass", "reach", "total", "near", "hit"})


def _measured_by_participle(verb: Any) -> Any | None:
    """ "volume exceeding $205 billion", "with sales topping $12 billion": the noun a level
    participle states the level of, or None."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _LEVEL_PARTICIPLES:
        return None
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return verb.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return subjects[0] if verb.tag_ == "VBG" and subjects else None


def _valued_thing(root: Any) -> Any | None:
    """The noun an amount after "worth" values: the noun "worth" follows, or the subject
    of the "be" it completes."""
    worth = root.head
    if worth.lower_ != "worth" or root.dep_ not in ("npadvmod", "pobj", "dobj"):
        return None
    owner = worth.head
    if worth.dep_ in ("amod", "acl") and owner.pos_ == "NOUN":
        return owner
    if worth.dep_ in ("acomp", "attr") and owner.lemma_ == "be":
        return _subject_noun(owner)
    return None


def _refers_back(verb: Any) -> bool:
    """A participle clause whose "it" is the main clause's object: "raised its rate by a
    quarter point, taking it from 4% to 4.25%"."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return False
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)


def _subject_noun(verb: Any) -> Any | None:
    """The common-noun subject of a verb, or None."""
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)


def _counts_the_attribute(root: Any) -> Any | None:
    """ "Fourteen (of those who fell ill) are children": a number that is the subject of
    "be" counts the plural noun the clause says they are."""
    head = root.head
    if root.pos_ != "NUM" or root.dep_ != "nsubj" or head.lemma_ != "be":
        return None
    attrs = [c for c in head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    return attrs[0] if attrs and attrs[0].tag_ == "NNS" else None


def _money_argument(root: Any) -> bool:
    """ "diverted $31 million": money that is itself the verb's object counts nothing else."""
    is_money = root.ent_type_ == "MONEY" and not any(t.text == "%" for t in root.subtree)
    return is_money and root.dep_ in ("dobj", "nsubjpass")


def _of_object(token: Any) -> Any | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _bare_in_object(token: Any) -> Any | None:
    """ "$3 billion in revenue": an "in" object with no determiner names what is measured."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for pobj in prep.children:
                bare = not any(c.dep_ in ("det", "poss") for c in pobj.children)
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and bare and not pobj.ent_type_:
                    return pobj
    return None


def argument(verb: Any, inside: set[int]) -> Any | None:
    """The verb's object, else its subject, skipping amounts and resolving "which"."""
    for dep in ("dobj", "nsubjpass", "nsubj"):
        for child in verb.children:
            if child.dep_ != dep or child.i in inside or is_amount_token(child):
                continue
            if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head  # "the division, which grew 20%"
            if child.pos_ == "PRON":
                continue
            return child
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "trade volume exceeding $205 billion"
    return None


def governing_verb(token: Any) -> Any | None:
    """The nearest verb above ``token``; a copula heading its own clause counts."""
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.pos_ == "VERB":
            return current
        if current.pos_ == "AUX" and any(c.dep_ == "nsubj" for c in current.children):
            return current  # "while net income was $1.1 billion": the clause's own verb
    return current if current.pos_ in ("VERB", "AUX") else None


def participle(verb: Any | None, lemma: str) -> str:
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


def phrase(
    token: Any, inside: set[int] | frozenset[int] = frozenset(), lower_common: bool = False
) -> str:
    """The token with its compound, adjective and possessive modifiers, as written; with
    ``lower_common`` only names keep their capitals ("potential US tariff")."""
    if token.ent_iob_ != "O" and token.ent_type_ in NAME_LABELS:
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if entity is not None and entity.end - 1 == token.i:
            return str(re.sub(r"^the\s+", "", entity.text, flags=re.IGNORECASE))
    chosen = [
        t
        for t in token.subtree
        if t.i <= token.i
        and t.i not in inside
        and (t.i == token.i or t.dep_ in _MODIFIER_DEPS)
        and all(a.dep_ in _MODIFIER_DEPS for a in _path_up(t, token))
        and not (t.dep_ == "poss" and t.pos_ == "PRON")  # "its revenue" -> "revenue"
        and not (t.dep_ == "case" and t.head.pos_ == "PRON")
    ]
    chosen_ids = {t.i for t in chosen}
    # A hyphen joining two kept words stays: "third-quarter revenue", "data-centre leases".
    hyphens = [
        t
        for t in token.subtree
        if t.text in ("-", "–") and t.i - 1 in chosen_ids and t.i + 1 in chosen_ids
    ]
    words = sorted({t.i: t for t in [*chosen, *hyphens]}.values(), key=lambda t: t.i)
    if not words:
        return str(token.text)
    parts = []
    for word, following in zip(words, [*words[1:], None], strict=True):
        proper = word.pos_ == "PROPN" or word.ent_type_ in NAME_LABELS
        parts.append(word.lower_ if lower_common and not proper else word.text)
        if following is not None:
            parts.append(word.whitespace_ if following.i == word.i + 1 else " ")
    return "".join(parts)


def _path_up(token: Any, top: Any) -> list[Any]:
    path = []
    current = token
    while current.i != top.i and current.head.i != current.i:
        path.append(current)
        current = current.head
    return path


def about_phrase(noun: Any, inside: set[int], verb: Any | None) -> str:
    """The counted thing as a reader would say it: "tariff on Chinese goods"."""
    about = phrase(noun, inside, lower_common=True)
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ABOUT_PREPOSITIONS]
    if not preps and verb is not None:
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "against")]
    for prep in preps:
        objects = [c for c in prep.children if c.dep_ == "pobj" and c.i not in inside]
        if objects and not _touches_amount(objects[0], inside):
            return f"{about} {prep.lower_} {phrase(objects[0], inside)}"
    return str(about)


# Clause links through which a verb shares its subject: "China retaliated by raising levies",
# "the US imposed tariffs and raised duties", "agreed to cut tariffs".
_SUBJECT_SHARING = frozenset({"conj", "xcomp", "advcl", "pcomp"})
_MAX_SUBJECT_CLIMB = 3


def subject_source(verb: Any) -> Any:
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


def _is_participant(token: Any | None, inside: set[int] | None) -> bool:
    """A named thing or a specific noun: not a date, a number or a vague word; with
    ``inside`` None, its own relative clause may hold the amount."""
    if token is None:
        return False
    if token.pos_ not in ("PROPN", "NOUN") or is_amount_token(token):
        return False
    if token.lemma_.lower() in _VAGUE_NOUNS or not token.text[0].isalnum():
        return False
    return inside is None or not _touches_amount(token, inside)


def clause_roles(verb: Any, noun: Any, inside: set[int]) -> tuple[Role, ...]:
    """Agent (clause subject), patient (other object) and target ("on X") of an amount."""
    roles: list[Role] = []
    source = subject_source(verb)
    for child in source.children:
        if child.dep_ == "nsubj" and child.i != noun.i and _is_participant(child, inside):
            roles.append(Role("agent", phrase(child)))
        elif child.dep_ == "nsubj" and _is_participant(_antecedent(child, source), None):
            # "Halvik, which employs 4,000 people": the relative pronoun's noun acts
            roles.append(Role("agent", phrase(_antecedent(child, source))))
    for child in verb.children:
        if child.dep_ == "agent":
            roles.extend(
                Role("agent", phrase(p))
                for p in child.children
                if p.dep_ == "pobj" and _is_participant(p, inside)
            )
        if child.dep_ == "dobj" and child.i != noun.i and _is_participant(child, inside):
            roles.append(Role("patient", phrase(child)))
    for owner in (verb, noun):
        if owner is noun and noun.lemma_.lower() in _MEASURED_AGAINST:
            continue  # "a premium of 32% to Friday's close": a reference, not a participant
        for prep in owner.children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and _is_participant(pobj, inside):
                        roles.append(Role("target", phrase(pobj)))
    if verb.lemma_.lower() in _RECEIVING_VERBS:
        roles = [_received(role, verb) for role in roles]
    return tuple(dict.fromkeys(roles))


def _antecedent(pronoun: Any, verb: Any) -> Any | None:
    """The noun a relative clause's "which"/"that"/"who" subject stands for, or None."""
    if pronoun.lower_ not in _RELATIVE_PRONOUNS or verb.dep_ != "relcl":
        return None
    return verb.head


# Nouns whose "to"/"on"/"over" phrase names what they are measured against.
_MEASURED_AGAINST = frozenset({"premium", "discount", "markup", "mark-up"})
# Verbs whose subject undergoes the amount: "China faces 145% tariffs from the US".
_RECEIVING_VERBS = frozenset({"face", "receive", "suffer", "incur", "endure", "absorb"})


def _received(role: Role, verb: Any) -> Role:
    """Swap a receiving verb's roles: its subject is the target, "from X" the agent."""
    if role.role == "agent":
        return Role("target", role.name)
    sources = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    from_names = {
        phrase(p)
        for owner in sources
        for prep in owner.children
        if prep.dep_ == "prep" and prep.lower_ == "from"
        for p in prep.children
        if p.dep_ == "pobj"
    }
    return Role("agent", role.name) if role.name in from_names else role


# Entities that can own a tariff, a budget or a plan: "US tariff", "Washington's tariff".
_OWNER_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def _owner_of(noun: Any, inside: set[int]) -> Any | None:
    """The named owner modifying the counted noun ("a 46% US tariff" -> US), or None."""
    for child in noun.children:
        if child.dep_ in ("compound", "poss") and child.i not in inside:
            paired = child.i + 1 < len(child.doc) and child.doc[child.i + 1].text == "-"
            if child.ent_type_ in _OWNER_LABELS and child.pos_ == "PROPN" and not paired:
                return child
    return None


def owned_roles(
    verb: Any, noun: Any, inside: set[int], predicate: str | None
) -> tuple[tuple[Role, ...], str | None]:
    """The clause's roles and predicate, with a named owner of the noun as its agent: "a
    46% US tariff" is the US's whatever verb another actor uses on it."""
    roles = clause_roles(verb, noun, inside)
    owner = _owner_of(noun, inside)
    if owner is None:
        return roles, predicate
    agents = [r.name for r in roles if r.role == "agent"]
    if not agents:
        return (Role("agent", phrase(owner)), *roles), predicate
    if phrase(owner) in agents:
        return roles, predicate
    # "Vietnam is working to reduce a 46% US tariff": the US imposes it; Vietnam's verb is
    # what Vietnam does about it, not what the figure is.
    return (Role("agent", phrase(owner)), *(r for r in roles if r.role != "agent")), None


def _touches_amount(token: Any, inside: set[int]) -> bool:
    """True when the token's phrase contains part of the amount or another number."""
    return any(t.i in inside or t.like_num for t in token.subtree)
