"""The narrow columns of every stored event, held in memory as arrays: the events summary (total, per
type, per day, top pairs and places) over any filter in a few milliseconds, where the store's GROUP BY
queries scan the events table six times (60–300 ms on all SaudiNewsNet).

The answer is the store's own: ``summary`` returns exactly what ``Store.event_summary`` returns for the
same filters (tested on both backends), for the filters on events' own columns. Filters on documents
(outlet, language, entity) are left to the store (``covers``). A server keeps one ``EventFacts`` per
change token of its store, so an ingest is seen at the next request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from rasd.store.types import Filters

# what ``Store.event_facts`` yields per event, in this order
FACT_COLUMNS = (
    "type", "date", "quad_class", "source_codes", "target_codes", "location", "country", "lat", "lon",
    "negated", "modality", "background", "confidence", "leads", "guessed", "doc_rowid", "rowid",
)
FACTS_SQL = "SELECT " + ", ".join(f"e.{c}" for c in FACT_COLUMNS) + " FROM events e ORDER BY e.rowid"


def _encode(values: list[Any], ordered: bool = True) -> tuple[list[Any], np.ndarray]:
    """Dictionary encoding: the distinct values (None first, then sorted, or as first seen) and each
    row's index."""
    seen = dict.fromkeys(v for v in values if v is not None)
    distinct = sorted(seen) if ordered else list(seen)
    table = ([None] if None in values else []) + distinct
    index = {v: i for i, v in enumerate(table)}
    return table, np.fromiter((index[v] for v in values), dtype=np.int32, count=len(values))


