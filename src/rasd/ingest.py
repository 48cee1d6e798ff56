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
from dataclasses import dataclass, field
from functools import partial

from rasd.dedup import DedupIndex, SignatureBuilder
from rasd.errors import RasdError
from rasd.limits import DEFAULT_LIMITS, Limits
from rasd.model import Document, Token
from rasd.pipeline import Pipeline, document_id
from rasd.readers.base import RawDoc, ReadError, guarded
from rasd.resources import Resources, current, settle_gc
from rasd.store import DupLink, IngestReport, NewDoc, Store, source_key
from rasd.store.search import shadow
from rasd.text import doc_words, iter_words, words

BATCH = 500
BATCH_CHARS = 4_000_000  # text held by one batch (documents are processed while the last is stored)


@dataclass
class Prepared:
    """A processed document with what dedup and the search index need."""

    doc: Document
    title_terms: str
    body_terms: str
    near_sig: bytes
    story_sig: bytes


@dataclass
class Known:
    """An input whose text is already stored, or met earlier in its batch: it needs no NLP, only the
    store's word on whether it is the same copy (``already``) or an exact duplicate from elsewhere."""

    doc_id: str
    key: str  # where this copy came from (url, else path)


def screen(raws: list[RawDoc | ReadError], store: Store) -> list[RawDoc | ReadError | Known]:
    """Exact duplicates found before any NLP, by the id of the normalised text: against the store,
    and within the batch (the first copy is processed, later ones wait for it). Re-ingesting what is
    already stored costs reading and hashing only."""
    ids: list[str | None] = [
        document_id(r.text) if isinstance(r, RawDoc) and r.text.strip() else None for r in raws
    ]
    known = store.known(i for i in ids if i)
    first: set[str] = set()
    out: list[RawDoc | ReadError | Known] = []
    for raw, doc_id in zip(raws, ids, strict=True):
        if doc_id is None or isinstance(raw, ReadError):
            out.append(raw)
        elif doc_id in known or doc_id in first:
            out.append(Known(doc_id, raw.source.url or raw.source.path or ""))
        else:
            first.add(doc_id)
            out.append(raw)
    return out


def process_one(pipeline: Pipeline, raw: RawDoc, limits: Limits = DEFAULT_LIMITS) -> Document | ReadError:
    """``pipeline`` on one raw document; an empty or oversized text, or any failure while processing,
    is that document's one line (a ``ReadError``), never an exception. Used by every face."""
    where = raw.source.url or raw.source.path or "?"
    try:
        if not raw.text.strip():
            return ReadError(where, "empty document")
        too_large = limits.doc_too_large(raw.text)
        if too_large:
            return ReadError(where, f"{too_large}; raise it with --max-doc-mb")
        return pipeline.process_text(raw.text, raw.source, raw.meta)
    except Exception as exc:  # noqa: BLE001 - one document must not stop a batch; reported with its reason
        return ReadError.of(where, "processing", exc)


def prepare(
    raw: RawDoc | ReadError | Known, limits: Limits = DEFAULT_LIMITS, pipeline: Pipeline | None = None
) -> Prepared | ReadError | Known:
    """Run ``pipeline`` (default: all steps, the environment's resources) on one raw document and
    compute its search shadow and signatures."""
    if isinstance(raw, ReadError | Known):
        return raw
    doc = process_one(pipeline or pipeline_for(), raw, limits)
    if isinstance(doc, ReadError):
        return doc
    try:
        body_terms, near, story = index_features(doc.text, doc_words(doc).tokens)
        return Prepared(doc, _title_terms(doc), body_terms, near, story)
    except Exception as exc:  # noqa: BLE001
        return ReadError.of(raw.source.url or raw.source.path or "?", "indexing", exc)


def pipeline_for(res: Resources | None = None) -> Pipeline:
    """Every step with ``res`` (else the current resources), built once per process for equal settings."""
    return (res or current()).get(_pipeline_of)


def _pipeline_of(res: Resources) -> Pipeline:
    return Pipeline(resources=res)


def _title_terms(doc: Document) -> str:
    title = doc.title or doc.meta.get("title") or ""
    return shadow(words(title)) if title else ""


def index_features(text: str, tokens: Iterable[Token] | None = None) -> tuple[str, bytes, bytes]:
    """The search shadow and the (near, story) dedup signatures of ``text`` from one pass over its
    words: the document's tokens when the steps already made them, else a pass that holds none of
    them (a long text costs its shadow, not its tokens)."""
    sig = SignatureBuilder()
    add = sig.add

    def fed(tokens: Iterator[Token]) -> Iterator[Token]:
        for tok in tokens:
            add(tok)
            yield tok

    body_terms = shadow(fed(iter(tokens) if tokens is not None else iter_words(text)))
    near, story = sig.signatures()
    return body_terms, near, story


