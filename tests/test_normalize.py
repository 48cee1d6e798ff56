"""Shadow normalization: each folding the issue lists, and offsets back into the original."""

from __future__ import annotations

import pytest

from rasd.text.normalize import normalize, normalize_with_offsets, normalize_word


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),  # hamza / madda / wasla on alef
        ("مستشفى على", "مستشفي علي"),  # alef maqsura
        ("العـــراق", "العراق"),  # tatweel
        ("مُحَمَّدٌ كِتَابًا", "محمد كتابا"),  # harakat, shadda, tanwin, sukun
        ("هٰذا الرحمٰن", "هذا الرحمن"),  # superscript alef
        ("ایران کردستان", "ايران كردستان"),  # Persian yeh and keheh
        ("٢٠٢٢ ۱۴۰۱ 10٫5", "2022 1401 10.5"),  # Arabic-Indic, Persian digits, decimal separator
        ("می\u200cخواهم", "ميخواهم"),  # ZWNJ
        ("\u200fالعراق\u200e \u202bبغداد\u202c \u2067x\u2069", "العراق بغداد x"),  # bidi marks
        ("Reuters AFP", "reuters afp"),
    ],
)
def test_foldings(raw: str, want: str) -> None:
    assert normalize(raw) == want


def test_taa_marbuta_is_optional() -> None:
    assert normalize("مدرسة") == "مدرسة"
    assert normalize("مدرسة", taa=True) == "مدرسه"
    assert normalize_word("مدرسة") == "مدرسه"
    assert normalize_word("المدرسة") == normalize_word("المدرسه")


def test_hamza_on_waw_and_yeh_are_kept() -> None:
    # ؤ and ئ carry the hamza of different words (مسؤول، رئيس); folding them would merge words.
    assert normalize("مسؤول رئيس") == "مسؤول رئيس"


def test_idempotent(seed_text: str) -> None:
    once = normalize(seed_text)
    assert normalize(once) == once


@pytest.mark.parametrize("taa", [False, True])
def test_offsets_map_back(seed_text: str, taa: bool) -> None:
    text = "قالَ الرئيـــسُ \u200fإنَّ ٢٠٢٢ هٰذا العام" + seed_text[:300]
    norm, offsets = normalize_with_offsets(text, taa=taa)
    assert norm == normalize(text, taa=taa)
    assert len(offsets) == len(norm)
    assert offsets == sorted(offsets)
    for ch, i in zip(norm, offsets, strict=True):
        assert normalize(text[i], taa=taa) == ch


def test_match_in_shadow_form_is_a_span_of_the_original() -> None:
    text = "وصل الرئيـــسُ إلى بغدادَ أمس"
    norm, offsets = normalize_with_offsets(text)
    a = norm.index("الي بغداد")
    b = a + len("الي بغداد")
    span = text[offsets[a] : offsets[b - 1] + 1]
    assert span == "إلى بغداد"


def test_long_and_short_texts_fold_alike(seed_text: str) -> None:
    text = ("قالَ الرئيـــسُ ٢٠٢٢ هٰذا ی ک \u200f" + seed_text) * 2
    assert len(text) > 200  # the long-text path
    for taa in (False, True):
        assert normalize(text, taa=taa) == "".join(normalize(ch, taa=taa) for ch in text)
