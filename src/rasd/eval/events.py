"""Scoring the event coder against the OEDA Arabic event gold standard and rasd's own dev set.

GSR rows (``*_gsr.csv``): ``yes`` is positive, ``easy no`` and ``difficult no`` negative,
``ambiguous`` left out (the data README's rule). A sentence counts as coded with a type when the
coder finds an asserted event of that type in it (not negated, no modality). Span accuracy
(``*_spans.json``) is token-overlap F1 of the coder's source/verb/target against the gold words.

The coder is ``rasd code``'s (:class:`rasd.coder.SentenceCoder`: entities, then events),
so these scores are those of the output any outside evaluation reads.
"""

from __future__ import annotations

import csv
import hashlib
import json
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.model import Event
from rasd.text.normalize import normalize_word
from rasd.text.tokenize import words

Coder = Callable[[str], list[Event]]


def default_coder(text: str) -> list[Event]:
    """The events ``rasd code`` writes for ``text`` (reported ones: at or above their type's threshold)."""
    from rasd.coder import sentence_coder

    return sentence_coder()(text).events


def asserted(events: Iterable[Event], ptype: str) -> list[Event]:
    """Events of ``ptype`` that the text asserts: not negated, no modality."""
    return [e for e in events if e.type == ptype and not e.negated and e.modality is None]


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    difficult_fp: int = 0
    difficult_n: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def difficult_fp_rate(self) -> float:
        return self.difficult_fp / self.difficult_n if self.difficult_n else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
            "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
            "difficult_no": self.difficult_n, "difficult_fp_rate": round(self.difficult_fp_rate, 3),
        }  # fmt: skip


class GsrFormatError(ValueError):
    """A gold CSV without the columns scoring needs."""


GSR_LABELS = frozenset({"yes", "easy no", "difficult no", "ambiguous"})


