"""Write ``report.json``, ``report.md`` and ``report.html`` into one directory."""

from __future__ import annotations

import json
from pathlib import Path

from consilience.errors import ReportError
from consilience.models import Report
from consilience.report.html import render_html
from consilience.report.markdown import render_markdown
from consilience.report.schema import validate_report
from consilience.report.to_json import report_to_dict

__all__ = ["REPORT_FILE_NAMES", "write_report"]

REPORT_FILE_NAMES = ("report.json", "report.md", "report.html")


def write_report(report: Report, out_dir: Path) -> list[Path]:
    """Validate the report against its schema, then write the three files; return their paths.

    >>> write_report(report, Path("out"))  # doctest: +SKIP
    [PosixPath('out/report.json'), PosixPath('out/report.md'), PosixPath('out/report.html')]
    """
    data = report_to_dict(report)
    # Checked before anything is written, so a broken contract never reaches disk.
    validate_report(data)
    texts = (
        json.dumps(data, indent=2, ensure_ascii=False) + "\n",
        render_markdown(report),
        render_html(report),
    )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"cannot create report directory {out_dir}: {exc.strerror}") from None
    written = []
    for name, text in zip(REPORT_FILE_NAMES, texts, strict=True):
        path = out_dir / name
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ReportError(f"cannot write {path}: {exc.strerror}") from None
        written.append(path)
    return written
