"""What reading a batch of inputs gives back: documents, and the inputs set aside."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from consilience.models import RawDocument, SkippedInput

__all__ = ["IngestResult", "merge_results"]


@dataclass(frozen=True, slots=True)
class IngestResult:
    """Documents read from one or more inputs, and the inputs (or records) set aside."""

    documents: tuple[RawDocument, ...] = ()
    skipped: tuple[SkippedInput, ...] = ()


def merge_results(results: Iterable[IngestResult]) -> IngestResult:
    """Concatenate results in order: documents after documents, skips after skips."""
    documents: list[RawDocument] = []
    skipped: list[SkippedInput] = []
    for result in results:
        documents.extend(result.documents)
        skipped.extend(result.skipped)
    return IngestResult(tuple(documents), tuple(skipped))
