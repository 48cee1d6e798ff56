"""The tagger's fast paths against their plain versions: emissions, tokens, sentence cuts, batching.

The tagger scores word types once, looks neighbour-pair features up by integer ids and decodes
whole batches on a padded grid. Each shortcut is checked here against the straightforward
computation it replaces, to the last bit of the emission scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from rasd.entities import ner
from rasd.entities.ner import NerTagger
from rasd.entities.taggers import default_tagger
from rasd.text import words
from rasd.text.tokenize import Words


def _reference_emissions(tagger: NerTagger, sentence: Sequence[str]) -> list[list[float]]:
    """Per token, the state scores the string features give, summed in plain Python floats in the
    order the tagger promises: own features, each neighbour's (as a subtotal), then pair features."""
    feat, w = tagger._feat, tagger._weights
    assert feat is not None and w is not None
    rows = w.matrix.tolist()
    nl = len(w.labels)

    def total(feats: Sequence[str]) -> list[float]:
        acc = [0.0] * nl
        for f in feats:
            r = w.index.get(f)
            if r is not None:
                acc = [a + b for a, b in zip(acc, rows[r], strict=True)]
        return acc

    pairs = feat.pair_features(sentence, feat.infos(sentence))
    out = []
    for i, token in enumerate(sentence):
        acc = total(feat.own(token))
        for d in feat.offsets:
            if 0 <= i + d < len(sentence):
                acc = [a + b for a, b in zip(acc, total(feat.context(sentence[i + d], d)), strict=True)]
        for f in pairs[i]:
            r = w.index.get(f)
            if r is not None:
                acc = [a + b for a, b in zip(acc, rows[r], strict=True)]
        out.append(acc)
    return out


def _emissions(tagger: NerTagger, sentences: list[list[str]], monkeypatch: pytest.MonkeyPatch) -> list:
    """The emission rows the tagger hands to its Viterbi pass, per sentence."""
    seen: list[np.ndarray] = []
    decode = ner.CrfWeights.decode

    def spy(self: ner.CrfWeights, em: np.ndarray, batch: ner._Batch) -> list[list[int]]:
        seen.append(em[batch.pos, batch.tok_slot])
        return decode(self, em, batch)

    monkeypatch.setattr(ner.CrfWeights, "decode", spy)
    tagger.tag_many(sentences)
    monkeypatch.undo()
    (flat,) = seen
    out, a = [], 0
    for s in sentences:
        out.append(flat[a : a + len(s)].tolist())
        a += len(s)
    return out


def _test_sentences(tagger: NerTagger, seed_text: str) -> list[list[str]]:
    """The seed article's sentences, plus one with a multi-word gazetteer entry and a few edge cases."""
    toks = words(seed_text)
    sents = [[t.text for t in toks[a:b]] for a, b in ner._chunks(seed_text, toks)]
    feat = tagger._feat
    assert feat is not None
    multi = []
    for entry in feat.res.gazetteer:
        parts = entry.split(" ")
        if 1 < len(parts) <= 3:
            s = ["وقال", *parts, "أمس"]
            if any(f.startswith("G=") for pf in feat.pair_features(s, feat.infos(s)) for f in pf):
                multi = s
                break
    assert multi, "no multi-word gazetteer entry fires"
    return [*sents, multi, ["."], ["أحمد", "احمد"], ["في", "في", "في"]]


