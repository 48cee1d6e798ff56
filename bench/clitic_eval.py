"""Score rasd's clitic splitting on UD Arabic PUD gold tokens.

    .venv/bin/python bench/clitic_eval.py [--conllu ../shared/data/ud/ar_pud-ud-test.conllu] [--show 30]

It also counts how many single-word names of the ANERGazet gazetteers (locations, persons: 3+
Arabic letters, not starting with ال) the tokenizer cuts into pieces — names must stay whole.

PUD writes clitics as separate syntactic words glued with ``SpaceAfter=No`` (ل + أوباما,
نشرت + ها, ف + إن) and leaves the article ال attached (ل + لسلطة). A gold clitic boundary is a
point inside a space-free stretch of the sentence where an Arabic letter ends one gold word and an
Arabic letter begins the next. rasd's boundaries are the points inside one whitespace word where
one of its tokens ends, leaving out the boundary after the article (ال, or the ل of لل), which PUD
does not split. Micro-averaged precision, recall and F1 over all sentences.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from rasd.text.tokenize import tokenize

ROOT = Path(__file__).resolve().parents[1]
_AR = re.compile(r"[\u0621-\u064a\u0670-\u06d3]")


def gold_sentences(path: Path) -> list[tuple[str, set[int]]]:
    """(surface text rebuilt from the tokens, gold clitic boundaries) for each sentence."""
    out: list[tuple[str, set[int]]] = []
    forms: list[tuple[str, bool]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if forms:
                text, bounds, pos = "", set(), 0
                for i, (form, space_after) in enumerate(forms):
                    text += form
                    pos += len(form)
                    if not space_after and i + 1 < len(forms):
                        nxt = forms[i + 1][0]
                        if _AR.match(form[-1]) and _AR.match(nxt[0]):
                            bounds.add(pos)
                    elif space_after:
                        text += " "
                        pos += 1
                out.append((text.rstrip(), bounds))
                forms = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        forms.append((cols[1], "SpaceAfter=No" not in cols[9]))
    return out


def predicted(text: str) -> set[int]:
    toks = tokenize(text)
    out = set()
    for a, b in zip(toks, toks[1:], strict=False):
        if a.end == b.start and _AR.match(text[a.end - 1]) and _AR.match(text[b.start]):
            if a.kind == "clitic" and a.norm == "ال":
                continue  # PUD keeps the article on its noun
            out.add(a.end)
    return out


def names_cut(gazetteer: Path) -> tuple[int, int]:
    """(names cut, names checked) for one ANERGazet list."""
    names = [w.strip() for w in gazetteer.read_text(encoding="utf-8", errors="ignore").splitlines()]
    names = [w for w in names if re.fullmatch(r"[\u0621-\u064a]{3,}", w) and not w.startswith("ال")]
    return sum(1 for w in names if len(tokenize(w)) > 1), len(names)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--conllu", default=str(ROOT.parent / "shared/data/ud/ar_pud-ud-test.conllu"))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--gazetteers", default=str(ROOT.parent / "shared/data/ner/anercorp-original/gazetteers"))
    args = ap.parse_args()
    tp = fp = fn = 0
    shown = 0
    for text, gold in gold_sentences(Path(args.conllu)):
        pred = predicted(text)
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        for kind, errs in (("fp", pred - gold), ("fn", gold - pred)):
            for i in sorted(errs):
                if shown < args.show:
                    a = text.rfind(" ", 0, i) + 1
                    b = text.find(" ", i)
                    print(f"{kind} {text[a:i]}|{text[i : b if b >= 0 else None]}")
                    shown += 1
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"gold boundaries {tp + fn}  predicted {tp + fp}  precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}")
    for kind in ("loc", "pers"):
        path = Path(args.gazetteers) / f"{kind}.txt"
        if path.exists():
            cut, total = names_cut(path)
            print(f"ANERGazet {kind}: {cut} of {total} single-word names cut ({cut / total:.1%})")


if __name__ == "__main__":
    main()
