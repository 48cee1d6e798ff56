"""The Arabic text layer: decoding, shadow normalization, tokens with clitics, sentences, language.

Ground floor of the package: imports nothing from rasd but ``model``, ``errors`` and ``limits``.
"""

from rasd.text.decode import decode_bytes
from rasd.text.normalize import normalize, normalize_word
from rasd.text.sentences import split_sentences
from rasd.text.tokenize import Words, doc_words, iter_words, light_stem, segment, tokenize, words

__all__ = [
    "Words",
    "doc_words",
    "iter_words",
    "decode_bytes",
    "light_stem",
    "normalize",
    "normalize_word",
    "segment",
    "split_sentences",
    "tokenize",
    "words",
]
