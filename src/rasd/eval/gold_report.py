"""The gold v2 event scores as a Markdown report and a reliability plot (PNG, needs matplotlib)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _f(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def markdown(report: dict[str, Any]) -> str:
    """``rasd eval events --gold ... --format md``: every figure of the JSON report, as tables."""
    m, mac = report["micro"], report["macro"]
    lines = [
        f"# Event coder on the gold standard v2 ({report.get('split', '?')} split)",
        "",
        f"{report['articles']} articles, {report['gold_events']} gold events, {report['predicted_events']} coded, "
        f"{report['matched']} matched (same sentence and type).",
        "",
        "| type | precision | recall | F1 | tp | fp | fn |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for t, v in report["per_type"].items():
        lines.append(f"| {t} | {_f(v['precision'])} | {_f(v['recall'])} | {_f(v['f1'])} | {v['tp']} | {v['fp']} | {v['fn']} |")
    lines += [
        f"| **micro** | {_f(m['precision'])} | {_f(m['recall'])} | {_f(m['f1'])} | {m['tp']} | {m['fp']} | {m['fn']} |",
        f"| macro (types with gold events) | {_f(mac['precision'])} | {_f(mac['recall'])} | {_f(mac['f1'])} | | | |",
        "",
        "On matched events:",
        "",
        "| | accuracy |",
        "|---|---:|",
    ]
    lines += [f"| {k} | {_f(v)} |" for k, v in report["on_matched"].items()]
    lines += ["", "Calibration (coded events per confidence bin):", "", "| confidence | events | precision |",
              "|---|---:|---:|"]
    lines += [f"| {b['bin']} | {b['count']} | {_f(b['precision'])} |" for b in report["calibration"]]
    lines += ["", "| keep confidence ≥ | events kept | precision | recall |", "|---:|---:|---:|---:|"]
    lines += [f"| {a['threshold']} | {a['kept']} | {_f(a['precision'])} | {_f(a['recall'])} |" for a in report["at_threshold"]]
    return "\n".join(lines) + "\n"


def reliability_png(report: dict[str, Any], path: Path) -> None:
    """Precision per confidence bin against the diagonal, with the bin counts as bars."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    bins = report["calibration"]
    mids = [i / 10 + 0.05 for i in range(len(bins))]
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    xs = [x for x, b in zip(mids, bins, strict=True) if b["precision"] is not None]
    ys = [b["precision"] for b in bins if b["precision"] is not None]
    ax.plot(xs, ys, marker="o", label="precision of coded events")
    ax2 = ax.twinx()
    ax2.bar(mids, [b["count"] for b in bins], width=0.08, alpha=0.2, color="tab:orange")
    ax2.set_ylabel("events in bin")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("confidence")
    ax.set_ylabel("precision")
    ax.set_title(f"rasd events, gold v2 {report.get('split', '')}: reliability")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
