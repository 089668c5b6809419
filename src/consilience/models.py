"""The data that flows through the pipeline, as frozen slotted dataclasses.

ingest -> ``RawDocument`` -> clean -> ``Article`` -> extract -> ``Analysis`` (sentences,
entities, ``Fact`` s) -> cluster -> ``Story`` -> align -> ``Slot`` -> compare -> ``Finding``
-> report -> ``Report``.

Offsets (``start``/``end``) are always character offsets into ``Article.text``, the cleaned
text, so ``article.text[start:end] == evidence.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

__all__ = [
    "Analysis",
    "Article",
    "ArticleNote",
    "Entity",
    "Evidence",
    "Fact",
    "FactKind",
    "Finding",
    "Report",
    "Role",
    "Sentence",
    "Severity",
    "SkippedInput",
    "Slot",
    "Status",
    "Story",
    "StoryReport",
    "Variant",
]

FactKind = Literal["quantity", "date", "person_role", "entity", "quote", "claim"]
Status = Literal["agreed", "conflict", "updated", "single_source"]
Severity = Literal["major", "minor"]
InputFormat = Literal["text", "html", "feed", "warc", "jsonl"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read from its source, before cleaning.

    ``source`` is the path or URL as given; a file holding many records gives ``path#N``
    with N the record's 1-based position among the file's records.
    """

    source: str
    text: str
    format: InputFormat
    title: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    url: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class SkippedInput:
    """An input set aside: which one and why, in words a user can act on."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. ``id`` is a content hash, so re-ingesting is idempotent.

    ``removed`` lists the lines cleaning took out as boilerplate, in document order.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    url: str | None = None
    author: str | None = None
    removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article's cleaned text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity mention; ``canonical`` is the story-level name it resolves to."""

    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, ...
    start: int
    end: int
    canonical: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact text that supports a fact: ``article.text[start:end] == text``."""

    article: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Role:
    """A clause participant: ``role`` is "agent", "patient", "target", "location", ..."""

    role: str
    name: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing one article states.

    ``subject`` is the normalised key alignment starts from (the counted thing for a
    quantity, the person for a role, the speaker for a quote); ``about`` is the same in
    words for a reader. ``value``/``number``/``unit``/``hedge`` describe what is stated.
    ``evidence`` is the sentence; ``span`` the exact value inside it, when there is one.
    ``attributed_to`` names who the article says made the statement when it is not the
    reporter's own (a quoted analyst, "state media").
    """

    kind: FactKind
    article: str
    subject: str
    about: str
    value: str
    evidence: Evidence
    number: float | None = None
    unit: str | None = None
    hedge: str | None = None
    span: Evidence | None = None
    attributed_to: str | None = None
    predicate: str | None = None
    roles: tuple[Role, ...] = ()
    context: tuple[str, ...] = ()  # content lemmas around the value, for alignment

    @property
    def text_order(self) -> tuple[str, int, int, str]:
        """A total order of facts by article and place in its text (ties broken by content)."""
        span_start = self.span.start if self.span is not None else self.evidence.start
        return (self.article, self.evidence.start, span_start, repr(self))


@dataclass(frozen=True, slots=True)
class Analysis:
    """What extraction found in one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one real-world event."""

    id: str
    headline: str
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Slot:
    """One thing stated by one or more articles of a story: the facts that line up."""

    kind: FactKind
    key: str
    about: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class Variant:
    """One value of a finding and the articles (with evidence) that state it."""

    value: str
    articles: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    number: float | None = None
    unit: str | None = None
    hedge: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on one slot: agreed, conflict, updated or single source."""

    id: str
    kind: FactKind
    status: Status
    about: str
    variants: tuple[Variant, ...]
    severity: Severity | None = None
    note: str | None = None
    # Articles that are near copies of one another (syndicated wire text) count once.
    independent_sources: int | None = None


@dataclass(frozen=True, slots=True)
class ArticleNote:
    """Something a reader should know about one article of a story.

    ``kind`` is "same_text" (a near copy of another article: ``related`` names it),
    "machine_text" (signs of machine-written text) or "inconsistency" (the article disagrees
    with itself).
    """

    article: str
    kind: Literal["same_text", "machine_text", "inconsistency"]
    text: str
    related: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryReport:
    """A story with its findings and per-article notes."""

    story: Story
    findings: tuple[Finding, ...]
    notes: tuple[ArticleNote, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run produced; the renderers turn this into json, md and html."""

    generated_at: datetime
    stories: tuple[StoryReport, ...]
    skipped: tuple[SkippedInput, ...] = field(default=())
