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
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from itertools import chain, repeat
from pathlib import Path
from typing import IO, TYPE_CHECKING

import numpy as np

from rasd.entities.conll import spans as tag_spans
from rasd.entities.features import DEFAULT_GROUPS, MAX_GAZ_WORDS, Featurizer, Resources
from rasd.text.tokenize import WORD_RE, segment

if TYPE_CHECKING:
    from rasd.model import Token

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
        return self.sum_rows([[r for r in map(get, bag) if r is not None] for bag in bags])

    def sum_rows(self, bags: Sequence[Sequence[int]]) -> np.ndarray:
        """State score per label of each bag of attribute rows.

        The rows of a bag are added one after another, in bag order, onto zeros: the same floating
        point sums as crfsuite's, so ties and near-ties come out as they do there. Bags are padded
        with the matrix's zero row and added column by column (a few numpy calls per batch).
        """
        out = np.zeros((len(bags), len(self.labels)))
        lens = np.fromiter(map(len, bags), dtype=np.intp, count=len(bags))
        width = int(lens.max()) if len(bags) else 0
        if width == 0:
            return out
        pad = np.full((len(bags), width), len(self.matrix) - 1, dtype=np.intp)
        pad[np.arange(width) < lens[:, None]] = list(chain.from_iterable(bags))
        matrix = self.matrix
        for j in range(width):
            out += matrix[pad[:, j]]
        return out

    def viterbi_many(self, emissions: np.ndarray, lengths: Sequence[int]) -> list[list[int]]:
        """Best label paths of consecutive sentences whose emission rows are stacked in ``emissions``.

        All sentences advance together one position per step (a padded batch, longest first, so a
        step touches only the sentences still running), and numpy's per-call cost is paid once per
        position rather than once per token. Ties go to the first maximum, as in crfsuite.
        """
        nb, nl = len(lengths), len(self.labels)
        if not nb:
            return []
        lens = np.asarray(lengths, dtype=np.intp)
        order = np.argsort(-lens, kind="stable")  # batch slot → sentence
        sorted_lens = lens[order]
        longest = int(sorted_lens[0])
        if longest == 0:
            return [[] for _ in range(nb)]
        slot = np.empty(nb, dtype=np.intp)
        slot[order] = np.arange(nb)
        sid = np.repeat(np.arange(nb), lens)
        pos = np.arange(len(sid)) - np.repeat(np.cumsum(lens) - lens, lens)
        padded = np.zeros((longest, nb, nl))  # [position, slot, label]
        padded[pos, slot[sid]] = emissions
        running = np.searchsorted(
            -sorted_lens, -np.arange(longest), side="left"
        ).tolist()  # slots with len > t
        back = np.zeros((longest, nb, nl), dtype=np.intp)
        cand = np.empty((nb, nl, nl))
        score = padded[0].copy()
        trans = self.transitions
        for t in range(1, longest):
            k = running[t]
            c, s = cand[:k], score[:k]
            np.add(s[:, :, None], trans, out=c)  # [slot, from, to]
            c.argmax(axis=1, out=back[t, :k])
            np.maximum.reduce(c, axis=1, out=s)
            s += padded[t, :k]
        last = score.argmax(axis=1).tolist()
        bl = back.tolist()
        out: list[list[int]] = [[] for _ in range(nb)]
        for b, m in zip(order.tolist(), sorted_lens.tolist(), strict=True):
            if m == 0:
                continue
            sb = int(slot[b])
            p = last[sb]
            path = [p]
            for t in range(m - 1, 0, -1):
                p = bl[t][sb][p]
                path.append(p)
            path.reverse()
            out[b] = path
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


