"""JSON Lines: one article object per line; a bad line is set aside, the rest are read."""

from __future__ import annotations

import json
from typing import Any

from consilience.ingest.dates import parse_published
from consilience.ingest.result import IngestResult
from consilience.models import RawDocument, SkippedInput

__all__ = ["read_jsonl"]


class _BadRecord(ValueError):
    """A line that is not an article record; the message says why."""


def _optional_text(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    return (value.strip() or None) if isinstance(value, str) else None


def _parse_record(line: str, source: str) -> RawDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _BadRecord(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise _BadRecord(f"not a JSON object but {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise _BadRecord('no "text" field (a string holding the article)')
    if not text.strip():
        raise _BadRecord('"text" is empty')
    return RawDocument(
        source=source,
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        format="jsonl",
        title=_optional_text(record, "title"),
        outlet=_optional_text(record, "outlet"),
        published=parse_published(_optional_text(record, "published")),
        url=_optional_text(record, "url"),
        author=_optional_text(record, "author"),
    )


def read_jsonl(text: str, source: str) -> IngestResult:
    """Every non-blank line as a record ``path#N`` (N counts records, not physical lines).

    >>> read_jsonl('{"text": "Rain fell."}\\n[1]', "a.jsonl").skipped[0].reason
    'line 2: not a JSON object but list'
    """
    documents: list[RawDocument] = []
    skipped: list[SkippedInput] = []
    records = [(number, line) for number, line in enumerate(text.split("\n"), 1) if line.strip()]
    for position, (line_number, line) in enumerate(records, start=1):
        record_source = f"{source}#{position}"
        try:
            documents.append(_parse_record(line, record_source))
        except _BadRecord as exc:
            skipped.append(SkippedInput(record_source, f"line {line_number}: {exc}"))
    return IngestResult(tuple(documents), tuple(skipped))
