"""Tokens: offsets into the original, clitics split where safe, names left whole."""

from __future__ import annotations

import pytest

from rasd.text.tokenize import light_stem, segment, segment_norm, tokenize, words


def _pieces(word: str) -> list[str]:
    return [t.text for t in tokenize(word)]


@pytest.mark.parametrize(
    ("word", "pieces"),
    [
        ("والمدرسة", ["و", "ال", "مدرسة"]),
        ("للعراق", ["ل", "ل", "عراق"]),
        ("بلاده", ["بلاد", "ه"]),
        ("لبلده", ["ل", "بلد", "ه"]),
        ("سيزور", ["س", "يزور"]),
        ("وسيقول", ["و", "س", "يقول"]),
        ("بالعراق", ["ب", "ال", "عراق"]),
        ("كالعادة", ["ك", "ال", "عادة"]),
        ("فالحكومة", ["ف", "ال", "حكومة"]),
        ("وللمدرسة", ["و", "ل", "ل", "مدرسة"]),
        ("كتابهم", ["كتاب", "هم"]),
        ("حكومته", ["حكومت", "ه"]),
        ("لمصر", ["ل", "مصر"]),
        ("وبغداد", ["و", "بغداد"]),
        ("عليها", ["علي", "ها"]),
        ("له", ["ل", "ه"]),
        ("لأنه", ["ل", "أن", "ه"]),
        ("فإنهم", ["ف", "إن", "هم"]),
        ("بما", ["ب", "ما"]),
        ("وأضاف", ["و", "أضاف"]),
        ("والتي", ["و", "التي"]),
        ("لفلسطين", ["ل", "فلسطين"]),
    ],
)
def test_clitic_splits(word: str, pieces: list[str]) -> None:
    assert _pieces(word) == pieces


@pytest.mark.parametrize(
    "name",
    "بغداد فلسطين ليبيا بريطانيا لبنان لندن باريس برلين كندا بيروت سوريا سامراء سنجار بالي واشنطن "
    "ولاية لقاء ليلة بيان الله الذي التي لكن واحد فكرة وزير كامل بطاقة".split(),
)
def test_names_and_function_words_stay_whole(name: str) -> None:
    assert _pieces(name) == [name]


def test_article_evidence_keeps_stems_whole() -> None:
    # الواحد and الوزير are in the corpus, so the و of واحد and وزير is part of the stem;
    # nobody writes الوأضاف, so وأضاف is و + أضاف.
    assert segment_norm("واحد")[0] == ()
    assert segment_norm("وزير")[0] == ()
    assert segment_norm("واضاف")[0] == ("و",)


def test_offsets_index_the_original_with_harakat_and_tatweel() -> None:
    text = "وبِالمدرسةِ والمـــدرسة، وَلِلعراقِ: بلادُهُ «سيزورُ» 10.5% Reuters"
    toks = tokenize(text)
    for t in toks:
        assert text[t.start : t.end] == t.text
    assert [t.norm for t in toks if t.kind != "punct"][:4] == ["و", "ب", "ال", "مدرسه"]
    # the tatweel inside the stem stays in the stem token; the marks stay with their letters
    assert "مـــدرسة" in [t.text for t in toks]
    assert "بِ" in [t.text for t in toks]
    # tokens cover every non-space character exactly once
    covered = "".join(text[t.start : t.end] for t in toks)
    assert covered == "".join(text.split())


def test_segment_offsets(seed_text: str) -> None:
    for w in words(seed_text):
        for t in segment(w.text, w.start) if w.kind == "word" else [w]:
            assert seed_text[t.start : t.end] == t.text
            assert w.start <= t.start < t.end <= w.end


def test_whole_document_offsets(seed_text: str) -> None:
    toks = tokenize(seed_text)
    assert all(seed_text[t.start : t.end] == t.text for t in toks)
    assert all(a.end <= b.start for a, b in zip(toks, toks[1:], strict=False))


def test_kinds_and_norms() -> None:
    toks = tokenize("وقال الرئيس 2022 و٣٠ US.")
    kinds = [(t.text, t.kind) for t in toks]
    assert ("و", "clitic") in kinds and ("قال", "word") in kinds
    assert ("2022", "num") in kinds and ("US", "latin") in kinds and (".", "punct") in kinds
    assert [t.norm for t in toks if t.kind == "num"] == ["2022", "30"]


def test_article_of_lil_normalizes_to_al() -> None:
    toks = tokenize("للعراق")
    assert [t.norm for t in toks] == ["ل", "ال", "عراق"]


def test_no_split_mode() -> None:
    assert [t.text for t in tokenize("والمدرسة بلاده", split_clitics=False)] == ["والمدرسة", "بلاده"]


def test_light_stem_and_segment_norm_api() -> None:
    assert light_stem("والمدرسة") == light_stem("مدرسة") == "مدرسه"
    assert light_stem("بحكومته") == light_stem("الحكومة") == "حكومه"
    assert light_stem("بغداد") == "بغداد"
    procs, stem, enc = segment_norm("والمدرسة")
    assert (procs, stem, enc) == (("و", "ال"), "مدرسة", "")


