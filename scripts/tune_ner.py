"""Choose the NER recipe on a held-out split of ANERcorp train (the last 10 % of its sentences).

Never reads the test file. Each configuration is trained on the first 90 % (plus any extra corpora)
and scored on the held-out 10 %; the table printed is what docs/bench/ner.md reports as tuning.

    python scripts/tune_ner.py [--data ../shared/data] [--grid c1,c2,extra ...] [--silver FILE ...]

Each grid item is ``c1,c2[,extra+extra[,group+group]]``, e.g. ``0.05,0.05``,
``0.1,0.01,caraner+wojood`` or ``0.05,0.05,,gaz+tit+clu+win3`` (feature groups: see features.py).
``--silver``: CoNLL files of machine-labelled news (``scripts/silver_ner.py``) added to the training
sentences of every configuration; the teacher that labelled them must not have seen the held-out 10 %.
``--gold-copies N`` repeats the ANERcorp sentences N times beside them (weighting gold over silver).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from rasd.entities.conll import read_conll
from rasd.train.ner import (
    DEFAULTS,
    Recipe,
    corpus_paths,
    evaluate,
    extra_sentences,
    split_dev,
    train,
)

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--grid", nargs="+", default=["0.05,0.05"])
    ap.add_argument("--max-iterations", type=int, default=DEFAULTS.max_iterations)
    ap.add_argument(
        "--keep", type=Path, default=None, help="keep the (last) model trained, in this directory"
    )
    ap.add_argument("--silver", type=Path, nargs="*", default=[], help="machine-labelled CoNLL files to add")
    ap.add_argument("--gold-copies", type=int, default=1, help="repeat the ANERcorp training sentences")
    args = ap.parse_args()
    sents = read_conll(corpus_paths(args.data)["anercorp_train"])
    fit, dev = split_dev(sents)
    silver = [s for path in args.silver for s in read_conll(path)]
    print(f"train {len(fit)} sentences (+ {len(silver)} silver), held-out {len(dev)}")
    for item in args.grid:
        parts = item.split(",")
        extra = parts[2].split("+") if len(parts) > 2 and parts[2] else []
        recipe = Recipe(
            c1=float(parts[0]), c2=float(parts[1]), max_iterations=args.max_iterations, extra=extra
        )
        if len(parts) > 3:
            recipe.features = [g for g in parts[3].split("+") if g]
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.time()
            where = args.keep or Path(tmp)
            train(fit * args.gold_copies + silver + extra_sentences(args.data, extra), where, recipe)
            scores, _ = evaluate(where, dev)
            cells = " ".join(f"{r['type']}={r['f1']:.4f}" for r in scores.table())
            print(f"{item:<28} {cells}  ({time.time() - t0:.0f}s)", flush=True)


if __name__ == "__main__":
    main()
