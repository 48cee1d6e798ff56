"""How well the entities step finds ANERcorp's entities, by type (entity level, exact token span).

Each ANERcorp test sentence becomes one document (tokens joined by spaces); the step's mentions
are mapped back to token ranges (a mention inside a token counts as that token, so a trimmed
proclitic in والعراق still matches the gold token) and compared with the gold spans. GPE-like
demonyms and بلاده references are not ANERcorp entities and are left out of the predictions;
state actors (القوات الأميركية) are counted as ORG. Nothing is tuned on this file.

    .venv/bin/python bench/entities_anercorp.py [--no-ner | --tagger-only] [--split test]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from rasd.entities import step as entities_step
from rasd.entities.gazetteer import gazetteer
from rasd.entities.resolve import COUNTRY_REFS
from rasd.model import Block, Document
from rasd.text.normalize import normalize_word

ROOT = Path(__file__).resolve().parents[1]
GOLD_TYPES = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


def sentences(path: Path) -> list[list[tuple[str, str]]]:
    out, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if cur:
                out.append(cur)
            cur = []
            continue
        cur.append((parts[0], parts[-1]))
    if cur:
        out.append(cur)
    return out


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    spans, start, typ = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            spans.add((start, i, typ))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, typ = i, GOLD_TYPES.get(tag[2:], tag[2:])
    return spans


def _not_a_name(mention: str) -> bool:
    """A demonym (العراقية) or a reference (بلاده) that the step adds to a country's mentions."""
    key = normalize_word(mention)
    return key in COUNTRY_REFS or gazetteer().demonym_at(key) is not None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-ner", action="store_true")
    ap.add_argument("--split", default="test")
    ap.add_argument("--tagger-only", action="store_true", help="score the NER model's spans alone")
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    args = ap.parse_args()
    tagger = None if args.no_ner else entities_step._tagger()
    if args.tagger_only and tagger is None:
        raise SystemExit("--tagger-only needs the NER model")
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for sent in sentences(Path(args.data) / f"ner/anercorp-clean/{args.split}.txt"):
        words = [w for w, _t in sent]
        offsets, pos = [], 0
        for w in words:
            offsets.append((pos, pos + len(w)))
            pos += len(w) + 1
        text = " ".join(words)
        doc = Document(id="s", text=text, blocks=[Block("body", text, 0, len(text))])
        pred: set[tuple[int, int, str]] = set()
        for e in entities_step.find_entities(doc, tagger=tagger):
            typ = "LOC" if e.type == "GPE" else e.type  # ANERcorp's LOC holds countries and cities too
            for m in e.mentions:
                if typ == "LOC" and _not_a_name(m.text):
                    continue
                first = next(i for i, (a, b) in enumerate(offsets) if a <= m.start < b)
                last = next(i for i, (a, b) in enumerate(offsets) if a < m.end <= b)
                pred.add((first, last + 1, typ))
        if args.tagger_only:  # the model's own spans, for comparison
            pred = gold_spans(tagger.tag(words))
        gold = gold_spans([t for _w, t in sent])
        for s in pred:
            (tp if s in gold else fp)[s[2]] += 1
        for s in gold - pred:
            fn[s[2]] += 1
    what = "the tagger alone" if args.tagger_only else "the entities step"
    print(f"ANERcorp {args.split}, {what}, NER model {'yes' if tagger is not None else 'no'}")
    print(f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for typ in ("PER", "LOC", "ORG", "MISC"):
        p = tp[typ] / (tp[typ] + fp[typ]) if tp[typ] + fp[typ] else 0.0
        r = tp[typ] / (tp[typ] + fn[typ]) if tp[typ] + fn[typ] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{typ:6} {p:6.3f} {r:6.3f} {f:6.3f} {tp[typ] + fn[typ]:6d}")


if __name__ == "__main__":
    main()
