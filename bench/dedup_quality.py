"""Near-duplicate precision and recall of the MinHash LSH layer against exact Jaccard by brute force.

    .venv/bin/python bench/dedup_quality.py [--sample 2500] [--seed 13]

Evaluation sample: articles drawn at random from SaudiNewsNet days 6-19; the thresholds were chosen on
days 1-5 (the development sample), never on these. Truth: every pair whose exact Jaccard of 3-word
shingles is >= the documented threshold (``rasd.dedup.NEAR``). Predicted, as ingest decides: LSH
candidates, ranked by MinHash estimate (at most 5, estimate >= threshold - 0.15), verified exactly.
Also reported: the same without exact verification (estimate >= threshold), and bare LSH candidates.

    .venv/bin/python bench/dedup_quality.py --dev [--sample 2000]

prints instead the histogram of exact shingle Jaccard over all pairs of a sample of the development
days (1-5), the figures the threshold was chosen from.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _saudinewsnet import day_files, read  # noqa: E402

from rasd.dedup.bands import BandIndex  # noqa: E402
from rasd.dedup.index import _MARGIN, _VERIFY  # noqa: E402
from rasd.dedup.minhash import NEAR, estimate, signature  # noqa: E402
from rasd.dedup.shingles import word_shingles  # noqa: E402
from rasd.readers import RawDoc  # noqa: E402
from rasd.text import words  # noqa: E402

DEV_DAYS = 5


def prf(pred: set[tuple[int, int]], truth: set[tuple[int, int]]) -> dict[str, float]:
    tp = len(pred & truth)
    return {
        "precision": round(tp / len(pred), 4) if pred else 1.0,
        "recall": round(tp / len(truth), 4) if truth else 1.0,
        "predicted": len(pred),
        "true_positives": tp,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=2500)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dev", action="store_true", help="histogram on the development days instead")
    args = ap.parse_args()
    days = day_files()[:DEV_DAYS] if args.dev else day_files()[DEV_DAYS:]
    docs = [d for d in read(days) if isinstance(d, RawDoc) and d.text.strip()]
    random.Random(args.seed).shuffle(docs)
    sample = docs[: args.sample]
    shingles = [word_shingles(words(d.text)) for d in sample]
    if args.dev:
        hist: dict[float, int] = {}
        for i in range(len(sample)):
            for j in range(i + 1, len(sample)):
                a, b = shingles[i], shingles[j]
                inter = len(a & b)
                if inter:
                    key = round(int(10 * inter / (len(a) + len(b) - inter)) / 10, 1)
                    hist[key] = hist.get(key, 0) + 1
        print(json.dumps({"dev_sample": len(sample), "pairs_by_jaccard_bin": dict(sorted(hist.items()))}, indent=2))
        return
    t0 = time.perf_counter()
    truth: set[tuple[int, int]] = set()
    sizes = [len(s) for s in shingles]
    for i in range(len(sample)):
        a = shingles[i]
        for j in range(i + 1, len(sample)):
            b = shingles[j]
            if not a or not b or min(sizes[i], sizes[j]) < NEAR.threshold * max(sizes[i], sizes[j]):
                continue  # Jaccard <= min/max size ratio, so this pair cannot reach the threshold
            inter = len(a & b)
            if inter / (sizes[i] + sizes[j] - inter) >= NEAR.threshold:
                truth.add((i, j))
    brute_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    sigs = [signature(s, NEAR) for s in shingles]
    lsh = BandIndex(NEAR)
    for i, sig in enumerate(sigs):
        lsh.add(i, sig)
    cands: set[tuple[int, int]] = set()
    est_only: set[tuple[int, int]] = set()
    verified: set[tuple[int, int]] = set()
    for i, sig in enumerate(sigs):
        ranked = sorted(((estimate(sig, sigs[j]), j) for j in lsh.query(sig) if j != i), reverse=True)
        for rank, (est, j) in enumerate(ranked):
            pair = (min(i, j), max(i, j))
            cands.add(pair)
            if est >= NEAR.threshold:
                est_only.add(pair)
            if rank < _VERIFY and est >= NEAR.threshold - _MARGIN:
                a, b = shingles[i], shingles[j]
                inter = len(a & b)
                if a and b and inter / (len(a) + len(b) - inter) >= NEAR.threshold:
                    verified.add(pair)
    lsh_s = time.perf_counter() - t0
    result = {
        "sample": len(sample),
        "pairs": len(sample) * (len(sample) - 1) // 2,
        "threshold": NEAR.threshold,
        "num_perm": NEAR.num_perm,
        "bands_x_rows": f"{NEAR.bands}x{NEAR.rows}",
        "true_pairs": len(truth),
        "ingest_rule (lsh + estimate rank + exact verify)": prf(verified, truth),
        "lsh + minhash estimate only": prf(est_only, truth),
        "lsh candidates": prf(cands, truth),
        "brute_force_s": round(brute_s, 1),
        "lsh_s": round(lsh_s, 1),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
