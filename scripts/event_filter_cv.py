"""Experiment (not shipped): a logistic precision filter over the rule coder's candidates, 16 types.

Usage:
    .venv/bin/python scripts/event_filter_cv.py [--shared ../shared/data] [--json out.json] [--holdout]

Data: ``tests/data/events_dev.jsonl`` (rasd's own labels over SaudiNewsNet sentences, texts
restored from ``../shared/data/news/saudinewsnet``), tune part only (items whose index is not a
multiple of 3, as in ``bench/events_eval.py``); the held-out third is never read here. Each asserted
candidate the rules report is one example, labelled positive when the sentence's gold events include
its type. L2 strength and probability threshold are chosen by 5-fold cross-validation over tune
items, repeated 3 times (seeded), on sentence-level micro F1; the filter is kept only for the types
whose cross-validated F1 rose. ``--holdout`` then fits on all tune items and scores the held-out
third: the rules alone against rules + filter (a filtered candidate is dropped, as a confidence cap
below the reporting threshold would). Result (2026-11-30, ``docs/bench/events.md``): a small gain
in tune CV that did not carry over to the held-out third, so nothing was shipped. Plain numpy
(accelerated gradient descent), seeded, deterministic.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.eval.events import read_dev  # noqa: E402
from rasd.events import cues, detect  # noqa: E402
from rasd.events.detect import Coded  # noqa: E402
from rasd.events.step import code_text  # noqa: E402
from rasd.model import PLOVER_TYPES, Token  # noqa: E402

SEED = 13
FOLDS, REPEATS = 5, 3
LAMBDAS = (1.0, 3.0, 10.0, 30.0, 100.0)  # L2 on the summed log-loss
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
MIN_COUNT = 2  # a feature must occur in at least 2 training candidates
MIN_GAIN = 0.01  # a type is filtered only if its cross-validated F1 rises by at least this
WINDOW = 4  # words each side of the trigger


def _head(tokens: list[Token], start: int) -> int:
    for i, t in enumerate(tokens):
        if t.end > start:
            return i
    return len(tokens) - 1


def candidate_features(c: Coded, tokens: list[Token], bares: list[str], others: list[str]) -> list[str]:
    """String features of one candidate; each is also crossed with the candidate's type."""
    e = c.event
    head = _head(tokens, e.trigger.start)
    last = head
    while last + 1 < len(tokens) and tokens[last + 1].start < e.trigger.end:
        last += 1
    base = [f"trig={bares[head]}", f"cameo={e.cameo}", f"len={min(len(tokens) // 10, 5)}",
            f"pos={min(head // 5, 6)}"]  # fmt: skip
    base += [f"f={k}" for k, v in sorted(c.features.items()) if k != "density" and v]
    base.append(f"density={int(c.features.get('density', 0))}")
    for role, actors in (("src", e.source), ("tgt", e.target)):
        base.append(f"{role}={'yes' if actors else 'no'}")
        base += [f"{role}_sec={a.sector}" for a in actors if a.sector]
    for i in range(max(0, head - WINDOW), head):
        if tokens[i].kind != "punct":
            base.append(f"wl={bares[i]}")
    for i in range(last + 1, min(len(tokens), last + 1 + WINDOW)):
        if tokens[i].kind != "punct":
            base.append(f"wr={bares[i]}")
    base += [f"other={t}" for t in sorted(set(others)) if t != e.type]
    return ["bias", *base, *(f"{e.type}|{f}" for f in ("bias", *base))]


def probability(weights: dict[str, float], bias: float, feats: list[str]) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def examples(items: list[dict]) -> list[dict]:
    """Per item: gold types and the rules' asserted, reported candidates with their features."""
    out = []
    for it in items:
        gold = {e["type"] for e in it.get("events", []) if not e.get("negated") and not e.get("modality")}
        doc, coded = code_text(it["text"])
        cands = []
        if coded:
            tokens = detect._tokens(doc, doc.sentences[0])
            bares = [cues.bare(t) for t in tokens]
            others = [c.event.type for c in coded]
            for c in coded:
                e = c.event
                if e.negated or e.modality is not None or e.confidence < detect.threshold(e.type):
                    continue
                feats = candidate_features(c, tokens, bares, others)
                cands.append({"type": e.type, "feats": feats, "y": float(e.type in gold)})
        out.append({"gold": gold, "cands": cands})
    return out


