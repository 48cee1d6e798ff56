"""The NER tagger, its corpus readers and the entity-level scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.entities.conll import fix_tag, read_caraner, read_conll, spans
from rasd.entities.ner import NerTagger, _trim_proclitics, propagate
from rasd.entities.taggers import default_tagger
from rasd.eval.ner import score
from rasd.text import words

# --- scorer -----------------------------------------------------------------------------------


def test_spans_read_iob2_leniently_like_conlleval() -> None:
    assert spans(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    # I- without an open entity of its type starts one; a type change closes the previous entity
    assert spans(["I-ORG", "I-ORG", "I-LOC", "B-LOC", "I-LOC"]) == [
        (0, 2, "ORG"),
        (2, 3, "LOC"),
        (3, 5, "LOC"),
    ]
    assert spans(["O", "O"]) == []


def test_score_counts_only_exact_span_and_type() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-LOC", "O"]]  # PER too short, ORG typed as LOC
    s = score(gold, pred)
    assert (s.tp["LOC"], s.pred["LOC"], s.gold["LOC"]) == (1, 2, 1)
    assert (s.tp["PER"], s.pred["PER"], s.gold["PER"]) == (0, 1, 1)
    p, r, f = s.prf()
    assert (p, r) == (1 / 3, 1 / 3)
    assert f == pytest.approx(1 / 3)
    assert s.prf("ORG") == (0.0, 0.0, 0.0)
    perfect = score(gold, gold)
    assert perfect.prf() == (1.0, 1.0, 1.0)
    assert [row["type"] for row in perfect.table()] == ["LOC", "ORG", "PER", "micro"]


def test_score_rejects_misaligned_input() -> None:
    with pytest.raises(ValueError):
        score([["O", "O"]], [["O"]])


# --- readers ----------------------------------------------------------------------------------


def test_readers_map_types_and_repair_iob(tmp_path: Path) -> None:
    assert fix_tag("B_TIT") == "B-TIT"
    assert fix_tag("I-PERS") == "I-PER"
    assert fix_tag("B_MIS") == "B-MISC"
    assert fix_tag("B-TIT", {"TIT": None}) == "O"
    conll = tmp_path / "a.txt"
    conll.write_text("زار B-PERS\nبغداد B-LOC\n\nمدينة I-ORG B-GPE\nالبيرة I-ORG I-GPE\n", encoding="utf-8")
    sents = read_conll(conll)
    assert sents[0] == (["زار", "بغداد"], ["B-PER", "B-LOC"])
    assert sents[1] == (["مدينة", "البيرة"], ["B-ORG", "I-ORG"])  # outer column; I- at start → B-
    csv_path = tmp_path / "c.csv"
    csv_path.write_text(
        "Sentence_ID,Word_ID,Word,Annotator1,Annotator2,Agreed_Label,Revised_Label\n"
        "1,1,وزير,B_TIT,B_TIT,B_TIT,B_TIT\n1,2,الصحة,I_TIT,I_TIT,I_TIT,I_TIT\n2,3,الرياض,B_LOC,B_LOC,B_LOC,B_LOC\n",
        encoding="utf-8",
    )
    assert read_caraner(csv_path) == [(["وزير", "الصحة"], ["B-TIT", "I-TIT"]), (["الرياض"], ["B-LOC"])]
    assert read_caraner(csv_path, {"TIT": None})[0][1] == ["O", "O"]


# --- the shipped tagger -----------------------------------------------------------------------


def test_proclitics_are_trimmed_from_mention_starts() -> None:
    assert _trim_proclitics("والعراق", 10) == 11
    assert _trim_proclitics("بغداد", 0) == 0  # a name, not ب + غداد
    assert _trim_proclitics("العراق", 0) == 0
    assert _trim_proclitics("للعراق", 0) == 0  # ل + ال with the alef elided: kept whole
    assert _trim_proclitics("وللعراق", 0) == 1


def test_label_consistency_tags_missed_repeats_only_when_unambiguous() -> None:
    keys = [["دونالد", "رامسفيلد", "قال"], ["قال", "رامسفيلد"], ["الجزيره", "في", "قطر"], ["الجزيره"], ["في"]]
    tags = [["B-PER", "I-PER", "O"], ["O", "O"], ["B-ORG", "O", "B-LOC"], ["B-LOC"], ["O"]]
    out = propagate(keys, tags)
    assert out[1] == ["O", "B-PER"]  # the surname alone, later in the document
    assert out[0] == tags[0] and out[2] == tags[2] and out[3] == tags[3]  # predictions are kept
    assert propagate([["الجزيره"], ["الجزيره"], ["الجزيره"]], [["B-ORG"], ["B-LOC"], ["O"]])[2] == ["O"]


def test_packaged_model_loads_once_and_tags() -> None:
    tagger = default_tagger()
    assert tagger is default_tagger()
    tags = tagger.tag(["وصل", "الرئيس", "الأمريكي", "باراك", "أوباما", "إلى", "القاهرة"])
    assert len(tags) == 7
    assert tags[3:5] == ["B-PER", "I-PER"]
    assert tags[6] == "B-LOC"
    assert tagger.tag([]) == []


def test_fast_scorer_gives_crfsuites_tags(seed_text: str, shared_data: Path, tmp_path: Path) -> None:
    """Our exported-weights Viterbi must tag exactly as crfsuite does with the same model (one trained
    here on a slice of ANERcorp train: the shipped model keeps only the exported weights)."""
    import pycrfsuite

    from rasd.entities.ner import _chunks
    from rasd.train.ner import MODEL_FILE, Recipe, corpus_paths, train

    sents_train = read_conll(corpus_paths(shared_data)["anercorp_train"])[:600]
    train(sents_train, tmp_path, Recipe(max_iterations=60), keep_crfsuite=True)
    tagger = NerTagger(tmp_path).load()
    toks = words(seed_text)
    sents = [[t.text for t in toks[a:b]] for a, b in _chunks(seed_text, toks)]
    ref = pycrfsuite.Tagger()
    ref.open(str(tmp_path / MODEL_FILE))
    expected = [list(ref.tag(tagger._feat.sentence(s))) for s in sents]
    assert tagger.tag_many(sents) == expected
    assert [tagger.tag(s) for s in sents] == expected
    assert any(t != "O" for tags in expected for t in tags)


def test_seed_entities_with_offsets_into_the_original(seed_text: str) -> None:
    ents = default_tagger().entities(seed_text)
    found = {(seed_text[s:e], t) for s, e, t in ents}
    for name, typ in [("مصطفى الكاظمي", "PER"), ("ماثيو تولر", "PER"), ("بغداد", "LOC"), ("العراق", "LOC")]:
        assert (name, typ) in found, (name, typ)
    starts = {t.start for t in words(seed_text)}
    ends = {t.end for t in words(seed_text)}
    for s, e, typ in ents:
        assert typ in ("PER", "ORG", "LOC", "MISC")
        assert 0 <= s < e <= len(seed_text)
        assert e in ends  # mentions end on a token boundary
        assert s in starts or seed_text[s - 1] in "وفبكل"  # ... and start on one or after a proclitic


def test_entities_respect_a_window_of_the_text(seed_text: str) -> None:
    at = seed_text.index("مصطفى الكاظمي")
    window = default_tagger().entities(seed_text, at - 20, at + 40)
    assert (at, at + len("مصطفى الكاظمي"), "PER") in window
    assert all(at - 20 <= s and e <= at + 40 for s, e, _ in window)


def test_evaluate_file_scores_and_writes_predictions(tmp_path: Path) -> None:
    from rasd.eval.ner import evaluate_file

    gold = tmp_path / "gold.txt"
    gold.write_text(
        "وصل O\nالرئيس O\nباراك B-PERS\nأوباما I-PERS\nإلى O\nالقاهرة B-LOC\n\nقال O\nمسؤول O\n",
        encoding="utf-8",
    )
    out = tmp_path / "pred.txt"
    scores = evaluate_file(gold, predictions=out)
    assert sum(scores.gold.values()) == 2
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[2].split()[:2] == ["باراك", "B-PER"] and len(lines[2].split()) == 3
    assert lines[6] == ""  # sentence break kept
    with pytest.raises(ValueError):
        empty = tmp_path / "empty.txt"
        empty.write_text("\n", encoding="utf-8")
        evaluate_file(empty)


# --- training, end to end on a slice ----------------------------------------------------------


def test_training_on_a_slice_is_reproducible(shared_data: Path, tmp_path: Path) -> None:
    from rasd.train.ner import Recipe, corpus_paths, evaluate, train

    sents = read_conll(corpus_paths(shared_data)["anercorp_train"])[:150]
    recipe = Recipe(c1=0.05, c2=0.05, max_iterations=15)
    a = train(sents, tmp_path / "a", recipe)
    b = train(sents, tmp_path / "b", recipe)
    assert a.read_bytes() == b.read_bytes()
    scores, pred = evaluate(tmp_path / "a", sents[:20])
    assert [len(p) for p in pred] == [len(t) for t, _ in sents[:20]]
    assert sum(scores.gold.values()) > 0
    assert NerTagger(tmp_path / "a").tag(sents[0][0])  # the directory is a self-contained model
