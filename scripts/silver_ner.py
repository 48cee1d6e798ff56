"""Label unlabelled news with an NER model (a "teacher", such as the accurate mode's encoder) and write
the sentences as CoNLL: silver data to train the default CRF on beside ANERcorp (distillation).

    python scripts/silver_ner.py --teacher DIR --articles 3000 --seed 2 --entities-only --out silver.conll

Articles are drawn at random (``--seed``) from the corpora under ../shared/data/news named by
``--corpus`` (default SaudiNewsNet, whose licence, CC BY-NC-SA 4.0, lets a model derived from it be
shipped, as its word clusters are; Ahdath's and Youm7's texts may not be redistributed) and cut into
sentences and words exactly as the entities step cuts what it tags, so the CRF learns from the tokens it will see. The teacher's Viterbi
labels are kept as they are (no label consistency); ``--entities-only`` keeps the sentences where the
teacher found an entity (the rest, two in three, taught the CRF mostly to say O: see docs/bench/ner.md).
The texts stay out of the repository: write the output outside it. ``--shard k/n`` labels every n-th article from the k-th, for n processes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"


def news_texts(corpora: list[str]) -> list[str]:
    """Every article text of the named news corpora (folder names under ../shared/data/news), in a
    fixed order."""
    texts: list[str] = []
    for corpus in sorted(p for p in NEWS.iterdir() if p.is_dir() and p.name in corpora):
        for path in sorted(corpus.glob("*.zip")):
            with zipfile.ZipFile(path) as zf:
                for name in sorted(zf.namelist()):
                    try:
                        items = json.loads(zf.read(name))
                    except ValueError:
                        continue
                    texts += [a.get("content") or "" for a in items if isinstance(a, dict)]
        for path in sorted(corpus.glob("*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                texts += [json.loads(line).get("text") or "" for line in fh if line.strip()]
    return [t for t in texts if len(t) > 200]


def sentences_of(text: str) -> list[list[str]]:
    """The word sentences the tagger sees for ``text`` (``NerTagger.entities_many``'s cutting)."""
    from rasd.entities.ner import _cuts
    from rasd.text.tokenize import word_spans

    found = list(word_spans(text))
    words = [w[2] for w in found]
    cuts = _cuts(text, words, [w[0] for w in found], [w[1] for w in found])
    return [words[a:b] for a, b in cuts if b > a]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--teacher", type=Path, required=True, help="an NER model directory (CRF or encoder)")
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--skip", type=int, default=0, help="start after this many drawn articles (a further batch)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", nargs="+", default=["saudinewsnet"], help="news corpora to draw from")
    ap.add_argument("--shard", default="0/1", help="k/n: label every n-th drawn article from the k-th")
    ap.add_argument("--max-words", type=int, default=120, help="leave out longer sentences")
    ap.add_argument("--entities-only", action="store_true", help="keep only sentences with an entity")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()

    from rasd.entities.taggers import tagger_for

    k, n = (int(x) for x in args.shard.split("/"))
    texts = news_texts(args.corpus)
    random.Random(args.seed).shuffle(texts)
    mine = texts[args.skip : args.skip + args.articles][k::n]
    tagger = tagger_for(args.teacher)
    kept = 0
    with args.out.open("w", encoding="utf-8") as out:
        for i, text in enumerate(mine):
            sents = [s for s in sentences_of(text) if len(s) <= args.max_words]
            if not sents:
                continue
            tags = tagger.tag_many(sents)
            for words, labels in zip(sents, tags, strict=True):
                if args.entities_only and all(t == "O" for t in labels):
                    continue
                out.write("".join(f"{w} {t}\n" for w, t in zip(words, labels, strict=True)) + "\n")
                kept += 1
            if (i + 1) % 50 == 0:
                print(f"{i + 1}/{len(mine)} articles, {kept} sentences", flush=True)
    print(f"wrote {kept} sentences from {len(mine)} articles to {args.out}")


if __name__ == "__main__":
    main()
