"""Score the line classifier (rasd.structure.lines) against the hand-annotated lines.

The gold file (``tests/data/structure_lines.tsv``, columns documented in its header) holds every
non-empty line of a few dozen scraped pages. Each page is rebuilt by joining its lines with ``\\n``
and classified as a whole, because the rules look at a line's neighbours (title before body,
crossheads inside it). A line whose start is a dateline counts as ``dateline``. Where the gold gives a
dateline source or place, the predicted one must match it (shadow forms compared, ``-`` = none).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rasd.structure.lines import LABELS, classify_lines
from rasd.text.normalize import normalize_word

GOLD = Path(__file__).resolve().parents[3] / "tests" / "data" / "structure_lines.tsv"


@dataclass
class GoldLine:
    doc: str
    line: int
    source: str
    split: str
    label: str
    dl_source: str
    dl_place: str
    text: str


@dataclass
class ClassScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class StructureScore:
    """Scores of one split: per class, macro F1 over the classes present in gold, dateline fields."""

    split: str
    lines: int
    docs: int
    accuracy: float
    per_class: dict[str, ClassScore]
    macro_f1: float
    dateline_fields: tuple[int, int]  # (correct source+place, gold datelines with fields given)
    errors: list[tuple[GoldLine, str]] = field(default_factory=list)


def load_gold(path: Path = GOLD) -> list[GoldLine]:
    """Read the annotation TSV (``#`` lines are the header and are skipped)."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            if raw.startswith("#") or not raw.strip():
                continue
            doc, line, source, split, label, dl_source, dl_place, text = raw.rstrip("\n").split("\t", 7)
            if label not in LABELS:
                raise ValueError(f"{path}: unknown label {label!r} for {doc}:{line}")
            out.append(GoldLine(doc, int(line), source, split, label, dl_source, dl_place, text))
    return out


def _key(value: str | None) -> str:
    value = (value or "").strip(" ()-–—ـ:")
    return normalize_word(value).replace(" ", "") if value else "-"


def predict(lines: list[GoldLine]) -> list[tuple[str, str | None, str | None]]:
    """Classify each page and return, per gold line, (label, dateline source, dateline place)."""
    by_doc: dict[str, list[GoldLine]] = defaultdict(list)
    for g in lines:
        by_doc[g.doc].append(g)
    pred: dict[tuple[str, int], tuple[str, str | None, str | None]] = {}
    for doc, glines in by_doc.items():
        glines.sort(key=lambda g: g.line)
        result = classify_lines("\n".join(g.text for g in glines))
        if len(result) != len(glines):
            raise ValueError(f"{doc}: {len(glines)} gold lines, {len(result)} classified")
        for g, (_, label, dl) in zip(glines, result, strict=True):
            pred[g.doc, g.line] = (label, dl.source if dl else None, dl.place if dl else None)
    return [pred[g.doc, g.line] for g in lines]


def score(lines: list[GoldLine], split: str = "all") -> StructureScore:
    """Per-class precision/recall/F1 of the classifier on ``lines`` (all pages of one split)."""
    preds = predict(lines)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    fields_ok = fields_n = 0
    errors = []
    for g, (label, src, place) in zip(lines, preds, strict=True):
        if label == g.label:
            tp[label] += 1
        else:
            fp[label] += 1
            fn[g.label] += 1
            errors.append((g, label))
        if g.label == "dateline" and (g.dl_source or g.dl_place):
            fields_n += 1
            ok = label == "dateline"
            if g.dl_source:
                ok = ok and _key(src) == _key(g.dl_source)
            if g.dl_place:
                ok = ok and _key(place) == _key(g.dl_place)
            fields_ok += ok
    per_class = {}
    for c in LABELS:
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0.0
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_class[c] = ClassScore(p, r, f, tp[c] + fn[c])
    present = [s.f1 for s in per_class.values() if s.support]
    return StructureScore(
        split=split,
        lines=len(lines),
        docs=len({g.doc for g in lines}),
        accuracy=sum(tp.values()) / len(lines) if lines else 0.0,
        per_class=per_class,
        macro_f1=sum(present) / len(present) if present else 0.0,
        dateline_fields=(fields_ok, fields_n),
        errors=errors,
    )


def score_splits(path: Path = GOLD) -> dict[str, StructureScore]:
    """Scores for ``dev``, ``test`` and both together."""
    gold = load_gold(path)
    out = {s: score([g for g in gold if g.split == s], s) for s in ("dev", "test")}
    out["all"] = score(gold, "all")
    return out


def markdown(scores: dict[str, StructureScore]) -> str:
    """One table per split: class, precision, recall, F1, support; then macro F1 and dateline fields."""
    parts = []
    for name, s in scores.items():
        ok, n = s.dateline_fields
        parts.append(f"### {name} ({s.docs} pages, {s.lines} lines)\n")
        parts.append("| class | precision | recall | F1 | support |\n|---|---:|---:|---:|---:|")
        for c, cs in s.per_class.items():
            parts.append(f"| {c} | {cs.precision:.3f} | {cs.recall:.3f} | {cs.f1:.3f} | {cs.support} |")
        parts.append(
            f"\nline accuracy {s.accuracy:.3f} · macro F1 (classes present) {s.macro_f1:.3f} · "
            f"dateline source+place right {ok}/{n}\n"
        )
    return "\n".join(parts)
