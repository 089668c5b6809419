"""Vote splits as quantity facts: "voted 7-2", "by seven votes to two", "a 6-3 ruling".

A split is one fact, not two numbers: subject "vote", value the split as written, number
the votes in favour (the first figure, as news writes splits), unit None, predicate "vote".
So "voted 7-2" and "a 6-3 vote" line up on "vote" and conflict on 7 vs 6. A split is read
only next to a word of voting ("voted", "split", "by a vote of", "a 6-3 ruling"), so a
sports score ("won 3-1") or a range ("30-40") is never one. Works on text alone; with a
parse, the voting body (the subject of "voted") is the agent.
"""

from __future__ import annotations

import re
from typing import Any

from consilience.extract.nlp import ParsedArticle, evidence
from consilience.extract.numbers import UNITS_WORDS, parse_number
from consilience.models import Fact, Role

__all__ = ["VOTE_SUBJECT", "extract_votes", "vote_split"]

VOTE_SUBJECT = "vote"
_WORD = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_COUNT = rf"(?:\d{{1,3}}|{_WORD})"
_SPLIT = rf"(?P<split>(?P<yes>{_COUNT})\s*(?:-|–|\s+to\s+)\s*(?P<no>{_COUNT}))"
# "voted 7-2", "voted seven to two", "split 7 to 2", "by a vote of 7-2", "a vote of 5-4".
_AFTER_VOTING = re.compile(
    rf"\b(?:voted|votes|voting|split|(?:by\s+)?an?\s+(?:vote|margin)\s+of)\s+{_SPLIT}\b", re.I
)
# "a 6-3 vote", "a 5-4 ruling", "a 7-2 majority", "the 6-3 decision".
_BEFORE_VOTE = re.compile(
    rf"\b{_SPLIT}\s+(?:votes?|ruling|majority|decision|verdict|split)\b", re.IGNORECASE
)
# "by seven votes to two", "by 312 votes to 250".
_VOTES_TO = re.compile(
    rf"\b(?P<split>(?P<yes>\d{{1,4}}|{_WORD})\s+votes?\s+to\s+(?P<no>\d{{1,4}}|{_WORD}))\b", re.I
)
# A word every pattern above needs, matched as they match it.
_VOTING_WORD = re.compile(r"vot|split|margin|ruling|majority|decision|verdict", re.IGNORECASE)

# A split as extraction writes its value: "7-2", "seven to two", "312 votes to 190".
_SPLIT_VALUE = re.compile(
    rf"(?P<yes>\d{{1,4}}|{_WORD})\s*(?:-|–|\s+(?:votes?\s+)?to\s+)\s*(?P<no>\d{{1,4}}|{_WORD})",
    re.IGNORECASE,
)


def extract_votes(parsed: ParsedArticle) -> list[Fact]:
    """Every vote split the article states, one fact each, in text order."""
    facts: list[Fact] = []
    for sentence in parsed.sentences:
        if _VOTING_WORD.search(sentence.text) is None:
            continue  # most sentences hold no word any split pattern needs
        seen: set[int] = set()
        for pattern in (_AFTER_VOTING, _BEFORE_VOTE, _VOTES_TO):
            for m in pattern.finditer(sentence.text):
                start = sentence.start + m.start("split")
                yes, no = parse_number(m.group("yes")), parse_number(m.group("no"))
                if start in seen or yes is None or no is None:
                    continue
                seen.add(start)
                end = sentence.start + m.end("split")
                roles = _voters(parsed, start)
                facts.append(
                    Fact(
                        kind="quantity",
                        article=parsed.article.id,
                        subject=VOTE_SUBJECT,
                        about=f"vote of {roles[0].name}" if roles else "vote split",
                        value=parsed.article.text[start:end],
                        evidence=evidence(parsed.article, sentence.start, sentence.end),
                        number=yes.value,
                        span=evidence(parsed.article, start, end),
                        predicate="vote",
                        roles=roles,
                    )
                )
    return sorted(facts, key=lambda fact: fact.span.start if fact.span else 0)


def vote_split(fact: Fact) -> tuple[float, float] | None:
    """Votes for and against of a vote-split fact ("312-190" -> (312, 190)), else None.

    Its number is only the votes in favour, so two splits that share it ("312-190",
    "312-109") are still two results.
    """
    if fact.subject != VOTE_SUBJECT or fact.predicate != "vote":
        return None
    match = _SPLIT_VALUE.fullmatch(fact.value.strip())
    if match is None:
        return None
    yes, no = parse_number(match.group("yes")), parse_number(match.group("no"))
    return None if yes is None or no is None else (yes.value, no.value)


def _voters(parsed: ParsedArticle, start: int) -> tuple[Role, ...]:
    """The body that voted: the subject of the verb the split hangs from, if parsed."""
    doc = parsed.doc
    if doc is None:
        return ()
    token: Any = next((t for t in doc if t.idx >= start), None)
    while token is not None and token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    if token is None:
        return ()
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            return (Role("agent", _noun_phrase(child)),)
    return ()


def _noun_phrase(noun: Any) -> str:
    """ "rate-setting committee": the noun with its compound and adjective modifiers."""
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("det", "poss", "case")]
    words = [t for t in words if t.dep_ != "punct" or t.text == "-"]
    return "".join(t.text_with_ws for t in words).strip()
