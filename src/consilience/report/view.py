"""What a reader sees of a ``Report``: the sections both Markdown and HTML render.

Building the view once keeps the two human formats saying the same thing in the same order.
Conflicts and updates list findings of every kind, because they are what a reader came for;
quotes, people and dates have their own sections, so the agreed and single-source sections
list only the other kinds (figures, entities, claims) instead of repeating them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from consilience.models import (
    Article,
    ArticleNote,
    Evidence,
    Finding,
    Report,
    StoryReport,
    Variant,
)
from consilience.report.to_json import published_range

__all__ = [
    "SECTION_TITLES",
    "ArticleView",
    "FindingView",
    "QuoteView",
    "ReportView",
    "Section",
    "StoryView",
    "TimelineEntry",
    "VariantView",
    "build_view",
    "show_time",
]

# Section keys and titles, in the order every human-readable report shows them.
SECTION_TITLES: dict[str, str] = {
    "conflicts": "Conflicts",
    "updated": "Updated figures",
    "agreed": "Agreed facts",
    "single_source": "Single-source claims",
    "quotes": "Quotes",
    "people": "People and roles",
    "timeline": "Timeline",
    "notes": "Per-article notes",
}

KIND_NAMES = {
    "quantity": "figure",
    "date": "date",
    "person_role": "role",
    "entity": "entity",
    "quote": "quote",
    "claim": "claim",
}

STATUS_NAMES = {
    "agreed": "agreed",
    "conflict": "conflict",
    "updated": "updated",
    "single_source": "single source",
}

# Sections listing one kind of finding whatever its status.
SECTION_KINDS = {"quotes": "quote", "people": "person_role", "timeline": "date"}

# Kinds with a section of their own; agreed/single-source sections leave them out.
OWN_SECTION_KINDS = frozenset(SECTION_KINDS.values())

# Sections laid out as a table or list of articles rather than as findings.
OWN_LAYOUT_SECTIONS = frozenset({"timeline", "notes"})


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article as listed under its story."""

    id: str
    label: str
    source: str
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None
    author: str | None
    removed: tuple[str, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteView:
    """An evidence sentence split around the stated value so renderers can highlight it."""

    label: str
    before: str
    highlight: str
    after: str

    @property
    def text(self) -> str:
        """The whole sentence."""
        return self.before + self.highlight + self.after


@dataclass(frozen=True, slots=True)
class VariantView:
    """One stated value, who states it, and the sentences that say so."""

    value: str
    hedge: str | None
    outlets: tuple[str, ...]
    published: str | None
    quotes: tuple[QuoteView, ...]


@dataclass(frozen=True, slots=True)
class FindingView:
    """A finding with article ids turned into outlet names."""

    id: str
    kind: str
    status: str
    status_name: str
    severity: str | None
    note: str | None
    about: str
    support: int
    variants: tuple[VariantView, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated value of the story."""

    value: str
    about: str
    status: str
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """A titled group of findings; the timeline and per-article notes have their own shape."""

    key: str
    title: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True, slots=True)
class StoryView:
    """Everything shown for one story, sections already in reading order."""

    id: str
    headline: str
    outlets: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    articles: tuple[ArticleView, ...]
    sections: tuple[Section, ...]
    timeline: tuple[TimelineEntry, ...]
    notes: tuple[ArticleView, ...]


@dataclass(frozen=True, slots=True)
class ReportView:
    """The whole human-readable report."""

    generated_at: str
    skipped: tuple[tuple[str, str], ...]
    stories: tuple[StoryView, ...]

    @property
    def article_count(self) -> int:
        """Articles across all stories."""
        return sum(len(story.articles) for story in self.stories)


def show_time(moment: datetime | None) -> str | None:
    """A date and time for people: minutes, with the zone name when there is one."""
    if moment is None:
        return None
    return f"{moment:%Y-%m-%d %H:%M} {moment.tzname() or ''}".strip()


def _labels(articles: tuple[Article, ...]) -> dict[str, str]:
    # Two articles of one outlet get numbered, so every label names exactly one article.
    names = [article.outlet or _short_source(article.source) for article in articles]
    if len(set(names)) < len(names) and not any(article.outlet for article in articles):
        names = [article.source for article in articles]  # file names clash: keep full paths
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for article, name in zip(articles, names, strict=True):
        if names.count(name) > 1:
            seen[name] = seen.get(name, 0) + 1
            name = f"{name} #{seen[name]}"
        labels[article.id] = name
    return labels


def _short_source(source: str) -> str:
    """A file's name (with its ``#N`` record number) or a URL as given: paths are long."""
    if "://" in source:
        return source
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def _split_at_value(sentence: str, value: str) -> tuple[str, str, str]:
    """The sentence around the value, preferring a whole-word match ("5" not inside "15")."""
    needle = value.strip()
    if not needle:
        return sentence, "", ""
    whole = re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", sentence, re.IGNORECASE)
    match = whole or re.search(re.escape(needle), sentence, re.IGNORECASE)
    if match is None:
        return sentence, "", ""
    return sentence[: match.start()], match.group(), sentence[match.end() :]


def _quote(evidence: Evidence, value: str, labels: dict[str, str]) -> QuoteView:
    before, highlight, after = _split_at_value(evidence.text, value)
    return QuoteView(labels.get(evidence.article, evidence.article), before, highlight, after)


def _variant(variant: Variant, labels: dict[str, str], articles: dict[str, Article]) -> VariantView:
    outlets = tuple(dict.fromkeys(labels.get(aid, aid) for aid in variant.articles))
    stated_by = tuple(articles[aid] for aid in variant.articles if aid in articles)
    first, _last = published_range(stated_by)
    return VariantView(
        value=variant.value,
        hedge=variant.hedge,
        outlets=outlets,
        published=show_time(first),
        quotes=tuple(_quote(evidence, variant.value, labels) for evidence in variant.evidence),
    )


def _finding(finding: Finding, labels: dict[str, str], articles: dict[str, Article]) -> FindingView:
    support = {aid for variant in finding.variants for aid in variant.articles}
    return FindingView(
        id=finding.id,
        kind=KIND_NAMES.get(finding.kind, finding.kind),
        status=finding.status,
        status_name=STATUS_NAMES.get(finding.status, finding.status),
        severity=finding.severity,
        note=finding.note,
        about=finding.about,
        support=len(support),
        variants=tuple(_variant(variant, labels, articles) for variant in finding.variants),
    )


def _date_order(value: str) -> tuple[int, str]:
    """Dates that parse come first, in time order; the rest follow alphabetically."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(value.strip()[:10]), datetime.min.time())
        except ValueError:
            return 1, value.lower()
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return 0, moment.isoformat()


def _timeline(findings: tuple[FindingView, ...]) -> tuple[TimelineEntry, ...]:
    entries = [
        TimelineEntry(variant.value, finding.about, finding.status_name, variant.outlets)
        for finding in findings
        for variant in finding.variants
    ]
    return tuple(sorted(entries, key=lambda entry: _date_order(entry.value)))


def _note_text(note: ArticleNote, labels: dict[str, str]) -> str:
    if note.related:
        return f"{note.text} " + ", ".join(labels.get(other, other) for other in note.related)
    return note.text


def _article(
    article: Article, label: str, notes: tuple[ArticleNote, ...], labels: dict[str, str]
) -> ArticleView:
    return ArticleView(
        id=article.id,
        label=label,
        source=article.source,
        outlet=article.outlet,
        title=article.title,
        published=show_time(article.published),
        url=article.url,
        author=article.author,
        removed=article.removed,
        notes=tuple(_note_text(note, labels) for note in notes if note.article == article.id),
    )


def _in_section(key: str, finding: Finding) -> bool:
    """Whether the section ``key`` lists the finding."""
    if key == "conflicts":
        return finding.status == "conflict"
    if key in {"updated", "agreed", "single_source"}:
        return finding.status == key and (key == "updated" or finding.kind not in OWN_SECTION_KINDS)
    return SECTION_KINDS.get(key) == finding.kind


def _story(story_report: StoryReport) -> StoryView:
    story = story_report.story
    labels = _labels(story.articles)
    by_id = {article.id: article for article in story.articles}
    found = [(f, _finding(f, labels, by_id)) for f in story_report.findings]

    sections = tuple(
        Section(key, title, tuple(view for finding, view in found if _in_section(key, finding)))
        for key, title in SECTION_TITLES.items()
        if key not in OWN_LAYOUT_SECTIONS
    )
    dated = tuple(view for finding, view in found if _in_section("timeline", finding))
    articles = tuple(
        _article(article, labels[article.id], story_report.notes, labels)
        for article in story.articles
    )
    first, last = published_range(story.articles)
    outlets = sorted({article.outlet for article in story.articles if article.outlet is not None})
    return StoryView(
        id=story.id,
        headline=story.headline,
        outlets=tuple(outlets),
        first_published=show_time(first),
        last_published=show_time(last),
        articles=articles,
        sections=sections,
        timeline=_timeline(dated),
        notes=tuple(article for article in articles if article.removed or article.notes),
    )


def build_view(report: Report) -> ReportView:
    """Turn a report into the sections people read, stories in the order given."""
    return ReportView(
        generated_at=show_time(report.generated_at) or "",
        skipped=tuple((item.source, item.reason) for item in report.skipped),
        stories=tuple(_story(story_report) for story_report in report.stories),
    )
