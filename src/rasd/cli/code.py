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

from rasd.cli.app import app, day, err, max_doc_option, preflight
from rasd.coder import sentence_coder
from rasd.errors import InputError
from rasd.events.step import events
from rasd.export.events import event_dict
from rasd.limits import MIB, Limits
from rasd.model import Document
from rasd.pipeline import Pipeline, PipelineStep, default_steps, step_versions
from rasd.readers.base import bounded_lines


def _sentences(path: Path, max_bytes: int) -> Iterator[tuple[str, str | None]]:
    """(id, sentence) of a sentence file; the sentence is None when its line is longer than
    ``max_bytes`` (read past in chunks, never held whole)."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() == ".csv":
        csv.field_size_limit(max_bytes)
        try:
            with path.open(encoding="utf-8-sig", newline="") as fh:
                reader = csv.DictReader(fh)
                if not reader.fieldnames or "text" not in reader.fieldnames or "id" not in reader.fieldnames:
                    raise InputError(f"{path}: a CSV needs 'id' and 'text' columns")
                for row in reader:
                    yield str(row["id"]), row["text"] or ""
        except UnicodeDecodeError as e:
            raise InputError(f"{path}: not UTF-8 text ({e.reason})") from e
        except csv.Error as e:
            raise InputError(f"{path}: bad CSV ({e})") from e
        return
    with path.open("rb") as fh:
        for n, line in enumerate(bounded_lines(fh, max_bytes), 1):
            if line is None:
                yield f"{path.name}:{n}", None
                continue
            text = line.decode("utf-8", "replace").lstrip("\ufeff").rstrip("\r\n")
            if text.strip():
                yield f"{path.name}:{n}", text


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
    max_doc_mb: float = max_doc_option(),
) -> None:
    """Code Arabic sentences into PLOVER/CAMEO events, one JSON line per input.

    A line or article that cannot be coded (too long, failing) is one line on stderr and the rest go
    on; the exit code is then 1 (2 for a missing file or a bad option).
    """
    published = day(published, "--published")
    preflight()
    sizes = Limits(max_doc_bytes=int(max_doc_mb * MIB))
    failed = 0
    try:
        if articles:
            from rasd.ingest import process_one
            from rasd.readers import ReadError, read_any

            pipeline = Pipeline([s for s in default_steps() if s.name != "events"])  # events run once, below
            step = PipelineStep("events", step_versions()["events"], events)
            for item in read_any(paths, sizes=sizes):
                if not isinstance(item, ReadError):
                    meta = dict(item.meta or {})
                    if published and not meta.get("published"):
                        meta["published"] = published
                    item.meta = meta
                    item = process_one(pipeline, item, sizes)
                if isinstance(item, ReadError):
                    err.print(f"error {item.where}: {item.reason}", highlight=False)
                    failed += 1
                    continue
                doc = step(item)
                sys.stdout.write(_record(doc.source.path or doc.id, doc) + "\n")
        else:
            coder = sentence_coder()
            for path in paths:
                for sid, text in _sentences(path, sizes.max_doc_bytes):
                    if text is None or sizes.doc_too_large(text):
                        err.print(f"error {sid}: line too long (limit {sizes.max_doc_bytes:,} bytes)", highlight=False)
                        failed += 1
                        continue
                    try:
                        doc = coder(text, sid, published)
                    except Exception as exc:  # noqa: BLE001 - one sentence must not stop the file
                        err.print(f"error {sid}: coding failed ({type(exc).__name__}: {exc})", highlight=False)
                        failed += 1
                        continue
                    sys.stdout.write(_record(sid, doc) + "\n")
    except InputError as e:
        err.print(f"error: {e}", highlight=False)
        raise typer.Exit(2) from None
    if failed:
        raise typer.Exit(1)
