"""End-to-end ingest of all SaudiNewsNet articles: articles/s and peak memory (main + workers).

    .venv/bin/python bench/ingest_throughput.py [--workers N] [--db PATH] [--limit N] [--no-again]
        [--steps language,structure,sentences]

Reads with ``rasd.readers.read_any``, runs the default pipeline, dedups and writes a fresh SQLite
database; prints JSON with the figures and the ingest summary. Then (unless ``--no-again``) ingests
the same input again into the same database, as a user re-running a job does: every article is
already stored, found by the id of its text before any NLP; the ratio of the two times is printed.
``--steps`` runs only the named steps (``rasd ingest --steps``): the archive steps alone give a
deduplicated, searchable store without entities and events.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _saudinewsnet import day_files, read  # noqa: E402

from rasd.ingest import default_workers, ingest, pipeline_for  # noqa: E402
from rasd.store.sqlite import SQLiteStore  # noqa: E402
from rasd.text import words  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=default_workers())
    ap.add_argument("--db", default=None, help="keep the database here (default: a temporary file)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-again", action="store_true", help="skip the re-ingest of the same input")
    ap.add_argument("--steps", default=None, help="only these steps, comma-separated (default: all)")
    args = ap.parse_args()
    pipeline = pipeline_for()
    if args.steps:
        pipeline = pipeline.select(args.steps.split(","))
    tmp = tempfile.TemporaryDirectory()
    db_path = Path(args.db) if args.db else Path(tmp.name) / "bench.db"
    if db_path.exists():
        sys.exit(f"{db_path} exists; give a fresh path")
    # the yardstick in the same run: read every record and tokenize its text (rasd.text.words), no more
    t_tok = time.perf_counter()
    tokenized = 0
    for item in islice(read(day_files()), args.limit):
        if getattr(item, "text", None):
            words(item.text)
            tokenized += 1
    tok_seconds = time.perf_counter() - t_tok
    store = SQLiteStore(db_path)
    store.unmap_reads()  # as `rasd ingest` does
    items = read(day_files())
    if args.limit:
        items = islice(items, args.limit)
    t0 = time.perf_counter()
    report = ingest(items, store, workers=args.workers, pipeline=pipeline)
    seconds = time.perf_counter() - t0
    again = None
    if not args.no_again:
        items = read(day_files())
        if args.limit:
            items = islice(items, args.limit)
        t1 = time.perf_counter()
        second = ingest(items, store, workers=args.workers, pipeline=pipeline)
        again_s = time.perf_counter() - t1
        again = {
            "seconds": round(again_s, 1),
            "articles_per_s": round(second.read / again_s, 1),
            "faster_than_first": round(seconds / again_s, 1),
            "summary": {k: getattr(second, k) for k in ("read", "new", "already", "exact", "failed")},
        }
    store.close()
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    main_kb, child_kb = me.ru_maxrss, kids.ru_maxrss
    main_cpu, child_cpu = me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime
    # On a machine shared with other jobs wall time says little; CPU time says what the work costs.
    # With the cores to ourselves, wall time is at least max(main CPU, all CPU / cores).
    cores = max(1, min(os.cpu_count() or 1, args.workers + 1))
    free_wall = max(main_cpu, (main_cpu + child_cpu) / cores)
    result = {
        "articles_read": report.read,
        "failed": report.failed,
        "seconds": round(seconds, 1),
        "articles_per_s": round(report.read / seconds, 1),
        "read_and_tokenize_articles_per_s": round(tokenized / tok_seconds, 1),
        "ingest_cost_in_tokenizer_passes": round(seconds / tok_seconds, 1),
        "workers": args.workers,
        "steps": pipeline.names,
        "cpu_s_main": round(main_cpu, 1),
        "cpu_s_workers": round(child_cpu, 1),
        "articles_per_cpu_s": round(report.read / (main_cpu + child_cpu), 1),
        "articles_per_s_if_cores_free": round(report.read / free_wall, 1),
        "load_average_after": [round(x, 1) for x in os.getloadavg()],
        "peak_rss_main_mb": round(main_kb / 1024),
        "peak_rss_largest_worker_mb": round(child_kb / 1024),
        "db_mb": round(db_path.stat().st_size / 1e6, 1),
        "summary": {
            k: getattr(report, k) for k in ("read", "new", "already", "exact", "near", "story", "failed")
        },
        "again": again,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
