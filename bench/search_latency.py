"""Search latency (p50/p95/max) over 100 varied queries on a full SaudiNewsNet database.

    .venv/bin/python bench/ingest_throughput.py --db /tmp/snn.db   # build it once
    .venv/bin/python bench/search_latency.py --db /tmp/snn.db

Queries: 50 written by hand (common and rare words, names in several spellings, clitics, phrases, OR,
exclusion, prefixes, date and source filters) and 50 drawn with a fixed seed from stored titles (single
words and two-word phrases). Each is timed end to end through ``Store.search`` (parse, FTS5 + bm25,
filters, snippets from the original text), limit 10, after one warm-up pass.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time

from rasd.store import Filters, Page
from rasd.store.sqlite import SQLiteStore

HAND = [
    ("السعودية", {}), ("المملكة", {}), ("اليمن", {}), ("الحوثيين", {}), ("أردوغان", {}), ("اردوغان", {}),
    ("إيران", {}), ("ايران", {}), ("غزة", {}), ("فلسطين", {}), ("بغداد", {}), ("داعش", {}), ("الرياض", {}),
    ("والرياض", {}), ("بالرياض", {}), ("مدرسة", {}), ("والمدرسة", {}), ("المستشفى", {}), ("مستشفي", {}),
    ("النفط", {}), ("أسعار النفط", {}), ('"أسعار النفط"', {}), ('"ولي العهد"', {}), ('"خادم الحرمين الشريفين"', {}),
    ("الملك سلمان", {}), ("الهلال OR النصر", {}), ("الاتحاد -جدة", {}), ("سوق الأسهم", {}), ("تداول*", {}),
    ("إرهاب*", {}), ("الأمطار", {}), ("كرة القدم", {}), ("التعليم", {"source": "okaz"}),
    ("الصحة", {"since": "2015-08-01"}), ("الحج", {"until": "2015-07-31"}), ("عاصفة الحزم", {}),
    ("مجلس الشورى", {}), ("وزارة العمل", {}), ("البطالة", {}), ("الإسكان", {"source": "sabq"}),
    ("أوباما", {}), ("روسيا", {}), ("الاتفاق النووي", {}), ('"الاتفاق النووي"', {}), ("تركيا", {"since": "2015-07-25"}),
    ("عدن", {}), ("تعز", {}), ("مصر", {}), ("قطر OR الكويت", {}), ("زلزال", {}),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    store = SQLiteStore(args.db)
    titles = [t for (t,) in store.db.execute("SELECT title FROM documents WHERE title IS NOT NULL ORDER BY rowid")]
    rnd = random.Random(args.seed)
    drawn: list[tuple[str, dict]] = []
    while len(drawn) < 50:
        ws = [w for w in rnd.choice(titles).split() if len(w) > 2]
        if len(ws) < 2:
            continue
        i = rnd.randrange(len(ws) - 1)
        drawn.append((ws[i] if len(drawn) % 2 else f'"{ws[i]} {ws[i + 1]}"', {}))
    queries = HAND + drawn
    for q, f in queries:  # warm-up: page cache, lexicon, stem caches
        store.search(q, Filters(**f), Page(10))
    times, counts = [], []
    for q, f in queries:
        t0 = time.perf_counter()
        hits = store.search(q, Filters(**f), Page(10))
        times.append((time.perf_counter() - t0) * 1000)
        counts.append(len(hits))
    times_sorted = sorted(times)
    slowest = sorted(zip(times, (q for q, _ in queries), strict=True), reverse=True)[:5]
    print(json.dumps({
        "documents": store.stats()["documents"],
        "queries": len(queries),
        "with_results": sum(1 for c in counts if c),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times_sorted[int(0.95 * len(times)) - 1], 1),
        "max_ms": round(times_sorted[-1], 1),
        "slowest": [(round(t, 1), q) for t, q in slowest],
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