def fit(rows: list[list[str]], y: np.ndarray, lam: float, iters: int = 600) -> tuple[dict[str, float], float]:
    """L2 logistic regression (unpenalised intercept) by Nesterov-accelerated gradient descent."""
    counts = Counter(f for r in rows for f in set(r))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    x = np.zeros((len(rows), len(vocab) + 1))
    x[:, -1] = 1.0
    for i, r in enumerate(rows):
        for f in r:
            j = vocab.get(f)
            if j is not None:
                x[i, j] += 1.0
    reg = np.full(x.shape[1], lam)
    reg[-1] = 0.0
    u = np.ones(x.shape[1])
    for _ in range(30):  # power iteration for the largest singular value (step size)
        u = x.T @ (x @ u)
        u /= np.linalg.norm(u)
    lip = 0.25 * float(np.linalg.norm(x @ u)) ** 2 * 1.05 + lam
    w = np.zeros(x.shape[1])
    v, t = w.copy(), 1.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ v, -30, 30)))
        grad = x.T @ (p - y) + reg * v
        w_new = v - grad / lip
        t_new = (1 + (1 + 4 * t * t) ** 0.5) / 2
        v = w_new + (t - 1) / t_new * (w_new - w)
        w, t = w_new, t_new
    weights = {f: float(w[j]) for f, j in vocab.items()}
    return weights, float(w[-1])


def score(data: list[dict], keep: dict[int, set[int]] | None) -> dict[str, list[int]]:
    """Sentence-level tp/fp/fn per type; ``keep`` maps item index → surviving candidate indices."""
    per = {t: [0, 0, 0] for t in PLOVER_TYPES}
    for i, d in enumerate(data):
        pred = {c["type"] for k, c in enumerate(d["cands"]) if keep is None or k in keep[i]}
        for t in PLOVER_TYPES:
            g, p = t in d["gold"], t in pred
            per[t][0] += g and p
            per[t][1] += p and not g
            per[t][2] += g and not p
    return per


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f1(tp, fp, fn), 3), "tp": tp, "fp": fp, "fn": fn}


def micro(per: dict[str, list[int]], types: set[str] | None = None) -> list[int]:
    ts = PLOVER_TYPES if types is None else types
    return [sum(per[t][k] for t in ts) for k in range(3)]


def cross_validate(data: list[dict]) -> dict:
    """Out-of-fold probabilities per (lambda), repeated; then tp/fp/fn per (lambda, threshold, type)."""
    rng = np.random.default_rng(SEED)
    n = len(data)
    probs = {lam: [] for lam in LAMBDAS}  # per repeat: {(item, cand): prob}
    for _ in range(REPEATS):
        fold = rng.permutation(n) % FOLDS
        rep = {lam: {} for lam in LAMBDAS}
        for k in range(FOLDS):
            train = [(i, j) for i in range(n) if fold[i] != k for j in range(len(data[i]["cands"]))]
            rows = [data[i]["cands"][j]["feats"] for i, j in train]
            y = np.array([data[i]["cands"][j]["y"] for i, j in train])
            test = [(i, j) for i in range(n) if fold[i] == k for j in range(len(data[i]["cands"]))]
            for lam in LAMBDAS:
                w, b = fit(rows, y, lam)
                for i, j in test:
                    rep[lam][(i, j)] = probability(w, b, data[i]["cands"][j]["feats"])
        for lam in LAMBDAS:
            probs[lam].append(rep[lam])
    base = score(data, None)
    res = {"rules": base, "grid": {}}
    for lam in LAMBDAS:
        for thr in THRESHOLDS:
            per = {t: [0, 0, 0] for t in PLOVER_TYPES}
            for rep in probs[lam]:
                keep = {
                    i: {j for j in range(len(d["cands"])) if rep[(i, j)] >= thr} for i, d in enumerate(data)
                }
                for t, v in score(data, keep).items():
                    per[t] = [a + b for a, b in zip(per[t], v, strict=True)]
            res["grid"][(lam, thr)] = per
    return res


