"""HTML main-content extraction on the article-extraction-benchmark: our reader vs bare trafilatura.

Usage: .venv/bin/python bench/html_extraction.py [--data ../shared/data/html/article-extraction-benchmark]
Scores with rasd.eval.extraction (the benchmark's own shingle matching, n=4, and plain tokens, n=1).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

import trafilatura

from rasd.eval.extraction import evaluate, page_counts, paired_difference
from rasd.readers.html import ExtractOptions, extract_html, html_to_rawdoc

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "html" / "article-extraction-benchmark"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (smoke runs)")
    args = ap.parse_args()
    truth_all = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth_all)[: args.limit or None]
    truth = {k: truth_all[k].get("articleBody", "") for k in keys}
    systems = {
        "trafilatura (bare, default settings)": lambda h: (
            trafilatura.extract(h, include_comments=False) or ""
        ),
        "rasd HTML reader (as shipped)": _reader,
        "rasd chain, default trafilatura settings": lambda h: _ours(h, ExtractOptions(favor_precision=False)),
        "trafilatura precision, no fallback": lambda h: _ours(
            h, ExtractOptions(favor_precision=True, fallback=False)
        ),
        "fallback 1 alone: readability-lxml": lambda h: _alone(h, "readability"),
        "fallback 2 alone: jusText": lambda h: _alone(h, "justext"),
    }
    pages = {k: gzip.open(args.data / "html" / f"{k}.html.gz", "rt", encoding="utf-8").read() for k in keys}
    print(f"{len(keys)} pages")
    rows = []
    outputs: dict[str, dict[str, str]] = {}
    for name, fn in systems.items():
        t0 = time.perf_counter()
        extractors: Counter[str] = Counter()
        preds = {}
        for k, html in pages.items():
            out = fn(html)
            if isinstance(out, tuple):
                out, used = out
                extractors[used] += 1
            preds[k] = out
        secs = time.perf_counter() - t0
        outputs[name] = preds
        s4 = evaluate(truth, preds, n=4)
        s1 = evaluate(truth, preds, n=1)
        rows.append((name, s4, s1, secs, extractors))
    print(
        f"{'system':<42} {'F1 (4-gram)':>16} {'P':>6} {'R':>6} {'F1 (token)':>10} {'s/page':>7}  extractors"
    )
    for name, s4, s1, secs, ex in rows:
        print(
            f"{name:<42} {s4.f1:.3f} ± {s4.f1_ci:.3f}   {s4.precision:.3f}  {s4.recall:.3f}  {s1.f1:>10.3f} "
            f"{secs / len(keys):7.3f}  {dict(ex) if ex else ''}"
        )
    names = list(systems)
    base = names[0]
    for name in names[1:]:
        diff, ci = paired_difference(truth, outputs[name], outputs[base])
        better = sum(_f1(truth[k], outputs[name][k]) > _f1(truth[k], outputs[base][k]) + 1e-9 for k in keys)
        worse = sum(_f1(truth[k], outputs[name][k]) < _f1(truth[k], outputs[base][k]) - 1e-9 for k in keys)
        print(
            f"{name} minus bare trafilatura: F1 {diff:+.3f} ± {ci:.3f} (paired bootstrap); "
            f"pages better {better}, worse {worse}"
        )


def _f1(true: str, pred: str) -> float:
    tp, fp, fn = page_counts(true, pred or "")
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _alone(html: str, which: str) -> str:
    from rasd.readers import html as reader

    try:
        return reader._readability(html)[0] if which == "readability" else reader._justext(html)
    except Exception:  # noqa: BLE001 - a failed page scores zero
        return ""


def _reader(html: str) -> tuple[str, str]:
    try:
        doc = html_to_rawdoc(html)
    except ValueError:
        return "", "none"
    return doc.text, doc.meta["extractor"]


def _ours(html: str, opts: ExtractOptions) -> tuple[str, str]:
    try:
        text, meta = extract_html(html, None, opts)
    except ValueError:
        return "", "none"
    return text, meta["extractor"]


if __name__ == "__main__":
    main()
