"""Build rasd's compact CAMEO/PLOVER tables from the public reference files.

Reads ``../shared/reference`` (CAMEO event codes, Goldstein scale, the CAMEO→PLOVER table and
the PLOVER manual's score and quad tables) and writes three small TSV files to
``src/rasd/data/events/``:

- ``cameo.tsv``: CAMEO code, name, Goldstein score
- ``cameo_plover.tsv``: CAMEO code, PLOVER type, mode, contexts (``;``-separated)
- ``plover.tsv``: PLOVER type, mode ('' for the type itself), quad class, PLOVER score

Usage: ``python scripts/build_event_tables.py [--reference DIR] [--out DIR]``
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REF = ROOT.parent / "shared" / "reference"
DEFAULT_OUT = ROOT / "src" / "rasd" / "data" / "events"

QUADS = {  # PLOVER manual, table "Quad categories in PLOVER"
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip


def read_cameo(ref: Path) -> dict[str, tuple[str, float | None]]:
    names: dict[str, str] = {}
    for line in (ref / "cameo" / "CAMEO.eventcodes.txt").read_text(encoding="utf-8").splitlines()[1:]:
        code, _, name = line.partition("\t")
        if code.strip() and len(code.strip()) >= 2:
            names[code.strip()] = name.strip()
    scores: dict[str, float] = {}
    for line in (ref / "cameo" / "CAMEO.goldsteinscale.txt").read_text(encoding="utf-8").splitlines()[1:]:
        code, _, score = line.partition("\t")
        if code.strip():
            scores[code.strip()] = float(score)
    return {code: (name, scores.get(code)) for code, name in names.items()}


def read_cameo_plover(ref: Path) -> dict[str, tuple[str, str, list[str]]]:
    out: dict[str, tuple[str, str, list[str]]] = {}
    text = (ref / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        m = re.match(r"^(\d{3,4}):\s*([^#]*)", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        parts += [""] * (3 - len(parts))
        ptype, mode, ctx = parts[0], parts[1], parts[2]
        contexts = [c.strip() for c in ctx.split(";") if c.strip()]
        out.setdefault(m.group(1), (ptype, mode, contexts))  # the first row wins (175 is listed twice)
    return out


def read_plover_scores(ref: Path) -> dict[tuple[str, str], float]:
    tex = (ref / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    # the first caption of that name is an older table left commented out (%) in the source
    start = tex.index("\n" + r"\caption{PLOVER conflict--cooperation scores}")
    table = tex[start : tex.index(r"\end{tabular}", start)]
    out: dict[tuple[str, str], float] = {}
    for row in table.split(r"\\"):
        cells = [re.sub(r"\\cellcolor\{[^}]*\}|\\hline", "", c).strip() for c in row.split("&")]
        for name, score in zip(cells[0::2], cells[1::2], strict=False):
            m = re.fullmatch(r"([A-Z]+)(?::\s*([A-Za-z-]+))?", name)
            if not m or not re.fullmatch(r"-?\d+(\.\d+)?", score):
                continue
            out[(m.group(1), (m.group(2) or "").lower())] = float(score)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=Path, default=DEFAULT_REF)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    cameo = read_cameo(args.reference)
    with (args.out / "cameo.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# CAMEO code, name, Goldstein score. Built by scripts/build_event_tables.py\n")
        for code in sorted(cameo):
            name, score = cameo[code]
            fh.write(f"{code}\t{name}\t{'' if score is None else score}\n")

    mapping = read_cameo_plover(args.reference)
    with (args.out / "cameo_plover.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# CAMEO code, PLOVER type, mode, contexts. Built by scripts/build_event_tables.py\n")
        for code in sorted(mapping):
            ptype, mode, contexts = mapping[code]
            fh.write(f"{code}\t{ptype}\t{mode}\t{';'.join(contexts)}\n")

    scores = read_plover_scores(args.reference)
    # The draft manual prints ACCUSE as +3 while all its modes are negative; it is a sign slip
    # (ACCUSE is verbal conflict), so the type score is the mean of its modes.
    if scores.get(("ACCUSE", ""), 0) > 0:
        modes = [v for (t, m), v in scores.items() if t == "ACCUSE" and m]
        scores[("ACCUSE", "")] = round(sum(modes) / len(modes), 2)
    with (args.out / "plover.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# PLOVER type, mode, quad class, PLOVER score. Built by scripts/build_event_tables.py\n")
        for ptype in QUADS:
            rows = sorted((m, v) for (t, m), v in scores.items() if t == ptype)
            for mode, score in rows:
                fh.write(f"{ptype}\t{mode}\t{QUADS[ptype]}\t{score}\n")
    print(f"wrote {len(cameo)} CAMEO codes, {len(mapping)} CAMEO→PLOVER rows, {len(scores)} PLOVER scores")


if __name__ == "__main__":
    main()
