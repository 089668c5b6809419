"""``report.json``: the machine-readable contract described by ``report.schema.json``."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import Any

from consilience.models import (
    Article,
    ArticleNote,
    Evidence,
    Finding,
    Report,
    StoryReport,
    Variant,
)

__all__ = ["SCHEMA_ID", "published_range", "render_json", "report_to_dict"]

SCHEMA_ID = "consilience/report@1"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _comparable(moment: datetime) -> datetime:
    # Sources mix naive and zoned times; naive ones are read as UTC so they can be ordered.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def published_range(articles: tuple[Article, ...]) -> tuple[datetime | None, datetime | None]:
    """Earliest and latest publication time among articles, or ``(None, None)``."""
    moments = [article.published for article in articles if article.published is not None]
    if not moments:
        return None, None
    return min(moments, key=_comparable), max(moments, key=_comparable)


def _note(note: ArticleNote) -> dict[str, Any]:
    return {"kind": note.kind, "text": note.text, "related": list(note.related)}


def _article(article: Article, notes: tuple[ArticleNote, ...]) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "title": article.title,
        "published": _iso(article.published),
        "url": article.url,
        "author": article.author,
        "text": article.text,
        "removed": list(article.removed),
        "notes": [_note(note) for note in notes if note.article == article.id],
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "article": evidence.article,
        "text": evidence.text,
        "start": evidence.start,
        "end": evidence.end,
    }


def _variant(variant: Variant) -> dict[str, Any]:
    # JSON has no NaN or infinity; a number that is not finite says nothing usable.
    number = variant.number
    if number is not None and not math.isfinite(number):
        number = None
    return {
        "value": variant.value,
        "number": number,
        "unit": variant.unit,
        "hedge": variant.hedge,
        "articles": list(variant.articles),
        "evidence": [_evidence(evidence) for evidence in variant.evidence],
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "kind": finding.kind,
        "status": finding.status,
        "severity": finding.severity,
        "note": finding.note,
        "about": finding.about,
        "variants": [_variant(variant) for variant in finding.variants],
        "independent_sources": finding.independent_sources,
    }


def _story(story_report: StoryReport) -> dict[str, Any]:
    story = story_report.story
    first, last = published_range(story.articles)
    outlets = sorted({article.outlet for article in story.articles if article.outlet is not None})
    return {
        "id": story.id,
        "headline": story.headline,
        "outlets": outlets,
        "first_published": _iso(first),
        "last_published": _iso(last),
        "articles": [_article(article, story_report.notes) for article in story.articles],
        "findings": [_finding(finding) for finding in story_report.findings],
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON data, stories and findings in the order given.

    >>> report_to_dict(Report(datetime(2025, 1, 2, tzinfo=UTC), ()))["schema"]
    'consilience/report@1'
    """
    # The contract promises an offset on generated_at; a naive time is taken as UTC.
    return {
        "schema": SCHEMA_ID,
        "generated_at": _comparable(report.generated_at).isoformat(),
        "skipped": [{"source": item.source, "reason": item.reason} for item in report.skipped],
        "stories": [_story(story_report) for story_report in report.stories],
    }


def render_json(report: Report) -> str:
    """``report.json`` text: two-space indent, UTF-8 kept readable, fixed key order."""
    return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False) + "\n"
