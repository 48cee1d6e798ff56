"""The store's value types and protocol, shared by every backend (and by ingest and the faces)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from rasd.model import Document


def is_stale(steps_json: str | None, versions: dict[str, str]) -> bool:
    """Whether a stored document's recorded steps (its JSON ``steps``) differ from ``versions``."""
    recorded = {s.get("name"): s.get("version") for s in json.loads(steps_json or "[]")}
    return any(recorded.get(name) != version for name, version in versions.items())


def source_key(doc: Document) -> str:
    """Where a document came from, as one string (url first, then path)."""
    return doc.source.url or doc.source.path or ""


@dataclass
class DupLink:
    """A duplicate kept as a link to its original: ``exact`` (same normalized text, another source),
    ``near`` (same article, edited) or ``story`` (same story, rewritten)."""

    kind: str
    doc_id: str
    original_id: str
    similarity: float
    source: str = ""  # where the duplicate was found (path or url); exact duplicates have no row of their own


@dataclass
class NewDoc:
    """A document to store with what ingest computed for it."""

    doc: Document
    title_terms: str = ""  # search shadow of the title (space-separated stems)
    body_terms: str = ""  # search shadow of the text
    near_sig: bytes = b""
    story_sig: bytes = b""
    near_of: str | None = None
    near_sim: float = 0.0
    story: str | None = None  # story cluster id; None means the document starts its own
    story_sim: float = 0.0


@dataclass
class IngestReport:
    """What one ``add`` (or a whole ingest run, summed) did."""

    read: int = 0
    new: int = 0
    already: int = 0  # this very document from this very source was stored before (re-ingest)
    exact: int = 0
    near: int = 0
    story: int = 0  # new documents joined to an existing story cluster
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def __iadd__(self, other: IngestReport) -> IngestReport:
        for name in ("read", "new", "already", "exact", "near", "story", "failed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        return self


@dataclass
class Filters:
    """Restrictions shared by search, events and exports; dates are ISO ``YYYY-MM-DD`` (inclusive)."""

    since: str | None = None
    until: str | None = None
    source: str | None = None  # site name, or a substring of the url/path
    language: str | None = None
    event_type: str | None = None
    duplicates: bool = False  # include near-duplicates in search results
    entity: str | None = None  # documents mentioning this actor code
    quad_class: int | None = None  # events of this PLOVER quad class
    actor: str | None = None  # events with this actor code (or a code starting so) on either side
    actor_side: str | None = None  # "source" or "target": the actor on that side only
    country: str | None = None  # events in or by this ISO-3 country
    place: str | None = None  # events at this place name
    status: str | None = None  # events that are: asserted | negated | hypothetical | background (None: all)
    min_confidence: float | None = None  # events the coder is at least this confident of
    copies: bool = True  # every report of an event (False: one record per event, its cluster's lead report)
    named_actors: bool = False  # only events none of whose actors has a country guessed from article or outlet


EVENT_STATUSES = ("asserted", "negated", "hypothetical", "background")


@dataclass
class Page:
    limit: int = 10
    offset: int = 0


@dataclass
class Hit:
    """One search result; ``highlights`` are (start, end) spans of ``snippet``, taken from the original text."""

    doc_id: str
    score: float
    title: str | None
    published: str | None
    source: str | None
    snippet: str
    highlights: list[tuple[int, int]]
    snippet_start: int = 0  # offset of the snippet in the document text


@runtime_checkable
class Store(Protocol):
    """What the faces (CLI, API, dashboard) and ingest may ask of any backend."""

    def add(self, items: Sequence[NewDoc], exact: Sequence[DupLink] = ()) -> IngestReport: ...

    def known(self, doc_ids: Iterable[str]) -> dict[str, str]: ...

    def get(self, doc_id: str) -> Document | None: ...

    def latest(self, filters: Filters | None = None, page: Page | None = None) -> list[Hit]: ...

    def text_of(self, doc_id: str) -> str | None: ...

    def signatures(self) -> Iterator[tuple[str, bytes, bytes, str | None, str | None]]: ...

    def search(self, query: str, filters: Filters | None = None, page: Page | None = None) -> list[Hit]: ...

    def events(self, filters: Filters | None = None, page: Page | None = None) -> list[dict[str, Any]]: ...

    def event_summary(self, filters: Filters | None = None, top: int = 50) -> dict[str, Any]: ...

    def change_token(self) -> tuple[Any, ...]: ...

    def event_facts(self) -> Iterator[tuple[Any, ...]]: ...

    def events_at(self, rowids: list[int]) -> list[dict[str, Any]]: ...

    def stale(self, versions: dict[str, str]) -> list[str]: ...

    def replace(self, doc: Document, title_terms: str, old_title_terms: str) -> bool: ...

    def actors(self, filters: Filters | None = None) -> list[dict[str, Any]]: ...

    def count_articles(self, query: str = "", filters: Filters | None = None) -> int: ...

    def stats(self) -> dict[str, Any]: ...

    def export(self, kind: str, filters: Filters | None = None) -> Iterator[dict[str, Any]]: ...

    def log_failures(self, failures: Sequence[tuple[str, str]]) -> None: ...

    def ingest_log(self, limit: int = 100) -> list[dict[str, str]]: ...

    def close(self) -> None: ...


def add_event_counts(actors: list[dict[str, Any]], code_pairs: Iterable[tuple[str | None, str | None]]) -> list[dict[str, Any]]:
    """Add to each actor row the number of events it takes part in, as source or target.

    ``code_pairs`` are the events' ``;``-joined source and target codes, as both backends store them.
    """
    counts: Counter[str] = Counter()
    for src, tgt in code_pairs:
        counts.update({c for c in f"{src or ''};{tgt or ''}".split(";") if c})
    for row in actors:
        row["events"] = counts.get(row["code"], 0)
    return actors
