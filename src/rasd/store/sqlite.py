"""The SQLite store: one file, WAL, versioned schema, one transaction per batch.

A batch is written whole or not at all, so a process killed at any point (even ``kill -9``) leaves
the database as it was after the last committed batch; re-running an ingest skips what is there
(documents are keyed by ``Document.id``) and completes the rest.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rasd.errors import StorageFault, StoreError
from rasd.model import Document
from rasd.store.facts import FACTS_SQL
from rasd.store.filters import (
    EVENT_RECORD,
    SQLITE,
    doc_filters,
    event_filters,
    event_record,
    export_event_filters,
    listing_filters,
    summary_rows,
    summary_sql,
)
from rasd.store.migrations import LATEST, LEAD_SQL, migrate, version
from rasd.store.rows import ENTITY_COLUMNS, EVENT_COLUMNS, entity_rows, event_rows, insert_sql
from rasd.store.search import parse_query, shadow, snippet
from rasd.store.types import DupLink, Filters, Hit, IngestReport, NewDoc, Page, add_event_counts, is_stale
from rasd.text import words

EXPORT_KINDS = ("documents", "events", "entities", "duplicates")
# events rows keep their JSON apart (event_json) and say whether their document is a near-duplicate copy
_EVENT_INSERT = insert_sql("events", (*EVENT_COLUMNS[:-1], "from_copy"), "?")
_CLUSTER = EVENT_COLUMNS.index("cluster")
# reads through the OS page cache, shared by every connection of every server thread, instead of each
# connection's own copy of the pages (a search is ~25 % faster on all SaudiNewsNet)
MMAP = "PRAGMA mmap_size=1073741824"
_BUMP = "UPDATE store_state SET generation = generation + 1"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore:
    """``Store`` over one SQLite file."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if self.path != ":memory:":
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create database {self.path}: no directory {parent}")
        try:
            if read_only:
                self._open_read_only()
                return
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA busy_timeout=10000")
            self.db.execute(MMAP)
            self.version = migrate(self.db)
        except sqlite3.OperationalError as exc:
            if _fault_kind(exc) not in (_READ_ONLY, _CANNOT_OPEN) or not Path(self.path).is_file():
                raise StoreError(f"cannot open database {self.path}: {exc}") from None
            # a read-only file or mount: searched and served as it is, never written
            self._open_read_only()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from None

    def unmap_reads(self) -> None:
        """For a bulk writer (``rasd ingest``): read through SQLite's own page cache, not a mapping of
        the file. A mapping helps a server's searches; to a writer it gives nothing and adds every page
        it reads to its RSS (296 against 419 MB over 10,000 articles, docs/bench/robustness.md)."""
        self.db.execute("PRAGMA mmap_size=0")

    def _open_read_only(self) -> None:
        """Open for reading only; ``immutable`` where not even WAL's shared-memory file can be made."""
        self.read_only = True
        uri = Path(self.path).expanduser().resolve().as_uri()
        last: Exception | None = None
        for mode in ("mode=ro", "immutable=1"):
            try:
                self.db = sqlite3.connect(f"{uri}?{mode}", uri=True, isolation_level=None, check_same_thread=False)
                self.db.execute(MMAP)
                self.version = version(self.db, create=False)
                break
            except sqlite3.DatabaseError as exc:
                last = exc
        else:
            raise StoreError(f"cannot open database {self.path} read-only: {last}")
        if self.version != LATEST:
            raise StoreError(
                f"database {self.path} is read-only and has schema version {self.version}; this rasd needs"
                f" {LATEST} (open it once where it can be written)"
            )

    def _fault(self, exc: sqlite3.Error) -> StorageFault | None:
        """The one-line storage fault ``exc`` is, or None for an error of one record."""
        what = _fault_kind(exc)
        return StorageFault(f"cannot write to {self.path}: {what}; nothing of this batch was stored") if what else None

    def _rollback(self) -> None:
        """Undo the open transaction, if SQLite has not already done so (it does on a full disk)."""
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def log_failures(self, failures: Sequence[tuple[str, str]]) -> None:
        """Record inputs that failed (where, reason) in the ingest log."""
        if not failures or self.read_only:
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(
                "INSERT INTO ingest_log (at, source, reason) VALUES (?,?,?)",
                [(_now(), _clean(w), _clean(r)) for w, r in failures],
            )
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise self._fault(exc) or StoreError(f"cannot write the ingest log: {exc}") from None

    def ingest_log(self, limit: int = 100) -> list[dict[str, str]]:
        """The newest ``limit`` failures of the ingest log."""
        rows = self.db.execute(
            "SELECT at, source, reason FROM ingest_log ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
        return [{"at": a, "source": s, "reason": r} for a, s, r in rows]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------------
    def known(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """Of these ids, those already stored, with the source each was first stored from."""
        ids = list(dict.fromkeys(doc_ids))
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for doc_id, url, path in self.db.execute(
                f"SELECT id, source_url, source_path FROM documents WHERE id IN ({marks})", chunk
            ):
                out[doc_id] = url or path or ""
        return out

    def add(self, items: Sequence[NewDoc], exact: Sequence[DupLink] = ()) -> IngestReport:
        """Store new documents and exact-duplicate links in one transaction."""
        report = IngestReport()
        now = _now()
        db = self.db
        if self.read_only:
            raise StorageFault(f"cannot write to {self.path}: the database is read-only")
        try:
            db.execute("BEGIN IMMEDIATE")
            for item in items:
                doc = item.doc
                cur = db.execute(
                    "INSERT OR IGNORE INTO documents (id, source_path, source_url, source_site, published,"
                    " language, title, near_of, near_sim, story, story_sim, added)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        doc.id, doc.source.path, doc.source.url, doc.source.site, doc.published, doc.language,
                        doc.title or doc.meta.get("title"), item.near_of, item.near_sim or None,
                        item.story or doc.id, item.story_sim or None, now,
                    ),
                )
                if cur.rowcount == 0:
                    report.already += 1
                    continue
                rowid = cur.lastrowid
                db.execute("INSERT INTO doc_json (rowid, json) VALUES (?,?)", (rowid, doc.to_json()))
                report.new += 1
                db.execute("INSERT INTO doc_fts (rowid, title, body) VALUES (?,?,?)", (rowid, item.title_terms, item.body_terms))
                if item.near_sig:
                    db.execute("INSERT INTO signatures VALUES (?,?,?)", (rowid, item.near_sig, item.story_sig))
                if item.near_of:
                    report.near += 1
                    self._link(DupLink("near", doc.id, item.near_of, item.near_sim), now)
                elif item.story and item.story != doc.id:
                    report.story += 1
                    self._link(DupLink("story", doc.id, item.story, item.story_sim), now)
                self._entities(rowid, doc)
                self._events(rowid, doc, copy=bool(item.near_of))
            for link in exact:
                if self._link(link, now):
                    report.exact += 1
                else:
                    report.already += 1
            db.execute(_BUMP)
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            fault = self._fault(exc)
            if fault is not None:
                raise fault from None
            raise
        except BaseException:
            self._rollback()
            raise
        return report

    def _link(self, link: DupLink, now: str) -> bool:
        cur = self.db.execute(
            "INSERT OR IGNORE INTO dup_links (kind, doc_id, original_id, similarity, source, added) VALUES (?,?,?,?,?,?)",
            (link.kind, link.doc_id, link.original_id, link.similarity, link.source, now),
        )
        return cur.rowcount > 0

    def _entities(self, rowid: int, doc: Document) -> None:
        self.db.executemany(insert_sql("entities", ENTITY_COLUMNS, "?"), entity_rows(rowid, doc))

    def _events(self, rowid: int, doc: Document, copy: bool, clusters: set[str] | None = None) -> None:
        """Insert a document's events (their JSON apart, in ``event_json``), then decide which lead their
        clusters; ``clusters`` adds clusters whose lead may have changed otherwise (a reprocessed document's
        old ones)."""
        touched = set(clusters or ())
        for row in event_rows(rowid, doc):
            cur = self.db.execute(_EVENT_INSERT, (*row[:-1], int(copy)))
            self.db.execute("INSERT INTO event_json (rowid, json) VALUES (?,?)", (cur.lastrowid, row[-1]))
            touched.add(row[_CLUSTER])
        for cluster in touched:
            self.db.execute(LEAD_SQL + " WHERE cluster = ?", (cluster,))

    # --- reading -------------------------------------------------------------------------------
    def get(self, doc_id: str) -> Document | None:
        row = self.db.execute(
            "SELECT j.json FROM documents d JOIN doc_json j ON j.rowid = d.rowid WHERE d.id = ?", (doc_id,)
        ).fetchone()
        return Document.from_json(row[0]) if row else None

    def text_of(self, doc_id: str) -> str | None:
        row = self.db.execute(
            "SELECT json_extract(j.json, '$.text') FROM documents d JOIN doc_json j ON j.rowid = d.rowid WHERE d.id = ?",
            (doc_id,),
        ).fetchone()
        return row[0] if row else None

    def signatures(self) -> Iterator[tuple[str, bytes, bytes, str | None, str | None]]:
        """Every stored signature in insertion order, for rebuilding the dedup index."""
        yield from self.db.execute(
            "SELECT d.id, s.near, s.story, d.near_of, d.story FROM signatures s JOIN documents d ON d.rowid = s.doc_rowid ORDER BY s.doc_rowid"
        )

    def search(self, query: str, filters: Filters | None = None, page: Page | None = None) -> list[Hit]:
        """Ranked (bm25, title weighted 3:1) documents matching ``query``, with snippets of the original text."""
        f = filters or Filters()
        p = page or Page()
        parsed = parse_query(query)
        if parsed is None:
            return []
        where, args = listing_filters(f, SQLITE)
        # rank first on the narrow columns only, then fetch texts for the page (SQLite would compute
        # every selected column, JSON text included, for every match before sorting)
        # the best matches by the index alone first, then the filters on their rows: joining every match
        # with its document row before ranking costs as much as the ranking; when the filters leave too
        # few of those best matches, all matches are ranked with the filters
        ahead = (p.offset + p.limit) * 4 + 100
        cond = "".join(f" AND {w}" for w in where)
        best = (
            "SELECT d.rowid, f.score FROM (SELECT rowid, bm25(doc_fts, 3.0, 1.0) AS score FROM doc_fts"
            " WHERE doc_fts MATCH ? ORDER BY score LIMIT ?) f JOIN documents d ON d.rowid = f.rowid"
            " WHERE 1" + cond + " ORDER BY f.score LIMIT ? OFFSET ?"
        )
        full = (
            "SELECT d.rowid, bm25(doc_fts, 3.0, 1.0) AS score FROM doc_fts JOIN documents d ON d.rowid = doc_fts.rowid"
            " WHERE doc_fts MATCH ?" + cond + " ORDER BY score LIMIT ? OFFSET ?"
        )
        try:
            ranked = self.db.execute(best, [parsed.fts, ahead, *args, p.limit, p.offset]).fetchall()
            if len(ranked) < p.limit and self.db.execute(
                "SELECT count(*) FROM (SELECT 1 FROM doc_fts WHERE doc_fts MATCH ? LIMIT ?)", [parsed.fts, ahead + 1]
            ).fetchone()[0] > ahead:
                ranked = self.db.execute(full, [parsed.fts, *args, p.limit, p.offset]).fetchall()
        except sqlite3.OperationalError as exc:  # a bug in parse_query, never the user's input
            raise StoreError(f"search failed: {exc}") from exc
        hits = []
        for rowid, score in ranked:
            doc_id, title, published, source, text = self.db.execute(
                "SELECT d.id, d.title, d.published, coalesce(d.source_site, d.source_url, d.source_path),"
                " json_extract(j.json, '$.text') FROM documents d JOIN doc_json j ON j.rowid = d.rowid WHERE d.rowid = ?",
                (rowid,),
            ).fetchone()
            snip, spans, start = snippet(text or "", parsed)
            hits.append(Hit(doc_id, -score, title, published, source, snip, spans, start))
        return hits

    def count_articles(self, query: str = "", filters: Filters | None = None) -> int:
        """How many documents ``search`` (or, without a query, ``latest``) would page through."""
        f = filters or Filters()
        where, args = listing_filters(f, SQLITE)
        cond = "".join(f" AND {w}" for w in where)
        if not query.strip():
            return self.db.execute("SELECT count(*) FROM documents d WHERE 1" + cond, args).fetchone()[0]
        parsed = parse_query(query)
        if parsed is None:
            return 0
        sql = "SELECT count(*) FROM doc_fts JOIN documents d ON d.rowid = doc_fts.rowid WHERE doc_fts MATCH ?" + cond
        try:
            return self.db.execute(sql, [parsed.fts, *args]).fetchone()[0]
        except sqlite3.OperationalError as exc:  # a bug in parse_query, never the user's input
            raise StoreError(f"search failed: {exc}") from exc

    def latest(self, filters: Filters | None = None, page: Page | None = None) -> list[Hit]:
        """Newest documents first (no query): the dashboard's and API's default listing."""
        f = filters or Filters()
        p = page or Page()
        where, args = listing_filters(f, SQLITE)
        sql = (
            "SELECT d.id, d.title, d.published, coalesce(d.source_site, d.source_url, d.source_path),"
            " substr(json_extract(j.json, '$.text'), 1, 240) FROM documents d JOIN doc_json j ON j.rowid = d.rowid"
            + ((" WHERE " + " AND ".join(where)) if where else "")
            + " ORDER BY d.published IS NULL, d.published DESC, d.rowid DESC LIMIT ? OFFSET ?"
        )
        return [
            Hit(i, 0.0, t, pub, src, (text or "").replace("\n", " "), [])
            for i, t, pub, src, text in self.db.execute(sql, [*args, p.limit, p.offset])
        ]

    def events(self, filters: Filters | None = None, page: Page | None = None) -> list[dict[str, Any]]:
        f = filters or Filters()
        p = page or Page(limit=100)
        where, args = event_filters(f, SQLITE)
        sql = f"SELECT {EVENT_RECORD} FROM events e JOIN documents d ON d.rowid = e.doc_rowid JOIN event_json j ON j.rowid = e.rowid"
        sql += (" WHERE " + " AND ".join(where)) if where else ""
        sql += " ORDER BY e.date DESC, e.rowid DESC LIMIT ? OFFSET ?"  # newest first, undated last
        return [event_record(*row) for row in self.db.execute(sql, [*args, p.limit, p.offset])]

    def events_at(self, rowids: list[int]) -> list[dict[str, Any]]:
        """The events with these row ids, in this order (a page chosen from ``EventFacts``)."""
        if not rowids:
            return []
        marks = ",".join(["?"] * len(rowids))
        sql = (
            f"SELECT e.rowid, {EVENT_RECORD} FROM events e JOIN documents d ON d.rowid = e.doc_rowid"
            f" JOIN event_json j ON j.rowid = e.rowid WHERE e.rowid IN ({marks})"
        )
        found = {row[0]: event_record(*row[1:]) for row in self.db.execute(sql, rowids)}
        return [found[r] for r in rowids if r in found]

    def stale(self, versions: dict[str, str]) -> list[str]:
        """Ids of the stored documents whose recorded steps differ from ``versions`` (step name → version;
        a step not recorded is stale too): what ``rasd reprocess`` re-runs."""
        rows = self.db.execute(
            "SELECT d.id, json_extract(j.json, '$.steps') FROM documents d JOIN doc_json j ON j.rowid = d.rowid ORDER BY d.rowid"
        ).fetchall()
        return [doc_id for doc_id, steps in rows if is_stale(steps, versions)]

    def replace(self, doc: Document, title_terms: str, old_title_terms: str) -> bool:
        """Store ``doc``'s new analysis (title, language, JSON, entities, events, title search terms) over
        the stored document with its id, in one transaction; its text, source and duplicate links stay.
        False when no such document is stored."""
        if self.read_only:
            raise StorageFault(f"cannot write to {self.path}: the database is read-only")
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute("SELECT rowid FROM documents WHERE id = ?", (doc.id,)).fetchone()
            if row is None:
                db.execute("ROLLBACK")
                return False
            rowid = row[0]
            db.execute(
                "UPDATE documents SET title = ?, language = ?, published = ? WHERE rowid = ?",
                (doc.title or doc.meta.get("title"), doc.language, doc.published, rowid),
            )
            db.execute("UPDATE doc_json SET json = ? WHERE rowid = ?", (doc.to_json(), rowid))
            if title_terms != old_title_terms:  # contentless FTS5: delete with the old terms, insert the new
                body_terms = shadow(words(doc.text))
                db.execute(
                    "INSERT INTO doc_fts (doc_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                    (rowid, old_title_terms, body_terms),
                )
                db.execute("INSERT INTO doc_fts (rowid, title, body) VALUES (?,?,?)", (rowid, title_terms, body_terms))
            copy, = db.execute("SELECT near_of IS NOT NULL FROM documents WHERE rowid = ?", (rowid,)).fetchone()
            old = {c for (c,) in db.execute("SELECT cluster FROM events WHERE doc_rowid = ?", (rowid,))}
            db.execute("DELETE FROM entities WHERE doc_rowid = ?", (rowid,))
            db.execute("DELETE FROM event_json WHERE rowid IN (SELECT rowid FROM events WHERE doc_rowid = ?)", (rowid,))
            db.execute("DELETE FROM events WHERE doc_rowid = ?", (rowid,))
            self._entities(rowid, doc)
            self._events(rowid, doc, copy=bool(copy), clusters=old)
            db.execute(_BUMP)
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            fault = self._fault(exc)
            if fault is not None:
                raise fault from None
            raise
        except BaseException:
            self._rollback()
            raise
        return True

    def change_token(self) -> tuple[Any, ...]:
        """Changes with every committed write (a generation counter bumped in the writing transaction):
        answers computed for one token stay right until it changes. One row read."""
        return tuple(self.db.execute("SELECT generation FROM store_state").fetchone())

    def event_facts(self) -> Iterator[tuple[Any, ...]]:
        """The narrow columns of every event (``facts.FACT_COLUMNS``), for in-memory summaries."""
        yield from self.db.execute(FACTS_SQL)

    def event_summary(self, filters: Filters | None = None, top: int = 50) -> dict[str, Any]:
        """Counts over every event that matches (not a page of them): total, per type, per day and type,
        the ``top`` actor pairs and places — what the dashboard's charts draw."""
        where, args = event_filters(filters or Filters(), SQLITE)
        results = {}
        for name, (sql, limited) in summary_sql(where, top, SQLITE.ph).items():
            results[name] = self.db.execute(sql, [*args, top] if limited else args).fetchall()
        return summary_rows(results)

    def actors(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        """Entities with an actor code, with how many documents mention them and how many events they are in."""
        where, args = _doc_filters(filters or Filters(), "d")
        where.append("e.code IS NOT NULL")
        sql = (
            "SELECT e.code, min(e.name), count(DISTINCT e.doc_rowid) FROM entities e JOIN documents d ON d.rowid = e.doc_rowid"
            " WHERE " + " AND ".join(where) + " GROUP BY e.code ORDER BY 3 DESC, 1"
        )
        rows = [{"code": c, "name": n, "documents": k} for c, n, k in self.db.execute(sql, args[:])]
        where.pop()  # the events of the same documents
        pairs = self.db.execute(
            "SELECT ev.source_codes, ev.target_codes FROM events ev JOIN documents d ON d.rowid = ev.doc_rowid"
            + ("".join(f" AND {w}" for w in where).replace(" AND ", " WHERE ", 1)), args
        )
        return add_event_counts(rows, pairs)

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "schema_version": self.version,
            "documents": one("SELECT count(*) FROM documents"),
            "near_duplicates": one("SELECT count(*) FROM documents WHERE near_of IS NOT NULL"),
            "exact_duplicates": one("SELECT count(*) FROM dup_links WHERE kind = 'exact'"),
            "story_links": one("SELECT count(*) FROM dup_links WHERE kind = 'story'"),
            "story_clusters": one("SELECT count(*) FROM (SELECT story FROM documents GROUP BY story HAVING count(*) > 1)"),
            "entities": one("SELECT count(*) FROM entities"),
            "events": one("SELECT count(*) FROM events"),
            "first_published": one("SELECT min(published) FROM documents"),
            "last_published": one("SELECT max(published) FROM documents"),
            "sources": dict(
                self.db.execute(
                    "SELECT coalesce(source_site, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"
                ).fetchall()
            ),
        }

    def export(self, kind: str, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
        """Stream ``documents`` (their JSON), ``events``, ``entities`` or ``duplicates`` (links)."""
        if kind not in EXPORT_KINDS:
            raise StoreError(f"unknown export kind {kind!r} (one of {', '.join(EXPORT_KINDS)})")
        where, args = _doc_filters(filters or Filters(), "d")
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        if kind == "documents":
            sql = f"SELECT j.json FROM documents d JOIN doc_json j ON j.rowid = d.rowid{cond} ORDER BY d.rowid"
            for (j,) in self.db.execute(sql, args):
                yield json.loads(j)
        elif kind == "events":
            ev_where, ev_args = export_event_filters(filters or Filters(), SQLITE)
            ev_cond = (" WHERE " + " AND ".join(ev_where)) if ev_where else ""
            sql = (
                f"SELECT {EVENT_RECORD} FROM events e JOIN documents d ON d.rowid = e.doc_rowid"
                f" JOIN event_json j ON j.rowid = e.rowid{ev_cond} ORDER BY e.rowid"
            )
            for row in self.db.execute(sql, ev_args):
                yield event_record(*row)
        elif kind == "entities":
            sql = (
                "SELECT d.id, e.entity_id, e.type, e.name, e.code, e.country, e.sector, e.office, e.kind, e.kb_id, e.mentions"
                f" FROM entities e JOIN documents d ON d.rowid = e.doc_rowid{cond} ORDER BY e.rowid"
            )
            names = ("doc_id", "entity_id", "type", "name", "code", "country", "sector", "office", "kind", "kb_id", "mentions")
            for row in self.db.execute(sql, args):
                yield dict(zip(names, row, strict=True))
        else:
            names = ("kind", "doc_id", "original_id", "similarity", "source", "added")
            for row in self.db.execute(f"SELECT {', '.join(names)} FROM dup_links ORDER BY added, kind, doc_id"):
                yield dict(zip(names, row, strict=True))


def _doc_filters(f: Filters, alias: str) -> tuple[list[str], list[Any]]:
    return doc_filters(f, alias, SQLITE)


_READ_ONLY = "the database is read-only"
_CANNOT_OPEN = "the database file cannot be opened"
# SQLite's messages for a store that cannot write at all (not one record's fault), and what they mean
_FAULTS = (
    ("full", "the disk (or the database's size limit) is full"),
    ("readonly", _READ_ONLY),
    ("read-only", _READ_ONLY),
    ("locked", "the database is locked by another process"),
    ("busy", "the database is locked by another process"),
    ("disk i/o", "a disk I/O error"),
    ("unable to open", _CANNOT_OPEN),
)


def _fault_kind(exc: sqlite3.Error) -> str | None:
    msg = str(exc).lower()
    return next((what for needle, what in _FAULTS if needle in msg), None)


def _clean(value: str) -> str:
    """Text that SQLite can bind (lone surrogates from broken input replaced)."""
    return value.encode("utf-8", "replace").decode("utf-8")
