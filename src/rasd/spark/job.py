"""The Spark job: inputs → exact dedup → the per-document pipeline in ``mapPartitions`` → distributed
near-duplicate/story detection → Parquet tables ``documents``, ``entities``, ``events`` (partitioned by
publication date, ``pub_date``) and ``duplicates``; optionally loaded into PostgreSQL.

The per-document work is ``rasd.ingest.prepare``, the function ``rasd ingest`` runs in its worker pool:
the pipeline, the search shadow and the MinHash signatures. The driver's ``rasd.resources.Resources``
(the user's actor files, NER model and event tables) travels with each task as its settings (a few
hundred bytes); the models, gazetteers and lexicons are loaded for them lazily once per Python worker
process and reused for every partition that worker runs (Spark reuses Python workers), so resources
load once per executor core, not per task.

Exact duplicates (same ``Document.id``) are settled before the pipeline runs: the first occurrence in
input order is kept, later ones from another source become ``exact`` links, as in ``rasd ingest``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from rasd.errors import ConfigError
from rasd.readers.base import RawDoc, ReadError
from rasd.resources import Resources, settle_gc

SHOW_ERRORS = 20
LOAD_BATCH = 500

DOC_FIELDS = (
    ("id", "string"), ("ord", "string"), ("published", "string"), ("pub_date", "string"),
    ("source_site", "string"), ("source_url", "string"), ("source_path", "string"), ("title", "string"),
    ("language", "string"), ("text", "string"), ("json", "string"), ("title_terms", "string"),
    ("body_terms", "string"), ("near_sig", "binary"), ("story_sig", "binary"),
    ("near_bands", "array<bigint>"), ("story_bands", "array<bigint>"),
)
ENTITY_FIELDS = (
    ("doc_id", "string"), ("entity_id", "string"), ("type", "string"), ("name", "string"), ("code", "string"),
    ("country", "string"), ("sector", "string"), ("office", "string"), ("kind", "string"), ("mentions", "int"),
    ("first_start", "int"), ("first_end", "int"), ("geo", "string"), ("kb_id", "string"), ("basis", "string"), ("pub_date", "string"),
)
EVENT_FIELDS = (
    ("doc_id", "string"), ("event_id", "string"), ("type", "string"), ("mode", "string"), ("quad_class", "int"),
    ("cameo", "string"), ("goldstein", "double"), ("source_codes", "string"), ("target_codes", "string"),
    ("source_names", "string"), ("target_names", "string"), ("location", "string"), ("country", "string"),
    ("lat", "double"), ("lon", "double"), ("date", "string"), ("sentence_start", "int"), ("sentence_end", "int"),
    ("trigger_start", "int"), ("trigger_end", "int"), ("negated", "int"), ("modality", "string"),
    ("confidence", "double"), ("background", "int"), ("guessed", "int"), ("cluster", "string"), ("json", "string"), ("pub_date", "string"),
)
DUP_FIELDS = (("kind", "string"), ("doc_id", "string"), ("original_id", "string"), ("similarity", "double"),
              ("source", "string"))
DOCUMENT_COLUMNS = ("id", "published", "source_site", "source_url", "source_path", "title", "language", "text",
                    "near_of", "near_sim", "story", "story_sim", "json", "pub_date")


@dataclass
class SparkReport:
    """What a run did, in ``rasd ingest``'s terms, and where the tables are."""

    read: int = 0
    new: int = 0
    exact: int = 0
    near: int = 0
    story: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    tables: dict[str, str] = field(default_factory=dict)
    loaded: int = 0  # documents added to PostgreSQL


