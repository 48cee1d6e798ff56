"""PostgreSQL schema, as ordered migrations recorded in ``schema_version`` (the same scheme as the
SQLite ``migrations`` module): pending migrations run in one transaction under an advisory lock, so
several processes opening a new database at once create it exactly once.

The layout follows the SQLite schema column for column; the differences are PostgreSQL's own:
``BIGSERIAL`` row ids, ``BYTEA`` signatures, and the search index, a ``tsvector`` column over the
shadow terms (title terms weighted ``A``) with a GIN index instead of an FTS5 table.

Add a change as a new entry at the end of ``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from rasd.errors import StoreError

_LOCK = 0x7261_7364  # "rasd": the advisory lock key that serialises migrations

_V1 = (
    """CREATE TABLE documents (
        rowid BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source_path TEXT, source_url TEXT, source_site TEXT,
        published TEXT, language TEXT, title TEXT,
        near_of TEXT, near_sim DOUBLE PRECISION,
        story TEXT NOT NULL, story_sim DOUBLE PRECISION,
        added TEXT NOT NULL,
        json TEXT NOT NULL,
        search TSVECTOR NOT NULL)""",
    "CREATE INDEX documents_published ON documents(published)",
    "CREATE INDEX documents_site ON documents(source_site)",
    "CREATE INDEX documents_near ON documents(near_of)",
    "CREATE INDEX documents_story ON documents(story)",
    "CREATE INDEX documents_search ON documents USING GIN (search)",
    """CREATE TABLE dup_links (
        kind TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        original_id TEXT NOT NULL,
        similarity DOUBLE PRECISION NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        added TEXT NOT NULL,
        PRIMARY KEY (kind, doc_id, source))""",
    "CREATE INDEX dup_links_original ON dup_links(original_id)",
    """CREATE TABLE signatures (
        doc_rowid BIGINT PRIMARY KEY REFERENCES documents(rowid),
        near BYTEA NOT NULL,
        story BYTEA NOT NULL)""",
    """CREATE TABLE entities (
        rowid BIGSERIAL PRIMARY KEY,
        doc_rowid BIGINT NOT NULL REFERENCES documents(rowid),
        entity_id TEXT, type TEXT, name TEXT, code TEXT, country TEXT, sector TEXT,
        role TEXT, kind TEXT, mentions INTEGER, first_start INTEGER, first_end INTEGER,
        place TEXT)""",
    "CREATE INDEX entities_doc ON entities(doc_rowid)",
    "CREATE INDEX entities_code ON entities(code)",
    """CREATE TABLE events (
        rowid BIGSERIAL PRIMARY KEY,
        doc_rowid BIGINT NOT NULL REFERENCES documents(rowid),
        event_id TEXT, type TEXT NOT NULL, mode TEXT, quad_class INTEGER, cameo TEXT, goldstein DOUBLE PRECISION,
        source_codes TEXT, target_codes TEXT, source_names TEXT, target_names TEXT,
        location TEXT, country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
        date TEXT, sentence_start INTEGER, sentence_end INTEGER,
        trigger_start INTEGER, trigger_end INTEGER,
        negated INTEGER, modality TEXT, confidence DOUBLE PRECISION, background INTEGER,
        json TEXT NOT NULL)""",
    "CREATE INDEX events_doc ON events(doc_rowid)",
    "CREATE INDEX events_date ON events(date)",
    "CREATE INDEX events_type ON events(type)",
)

# entities as {actor: {..., office, kb_id}, geo: {...}}: role becomes office, place becomes geo
_V2 = (
    "ALTER TABLE entities RENAME COLUMN role TO office",
    "ALTER TABLE entities RENAME COLUMN place TO geo",
    "ALTER TABLE entities ADD COLUMN kb_id TEXT",
    "UPDATE entities SET kb_id = entity_id WHERE code IS NOT NULL AND entity_id NOT LIKE 'per:%'"
    " AND entity_id NOT LIKE 'org:%' AND entity_id NOT LIKE 'geo:%' AND entity_id NOT LIKE 'loc:%'",
)

# the ingest log: every input that failed, with where and why
_V3 = ("CREATE TABLE ingest_log (id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, source TEXT NOT NULL, reason TEXT NOT NULL)",)



def _v4(conn: Any) -> None:
    """Events carry their cluster, whether they come from a near-duplicate copy and whether they lead
    their cluster; their JSON moves to ``event_json`` (as in SQLite's migration 4)."""
    from rasd.model import event_from_dict
    from rasd.store.migrations import LEAD_SQL
    from rasd.store.rows import cluster_id

    for sql in (
        "CREATE TABLE event_json (rowid BIGINT PRIMARY KEY, json TEXT NOT NULL)",
        "INSERT INTO event_json (rowid, json) SELECT rowid, json FROM events",
        "ALTER TABLE events DROP COLUMN json",
        "ALTER TABLE events ADD COLUMN cluster TEXT",
        "ALTER TABLE events ADD COLUMN from_copy INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE events ADD COLUMN leads INTEGER NOT NULL DEFAULT 0",
    ):
        conn.execute(sql)
    last = -1
    while rows := conn.execute(
        "SELECT j.rowid, j.json, d.id FROM event_json j JOIN events e ON e.rowid = j.rowid"
        " JOIN documents d ON d.rowid = e.doc_rowid WHERE j.rowid > %s ORDER BY j.rowid LIMIT 5000",
        (last,),
    ).fetchall():
        with conn.cursor() as cur:
            cur.executemany(
                "UPDATE events SET cluster = %s WHERE rowid = %s",
                [(cluster_id(event_from_dict(json.loads(j)), doc_id), rowid) for rowid, j, doc_id in rows],
            )
        last = rows[-1][0]
    for sql in (
        "UPDATE events SET from_copy = 1 WHERE doc_rowid IN (SELECT rowid FROM documents WHERE near_of IS NOT NULL)",
        "CREATE INDEX events_cluster ON events(cluster, from_copy)",
        LEAD_SQL,
        "CREATE INDEX events_leads ON events(leads, date)",
        "CREATE TABLE store_state (generation BIGINT NOT NULL)",
        "INSERT INTO store_state VALUES (0)",
    ):
        conn.execute(sql)


# The search vectors stay in the documents' own rows, compressed (storage MAIN, rows up to a page),
# instead of out of line in the TOAST table: ranking reads the vector of every matching document,
# and fetching ~5,000 of them out of line took 40 % of a query for a frequent word (docs/bench/api.md).
# The UPDATE stores the existing vectors again under the new policy.
_V5 = (
    "ALTER TABLE documents ALTER COLUMN search SET STORAGE MAIN",
    "ALTER TABLE documents SET (toast_tuple_target = 8160)",
    "UPDATE documents SET search = search::text::tsvector",
)

# Where an actor's country was guessed from its article or outlet (as SQLite's migration 5).
_V6 = (
    "ALTER TABLE entities ADD COLUMN basis TEXT",
    "ALTER TABLE events ADD COLUMN guessed INTEGER NOT NULL DEFAULT 0",
)

MIGRATIONS: list[tuple[str, ...] | Callable[[Any], None]] = [_V1, _V2, _V3, _v4, _V5, _V6]
LATEST = len(MIGRATIONS)


def migrate(conn: Any) -> int:
    """Bring the schema to ``LATEST`` on a psycopg connection in autocommit mode; returns the version.

    Refuses a database written by a newer rasd.
    """
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        current = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
        if current > LATEST:
            raise StoreError(f"database schema version {current} is newer than this rasd understands ({LATEST})")
        for number, statements in enumerate(MIGRATIONS, start=1):
            if number > current:
                if callable(statements):
                    statements(conn)
                else:
                    for sql in statements:
                        conn.execute(sql)
                conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (number,))
    return LATEST
