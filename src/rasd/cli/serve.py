"""``rasd serve``: the REST API and the dashboard in one process."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from rasd.api import THREADS
from rasd.cli.app import app, err, fail, preflight
from rasd.errors import RasdError


@app.command()
def serve(
    db: str = typer.Option("rasd.db", "--db", help="Database: a SQLite file (created if missing)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; loopback by default."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    token: str = typer.Option(
        None, "--token", envvar="RASD_TOKEN", help="Write token: enables ingest endpoints (read-only without it)."
    ),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Server processes (more use more cores)."),
    max_body_mb: float = typer.Option(5.0, "--max-body-mb", min=0.001, help="Largest request body or upload (MB)."),
    cache: bool = typer.Option(
        True, "--cache/--no-cache", help="Answer a repeated request from memory until the store changes."
    ),
    threads: int = typer.Option(
        THREADS, "--threads", min=1, max=256, help="Requests computed at once per process (few keep p95 low)."
    ),
) -> None:
    """Serve the REST API (/api, OpenAPI at /api/docs) and the dashboard (/)."""
    import uvicorn

    from rasd.api.app import create_app

    preflight()  # the API codes and ingests: a malformed user file stops the server before it starts
    if not str(db).startswith(("postgresql://", "postgres://")) and not Path(db).exists():
        err.print(f"note: {db} does not exist yet; starting with an empty database")
    try:
        application = create_app(db, token=token or None, max_body=int(max_body_mb * 1024 * 1024), cache=cache,
                                 threads=threads)
    except RasdError as exc:
        fail(str(exc), 2)
    application.state.settings.warm()
    mode = "read-write (token set)" if token else "read-only"
    err.print(f"rasd dashboard on http://{host}:{port}/  ·  API docs http://{host}:{port}/api/docs  ·  {mode}")
    log_level = os.environ.get("RASD_LOG", "warning")
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level=log_level)
        return
    os.environ["RASD_DB"] = str(db)
    os.environ["RASD_MAX_BODY"] = str(int(max_body_mb * 1024 * 1024))
    os.environ["RASD_CACHE"] = "1" if cache else "0"
    os.environ["RASD_THREADS"] = str(threads)
    if token:
        os.environ["RASD_TOKEN"] = token
    uvicorn.run("rasd.api.app:app_from_env", factory=True, workers=workers, host=host, port=port, log_level=log_level)