def _chunks(
    items: Iterable[RawDoc | ReadError], size: int, max_chars: int
) -> Iterator[list[RawDoc | ReadError]]:
    """Batches of at most ``size`` items and about ``max_chars`` of text, so a batch of big documents
    holds a few of them rather than hundreds."""
    chunk: list[RawDoc | ReadError] = []
    held = 0
    for item in guarded(items, "input"):
        chunk.append(item)
        held += len(item.text) if isinstance(item, RawDoc) else 0
        if len(chunk) >= size or held >= max_chars:
            yield chunk
            chunk, held = [], 0
    if chunk:
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
    limits: Limits = DEFAULT_LIMITS,
    pipeline: Pipeline | None = None,
) -> IngestReport:
    """Ingest raw documents into ``store``; returns the summed report (errors listed one per line).
    ``pipeline``: the steps to run and their resources (default: every step, the environment's
    resources); ``Pipeline().select(["language", "structure", "sentences"])`` stores an archive without
    entities and events, which ``rasd reprocess`` can add later.

    A bad input or a document that fails to process is one line in ``report.errors`` and in the
    store's ingest log, and the batch goes on; a storage fault (disk full, read-only, locked) raises
    ``StorageFault`` after the batches already committed, which stay.
    """
    pipeline = pipeline or pipeline_for()
    pipeline.check()  # a malformed user file is one error before any input is read
    settle_gc()
    index = DedupIndex(store.text_of)
    index.load(store.signatures())
    report = IngestReport()
    batches = _chunks(items, batch_size, BATCH_CHARS)
    work = partial(prepare, limits=limits, pipeline=pipeline)
    if workers <= 1:
        for raws in batches:
            report += _store_batch([work(r) for r in screen(raws, store)], store, index)
            if progress:
                progress(len(raws))
        return report
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=settle_gc) as pool:
        pending = None
        for raws in batches:
            chunk = max(1, len(raws) // (workers * 4))
            job = pool.map_async(work, screen(raws, store), chunksize=chunk)  # runs while the last is stored
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


def _store_batch(batch: list[Prepared | ReadError | Known], store: Store, index: DedupIndex) -> IngestReport:
    """Dedup one batch against the index and write it in one transaction; if the transaction fails
    for a reason of one record (not a storage fault), the batch is written record by record so that
    record alone fails."""
    report = IngestReport()
    known = store.known(p.doc.id if isinstance(p, Prepared) else p.doc_id for p in batch if not isinstance(p, ReadError))
    seen: dict[str, str] = {}
    items: list[NewDoc] = []
    exact: list[DupLink] = []
    failures: list[tuple[str, str]] = []
    for p in batch:
        if isinstance(p, ReadError):
            failures.append((p.where, p.reason))
            continue
        doc_id, key = (p.doc_id, p.key) if isinstance(p, Known) else (p.doc.id, source_key(p.doc))
        first = known.get(doc_id, seen.get(doc_id))
        if first is None and isinstance(p, Known):  # its first copy in the batch failed, so does this one
            failures.append((p.key or doc_id, "not processed: the same text failed above"))
            continue
        report.read += 1
        if first is not None:
            if first == key:
                report.already += 1
            else:
                exact.append(DupLink("exact", doc_id, doc_id, 1.0, key))
            continue
        assert isinstance(p, Prepared)
        doc = p.doc
        seen[doc.id] = key
        verdict = index.check(doc.text, p.near_sig, p.story_sig)
        index.add(doc.id, doc.text, p.near_sig, p.story_sig, verdict)
        items.append(
            NewDoc(doc, p.title_terms, p.body_terms, p.near_sig, p.story_sig, verdict.near_of, verdict.near_sim,
                   verdict.story, verdict.story_sim)
        )
    try:
        stored = store.add(items, exact)
    except RasdError:
        raise  # a storage fault: nothing of this batch was written
    except Exception:  # noqa: BLE001 - one record's data the store refused: find it, keep the rest
        stored = IngestReport()
        for item in items:
            try:
                stored += store.add([item], [])
            except RasdError:
                raise
            except Exception as exc:  # noqa: BLE001
                report.read -= 1
                where = item.doc.source.url or item.doc.source.path or item.doc.id
                failures.append((where, f"cannot be stored: {type(exc).__name__}: {str(exc)[:200]}"))
        stored += store.add([], exact)
    index.committed()
    if failures:
        store.log_failures(failures)
    stored.read, stored.failed = report.read, len(failures)
    stored.errors = [f"{where}: {reason}" for where, reason in failures]
    stored.already += report.already
    return stored


@dataclass
class ReprocessReport:
    """What one ``reprocess`` run did."""

    stale: int = 0
    done: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def reprocess(
    store: Store, pipeline: Pipeline | None = None, progress: Callable[[int], None] | None = None,
    limit: int | None = None,
) -> ReprocessReport:
    """Re-run the pipeline on every stored document whose recorded step versions differ from the
    current ones (a new model, lexicon or actor file changes a version: see ``pipeline.step_versions``),
    and store the new analysis over the old; the text, its source and its duplicate links stay. A
    document that fails is one line and keeps its old analysis."""
    pipeline = (pipeline or pipeline_for()).check()
    versions = {s.name: s.version for s in pipeline.steps}
    ids = store.stale(versions)
    report = ReprocessReport(stale=len(ids))
    for doc_id in ids[:limit]:
        old = store.get(doc_id)
        if old is None:
            continue
        meta = {**old.meta, "published": old.published, "published_text": old.published_text}
        new = process_one(pipeline, RawDoc(old.text, old.source, meta), Limits(max_doc_bytes=1 << 62))
        if isinstance(new, ReadError):
            report.failed += 1
            report.errors.append(f"{doc_id}: {new.reason}")
        else:
            store.replace(new, _title_terms(new), _title_terms(old))
            report.done += 1
        if progress:
            progress(1)
    return report
