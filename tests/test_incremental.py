"""Stored stories: new articles stream into the stored story index; recluster starts over."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from consilience.errors import StoreError
from consilience.incremental import StoryUpdate, recluster_stories, update_stories
from consilience.models import Article
from consilience.pipeline import ingest_inputs
from consilience.settings import Settings
from consilience.store import Store

SAMPLE_CORPUS = Path(__file__).resolve().parents[1] / "examples" / "sample-corpus"
SETTINGS = Settings()


@pytest.fixture(scope="module")
def sample() -> tuple[Article, ...]:
    """The sample corpus, cleaned: six reports of one event and one unrelated article."""
    return ingest_inputs([str(SAMPLE_CORPUS)], SETTINGS).articles


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as opened:
        yield opened


def partition(store: Store) -> list[list[str]]:
    """The stored stories as sorted groups of article ids, ignoring story ids."""
    groups: dict[str, list[str]] = {}
    for article_id, story_id in store.story_assignments().items():
        groups.setdefault(story_id, []).append(article_id)
    return sorted(sorted(group) for group in groups.values())


def test_the_sample_corpus_forms_its_event_story_and_a_lone_unrelated_one(
    store: Store, sample: tuple[Article, ...]
) -> None:
    store.add_articles(sample)
    update = update_stories(store, SETTINGS)
    assert update == StoryUpdate(articles=7, joined=0, opened=2)
    assert sorted(len(group) for group in partition(store)) == [1, 6]
    assert store.unassigned_articles() == []


def test_ingesting_in_two_halves_gives_the_stories_of_one_ingest(
    sample: tuple[Article, ...],
) -> None:
    with Store.open(":memory:") as at_once, Store.open(":memory:") as halves:
        at_once.add_articles(sample)
        update_stories(at_once, SETTINGS)
        halves.add_articles(sample[:3])
        first = update_stories(halves, SETTINGS)
        halves.add_articles(sample[3:])
        second = update_stories(halves, SETTINGS)
        assert partition(halves) == partition(at_once)
        assert first.articles + second.articles == len(sample)
        # The second half joins the stories the first half opened, as far as they fit.
        assert second.joined >= 1
        assert first.opened + second.opened == 2


def test_a_run_with_no_new_article_changes_nothing(
    store: Store, sample: tuple[Article, ...]
) -> None:
    store.add_articles(sample)
    update_stories(store, SETTINGS)
    before = (store.story_assignments(), store.load_story_index())
    assert update_stories(store, SETTINGS) == StoryUpdate(articles=0, joined=0, opened=0)
    assert (store.story_assignments(), store.load_story_index()) == before


def test_recluster_rebuilds_the_stories_an_ingest_at_once_makes(
    store: Store, sample: tuple[Article, ...]
) -> None:
    store.add_articles(sample[4:])
    update_stories(store, SETTINGS)
    store.add_articles(sample[:4])
    update_stories(store, SETTINGS)
    state = store.load_story_index()
    update = recluster_stories(store, SETTINGS)
    assert update == StoryUpdate(articles=7, joined=0, opened=2)
    with Store.open(":memory:") as fresh:
        fresh.add_articles(sample)
        update_stories(fresh, SETTINGS)
        assert partition(store) == partition(fresh)
        assert store.story_assignments() == fresh.story_assignments()
        assert store.load_story_index() == fresh.load_story_index() != state


def test_recluster_follows_a_changed_join_threshold(
    store: Store, sample: tuple[Article, ...]
) -> None:
    store.add_articles(sample)
    update_stories(store, SETTINGS)
    update = recluster_stories(store, Settings(story_join_threshold=1.0))
    assert update.opened == len(sample)
    assert len(partition(store)) == len(sample)


def test_articles_stored_before_stories_existed_are_assigned_by_the_next_run(
    store: Store, sample: tuple[Article, ...]
) -> None:
    # A v1 store, or an ingest that stopped between storing articles and assigning them.
    store.add_articles(sample)
    assert len(store.unassigned_articles()) == len(sample)
    assert update_stories(store, SETTINGS).articles == len(sample)


def test_a_stored_index_state_of_another_version_asks_for_a_recluster(
    store: Store, sample: tuple[Article, ...]
) -> None:
    store.save_story_index({"version": 99})
    store.add_articles(sample)
    with pytest.raises(StoreError, match=r"version 99.*consilience recluster"):
        update_stories(store, SETTINGS)
    assert store.story_assignments() == {}
    recluster_stories(store, SETTINGS)
    assert len(store.story_assignments()) == len(sample)
