"""Train, tune and score the CRF NER model from the corpora in ``../shared/data/ner``.

The recipe is fixed in ``DEFAULTS`` (chosen on a held-out tail of ANERcorp train, never on test):
ANERcorp-clean train, optionally CAraNER and the Wojood sample with their types mapped onto ours,
L-BFGS with elastic-net penalties c1/c2. Nothing is random: the split is the last
``DEV_FRACTION`` of the training sentences and crfsuite's L-BFGS is deterministic, so the same data
gives the same model. The feature word lists and clusters (built by scripts/build_ner_resources.py)
are copied next to the model so a model directory is self-contained.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rasd.entities.conll import Sentence, read_caraner, read_conll
from rasd.entities.features import DEFAULT_GROUPS, FeatureTables, Featurizer
from rasd.entities.ner import WEIGHTS_FILE, write_weights
from rasd.eval.ner import Scores, score

DEV_FRACTION = 0.1
RESOURCE_FILES = ("gazetteer.tsv", "titles.tsv", "clusters.tsv.gz")
MODEL_FILE = "ner.crfsuite"  # crfsuite's own model: kept only on request (the tagger reads the weights)
META_FILE = "meta.json"

# Wojood has richer types; only those that mean the same as ANERcorp's are kept for training.
WOJOOD_TRAIN_MAP: dict[str, str | None] = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
# CAraNER's TIT (titles/roles) is not an entity type of ours: its words feed the title features.
CARANER_TRAIN_MAP: dict[str, str | None] = {"TIT": None}


@dataclass
class Recipe:
    """Everything that decides a trained model."""

    c1: float = 0.05
    c2: float = 0.05
    max_iterations: int = 400
    min_freq: int = 1
    extra: list[str] = field(default_factory=list)  # "caraner", "wojood"
    features: list[str] = field(default_factory=lambda: list(DEFAULT_GROUPS))


DEFAULTS = Recipe()


def corpus_paths(data: Path) -> dict[str, Path]:
    """Where each corpus lives under ``../shared/data``."""
    ner = data / "ner"
    return {
        "anercorp_train": ner / "anercorp-clean/train.txt",
        "anercorp_test": ner / "anercorp-clean/test.txt",
        "caraner": ner / "caraner/CAraNER.csv",
        "wojood_train": ner / "wojood-sample/train.txt",
        "wojood_test": ner / "wojood-sample/test.txt",
    }


def extra_sentences(data: Path, extra: Sequence[str]) -> list[Sentence]:
    """The additional training corpora named in a recipe, types mapped onto ours."""
    paths = corpus_paths(data)
    out: list[Sentence] = []
    for name in extra:
        if name == "caraner":
            out += read_caraner(paths["caraner"], CARANER_TRAIN_MAP)
        elif name == "wojood":
            keep = dict.fromkeys(_wojood_types(paths["wojood_train"]), None) | WOJOOD_TRAIN_MAP
            out += read_conll(paths["wojood_train"], keep)
        else:
            raise ValueError(f"unknown extra corpus {name!r} (caraner, wojood)")
    return out


def _wojood_types(path: Path) -> set[str]:
    types = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        for tag in line.split()[1:]:
            if "-" in tag:
                types.add(tag.split("-", 1)[1])
    return types


def split_dev(
    sentences: list[Sentence], fraction: float = DEV_FRACTION
) -> tuple[list[Sentence], list[Sentence]]:
    """Train and held-out parts: the last ``fraction`` of sentences is held out (no shuffling)."""
    cut = len(sentences) - max(1, int(len(sentences) * fraction))
    return sentences[:cut], sentences[cut:]


def copy_resources(out_dir: Path, resources_dir: Path | None = None) -> None:
    """Put the word lists the features read (gazetteer, titles, clusters) into a model directory, from
    ``resources_dir`` or the packaged model's, so the directory is self-contained."""
    from importlib import resources as ir

    src = resources_dir if resources_dir is not None else ir.files("rasd.data").joinpath("ner")
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in RESOURCE_FILES:
        target = out_dir / name
        with src.joinpath(name).open("rb") as fin:
            data = fin.read()
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)


def train(
    sentences: Sequence[Sentence],
    out_dir: Path,
    recipe: Recipe = DEFAULTS,
    resources_dir: Path | None = None,
    verbose: bool = False,
    keep_crfsuite: bool = False,
    data: dict | None = None,
) -> Path:
    """Train a CRF on ``sentences`` and write a self-contained model directory; returns its weights file.

    crfsuite's own model file is an intermediate: its weights are exported to ``weights.tsv.gz``, which
    is all ``NerTagger`` reads. ``keep_crfsuite`` leaves it in ``out_dir`` too (to compare taggers).
    ``data`` says what the sentences were (corpora, copies, silver files) and goes into ``meta.json``.
    """
    import pycrfsuite

    copy_resources(out_dir, resources_dir)
    feat = Featurizer(FeatureTables(out_dir), recipe.features)
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for toks, tags in sentences:
        trainer.append(feat.sentence(toks), tags)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params(
        {
            "c1": recipe.c1,
            "c2": recipe.c2,
            "max_iterations": recipe.max_iterations,
            "feature.minfreq": recipe.min_freq,
            "feature.possible_transitions": True,
        }
    )
    t0 = time.time()
    with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
        model = Path(tmp) / MODEL_FILE
        trainer.train(str(model))
        write_weights(model, out_dir / WEIGHTS_FILE)
        if keep_crfsuite:
            model.replace(out_dir / MODEL_FILE)
    meta = {
        "recipe": asdict(recipe),
        **({"data": data} if data else {}),
        "sentences": len(sentences),
        "tokens": sum(len(t) for t, _ in sentences),
        "train_seconds": round(time.time() - t0, 1),
        "labels": sorted({t for _, tags in sentences for t in tags}),
    }
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out_dir / WEIGHTS_FILE


def evaluate(
    model_dir: Path, sentences: Sequence[Sentence], window: int = 0
) -> tuple[Scores, list[list[str]]]:
    """Tag gold sentences (tokens as given) with the model in ``model_dir`` and score them;
    ``window`` > 0 tags that many consecutive sentences as one document (label consistency)."""
    from rasd.entities.ner import tag_corpus
    from rasd.entities.taggers import tagger_for

    pred = tag_corpus(tagger_for(model_dir), [toks for toks, _ in sentences], window)
    return score([tags for _, tags in sentences], pred), pred
