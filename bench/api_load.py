"""API latency under load: `rasd serve` in one process, 20 concurrent clients in this one, on loopback.

Starts the server on a store holding all of SaudiNewsNet (SQLite file or PostgreSQL URL), then runs 20
concurrent keep-alive clients against each request mix for a bounded time and prints p50/p95/p99 latency,
throughput and how many requests repeated an earlier URL of the run, as a markdown table.

The requests are drawn the way people use an archive: a few things asked often, most asked rarely.
Each mix picks from a large set with Zipf weights (rank r drawn with weight 1/r):
- search: 1,000 words from 5,000 titles of the store (most frequent first), a fifth of them two-word ANDs;
- article: any of 5,000 stored articles (uniform: an article is read once, rarely twice);
- events: a type (or none) × a status × page 1–3, and, with filters, an actor of the top 200 and a month;
- summary: a type (or none) × an actor (or none) × a month (or none), as the dashboard asks;
- actor page: one of the top 200 actor codes.

Each mix first runs one second untimed (every server process up, its memos in use); the URLs it asked
count as seen in the "repeated URLs" column.

The load generator speaks HTTP/1.1 over raw asyncio streams (an ``httpx`` client costs several times the
CPU per request, and it shares the two cores with the server). ``--no-cache`` starts the server with its
response cache off, so every request is computed.

    .venv/bin/python bench/api_load.py --db /tmp/snn.db [--seconds 15] [--clients 20] [--no-cache] [--threads N]
    .venv/bin/python bench/api_load.py --db postgresql://rasd@127.0.0.1:54329/snn
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"
TYPES = ["", "ASSAULT", "PROTEST", "CONSULT", "SUPPORT", "ACCUSE", "COOPERATE", "REQUEST", "COERCE", "THREATEN"]
STATUSES = ["asserted", "", "negated", "hypothetical", "background"]
ARABIC_WORD = re.compile(r"[\u0621-\u064A]{3,}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_db(db: str) -> None:
    if db.startswith(("postgresql://", "postgres://")) or Path(db).exists():
        return
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    zips = sorted(str(p) for p in DATA.glob("*.zip"))
    if not zips:
        sys.exit(f"SaudiNewsNet not found at {DATA}")
    print(f"building {db} from {len(zips)} SaudiNewsNet zips ...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "rasd.cli", "ingest", *zips, "--db", db, "--workers", "2"], check=True)


def zipf(items: list, rng: random.Random, cum: list[float]):  # noqa: ANN001, ANN201
    return rng.choices(items, cum_weights=cum)[0]


def weights(n: int) -> list[float]:
    return list(itertools.accumulate(1.0 / (r + 1) for r in range(n)))


def sample_space(db: str) -> dict[str, list]:
    """Queries, article ids, actor codes and months, read from the store itself."""
    from rasd.store import Filters, Page, open_store

    store = open_store(db)
    hits = store.latest(Filters(), Page(limit=5000))
    freq = Counter(w for h in hits for w in ARABIC_WORD.findall(h.title or ""))
    words = [w for w, _ in freq.most_common(1000)]
    rng = random.Random(7)
    queries = [w if rng.random() > 0.2 else f"{w} {rng.choice(words[:300])}" for w in words]
    actors = [r["code"] for r in store.actors() if len(r["code"] or "") >= 3][:200]
    months = sorted({h.published[:7] for h in hits if h.published})
    store.close()
    return {"queries": queries, "ids": [h.doc_id for h in hits], "actors": actors, "months": months}


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, url: str) -> int:
    writer.write(f"GET {url} HTTP/1.1\r\nHost: bench\r\n\r\n".encode("ascii"))
    status = int((await reader.readline()).split()[1])
    length, chunked = 0, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value:
            chunked = True
    if not chunked:
        await reader.readexactly(length)
        return status
    while size := int((await reader.readline()).strip(), 16):
        await reader.readexactly(size + 2)
    await reader.readline()
    return status


async def run_mix(port: int, make_url: Callable[[random.Random], str], seconds: float, clients: int,
                  seen: set[str], seed: int = 0) -> tuple[list[float], int]:
    latencies: list[float] = []
    repeats = 0
    deadline = time.perf_counter() + seconds

    async def worker(seed: int) -> None:
        nonlocal repeats
        rng = random.Random(seed)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline:
                url = make_url(rng)
                repeats += url in seen
                seen.add(url)
                t0 = time.perf_counter()
                status = await fetch(reader, writer, url)
                latencies.append(time.perf_counter() - t0)
                if status != 200:
                    raise RuntimeError(f"{url}: HTTP {status}")
        finally:
            writer.close()

    await asyncio.gather(*(worker(seed + i) for i in range(clients)))
    return latencies, repeats


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else float("nan")


def mixes(space: dict[str, list]) -> dict[str, Callable[[random.Random], str]]:
    q, ids, actors, months = space["queries"], space["ids"], space["actors"], space["months"]
    wq, wa = weights(len(q)), weights(len(actors))
    month_weights = weights(len(months))

    def params(**kw: object) -> str:
        return urlencode({k: v for k, v in kw.items() if v not in ("", None)}, quote_via=quote)

    def month(rng: random.Random) -> dict[str, str]:
        if rng.random() < 0.5:
            return {}
        m = zipf(months[::-1], rng, month_weights)  # recent months asked most
        return {"since": f"{m}-01", "until": f"{m}-28"}

    return {
        "search (/api/articles?q=)": lambda rng: "/api/articles?" + params(q=zipf(q, rng, wq), size=20),
        "article (/api/articles/{id})": lambda rng: f"/api/articles/{rng.choice(ids)}",
        "events (/api/events?type=&status=)": lambda rng: "/api/events?" + params(
            size=50, type=rng.choice(TYPES), status=rng.choice(STATUSES), page=rng.choice([1, 1, 1, 2, 3])),
        "events with filters (+ actor, month)": lambda rng: "/api/events?" + params(
            size=50, type=rng.choice(TYPES), status="asserted", actor=zipf(actors, rng, wa), **month(rng)),
        "events summary (/api/events/summary)": lambda rng: "/api/events/summary?" + params(
            status="asserted", type=rng.choice(TYPES), actor=zipf(actors, rng, wa) if rng.random() < 0.6 else "",
            **month(rng)),
        "actor page (/actor/{code})": lambda rng: f"/actor/{zipf(actors, rng, wa)}",
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "saudinewsnet.db"), help="SQLite file or PostgreSQL URL")
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--no-cache", action="store_true", help="server without its response cache")
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    ap.add_argument("--threads", type=int, default=None, help="request threads per server process (default: rasd serve's)")
    args = ap.parse_args()
    ensure_db(args.db)
    space = sample_space(args.db)
    port = free_port()
    cmd = [sys.executable, "-m", "rasd.cli", "serve", "--db", args.db, "--port", str(port), "--workers", str(args.workers)]
    cmd += ["--threads", str(args.threads)] if args.threads else []
    server = subprocess.Popen(cmd + (["--no-cache"] if args.no_cache else []), stderr=subprocess.DEVNULL,
                              env={**os.environ, "RASD_LOG": "warning"})
    try:
        import httpx

        for _ in range(600):
            try:
                stats = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).json()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            sys.exit("server did not start")
        kind = "PostgreSQL" if args.db.startswith("postgres") else "SQLite"
        print(f"store: {kind} — {stats['documents']} documents, {stats['events']} events, {stats['entities']} entities")
        from rasd.api import THREADS

        print(f"{args.clients} concurrent clients, {args.seconds:.0f} s per mix, {args.workers} server process(es) of "
              f"{args.threads or THREADS} request thread(s), response cache "
              f"{'off' if args.no_cache else 'on'}; server and load generator share the 2 cores (loopback)\n")
        print("| mix | requests | req/s | repeated URLs | p50 ms | p95 ms | p99 ms |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, make in mixes(space).items():
            seen: set[str] = set()
            # every server process up and its word memos in use: one second of the same mix, not timed
            # (its URLs count as seen: "repeated URLs" includes what the warm-up asked)
            asyncio.run(run_mix(port, make, 1.0, args.clients, seen, seed=1000))
            t0 = time.perf_counter()
            lat, repeats = asyncio.run(run_mix(port, make, args.seconds, args.clients, seen))
            wall = time.perf_counter() - t0
            print(f"| {name} | {len(lat)} | {len(lat) / wall:.0f} | {100 * repeats / len(lat):.0f} % |"
                  f" {pct(lat, 50):.1f} | {pct(lat, 95):.1f} | {pct(lat, 99):.1f} |", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
