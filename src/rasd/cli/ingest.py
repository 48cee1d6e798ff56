"""``rasd ingest``, ``rasd search`` and ``rasd stats``: the archive faces over ``rasd.ingest`` and the store."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from rasd.cli.app import app, day, err, fail, max_doc_option, out
from rasd.errors import RasdError, StorageFault
from rasd.ingest import BATCH, default_workers, ingest, pipeline_for
from rasd.limits import DEFAULT_LIMITS, MIB, Limits
from rasd.readers import read_any
from rasd.store import Filters, Page, Store, open_store
from rasd.store.sqlite import SQLiteStore

DB_HELP = "SQLite database file (created if missing)."
SHOW_ERRORS = 20  # failures listed one per line; the rest are counted


class SearchFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


class StatsFormat(str, Enum):
    table = "table"
    json = "json"


def _open(db: str) -> Store:
    try:
        return open_store(db)
    except RasdError as exc:
        fail(str(exc), 2)


@app.command("ingest")
def ingest_cmd(
    inputs: list[str] = typer.Argument(..., help="Files, directories, archives (or whatever the readers accept)."),
    db: str = typer.Option("rasd.db", "--db", help=DB_HELP),
    batch_size: int = typer.Option(BATCH, "--batch-size", min=1, help="Documents per transaction."),
    workers: int = typer.Option(default_workers(), "--workers", min=1, help="Processes running the pipeline."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    max_file_mb: float = typer.Option(
        DEFAULT_LIMITS.max_file_bytes / MIB, "--max-file-mb", min=0.001,
        help="Largest file, archive member, WARC record, JSON line or <DOC> read whole (MB).",
    ),
    max_doc_mb: float = max_doc_option(),
    steps: str = typer.Option(
        None, "--steps",
        help="Run only these steps, comma-separated (language,structure,sentences,entities,events): "
        "language,structure,sentences stores a searchable archive fast; `rasd reprocess` adds the rest later.",
    ),
) -> None:
    """Read, process, deduplicate and store news articles; prints a summary.

    Exit codes: 0 every input stored; 1 some inputs failed (each named on stderr and in the store's
    ingest log; the others are stored); 2 bad options or a store that cannot be opened; 3 a storage
    fault (disk full, read-only, locked) stopped the run — batches committed before it stay.
    """
    pipeline = pipeline_for()
    if steps:
        try:
            pipeline = pipeline.select(steps.split(","))
        except RasdError as exc:
            fail(str(exc), 2)
    store = _open(db)
    if isinstance(store, SQLiteStore):
        store.unmap_reads()  # a bulk writer: no mapped file in its RSS
    sizes = Limits(max_file_bytes=int(max_file_mb * MIB), max_doc_bytes=int(max_doc_mb * MIB))
    stats: dict[str, Any] = {}
    columns = (SpinnerColumn(), TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with Progress(*columns, console=err, disable=quiet or not err.is_terminal, transient=True) as bar:
            task = bar.add_task("ingest", total=None)
            report = ingest(read_any(inputs, stats=stats, sizes=sizes), store, batch_size=batch_size,
                            workers=workers, progress=lambda n: bar.advance(task, n), limits=sizes,
                            pipeline=pipeline)
    except StorageFault as exc:
        fail(str(exc), 3)
    except RasdError as exc:
        fail(str(exc), 2)
    finally:
        store.close()
    for line in stats.get("warnings", []):
        err.print(f"[yellow]warning[/yellow] {escape(line)}", highlight=False, soft_wrap=True)
    for line in report.errors[:SHOW_ERRORS]:
        err.print(f"[red]failed[/red] {escape(line)}", highlight=False, soft_wrap=True)
    if len(report.errors) > SHOW_ERRORS:
        err.print(f"... and {len(report.errors) - SHOW_ERRORS:,} more failures", highlight=False)
    table = Table(title=f"ingest into {db}", show_header=False)
    for name, value in (
        ("read", report.read), ("new", report.new), ("already stored", report.already),
        ("exact duplicates", report.exact), ("near duplicates", report.near),
        ("joined a story", report.story), ("failed", report.failed),
    ):
        table.add_row(name, f"{value:,}")
    out.print(table)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def search(
    query: str = typer.Argument(..., help='Words (ANDed), "a phrase", a OR b, -excluded, prefix*.'),
    db: str = typer.Option("rasd.db", "--db", help=DB_HELP),
    since: str | None = typer.Option(None, "--since", "--from", help="Published on or after (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", "--to", help="Published on or before (YYYY-MM-DD)."),
    source: str | None = typer.Option(None, "--source", help="Site name, or part of the URL/path."),
    limit: int = typer.Option(10, "--limit", min=1, max=1000),
    offset: int = typer.Option(0, "--offset", min=0),
    duplicates: bool = typer.Option(False, "--duplicates", help="Also show near-duplicates of shown articles."),
    format: SearchFormat = typer.Option(SearchFormat.table, "--format", "-f"),
) -> None:
    """Search stored articles, Arabic spelling variants and clitics folded; best matches first."""
    if len(query) > DEFAULT_LIMITS.max_query_chars:
        err.print(f"[red]error[/red] query too long ({len(query):,} characters; limit {DEFAULT_LIMITS.max_query_chars:,})", highlight=False)
        raise typer.Exit(2)
    if "://" not in db and not Path(db).exists():
        err.print(f"[red]error[/red] no database at {escape(db)} (run `rasd ingest ... --db {escape(db)}` first)", highlight=False)
        raise typer.Exit(2)
    store = _open(db)
    filters = Filters(since=day(since, "--since"), until=day(until, "--until"), source=source, duplicates=duplicates)
    try:
        hits = store.search(query, filters, Page(limit, offset))
    except RasdError as exc:
        fail(str(exc), 2)
    finally:
        store.close()
    if format is SearchFormat.jsonl:
        for h in hits:
            sys.stdout.write(json.dumps(h.__dict__, ensure_ascii=False) + "\n")
        return
    if not hits:
        err.print("no results")
        return
    for rank, h in enumerate(hits, start=offset + 1):
        out.print(Text.assemble((f"{rank}. ", "bold"), (h.title or h.doc_id, "bold"), f"  {h.published or ''} · {h.source or ''} · {h.score:.2f} · {h.doc_id}"))
        snip = Text(h.snippet)
        for a, b in h.highlights:
            snip.stylize("bold yellow", a, b)
        out.print(snip)
        out.print()


@app.command()
def stats(
    db: str = typer.Option("rasd.db", "--db", help=DB_HELP),
    format: StatsFormat = typer.Option(StatsFormat.table, "--format", "-f"),
) -> None:
    """Counts of documents, duplicates, story clusters, entities, events and sources."""
    if "://" not in db and not Path(db).exists():
        err.print(f"[red]error[/red] no database at {escape(db)}", highlight=False)
        raise typer.Exit(2)
    store = _open(db)
    try:
        s = store.stats()
    finally:
        store.close()
    if format is StatsFormat.json:
        sys.stdout.write(json.dumps(s, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=db, show_header=False)
    for key, value in s.items():
        if key != "sources":
            table.add_row(key.replace("_", " "), f"{value:,}" if isinstance(value, int) else str(value))
    out.print(table)
    src = Table("source", "documents", title="sources")
    for name, n in s["sources"].items():
        src.add_row(name, f"{n:,}")
    out.print(src)


@app.command()
def reprocess(
    db: str = typer.Option("rasd.db", "--db", help="The database (SQLite file or postgresql:// URL)."),
    limit: int = typer.Option(None, "--limit", min=1, help="At most this many documents (the oldest first)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only count the stale documents."),
) -> None:
    """Re-run the steps whose version changed (a new model, lexicon or actor file) on the stored documents
    they processed, and store the new analysis; exit 1 if any document failed."""
    from rasd.ingest import reprocess as run
    from rasd.pipeline import Pipeline

    if not str(db).startswith(("postgresql://", "postgres://")) and not Path(db).exists():
        err.print(f"[red]error[/red] {escape(db)}: no such database")
        raise typer.Exit(2)
    try:
        store = open_store(db)
    except RasdError as exc:
        fail(str(exc), 2)
    try:
        pipeline = Pipeline()
        if dry_run:
            stale = store.stale({s.name: s.version for s in pipeline.steps})
            out.print(f"{len(stale)} stale document(s) in {db}")
            return
        with Progress(SpinnerColumn(), TextColumn("reprocessing"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("reprocess", total=None)
            report = run(store, pipeline, progress=lambda n: bar.advance(task, n), limit=limit)
    except StorageFault as exc:
        fail(str(exc), 3)
    except RasdError as exc:
        fail(str(exc), 2)
    finally:
        store.close()
    for line in report.errors[:SHOW_ERRORS]:
        err.print(f"failed {escape(line)}", highlight=False)
    out.print(f"{report.stale} stale · {report.done} reprocessed · {report.failed} failed")
    if report.failed:
        raise typer.Exit(1)
