"""Streaming export encoders shared by the API and the CLI: rows in, bytes out, never all in memory.

Rows are the dicts a store's ``export(kind)`` yields. CSV and Parquet get one flat row per record
(nested values as JSON text); PLOVER JSON is one array of PLOVER records (events only).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields as dc_fields
from itertools import islice
from typing import Any

from rasd.errors import ConfigError
from rasd.export.events import flat_row as flat_event
from rasd.export.events import plover_record
from rasd.model import Document, Event

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "plover")
MEDIA = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "plover": "application/json",
}
BATCH = 1000
_EVENT_FIELDS = {f.name for f in dc_fields(Event)}


DocLookup = Callable[[str], Document | None]


def _event_and_doc(row: dict[str, Any], doc_of: DocLookup | None) -> tuple[Event, Document]:
    """Rebuild the Event of an exported row and the document it came from (or a stand-in)."""
    fields = {k: v for k, v in row.items() if k in _EVENT_FIELDS}
    event = Document.from_dict({"id": "0" * 16, "text": "", "events": [fields]}).events[0]
    doc = doc_of(row["doc_id"]) if doc_of and row.get("doc_id") else None
    return event, doc or Document(id=row.get("doc_id") or "", text="")


def flat_row(row: dict[str, Any], kind: str, doc_of: DocLookup | None = None) -> dict[str, Any]:
    """One flat record: events use the flat event table of ``rasd.export.events`` (GDELT/ICEWS-like)."""
    if kind == "events":
        return flat_event(*_event_and_doc(row, doc_of), row.get("cluster"), row.get("reports"))
    if kind == "documents":
        src = row.get("source") or {}
        dl = row.get("dateline") or {}
        return {
            "id": row.get("id"), "title": row.get("title"), "subtitle": row.get("subtitle"),
            "published": row.get("published"), "language": row.get("language"),
            "source_site": src.get("site"), "source_url": src.get("url"), "source_path": src.get("path"),
            "dateline_source": dl.get("source"), "dateline_place": dl.get("place"),
            "entities": len(row.get("entities") or []), "events": len(row.get("events") or []),
            "text": row.get("text"),
        }
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v) for k, v in row.items()}


def _jsonl(rows: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    for row in rows:
        yield (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")


def _csv(rows: Iterable[dict[str, Any]], kind: str, doc_of: DocLookup | None) -> Iterator[bytes]:
    buf = io.StringIO()
    writer: csv.DictWriter | None = None
    for i, row in enumerate(rows):
        flat = flat_row(row, kind, doc_of)
        if writer is None:
            writer = csv.DictWriter(buf, fieldnames=list(flat), extrasaction="ignore")
            buf.write("\ufeff")  # Excel opens UTF-8 Arabic correctly only with a BOM
            writer.writeheader()
        writer.writerow(flat)
        if i % BATCH == BATCH - 1:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    if writer is None:
        buf.write("\ufeff")
    yield buf.getvalue().encode("utf-8")


def _parquet(rows: Iterable[dict[str, Any]], kind: str, doc_of: DocLookup | None) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    writer = None
    schema = None
    it = iter(rows)
    while batch := [flat_row(r, kind, doc_of) for r in islice(it, BATCH)]:
        if schema is None:
            table = pa.Table.from_pylist(batch)
            schema = pa.schema([f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in table.schema])
            table = table.cast(schema)
            writer = pq.ParquetWriter(sink, schema)
        else:
            table = pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in batch], schema=schema)
        writer.write_table(table)
        yield sink.getvalue()
        sink.seek(0)
        sink.truncate()
    if writer is None:
        pq.write_table(pa.table({"id": pa.array([], pa.string())}), sink)
    else:
        writer.close()
    yield sink.getvalue()


def _plover(rows: Iterable[dict[str, Any]], doc_of: DocLookup | None) -> Iterator[bytes]:

    yield b"["
    for i, row in enumerate(rows):
        record = plover_record(*_event_and_doc(row, doc_of))
        yield (("," if i else "") + "\n" + json.dumps(record, ensure_ascii=False)).encode("utf-8")
    yield b"\n]\n"


def stream_rows(
    rows: Iterable[dict[str, Any]], fmt: str, kind: str, doc_of: DocLookup | None = None
) -> tuple[str, Iterator[bytes]]:
    """The media type and the byte stream of ``rows`` encoded as ``fmt``; ``doc_of`` finds an event's document."""
    if fmt == "jsonl":
        return MEDIA[fmt], _jsonl(rows)
    if fmt == "csv":
        return MEDIA[fmt], _csv(rows, kind, doc_of)
    if fmt == "parquet":
        if importlib.util.find_spec("pyarrow") is None:
            raise ConfigError("Parquet export needs pyarrow, an optional part: pip install 'rasd[parquet]'")
        return MEDIA[fmt], _parquet(rows, kind, doc_of)
    if fmt == "plover":
        return MEDIA[fmt], _plover(rows, doc_of)
    raise ValueError(f"unknown export format {fmt!r}")
