"""PROTEST and ASSAULT words that do not report a specific occurrence are not reported as events."""

from __future__ import annotations

import pytest

from rasd.events import cues, specific
from rasd.events.detect import threshold
from rasd.events.step import code_text
from rasd.text.tokenize import words

PUB = "2022-01-24"


def reported(text: str, ptype: str) -> bool:
    """An asserted event of ``ptype`` at or above the reporting threshold."""
    return any(
        c.event.type == ptype
        and not c.event.negated
        and c.event.modality is None
        and c.event.confidence >= threshold(ptype)
        for c in code_text(text, published=PUB)[1]
    )


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("تظاهر آلاف الأشخاص أمس في بيروت احتجاجا على الضرائب", "PROTEST"),
        ("وتجمع مئات المتظاهرين أمام مبنى البرلمان", "PROTEST"),
        ("اندلعت مظاهرات في عدد من أحياء العاصمة مساء الجمعة", "PROTEST"),
        ("قتل خمسة أشخاص أمس في انفجار سيارة مفخخة وسط بغداد", "ASSAULT"),
        ("أسفر هجوم انتحاري عن مقتل عشرة جنود", "ASSAULT"),
        ("قصفت الطائرات مواقع المسلحين فجر الاثنين", "ASSAULT"),
        ("وقال مصدر أمني إن مسلحين مجهولين اغتالوا ضابطا في الشرطة أمس", "ASSAULT"),
        ("وقصفت الطائرات المنزل أمس، الأمر الذي أدى إلى مقتل أربعة أشخاص في القصف", "ASSAULT"),
    ],
)
def test_specific_occurrences_are_reported(text: str, ptype: str) -> None:
    assert reported(text, ptype)


@pytest.mark.parametrize(
    ("text", "ptype", "why"),
    [
        ("وهتف المتظاهرون «لا للفساد»", "PROTEST", "detail of a protest already told"),
        ("ورفع المتظاهرون شعارات تطالب بالإصلاح", "PROTEST", "detail of a protest already told"),
        ("وقال المتحدث إن الحكومة تحترم حق المتظاهرين", "PROTEST", "participants, no gathering"),
        ("أدان وزير الخارجية الهجوم على السفارة", "ASSAULT", "a condemnation is ACCUSE"),
        ("فجر القرار أزمة سياسية جديدة", "ASSAULT", "figurative"),
        ("شنت المعارضة هجوما حادا على الحكومة", "ASSAULT", "figurative"),
        ("لكن التفجيرات الانتحارية ظاهرة حديثة نسبيا في البلاد", "ASSAULT", "generic topic"),
        ("يخطف المسلحون المسافرين على الطريق", "ASSAULT", "habitual"),
        ("رئيس الوزراء الذي اغتيل في بيروت", "ASSAULT", "relative clause, background"),
        ("وتوقف القتال بعد أن خطف المسلحون ثلاثة جنود", "ASSAULT", "temporal subordinate clause"),
        ("اغتيل الرئيس في عام 2005 في بيروت", "ASSAULT", "a year: history"),
        ("اعتقلت الشرطة المشتبه بهم فجر أمس", "ASSAULT", "فجر is dawn here"),
        ("وضبطت الشرطة أمس 40 قذيفة هاون في مخزن", "ASSAULT", "weapons seized, not used"),
        ("قتل شخصان أمس في انفجار اسطوانة غاز داخل مطعم", "ASSAULT", "an accident"),
        ("وأعلنت الجماعة أنه خطفهم من الحدود يوم 3 مايو", "ASSAULT", "victims named before: reference"),
        ("وأيدت المحكمة الحكم على رجلين خطفا سائحين", "ASSAULT", "a verb describing an indefinite noun"),
        ("اتهم الوزير الجماعة بتنفيذ هجوم انتحاري بسيارة مفخخة أمس", "ASSAULT", "an accusation is ACCUSE"),
        ("وهاجم النائب الحكومة على سياستها الاقتصادية", "ASSAULT", "attacked in words"),
        (
            "وجاء الانفجار بعد يوم من مقتل 16 شخصا في هجوم انتحاري",
            "ASSAULT",
            "casualties of an earlier attack",
        ),
        ("وكان مسلحون قد خطفوا الصحافي قبل عدة أشهر في بغداد", "ASSAULT", "months ago: history"),
        ("قال إن من الممكن أن نقتل جميعا", "ASSAULT", "a hedge, first person"),
        ("وتجمعت مئات السيارات عند المعبر الحدودي", "PROTEST", "vehicles, not a crowd"),
        ("وأغلقت الشرطة طريق المطار أمس", "PROTEST", "a road closed by the state"),
        ("ثم يخرج المتظاهرين إلى الشوارع ويحثهم على الاعتصام", "PROTEST", "what crowds do, no occurrence"),
    ],
)
def test_words_that_do_not_report_an_occurrence(text: str, ptype: str, why: str) -> None:
    assert not reported(text, ptype), why


def test_reasons_are_named() -> None:
    text = "أدان الوزير الهجوم على السفارة"
    toks = words(text)
    bares = [cues.bare(t) for t in toks]
    head = next(i for i, t in enumerate(toks) if t.text == "الهجوم")
    clause = cues.clause_of(toks, head)
    assert specific.not_specific(toks, bares, head, head, False, clause, True) == "reaction"


def test_a_question_mark_inside_a_quoted_chant_does_not_make_a_question() -> None:
    assert reported("وفي بروكسل، تظاهر نحو مائتي شخص هاتفين «أوروبا، أين أنت؟»", "PROTEST")


def test_a_diplomatic_protest_is_accuse_not_protest() -> None:
    # PLOVER: diplomatic protests are ACCUSE `disapprove`; PROTEST needs collective physical action
    text = "احتجت مصر رسمياً أمس لدى إيران على تصريحات المسؤول"
    assert reported(text, "ACCUSE")
    assert not reported(text, "PROTEST")


def test_a_protest_verb_with_its_crowd_is_reported_without_counts_or_dates() -> None:
    assert reported("واحتج التجار على التسعيرة الجديدة", "PROTEST")
