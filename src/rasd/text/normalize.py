"""Shadow normalization for matching: never applied to stored text, only to the forms we compare.

Folds the variation Arabic news spelling shows for one word: hamza on alef (أ إ آ ٱ → ا),
alef maqsura (ى → ي), optionally taa marbuta (ة → ه), tatweel, harakat and Quranic marks,
superscript alef (U+0670), Persian/Urdu letters (ی ک), Arabic-Indic and Persian digits,
ZWNJ/ZWJ and bidi controls. Latin letters are case-folded.
"""

from __future__ import annotations

import re

_MAP: dict[int, str | None] = {}
for ch in "أإآٱٲٳٵ":
    _MAP[ord(ch)] = "ا"
_MAP[ord("ى")] = "ي"
_MAP[ord("ی")] = "ي"  # Persian yeh
_MAP[ord("ې")] = "ي"
_MAP[ord("ک")] = "ك"  # keheh
_MAP[ord("ګ")] = "ك"
_MAP[ord("ۀ")] = "ه"
_MAP[ord("ە")] = "ه"
_MAP[ord("ہ")] = "ه"
_MAP[ord("ھ")] = "ه"
for i in range(10):
    _MAP[0x0660 + i] = str(i)  # Arabic-Indic digits
    _MAP[0x06F0 + i] = str(i)  # Persian digits
_MAP[ord("٫")] = "."  # Arabic decimal separator
_MAP[ord("٬")] = ","

# Deleted: tatweel, harakat (U+064B-U+065F), superscript alef, Quranic annotation marks,
# zero-width and bidi controls, Arabic letter mark.
DROPPED = [0x0640, 0x0670, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF]
DROPPED += list(range(0x064B, 0x0660))
DROPPED += list(range(0x06D6, 0x06DD)) + list(range(0x06DF, 0x06E5)) + list(range(0x06E7, 0x06E9))
DROPPED += list(range(0x06EA, 0x06EE))
DROPPED += list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A))
for cp in DROPPED:
    _MAP[cp] = None

_TABLE = str.maketrans(_MAP)
_TABLE_TAA = str.maketrans({**_MAP, ord("ة"): "ه"})
DROPPED_SET = frozenset(chr(cp) for cp in DROPPED)


# Runs of characters the tables change: on long texts, translating only these runs is about twice
# as fast as translating every character (most Arabic letters map to themselves).
_CHANGED = re.compile("[" + re.escape("".join(chr(cp) for cp in _MAP)) + "]+")
_CHANGED_TAA = re.compile("[" + re.escape("".join(chr(cp) for cp in _MAP) + "ة") + "]+")


def normalize(text: str, *, taa: bool = False) -> str:
    """Return the matching (shadow) form of ``text``; ``taa=True`` also folds ة into ه."""
    table = _TABLE_TAA if taa else _TABLE
    if len(text) < 200:
        return text.translate(table).lower()
    return (_CHANGED_TAA if taa else _CHANGED).sub(lambda m: m.group().translate(table), text).lower()


def normalize_word(word: str) -> str:
    """The form used for lexicons, search and gazetteers: everything folded, ة → ه included."""
    return word.translate(_TABLE_TAA).lower()


def normalize_with_offsets(text: str, *, taa: bool = False) -> tuple[str, list[int]]:
    """Normalize and return, for each character of the result, its offset in ``text``.

    Lets a match found in the shadow form be reported as a span of the original.
    """
    table = _TABLE_TAA if taa else _TABLE
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        mapped = ch.translate(table)
        for m in mapped.lower():
            out.append(m)
            offsets.append(i)
    return "".join(out), offsets
