"""The NER learning curve: the shipped recipe trained on growing parts of ANERcorp-clean train, scored
on the held-out tenth of train (the split the recipe was tuned on; the test file is never read).

    .venv/bin/python bench/ner_learning_curve.py [--fractions 0.125 0.25 0.5 1] [--jobs 2]

Each point trains on the first fraction of the first 90 % of train.txt (sentences in file order) and
prints per-type precision, recall and F1 and the micro average; one CRF per point, ``--jobs`` at once.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.entities.conll import read_conll  # noqa: E402
from rasd.train.ner import DEFAULTS, corpus_paths, evaluate, split_dev, train  # noqa: E402


def point(data: Path, fraction: float) -> tuple[float, int, int, list[dict], float]:
    """Train on ``fraction`` of the fit part, score on the held-out part: (fraction, sentences, tokens, rows, s)."""
    fit, dev = split_dev(read_conll(corpus_paths(data)["anercorp_train"]))
    part = fit[: max(1, round(len(fit) * fraction))]
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        train(part, Path(tmp), DEFAULTS)
        scores, _ = evaluate(Path(tmp), dev)
    return fraction, len(part), sum(len(toks) for toks, _ in part), scores.table(), time.time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--fractions", type=float, nargs="+", default=[0.125, 0.25, 0.5, 1.0])
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    with ProcessPoolExecutor(args.jobs) as pool:
        results = sorted(pool.map(point, [args.data] * len(args.fractions), args.fractions))
    print("| train part | sentences | tokens | type | P | R | F1 |")
    print("|---|---:|---:|---|---:|---:|---:|")
    for fraction, n, tokens, rows, _secs in results:
        for r in rows:
            print(f"| {fraction:g} | {n} | {tokens} | {r['type']} | {r['precision']:.4f} | {r['recall']:.4f} | {r['f1']:.4f} |")


if __name__ == "__main__":
    main()
