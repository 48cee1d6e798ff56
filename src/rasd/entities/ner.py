"""The shipped NER tagger: a CRF over word tokens, giving PER/ORG/LOC/MISC spans of the original text.

The model and its feature resources live in ``rasd/data/ner`` and are read once per process, on the
first call. The CRF is trained with crfsuite, but tagged here with its exported weights: the score a
word type contributes (as itself and as each neighbour) is summed once and cached, the features
that join neighbours (sentence edges, word bigrams, multi-word gazetteer entries) are looked up by
integer ids, and a batch of sentences is decoded together on a padded grid, so a text costs a few
dozen numpy calls plus three per position of its longest sentence instead of thousands of string
look-ups in crfsuite. Scores are summed in crfsuite's order, so the tags are those crfsuite gives
(tests/test_ner.py checks this). ``entities_many`` decodes all the paragraphs of an article at once.

Tokens are rasd.text.words (whitespace/punctuation tokens, clitics attached), which is how ANERcorp,
the training corpus, is tokenized; spans are mapped back to character offsets of the text given,
with leading proclitics (و ف ب ل ك) trimmed so a mention reads ``العراق`` rather than ``والعراق``.
"""

from __future__ import annotations

import json
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from itertools import chain, repeat
from pathlib import Path
from typing import IO, TYPE_CHECKING

import numpy as np

from rasd.entities.conll import spans as conll_spans
from rasd.entities.features import DEFAULT_GROUPS, MAX_GAZ_WORDS, FeatureTables, Featurizer
from rasd.limits import WORD_MEMO
from rasd.text.tokenize import Words, segment, word_spans

if TYPE_CHECKING:
    from rasd.model import Token

