"""Scoring main-content extraction against a hand-made article body.

Follows the article-extraction-benchmark's evaluation (scrapinghub): texts are split into ``\\w+``
tokens, compared as multisets of shingles (n consecutive tokens, n=4 there; n=1 gives plain
token overlap), each page's tp/fp/fn normalised to sum to 1 so long pages do not weigh more;
precision and recall are averaged over pages, F1 is their harmonic mean. Bootstrap over pages
gives the ± interval.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of ``n``-token shingles of ``text`` (one short shingle for texts under n tokens)."""
    tokens = _TOKEN.findall(text or "")
    if n == 1:
        return Counter((t,) for t in tokens)
    grams = [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def page_counts(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    f1_ci: float = 0.0


def aggregate(counts: list[tuple[float, float, float]]) -> Scores:
    """Macro precision/recall over pages (pages with nothing to score are left out, as upstream)."""
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return Scores(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def evaluate(
    truth: dict[str, str], predicted: dict[str, str], n: int = 4, n_bootstrap: int = 1000, seed: int = 0
) -> Scores:
    """Scores of ``predicted`` bodies against ``truth`` (same keys), with a bootstrap 95 % interval on F1."""
    keys = sorted(truth)
    counts = [page_counts(truth[k], predicted.get(k) or "", n) for k in keys]
    base = aggregate(counts)
    rng = random.Random(seed)
    f1s = [aggregate([counts[rng.randrange(len(counts))] for _ in counts]).f1 for _ in range(n_bootstrap)]
    ci = 1.96 * statistics.stdev(f1s) if len(f1s) > 1 else 0.0
    return Scores(base.precision, base.recall, base.f1, ci)


def paired_difference(
    truth: dict[str, str],
    a: dict[str, str],
    b: dict[str, str],
    n: int = 4,
    n_bootstrap: int = 1000,
    seed: int = 0,
) -> tuple[float, float]:
    """F1(a) - F1(b) on the same pages, with a paired-bootstrap 95 % interval (the same resampled pages for both)."""
    keys = sorted(truth)
    ca = [page_counts(truth[k], a.get(k) or "", n) for k in keys]
    cb = [page_counts(truth[k], b.get(k) or "", n) for k in keys]
    diff = aggregate(ca).f1 - aggregate(cb).f1
    rng = random.Random(seed)
    diffs = []
    for _ in range(n_bootstrap):
        idx = [rng.randrange(len(keys)) for _ in keys]
        diffs.append(aggregate([ca[i] for i in idx]).f1 - aggregate([cb[i] for i in idx]).f1)
    return diff, 1.96 * statistics.stdev(diffs) if len(diffs) > 1 else 0.0
