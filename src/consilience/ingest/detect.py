"""Which format an input is in, decided by its content; its name and type only break ties."""

from __future__ import annotations

import codecs
import json
import re

from consilience.errors import BinaryInputError
from consilience.models import InputFormat

__all__ = ["BINARY_REASON", "decode_text", "detect_format", "detect_text_format"]

BINARY_REASON = "binary data, not text (expected text, HTML, RSS/Atom, WARC or JSON Lines)"

# Text files never hold NUL bytes; 8 KB is the window `file`/git use for the same test.
BINARY_SNIFF_BYTES = 8192
# Feeds name their root element right after the XML declaration and perhaps a comment or two.
FEED_SNIFF_CHARS = 1024
# HTML pages open <body> or a first <p> early; 2 KB covers a typical <head> of meta tags.
HTML_SNIFF_CHARS = 2048
# A charset is declared in the first bytes of a page (the HTML spec says within 1024 bytes).
CHARSET_SNIFF_BYTES = 1024

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
WARC_GZIP_SUFFIX = ".warc.gz"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

# Control bytes other than tab, newline, form feed and carriage return: text never has them,
# so bytes that are not UTF-8 and contain them are binary rather than cp1252 text.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)
_PROLOGUE = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_FEED_ROOT = re.compile(r"<(?:[\w.-]+:)?(?:rss|feed|RDF)\b")
_HTML_START = re.compile(
    r"\s*(?:<\?xml.*?\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.S | re.I
)
_HTML_BLOCK = re.compile(r"<(?:body|p)[\s>/]", re.I)
_ANY_TAG = re.compile(r"<[A-Za-z][\w-]*[\s>/]")


def _declared_charset(data: bytes, content_type: str | None) -> str | None:
    """The charset a Content-Type header or the document's own head declares, if valid."""
    sources = [content_type.encode("ascii", "ignore")] if content_type else []
    sources.append(data[:CHARSET_SNIFF_BYTES])
    for source in sources:
        match = _DECLARED_CHARSET.search(source)
        if match is None:
            continue
        name = match.group(1).decode("ascii")
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def _decode(data: bytes, content_type: str | None) -> str | None:
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if _CONTROL_BYTES.search(data):
        return None
    declared = _declared_charset(data, content_type)
    for encoding in dict.fromkeys(c for c in (declared, "cp1252") if c and c != "utf-8"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def decode_text(data: bytes, source: str, content_type: str | None = None) -> str:
    """Bytes as text with ``\\n`` newlines, or ``BinaryInputError`` if they are not text."""
    text = _decode(data, content_type)
    if text is None:
        raise BinaryInputError(source, BINARY_REASON)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _first_line_is_json_object(text: str) -> bool:
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def detect_text_format(text: str, name: str, content_type: str | None = None) -> InputFormat:
    """The format of decoded text: feed, html, jsonl or plain text (the catch-all)."""
    lowered_name = name.lower()
    hint = (content_type or "").lower()
    prologue = _PROLOGUE.match(text[:FEED_SNIFF_CHARS])
    root_start = prologue.end() if prologue else 0
    if _FEED_ROOT.match(text, root_start, root_start + FEED_SNIFF_CHARS):
        return "feed"
    head = text[:HTML_SNIFF_CHARS]
    if _HTML_START.match(head) or _HTML_BLOCK.search(head):
        return "html"
    stripped = text.lstrip()
    if stripped.startswith("{"):
        named_jsonl = lowered_name.endswith(JSONL_SUFFIXES) or "json" in hint
        if named_jsonl or _first_line_is_json_object(stripped):
            return "jsonl"
    named_html = lowered_name.endswith(HTML_SUFFIXES) or "html" in hint
    if named_html and _ANY_TAG.search(head):
        return "html"
    return "text"


def detect_format(data: bytes, name: str, content_type: str | None = None) -> InputFormat | None:
    """The format of an input, or None if it is binary data we cannot read.

    >>> detect_format(b"<rss version='2.0'><channel/></rss>", "news.xml")
    'feed'
    """
    if data.startswith(GZIP_MAGIC):
        return "warc" if name.lower().endswith(WARC_GZIP_SUFFIX) else None
    if data.startswith(WARC_MAGIC):
        return "warc"
    text = _decode(data, content_type)
    if text is None:
        return None
    return detect_text_format(text, name, content_type)
