"""WHERE clauses for ``Filters``, written once for both SQL backends.

SQLite and PostgreSQL differ here only in the parameter placeholder, the substring function and the
collation that makes text comparisons bytewise; a ``Dialect`` carries those three.
"""

from __future__ import annotations

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
        src_codes, tgt_codes = "';' || e.source_codes", "';' || e.target_codes"
        where.append(f"({d.contains(src_codes)} OR {d.contains(tgt_codes)})")
        args.extend([f";{f.actor}", f";{f.actor}"])
    if f.country:
        where.append(f"(e.country = {d.ph} OR {d.contains('e.source_codes')} OR {d.contains('e.target_codes')})")
        args.extend([f.country, f.country, f.country])
    if f.place:
        where.append(f"e.location = {d.ph}")
        args.append(f.place)
    return where, args
