"""``rasd eval``: score the shipped models on a gold file."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from rasd.cli.app import app, err, out

eval_app = typer.Typer(help="Score the shipped models on gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("ner")
def eval_ner(
    file: Path = typer.Argument(..., help="CoNLL file: `token TAG` per line (IOB2), blank line between sentences."),
    predictions: Path = typer.Option(None, "--predictions", help="Also write `token gold predicted` lines here."),
    window: int = typer.Option(None, "--window", min=0, help="Sentences tagged as one document (0: each alone)."),
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
