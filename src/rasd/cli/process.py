"""``rasd process``: files in, structured documents out."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from rasd.cli.app import app, err, fail, max_doc_option, out, preflight
from rasd.errors import RasdError
from rasd.ingest import process_one
from rasd.limits import DEFAULT_LIMITS, MIB, Limits
from rasd.model import Document
from rasd.pipeline import Pipeline
from rasd.readers import ReadError, read_any

KIND_STYLE = {
    "title": "bold",
    "subtitle": "italic",
    "dateline": "cyan",
    "body": "",
    "crosshead": "bold magenta",
    "caption": "dim italic",
    "boilerplate": "dim strike",
}


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    pretty = "pretty"


def _report_error(error: ReadError) -> None:
    err.print(f"[red]error[/red] {escape(error.where)}: {escape(error.reason)}", highlight=False, soft_wrap=True)


def _print_pretty(doc: Document) -> None:
    table = Table(title=f"{doc.source.path or doc.source.url or doc.id}", show_lines=False, expand=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("text")
    for block in doc.blocks:
        table.add_row(block.kind, f"[{KIND_STYLE.get(block.kind, '')}]{block.text}" if KIND_STYLE.get(block.kind) else block.text)
    out.print(table)
    dl = doc.dateline
    out.print(
        f"id {doc.id} · language {doc.language} · {len(doc.sentences)} sentences"
        + (f" · dateline source={dl.source} place={dl.place}" if dl else "")
    )
    if doc.entities:
        ents = Table(title="entities", expand=True)
        for col in ("type", "name", "code", "office / kind", "place", "mentions"):
            ents.add_column(col)
        for e in doc.entities:
            geo = e.geo
            where = f"{geo.lat:.2f},{geo.lon:.2f} {geo.country or ''}" if geo else ""
            if geo and geo.reporting:
                where += " (reporting place)"
            ents.add_row(e.type, e.name, e.code or "", f"{e.office or ''} {e.kind or ''}".strip(), where, str(len(e.mentions)))
        out.print(ents)
    if doc.events:
        evs = Table(title="events", expand=True)
        for col in ("type", "source → target", "where / when", "evidence"):
            evs.add_column(col)
        for ev in doc.events:
            arrow = f"{','.join(a.code or a.name for a in ev.source)} → {','.join(a.code or a.name for a in ev.target)}"
            flags = " ".join(f for f in ("negated" if ev.negated else "", ev.modality or "", "background" if ev.background else "") if f)
            where = " ".join(x for x in ((ev.location or {}).get("name"), ev.date or ev.date_text, flags) if x)
            evs.add_row(f"{ev.type} {ev.cameo or ''}", arrow, where, doc.text[ev.trigger.start : ev.trigger.end])
        out.print(evs)


@app.command()
def process(
    paths: list[Path] = typer.Argument(
        ..., help="Files or directories (read recursively): text, HTML, RSS/Atom, WARC, JSON/JSONL, zip/tar.gz."
    ),
    format: Format = typer.Option(Format.json, "--format", "-f", help="json (indented), jsonl (one per line) or pretty."),
    max_bytes: int = typer.Option(
        DEFAULT_LIMITS.max_file_bytes, "--max-bytes", min=1,
        help="Largest file, archive member, WARC record, JSON line or <DOC> read whole (bytes).",
    ),
    max_doc_mb: float = max_doc_option(),
    steps: str = typer.Option(
        None, "--steps", help="Run only these steps, comma-separated (language,structure,sentences,entities,events)."
    ),
) -> None:
    """Read Arabic news files and print one structured document per input (exit 1 if any failed)."""
    pipeline = Pipeline()
    if steps:
        try:
            pipeline = pipeline.select(steps.split(","))
        except RasdError as exc:
            fail(str(exc), 2)
    if {"entities", "events"} & set(pipeline.names):
        preflight()
    sizes = Limits(max_file_bytes=max_bytes, max_doc_bytes=int(max_doc_mb * MIB))
    stats: dict[str, Any] = {}
    failed = 0
    done = 0
    for item in read_any(paths, stats=stats, sizes=sizes):
        doc = item if isinstance(item, ReadError) else process_one(pipeline, item, sizes)
        if isinstance(doc, ReadError):
            _report_error(doc)
            failed += 1
            continue
        done += 1
        if format is Format.jsonl:
            sys.stdout.write(doc.to_json() + "\n")
        elif format is Format.json:
            sys.stdout.write(doc.to_json(indent=2) + "\n")
        else:
            _print_pretty(doc)
    for line in stats.get("warnings", []):
        err.print(f"[yellow]warning[/yellow] {escape(line)}", highlight=False, soft_wrap=True)
    if format is Format.pretty:
        err.print(f"{done} processed, {failed} failed")
    if failed:
        raise typer.Exit(1)
