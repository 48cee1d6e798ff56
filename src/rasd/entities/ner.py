"""The shipped NER tagger: a CRF over word tokens, giving PER/ORG/LOC/MISC spans of the original text.

The model and its feature resources live in ``rasd/data/ner`` and are read once per process, on the
first call. Tokens are rasd.text.words (whitespace/punctuation tokens, clitics attached), which is how
ANERcorp, the training corpus, is tokenized; spans are mapped back to character offsets of the text
given, with leading proclitics (و ف ب ل ك) trimmed so a mention reads ``العراق`` rather than ``والعراق``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from contextlib import ExitStack
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasd.entities.conll import spans as tag_spans
from rasd.entities.features import DEFAULT_GROUPS, Featurizer, Resources
from rasd.text.tokenize import segment, words

MODEL_FILE = "ner.crfsuite"
META_FILE = "meta.json"
TYPES = ("PER", "ORG", "LOC", "MISC")
_SENT_END = frozenset(".!?؟…")
_MAX_TOKENS = 200  # a run-on "sentence" is cut so features and Viterbi stay local


class NerTagger:
    """CRF tagger; ``NerTagger()`` uses the packaged model, ``NerTagger(path)`` a directory of ours."""

    def __init__(self, model_dir: Path | str | None = None) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else None
        self._tagger = None
        self._feat: Featurizer | None = None
        self._lock = threading.Lock()
        self._files = ExitStack()

    def load(self) -> NerTagger:
        """Open the model and read the feature resources (once; later calls return at once)."""
        if self._tagger is not None:
            return self
        with self._lock:
            if self._tagger is None:
                import pycrfsuite

                base = self.model_dir or resources.files("rasd.data").joinpath("ner")
                path = self._files.enter_context(resources.as_file(base.joinpath(MODEL_FILE)))
                if not Path(path).exists():
                    raise FileNotFoundError(f"NER model not found: {path} (run `rasd train ner`)")
                meta = json.loads(base.joinpath(META_FILE).read_text(encoding="utf-8"))
                groups = meta.get("recipe", {}).get("features", DEFAULT_GROUPS)
                tagger = pycrfsuite.Tagger()
                tagger.open(str(path))
                self._feat = Featurizer(Resources(base), groups)
                self._tagger = tagger
        return self

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags (``B-PER`` ...) for one sentence of word tokens."""
        if not tokens:
            return []
        self.load()
        assert self._feat is not None and self._tagger is not None
        return list(self._tagger.tag(self._feat.sentence(tokens)))

    def entities(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Entities in ``text[start:end]`` as ``(start, end, type)`` character offsets into ``text``."""
        stop = len(text) if end is None else end
        toks = words(text[start:stop])
        out: list[tuple[int, int, str]] = []
        for a, b in _chunks(text[start:stop], toks):
            chunk = toks[a:b]
            for s, e, typ in tag_spans(self.tag([t.text for t in chunk])):
                first = chunk[s]
                cs = start + _trim_proclitics(first.text, first.start)
                ce = start + chunk[e - 1].end
                out.append((cs, ce, typ))
        return out


def _chunks(text: str, toks: list) -> list[tuple[int, int]]:
    """Sentence-like token ranges: cut after . ! ? ؟ and at line breaks, and every _MAX_TOKENS."""
    out: list[tuple[int, int]] = []
    a = 0
    for i, tok in enumerate(toks):
        cut = tok.text in _SENT_END or i - a + 1 >= _MAX_TOKENS
        if not cut and i + 1 < len(toks) and "\n" in text[tok.end : toks[i + 1].start]:
            cut = True
        if cut:
            out.append((a, i + 1))
            a = i + 1
    if a < len(toks):
        out.append((a, len(toks)))
    return out


def _trim_proclitics(word: str, offset: int) -> int:
    """Start offset of ``word`` after its proclitics (و ف ب ك ل), keeping the article ال.

    ``للعراق`` (ل + ال with the alef elided) is kept whole: cutting it would leave ``لعراق``.
    """
    pieces = segment(word, offset)
    i = 0
    while i < len(pieces) - 1 and pieces[i].kind == "clitic" and pieces[i].norm in ("و", "ف", "ب", "ك", "ل"):
        if pieces[i].norm == "ل" and pieces[i + 1].kind == "clitic" and pieces[i + 1].norm == "ل":
            break
        i += 1
    return pieces[i].start


@lru_cache(maxsize=1)
def default_tagger() -> NerTagger:
    """The process-wide tagger over the packaged model (loaded on first use)."""
    return NerTagger()
