"""The shipped NER tagger: a CRF over word tokens, giving PER/ORG/LOC/MISC spans of the original text.

The model and its feature resources live in ``rasd/data/ner`` and are read once per process, on the
first call. The CRF is trained with crfsuite, but tagged here with its exported weights: the score a
word type contributes (as itself and as each neighbour) is summed once and cached, so a sentence
costs a few numpy gathers and a Viterbi pass instead of thousands of string look-ups in crfsuite;
the tags are those crfsuite gives (tests/test_ner.py checks this).

Tokens are rasd.text.words (whitespace/punctuation tokens, clitics attached), which is how ANERcorp,
the training corpus, is tokenized; spans are mapped back to character offsets of the text given,
with leading proclitics (و ف ب ل ك) trimmed so a mention reads ``العراق`` rather than ``والعراق``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO

import numpy as np

from rasd.entities.conll import spans as tag_spans
from rasd.entities.features import DEFAULT_GROUPS, Featurizer, Resources
from rasd.text.tokenize import segment, words

WEIGHTS_FILE = "weights.tsv.gz"
META_FILE = "meta.json"
TYPES = ("PER", "ORG", "LOC", "MISC")
_SENT_END = frozenset(".!?؟…")
_MAX_TOKENS = 200  # a run-on "sentence" is cut so features and Viterbi stay local
_MAX_TYPES = 500_000
DOC_WINDOW = 20  # sentences taken as one "document" when a corpus has no document breaks (tuned on dev)


class CrfWeights:
    """A linear-chain CRF's weights: labels, transition matrix, and a state-weight row per attribute."""

    def __init__(self, labels: list[str], transitions: np.ndarray, index: dict[str, int], matrix: np.ndarray):
        self.labels = labels
        self.transitions = transitions  # [from, to]
        self.index = index  # attribute → row of ``matrix``
        self.matrix = matrix  # [attribute, label]; its last row is zeros (for "no attribute")

    @classmethod
    def read(cls, fh: IO[str]) -> CrfWeights:
        """Read the text export written by :func:`write_weights`."""
        labels = fh.readline().rstrip("\n").split("\t")[1:]
        n = len(labels)
        trans = np.array([[float(x) for x in fh.readline().split("\t")] for _ in range(n)])
        index: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for line in fh:
            name, *cells = line.rstrip("\n").split("\t")
            r = index[name] = len(index)
            for cell in cells:
                k, _, v = cell.partition(":")
                rows.append(r)
                cols.append(int(k))
                vals.append(float(v))
        matrix = np.zeros((len(index) + 1, n))
        matrix[rows, cols] = vals
        return cls(labels, trans, index, matrix)

    def sums(self, bags: Sequence[Sequence[str]]) -> np.ndarray:
        """State score per label of each bag of attributes (unknown attributes weigh nothing)."""
        get = self.index.get
        idx: list[int] = []
        owner: list[int] = []
        for b, bag in enumerate(bags):
            for f in bag:
                r = get(f)
                if r is not None:
                    idx.append(r)
                    owner.append(b)
        out = np.zeros((len(bags), len(self.labels)))
        if idx:
            np.add.at(out, owner, self.matrix[idx])
        return out

    def viterbi_many(self, emissions: np.ndarray, lengths: list[int]) -> list[list[int]]:
        """Best label paths of consecutive sentences whose emission rows are stacked in ``emissions``.

        All sentences advance together one position per step (a padded batch), so numpy's per-call
        cost is paid once per position rather than once per token. Ties go to the first maximum,
        as in crfsuite.
        """
        nb, nl = len(lengths), len(self.labels)
        if not nb:
            return []
        longest = max(lengths)
        lens = np.array(lengths)
        starts = np.concatenate(([0], np.cumsum(lens)[:-1]))
        padded = np.zeros((nb, max(longest, 1), nl))
        for b, (a, m) in enumerate(zip(starts, lengths, strict=True)):
            padded[b, :m] = emissions[a : a + m]
        back = np.zeros((nb, max(longest, 1), nl), dtype=np.intp)
        score = padded[:, 0]
        trans = self.transitions[None]
        for t in range(1, longest):
            cand = score[:, :, None] + trans  # [batch, from, to]
            best = cand.argmax(axis=1)
            new = cand.max(axis=1) + padded[:, t]
            active = (lens > t)[:, None]
            score = np.where(active, new, score)
            back[:, t] = best
        out = []
        last = score.argmax(axis=1)
        for b, m in enumerate(lengths):
            if m == 0:
                out.append([])
                continue
            path = [int(last[b])]
            bb = back[b]
            for t in range(m - 1, 0, -1):
                path.append(int(bb[t, path[-1]]))
            path.reverse()
            out.append(path)
        return out

    def viterbi(self, emissions: np.ndarray) -> list[int]:
        """Best label path of one sentence."""
        return self.viterbi_many(emissions, [len(emissions)])[0]


