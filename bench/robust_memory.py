"""Peak memory of one hostile-sized input on every reader path: plain text, a zip member, a JSON
record and an API upload, at 1, 4, 20 and 60 MB (and a 4 KB base), each in a fresh process.

    .venv/bin/python bench/robust_memory.py [--sizes 1,4,20,60] [--raised 1,4] [--out results.json]

The text is real news (SaudiNewsNet articles joined, read in place from ../shared/data), cut to the
size. With the default limits (20 MB per file/member/line, 2 MB of text per document) inputs above a
limit are refused before they are held whole; ``--raised`` sizes are also run with the limits lifted
to 64 MB, so the pipeline itself processes them and its memory per MB of text is seen. Each row: the
kind, the size, whether it was processed or refused (with the line rasd printed), the peak RSS of the
process (``ru_maxrss`` of the child: for ingest with --workers 1 there is one process), and the peak
over the 4 KB base divided by the input size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _saudinewsnet import day_files  # noqa: E402

MIB = 1024 * 1024
WRAP = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:]);"
    " print('peak_kb', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)"
)
API_SCRIPT = """
import sys
from fastapi.testclient import TestClient
from rasd.api.app import create_app
client = TestClient(create_app(sys.argv[1], token="t", max_body=int(sys.argv[3])))
with open(sys.argv[2], "rb") as fh:
    r = client.post("/api/ingest/file", files={"file": ("upload.txt", fh, "text/plain")},
                    headers={"Authorization": "Bearer t"})
body = r.json()
print(r.status_code, body.get("new"), body.get("failed"), (body.get("errors") or [body.get("detail")])[:1], file=sys.stderr)
"""


def news_text(size: int) -> str:
    """``size`` bytes (UTF-8) of real articles, blank lines between them."""
    parts: list[str] = []
    total = 0
    for path in day_files():
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                for rec in json.loads(zf.read(name)):
                    text = rec.get("content") or ""
                    parts.append(text)
                    total += len(text.encode()) + 2
                    if total >= size:
                        data = "\n\n".join(parts).encode()[:size]
                        return data.decode("utf-8", "ignore")
    raise SystemExit("not enough text in SaudiNewsNet")


def make_input(kind: str, text: str, folder: Path) -> Path:
    if kind == "plain":
        path = folder / "doc.txt"
        path.write_text(text, encoding="utf-8")
    elif kind == "zip member":
        path = folder / "doc.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("doc.txt", text)
    elif kind in ("JSON record", "API upload"):
        path = folder / ("doc.jsonl" if kind == "JSON record" else "upload.txt")
        if kind == "JSON record":
            path.write_text(json.dumps({"title": "t", "content": text}, ensure_ascii=False) + "\n", encoding="utf-8")
        else:
            path.write_text(text, encoding="utf-8")
    else:
        raise ValueError(kind)
    return path


def run(kind: str, path: Path, db: Path, raised: bool) -> tuple[int, str]:
    """Peak RSS (KB) of a fresh process handling ``path``, and the last line it printed on stderr."""
    limits = ["--max-file-mb", "64", "--max-doc-mb", "64"] if raised else []
    if kind == "API upload":
        cmd = [sys.executable, "-c", API_SCRIPT, str(db), str(path), str(64 * MIB if raised else 5 * MIB)]
    else:
        cmd = [sys.executable, "-m", "rasd.cli", "ingest", str(path), "--db", str(db), "-q", "--workers", "1", *limits]
    # a fresh wrapper per run: RUSAGE_CHILDREN's ru_maxrss is the largest child it ever waited for
    proc = subprocess.run([sys.executable, "-c", WRAP, *cmd], capture_output=True, text=True, timeout=3600)
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    peak = int(lines[-1].split()[-1])
    said = next((ln for ln in reversed(lines[:-1]) if "failed" in ln or "error" in ln or ln[:3].isdigit()), "")
    return peak, said[:160]


WARM = """
import resource, sys, json
sys.path.insert(0, sys.argv[1])
from _saudinewsnet import day_files, read
from itertools import islice
from rasd.ingest import ingest
from rasd.limits import Limits, MIB
from rasd.readers import read_any
from rasd.readers.base import RawDoc
from rasd.model import Source
from rasd.store.sqlite import SQLiteStore
store = SQLiteStore(sys.argv[2])
raised = Limits(max_file_bytes=64 * MIB, max_doc_bytes=64 * MIB)
ingest(islice(read(day_files()[-6:]), int(sys.argv[4])), store)  # ordinary articles of other days
with open(sys.argv[5], encoding="utf-8") as fh:  # other big texts: the bounded memo tables reach their ceiling
    fillers = [RawDoc(text=t, source=Source(path=f"filler{i}")) for i, t in enumerate(fh.read().split("\f")) if t]
