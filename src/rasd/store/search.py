"""Arabic-aware search over shadow columns: what is indexed, how a user query becomes a safe FTS5
expression, and how snippets are cut from the original text.

Every word is indexed as one FTS5 token: its light stem (``rasd.text.light_stem``: normalized, clitics
and the article removed where the frequency lexicon says it is safe), so ``والمدرسة`` and ``مدرسة``,
``أردوغان`` and ``اردوغان``, ``غزة`` and ``غزه`` meet on one term while names the lexicon knows
(``فلسطين``, ``بغداد``) are never cut. Numbers and Latin words are indexed by their normalized form,
reduced to letters and digits. Query words go through the very same function, and each becomes a
double-quoted FTS5 string of letters and digits only, so no user input can reach FTS5 or SQL syntax.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rasd.limits import WORD_MEMO
from rasd.model import Token
from rasd.text import light_stem, normalize_word, words
from rasd.text.tokenize import WORD_RE

COLUMNS = "{title body}"
_NOT_ALNUM = re.compile(r"[^\w]|_", re.UNICODE)
_QUERY_ITEM = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+)')


def term(tok: Token) -> str:
    """The indexed form of one token ('' for punctuation): light stem for Arabic, else letters/digits."""
    if tok.kind == "word":
        return _NOT_ALNUM.sub("", light_stem(tok.text))
    if tok.kind in ("num", "latin"):
        return _NOT_ALNUM.sub("", tok.norm)
    return ""


def shadow(tokens: Iterable[Token]) -> str:
    """The shadow column of a text: its terms, space-separated, one per word (positions preserved)."""
    return " ".join(t for t in map(term, tokens) if t)


def terms_of(text: str) -> list[str]:
    return [t for t in map(term, words(text)) if t]


@dataclass
class Query:
    """A parsed query: the FTS5 MATCH expression and the terms to highlight."""

    fts: str
    terms: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)

    def matches(self, t: str) -> bool:
        return t in self.terms or any(t.startswith(p) for p in self.prefixes)


def parse_query(text: str) -> Query | None:
    """Turn user text into a safe FTS5 expression; ``None`` when nothing searchable is left.

    Syntax: words are ANDed; ``"two words"`` is a phrase; ``OR`` between items makes an alternative;
    ``-word`` excludes; ``word*`` is a prefix search. Anything else is treated as text.
    """
    groups: list[list[str]] = [[]]
    negatives: list[str] = []
    q = Query("")
    pending_or = False
    for m in _QUERY_ITEM.finditer(text):
        raw = m.group("phrase") if m.group("phrase") is not None else m.group("word")
        if m.group("word") == "OR":
            pending_or = bool(groups[-1])
            continue
        negative = prefix = False
        if m.group("word") is not None:
            if raw.startswith("-") and len(raw) > 1:
                negative, raw = True, raw[1:]
            if raw.endswith("*") and len(raw.rstrip("*")) > 0:
                prefix, raw = True, raw.rstrip("*")
        terms = terms_of(raw)
        if not terms:
            continue
        expr = f'{COLUMNS}: "{" ".join(terms)}"' + ("*" if prefix and len(terms) == 1 else "")
        if negative:
            negatives.append(expr)
            pending_or = False
            continue
        if prefix and len(terms) == 1:
            q.prefixes.add(terms[0])
        else:
            q.terms.update(terms)
        if pending_or:
            groups[-1].append(expr)
        else:
            groups.append([expr])
        pending_or = False
    groups = [g for g in groups if g]
    if not groups:
        return None
    fts = " AND ".join("(" + " OR ".join(g) + ")" for g in groups)
    for neg in negatives:
        fts = f"({fts}) NOT ({neg})"
    q.fts = fts
    return q


def snippet(text: str, query: Query, width: int = 30) -> tuple[str, list[tuple[int, int]], int]:
    """The ``width``-word window of the original text with the most distinct query terms (then the most
    matches).

    Returns ``(snippet, highlights, start)``: highlight spans are relative to the snippet, which is the
    original text from offset ``start`` (never the shadow form). Only the words where a spelling of a
    query term's letters occurs are stemmed and compared (``_surface_pattern``), so a long article costs
    little more than finding its words.
    """
    spans = [m.span() for m in WORD_RE.finditer(text) if m.lastgroup != "punct"]
    if not spans:
        return "", [], 0
    maybe = None if _UNFOLDABLE.search(text) else _surface_pattern(frozenset(query.terms | query.prefixes))
    if maybe is None:
        candidates: Iterable[int] = range(len(spans))
    else:
        starts = [a for a, _ in spans]
        found = {bisect_right(starts, m.start()) - 1 for m in maybe.finditer(text)}
        candidates = sorted(i for i in found if i >= 0 and maybe.search(text, *spans[i]))
    terms: dict[int, str] = {}
    for i in candidates:
        a, b = spans[i]
        t = _term_of(WORD_RE.match(text, a).lastgroup, text[a:b])  # type: ignore[union-attr]
        if query.matches(t):
            terms[i] = t
    hits = list(terms)
    best = 0
    if hits:
        best_key = (-1, -1)
        hi = 0
        for lo, i in enumerate(hits):  # windows starting at each hit; hits[lo:hi] fall inside
            while hi < len(hits) and hits[hi] < i + width:
                hi += 1
            key = (len({terms[j] for j in hits[lo:hi]}), hi - lo)
            if key > best_key:
                best_key, best = key, i
        best = max(0, best - width // 4)
    start, end = spans[best][0], spans[min(len(spans), best + width) - 1][1]
    out = text[start:end].replace("\n", " ")
    highlights = [(spans[j][0] - start, spans[j][1] - start) for j in hits if best <= j < best + width]
    return out, highlights, start


def _fold_classes() -> tuple[dict[str, set[str]], str, str]:
    """For each folded character, the characters that fold to it (``normalize_word``); the characters
    folding to nothing (marks, tatweel); and those folding to several (presentation forms)."""
    into: dict[str, set[str]] = {}
    dropped: list[str] = []
    complex_: list[str] = []
    for lo, hi in ((0x20, 0x2FF), (0x600, 0x6FF), (0x750, 0x77F), (0x8A0, 0x8FF), (0x200B, 0x200F),
                   (0xFB50, 0xFDFF), (0xFE70, 0xFEFF), (0xFF10, 0xFF5A)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            folded = normalize_word(ch)
            if folded == "":
                dropped.append(ch)
            elif len(folded) == 1:
                into.setdefault(folded, set()).add(ch)
            elif folded != ch:
                complex_.append(ch)
    return into, "".join(dropped), "".join(complex_)


_INTO, _DROPPED, _COMPLEX = _fold_classes()
_UNFOLDABLE = re.compile(f"[{re.escape(_COMPLEX)}]") if _COMPLEX else re.compile(r"(?!)")


@lru_cache(maxsize=1024)
def _surface_pattern(wanted: frozenset[str]) -> re.Pattern[str] | None:
    """A regex that finds, in a raw word, any spelling of one of the ``wanted`` terms' letters: a term
    is the folded word with clitics removed, so its letters occur in the word in order (a final ه may
    be written ت, as in حكومته → حكومة). Found is not matched (the term decides); not found is not."""
    if not wanted:
        return None
    gap = f"[{re.escape(_DROPPED)}]*"
    alternatives = []
    for t in wanted:
        parts = []
        for i, c in enumerate(t):
            chars = {c, *_INTO.get(c, ())}
            if c == "ه" and i == len(t) - 1:
                chars.add("ت")
            parts.append("[" + "".join(re.escape(x) for x in sorted(chars)) + "]")
        alternatives.append(gap.join(parts))
    return re.compile("|".join(sorted(alternatives)), re.IGNORECASE)


@lru_cache(maxsize=WORD_MEMO)
def _term_of(kind: str, raw: str) -> str:
    """``term`` of a raw token, cached: snippets re-read whole documents for every hit."""
    return term(Token(0, len(raw), raw, normalize_word(raw), "word" if kind == "ar" else kind))
