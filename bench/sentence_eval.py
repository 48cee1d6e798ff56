"""Score rasd's sentence splitter on UD Arabic PUD gold boundaries (see rasd.eval.sentences).

    .venv/bin/python bench/sentence_eval.py [--conllu ../shared/data/ud/ar_pud-ud-test.conllu] [--show 20]

Prints documents, boundaries, precision, recall and F1, and with --show the first errors in context.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rasd.eval.sentences import read_conllu_docs, score_boundaries
from rasd.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--conllu", default=str(ROOT.parent / "shared/data/ud/ar_pud-ud-test.conllu"))
    ap.add_argument("--show", type=int, default=0, help="print this many errors with context")
    args = ap.parse_args()
    docs = read_conllu_docs(args.conllu)
    score = score_boundaries(docs, split_sentences)
    print(
        f"documents {score.documents}  gold boundaries {score.tp + score.fn}  predicted {score.tp + score.fp}"
    )
    print(f"precision {score.precision:.4f}  recall {score.recall:.4f}  F1 {score.f1:.4f}")
    by_id = {d.doc_id: d.text for d in docs}
    for doc_id, kind, i in score.errors[: args.show]:
        text = by_id[doc_id]
        print(f"{kind} {doc_id}@{i}: …{text[max(0, i - 60) : i]}⟦|⟧{text[i : i + 40]}…")


if __name__ == "__main__":
    main()
