"""Dedup layers: shingles fold spelling variants, MinHash signatures round-trip, the LSH index finds
near-duplicates (verified exactly), joins rewritten stories, and rebuilds from stored signatures."""

from __future__ import annotations

import random

import numpy as np
import pytest

from rasd.dedup import NEAR, STORY, DedupIndex, content_stems, jaccard, signatures, word_shingles
from rasd.dedup.minhash import estimate, from_bytes, signature, to_bytes
from rasd.dedup.shingles import hashed_jaccard, shingle_hashes
from rasd.errors import ConfigError
from rasd.ingest import index_features
from rasd.store.search import shadow
from rasd.text import words

WORDS = (
    "قال وزير الخارجية السعودي إن المملكة تدعم الحل السياسي في اليمن وتعمل مع الشركاء الدوليين "
    "على وقف القتال وإيصال المساعدات الإنسانية إلى المدنيين في جميع المحافظات وأكد أن الحوار هو الطريق "
    "الوحيد لإنهاء الأزمة وأشار إلى أن مركز الملك سلمان للإغاثة أرسل قوافل جديدة من الأدوية والغذاء"
).split()


def article(seed: int, n: int = 120) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(WORDS) for _ in range(n))


def sig(text: str) -> tuple[bytes, bytes]:
    return signatures(words(text))


def test_shingles_fold_spelling_variants() -> None:
    a = "أعلن الرئيس أردوغان أن تركيا مستعدة"
    b = "اعلن الرئيس إردوغان ان تركيا مستعدّة"
    assert word_shingles(a) == word_shingles(b)
    assert jaccard(word_shingles(a), word_shingles("شيء مختلف تماما هنا")) == 0.0


@pytest.mark.parametrize(
    "text",
    ["", "، .", "كلمة", "كلمتان هنا", "ثلاث كلمات هنا", "أعلن الرئيس 2024 أن Turkey مستعدة، للحوار.", None],
)
def test_streamed_signatures_equal_the_feature_sets(text: str | None) -> None:
    """One pass that hashes shingles as they form gives the signatures of the shingle and stem sets,
    and index_features gives the same shadow, without holding the tokens (short texts included)."""
    text = article(7, 400) if text is None else text
    toks = words(text)
    expected = (to_bytes(signature(word_shingles(toks), NEAR)), to_bytes(signature(content_stems(toks), STORY)))
    assert signatures(iter(toks)) == expected
    assert index_features(text) == (shadow(toks), *expected)


@pytest.mark.parametrize("pair", [(1, 2), (3, 3), (4, 5)])
def test_hashed_jaccard_equals_jaccard_of_shingle_strings(pair: tuple[int, int]) -> None:
    a, b = article(pair[0]), article(pair[1], 90)
    assert hashed_jaccard(shingle_hashes(a), shingle_hashes(b)) == pytest.approx(jaccard(word_shingles(a), word_shingles(b)))
    assert len(shingle_hashes("كلمتان فقط")) == 1 and hashed_jaccard(shingle_hashes(""), shingle_hashes(a)) == 0.0


def test_signature_bytes_round_trip_and_estimate() -> None:
    s = word_shingles(article(1))
    values = signature(s, NEAR)
    assert len(to_bytes(values)) == 4 * NEAR.num_perm
    assert np.array_equal(from_bytes(to_bytes(values)), values)
    other = word_shingles(article(2))
    exact = jaccard(s, other)
    assert abs(estimate(values, signature(other, NEAR)) - exact) < 0.2


def test_layer_parameters_favour_recall_at_threshold() -> None:
    assert NEAR.bands * NEAR.rows <= NEAR.num_perm
    assert NEAR.candidate_probability(NEAR.threshold) > 0.95
    assert NEAR.candidate_probability(0.1) < 0.1
    assert STORY.bands * STORY.rows <= STORY.num_perm


def _index(texts: dict[str, str]) -> DedupIndex:
    return DedupIndex(texts.get)


def test_near_duplicate_found_and_linked_to_root() -> None:
    base = article(3)
    edited = base.replace(WORDS[0], "صرح", 1) + " وأضاف المصدر"
    edited2 = edited + " في بيان"
    texts = {"a": base, "b": edited}
    idx = _index(texts)
    unrelated = article(99)
    for key, text in (("a", base), ("x", unrelated)):
        v = idx.check(text, *sig(text))
        assert v.near_of is None
        idx.add(key, text, *sig(text), v)
    v = idx.check(edited, *sig(edited))
    assert v.near_of == "a" and v.near_sim >= NEAR.threshold
    assert v.near_sim == pytest.approx(jaccard(word_shingles(edited), word_shingles(base)))
    idx.add("b", edited, *sig(edited), v)
    v2 = idx.check(edited2, *sig(edited2))
    assert v2.near_of == "a"  # linked to the root, not to the intermediate copy


def test_candidates_are_verified_exactly() -> None:
    """A candidate whose stored text is far from the new one is not a near-duplicate."""
    base = article(4)
    texts = {"a": article(5)}  # the store says "a" is something else entirely
    idx = _index(texts)
    idx.add("a", None, *sig(base))
    idx.committed()
    assert idx.check(base, *sig(base)).near_of is None


def test_rewritten_story_joins_cluster_but_is_not_near_duplicate() -> None:
    rnd = random.Random(6)
    base = article(6, 200)
    shuffled = base.split()
    rnd.shuffle(shuffled)  # same content words, different order: no shared 3-word shingles to speak of
    rewritten = " ".join(shuffled)
    idx = _index({"a": base})
    idx.add("a", base, *sig(base))
    v = idx.check(rewritten, *sig(rewritten))
    assert v.near_of is None
    assert v.story == "a" and v.story_sim >= STORY.threshold


def test_rebuild_from_stored_rows_gives_same_verdicts() -> None:
    texts = {f"d{i}": article(10 + i) for i in range(20)}
    texts["d20"] = texts["d3"] + " خبر"
    live = _index(texts)
    rows = []
    for key, text in texts.items():
        n, s = sig(text)
        v = live.check(text, n, s)
        live.add(key, text, n, s, v)
        rows.append((key, n, s, v.near_of, v.story or key))
    live.committed()
    rebuilt = _index(texts)
    rebuilt.load(rows)
    probe = texts["d3"] + " جديد"
    assert rebuilt.check(probe, *sig(probe)) == live.check(probe, *sig(probe))
    assert len(rebuilt) == len(live) == 21


def test_index_size_limit_points_to_spark() -> None:
    idx = DedupIndex(lambda _id: None, max_docs=2)
    for i in range(2):
        idx.add(f"d{i}", None, *sig(article(i)))
    with pytest.raises(ConfigError, match="spark"):
        idx.add("d2", None, *sig(article(2)))
