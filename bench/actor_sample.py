"""Draw person and organisation mentions from three outlets' news for a hand check of actor resolution.

    .venv/bin/python bench/actor_sample.py --seed 11 [--per-corpus 100] [--articles 150]   # prints the sample
    .venv/bin/python bench/actor_sample.py --score docs/bench/actor-check-2026-12-06.tsv   # accuracy

The sample: ``--articles`` random articles from each of ahdath-2019 (Morocco), youm7-2025 (Egypt) and
the SaudiNewsNet store given by ``--db`` (not near-duplicates), through the pipeline up to the entities
step, then ``--per-corpus`` random mentions of PER and ORG entities (whether or not rasd resolved
them), each printed with the code, country and office rasd gave and 70 characters of context.
Labels per mention (TSV columns ``country_ok`` and ``code_ok``): ``y`` right, ``n`` wrong, ``-`` the
reader cannot tell from the article either (left out of that score). A mention rasd left without a
country is wrong when the article makes the country plain. The texts stay in ../shared.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import sqlite3
from collections import Counter
from pathlib import Path

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"


def sample(db: str, seed: int, per_corpus: int, articles: int) -> None:
    from rasd.pipeline import default_steps, new_document

    steps = [s for s in default_steps() if s.name in ("language", "structure", "sentences", "entities")]
    random.seed(seed)

    def jsonl(name: str) -> list[tuple[str, str, str | None]]:
        rows = [json.loads(line) for line in gzip.open(NEWS / name / "articles.jsonl.gz", "rt", encoding="utf-8")]
        random.shuffle(rows)
        return [(r.get("id"), r.get("text") or "", r.get("date")) for r in rows[:articles]]

    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT rowid FROM documents WHERE near_of IS NULL")]
    random.shuffle(ids)
    corpora = {"ahdath (MAR)": jsonl("ahdath-2019"), "youm7 (EGY)": jsonl("youm7-2025")}
    corpora["saudinewsnet (SAU)"] = [con.execute(
        "SELECT d.id, json_extract(j.json, '$.text'), d.published FROM documents d JOIN doc_json j ON j.rowid = d.rowid"
        " WHERE d.rowid = ?", (i,)).fetchone() for i in ids[:articles]]
    k = 0
    for name, docs in corpora.items():
        found = []
        for doc_id, text, date in docs:
            doc = new_document(text or "")
            doc.published = date
            for step in steps:
                doc = step(doc)
            for e in doc.entities:
                if e.type not in ("PER", "ORG"):
                    continue
                a = e.actor
                for m in e.mentions:
                    context = (doc.text[max(0, m.start - 70):m.start] + " [[" + doc.text[m.start:m.end] + "]] "
                               + doc.text[m.end:m.end + 50]).replace("\n", " ")
                    found.append((name, doc_id, e.type, doc.text[m.start:m.end], (a.code if a else "") or "",
                                  (a.country if a else "") or "", (a.office if a else "") or "", context))
        random.shuffle(found)
        print(f"# {name}: {len(found)} PER/ORG mentions in {len(docs)} articles")
        for row in found[:per_corpus]:
            print(k, *row[:7], "|", row[7], sep="\t")
            k += 1


def score(path: str) -> None:
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    print("| corpus | mentions | country right | code right | no code given |")
    print("|---|---:|---:|---:|---:|")
    for corpus in sorted({r["corpus"] for r in rows}) + ["all"]:
        part = [r for r in rows if corpus in ("all", r["corpus"])]
        c = Counter(r["country_ok"] for r in part)
        d = Counter(r["code_ok"] for r in part)
        nc, nd = c["y"] + c["n"], d["y"] + d["n"]
        bare = sum(1 for r in part if not r["code"])
        print(f"| {corpus} | {len(part)} | {c['y'] / nc:.3f} ({c['y']}/{nc}) | {d['y'] / nd:.3f} ({d['y']}/{nd}) | {bare} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/snn.db", help="a SQLite store holding SaudiNewsNet")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--per-corpus", type=int, default=100)
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--score", help="a labelled TSV: print accuracy instead of drawing a sample")
    args = ap.parse_args()
    if args.score:
        score(args.score)
    else:
        sample(args.db, args.seed, args.per_corpus, args.articles)


if __name__ == "__main__":
    main()
