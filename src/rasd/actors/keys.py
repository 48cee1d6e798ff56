"""Matching keys: the shadow form under which knowledge-base names are indexed and looked up.

A key is the tuple of a phrase's words, each folded by ``normalize_word`` (hamza, alef maqsura,
taa marbuta, diacritics, tatweel) with a leading article ال removed, so أردوغان = إردوغان =
اردوغان and العراقية = عراقيه. Clitics (و ف ب ل ك، لل) attach only to the first word of a phrase;
they are handled by ``first_word_variants`` at lookup time rather than by ``light_stem``, because
the lexicon-guarded stemmer is tuned for common words and cuts rare names (بايدن → ايدن), which
would make a name's key depend on corpus frequencies.
"""

from __future__ import annotations

import re

from rasd.text.normalize import normalize_word

WORD_RE = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06fa-\u06ff\u0640\u064b-\u065f\u0670]+|[A-Za-z0-9\u00c0-\u024f]+")
PROCLITICS = ("وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
Key = tuple[str, ...]


def split_words(text: str) -> list[str]:
    """Arabic and Latin words of ``text``; punctuation and spaces are separators."""
    return WORD_RE.findall(text)


def word_key(word: str) -> str:
    """The folded form of one word, with a leading article removed when a stem of 3+ letters stays."""
    w = normalize_word(word)
    if w.startswith("ال") and len(w) >= 5:
        w = w[2:]
    return w


def phrase_key(text: str) -> Key:
    """Key of a whole phrase as written in a data file (no clitics expected)."""
    return tuple(word_key(w) for w in split_words(text))


def first_word_variants(word: str) -> list[str]:
    """Keys the first word of a phrase may stand for: as is, then with each proclitic removed.

    ``لأردوغان`` → [لاردوغان, اردوغان]; ``للعراق`` → [للعراق, عراق]; the unstripped form comes first,
    so a name that itself begins with a clitic letter (بايدن، فرنسا) wins over a stripped reading.
    """
    w = normalize_word(word)
    out = [word_key(w)]
    for pre in PROCLITICS:
        if not w.startswith(pre):
            continue
        rest = w[len(pre) :]
        if pre.endswith("ال") or pre.endswith("لل"):
            rest = "ال" + rest
        if len(rest) < 3:
            continue
        k = word_key(rest)
        if k not in out:
            out.append(k)
    return out


def query_keys(text: str) -> list[Key]:
    """Candidate keys of a phrase found in running text, most literal first."""
    words = split_words(text)
    if not words:
        return []
    rest = tuple(word_key(w) for w in words[1:])
    return [(first, *rest) for first in first_word_variants(words[0])]
