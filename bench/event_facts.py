"""Events summary and listing page: the store's SQL against the in-memory event columns (``EventFacts``),
side by side on the same store and filters, with a check that both give the same answer.

    .venv/bin/python bench/event_facts.py --db /tmp/snn.db   # or a postgresql:// URL

Prints the time to load the columns, then per filter set the median of 5 runs of ``Store.event_summary``
and of ``EventFacts.summary``, of ``Store.events`` (a page of 50) and of ``events_at(facts.page(...))``,
their ratio, and whether the answers are identical.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from rasd.store import Filters, Page, open_store
from rasd.store.facts import EventFacts

FILTERS = {
    "everything": Filters(),
    "asserted, one per event (the default)": Filters(status="asserted", copies=False),
    "actor SAU (prefix), either side": Filters(actor="SAU", status="asserted", copies=False),
    "target IRNGOV": Filters(actor="IRNGOV", actor_side="target", copies=False),
    "ASSAULT, March–June 2015": Filters(event_type="ASSAULT", since="2015-03-01", until="2015-06-30"),
    "country YEM": Filters(country="YEM", status="asserted", copies=False),
    "confidence ≥ 0.8": Filters(min_confidence=0.8, copies=False),
    "quad class 4, negated": Filters(quad_class=4, status="negated"),
    "place الرياض": Filters(place="الرياض"),
    "background": Filters(status="background"),
}


def median_ms(fn: Callable[[], Any], runs: int = 5) -> tuple[float, Any]:
    out = fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    args = ap.parse_args()
    store = open_store(args.db)
    t0 = time.perf_counter()
    facts = EventFacts(store.event_facts())
    print(f"{facts.size:,} events; columns loaded in {time.perf_counter() - t0:.2f} s\n")
    print("| filters | summary SQL ms | summary columns ms | ratio | same | page SQL ms | page columns ms | same |")
    print("|---|---:|---:|---:|---|---:|---:|---|")
    for name, f in FILTERS.items():
        sql_ms, a = median_ms(lambda f=f: store.event_summary(f))
        col_ms, b = median_ms(lambda f=f: facts.summary(f))
        psql_ms, pa = median_ms(lambda f=f: store.events(f, Page(limit=50)))
        pcol_ms, pb = median_ms(lambda f=f: store.events_at(facts.page(f, 0, 50)))
        print(f"| {name} | {sql_ms:.1f} | {col_ms:.1f} | {sql_ms / col_ms:.0f}× | {a == b} | {psql_ms:.1f} |"
              f" {pcol_ms:.1f} | {pa == pb} |")
    store.close()


if __name__ == "__main__":
    main()