WEIGHTS_FILE = "weights.tsv.gz"
META_FILE = "meta.json"
TYPES = ("PER", "ORG", "LOC", "MISC")
_SENT_END = frozenset(".!?؟…")
_SENT_END_RE = re.compile("[" + re.escape("".join(sorted(_SENT_END))) + "]")
_MAX_TOKENS = 200  # a run-on "sentence" is cut so features and Viterbi stay local
_TYPE_ROWS = 4 * WORD_MEMO  # word types whose scores are kept (94 MB; 1× WORD_MEMO refilled every ~900 SaudiNewsNet articles and cost 22 % of the entities step); a call fits a fresh cache
_GRID_CELLS = 1 << 15  # positions × sentences decoded in one numpy pass (≈ 2.4 MB of float scores)
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
        with the matrix's zero row and added a column at a time (never a pairwise sum).
        """
        out = np.zeros((len(bags), len(self.labels)))
        lens = np.fromiter(map(len, bags), dtype=np.intp, count=len(bags))
        width = int(lens.max()) if len(bags) else 0
        if width == 0:
            return out
        pad = np.full((width, len(bags)), len(self.matrix) - 1, dtype=np.intp)
        pad.T[np.arange(width) < lens[:, None]] = list(chain.from_iterable(bags))
        for rows in self.matrix[pad]:
            out += rows
        return out

    def viterbi_many(self, emissions: np.ndarray, lengths: Sequence[int]) -> list[list[int]]:
        """Best label paths of consecutive sentences whose emission rows are stacked in ``emissions``."""
        lengths = list(lengths)
        keep = [b for b, m in enumerate(lengths) if m]
        out: list[list[int]] = [[] for _ in lengths]
        if not keep:
            return out
        lens = [lengths[b] for b in keep]
        batch = _Batch(lens)
        em = np.zeros((batch.longest, len(lens), len(self.labels)))
        em[batch.pos, batch.tok_slot] = emissions  # empty sentences have no rows
        for b, path in zip(keep, self.decode(em, batch), strict=True):
            out[b] = path
        return out

    def decode(self, em: np.ndarray, batch: _Batch) -> list[list[int]]:
        """Best label path of each sentence of ``batch``, given its emissions as a grid
        ``[position, slot, label]`` (slots ordered longest sentence first; cells past a sentence's end
        are ignored).

        All sentences advance together one position per step, and a step touches only the sentences
        still running, so numpy's per-call cost is paid once per position rather than once per
        token: three calls a step, on arrays laid out label-major so each call runs over
        contiguous memory. Back-pointers are not kept during the pass: they are recomputed
        afterwards for every token at once from the stored scores (the same sums, so the same
        choices). Ties go to the first maximum, as in crfsuite.
        """
        nl = len(self.labels)
        nb = len(batch.lens)
        eml = np.ascontiguousarray(em.transpose(0, 2, 1))  # [position, label, slot]
        hist = np.zeros_like(eml)  # Viterbi scores after each position
        hist[0] = eml[0]
        trans = self.transitions[:, :, None]  # [from, to, 1]
        buf = np.empty(nl * nl * nb)
        add, best = np.add, np.maximum.reduce
        k_prev = -1
        for t, k in enumerate(batch.running[1:], 1):
            if k != k_prev:  # views of the running slots, made once per change of their number
                cand = buf[: nl * nl * k].reshape(nl, nl, k)  # [from, to, slot]
                prev_col, cur, em_k = hist[:, :, None, :k], hist[:, :, :k], eml[:, :, :k]
                k_prev = k
            add(prev_col[t - 1], trans, out=cand)
            s = cur[t]
            best(cand, axis=0, out=s)
            add(s, em_k[t], out=s)
        by_slot = hist.transpose(0, 2, 1)  # [position, slot, label]
        # back-pointers of every token: best previous label for each label (row of token 0 unused)
        prev = by_slot[batch.pos - 1, batch.tok_slot]
        back = (prev[:, None, :] + self.transitions.T).argmax(axis=2).tolist()
        last = by_slot[batch.lens_arr - 1, batch.slot].argmax(axis=1).tolist()
        out: list[list[int]] = []
        a = 0
        for p, m in zip(last, batch.lens, strict=True):
            path = [p]
            append = path.append
            for bp in back[a + m - 1 : a : -1]:
                p = bp[p]
                append(p)
            path.reverse()
            out.append(path)
            a += m
        return out

    def viterbi(self, emissions: np.ndarray) -> list[int]:
        """Best label path of one sentence."""
        return self.viterbi_many(emissions, [len(emissions)])[0]


class _Batch:
    """Where each token of a batch of non-empty sentences sits in a padded grid ``[position, slot]``
    whose slots hold the sentences longest first (so the running ones are always a prefix)."""

    def __init__(self, lens: list[int]) -> None:
        self.lens = lens
        self.lens_arr = np.array(lens, dtype=np.intp)
        n = sum(lens)
        self.pos = np.fromiter(chain.from_iterable(map(range, lens)), dtype=np.intp, count=n)
        self.longest = max(lens)
        if len(lens) == 1:  # the common case of one sentence, without the sorting
            self.slot = np.zeros(1, dtype=np.intp)
            self.slot_lens = self.lens_arr
            self.tok_slot = np.zeros(n, dtype=np.intp)
            self.running = [1] * self.longest
            return
        order = sorted(range(len(lens)), key=lens.__getitem__, reverse=True)  # slot → sentence (stable)
        self.slot = np.empty(len(lens), dtype=np.intp)  # sentence → slot
        self.slot[order] = np.arange(len(lens))
        sorted_lens = self.slot_lens = self.lens_arr[order]
        self.tok_slot = np.repeat(self.slot, self.lens_arr)
        # sentences still running at each position: those longer than it
        self.running = np.searchsorted(-sorted_lens, -np.arange(self.longest), side="left").tolist()


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
    of ``-2BOS`` ... ``+2EOS`` (or None); ``context_rows`` gives a context feature's rows at all offsets
    at once. Word bigram attributes (``bg-=w=A|w=B``) are keyed by a pair of integer ids of their two
    word features: ``vocab`` holds the ids (from 1), ``bigrams[side]`` the sorted keys
    ``id(A) * nkey + id(B)`` and their rows.
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
        self.vocab: dict[str, int] = {}  # word feature → id, from 1 (0: not in any bigram)
        for side in pairs.values():
            for a, b, _ in side:
                self.vocab.setdefault(a, len(self.vocab) + 1)
                self.vocab.setdefault(b, len(self.vocab) + 1)
        self.nkey = len(self.vocab) + 1
        self.bigrams: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for name, side in pairs.items():
            keys = np.array([self.vocab[a] * self.nkey + self.vocab[b] for a, b, _ in side], dtype=np.int64)
            rows = np.array([r for _, _, r in side], dtype=np.intp)
            order = np.argsort(keys, kind="stable")
            self.bigrams[name] = (keys[order], rows[order])
        # context feature → its row as a neighbour at each offset (the zero row where it has none)
        self.zero = len(weights.matrix) - 1
        self.no_context = (self.zero,) * len(offsets)
        self.context_rows = {
            f: tuple(self.context[d].get(f, self.zero) for d in offsets)
            for f in set().union(*(self.context[d] for d in offsets))
        }
        self.bos = self.vocab.get("w=<s>", 0)
        self.eos = self.vocab.get("w=</s>", 0)
        # cluster bigrams have no table: a model trained with them takes the string path
        self.fast_pairs = not ("cbg" in groups and "clu" in groups)


class _TypeCache:
    """Per word type: its score rows (own features, then as each neighbour), the id of its word
    feature among the bigram words, its normalized form and gazetteer keys, and whether it can begin
    a multi-word gazetteer entry. Tokens map to rows, and so do feature keys
    (:meth:`Featurizer.type_key`): spelling variants with the same features share a row.

    Row 0 is no word at all (zero scores): a sentence's missing neighbours point there, so a token's
    emission is one gather per neighbour with no masking. The arrays are allocated at their full
    ``rows`` at once (zeroed lazily by the OS: pages cost memory only once written), so they are
    never copied to grow; the tagger replaces the whole cache when the next call might not fit, so
    arrays handed out are never rewritten where they were already filled.
    """

    def __init__(self, slots: int, labels: int, rows: int = 1024) -> None:
        self.index: dict[str, int] = {}
        self.by_key: dict[tuple[str, str, str], int] = {}  # Featurizer.type_key → row
        self.scores = np.zeros((slots, rows, labels))
        self.wid = np.zeros(rows, dtype=np.int64)
        self.gaz_start = np.zeros(rows, dtype=bool)
        self.form: list[str] = [""]
        self.keys: list[tuple[str, ...]] = [()]

    def fits(self, new: int) -> bool:
        return len(self.form) + new <= len(self.wid)


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
                self._feat = Featurizer(FeatureTables(base), groups)
                self._offsets = self._feat.offsets
                self._tables = _Tables(weights, self._offsets, self._feat.groups)
                self._cache = _TypeCache(1 + len(self._offsets), len(weights.labels), _TYPE_ROWS)
                self._weights = weights
        return self

    def _rows(self, tokens: Sequence[str]) -> tuple[list[int], _TypeCache]:
        """Rows of the tokens' word types in the type cache (filled on first sight), and that cache.

        Call with the lock held.
        """
        cache = self._cache
        if not cache.fits(len(tokens)):  # bound the cache on endless streams of new words
            cache = self._cache = _TypeCache(*self._cache.scores.shape[::2], len(cache.wid))
        index = cache.index
        out = list(map(index.get, tokens, repeat(0)))
        if 0 in out:
            feat = self._feat
            assert feat is not None
            by_key = cache.by_key
            new: dict[tuple[str, str, str], str] = {}  # feature key → first token with it
            variants: list[tuple[str, tuple[str, str, str]]] = []
            for t in dict.fromkeys(t for t, r in zip(tokens, out, strict=True) if not r):
                key = feat.type_key(t)
                row = by_key.get(key)
                if row is not None:  # a spelling variant of a type already scored
                    index[t] = row
                elif key in new:
                    variants.append((t, key))
                else:
                    new[key] = t
            if new:
                self._add_types(cache, {t: key for key, t in new.items()})
            for t, key in variants:
                index[t] = by_key[key]
            out = list(map(index.__getitem__, tokens))
        return out, cache

    def _add_types(self, cache: _TypeCache, new: dict[str, tuple[str, str, str]]) -> None:
        """Features of new word types (token → its :meth:`Featurizer.type_key`), summed into their
        score rows (own, then as each neighbour)."""
        feat, w, tab = self._feat, self._weights, self._tables
        assert feat is not None and w is not None and tab is not None
        first = len(cache.form)
        need = first + len(new)
        get, cget = w.index.get, tab.context_rows.get
        zero, no_context = tab.zero, tab.no_context
        vocab = tab.vocab
        starts = feat.res.gaz_words
        own: list[list[int]] = []
        ctx: list[list[tuple[int, ...]]] = []
        wids: list[int] = []
        gaz_start: list[bool] = []
        form, keys_of = cache.form, cache.keys
        for key in new.values():
            feats, context, keys = feat.key_info(key)
            # unknown attributes take the zero row: adding exact zeros leaves every sum as it was
            own.append(list(map(get, feats, repeat(zero))))
            ctx.append(list(map(cget, context, repeat(no_context))))
            wids.append(vocab.get(context[0], 0))
            gaz_start.append(not starts.isdisjoint(keys))
            form.append(context[0][2:])  # the normalized word ("w=" + word)
            keys_of.append(keys)
        scores = cache.scores
        scores[0, first:need] = w.sum_rows(own)
        # the context features of a type, as a neighbour at each offset: [feature, type, offset]
        n, no = len(new), len(self._offsets)
        lens = np.fromiter(map(len, ctx), dtype=np.intp, count=n)
        width = int(lens.max())
        pad = np.full((width, n, no), zero, dtype=np.intp)
        pad.transpose(1, 0, 2)[np.arange(width) < lens[:, None]] = list(chain.from_iterable(ctx))
        acc = np.zeros((n, no, len(w.labels)))
        for feature_rows in pad:  # one feature position at a time: never [feature, type, offset, label] at once
            acc += w.matrix[feature_rows]
        scores[1:, first:need] = acc.transpose(1, 0, 2)
        cache.wid[first:need] = wids
        cache.gaz_start[first:need] = gaz_start
        cache.index.update(zip(new, range(first, need), strict=True))
        cache.by_key.update(zip(new.values(), range(first, need), strict=True))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags (``B-PER`` ...) for one sentence of word tokens."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]], consistent: bool = False) -> list[list[str]]:
        """IOB2 tags for several sentences at once (one numpy pass; what ``entities`` uses).

        With ``consistent``, the sentences are taken as one document and a name the model found
        once is also tagged where the model missed it (see :func:`propagate`).
        """
        return self._tag_docs(sentences, [len(sentences)] if consistent else [])

    def _tag_docs(self, sentences: Sequence[Sequence[str]], docs: Sequence[int]) -> list[list[str]]:
        """Tags of ``sentences``, decoded in one batch; ``docs`` gives how many consecutive sentences
        make up each document for label consistency (none: no consistency)."""
        return self._label_docs(sentences, docs)[0]

    def _label_docs(
        self, sentences: Sequence[Sequence[str]], docs: Sequence[int]
    ) -> tuple[list[list[str]], list[list[tuple[int, int, str]]] | None]:
        """:meth:`_tag_docs`, and with ``docs`` also each sentence's entity spans (label consistency
        reads them anyway, so they are not worked out twice)."""
        self.load()
        w = self._weights
        assert w is not None
        full = [s for s in sentences if len(s)]
        if not full:
            return [[] for _ in sentences], [[] for _ in sentences] if docs else None
        paths: list[list[int]] = []
        flat_keys: list[str] = []  # normalized forms, for label consistency
        for part in _parts(full):  # bounded grids: memory stays linear in the text
            part_paths, rows, cache = self._decode(part)
            paths += part_paths
            if docs:
                flat_keys += map(cache.form.__getitem__, rows)
        labels = w.labels
        decoded = iter([list(map(labels.__getitem__, path)) for path in paths])
        tags = [next(decoded) if len(s) else [] for s in sentences]
        if not docs:
            return tags, None
        keys: list[list[str]] = []
        a = 0
        for s in sentences:
            keys.append(flat_keys[a : a + len(s)])
            a += len(s)
        return propagate_docs(keys, tags, docs)

    def _decode(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[int]], list[int], _TypeCache]:
        """Viterbi label ids of each (non-empty) sentence, with the tokens' type rows and their cache.

        Emissions are built on the padded grid ``[position, slot]`` of :class:`_Batch`, with ``pad``
        rows of no-word (row 0) above and below, so the neighbour ``d`` places away is the same grid
        shifted by ``d`` rows. They are summed in the order crfsuite sums them: own features, each
        neighbour's, then :meth:`Featurizer.pair_features`; a missing neighbour adds exact zeros.
        """
        feat, w, tab = self._feat, self._weights, self._tables
        assert feat is not None and w is not None and tab is not None
        flat = [t for s in sentences for t in s]
        with self._lock:  # the type cache grows in place: one writer at a time
            rows, cache = self._rows(flat)
            scores, wid, gaz_start = cache.scores, cache.wid, cache.gaz_start
        batch = _Batch([len(s) for s in sentences])
        pad = max(map(abs, self._offsets))
        longest = batch.longest
        grid = np.zeros((longest + 2 * pad, len(sentences)), dtype=np.intp)
        grid[batch.pos + pad, batch.tok_slot] = rows
        em = scores[0].take(grid[pad : pad + longest], axis=0)  # [position, slot, label]
        for k, d in enumerate(self._offsets, 1):
            em += scores[k].take(grid[pad + d : pad + d + longest], axis=0)
        if tab.fast_pairs:
            if "gaz" in feat.groups:
                self._gazetteer_scores(em, grid, pad, batch, gaz_start, cache)
            self._pair_scores(em, grid, pad, batch, wid)
        else:
            self._pair_scores_slow(em, sentences, batch)
        return w.decode(em, batch), rows, cache

    def _pair_scores(
        self, em: np.ndarray, grid: np.ndarray, pad: int, batch: _Batch, wid: np.ndarray
    ) -> None:
        """Add the sentence-edge and word-bigram features of :meth:`Featurizer.pair_features`
        without building strings, token by token in the order that method lists them (edges by
        offset, then the bigram before and the one after), so the float sums stay the same."""
        w, tab = self._weights, self._tables
        assert w is not None and tab is not None
        matrix = w.matrix
        longest, nb = em.shape[:2]
        slots = np.arange(nb)
        last = batch.slot_lens - 1  # last position of each slot's sentence
        for d in self._offsets:
            r = tab.edge[d]
            if r is None:
                continue
            if d < 0:  # -dBOS on the first -d positions of every sentence
                em[:-d] += matrix[r]
            elif nb == 1:  # +dEOS on the last d positions
                em[max(longest - d, 0) :] += matrix[r]
            else:
                ts = (last[:, None] - np.arange(d)).ravel()
                ok = ts >= 0
                em[ts[ok], np.repeat(slots, d)[ok]] += matrix[r]
        words = wid[grid]  # bigram-word id + 1 of every cell; 0: none (or no word)
        own = words[pad : pad + longest]
        flat_em = em.reshape(-1, em.shape[2])
        for name, d, edge in (("bg-=", -1, tab.bos), ("bg+=", 1, tab.eos)):
            keys, krows = tab.bigrams[name]
            if not len(keys):
                continue
            near = words[pad + d : pad + d + longest].copy()
            if d < 0:
                near[0] = edge
                key = near * tab.nkey + own
            else:
                near[last, slots] = edge
                key = own * tab.nkey + near
            key = key.ravel()  # a 0 on either side never matches: table ids start at 1
            j = np.searchsorted(keys, key)
            np.minimum(j, len(keys) - 1, out=j)
            at = np.flatnonzero(keys[j] == key)
            if len(at):
                flat_em[at] += matrix[krows[j[at]]]

    def _gazetteer_scores(
        self,
        em: np.ndarray,
        grid: np.ndarray,
        pad: int,
        batch: _Batch,
        gaz_start: np.ndarray,
        cache: _TypeCache,
    ) -> None:
        """Multi-word gazetteer matches (``G=B-LOC`` ...), as :meth:`Featurizer._gazetteer_spans`;
        looked up only at the few tokens whose word begins some entry."""
        feat, w, tab = self._feat, self._weights, self._tables
        assert feat is not None and w is not None and tab is not None
        body = grid[pad : pad + em.shape[0]]
        ts, ss = np.nonzero(gaz_start[body])
        if not len(ts):
            return
        gaz = feat.res.gazetteer
        starts = feat.res.gaz_words
        form, keys = cache.form, cache.keys
        lens = batch.slot_lens
        at_t: list[int] = []
        at_s: list[int] = []
        idx: list[int] = []
        for t, sl in zip(ts.tolist(), ss.tolist(), strict=True):
            rest = int(lens[sl]) - t
            for first in keys[body[t, sl]]:
                if first not in starts:
                    continue
                for m in range(min(MAX_GAZ_WORDS, rest), 1, -1):
                    phrase = " ".join([first] + [form[r] for r in body[t + 1 : t + m, sl].tolist()])
                    types = gaz.get(phrase)
                    if types:
                        for typ in sorted(types):
                            r = tab.gaz.get("G=B-" + typ)
                            if r is not None:
                                at_t.append(t)
                                at_s.append(sl)
                                idx.append(r)
                            r = tab.gaz.get("G=I-" + typ)
                            if r is not None:
                                at_t.extend(range(t + 1, t + m))
                                at_s.extend([sl] * (m - 1))
                                idx.extend([r] * (m - 1))
                        break
        if idx:
            np.add.at(em, (at_t, at_s), w.matrix[idx])

    def _pair_scores_slow(self, em: np.ndarray, sentences: Sequence[Sequence[str]], batch: _Batch) -> None:
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
            np.add.at(em, (batch.pos[at], batch.tok_slot[at]), w.matrix[idx])

    def entities(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Entities in ``text[start:end]`` as ``(start, end, type)`` character offsets into ``text``.

        The range is treated as one document for label consistency, so a whole article body is
        better than one paragraph at a time.
        """
        return self.entities_many(text, [(start, len(text) if end is None else end)])[0]

    def entities_many(
        self, text: str, ranges: Sequence[tuple[int, int]], words: Words | None = None
    ) -> list[list[tuple[int, int, str]]]:
        """:meth:`entities` of several ranges of ``text`` (each its own document), decoded in one batch.

        Gives the same as calling :meth:`entities` on each range, at a fraction of the cost when the
        ranges are short (paragraphs): the Viterbi pass costs a few numpy calls per position of the
        longest sentence in a batch, so one batch per article instead of one per paragraph.
        ``words``: the document's word table (``rasd.text.doc_words``) when the caller has it, so the
        words are not found a second time (the same tokens either way).
        """
        per_range = []
        sentences: list[list[str]] = []
        docs: list[int] = []
        for start, stop in ranges:
            if words is not None and words.text is text:
                toks = words.between(start, stop)
                texts = [t.text for t in toks]
                starts, ends = [t.start - start for t in toks], [t.end - start for t in toks]
            else:
                found = list(word_spans(text[start:stop]))  # the tokens of rasd.text.words
                texts = [w[2] for w in found]
                starts, ends = [w[0] for w in found], [w[1] for w in found]
            sub = text[start:stop]
            cuts = _cuts(sub, texts, starts, ends)
            per_range.append((start, texts, starts, ends, cuts))
            sentences += [texts[a:b] for a, b in cuts]
            docs.append(len(cuts))
        spans = iter(self._label_docs(sentences, docs)[1] or [] if sentences else [])
        out: list[list[tuple[int, int, str]]] = []
        for start, texts, starts, ends, cuts in per_range:
            ents: list[tuple[int, int, str]] = []
            for a, _ in cuts:
                for s, e, typ in next(spans):
                    cs = start + starts[a + s] + _proclitic_cut(texts[a + s])
                    ents.append((cs, start + ends[a + e - 1], typ))
            out.append(ents)
        return out