class _Tables:
    """Look-up tables derived once from the weights, so that tagging builds no feature strings.

    ``context[d]`` maps a context feature to the row of its ``±d`` attribute; ``edge[d]`` is the row
    of ``-2BOS`` ... ``+2EOS`` (or None). Word bigram attributes (``bg-=w=A|w=B``) are keyed by a pair
    of integer ids of their two word features: ``vocab`` holds the ids, ``bigrams[side]`` the sorted
    keys ``id(A) * len(vocab) + id(B)`` and their rows.
    """

    def __init__(self, weights: CrfWeights, offsets: tuple[int, ...], groups: frozenset[str]) -> None:
        index = weights.index
        tags = {f"{d:+d}": d for d in offsets}
        self.context: dict[int, dict[str, int]] = {d: {} for d in offsets}
        self.edge = {d: index.get(f"{d:+d}{'BOS' if d < 0 else 'EOS'}") for d in offsets}
        self.gaz = {name: r for name, r in index.items() if name.startswith("G=")}
        pairs: dict[str, list[tuple[str, str, int]]] = {"bg-=": [], "bg+=": []}
        for name, r in index.items():
            d = tags.get(name[:2])
            if d is not None:
                self.context[d][name[2:]] = r
            side = pairs.get(name[:4])
            if side is not None:
                body = name[4:]
                at = body.find("|")
                while at >= 0:  # every split: a word feature may itself hold "|"
                    side.append((body[:at], body[at + 1 :], r))
                    at = body.find("|", at + 1)
        self.vocab: dict[str, int] = {}
        for side in pairs.values():
            for a, b, _ in side:
                self.vocab.setdefault(a, len(self.vocab))
                self.vocab.setdefault(b, len(self.vocab))
        v = max(len(self.vocab), 1)
        self.bigrams: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for name, side in pairs.items():
            keys = np.array([self.vocab[a] * v + self.vocab[b] for a, b, _ in side], dtype=np.int64)
            rows = np.array([r for _, _, r in side], dtype=np.intp)
            order = np.argsort(keys, kind="stable")
            self.bigrams[name] = (keys[order], rows[order])
        self.bos = self.vocab.get("w=<s>", -1)
        self.eos = self.vocab.get("w=</s>", -1)
        # cluster bigrams have no table: a model trained with them takes the string path
        self.fast_pairs = not ("cbg" in groups and "clu" in groups)


class _TypeCache:
    """Per word type: its score rows (own features, then as each neighbour), the id of its word
    feature among the bigram words, its normalized form and gazetteer keys, and whether it can begin
    a multi-word gazetteer entry. Arrays grow by doubling; the tagger replaces the whole cache when
    it holds too many types, so arrays handed out earlier are never overwritten."""

    def __init__(self, slots: int, labels: int) -> None:
        self.index: dict[str, int] = {}
        self.scores = np.zeros((slots, 1024, labels))
        self.wid = np.full(1024, -1, dtype=np.int64)
        self.gaz_start = np.zeros(1024, dtype=bool)
        self.form: list[str] = []
        self.keys: list[tuple[str, ...]] = []

    def grow(self, need: int) -> None:
        have = len(self.index)
        cap = max(need, 2 * have)
        scores = np.zeros((self.scores.shape[0], cap, self.scores.shape[2]))
        scores[:, :have] = self.scores[:, :have]
        wid = np.full(cap, -1, dtype=np.int64)
        wid[:have] = self.wid[:have]
        gaz_start = np.zeros(cap, dtype=bool)
        gaz_start[:have] = self.gaz_start[:have]
        self.scores, self.wid, self.gaz_start = scores, wid, gaz_start


