"""Annotation packets for the event gold standard v2, and the merge of what annotators return.

    .venv/bin/python scripts/gold_annotate.py packets --annotator a [--sample gold/events/sample.jsonl] [--out gold/events/packets/a]
    .venv/bin/python scripts/gold_annotate.py merge --a DIR_A --b DIR_B [--adjudicated DIR_C] [--out gold/events]

``packets`` writes one text file per article for one annotator. The file holds the guidelines' path,
the article id and the article with its sentences numbered (``[S3] ...``, split by rasd's sentence
splitter), and nothing else: no coder output and no other annotator's labels. The annotator answers
one JSON file per article, ``{"id": ..., "events": [...]}``. Each event names its sentence by number
and quotes its words: ``{"sentence": 3, "type": "ACCUSE", "mode": null, "cameo": "112", "trigger":
"اتهم", "source": [{"text": "وزير الخارجية المصري", "code": "EGYGOV"}], "target": [...], "location":
"القاهرة" | null, "date": "أمس" | null, "asserted": true, "negated": false, "hypothetical": null,
"background": false}``. A quote that occurs twice in the sentence takes ``"trigger_nth": 2``.

``merge`` turns the quotes into character offsets, checks that every quote is found (a line per quote
that is not), and writes:
- ``gold/events/articles.jsonl``: the sample's metadata, both raw label sets under ``annotations``,
  and the adjudicated ``events``. Where A and B agree fully (event F1 1.0 with the same arguments
  and flags), the events are A's; otherwise they come from the adjudicator's file for that article.
  An article with neither is left out, and is listed.
- ``gold/events/agreement.json``: :func:`rasd.eval.gold.agreement` of A against B, overall and per
  type.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.eval.gold import agreement, article_text, default_data_root, match  # noqa: E402
from rasd.text.sentences import split_sentences  # noqa: E402

GUIDELINES = "docs/event-annotation.md"


def sentences(text: str) -> list[tuple[int, int]]:
    return list(split_sentences(text))


def packets(sample: Path, annotator: str, out: Path, data: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for line in sample.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = article_text(row["corpus"], row["corpus_id"], data)
        lines = [f"# guidelines: {GUIDELINES} (v2)", f"# annotator: {annotator}", f"# article: {row['id']}",
                 f"# outlet: {row['source']} ({row['country']}), published {row['date'] or 'unknown'}", ""]
        lines += [f"[S{k}] {' '.join(text[a:b].split())}" for k, (a, b) in enumerate(sentences(text), 1)]
        name = row["id"].replace("/", "_").replace(":", "__").replace("!", "_")
        (out / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        n += 1
    print(f"{n} packets → {out}")


def _find(text: str, quote: str, a: int, b: int, nth: int = 1) -> list[int] | None:
    """Offsets of the ``nth`` occurrence of ``quote`` in ``text[a:b]``; white space in the quote matches
    any white space (the packets show each sentence on one line)."""
    words = quote.split()
    if not words:
        return None
    rx = re.compile(r"\s+".join(map(re.escape, words)))
    for k, m in enumerate(rx.finditer(text, a, b), 1):
        if k == nth:
            return [m.start(), m.end()]
    return None


def resolve(article_id: str, text: str, events: list[dict[str, Any]], problems: list[str]) -> list[dict[str, Any]]:
    """Quoted events to the gold's offset form."""
    spans = sentences(text)
    out = []
    for k, e in enumerate(events):
        where = f"{article_id} event {k + 1}"
        try:
            a, b = spans[int(e["sentence"]) - 1]
        except (KeyError, ValueError, IndexError):
            problems.append(f"{where}: no sentence {e.get('sentence')}")
            continue
        trig = _find(text, e.get("trigger", ""), a, b, int(e.get("trigger_nth", 1))) if e.get("trigger") else None
        if trig is None:
            problems.append(f"{where}: trigger {e.get('trigger')!r} not in sentence {e['sentence']}")
            continue

        def actors(side: str, e: dict = e, a: int = a, b: int = b, where: str = where) -> list[dict[str, Any]]:
            res = []
            for x in e.get(side) or []:
                span = _find(text, x.get("text", ""), a, b) or _find(text, x.get("text", ""), 0, len(text))
                if span is None and x.get("text"):
                    problems.append(f"{where}: {side} {x['text']!r} not in the article")
                res.append({"span": span, "code": x.get("code") or None, "text": x.get("text", "")})
            return res

        loc = e.get("location")
        loc_span = (_find(text, loc, a, b) or _find(text, loc, 0, len(text))) if loc else None
        out.append({
            "type": e["type"], "mode": e.get("mode"), "cameo": e.get("cameo"), "trigger": trig, "sentence": [a, b],
            "source": actors("source"), "target": actors("target"),
            "location": {"span": loc_span} if loc_span else None, "date": e.get("date"),
            "asserted": bool(e.get("asserted", True)), "negated": bool(e.get("negated", False)),
            "hypothetical": e.get("hypothetical"), "background": bool(e.get("background", False)),
        })  # fmt: skip
    return out


