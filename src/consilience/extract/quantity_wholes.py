"""Sizes of a whole and shares of a vote: "the 61-seat chamber", "27 of the 61 seats", "31%".

A number glued to a countable noun ("a 61-seat chamber", "the 450-member assembly", "a
5,000-strong crowd") states the size of the thing it describes, and the whole of a partitive
("27 of the council's 61 seats") states the same size: all of them are the "total seats of
the council", kept apart from the part won by one side. Ceremonial and rating compounds ("a
21-gun salute", "a five-star hotel", "a 10-point plan") count nothing a story reports, so
only nouns listed here make a size. A percent of "the vote", or one a poll "put" a party
"on", is that party's share: the party is the thing measured, not an actor. Number words
glued to a time unit ("a five-year term") are found here too, for the penalty reader.
Tokens are spaCy tokens, typed ``Any`` because spaCy is optional.
"""

from __future__ import annotations

from typing import Any

from consilience.extract.numbers import NumberMatch, parse_number
from consilience.extract.penalties import DURATION_UNITS

__all__ = [
    "SIZE_NOUNS",
    "glued_sizes",
    "is_glued_compound",
    "placing_holder",
    "share_about",
    "share_holder",
    "size_about",
    "size_subject",
    "whole_of_partitive",
    "with_hyphen_durations",
]

# Nouns that, glued to a number before another noun, give that noun's size. Chosen as the
# countable parts of bodies, fleets, buildings and crowds that news reports size this way.
SIZE_NOUNS = frozenset(
    [
        "seat",
        "member",
        "strong",
        "person",
        "man",
        "woman",
        "bed",
        "room",
        "storey",
        "story",
        "floor",
        "unit",
        "home",
        "house",
        "vessel",
        "ship",
        "boat",
        "plane",
        "aircraft",
        "jet",
        "vehicle",
        "truck",
        "car",
        "bus",
        "school",
        "branch",
        "store",
        "shop",
    ]
)
# Bodies whose members each hold a seat: "a 61-member council" has 61 seats.
_SEATED_BODIES = frozenset(
    [
        "council",
        "parliament",
        "chamber",
        "assembly",
        "senate",
        "house",
        "legislature",
        "congress",
        "board",
        "committee",
        "cabinet",
        "commission",
        "panel",
        "bench",
        "jury",
    ]
)
# Verbs by which a poll states a party's share: "put the party on 31%", "gave it 35%".
_POLL_VERBS = frozenset({"put", "give", "show", "have", "place", "see"})


def is_glued_compound(number: Any) -> bool:
    """True for "61-seat": a number, a hyphen and a size noun written as one word."""
    doc = number.doc
    if number.i + 2 >= len(doc) or number.whitespace_:
        return False
    hyphen = doc[number.i + 1]
    if hyphen.text != "-" or hyphen.whitespace_:
        return False
    return doc[number.i + 2].lower_ in SIZE_NOUNS


def size_subject(size_noun: Any) -> tuple[str, Any]:
    """The counted thing's lemma and the whole it sizes: ("seat", chamber) for "61-seat"."""
    whole = size_noun.head if size_noun.head.i != size_noun.i else size_noun
    lemma = str(size_noun.lemma_).lower()
    if lemma == "strong":  # "a 5,000-strong crowd" counts the crowd
        return str(whole.lemma_).lower(), whole
    if lemma == "member" and whole.lemma_.lower() in _SEATED_BODIES:
        return "seat", whole
    return lemma, whole


def size_about(subject: str, whole: Any | None) -> str:
    """ "total seats of the council": the whole's size, never a part of it."""
    plural = subject if subject.endswith("s") else f"{subject}s"
    if whole is None or whole.lemma_.lower() == subject:
        return f"total {plural}"
    return f"total {plural} of the {whole.lower_}"


def whole_of_partitive(root: Any) -> Any | None:
    """The owner of the whole in "27 of the council's 61 seats" (council) or None."""
    noun = root.head
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def share_holder(root: Any, verb: Any | None) -> Any | None:
    """Whose share a percent is: "the Alliance would take 31% of the vote" -> Alliance,
    "put the party on 31%" -> party, "gave it 35%" -> it; None when it is no share."""
    if verb is None:
        return None
    of_vote = any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(p.dep_ == "pobj" and p.lemma_.lower() == "vote" for p in prep.children)
        for prep in root.children
    )
    if of_vote and root.head.i == verb.i:
        for child in verb.children:
            if child.dep_ == "nsubj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
                return child
    if verb.lemma_.lower() not in _POLL_VERBS:
        return None
    on_percent = root.dep_ == "pobj" and root.head.lower_ in ("on", "at")
    if not (on_percent and root.head.head.i == verb.i) and root.head.i != verb.i:
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.i != root.i:
            return child
    return None


# Verbs by which a candidate or party places with a share: "led the first round with 44%".
_PLACING_VERBS = frozenset({"lead", "top", "finish", "come", "win", "head"})


def placing_holder(root: Any, verb: Any | None) -> Any | None:
    """Who placed "with" a percent: "Varga led the first round with 44.1%" -> Varga; and
    who the verb is left out for: "X won 44% of the vote and Y 36%" -> Y."""
    owner = root.head
    if root.dep_ == "appos" and owner.dep_ == "conj" and owner.pos_ == "PROPN":
        shared = owner.head
        if shared.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lower_ == "%" and c.i < owner.i for c in shared.children
        ):
            return owner
    if verb is None or verb.lemma_.lower() not in _PLACING_VERBS:
        return None
    with_ = root.head
    if root.dep_ != "pobj" or with_.lower_ != "with":
        return None
    if with_.head.i != verb.i and with_.head.head.i != verb.i:
        return None
    return next(
        (c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None
    )


def share_about(holder: Any, measured: Any) -> str:
    """ "Alliance share of the vote", "party share"; a pronoun holder says nothing."""
    owner = "" if holder.pos_ == "PRON" else f"{holder.text} "
    if holder.pos_ == "PROPN" or holder.ent_type_:
        entity = next((e for e in holder.doc.ents if e.start <= holder.i < e.end), None)
        owner = f"{entity.text} " if entity is not None else owner
        owner = owner[4:] if owner.lower().startswith("the ") else owner
    return f"{owner}share of the vote" if measured.lemma_ == "vote" else f"{owner}share"


def with_hyphen_durations(matches: list[NumberMatch], sent_span: Any) -> list[NumberMatch]:
    """The matches plus number words glued to a time unit ("a five-year term")."""
    extra: list[NumberMatch] = []
    for token in sent_span[:-2]:
        if token.whitespace_:
            continue  # the neighbours are read only for a token glued to the next
        hyphen = token.nbor(1)
        glued = not hyphen.whitespace_ and hyphen.text == "-"
        if glued and token.nbor(2).lemma_.lower() in DURATION_UNITS:
            number = parse_number(token.text)
            if number is not None:
                start, end = token.idx, token.idx + len(token.text)
                extra.append(NumberMatch(start, end, token.text, number))
    return sorted([*matches, *extra], key=lambda m: m.start)


def glued_sizes(sent_span: Any) -> list[NumberMatch]:
    """Numbers glued to a size noun ("a 61-seat chamber"), which the text scan leaves out."""
    sizes: list[NumberMatch] = []
    for token in sent_span:
        number = parse_number(token.text) if is_glued_compound(token) else None
        if number is not None:
            sizes.append(NumberMatch(token.idx, token.idx + len(token.text), token.text, number))
    return sizes
