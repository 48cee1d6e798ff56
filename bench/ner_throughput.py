"""NER throughput on SaudiNewsNet, model size on disk and load time (one process, one core).

Reads the first N articles (zips in date order), then times ``NerTagger.entities`` over title+content
of each: tokenization, features, CRF decoding and offset mapping, everything the pipeline step pays.
It runs in one thread (numpy's small array operations do not use more), so articles/s is per core;
both wall-clock and the process's CPU time are printed because the machine may be shared.

    .venv/bin/python bench/ner_throughput.py [--n 5000] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import time
from importlib import resources
from pathlib import Path

from _saudinewsnet import first_texts  # noqa: E402  (bench/ is on sys.path when run as a script)

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--n", type=int, default=5000)
    args = ap.parse_args()
    texts = first_texts(args.n, args.data / "news/saudinewsnet")

    t0 = time.perf_counter()
    from rasd.entities.ner import NerTagger

    tagger = NerTagger().load()
    load_s = time.perf_counter() - t0
    model_dir = Path(str(resources.files("rasd.data").joinpath("ner")))
    size = sum(p.stat().st_size for p in model_dir.iterdir() if p.is_file())

    from rasd.text.tokenize import words

    n_tokens = sum(len(words(t)) for t in texts)
    t0, c0 = time.perf_counter(), time.process_time()
    n_ents = sum(len(tagger.entities(t)) for t in texts)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"articles: {len(texts)}, tokens: {n_tokens}, entities: {n_ents}")
    print(
        f"tagging, wall clock: {secs:.1f} s = {len(texts) / secs:.0f} articles/s, {n_tokens / secs:.0f} tokens/s"
    )
    print(f"tagging, CPU time of this process: {cpu:.1f} s = {len(texts) / cpu:.0f} articles/s")
    print(f"load (import + model + resources): {load_s:.2f} s")
    print(f"model directory: {size / 1e6:.1f} MB ({model_dir})")
    for p in sorted(model_dir.iterdir()):
        print(f"  {p.name}: {p.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
