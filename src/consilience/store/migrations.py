"""Versioned schema migrations, tracked in SQLite's ``PRAGMA user_version``.

``MIGRATIONS[n - 1]`` holds the statements that take a store from version ``n - 1`` to ``n``.
Migrations are only ever appended: a released one is never edited, because stores written
with it already exist. Each one runs in its own transaction together with the version bump,
so a store is always at exactly one version, never between two.
"""

from __future__ import annotations

import sqlite3

from consilience.errors import StoreError, StoreVersionError

__all__ = ["LATEST_VERSION", "MIGRATIONS", "migrate", "read_version"]

# v1: articles and the log of set-aside inputs, plus (still empty) story tables so the
# clustering work can store stories without a second migration.
_V1: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        source      TEXT NOT NULL,
        outlet      TEXT,
        title       TEXT,
        published   TEXT,            -- ISO 8601; carries its UTC offset when it had one
        url         TEXT,
        author      TEXT,
        text        TEXT NOT NULL,
        removed     TEXT NOT NULL,   -- JSON list of the lines cleaning removed
        ingested_at TEXT NOT NULL,   -- ISO 8601, UTC
        seq         INTEGER NOT NULL -- insertion order
    )
    """,
    # Unique: listing in insertion order walks this index, and two rows must never tie.
    "CREATE UNIQUE INDEX articles_seq ON articles (seq)",
    """
    CREATE TABLE skipped (
        id          INTEGER PRIMARY KEY,
        source      TEXT NOT NULL,
        reason      TEXT NOT NULL,
        recorded_at TEXT NOT NULL    -- ISO 8601, UTC
    )
    """,
    """
    CREATE TABLE stories (
        id         TEXT PRIMARY KEY,
        headline   TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE story_articles (
        story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles (id),
        PRIMARY KEY (story_id, article_id)
    )
    """,
    # The primary key serves "articles of a story"; this serves "stories of an article".
    "CREATE INDEX story_articles_article ON story_articles (article_id)",
)

# v2: the streaming clusterer's output and state. An article belongs to one story, so the
# assignment is keyed by article (v1's story_articles allows many); ``position`` is the order
# articles were fed to the story index, which ``recluster`` restarts from 1. The index state
# is one JSON row, so an ingest continues the stream where the last one stopped.
_V2: tuple[str, ...] = (
    """
    CREATE TABLE story_assignments (
        article_id TEXT PRIMARY KEY REFERENCES articles (id),
        story_id   TEXT NOT NULL,
        position   INTEGER NOT NULL
    )
    """,
    "CREATE UNIQUE INDEX story_assignments_position ON story_assignments (position)",
    "CREATE INDEX story_assignments_story ON story_assignments (story_id)",
    """
    CREATE TABLE story_index_state (
        id       INTEGER PRIMARY KEY CHECK (id = 1),  -- one index per store
        version  INTEGER NOT NULL,                    -- the state's own format version
        state    TEXT NOT NULL,                       -- JSON
        saved_at TEXT NOT NULL                        -- ISO 8601, UTC
    )
    """,
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2)
LATEST_VERSION = len(MIGRATIONS)


def read_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new, empty one)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def _has_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1"
    ).fetchone()
    return row is not None


def migrate(conn: sqlite3.Connection, name: str) -> int:
    """Bring the database up to ``LATEST_VERSION`` and return that version.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so each migration can own
    its transaction; ``name`` is the file the user gave, used in error messages.
    """
    version = read_version(conn)
    if version > LATEST_VERSION:
        raise StoreVersionError(
            f"{name}: store schema version {version} is newer than this Consilience "
            f"understands (up to {LATEST_VERSION}); upgrade Consilience to open it"
        )
    if version < 0:
        raise StoreError(f"{name}: not a Consilience store (schema version {version})")
    if version == 0 and _has_tables(conn):
        # Creating our tables next to another program's would mix two schemas in one file.
        raise StoreError(
            f"{name}: a SQLite database written by another program, not a Consilience store"
        )
    for target in range(version + 1, LATEST_VERSION + 1):
        # IMMEDIATE takes the write lock now, so two processes opening one new file do not
        # both run the same migration; the loser re-reads the version once it gets the lock.
        conn.execute("BEGIN IMMEDIATE")
        try:
            if read_version(conn) < target:
                for statement in MIGRATIONS[target - 1]:
                    conn.execute(statement)
                # PRAGMA takes no parameters; target is an int we computed, never user input.
                conn.execute(f"PRAGMA user_version = {target:d}")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O)
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return read_version(conn)
