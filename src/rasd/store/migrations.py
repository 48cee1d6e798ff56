"""SQLite schema, as ordered migrations: each runs once and records its number in ``schema_version``;
the pending ones run together in one transaction, so a crash leaves the old schema or the new one.

Add a change as a new function at the end of ``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

import json
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


def _v4(db: sqlite3.Connection) -> None:
    """Events carry their cluster (one event, many reports), whether they come from a near-duplicate copy
    and whether they lead their cluster; their JSON moves to ``event_json`` so that counts over all
    events scan narrow rows (the JSON made the table ~20× wider than what the charts read)."""
    from rasd.model import event_from_dict
    from rasd.store.rows import cluster_id

    for sql in (
        "CREATE TABLE event_json (rowid INTEGER PRIMARY KEY, json TEXT NOT NULL)",
        "INSERT INTO event_json (rowid, json) SELECT rowid, json FROM events",
        "ALTER TABLE events DROP COLUMN json",
        "ALTER TABLE events ADD COLUMN cluster TEXT",
        "ALTER TABLE events ADD COLUMN from_copy INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE events ADD COLUMN leads INTEGER NOT NULL DEFAULT 0",
    ):
        db.execute(sql)
    last = -1
    while rows := db.execute(  # in chunks: an archive of millions of events is never held whole
        "SELECT j.rowid, j.json, d.id FROM event_json j JOIN events e ON e.rowid = j.rowid"
        " JOIN documents d ON d.rowid = e.doc_rowid WHERE j.rowid > ? ORDER BY j.rowid LIMIT 5000",
        (last,),
    ).fetchall():
        db.executemany(
            "UPDATE events SET cluster = ? WHERE rowid = ?",
            [(cluster_id(event_from_dict(json.loads(j)), doc_id), rowid) for rowid, j, doc_id in rows],
        )
        last = rows[-1][0]
    for sql in (
        "UPDATE events SET from_copy = 1 WHERE doc_rowid IN (SELECT rowid FROM documents WHERE near_of IS NOT NULL)",
        "CREATE INDEX events_cluster ON events(cluster, from_copy)",
        LEAD_SQL + " WHERE 1",
        "CREATE INDEX events_leads ON events(leads, date)",
        # bumped by every write: what a server's answers and in-memory columns are valid for
        "CREATE TABLE store_state (generation INTEGER NOT NULL)",
        "INSERT INTO store_state VALUES (0)",
    ):
        db.execute(sql)


# A report leads its cluster when it is the first (lowest row id) not from a near-duplicate copy: the
# one record per event that listings, charts and exports show by default. (The same text in PostgreSQL.)
LEAD_SQL = (
    "UPDATE events SET leads = CASE WHEN from_copy = 0 AND rowid = (SELECT min(x.rowid) FROM events x"
    " WHERE x.cluster = events.cluster AND x.from_copy = 0) THEN 1 ELSE 0 END"
)


def _v5(db: sqlite3.Connection) -> None:
    """Where an actor's country was guessed from its article or outlet (``EntityActor.basis``): the
    entity's basis, and whether an event has such an actor (earlier rows had no guesses: 0)."""
    for sql in (
        "ALTER TABLE entities ADD COLUMN basis TEXT",
        "ALTER TABLE events ADD COLUMN guessed INTEGER NOT NULL DEFAULT 0",
    ):
        db.execute(sql)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3, _v4, _v5]
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
