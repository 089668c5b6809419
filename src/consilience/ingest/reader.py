"""Files, directories and URLs -> documents; an input that cannot be read is set aside."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import httpx

from consilience.errors import InputError
from consilience.ingest.parse import ingest_bytes
from consilience.ingest.result import IngestResult, merge_results
from consilience.ingest.url import fetch_url_result, is_url
from consilience.models import RawDocument, SkippedInput
from consilience.settings import Settings

__all__ = ["MISSING_REASON", "ingest_file", "read_file", "read_inputs"]

MISSING_REASON = "no such file or directory"


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def ingest_file(path: Path, settings: Settings) -> IngestResult:
    """Read one file, keeping the records of multi-record files that were set aside."""
    source = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(source, MISSING_REASON) from None
    except OSError as exc:
        raise InputError(source, f"cannot read file: {_os_reason(exc)}") from None
    if not path.is_file():
        raise InputError(source, "not a regular file (expected a file, directory or URL)")
    if size > settings.max_file_bytes:
        raise InputError(
            source, f"file is {size} bytes, larger than max_file_bytes ({settings.max_file_bytes})"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot read file: {_os_reason(exc)}") from None
    return ingest_bytes(data, source, settings)


def read_file(path: Path, settings: Settings) -> list[RawDocument]:
    """The documents in one file; records set aside are dropped (``ingest_file`` keeps them).

    Raises an ``InputError`` subclass when the file as a whole cannot be read.
    """
    return list(ingest_file(path, settings).documents)


def _set_aside(exc: InputError) -> IngestResult:
    return IngestResult(skipped=(SkippedInput(exc.source, exc.reason),))


def _read_directory(directory: Path, settings: Settings) -> IngestResult:
    """Every visible file below a directory in name order; links to directories not followed."""
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
    except OSError as exc:
        return _set_aside(InputError(str(directory), f"cannot list directory: {_os_reason(exc)}"))
    results = []
    for entry in entries:
        if entry.name.startswith("."):  # .git, .DS_Store, editor swap files
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                results.append(_read_directory(entry, settings))
        elif entry.is_file():
            try:
                results.append(ingest_file(entry, settings))
            except InputError as exc:
                results.append(_set_aside(exc))
    return merge_results(results)


def _read_input(
    item: str, settings: Settings, transport: httpx.BaseTransport | None
) -> IngestResult:
    try:
        if is_url(item):
            return fetch_url_result(item, settings, transport)
        path = Path(item)
        if path.is_dir():
            return _read_directory(path, settings)
        return ingest_file(path, settings)
    except InputError as exc:
        return _set_aside(exc)


def read_inputs(
    inputs: Sequence[str], settings: Settings, transport: httpx.BaseTransport | None = None
) -> IngestResult:
    """Read files, directories (recursively) and http(s) URLs; failures become skips.

    Directories are walked in name order, skipping hidden files and directories. One bad
    input, or one bad record inside a file, never stops the batch.
    ``transport`` replaces the network for URLs (``httpx.MockTransport`` in tests).

    >>> read_inputs(["no/such/file.txt"], Settings()).skipped[0].reason
    'no such file or directory'
    """
    return merge_results(_read_input(item, settings, transport) for item in inputs)
