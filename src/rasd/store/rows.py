"""The one place the ``entities`` and ``events`` table rows of a document are built: SQLite, PostgreSQL
and the Spark job write the same columns from the same code."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from rasd.model import Document, Event

ENTITY_COLUMNS = (
    "doc_rowid", "entity_id", "type", "name", "code", "country", "sector", "office", "kind", "mentions",
    "first_start", "first_end", "geo", "kb_id",
)
EVENT_COLUMNS = (
    "doc_rowid", "event_id", "type", "mode", "quad_class", "cameo", "goldstein", "source_codes", "target_codes",
    "source_names", "target_names", "location", "country", "lat", "lon", "date", "sentence_start",
    "sentence_end", "trigger_start", "trigger_end", "negated", "modality", "confidence", "background", "json",
)


def no_nul(value: str | None) -> str | None:
    """Text without NUL characters (PostgreSQL text cannot hold them; they mean nothing in a name)."""
    return value.replace("\x00", "") if value else value


def codes(ev: Event, side: str) -> str:
    """An event side's actor codes, ``;``-joined, as both backends store them."""
    return ";".join(a.code or "" for a in getattr(ev, side))


def entity_rows(rowid: int | str, doc: Document) -> Iterator[tuple[Any, ...]]:
    """The ``entities`` table's rows of a document (its key first: a row id in a store, a doc id in Spark)."""
    for e in doc.entities:
        first = e.mentions[0] if e.mentions else None
        yield (
            rowid, e.id, e.type, no_nul(e.name), e.code, e.country, e.sector, e.office, e.kind, len(e.mentions),
            first.start if first else None, first.end if first else None,
            json.dumps(asdict(e.geo), ensure_ascii=False) if e.geo else None,
            e.actor.kb_id if e.actor else None,
        )


def event_rows(rowid: int | str, doc: Document) -> Iterator[tuple[Any, ...]]:
    """The ``events`` table's rows of a document (its key first: a row id in a store, a doc id in Spark)."""
    for ev in doc.events:
        loc = ev.location or {}
        yield (
            rowid, ev.id, ev.type, ev.mode, ev.quad_class, ev.cameo, ev.score,
            codes(ev, "source"), codes(ev, "target"),
            no_nul(";".join(a.name for a in ev.source)), no_nul(";".join(a.name for a in ev.target)),
            no_nul(loc.get("name")), loc.get("country"), loc.get("lat"), loc.get("lon"), ev.date,
            ev.sentence.start, ev.sentence.end, ev.trigger.start, ev.trigger.end,
            int(ev.negated), ev.modality, ev.confidence, int(ev.background),
            json.dumps(asdict(ev), ensure_ascii=False),
        )


def insert_sql(table: str, columns: tuple[str, ...], mark: str) -> str:
    """``INSERT INTO table (columns) VALUES (mark, ...)`` (``?`` for SQLite, ``%s`` for PostgreSQL)."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
