"""Group analysed articles into stories: articles that report the same real-world event.

A batch is a short stream: the articles are put in publication order and fed one by one to a
``StoryIndex`` (consilience.story_index), where each joins the best open story or opens a new
one. There is no all-pairs step, so the cost grows with the number of articles, not pairs.
A story is built (headline chosen) as soon as the window closes it and its articles' signals
are dropped, so the working memory follows the window, not the batch.

Order: the batch is sorted on a total key (publication time, then article id) before it is
streamed, so the stories of a batch do not depend on the order the articles were given in.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from contextlib import ExitStack, closing
from itertools import chain
from operator import mul

from consilience.grouping_workers import grouping_workers, map_in_chunks
from consilience.models import Analysis, Article, Story
from consilience.settings import Settings
from consilience.story_index import StoryIndex
from consilience.story_signals import (
    ArticleSignals,
    article_signals,
    from_raw,
    raw_signals_of,
    signal_input,
    timestamp,
)

__all__ = ["cluster_stories", "stories_from_assignments", "stream_order"]

# Titles shorter than this ("Asia In News", "Live updates") are section labels, not
# headlines: a story is headed by a real title whenever one of its articles has one.
SHORT_TITLE_WORDS = 4
# A headline taken from a first sentence is cut to this many characters, at a word boundary.
HEADLINE_MAX_CHARS = 120

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def cluster_stories(
    analyses: Sequence[Analysis], settings: Settings, workers: int | None = None
) -> list[Story]:
    """Group articles into stories, largest first; every article lands in exactly one.

    The articles' signals are computed ahead on ``workers`` processes (default:
    ``grouping_workers``, one for small batches) while this one runs the story index.

    >>> cluster_stories([], Settings())
    []
    """
    # Step 1: the index checks the join threshold and window settings, even for no articles.
    closed: list[str] = []
    index = StoryIndex(settings, on_close=closed.append)
    # Step 2: a fixed order, so the result cannot depend on the order articles arrived in.
    ordered = stream_order(analyses)
    # Step 3: stream the batch; each article joins an open story or opens one. A story the
    # window closes is built at once and its members' signals are dropped.
    if workers is None:
        workers = grouping_workers(settings, len(ordered))
    signals: dict[int, ArticleSignals] = {}
    groups: dict[str, list[int]] = {}
    built: dict[str, Story] = {}
    story_of: dict[str, str] = {}
    with ExitStack() as pool:  # a pool of workers stops even if the loop raises
        if workers > 1:
            inputs = [signal_input(analysis) for analysis in ordered]
            raw = pool.enter_context(closing(map_in_chunks(raw_signals_of, inputs, workers)))
            computed = map(from_raw, raw)
        else:
            computed = map(article_signals, ordered)
        for position, (analysis, ready) in enumerate(zip(ordered, computed, strict=True)):
            article_id = analysis.article.id
            signals[position] = ready
            # An id given twice stays with its first copy, even once that story has closed
            # (a story built already is then built again at the end).
            story_id = story_of.get(article_id) or index.add_signals(signals[position])
            story_of[article_id] = story_id
            groups.setdefault(story_id, []).append(position)
            built.pop(story_id, None)
            for closed_id in closed:
                built[closed_id] = _build_group(ordered, groups[closed_id], signals)
            closed.clear()
    # Step 4: one story per group, ordered for readers.
    stories = [
        built.get(story_id) or _build_group(ordered, members, signals)
        for story_id, members in groups.items()
    ]
    return sorted(stories, key=_story_order_key)


def _build_group(
    ordered: Sequence[Analysis], members: Sequence[int], signals: dict[int, ArticleSignals]
) -> Story:
    """The story of the articles at ``members``, taking (and dropping) their signals."""
    taken = [signals.pop(i) if i in signals else article_signals(ordered[i]) for i in members]
    return _build_story([ordered[i] for i in members], taken)


def stories_from_assignments(
    analyses: Sequence[Analysis], assignments: Mapping[str, str]
) -> list[Story]:
    """Stories as a store recorded them (article id -> story id), ordered for readers.

    Articles the mapping does not name each stand alone, so every article is still reported.
    """
    groups: dict[str, list[Analysis]] = {}
    for analysis in stream_order(analyses):
        article_id = analysis.article.id
        groups.setdefault(assignments.get(article_id, "unassigned:" + article_id), []).append(
            analysis
        )
    stories = [
        _build_story(members, [article_signals(member) for member in members])
        for members in groups.values()
    ]
    return sorted(stories, key=_story_order_key)


def stream_order(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The articles in the order to stream them: by publication time, then id.

    An undated article is placed at the batch's earliest publication time: it then meets the
    stories as they open, instead of arriving after the window has closed on them.
    """
    stamps = [timestamp(analysis.article.published) for analysis in analyses]
    known = [stamp for stamp in stamps if stamp is not None]
    earliest = min(known) if known else 0.0
    keyed = [
        ((earliest if stamp is None else stamp, *_identity(analysis.article)), analysis)
        for stamp, analysis in zip(stamps, analyses, strict=True)
    ]
    keyed.sort(key=lambda pair: pair[0])
    return [analysis for _key, analysis in keyed]


