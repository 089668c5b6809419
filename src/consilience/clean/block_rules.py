"""Neighbour rules: each judges a line by the lines around it on the page.

A rule sees the lines of one cleaning round and those earlier rules already flagged, and
returns the indices it takes for furniture: reference blocks, banners, section kickers,
repeated lines and lone name captions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from consilience.clean.language import (
    SENTENCE_END,
    SPEECH_VERBS,
    is_reported_speech,
    line_key,
    vocabulary,
    word_count,
)
from consilience.clean.line_rules import (
    is_bare_teaser_label,
    is_citation,
    is_inaccessible_source,
)

__all__ = [
    "Page",
    "caption_names",
    "citation_runs",
    "is_section_kicker",
    "reference_block",
    "repeated_lines",
    "section_kickers",
    "site_banners",
    "teaser_headlines",
]

# Headlines run to ~20 words; a longer line or one ending a sentence starts the body.
MAX_HEADLINE_WORDS = 25
MAX_BANNER_WORDS = 5  # outlet names: "Asia In News", "The New York Times"
CAPTION_WORDS = (2, 4)  # a person's name: "Jane Doe" .. "Pham Minh Chinh"
MAX_REFERENCE_ENTRY_WORDS = 20  # an un-linked reference entry ("Reuters, 14 April 2025")
MIN_CITATION_RUN = 2  # one URL line can be prose; two in a row are a reference list
# Section names are one to three words ("Asia & Pacific"); breadcrumbs run to about four
# levels ("Home > News > World > Asia"), five with headroom.
MAX_KICKER_SEGMENT_WORDS = 3
KICKER_SEGMENTS = (2, 5)
KICKER_SEARCH_LINES = 3  # kickers sit above the headline, after at most a site banner


@dataclass(frozen=True, slots=True)
class Page:
    """The lines one cleaning round looks at, with what earlier rules already flagged."""

    lines: Sequence[str]
    flagged: frozenset[int]
    title: str | None
    outlet: str | None

    def kept(self) -> list[int]:
        """Indices of non-blank lines no rule has flagged yet, in order."""
        return [i for i, line in enumerate(self.lines) if line and i not in self.flagged]

    def heading_lines(self) -> list[int]:
        """Kept lines above the body: the headline-like run before the first sentence."""
        kept = self.kept()
        body = next((n for n, i in enumerate(kept) if not _is_headline_like(self.lines[i])), None)
        return kept if body is None else kept[:body]


def _is_headline_like(line: str) -> bool:
    return word_count(line) <= MAX_HEADLINE_WORDS and SENTENCE_END.search(line) is None


def teaser_headlines(page: Page) -> set[int]:
    """The headline line that follows a bare "Also read" label line."""
    found: set[int] = set()
    labels = [i for i, line in enumerate(page.lines) if line and is_bare_teaser_label(line)]
    for label in labels:
        following = [i for i in range(label + 1, len(page.lines)) if page.lines[i]]
        if following and _is_headline_like(page.lines[following[0]]):
            found.add(following[0])
    return found


# --- reference lists ------------------------------------------------------------------------

REFERENCE_HEADING = re.compile(
    r"(?i)^(?:references|sources|bibliography|works cited|citations|further reading|"
    r"sources and references|notes and references)\s*:?$"
)


def reference_block(page: Page) -> set[int]:
    """A trailing "References"/"Bibliography" heading and the entries under it."""
    kept = page.kept()
    for position, heading in enumerate(kept):
        if not REFERENCE_HEADING.match(page.lines[heading]):
            continue
        entries = [page.lines[i] for i in kept[position + 1 :]]
        linked = any(is_citation(e) or is_inaccessible_source(e) for e in entries)
        entry_like = all(
            is_citation(e)
            or is_inaccessible_source(e)
            or (word_count(e) <= MAX_REFERENCE_ENTRY_WORDS and not is_reported_speech(e))
            for e in entries
        )
        unpunctuated = not any(SENTENCE_END.search(e) for e in entries)
        if entry_like and (linked or unpunctuated):
            return set(range(heading, len(page.lines)))
    return set()


def citation_runs(page: Page) -> set[int]:
    """Runs of consecutive URL or numbered-citation lines: a reference list without heading."""
    found: set[int] = set()
    run: list[int] = []
    for i in [*page.kept(), -1]:
        if i >= 0 and is_citation(page.lines[i]):
            run.append(i)
            continue
        if len(run) >= MIN_CITATION_RUN:
            found.update(run)
        run = []
    return found


# --- repeated lines, banners and section kickers ------------------------------------------


def repeated_lines(page: Page) -> set[int]:
    """Later copies of the title or of an earlier line; the first occurrence stays."""
    # The title's first appearance in the text is an earlier line like any other.
    found: set[int] = set()
    seen: set[str] = set()
    for i in page.kept():
        key = line_key(page.lines[i])
        if key in seen:
            found.add(i)
        seen.add(key)
    return found


BANNER_WORDS = vocabulary(
    "news times post herald tribune gazette journal daily express live today "
    "chronicle telegraph observer guardian standard online wire dispatch bulletin"
)


def _is_banner_like(line: str, outlet: str | None) -> bool:
    words = line.split()
    if not words or len(words) > MAX_BANNER_WORDS or SENTENCE_END.search(line):
        return False
    if outlet and line_key(line) == line_key(outlet):
        return True
    capitalised = all(
        w[0].isupper() or w[0].isdigit() or w in {"in", "of", "the", "&"} for w in words
    )
    return capitalised and words[-1].casefold() in BANNER_WORDS


def site_banners(page: Page) -> set[int]:
    """Site-name banners: the outlet's name, or "<X> News" above the headline or repeated."""
    kept = page.kept()
    outlet_key = line_key(page.outlet) if page.outlet else None
    found = {i for i in kept if line_key(page.lines[i]) == outlet_key}
    before_body = page.heading_lines()
    title_key = line_key(page.title) if page.title else None
    banners = [
        i
        for i in before_body
        if _is_banner_like(page.lines[i], page.outlet) and line_key(page.lines[i]) != title_key
    ]
    # A lone banner-like line with no title to compare against may be the headline itself.
    if banners and (len(banners) < len(before_body) or title_key is not None):
        found.update(banners)
    counts: dict[str, list[int]] = {}
    for i in kept:
        if _is_banner_like(page.lines[i], page.outlet):
            counts.setdefault(line_key(page.lines[i]), []).append(i)
    found.update(i for same in counts.values() if len(same) >= 2 for i in same)
    return found


