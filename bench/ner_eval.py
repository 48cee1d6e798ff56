"""Score the shipped NER model (or --model DIR, a CRF or an encoder model): ANERcorp-clean test and
the Wojood sample test (cross-domain).

ANERcorp: tokens and IOB2 tags as given, types PER/LOC/ORG/MISC, entity-level exact span and type.
Each corpus is tagged twice: every sentence on its own, and with label consistency over windows of
20 consecutive sentences (the corpora have no document breaks; 20 was chosen on the held-out part
of ANERcorp train), which is how ``NerTagger.entities`` treats a whole text.
Wojood (first, outermost tag column only): PERS → PER, ORG → ORG, GPE and LOC → LOC; every other
Wojood type (NORP, OCC, DATE, FAC, EVENT ...) becomes O, and so do our MISC predictions, so the score
covers PER/ORG/LOC only.

    .venv/bin/python bench/ner_eval.py [--data ../shared/data] [--model DIR]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rasd.entities.conll import read_conll
from rasd.entities.ner import DOC_WINDOW, tag_corpus
from rasd.entities.taggers import tagger_for
from rasd.eval.ner import Scores, score
from rasd.train.ner import corpus_paths

ROOT = Path(__file__).resolve().parents[1]
WOJOOD_SCORE_MAP: dict[str, str | None] = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def wojood_gold(path: Path) -> list[tuple[list[str], list[str]]]:
    """Wojood test with types mapped as documented above (unmapped types → O)."""
    types = {
        t.split("-", 1)[1]
        for line in path.read_text(encoding="utf-8").splitlines()
        for t in line.split()[1:]
        if "-" in t
    }
    return read_conll(path, dict.fromkeys(types, None) | WOJOOD_SCORE_MAP)


def drop_misc(tags: list[str]) -> list[str]:
    return ["O" if t.endswith("-MISC") else t for t in tags]


def markdown(title: str, s: Scores) -> str:
    lines = [
        f"**{title}**",
        "",
        "| type | precision | recall | F1 | gold | predicted |",
        "|---|---|---|---|---|---|",
    ]
    for r in s.table():
        lines.append(
            f"| {r['type']} | {r['precision']:.4f} | {r['recall']:.4f} | {r['f1']:.4f} | {r['gold']} | {r['pred']} |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--model", type=Path, default=None, help="model directory (default: the packaged model)")
    args = ap.parse_args()
    paths = corpus_paths(args.data)
    tagger = tagger_for(args.model).load()
    t0 = time.time()
    aner = read_conll(paths["anercorp_test"])
    woj = wojood_gold(paths["wojood_test"])
    for window in (0, DOC_WINDOW):
        how = "each sentence alone" if window == 0 else f"label consistency over {window}-sentence windows"
        s1 = score([g for _, g in aner], tag_corpus(tagger, [t for t, _ in aner], window))
        s2 = score(
            [g for _, g in woj], [drop_misc(p) for p in tag_corpus(tagger, [t for t, _ in woj], window)]
        )
        print(markdown(f"ANERcorp-clean test ({len(aner)} sentences), {how}", s1))
        print()
        print(markdown(f"Wojood sample test ({len(woj)} sentences; PER/ORG/LOC, mapped), {how}", s2))
        print()
    print(f"({time.time() - t0:.1f}s)")


if __name__ == "__main__":
    main()
