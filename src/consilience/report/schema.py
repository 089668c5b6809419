"""The JSON schema of ``report.json`` and validation of report data against it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator

from consilience.errors import ReportError

__all__ = ["MAX_LISTED_ERRORS", "evidence_mismatches", "load_schema", "validate_report"]

SCHEMA_RESOURCE = "schema/report.schema.json"

# Enough to see a pattern (one renamed field breaks every story) without a wall of text.
MAX_LISTED_ERRORS = 5


def load_schema() -> dict[str, Any]:
    """The packaged JSON schema of ``report.json`` (a fresh copy on every call)."""
    resource = files("consilience").joinpath(SCHEMA_RESOURCE)
    try:
        loaded: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReportError(f"cannot read the packaged {SCHEMA_RESOURCE}: {exc}") from None
    return loaded


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def validate_report(data: Mapping[str, Any]) -> None:
    """Raise ``ReportError`` naming the JSON paths of the first schema violations, if any."""
    errors = list(_validator().iter_errors(data))
    if not errors:
        return
    first = errors[:MAX_LISTED_ERRORS]
    listed = "; ".join(f"{error.json_path}: {error.message}" for error in first)
    more = len(errors) - MAX_LISTED_ERRORS
    suffix = f" (and {more} more)" if more > 0 else ""
    raise ReportError(f"report data does not match {SCHEMA_RESOURCE}: {listed}{suffix}")


def _quotes_exactly(texts: Mapping[str, str], evidence: Mapping[str, Any]) -> bool:
    text = texts.get(evidence["article"])
    return text is not None and text[evidence["start"] : evidence["end"]] == evidence["text"]


def evidence_mismatches(data: Mapping[str, Any]) -> list[str]:
    """JSON paths of evidence whose text is not ``articles[...].text[start:end]``."""
    mismatches = []
    for s, story in enumerate(data.get("stories", [])):
        texts = {article["id"]: article["text"] for article in story.get("articles", [])}
        for f, finding in enumerate(story.get("findings", [])):
            for v, variant in enumerate(finding.get("variants", [])):
                for e, evidence in enumerate(variant.get("evidence", [])):
                    if not _quotes_exactly(texts, evidence):
                        mismatches.append(
                            f"$.stories[{s}].findings[{f}].variants[{v}].evidence[{e}]"
                        )
    return mismatches