KICKER_SEPARATOR = re.compile(r"\s*[|>»›/•·]\s*")
KICKER_SEGMENT = re.compile(
    rf"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|&|and|of|the|in)){{0,{MAX_KICKER_SEGMENT_WORDS - 1}}}"
)


def is_section_kicker(line: str) -> bool:
    """A section label or breadcrumb: "WORLD | ASIA", "Business > Markets", "Home » News"."""
    segments = KICKER_SEPARATOR.split(line)
    low, high = KICKER_SEGMENTS
    return (
        low <= len(segments) <= high
        and SENTENCE_END.search(line) is None
        and all(KICKER_SEGMENT.fullmatch(segment) for segment in segments)
    )


def section_kickers(page: Page) -> set[int]:
    """Section kickers at the top of the article, above a headline or a known title."""
    heading = page.heading_lines()[:KICKER_SEARCH_LINES]
    title_key = line_key(page.title) if page.title else None
    found: set[int] = set()
    for position, i in enumerate(heading):
        line = page.lines[i]
        if not is_section_kicker(line) or line_key(line) == title_key:
            continue
        # With no title given, a kicker-like line is furniture only when a headline that is
        # not itself a kicker follows it; alone it may be the headline ("Profit | Loss").
        following = heading[position + 1] if position + 1 < len(heading) else None
        headline_follows = following is not None and not is_section_kicker(page.lines[following])
        if headline_follows or title_key is not None:
            found.add(i)
    return found


# --- name captions ----------------------------------------------------------------------------

TITLE_WORDS = (
    "president|minister|premier|secretary|director|chairman|chairwoman|chair|ceo|founder|"
    "spokesman|spokeswoman|spokesperson|analyst|economist|professor|prof|dr|mr|mrs|ms|"
    "senator|governor|mayor|ambassador|general|leader|head|chief|official|researcher|fellow|"
    "editor|manager|partner|king|queen|prince|pope|judge"
)
NOT_PERSON_WORDS = vocabulary(
    "group company corp inc ltd bank ministry council party association university "
    "agency sea river ocean street road news times"
)


def _is_person_caption_name(line: str) -> bool:
    words = line.split()
    low, high = CAPTION_WORDS
    return (
        low <= len(words) <= high
        and all(re.fullmatch(r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)*", w) for w in words)
        and not any(w.casefold() in NOT_PERSON_WORDS for w in words)
    )


def _named_as_person(name: str, text: str) -> bool:
    """Whether the text uses ``name`` in a sentence as a person: speaking, or with a title."""
    tokens = name.split()
    speaker = "|".join(re.escape(t) for t in {name, tokens[0], tokens[-1]})
    quoted = re.escape(name)
    patterns = (
        rf"\b(?:{speaker})\s+(?:{SPEECH_VERBS})\b",
        rf"(?i:\b(?:{TITLE_WORDS})\.?),?\s+{quoted}\b",
        rf"\b{quoted},\s+(?:[\w'’-]+\s+){{0,2}}(?i:(?:{TITLE_WORDS}))\b",
    )
    return any(re.search(p, text) for p in patterns)


def caption_names(page: Page) -> set[int]:
    """A lone person-name line (a photo caption) when the body names that person in a sentence."""
    kept = page.kept()
    title_key = line_key(page.title) if page.title else None
    found: set[int] = set()
    for position, i in enumerate(kept[1:], start=1):
        name = page.lines[i]
        previous = page.lines[kept[position - 1]]
        if not _is_person_caption_name(name) or line_key(name) == title_key:
            continue
        if SENTENCE_END.search(previous) is None:
            continue  # a name under a headline or subhead is more likely a subhead itself
        others = "\n".join(page.lines[j] for j in kept if j != i)
        in_sentence = re.search(rf"\b{re.escape(name)}\b", others) is not None
        if in_sentence and _named_as_person(name, others):
            found.add(i)
    return found
