"""Renderers of one ``Report``: ``report.json`` (the contract), ``report.md`` and ``report.html``.

>>> write_report(report, Path("out"))  # doctest: +SKIP
"""

from __future__ import annotations

from consilience.report.html import render_html
from consilience.report.markdown import render_markdown
from consilience.report.schema import evidence_mismatches, load_schema, validate_report
from consilience.report.to_json import SCHEMA_ID, render_json, report_to_dict
from consilience.report.writer import write_report

__all__ = [
    "SCHEMA_ID",
    "evidence_mismatches",
    "load_schema",
    "render_html",
    "render_json",
    "render_markdown",
    "report_to_dict",
    "validate_report",
    "write_report",
]
