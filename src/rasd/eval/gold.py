"""The event gold standard v2: whole articles with every event annotated (gold/events/).

``articles.jsonl`` holds one object per article: where its text is (``corpus`` under
``../shared/data/news/`` or ``seed``, and ``corpus_id``) and the SHA-1 of that text, its outlet, country,
date, split (dev | test) and sample (random | enriched | seed), the adjudicated ``events`` (spans as
character offsets into the text) and the two raw label sets in ``annotations``. The text is never in
the repository: :func:`load_gold` reads it from the data folder and refuses an article whose text
changed. Every line is validated against ``schema/gold_events.schema.json``; a bad line is an error
naming the file and the line.

Scoring (:func:`score`): a predicted event matches a gold event when they are in the same sentence
(the predicted trigger lies in the gold sentence) and have the same PLOVER type, one to one (nearest
triggers first). On matched events: source, target, location and date accuracy, and flag accuracy.
Confidence: precision and count per bin (calibration) and precision at thresholds.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rasd.eval.events import Scores
from rasd.model import PLOVER_TYPES, Actor, Event

SCHEMA_FILE = "gold_events.schema.json"
# rasd's modality → the gold's hypothetical kind
_MODALITY = {"hypothetical": "conditional", "question": "conditional", "intent": "future", "request": "demanded"}
BINS = tuple(round(0.1 * i, 1) for i in range(11))
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


class GoldFormatError(ValueError):
    """A gold file that cannot be used: the message names the file and line."""


# --- article texts -------------------------------------------------------------------------------------


def default_data_root() -> Path:
    """``../shared/data`` beside the project checkout (where CI and developers have it)."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


@lru_cache(maxsize=64)
def _snn_member(zip_path: str, member: str) -> list[dict[str, Any]]:
    with zipfile.ZipFile(zip_path) as zf:
        return json.loads(zf.read(member))


@lru_cache(maxsize=8)
def _jsonl_corpus(path: str) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {rec["id"]: (rec.get("text") or "").strip() for rec in map(json.loads, fh)}


def article_text(corpus: str, corpus_id: str, data_root: Path | None = None) -> str:
    """The text of one article of a corpus, as the sampler hashed it (``scripts/gold_sample.py``)."""
    root = Path(data_root or default_data_root())
    if corpus == "seed":
        return (root / "seed" / corpus_id).read_text(encoding="utf-8")
    if corpus == "saudinewsnet":
        zip_name, _, rest = corpus_id.partition("!")
        member, _, index = rest.partition("[")
        records = _snn_member(str(root / "news" / corpus / zip_name), member)
        return (records[int(index.rstrip("]"))].get("content") or "").strip()
    texts = _jsonl_corpus(str(root / "news" / corpus / "articles.jsonl.gz"))
    if corpus_id not in texts:
        raise KeyError(f"{corpus_id} not in {corpus}")
    return texts[corpus_id]


# --- loading -------------------------------------------------------------------------------------------


@dataclass
class GoldArticle:
    """One annotated article with its text (read from the data folder)."""

    id: str
    text: str
    meta: dict[str, Any]
    events: list[dict[str, Any]]
    annotations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files("rasd").joinpath("schema", SCHEMA_FILE).read_text(encoding="utf-8"))


