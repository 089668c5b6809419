"""Keep a store's story assignments current: stream new articles into the stored story index.

Entities come from the rule parser (no spaCy model), so assigning stays cheap enough to run
on every ingest. ``update_stories`` continues the stream where the last run stopped;
``recluster_stories`` forgets it and streams every stored article again. Either way the
articles are streamed in ``cluster_stories`` order, so a store ingested at once and then
reclustered, or reclustered twice, holds the same stories.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from consilience.cluster import stream_order
from consilience.errors import ConsilienceError, StoreError
from consilience.extract.nlp import Nlp, entity_analysis
from consilience.models import Article
from consilience.settings import Settings
from consilience.store.sqlite import Store
from consilience.story_index import ArticleSignals, StoryIndex, article_signals

__all__ = ["StoryUpdate", "recluster_stories", "update_stories"]


@dataclass(frozen=True, slots=True)
class StoryUpdate:
    """What one run did: articles assigned, how many joined stories stored before the run,
    and how many stories the run opened."""

    articles: int
    joined: int
    opened: int


def update_stories(store: Store, settings: Settings) -> StoryUpdate:
    """Assign every stored article that has no story yet, continuing the stored index."""
    # Parsing needs no index state, so it runs before the write lock is taken.
    signals = _stream_signals(store.unassigned_articles())
    with store.batch("assign stories"):
        known = store.story_assignments()
        state = store.load_story_index()
        index = _restore(store, state, settings) if state is not None else StoryIndex(settings)
        # Another process may have assigned some of them since they were read.
        fresh = [s for s in signals if s.article_id not in known]
        return _assign(store, index, fresh, set(known.values()))


def recluster_stories(store: Store, settings: Settings) -> StoryUpdate:
    """Forget every stored assignment and stream all stored articles into a new index."""
    signals = _stream_signals(store.articles())
    with store.batch("recluster stories"):
        store.clear_stories()
        return _assign(store, StoryIndex(settings), signals, set())


def _assign(
    store: Store, index: StoryIndex, signals: Sequence[ArticleSignals], stored: set[str]
) -> StoryUpdate:
    mapping = {s.article_id: index.add_signals(s) for s in signals}
    store.assign_stories(mapping)
    store.save_story_index(index.to_dict())
    opened = set(mapping.values()) - stored
    joined = sum(1 for story_id in mapping.values() if story_id in stored)
    return StoryUpdate(articles=len(mapping), joined=joined, opened=len(opened))


def _stream_signals(articles: Sequence[Article]) -> list[ArticleSignals]:
    """Rule-parsed clustering signals of the articles, in the order they are to be streamed."""
    nlp = Nlp(model=None, name="rules")
    analyses = [entity_analysis(article, nlp) for article in articles]
    return [article_signals(analysis) for analysis in stream_order(analyses)]


def _restore(store: Store, state: dict[str, Any], settings: Settings) -> StoryIndex:
    try:
        return StoryIndex.from_dict(state, settings)
    except ConsilienceError as exc:
        raise StoreError(
            f"{store.name}: cannot continue the stored story index: {exc}; run "
            "'consilience recluster' to rebuild it"
        ) from None