def _parts(sentences: Sequence[Sequence[str]]) -> Iterator[Sequence[Sequence[str]]]:
    """Consecutive runs of ``sentences`` whose padded Viterbi grid (longest × count) stays within
    _GRID_CELLS, so a book-length text costs memory in proportion to its length, not to its length
    times its sentence count. An article's few dozen sentences are one run, as before."""
    a = longest = 0
    for i, s in enumerate(sentences):
        longest = max(longest, len(s))
        if i > a and longest * (i - a + 1) > _GRID_CELLS:
            yield sentences[a:i]
            a, longest = i, len(s)
    if a < len(sentences):
        yield sentences[a:]


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
    return _propagate(keys, tags)[0]


def propagate_docs(
    keys: Sequence[Sequence[str]], tags: list[list[str]], docs: Sequence[int]
) -> tuple[list[list[str]], list[list[tuple[int, int, str]]]]:
    """:func:`propagate` over consecutive documents (``docs``: how many sentences each has), with the
    entity spans of each sentence of the result: the last step of every tagger's ``_label_docs``."""
    out: list[list[str]] = []
    spans: list[list[tuple[int, int, str]]] = []
    a = 0
    for n in docs:
        doc_tags, doc_spans = _propagate(keys[a : a + n], tags[a : a + n])
        out += doc_tags
        spans += doc_spans
        a += n
    return out, spans


