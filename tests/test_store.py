"""The SQLite store: articles kept once by content hash, whole-batch writes, versioned schema."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import consilience.store
from consilience.errors import StoreError, StoreVersionError
from consilience.models import Article, SkippedInput
from consilience.store import AddResult, Store
from consilience.store.migrations import LATEST_VERSION, MIGRATIONS

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


def make_article(n: int, **changes: object) -> Article:
    fields: dict[str, object] = {
        "id": f"id-{n}",
        "source": f"inputs/article-{n}.txt",
        "text": f"Body of article {n}.",
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def raw_connection(path: Path) -> sqlite3.Connection:
    """A connection that bypasses the store, to check what it really wrote to disk."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def table_names(path: Path) -> set[str]:
    conn = raw_connection(path)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    finally:
        conn.close()
    return {name for (name,) in rows}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    with Store.open(db) as opened:
        yield opened


# Opening and migrating


def test_the_package_exports_exactly_its_public_names() -> None:
    assert sorted(consilience.store.__all__) == ["AddResult", "Store"]
    for name in consilience.store.__all__:
        assert hasattr(consilience.store, name)


def test_open_creates_the_file_and_migrates_it_to_the_latest_version(db: Path) -> None:
    with Store.open(db) as store:
        assert store.schema_version() == LATEST_VERSION
        assert store.count_articles() == 0
    assert db.is_file()
    assert {"articles", "skipped", "stories", "story_articles"} <= table_names(db)


def test_open_accepts_a_string_path_and_an_in_memory_store(db: Path) -> None:
    with Store.open(str(db)) as on_disk:
        assert on_disk.schema_version() == LATEST_VERSION
    with Store.open(":memory:") as in_memory:
        in_memory.add_articles([make_article(1)])
        assert in_memory.count_articles() == 1


def test_the_store_runs_in_wal_mode(db: Path) -> None:
    Store.open(db).close()
    conn = raw_connection(db)
    try:
        (mode,) = conn.execute("PRAGMA journal_mode").fetchone()
    finally:
        conn.close()
    assert mode == "wal"


def test_reopening_keeps_articles_skipped_inputs_and_order(db: Path) -> None:
    articles = [make_article(3), make_article(1), make_article(2)]
    skipped = [SkippedInput("empty.txt", "holds no text")]
    with Store.open(db) as store:
        store.add_articles(articles)
        store.record_skipped(skipped)
    with Store.open(db) as store:
        assert store.articles() == articles
        assert store.skipped() == skipped
        assert store.schema_version() == LATEST_VERSION


def test_a_store_from_a_newer_consilience_is_refused_naming_file_and_versions(db: Path) -> None:
    Store.open(db).close()
    newer = LATEST_VERSION + 1
    conn = raw_connection(db)
    conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()
    with pytest.raises(StoreVersionError) as caught:
        Store.open(db)
    message = str(caught.value)
    assert str(db) in message
    assert str(newer) in message
    assert str(LATEST_VERSION) in message


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    content = "Not a database, just some notes someone typed.\n" * 20
    notes.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        Store.open(notes)
    assert str(notes) in str(caught.value)
    assert "not a SQLite database" in str(caught.value)
    assert notes.read_text(encoding="utf-8") == content


