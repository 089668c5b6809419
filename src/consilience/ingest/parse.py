"""Bytes of any supported format -> documents: size and emptiness checks, then one reader."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from consilience.errors import BinaryInputError, EmptyInputError, InputError
from consilience.ingest.detect import (
    BINARY_REASON,
    GZIP_MAGIC,
    WARC_GZIP_SUFFIX,
    WARC_MAGIC,
    decode_text,
    detect_text_format,
)
from consilience.ingest.feed import read_feed
from consilience.ingest.html import read_html
from consilience.ingest.jsonl import read_jsonl
from consilience.ingest.result import IngestResult
from consilience.ingest.text import read_text
from consilience.ingest.warc import read_warc
from consilience.models import RawDocument
from consilience.settings import Settings

__all__ = ["EMPTY_REASON", "ingest_bytes", "read_bytes"]

EMPTY_REASON = "empty file"


def _name_of(source: str) -> str:
    """The part of a source whose ending hints at a format: a path, or a URL's path."""
    if source.startswith(("http://", "https://")):
        return urlsplit(source).path
    return source


def ingest_bytes(
    data: bytes,
    source: str,
    settings: Settings,
    content_type: str | None = None,
    url: str | None = None,
) -> IngestResult:
    """Read one input's bytes, keeping the records of multi-record files that were set aside.

    ``url`` is where a fetched input came from; single-article documents take it as their URL.
    Raises an ``InputError`` subclass when the input as a whole cannot be read.
    """
    if len(data) > settings.max_file_bytes:
        raise InputError(
            source,
            f"input is {len(data)} bytes, larger than max_file_bytes ({settings.max_file_bytes})",
        )
    if not data.strip():
        raise EmptyInputError(source, EMPTY_REASON)
    name = _name_of(source).lower()
    if data.startswith(GZIP_MAGIC):
        if not name.endswith(WARC_GZIP_SUFFIX):
            raise BinaryInputError(source, BINARY_REASON)
        return read_warc(data, source)
    if data.startswith(WARC_MAGIC):
        return read_warc(data, source)
    text = decode_text(data, source, content_type)
    if not text.strip():
        raise EmptyInputError(source, EMPTY_REASON)
    match detect_text_format(text, name, content_type):
        case "feed":
            return read_feed(data, source)
        case "jsonl":
            return read_jsonl(text, source)
        case "html":
            return IngestResult((read_html(text, source, url=url),))
        case _:
            document = read_text(text, source)
            return IngestResult((replace(document, url=url) if url else document,))


def read_bytes(
    data: bytes, source: str, settings: Settings, content_type: str | None = None
) -> list[RawDocument]:
    """The documents in one input's bytes; records set aside are dropped (see ingest_bytes).

    >>> read_bytes(b"Storm hits coast\\nWinds rose.", "a.txt", Settings())[0].title
    'Storm hits coast'
    """
    return list(ingest_bytes(data, source, settings, content_type).documents)
