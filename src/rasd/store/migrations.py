"""SQLite schema, as ordered migrations: each runs once and records its number in ``schema_version``;
the pending ones run together in one transaction, so a crash leaves the old schema or the new one.

Add a change as a new function at the end of ``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from rasd.errors import StoreError


def _v1(db: sqlite3.Connection) -> None:
    """Documents, duplicate links, signatures, entities, events and the search index."""
    for sql in (
        """CREATE TABLE documents (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            source_path TEXT, source_url TEXT, source_site TEXT,
            published TEXT, language TEXT, title TEXT,
            near_of TEXT, near_sim REAL,
            story TEXT NOT NULL, story_sim REAL,
            added TEXT NOT NULL)""",
        # the document JSON lives apart so that the narrow rows above stay dense for search filters
        "CREATE TABLE doc_json (rowid INTEGER PRIMARY KEY REFERENCES documents(rowid), json TEXT NOT NULL)",
        "CREATE INDEX documents_published ON documents(published)",
        "CREATE INDEX documents_site ON documents(source_site)",
        "CREATE INDEX documents_near ON documents(near_of)",
        "CREATE INDEX documents_story ON documents(story)",
        """CREATE TABLE dup_links (
            kind TEXT NOT NULL,             -- exact | near | story
            doc_id TEXT NOT NULL,           -- the duplicate (for exact: the same id as the original)
            original_id TEXT NOT NULL,
            similarity REAL NOT NULL,
            source TEXT NOT NULL DEFAULT '', -- where the duplicate was found
            added TEXT NOT NULL,
            PRIMARY KEY (kind, doc_id, source)) WITHOUT ROWID""",
        "CREATE INDEX dup_links_original ON dup_links(original_id)",
        """CREATE TABLE signatures (
            doc_rowid INTEGER PRIMARY KEY REFERENCES documents(rowid),
            near BLOB NOT NULL,   -- MinHash, little-endian uint32
            story BLOB NOT NULL)""",
        """CREATE TABLE entities (
            rowid INTEGER PRIMARY KEY,
            doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
            entity_id TEXT, type TEXT, name TEXT, code TEXT, country TEXT, sector TEXT,
            role TEXT, kind TEXT, mentions INTEGER, first_start INTEGER, first_end INTEGER,
            place TEXT)""",
        "CREATE INDEX entities_doc ON entities(doc_rowid)",
        "CREATE INDEX entities_code ON entities(code)",
        """CREATE TABLE events (
            rowid INTEGER PRIMARY KEY,
            doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
            event_id TEXT, type TEXT NOT NULL, mode TEXT, quad_class INTEGER, cameo TEXT, goldstein REAL,
            source_codes TEXT, target_codes TEXT, source_names TEXT, target_names TEXT,
            location TEXT, country TEXT, lat REAL, lon REAL,
            date TEXT, sentence_start INTEGER, sentence_end INTEGER,
            trigger_start INTEGER, trigger_end INTEGER,
            negated INTEGER, modality TEXT, confidence REAL, background INTEGER,
            json TEXT NOT NULL)""",
        "CREATE INDEX events_doc ON events(doc_rowid)",
        "CREATE INDEX events_date ON events(date)",
        "CREATE INDEX events_type ON events(type, date)",
        # contentless: the shadow forms are not stored twice; snippets come from the original text
        "CREATE VIRTUAL TABLE doc_fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 0')",
    ):
        db.execute(sql)


def _v2(db: sqlite3.Connection) -> None:
    """Entities as ``{actor: {..., office, kb_id}, geo: {...}}``: role becomes office, place becomes geo."""
    for sql in (
        "ALTER TABLE entities RENAME COLUMN role TO office",
        "ALTER TABLE entities RENAME COLUMN place TO geo",
        "ALTER TABLE entities ADD COLUMN kb_id TEXT",
        # earlier rows: a knowledge-base record's id is its entity id (generated ids have a kind: prefix)
        "UPDATE entities SET kb_id = entity_id WHERE code IS NOT NULL AND entity_id NOT LIKE 'per:%'"
        " AND entity_id NOT LIKE 'org:%' AND entity_id NOT LIKE 'geo:%' AND entity_id NOT LIKE 'loc:%'",
    ):
        db.execute(sql)


def _v3(db: sqlite3.Connection) -> None:
    """The ingest log: every input that failed, with where and why, kept with the data it concerns."""
    db.execute(
        "CREATE TABLE ingest_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, source TEXT NOT NULL,"
        " reason TEXT NOT NULL)"
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3]
LATEST = len(MIGRATIONS)


def version(db: sqlite3.Connection, create: bool = True) -> int:
    if create:
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = db.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(db: sqlite3.Connection) -> int:
    """Bring the schema to ``LATEST``; refuses a database written by a newer rasd. Returns the version."""
    db.execute("BEGIN IMMEDIATE")
    try:
        current = version(db)
        if current > LATEST:
            raise StoreError(f"database schema version {current} is newer than this rasd understands ({LATEST})")
        for number, fn in enumerate(MIGRATIONS, start=1):
            if number > current:
                fn(db)
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return LATEST
