"""``rasd export`` and ``rasd events``: stream documents, events, entities or duplicate links out of a store."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from rasd.cli.app import app, day, err, fail
from rasd.cli.app import event_type as plover_type
from rasd.errors import ConfigError, RasdError
from rasd.export import stream_rows
from rasd.store import Filters, open_store
from rasd.store.types import EVENT_STATUSES


class Kind(str, Enum):
    documents = "documents"
    events = "events"
    entities = "entities"
    duplicates = "duplicates"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"


EventStatus = Enum("EventStatus", {t: t for t in (*EVENT_STATUSES, "all")}, type=str)  # type: ignore[misc]


@app.command()
def export(
    kind: Kind = typer.Argument(..., help="What to export."),
    db: str = typer.Option("rasd.db", "--db", help="The database (SQLite file or postgresql:// URL)."),
    format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", help="jsonl, csv, parquet or plover (events)."),
    out: Path = typer.Option(None, "--out", "-o", help="Output file (default: standard output; required for parquet)."),
    since: str = typer.Option(None, "--since", help="First date, YYYY-MM-DD."),
    until: str = typer.Option(None, "--until", help="Last date, YYYY-MM-DD."),
    event_type: str = typer.Option(None, "--type", help="Only events of this PLOVER type."),
) -> None:
    """Export from a store as JSON lines, CSV (one flat row per record), Parquet or PLOVER JSON."""
    filters = Filters(since=day(since, "--since"), until=day(until, "--until"), event_type=plover_type(event_type))
    _export(kind, db, format, out, filters)


@app.command("events")
def events(
    db: str = typer.Option("rasd.db", "--db", help="The database (SQLite file or postgresql:// URL)."),
    format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", help="jsonl, csv, parquet or plover."),
    out: Path = typer.Option(None, "--out", "-o", help="Output file (default: standard output; required for parquet)."),
    event_type: str = typer.Option(None, "--type", help="PLOVER event type, e.g. PROTEST."),
    quad_class: int = typer.Option(None, "--quad-class", min=1, max=4, help="PLOVER quad class 1-4."),
    actor: str = typer.Option(None, "--actor", help="Actor code or its start on either side: TUR finds TURGOV, TURMIL ..."),
    country: str = typer.Option(None, "--country", help="ISO-3 country of the place or of an actor, e.g. IRQ."),
    place: str = typer.Option(None, "--place", help="Place name as coded, e.g. بغداد."),
    source: str = typer.Option(None, "--source", help="Site name, or a part of the article's URL or path."),
    since: str = typer.Option(None, "--since", help="First publication date, YYYY-MM-DD."),
    until: str = typer.Option(None, "--until", help="Last publication date, YYYY-MM-DD."),
    status: EventStatus = typer.Option(
        "asserted", "--status", help="asserted (the default), negated, hypothetical, background, or all."
    ),
    min_confidence: float = typer.Option(None, "--min-confidence", min=0.0, max=1.0, help="Only events the coder is this sure of."),
    copies: bool = typer.Option(
        False, "--copies/--no-copies", help="Every report of an event (default: one record per event, with its number of reports)."
    ),
    named_actors: bool = typer.Option(
        False, "--named-actors", help="Only events none of whose actors has a country guessed from its article or outlet."
    ),
) -> None:
    """Export coded events matching filters: JSON lines, flat CSV/Parquet rows or PLOVER JSON."""
    filters = Filters(
        since=day(since, "--since"), until=day(until, "--until"), source=source, event_type=plover_type(event_type),
        quad_class=quad_class, actor=actor.upper() if actor else None, country=country.upper() if country else None,
        place=place, status=None if status.value == "all" else status.value, min_confidence=min_confidence, copies=copies,
        named_actors=named_actors,
    )
    _export(Kind.events, db, format, out, filters)


def _export(kind: Kind, db: str, format: ExportFormat, out: Path | None, filters: Filters) -> None:
    if format is ExportFormat.plover and kind is not Kind.events:
        err.print("[red]error[/red] the PLOVER format is for events only")
        raise typer.Exit(2)
    if format is ExportFormat.parquet and out is None:
        err.print("[red]error[/red] parquet needs --out FILE")
        raise typer.Exit(2)
    if not str(db).startswith(("postgresql://", "postgres://")) and not Path(db).exists():
        err.print(f"[red]error[/red] {db}: no such database")
        raise typer.Exit(2)
    try:
        store = open_store(db)
    except RasdError as exc:
        fail(str(exc), 2)
    try:
        cache: dict[str, object] = {}

        def doc_of(doc_id: str) -> object:
            if doc_id not in cache:
                cache.clear()
                cache[doc_id] = store.get(doc_id)
            return cache[doc_id]

        try:
            _media, chunks = stream_rows(store.export(kind.value, filters), format.value, kind.value, doc_of)
        except ConfigError as exc:  # a part of rasd that is not installed: a usage error
            fail(str(exc), 2)
        sink = out.open("wb") if out else sys.stdout.buffer
        try:
            for chunk in chunks:
                sink.write(chunk)
        finally:
            if out:
                sink.close()
    except RasdError as exc:
        fail(str(exc), 1)
    finally:
        store.close()
    if out:
        err.print(f"wrote {out}")
