"""Spark throughput on SaudiNewsNet with local[1] and local[2] against the single-process path, in one run.

    .venv/bin/python bench/spark_throughput.py [--days N] [--out docs/bench/spark_run.json]

Single process: ``rasd.ingest.ingest`` with one worker into a fresh SQLite file (pipeline, dedup index,
store). Spark: ``rasd.spark.job.run`` (pipeline in mapPartitions, distributed dedup, Parquet tables),
timed from session start to the last table written, and again without the session start. Scaling
efficiency is (time with 1 core / time with 2 cores) / 2. ``--days`` takes the first N daily zips
(all 19 when omitted).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _saudinewsnet import day_files  # noqa: E402

from rasd.ingest import ingest  # noqa: E402
from rasd.readers import read_any  # noqa: E402
from rasd.store.sqlite import SQLiteStore  # noqa: E402


def single(files: list[Path], tmp: Path) -> dict[str, float]:
    start = time.perf_counter()
    store = SQLiteStore(tmp / "single.db")
    report = ingest(read_any(files), store, workers=1)
    store.close()
    wall = time.perf_counter() - start
    return {"seconds": round(wall, 1), "documents": report.new, "read": report.read, "per_s": round(report.read / wall, 1),
            "near": report.near, "exact": report.exact}


def spark(files: list[Path], tmp: Path, cores: int) -> dict[str, float]:
    from rasd.spark.job import run, session

    start = time.perf_counter()
    s = session(f"local[{cores}]", f"rasd-bench-{cores}", {"spark.sql.shuffle.partitions": str(4 * cores)})
    ready = time.perf_counter()
    try:
        report = run([str(f) for f in files], str(tmp / f"spark{cores}"), spark=s, partitions=8 * cores)
    finally:
        s.stop()
    end = time.perf_counter()
    return {"seconds": round(end - start, 1), "seconds_without_startup": round(end - ready, 1),
            "documents": report.new, "read": report.read, "per_s": round(report.read / (end - start), 1),
            "near": report.near, "exact": report.exact}


def warm_up(tmp: Path, n: int) -> float:
    """One untimed Spark job on ``n`` articles first: the first job of a JVM pays for JIT and Python
    worker start-up, which would otherwise fall on whichever configuration runs first."""
    from _saudinewsnet import first_texts

    sample = tmp / "warmup.jsonl"
    with sample.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(first_texts(n)):
            fh.write(json.dumps({"id": f"w{i}", "text": text, "published": "2015-07-21"}, ensure_ascii=False) + "\n")
    start = time.perf_counter()
    spark([sample], tmp, 2)
    return round(time.perf_counter() - start, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=None, help="first N daily zips (default: all)")
    parser.add_argument("--out", type=Path, default=None, help="also write the results as JSON here")
    parser.add_argument("--order", default="1,2", help="the Spark runs, in this order (e.g. 2,1 to check order effects)")
    parser.add_argument("--warmup", type=int, default=300, help="articles in an untimed Spark job run first (0: none)")
    args = parser.parse_args()
    files = day_files()[: args.days] if args.days else day_files()
    with tempfile.TemporaryDirectory(prefix="rasd-bench-spark-") as t:
        tmp = Path(t)
        results: dict = {"warmup_seconds": warm_up(tmp, args.warmup)} if args.warmup else {}
        results["single_process"] = single(files, tmp)
        for cores in (int(c) for c in args.order.split(",")):
            results[f"spark_local_{cores}"] = spark(files, tmp, cores)
    s1, s2 = results["spark_local_1"], results["spark_local_2"]
    results["scaling_efficiency_2_cores"] = round(s1["seconds"] / s2["seconds"] / 2, 3)
    results["scaling_efficiency_2_cores_without_startup"] = round(
        s1["seconds_without_startup"] / s2["seconds_without_startup"] / 2, 3)
    results["setup"] = {"days": [f.name for f in files], "order": args.order, "warmup_articles": args.warmup, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                        "cpus": os.cpu_count(), "python": platform.python_version(),
                        "load_average_at_end": os.getloadavg()}
    text = json.dumps(results, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