def _propagate(
    keys: Sequence[Sequence[str]], tags: list[list[str]]
) -> tuple[list[list[str]], list[list[tuple[int, int, str]]]]:
    """:func:`propagate`, with the entity spans of each sentence of the result."""
    spans = [tag_spans(ts) for ts in tags]
    seen: dict[tuple[str, ...], set[str]] = {}
    for ks, found in zip(keys, spans, strict=True):
        for s, e, typ in found:
            seen.setdefault(tuple(ks[s:e]), set()).add(typ)
            if typ == "PER" and e - s > 1:
                seen.setdefault((ks[e - 1],), set()).add(typ)
    memory = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and len(k[-1]) >= 3}
    if not memory:
        return tags, spans
    longest = max(len(k) for k in memory)
    firsts = {k[0] for k in memory}
    out = []
    for j, (ks, ts) in enumerate(zip(keys, tags, strict=True)):
        if firsts.isdisjoint(ks):  # nothing remembered starts in this sentence
            out.append(ts)
            continue
        before = ts
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
        if ts != before:
            spans[j] = tag_spans(ts)
    return out, spans


def tag_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """:func:`rasd.entities.conll.spans` (lenient IOB2 reading) with a quick way out for sentences
    without entities: it runs on every tagged sentence, and most have none."""
    if tags.count("O") == len(tags):
        return []
    return conll_spans(tags)


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
    ends_at = set()
    for m in _SENT_END_RE.finditer(text):  # few, so found in the text rather than token by token
        i = bisect_left(starts, m.start())
        if i < n and starts[i] == m.start() and texts[i] in _SENT_END:  # the token itself, not a "3.5"
            ends_at.add(i)
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


@lru_cache(maxsize=WORD_MEMO)
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
