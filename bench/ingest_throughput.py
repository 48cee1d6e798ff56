"""End-to-end ingest of all SaudiNewsNet articles: articles/s and peak memory (main + workers).

    .venv/bin/python bench/ingest_throughput.py [--workers N] [--db PATH] [--limit N]

Reads with ``rasd.readers.read_any``, runs the default pipeline, dedups and writes a fresh SQLite
database; prints JSON with the figures and the ingest summary.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _saudinewsnet import day_files, read  # noqa: E402

from rasd.ingest import default_workers, ingest  # noqa: E402
from rasd.store.sqlite import SQLiteStore  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=default_workers())
    ap.add_argument("--db", default=None, help="keep the database here (default: a temporary file)")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db_path = Path(args.db) if args.db else Path(tmp.name) / "bench.db"
    if db_path.exists():
        sys.exit(f"{db_path} exists; give a fresh path")
    store = SQLiteStore(db_path)
    items = read(day_files())
    if args.limit:
        items = islice(items, args.limit)
    t0 = time.perf_counter()
    report = ingest(items, store, workers=args.workers)
    seconds = time.perf_counter() - t0
    store.close()
    main_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = {
        "articles_read": report.read,
        "failed": report.failed,
        "seconds": round(seconds, 1),
        "articles_per_s": round(report.read / seconds, 1),
        "workers": args.workers,
        "peak_rss_main_mb": round(main_kb / 1024),
        "peak_rss_largest_worker_mb": round(child_kb / 1024),
        "db_mb": round(db_path.stat().st_size / 1e6, 1),
        "summary": {
            k: getattr(report, k) for k in ("read", "new", "already", "exact", "near", "story", "failed")
        },
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
