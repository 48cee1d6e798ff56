"""``rasd train ner``: rebuild the shipped NER model from ../shared/data/ner (reproducible)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import typer

from rasd.cli.app import app, err, out

train_app = typer.Typer(help="Train the statistical models rasd ships.", no_args_is_help=True)
app.add_typer(train_app, name="train")

_DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


@train_app.command("ner")
def train_ner(
    data: Path = typer.Option(_DEFAULT_DATA, help="The shared data folder (holds ner/anercorp-clean ...)."),
    out_dir: Path = typer.Option(..., "--out", help="Directory to write the new model to (never the shipped one)."),
    c1: float | None = typer.Option(None, help="L1 penalty (default: the tuned recipe)."),
    c2: float | None = typer.Option(None, help="L2 penalty (default: the tuned recipe)."),
    max_iterations: int | None = typer.Option(None, help="L-BFGS iterations (default: the tuned recipe)."),
    extra: list[str] | None = typer.Option(
        None, help="Extra corpus to train on: caraner, wojood (repeatable)."
    ),
    limit: int | None = typer.Option(None, help="Train on the first N ANERcorp sentences only (smoke runs)."),
    score: bool = typer.Option(True, help="Score the new model on the ANERcorp test file afterwards."),
) -> None:
    """Train the CRF tagger on ANERcorp-clean train (+ the recipe's extra corpora) and write the model."""
    from dataclasses import replace

    from rasd.entities.conll import read_conll
    from rasd.entities.ner import DOC_WINDOW
    from rasd.resources import NER_MODEL_ENV
    from rasd.train.ner import DEFAULTS, corpus_paths, evaluate, extra_sentences, train

    shipped = Path(str(resources.files("rasd.data").joinpath("ner"))).resolve()
    target = out_dir.resolve()
    if target == shipped:
        err.print(
            f"error: {out_dir} is the shipped model; train into another directory and use it with"
            f" {NER_MODEL_ENV}={out_dir}"
        )
        raise typer.Exit(2)
    paths = corpus_paths(data)
    if not paths["anercorp_train"].is_file():
        err.print(f"error: {paths['anercorp_train']} not found (pass --data to the shared data folder)")
        raise typer.Exit(2)
    recipe = replace(
        DEFAULTS,
        c1=DEFAULTS.c1 if c1 is None else c1,
        c2=DEFAULTS.c2 if c2 is None else c2,
        max_iterations=DEFAULTS.max_iterations if max_iterations is None else max_iterations,
        extra=DEFAULTS.extra if extra is None else list(extra),
    )
    sents = read_conll(paths["anercorp_train"])[:limit]
    try:
        sents += extra_sentences(data, recipe.extra)
    except (ValueError, OSError) as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from None
    out.print(f"training on {len(sents)} sentences, recipe {recipe} -> {target}")
    model = train(sents, target, recipe)
    out.print(f"model written: {model} ({model.stat().st_size / 1e6:.1f} MB)")
    if score and paths["anercorp_test"].is_file():
        test = read_conll(paths["anercorp_test"])
        for window in (0, DOC_WINDOW):
            scores, _ = evaluate(target, test, window)
            how = "each sentence alone" if not window else f"consistency over {window}-sentence windows"
            out.print(f"ANERcorp-clean test (entity-level, exact span and type; {how}):")
            out.print(scores.format(), highlight=False)
