"""Reader tests: readers hand over raw date strings; this is the meta a document gets from them."""

from __future__ import annotations

from typing import Any

from rasd.dates.published import resolve_published


def dated(raw: Any) -> dict[str, Any]:
    """``raw.meta`` with its date hints resolved as ``new_document`` does (published, _text, _from)."""
    meta = dict(raw.meta)
    resolve_published(meta, raw.text)
    return meta
