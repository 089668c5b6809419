"""The SQLite store: articles keyed by content hash, a log of inputs set aside, and the
story each article was assigned to with the state of the streaming story index.

One file, WAL mode (readers never wait for a writer), foreign keys on. Every write is one
transaction: a batch is stored whole or not at all. ``Store.batch`` groups several writes
(and the reads they depend on) into one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from consilience.errors import StoreError
from consilience.models import Article, SkippedInput
from consilience.store.migrations import migrate, read_version

__all__ = ["AddResult", "Store"]

MEMORY = ":memory:"

# How long a write waits for another process's transaction before failing. sqlite3's own
# default; a batch of articles commits in well under a second, so 5 s is ample headroom.
BUSY_TIMEOUT_SECONDS = 5.0

# SQLite's messages, reworded for someone who has only the file name to go on.
_PLAIN_REASONS: dict[str, str] = {
    "file is not a database": "the file is not a SQLite database",
    "unable to open database file": "the file cannot be created or opened here "
    "(is the location writable?)",
    "attempt to write a readonly database": "the store is read-only",
    "database is locked": "another process is writing to the store; try again",
    "disk I/O error": "the disk could not be read or written",
    "database or disk is full": "the disk is full",
}

_ARTICLE_COLUMNS = "id, source, outlet, title, published, url, author, text, removed"


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``Store.add_articles`` did with each article: newly stored or already there."""

    added: tuple[str, ...]
    existing: tuple[str, ...]


def _plain(exc: sqlite3.Error) -> str:
    message = str(exc)
    for known, plain in _PLAIN_REASONS.items():
        if message.startswith(known):
            return plain
    return message


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _article_row(article: Article, ingested_at: str) -> tuple[object, ...]:
    # isoformat keeps naive datetimes naive and writes an aware one's offset, and
    # fromisoformat reads back every string isoformat writes, so the value round-trips.
    published = article.published.isoformat() if article.published is not None else None
    removed = json.dumps(list(article.removed), ensure_ascii=False)
    return (
        article.id,
        article.source,
        article.outlet,
        article.title,
        published,
        article.url,
        article.author,
        article.text,
        removed,
        ingested_at,
    )


def _to_article(row: sqlite3.Row) -> Article:
    published = row["published"]
    return Article(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        title=row["title"],
        outlet=row["outlet"],
        published=datetime.fromisoformat(published) if published is not None else None,
        url=row["url"],
        author=row["author"],
        removed=tuple(json.loads(row["removed"])),
    )


def _check_location(path: Path) -> None:
    """Fail early, in plain words, on locations SQLite would reject with a vague message."""
    if path.is_dir():
        raise StoreError(f"{path}: cannot open store: it is a directory, not a file")
    parent = path.parent
    if not parent.is_dir():
        raise StoreError(f"{path}: cannot open store: the directory {parent} does not exist")


