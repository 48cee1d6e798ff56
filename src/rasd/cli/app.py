"""The shared Typer app and consoles; each command module registers itself on ``app``."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    help="rasd (رصد): Arabic news → structured, searchable articles and PLOVER/CAMEO events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True, highlight=False)  # one line per error, however long
out = Console()


@app.callback()
def _root() -> None:
    """rasd (رصد): Arabic news → structured, searchable articles and PLOVER/CAMEO events."""
