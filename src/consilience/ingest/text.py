"""Plain text and Markdown articles, with an optional leading block of ``Key: value`` lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from consilience.errors import EmptyInputError
from consilience.ingest.dates import parse_published
from consilience.models import RawDocument

__all__ = ["read_text"]

# The metadata keys we understand, in the words outlets and scrapers use, -> RawDocument field.
METADATA_KEYS: dict[str, str] = {
    "title": "title",
    "outlet": "outlet",
    "source": "outlet",
    "published": "published",
    "date": "published",
    "url": "url",
    "author": "author",
    "by": "author",
}

FRONT_MATTER_OPEN = "---"
FRONT_MATTER_CLOSE = ("---", "...")

_METADATA_LINE = re.compile(
    r"^\s*(" + "|".join(METADATA_KEYS) + r")\s*:\s*(.*?)\s*$", re.IGNORECASE
)
_FRONT_MATTER_LINE = re.compile(r"^\s*([\w-]+)\s*:\s*(.*?)\s*$")


@dataclass(frozen=True, slots=True)
class _Split:
    """A text divided into its metadata (by RawDocument field) and its article body."""

    fields: dict[str, str]
    body: str


def _keep_known(pairs: list[tuple[str, str]]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for key, value in pairs:
        name = METADATA_KEYS.get(key.lower())
        if name is not None and value and name not in fields:
            fields[name] = value.strip().strip("\"'").strip()
    return fields


def _body_after(lines: list[str], index: int) -> str:
    """The lines after ``index``, without the blank lines that separate them from metadata."""
    rest = lines[index + 1 :]
    first = next((i for i, line in enumerate(rest) if line.strip()), len(rest))
    return "\n".join(rest[first:])


def _split_front_matter(lines: list[str]) -> _Split | None:
    """Markdown front matter: a ``---`` line, ``key: value`` lines, a closing ``---``."""
    if not lines or lines[0].strip() != FRONT_MATTER_OPEN:
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in FRONT_MATTER_CLOSE:
            pairs = [
                (match.group(1), match.group(2))
                for match in map(_FRONT_MATTER_LINE.match, lines[1:index])
                if match
            ]
            return _Split(_keep_known(pairs), _body_after(lines, index))
    return None


def _split_metadata_block(lines: list[str]) -> _Split | None:
    """A leading run of known ``Key: value`` lines, ended by a blank line."""
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    pairs: list[tuple[str, str]] = []
    for index in range(start, len(lines)):
        if not lines[index].strip():
            if not pairs:
                return None
            return _Split(_keep_known(pairs), _body_after(lines, index))
        match = _METADATA_LINE.match(lines[index])
        if match is None or not match.group(2):
            return None
        pairs.append((match.group(1), match.group(2)))
    return None  # no blank line after the block: the "metadata" is the whole text


def _title_from(body: str) -> str | None:
    for line in body.split("\n"):
        title = line.strip().lstrip("#").strip()
        if title:
            return title
    return None


def read_text(text: str, source: str) -> RawDocument:
    """One plain-text or Markdown article; a leading metadata block fills its fields.

    >>> read_text("Outlet: Daily News\\n\\n# Storm hits coast\\nWinds rose.", "a.md").title
    'Storm hits coast'
    """
    lines = text.split("\n")
    split = _split_front_matter(lines) or _split_metadata_block(lines) or _Split({}, text)
    body = split.body
    if not body.strip():
        raise EmptyInputError(source, "no article text after the metadata block")
    fields = split.fields
    return RawDocument(
        source=source,
        text=body,
        format="text",
        title=fields.get("title") or _title_from(body),
        outlet=fields.get("outlet"),
        published=parse_published(fields.get("published")),
        url=fields.get("url"),
        author=fields.get("author"),
    )