def test_another_programs_sqlite_database_is_not_taken_over(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    conn = raw_connection(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a Consilience store"):
        Store.open(other)
    assert table_names(other) == {"recipes"}


def test_a_directory_is_refused_in_plain_words(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path)
    assert str(tmp_path) in str(caught.value)
    assert "is a directory" in str(caught.value)


def test_a_missing_parent_directory_is_refused_not_created(tmp_path: Path) -> None:
    target = tmp_path / "no-such-dir" / "store.sqlite"
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(target)
    assert not target.parent.exists()


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        if os.access(locked, os.W_OK):
            # Root ignores permission bits; /proc refuses new files even to root.
            proc = Path("/proc")
            if not proc.is_dir():
                pytest.skip("no read-only directory available to this user")
            yield proc
        else:
            yield locked
    finally:
        locked.chmod(0o755)


def test_a_read_only_location_is_refused_naming_the_path(read_only_dir: Path) -> None:
    target = read_only_dir / "consilience-test-store.sqlite"
    with pytest.raises(StoreError) as caught:
        Store.open(target)
    assert str(target) in str(caught.value)
    assert "writable" in str(caught.value)
    assert not target.exists()


def test_a_closed_store_refuses_further_use(db: Path) -> None:
    store = Store.open(db)
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        store.count_articles()


# Adding and reading articles


def test_articles_come_back_in_insertion_order_not_id_order(store: Store) -> None:
    store.add_articles([make_article(2), make_article(9)])
    store.add_articles([make_article(1)])
    assert [a.id for a in store.articles()] == ["id-2", "id-9", "id-1"]


def test_adding_the_same_article_twice_stores_it_once(store: Store) -> None:
    first = store.add_articles([make_article(1), make_article(2)])
    second = store.add_articles([make_article(2), make_article(3)])
    assert first == AddResult(added=("id-1", "id-2"), existing=())
    assert second == AddResult(added=("id-3",), existing=("id-2",))
    assert store.count_articles() == 3


def test_an_id_repeated_within_one_batch_is_stored_once(store: Store) -> None:
    result = store.add_articles([make_article(1), make_article(1)])
    assert result == AddResult(added=("id-1",), existing=("id-1",))
    assert store.articles() == [make_article(1)]


def test_the_first_stored_copy_of_an_id_is_kept(store: Store) -> None:
    store.add_articles([make_article(1, title="First")])
    store.add_articles([make_article(1, title="Second")])
    stored = store.get_article("id-1")
    assert stored is not None
    assert stored.title == "First"


def test_get_article_returns_none_for_an_unknown_id(store: Store) -> None:
    store.add_articles([make_article(1)])
    assert store.get_article("id-1") == make_article(1)
    assert store.get_article("id-404") is None


def test_an_empty_batch_changes_nothing(store: Store) -> None:
    assert store.add_articles([]) == AddResult(added=(), existing=())
    assert store.count_articles() == 0


def test_a_batch_that_fails_midway_writes_nothing_and_keeps_earlier_data(db: Path) -> None:
    with Store.open(db) as store:
        store.add_articles([make_article(1)])
        # text=None breaks the NOT NULL constraint on the third insert of the batch.
        broken = make_article(4, text=None)
        with pytest.raises(StoreError) as caught:
            store.add_articles([make_article(2), make_article(3), broken, make_article(5)])
        assert "id-4" in str(caught.value)
        assert str(db) in str(caught.value)
        assert store.articles() == [make_article(1)]
        # The store stays usable, and the refused batch can be sent again once fixed.
        retried = store.add_articles([make_article(2), make_article(3)])
        assert retried.added == ("id-2", "id-3")
    with Store.open(db) as reopened:
        assert [a.id for a in reopened.articles()] == ["id-1", "id-2", "id-3"]


def test_text_that_is_not_valid_unicode_fails_the_batch_cleanly(store: Store) -> None:
    store.add_articles([make_article(1)])
    lone_surrogate = make_article(2, text="broken \udcff bytes")
    with pytest.raises(StoreError, match="id-2"):
        store.add_articles([make_article(3), lone_surrogate])
    assert store.count_articles() == 1


def test_two_stores_on_one_file_see_each_others_commits(db: Path) -> None:
    with Store.open(db) as writer, Store.open(db) as reader:
        assert reader.count_articles() == 0
        writer.add_articles([make_article(1)])
        assert reader.count_articles() == 1
        assert reader.add_articles([make_article(1)]).existing == ("id-1",)


@pytest.mark.parametrize(
    "published",
    [
        datetime(2024, 3, 5, 14, 30),
        datetime(2024, 3, 5, 14, 30, 15, 123456),
        datetime(2024, 3, 5, 14, 30, tzinfo=UTC),
        datetime(2024, 3, 5, 14, 30, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        datetime(2024, 3, 5, 23, 59, tzinfo=timezone(timedelta(hours=-8))),
    ],
    ids=["naive", "naive-microseconds", "utc", "plus-0530", "minus-0800"],
)
def test_published_keeps_naivety_and_offset_exactly(store: Store, published: datetime) -> None:
    store.add_articles([make_article(1, published=published)])
    stored = store.get_article("id-1")
    assert stored is not None
    assert stored.published is not None
    # isoformat compares wall time and offset, not just the instant.
    assert stored.published.isoformat() == published.isoformat()
    assert stored.published.utcoffset() == published.utcoffset()


# Skipped inputs


def test_skipped_inputs_are_appended_to_a_log_in_order(store: Store) -> None:
    store.record_skipped([SkippedInput("a.bin", "binary data"), SkippedInput("b.txt", "empty")])
    store.record_skipped([])
    store.record_skipped([SkippedInput("a.bin", "binary data")])
    assert store.skipped() == [
        SkippedInput("a.bin", "binary data"),
        SkippedInput("b.txt", "empty"),
        SkippedInput("a.bin", "binary data"),
    ]


# Schema for later stages


def test_story_links_cascade_with_their_story_and_need_a_stored_article(db: Path) -> None:
    with Store.open(db) as store:
        store.add_articles([make_article(1)])
    conn = raw_connection(db)
    try:
        conn.execute("INSERT INTO stories VALUES ('s1', 'Headline', 'then', 'then')")
        conn.execute("INSERT INTO story_articles VALUES ('s1', 'id-1')")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO story_articles VALUES ('s1', 'id-unknown')")
        conn.execute("DELETE FROM stories WHERE id = 's1'")
        assert conn.execute("SELECT COUNT(*) FROM story_articles").fetchone() == (0,)
    finally:
        conn.close()


# Real articles and arbitrary ones


def test_the_seed_articles_round_trip_through_a_reopened_store(db: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not available at {SEEDS}")
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        articles.append(Article(id=digest, source=str(path), text=text))
    assert articles
    with Store.open(db) as store:
        assert len(store.add_articles(articles).added) == len(articles)
    with Store.open(db) as store:
        assert store.articles() == articles


# Fixed offsets strictly inside a day, to the second: every offset a datetime accepts.
offsets = st.integers(min_value=-86_399, max_value=86_399).map(
    lambda seconds: timezone(timedelta(seconds=seconds))
)
optional_text = st.none() | st.text()
any_article = st.builds(
    Article,
    id=st.text(min_size=1),
    source=st.text(),
    text=st.text(),
    title=optional_text,
    outlet=optional_text,
    published=st.none() | st.datetimes(timezones=st.none() | offsets),
    url=optional_text,
    author=optional_text,
    removed=st.lists(st.text()).map(tuple),
)


@given(article=any_article)
def test_any_article_round_trips_unchanged(article: Article) -> None:
    with Store.open(":memory:") as store:
        assert store.add_articles([article]).added == (article.id,)
        stored = store.get_article(article.id)
        assert stored == article
        assert store.articles() == [article]
        if article.published is not None:
            assert stored is not None and stored.published is not None
            assert stored.published.isoformat() == article.published.isoformat()


@given(batches=st.lists(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=6), max_size=4))
def test_every_id_is_reported_once_per_occurrence_and_stored_once(
    batches: list[list[str]],
) -> None:
    seen: list[str] = []
    with Store.open(":memory:") as store:
        for batch in batches:
            result = store.add_articles([Article(id=i, source=i, text=i) for i in batch])
            assert sorted(result.added + result.existing) == sorted(batch)
            for article_id in result.added:
                assert article_id not in seen
                seen.append(article_id)
        assert [a.id for a in store.articles()] == seen
        assert store.count_articles() == len(set(seen))


# Stories: assignments and the story index state (schema v2)


def write_v1_store(path: Path) -> None:
    """A store as Consilience wrote it before v2: the v1 migration and one article."""
    conn = sqlite3.connect(path)
    try:
        for statement in MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 1")
        conn.execute(
            "INSERT INTO articles (id, source, text, removed, ingested_at, seq) "
            "VALUES ('old-1', 'old.txt', 'Stored by v1.', '[]', '2025-01-01T00:00:00+00:00', 1)"
        )
        conn.commit()
    finally:
        conn.close()


def test_a_v1_store_migrates_to_v2_keeping_its_articles(db: Path) -> None:
    write_v1_store(db)
    with Store.open(db) as store:
        assert store.schema_version() == LATEST_VERSION == 2
        assert [a.id for a in store.articles()] == ["old-1"]
        assert store.story_assignments() == {}
        assert store.load_story_index() is None
        assert [a.id for a in store.unassigned_articles()] == ["old-1"]
    assert {"story_assignments", "story_index_state"} <= table_names(db)


def test_assignments_come_back_in_the_order_they_were_made(store: Store) -> None:
    store.add_articles([make_article(n) for n in range(4)])
    store.assign_stories({"id-2": "s-b", "id-0": "s-a"})
    store.assign_stories({"id-3": "s-a"})
    assert list(store.story_assignments().items()) == [
        ("id-2", "s-b"),
        ("id-0", "s-a"),
        ("id-3", "s-a"),
    ]
    assert [a.id for a in store.unassigned_articles()] == ["id-1"]


def test_assigning_an_article_again_moves_it_and_keeps_its_place(store: Store) -> None:
    store.add_articles([make_article(n) for n in range(2)])
    store.assign_stories({"id-0": "s-a", "id-1": "s-a"})
    store.assign_stories({"id-0": "s-b"})
    assert list(store.story_assignments().items()) == [("id-0", "s-b"), ("id-1", "s-a")]


def test_assigning_an_unstored_article_fails_the_whole_batch_naming_it(store: Store) -> None:
    store.add_articles([make_article(1)])
    with pytest.raises(StoreError, match=r"'id-404'.*not stored"):
        store.assign_stories({"id-1": "s-a", "id-404": "s-a"})
    assert store.story_assignments() == {}


def test_story_index_state_round_trips_and_is_replaced(db: Path) -> None:
    state = {"version": 1, "clock": 1.5, "stories": [{"id": "s-a", "terms": {"ö": 0.25}}]}
    with Store.open(db) as store:
        assert store.load_story_index() is None
        store.save_story_index({"version": 1, "clock": None})
        store.save_story_index(state)
    with Store.open(db) as reopened:
        assert reopened.load_story_index() == state


@pytest.mark.parametrize("state", [{}, {"version": "1"}, {"version": 1, "x": {1, 2}}])
def test_a_state_without_integer_version_or_not_json_is_refused(
    store: Store, state: dict[str, object]
) -> None:
    with pytest.raises(StoreError, match="story index state"):
        store.save_story_index(state)
    assert store.load_story_index() is None


def test_clearing_stories_forgets_assignments_and_state_but_keeps_articles(store: Store) -> None:
    store.add_articles([make_article(1)])
    store.assign_stories({"id-1": "s-a"})
    store.save_story_index({"version": 1})
    store.clear_stories()
    assert store.story_assignments() == {}
    assert store.load_story_index() is None
    assert store.count_articles() == 1


def test_writes_in_one_batch_commit_together_or_not_at_all(db: Path) -> None:
    with Store.open(db) as store:
        store.add_articles([make_article(1)])
        with pytest.raises(StoreError, match="id-404"), store.batch("assign"):
            store.assign_stories({"id-1": "s-a"})
            store.save_story_index({"version": 1})
            store.assign_stories({"id-404": "s-a"})
        assert store.story_assignments() == {}
        assert store.load_story_index() is None
        with store.batch("assign"):
            store.assign_stories({"id-1": "s-a"})
            store.save_story_index({"version": 1})
    with Store.open(db) as reopened:
        assert reopened.story_assignments() == {"id-1": "s-a"}
        assert reopened.load_story_index() == {"version": 1}


@given(batches=st.lists(st.dictionaries(st.sampled_from("abcdef"), st.text(), max_size=4)))
def test_assignments_round_trip_as_the_last_story_given_in_first_given_order(
    batches: list[dict[str, str]],
) -> None:
    expected: dict[str, str] = {}
    with Store.open(":memory:") as store:
        store.add_articles([Article(id=i, source=i, text=i) for i in "abcdef"])
        for batch in batches:
            store.assign_stories(batch)
            expected.update(batch)
        assert list(store.story_assignments().items()) == list(expected.items())
