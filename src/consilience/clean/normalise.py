"""Text normalisation before cleaning, and the content hash that names an article."""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["article_id", "normalise_lines"]

SPACE_LIKE = re.compile(r"[\u00a0\u2007\u202f\t\f\v]")
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
ARTICLE_ID_HEX_DIGITS = 16  # 64 bits: collisions are negligible at corpus sizes of millions


def normalise_lines(text: str) -> list[str]:
    """NFC, one kind of newline, plain spaces, no invisible characters, stripped lines."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n")
    text = INVISIBLE.sub("", SPACE_LIKE.sub(" ", text))
    return [line.strip() for line in text.split("\n")]


def article_id(outlet: str | None, text: str) -> str:
    """Content hash of outlet and whitespace-collapsed, casefolded text (16 hex digits)."""
    normalised = " ".join(text.split()).casefold()
    digest = hashlib.sha256(f"{outlet or ''}\n{normalised}".encode()).hexdigest()
    return digest[:ARTICLE_ID_HEX_DIGITS]
