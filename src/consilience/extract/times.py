"""Times of day as date facts: "at 3:12am", "shortly after 7 p.m.", "at 14:30 local time".

A clock time dates an event within its day, and outlets get it wrong as they get dates
wrong, so it is a date fact with unit ``TIME_UNIT`` tied to its event the way a date is
(the event noun or verb of its clause). Its value is the time alone, written on the
12-hour clock as newsrooms write it ("3:12am", "7pm", "2:30pm" for "14:30"): the day is a
separate date fact, and a time never aligns with a day. Hedges widen the time when
compared: "about"/"around" (``ABOUT``), "shortly after"/"just after" (``AFTER``), "shortly
before"/"just before" (``BEFORE``); see ``time_window``.

Left out: deadlines and spans ("by 8pm", "until 6pm", "from 9am to 5pm", "between"),
times in another zone given in brackets ("(1900 GMT)"), and recurring times ("every day
at 6pm").
"""

from __future__ import annotations

import re
from typing import Any

from consilience.extract.events import LIGHT_VERBS, event_of_token, event_of_words
from consilience.extract.nlp import ParsedArticle, evidence
from consilience.models import Fact, Sentence

__all__ = [
    "ABOUT",
    "AFTER",
    "BEFORE",
    "TIME_UNIT",
    "clock_value",
    "extract_times",
    "minutes_of",
    "time_window",
    "times_agree",
]

TIME_UNIT = "time"
ABOUT = "about"
AFTER = "shortly after"
BEFORE = "shortly before"
# Minutes a hedged time may lie from the stated one: "about 7.10pm" is 6:55-7:25pm,
# "shortly after 7pm" is 7:00-7:30pm. A plain time is taken as stated.
ABOUT_MINUTES = 15
SHORTLY_MINUTES = 30
_DAY_MINUTES = 24 * 60