def read_gsr(path: Path, need_type: bool = True) -> list[dict[str, str]]:
    """Rows of a GSR CSV (``text``, ``label`` and, unless a type is given, ``event_type`` columns)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        cols = set(reader.fieldnames or ())
        need = {"text", "label"} | ({"event_type"} if need_type else set())
        if not need <= cols:
            raise GsrFormatError(f"{path}: needs the columns {', '.join(sorted(need - cols))}")
        rows = list(reader)
    for n, row in enumerate(rows, 2):
        if (row.get("label") or "").strip() not in GSR_LABELS:
            raise GsrFormatError(
                f"{path}:{n}: label {row.get('label')!r} is not one of {', '.join(sorted(GSR_LABELS))}"
            )
    return rows


def split_rows(rows: list[dict[str, str]], part: str) -> list[dict[str, str]]:
    """``all``, ``tune`` (rows whose index is not a multiple of 3) or ``holdout`` (every 3rd row);
    also splits ``*_spans.json`` items the same way."""
    if part == "all":
        return rows
    keep = 0 if part == "holdout" else None
    return [r for i, r in enumerate(rows) if (i % 3 == 0) == (keep == 0)]


def score_gsr(
    rows: Iterable[dict[str, str]], ptype: str | None = None, coder: Coder = default_coder
) -> Scores:
    """Per-sentence detection scores for one event type (the file's ``event_type`` by default)."""
    sc = Scores()
    for row in rows:
        label = row["label"].strip()
        if label == "ambiguous":
            continue
        t = ptype or row["event_type"].strip().upper()
        hit = bool(asserted(coder(row["text"]), t))
        if label == "yes":
            sc.tp += hit
            sc.fn += not hit
        else:
            sc.fp += hit
            sc.tn += not hit
            if label == "difficult no":
                sc.difficult_n += 1
                sc.difficult_fp += hit
        if hit != (label == "yes"):
            sc.errors.append({"id": row.get("id"), "label": label, "coded": hit, "text": row["text"]})
    return sc


def _bag(text: str) -> Counter[str]:
    return Counter(normalize_word(t.text) for t in words(text) if t.kind != "punct")


def token_f1(pred: str, gold: str) -> float:
    p, g = _bag(pred), _bag(gold)
    common = sum((p & g).values())
    if not common:
        return 0.0
    prec, rec = common / sum(p.values()), common / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def score_spans(items: list[dict[str, Any]], ptype: str, coder: Coder = default_coder) -> dict[str, Any]:
    """Mean token-overlap F1 per role over gold items with that role filled (a miss scores 0); the
    ``*_given`` figures average over the items where an event of the type was reported, so they
    measure the arguments apart from detection."""
    totals = {"source": [0.0, 0], "verb": [0.0, 0], "target": [0.0, 0]}
    given = {"source": [0.0, 0], "verb": [0.0, 0], "target": [0.0, 0]}
    found = 0
    for item in items:
        gold = {"source": item.get("source_gold") or "", "verb": item.get("verb_gold") or "",
                "target": item.get("target_gold") or ""}  # fmt: skip
        if not gold["verb"].strip():
            continue
        text = item["text"]
        coded = [e for e in coder(text) if e.type == ptype]
        best = None
        if coded:
            best = max(coded, key=lambda e: token_f1(_span_text(text, e, "verb"), gold["verb"]))
            found += 1
        for role in totals:
            if not gold[role].strip():
                continue
            totals[role][1] += 1
            if best is not None:
                f = token_f1(_span_text(text, best, role), gold[role])
                totals[role][0] += f
                given[role][0] += f
                given[role][1] += 1
    out: dict[str, Any] = {r: round(s / n, 3) if n else None for r, (s, n) in totals.items()}
    out.update({f"{r}_given": round(s / n, 3) if n else None for r, (s, n) in given.items()})
    out["items"] = totals["verb"][1]
    out["with_event"] = found
    return out


def _span_text(text: str, e: Event, role: str) -> str:
    """The words of one role as the event's evidence gives them (trigger; actor start/end)."""
    if role == "verb":
        return text[e.trigger.start : e.trigger.end]
    actors = e.source if role == "source" else e.target
    return " ".join(text[a.start : a.end] for a in actors if a.start is not None and a.end is not None)


def read_spans(path: Path) -> list[dict[str, Any]]:
    items = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(items, list) or not all(isinstance(x, dict) and "text" in x for x in items):
        raise GsrFormatError(f"{path}: expected a JSON list of items with text and *_gold fields")
    return items


# ---------------------------------------------------------------- the rasd dev set (all 16 types)


def read_dev(path: Path, news_dir: Path) -> list[dict[str, Any]]:
    """``tests/data/events_dev.jsonl`` with each sentence's text restored from SaudiNewsNet.

    The file holds labels and locators only (zip, article url, character offsets, a hash), so the
    news text itself is read from ``news_dir`` (``../shared/data/news/saudinewsnet``), never copied.
    Items whose text cannot be restored (missing zip, changed article) are skipped.
    """
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles: dict[str, dict[str, str]] = {}
    out = []
    for item in items:
        src = item["source"]
        if src["zip"] not in articles:
            zpath = news_dir / src["zip"]
            if not zpath.is_file():
                articles[src["zip"]] = {}
                continue
            with zipfile.ZipFile(zpath) as zf:
                articles[src["zip"]] = {
                    a["url"]: a.get("content") or ""
                    for name in zf.namelist()
                    for a in json.loads(zf.read(name))
                }
        content = articles[src["zip"]].get(src["url"])
        if content is None:
            continue
        text = content[src["start"] : src["end"]]
        if hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] != src["sha1"]:
            continue
        out.append({**item, "text": text})
    return out


def score_dev(items: list[dict[str, Any]], coder: Coder = default_coder) -> dict[str, Scores]:
    """Per-type sentence-level P/R: a type is gold when an asserted gold event of it is listed."""
    from rasd.model import PLOVER_TYPES

    per = {t: Scores() for t in PLOVER_TYPES}
    for item in items:
        gold = {e["type"] for e in item.get("events", []) if not e.get("negated") and not e.get("modality")}
        pred = {e.type for e in coder(item["text"]) if not e.negated and e.modality is None}
        for t, sc in per.items():
            g, p = t in gold, t in pred
            sc.tp += g and p
            sc.fp += p and not g
            sc.fn += g and not p
            sc.tn += not g and not p
            if g != p and (g or p):
                sc.errors.append({"type": t, "gold": g, "text": item["text"]})
    return per
