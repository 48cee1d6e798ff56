"""The in-memory dedup index: MinHash LSH for "same article" and "same story", rebuilt from the store.

Exact duplicates never reach it (they share ``Document.id``, the hash of the normalized text, and the
store links them). For the fuzzy layers, LSH banding proposes candidates, the MinHash estimate ranks
them, and "same article" candidates are verified by the exact Jaccard of their shingles, so a
near-duplicate link is never a hashing accident.

Size limit: the index holds, per document, its two signatures (768 bytes), its band keys (756 bytes)
and its id: about ``BYTES_PER_DOC`` bytes (measured on SaudiNewsNet, docs/bench/store.md). Past
``MAX_INDEX_DOCS`` it refuses to grow and points at the Spark path (distributed MinHash + banding join).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from rasd.dedup.bands import BandIndex
from rasd.dedup.minhash import NEAR, STORY, Layer, from_bytes
from rasd.dedup.shingles import hashed_jaccard, shingle_hashes
from rasd.errors import ConfigError

MAX_INDEX_DOCS = 2_000_000
BYTES_PER_DOC = 2_000  # rounded up from the measurement in docs/bench/store.md
_VERIFY = 5  # at most this many near candidates are verified exactly, best estimate first
_MARGIN = 0.15  # candidates whose estimate is this far below the threshold are not verified


@dataclass
class Verdict:
    """What the index found for one new document."""

    near_of: str | None = None  # the original this is a near-duplicate of
    near_sim: float = 0.0  # exact Jaccard of 3-word shingles
    story: str | None = None  # story cluster id (its first document) when joined to another's story
    story_sim: float = 0.0  # MinHash estimate of content-stem Jaccard (the near similarity for a near-dup)


class _Layer:
    """Signatures of one layer in a growable uint32 matrix (a row per document) and their bands."""

    def __init__(self, layer: Layer) -> None:
        self.layer = layer
        self.sigs = np.zeros((1024, layer.num_perm), dtype=np.uint32)
        self.n = 0
        self.bands = BandIndex(layer)

    def _grow(self, need: int) -> None:
        if need > len(self.sigs):
            bigger = np.zeros((max(need, 2 * len(self.sigs)), self.layer.num_perm), dtype=np.uint32)
            bigger[: self.n] = self.sigs[: self.n]
            self.sigs = bigger

    def add(self, values: np.ndarray) -> None:
        self._grow(self.n + 1)
        self.sigs[self.n] = values
        self.bands.add(self.n, values)
        self.n += 1

    def add_many(self, values: np.ndarray) -> None:
        self._grow(self.n + len(values))
        self.sigs[self.n : self.n + len(values)] = values
        self.bands.add_many(np.arange(self.n, self.n + len(values)), values)
        self.n += len(values)

    def candidates(self, values: np.ndarray) -> list[tuple[float, int]]:
        """(estimate, row) of the rows sharing a band with ``values``, best estimate first."""
        rows = sorted(self.bands.query(values))
        if not rows:
            return []
        ests = (self.sigs[rows] == values.astype(np.uint32)).mean(axis=1)
        return sorted(zip(ests.tolist(), rows, strict=True), key=lambda p: (-p[0], p[1]))


class DedupIndex:
    """Near-duplicate and story lookups over every document added so far.

    ``text_of(doc_id)`` returns the original text of a stored document (used to verify near-duplicate
    candidates exactly); texts of documents added since the last ``committed()`` are kept here.
    """

    def __init__(self, text_of: Callable[[str], str | None], max_docs: int = MAX_INDEX_DOCS) -> None:
        self.text_of = text_of
        self.max_docs = max_docs
        self._near = _Layer(NEAR)
        self._story = _Layer(STORY)
        self._row: dict[str, int] = {}
        self._ids: list[str] = []
        self._near_root: dict[str, str] = {}
        self._story_of: dict[str, str] = {}
        self._pending: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._row

    def nbytes(self) -> int:
        """Bytes held in numpy arrays (signatures and band keys); Python dicts of ids come on top."""
        return sum(x.sigs.nbytes + x.bands.nbytes() for x in (self._near, self._story))

    def check(self, text: str, near_sig: bytes, story_sig: bytes) -> Verdict:
        """Find the original (same article) and the story cluster of a new document; adds nothing."""
        verdict = Verdict()
        cands = self._near.candidates(from_bytes(near_sig))
        shingles: np.ndarray | None = None
        for est, row in cands[:_VERIFY]:
            if est < NEAR.threshold - _MARGIN:
                break
            cid = self._ids[row]
            other = self._pending.get(cid) or self.text_of(cid)
            if other is None:
                continue
            if shingles is None:
                shingles = shingle_hashes(text)
            sim = hashed_jaccard(shingles, shingle_hashes(other))
            if sim >= NEAR.threshold and sim > verdict.near_sim:
                verdict.near_of, verdict.near_sim = cid, sim
        if verdict.near_of:
            verdict.near_of = self._near_root.get(verdict.near_of, verdict.near_of)
            verdict.story = self._story_of.get(verdict.near_of, verdict.near_of)
            verdict.story_sim = verdict.near_sim
            return verdict
        scands = self._story.candidates(from_bytes(story_sig))
        if scands and scands[0][0] >= STORY.threshold:
            est, row = scands[0]
            cid = self._ids[row]
            verdict.story, verdict.story_sim = self._story_of.get(cid, cid), est
        return verdict

    def add(self, doc_id: str, text: str | None, near_sig: bytes, story_sig: bytes, verdict: Verdict | None = None) -> None:
        """Index a document (after ``check``); ``text`` is kept until ``committed()``."""
        if doc_id in self._row:
            return
        self._room(1)
        self._near.add(from_bytes(near_sig))
        self._story.add(from_bytes(story_sig))
        self._remember(doc_id, verdict)
        if text is not None:
            self._pending[doc_id] = text

    def committed(self) -> None:
        """The documents added so far are in the store: forget their texts."""
        self._pending.clear()

    def load(self, rows: Iterable[tuple[str, bytes, bytes, str | None, str | None]], chunk: int = 50_000) -> None:
        """Rebuild from stored ``(doc_id, near_sig, story_sig, near_of, story)`` rows, in bulk."""
        buf: list[tuple[str, bytes, bytes, str | None, str | None]] = []
        for row in rows:
            buf.append(row)
            if len(buf) >= chunk:
                self._load(buf)
                buf = []
        self._load(buf)

    def _load(self, rows: Sequence[tuple[str, bytes, bytes, str | None, str | None]]) -> None:
        rows = [r for r in dict((r[0], r) for r in rows).values() if r[0] not in self._row]
        if not rows:
            return
        self._room(len(rows))
        self._near.add_many(np.frombuffer(b"".join(r[1] for r in rows), dtype="<u4").reshape(len(rows), -1))
        self._story.add_many(np.frombuffer(b"".join(r[2] for r in rows), dtype="<u4").reshape(len(rows), -1))
        for doc_id, _n, _s, near_of, story in rows:
            self._remember(doc_id, Verdict(near_of, 0.0, story if story != doc_id else None))

    def _room(self, n: int) -> None:
        if len(self._ids) + n > self.max_docs:
            raise ConfigError(
                f"the in-memory dedup index is full ({self.max_docs:,} documents, about "
                f"{self.max_docs * BYTES_PER_DOC / 1e9:.0f} GB); for larger corpora use the Spark path (`rasd spark`)"
            )

    def _remember(self, doc_id: str, verdict: Verdict | None) -> None:
        self._row[doc_id] = len(self._ids)
        self._ids.append(doc_id)
        if verdict is not None:
            if verdict.near_of:
                self._near_root[doc_id] = verdict.near_of
            if verdict.story:
                self._story_of[doc_id] = verdict.story
