"""Token features for the CRF tagger: word forms, clitics, affixes, shape, gazetteers, titles, clusters.

Tokens are whole words as ANERcorp gives them (clitics attached), so each word also contributes its
clitic-stripped forms (rasd.text segment_norm/light_stem) and the proclitics and enclitic it carries.
Features of one word type never change, so they are computed once per type and cached; a sentence
then only stitches together the cached lists of each token and its ±2 neighbours, which keeps tagging
fast enough for bulk news.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasd.limits import WORD_MEMO
from rasd.text.normalize import normalize, normalize_word
from rasd.text.tokenize import lexicon, segment_norm

MAX_GAZ_WORDS = 4
_AR = frozenset(chr(c) for c in range(0x0621, 0x064B))
_DIGITS = frozenset("0123456789٠١٢٣٤٥٦٧٨٩")
_AR_SHAPE = "".join(sorted(_AR)) + "".join(map(chr, range(0x064B, 0x0660))) + "\u0640"
_DIGIT_CHARS = "".join(sorted(_DIGITS))


class FeatureTables:
    """The word lists and clusters the features consult, read from one directory (the model's)."""

    def __init__(self, directory: Path | resources.abc.Traversable | None = None) -> None:
        base = directory if directory is not None else resources.files("rasd.data").joinpath("ner")
        self.gazetteer: dict[str, set[str]] = {}
        self.gaz_words: set[str] = set()  # first words of multi-word entries
        with base.joinpath("gazetteer.tsv").open("r", encoding="utf-8") as fh:
            for line in fh:
                entry, _, typ = line.rstrip("\n").partition("\t")
                self.gazetteer.setdefault(entry, set()).add(typ)
                if " " in entry:
                    self.gaz_words.add(entry.split(" ", 1)[0])
        self.titles: dict[str, str] = {}
        with base.joinpath("titles.tsv").open("r", encoding="utf-8") as fh:
            for line in fh:
                word, b, i = line.rstrip("\n").split("\t")
                self.titles[word] = "B" if int(b) >= int(i) else "I"
        self.clusters: dict[str, tuple[str, ...]] = {}
        with base.joinpath("clusters.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            for line in fh:
                word, *ids = line.rstrip("\n").split("\t")
                self.clusters[word] = tuple(ids)


# Optional feature groups (a model records the ones it was trained with in its meta.json).
GROUPS = frozenset({"gaz", "tit", "clu", "win3", "cbg", "cx", "aff4", "freq"})
DEFAULT_GROUPS = ("gaz", "tit", "clu", "aff4", "freq")


class Featurizer:
    """Turns a sentence of tokens into crfsuite item features (lists of ``name=value`` strings).

    ``groups`` switches feature families on: gazetteers (gaz), title words (tit), word clusters (clu),
    a ±3 word window (win3), cluster bigrams (cbg), the coarse and fine clusters of neighbours (cx),
    4-letter affixes of the stem (aff4) and the stem's corpus frequency band (freq); word forms, clitics, affixes and shape are
    always on.
    """

    def __init__(self, res: FeatureTables, groups: tuple[str, ...] | list[str] = DEFAULT_GROUPS) -> None:
        unknown = set(groups) - GROUPS
        if unknown:
            raise ValueError(f"unknown feature groups {sorted(unknown)}")
        self.res = res
        self.groups = frozenset(groups)
        self.offsets = (-3, -2, -1, 1, 2, 3) if "win3" in self.groups else (-2, -1, 1, 2)
        # per-instance caches (a bound lru_cache would be shared across instances)
        self._word = lru_cache(maxsize=WORD_MEMO)(self._word_info)
        self._ctx = lru_cache(maxsize=WORD_MEMO)(self._ctx_feats)

    def _word_info(self, token: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(own features, context features, gazetteer keys) of one word type."""
        return self.key_info(self.type_key(token))

    def type_key(self, token: str) -> tuple[str, str, str]:
        """All that the features read of a token: its two normalized forms and its shape. Tokens
        with the same key (``أحمد``/``احمد``) have the same features, so a tagger scores them once."""
        return normalize(token), normalize_word(token), _shape(token)

    def key_info(self, key: tuple[str, str, str]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(own features, context features, gazetteer keys) of the word type with this :meth:`type_key`.

        Runs once per new word type while tagging, so strings shared by the own and context
        features are built once (and hashed once by the look-ups that follow).
        """
        res = self.res
        on = self.groups
        norm, w, shape = key
        procs, stem_raw, enc = segment_norm(norm)
        stem = normalize_word(stem_raw)
        has_al = "ال" in procs
        bare = ("ال" + stem) if has_al else stem  # proclitics w/f/b/l/k dropped, article kept
        f_w, f_s, f_p = "w=" + w, "s=" + stem, "p=" + "".join(procs)
        feats = [
            "b",
            f_w,
            f_s,
            f_p,
            "e=" + enc,
            "p1=" + w[:1],
            "p2=" + w[:2],
            "p3=" + w[:3],
            "x1=" + w[-1:],
            "x2=" + w[-2:],
            "x3=" + w[-3:],
            "sx2=" + stem[-2:],
            "sp2=" + stem[:2],
            "len=" + str(min(len(stem), 8)),
            "sh=" + shape,
        ]
        if "aff4" in on:
            feats.extend(("sp3=" + stem[:3], "sx3=" + stem[-3:], "sx4=" + stem[-4:], "sp4=" + stem[:4]))
        if "freq" in on:
            lex = lexicon()
            feats.append("f=" + _band(max(lex.get(normalize(stem_raw), 0), lex.get(norm, 0))))
        f_gaz: list[str] = []
        if "gaz" in on:
            gget = res.gazetteer.get
            types = gget(w)
            for other in (gget(bare), gget(stem)):
                if other:
                    types = types | other if types else other
            if types:
                f_gaz = ["g=" + t for t in sorted(types)]
                feats.extend(f_gaz)
        tit = res.titles.get(stem) if "tit" in on else None
        f_tit = "t=" + tit if tit else None
        if f_tit:
            feats.append(f_tit)
        cl = (res.clusters.get(w) or res.clusters.get(bare)) if "clu" in on else None
        if cl:
            feats.extend(("c64=" + cl[0], "c256=" + cl[1], "c1k=" + cl[2]))
        elif "clu" in on:
            feats.append("c=none")
        scl = res.clusters.get(stem) if "clu" in on else None
        if scl:
            feats.append("sc256=" + scl[1])
        ctx = [f_w, f_s, f_p]
        if "clu" in on:
            ctx.insert(1, "c=" + (cl[1] if cl else "-"))
            if "cx" in on and cl:
                ctx.extend(("c64=" + cl[0], "c1k=" + cl[2]))
        ctx.extend(f_gaz)
        if f_tit:
            ctx.append(f_tit)
        keys = (w, bare) if bare != w else (w,)
        return tuple(feats), tuple(ctx), keys

    def _ctx_feats(self, token: str, offset: int) -> tuple[str, ...]:
        tag = f"{offset:+d}"
        return tuple(tag + f for f in self._word(token)[1])

    def infos(self, tokens: Sequence[str]) -> list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
        """Cached per-type information of each token: (own features, context features, gazetteer keys)."""
        return [self._word(t) for t in tokens]

    def own(self, token: str) -> tuple[str, ...]:
        """Features of a token that depend on its word type only."""
        return self._word(token)[0]

    def context(self, token: str, offset: int) -> tuple[str, ...]:
        """Features a token gives the token ``offset`` places away from it (``+1w=...``)."""
        return self._ctx(token, offset)

    def pair_features(self, tokens: Sequence[str], infos: list) -> list[list[str]]:
        """Per token, the features that depend on neighbours jointly: sentence edges, word and cluster
        bigrams, multi-word gazetteer matches."""
        n = len(tokens)
        gaz = self._gazetteer_spans(tokens, infos) if "gaz" in self.groups else [[] for _ in range(n)]
        cbg = "cbg" in self.groups and "clu" in self.groups
        offsets = self.offsets
        for i in range(n):
            feats = gaz[i]
            for d in offsets:
                j = i + d
                if j < 0:
                    feats.append(f"{d:+d}BOS")
                elif j >= n:
                    feats.append(f"{d:+d}EOS")
            prev_w = infos[i - 1][1][0] if i > 0 else "w=<s>"
            next_w = infos[i + 1][1][0] if i + 1 < n else "w=</s>"
            own_w = infos[i][1][0]
            feats.append("bg-=" + prev_w + "|" + own_w)
            feats.append("bg+=" + own_w + "|" + next_w)
            if cbg:
                own_c = infos[i][1][1]
                prev_c = infos[i - 1][1][1] if i > 0 else "c=<s>"
                next_c = infos[i + 1][1][1] if i + 1 < n else "c=</s>"
                feats.append("cb-=" + prev_c + "|" + own_c)
                feats.append("cb+=" + own_c + "|" + next_c)
        return gaz

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Features of every token of one sentence (the crfsuite items used for training)."""
        n = len(tokens)
        infos = self.infos(tokens)
        pairs = self.pair_features(tokens, infos)
        out: list[list[str]] = []
        for i in range(n):
            feats = list(infos[i][0])
            for d in self.offsets:
                j = i + d
                if 0 <= j < n:
                    feats.extend(self._ctx(tokens[j], d))
            feats.extend(pairs[i])
            out.append(feats)
        return out

    def _gazetteer_spans(self, tokens: Sequence[str], infos: list) -> list[list[str]]:
        """Multi-word gazetteer matches, longest first: ``G=B-LOC`` / ``G=I-LOC`` on the covered tokens."""
        n = len(tokens)
        marks: list[list[str]] = [[] for _ in range(n)]
        gaz = self.res.gazetteer
        starts = self.res.gaz_words
        for i in range(n):
            for first in infos[i][2]:
                if first not in starts:
                    continue
                for m in range(min(MAX_GAZ_WORDS, n - i), 1, -1):
                    phrase = " ".join([first] + [infos[j][2][0] for j in range(i + 1, i + m)])
                    types = gaz.get(phrase)
                    if types:
                        for t in sorted(types):
                            marks[i].append("G=B-" + t)
                            for j in range(i + 1, i + m):
                                marks[j].append("G=I-" + t)
                        break
        return marks


def _band(count: int) -> str:
    """Frequency band of a word in SaudiNewsNet: names unknown to the corpus are often foreign names."""
    return _BAND_NAMES[bisect_left(_BAND_LIMITS, count)]


_BAND_LIMITS = (0, 3, 10, 100, 1000)  # upper bounds, inclusive
_BAND_NAMES = ("0", "1-3", "4-10", "11-100", "101-1k", "1k+")


def _shape(token: str) -> str:
    """Coarse word shape: Arabic, digits, Latin (capitalized or not), punctuation, mixed."""
    if not token.strip(_AR_SHAPE):  # every character is an Arabic letter, mark or tatweel
        return "ar"
    if not token.strip(_DIGIT_CHARS):
        return "d" if len(token) < 4 else "dddd"
    if token.isalpha() and token.isascii():
        return "Lat" if token[:1].isupper() else "lat"
    if len(token) == 1 and not token.isalnum():
        return "punct"
    return "mix"
