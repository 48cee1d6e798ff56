"""Words the tokenizer cuts because a scraped page glued them together, per corpus.

Reads every Youm7 and Ahdath.info article and the first ``--snn`` SaudiNewsNet articles, and writes
each long Arabic word the tokenizer cuts, with its pieces and count, to ``--out``. With ``--compare``
(the same file written by another checkout) it prints the words cut differently, per corpus, so a
change to the cutting rules can be read word by word.

    .venv/bin/python bench/glued_words.py --out /tmp/cuts_new.tsv [--compare /tmp/cuts_old.tsv]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from _saudinewsnet import first_texts  # noqa: E402  (bench/ is on sys.path when run as a script)

from rasd.text.tokenize import WORD_RE, iter_words

ROOT = Path(__file__).resolve().parents[1]


def cut_words(data: Path, snn: int) -> Counter[tuple[str, str, str]]:
    """(corpus, word, pieces joined by |) → occurrences, for every word the tokenizer cuts."""
    texts: list[tuple[str, str]] = []
    for corpus in ("youm7-2025", "ahdath-2019"):
        with gzip.open(data / "news" / corpus / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
            texts += [(corpus, json.loads(line).get("text") or "") for line in fh]
    texts += [("saudinewsnet", t) for t in first_texts(snn, data / "news" / "saudinewsnet")]
    out: Counter[tuple[str, str, str]] = Counter()
    for corpus, text in texts:
        for m in WORD_RE.finditer(text):
            word = m.group()
            if m.lastgroup == "ar" and len(word) >= 6:
                pieces = [t.text for t in iter_words(word)]
                if len(pieces) > 1:
                    out[corpus, word, "|".join(pieces)] += 1
    return out


def read(path: str) -> dict[tuple[str, str], tuple[str, int]]:
    rows = (line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8"))
    return {(c, w): (p, int(n)) for c, w, p, n in rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    ap.add_argument("--snn", type=int, default=4000, help="SaudiNewsNet articles to read")
    ap.add_argument("--out", required=True)
    ap.add_argument("--compare", help="the --out file of another checkout")
    args = ap.parse_args()
    cuts = cut_words(Path(args.data), args.snn)
    with open(args.out, "w", encoding="utf-8") as fh:
        for (corpus, word, pieces), n in sorted(cuts.items()):
            fh.write(f"{corpus}\t{word}\t{pieces}\t{n}\n")
    per = Counter()
    for (corpus, _w, _p), n in cuts.items():
        per[corpus] += n
    print("cut words (occurrences):", dict(per))
    if args.compare:
        old, new = read(args.compare), read(args.out)
        changed = sorted((k, old.get(k, ("-", 0))[0], *v) for k, v in new.items() if old.get(k, ("", 0))[0] != v[0])
        lost = sorted(k for k in old if k not in new)
        for corpus in sorted({k[0] for k, *_ in changed} | {k[0] for k in lost}):
            rows = [r for r in changed if r[0][0] == corpus]
            print(f"\n{corpus}: {len(rows)} words cut anew or otherwise ({sum(r[3] for r in rows)} occurrences),"
                  f" {sum(k[0] == corpus for k in lost)} no longer cut")
            for (_c, word), before, after, n in rows:
                print(f"  {n:>3} {word} -> {after} (was {before})")


if __name__ == "__main__":
    main()
