"""The features dedup compares: word shingles of the normalized text and sets of content stems.

Both are computed from the shadow (normalized) forms of ``rasd.text``, never from raw strings, so
hamza, alef maqsura, taa marbuta, harakat and tatweel variants of one article compare equal. They take
the token list of ``rasd.text.words`` so that one tokenization serves dedup and the search index.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Sequence
from functools import lru_cache
from hashlib import blake2b

import numpy as np

from rasd.model import Token
from rasd.text import iter_words, light_stem, words

SHINGLE = 3  # words per shingle for the "same article" layer
WORD_KINDS = ("word", "num", "latin")  # token kinds that are words (punctuation is not)


def norm_words(tokens: Sequence[Token]) -> list[str]:
    """Normalized words (punctuation dropped): what both layers are built on."""
    return [t.norm for t in tokens if t.kind in WORD_KINDS]


def word_shingles(tokens: Sequence[Token] | str, k: int = SHINGLE) -> set[str]:
    """Overlapping ``k``-word shingles of the normalized words; a short text is one shingle."""
    toks = norm_words(words(tokens) if isinstance(tokens, str) else tokens)
    if len(toks) <= k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + k]) for i in range(len(toks) - k + 1)}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words: the stems of the 300 most frequent words, which say little about a story."""
    from rasd.text.tokenize import lexicon

    top = sorted(lexicon().items(), key=lambda kv: -kv[1])[:300]
    return frozenset(light_stem(w) for w, _ in top)


def content_stems(tokens: Sequence[Token] | str) -> set[str]:
    """Light stems of the content words (3+ letters, not among the most frequent words)."""
    stop = stopwords()
    out = set()
    for t in words(tokens) if isinstance(tokens, str) else tokens:
        if t.kind != "word" or len(t.norm) < 3:
            continue
        stem = light_stem(t.text)
        if len(stem) >= 3 and stem not in stop:
            out.add(stem)
    return out


def shingle_hashes(text: str, k: int = SHINGLE) -> np.ndarray:
    """The distinct ``k``-word shingles of ``text`` (as :func:`word_shingles`) as sorted 64-bit hashes:
    8 bytes a shingle instead of a string, and no token list held, so verifying two long texts stays
    cheap. Two shingles share a hash with probability 2**-64, so Jaccard over them is exact in practice."""
    window: deque[str] = deque(maxlen=k)
    out = array("Q")
    seen = 0
    for tok in iter_words(text):
        if tok.kind in WORD_KINDS:
            window.append(tok.norm)
            seen += 1
            if seen >= k:
                out.append(_hash64(" ".join(window)))
    if 0 < seen < k:
        out.append(_hash64(" ".join(window)))
    return np.unique(np.frombuffer(out, dtype=np.uint64))


def _hash64(shingle: str) -> int:
    return int.from_bytes(blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "little")


def hashed_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two :func:`shingle_hashes` arrays (0 when either is empty)."""
    if not len(a) or not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)
