"""Build the word-frequency lexicon that guards clitic splitting.

Reads SaudiNewsNet from ../shared/data/news/saudinewsnet (daily zips of JSON lists), counts
normalized word forms (ة kept distinct, see rasd.text.normalize), keeps words seen at least
MIN_COUNT times, and writes src/rasd/data/lexicon/words.tsv.gz. Deterministic: same input, same file.

    python scripts/build_lexicon.py [--data ../shared/data/news/saudinewsnet]
"""

from __future__ import annotations

import argparse
import gzip
import json
import zipfile
from collections import Counter
from pathlib import Path

from rasd.text.normalize import normalize
from rasd.text.tokenize import WORD_RE

MIN_COUNT = 3
ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/news/saudinewsnet"))
    ap.add_argument("--out", default=str(ROOT / "src/rasd/data/lexicon/words.tsv.gz"))
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    for zpath in sorted(Path(args.data).glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                for art in json.loads(zf.read(name)):
                    text = f"{art.get('title') or ''}\n{art.get('content') or ''}"
                    for m in WORD_RE.finditer(text):
                        if m.lastgroup == "ar":
                            counts[normalize(m.group(0))] += 1
    kept = sorted(((w, c) for w, c in counts.items() if c >= MIN_COUNT), key=lambda x: (-x[1], x[0]))
    # no file name and no time in the gzip header: the same input gives the same bytes anywhere
    with open(args.out, "wb") as fh, gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as raw:
        raw.write("".join(f"{w}\t{c}\n" for w, c in kept).encode("utf-8"))
    print(f"{len(kept)} words (of {len(counts)} types, {sum(counts.values())} tokens) -> {args.out}")


if __name__ == "__main__":
    main()
