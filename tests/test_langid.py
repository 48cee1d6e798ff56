"""Language identification: Arabic recognised, other languages flagged, nothing crashes."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.text.langid import detect_language

TEXTS = {
    "en": "The prime minister met the president on Monday to discuss security cooperation and the fight against terrorism.",
    "fr": "Le Premier ministre a rencontré lundi le président pour discuter de la coopération sécuritaire et de la lutte contre le terrorisme.",
    "fa": "نخست وزیر روز دوشنبه با رئیس جمهور دیدار کرد تا درباره همکاری امنیتی و مبارزه با تروریسم گفتگو کنند.",
    "ur": "وزیر اعظم نے پیر کے روز صدر سے ملاقات کی اور سیکیورٹی تعاون اور دہشت گردی کے خلاف جنگ پر بات چیت کی۔",
}


def test_arabic(seed_text: str) -> None:
    assert detect_language(seed_text) == "ar"
    assert detect_language("قال الرئيس إن الحكومة ستعمل على مواجهة الإرهاب.") == "ar"


def test_arabic_with_some_english_is_arabic() -> None:
    assert detect_language("قال الرئيس لوكالة Reuters إن الحكومة ستعمل مع NATO على مواجهة الإرهاب.") == "ar"


@pytest.mark.parametrize("lang", list(TEXTS))
def test_other_languages_are_flagged(lang: str) -> None:
    got = detect_language(TEXTS[lang])
    assert got != "ar"
    assert got == lang


@pytest.mark.parametrize("text", ["", "   ", "12345 67", "!!! ...", "x"])
def test_no_letters_or_tiny_input(text: str) -> None:
    assert detect_language(text) in (None, "en", "fr", "de", "es", "tr")


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_pipeline_flags_and_goes_on(lang: str) -> None:
    doc = Pipeline().process_text(TEXTS[lang] + "\n\n" + TEXTS[lang])
    assert doc.language == lang
    assert doc.blocks and doc.sentences


def test_arabic_typed_with_persian_letters_is_still_arabic(seed_text: str) -> None:
    """Some sites type ی and ک for ي and ك; the words are Arabic, so is the document."""
    assert detect_language(seed_text.replace("ي", "ی").replace("ك", "ک")) == "ar"
