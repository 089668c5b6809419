"""``report.md``: the report for reading in a terminal, an editor or a code host."""

from __future__ import annotations

import re

from consilience.models import Report
from consilience.report.view import (
    SECTION_TITLES,
    ArticleView,
    FindingView,
    QuoteView,
    Section,
    StoryView,
    TimelineEntry,
    build_view,
)

__all__ = ["render_markdown"]

_WHITESPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    """Text on one line; ``<`` escaped so article content can never become an HTML tag."""
    return _WHITESPACE.sub(" ", text).replace("<", "&lt;")


def _inline(text: str) -> str:
    """Flat text without surrounding spaces."""
    return _flat(text).strip()


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _cell(text: str | None) -> str:
    """A table cell: pipes escaped, line breaks kept as ``<br>``."""
    if text is None:
        return ""
    lines = [_inline(line) for line in text.splitlines()]
    return "<br>".join(line for line in lines if line).replace("|", "\\|")


def _names(outlets: tuple[str, ...]) -> str:
    return ", ".join(_inline(outlet) for outlet in outlets)


def _quote(quote: QuoteView, indent: str) -> list[str]:
    body = _flat(quote.before)
    if quote.highlight:
        body += f"**{_flat(quote.highlight)}**"
    body += _flat(quote.after)
    return [f"{indent}> {body.strip()}", f"{indent}> — {_inline(quote.label)}"]


def _conflict(finding: FindingView) -> list[str]:
    severity = f" ({finding.severity})" if finding.severity else ""
    lines = [f"#### {_inline(finding.about)}{severity}", ""]
    if finding.note:
        lines += [_inline(finding.note), ""]
    for variant in finding.variants:
        hedge = f" ({_inline(variant.hedge)})" if variant.hedge else ""
        lines.append(f"- **{_inline(variant.value)}**{hedge} — {_names(variant.outlets)}")
        for quote in variant.quotes:
            lines += ["", *_quote(quote, "  ")]
        lines.append("")
    return lines


def _updated(finding: FindingView) -> list[str]:
    lines = [f"#### {_inline(finding.about)}", ""]
    if finding.note:
        lines += [_inline(finding.note), ""]
    for number, variant in enumerate(finding.variants, start=1):
        when = f" (first reported {variant.published})" if variant.published else ""
        lines.append(f"{number}. **{_inline(variant.value)}**{when} — {_names(variant.outlets)}")
        for quote in variant.quotes[:1]:
            lines += ["", *_quote(quote, "   ")]
        lines.append("")
    return lines


def _agreed(finding: FindingView) -> list[str]:
    values = " / ".join(_inline(variant.value) for variant in finding.variants)
    outlets = tuple(dict.fromkeys(o for variant in finding.variants for o in variant.outlets))
    count = _count(finding.support, "article")
    return [f"- **{_inline(finding.about)}**: {values} — {count} ({_names(outlets)})"]


def _single(finding: FindingView) -> list[str]:
    lines = []
    for variant in finding.variants:
        lines.append(
            f"- **{_inline(finding.about)}** ({finding.kind}): {_inline(variant.value)}"
            f" — only {_names(variant.outlets)}"
        )
        for quote in variant.quotes[:1]:
            lines += ["", *_quote(quote, "  "), ""]
    return lines


def _quotes(finding: FindingView) -> list[str]:
    lines = [f"#### {_inline(finding.about)} ({finding.status_name})", ""]
    for variant in finding.variants:
        lines.append(f"- {_names(variant.outlets)}: “{_inline(variant.value)}”")
    return [*lines, ""]


def _people(finding: FindingView) -> list[str]:
    stated = "; ".join(
        f"{_inline(variant.value)} ({_names(variant.outlets)})" for variant in finding.variants
    )
    return [f"- **{_inline(finding.about)}**: {stated} — {finding.status_name}"]


_SECTION_RENDERERS = {
    "conflicts": _conflict,
    "updated": _updated,
    "agreed": _agreed,
    "single_source": _single,
    "quotes": _quotes,
    "people": _people,
}


def _section(section: Section) -> list[str]:
    if not section.findings and section.key != "conflicts":
        return []
    lines = [f"### {section.title}", ""]
    if not section.findings:
        return [*lines, "No conflicting statements found.", ""]
    render = _SECTION_RENDERERS[section.key]
    for finding in section.findings:
        lines += render(finding)
    if lines[-1] != "":
        lines.append("")
    return lines


def _timeline(entries: tuple[TimelineEntry, ...]) -> list[str]:
    if not entries:
        return []
    lines = [f"### {SECTION_TITLES['timeline']}", "", "| Date | What | Outlets | Status |"]
    lines.append("|---|---|---|---|")
    for entry in entries:
        cells = (entry.value, entry.about, ", ".join(entry.outlets), entry.status)
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return [*lines, ""]


def _notes(articles: tuple[ArticleView, ...]) -> list[str]:
    if not articles:
        return []
    lines = [f"### {SECTION_TITLES['notes']}", ""]
    for article in articles:
        lines += [f"- {_inline(article.label)}", ""]
        lines += [f"  - {_inline(note)}" for note in article.notes]
        if article.removed:
            count = _count(len(article.removed), "line")
            lines += [
                f"  - {count} removed as boilerplate",
                "",
                "  <details><summary>Removed lines</summary>",
                "",
                *(f"  - {_inline(line)}" for line in article.removed),
                "",
                "  </details>",
            ]
        lines.append("")
    return lines


def _articles(articles: tuple[ArticleView, ...]) -> list[str]:
    lines = ["| Outlet | Title | Source | Published |", "|---|---|---|---|"]
    for article in articles:
        cells = (article.label, article.title, article.source, article.published)
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return [*lines, ""]


def _story(number: int, story: StoryView) -> list[str]:
    lines = [f"## {number}. {_inline(story.headline)}", ""]
    outlets = _names(story.outlets) or "none named"
    lines.append(f"{_count(len(story.articles), 'article')} · outlets: {outlets}")
    if story.first_published and story.last_published:
        lines[-1] += f" · published {story.first_published} to {story.last_published}"
    lines += ["", *_articles(story.articles)]
    for section in story.sections:
        lines += _section(section)
    return lines + _timeline(story.timeline) + _notes(story.notes)


def render_markdown(report: Report) -> str:
    """``report.md`` text: stories in the order given, conflicts first within each story."""
    view = build_view(report)
    lines = [
        "# Consilience report",
        "",
        f"Generated {view.generated_at}: {_count(len(view.stories), 'story', 'stories')}"
        f" from {_count(view.article_count, 'article')}.",
        "",
    ]
    if view.skipped:
        lines += ["## Skipped inputs", ""]
        lines += [f"- {_inline(source)}: {_inline(reason)}" for source, reason in view.skipped]
        lines.append("")
    for number, story in enumerate(view.stories, start=1):
        lines += _story(number, story)
    return "\n".join(lines).rstrip("\n") + "\n"