class Store:
    """SQLite store of articles (and later stories and facts).

    >>> with Store.open(":memory:") as store:
    ...     store.add_articles([Article(id="a1", source="a.txt", text="Text.")]).added
    ('a1',)
    """

    def __init__(self, conn: sqlite3.Connection, name: str) -> None:
        """Wrap an open, migrated connection; use ``Store.open`` instead."""
        self._db: sqlite3.Connection | None = conn
        self._name = name
        self._depth = 0  # how many batches are open: nested writes join the outermost

    @classmethod
    def open(cls, path: Path | str) -> Self:
        """Open (creating and migrating) the store at ``path``; ``":memory:"`` for a throwaway."""
        name = str(path)
        if name != MEMORY:
            _check_location(Path(path))
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a batch is one
            # transaction and migrations can each own theirs.
            conn = sqlite3.connect(name, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{name}: cannot open store: {_plain(exc)}") from exc
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            # The first statement to read the file: a non-SQLite file fails here.
            conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable across application crashes in WAL mode and much faster
            # than FULL; only a power cut can lose the last commits.
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn, name)
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"{name}: cannot open store: {_plain(exc)}") from exc
        return cls(conn, name)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._name!r})"

    @property
    def name(self) -> str:
        """The file the store was opened from, as given."""
        return self._name

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise StoreError(f"{self._name}: the store is closed")
        return self._db

    @contextmanager
    def batch(self, doing: str = "write a batch") -> Iterator[None]:
        """One transaction around several calls: all their writes commit together or none do.

        Reads inside see a snapshot no other writer can change until the batch ends.
        """
        with self._transaction(doing):
            yield

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back and reported as StoreError.

        Inside an open batch it joins that batch's transaction instead of starting one.
        """
        conn = self._conn
        if self._depth:
            self._depth += 1
            try:
                yield conn
            finally:
                self._depth -= 1
            return
        try:
            # IMMEDIATE takes the write lock up front, so a concurrent writer waits at BEGIN
            # instead of failing halfway through the batch.
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self._name}: cannot {doing}: {_plain(exc)}") from exc
        self._depth = 1
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            # SQLite already rolls back by itself after some errors (disk full, I/O).
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self._name}: cannot {doing}: {_plain(exc)}") from exc
            raise
        finally:
            self._depth = 0

    def add_articles(self, articles: Sequence[Article]) -> AddResult:
        """Store the articles not stored yet, in one transaction, and say which were new.

        An id already stored (or repeated within ``articles``) is not written again; every
        input id is listed once per occurrence in either ``added`` or ``existing``.
        """
        added: list[str] = []
        existing: list[str] = []
        ingested_at = _now()
        with self._transaction("add articles") as conn:
            for article in articles:
                try:
                    row = _article_row(article, ingested_at)
                    cursor = conn.execute(
                        f"INSERT INTO articles ({_ARTICLE_COLUMNS}, ingested_at, seq) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        "(SELECT COALESCE(MAX(seq), 0) + 1 FROM articles)) "
                        # Only a clash on id means "already stored"; every other constraint
                        # (NOT NULL, ...) still fails the batch.
                        "ON CONFLICT (id) DO NOTHING",
                        row,
                    )
                except sqlite3.Error as exc:
                    raise StoreError(
                        f"{self._name}: cannot add article {article.id!r} "
                        f"from {article.source}: {_plain(exc)}"
                    ) from exc
                except (UnicodeEncodeError, TypeError) as exc:
                    # A malformed Article (lone surrogates, a non-string field) cannot be
                    # bound; report it like any other reason the batch was refused.
                    raise StoreError(
                        f"{self._name}: cannot add article {article.id!r} "
                        f"from {article.source}: {exc}"
                    ) from exc
                (added if cursor.rowcount == 1 else existing).append(article.id)
        return AddResult(added=tuple(added), existing=tuple(existing))

    def articles(self) -> list[Article]:
        """Every stored article, in the order it was first added."""
        rows = self._read(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY seq", ())
        return [_to_article(row) for row in rows]

    def get_article(self, article_id: str) -> Article | None:
        """The article with this id, or None when it is not stored."""
        rows = self._read(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        return _to_article(rows[0]) if rows else None

    def count_articles(self) -> int:
        """How many articles are stored."""
        return int(self._read("SELECT COUNT(*) FROM articles", ())[0][0])

    def record_skipped(self, skipped: Sequence[SkippedInput]) -> None:
        """Append set-aside inputs to the log, with the time they were recorded."""
        recorded_at = _now()
        with self._transaction("record skipped inputs") as conn:
            conn.executemany(
                "INSERT INTO skipped (source, reason, recorded_at) VALUES (?, ?, ?)",
                [(item.source, item.reason, recorded_at) for item in skipped],
            )

    def skipped(self) -> list[SkippedInput]:
        """Every input ever recorded as set aside, oldest first."""
        rows = self._read("SELECT source, reason FROM skipped ORDER BY id", ())
        return [SkippedInput(source=row["source"], reason=row["reason"]) for row in rows]

    # --- stories ----------------------------------------------------------------------------

    def assign_stories(self, mapping: Mapping[str, str]) -> None:
        """Record the story of each article (article id -> story id), in one transaction.

        Positions continue after the last stored one, in ``mapping`` order; an article
        assigned again keeps its position and takes the new story.
        """
        with self._transaction("assign stories") as conn:
            row = conn.execute(
                "SELECT COALESCE(MAX(position), 0) FROM story_assignments"
            ).fetchone()
            position = int(row[0])
            for article_id, story_id in mapping.items():
                position += 1
                try:
                    conn.execute(
                        "INSERT INTO story_assignments (article_id, story_id, position) "
                        "VALUES (?, ?, ?) "
                        "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
                        (article_id, story_id, position),
                    )
                except sqlite3.IntegrityError as exc:
                    raise StoreError(
                        f"{self._name}: cannot assign article {article_id!r} to story "
                        f"{story_id!r}: the article is not stored"
                    ) from exc

    def story_assignments(self) -> dict[str, str]:
        """Article id -> story id for every assigned article, in the order they were fed."""
        rows = self._read(
            "SELECT article_id, story_id FROM story_assignments ORDER BY position", ()
        )
        return {row["article_id"]: row["story_id"] for row in rows}

    def unassigned_articles(self) -> list[Article]:
        """Stored articles with no story yet, in the order they were first added."""
        rows = self._read(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id NOT IN "
            "(SELECT article_id FROM story_assignments) ORDER BY seq",
            (),
        )
        return [_to_article(row) for row in rows]

    def save_story_index(self, state: Mapping[str, Any]) -> None:
        """Store the story index state (JSON-ready, with an integer ``version``), replacing any."""
        version = state.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise StoreError(
                f"{self._name}: cannot save story index state: it needs an integer 'version', "
                f"got {version!r}"
            )
        try:
            payload = json.dumps(state, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise StoreError(
                f"{self._name}: cannot save story index state: not JSON data: {exc}"
            ) from exc
        with self._transaction("save story index state") as conn:
            conn.execute(
                "INSERT INTO story_index_state (id, version, state, saved_at) VALUES (1, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET version = excluded.version, "
                "state = excluded.state, saved_at = excluded.saved_at",
                (version, payload, _now()),
            )

    def load_story_index(self) -> dict[str, Any] | None:
        """The saved story index state, or None when none was saved (or it was cleared)."""
        rows = self._read("SELECT state FROM story_index_state WHERE id = 1", ())
        if not rows:
            return None
        state = json.loads(rows[0]["state"])
        if not isinstance(state, dict):
            raise StoreError(f"{self._name}: the saved story index state is not a JSON object")
        return state

    def clear_stories(self) -> None:
        """Forget every story assignment and the index state, ready to recluster from scratch."""
        with self._transaction("clear stories") as conn:
            conn.execute("DELETE FROM story_assignments")
            conn.execute("DELETE FROM story_index_state")

    def schema_version(self) -> int:
        """The schema version of the open store."""
        try:
            return read_version(self._conn)
        except sqlite3.Error as exc:
            raise StoreError(f"{self._name}: cannot read store: {_plain(exc)}") from exc

    def close(self) -> None:
        """Close the store; closing twice is harmless."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def _read(self, sql: str, params: tuple[object, ...]) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self._name}: cannot read store: {_plain(exc)}") from exc
