"""The entities step's view of the actor knowledge base (``rasd.actors``).

The knowledge base's own ``scan`` re-derives every key at every position; the step must keep up
with the pipeline, so names are matched here with an index over the knowledge base's keys (first
word → the lengths of the names it starts) and key functions cached per word. Role words and
office names are looked up the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from rasd.limits import WORD_MEMO
from rasd.model import Token
from rasd.resources import Resources, current

log = logging.getLogger(__name__)


class ActorIndex:
    """What the entities step asks the knowledge base: names, person titles, offices."""

    def __init__(self, kb: Any) -> None:
        from rasd.actors.keys import first_word_variants, word_key

        self.kb = kb
        self._names: dict[tuple[str, ...], list[tuple[str, str]]] = kb._names
        self._role_words: dict[tuple[str, ...], Any] = kb._roles
        lengths: dict[str, set[int]] = {}
        for key in self._names:
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
        self.proclitic_variants = lru_cache(maxsize=WORD_MEMO)(lambda w: tuple(first_word_variants(w)))
        self._key = lru_cache(maxsize=WORD_MEMO)(word_key)
        self.role = lru_cache(maxsize=WORD_MEMO)(self._role)
        self._starts = lru_cache(maxsize=WORD_MEMO)(self._name_starts)
        self._office_words: dict[str, str] | None = None
        self._outlets: dict[str, Any] | None = None
        self._role_vocab = frozenset(w for key in self._role_words for w in key)

    def role_word(self, norm: str) -> bool:
        """Whether a (normalized) word appears in any role phrase of the knowledge base."""
        return self._key(norm) in self._role_vocab

    def matches(self, toks: Sequence[Token], date: str | None = None) -> list[tuple[int, int, Any, int, str]]:
        """Known persons and organizations: (first word, last word, record, proclitic letters, kind of
        name: ``strong`` for a name the record lists, ``partial`` for a person's bare surname).

        Countries are left to the gazetteer; weak names (also common words) are skipped; a bare
        surname counts only for a known person. Of several records a name fits, a listed name beats a
        bare surname and, with ``date`` (ISO), a person in office then beats one who is not (باول in
        2025 is Jerome Powell, not Colin).
        """
        out = []
        i = 0
        n_toks = len(toks)
        while i < n_toks:
            hit = None
            for first, lengths in self._starts(toks[i].norm):
                for n in lengths:
                    if i + n > n_toks:
                        continue
                    key = (first, *(self._key(t.norm) for t in toks[i + 1 : i + n]))
                    entries = self._names.get(key)
                    if entries:
                        hit = (n, entries, first)
                        break
                if hit:
                    break
            if hit is None:
                i += 1
                continue
            n, entries, first = hit
            recs = []
            for rid, kind in entries:
                rec = self.kb.get(rid)
                if rec is None or rec.kind == "country" or kind == "weak":
                    continue
                if kind == "partial" and rec.kind != "person":
                    continue
                recs.append((rec, kind))
            if recs:
                if len(recs) > 1:
                    recs.sort(key=lambda rk: (rk[1] == "partial", _out_of_office(rk[0], date)))
                rec, kind = recs[0]
                out.append((i, i + n - 1, rec, cut_before(toks[i].norm, first), kind))
                i += n
            else:
                i += 1
        return out

    def _name_starts(self, norm: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """The keys a word may begin a known name as, with those names' lengths (usually none)."""
        return tuple((f, self._lengths[f]) for f in self.proclitic_variants(norm) if f in self._lengths)

    def _role(self, phrase: str) -> str | None:
        """Sector of a person's title: the whole phrase is an office of the knowledge base
        (group nouns such as القوات or الحكومة are not titles of a person)."""
        words = phrase.split()
        # the caller has cut proclitics already: only the word as given is looked up
        rw = self._role_words.get(tuple(self._key(w) for w in words))
        return rw.sector if rw is not None and rw.office else None

    def sector(self, words: Sequence[str]) -> str | None:
        """Sector of a role phrase of any kind (وزارة → GOV, مجلس النواب → LEG, الجامعة → EDU)."""
        rw = self._role_words.get(tuple(self._key(w) for w in words))
        return rw.sector if rw is not None else None

    def outlet_country(self, site: str | None) -> str | None:
        """The country of the news outlet a reader named (``sabq``, ``Youm7 (اليوم السابع)``,
        ``www.hespress.com``): by its SaudiNewsNet key, web address, id or any of its names."""
        rec = self.outlet(site)
        return rec.country if rec is not None else None

    def outlet(self, site: str | None) -> Any:
        """The media record of the outlet a reader named (as for :meth:`outlet_country`), or None."""
        if not site:
            return None
        if self._outlets is None:
            self._outlets = _outlet_index(self.kb)
        return next((self._outlets[key] for key in _site_keys(site) if key in self._outlets), None)

    def person(self, kb_id: str, date: str | None) -> Any:
        return self.kb.person_role(kb_id, date)

    def office_words(self, office: str | None) -> str | None:
        """The Arabic role words of an office (head_of_government → رئيس الوزراء)."""
        if self._office_words is None:
            words: dict[str, str] = {}
            for rw in self._role_words.values():
                if rw.office:
                    words.setdefault(rw.office, rw.words)
            self._office_words = words
        return self._office_words.get(office or "")


def _site_keys(site: str) -> list[str]:
    """Lookup keys of a site as readers report it: the whole, each part around brackets, and a web
    address without ``www.`` and its last dot-part (``hespress.com`` → ``hespress``)."""
    from rasd.text.normalize import normalize_word

    out = []
    parts = [site, *site.replace(")", "(").split("(")]
    for part in parts:
        part = part.strip().lower().removeprefix("https://").removeprefix("http://").removeprefix("www.")
        part = part.split("/")[0]
        if not part:
            continue
        out.append(normalize_word(part))
        if "." in part:
            out.append(normalize_word(part.rsplit(".", 1)[0]))
    return out


def _outlet_index(kb: Any) -> dict[str, Any]:
    """Key → every media record with a country: SaudiNewsNet key, web addresses, id, English and Arabic names."""

    out: dict[str, Any] = {}
    for rec in kb.records.values():
        if rec.kind != "media" or not rec.country:
            continue
        keys = [rec.id.split(":", 1)[-1], rec.en or "", rec.name, *rec.names]
        keys += [str(rec.extra.get("saudinewsnet") or ""), *(str(x) for x in rec.extra.get("sites") or ())]
        for key in keys:
            for k in _site_keys(key) if key else ():
                out.setdefault(k, rec)
    return out


def actor_index() -> ActorIndex | None:
    """The current resources' actor knowledge base, indexed for the step (once per process), or None
    while rasd.actors cannot be loaded."""
    return current().get(actor_index_of)


def actor_index_of(res: Resources) -> ActorIndex | None:
    """The loader of ``Resources``: the settings' knowledge base indexed for the entities step."""
    try:
        from rasd.actors.kb import kb_of

        return ActorIndex(res.get(kb_of))
    except Exception as exc:  # noqa: BLE001 - a broken KB must not stop the step; say why once
        log.warning("entities: actor knowledge base unavailable (%s)", exc)
        return None


def cut_before(norm: str, key: str) -> int:
    """Letters of proclitic before a knowledge-base key in a word; the article stays with the name.

    The knowledge base keys words without ال (والكاظمي → كاظمي): the cut is و, not وال.
    """
    if not norm.endswith(key) or len(norm) == len(key):
        return 0
    cut = len(norm) - len(key)
    if norm[:cut].endswith("ال"):
        cut -= 2
    elif norm[:cut].endswith("لل"):
        cut -= 2  # للكاظمي is ل + الكاظمي with the alef elided: kept whole, as the tagger does
    return max(cut, 0)


def _out_of_office(rec: Any, date: str | None) -> bool:
    """Whether a person held none of their offices on ``date`` (never, without a date)."""
    return date is not None and rec.kind == "person" and bool(rec.roles) and rec.role_at(date) is None