class NerTagger:
    """CRF tagger; ``NerTagger()`` uses the packaged model, ``NerTagger(path)`` a directory of ours."""

    def __init__(self, model_dir: Path | str | None = None) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else None
        self._weights: CrfWeights | None = None
        self._feat: Featurizer | None = None
        self._tables: _Tables | None = None
        self._lock = threading.Lock()
        self._cache = _TypeCache(1, 1)
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
                self._tables = _Tables(weights, self._offsets, self._feat.groups)
                self._cache = _TypeCache(1 + len(self._offsets), len(weights.labels))
                self._weights = weights
        return self

    def _rows(self, tokens: Sequence[str]) -> tuple[np.ndarray, _TypeCache]:
        """Rows of the tokens' word types in the type cache (filled on first sight), and that cache.

        Call with the lock held.
        """
        cache = self._cache
        if len(cache.index) > _MAX_TYPES:  # bound the cache on endless streams of new words
            cache = self._cache = _TypeCache(*self._cache.scores.shape[::2])
        index = cache.index
        out = list(map(index.get, tokens, repeat(-1)))
        if -1 in out:
            new = list(dict.fromkeys(t for t, r in zip(tokens, out, strict=True) if r < 0))
            self._add_types(cache, new)
            out = list(map(index.__getitem__, tokens))
        return np.array(out, dtype=np.intp), cache

    def _add_types(self, cache: _TypeCache, new: list[str]) -> None:
        """Features of new word types, summed into their score rows (own, then as each neighbour)."""
        feat, w, tab = self._feat, self._weights, self._tables
        assert feat is not None and w is not None and tab is not None
        first = len(cache.index)
        need = first + len(new)
        if need > len(cache.wid):
            cache.grow(need)
        get = w.index.get
        vocab = tab.vocab
        starts = feat.res.gaz_words
        own: list[list[int]] = []
        ctx: list[tuple[str, ...]] = []
        wid = cache.wid
        for k, t in enumerate(new):
            feats, context, keys = feat.word(t)
            own.append([r for r in map(get, feats) if r is not None])
            ctx.append(context)
            wid[first + k] = vocab.get(context[0], -1)
            cache.gaz_start[first + k] = any(key in starts for key in keys)
            cache.form.append(context[0][2:])  # the normalized word ("w=" + word)
            cache.keys.append(keys)
        bags = own
        for d in self._offsets:
            cget = tab.context[d].get
            bags.extend([r for r in map(cget, c) if r is not None] for c in ctx)
        cache.scores[:, first:need] = w.sum_rows(bags).reshape(len(self._offsets) + 1, len(new), -1)
        index = cache.index
        for k, t in enumerate(new):
            index[t] = first + k

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags (``B-PER`` ...) for one sentence of word tokens."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]], consistent: bool = False) -> list[list[str]]:
        """IOB2 tags for several sentences at once (one numpy pass; what ``entities`` uses).

        With ``consistent``, the sentences are taken as one document and a name the model found
        once is also tagged where the model missed it (see :func:`propagate`).
        """
        return self._tag_docs(sentences, [len(sentences)] if consistent else [])

    def _tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Viterbi tags of each sentence (no label consistency)."""
        return self._tag_docs(sentences, [])

    def _tag_docs(self, sentences: Sequence[Sequence[str]], docs: Sequence[int]) -> list[list[str]]:
        """Tags of ``sentences``, decoded in one batch; ``docs`` gives how many consecutive sentences
        make up each document for label consistency (none: no consistency)."""
        self.load()
        w = self._weights
        assert w is not None
        if not any(sentences):
            return [[] for _ in sentences]
        paths, rows, cache = self._decode(sentences)
        labels = w.labels
        tags = [[labels[k] for k in path] for path in paths]
        if docs:
            form = cache.form
            flat = iter(rows.tolist())
            keys = [[form[next(flat)] for _ in s] for s in sentences]  # normalized forms
            out: list[list[str]] = []
            a = 0
            for m in docs:
                out += propagate(keys[a : a + m], tags[a : a + m])
                a += m
            tags = out
        return tags

    def _decode(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[int]], np.ndarray, _TypeCache]:
        """Viterbi label ids of each sentence, with the tokens' type rows and the cache they index."""
        feat, w, tab = self._feat, self._weights, self._tables
        assert feat is not None and w is not None and tab is not None
        flat = [t for s in sentences for t in s]
        with self._lock:  # the type cache grows in place: one writer at a time
            rows, cache = self._rows(flat)
            scores = cache.scores
        n = len(flat)
        lens = np.fromiter(map(len, sentences), dtype=np.intp, count=len(sentences))
        sid = np.repeat(np.arange(len(sentences)), lens)
        pos = np.arange(n) - np.repeat(np.cumsum(lens) - lens, lens)  # place in the sentence
        rest = lens[sid] - pos  # tokens from here to the sentence end (≥ 1)
        em = scores[0, rows]
        for k, d in enumerate(self._offsets, 1):  # token i gets the scores of token i + d
            ok = np.flatnonzero(rest > d) if d > 0 else np.flatnonzero(pos >= -d)
            if len(ok):
                em[ok] += scores[k, rows[ok + d]]
        if tab.fast_pairs:
            self._pair_scores(em, rows, pos, rest, cache)
        else:
            self._pair_scores_slow(em, sentences)
        return w.viterbi_many(em, lens.tolist()), rows, cache

    def _pair_scores(
        self, em: np.ndarray, rows: np.ndarray, pos: np.ndarray, rest: np.ndarray, cache: _TypeCache
    ) -> None:
        """Add the features of :meth:`Featurizer.pair_features` to the emissions, without strings.

        They are added per token in the order that method lists them (gazetteer spans, sentence
        edges by offset, word bigram before and after), which keeps the float sums identical.
        """
        w, tab, feat = self._weights, self._tables, self._feat
        assert w is not None and tab is not None and feat is not None
        matrix = w.matrix
        n = len(rows)
        if "gaz" in feat.groups:
            gstarts = np.flatnonzero(cache.gaz_start[rows])
            if len(gstarts):
                self._gazetteer_scores(em, rows, rest, gstarts, cache)
        for d in self._offsets:
            r = tab.edge[d]
            if r is not None:
                at = np.flatnonzero(pos < -d) if d < 0 else np.flatnonzero(rest <= d)
                if len(at):
                    em[at] += matrix[r]
        wid = cache.wid[rows]
        nv = max(len(tab.vocab), 1)
        for name, other in (("bg-=", -1), ("bg+=", 1)):
            keys, krows = tab.bigrams[name]
            if not len(keys):
                continue
            near = np.empty(n, dtype=np.int64)
            if other < 0:
                near[1:] = wid[:-1]
                near[pos == 0] = tab.bos
                key = near * nv + wid
                ok = (near >= 0) & (wid >= 0)
            else:
                near[:-1] = wid[1:]
                near[rest == 1] = tab.eos
                key = wid * nv + near
                ok = (near >= 0) & (wid >= 0)
            at = np.flatnonzero(ok)
            if not len(at):
                continue
            j = np.searchsorted(keys, key[at])
            j[j == len(keys)] = 0
            hit = keys[j] == key[at]
            if hit.any():
                em[at[hit]] += matrix[krows[j[hit]]]

    def _gazetteer_scores(
        self, em: np.ndarray, rows: np.ndarray, rest: np.ndarray, gstarts: np.ndarray, cache: _TypeCache
    ) -> None:
        """Multi-word gazetteer matches (``G=B-LOC`` ...), as :meth:`Featurizer._gazetteer_spans`."""
        feat, w, tab = self._feat, self._weights, self._tables
        assert feat is not None and w is not None and tab is not None
        gaz = feat.res.gazetteer
        starts = feat.res.gaz_words
        form, keys = cache.form, cache.keys
        at: list[int] = []
        idx: list[int] = []
        for i in gstarts.tolist():
            for first in keys[rows[i]]:
                if first not in starts:
                    continue
                for m in range(min(MAX_GAZ_WORDS, int(rest[i])), 1, -1):
                    phrase = " ".join([first] + [form[r] for r in rows[i + 1 : i + m].tolist()])
                    types = gaz.get(phrase)
                    if types:
                        for t in sorted(types):
                            r = tab.gaz.get("G=B-" + t)
                            if r is not None:
                                at.append(i)
                                idx.append(r)
                            r = tab.gaz.get("G=I-" + t)
                            if r is not None:
                                at.extend(range(i + 1, i + m))
                                idx.extend([r] * (m - 1))
                        break
        if idx:
            np.add.at(em, at, w.matrix[idx])

    def _pair_scores_slow(self, em: np.ndarray, sentences: Sequence[Sequence[str]]) -> None:
        """Pair features through their strings (for feature groups the tables do not cover)."""
        feat, w = self._feat, self._weights
        assert feat is not None and w is not None
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

    def entities(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Entities in ``text[start:end]`` as ``(start, end, type)`` character offsets into ``text``.

        The range is treated as one document for label consistency, so a whole article body is
        better than one paragraph at a time.
        """
        return self.entities_many(text, [(start, len(text) if end is None else end)])[0]

    def entities_many(self, text: str, ranges: Sequence[tuple[int, int]]) -> list[list[tuple[int, int, str]]]:
        """:meth:`entities` of several ranges of ``text`` (each its own document), decoded in one batch.

        Gives the same as calling :meth:`entities` on each range, at a fraction of the cost when the
        ranges are short (paragraphs): the Viterbi pass costs a few numpy calls per position of the
        longest sentence in a batch, so one batch per article instead of one per paragraph.
        """
        per_range = []
        sentences: list[list[str]] = []
        docs: list[int] = []
        for start, stop in ranges:
            sub = text[start:stop]
            found = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(sub)]  # as words() cuts
            texts = [t for _, _, t in found]
            cuts = _cuts(sub, texts, [a for a, _, _ in found], [b for _, b, _ in found])
            per_range.append((start, found, cuts))
            sentences += [texts[a:b] for a, b in cuts]
            docs.append(len(cuts))
        tags = iter(self._tag_docs(sentences, docs) if sentences else [])
        out: list[list[tuple[int, int, str]]] = []
        for start, found, cuts in per_range:
            ents: list[tuple[int, int, str]] = []
            for a, _ in cuts:
                for s, e, typ in tag_spans(next(tags)):
                    fs, _, ftext = found[a + s]
                    ents.append((start + fs + _proclitic_cut(ftext), start + found[a + e - 1][1], typ))
            out.append(ents)
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


def _chunks(text: str, toks: Sequence[Token]) -> list[tuple[int, int]]:
    """Sentence-like token ranges: cut after . ! ? ؟ and at line breaks, and every _MAX_TOKENS."""
    return _cuts(text, [t.text for t in toks], [t.start for t in toks], [t.end for t in toks])


def _cuts(
    text: str, texts: Sequence[str], starts: Sequence[int], ends: Sequence[int]
) -> list[tuple[int, int]]:
    """:func:`_chunks` of tokens given as their texts and offsets into ``text``.

    A token ends a sentence when it is one of _SENT_END or a line break follows it before the next
    token; runs longer than _MAX_TOKENS are cut every _MAX_TOKENS tokens, counted from the last cut.
    """
    n = len(texts)
    ends_at = {i for i, t in enumerate(texts) if t in _SENT_END}
    at = text.find("\n", ends[0] if n else 0)
    while at >= 0:
        i = bisect_right(ends, at) - 1  # the last token ending at or before the line break
        if i + 1 >= n:
            break
        if starts[i + 1] > at:
            ends_at.add(i)
        at = text.find("\n", max(at + 1, starts[i + 1]))
    out: list[tuple[int, int]] = []
    a = 0
    for c in sorted(ends_at):
        while c - a + 1 > _MAX_TOKENS:
            out.append((a, a + _MAX_TOKENS))
            a += _MAX_TOKENS
        out.append((a, c + 1))
        a = c + 1
    while n - a > _MAX_TOKENS:
        out.append((a, a + _MAX_TOKENS))
        a += _MAX_TOKENS
    if a < n:
        out.append((a, n))
    return out


@lru_cache(maxsize=100_000)
def _proclitic_cut(word: str) -> int:
    """How many characters of proclitics :func:`_trim_proclitics` takes off the start of ``word``."""
    return _trim_proclitics(word, 0)


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