def write_weights(crfsuite_model: Path, out: Path) -> None:
    """Export a crfsuite model's weights as text: labels, transitions, then ``attr  label:weight ...``."""
    import gzip

    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crfsuite_model))
    info = tagger.info()
    labels = sorted(info.labels, key=lambda lab: int(info.labels[lab]))
    index = {lab: i for i, lab in enumerate(labels)}
    lines = ["labels\t" + "\t".join(labels)]
    for a in labels:
        lines.append("\t".join(repr(info.transitions.get((a, b), 0.0)) for b in labels))
    by_attr: dict[str, list[str]] = {}
    for (attr, label), w in info.state_features.items():
        if w:
            by_attr.setdefault(attr, []).append(f"{index[label]}:{w!r}")
    lines.extend(f"{attr}\t" + "\t".join(sorted(cells)) for attr, cells in sorted(by_attr.items()))
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        raw.write(("\n".join(lines) + "\n").encode("utf-8"))
    tagger.close()


class NerTagger:
    """CRF tagger; ``NerTagger()`` uses the packaged model, ``NerTagger(path)`` a directory of ours."""

    def __init__(self, model_dir: Path | str | None = None) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else None
        self._weights: CrfWeights | None = None
        self._feat: Featurizer | None = None
        self._lock = threading.Lock()
        self._types: dict[str, int] = {}  # word type → row of the cached score tables
        self._scores = np.zeros((0, 0, 0))  # [slot, row, label]: slot 0 own, then one per offset
        self._offsets: tuple[int, ...] = ()

    def load(self) -> NerTagger:
        """Read the weights and the feature resources (once; later calls return at once)."""
        if self._weights is not None:
            return self
        with self._lock:
            if self._weights is None:
                import gzip

                base = self.model_dir or resources.files("rasd.data").joinpath("ner")
                wfile = base.joinpath(WEIGHTS_FILE)
                if not wfile.is_file():
                    raise FileNotFoundError(f"NER model not found: {wfile} (run `rasd train ner`)")
                meta = json.loads(base.joinpath(META_FILE).read_text(encoding="utf-8"))
                groups = meta.get("recipe", {}).get("features", DEFAULT_GROUPS)
                with wfile.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
                    weights = CrfWeights.read(fh)
                self._feat = Featurizer(Resources(base), groups)
                self._offsets = self._feat.offsets
                self._scores = np.zeros((1 + len(self._offsets), 1024, len(weights.labels)))
                self._weights = weights
        return self

    def _rows(self, tokens: Sequence[str]) -> np.ndarray:
        """Rows of the tokens' cached scores (own features and as each neighbour), filled on first sight."""
        types = self._types
        if len(types) > _MAX_TYPES:  # bound the cache on endless streams of new words
            types.clear()
        out = [types.get(t, -1) for t in tokens]
        new = list(dict.fromkeys(t for t, r in zip(tokens, out, strict=True) if r < 0))
        if new:
            feat, w = self._feat, self._weights
            assert feat is not None and w is not None
            first = len(types)
            need = first + len(new)
            if need > self._scores.shape[1]:
                grown = np.zeros((self._scores.shape[0], max(need, 2 * first), self._scores.shape[2]))
                grown[:, :first] = self._scores[:, :first]
                self._scores = grown
            bags = [feat.own(t) for t in new]
            for d in self._offsets:
                bags.extend(feat.context(t, d) for t in new)
            self._scores[:, first:need] = w.sums(bags).reshape(len(self._offsets) + 1, len(new), -1)
            for k, t in enumerate(new):
                types[t] = first + k
            out = [types[t] for t in tokens]
        return np.array(out)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags (``B-PER`` ...) for one sentence of word tokens."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]], consistent: bool = False) -> list[list[str]]:
        """IOB2 tags for several sentences at once (one numpy pass; what ``entities`` uses).

        With ``consistent``, the sentences are taken as one document and a name the model found
        once is also tagged where the model missed it (see :func:`propagate`).
        """
        tags = self._tag_many(sentences)
        if consistent:
            feat = self._feat
            assert feat is not None
            keys = [[feat.own(t)[1][2:] for t in s] for s in sentences]  # normalized forms
            tags = propagate(keys, tags)
        return tags

    def _tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Viterbi tags of each sentence; emissions from the cached per-type scores plus pair features."""
        self.load()
        feat, w = self._feat, self._weights
        assert feat is not None and w is not None
        sentences = [s for s in sentences]
        flat = [t for s in sentences for t in s]
        if not flat:
            return [[] for _ in sentences]
        with self._lock:  # the score cache grows in place: one writer at a time
            rows = self._rows(flat)
            scores = self._scores
        sid = np.repeat(np.arange(len(sentences)), [len(s) for s in sentences])
        n = len(flat)
        em = scores[0, rows]
        for k, d in enumerate(self._offsets, 1):
            if abs(d) >= n:
                continue
            if d > 0:
                ok = np.flatnonzero(sid[d:] == sid[:-d])  # token i gets the scores of token i + d
                em[ok] += scores[k, rows[ok + d]]
            else:
                ok = np.flatnonzero(sid[:d] == sid[-d:]) - d  # token i gets those of token i + d (< i)
                em[ok] += scores[k, rows[ok + d]]
        get = w.index.get
        at: list[int] = []
        idx: list[int] = []
        i = 0
        for s in sentences:
            for pf in feat.pair_features(s, feat.infos(s)):
                for f in pf:
                    r = get(f)
                    if r is not None:
                        at.append(i)
                        idx.append(r)
                i += 1
        if idx:
            np.add.at(em, at, w.matrix[idx])
        labels = w.labels
        return [[labels[k] for k in path] for path in w.viterbi_many(em, [len(s) for s in sentences])]

    def entities(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Entities in ``text[start:end]`` as ``(start, end, type)`` character offsets into ``text``.

        The range is treated as one document for label consistency, so a whole article body is
        better than one paragraph at a time.
        """
        stop = len(text) if end is None else end
        toks = words(text[start:stop])
        chunks = [toks[a:b] for a, b in _chunks(text[start:stop], toks)]
        out: list[tuple[int, int, str]] = []
        for chunk, tags in zip(
            chunks, self.tag_many([[t.text for t in c] for c in chunks], consistent=True), strict=True
        ):
            for s, e, typ in tag_spans(tags):
                first = chunk[s]
                cs = start + _trim_proclitics(first.text, first.start)
                ce = start + chunk[e - 1].end
                out.append((cs, ce, typ))
        return out


