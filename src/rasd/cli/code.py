"""``rasd code``: sentences (or articles) in, PLOVER/CAMEO events out, one JSON line per input.

A ``.txt`` file is one sentence a line (id = file:line); a ``.csv`` file needs ``id`` and ``text``
columns; ``--articles`` reads whole files as articles through the full pipeline instead. This is
the interface evaluations use: ``{id, text, events: [{type, mode, cameo, source, target, negated ...}]}``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import typer

from rasd.cli.app import app, err
from rasd.errors import InputError
from rasd.events.coder import sentence_coder
from rasd.events.export import event_dict
from rasd.events.step import VERSION, events
from rasd.model import Document
from rasd.pipeline import Pipeline, PipelineStep, default_steps


def _sentences(path: Path) -> Iterator[tuple[str, str]]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        if path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as fh:
                reader = csv.DictReader(fh)
                if not reader.fieldnames or "text" not in reader.fieldnames or "id" not in reader.fieldnames:
                    raise InputError(f"{path}: a CSV needs 'id' and 'text' columns")
                for row in reader:
                    yield str(row["id"]), row["text"] or ""
        else:
            with path.open(encoding="utf-8-sig") as fh:
                for n, line in enumerate(fh, 1):
                    if line.strip():
                        yield f"{path.name}:{n}", line.rstrip("\r\n")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text ({e.reason})") from e


def _record(doc_id: str, doc: Document) -> str:
    return json.dumps(
        {"id": doc_id, "text": doc.text, "events": [event_dict(e, doc) for e in doc.events]},
        ensure_ascii=False,
    )


@app.command()
def code(
    paths: list[Path] = typer.Argument(
        ..., help="Sentence files (.txt one a line, .csv with id,text) or articles."
    ),
    articles: bool = typer.Option(False, "--articles", help="Read whole files as articles (full pipeline)."),
    published: str = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) for relative dates."
    ),
) -> None:
    """Code Arabic sentences into PLOVER/CAMEO events, one JSON line per input."""
    try:
        if articles:
            from rasd.readers import ReadError, read_paths

            pipeline = Pipeline([s for s in default_steps() if s.name != "events"])  # events run once, below
            step = PipelineStep("events", VERSION, events)
            for item in read_paths(paths):
                if isinstance(item, ReadError):
                    err.print(f"error {item.where}: {item.reason}", highlight=False)
                    continue
                meta = dict(item.meta or {})
                if published and not meta.get("published"):
                    meta["published"] = published
                doc = step(pipeline.process_text(item.text, item.source, meta))
                sys.stdout.write(_record(item.source.path or doc.id, doc) + "\n")
            return
        coder = sentence_coder()
        for path in paths:
            for sid, text in _sentences(path):
                sys.stdout.write(_record(sid, coder(text, sid, published)) + "\n")
    except InputError as e:
        err.print(f"error: {e}", highlight=False)
        raise typer.Exit(2) from None
