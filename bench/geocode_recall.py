"""Geocoding recall: random sentences of three outlets' news, their place names marked by hand, and how
many of those rasd geocodes (to the right country).

    .venv/bin/python bench/geocode_recall.py --seed 5 --db /tmp/snn.db [--per-corpus 40]       # the sentences
    .venv/bin/python bench/geocode_recall.py --seed 5 --db /tmp/snn.db --score LABELS.tsv     # recall

The sentences: ``--articles`` random articles of each of ahdath-2019, youm7-2025 and the SaudiNewsNet
store (as the other hand checks draw them, ``bench/_outlets.py``), then ``--per-corpus`` random
sentences of each outlet, printed with their text only — the labeller does not see rasd's answer.
Labels (TSV ``k, place, country``): every place name of the sentence as written (countries, regions,
cities, towns, seas; not demonyms such as المغربي, not a place inside an organisation's name such as
بنك مصر), with its ISO-3 country (``-`` for a continent or sea); a sentence without a place gets one
line ``k, -, -``. A labelled name counts found when a geocoded mention of rasd's overlaps it in that
sentence, and right when that mention's country is the label's.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import Counter

from _outlets import outlet_documents


def sentences(db: str, seed: int, per_corpus: int, articles: int) -> list[tuple[int, str, str, object, int, int]]:
    """(k, outlet, doc id, document, start, end) of the drawn sentences, in print order."""
    out = []
    for name, docs in outlet_documents(db, seed, articles):
        pool = [(doc_id, doc, s.start, s.end) for doc_id, doc in docs for s in doc.sentences if s.end - s.start > 20]
        random.shuffle(pool)
        for doc_id, doc, a, b in pool[:per_corpus]:
            out.append((len(out), name, doc_id, doc, a, b))
    return out


def score(drawn: list[tuple[int, str, str, object, int, int]], path: str) -> None:
    labels: dict[int, list[tuple[str, str]]] = {}
    for row in csv.reader(open(path, encoding="utf-8"), delimiter="\t"):
        if row and row[0].isdigit():
            labels.setdefault(int(row[0]), []).append((row[1], row[2]))
    tally: Counter[tuple[str, str]] = Counter()
    for k, name, _doc_id, doc, a, b in drawn:
        text = doc.text
        mentions = [(m.start, m.end, e.geo.country) for e in doc.entities if e.geo for m in e.mentions if a <= m.start < b]
        cursor = a
        for place, country in labels.get(k, []):
            if place == "-":
                continue
            i = text.find(place, cursor, b)
            if i < 0:
                i = text.find(place, a, b)
            if i < 0:
                tally[(name, "unlocated")] += 1
                continue
            cursor = i + len(place)
            hits = [c for s, e, c in mentions if s < i + len(place) and i < e]
            tally[(name, "places")] += 1
            tally[(name, "found")] += bool(hits)
            tally[(name, "right")] += any(c == (None if country == "-" else country) for c in hits)
    print("| outlet | place names | found | recall (found) | recall (right country) |")
    print("|---|---:|---:|---:|---:|")
    for outlet in [*sorted({n for n, _ in tally}), "all"]:
        t = Counter()
        for (n, key), v in tally.items():
            if outlet in ("all", n):
                t[key] += v
        n = t["places"] or 1
        print(f"| {outlet} | {t['places']} | {t['found']} | {t['found'] / n:.3f} | {t['right'] / n:.3f} |")
    if any(k == "unlocated" for _, k in tally):
        print("labels not found in their sentence:", sum(v for (_, k), v in tally.items() if k == "unlocated"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/snn.db", help="a SQLite store holding SaudiNewsNet")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--per-corpus", type=int, default=40)
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--score", help="a TSV of hand-marked place names: print recall")
    args = ap.parse_args()
    drawn = sentences(args.db, args.seed, args.per_corpus, args.articles)
    if args.score:
        score(drawn, args.score)
        return
    for k, name, doc_id, doc, a, b in drawn:
        print(k, name, doc_id, doc.text[a:b].replace("\n", " "), sep="\t")


if __name__ == "__main__":
    main()
