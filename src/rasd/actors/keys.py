"""Matching keys: the shadow form under which knowledge-base names are indexed and looked up.

A key is the tuple of a phrase's words, each folded by ``normalize_word`` (hamza, alef maqsura,
taa marbuta, diacritics, tatweel), so أردوغان = إردوغان = اردوغان and العراقية = العراقيه. The
article stays part of the key: حماس is not الحماس ("the enthusiasm") and صدام is not الصدام;
role words and demonyms, whose article comes and goes with grammar, are indexed with and without
it. Clitics (و ف ب ل ك، وال، لل) attach only to the first word of a phrase; they are handled by
``first_word_variants`` at lookup time rather than by ``light_stem``, because the
lexicon-guarded stemmer is tuned for common words and cuts rare names (بايدن → ايدن), which
would make a name's key depend on corpus frequencies.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from rasd.limits import WORD_MEMO
from rasd.text.normalize import DROPPED_SET, normalize_word

WORD_RE = re.compile(
    r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06fa-\u06ff\u0640\u064b-\u065f\u0670]+|[A-Za-z0-9\u00c0-\u024f]+"
)
PROCLITICS = (
    "وبال",
    "فبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
Key = tuple[str, ...]


def split_words(text: str) -> list[str]:
    """Arabic and Latin words of ``text``; punctuation and spaces are separators."""
    return WORD_RE.findall(text)


@lru_cache(maxsize=WORD_MEMO)
def word_key(word: str) -> str:
    """The folded form of one word (article kept)."""
    return normalize_word(word)


def _drop_article(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) >= 5 else w


def phrase_key(text: str) -> Key:
    """Key of a whole phrase as written in a data file (no clitics expected)."""
    return tuple(word_key(w) for w in split_words(text))


def index_keys(text: str, *, article_optional: bool = False) -> list[Key]:
    """Keys under which a data-file phrase is indexed.

    Names are indexed as written. With ``article_optional`` (role words) every word that has the
    article is indexed with and without it, so وزير الخارجية also matches وزير خارجية.
    """
    options = []
    for w in split_words(text):
        n = word_key(w)
        bare = _drop_article(n)
        options.append((n, bare) if article_optional and bare != n else (n,))
    return [tuple(k) for k in product(*options)] if options else []


def first_word_variants(word: str) -> list[str]:
    """Keys the first word of a phrase may stand for: as is, then with each proclitic removed.

    ``لأردوغان`` → [لاردوغان, اردوغان]; ``للعراق`` → [للعراق, العراق]; the unstripped form comes first,
    so a name that itself begins with a clitic letter (بايدن، فرنسا) wins over a stripped reading.
    """
    return [k for k, _cut in first_word_cuts(word)]


@lru_cache(maxsize=WORD_MEMO)
def first_word_cuts(word: str) -> tuple[tuple[str, int], ...]:
    """Like ``first_word_variants``, with the number of leading characters of ``word`` (the original,
    diacritics included) that the clitic takes up, so a match can be reported without it."""
    w = normalize_word(word)
    out = [(word_key(w), 0)]
    for pre in PROCLITICS:
        if not w.startswith(pre):
            continue
        rest = w[len(pre) :]
        letters = len(pre)
        if pre.endswith("ال"):
            rest, letters = "ال" + rest, letters - 2  # the article stays with the name
        elif pre.endswith("لل"):
            rest, letters = "ال" + rest, letters - 1  # ل + (ا)ل with the alef elided
        if len(rest) < 3:
            continue
        k = word_key(rest)
        if all(k != o[0] for o in out):
            out.append((k, _original_prefix(word, letters)))
    return tuple(out)


def _original_prefix(word: str, letters: int) -> int:
    """Characters of ``word`` that hold its first ``letters`` letters (marks after them included)."""
    i = seen = 0
    while i < len(word) and seen < letters:
        if word[i] not in DROPPED_SET:
            seen += 1
        i += 1
    while i < len(word) and word[i] in DROPPED_SET:
        i += 1
    return i


def query_keys(text: str) -> list[Key]:
    """Candidate keys of a phrase found in running text, most literal first."""
    words = split_words(text)
    if not words:
        return []
    rest = tuple(word_key(w) for w in words[1:])
    return [(first, *rest) for first in first_word_variants(words[0])]
