"""Throughput of the entities step (NER + knowledge base + gazetteer + resolution + geocoding).

Reads the first N SaudiNewsNet articles (daily zips, sorted by name), runs the structure step on
them untimed, then times the entities step alone on one core (wall clock and process CPU time:
on a shared machine the CPU time is the figure that says what one core can do). Also reports how long the
resources take to load (gazetteer, knowledge base, NER model) and the shipped gazetteer's size.

    .venv/bin/python bench/entities_throughput.py [--limit 5000] [--no-ner] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from _saudinewsnet import first_texts  # noqa: E402  (bench/ is on sys.path when run as a script)

from rasd.entities import step as entities_step
from rasd.entities.gazetteer import gazetteer
from rasd.pipeline import new_document
from rasd.structure import structure

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=5000)
    ap.add_argument("--no-ner", action="store_true", help="run without the NER model")
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    args = ap.parse_args()

    t0 = time.perf_counter()
    gaz = gazetteer()
    t_gaz = time.perf_counter() - t0
    t0 = time.perf_counter()
    kb = entities_step.actor_index()
    t_kb = time.perf_counter() - t0
    t0 = time.perf_counter()
    tagger = None if args.no_ner else entities_step._tagger()
    t_ner = time.perf_counter() - t0

    texts = first_texts(args.limit, Path(args.data) / "news/saudinewsnet")
    docs = [structure(new_document(t)) for t in texts]
    chars = sum(len(d.text) for d in docs)
    types: Counter[str] = Counter()
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in docs:
        for e in entities_step.find_entities(doc, gaz=gaz, tagger=tagger):
            types[e.type if e.type != "LOC" else f"LOC/{e.kind}"] += 1
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0

    size = (ROOT / "src/rasd/data/gazetteer/places.json.gz").stat().st_size
    print(f"articles            {len(docs)} ({chars / 1e6:.1f} M characters)")
    print(
        f"NER model           {'yes' if tagger is not None else 'no'}; knowledge base {'yes' if kb else 'no'}"
    )
    print(f"load: gazetteer {t_gaz:.2f} s, knowledge base {t_kb:.2f} s, NER model {t_ner:.2f} s")
    print(f"gazetteer file      {size / 1024:.0f} KB, {len(gaz.places)} places, {len(gaz.names)} names")
    print(
        f"entities step wall  {elapsed:.1f} s: {len(docs) / elapsed:.0f} articles/s, {chars / elapsed / 1e3:.0f} k chars/s"
    )
    print(
        f"entities step CPU   {cpu:.1f} s: {len(docs) / cpu:.0f} articles/s (process time: one core's work,"
    )
    print("                    without the waiting for a shared CPU that the wall figure includes)")
    print(
        f"entities found      {sum(types.values())} ({', '.join(f'{k} {v}' for k, v in types.most_common())})"
    )


if __name__ == "__main__":
    main()
