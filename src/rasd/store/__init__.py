"""The storage interface every backend implements (SQLite now, PostgreSQL later), and its value types.

A store holds documents (as their JSON plus indexed columns), duplicate links, MinHash signatures for
rebuilding the dedup index, entities and events. ``open_store(url)`` picks the backend from the URL.
"""

from __future__ import annotations

from pathlib import Path

from rasd.store.types import (
    DupLink,
    Filters,
    Hit,
    IngestReport,
    NewDoc,
    Page,
    Store,
    add_event_counts,
    source_key,
)


def open_store(url: str | Path) -> Store:
    """The backend for ``url``: a file path or ``sqlite:///path`` (default), or ``postgresql://...``."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        from rasd.store.postgres import PostgresStore

        return PostgresStore(text)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    from rasd.store.sqlite import SQLiteStore

    return SQLiteStore(text)


__all__ = [
    "add_event_counts",
    "DupLink",
    "Filters",
    "Hit",
    "IngestReport",
    "NewDoc",
    "Page",
    "Store",
    "open_store",
    "source_key",
]
