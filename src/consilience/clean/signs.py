"""Traces of machine-written text among an article's lines and its removed furniture."""

from __future__ import annotations

import re
from collections.abc import Sequence

from consilience.clean.language import URL
from consilience.clean.line_rules import (
    MEDIA_EXTENSIONS,
    is_citation,
    is_inaccessible_source,
    is_media_file_name,
)

__all__ = ["machine_text_signs"]

GUESSED_SOURCE = re.compile(
    r"(?i)\bnot found directly\b|\bor similar\)|\b(?:would|might|may|likely to) "
    r"(?:discuss|cover|mention|describe|detail|report)\b|\bmight not be (?:explicitly )?mentioned\b"
)
PLACEHOLDER_FILE = re.compile(
    rf"(?i)^(?:image|img|photo|picture|pic|figure|fig|file|untitled|video)[_ -]?\d*\.(?:{MEDIA_EXTENSIONS})$"  # noqa: E501
)


def machine_text_signs(text: str, removed: Sequence[str]) -> list[str]:
    """Human-readable notes on traces of machine-written text: hollow references, placeholders."""
    lines = [*removed, *(line.strip() for line in text.split("\n"))]
    citations = [line for line in lines if line and is_citation(line)]
    signs: list[str] = []
    if any(is_inaccessible_source(line) for line in lines if line):
        signs.append("bibliography admits its sources could not be accessed")
    if any(GUESSED_SOURCE.search(line) for line in citations):
        signs.append("reference descriptions guess at what their sources say")
    bare_urls = sum(1 for line in removed if is_citation(line) and URL.search(line))
    if bare_urls:
        signs.append(f"reference list of {bare_urls} bare URL{'s' if bare_urls != 1 else ''}")
    placeholders = [
        name
        for line in removed
        if is_media_file_name(line)
        for name in line.split()
        if PLACEHOLDER_FILE.match(name)
    ]
    if placeholders:
        signs.append(f"placeholder image file names ({', '.join(placeholders)})")
    return signs
