"""PostgreSQL against SQLite on the same SaudiNewsNet documents: store write throughput and search latency.

    source .ci/services.sh   # or any server: --pg postgresql://user@host/db (its tables are replaced)
    .venv/bin/python bench/pg_vs_sqlite.py [--days N] [--pg URL] [--out FILE]

The pipeline runs once (``rasd ingest`` into SQLite, whose batches are recorded as they are added);
the very same batches (documents with their search shadow, signatures and duplicate links) are then
written to PostgreSQL. Both are timed over the ``add`` calls only, so the figure compares the
backends, not the pipeline. Search: 100 queries built from the corpus's titles with a fixed seed
(60 single words, 20 two-word ANDs, 10 phrases, 10 prefixes), each run once to warm up and then timed
on both backends; the overlap of the two top-10 lists is reported to show they answer alike.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _saudinewsnet import day_files  # noqa: E402

from rasd.ingest import ingest  # noqa: E402
from rasd.readers import read_any  # noqa: E402
from rasd.store import DupLink, IngestReport, NewDoc, Page, open_store  # noqa: E402
from rasd.store.sqlite import SQLiteStore  # noqa: E402
from rasd.text import words  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


class Recording(SQLiteStore):
    """A SQLite store that keeps every batch it is given and the time its ``add`` calls took."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.batches: list[tuple[list[NewDoc], list[DupLink]]] = []
        self.seconds = 0.0

    def add(self, items: Sequence[NewDoc], exact: Sequence[DupLink] = ()) -> IngestReport:
        start = time.perf_counter()
        report = super().add(items, exact)
        self.seconds += time.perf_counter() - start
        self.batches.append((list(items), list(exact)))
        return report


def pg_url(given: str | None) -> str:
    if given:
        return given
    env = ROOT / ".ci" / "pg.env"
    if os.environ.get("RASD_TEST_PG_URL"):
        return os.environ["RASD_TEST_PG_URL"]
    if env.is_file():
        return env.read_text().strip().split("=", 1)[1]
    raise SystemExit("no PostgreSQL: pass --pg URL or run `source .ci/services.sh` first")


def reset(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS events, entities, signatures, dup_links, documents, schema_version CASCADE")


def queries(titles: list[str], seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    vocab = sorted({t.text for title in titles for t in words(title) if t.kind == "word" and len(t.text) >= 4})
    pairs = [[t.text for t in words(title) if t.kind == "word"] for title in titles]
    pairs = [p for p in pairs if len(p) >= 3]
    out = [rng.choice(vocab) for _ in range(60)]
    out += [" ".join(rng.sample(rng.choice(pairs), 2)) for _ in range(20)]
    for _ in range(10):
        p = rng.choice(pairs)
        i = rng.randrange(len(p) - 1)
        out.append(f'"{p[i]} {p[i + 1]}"')
    out += [rng.choice(vocab)[:3] + "*" for _ in range(10)]
    return out


def latencies(store: Any, qs: list[str]) -> tuple[dict[str, float], list[list[str]]]:
    for q in qs:
        store.search(q, page=Page(limit=10))
    times, tops = [], []
    for q in qs:
        start = time.perf_counter()
        hits = store.search(q, page=Page(limit=10))
        times.append((time.perf_counter() - start) * 1000)
        tops.append([h.doc_id for h in hits])
    times.sort()
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(times[int(0.95 * len(times)) - 1], 2),
            "max_ms": round(times[-1], 2)}, tops


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=None, help="first N daily zips (default: all)")
    parser.add_argument("--pg", default=None, help="PostgreSQL URL (default: .ci/pg.env); its rasd tables are replaced")
    parser.add_argument("--workers", type=int, default=2, help="pipeline processes for the one ingest run")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    files = day_files()[: args.days] if args.days else day_files()
    url = pg_url(args.pg)
    reset(url)
    with tempfile.TemporaryDirectory(prefix="rasd-bench-pg-") as t:
        sqlite = Recording(Path(t) / "bench.db")
        start = time.perf_counter()
        report = ingest(read_any(files), sqlite, workers=args.workers)
        pipeline_s = time.perf_counter() - start
        sqlite.close()
        # the writes timed during ingest shared the machine with the pipeline workers: replay the same
        # batches into a fresh SQLite file and into PostgreSQL, one after the other, on a quiet pipeline
        lite = SQLiteStore(Path(t) / "replay.db")
        pg = open_store(url)
        lite_s = pg_s = 0.0
        for items, exact in sqlite.batches:
            s = time.perf_counter()
            lite.add(items, exact)
            lite_s += time.perf_counter() - s
            s = time.perf_counter()
            pg.add(items, exact)
            pg_s += time.perf_counter() - s
        during_ingest_s = sqlite.seconds
        sqlite = lite
        assert pg.stats()["documents"] == sqlite.stats()["documents"] == report.new
        titles = [d.get("title") or "" for d in sqlite.export("documents")]
        qs = queries([t for t in titles if t])
        lite_lat, lite_top = latencies(sqlite, qs)
        pg_lat, pg_top = latencies(pg, qs)
        overlap = [len(set(a) & set(b)) / max(1, len(set(a) | set(b))) for a, b in zip(lite_top, pg_top, strict=True)]
        same_count = sum(len(a) == len(b) for a, b in zip(lite_top, pg_top, strict=True))
        db_size = os.path.getsize(Path(t) / "replay.db")
        pg_size = pg.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]  # type: ignore[attr-defined]
        pg.close()
        sqlite.close()
    results = {
        "documents": report.new, "read": report.read, "ingest_wall_s_sqlite_with_pipeline": round(pipeline_s, 1),
        "store_writes": {
            "sqlite": {"seconds": round(lite_s, 2), "docs_per_s": round(report.new / lite_s, 1), "bytes": db_size,
                       "seconds_during_ingest": round(during_ingest_s, 2)},
            "postgres": {"seconds": round(pg_s, 2), "docs_per_s": round(report.new / pg_s, 1), "bytes": pg_size},
        },
        "search_100_queries": {"sqlite": lite_lat, "postgres": pg_lat,
                               "top10_jaccard_mean": round(statistics.mean(overlap), 3),
                               "queries_with_same_hit_count": same_count},
        "setup": {"days": [f.name for f in files], "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                  "load_average_at_end": os.getloadavg()},
    }
    text = json.dumps(results, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