for raw in fillers:
    ingest([raw], store, limits=raised)
del fillers
def rss_now():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmRSS"))
warm_peak, warm_now = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, rss_now()
report = ingest(read_any([sys.argv[3]], sizes=raised), store, limits=raised)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"warm_peak_kb": warm_peak, "warm_rss_kb": warm_now, "peak_kb": peak, "new": report.new,
                  "failed": report.failed}))
"""


def warm_rows(sizes: list[float], warm: int, fill: list[float], corpus: str, filler: str) -> list[dict]:
    """Peak over a process already warm (its bounded memo tables at their ceiling, as in a long ingest:
    ``warm`` ordinary articles, then big documents of ``fill`` MB of other text), for one plain-text
    document of each size, limits raised: what one big document costs beyond the process's steady state."""
    rows = []
    for mb in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "doc.txt"
            path.write_text(corpus.encode()[: int(mb * MIB)].decode("utf-8", "ignore"), encoding="utf-8")
            fillers = Path(tmp) / "fillers.txt"
            data, parts, at = filler.encode(), [], 0
            for size in fill:
                parts.append(data[at : at + int(size * MIB)].decode("utf-8", "ignore"))
                at += int(size * MIB)
            fillers.write_text("\f".join(parts), encoding="utf-8")
            out = subprocess.run([sys.executable, "-c", WARM, str(Path(__file__).resolve().parent), f"{tmp}/x.db",
                                  str(path), str(warm), str(fillers)], capture_output=True, text=True, timeout=3600)
            if out.returncode:
                raise SystemExit(out.stderr[-2000:])
            got = json.loads(out.stdout.strip().splitlines()[-1])
        extra = max(0, got["peak_kb"] - max(got["warm_peak_kb"], got["warm_rss_kb"])) / 1024
        row = {"kind": f"plain, after {warm} articles and {'+'.join(map(str, fill)) or 'no'} MB of big documents",
               "mb": mb, "limits": "raised to 64 MB",
               "warm_peak_mb": round(got["warm_peak_kb"] / 1024, 1), "peak_mb": round(got["peak_kb"] / 1024, 1),
               "over_warm_peak_per_input_mb": round(extra / mb, 1), "new": got["new"]}
        print(json.dumps(row, ensure_ascii=False), flush=True)
        rows.append(row)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--warm", type=int, default=0, help="also: big documents after N ordinary articles")
    ap.add_argument("--warm-sizes", default="1,4")
    ap.add_argument("--fill", default="1,1,2", help="MB of big documents (other text) in the warm-up")
    ap.add_argument("--sizes", default="1,4,20,60", help="MB, default limits")
    ap.add_argument("--raised", default="1,4", help="MB, limits lifted to 64 MB")
    ap.add_argument("--kinds", default="plain,zip member,JSON record,API upload")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    kinds = [k for k in args.kinds.split(",") if k]
    plan = [(0.004, False)] + [(float(s), False) for s in args.sizes.split(",") if s] + [
        (float(s), True) for s in args.raised.split(",") if s
    ]
    warm_sizes = [float(x) for x in args.warm_sizes.split(",") if x] if args.warm else []
    biggest = max([mb for mb, _ in plan] + warm_sizes)  # fillers are cut from text after every measured input
    fill = [float(x) for x in args.fill.split(",") if x]
    corpus = news_text(int((biggest + sum(fill)) * MIB) + MIB)
    filler = corpus.encode()[int(biggest * MIB) + 1 :].decode("utf-8", "ignore")  # text no measured input has
    rows = []
    base: dict[str, int] = {}
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: run smallest first, one process each
    for kind in kinds:
        for mb, raised in sorted(plan, key=lambda p: p[0]):
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp)
                text = corpus.encode()[: int(mb * MIB)].decode("utf-8", "ignore")
                path = make_input(kind, text, folder)
                peak, said = run(kind, path, folder / "x.db", raised)
            if mb < 0.01:
                base[kind] = peak
            row = {"kind": kind, "mb": mb, "limits": "raised to 64 MB" if raised else "default", "peak_mb": None,
                   "said": said}
            if peak > 0:
                row["peak_mb"] = round(peak / 1024, 1)
                if kind in base and mb >= 0.5:
                    row["over_base_per_input_mb"] = round((peak - base[kind]) / 1024 / mb, 1)
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    if args.warm:
        rows += warm_rows(warm_sizes, args.warm, fill, corpus, filler)
    if args.out:
        args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
