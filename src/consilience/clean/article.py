"""The cleaning loop: run every rule to a fixed point, then build the ``Article``."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from consilience.clean.block_rules import (
    Page,
    caption_names,
    citation_runs,
    reference_block,
    repeated_lines,
    section_kickers,
    site_banners,
    teaser_headlines,
)
from consilience.clean.line_rules import (
    BYLINE,
    is_ad_marker,
    is_byline,
    is_comment_notice,
    is_credit,
    is_disclaimer,
    is_inaccessible_source,
    is_media_file_name,
    is_social_prompt,
    is_tag_list,
    is_teaser,
    is_timestamp,
)
from consilience.clean.normalise import article_id, normalise_lines
from consilience.errors import EmptyInputError
from consilience.models import Article, RawDocument
from consilience.settings import Settings

__all__ = ["CleanedText", "clean_article", "clean_text"]

LINE_RULES: tuple[Callable[[str], bool], ...] = (
    is_teaser,
    is_comment_notice,
    is_credit,
    is_disclaimer,
    is_social_prompt,
    is_tag_list,
    is_media_file_name,
    is_byline,
    is_timestamp,
    is_ad_marker,
    is_inaccessible_source,
)
BLOCK_RULES: tuple[Callable[[Page], set[int]], ...] = (
    teaser_headlines,
    reference_block,
    citation_runs,
    section_kickers,  # before banners, so a banner under a kicker is judged as a headline
    site_banners,  # before repeated lines, so a repeated banner goes everywhere
    repeated_lines,
    caption_names,
)


@dataclass(frozen=True, slots=True)
class CleanedText:
    """Text with boilerplate removed, and the removed lines in document order."""

    text: str
    removed: tuple[str, ...]


def _furniture(lines: Sequence[str], title: str | None, outlet: str | None) -> set[int]:
    """Indices of ``lines`` that one round of every rule takes for boilerplate."""
    flagged = {i for i, line in enumerate(lines) if line and any(r(line) for r in LINE_RULES)}
    for rule in BLOCK_RULES:
        flagged |= rule(Page(lines, frozenset(flagged), title, outlet))
    return flagged


def clean_text(text: str, title: str | None = None, outlet: str | None = None) -> CleanedText:
    """Normalise ``text`` and drop boilerplate lines, keeping paragraphs.

    >>> clean_text("Xi visits Hanoi.\\nREAD MORE: Other story").removed
    ('READ MORE: Other story',)
    """
    lines = normalise_lines(text)
    alive = list(range(len(lines)))
    dropped: set[int] = set()
    # Removing a line can expose more furniture (two URL lines become adjacent), so rounds
    # repeat until one removes nothing: that makes cleaning idempotent.
    while hits := _furniture([lines[i] for i in alive], title, outlet):
        dropped.update(alive[j] for j in hits)
        alive = [i for i in alive if i not in dropped]
    kept = re.sub(r"\n{3,}", "\n\n", "\n".join(lines[i] for i in alive)).strip("\n")
    return CleanedText(kept, tuple(lines[i] for i in sorted(dropped) if lines[i]))


def _byline_author(removed: Sequence[str]) -> str | None:
    for line in removed:
        match = BYLINE.match(line)
        if match is not None and is_byline(line):
            return match["name"]
    return None


def clean_article(raw: RawDocument, settings: Settings) -> Article:
    """Clean a raw document into an ``Article`` whose text evidence offsets will index.

    >>> text = "Xi In Hanoi\\nBy Jane Doe\\nXi visited Hanoi on Monday for trade talks."
    >>> raw = RawDocument("a.txt", text, "text")
    >>> clean_article(raw, Settings()).author
    'Jane Doe'
    """
    title = raw.title.strip() if raw.title and raw.title.strip() else None
    cleaned = clean_text(raw.text, title, raw.outlet)
    if len(cleaned.text) < settings.min_article_chars:
        raise EmptyInputError(
            raw.source,
            f"cleaned text has only {len(cleaned.text)} characters "
            f"(min_article_chars={settings.min_article_chars})",
        )
    first_line = next((line for line in cleaned.text.split("\n") if line), None)
    return Article(
        id=article_id(raw.outlet, cleaned.text),
        source=raw.source,
        text=cleaned.text,
        title=title or first_line,
        outlet=raw.outlet,
        published=raw.published,
        url=raw.url,
        author=raw.author or _byline_author(cleaned.removed),
        removed=cleaned.removed,
    )
