"""Fit the event confidence weights (a small logistic regression over type-independent features).

Training data: the *tune* part (rows whose index is not a multiple of 3) of the development split
of the OEDA Arabic event gold standard (``../shared/data/events/arabic-event-gsr``), PROTEST and
ASSAULT. Every 3rd row is held out and never seen here. ``ambiguous`` rows are left out. Each
trigger of the file's type found in a sentence is one example, labelled by the sentence's label.
Writes ``src/rasd/data/events/confidence.json`` with the weights and the threshold that maximizes
sentence-level F1 on the tune rows.

Usage: ``python scripts/fit_event_confidence.py`` (needs numpy, which the bench/dev env has).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from rasd.eval.events import read_gsr, split_rows
from rasd.events.step import code_text

ROOT = Path(__file__).resolve().parents[1]
GSR = ROOT.parent / "shared" / "data" / "events" / "arabic-event-gsr"
OUT = ROOT / "src" / "rasd" / "data" / "events" / "confidence.json"
L2 = 1.0


def _fresh_model() -> None:
    """Features do not depend on the current weights, but the cached model must not leak into a refit."""
    from rasd.events import detect

    detect._model.cache_clear()


def examples() -> tuple[list[str], np.ndarray, np.ndarray, list[tuple[int, int]]]:
    names: list[str] = []
    xs: list[list[float]] = []
    ys: list[int] = []
    sent: list[tuple[int, int]] = []  # (sentence number, label) for choosing the threshold
    n = 0
    for name in ("protest", "assault"):
        for row in split_rows(read_gsr(GSR / f"{name}_gsr.csv"), "tune"):
            if row["label"] == "ambiguous":
                continue
            y = int(row["label"] == "yes")
            coded = [
                c for c in code_text(row["text"])[1]
                if c.event.type == name.upper() and not c.event.negated and c.event.modality is None
            ]  # fmt: skip
            for c in coded:
                if not names:
                    names = sorted(c.features)
                xs.append([c.features[k] for k in names])
                ys.append(y)
                sent.append((n, y))
            if not coded:
                sent.append((n, -1 - y))  # a sentence without a candidate: -1 no, -2 yes
            n += 1
    return names, np.array(xs), np.array(ys, dtype=float), sent


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    for _ in range(4000):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) / len(y) + L2 * np.r_[0, w[1:]] / len(y)
        w -= 0.5 * grad
    return w


def main() -> None:
    names, x, y, sent = examples()
    w = fit(x, y)
    xb = np.hstack([np.ones((len(x), 1)), x])
    p = 1 / (1 + np.exp(-xb @ w))
    # sentence score = best candidate; pick the threshold with the best F1 on these tune rows
    best: dict[int, float] = {}
    gold: dict[int, int] = {}
    i = 0
    for s, label in sent:
        if label < 0:
            best.setdefault(s, 0.0)
            gold[s] = -1 - label
            continue
        best[s] = max(best.get(s, 0.0), float(p[i]))
        gold[s] = label
        i += 1
    grid = []
    for t in np.arange(0.05, 0.95, 0.01):
        tp = sum(1 for s in best if best[s] >= t and gold[s])
        fp = sum(1 for s in best if best[s] >= t and not gold[s])
        fn = sum(1 for s in best if best[s] < t and gold[s])
        prec = tp / (tp + fp) if tp + fp else 0
        rec = tp / (tp + fn) if tp + fn else 0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0
        grid.append((f1, float(t), prec, rec))
    f1, thr, prec, rec = max(grid)
    weights = {"bias": round(float(w[0]), 3)} | {k: round(float(v), 3) for k, v in zip(names, w[1:], strict=True)}
    OUT.write_text(
        json.dumps(
            {
                "weights": weights,
                "threshold": round(thr, 2),
                "types": ["PROTEST", "ASSAULT"],
                "trained_on": "arabic-event-gsr dev split, tune rows (index % 3 != 0), PROTEST+ASSAULT",
                "tune_f1": round(f1, 3), "tune_precision": round(prec, 3), "tune_recall": round(rec, 3),
                "examples": len(y),
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(json.dumps(weights), f"threshold={thr:.2f} tune F1={f1:.3f} P={prec:.3f} R={rec:.3f}")


if __name__ == "__main__":
    main()
