"""The shared Typer app and consoles; each command module registers itself on ``app``."""

from __future__ import annotations

import datetime as dt
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from rasd.limits import DEFAULT_LIMITS, MIB
from rasd.model import PLOVER_TYPES

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


def fail(message: str, code: int = 2) -> NoReturn:
    """One error line on stderr (markup in the message shown as text), then exit with ``code``:
    2 for bad input or options, 1 when inputs failed, 3 for a storage fault."""
    err.print(f"[red]error[/red] {escape(message)}", highlight=False)
    raise typer.Exit(code) from None


def day(value: str | None, option: str) -> str | None:
    """A calendar day given as YYYY-MM-DD (2015-13-45 is refused: one line, exit 2)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        err.print(f"[red]error[/red] {option} must be a date as YYYY-MM-DD, not {escape(value)!r}", highlight=False)
        raise typer.Exit(2) from None


def event_type(value: str | None) -> str | None:
    """A PLOVER event type, any case; an unknown one is an error listing the 16 (one line, exit 2)."""
    if value is None:
        return None
    if value.upper() not in PLOVER_TYPES:
        err.print(
            f"[red]error[/red] --type {escape(value)!r} is not a PLOVER event type; one of: {', '.join(PLOVER_TYPES)}",
            highlight=False,
        )
        raise typer.Exit(2)
    return value.upper()


def preflight() -> None:
    """The user's resource files (RASD_ACTORS) loaded before any input: a bad one is one line, exit 2;
    then the garbage collector tuned for a batch (``resources.settle_gc``)."""
    from rasd.errors import RasdError
    from rasd.pipeline import check_resources
    from rasd.resources import settle_gc

    try:
        check_resources()
    except RasdError as exc:
        fail(str(exc), 2)
    settle_gc()


def max_doc_option() -> float:
    """``--max-doc-mb``, the same for every command that runs the NLP steps (``rasd.limits``)."""
    return typer.Option(
        DEFAULT_LIMITS.max_doc_bytes / MIB, "--max-doc-mb", min=0.001,
        help="Largest document text (or sentence line) given to the NLP steps (MB of UTF-8).",
    )
