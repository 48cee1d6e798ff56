"""API latency under load: `rasd serve` in one process, a load generator in this one, on loopback.

Builds (or reuses) a database holding all SaudiNewsNet articles, starts the server, then runs
20 concurrent clients against each request mix — search, one article, events with filters, the
events summary (counts over everything that matches), actor pages, the events page — for a bounded
time each, and prints p50/p95/p99 latency and throughput per mix as a markdown table.

    .venv/bin/python bench/api_load.py [--db bench/out/saudinewsnet.db] [--seconds 20] [--clients 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"
QUERIES = [
    "السعودية", "اليمن", "الحوثيين", "داعش", "إيران", "الاتفاق النووي", "وزير الخارجية", "الرياض", "مكة",
    "الحج", "النفط", "أسعار النفط", "التحالف", "عاصفة الحزم", "سوريا", "الأسد", "تركيا", "أردوغان",
    "اردوغان", "مصر", "السيسي", "العراق", "بغداد", "الموصل", "لبنان", "حزب الله", "فلسطين", "غزة",
    "القدس", "الأمم المتحدة", "مجلس الأمن", "الملك سلمان", "ولي العهد", "الإرهاب", "تفجير", "مسجد",
    "الكويت", "البحرين", "قطر", "الإمارات", "عمان", "الأردن", "المغرب", "تونس", "ليبيا", "الجزائر",
    "كرة القدم", "الهلال", "النصر", "الاتحاد", "الأهلي", "المنتخب", "التعليم", "الجامعة", "الصحة",
    "كورونا", "المرور", "الأمطار", "\"وزارة الداخلية\"", "\"مجلس الوزراء\"", "الاقتصاد", "البورصة",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_db(db: Path) -> None:
    if db.exists():
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    zips = sorted(str(p) for p in DATA.glob("*.zip"))
    if not zips:
        sys.exit(f"SaudiNewsNet not found at {DATA}")
    print(f"building {db} from {len(zips)} SaudiNewsNet zips ...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "rasd.cli", "ingest", *zips, "--db", str(db)], check=True)


async def run_mix(base: str, make_url, seconds: float, clients: int) -> list[float]:  # noqa: ANN001
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def worker(seed: int) -> None:
        rng = random.Random(seed)
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            while time.perf_counter() < deadline:
                url = make_url(rng)
                t0 = time.perf_counter()
                r = await client.get(url)
                latencies.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    raise RuntimeError(f"{url}: {r.status_code} {r.text[:200]}")

    await asyncio.gather(*(worker(i) for i in range(clients)))
    return latencies


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] * 1000 if len(values) > 1 else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "saudinewsnet.db"))
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    args = ap.parse_args()
    db = Path(args.db)
    ensure_db(db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "rasd.cli", "serve", "--db", str(db), "--port", str(port),
         "--workers", str(args.workers)],
        stderr=subprocess.DEVNULL, env={**os.environ, "RASD_LOG": "warning"},
    )
    try:
        for _ in range(200):
            try:
                stats = httpx.get(base + "/api/stats", timeout=2).json()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            sys.exit("server did not start")
        ids = [h["id"] for q in QUERIES[:20] for h in httpx.get(base + "/api/articles", params={"q": q, "size": 50}).json()["items"]]
        types = ["", "ASSAULT", "PROTEST", "CONSULT", "SUPPORT", "ACCUSE", "COOPERATE"]
        actors = [r["code"] for r in httpx.get(base + "/api/actors", params={"size": 40}, timeout=60).json()["items"]
                  if len(r["code"] or "") >= 3][:30]
        mixes = {
            "search (/api/articles?q=)": lambda rng: f"/api/articles?q={rng.choice(QUERIES)}&size=20",
            "article (/api/articles/{id})": lambda rng: f"/api/articles/{rng.choice(ids)}",
            "events (/api/events?type=)": lambda rng: "/api/events?size=100" + (f"&type={t}" if (t := rng.choice(types)) else ""),
            "events with filters (type, actor, status)": lambda rng: "/api/events?size=100&status=asserted"
            + (f"&type={t}" if (t := rng.choice(types)) else "") + f"&actor={rng.choice(actors)}",
            "events summary (/api/events/summary)": lambda rng: "/api/events/summary?status=asserted"
            + (f"&type={t}" if (t := rng.choice(types)) else "") + (f"&actor={a}" if (a := rng.choice(["", *actors])) else ""),
            "actor page (/actor/{code})": lambda rng: f"/actor/{rng.choice(actors)}",
        }
        print(f"database: {db} — {stats['documents']} documents, {stats['events']} events, {stats['entities']} entities")
        print(f"{args.clients} concurrent clients, {args.seconds:.0f} s per mix, {args.workers} server process(es),"
              " server and load generator on loopback, same 2-core machine\n")
        print("| mix | requests | req/s | p50 ms | p95 ms | p99 ms |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, make in mixes.items():
            t0 = time.perf_counter()
            lat = asyncio.run(run_mix(base, make, args.seconds, args.clients))
            wall = time.perf_counter() - t0
            print(f"| {name} | {len(lat)} | {len(lat) / wall:.0f} | {pct(lat, 50):.1f} | {pct(lat, 95):.1f} | {pct(lat, 99):.1f} |")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