_HEDGES = {
    "about": ABOUT, "around": ABOUT, "approximately": ABOUT, "roughly": ABOUT, "some": ABOUT,
    "shortly after": AFTER, "just after": AFTER, "soon after": AFTER, "moments after": AFTER,
    "shortly before": BEFORE, "just before": BEFORE, "moments before": BEFORE,
}  # fmt: skip
_HEDGE = (
    r"(?P<hedge>(?:shortly|just|soon|moments)\s+(?:after|before)|"
    r"about|around|approximately|roughly)"
)
_CLOCK = (
    r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*"
    r"(?P<half>[ap]\.?m\b\.?)"
)
_TWENTY_FOUR = r"(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?!\s*[ap]\.?m\b)(?![\d:])"
_TIME = re.compile(
    rf"\b(?P<lead>(?:at\s+)?(?:{_HEDGE}\s+)?(?:at\s+)?)"
    rf"(?:{_CLOCK}|{_TWENTY_FOUR})",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# Words before a time that make it a deadline, a span or a routine, not the time of an event.
_NOT_AN_EVENT = re.compile(
    r"\b(?:by|until|till|from|between|and|to|every|each|daily|before|after|since)\s+$",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"^(?:It|This|That)\b")
# "(1900 GMT)", "19:00 UTC": another clock's time for the same moment.
_OTHER_ZONE = re.compile(r"^\s*(?:GMT|UTC|BST|CET|EST|ET|PT)\b")


def extract_times(parsed: ParsedArticle) -> list[Fact]:
    """One date fact per clock time of an event the article states."""
    article = parsed.article
    facts: list[Fact] = []
    for sentence in parsed.sentences:
        if _DIGIT.search(sentence.text) is None:
            continue  # every clock time has a digit; most sentences have none
        for m in _TIME.finditer(sentence.text):
            found = _clock(m)
            if found is None:
                continue
            lead = m.group("lead") or ""
            hedge = _HEDGES.get(" ".join((m.group("hedge") or "").lower().split()))
            if hedge is None and not lead.strip() and m.group("hour24") is not None:
                continue  # a bare "3:12" may be a ratio or a score; "at 14:30" is a time
            before = sentence.text[: m.start()]
            if _NOT_AN_EVENT.search(before) or _OTHER_ZONE.match(sentence.text[m.end() :]):
                continue
            # The span is the time with its hedge ("shortly after 7pm"), without "at".
            first = m.start("hedge") if m.group("hedge") else m.start() + len(lead)
            span = evidence(article, sentence.start + first, sentence.start + m.end())
            event = _event_of(parsed, sentence, span.start, span.end)
            if event is None:
                continue
            facts.append(
                Fact(
                    kind="date",
                    article=article.id,
                    subject=event,
                    about=f"time of the {event}",
                    value=found,
                    evidence=evidence(article, sentence.start, sentence.end),
                    unit=TIME_UNIT,
                    hedge=hedge,
                    span=span,
                )
            )
    return facts


def _clock(m: re.Match[str]) -> str | None:
    """The time as "3:12am" / "7pm", or None when it is no time of day."""
    if m.group("hour24") is not None:
        hour, minute = int(m.group("hour24")), int(m.group("minute24"))
    else:
        hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
        if not 1 <= hour <= 12:
            return None
        pm = m.group("half").lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    half = "pm" if hour >= 12 else "am"
    shown = hour % 12 or 12
    return f"{shown}:{minute:02d}{half}" if minute else f"{shown}{half}"


_WRITTEN_TIME = re.compile(
    rf"(?:{_CLOCK}|{_TWENTY_FOUR})(?:\s*(?:local\s+time|gmt|utc|hrs|h))?", re.IGNORECASE
)


def clock_value(text: str) -> str | None:
    """A written time as extract_times writes its value ("07:42" and "7:42 a.m." -> "7:42am",
    "19:42" -> "7:42pm"), or None when the text is no time alone."""
    m = _WRITTEN_TIME.fullmatch(text.strip())
    return _clock(m) if m is not None else None


def minutes_of(value: str) -> int | None:
    """Minutes after midnight of a time value ("3:12am" -> 192), None when it is none."""
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?([ap]m)", value)
    if m is None:
        return None
    hour = int(m.group(1)) % 12 + (12 if m.group(3) == "pm" else 0)
    return hour * 60 + int(m.group(2) or 0)


def time_window(value: str, hedge: str | None) -> tuple[int, int] | None:
    """The minutes after midnight a time may stand for, given its hedge."""
    at = minutes_of(value)
    if at is None:
        return None
    if hedge == ABOUT:
        return at - ABOUT_MINUTES, at + ABOUT_MINUTES
    if hedge == AFTER:
        return at, at + SHORTLY_MINUTES
    if hedge == BEFORE:
        return at - SHORTLY_MINUTES, at
    return at, at


def _event_of(parsed: ParsedArticle, sentence: Sentence, start: int, end: int) -> str | None:
    """The event the time dates: as for dates, the event noun or verb of its clause."""
    doc: Any = parsed.doc
    event = None
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        event = event_of_token(span.root, sentence.start, sentence.end) if span else None
        if event is not None and event not in LIGHT_VERBS:
            return event
    # "The quake hit just after 3am": a verb that only places an event names it less well
    # than the event noun of the sentence, or for "It struck at 3:12am" of the one before.
    noun = _event_noun(sentence.text, sentence.start, start)
    if noun is None and _PRONOUN_SUBJECT.match(sentence.text):
        previous = [s for s in parsed.sentences if s.end <= sentence.start]
        if previous:
            noun = _event_noun(previous[-1].text, previous[-1].start, previous[-1].end)
    return noun or (event if event not in ("be", "have") else None)


def _event_noun(text: str, base: int, near: int) -> str | None:
    words = [(m.start() + base, m.group().lower()) for m in re.finditer(r"[A-Za-z]+", text)]
    return event_of_words(words, near, text, base)


def times_agree(a: Fact, b: Fact) -> bool:
    """Whether two time facts may state one moment: their hedged windows overlap."""
    if a.unit != TIME_UNIT or b.unit != TIME_UNIT:
        return False
    window_a, window_b = time_window(a.value, a.hedge), time_window(b.value, b.hedge)
    if window_a is None or window_b is None:
        return a.value == b.value
    return window_a[0] <= window_b[1] and window_b[0] <= window_a[1]
