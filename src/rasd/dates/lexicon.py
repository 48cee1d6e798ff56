"""Arabic calendar vocabulary in its shadow (normalized) form: months, weekdays, ordinals, number words.

Written with hamza and alef maqsura as people write them, folded once at import by
``rasd.text.normalize`` so the patterns match every spelling the normalizer folds together.
"""

from __future__ import annotations

import re

from rasd.text.normalize import normalize

# Gregorian months in the Egyptian/Gulf, Levantine/Iraqi, Algerian/Tunisian and Moroccan series.
_GREGORIAN: dict[int, list[str]] = {
    1: ["يناير", "ينايِر", "كانون الثاني", "جانفي", "جانفييه"],
    2: ["فبراير", "فبرایر", "فبراير", "شباط", "فيفري", "فبرير"],
    3: ["مارس", "آذار", "أذار", "مارث"],
    4: ["أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "إفريل"],
    5: ["مايو", "أيار", "ماي", "مايس"],
    6: ["يونيو", "يونيه", "حزيران", "جوان"],
    7: ["يوليو", "يوليه", "تموز", "جويلية", "جويليه", "يوليوز"],
    8: ["أغسطس", "اغسطس", "آب", "أوت", "غشت", "اغشت"],
    9: ["سبتمبر", "أيلول", "شتنبر"],
    10: ["أكتوبر", "اكتوبر", "تشرين الأول", "أكتوبر"],
    11: ["نوفمبر", "تشرين الثاني", "نونبر"],
    12: ["ديسمبر", "كانون الأول", "دجنبر", "دیسمبر"],
}

_HIJRI: dict[int, list[str]] = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع الاول", "ربيع أول"],
    4: ["ربيع الثاني", "ربيع الآخر", "ربيع الاخر", "ربيع ثاني", "ربيع آخر"],
    5: ["جمادى الأولى", "جمادى الأول", "جمادى الاولى", "جمادي الأولى"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى الاخرة"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة", "ذو القعده", "ذي القعده", "ذا القعدة"],
    12: ["ذو الحجة", "ذي الحجة", "ذو الحجه", "ذي الحجه", "ذا الحجة"],
}

# Python weekday(): Monday = 0.
_WEEKDAYS: dict[int, list[str]] = {
    0: ["الاثنين", "الإثنين", "اثنين"],
    1: ["الثلاثاء", "الثلاثا"],
    2: ["الأربعاء", "الاربعاء", "الأربعا"],
    3: ["الخميس"],
    4: ["الجمعة", "الجمعه"],
    5: ["السبت"],
    6: ["الأحد", "الاحد"],
}

_ORD_UNITS = ["", "الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
_ORD_SIMPLE = {
    1: "الأول",
    2: "الثاني",
    3: "الثالث",
    4: "الرابع",
    5: "الخامس",
    6: "السادس",
    7: "السابع",
    8: "الثامن",
    9: "التاسع",
    10: "العاشر",
    20: "العشرين",
    30: "الثلاثين",
}

# Cardinal number words used in "منذ ثلاث ساعات" and the like.
NUMBER_WORDS: dict[str, int] = {
    normalize(w): n
    for n, forms in {
        1: ["واحد", "واحدة"],
        2: ["اثنين", "اثنتين", "اثنان"],
        3: ["ثلاث", "ثلاثة"],
        4: ["أربع", "أربعة"],
        5: ["خمس", "خمسة"],
        6: ["ست", "ستة"],
        7: ["سبع", "سبعة"],
        8: ["ثماني", "ثمانية", "ثمان"],
        9: ["تسع", "تسعة"],
        10: ["عشر", "عشرة"],
    }.items()
    for w in forms
}


def _fold(forms: dict[int, list[str]]) -> dict[str, int]:
    return {normalize(f): k for k, fs in forms.items() for f in fs}


GREGORIAN_MONTHS = _fold(_GREGORIAN)
HIJRI_MONTHS = _fold(_HIJRI)
WEEKDAYS = _fold(_WEEKDAYS)


def _ordinals() -> dict[str, int]:
    out: dict[str, int] = {}
    for n, w in _ORD_SIMPLE.items():
        out[normalize(w)] = n
    for n in range(11, 20):
        out[normalize(f"{_ORD_UNITS[n - 10]} عشر")] = n
    for tens, tens_word in ((20, "العشرين"), (30, "الثلاثين")):
        for u in range(1, 10 if tens == 20 else 2):
            out[normalize(f"{_ORD_UNITS[u]} و{tens_word}")] = tens + u
    out[normalize("الأولى")] = 1
    return out


ORDINAL_DAYS = _ordinals()


def alternation(words: dict[str, int] | list[str]) -> str:
    """Regex alternation of ``words``, longest first, spaces matching any run of spaces."""
    keys = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


def lookup(table: dict[str, int], matched: str) -> int:
    """Value of a matched word, with internal whitespace collapsed as in the table."""
    return table[" ".join(matched.split())]
