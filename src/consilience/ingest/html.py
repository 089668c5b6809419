"""HTML pages -> the article they carry (trafilatura), and HTML fragments -> plain text."""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from consilience.errors import EmptyInputError
from consilience.ingest.dates import parse_published
from consilience.models import InputFormat, RawDocument

__all__ = ["NO_ARTICLE_REASON", "html_to_text", "read_html"]

NO_ARTICLE_REASON = "no article text found in HTML"

# Tried both on test pages with nav, share links, newsletter box, "related stories" and footer:
# each kept the same article, one-sentence quote paragraphs included. Precision mode is made
# to drop borderline paragraphs, and cleaning removes leftover boilerplate later, so off.
FAVOR_PRECISION = False
# Ask htmldate for the time and zone as well as the day; a date-only value parses to midnight.
_DATE_PARAMS: dict[str, Any] = {
    "original_date": True,
    "extensive_search": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
# Elements whose text is a paragraph of its own; everything else flows inline.
BLOCK_TAGS = (
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "ol", "p", "pre", "section", "table", "tr", "ul",
)  # fmt: skip
INVISIBLE_TAGS = ("script", "style", "noscript", "template")
_UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")
_BLANK_LINES = re.compile(r"\n\s*\n")


def _parse_fragment(markup: str) -> lxml.html.HtmlElement | None:
    # Encoded with an explicit parser encoding so an embedded <?xml encoding=...?> cannot clash.
    try:
        wrapped = f"<div>{markup}</div>".encode()
        return lxml.html.fragment_fromstring(wrapped, parser=_UTF8_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError):
        return None


def _drop_invisible(root: lxml.html.HtmlElement) -> None:
    for element in list(root.iter(*INVISIBLE_TAGS)):
        element.drop_tree()


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, one paragraph per block, blank-line separated.

    >>> html_to_text("<p>One <b>two</b></p><p>Three</p>")
    'One two\\n\\nThree'
    """
    root = _parse_fragment(markup)
    if root is None:
        return ""
    _drop_invisible(root)
    # Newlines in HTML source are just spaces; line structure comes from the tags below.
    for node in root.iter():
        node.text = node.text.replace("\n", " ") if node.text else node.text
        node.tail = node.tail.replace("\n", " ") if node.tail else node.tail
    for element in root.iter(*BLOCK_TAGS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    paragraphs = []
    for block in _BLANK_LINES.split(root.text_content()):
        lines = (" ".join(line.split()) for line in block.split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _fallback_document(markup: str, source: str, url: str | None, fmt: InputFormat) -> RawDocument:
    """The text of every <p> when trafilatura finds no article (very short or odd pages)."""
    try:
        page = lxml.html.document_fromstring(markup.encode(), parser=_UTF8_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError):
        raise EmptyInputError(source, NO_ARTICLE_REASON) from None
    _drop_invisible(page)
    paragraphs = [" ".join(p.text_content().split()) for p in page.iter("p")]
    text = "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
    if not text:
        raise EmptyInputError(source, NO_ARTICLE_REASON)
    titles = [" ".join(t.text_content().split()) for t in page.iter("title", "h1")]
    return RawDocument(
        source=source, text=text, format=fmt, title=next((t for t in titles if t), None), url=url
    )


def _field(metadata: dict[str, Any], name: str) -> str | None:
    value = metadata.get(name)
    return (value.strip() or None) if isinstance(value, str) else None


def read_html(
    markup: str, source: str, url: str | None = None, fmt: InputFormat = "html"
) -> RawDocument:
    """The article of an HTML page with its title, author, outlet, date and URL.

    ``url`` is where the page came from (it helps trafilatura and wins over the canonical
    link); ``fmt`` is the format of the input that held the page ("warc" for archives).
    """
    extracted = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=FAVOR_PRECISION,
        date_extraction_params=_DATE_PARAMS,
    )
    metadata: dict[str, Any] = {}
    if extracted is not None:
        metadata = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = _field(metadata, "text")
    if text is None:
        return _fallback_document(markup, source, url, fmt)
    return RawDocument(
        source=source,
        text=text,
        format=fmt,
        title=_field(metadata, "title"),
        outlet=_field(metadata, "sitename"),
        published=parse_published(_field(metadata, "date")),
        url=url or _field(metadata, "url"),
        author=_field(metadata, "author"),
    )
