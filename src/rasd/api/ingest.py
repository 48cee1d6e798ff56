"""Write path of the API: pasted text or an uploaded file goes through the same ingest as the CLI."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from rasd.errors import InputError
from rasd.ingest import ingest
from rasd.model import Source
from rasd.pipeline import document_id
from rasd.readers.base import RawDoc
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


def ingest_upload(store: Store, filename: str, data: bytes) -> dict[str, Any]:
    """Store an uploaded file with the readers the CLI uses (dispatch by its extension)."""
    from rasd.readers.dispatch import read_any

    name = Path(filename).name or "upload.txt"
    suffix = "".join(Path(name).suffixes[-2:]) if Path(name).suffix in _SUFFIXES else ".txt"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        items = list(read_any([str(path)]))
    for item in items:
        src = getattr(item, "source", None)
        if src is not None and src.path and src.path.startswith(tmp):
            src.path = f"upload:{name}"
    ids = [document_id(i.text) for i in items if isinstance(i, RawDoc)]
    return _summary(ingest(items, store), ids)