def _labels(folder: Path | None) -> dict[str, list[dict[str, Any]]]:
    if folder is None:
        return {}
    out = {}
    for path in sorted(folder.glob("*.json")):
        obj = json.loads(path.read_text(encoding="utf-8"))
        out[obj["id"]] = obj.get("events", [])
    return out


def _same(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> bool:
    """Full agreement: every event matched, with the same arguments and flags."""
    if len(a) != len(b) or len(match(a, b)) != len(a):
        return False
    rep = agreement([(a, b)])
    return not a or (rep["event_f1"] == 1.0 and rep["source"] == 1.0 and rep["target"] == 1.0
                     and all(v == 1.0 for v in rep["flags"].values()))


def merge(sample: Path, a_dir: Path, b_dir: Path, c_dir: Path | None, out: Path, data: Path) -> None:
    a_raw, b_raw, c_raw = _labels(a_dir), _labels(b_dir), _labels(c_dir)
    problems: list[str] = []
    rows, pairs, missing = [], [], []
    for line in sample.read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        aid = meta["id"]
        if aid not in a_raw or aid not in b_raw:
            missing.append(aid)
            continue
        text = article_text(meta["corpus"], meta["corpus_id"], data)
        a, b = resolve(aid, text, a_raw[aid], problems), resolve(aid, text, b_raw[aid], problems)
        pairs.append((a, b))
        if _same(a, b):
            final = a
        elif aid in c_raw:
            final = resolve(aid, text, c_raw[aid], problems)
        else:
            missing.append(f"{aid} (disagreement not adjudicated)")
            continue
        rows.append({**{k: v for k, v in meta.items() if k != "words"}, "events": final, "annotations": {"a": a, "b": b}})
    out.mkdir(parents=True, exist_ok=True)
    with (out / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    (out / "agreement.json").write_text(json.dumps(agreement(pairs), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for p in problems:
        print("problem:", p, file=sys.stderr)
    print(json.dumps({"articles": len(rows), "missing": len(missing), "problems": len(problems)}), file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("packets")
    p.add_argument("--annotator", required=True)
    p.add_argument("--sample", type=Path, default=ROOT / "gold" / "events" / "sample.jsonl")
    p.add_argument("--out", type=Path)
    m = sub.add_parser("merge")
    m.add_argument("--a", type=Path, required=True)
    m.add_argument("--b", type=Path, required=True)
    m.add_argument("--adjudicated", type=Path)
    m.add_argument("--sample", type=Path, default=ROOT / "gold" / "events" / "sample.jsonl")
    m.add_argument("--out", type=Path, default=ROOT / "gold" / "events")
    for q in (p, m):
        q.add_argument("--data", type=Path, default=default_data_root())
    args = ap.parse_args()
    if args.cmd == "packets":
        packets(args.sample, args.annotator, args.out or ROOT / "gold" / "events" / "packets" / args.annotator, args.data)
    else:
        merge(args.sample, args.a, args.b, args.adjudicated, args.out, args.data)


if __name__ == "__main__":
    main()
