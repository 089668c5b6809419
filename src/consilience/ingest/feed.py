"""RSS and Atom feeds: every entry with text becomes one document, ``path#N``."""

from __future__ import annotations

from typing import Any

import feedparser

from consilience.errors import EmptyInputError, MalformedInputError
from consilience.ingest.dates import struct_time_to_utc
from consilience.ingest.html import html_to_text
from consilience.ingest.result import IngestResult
from consilience.models import RawDocument, SkippedInput

__all__ = ["read_feed"]


def _entry_text(entry: Any) -> str:
    """Full content when the feed carries it, else the summary; HTML reduced to text."""
    candidates: list[Any] = []
    contents = entry.get("content") or []
    if contents:
        candidates.append(contents[0])
    candidates.append(entry.get("summary_detail") or {"value": entry.get("summary", "")})
    for candidate in candidates:
        value = candidate.get("value") or ""
        kind = candidate.get("type") or "text/html"
        text = html_to_text(value) if "html" in kind else value.strip()
        if text:
            return text
    return ""


def _text_field(mapping: Any, name: str) -> str | None:
    value = mapping.get(name)
    return (value.strip() or None) if isinstance(value, str) else None


def read_feed(data: bytes, source: str) -> IngestResult:
    """Each entry of an RSS/Atom feed as a document; entries without text are skipped."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            complaint = parsed.get("bozo_exception")
            raise MalformedInputError(source, f"not a valid RSS/Atom feed: {complaint}")
        raise EmptyInputError(source, "feed has no entries")
    outlet = _text_field(parsed.get("feed") or {}, "title")
    documents: list[RawDocument] = []
    skipped: list[SkippedInput] = []
    for number, entry in enumerate(entries, start=1):
        entry_source = f"{source}#{number}"
        text = _entry_text(entry)
        if not text:
            skipped.append(SkippedInput(entry_source, "feed entry has no text"))
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        documents.append(
            RawDocument(
                source=entry_source,
                text=text,
                format="feed",
                title=_text_field(entry, "title"),
                outlet=outlet,
                published=struct_time_to_utc(published),
                url=_text_field(entry, "link"),
                author=_text_field(entry, "author"),
            )
        )
    return IngestResult(tuple(documents), tuple(skipped))
