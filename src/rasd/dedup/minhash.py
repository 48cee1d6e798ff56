"""MinHash signatures for the two fuzzy dedup layers, stored compactly as little-endian uint32 bytes.

The hashing follows datasketch's legacy scheme (a 32-bit hash of each feature, then
``(a*h + b) mod (2**61-1)`` masked to 32 bits) but is vectorised over all features at once, with
CRC-32 as the feature hash, because building a ``datasketch.MinHash`` per document costs more than
the rest of ingest. The banding index is ``rasd.dedup.bands`` (compact arrays; see there). Hash values are
below 2**32, so a 128-permutation signature is 512 bytes in the store and the in-memory index can be
rebuilt from those bytes without re-reading any text.
"""

from __future__ import annotations

import zlib
from array import array
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from rasd.dedup.shingles import SHINGLE, WORD_KINDS, stopwords
from rasd.model import Token
from rasd.text import light_stem

SEED = 1
_PRIME = np.uint64((1 << 61) - 1)
_MAX = np.uint64((1 << 32) - 1)
_CHUNK = 1024  # features hashed at once (1024 × 128 permutations × 8 bytes = 1 MB per temporary)


@dataclass(frozen=True)
class Layer:
    """One fuzzy layer: how many permutations, how LSH bands them, and the Jaccard threshold."""

    name: str
    num_perm: int
    bands: int
    rows: int
    threshold: float

    def candidate_probability(self, jaccard: float) -> float:
        """Chance that a pair with this Jaccard shares at least one LSH band (becomes a candidate)."""
        return 1.0 - (1.0 - jaccard**self.rows) ** self.bands


# Thresholds chosen on a development sample (SaudiNewsNet, its first five days; docs/bench/store.md).
# "Same article": Jaccard of 3-word shingles of the normalized text >= 0.5. 42 bands of 3 rows make a
# pair at exactly 0.5 a candidate with probability 0.996; candidates are then verified exactly.
NEAR = Layer("near", num_perm=128, bands=42, rows=3, threshold=0.5)
# "Same story, rewritten": MinHash estimate of the Jaccard of content-word stem sets >= 0.45.
STORY = Layer("story", num_perm=64, bands=21, rows=3, threshold=0.45)


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(SEED)
    perms = np.array(
        [(gen.randint(1, _PRIME, dtype=np.uint64), gen.randint(0, _PRIME, dtype=np.uint64)) for _ in range(num_perm)],
        dtype=np.uint64,
    ).T
    return perms[0], perms[1]


def signature(features: set[str], layer: Layer) -> np.ndarray:
    """MinHash hash values (uint64 array, each below 2**32) of a feature set; all-max when empty."""
    hv = np.fromiter((zlib.crc32(f.encode("utf-8")) for f in features), dtype=np.uint64, count=len(features))
    return _minhash(hv, layer)


def _minhash(hv: np.ndarray, layer: Layer) -> np.ndarray:
    """MinHash of the features' 32-bit hashes ``hv`` (repeats change nothing)."""
    out = np.full(layer.num_perm, _MAX, dtype=np.uint64)
    if not len(hv):
        return out
    a, b = _permutations(layer.num_perm)
    for i in range(0, len(hv), _CHUNK):  # bounded temporaries: a book-length text is not features × perms at once
        phv = np.bitwise_and((np.outer(hv[i : i + _CHUNK], a) + b) % _PRIME, _MAX)
        np.minimum(out, phv.min(axis=0), out=out)
    return out


class SignatureBuilder:
    """The (near, story) signatures of a text fed one token at a time.

    Gives what ``signature(word_shingles(tokens))`` and ``signature(content_stems(tokens))`` give, but
    each shingle is hashed as it is formed and only the distinct stems are kept, so a long text's
    tokens and shingle strings are never held together (a 1 MB text: under 1 MB instead of 50).
    """

    def __init__(self) -> None:
        self._window: deque[str] = deque(maxlen=SHINGLE)
        self._words = 0
        self._hashes = array("I")
        self._stems: set[str] = set()
        self._stop = stopwords()

    def add(self, tok: Token) -> None:
        if tok.kind not in WORD_KINDS:
            return
        window = self._window
        window.append(tok.norm)
        self._words += 1
        if self._words >= SHINGLE:
            self._hashes.append(zlib.crc32(" ".join(window).encode("utf-8")))
        if tok.kind == "word" and len(tok.norm) >= 3:
            stem = light_stem(tok.text)
            if len(stem) >= 3 and stem not in self._stop:
                self._stems.add(stem)

    def signatures(self) -> tuple[bytes, bytes]:
        hashes = self._hashes
        if 0 < self._words < SHINGLE:  # a short text is one shingle
            hashes = array("I", [zlib.crc32(" ".join(self._window).encode("utf-8"))])
        near = _minhash(np.unique(np.frombuffer(hashes, dtype=np.uint32)).astype(np.uint64), NEAR)
        return to_bytes(near), to_bytes(signature(self._stems, STORY))


def signatures(tokens: Iterable[Token]) -> tuple[bytes, bytes]:
    """The (near, story) signatures of a tokenized text, as stored bytes."""
    builder = SignatureBuilder()
    for tok in tokens:
        builder.add(tok)
    return builder.signatures()


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint64)


def estimate(a: np.ndarray, b: np.ndarray) -> float:
    """MinHash estimate of the Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
