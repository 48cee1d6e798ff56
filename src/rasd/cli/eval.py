"""``rasd eval``: score the shipped models on a gold file."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.table import Table

from rasd.cli.app import app, err, fail, out

eval_app = typer.Typer(help="Score the shipped models on gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("ner")
def eval_ner(
    file: Path = typer.Argument(
        ..., help="CoNLL file: `token TAG` per line (IOB2), blank line between sentences."
    ),
    predictions: Path = typer.Option(
        None, "--predictions", help="Also write `token gold predicted` lines here."
    ),
    window: int = typer.Option(
        None, "--window", min=0, help="Sentences tagged as one document (0: each alone)."
    ),
) -> None:
    """Tag FILE with the shipped NER model; print entity-level precision/recall/F1 per type and micro."""
    from rasd.eval.ner import evaluate_file

    if not file.is_file():
        err.print(f"[red]error[/red] {file}: no such file")
        raise typer.Exit(2)
    try:
        scores = evaluate_file(file, predictions=predictions, window=window)
    except (ValueError, UnicodeDecodeError) as exc:
        err.print(f"[red]error[/red] {file}: {exc}")
        raise typer.Exit(2) from None
    table = Table(title=f"NER on {file}")
    for col in ("type", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for typ in [*scores.types(), None]:
        p, r, f = scores.prf(typ)
        gold = sum(scores.gold.values()) if typ is None else scores.gold[typ]
        pred = sum(scores.pred.values()) if typ is None else scores.pred[typ]
        table.add_row(typ or "micro", f"{p:.4f}", f"{r:.4f}", f"{f:.4f}", str(gold), str(pred))
    out.print(table)


@eval_app.command("events")
def eval_events(
    file: Path = typer.Argument(
        None,
        help="Gold CSV: one sentence a row with `text`, `label` (yes / easy no / difficult no / ambiguous).",
    ),
    gold: Path = typer.Option(
        None, "--gold", help="Score whole articles against the event gold standard v2 in this folder (articles.jsonl)."
    ),
    split: str = typer.Option("dev", "--split", help="With --gold: dev, test or all."),
    fmt: str = typer.Option("table", "--format", help="With --gold: table, json or md."),
    plot: Path = typer.Option(None, "--plot", help="With --gold: write a reliability plot (PNG) here."),
    data: Path = typer.Option(None, "--data", help="With --gold: the data folder (default ../shared/data)."),
    event_type: str = typer.Option(
        None, "--type", help="PLOVER type to score (default: the file's `event_type` column)."
    ),
    spans: Path = typer.Option(
        None,
        "--spans",
        help="Also score source/verb/target spans against this `*_spans.json` (token-overlap F1).",
    ),
    part: str = typer.Option(
        "all", "--part", help="all, or tune / holdout (rows whose index is / is not a multiple of 3)."
    ),
    errors: Path = typer.Option(None, "--errors", help="Write the misclassified rows here (JSON lines)."),
) -> None:
    """Code each sentence of FILE as `rasd code` does; print precision/recall/F1 and the FP rate on `difficult no`.

    With --gold: code each article of the gold standard v2 with the full pipeline and score every event
    (per type, micro and macro; arguments, flags and calibration on matched events).
    """
    import json

    if gold is not None:
        _eval_gold(gold, split, fmt, plot, data)
        return
    if file is None:
        err.print("[red]error[/red] give a gold CSV file, or --gold FOLDER")
        raise typer.Exit(2)

    from rich.progress import track

    from rasd.eval.events import GsrFormatError, read_gsr, read_spans, score_gsr, score_spans, split_rows
    from rasd.model import PLOVER_TYPES

    if part not in ("all", "tune", "holdout"):
        err.print(f"[red]error[/red] --part {part}: use all, tune or holdout")
        raise typer.Exit(2)
    if event_type is not None and event_type.upper() not in PLOVER_TYPES:
        err.print(f"[red]error[/red] --type {event_type}: not a PLOVER type ({', '.join(PLOVER_TYPES)})")
        raise typer.Exit(2)
    for path in (file, spans):
        if path is not None and not path.is_file():
            err.print(f"[red]error[/red] {path}: no such file")
            raise typer.Exit(2)
    try:
        rows = split_rows(read_gsr(file, need_type=event_type is None), part)
        items = split_rows(read_spans(spans), part) if spans else []
    except (GsrFormatError, ValueError, UnicodeDecodeError) as exc:
        fail(str(exc), 2)
    ptype = event_type.upper() if event_type else None
    label = ptype or (rows[0]["event_type"].strip().upper() if rows else "?")
    sc = score_gsr(track(rows, description="coding", console=err, transient=True), ptype)
    table = Table(title=f"{label} on {file} ({part}, {len(rows)} rows; ambiguous left out)")
    for col in ("precision", "recall", "F1", "tp", "fp", "fn", "FP rate on difficult no"):
        table.add_column(col, justify="right")
    table.add_row(
        f"{sc.precision:.3f}", f"{sc.recall:.3f}", f"{sc.f1:.3f}", str(sc.tp), str(sc.fp), str(sc.fn),
        f"{sc.difficult_fp_rate:.3f} ({sc.difficult_fp}/{sc.difficult_n})",
    )  # fmt: skip
    out.print(table)
    if items:
        res = score_spans(items, ptype or label)
        st = Table(title=f"spans on {spans} (token-overlap F1; a missed event scores 0)")
        for col in ("", "source", "verb", "target", "gold items"):
            st.add_column(col, justify="right")
        st.add_row("all items", *(str(res[k]) for k in ("source", "verb", "target", "items")))
        st.add_row("items with an event", *(str(res[f"{k}_given"]) for k in ("source", "verb", "target")),
                   str(res["with_event"]))  # fmt: skip
        out.print(st)
    if errors:
        with errors.open("w", encoding="utf-8") as fh:
            for e in sc.errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        err.print(f"{len(sc.errors)} misclassified rows → {errors}")


def _eval_gold(folder: Path, split: str, fmt: str, plot: Path | None, data: Path | None) -> None:
    """``rasd eval events --gold``: the full pipeline on every gold article of a split, scored."""
    import json

    from rich.progress import track

    from rasd.eval.gold import GoldFormatError, load_gold, pred_record, score
    from rasd.eval.gold_report import markdown, reliability_png
    from rasd.model import Source
    from rasd.pipeline import Pipeline

    if split not in ("dev", "test", "all") or fmt not in ("table", "json", "md"):
        err.print("[red]error[/red] --split is dev, test or all; --format is table, json or md")
        raise typer.Exit(2)
    try:
        articles = load_gold(folder, None if split == "all" else split, data)
    except GoldFormatError as exc:
        fail(str(exc), 2)
    pipeline = Pipeline()
    pairs = []
    for a in track(articles, description="coding", console=err, transient=True):
        doc = pipeline.process_text(a.text, Source(path=a.id), {"published": a.meta.get("date")})
        pairs.append((a.events, [pred_record(e) for e in doc.events]))
    report = score(pairs)
    report["split"], report["gold"] = split, str(folder)
    if plot:
        try:
            reliability_png(report, plot)
        except ImportError:
            err.print("[red]error[/red] --plot needs matplotlib: pip install 'rasd\\[plot]'")
            raise typer.Exit(2) from None
    if fmt == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "md":
        sys.stdout.write(markdown(report))
    else:
        table = Table(title=f"events on {folder} ({split}, {report['articles']} articles)")
        for col in ("type", "precision", "recall", "F1", "tp", "fp", "fn"):
            table.add_column(col, justify="right")
        for t, v in report["per_type"].items():
            table.add_row(t, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", str(v["tp"]), str(v["fp"]), str(v["fn"]))
        m = report["micro"]
        table.add_row("micro", f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}", str(m["tp"]), str(m["fp"]), str(m["fn"]))
        out.print(table)
        out.print({k: v for k, v in report["on_matched"].items()})
