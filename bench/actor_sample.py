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
import random
from collections import Counter

from _outlets import context, outlet_documents


def sample(db: str, seed: int, per_corpus: int, articles: int) -> None:
    k = 0
    for name, docs in outlet_documents(db, seed, articles):
        found = []
        for doc_id, doc in docs:
            for e in doc.entities:
                if e.type not in ("PER", "ORG"):
                    continue
                a = e.actor
                for m in e.mentions:
                    found.append((name, doc_id, e.type, doc.text[m.start:m.end], (a.code if a else "") or "",
                                  (a.country if a else "") or "", (a.office if a else "") or "",
                                  context(doc, m.start, m.end)))
        random.shuffle(found)
        print(f"# {name}: {len(found)} PER/ORG mentions in {len(docs)} articles")
        for row in found[:per_corpus]:
            print(k, *row[:7], "|", row[7], sep="\t")
            k += 1


def score(path: str) -> None:
    """Per sample and outlet: mentions, not actors, and country and code accuracy over the judged ones."""
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    print("| sample | outlet | mentions | not an actor | judged | country right | code right | rasd gave a country: right |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for sample in sorted({r["sample"] for r in rows}):
        part_rows = [r for r in rows if r["sample"] == sample]
        for corpus in [*sorted({r["corpus"] for r in part_rows}), "all"]:
            part = [r for r in part_rows if corpus in ("all", r["corpus"])]
            judged = [r for r in part if r["actor"] == "y" and r["country_ok"] != "-"]
            given = [r for r in judged if r["country"]]
            ok = Counter((r["country_ok"], r["code_ok"]) for r in judged)
            country = sum(v for (c, _), v in ok.items() if c == "y")
            code = sum(v for (_, c), v in ok.items() if c == "y")
            print(f"| {sample} | {corpus} | {len(part)} | {sum(r['actor'] == 'n' for r in part)} | {len(judged)} |"
                  f" {country / len(judged):.3f} | {code / len(judged):.3f} |"
                  f" {sum(r['country_ok'] == 'y' for r in given)}/{len(given)} |")


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
