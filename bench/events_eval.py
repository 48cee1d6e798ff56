"""Event coder scores: the OEDA Arabic GSR (PROTEST, ASSAULT) and rasd's own 16-type dev set.

Usage:
    .venv/bin/python bench/events_eval.py [--shared ../shared/data] [--json out.json] [--errors TYPE]

GSR: per type precision/recall/F1 (``yes`` positive; ``easy no``/``difficult no`` negative;
``ambiguous`` left out), the false-positive rate on ``difficult no``, on the tune rows (index % 3
!= 0, the only rows read while writing the rules), the held-out rows (every 3rd) and all.
Spans: token-overlap F1 of source/verb/target against ``*_spans.json``, on the same tune/holdout/all
split of its items (index % 3 != 0 / every 3rd).
Dev set: per-type sentence-level P/R/F1 on ``tests/data/events_dev.jsonl`` (texts restored from
SaudiNewsNet), on its tune part (index % 3 != 0) and its held-out part (every 3rd item).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.eval.events import (  # noqa: E402
    Scores,
    read_dev,
    read_gsr,
    read_spans,
    score_dev,
    score_gsr,
    score_spans,
    split_rows,
)
from rasd.model import PLOVER_TYPES  # noqa: E402


def _pct(x: float) -> str:
    return f"{x:.2f}"


def gsr(shared: Path) -> dict:
    out: dict = {}
    base = shared / "events" / "arabic-event-gsr"
    for name in ("protest", "assault"):
        rows = read_gsr(base / f"{name}_gsr.csv")
        out[name] = {part: score_gsr(split_rows(rows, part)).as_dict() for part in ("tune", "holdout", "all")}
        items = read_spans(base / f"{name}_spans.json")
        out[name]["spans"] = {
            part: score_spans(split_rows(items, part), name.upper()) for part in ("tune", "holdout", "all")
        }
    return out


def dev(shared: Path) -> dict:
    items = read_dev(ROOT / "tests" / "data" / "events_dev.jsonl", shared / "news" / "saudinewsnet")
    parts = {
        "tune": [x for i, x in enumerate(items) if i % 3],
        "holdout": [x for i, x in enumerate(items) if i % 3 == 0],
        "all": items,
    }
    out: dict = {"items": len(items)}
    for part, its in parts.items():
        per = score_dev(its)
        tp = sum(s.tp for s in per.values())
        fp = sum(s.fp for s in per.values())
        fn = sum(s.fn for s in per.values())
        out[part] = {t: s.as_dict() for t, s in per.items()}
        out[part]["micro"] = Scores(tp=tp, fp=fp, fn=fn).as_dict()
    return out


def ablation(shared: Path) -> dict:
    """PROTEST and ASSAULT without the specificity rules (``rasd.events.specific``): the plain prior."""
    from rasd.events import specific

    specific.ENABLED = False
    try:
        out = {"gsr": {}, "dev": {}}
        base = shared / "events" / "arabic-event-gsr"
        for name in ("protest", "assault"):
            out["gsr"][name] = score_gsr(read_gsr(base / f"{name}_gsr.csv")).as_dict()
        items = read_dev(ROOT / "tests" / "data" / "events_dev.jsonl", shared / "news" / "saudinewsnet")
        per = score_dev(items)
        for t in ("PROTEST", "ASSAULT"):
            out["dev"][t] = per[t].as_dict()
        return out
    finally:
        specific.ENABLED = True


def markdown(res: dict) -> str:
    lines = ["### GSR (development split)", "", "| type | part | P | R | F1 | FP rate on difficult no | tp/fp/fn |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for name in ("protest", "assault"):
        for part in ("tune", "holdout", "all"):
            s = res["gsr"][name][part]
            lines.append(
                f"| {name.upper()} | {part} | {_pct(s['precision'])} | {_pct(s['recall'])} | {_pct(s['f1'])} "
                f"| {_pct(s['difficult_fp_rate'])} | {s['tp']}/{s['fp']}/{s['fn']} |"
            )
    lines += [
        "",
        "| type | part | spans: source F1 | verb F1 | target F1 | gold items | with an event "
        "| given an event: source | verb | target |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in ("protest", "assault"):
        for part in ("tune", "holdout", "all"):
            s = res["gsr"][name]["spans"][part]
            lines.append(
                f"| {name.upper()} | {part} | {s['source']} | {s['verb']} | {s['target']} | {s['items']} "
                f"| {s['with_event']} | {s['source_given']} | {s['verb_given']} | {s['target_given']} |"
            )
    d = res["dev"]
    lines += ["", f"### Dev set ({d['items']} SaudiNewsNet sentences, 16 types)", "",
              "| type | gold (all) | P tune | R tune | P holdout | R holdout | F1 all |", "|---|---|---|---|---|---|---|"]  # fmt: skip
    for t in (*PLOVER_TYPES, "micro"):
        a, tu, ho = d["all"][t], d["tune"][t], d["holdout"][t]
        lines.append(
            f"| {t} | {a['tp'] + a['fn']} | {_pct(tu['precision'])} | {_pct(tu['recall'])} | {_pct(ho['precision'])} "
            f"| {_pct(ho['recall'])} | {_pct(a['f1'])} |"
        )
    pp = res["ablation"]
    lines += ["", "### PROTEST and ASSAULT without the specificity rules (all rows / all items)", "",
              "| type | GSR P | GSR R | GSR F1 | dev P | dev R | dev F1 |", "|---|---|---|---|---|---|---|"]  # fmt: skip
    for name in ("protest", "assault"):
        g, d2 = pp["gsr"][name], pp["dev"][name.upper()]
        lines.append(
            f"| {name.upper()} | {_pct(g['precision'])} | {_pct(g['recall'])} | {_pct(g['f1'])} "
            f"| {_pct(d2['precision'])} | {_pct(d2['recall'])} | {_pct(d2['f1'])} |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    t0 = time.time()
    res = {"gsr": gsr(args.shared), "dev": dev(args.shared), "ablation": ablation(args.shared)}
    res["seconds"] = round(time.time() - t0, 1)
    res["machine"] = f"{platform.machine()} python {platform.python_version()}"
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    print(markdown(res))
    print(f"\n{res['seconds']} s")


if __name__ == "__main__":
    main()