def test_emissions_equal_the_string_features_to_the_bit(
    seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    tagger = NerTagger().load()
    sents = _test_sentences(tagger, seed_text)
    got = _emissions(tagger, sents, monkeypatch)
    assert got == [_reference_emissions(tagger, s) for s in sents]  # exact float equality


def test_emissions_equal_the_string_features_on_anercorp_train(
    shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasd.entities.conll import read_conll

    tagger = NerTagger().load()
    sents = [toks for toks, _ in read_conll(shared_data / "ner/anercorp-clean/train.txt")[:150]]
    got = _emissions(tagger, sents, monkeypatch)
    assert got == [_reference_emissions(tagger, s) for s in sents]


def test_the_string_path_for_pair_features_gives_the_same_emissions(
    seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Models with feature groups the id tables do not cover take the string path; it must agree."""
    fast = NerTagger().load()
    slow = NerTagger().load()
    assert slow._tables is not None
    slow._tables.fast_pairs = False
    sents = _test_sentences(fast, seed_text)
    assert _emissions(slow, sents, monkeypatch) == _emissions(fast, sents, monkeypatch)


def test_viterbi_batches_in_any_order_and_with_empty_sentences() -> None:
    tagger = default_tagger().load()
    w = tagger._weights
    assert w is not None
    rng = np.random.default_rng(7)
    lengths = [5, 0, 1, 12, 3, 12, 0]
    em = rng.normal(scale=3.0, size=(sum(lengths), len(w.labels)))
    together = w.viterbi_many(em, lengths)
    alone, a = [], 0
    for m in lengths:
        alone.append(w.viterbi(em[a : a + m]) if m else [])
        a += m
    assert together == alone
    # a plain per-sentence Viterbi, first maximum on ties
    for path, m, a in zip(together, lengths, np.cumsum([0, *lengths[:-1]]), strict=True):
        if not m:
            assert path == []
            continue
        score, back = em[a].copy(), []
        for t in range(1, m):
            cand = score[:, None] + w.transitions
            back.append(cand.argmax(axis=0))
            score = cand.max(axis=0) + em[a + t]
        best = [int(score.argmax())]
        for bp in reversed(back):
            best.append(int(bp[best[-1]]))
        assert path == best[::-1]


def test_tokens_are_those_of_words() -> None:
    """The tagger reads the words rasd.text.words gives, glued words cut the same way."""
    from rasd.text.tokenize import word_spans

    text = "قال: الرئيسُ 3.5 مليون، و٣٫٥ O'Neil ـــ (بغداد) «نعم»؟ x_y\n\nسطر… 1,000 الدولارفى"
    got = [(a, b, t) for a, b, t, _kind in word_spans(text)]
    assert got == [(t.start, t.end, t.text) for t in words(text)]
    assert [t for _a, _b, t in got[-2:]] == ["الدولار", "فى"]


def _chunks_reference(text: str, toks: list) -> list[tuple[int, int]]:
    """Sentence cuts, token by token (the way the tagger used to find them)."""
    out: list[tuple[int, int]] = []
    a = 0
    for i, tok in enumerate(toks):
        cut = tok.text in ner._SENT_END or i - a + 1 >= ner._MAX_TOKENS
        if not cut and i + 1 < len(toks) and "\n" in text[tok.end : toks[i + 1].start]:
            cut = True
        if cut:
            out.append((a, i + 1))
            a = i + 1
    if a < len(toks):
        out.append((a, len(toks)))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "كلمة",
        "أ ب. ج\nد؟ هـ! و… ز 3.5 ح\n",
        "\nبداية سطر . نهاية\n\n\nسطر آخر",
        " ".join(["كلمة"] * 450),
        " ".join(["كلمة"] * 199) + ". " + " ".join(["كلمة"] * 401) + "\n" + " ".join(["كلمة"] * 200),
    ],
)
def test_sentence_cuts_match_the_token_by_token_rule(text: str, seed_text: str) -> None:
    for t in (text, seed_text):
        toks = words(t)
        assert ner._chunks(t, toks) == _chunks_reference(t, toks)


def test_entities_many_equals_entities_per_range(seed_text: str) -> None:
    tagger = default_tagger()
    ranges, a = [], 0
    for line in seed_text.split("\n"):
        ranges.append((a, a + len(line)))
        a += len(line) + 1
    ranges.append((0, len(seed_text)))
    assert tagger.entities_many(seed_text, ranges) == [tagger.entities(seed_text, s, e) for s, e in ranges]
    assert tagger.entities_many(seed_text, []) == []
    assert tagger.entities_many("   ", [(0, 3), (1, 1)]) == [[], []]


def test_entities_many_reads_the_documents_words_as_a_fresh_pass(seed_text: str) -> None:
    """The entities step hands the tagger the document's word table; the spans are those of a pass
    of the tagger's own, also for ranges that start or end inside a word and for glued words."""
    tagger = default_tagger()
    text = seed_text + "\nوقال رئيسالغرفة فيالبنك الأهلي إن الدولارفى ارتفاع."
    ranges, a = [], 0
    for line in text.split("\n"):
        ranges.append((a, a + len(line)))
        a += len(line) + 1
    ranges += [(0, len(text)), (3, len(text) - 4), (len(seed_text) + 7, len(text))]
    table = Words(text)
    assert tagger.entities_many(text, ranges, words=table) == tagger.entities_many(text, ranges)
    assert any(tagger.entities_many(text, ranges, words=table))


def test_spelling_variants_share_a_type_row() -> None:
    tagger = NerTagger().load()
    feat = tagger._feat
    assert feat is not None
    with tagger._lock:
        rows, _ = tagger._rows(["أحمد", "احمد", "مُحَمَّد", "محمد", "مدرسة", "مدرسه"])
    assert rows[0] == rows[1] and rows[2] == rows[3]
    assert rows[4] != rows[5]  # ة and ه: the normalized forms differ, so the features may
    assert feat._word_info("أحمد") == feat._word_info("احمد")


def test_tag_spans_reads_iob2_like_conll() -> None:
    from rasd.entities.conll import spans

    rng = np.random.default_rng(3)
    labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC", "I-X"]
    for _ in range(3000):
        tags = [labels[k] for k in rng.integers(0, len(labels), size=int(rng.integers(0, 9)))]
        assert ner.tag_spans(tags) == spans(tags)
