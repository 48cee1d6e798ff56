"""Write docs/benchmarks.md: the summary below, then every area's detailed file from docs/bench/.

Each area keeps its own file (its benchmark writes it); this puts them in one document.

    python scripts/assemble_benchmarks.py
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ORDER = ["text", "structure", "readers", "robustness", "store", "ner", "entities", "actors", "events", "api", "scale"]


def main() -> None:
    parts = [(ROOT / "docs" / "bench" / "SUMMARY.md").read_text("utf-8").rstrip() + "\n"]
    for name in ORDER:
        body = (ROOT / "docs" / "bench" / f"{name}.md").read_text("utf-8").rstrip()
        # demote headings one level so each area is a section of this document
        body = "\n".join("#" + line if line.startswith("#") else line for line in body.splitlines())
        parts.append(f"\n<!-- from docs/bench/{name}.md -->\n{body}\n")
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(parts), "utf-8")
    print("wrote docs/benchmarks.md")


if __name__ == "__main__":
    main()
