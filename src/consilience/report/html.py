"""``report.html``: one self-contained page (inline CSS, no scripts, no network requests)."""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, TemplateError

from consilience.errors import ReportError
from consilience.models import Report
from consilience.report.view import SECTION_TITLES, build_view

__all__ = ["render_html"]

TEMPLATE_NAME = "report.html.j2"

# Only web links are offered; "javascript:" or "file:" URLs from an input are not followed.
LINKABLE_SCHEMES = frozenset({"http", "https"})


def web_link(url: str | None) -> str | None:
    """The URL if it is an http(s) link a reader may follow, else ``None``."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in LINKABLE_SCHEMES else None


@cache
def _environment() -> Environment:
    # autoescape=True: every article string is untrusted input and reaches the page escaped.
    environment = Environment(
        loader=PackageLoader("consilience.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["web_link"] = web_link
    return environment


def render_html(report: Report) -> str:
    """``report.html`` text: the same sections as Markdown, conflicts side by side."""
    try:
        template = _environment().get_template(TEMPLATE_NAME)
        return template.render(view=build_view(report), titles=SECTION_TITLES)
    except TemplateError as exc:
        raise ReportError(f"cannot render {TEMPLATE_NAME}: {exc}") from None
