"""The one place the ``entities`` and ``events`` table rows of a document are built: SQLite, PostgreSQL
and the Spark job write the same columns from the same code."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from rasd.model import SYMMETRIC_TYPES, Actor, Document, Event, dumps
from rasd.text.normalize import normalize_word

ENTITY_COLUMNS = (
    "doc_rowid", "entity_id", "type", "name", "code", "country", "sector", "office", "kind", "mentions",
    "first_start", "first_end", "geo", "kb_id", "basis",
)
EVENT_COLUMNS = (
    "doc_rowid", "event_id", "type", "mode", "quad_class", "cameo", "goldstein", "source_codes", "target_codes",
    "source_names", "target_names", "location", "country", "lat", "lon", "date", "sentence_start",
    "sentence_end", "trigger_start", "trigger_end", "negated", "modality", "confidence", "background", "guessed", "cluster", "json",
)



def no_nul(value: str | None) -> str | None:
    """Text without NUL characters (PostgreSQL text cannot hold them; they mean nothing in a name)."""
    return value.replace("\x00", "") if value else value


def codes(ev: Event, side: str) -> str:
    """An event side's actor codes, ``;``-joined, as both backends store them."""
    return ";".join(a.code or "" for a in getattr(ev, side))


def _actor_key(a: Actor) -> str:
    return a.code or " ".join(normalize_word(w) for w in a.name.split())


def cluster_id(ev: Event, doc_id: str) -> str:
    """The event cluster a report belongs to: every report (in any article) of the same type, the same
    actors, the same place and assertion status on the same day is one event. An event with neither
    actors nor place cannot be told apart from another of its type that day, so it is its own cluster.

    A pure function of the event (and, for that last case, its document): the same in every backend and
    in any ingest order. Sixteen hex digits of a BLAKE2b hash.
    """
    src = sorted({_actor_key(a) for a in ev.source})
    tgt = sorted({_actor_key(a) for a in ev.target})
    if ev.type in SYMMETRIC_TYPES:
        src, tgt = sorted({*src, *tgt}), []
    loc = ev.location or {}
    place = str(loc.get("geonameid") or "") or normalize_word(loc.get("name") or "")
    status = "b" if ev.background else "n" if ev.negated else (ev.modality or "a")
    parts = [ev.type, ";".join(src), ";".join(tgt), place, status, (ev.date or "")[:10]]
    if not (src or tgt or place):
        parts += [doc_id, ev.id or f"{ev.trigger.start}"]
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).hexdigest()


def guessed(ev: Event) -> int:
    """1 when an actor of the event has a country only guessed from its article or outlet (``basis``)."""
    return int(any(a.basis for a in (*ev.source, *ev.target)))


def entity_rows(rowid: int | str, doc: Document) -> Iterator[tuple[Any, ...]]:
    """The ``entities`` table's rows of a document (its key first: a row id in a store, a doc id in Spark)."""
    for e in doc.entities:
        first = e.mentions[0] if e.mentions else None
        yield (
            rowid, e.id, e.type, no_nul(e.name), e.code, e.country, e.sector, e.office, e.kind, len(e.mentions),
            first.start if first else None, first.end if first else None,
            dumps(e.geo) if e.geo else None,
            e.actor.kb_id if e.actor else None,
            e.actor.basis if e.actor else None,
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
            int(ev.negated), ev.modality, ev.confidence, int(ev.background), guessed(ev), cluster_id(ev, doc.id),
            dumps(ev),
        )


def insert_sql(table: str, columns: tuple[str, ...], mark: str) -> str:
    """``INSERT INTO table (columns) VALUES (mark, ...)`` (``?`` for SQLite, ``%s`` for PostgreSQL)."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
