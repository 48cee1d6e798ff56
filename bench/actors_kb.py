"""Actor knowledge base: load time (cold, from the index cache), name lookups, and a gazetteer
``scan`` over SaudiNewsNet articles.

    .venv/bin/python bench/actors_kb.py [--articles 2000]
    .venv/bin/python bench/actors_kb.py --coverage

Prints the figures that docs/bench/actors.md reports. The data stays in ../shared/data.
``--coverage`` prints instead, for each office the issue asks for, the states whose holders the
knowledge base knows for only some of the years 2010–2026 (the table in the data card).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNN = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"

_LOAD = """
import time
t0 = time.perf_counter()
from rasd.actors import get_kb
t1 = time.perf_counter()
get_kb()
t2 = time.perf_counter()
print(f"{t1 - t0:.4f} {t2 - t1:.4f}")
"""


def _run(cache: str) -> tuple[float, float]:
    env = {**os.environ, "RASD_CACHE_DIR": cache}
    res = subprocess.run([sys.executable, "-c", _LOAD], env=env, capture_output=True, text=True)
    if res.returncode:
        raise SystemExit(f"load run failed:\n{res.stderr[-2000:]}")
    imp, build = map(float, res.stdout.split()[-2:])
    return imp, build


def load_times(runs: int = 3) -> dict[str, float]:
    """Best of ``runs`` fresh processes: import time, build without a cache, build from the cache."""
    cold = [_run("none") for _ in range(runs)]
    with tempfile.TemporaryDirectory() as cache:
        _run(cache)  # fills the cache
        warm = [_run(cache) for _ in range(runs)]
    return {
        "import": min(i for i, _ in cold + warm),
        "cold": min(b for _, b in cold),
        "cached": min(b for _, b in warm),
    }


def articles(limit: int) -> list[str]:
    texts: list[str] = []
    for z in sorted(SNN.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                try:
                    items = json.loads(zf.read(name))
                except ValueError:
                    continue
                for a in items:
                    texts.append((a.get("title") or "") + "\n" + (a.get("content") or ""))
                    if len(texts) >= limit:
                        return texts
    return texts


OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister", "interior_minister")


def coverage(first: int = 2010, last: int = 2026) -> dict[str, dict[str, int]]:
    """For each office, each state of the region and how many of the years ``first``–``last`` have a
    holder of that office in the knowledge base (any day of the year counts)."""
    from rasd.actors import get_kb
    from rasd.entities.step import _ARAB_LEAGUE  # the one list of the League's members

    kb = get_kb()
    states = [*sorted(_ARAB_LEAGUE), "IRN", "TUR", "ISR", "USA", "RUS", "CHN"]
    table: dict[str, dict[str, int]] = {}
    for office in OFFICES:
        table[office] = {
            c: sum(1 for y in range(first, last + 1) if kb.office_holders(c, office, str(y))) for c in states
        }
    return table


def print_coverage() -> None:
    years = 2026 - 2010 + 1
    for office, row in coverage().items():
        partly = ", ".join(f"{c} {n}" for c, n in row.items() if 0 < n < years - 1)
        none = ", ".join(c for c, n in row.items() if n == 0)
        print(f"- {office} | partly: {partly or '—'} | none: {none or '—'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--coverage", action="store_true", help="print the office-holder coverage table only")
    args = ap.parse_args()
    if args.coverage:
        print_coverage()
        return
    if not SNN.is_dir():
        raise SystemExit(f"SaudiNewsNet not found at {SNN}")

    lt = load_times()
    print(f"import rasd.actors: {lt['import'] * 1000:.0f} ms")
    print(f"get_kb, no cache:   {lt['cold'] * 1000:.0f} ms")
    print(f"get_kb, cached:     {lt['cached'] * 1000:.0f} ms")

    from rasd.actors import get_kb

    kb = get_kb()
    print("records:", kb.stats())

    names = [n for r in kb.records.values() for n in r.names]
    t = time.perf_counter()
    for n in names:
        kb.lookup_name(n, date="2015-07-30")
    dt = time.perf_counter() - t
    print(f"lookup_name: {len(names)} names in {dt:.2f} s = {len(names) / dt:,.0f}/s")

    phrases = [
        "رئيس الوزراء العراقي",
        "السفير الأميركي",
        "القوات الأميركية",
        "وزير الخارجية السعودي",
        "الرئيس التركي",
        "المتظاهرون",
        "السفير التركي الجديد لدى العراق",
    ] * 200
    t = time.perf_counter()
    for p in phrases:
        kb.code_phrase(p, date="2015-07-30")
    dt = time.perf_counter() - t
    print(f"code_phrase: {len(phrases) / dt:,.0f} phrases/s")

    texts = articles(args.articles)
    chars = sum(map(len, texts))
    t = time.perf_counter()
    hits = Counter()
    n_matches = 0
    for text in texts:
        for m in kb.scan(text):
            n_matches += 1
            hits[m.ids[0]] += 1
    dt = time.perf_counter() - t
    print(
        f"scan: {len(texts)} articles ({chars / 1e6:.1f} M chars) in {dt:.2f} s = "
        f"{len(texts) / dt:,.0f} articles/s, {n_matches} matches"
    )
    print("most found:", ", ".join(f"{k} {v}" for k, v in hits.most_common(15)))


if __name__ == "__main__":
    main()
