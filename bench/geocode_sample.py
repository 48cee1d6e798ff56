"""Draw geocoded place mentions from three outlets' news for a hand check, and score the labels.

    .venv/bin/python bench/geocode_sample.py --seed 7 [--per-corpus 70] [--articles 150]     # prints the sample
    .venv/bin/python bench/geocode_sample.py --score docs/bench/geocode-check-2026-12-06.tsv   # precision
    .venv/bin/python bench/geocode_sample.py --rescore docs/bench/geocode-check-2026-12-06.tsv --db DB  # today's code

The sample: ``--articles`` random articles from each of ahdath-2019 (Morocco), youm7-2025 (Egypt) and
the SaudiNewsNet store given by ``--db`` (not near-duplicates), run through the pipeline up to the
entities step, then ``--per-corpus`` random geocoded mentions of each (place names and demonyms), each
printed with the place chosen, its character offset and 70 characters of context. Labels (one line per mention in the TSV):
``y`` right, ``n`` wrong, ``o`` a place name inside an organisation's, street's or road's name that is
named after that place (بنك الإسكندرية، غرفة جدة): wrong when scored strictly, right when leniently.
The texts stay in ../shared (their licences forbid copies): the TSV holds ids, words and labels only.

``--rescore`` reads the labelled draws again with today's code: a labelled mention keeps its label
where the code still geocodes it (the mention at its offset, in draws from 2026-12-08 on, which have a
``start`` column; in older draws any mention of those words in that article) to the same country and
feature; one no longer geocoded leaves the count, and one geocoded elsewhere is counted apart (it needs
a new label). Labels judge the output of the code that drew them, so this is a development figure.
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
                for m in e.mentions if e.geo else ():
                    found.append((name, doc_id, doc.text[m.start:m.end], e.geo.country, e.geo.feature,
                                  m.start, context(doc, m.start, m.end)))
        random.shuffle(found)
        print(f"# {name}: {len(found)} geocoded mentions in {len(docs)} articles")
        for row in found[:per_corpus]:
            print(k, *row[:6], "|", row[6], sep="\t")
            k += 1


def score(path: str) -> None:
    """Precision per sample and corpus, strict (``o`` wrong) and lenient (``o`` right)."""
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    groups: dict[tuple[str, str], Counter] = {}
    for r in rows:
        for key in ((r["sample"], r["corpus"]), (r["sample"], "all")):
            groups.setdefault(key, Counter())[r["label"]] += 1
    print("| sample | corpus | mentions | strict precision | lenient precision |")
    print("|---|---|---:|---:|---:|")
    for (s, corpus), c in sorted(groups.items()):
        n = sum(c.values())
        print(f"| {s} | {corpus} | {n} | {c['y'] / n:.3f} | {(c['y'] + c['o']) / n:.3f} |")


def rescore(path: str, db: str) -> None:
    """Strict and lenient precision of today's code over the labelled mentions it still produces."""
    from _outlets import documents_by_id

    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    docs = documents_by_id(db, {r["doc_id"] for r in rows})
    kept: Counter = Counter()
    changed: list[tuple[str, str, str, str]] = []
    gone = 0
    for r in rows:
        doc = docs.get(r["doc_id"])
        now = set()
        for e in doc.entities if doc else ():
            for m in e.mentions if e.geo else ():
                if doc.text[m.start : m.end] == r["mention"] and (not r.get("start") or m.start == int(r["start"])):
                    now.add((e.geo.country or "", e.geo.feature or ""))
        labelled = (r["country"] if r["country"] != "None" else "", r["feature"])  # continents have no country
        if labelled in now:
            kept[r["label"]] += 1
        elif now:
            changed.append((r["doc_id"], r["mention"], f"{r['country']}/{r['feature']} {r['label']}", str(sorted(now))))
        else:
            gone += 1
    n = sum(kept.values())
    print(f"labelled mentions still produced alike: {n}; no longer geocoded: {gone}; geocoded elsewhere: {len(changed)}")
    print(f"strict precision {kept['y'] / n:.3f}, lenient {(kept['y'] + kept['o']) / n:.3f} ({kept['n']} wrong, {kept['o']} inside a name)")
    for row in changed:
        print("changed:", *row, sep="\t")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/snn.db", help="a SQLite store holding SaudiNewsNet")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-corpus", type=int, default=70)
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--score", help="a labelled TSV: print precision instead of drawing a sample")
    ap.add_argument("--rescore", help="a labelled TSV: precision of today's code on the mentions it still produces")
    args = ap.parse_args()
    if args.rescore:
        rescore(args.rescore, args.db)
    elif args.score:
        score(args.score)
    else:
        sample(args.db, args.seed, args.per_corpus, args.articles)


if __name__ == "__main__":
    main()
