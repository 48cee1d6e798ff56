"""Deduplication in three layers: exact (``Document.id``), same article (MinHash LSH on word shingles,
verified exactly) and same story (looser MinHash LSH on content-word stems)."""

from rasd.dedup.index import MAX_INDEX_DOCS, DedupIndex, Verdict
from rasd.dedup.minhash import NEAR, STORY, Layer, SignatureBuilder, signatures
from rasd.dedup.shingles import content_stems, jaccard, word_shingles

__all__ = [
    "MAX_INDEX_DOCS",
    "NEAR",
    "STORY",
    "DedupIndex",
    "Layer",
    "SignatureBuilder",
    "Verdict",
    "content_stems",
    "jaccard",
    "signatures",
    "word_shingles",
]
