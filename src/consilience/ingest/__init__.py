"""Read inputs (files, directories, URLs) in any supported format into ``RawDocument`` s.

Formats are told apart by content: plain text/Markdown, HTML, RSS/Atom, WARC, JSON Lines.
"""

from __future__ import annotations

from consilience.ingest.detect import detect_format
from consilience.ingest.parse import ingest_bytes, read_bytes
from consilience.ingest.reader import ingest_file, read_file, read_inputs
from consilience.ingest.result import IngestResult
from consilience.ingest.url import fetch_url, fetch_url_result

__all__ = [
    "IngestResult",
    "detect_format",
    "fetch_url",
    "fetch_url_result",
    "ingest_bytes",
    "ingest_file",
    "read_bytes",
    "read_file",
    "read_inputs",
]
