"""Match minutes as facts: "scored in the 87th minute", "X's 87th-minute winner".

A minute of play dates an event of a match the way a clock time dates a shooting; outlets
disagree on it ("87th" vs "89th minute"). It is a quantity fact with unit ``MINUTE_UNIT``:
``number`` the minute, ``subject`` the kind of event (``winner``, ``opener``, ``equaliser``,
``goal``, ``booking``, ``substitution``, ``chance``; ``minute`` when the sentence does not
say), and an "agent" role naming the player when one is the subject of the clause.

Durations ("14 minutes of normal time left", "on the pitch for eleven minutes") are no
minute of play and are left to the quantity extractor; a minute of added time ("the 3rd
minute of stoppage time") is left out, since it counts from another start.
"""

from __future__ import annotations

import re

from consilience.extract.nlp import ParsedArticle, evidence
from consilience.extract.person_refs import (
    canonical,
    clause_subject_person,
    person_at,
)
from consilience.models import Entity, Fact, Role, Sentence

__all__ = ["GOAL_EVENTS", "MINUTE_UNIT", "extract_match_minutes"]

MINUTE_UNIT = "minute of play"
# Events that are goals: a generic "goal" may be any of the specific ones.
GOAL_EVENTS = frozenset({"goal", "winner", "opener", "equaliser"})
_MINUTE = re.compile(
    r"\b(?P<minute>\d{1,3})(?:st|nd|rd|th)[- ]minute\b(?!\s+of\s+(?:stoppage|injury|added))",
    re.IGNORECASE,
)
_LAST_MINUTE = 130
# Words naming the event a minute dates, most specific first; searched in the clause.
_EVENT_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("winner", re.compile(r"\b(?:winner|winning goal|decider|won it)\b", re.I)),
    ("equaliser", re.compile(r"\b(?:equali[sz]\w*|levell?(?:ed|er|ing)?)\b", re.I)),
    ("opener", re.compile(r"\b(?:opener|opened the scoring|the lead|in front|first goal)\b", re.I)),
    (
        "goal",
        re.compile(
            r"\b(?:scored|scores?|goal|header|headed|netted|strike|struck|finish(?:ed)?|ahead|"
            r"into the (?:top corner|net|bottom corner)|past (?:the )?(?:goalkeeper|keeper)|"
            r"turned (?:it )?in)\b",
            re.I,
        ),
    ),
    ("booking", re.compile(r"\b(?:booked|yellow card|red card|sent off|dismissed)\b", re.I)),
    ("substitution", re.compile(r"\b(?:came on|brought on|substituted|replaced)\b", re.I)),
    ("chance", re.compile(r"\b(?:crossbar|post|saved?|missed|wide|chance)\b", re.I)),
)
# A clause ends at these: the next minute's event is not this one's.
_CLAUSE_BREAK = re.compile(r",\s*(?:but|and|while|before|after)\b|;|\bbefore\b|\bafter\b", re.I)


def extract_match_minutes(parsed: ParsedArticle) -> list[Fact]:
    """One quantity fact per minute of play the article dates an event by."""
    facts: list[Fact] = []
    for sentence in parsed.sentences:
        matches = list(_MINUTE.finditer(sentence.text))
        for i, m in enumerate(matches):
            minute = int(m.group("minute"))
            if not 0 < minute <= _LAST_MINUTE:
                continue
            left = matches[i - 1].end() if i else 0
            right = matches[i + 1].start() if i + 1 < len(matches) else len(sentence.text)
            facts.append(_fact(parsed, sentence, m, minute, left, right))
    return facts


def _clause(text: str, m: re.Match[str], left: int, right: int) -> tuple[str, str]:
    """The words before the minute back to the clause start, and a few after it."""
    before = text[left : m.start()]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].start() :]
    after = text[m.end() : right]
    cut = _CLAUSE_BREAK.search(after)
    after = after[: cut.start()] if cut else after
    return before, " ".join(after.split()[:4])


def _event(before: str, after: str) -> str:
    clause = f"{before} {after}"
    for event, pattern in _EVENT_WORDS:
        if pattern.search(clause):
            return event
    return "minute"


def _player(parsed: ParsedArticle, sentence: Sentence, m: re.Match[str], before: str) -> str | None:
    start, end = sentence.start + m.start(), sentence.start + m.end()
    named: Entity | None = clause_subject_person(parsed, start, end)
    if named is None and parsed.doc is None:
        # Without a parse: the first name of the clause, which in news English is its subject.
        clause_start = start - len(before)
        for entity in parsed.entities:
            if clause_start <= entity.start and entity.end <= start:
                named = person_at(parsed, entity.start, entity.end)
                if named is not None:
                    break
    return canonical(parsed, named.text) if named is not None else None


def _fact(
    parsed: ParsedArticle,
    sentence: Sentence,
    m: re.Match[str],
    minute: int,
    left: int,
    right: int,
) -> Fact:
    article = parsed.article
    before, after = _clause(sentence.text, m, left, right)
    event = _event(before, after)
    player = _player(parsed, sentence, m, before)
    span = evidence(article, sentence.start + m.start(), sentence.start + m.end())
    ordinal = span.text.replace("-", " ")
    about = "minute of play" if event == "minute" else f"minute of the {event}"
    about += f" by {player}" if player else ""
    return Fact(
        kind="quantity",
        article=article.id,
        subject=event,
        about=about,
        value=ordinal,
        evidence=evidence(article, sentence.start, sentence.end),
        number=float(minute),
        unit=MINUTE_UNIT,
        span=span,
        roles=(Role("agent", player),) if player else (),
    )