def choose(cv: dict) -> tuple[float, float, set[str], dict]:
    """The (lambda, threshold) with the best micro F1 when applied only to types it improves."""
    base = cv["rules"]
    best = None
    for (lam, thr), per in cv["grid"].items():
        # per holds REPEATS × the counts; F1 is scale-free
        types = {t for t in PLOVER_TYPES if f1(*per[t]) - f1(*base[t]) >= MIN_GAIN}
        mixed = {t: (per[t] if t in types else [x * REPEATS for x in base[t]]) for t in PLOVER_TYPES}
        m = f1(*micro(mixed))
        if best is None or m > best[0] + 1e-9:
            best = (m, lam, thr, types, mixed)
    _, lam, thr, types, mixed = best
    return lam, thr, types, mixed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--holdout", action="store_true", help="score the held-out third (once, at the end)")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    items = read_dev(ROOT / "tests" / "data" / "events_dev.jsonl", args.shared / "news" / "saudinewsnet")
    tune = [x for i, x in enumerate(items) if i % 3]  # the held-out third (i % 3 == 0) is never read
    data = examples(tune)
    print(f"tune items {len(data)}, candidates {sum(len(d['cands']) for d in data)}")
    cv = cross_validate(data)
    lam, thr, types, mixed = choose(cv)
    base = cv["rules"]
    all_f = cv["grid"][(lam, thr)]
    report = {"lambda": lam, "threshold": thr, "types": sorted(types), "cv": {}}
    print(f"chosen lambda {lam} threshold {thr}; types {sorted(types)}")
    print("| type | rules P/R/F1 (tune CV) | filter on all types P/R/F1 | shipped P/R/F1 |")
    for t in (*PLOVER_TYPES, "micro"):
        b = micro(base) if t == "micro" else base[t]
        a = micro(all_f) if t == "micro" else all_f[t]
        s = micro(mixed) if t == "micro" else mixed[t]
        rb, ra, rs = prf(*b), prf(*a), prf(*s)
        report["cv"][t] = {"rules": rb, "all": ra, "shipped": rs}
        print(f"| {t} | {rb['p']:.2f}/{rb['r']:.2f}/{rb['f1']:.2f} | {ra['p']:.2f}/{ra['r']:.2f}/{ra['f1']:.2f} "
              f"| {rs['p']:.2f}/{rs['r']:.2f}/{rs['f1']:.2f} |")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    if args.holdout and types:
        # fitted once on all tune items with the chosen settings; the held-out third is scored here only
        rows = [c["feats"] for d in data for c in d["cands"]]
        y = np.array([c["y"] for d in data for c in d["cands"]])
        w, b = fit(rows, y, lam)
        held = examples([x for i, x in enumerate(items) if i % 3 == 0])
        keep = {
            i: {k for k, c in enumerate(d["cands"]) if c["type"] not in types or probability(w, b, c["feats"]) >= thr}
            for i, d in enumerate(held)
        }  # fmt: skip
        before, after = score(held, None), score(held, keep)
        print(f"\nheld-out items {len(held)}")
        print("| type | rules P/R/F1 (held-out) | rules + filter P/R/F1 | F1 change |")
        for t in (*PLOVER_TYPES, "micro"):
            rb = prf(*(micro(before) if t == "micro" else before[t]))
            ra = prf(*(micro(after) if t == "micro" else after[t]))
            print(f"| {t} | {rb['p']:.2f}/{rb['r']:.2f}/{rb['f1']:.2f} | {ra['p']:.2f}/{ra['r']:.2f}/{ra['f1']:.2f} "
                  f"| {ra['f1'] - rb['f1']:+.3f} |")  # fmt: skip


if __name__ == "__main__":
    main()
