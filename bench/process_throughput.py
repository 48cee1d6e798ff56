"""Throughput of rasd's text layer + structure on SaudiNewsNet, with camel-tools as the anchor.

    .venv/bin/python bench/process_throughput.py [--n 5000] [--data ../shared/data/news/saudinewsnet]

Takes the first N articles in sorted order (zips sorted by name, members sorted, list order) and
runs, each in its own fresh subprocess so peak memory is its own:

- ``rasd``: ``Pipeline(steps=language, structure, sentences).process_text(title + "\\n" + content)``
  and ``rasd.text.tokenize`` (with clitic splitting) of every sentence;
- ``rasd-pipeline``: those three steps alone ("tokens" counts sentences);
- ``rasd-default``: ``Pipeline()`` with every default step (later issues add NER ...), for context;
- ``rasd-tokenize``: ``rasd.text.tokenize`` of the whole text alone;
- ``cli``: ``rasd process DIR -f jsonl`` on the N texts written as files (decoding, every default
  step, JSON; start-up included; "tokens" counts documents printed; files that fail are reported
  on stderr, e.g. empty articles);
- ``camel``: camel-tools ``simple_word_tokenize`` of the same texts (the anchor; whitespace and
  punctuation only, no clitics, no sentences, no structure).

Each child loads the texts, warms up on the first 20 (lexicon and language model loading is
reported separately as ``load_s``), then times one pass over all N on one core. Peak memory is
``ru_maxrss`` of the child. Times are reported wall-clock (``art/s``) and as CPU time of the
process (``art/cpu-s``, steadier on a shared machine; the ratio to camel-tools uses it).
Needs camel-tools (``pip install --no-deps camel-tools emoji``).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from _saudinewsnet import first_texts  # noqa: E402  (bench/ is on sys.path when run as a script)

ROOT = Path(__file__).resolve().parents[1]


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


TEXT_STEPS = ("language", "structure", "sentences")


def _text_pipeline():  # noqa: ANN202 - rasd.pipeline.Pipeline, imported late
    """The text layer and structure: the default steps up to sentences, later steps (NER ...) left out."""
    from rasd.pipeline import Pipeline, default_steps

    return Pipeline(steps=[s for s in default_steps() if s.name in TEXT_STEPS])


def cli_child(data: Path, n: int) -> dict:
    """``rasd process DIR -f jsonl`` as users run it: N files written to a temporary folder, one
    process, every default step, JSON out; CPU and peak memory of that process (RUSAGE_CHILDREN)."""
    import tempfile

    texts = first_texts(n, data)
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            Path(tmp, f"{i:05d}.txt").write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "rasd.cli", "process", tmp, "-f", "jsonl"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert proc.stdout is not None
        docs = sum(1 for _ in proc.stdout)
        proc.wait()
        elapsed = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    return {
        "mode": "cli",
        "articles": len(texts),
        "chars": sum(map(len, texts)),
        "tokens": docs,
        "seconds": round(elapsed, 3),
        "articles_per_s": round(len(texts) / elapsed, 1),
        "cpu_seconds": round(cpu, 3),
        "articles_per_cpu_s": round(len(texts) / cpu, 1),
        "load_s": 0.0,
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "rss_after_loading_texts_mb": 0.0,
        "exit_code": proc.returncode,
    }


def child(mode: str, data: Path, n: int) -> dict:
    if mode == "cli":
        return cli_child(data, n)
    texts = first_texts(n, data)
    rss_texts = _maxrss_mb()
    t0 = time.perf_counter()
    tokens = 0
    if mode == "camel":
        from camel_tools.tokenizers.word import simple_word_tokenize

        def run(text: str) -> int:
            return len(simple_word_tokenize(text))

    elif mode == "rasd-pipeline":
        pipeline = _text_pipeline()

        def run(text: str) -> int:
            return len(pipeline.process_text(text).sentences)

    elif mode == "rasd-default":
        from rasd.pipeline import Pipeline

        pipeline = Pipeline()

        def run(text: str) -> int:
            return len(pipeline.process_text(text).sentences)

    elif mode == "rasd-tokenize":
        from rasd.text.tokenize import tokenize

        def run(text: str) -> int:
            return len(tokenize(text))

    else:
        from rasd.text.tokenize import tokenize

        pipeline = _text_pipeline()

        def run(text: str) -> int:
            doc = pipeline.process_text(text)
            return sum(len(tokenize(text[s.start : s.end])) for s in doc.sentences)

    for text in texts[:20]:
        run(text)
    load_s = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    for text in texts:
        tokens += run(text)
    elapsed = time.perf_counter() - t1
    cpu = time.process_time() - c1
    return {
        "mode": mode,
        "articles": len(texts),
        "chars": sum(map(len, texts)),
        "tokens": tokens,
        "seconds": round(elapsed, 3),
        "articles_per_s": round(len(texts) / elapsed, 1),
        "cpu_seconds": round(cpu, 3),
        "articles_per_cpu_s": round(len(texts) / cpu, 1),
        "load_s": round(load_s, 3),
        "peak_rss_mb": round(_maxrss_mb(), 1),
        "rss_after_loading_texts_mb": round(rss_texts, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/news/saudinewsnet"))
    ap.add_argument("--modes", default="rasd,rasd-pipeline,rasd-tokenize,camel,rasd-default,cli")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, Path(args.data), args.n)))
        return
    results = []
    for mode in args.modes.split(","):
        proc = subprocess.run(
            [sys.executable, __file__, "--child", mode, "--n", str(args.n), "--data", args.data],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            print(f"{mode}: failed\n{proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ''}")
            continue
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    anchor = next((r for r in results if r["mode"] == "camel"), None)
    print(
        f"{'mode':15} {'articles':>8} {'art/s':>8} {'art/cpu-s':>9} {'tokens':>9} {'load s':>7} {'peak MB':>8} "
        f"{'vs camel (cpu)':>14}"
    )
    for r in results:
        ratio = f"{r['articles_per_cpu_s'] / anchor['articles_per_cpu_s']:.2f}x" if anchor else "-"
        print(
            f"{r['mode']:15} {r['articles']:>8} {r['articles_per_s']:>8.1f} {r['articles_per_cpu_s']:>9.1f} "
            f"{r['tokens']:>9} {r['load_s']:>7.2f} {r['peak_rss_mb']:>8.1f} {ratio:>14}"
        )
    print(json.dumps(results))


if __name__ == "__main__":
    main()
