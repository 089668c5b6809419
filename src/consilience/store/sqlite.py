"""The SQLite store: articles keyed by content hash, and a log of inputs set aside.

One file, WAL mode (readers never wait for a writer), foreign keys on. Every write is one
transaction: a batch is stored whole or not at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

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
    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise StoreError(f"{self._name}: the store is closed")
        return self._db

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back and reported as StoreError."""
        conn = self._conn
        try:
            # IMMEDIATE takes the write lock up front, so a concurrent writer waits at BEGIN
            # instead of failing halfway through the batch.
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self._name}: cannot {doing}: {_plain(exc)}") from exc
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
