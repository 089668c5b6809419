"""What the streaming story clusterer sees of one article: words, names, numbers, time.

Title and lead words (the inverted pyramid puts the event first), the words of named entities
(from ``Analysis.entities``, or capitalised runs when extraction found none), distinctive
numbers and the publication time. Signals are a function of the article alone, so they can be
computed before, and outside, any index or store transaction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from consilience.models import Analysis
from consilience.story_days import lead_days

__all__ = [
    "ENTITY_LABELS",
    "ArticleSignals",
    "RawSignals",
    "SignalInput",
    "article_signals",
    "from_raw",
    "raw_signals_of",
    "signal_input",
    "signals_from",
    "timestamp",
]

# The title names the event in a few words: it counts twice against the lead.
TITLE_REPEAT = 2
# The lead: the inverted pyramid puts the event in the first few sentences.
LEAD_MAX_SENTENCES = 3
LEAD_MAX_CHARS = 600
# Numbers below this ("two", "3-1") and year-like numbers are shared by unrelated stories.
MIN_DISTINCTIVE_NUMBER = 10.0
# Entity labels that name who and where; "NAME" is the rule fallback's label.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NAME"})

_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+)?[A-Z][\w'’-]*)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_POSSESSIVES = ("'s", "’s")
_STOP_WORDS_TEXT = (
    "a about after again against all also an and any are as at be been before being "
    "between both but by can could did do does during each few for from further had has "
    "have having he her here hers him his how i if in into is it its just more most my no "
    "nor not now of off on once only or other our out over own same she should so some "
    "such than that the their them then there these they this those through to too under "
    "until up very was we were what when where which while who whom why will with would "
    "you your said says say told new"
)
_STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# Capitalised but not names: every story has a weekday, and a month is shared by thousands.
_CALENDAR_WORDS_TEXT = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december"
)
_CALENDAR_WORDS = frozenset(_CALENDAR_WORDS_TEXT.split())


@dataclass(frozen=True, slots=True)
class ArticleSignals:
    """What the streaming clusterer sees of one article (vectors are raw term counts)."""

    article_id: str
    terms: Counter[str]
    names: Counter[str]
    numbers: frozenset[str]
    published: float | None  # POSIX seconds; naive datetimes are taken as UTC
    # The earliest day (ordinal) the title and lead name: a lead dates its event, and later
    # days in it are usually when someone spoke ("said on Thursday") or a follow-up's news.
    event_day: int | None = None


class SignalInput(NamedTuple):
    """The fields of an analysis that its signals depend on, as plain (cheaply pickled) data."""

    article_id: str
    title: str
    text: str
    lead_sentences: tuple[str, ...]  # the first sentences' texts; () when none were split
    names: tuple[str, ...] | None  # names of ENTITY_LABELS entities; None: no entities at all
    published: float | None
    # As the outlet gave it, in its own time zone: the lead's "on Wednesday" is its Wednesday.
    published_at: datetime | None = None


# ArticleSignals as a plain tuple (its fields in order), which a process boundary crosses
# in a third of the time of the dataclass with its Counters.
RawSignals = tuple[str, dict[str, int], dict[str, int], frozenset[str], float | None, int | None]


def article_signals(analysis: Analysis) -> ArticleSignals:
    """Title+lead words, entity name words, distinctive numbers and time of one article."""
    return signals_from(signal_input(analysis))


def signal_input(analysis: Analysis) -> SignalInput:
    """What ``signals_from`` reads of ``analysis``: what a worker process needs of it."""
    article = analysis.article
    names = [e.canonical or e.text for e in analysis.entities if e.label in ENTITY_LABELS]
    return SignalInput(
        article_id=article.id,
        title=(article.title or "").strip(),
        text=article.text,
        lead_sentences=tuple(s.text for s in analysis.sentences[:LEAD_MAX_SENTENCES]),
        names=tuple(names) if analysis.entities else None,
        published=timestamp(article.published),
        published_at=article.published,
    )


def signals_from(given: SignalInput) -> ArticleSignals:
    """``article_signals`` of the analysis ``given`` was taken from."""
    title, text = given.title, given.text
    if given.lead_sentences:
        lead_sentences = list(given.lead_sentences)
    else:
        # The lead is at the start: splitting only its neighbourhood keeps long texts cheap.
        head = text[: 2 * LEAD_MAX_CHARS]
        lead_sentences = _split_sentences(head)[:LEAD_MAX_SENTENCES]
    lead = " ".join(lead_sentences)[:LEAD_MAX_CHARS]
    terms = Counter(_words(title) * TITLE_REPEAT + _words(lead))
    names = given.names if given.names is not None else _capitalised_runs(f"{title}\n{text}")
    return ArticleSignals(
        article_id=given.article_id,
        terms=terms,
        names=Counter(chain.from_iterable(map(_name_words, names))),
        numbers=_distinctive_numbers(f"{title}\n{text}"),
        published=given.published,
        event_day=min(lead_days(f"{title}\n{lead}", given.published_at), default=None),
    )


def raw_signals_of(inputs: Sequence[SignalInput]) -> list[RawSignals]:
    """The signals of each input as plain tuples: one task of ``map_in_chunks``."""
    raw: list[RawSignals] = []
    for given in inputs:
        signals = signals_from(given)
        raw.append(
            (
                signals.article_id,
                dict(signals.terms),
                dict(signals.names),
                signals.numbers,
                signals.published,
                signals.event_day,
            )
        )
    return raw


def from_raw(raw: RawSignals) -> ArticleSignals:
    """The ArticleSignals that ``raw_signals_of`` flattened."""
    article_id, terms, names, numbers, published, day = raw
    return ArticleSignals(article_id, Counter(terms), Counter(names), numbers, published, day)


def _words(text: str) -> list[str]:
    words = _WORD.findall(text.lower())
    if "'" in text or "’" in text:
        words = [w[:-2] if w.endswith(_POSSESSIVES) else w for w in words]
    return [w for w in words if len(w) > 2 and w not in _STOP_WORDS]


# Names recur across a stream's articles; caching their words is the cheapest speed-up.
@lru_cache(maxsize=65_536)
def _name_words(name: str) -> tuple[str, ...]:
    """A name as its whole form and its words: "Prime Minister Anselm Roth" meets "Roth"."""
    words = tuple(word for word in _words(name) if word not in _CALENDAR_WORDS)
    return (" ".join(words), *words) if len(words) > 1 else words


def _capitalised_runs(text: str) -> list[str]:
    """Cheap names: capitalised runs, minus one-word runs that merely start a sentence."""
    names = []
    for match in _CAPITALISED_RUN.finditer(text):
        back = match.start() - 1
        while back >= 0 and text[back] in " \t":
            back -= 1
        at_sentence_start = back < 0 or text[back] in '.!?"“\n'
        if at_sentence_start and " " not in match.group():
            continue
        names.append(match.group())
    return names


def _distinctive_numbers(text: str) -> frozenset[str]:
    found = set()
    for raw in _NUMBER.findall(text):
        if len(raw) == 1 and MIN_DISTINCTIVE_NUMBER > 9.0:
            continue  # a single digit: too small, no need to parse it
        plain = raw.replace(",", "").rstrip(".")
        try:
            value = float(plain)
        except ValueError:
            continue
        year_like = value.is_integer() and 1900 <= value <= 2100
        if value >= MIN_DISTINCTIVE_NUMBER and not year_like:
            found.add(plain)
    return frozenset(found)


def _split_sentences(text: str) -> list[str]:
    return [piece.strip() for piece in _SENTENCE_END.split(text) if piece.strip()]


def timestamp(published: datetime | None) -> float | None:
    """POSIX seconds of a publication time; a naive datetime is taken as UTC."""
    if published is None:
        return None
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return published.timestamp()
