"""``rasd serve``: the REST API and the dashboard in one process."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from rasd.cli.app import app, err
from rasd.errors import RasdError


@app.command()
def serve(
    db: str = typer.Option("rasd.db", "--db", help="Database: a SQLite file (created if missing)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; loopback by default."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    token: str = typer.Option(
        None, "--token", envvar="RASD_TOKEN", help="Write token: enables ingest endpoints (read-only without it)."
    ),
) -> None:
    """Serve the REST API (/api, OpenAPI at /api/docs) and the dashboard (/)."""
    import uvicorn

    from rasd.api.app import create_app

    if not str(db).startswith(("postgresql://", "postgres://")) and not Path(db).exists():
        err.print(f"note: {db} does not exist yet; starting with an empty database")
    try:
        application = create_app(db, token=token or None)
    except RasdError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from None
    mode = "read-write (token set)" if token else "read-only"
    err.print(f"rasd dashboard on http://{host}:{port}/  ·  API docs http://{host}:{port}/api/docs  ·  {mode}")
    uvicorn.run(application, host=host, port=port, log_level=os.environ.get("RASD_LOG", "warning"))
