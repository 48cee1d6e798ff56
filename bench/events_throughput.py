"""Full-pipeline throughput (text layer, structure, entities, events) on SaudiNewsNet, on one core.

Usage:
    .venv/bin/python bench/events_throughput.py [--n 5000] [--data ../shared/data/news/saudinewsnet]
        [--json out.json] [--profile out.prof]

Takes the first N articles in sorted order (zips sorted by name, members sorted, list order; each
article is ``title + "\\n" + content``), warms up on the first 20 (lexicon, gazetteer and model
loading is reported apart as ``load_s``), then times ``Pipeline().process_text`` over all N in this
one process. Reported: articles/s wall-clock and per CPU-second (steadier on a shared machine), the
share of CPU time spent in each pipeline step (each step timed around its call, CPU and wall),
events per article, and a bare tokenizer pass (``rasd.text.words``) over the same texts in the same
run, with the pipeline's cost in such passes.
``--profile`` writes a cProfile of the timed pass instead (for finding hot spots; slower).
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _saudinewsnet import first_texts  # noqa: E402  (bench/ is on sys.path when run as a script)

from rasd.pipeline import Pipeline, PipelineStep, default_steps  # noqa: E402
from rasd.resources import settle_gc  # noqa: E402
from rasd.text import words  # noqa: E402


def timed_pipeline(totals: dict[str, float], cpu: dict[str, float]) -> Pipeline:
    """The default pipeline with each step's wall and CPU time added to ``totals``/``cpu`` by name."""

    def wrap(step: PipelineStep) -> PipelineStep:
        fn = step.fn

        def run(doc):  # noqa: ANN001, ANN202 - a Document in and out
            t, c = time.perf_counter(), time.process_time()
            out = fn(doc)
            totals[step.name] += time.perf_counter() - t
            cpu[step.name] += time.process_time() - c
            return out

        return PipelineStep(step.name, step.version, run)

    return Pipeline([wrap(s) for s in default_steps()])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "news" / "saudinewsnet")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--profile", type=Path, default=None)
    ap.add_argument("--default-gc", action="store_true", help="keep Python's GC thresholds (as before settle_gc)")
    args = ap.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"SaudiNewsNet not found at {args.data}")
    texts = first_texts(args.n, args.data)
    totals: dict[str, float] = defaultdict(float)
    cpu_steps: dict[str, float] = defaultdict(float)
    pipe = timed_pipeline(totals, cpu_steps)
    t0 = time.perf_counter()
    if not args.default_gc:
        settle_gc()  # as the batch drivers (ingest, its workers, rasd process) do
    for text in texts[:20]:
        pipe.process_text(text)
    load_s = time.perf_counter() - t0
    totals.clear()
    cpu_steps.clear()
    events = 0
    chars = sum(len(t) for t in texts)
    w0, c0 = time.perf_counter(), time.process_time()
    if args.profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    for text in texts:
        events += len(pipe.process_text(text).events)
    if args.profile:
        prof.disable()
        prof.dump_stats(str(args.profile))
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    cpu_total = sum(cpu_steps.values()) or 1.0
    # the yardstick in the same run: a bare tokenizer pass (rasd.text.words) over the same texts
    t0 = time.process_time()
    for text in texts:
        words(text)
    tok_cpu = time.process_time() - t0
    res = {
        "articles": len(texts),
        "chars_per_article": round(chars / max(1, len(texts))),
        "load_s": round(load_s, 2),
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "articles_per_s": round(len(texts) / wall, 1),
        "articles_per_cpu_s": round(len(texts) / cpu, 1),
        "events_per_article": round(events / max(1, len(texts)), 2),
        "tokenizer_articles_per_cpu_s": round(len(texts) / tok_cpu, 1),
        "pipeline_cost_in_tokenizer_passes": round(cpu / tok_cpu, 1),
        "step_share_cpu": {k: round(v / cpu_total, 3) for k, v in cpu_steps.items()},
        "step_cpu_ms_per_article": {k: round(1000 * v / max(1, len(texts)), 2) for k, v in cpu_steps.items()},
        "step_wall_ms_per_article": {k: round(1000 * v / max(1, len(texts)), 2) for k, v in totals.items()},
        "profiled": bool(args.profile),
        "gc": "default" if args.default_gc else f"settled (gen0 threshold {gc.get_threshold()[0]}, loaded tables frozen)",
        "machine": f"{platform.machine()} python {platform.python_version()}",
    }
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    print(json.dumps(res, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
