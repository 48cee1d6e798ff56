"""Near-duplicate and story detection as a distributed MinHash + banding join, with the decisions of
the single-machine index (``rasd.dedup.index.DedupIndex``) reproduced rule for rule:

- the signatures are ``rasd.dedup.signatures`` (computed with the document, on the executors), cut
  into the same bands as ``datasketch.MinHashLSH`` with the layer's ``(bands, rows)``: two documents
  are candidates when any band matches, exactly the index's candidate set;
- a document is only compared with documents met *before* it (the ``ord`` column);
- "same article": candidates ranked by MinHash estimate (then id), the first ``_VERIFY`` whose
  estimate is within ``_MARGIN`` of the threshold verified by the exact Jaccard of word shingles; the
  best at or above ``NEAR.threshold`` is the original, followed to its own original (root);
- "same story": otherwise, the best candidate by estimate, if at or above ``STORY.threshold``; the
  story id is the first document of the chain.

A band bucket holding more than ``MAX_BUCKET`` documents (boilerplate stubs repeated thousands of
times) is joined as a star to its first document instead of as a clique, which keeps the join linear.
"""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np

from rasd.dedup.index import _MARGIN, _VERIFY
from rasd.dedup.minhash import NEAR, STORY, Layer, from_bytes
from rasd.dedup.shingles import hashed_jaccard, shingle_hashes

MAX_BUCKET = 1000
MAX_ROUNDS = 20  # root-following rounds; chains of near-duplicates are short


def band_keys(sig: bytes, layer: Layer) -> list[int]:
    """One 64-bit key per LSH band of a stored signature (equal keys: equal band values)."""
    values = np.frombuffer(sig, dtype="<u4")
    out = []
    for b in range(layer.bands):
        digest = hashlib.blake2b(values[b * layer.rows : (b + 1) * layer.rows].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def _estimate(a: bytes, b: bytes) -> float:
    return float(np.mean(from_bytes(a) == from_bytes(b)))


def _exact(a: str, b: str) -> float:
    return hashed_jaccard(shingle_hashes(a), shingle_hashes(b))


def candidates(docs: Any, bands_col: str) -> Any:
    """``(a, b)`` id pairs sharing a band, ``a`` met before ``b``."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    bands = docs.select("id", "ord", F.posexplode(bands_col).alias("band", "key"))
    w = Window.partitionBy("band", "key")
    bands = bands.withColumn("size", F.count("*").over(w)).withColumn("first", F.min(F.struct("ord", "id")).over(w))
    small = bands.where(F.col("size") <= MAX_BUCKET)
    x, y = small.alias("x"), small.alias("y")
    clique = x.join(y, (F.col("x.band") == F.col("y.band")) & (F.col("x.key") == F.col("y.key"))
                    & (F.col("x.ord") < F.col("y.ord"))).select(F.col("x.id").alias("a"), F.col("y.id").alias("b"))
    star = (bands.where((F.col("size") > MAX_BUCKET) & (F.col("first.id") != F.col("id")))
            .select(F.col("first.id").alias("a"), F.col("id").alias("b")))
    return clique.unionByName(star).distinct()


def _with_estimates(pairs: Any, docs: Any, sig_col: str) -> Any:
    from pyspark.sql import functions as F
    from pyspark.sql.types import DoubleType

    est = F.udf(_estimate, DoubleType(), useArrow=False)
    sa = docs.select(F.col("id").alias("a"), F.col(sig_col).alias("sa"))
    sb = docs.select(F.col("id").alias("b"), F.col(sig_col).alias("sb"))
    return pairs.join(sa, "a").join(sb, "b").select("a", "b", est("sa", "sb").alias("est"))


def near_parents(docs: Any) -> Any:
    """``(id, parent, sim)``: for each near-duplicate, the best earlier same-article document."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql.types import DoubleType

    pairs = _with_estimates(candidates(docs, "near_bands"), docs, "near_sig")
    rank = Window.partitionBy("b").orderBy(F.col("est").desc(), F.col("a"))
    # the index verifies the first _VERIFY candidates, stopping at the first one too far below the threshold
    ranked = pairs.withColumn("n", F.row_number().over(rank)).where(F.col("n") <= _VERIFY)
    low = ranked.where(F.col("est") < NEAR.threshold - _MARGIN).groupBy("b").agg(F.min("n").alias("stop"))
    ranked = ranked.join(low, "b", "left").where(F.col("stop").isNull() | (F.col("n") < F.col("stop")))
    exact = F.udf(_exact, DoubleType(), useArrow=False)
    ta = docs.select(F.col("id").alias("a"), F.col("text").alias("ta"))
    tb = docs.select(F.col("id").alias("b"), F.col("text").alias("tb"))
    verified = ranked.join(ta, "a").join(tb, "b").withColumn("sim", exact("ta", "tb")).where(F.col("sim") >= NEAR.threshold)
    best = Window.partitionBy("b").orderBy(F.col("sim").desc(), F.col("n"))
    return (verified.withColumn("k", F.row_number().over(best)).where(F.col("k") == 1)
            .select(F.col("b").alias("id"), F.col("a").alias("parent"), "sim"))


def story_parents(docs: Any) -> Any:
    """``(id, parent, sim)``: for each document, its best earlier same-story candidate above the threshold."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    pairs = _with_estimates(candidates(docs, "story_bands"), docs, "story_sig")
    rank = Window.partitionBy("b").orderBy(F.col("est").desc(), F.col("a"))
    return (pairs.withColumn("n", F.row_number().over(rank)).where((F.col("n") == 1) & (F.col("est") >= STORY.threshold))
            .select(F.col("b").alias("id"), F.col("a").alias("parent"), F.col("est").alias("sim")))


def roots(parents: Any) -> Any:
    """``(id, root)``: each child's parent followed up to a document without one."""
    from pyspark.sql import functions as F

    current = parents.select("id", F.col("parent").alias("root"))
    links = parents.select(F.col("id").alias("root"), F.col("parent").alias("up"))
    for _ in range(MAX_ROUNDS):
        step = current.join(links, "root", "left")
        if step.where(F.col("up").isNotNull()).limit(1).count() == 0:
            break
        current = step.select("id", F.coalesce("up", "root").alias("root")).localCheckpoint()
    return current


def dedup(docs: Any) -> Any:
    """``(id, near_of, near_sim, story, story_sim)`` for every document with a link (others: none).

    ``docs`` needs ``id, ord, text, near_sig, story_sig, near_bands, story_bands``.
    """
    from pyspark.sql import functions as F

    near = near_parents(docs).localCheckpoint()
    near_root = roots(near).withColumnRenamed("root", "near_of")
    story_cand = story_parents(docs).join(near.select("id"), "id", "left_anti")  # near-duplicates follow their original
    parents = near.unionByName(story_cand)
    story_root = roots(parents).withColumnRenamed("root", "story")
    return (parents.select("id", "sim").join(near_root, "id", "left").join(story_root, "id", "left")
            .select("id", "near_of", F.when(F.col("near_of").isNotNull(), F.col("sim")).alias("near_sim"),
                    "story", F.col("sim").alias("story_sim")))


__all__ = ["MAX_BUCKET", "NEAR", "STORY", "band_keys", "candidates", "dedup", "roots"]