def validate_line(obj: Any, where: str) -> None:
    """Raise :class:`GoldFormatError` naming ``where`` when ``obj`` breaks the schema or its spans."""
    from jsonschema import Draft202012Validator

    errors = sorted(Draft202012Validator(schema()).iter_errors(obj), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        path = "/".join(str(p) for p in e.absolute_path) or "(top)"
        raise GoldFormatError(f"{where}: {path}: {e.message}")
    for k, ev in enumerate(obj.get("events", [])):
        (s0, s1), (t0, t1) = ev["sentence"], ev["trigger"]
        if not (s0 <= t0 < t1 <= s1):
            raise GoldFormatError(f"{where}: events/{k}: trigger {ev['trigger']} is not inside sentence {ev['sentence']}")


def load_gold(folder: Path, split: str | None = None, data_root: Path | None = None) -> list[GoldArticle]:
    """Articles of ``folder/articles.jsonl`` (of one split, or all), each with its text checked by SHA-1."""
    path = Path(folder) / "articles.jsonl"
    if not path.is_file():
        raise GoldFormatError(f"{path}: no such file (the gold standard is not annotated yet: see docs/event-annotation.md)")
    out: list[GoldArticle] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{where}: not JSON ({exc.msg} at column {exc.colno})") from None
            validate_line(obj, where)
            if split and obj["split"] != split:
                continue
            try:
                text = article_text(obj["corpus"], obj["corpus_id"], data_root)
            except (OSError, KeyError, IndexError, ValueError) as exc:
                raise GoldFormatError(f"{where}: cannot read the article's text ({exc})") from None
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != obj["sha1"]:
                raise GoldFormatError(f"{where}: the text of {obj['id']} changed (SHA-1 differs)")
            if any(ev["sentence"][1] > len(text) for ev in obj["events"]):
                raise GoldFormatError(f"{where}: a span is past the end of the text ({len(text)} characters)")
            meta = {k: v for k, v in obj.items() if k not in ("events", "annotations")}
            out.append(GoldArticle(obj["id"], text, meta, obj.get("events", []), obj.get("annotations", {})))
    return out


# --- matching and scores -------------------------------------------------------------------------------


def _inside(pos: int, span: Sequence[int]) -> bool:
    return span[0] <= pos < span[1]


def _overlap(a: Sequence[int] | None, b: Sequence[int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def pred_record(e: Event) -> dict[str, Any]:
    """A coder's event in the gold's shape (spans, codes, flags) for matching and scoring."""

    def side(actors: list[Actor]) -> list[dict[str, Any]]:
        return [{"span": [a.start, a.end] if a.start is not None else None, "code": a.code} for a in actors]

    loc = e.location or {}
    hypothetical = _MODALITY.get(e.modality or "", None)
    return {
        "type": e.type, "mode": e.mode, "cameo": e.cameo, "trigger": [e.trigger.start, e.trigger.end],
        "sentence": [e.sentence.start, e.sentence.end], "source": side(e.source), "target": side(e.target),
        "location": {"span": [loc["start"], loc["end"]]} if "start" in loc and "end" in loc else None,
        "date": e.date_text, "negated": e.negated, "hypothetical": hypothetical, "background": e.background,
        "asserted": not e.negated and hypothetical is None, "confidence": e.confidence,
    }  # fmt: skip


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of the same type whose predicted trigger lies in
    the gold sentence (or the gold trigger in the predicted sentence), nearest triggers first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if p["type"] != g["type"]:
                continue
            if _inside(p["trigger"][0], g["sentence"]) or _inside(g["trigger"][0], p["sentence"]):
                cands.append((abs(p["trigger"][0] - g["trigger"][0]), i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _d, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def actors_agree(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> bool:
    """Two argument lists name the same actor: both empty, or a shared code, or (where either side has
    no code) overlapping spans."""
    if not a and not b:
        return True
    if not a or not b:
        return False
    for x in a:
        for y in b:
            if x.get("code") and y.get("code"):
                if x["code"] == y["code"]:
                    return True
            elif _overlap(x.get("span"), y.get("span")):
                return True
    return False


def _location_agree(a: dict | None, b: dict | None) -> bool:
    if not a and not b:
        return True
    return bool(a and b) and _overlap(a.get("span"), b.get("span"))


def _date_agree(a: str | None, b: str | None) -> bool:
    if not a and not b:
        return True
    if not a or not b:
        return False
    a, b = " ".join(a.split()), " ".join(b.split())
    return a in b or b in a


FLAGS = ("asserted", "negated", "hypothetical", "background")


@dataclass
class EventScores:
    """Counts behind every figure of ``rasd eval events --gold``."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    args_right: Counter[str] = field(default_factory=Counter)  # source, target, location, date, flags ...
    matched: int = 0
    conf: list[tuple[float, bool]] = field(default_factory=list)  # each coded event: confidence, matched
    articles: int = 0

    def add(self, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> None:
        self.articles += 1
        pairs = match(gold, pred)
        hit_g = {i for i, _ in pairs}
        hit_p = {j for _, j in pairs}
        for i, g in enumerate(gold):
            (self.tp if i in hit_g else self.fn)[g["type"]] += 1
        for j, p in enumerate(pred):
            if j not in hit_p:
                self.fp[p["type"]] += 1
            self.conf.append((float(p.get("confidence") or 0.0), j in hit_p))
        for i, j in pairs:
            g, p = gold[i], pred[j]
            self.matched += 1
            self.args_right["source"] += actors_agree(g["source"], p["source"])
            self.args_right["target"] += actors_agree(g["target"], p["target"])
            self.args_right["location"] += _location_agree(g.get("location"), p.get("location"))
            self.args_right["date"] += _date_agree(g.get("date"), p.get("date"))
            ok_all = True
            for flag in FLAGS:
                same = (g.get(flag) or None) == (p.get(flag) or None)
                self.args_right[f"flag_{flag}"] += same
                ok_all &= same
            self.args_right["flags_all"] += ok_all

    def report(self) -> dict[str, Any]:
        def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
            sc = Scores(tp=tp, fp=fp, fn=fn)
            return {"precision": round(sc.precision, 4), "recall": round(sc.recall, 4), "f1": round(sc.f1, 4),
                    "tp": tp, "fp": fp, "fn": fn}

        per_type = {t: prf(self.tp[t], self.fp[t], self.fn[t]) for t in PLOVER_TYPES}
        present = [t for t in PLOVER_TYPES if self.tp[t] + self.fn[t]]
        macro = {k: round(sum(per_type[t][k] for t in present) / len(present), 4) if present else 0.0
                 for k in ("precision", "recall", "f1")}
        m = self.matched
        on_matched = {k: round(v / m, 4) if m else None for k, v in sorted(self.args_right.items())}
        bins: list[list[bool]] = [[] for _ in BINS[:-1]]
        for c, ok in self.conf:
            bins[min(int(c * 10), 9)].append(ok)
        calibration = [
            {"bin": f"{BINS[b]:.1f}-{BINS[b + 1]:.1f}", "count": len(oks),
             "precision": round(sum(oks) / len(oks), 4) if oks else None}
            for b, oks in enumerate(bins)
        ]
        gold_total = sum(self.tp.values()) + sum(self.fn.values())
        at = []
        for t in THRESHOLDS:
            kept = [ok for c, ok in self.conf if c >= t]
            at.append({"threshold": t, "kept": len(kept), "precision": round(sum(kept) / len(kept), 4) if kept else None,
                       "recall": round(sum(kept) / gold_total, 4) if gold_total else None})
        return {
            "articles": self.articles, "gold_events": gold_total,
            "predicted_events": sum(self.tp.values()) + sum(self.fp.values()), "matched": m,
            "micro": prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())), "macro": macro,
            "per_type": per_type, "on_matched": on_matched, "calibration": calibration, "at_threshold": at,
        }  # fmt: skip


def score(pairs: Iterable[tuple[list[dict[str, Any]], list[dict[str, Any]]]]) -> dict[str, Any]:
    """Scores of (gold events, predicted events) per article."""
    sc = EventScores()
    for gold, pred in pairs:
        sc.add(gold, pred)
    return sc.report()


# --- agreement between annotators ----------------------------------------------------------------------


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two label sequences given as pairs."""
    n = len(pairs)
    if not n:
        return None
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return round((po - pe) / (1 - pe), 4) if pe < 1 else 1.0


def agreement(articles: Iterable[tuple[list[dict[str, Any]], list[dict[str, Any]]]]) -> dict[str, Any]:
    """Agreement of annotator A with annotator B: event F1 (same sentence and type, B taken as
    reference), per-type F1, Cohen's kappa on type for events both marked at the same trigger, and
    source, target and flag agreement on events matched by sentence and type."""
    sc = EventScores()
    type_pairs: list[tuple[str, str]] = []
    for a, b in articles:
        sc.add(b, [{**e, "confidence": 1.0} for e in a])
        for e in a:
            twin = next((f for f in b if _overlap(e["trigger"], f["trigger"])), None)
            if twin is not None:
                type_pairs.append((e["type"], twin["type"]))
    rep = sc.report()
    return {
        "articles": rep["articles"], "events_a": rep["predicted_events"], "events_b": rep["gold_events"],
        "event_f1": rep["micro"]["f1"], "per_type_f1": {t: v["f1"] for t, v in rep["per_type"].items() if v["tp"] + v["fn"] + v["fp"]},
        "type_kappa_same_trigger": cohen_kappa(type_pairs), "same_trigger_pairs": len(type_pairs),
        "source": rep["on_matched"].get("source"), "target": rep["on_matched"].get("target"),
        "flags": {f: rep["on_matched"].get(f"flag_{f}") for f in FLAGS},
    }  # fmt: skip
