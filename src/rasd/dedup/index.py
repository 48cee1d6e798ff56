"""The in-memory dedup index: MinHash LSH for "same article" and "same story", rebuilt from the store.

Exact duplicates never reach it (they share ``Document.id``, the hash of the normalized text, and the
store links them). For the fuzzy layers, LSH proposes candidates, the MinHash estimate ranks them, and
"same article" candidates are verified by the exact Jaccard of their shingles, so a near-duplicate
link is never a hashing accident.

Size limit: the index holds every stored document's band keys and signatures in memory, about
``BYTES_PER_DOC`` bytes each (measured on SaudiNewsNet, docs/bench/store.md). Past ``MAX_INDEX_DOCS``
it refuses to grow and points at the Spark path (distributed MinHash + banding join).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHashLSH

from rasd.dedup.minhash import NEAR, STORY, Layer, from_bytes
from rasd.dedup.shingles import jaccard, word_shingles
from rasd.errors import ConfigError

MAX_INDEX_DOCS = 1_000_000
BYTES_PER_DOC = 6_000  # rounded up from the measurement in docs/bench/store.md
_VERIFY = 5  # at most this many near candidates are verified exactly, best estimate first
_MARGIN = 0.15  # candidates whose estimate is this far below the threshold are not verified


@dataclass
class Verdict:
    """What the index found for one new document."""

    near_of: str | None = None  # the original this is a near-duplicate of
    near_sim: float = 0.0  # exact Jaccard of 3-word shingles
    story: str | None = None  # story cluster id (its first document) when joined to another's story
    story_sim: float = 0.0  # MinHash estimate of content-stem Jaccard


class _Sketch:
    """What ``MinHashLSH`` reads of a MinHash: its hash values and length (no permutations built)."""

    __slots__ = ("hashvalues",)

    def __init__(self, hashvalues: np.ndarray) -> None:
        self.hashvalues = hashvalues

    def __len__(self) -> int:
        return len(self.hashvalues)


class _Sigs:
    """Signatures of one layer in a growable uint32 matrix (row per document)."""

    def __init__(self, layer: Layer) -> None:
        self.layer = layer
        self.rows = np.zeros((1024, layer.num_perm), dtype=np.uint32)
        self.n = 0

    def add(self, values: np.ndarray) -> int:
        if self.n == len(self.rows):
            self.rows = np.concatenate([self.rows, np.zeros_like(self.rows)])
        self.rows[self.n] = values
        self.n += 1
        return self.n - 1

    def estimates(self, rows: Sequence[int], values: np.ndarray) -> np.ndarray:
        return (self.rows[list(rows)] == values.astype(np.uint32)).mean(axis=1)


class DedupIndex:
    """Near-duplicate and story lookups over every document added so far.

    ``text_of(doc_id)`` returns the original text of a stored document (used to verify near-duplicate
    candidates exactly); texts of documents added since the last ``committed()`` are kept here.
    """

    def __init__(self, text_of: Callable[[str], str | None], max_docs: int = MAX_INDEX_DOCS) -> None:
        self.text_of = text_of
        self.max_docs = max_docs
        self._lsh = {
            "near": MinHashLSH(num_perm=NEAR.num_perm, params=(NEAR.bands, NEAR.rows)),
            "story": MinHashLSH(num_perm=STORY.num_perm, params=(STORY.bands, STORY.rows)),
        }
        self._sigs = {"near": _Sigs(NEAR), "story": _Sigs(STORY)}
        self._row: dict[str, int] = {}
        self._ids: list[str] = []
        self._near_root: dict[str, str] = {}
        self._story: dict[str, str] = {}
        self._pending: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._row

    def check(self, text: str, near_sig: bytes, story_sig: bytes) -> Verdict:
        """Find the original (same article) and the story cluster of a new document; adds nothing."""
        verdict = Verdict()
        near = from_bytes(near_sig)
        cands = self._candidates("near", near)
        if cands:
            shingles: set[str] | None = None
            for est, cid in cands[:_VERIFY]:
                if est < NEAR.threshold - _MARGIN:
                    break
                other = self._pending.get(cid) or self.text_of(cid)
                if other is None:
                    continue
                if shingles is None:
                    shingles = word_shingles(text)
                sim = jaccard(shingles, word_shingles(other))
                if sim >= NEAR.threshold and sim > verdict.near_sim:
                    verdict.near_of, verdict.near_sim = cid, sim
            if verdict.near_of:
                verdict.near_of = self._near_root.get(verdict.near_of, verdict.near_of)
                verdict.story = self._story.get(verdict.near_of, verdict.near_of)
                verdict.story_sim = verdict.near_sim
                return verdict
        story = from_bytes(story_sig)
        scands = self._candidates("story", story)
        if scands and scands[0][0] >= STORY.threshold:
            est, cid = scands[0]
            verdict.story, verdict.story_sim = self._story.get(cid, cid), est
        return verdict

    def add(self, doc_id: str, text: str | None, near_sig: bytes, story_sig: bytes, verdict: Verdict | None = None) -> None:
        """Index a document (after ``check``); ``text`` is kept until ``committed()``."""
        if doc_id in self._row:
            return
        if len(self._ids) >= self.max_docs:
            raise ConfigError(
                f"the in-memory dedup index is full ({self.max_docs:,} documents, about "
                f"{self.max_docs * BYTES_PER_DOC / 1e9:.0f} GB); for larger corpora use the Spark path (`rasd spark`)"
            )
        for name, data in (("near", near_sig), ("story", story_sig)):
            values = from_bytes(data)
            self._sigs[name].add(values)
            self._lsh[name].insert(doc_id, _Sketch(values), check_duplication=False)
        self._row[doc_id] = len(self._ids)
        self._ids.append(doc_id)
        if verdict is not None:
            if verdict.near_of:
                self._near_root[doc_id] = verdict.near_of
            if verdict.story:
                self._story[doc_id] = verdict.story
        if text is not None:
            self._pending[doc_id] = text

    def committed(self) -> None:
        """The documents added so far are in the store: forget their texts."""
        self._pending.clear()

    def load(self, rows: Iterable[tuple[str, bytes, bytes, str | None, str | None]]) -> None:
        """Rebuild from stored ``(doc_id, near_sig, story_sig, near_of, story)`` rows."""
        for doc_id, near_sig, story_sig, near_of, story in rows:
            self.add(doc_id, None, near_sig, story_sig, Verdict(near_of, 0.0, story if story != doc_id else None))

    def _candidates(self, name: str, values: np.ndarray) -> list[tuple[float, str]]:
        keys = self._lsh[name].query(_Sketch(values))
        if not keys:
            return []
        ests = self._sigs[name].estimates([self._row[k] for k in keys], values)
        return sorted(zip(ests.tolist(), keys, strict=True), key=lambda p: (-p[0], p[1]))
