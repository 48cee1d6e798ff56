"""The PostgreSQL store: the ``Store`` protocol for a database a team shares (``postgresql://...``).

It mirrors ``SQLiteStore`` query for query. Search uses the very same shadow terms and query parser
(``rasd.store.search``): the shadow terms are stored as a ``tsvector`` built here term by term (no
PostgreSQL parser or dictionary touches them, so the ``simple`` configuration's behaviour is exact and
locale-independent), title terms weighted ``A`` and body terms ``D``, under a GIN index; the FTS5
expression of ``parse_query`` is translated one to one into a ``tsquery`` (phrases with ``<->``,
prefixes with ``:*``), ranked with ``ts_rank_cd`` (title 3:1 body, divided by the number of distinct
terms) and snippets are
cut from the original text by ``rasd.store.search.snippet``.

Concurrent ingesters cannot store one document twice: ``documents.id`` is unique and every insert is
``ON CONFLICT DO NOTHING``; a batch is one transaction, retried whole when PostgreSQL aborts it for a
deadlock between two writers. (Near-duplicate links between documents that two ingesters write at the
same moment are not found: each ingester's dedup index sees what was committed when it started.)
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from rasd.errors import StorageFault, StoreError
from rasd.model import Document
from rasd.store.facts import FACTS_SQL
from rasd.store.filters import (
    EVENT_RECORD,
    POSTGRES,
    doc_filters,
    event_filters,
    event_record,
    export_event_filters,
    listing_filters,
    summary_rows,
    summary_sql,
)
from rasd.store.migrations import LEAD_SQL
from rasd.store.pg_migrations import migrate
from rasd.store.rows import ENTITY_COLUMNS, EVENT_COLUMNS, entity_rows, event_rows, insert_sql, no_nul
from rasd.store.search import COLUMNS, Query, parse_query, shadow, snippet
from rasd.store.types import DupLink, Filters, Hit, IngestReport, NewDoc, Page, add_event_counts, is_stale
from rasd.text import words

EXPORT_KINDS = ("documents", "events", "entities", "duplicates")
WEIGHTS = "{0.3333,0.3333,0.3333,1.0}"  # ts_rank_cd weights for D, C, B, A: title (A) 3 : 1 body (D)
# ts_rank_cd divided by the number of distinct terms: of PostgreSQL's normalisations, the one whose top 10
# agreed most with FTS5's bm25 on bench/pg_vs_sqlite.py's queries (docs/bench/scale.md)
RANK_NORMALIZATION = 8
MAX_POS = 16383  # tsvector positions stop here (PostgreSQL's limit); phrases past it are not found
MAX_POS_PER_TERM = 255  # and keep at most this many positions per term
MAX_TERM_BYTES = 2046  # longer lexemes are refused by PostgreSQL
_RETRIES = 5
# events rows keep their JSON apart (event_json) and say whether their document is a near-duplicate copy
_JSON = EVENT_COLUMNS.index("json")
_CLUSTER = EVENT_COLUMNS.index("cluster")
_EVENT_INSERT = (
    "WITH e AS (" + insert_sql("events", (*EVENT_COLUMNS[:_JSON], "from_copy"), "%s")
    + " RETURNING rowid) INSERT INTO event_json (rowid, json) SELECT rowid, %s FROM e"
)
_BUMP = "UPDATE store_state SET generation = generation + 1"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(title_terms: str, body_terms: str) -> str:
    """The ``tsvector`` of a document's shadow columns: each term with its positions, title first (``A``).

    A gap of one position separates title and body so that no phrase runs across them (as in FTS5,
    where a phrase lies within one column).
    """
    positions: dict[str, dict[int, str]] = defaultdict(dict)
    pos = 0
    for weight, text in (("A", title_terms), ("", body_terms)):
        for t in text.split():
            pos += 1
            if len(t.encode("utf-8")) > MAX_TERM_BYTES:
                continue
            slot = positions[t]
            if len(slot) < MAX_POS_PER_TERM:
                slot.setdefault(min(pos, MAX_POS), weight)  # past the limit, positions collapse to one
        pos += 1
    return " ".join(_lexeme(t) + ":" + ",".join(f"{p}{w}" for p, w in slot.items()) for t, slot in positions.items())


_FTS_TOKEN = re.compile(r'\s*(?:(?P<cols>\{[a-z ]+\}): "(?P<phrase>[^"]*)"(?P<star>\*?)|(?P<op>AND|OR|NOT|\(|\)))')


def to_tsquery(query: Query) -> str:
    """The ``tsquery`` text equivalent to ``parse_query``'s FTS5 expression.

    That expression is made only of column-scoped quoted phrases of letters and digits, ``*``,
    parentheses and ``AND``/``OR``/``NOT``; anything else means the parser changed and is an error.
    """
    out: list[str] = []
    text, at = query.fts, 0
    while at < len(text.rstrip()):
        m = _FTS_TOKEN.match(text, at)
        if m is None or m.end() == at:
            raise StoreError(f"cannot translate search expression at {text[at:at + 20]!r}")
        at = m.end()
        if m.group("cols") is not None:
            if m.group("cols") != COLUMNS:
                raise StoreError(f"unexpected column filter {m.group('cols')!r}")
            terms = m.group("phrase").split()
            if m.group("star") and len(terms) == 1:
                out.append(_lexeme(terms[0]) + ":*")
            else:
                out.append("(" + " <-> ".join(map(_lexeme, terms)) + ")")
        else:
            out.append({"AND": "&", "OR": "|", "NOT": "& !"}.get(m.group("op"), m.group("op")))
    return " ".join(out)


def _fault(exc: Exception, where: str) -> StorageFault | None:
    """A storage fault (disk full, read-only, out of memory or connections) as one line, else None."""
    state = getattr(exc, "sqlstate", None) or ""
    what = {"53100": "the server's disk is full", "25006": "the database is read-only",
            "53200": "the server is out of memory", "53300": "the server has too many connections",
            "57P01": "the server is shutting down", "08006": "the connection to the server was lost"}.get(state)
    return StorageFault(f"cannot write to {where}: {what}; nothing of this batch was stored") if what else None


def _is_retryable(exc: Exception) -> bool:
    return getattr(exc, "sqlstate", None) in ("40P01", "40001")  # deadlock, serialization failure


class PostgresStore:
    """``Store`` over a PostgreSQL database given by a ``postgresql://`` URL."""

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError("the PostgreSQL backend needs psycopg: pip install 'rasd[postgres]'") from None
        self._psycopg = psycopg
        self.url = url
        self.url_safe = re.sub(r"//[^@/]*@", "//", url)  # no password in messages
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
            self.version = migrate(self.conn)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database {_redact(url)}: {str(exc).strip().splitlines()[0]}") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, args).fetchall()

    # --- writing -------------------------------------------------------------------------------
    def known(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """Of these ids, those already stored, with the source each was first stored from."""
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return {}
        rows = self._all("SELECT id, source_url, source_path FROM documents WHERE id = ANY(%s)", (ids,))
        return {doc_id: url or path or "" for doc_id, url, path in rows}

    def add(self, items: Sequence[NewDoc], exact: Sequence[DupLink] = ()) -> IngestReport:
        """Store new documents and exact-duplicate links in one transaction (retried on deadlock)."""
        for attempt in range(_RETRIES):
            try:
                return self._add(items, exact)
            except self._psycopg.Error as exc:
                fault = _fault(exc, self.url_safe)
                if fault is not None:
                    raise fault from None
                if not _is_retryable(exc) or attempt == _RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

    def log_failures(self, failures: Sequence[tuple[str, str]]) -> None:
        """Record inputs that failed (where, reason) in the ingest log."""
        if not failures:
            return
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO ingest_log (at, source, reason) VALUES (%s,%s,%s)",
                    [(_now(), no_nul(w), no_nul(r)) for w, r in failures],
                )
        except self._psycopg.Error as exc:
            raise _fault(exc, self.url_safe) or StoreError(f"cannot write the ingest log: {exc}") from None

    def ingest_log(self, limit: int = 100) -> list[dict[str, str]]:
        """The newest ``limit`` failures of the ingest log."""
        rows = self._all("SELECT at, source, reason FROM ingest_log ORDER BY id DESC LIMIT %s", (limit,))
        return [{"at": a, "source": s, "reason": r} for a, s, r in rows]

    def _add(self, items: Sequence[NewDoc], exact: Sequence[DupLink]) -> IngestReport:
        report = IngestReport()
        now = _now()
        with self.conn.transaction(), self.conn.cursor() as cur:
            entities: list[tuple[Any, ...]] = []
            events: list[tuple[Any, ...]] = []
            sigs: list[tuple[Any, ...]] = []
            for item in items:
                doc = item.doc
                cur.execute(
                    "INSERT INTO documents (id, source_path, source_url, source_site, published, language, title,"
                    " near_of, near_sim, story, story_sim, added, json, search)"
                    " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s::tsvector)"
                    " ON CONFLICT (id) DO NOTHING RETURNING rowid",
                    (
                        doc.id, no_nul(doc.source.path), no_nul(doc.source.url), no_nul(doc.source.site),
                        no_nul(doc.published), doc.language, no_nul(doc.title or doc.meta.get("title")),
                        item.near_of, item.near_sim or None, item.story or doc.id, item.story_sim or None, now,
                        doc.to_json(), tsvector_literal(item.title_terms, item.body_terms),
                    ),
                )
                row = cur.fetchone()
                if row is None:
                    report.already += 1
                    continue
                rowid = row[0]
                report.new += 1
                if item.near_sig:
                    sigs.append((rowid, item.near_sig, item.story_sig))
                if item.near_of:
                    report.near += 1
                    self._link(cur, DupLink("near", doc.id, item.near_of, item.near_sim), now)
                elif item.story and item.story != doc.id:
                    report.story += 1
                    self._link(cur, DupLink("story", doc.id, item.story, item.story_sim), now)
                entities.extend(entity_rows(rowid, doc))
                events.extend((*r, int(bool(item.near_of))) for r in event_rows(rowid, doc))
            if sigs:
                cur.executemany("INSERT INTO signatures VALUES (%s,%s,%s)", sigs)
            if entities:
                cur.executemany(
                    insert_sql("entities", ENTITY_COLUMNS, "%s"),
                    entities,
                )
            self._events(cur, events)
            for link in exact:
                if self._link(cur, link, now):
                    report.exact += 1
                else:
                    report.already += 1
            cur.execute(_BUMP)
        return report

    @staticmethod
    def _events(cur: Any, rows: list[tuple[Any, ...]], clusters: Iterable[str] = ()) -> None:
        """Insert event rows (``event_rows`` plus the from-copy flag; the JSON goes to ``event_json``),
        then decide which lead their clusters and ``clusters`` (those a reprocessed document left)."""
        if rows:
            cur.executemany(_EVENT_INSERT, [(*r[:_JSON], r[_JSON + 1], r[_JSON]) for r in rows])
        touched = sorted({*clusters, *(r[_CLUSTER] for r in rows)})
        if touched:
            cur.execute(LEAD_SQL + " WHERE cluster = ANY(%s)", (touched,))

    @staticmethod
    def _link(cur: Any, link: DupLink, now: str) -> bool:
        cur.execute(
            "INSERT INTO dup_links (kind, doc_id, original_id, similarity, source, added) VALUES (%s,%s,%s,%s,%s,%s)"
            " ON CONFLICT DO NOTHING",
            (link.kind, link.doc_id, link.original_id, link.similarity, no_nul(link.source) or "", now),
        )
        return cur.rowcount > 0

    # --- reading -------------------------------------------------------------------------------
    def get(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT json FROM documents WHERE id = %s", (doc_id,)).fetchone()
        return Document.from_json(row[0]) if row else None

    def text_of(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT json FROM documents WHERE id = %s", (doc_id,)).fetchone()
        return json.loads(row[0]).get("text") if row else None

    def signatures(self) -> Iterator[tuple[str, bytes, bytes, str | None, str | None]]:
        """Every stored signature in insertion order, for rebuilding the dedup index."""
        sql = ("SELECT d.id, s.near, s.story, d.near_of, d.story FROM signatures s"
               " JOIN documents d ON d.rowid = s.doc_rowid ORDER BY s.doc_rowid")
        for doc_id, near, story, near_of, st in self._stream(sql):
            yield doc_id, bytes(near), bytes(story), near_of, st

    def search(self, query: str, filters: Filters | None = None, page: Page | None = None) -> list[Hit]:
        """Ranked (ts_rank_cd, title weighted 3:1) documents matching ``query``, with snippets of the original text."""
        f = filters or Filters()
        p = page or Page()
        parsed = parse_query(query)
        if parsed is None:
            return []
        where, args = listing_filters(f, POSTGRES)
        sql = (
            "SELECT d.id, ts_rank_cd(%s::float4[], d.search, q, %s) AS score, d.title, d.published,"
            " coalesce(d.source_site, d.source_url, d.source_path), d.json"
            " FROM documents d, CAST(%s AS tsquery) q WHERE d.search @@ q"
            + "".join(f" AND {w}" for w in where) + " ORDER BY score DESC, d.rowid LIMIT %s OFFSET %s"
        )
        try:
            rows = self._all(sql, [WEIGHTS, RANK_NORMALIZATION, to_tsquery(parsed), *args, p.limit, p.offset])
        except self._psycopg.errors.SyntaxError as exc:  # a bug in the translation, never the user's input
            raise StoreError(f"search failed: {exc}") from exc
        hits = []
        for doc_id, score, title, published, source, doc_json in rows:
            snip, spans, start = snippet(json.loads(doc_json).get("text") or "", parsed)
            hits.append(Hit(doc_id, float(score), title, published, source, snip, spans, start))
        return hits

    def count_articles(self, query: str = "", filters: Filters | None = None) -> int:
        """How many documents ``search`` (or, without a query, ``latest``) would page through."""
        f = filters or Filters()
        where, args = listing_filters(f, POSTGRES)
        cond = "".join(f" AND {w}" for w in where)
        if not query.strip():
            return self._all("SELECT count(*) FROM documents d WHERE TRUE" + cond, args)[0][0]
        parsed = parse_query(query)
        if parsed is None:
            return 0
        sql = "SELECT count(*) FROM documents d, CAST(%s AS tsquery) q WHERE d.search @@ q" + cond
        try:
            return self._all(sql, [to_tsquery(parsed), *args])[0][0]
        except self._psycopg.errors.SyntaxError as exc:  # a bug in the translation, never the user's input
            raise StoreError(f"search failed: {exc}") from exc

    def latest(self, filters: Filters | None = None, page: Page | None = None) -> list[Hit]:
        """Newest documents first (no query): the dashboard's and API's default listing."""
        f = filters or Filters()
        p = page or Page()
        where, args = listing_filters(f, POSTGRES)
        sql = (
            "SELECT d.id, d.title, d.published, coalesce(d.source_site, d.source_url, d.source_path), d.json"
            " FROM documents d" + ((" WHERE " + " AND ".join(where)) if where else "")
            + " ORDER BY d.published IS NULL, d.published DESC, d.rowid DESC LIMIT %s OFFSET %s"
        )
        out = []
        for i, t, pub, src, doc_json in self._all(sql, [*args, p.limit, p.offset]):
            text = (json.loads(doc_json).get("text") or "")[:240]
            out.append(Hit(i, 0.0, t, pub, src, text.replace("\n", " "), []))
        return out

    def events(self, filters: Filters | None = None, page: Page | None = None) -> list[dict[str, Any]]:
        f = filters or Filters()
        p = page or Page(limit=100)
        where, args = event_filters(f, POSTGRES)
        sql = f"SELECT {EVENT_RECORD} FROM events e JOIN documents d ON d.rowid = e.doc_rowid JOIN event_json j ON j.rowid = e.rowid"
        sql += (" WHERE " + " AND ".join(where)) if where else ""
        sql += ' ORDER BY e.date COLLATE "C" DESC NULLS LAST, e.rowid DESC LIMIT %s OFFSET %s'  # newest first
        return [event_record(*row) for row in self._all(sql, [*args, p.limit, p.offset])]

    def events_at(self, rowids: list[int]) -> list[dict[str, Any]]:
        """The events with these row ids, in this order (a page chosen from ``EventFacts``)."""
        if not rowids:
            return []
        marks = ",".join(["%s"] * len(rowids))
        sql = (
            f"SELECT e.rowid, {EVENT_RECORD} FROM events e JOIN documents d ON d.rowid = e.doc_rowid"
            f" JOIN event_json j ON j.rowid = e.rowid WHERE e.rowid IN ({marks})"
        )
        found = {row[0]: event_record(*row[1:]) for row in self._all(sql, rowids)}
        return [found[r] for r in rowids if r in found]

    def stale(self, versions: dict[str, str]) -> list[str]:
        """Ids of the stored documents whose recorded steps differ from ``versions`` (step name → version;
        a step not recorded is stale too): what ``rasd reprocess`` re-runs."""
        rows = self._all("SELECT id, (json::jsonb -> 'steps')::text FROM documents ORDER BY rowid")
        return [doc_id for doc_id, steps in rows if is_stale(steps, versions)]

    def replace(self, doc: Document, title_terms: str, old_title_terms: str) -> bool:
        """Store ``doc``'s new analysis (title, language, JSON, entities, events, title search terms) over
        the stored document with its id, in one transaction; its text, source and duplicate links stay.
        False when no such document is stored."""
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                cur.execute("SELECT rowid, json FROM documents WHERE id = %s FOR UPDATE", (doc.id,))
                row = cur.fetchone()
                if row is None:
                    return False
                rowid = row[0]
                body_terms = shadow(words(doc.text))
                cur.execute(
                    "UPDATE documents SET title = %s, language = %s, published = %s, json = %s, search = %s::tsvector"
                    " WHERE rowid = %s",
                    (no_nul(doc.title or doc.meta.get("title")), doc.language, no_nul(doc.published), doc.to_json(),
                     tsvector_literal(title_terms, body_terms), rowid),
                )
                cur.execute("SELECT near_of IS NOT NULL FROM documents WHERE rowid = %s", (rowid,))
                copy = int(cur.fetchone()[0])
                cur.execute("SELECT cluster FROM events WHERE doc_rowid = %s", (rowid,))
                old = [c for (c,) in cur.fetchall() if c]
                cur.execute("DELETE FROM entities WHERE doc_rowid = %s", (rowid,))
                cur.execute("DELETE FROM event_json WHERE rowid IN (SELECT rowid FROM events WHERE doc_rowid = %s)", (rowid,))
                cur.execute("DELETE FROM events WHERE doc_rowid = %s", (rowid,))
                cur.executemany(insert_sql("entities", ENTITY_COLUMNS, "%s"), list(entity_rows(rowid, doc)))
                self._events(cur, [(*r, copy) for r in event_rows(rowid, doc)], old)
                cur.execute(_BUMP)
        except self._psycopg.Error as exc:
            fault = _fault(exc, self.url_safe)
            if fault is not None:
                raise fault from None
            raise
        return True

    def change_token(self) -> tuple[Any, ...]:
        """Changes with every committed write (a generation counter bumped in the writing transaction):
        answers computed for one token stay right until it changes. One row read."""
        return tuple(self._all("SELECT generation FROM store_state")[0])

    def event_facts(self) -> Iterator[tuple[Any, ...]]:
        """The narrow columns of every event (``facts.FACT_COLUMNS``), for in-memory summaries."""
        yield from self._stream(FACTS_SQL)

    def event_summary(self, filters: Filters | None = None, top: int = 50) -> dict[str, Any]:
        """Counts over every event that matches (not a page of them): total, per type, per day and type,
        the ``top`` actor pairs and places — what the dashboard's charts draw."""
        where, args = event_filters(filters or Filters(), POSTGRES)
        results = {}
        for name, (sql, limited) in summary_sql(where, top, POSTGRES.ph).items():
            results[name] = self._all(sql, [*args, top] if limited else args)
        return summary_rows(results)

    def actors(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        """Entities with an actor code, with how many documents mention them and how many events they are in."""
        where, args = _doc_filters(filters or Filters(), "d")
        where.append("e.code IS NOT NULL")
        sql = (
            'SELECT e.code, min(e.name COLLATE "C"), count(DISTINCT e.doc_rowid) FROM entities e'
            " JOIN documents d ON d.rowid = e.doc_rowid WHERE " + " AND ".join(where)
            + ' GROUP BY e.code ORDER BY 3 DESC, e.code COLLATE "C"'
        )
        rows = [{"code": c, "name": n, "documents": k} for c, n, k in self._all(sql, args)]
        where.pop()  # the events of the same documents
        pairs = self._all(
            "SELECT ev.source_codes, ev.target_codes FROM events ev JOIN documents d ON d.rowid = ev.doc_rowid"
            + ("".join(f" AND {w}" for w in where).replace(" AND ", " WHERE ", 1)), args
        )
        return add_event_counts(rows, pairs)

    def stats(self) -> dict[str, Any]:
        def one(sql: str) -> Any:
            return self.conn.execute(sql).fetchone()[0]

        return {
            "schema_version": self.version,
            "documents": one("SELECT count(*) FROM documents"),
            "near_duplicates": one("SELECT count(*) FROM documents WHERE near_of IS NOT NULL"),
            "exact_duplicates": one("SELECT count(*) FROM dup_links WHERE kind = 'exact'"),
            "story_links": one("SELECT count(*) FROM dup_links WHERE kind = 'story'"),
            "story_clusters": one("SELECT count(*) FROM (SELECT story FROM documents GROUP BY story HAVING count(*) > 1) s"),
            "entities": one("SELECT count(*) FROM entities"),
            "events": one("SELECT count(*) FROM events"),
            "first_published": one('SELECT min(published COLLATE "C") FROM documents'),
            "last_published": one('SELECT max(published COLLATE "C") FROM documents'),
            "sources": dict(
                self._all("SELECT coalesce(source_site, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, coalesce(source_site, '?') COLLATE \"C\"")
            ),
        }

    def export(self, kind: str, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
        """Stream ``documents`` (their JSON), ``events``, ``entities`` or ``duplicates`` (links)."""
        if kind not in EXPORT_KINDS:
            raise StoreError(f"unknown export kind {kind!r} (one of {', '.join(EXPORT_KINDS)})")
        return self._export(kind, filters or Filters())

    def _export(self, kind: str, f: Filters) -> Iterator[dict[str, Any]]:
        where, args = _doc_filters(f, "d")
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        if kind == "documents":
            for (j,) in self._stream(f"SELECT d.json FROM documents d{cond} ORDER BY d.rowid", args):
                yield json.loads(j)
        elif kind == "events":
            ev_where, ev_args = export_event_filters(f, POSTGRES)
            ev_cond = (" WHERE " + " AND ".join(ev_where)) if ev_where else ""
            sql = (
                f"SELECT {EVENT_RECORD} FROM events e JOIN documents d ON d.rowid = e.doc_rowid"
                f" JOIN event_json j ON j.rowid = e.rowid{ev_cond} ORDER BY e.rowid"
            )
            for row in self._stream(sql, ev_args):
                yield event_record(*row)
        elif kind == "entities":
            sql = (
                "SELECT d.id, e.entity_id, e.type, e.name, e.code, e.country, e.sector, e.office, e.kind, e.kb_id, e.mentions"
                f" FROM entities e JOIN documents d ON d.rowid = e.doc_rowid{cond} ORDER BY e.rowid"
            )
            names = ("doc_id", "entity_id", "type", "name", "code", "country", "sector", "office", "kind", "kb_id", "mentions")
            for row in self._stream(sql, args):
                yield dict(zip(names, row, strict=True))
        else:
            names = ("kind", "doc_id", "original_id", "similarity", "source", "added")
            sql = f'SELECT {", ".join(names)} FROM dup_links ORDER BY added, kind COLLATE "C", doc_id COLLATE "C"'
            for row in self._stream(sql):
                yield dict(zip(names, row, strict=True))

    def _stream(self, sql: str, args: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Rows of a long query on a connection of its own, so other calls may run between rows."""
        conn = self._psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        try:
            with conn.cursor() as cur:
                yield from cur.stream(sql, args)
        finally:
            conn.close()


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    url = re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)
    return re.sub(r"(password=)[^&]*", r"\1***", url)


def _doc_filters(f: Filters, alias: str) -> tuple[list[str], list[Any]]:
    return doc_filters(f, alias, POSTGRES)