def test_random_text_keeps_the_invariants() -> None:
    """Any mix of letters, marks, digits, Latin and punctuation: ordered spans of the original."""
    import random

    rng = random.Random(13)
    alphabet = "وفبلكسالمدرسةعقبغدادٌَُِّْـٰ\u200c\u200f٠١٢0123456789.,،؛؟!«»\"' \nabcXYZییک"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))
        toks = tokenize(text)
        for t in toks:
            assert text[t.start : t.end] == t.text and t.start < t.end
        assert all(a.end <= b.start for a, b in zip(toks, toks[1:], strict=False))


def test_words_between_equals_a_fresh_pass_over_any_span() -> None:
    """The document's one tokenization, sliced by offsets, gives exactly the tokens a fresh pass over
    the span gives: spans that start or end inside a word included."""
    import random

    from rasd.text.tokenize import Words, iter_words

    text = "قال وزير الخارجية، يوم الأحد: إن 3.5 مليون (نازح) عادوا إلى Mosul.\nوأكد الرئيس أردوغان ذلك."
    table = Words(text)
    rng = random.Random(7)
    spans = [(0, len(text)), (4, 9), (5, 6), (len(text), len(text))]
    spans += [tuple(sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)))) for _ in range(300)]
    for a, b in spans:
        assert table.between(a, b) == list(iter_words(text, a, b)), (a, b)


def test_doc_words_is_made_once_per_text() -> None:
    from rasd.model import Document
    from rasd.text.tokenize import doc_words

    doc = Document(id="x", text="قال الوزير إن الوفد وصل")
    first = doc_words(doc)
    assert doc_words(doc) is first
    other = Document(id="y", text="وصل الوفد")
    assert doc_words(other) is not first and [t.text for t in doc_words(other).tokens] == ["وصل", "الوفد"]


def test_words_a_scraped_page_glued_are_cut_at_their_offsets() -> None:
    """ة/ى before another letter ends a word; two common words the lexicon never saw together, or a
    name and a title, are two words; known words, clitics and suffixes stay whole."""
    from rasd.text.tokenize import lexicon, words

    if not lexicon():
        pytest.skip("frequency lexicon not built")
    text = "للمرأةتحت رعاية التقىالمهندس وأشارالدكتور إلى الدولارفى البنك، محمد شيميوزير قطاع وفيالبنك"
    got = [t.text for t in words(text)]
    assert got == ["للمرأة", "تحت", "رعاية", "التقى", "المهندس", "وأشار", "الدكتور", "إلى", "الدولار", "فى",
                   "البنك", "،", "محمد", "شيمي", "وزير", "قطاع", "وفي", "البنك"]
    assert all(text[t.start:t.end] == t.text for t in words(text))
    for whole in ("المقعدان", "والحقبات", "وقتلوهم", "بالمدرسة", "المستشفى", "مصطفى", "الجديدة", "فيالق", "عنان"):
        assert [t.text for t in words(whole)] == [whole]


def test_words_a_run_of_three_words_a_title_and_a_name_before_a_preposition_are_cut() -> None:
    """A piece a cut leaves is read again (الدولارفىالبنك: three words); a rarer word before a very common
    one, a title or a reporting verb before a name, a name before إلى/على as written, a word before one
    with و and the article are cut; words whose tail is a function word or a suffix stay whole (الطفلان، الجيلالي)."""
    from rasd.text.tokenize import lexicon, words

    if not lexicon():
        pytest.skip("frequency lexicon not built")
    cases = {
        "الدولارفىالبنك": ["الدولار", "فى", "البنك"],
        "ويطرحالبنك": ["ويطرح", "البنك"],
        "الدكتورعمرو": ["الدكتور", "عمرو"],
        "رئيسشعبة": ["رئيس", "شعبة"],
        "عصمتإلى": ["عصمت", "إلى"],
        "عوضعلى": ["عوض", "على"],
        "الذهبوالمعادن": ["الذهب", "والمعادن"],
        "الدواجنبالغرفة": ["الدواجن", "بالغرفة"],
        "التنفيذيللهيئة": ["التنفيذي", "للهيئة"],
        "الاحتياطيالفيدرالي": ["الاحتياطي", "الفيدرالي"],
        "الفيدراليفي": ["الفيدرالي", "في"],
        "واستقرتأسعار": ["واستقرت", "أسعار"],
        "وأشارباسل": ["وأشار", "باسل"],
        "أكدأحمد": ["أكد", "أحمد"],
    }
    for glued, pieces in cases.items():
        assert [t.text for t in words(glued)] == pieces, glued
    for whole in ("الطفلان", "الجيلالي", "الماجدة", "مديرتها", "وباعتقال", "للترحال", "ويجددون", "أرسطوفان"):
        assert [t.text for t in words(whole)] == [whole], whole
