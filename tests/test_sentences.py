"""Sentence splitting: one test per rule, plus offsets and the PUD evaluation code."""

from __future__ import annotations

from pathlib import Path

from rasd.eval.sentences import GoldDoc, read_conllu_docs, score_boundaries
from rasd.text.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_arabic_terminators() -> None:
    assert _split("هل انتهى؟ نعم! انتهى؛ ثم عاد. وبعدها؟") == ["هل انتهى؟", "نعم!", "انتهى؛", "ثم عاد.", "وبعدها؟"]


def test_newlines_split() -> None:
    assert _split("العنوان بلا نقطة\nالفقرة الأولى.\n\nالثانية") == ["العنوان بلا نقطة", "الفقرة الأولى.", "الثانية"]


def test_numbers_do_not_split() -> None:
    assert _split("بلغ النمو 10.5 في المئة و3.000 نقطة. وقال الوزير") == [
        "بلغ النمو 10.5 في المئة و3.000 نقطة.",
        "وقال الوزير",
    ]


def test_abbreviations() -> None:
    assert _split("قال د. محمد إن أ. علي وم. أحمد حضروا. وأضاف") == ["قال د. محمد إن أ. علي وم. أحمد حضروا.", "وأضاف"]
    assert _split("السعر 5 ر.س. للكيلو و ص.ب. 1234. ثم") == ["السعر 5 ر.س. للكيلو و ص.ب. 1234.", "ثم"]
    assert _split("U.S. officials met Dr. Smith. Then") == ["U.S. officials met Dr. Smith.", "Then"]


def test_year_markers_end_a_sentence() -> None:
    assert _split("وقع الحادث عام 2015 م. وقال الشهود") == ["وقع الحادث عام 2015 م.", "وقال الشهود"]
    assert _split("صدر في 1436هـ. وبعد الاطلاع") == ["صدر في 1436هـ.", "وبعد الاطلاع"]


def test_lists() -> None:
    assert _split("1. البند الأول\n2) البند الثاني\nأ- الفقرة") == ["1. البند الأول", "2) البند الثاني", "أ- الفقرة"]


def test_quotes_keep_their_sentences_and_closers() -> None:
    assert _split("قال: «انتهى الأمر. لا عودة». وأضاف") == ["قال: «انتهى الأمر. لا عودة».", "وأضاف"]
    assert _split('قال "انتهى. لا عودة" ثم غادر. وبعد') == ['قال "انتهى. لا عودة" ثم غادر.', "وبعد"]
    assert _split("قال “انتهى.” ثم غادر") == ["قال “انتهى.”", "ثم غادر"]


def test_unclosed_quote_does_not_swallow_the_text() -> None:
    text = "قال «" + "كلام طويل جدا " * 40 + ". جملة أخرى."
    assert len(_split(text)) == 2


def test_glued_full_stop_between_arabic_words() -> None:
    assert _split("انتهى الاجتماع.وقال الوزير") == ["انتهى الاجتماع.", "وقال الوزير"]
    # but not transliterated initials or domains
    assert _split("قالت إيه.بي.سي إن شركة بي.بي وموقع بيت.كوم") == ["قالت إيه.بي.سي إن شركة بي.بي وموقع بيت.كوم"]


def test_repeated_marks_end_once() -> None:
    assert _split("ماذا؟! لا أعرف. ربما!! نعم") == ["ماذا؟!", "لا أعرف.", "ربما!!", "نعم"]


def test_ellipsis_is_a_pause() -> None:
    assert _split("خيمة تحتضن التراث.. وباب نحو المستقبل… ثم ماذا... لا أدري. انتهى") == [
        "خيمة تحتضن التراث.. وباب نحو المستقبل… ثم ماذا... لا أدري.",
        "انتهى",
    ]
    assert _split("انتهى...\nبدأ") == ["انتهى...", "بدأ"]


def test_semicolon() -> None:
    assert _split("أنهت الوزارة المرحلة الأولى؛ وبدأت الثانية") == ["أنهت الوزارة المرحلة الأولى؛", "وبدأت الثانية"]
    # before a reason the semicolon joins: الفاصلة المنقوطة قبل التعليل
    for reason in ("لأن الطريق مغلق", "إذ أغلق الطريق", "وذلك لتجنب الزحام"):
        text = f"تأجل الاجتماع؛ {reason}"
        assert _split(text) == [text]


def test_spans_index_the_text_and_are_trimmed(seed_text: str) -> None:
    spans = split_sentences(seed_text)
    assert spans
    for a, b in spans:
        assert seed_text[a:b] == seed_text[a:b].strip()
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))


def test_sub_range() -> None:
    text = "قبل. الجملة الأولى. الثانية. بعد"
    a = text.index("الجملة")
    b = text.index(" بعد")
    assert [text[x:y] for x, y in split_sentences(text, a, b)] == ["الجملة الأولى.", "الثانية."]


def test_boundary_scoring(tmp_path: Path) -> None:
    conllu = tmp_path / "t.conllu"
    conllu.write_text(
        "# newdoc id = d1\n# text = الأولى.\n1\tx\n\n# newdoc id = d1\n# text = الثانية د. علي.\n1\tx\n\n"
        "# newdoc id = d2\n# text = وحدها.\n1\tx\n\n",
        encoding="utf-8",
    )
    docs = read_conllu_docs(conllu)
    assert [(d.doc_id, d.sentences) for d in docs] == [("d1", ["الأولى.", "الثانية د. علي."]), ("d2", ["وحدها."])]
    assert docs[0].text == "الأولى. الثانية د. علي." and docs[0].boundaries() == {7}
    perfect = score_boundaries(docs, split_sentences)
    assert (perfect.tp, perfect.fp, perfect.fn, perfect.f1) == (1, 0, 0, 1.0)
    every_space = score_boundaries(docs, lambda t: [(0, 7), (8, 18), (19, len(t))] if len(t) > 10 else [(0, len(t))])
    assert (every_space.tp, every_space.fp, every_space.fn) == (1, 1, 0)
    assert abs(every_space.f1 - 2 / 3) < 1e-9
    assert GoldDoc("x", ["a"]).boundaries() == set()


def test_pud_parses(shared_data: Path) -> None:
    docs = read_conllu_docs(shared_data / "ud" / "ar_pud-ud-test.conllu")
    assert sum(len(d.sentences) for d in docs) == 1000
    assert len(docs) > 100


def test_random_text_keeps_the_invariants() -> None:
    import random

    rng = random.Random(17)
    alphabet = "قال الرئيس د. م 2015 10.5 .. … ؟ ! ؛ «» \"“” () \n أ- 1) بي.سي"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 120)))
        spans = split_sentences(text)
        for a, b in spans:
            assert 0 <= a < b <= len(text)
            assert text[a:b] == text[a:b].strip()
        assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))
