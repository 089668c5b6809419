"""Date facts: when each event happened, as ISO dates at the precision the article gives.

Absolute dates ("April 14, 2025", "14 April 2025", "2025-04-14", "April 2025"), parts of a
year ("the second quarter of 2027" -> "2027-Q2", "the first half of 2026" -> "2026-H1",
unit "period"; see ``date_periods``), weekday dates ("Monday, April 14", the year chosen so
the calendar agrees), relative dates ("on Monday", "yesterday", "last month") resolved
against the publication date (a month so counted has hedge ``RELATIVE_MONTH``), and years
("in 2025"). Each date is tied to the event it dates: the governing verb or an event noun
of its clause. A weekday that contradicts its full date is kept with hedge "weekday
mismatch".

Without a publication date, a weekday date with no year takes the year in which that
weekday falls on that date nearest the years the article mentions, else the latest such
year not after today (hedge "year inferred from weekday"); a day and month with neither a
weekday nor any year in the article stays undated, since a day needs a year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from consilience.extract.date_years import (
    WEEKDAY_MISMATCH,
    YEAR_FROM_MENTIONS,
    YEAR_FROM_WEEKDAY,
    YearAnchors,
    resolve_day,
)
from consilience.extract.events import (
    event_lemma,
    event_of_token,
    event_of_words,
    named_date_before,
)
from consilience.extract.nlp import ParsedArticle, evidence
from consilience.extract.wordforms import IRREGULAR_PAST, rough_verb_lemma
from consilience.models import Fact, Sentence

__all__ = [
    "PREVIOUS_PREFIX",
    "PREVIOUS_TIME",
    "RELATIVE_MONTH",
    "WEEKDAY_MISMATCH",
    "YEAR_FROM_MENTIONS",
    "YEAR_FROM_WEEKDAY",
    "extract_dates",
]

_MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: index
    for index, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_NAME = "|".join(n for n in _WEEKDAYS if len(n) > 3)
_WEEKDAY = rf"(?:(?P<weekday>{_WEEKDAY_NAME}),?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_DIGIT = re.compile(r"\d")
_ABSOLUTE = [
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}(?!\d|:){_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]
# Parts of a year: "the second quarter of 2027", "Q2 2027", "the first half of 2026".
_PART_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_PART_ORDINALS |= {"fourth": 4, "4th": 4, "final": 4, "last": 4}
_YEAR_PART = re.compile(
    r"\b(?:(?P<ordinal>" + "|".join(_PART_ORDINALS) + r")\s+(?P<part>quarter|half)\s+"
    r"(?:of\s+|in\s+)?(?:the\s+year\s+)?(?P<year>(?:19|20)\d\d)|"
    r"(?P<q>[QH])(?P<n>[1-4])\s+(?P<qyear>(?:19|20)\d\d)|"
    r"(?P<yearq>(?:19|20)\d\d)\s+(?P<q2>[QH])(?P<n2>[1-4]))\b",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_MONTH_ALONE = re.compile(rf"\b(?:in|since|until|by|early|late|mid-?)\s+{_MONTH}(?!\s*\d)\b", re.I)
_YEAR_ALONE = re.compile(
    r"(?:\b(?:in|of|since|during|until|by|from|early|late|mid-?)\s+|\bthe\s+(?=\d{4}\s+[a-z]))"
    r"(?P<year>(?:19|20)\d\d)\b(?!-\d|\s*(?:%|percent|people|(?!(?:was|is|has|does)\b)[a-z]+s\b))",
    re.IGNORECASE,
)
_WEEKDAY_ALONE = re.compile(rf"\b(?P<weekday>{_WEEKDAY_NAME})\b(?!,?\s+(?:the\s+)?\d)", re.I)
_RELATIVE = re.compile(
    r"\b(?P<phrase>yesterday|today|tomorrow|last night|tonight|"
    r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten) (?P<unit>days?|months?|years?) ago|"
    r"(?:earlier|later) this (?:month|year)|(?:last|this|next) (?:week|month|year))\b",
    re.IGNORECASE,
)
# What every weekday and relative phrase above contains, matched as they match it.
_DAY_WORD = re.compile(r"day|night|tomorrow|week|month|year|tues|thur", re.IGNORECASE)
_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_SMALL_NUMBERS |= {"eight": 8, "nine": 9, "ten": 10}
# Future time, also reported ("said she would begin talks on Monday") or planned.
_FUTURE = re.compile(
    r"\b(?:will|shall|would|(?:is|are|was|were) (?:set|due|going) to|plans? to|scheduled|"
    r"(?:is|are|was|were|been) planned|expected)\b",
    re.I,
)
_FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll", "’ll"})
_FUTURE_VERBS = frozenset({"set", "due", "plan", "expect", "schedule"})
# "until Monday", "until at least Monday", "until the earliest Monday" just before a date.
_UNTIL = re.compile(r"\buntil\s+(?:at\s+(?:the\s+)?(?:least|earliest)\s+)?$", re.I)
# Without a parse: a past verb before "until" ("stayed shut", "was closed"), not a participle
# after a present or perfect verb ("has closed", "remains closed", "is shut").
_PRESENT_BEFORE = "".join(
    f"(?<!{word} )" for word in ("has", "have", "is", "are", "remain", "remains", "stay", "stays")
)
_PAST_BEFORE_UNTIL = re.compile(
    rf"\b(?:was|were|had|did|stayed|remained|kept)\b|{_PRESENT_BEFORE}\b[a-z]{{3,}}ed\b", re.I
)
# Verbs that place a happening on a day: in the present tense, a coming day ("the walkout
# continues on Wednesday", "talks resume on Monday", "the court sits on Friday").
_SCHEDULE_VERBS = frozenset(
    {"begin", "start", "open", "close", "end", "finish", "continue", "resume", "meet", "hold"}
    | {"sit", "convene", "gather", "vote", "strike", "march", "run", "return", "arrive"}
    | {"leave", "travel", "fly", "visit", "launch", "play", "kick"}
)
# Steps from a date up to its verb and the verb that verb completes ("set to begin").
MAX_FUTURE_CLIMB = 6
_VERB_WORD = re.compile(r"\b(" + "|".join(IRREGULAR_PAST) + r"|[a-z]{3,}ed)\b")


# "The first title since 1998", "inflation at its highest since 2008": the date is when the
# thing last happened (or was last this high), not this event; such dates are named
# "previous time" / "previous highest" and align only with like records.
_RECORD_SINCE = re.compile(
    r"\b(?P<word>first|highest|lowest|biggest|largest|worst|best|strongest|weakest|fewest|"
    r"most|least|deadliest|busiest|longest|shortest)\b[^.;!?]{0,80}?\bsince\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "This month", "next month": a month counted from publication, said loosely near a month's
# end ("this month" on 29 May for 2 June); see align_scoring.date_score.
RELATIVE_MONTH = "month relative to publication"
PREVIOUS_PREFIX = "previous "
PREVIOUS_TIME = PREVIOUS_PREFIX + "time"


@dataclass(frozen=True, slots=True)
class _Date:
    """A date found in a sentence: offsets into the article, ISO value, precision, hedge."""

    start: int
    end: int
    value: str
    unit: str
    hedge: str | None = None


def extract_dates(parsed: ParsedArticle, today: date | None = None) -> list[Fact]:
    """Every dated event in the article, one Fact per date expression.

    ``today`` (default: the system date) bounds the year inferred for a weekday date when
    the article has no publication date and names no year.
    """
    article = parsed.article
    published = article.published.date() if article.published is not None else None
    anchors = YearAnchors(published, tuple(_mentioned_years(article.text)), today or date.today())
    facts: list[Fact] = []
    for sentence in parsed.sentences:
        future = _future_at(parsed, sentence)
        for found in _dates_in(sentence, anchors, future):
            if parsed.doc is not None and not _is_date_in_parse(parsed.doc, found):
                continue
            subject = _event_of(parsed, sentence, found)
            if subject is None:
                continue
            span = evidence(article, found.start, found.end)
            facts.append(
                Fact(
                    kind="date",
                    article=article.id,
                    subject=subject,
                    about=f"date of the {subject}",
                    value=found.value,
                    evidence=evidence(article, sentence.start, sentence.end),
                    unit=found.unit,
                    hedge=found.hedge,
                    span=span,
                )
            )
    return facts


def _mentioned_years(text: str) -> list[int]:
    """Years the article names in its prose (not inside links, which date other pages)."""
    return [
        int(m.group(1))
        for m in re.finditer(r"(?<![\d.,$-])((?:19|20)\d\d)(?![\d%-])", text)
        if not _in_url(text, m.start(1), m.end(1))
    ]


def _dates_in(
    sentence: Sentence, anchors: YearAnchors, future_at: Callable[[int], bool]
) -> list[_Date]:
    text, base = sentence.text, sentence.start
    published = anchors.published
    found: list[_Date] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: str, unit: str, hedge: str | None = None) -> None:
        if any(s < end and start < e for s, e in taken) or _in_url(text, start, end):
            return
        taken.append((start, end))
        found.append(_Date(base + start, base + end, value, unit, hedge))

    # Every absolute date, part of a year and year needs a digit; most sentences have none.
    with_digits = _DIGIT.search(text) is not None
    for pattern in _ABSOLUTE if with_digits else ():
        for m in pattern.finditer(text):
            resolved = _resolve_match(m, anchors, future_at(base + m.start()))
            if resolved is not None:
                add(m.start(), m.end(), resolved[0].isoformat(), "day", resolved[1])
    for m in _YEAR_PART.finditer(text) if with_digits else ():
        part = _year_part(m)
        if part is not None:
            add(m.start(), m.end(), part, "period")
    for m in _MONTH_YEAR.finditer(text) if with_digits else ():
        add(m.start("month"), m.end(), f"{m.group('year')}-{_month(m):02d}", "month")
    for m in _YEAR_ALONE.finditer(text) if with_digits else ():
        add(m.start("year"), m.end("year"), m.group("year"), "year")
    if published is not None:
        for m in _MONTH_ALONE.finditer(text):
            year = _year_of_month(_month(m), published, future_at(base + m.start()))
            add(m.start("month"), m.end("month"), f"{year}-{_month(m):02d}", "month")
        # A weekday or relative phrase names a day, night, week, month or year (or "tues",
        # "thur", "tomorrow"); most sentences name none.
        with_day_words = _DAY_WORD.search(text) is not None
        for m in _WEEKDAY_ALONE.finditer(text) if with_day_words else ():
            weekday = _WEEKDAYS[m.group("weekday").lower()]
            day = _weekday_near(published, weekday, future_at(base + m.start()))
            add(m.start(), m.end(), day.isoformat(), "day")
        for m in _RELATIVE.finditer(text) if with_day_words else ():
            relative = _relative(m, published)
            if relative is not None:
                loose = relative[1] == "month" and "month" in m.group("phrase").lower()
                add(m.start(), m.end(), relative[0], relative[1], RELATIVE_MONTH if loose else None)
    return found


def _year_part(m: re.Match[str]) -> str | None:
    """ "2027-Q2" for "the second quarter of 2027", "2026-H1" for "the first half of 2026"."""
    if m.group("ordinal"):
        letter, number = m.group("part")[0].upper(), _PART_ORDINALS[m.group("ordinal").lower()]
        year = m.group("year")
        if letter == "H" and number == 4:  # "the last half": the second
            number = 2
    else:
        letter = (m.group("q") or m.group("q2")).upper()
        number = int(m.group("n") or m.group("n2"))
        year = m.group("qyear") or m.group("yearq")
    if letter == "H" and number > 2:
        return None  # "third half" is no half
    return f"{year}-{letter}{number}"


def _in_url(text: str, start: int, end: int) -> bool:
    """Dates inside links ("/news/2022-11-08/...") date the page, not an event."""
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", end)
    word = text[left : right if right != -1 else len(text)]
    return "/" in word or "www." in word


def _month(m: re.Match[str]) -> int:
    raw = m.group("month").lower().rstrip(".")
    return int(raw) if raw.isdigit() else _MONTHS[raw]


def _resolve_match(
    m: re.Match[str], anchors: YearAnchors, future: bool
) -> tuple[date, str | None] | None:
    groups = m.groupdict()
    weekday = _WEEKDAYS[groups["weekday"].lower()] if groups.get("weekday") else None
    year = int(groups["year"]) if groups.get("year") else None
    return resolve_day(year, _month(m), int(m.group("day")), weekday, anchors, future)


def _year_of_month(month: int, published: date, future: bool) -> int:
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _weekday_near(published: date, weekday: int, future: bool) -> date:
    """News style: a bare weekday is the one in the week around publication."""
    if future:
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _relative(m: re.Match[str], published: date) -> tuple[str, str] | None:
    """ISO value and precision of a relative phrase; a week is kept only as its month."""
    phrase = m.group("phrase").lower()
    if phrase in ("yesterday", "last night"):
        return (published - timedelta(days=1)).isoformat(), "day"
    if phrase in ("today", "tonight"):
        return published.isoformat(), "day"
    if phrase == "tomorrow":
        return (published + timedelta(days=1)).isoformat(), "day"
    if m.group("n"):
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else _SMALL_NUMBERS[raw]
        unit = m.group("unit").lower().rstrip("s")
        if unit == "day":
            return (published - timedelta(days=n)).isoformat(), "day"
        if unit == "month":
            months = published.year * 12 + published.month - 1 - n
            return f"{months // 12}-{months % 12 + 1:02d}", "month"
        return str(published.year - n), "year"
    shift = -1 if phrase.startswith("last") else 1 if phrase.startswith("next") else 0
    if phrase.endswith("year"):
        return str(published.year + shift), "year"
    if phrase.endswith("month"):
        months = published.year * 12 + published.month - 1 + shift
        return f"{months // 12}-{months % 12 + 1:02d}", "month"
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
    sunday = monday + timedelta(days=6)
    if monday.month != sunday.month:
        return None  # a week across two months has no single month to report
    return f"{monday.year}-{monday.month:02d}", "month"


# --- tense and event ---------------------------------------------------------------------


def _future_at(parsed: ParsedArticle, sentence: Sentence) -> Callable[[int], bool]:
    """Whether the clause holding a date at an offset speaks of the future: a future marker,
    a state that lasts "until" the date and is not over ("has closed until Monday"), or a
    weekday in the present tense ("the hearing, which resumes on Thursday")."""
    marked = _marked_future_at(parsed, sentence)
    return lambda offset: (
        marked(offset)
        or _open_until(parsed, sentence, offset)
        or _present_weekday(parsed, sentence, offset)
    )


def _present_weekday(parsed: ParsedArticle, sentence: Sentence, offset: int) -> bool:
    """A bare weekday on a verb in the present tense ("continues on Wednesday", "are
    striking on Friday", "is held on Monday") is the coming one: news tells past days in the
    past tense. Only a verb that places a happening in time counts (not a state: "represents
    a premium to the closing price on Friday", "are up from 31 on Wednesday"), only a
    weekday that modifies it directly ("Friday's close" does not), and never in a headline
    (no full stop), which tells the past in the present."""
    doc = parsed.doc
    if doc is None or not sentence.text.rstrip().endswith((".", "!", "?", '"', "”")):
        return False
    weekday = _WEEKDAY_ALONE.match(parsed.article.text, offset)
    if weekday is None or parsed.article.text.startswith(("'s", "’s"), weekday.end()):
        return False
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    verb = _verb_of_adverbial(span.root) if span is not None else None
    if verb is None or str(verb.lemma_).lower() not in _SCHEDULE_VERBS:
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ in ("VBG", "VBN") and any(
        child.dep_ in ("aux", "auxpass")
        and child.tag_ in ("VBZ", "VBP")
        and str(child.lemma_).lower() == "be"
        for child in verb.children
    )


def _open_until(parsed: ParsedArticle, sentence: Sentence, offset: int) -> bool:
    """ "Closed until at least Monday" in the present or perfect: the end lies ahead, unless
    the verb is past ("stayed shut until Monday", "was closed until Monday")."""
    before = sentence.text[: offset - sentence.start]
    if _UNTIL.search(before) is None:
        return False
    doc = parsed.doc
    if doc is None:
        return _PAST_BEFORE_UNTIL.search(before) is None
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    verb = _verb_above(span.root, sentence.start, sentence.end) if span is not None else None
    if verb is None:
        return False
    while verb.dep_ in ("acomp", "xcomp", "oprd") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "stayed closed until Monday": the tense is the governing verb's
    return verb.tag_ != "VBD" and not any(
        child.dep_ in ("aux", "auxpass") and child.tag_ == "VBD" for child in verb.children
    )


def _verb_of_adverbial(date: Any) -> Any | None:
    """The verb a date modifies directly ("continues on Wednesday", "meets Friday"), or
    None when the date hangs on a noun or sits deeper in the clause."""
    head = date.head.head if date.head.dep_ == "prep" else date.head
    return head if head.i != date.i and head.pos_ in ("VERB", "AUX") else None


def _verb_above(token: Any, start: int, end: int) -> Any | None:
    for _ in range(MAX_FUTURE_CLIMB):
        head = token.head
        if head.i == token.i or not start <= head.idx < end:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        token = head
    return None


def _marked_future_at(parsed: ParsedArticle, sentence: Sentence) -> Callable[[int], bool]:
    """Whether a future marker governs the date at an offset.

    Without a parse the whole sentence decides; with one, only the verb the date hangs on
    does, so "the walkout, which began on Friday, will go on" keeps Friday in the past.
    """
    if _FUTURE.search(sentence.text) is None:
        return lambda _offset: False
    doc = parsed.doc
    if doc is None:
        return lambda offset: _future_before(sentence, offset)

    def future_at(offset: int) -> bool:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span is None or _verb_is_future(span.root, sentence.start, sentence.end)

    return future_at


def _future_before(sentence: Sentence, offset: int) -> bool:
    """Without a parse: a future marker before the date with no past-tense verb between
    ("said she would begin talks on Monday", not "stopped on Friday and would stay out")."""
    before = sentence.text[: offset - sentence.start]
    markers = list(_FUTURE.finditer(before))
    if not markers:
        return False
    return _VERB_WORD.search(before[markers[-1].end() :].lower()) is None


def _verb_is_future(token: Any, start: int, end: int) -> bool:
    """True when the verb a date hangs on (or the verb it completes) has a future marker."""
    verbs_seen = 0
    for _ in range(MAX_FUTURE_CLIMB):
        head = token.head
        if head.i == token.i or not start <= head.idx < end:
            return False
        if head.pos_ in ("VERB", "AUX"):
            verbs_seen += 1
            marked = any(
                child.dep_ == "aux" and str(child.lemma_).lower() in _FUTURE_AUXILIARIES
                for child in head.children
            )
            if marked or str(head.lemma_).lower() in _FUTURE_VERBS:
                return True
            if head.dep_ != "xcomp" or verbs_seen > 1:
                return False  # "is set to begin talks on Monday": look one verb up
        elif head.pos_ == "ADJ" and token.dep_ == "xcomp":
            return str(head.lemma_).lower() in _FUTURE_VERBS  # "is due to meet on Thursday"
        token = head
    return False


def _is_date_in_parse(doc: Any, found: _Date) -> bool:
    """With a model, a date must not sit inside a name ("the May 4th Movement")."""
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None:
        return False
    return not any(t.ent_type_ in ("ORG", "PERSON", "WORK_OF_ART", "LAW") for t in span)


def _event_of(parsed: ParsedArticle, sentence: Sentence, found: _Date) -> str | None:
    before = parsed.article.text[sentence.start : found.start]
    record = _RECORD_SINCE.search(before)
    if record is not None:  # "the first title since 1998": when it last happened
        word = record.group("word").lower()
        return PREVIOUS_TIME if word == "first" else f"{PREVIOUS_PREFIX}{word}"
    named = named_date_before(before)
    if named is not None:
        return named  # "best-before dates up to 24 October": the date of that named date
    if parsed.doc is not None:
        span = parsed.doc.char_span(found.start, found.end, alignment_mode="expand")
        event = event_of_token(span.root, sentence.start, sentence.end) if span else None
        if event is not None and event not in ("be", "have"):
            return event
        # "In 2023, it was the only country that ...": the copula dates nothing; look around
        return _event_by_rules(parsed.article.text, sentence, found) or event
    return _event_by_rules(parsed.article.text, sentence, found)


def _event_by_rules(text: str, sentence: Sentence, found: _Date) -> str | None:
    """Nearest event noun in the sentence, else the nearest past-tense verb."""
    words = [
        (m.start() + sentence.start, m.group().lower())
        for m in re.finditer(r"[A-Za-z]+", sentence.text)
    ]
    event = event_of_words(words, found.start, sentence.text, sentence.start)
    if event is not None:
        return event
    verbs = [
        (abs(sentence.start + m.start() - found.start), m.group(1))
        for m in _VERB_WORD.finditer(sentence.text.lower())
        if m.group(1) not in ("need", "speed", "hundred")
    ]
    return event_lemma(rough_verb_lemma(min(verbs)[1]), sentence.text) if verbs else None
