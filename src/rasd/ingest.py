"""The batch driver: read → pipeline → dedup → store, streaming, one transaction per batch.

The per-document work (pipeline, tokens, search shadow, MinHash signatures) runs in worker processes;
the main process keeps the dedup index and writes to the store, in input order, so a run gives the
same database whatever the number of workers, and a run resumed after a crash gives the same database
as a clean one: the index is rebuilt from the stored signatures and stored documents are skipped.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from rasd.dedup import DedupIndex, signatures
from rasd.model import Document
from rasd.pipeline import Pipeline
from rasd.readers.base import RawDoc, ReadError
from rasd.store import DupLink, IngestReport, NewDoc, Store
from rasd.store.search import shadow
from rasd.store.sqlite import source_key
from rasd.text import words

BATCH = 500

_pipeline: Pipeline | None = None


@dataclass
class Prepared:
    """A processed document with what dedup and the search index need."""

    doc: Document
    title_terms: str
    body_terms: str
    near_sig: bytes
    story_sig: bytes


def prepare(raw: RawDoc | ReadError) -> Prepared | ReadError:
    """Run the pipeline on one raw document and compute its search shadow and signatures."""
    global _pipeline
    if isinstance(raw, ReadError):
        return raw
    where = raw.source.url or raw.source.path or "?"
    if not raw.text.strip():
        return ReadError(where, "empty document")
    if _pipeline is None:
        _pipeline = Pipeline()
    try:
        doc = _pipeline.process_text(raw.text, raw.source, raw.meta)
    except Exception as exc:  # one document must not stop a batch; reported with its reason
        return ReadError(where, f"processing failed: {type(exc).__name__}: {exc}")
    toks = words(doc.text)
    title = doc.title or doc.meta.get("title") or ""
    near, story = signatures(toks)
    return Prepared(doc, shadow(words(title)) if title else "", shadow(toks), near, story)


def _chunks(items: Iterable[RawDoc | ReadError], size: int) -> Iterator[list[RawDoc | ReadError]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 1)))


def ingest(
    items: Iterable[RawDoc | ReadError],
    store: Store,
    *,
    batch_size: int = BATCH,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest raw documents into ``store``; returns the summed report (errors listed one per line)."""
    index = DedupIndex(store.text_of)
    index.load(store.signatures())
    report = IngestReport()
    batches = _chunks(items, batch_size)
    if workers <= 1:
        for raws in batches:
            report += _store_batch([prepare(r) for r in raws], store, index)
            if progress:
                progress(len(raws))
        return report
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers) as pool:
        chunk = max(1, batch_size // (workers * 4))
        pending = None
        for raws in batches:
            job = pool.map_async(prepare, raws, chunksize=chunk)  # next batch runs while this one is stored
            if pending is not None:
                done = pending.get()
                report += _store_batch(done, store, index)
                if progress:
                    progress(len(done))
            pending = job
        if pending is not None:
            done = pending.get()
            report += _store_batch(done, store, index)
            if progress:
                progress(len(done))
    return report


def _store_batch(batch: list[Prepared | ReadError], store: Store, index: DedupIndex) -> IngestReport:
    """Dedup one batch against the index and write it in one transaction."""
    report = IngestReport()
    ready = [p for p in batch if isinstance(p, Prepared)]
    known = store.known(p.doc.id for p in ready)
    seen: dict[str, str] = {}
    items: list[NewDoc] = []
    exact: list[DupLink] = []
    for p in batch:
        if isinstance(p, ReadError):
            report.failed += 1
            report.errors.append(str(p))
            continue
        report.read += 1
        doc, key = p.doc, source_key(p.doc)
        first = known.get(doc.id, seen.get(doc.id))
        if first is not None:
            if first == key:
                report.already += 1
            else:
                exact.append(DupLink("exact", doc.id, doc.id, 1.0, key))
            continue
        seen[doc.id] = key
        verdict = index.check(doc.text, p.near_sig, p.story_sig)
        index.add(doc.id, doc.text, p.near_sig, p.story_sig, verdict)
        items.append(
            NewDoc(doc, p.title_terms, p.body_terms, p.near_sig, p.story_sig, verdict.near_of, verdict.near_sim,
                   verdict.story, verdict.story_sim)
        )
    stored = store.add(items, exact)
    index.committed()
    stored.read, stored.failed, stored.errors = report.read, report.failed, report.errors
    stored.already += report.already
    return stored
