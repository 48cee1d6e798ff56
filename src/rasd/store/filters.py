"""WHERE clauses for ``Filters``, written once for both SQL backends.

SQLite and PostgreSQL differ here only in the parameter placeholder, the substring function and the
collation that makes text comparisons bytewise; a ``Dialect`` carries those three.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from rasd.store.types import Filters


@dataclass(frozen=True)
class Dialect:
    ph: str  # parameter placeholder
    collate: str  # appended to date comparisons so they compare bytewise
    instr: str  # "needle occurs in haystack", with {hay} for the haystack and the placeholder for the needle

    def contains(self, hay: str) -> str:
        return self.instr.format(hay=hay)


SQLITE = Dialect("?", "", "instr({hay}, ?) > 0")
POSTGRES = Dialect("%s", ' COLLATE "C"', "strpos({hay}, %s) > 0")


def _date_range(column: str, f: Filters, d: Dialect) -> tuple[list[str], list[Any]]:
    """``since``/``until`` on the day part of an ISO date column (inclusive)."""
    where: list[str] = []
    args: list[Any] = []
    for value, op in ((f.since, ">="), (f.until, "<=")):
        if value:
            where.append(f"substr({column}, 1, 10){d.collate} {op} {d.ph}")
            args.append(value)
    return where, args


def doc_filters(f: Filters, alias: str, d: Dialect) -> tuple[list[str], list[Any]]:
    """Conditions on the documents table (alias ``alias``): dates, source, language, entity, event type."""
    where, args = _date_range(f"{alias}.published", f, d)
    if f.source:
        where.append(
            f"(lower({alias}.source_site) = lower({d.ph}) OR {d.contains(f'{alias}.source_url')}"
            f" OR {d.contains(f'{alias}.source_path')})"
        )
        args.extend([f.source, f.source, f.source])
    if f.language:
        where.append(f"{alias}.language = {d.ph}")
        args.append(f.language)
    if f.entity:
        where.append(f"{alias}.rowid IN (SELECT doc_rowid FROM entities WHERE code = {d.ph})")
        args.append(f.entity)
    if f.event_type:
        where.append(f"{alias}.rowid IN (SELECT doc_rowid FROM events WHERE type = {d.ph})")
        args.append(f.event_type)
    return where, args


def listing_filters(f: Filters, d: Dialect) -> tuple[list[str], list[Any]]:
    """Conditions on documents ``d`` for search, the newest-first listing and their count: the document
    conditions, and near duplicates left out unless ``f.duplicates``."""
    where, args = doc_filters(f, "d", d)
    if not f.duplicates:
        where.append("d.near_of IS NULL")
    return where, args


def event_filters(f: Filters, d: Dialect) -> tuple[list[str], list[Any]]:
    """Conditions on events ``e`` joined with documents ``d``: the event's own date and type, quad class,
    actor code on either side, country, place; plus the document conditions."""
    where, args = doc_filters(replace(f, since=None, until=None, event_type=None), "d", d)
    dates, date_args = _date_range("e.date", f, d)
    where += dates
    args += date_args
    more, more_args = event_attribute_filters(f, d)
    return where + more, args + more_args


def export_event_filters(f: Filters, d: Dialect) -> tuple[list[str], list[Any]]:
    """The events export: documents chosen by publication date, source ... (as in every export), events
    by their type and attributes (as ``rasd events`` asks)."""
    where, args = doc_filters(replace(f, event_type=None), "d", d)
    more, more_args = event_attribute_filters(f, d)
    return where + more, args + more_args


def event_attribute_filters(f: Filters, d: Dialect) -> tuple[list[str], list[Any]]:
    """Conditions on an event's own attributes (``e``): type, quad class, actor code on either side,
    country, place. Shared by the events listing and the events export."""
    where: list[str] = []
    args: list[Any] = []
    if f.event_type:
        where.append(f"e.type = {d.ph}")
        args.append(f.event_type)
    if f.quad_class is not None:
        where.append(f"e.quad_class = {d.ph}")
        args.append(f.quad_class)
    if f.actor:  # hierarchical, as CAMEO codes are: TUR matches TUR, TURGOV, TURMIL ... (a code's start)
        sides = {"source": ["e.source_codes"], "target": ["e.target_codes"]}.get(
            f.actor_side or "", ["e.source_codes", "e.target_codes"]
        )
        where.append("(" + " OR ".join(d.contains(f"';' || {col}") for col in sides) + ")")
        args.extend([f";{f.actor}"] * len(sides))
    if f.country:
        where.append(f"(e.country = {d.ph} OR {d.contains('e.source_codes')} OR {d.contains('e.target_codes')})")
        args.extend([f.country, f.country, f.country])
    if f.place:
        where.append(f"e.location = {d.ph}")
        args.append(f.place)
    if f.status:
        where.append(STATUS_SQL[f.status])
    if f.min_confidence is not None:
        where.append(f"e.confidence >= {d.ph}")
        args.append(f.min_confidence)
    if not f.copies:  # one record per event: its cluster's lead report (never a near-duplicate copy's)
        where.append("e.leads = 1")
    if f.named_actors:  # no actor whose country is only the article's or the outlet's guess
        where.append("e.guessed = 0")
    return where, args


# What each assertion status means on the events table's columns (a negated or hypothetical event is
# not asserted; a recalled earlier event is background, not news).
STATUS_SQL = {
    "asserted": "(e.negated = 0 AND e.modality IS NULL AND e.background = 0)",
    "negated": "e.negated = 1",
    "hypothetical": "e.modality IS NOT NULL",
    "background": "e.background = 1",
}


def summary_sql(where: list[str], top: int, ph: str) -> dict[str, tuple[str, bool]]:
    """The GROUP BY queries of an events summary over everything that matches ``where`` (events ``e``
    joined with documents ``d``): name → (SQL, whether it takes the ``top`` limit). One text for SQLite
    and PostgreSQL."""

    # the documents only when a condition reads them: the counts then scan the narrow events rows alone
    tables = " FROM events e JOIN documents d ON d.rowid = e.doc_rowid" if any("d." in w for w in where) else " FROM events e"

    def over(*more: str) -> str:
        conds = [*where, *more]
        return tables + (" WHERE " + " AND ".join(conds) if conds else "")

    return {
        "total": ("SELECT count(*)" + over(), False),
        "documents": ("SELECT count(DISTINCT e.doc_rowid)" + over(), False),
        "by_type": ("SELECT e.type, count(*)" + over() + " GROUP BY e.type ORDER BY 2 DESC, 1", False),
        "timeline": (  # events dated to the day
            "SELECT substr(e.date, 1, 10) AS day, e.type, count(*)" + over("length(e.date) = 10")
            + " GROUP BY substr(e.date, 1, 10), e.type ORDER BY 1, 2",
            False,
        ),
        "pairs": (
            "SELECT e.source_codes, e.target_codes, e.quad_class, count(*)"
            + over("e.source_codes <> ''", "e.target_codes <> ''")
            + f" GROUP BY e.source_codes, e.target_codes, e.quad_class ORDER BY 4 DESC, 1, 2, 3 NULLS FIRST LIMIT {ph}",
            True,
        ),
        "places": (
            "SELECT e.location, e.country, e.lat, e.lon, count(*)" + over("e.lat IS NOT NULL")
            + f" GROUP BY e.location, e.country, e.lat, e.lon ORDER BY 5 DESC, 1 NULLS FIRST, 2 NULLS FIRST, 3, 4 LIMIT {ph}",
            True,
        ),
    }


# An event as listings and exports give it: its JSON, its article, its cluster and that cluster's number
# of reports (any article, copies included), from events ``e``, documents ``d`` and the JSON ``j``.
EVENT_RECORD = "j.json, d.id, e.cluster, (SELECT count(*) FROM events x WHERE x.cluster = e.cluster)"


def event_record(event_json: str, doc_id: str, cluster: str | None, reports: int) -> dict[str, Any]:
    return {**json.loads(event_json), "doc_id": doc_id, "cluster": cluster, "reports": reports}


def summary_rows(results: dict[str, list[tuple]]) -> dict[str, Any]:
    """The summary as the API returns it, from each query's rows."""
    return {
        "total": results["total"][0][0],
        "documents": results["documents"][0][0],
        "by_type": [{"type": t, "count": n} for t, n in results["by_type"]],
        "timeline": [{"date": day, "type": t, "count": n} for day, t, n in results["timeline"]],
        "pairs": [
            {"source": s, "target": t, "quad_class": q, "count": n} for s, t, q, n in results["pairs"]
        ],
        "places": [
            {"name": name, "country": c, "lat": lat, "lon": lon, "count": n}
            for name, c, lat, lon, n in results["places"]
        ],
    }