def tag_corpus(
    tagger: NerTagger, sentences: Sequence[Sequence[str]], window: int = DOC_WINDOW
) -> list[list[str]]:
    """Tag a corpus without document breaks: consecutive ``window`` sentences count as one document
    (``window`` 0: every sentence on its own, no label consistency)."""
    if window <= 0:
        return tagger.tag_many(sentences)
    out: list[list[str]] = []
    for a in range(0, len(sentences), window):
        out += tagger.tag_many(sentences[a : a + window], consistent=True)
    return out


def propagate(keys: Sequence[Sequence[str]], tags: list[list[str]]) -> list[list[str]]:
    """Label consistency within a document: where the model tagged a name once, tag its other
    occurrences the same way.

    Remembered are whole predicted entities and the last word of person names (a surname is how a
    person is referred to later: رامسفيلد after دونالد رامسفيلد). A remembered word sequence that the
    model left untagged elsewhere gets the type it was given, when that type is unambiguous; words of
    fewer than three letters are never propagated.
    """
    seen: dict[tuple[str, ...], set[str]] = {}
    for ks, ts in zip(keys, tags, strict=True):
        for s, e, typ in tag_spans(ts):
            seen.setdefault(tuple(ks[s:e]), set()).add(typ)
            if typ == "PER" and e - s > 1:
                seen.setdefault((ks[e - 1],), set()).add(typ)
    memory = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and len(k[-1]) >= 3}
    if not memory:
        return tags
    longest = max(len(k) for k in memory)
    firsts = {k[0] for k in memory}
    out = []
    for ks, ts in zip(keys, tags, strict=True):
        ts = list(ts)
        i = 0
        while i < len(ks):
            if ks[i] not in firsts:
                i += 1
                continue
            for m in range(min(longest, len(ks) - i), 0, -1):
                typ = memory.get(tuple(ks[i : i + m]))
                if typ and all(t == "O" for t in ts[i : i + m]):
                    ts[i : i + m] = ["B-" + typ] + ["I-" + typ] * (m - 1)
                    i += m - 1
                    break
            i += 1
        out.append(ts)
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
        if pieces[i + 1].norm == "ال" and pieces[i + 1].text == "ل":  # the article with its alef elided
            break
        i += 1
    return pieces[i].start


@lru_cache(maxsize=1)
def default_tagger() -> NerTagger:
    """The process-wide tagger over the packaged model (loaded on first use)."""
    return NerTagger()