def _identity(article: Article) -> tuple[str, str, str, str]:
    return (article.id, article.source, article.title or "", article.text)


def _build_story(members: Sequence[Analysis], signals: Sequence[ArticleSignals]) -> Story:
    articles = sorted((m.article for m in members), key=_article_order_key)
    digest = hashlib.sha256("\n".join(sorted(a.id for a in articles)).encode("utf-8"))
    return Story(
        id="s-" + digest.hexdigest()[:10],
        headline=_headline(members, _centrality(signals)),
        articles=tuple(articles),
    )


def _centrality(signals: Sequence[ArticleSignals]) -> list[float]:
    """How typical each member is of its story: its cosine with the sum of the members.

    Title/lead words and name words are weighted by IDF within the story, so words every
    member uses ("the summit") count less than words only some share. One pass over the
    members: no pairwise step.
    """
    if len(signals) == 1:
        return [1.0]  # the only member heads its story whatever its score
    bags = [{**s.terms, **{f"name={n}": c for n, c in s.names.items()}} for s in signals]
    documents = len(bags)
    idf = {
        word: math.log((1 + documents) / (1 + count)) + 1
        for word, count in Counter(chain.from_iterable(bags)).items()
    }
    units = [_unit(bag, idf) for bag in bags]
    total: dict[str, float] = {}
    for unit in units:
        for word, weight in unit.items():
            total[word] = total.get(word, 0.0) + weight
    return [sum(map(mul, unit.values(), map(total.__getitem__, unit))) for unit in units]


def _unit(bag: Mapping[str, int], idf: Mapping[str, float]) -> dict[str, float]:
    # A count of 1 (most words) has TF 1.0 + log(1) = 1.0 exactly: no log needed.
    weights = {
        word: (1.0 if count == 1 else 1.0 + math.log(count)) * idf[word]
        for word, count in bag.items()
    }
    norm = math.sqrt(sum(map(mul, weights.values(), weights.values())))
    return {word: w / norm for word, w in weights.items()} if norm else {}


def _headline(members: Sequence[Analysis], centrality: Sequence[float]) -> str:
    """The title of the most central member, preferring real titles to section labels.

    With no title at all, the most central member's first sentence stands in.
    """
    # Stable sort on -centrality: ties keep the stream order, so the choice is deterministic.
    ranked = sorted(range(len(members)), key=lambda i: -centrality[i])
    titles = [" ".join((members[i].article.title or "").split()) for i in ranked]
    full_titles = [t for t in titles if len(t.split()) >= SHORT_TITLE_WORDS]
    any_titles = [t for t in titles if t]
    if full_titles or any_titles:
        return (full_titles or any_titles)[0]
    sentences = [_first_sentence(members[i]) for i in ranked]
    return _shorten(next((s for s in sentences if s), ""))


def _first_sentence(analysis: Analysis) -> str:
    """The first sentence, up to its first line break: a headline never spans paragraphs."""
    if analysis.sentences:
        sentences = [s.text for s in analysis.sentences]
    else:
        sentences = [p.strip() for p in _SENTENCE_END.split(analysis.article.text) if p.strip()]
    lines = [line for s in sentences[:1] for line in s.splitlines() if line.strip()]
    return " ".join(lines[0].split()) if lines else ""


def _shorten(text: str) -> str:
    if len(text) <= HEADLINE_MAX_CHARS:
        return text
    cut = text[: HEADLINE_MAX_CHARS - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def _article_order_key(article: Article) -> tuple[bool, float, str, str]:
    published = timestamp(article.published)
    return (published is None, published or 0.0, article.source, article.id)


def _story_order_key(story: Story) -> tuple[int, float, str]:
    stamps = [timestamp(a.published) for a in story.articles]
    known = [s for s in stamps if s is not None]
    latest = max(known) if known else -math.inf
    return (-len(story.articles), -latest, story.id)