def _schema(fields: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{name} {kind}" for name, kind in fields)


def session(master: str | None = "local[*]", app_name: str = "rasd", conf: dict[str, str] | None = None) -> Any:
    """A SparkSession; ``master=None`` leaves the master to ``spark-submit``."""
    from pyspark.sql import SparkSession

    if master and master.startswith("local"):  # executors are this interpreter, with rasd importable
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    settings = {
        "spark.sql.session.timeZone": "UTC",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.python.worker.reuse": "true",
        "spark.sql.sources.partitionOverwriteMode": "static",
        "spark.sql.shuffle.partitions": "16",
        # cached documents carry their text and JSON (tens of KB each): Spark's default columnar
        # batch of 10,000 rows is hundreds of MB of heap per task, which ran the whole-corpus run
        # out of memory; small batches keep a task's heap use in the MBs
        "spark.sql.inMemoryColumnarStorage.batchSize": "256",
    }
    if master and master.startswith("local"):
        # local mode runs executors inside the driver JVM, whose default heap is 1 GB; takes effect
        # only when this call starts the JVM (spark-submit sets it with --driver-memory)
        settings["spark.driver.memory"] = os.environ.get("RASD_SPARK_DRIVER_MEMORY", "3g")
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # no Java, a bad master URL: the user's setup, one line
        lines = [line for line in str(exc).splitlines() if line.strip()] or [type(exc).__name__]
        raise ConfigError(f"cannot start Spark (master {master or 'from spark-submit'}): {lines[0][:300]}") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# --- executor side ------------------------------------------------------------------------------------
def _keyed(rec: tuple[str, RawDoc | ReadError]) -> tuple[str, tuple[str, Any]]:
    """``(doc id, (order, raw))``, or an error under the empty key."""
    from rasd.pipeline import document_id

    order, raw = rec
    if isinstance(raw, ReadError):
        return "", (order, raw)
    if not raw.text.strip():
        return "", (order, ReadError(raw.source.url or raw.source.path or "?", "empty document"))
    return document_id(raw.text), (order, raw)


def _source_key(raw: RawDoc) -> str:
    return raw.source.url or raw.source.path or ""


def _exact_links(item: tuple[str, Any]) -> Iterator[tuple[Any, ...]]:
    """The exact-duplicate links of one id: later occurrences from another source than the first."""
    doc_id, occurrences = item
    ordered = sorted(occurrences)
    first = ordered[0][1]
    seen = {first}
    for _, key in ordered[1:]:
        if key not in seen:
            seen.add(key)
            yield ("exact", doc_id, doc_id, 1.0, key)


def _process(rows: Iterator[tuple[str, tuple[str, RawDoc]]], resources: Any = None) -> Iterator[tuple[str, Any]]:
    """The pipeline over one partition, with the driver's ``resources``: ``("doc", row)`` or
    ``("error", message)`` items."""
    from rasd.dedup.minhash import NEAR, STORY
    from rasd.ingest import pipeline_for, prepare
    from rasd.spark.dedup import band_keys

    settle_gc()
    pipeline = pipeline_for(resources)
    for doc_id, (order, raw) in rows:
        p = prepare(raw, pipeline=pipeline)
        if isinstance(p, ReadError):
            yield "error", str(p)
            continue
        d = p.doc
        published = d.published
        yield "doc", (
            doc_id, order, published, published[:10] if published else None, d.source.site, d.source.url,
            d.source.path, d.title or d.meta.get("title"), d.language, d.text, d.to_json(), p.title_terms,
            p.body_terms, p.near_sig, p.story_sig, band_keys(p.near_sig, NEAR), band_keys(p.story_sig, STORY),
        )


_CAST = {"int": int, "double": float, "bigint": int}


def _typed(values: tuple[Any, ...], fields: tuple[tuple[str, str], ...]) -> tuple[Any, ...]:
    """Numbers as the column type says (Spark refuses an int in a double column)."""
    return tuple(v if v is None or kind not in _CAST else _CAST[kind](v) for v, (_, kind) in zip(values, fields, strict=True))


def _entities(row: Any) -> Iterator[tuple[Any, ...]]:
    from rasd.model import Document
    from rasd.store.rows import entity_rows

    for r in entity_rows(row.id, Document.from_json(row.json)):
        yield _typed((*r, row.pub_date), ENTITY_FIELDS)


def _events(row: Any) -> Iterator[tuple[Any, ...]]:
    from rasd.model import Document
    from rasd.store.rows import event_rows

    for r in event_rows(row.id, Document.from_json(row.json)):
        yield _typed((*r, row.pub_date), EVENT_FIELDS)


# --- driver side --------------------------------------------------------------------------------------
def run(
    inputs: list[str],
    output: str,
    *,
    spark: Any = None,
    master: str | None = "local[*]",
    partitions: int | None = None,
    db: str | None = None,
) -> SparkReport:
    """Process ``inputs`` into Parquet tables under ``output`` (replaced); load them into ``db`` if given."""
    from pyspark import StorageLevel

    from rasd.spark.dedup import dedup
    from rasd.spark.inputs import records

    own = spark is None
    spark = spark or session(master)
    sc = spark.sparkContext
    parts = partitions or max(2, sc.defaultParallelism * 2)
    report = SparkReport()
    try:
        keyed = records(sc, inputs, parts).map(_keyed).persist(StorageLevel.MEMORY_AND_DISK)
        errors = keyed.filter(lambda kv: kv[0] == "").map(lambda kv: str(kv[1][1]))
        docs_in = keyed.filter(lambda kv: kv[0] != "")
        first = docs_in.reduceByKey(lambda a, b: a if a[0] <= b[0] else b)
        exact = (docs_in.map(lambda kv: (kv[0], (kv[1][0], _source_key(kv[1][1])))).groupByKey()
                 .flatMap(_exact_links))
        work = partial(_process, resources=Resources.from_env().check())  # a bad user file fails here, once
        processed = first.repartition(parts).mapPartitions(work).persist(StorageLevel.MEMORY_AND_DISK)
        docs = spark.createDataFrame(processed.filter(lambda t: t[0] == "doc").map(lambda t: t[1]),
                                     _schema(DOC_FIELDS)).persist(StorageLevel.MEMORY_AND_DISK)
        links = dedup(docs).persist(StorageLevel.MEMORY_AND_DISK)
        documents = _documents(docs, links)
        report.read = docs_in.count()
        report.new = docs.count()
        bad = errors.union(processed.filter(lambda t: t[0] == "error").map(lambda t: t[1]))
        report.failed = bad.count()
        report.errors = bad.take(SHOW_ERRORS)
        report.near = links.where("near_of IS NOT NULL").count()
        report.story = links.where("near_of IS NULL").count()
        exact_df = spark.createDataFrame(exact, _schema(DUP_FIELDS))
        report.exact = exact_df.count()
        slim = docs.select("id", "json", "pub_date")
        tables = {
            "documents": documents.select(*DOCUMENT_COLUMNS),
            "entities": spark.createDataFrame(slim.rdd.flatMap(_entities), _schema(ENTITY_FIELDS)),
            "events": spark.createDataFrame(slim.rdd.flatMap(_events), _schema(EVENT_FIELDS)),
            "duplicates": exact_df.unionByName(_dup_links(links)),
        }
        for name, df in tables.items():
            path = f"{output.rstrip('/')}/{name}"
            writer = df.write.mode("overwrite")
            if "pub_date" in df.columns and not df.isEmpty():  # an empty partitioned write leaves no schema behind
                writer = writer.partitionBy("pub_date")
            writer.parquet(path)
            report.tables[name] = path
        if db:
            report.loaded = load(documents, exact_df, db)
        for cached in (links, docs, processed, keyed):  # a shared session runs the next job with this memory
            cached.unpersist()
        return report
    finally:
        if own:
            spark.stop()


def _documents(docs: Any, links: Any) -> Any:
    from pyspark.sql import functions as F

    return (docs.join(links, "id", "left")
            .withColumn("story", F.coalesce("story", "id")))


def _dup_links(links: Any) -> Any:
    from pyspark.sql import functions as F

    near = links.where("near_of IS NOT NULL").select(
        F.lit("near").alias("kind"), F.col("id").alias("doc_id"), F.col("near_of").alias("original_id"),
        F.col("near_sim").alias("similarity"), F.lit("").alias("source"))
    story = links.where("near_of IS NULL").select(
        F.lit("story").alias("kind"), F.col("id").alias("doc_id"), F.col("story").alias("original_id"),
        F.col("story_sim").alias("similarity"), F.lit("").alias("source"))
    return near.unionByName(story)


def _load_partition(db: str, rows: Iterator[Any]) -> Iterator[int]:
    """Add one partition's documents to the database (each executor writes through its own connection)."""
    from rasd.model import Document
    from rasd.store import NewDoc, open_store

    store = open_store(db)
    added = 0
    try:
        batch: list[NewDoc] = []
        for r in rows:
            batch.append(NewDoc(Document.from_json(r.json), r.title_terms or "", r.body_terms or "", r.near_sig,
                                r.story_sig, r.near_of, r.near_sim or 0.0, r.story if r.story != r.id else None,
                                r.story_sim or 0.0))
            if len(batch) >= LOAD_BATCH:
                added += store.add(batch).new
                batch = []
        if batch:
            added += store.add(batch).new
    finally:
        store.close()
    yield added


def load(documents: Any, exact: Any, db: str) -> int:
    """Load processed documents and exact links into a store (idempotent: ids are unique); returns how many were new.

    Documents go in ``ord`` order within each partition; near-duplicate and story links point at ids
    from the same run. Documents already in the database are skipped.
    """
    from rasd.store import DupLink, open_store

    cols = documents.select("id", "ord", "json", "title_terms", "body_terms", "near_sig", "story_sig", "near_of",
                            "near_sim", "story", "story_sim").sortWithinPartitions("ord")
    added = sum(cols.rdd.mapPartitions(lambda rows: _load_partition(db, rows)).collect())
    store = open_store(db)
    try:
        links: list[DupLink] = []
        for r in exact.toLocalIterator():
            links.append(DupLink(r.kind, r.doc_id, r.original_id, r.similarity, r.source))
            if len(links) >= LOAD_BATCH:
                store.add([], links)
                links = []
        if links:
            store.add([], links)
    finally:
        store.close()
    return added


def summary(report: SparkReport) -> dict[str, Any]:
    """The report as plain data (for ``--format json`` and logs)."""
    return json.loads(json.dumps(report.__dict__, default=str))
