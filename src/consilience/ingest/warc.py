"""WARC web archives: every successful HTML response is one article, ``path#N``."""

from __future__ import annotations

import io
import zlib
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from consilience.errors import EmptyInputError, InputError, MalformedInputError
from consilience.ingest.detect import decode_text
from consilience.ingest.html import read_html
from consilience.ingest.result import IngestResult
from consilience.models import RawDocument, SkippedInput

__all__ = ["read_warc"]


class _DamagedRecord(ValueError):
    """A record warcio let through although it is not a WARC record."""


# What a truncated or corrupt archive raises from inside warcio (and gzip under it). warcio is
# lenient: garbage where HTTP headers belong surfaces as an AttributeError from its parser.
_MALFORMED = (
    ArchiveLoadFailed,
    AttributeError,
    StatusAndHeadersParserException,
    ChunkedDataException,
    zlib.error,
    EOFError,
    ValueError,
    OSError,
)


def _is_article(record: Any) -> bool:
    """A 2xx HTTP response whose body is HTML; redirects, errors and assets are not articles."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    status = record.http_headers.get_statuscode() or ""
    return "html" in content_type and status.startswith("2")


def _read_record(record: Any, source: str) -> RawDocument:
    payload = record.content_stream().read()
    content_type = record.http_headers.get_header("Content-Type")
    markup = decode_text(payload, source, content_type)
    if not markup.strip():
        raise EmptyInputError(source, "empty HTML response")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return read_html(markup, source, url=url, fmt="warc")


def read_warc(data: bytes, source: str) -> IngestResult:
    """The HTML responses of a WARC file (plain or gzipped) as documents."""
    documents: list[RawDocument] = []
    skipped: list[SkippedInput] = []
    position = 0
    damaged = 1  # the record being read when the archive turns out to be damaged
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if not record.rec_type:
                raise _DamagedRecord("a record has no WARC-Type header")
            if not _is_article(record):
                continue
            position += 1
            damaged = position
            try:
                documents.append(_read_record(record, f"{source}#{position}"))
            except InputError as exc:
                skipped.append(SkippedInput(exc.source, exc.reason))
            damaged = position + 1
    except _MALFORMED as exc:
        if not documents and not skipped:
            raise MalformedInputError(source, f"not a valid WARC file: {exc}") from None
        # The records before the damage are good; say where reading stopped.
        skipped.append(SkippedInput(f"{source}#{damaged}", f"malformed WARC record: {exc}"))
    if position == 0:
        raise EmptyInputError(source, "WARC file holds no HTML responses")
    return IngestResult(tuple(documents), tuple(skipped))
