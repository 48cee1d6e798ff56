"""Score the line classifier against the hand-annotated lines and print markdown tables.

    python bench/structure_eval.py [--gold tests/data/structure_lines.tsv] [--errors dev] [--speed 3000]

``--errors dev`` also lists the misclassified dev lines (never look at test errors while tuning).
``--speed N`` times ``classify_lines`` on the first N SaudiNewsNet articles (../shared/data), one core.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

from _saudinewsnet import first_texts  # noqa: E402  (bench/ is on sys.path when run as a script)

from rasd.eval.structure import GOLD, markdown, score_splits
from rasd.structure.lines import classify_lines

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "saudinewsnet"


def speed(n: int) -> str:
    """Articles per second of the line classifier, best of three passes."""
    texts = first_texts(n, NEWS)
    if not texts:
        return f"no articles under {NEWS}"
    best = 0.0
    for _ in range(3):
        t = time.perf_counter()
        for text in texts:
            classify_lines(text)
        best = max(best, len(texts) / (time.perf_counter() - t))
    chars = sum(map(len, texts)) / len(texts)
    return f"classify_lines: {best:,.0f} articles/s on {len(texts)} articles ({chars:,.0f} chars each on average)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument(
        "--errors", choices=["dev", "test", "all"], help="list the misclassified lines of a split"
    )
    ap.add_argument("--speed", type=int, default=0, metavar="N", help="time the classifier on N articles")
    args = ap.parse_args()
    scores = score_splits(args.gold)
    print(f"<!-- {' '.join(['python', *sys.argv])} · {datetime.date.today().isoformat()} -->\n")
    print(markdown(scores))
    if args.errors:
        for g, pred in scores[args.errors].errors:
            print(f"{g.doc}:{g.line}\tgold={g.label}\tpred={pred}\t{g.text[:110]}")
    if args.speed:
        print(speed(args.speed))


if __name__ == "__main__":
    main()
