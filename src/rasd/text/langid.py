"""Language identification: Arabic is recognised from its script at once; anything else goes to lingua.

lingua is limited to the languages Arabic news sites publish in or next to (in its low-accuracy,
trigram-only mode, which suits whole documents), so it loads fast and does not confuse
Arabic-script Persian, Urdu or Kurdish pages with Arabic.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ARABIC_RUN = re.compile(r"[\u0621-\u064a]+")
# Letters Persian/Urdu/Kurdish use and Arabic does not; ی and ک are the Persian yeh and keheh
# that Persian writes where Arabic writes ي and ك.
_NON_ARABIC_SCRIPT = re.compile(r"[پچژگڤڭےۆێڕڵیکۀٹڈڑںھۓ]")


@lru_cache(maxsize=1)
def _detector():  # noqa: ANN202 - lingua type
    from lingua import Language, LanguageDetectorBuilder

    langs = [
        Language.ARABIC, Language.ENGLISH, Language.FRENCH, Language.PERSIAN, Language.URDU,
        Language.TURKISH, Language.HEBREW, Language.SPANISH, Language.GERMAN, Language.RUSSIAN,
    ]
    # Low-accuracy mode uses trigram models only: it loads in a tenth of a second and ~20 MB
    # instead of over a second and ~160 MB, and on whole documents (not single phrases) it agrees.
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the main language of ``text`` (``ar``, ``en``, ``fa`` ...), or None."""
    sample = text[:2000]
    letters = sum(map(str.isalpha, sample))  # counted in C: this runs on every document
    if letters == 0:
        return None
    arabic = sum(map(len, _ARABIC_RUN.findall(sample)))
    if arabic / letters > 0.6 and len(_NON_ARABIC_SCRIPT.findall(sample)) < max(3, arabic // 50):
        return "ar"
    lang = _detector().detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang else None