class EventFacts:
    """Columns of all events, dictionary-encoded; built once per store state."""

    def __init__(self, rows: Iterable[tuple[Any, ...]]) -> None:
        cols = list(zip(*rows, strict=True)) or [() for _ in FACT_COLUMNS]
        c = dict(zip(FACT_COLUMNS, (list(v) for v in cols), strict=True))
        self.size = len(c["type"])
        self.types, self.type = _encode(c["type"])
        self.dates, self.date = _encode(c["date"])
        self.day10 = [d[:10] if d is not None else None for d in self.dates]  # per distinct date
        self.days = sorted({d for d in self.dates if d is not None and len(d) == 10})  # the timeline's days
        day_index = {d: i for i, d in enumerate(self.days)}
        self.day_of = np.array([day_index.get(d, -1) for d in self.dates], dtype=np.int64)  # date code → day
        self.dated_to_day = self.day_of >= 0  # per date code: a full YYYY-MM-DD
        self.quads, self.quad = _encode(c["quad_class"])
        self.sources, self.source = _encode(c["source_codes"])
        self.targets, self.target = _encode(c["target_codes"])
        self.places, self.place = _encode(list(zip(c["location"], c["country"], c["lat"], c["lon"], strict=True)), ordered=False)
        self.locations, self.location = _encode(c["location"])
        self.countries, self.country = _encode(c["country"])
        self.has_coords = np.array([lat is not None for lat in c["lat"]], dtype=bool)
        self.negated = np.array([bool(v) for v in c["negated"]], dtype=bool)
        self.modal = np.array([v is not None for v in c["modality"]], dtype=bool)
        self.background = np.array([bool(v) for v in c["background"]], dtype=bool)
        self.confidence = np.array([np.nan if v is None else v for v in c["confidence"]], dtype=np.float64)
        self.leads = np.array([bool(v) for v in c["leads"]], dtype=bool)
        self.guessed = np.array([bool(v) for v in c["guessed"]], dtype=bool)
        self.rowid = np.array(c["rowid"], dtype=np.int64)
        # the listing's order, as the stores sort: newest date first (dates are coded in text order, an
        # undated event as 0, so last), then the latest row first
        self.newest_first = np.lexsort((-self.rowid, -self.date.astype(np.int64)))
        self.doc = np.array(c["doc_rowid"], dtype=np.int64)
        self.doc -= self.doc.min() if self.size else 0  # row ids from 0: their distinct count by bincount
        self.has_pair = self._lookup(self.sources, bool)[self.source] & self._lookup(self.targets, bool)[self.target]

    @staticmethod
    def covers(f: Filters) -> bool:
        """Whether these columns answer ``f`` (no condition on the documents table)."""
        return not (f.source or f.language or f.entity)

    def _lookup(self, table: list[Any], test: Callable[[Any], bool]) -> np.ndarray:
        return np.fromiter((test(v) for v in table), dtype=bool, count=len(table))

    def mask(self, f: Filters) -> np.ndarray:
        """Which events ``f`` keeps: the same conditions as ``filters.event_filters`` writes in SQL."""
        m = np.ones(self.size, dtype=bool)
        if f.since or f.until:  # substr(date, 1, 10) compared as text; an undated event never matches
            lo, hi = f.since, f.until
            ok = self._lookup(self.day10, lambda d: d is not None and (not lo or d >= lo) and (not hi or d <= hi))
            m &= ok[self.date]
        if f.event_type:
            m &= self._lookup(self.types, lambda t: t == f.event_type)[self.type]
        if f.quad_class is not None:
            m &= self._lookup(self.quads, lambda q: q == f.quad_class)[self.quad]
        if f.actor:  # a code on the side(s) starts with the query: TUR matches TURGOV
            needle = ";" + f.actor
            starts = lambda codes: codes is not None and needle in ";" + codes  # noqa: E731
            side = f.actor_side or ""
            hit = np.zeros(self.size, dtype=bool)
            if side in ("", "source"):
                hit |= self._lookup(self.sources, starts)[self.source]
            if side in ("", "target"):
                hit |= self._lookup(self.targets, starts)[self.target]
            m &= hit
        if f.country:
            within = lambda codes: codes is not None and f.country in codes  # noqa: E731
            m &= (
                self._lookup(self.countries, lambda c: c == f.country)[self.country]
                | self._lookup(self.sources, within)[self.source]
                | self._lookup(self.targets, within)[self.target]
            )
        if f.place:
            m &= self._lookup(self.locations, lambda p: p == f.place)[self.location]
        if f.status == "asserted":
            m &= ~self.negated & ~self.modal & ~self.background
        elif f.status == "negated":
            m &= self.negated
        elif f.status == "hypothetical":
            m &= self.modal
        elif f.status == "background":
            m &= self.background
        if f.min_confidence is not None:
            with np.errstate(invalid="ignore"):
                m &= self.confidence >= f.min_confidence
        if not f.copies:
            m &= self.leads
        if f.named_actors:
            m &= ~self.guessed
        return m

    def page(self, f: Filters, offset: int, limit: int) -> list[int]:
        """Row ids of the events ``Store.events(f, Page(limit, offset))`` lists, in its order."""
        m = self.mask(f)
        return self.rowid[self.newest_first[m[self.newest_first]][offset : offset + limit]].tolist()

    def summary(self, f: Filters, top: int = 50) -> dict[str, Any]:
        """What ``Store.event_summary(f, top)`` returns, from the arrays."""
        m = self.mask(f)
        type_counts = np.bincount(self.type[m], minlength=len(self.types))
        by_type = sorted(((self.types[i], int(n)) for i, n in enumerate(type_counts) if n), key=lambda r: (-r[1], r[0]))
        day = m & self.dated_to_day[self.date]
        nt = len(self.types)
        keys, counts = np.unique(self.day_of[self.date[day]] * nt + self.type[day], return_counts=True)
        timeline = [  # the days and types are coded in sorted order: the keys come out by day, then type
            {"date": self.days[k // nt], "type": self.types[k % nt], "count": int(n)}
            for k, n in zip(keys.tolist(), counts.tolist(), strict=True)
        ]
        pm = m & self.has_pair
        nq, ntg = len(self.quads), len(self.targets)
        keys, counts = _top(
            (self.source[pm].astype(np.int64) * ntg + self.target[pm]) * nq + self.quad[pm], top
        )
        pairs = sorted(
            ((self.sources[k // (ntg * nq)], self.targets[k // nq % ntg], self.quads[k % nq], n) for k, n in zip(keys, counts, strict=True)),
            key=lambda r: (-r[3], r[0], r[1], _none_first(r[2])),
        )[:top]
        keys, counts = _top(self.place[m & self.has_coords], top)
        places = sorted(
            ((*self.places[p], n) for p, n in zip(keys, counts, strict=True)),
            key=lambda r: (-r[4], _none_first(r[0]), _none_first(r[1]), r[2], r[3]),
        )[:top]
        return {
            "total": int(m.sum()),
            "documents": int(np.count_nonzero(np.bincount(self.doc[m]))) if m.any() else 0,
            "by_type": [{"type": t, "count": n} for t, n in by_type],
            "timeline": timeline,
            "pairs": [{"source": s, "target": t, "quad_class": q, "count": n} for s, t, q, n in pairs],
            "places": [
                {"name": name, "country": c, "lat": lat, "lon": lon, "count": n} for name, c, lat, lon, n in places
            ],
        }


def _none_first(v: Any) -> tuple[bool, Any]:
    return (v is not None, v if v is not None else 0)


def _top(keys: np.ndarray, top: int) -> tuple[list[int], list[int]]:
    """The distinct keys with their counts, of which only those that can be among the ``top`` largest
    counts (ties at the edge included, for the caller's full ordering)."""
    distinct, counts = np.unique(keys, return_counts=True)
    if len(counts) > top:
        edge = np.partition(counts, len(counts) - top)[len(counts) - top]
        keep = counts >= edge
        distinct, counts = distinct[keep], counts[keep]
    return distinct.tolist(), counts.tolist()
