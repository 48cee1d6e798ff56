"""Write path of the API: pasted text or an uploaded file goes through the same ingest as the CLI."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from rasd.errors import InputError
from rasd.ingest import ingest
from rasd.model import Source
from rasd.pipeline import document_id
from rasd.readers.base import RawDoc, ReadError
from rasd.store import Store
from rasd.text.decode import clean_text

_SUFFIXES = {".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".json", ".jsonl", ".warc", ".gz", ".zip"}


def _summary(report: Any, ids: list[str]) -> dict[str, Any]:
    return {
        "read": report.read, "new": report.new, "already": report.already, "exact": report.exact,
        "near": report.near, "story": report.story, "failed": report.failed, "errors": report.errors[:20],
        "ids": ids,
    }


def ingest_one(store: Store, text: str, *, title: str | None = None, url: str | None = None,
               published: str | None = None) -> dict[str, Any]:
    """Process and store pasted text; returns the ingest summary and the document id."""
    text = clean_text(text)
    if not text.strip():
        raise InputError("empty text")
    meta: dict[str, Any] = {}
    if title:
        meta["title"] = title
    if published:
        meta["published"] = published
    raw = RawDoc(text, Source(url=url, path=None if url else "dashboard"), meta)
    report = ingest([raw], store)
    return _summary(report, [document_id(text)] if report.failed == 0 else [])


def ingest_upload(store: Store, filename: str, upload: IO[bytes]) -> dict[str, Any]:
    """Store an uploaded file with the readers the CLI uses (dispatch by its extension); the records
    stream from the file through ingest, so an archive of many articles is never held whole. The
    summary lists every record: ``stored`` (with its id) or ``failed`` (with the reason)."""
    from rasd.readers.dispatch import read_any

    name = Path(filename).name or "upload.txt"
    suffix = "".join(Path(name).suffixes[-2:]) if Path(name).suffix in _SUFFIXES else ".txt"
    records: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        with path.open("wb") as out:
            shutil.copyfileobj(upload, out, 1 << 20)

        def renamed() -> Iterator[RawDoc | ReadError]:
            for item in read_any([str(path)]):
                if isinstance(item, ReadError):
                    item.where = item.where.replace(str(path), f"upload:{name}")
                    records.append({"source": item.where, "status": "failed", "reason": item.reason})
                else:
                    if item.source.path:
                        item.source.path = item.source.path.replace(str(path), f"upload:{name}")
                    records.append({"source": item.source.url or item.source.path, "status": "stored",
                                    "id": document_id(item.text)})
                yield item

        report = ingest(renamed(), store)
    # documents that failed later (processing, storing) are in the report's errors as "where: reason"
    reasons = dict(e.split(": ", 1) for e in report.errors if ": " in e)
    for rec in records:
        if rec["status"] == "stored" and rec["source"] in reasons:
            rec.update(status="failed", reason=reasons[rec["source"]])
            del rec["id"]
    summary = _summary(report, [r["id"] for r in records if r["status"] == "stored"])
    summary["records"] = records[:1000]
    return summary
