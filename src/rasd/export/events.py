"""Event records for exchange: PLOVER JSON (the manual's field names) and a flat row per event.

``plover_record`` follows the PLOVER manual's JSON table (id, date, actor, recipient, event, mode,
context, event_loc, event_text, quad_code, event_scale ...). ``flat_row`` is one dict of scalar
columns per event, like a GDELT/ICEWS table, ready for ``csv.DictWriter`` or ``pyarrow``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from rasd.events.tables import cameo_name, plover_score
from rasd.model import Actor, Document, Event

FLAT_COLUMNS = (
    "event_id", "doc_id", "date", "date_text", "type", "mode", "context", "cameo", "cameo_name",
    "quad_class", "goldstein", "plover_score", "source_name", "source_code", "source_country", "source_sector",
    "source_entity", "source_basis", "target_name", "target_code", "target_country", "target_sector", "target_entity",
    "target_basis",
    "location_name", "location_geonameid", "location_lat", "location_lon", "location_country",
    "negated", "modality", "background", "speaker", "confidence", "mentions", "trigger_text",
    "trigger_start", "trigger_end", "sentence_start", "sentence_end", "url", "site", "published",
    "status", "sentence", "title", "path", "cluster", "reports",
)  # fmt: skip


def event_dict(event: Event, doc: Document | None = None) -> dict[str, Any]:
    """The one event shape (docs/schema.md), plus the trigger's text when the document is given."""
    d = dataclasses.asdict(event)
    if doc is not None:
        d["trigger_text"] = doc.text[event.trigger.start : event.trigger.end]
    return d


def _entity_obj(a: Actor) -> dict[str, Any]:
    obj: dict[str, Any] = {"entity_text": a.name}
    if a.code:
        obj["code"] = a.code
    if a.sector:
        obj["sector"] = a.sector
    if a.country:
        obj["country"] = a.country
    if a.entity:
        obj["identifier_id"] = a.entity
    return obj


def plover_record(event: Event, doc: Document, *, include_text: bool = False) -> dict[str, Any]:
    """A PLOVER JSON record; ``include_text`` adds the sentence (only where you may share the text)."""
    rec: dict[str, Any] = {
        "id": event.id or f"{doc.id}-{event.trigger.start}",
        "date": event.date if event.date and len(event.date) == 10 else (doc.published or "")[:10] or None,
        "actor": [_entity_obj(a) for a in event.source],
        "recipient": [_entity_obj(a) for a in event.target],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": list(event.context),
        "event_text": [doc.text[event.trigger.start : event.trigger.end]],
        "quad_code": event.quad_class,
        "event_scale": plover_score(event.type, event.mode),
        "cameo": event.cameo,
        "goldstein": event.score,
        "link": doc.id,
        "cite_info": {"url": doc.source.url, "site": doc.source.site, "published": doc.published},
        "coder": _coder(doc),
        "coded_date": dt.date.today().isoformat(),
        "has_event": not event.negated and event.modality is None,
    }
    if event.location:
        rec["event_loc"] = dict(event.location)
    if event.negated or event.modality or event.background:
        rec["context"] = rec["context"] + (
            (["negation"] if event.negated else [])
            + (
                [{"intent": "future", "request": "future"}.get(event.modality, event.modality)]
                if event.modality
                else []
            )
            + (["historical"] if event.background else [])
        )
    if include_text:
        rec["text"] = doc.text[event.sentence.start : event.sentence.end]
    return rec


def _first(actors: list[Actor]) -> Actor | None:
    return actors[0] if actors else None


def _join(actors: list[Actor], field: str) -> str | None:
    vals = [getattr(a, field) or "" for a in actors]
    return ";".join(vals) if any(vals) else None


def _coder(doc: Document) -> str:
    """The coder and the version of it that coded this document (as its steps record)."""
    version = next((s.version for s in reversed(doc.steps) if s.name == "events"), None)
    return f"rasd-events {version}" if version else "rasd-events"


def flat_row(event: Event, doc: Document, cluster: str | None = None, reports: int | None = None) -> dict[str, Any]:
    """One row of scalar columns (``FLAT_COLUMNS``); several actors are joined with ``;``. ``cluster`` and
    ``reports`` are the store's: the event cluster of this report and how many reports it has."""
    loc = event.location or {}
    sp = event.speaker
    return {
        "event_id": event.id,
        "doc_id": doc.id,
        "date": event.date,
        "date_text": event.date_text,
        "type": event.type,
        "mode": event.mode,
        "context": ";".join(event.context) or None,
        "cameo": event.cameo,
        "cameo_name": cameo_name(event.cameo) if event.cameo else None,
        "quad_class": event.quad_class,
        "goldstein": event.score,
        "plover_score": plover_score(event.type, event.mode),
        "source_name": _join(event.source, "name"),
        "source_code": _join(event.source, "code"),
        "source_country": _join(event.source, "country"),
        "source_sector": _join(event.source, "sector"),
        "source_entity": _join(event.source, "entity"),
        "source_basis": _join(event.source, "basis"),
        "target_name": _join(event.target, "name"),
        "target_code": _join(event.target, "code"),
        "target_country": _join(event.target, "country"),
        "target_sector": _join(event.target, "sector"),
        "target_entity": _join(event.target, "entity"),
        "target_basis": _join(event.target, "basis"),
        "location_name": loc.get("name"),
        "location_geonameid": loc.get("geonameid"),
        "location_lat": loc.get("lat"),
        "location_lon": loc.get("lon"),
        "location_country": loc.get("country"),
        "negated": event.negated,
        "modality": event.modality,
        "background": event.background,
        "speaker": sp.name if sp else None,
        "confidence": event.confidence,
        "mentions": event.mentions,
        "trigger_text": doc.text[event.trigger.start : event.trigger.end],
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end,
        "url": doc.source.url,
        "site": doc.source.site,
        "published": doc.published,
        "status": status_of(event),
        "sentence": doc.text[event.sentence.start : event.sentence.end] or None,  # the evidence
        "title": doc.title or doc.meta.get("title"),
        "path": doc.source.path,
        "cluster": cluster,
        "reports": reports,
    }


def status_of(event: Event) -> str:
    """The event's assertion status, as the ``status`` filter names it (negation and modality first)."""
    if event.negated:
        return "negated"
    if event.modality:
        return "hypothetical"
    return "background" if event.background else "asserted"
