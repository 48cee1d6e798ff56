"""Language identification: Arabic is recognised from its script at once; anything else goes to lingua.

lingua is limited to the languages Arabic news sites publish in or next to, so it loads fast and
does not confuse Arabic-script Persian, Urdu or Kurdish pages with Arabic.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_NON_ARABIC_SCRIPT = re.compile(r"[پچژگڤڭےۆێڕڵ]")  # letters Persian/Urdu/Kurdish use and Arabic does not
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _detector():  # noqa: ANN202 - lingua type
    from lingua import Language, LanguageDetectorBuilder

    langs = [
        Language.ARABIC, Language.ENGLISH, Language.FRENCH, Language.PERSIAN, Language.URDU,
        Language.TURKISH, Language.HEBREW, Language.SPANISH, Language.GERMAN, Language.RUSSIAN,
    ]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the main language of ``text`` (``ar``, ``en``, ``fa`` ...), or None."""
    sample = text[:2000]
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return None
    arabic = len(_ARABIC_LETTER.findall(sample))
    if arabic / letters > 0.6 and len(_NON_ARABIC_SCRIPT.findall(sample)) < 3:
        return "ar"
    lang = _detector().detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang else None
