"""The ``entities`` pipeline step: a document's persons, organizations and places, resolved.

Evidence comes from three places, strongest first: the actor knowledge base (known names: داعش,
إيلاف, رجب طيب أردوغان ...), the NER model's spans (when the model is shipped), and the gazetteer
(places and demonyms). ``rasd.entities.resolve`` then merges mentions into actors and reads titles;
``rasd.entities.places`` geocodes. Boilerplate blocks are skipped. Every part degrades on its own:
no NER model → knowledge-base, title and gazetteer matches only; no knowledge base → NER, titles
and gazetteer.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rasd.entities.gazetteer import Gazetteer, Place, _variants, gazetteer, key_of
from rasd.entities.places import PlaceName, geocode, place_dict
from rasd.entities.resolve import (
    COUNTRY_REFS,
    PersonMention,
    Tok,
    _orig_cut,
    cluster_persons,
    group_actor,
    role_before,
    stable_id,
)
from rasd.model import Block, Document, Entity, Mention
from rasd.text.normalize import normalize_word
from rasd.text.tokenize import WORD_RE, lexicon

VERSION = "1"
log = logging.getLogger(__name__)
_CITY_CUES = frozenset(normalize_word(w) for w in ("مدينة", "العاصمة", "بمدينة", "لمدينة", "ومدينة"))
_MAX_NAME_WORDS = 4
_RARE = 50  # a word seen fewer times than this in SaudiNewsNet may be a name after a title
_NOT_NAMES = frozenset(normalize_word(w) for w in "من كان عليه جميع فان عن في إلى أن".split())
_COMMON_SURNAME = 1000  # a surname seen more often than this is not searched for on its own


@dataclass
class _Found:
    """Mentions collected from one document before they become entities."""

    persons: list[PersonMention] = field(default_factory=list)
    places: list[tuple[int, int, PlaceName]] = field(default_factory=list)
    demonyms: list[tuple[int, int, str]] = field(default_factory=list)
    groups: dict[tuple[str, str, str], list[tuple[int, int]]] = field(default_factory=dict)
    kb: dict[str, tuple[Any, list[tuple[int, int]]]] = field(default_factory=dict)
    other: dict[tuple[str, str], list[tuple[int, int]]] = field(default_factory=dict)
    refs: list[tuple[int, int]] = field(default_factory=list)
    group_roles: dict[tuple[str, str, str], str] = field(default_factory=dict)


def entities(doc: Document) -> Document:
    """Fill ``doc.entities`` (the pipeline step)."""
    doc.entities = find_entities(doc)
    return doc


def find_entities(doc: Document, gaz: Gazetteer | None = None, tagger: Any = "default") -> list[Entity]:
    """Entities of ``doc``; ``tagger=None`` runs without the NER model."""
    gaz = gaz or gazetteer()
    tagger = _tagger() if tagger == "default" else tagger
    kb = _actor_index()
    blocks = [b for b in doc.blocks if b.kind != "boilerplate"] or [Block("body", doc.text, 0, len(doc.text))]
    found = _Found()
    text = doc.text
    reporting_key = key_of(doc.dateline.place) if doc.dateline and doc.dateline.place else None
    scanned = []
    for block in blocks:
        toks = _tokens(text, block)
        if not toks:
            continue
        spans = tagger.entities(text, block.start, block.end) if tagger is not None else []
        taken = _scan_block(text, toks, spans, block.kind == "dateline", reporting_key, gaz, kb, found)
        scanned.append((toks, taken))
    _repeat_names(text, scanned, found)
    return _build(doc, found, gaz)


def _repeat_names(text: str, scanned: list[tuple[list[Tok], list[bool]]], found: _Found) -> None:
    """Later bare mentions of a person already named in full (… ماثيو تولر … مع تولر).

    Only surnames that are not ordinary words are looked for: علي would also match على.
    """
    freq = _folded_lexicon()
    surnames: dict[str, tuple[str, ...]] = {}
    for m in found.persons:
        if len(m.words) >= 2 and freq.get(m.words[-1], 0) < _COMMON_SURNAME:
            surnames.setdefault(m.words[-1], m.words[-1:])
    if not surnames:
        return
    seen = {(m.start, m.end) for m in found.persons}
    for toks, taken in scanned:
        for i, t in enumerate(toks):
            if taken[i]:
                continue
            for form, cut in _variants(t.norm):
                if form in surnames:
                    a = t.start + _orig_cut(text, t.start, cut)
                    if (a, t.end) not in seen:
                        found.persons.append(PersonMention(a, t.end, surnames[form]))
                        taken[i] = True
                    break


def _tokens(text: str, block: Block) -> list[Tok]:
    out = []
    for m in WORD_RE.finditer(text, block.start, block.end):
        tok = m.group(0)
        norm = normalize_word(tok) if m.lastgroup != "punct" else tok
        out.append(Tok(m.start(), m.end(), norm))
    return out


def _scan_block(
    text: str,
    toks: list[Tok],
    spans: Sequence[tuple[int, int, str]],
    is_dateline: bool,
    reporting_key: str | None,
    gaz: Gazetteer,
    kb: Any,
    found: _Found,
) -> list[bool]:
    """Collect the mentions of one block; NER spans, then known names, then gazetteer words.

    Returns which words were claimed by a mention."""
    taken = [False] * len(toks)
    norms = [t.norm for t in toks]
    starts = {t.start: i for i, t in enumerate(toks)}
    ends = {t.end: i for i, t in enumerate(toks)}
    # 1. knowledge-base names (organizations, persons) — known names beat the model's guesses
    if kb is not None:
        for a, b, rec in kb.matches(text, toks[0].start, toks[-1].end):
            i, j = _tok_index(starts, toks, a), ends.get(b)
            if i is None or j is None or any(taken[i : j + 1]):
                continue
            a = _trim_proclitic(text, a, b)
            for k in range(i, j + 1):
                taken[k] = True
            if rec.kind == "person":
                words = (_strip(norms[i]), *norms[i + 1 : j + 1])
                title = role_before(toks, i, text, gaz, kb.role)
                found.persons.append(PersonMention(a, b, words, title, kb=rec.id))
            else:
                found.kb.setdefault(rec.id, (rec, []))[1].append((a, b))
    # 2. NER spans
    for s, e, typ in spans:
        i = _tok_index(starts, toks, s)
        j = ends.get(e)
        if i is None or j is None or any(taken[i : j + 1]):
            continue
        words = tuple(_strip(norms[k]) if k == i else norms[k] for k in range(i, j + 1))
        if typ == "PER":
            found.persons.append(PersonMention(s, e, words, role_before(toks, i, text, gaz, _role_fn(kb))))
        elif typ == "LOC":
            key = " ".join(words)
            if not gaz.candidates(key):
                m = gaz.match_at(norms[i : j + 1], 0)
                key = m[1] if m and m[0] == j - i + 1 else key
            found.places.append((s, e, _place_name(key, norms, i, is_dateline, reporting_key, ner=True)))
        else:
            found.other.setdefault((typ, " ".join(words)), []).append((s, e))
        for k in range(i, j + 1):
            taken[k] = True
    # 3. gazetteer places, state actors, demonyms, country references
    i = 0
    while i < len(toks):
        if taken[i]:
            i += 1
            continue
        grp = group_actor(toks, i, gaz)
        if grp:
            d, iso, sector, noun = grp
            if not any(taken[i : d + 1]):
                found.groups.setdefault((iso, sector, noun), []).append((toks[i].start, toks[d].end))
                found.group_roles.setdefault(
                    (iso, sector, noun), text[toks[i].start : toks[i + len(noun.split()) - 1].end]
                )
                for k in range(i, d + 1):
                    taken[k] = True
                i = d + 1
                continue
        m = gaz.match_at(norms, i)
        if m and not any(taken[i : i + m[0]]) and any(s > 0 for _p, s in gaz.candidates(m[1])):
            n, key, cut = m
            a = toks[i].start + _orig_cut(text, toks[i].start, cut)
            found.places.append(
                (a, toks[i + n - 1].end, _place_name(key, norms, i, is_dateline, reporting_key))
            )
            for k in range(i, i + n):
                taken[k] = True
            i += n
            continue
        dem = gaz.demonym_at(norms[i])
        if dem:
            a = toks[i].start + _orig_cut(text, toks[i].start, dem[1])
            found.demonyms.append((a, toks[i].end, dem[0]))
        elif norms[i] in COUNTRY_REFS:
            found.refs.append((toks[i].start, toks[i].end))
        i += 1
    # 4. without a model: names right after a title (السفير الأميركي ماثيو تولر)
    if not spans:
        _titled_names(text, toks, taken, gaz, kb, found)
    return taken


def _titled_names(
    text: str, toks: list[Tok], taken: list[bool], gaz: Gazetteer, kb: Any, found: _Found
) -> None:
    """Without a model: a run of name-like words right after a person's title is a name.

    Name-like: a first name of ANERGazet or a word rare in SaudiNewsNet; the run must hold at
    least one rare word (رجب طيب alone is not enough), so common words after a title are not taken.
    """
    first_names = _first_names()
    freq = _folded_lexicon()
    i = 1
    while i < len(toks):
        if taken[i] or not (toks[i].norm in first_names or _rare(toks[i].norm, freq)):
            i += 1
            continue
        title = role_before(toks, i, text, gaz, _role_fn(kb))
        role_end = title.start + len(title.role) if title else 0
        if title is None or any(taken[k] for k in range(i) if title.start <= toks[k].start < role_end):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and j + 1 - i < _MAX_NAME_WORDS and not taken[j + 1]:
            nxt = toks[j + 1].norm
            if not (_rare(nxt, freq) or (nxt in first_names and not nxt.startswith("ال"))):
                break
            j += 1
        if not any(_rare(t.norm, freq) for t in toks[i : j + 1]):
            i = j + 1
            continue
        words = tuple(t.norm for t in toks[i : j + 1])
        found.persons.append(PersonMention(toks[i].start, toks[j].end, words, title))
        for k in range(i, j + 1):
            taken[k] = True
        i = j + 1


def _rare(norm: str, freq: dict[str, int]) -> bool:
    """An Arabic word seen fewer than _RARE times in SaudiNewsNet: possibly a name."""
    return bool(norm) and "\u0621" <= norm[0] <= "\u064a" and freq.get(norm, 0) < _RARE


@lru_cache(maxsize=1)
def _folded_lexicon() -> dict[str, int]:
    """The frequency lexicon keyed like our words (ة folded into ه)."""
    out: dict[str, int] = {}
    for word, count in lexicon().items():
        key = normalize_word(word)
        out[key] = out.get(key, 0) + count
    return out


def _tok_index(starts: dict[int, int], toks: list[Tok], offset: int) -> int | None:
    """The word that contains ``offset`` (NER spans may start after a trimmed proclitic)."""
    if offset in starts:
        return starts[offset]
    for i, t in enumerate(toks):
        if t.start <= offset < t.end:
            return i
    return None


def _strip(norm: str) -> str:
    """A word without the proclitic the NER span left out (والكاظمي → الكاظمي)."""
    for form, cut in _variants(norm)[1:]:
        if cut and len(form) >= 3:
            return form
    return norm


def _place_name(
    key: str, norms: list[str], i: int, is_dateline: bool, reporting_key: str | None, ner: bool = False
) -> PlaceName:
    return PlaceName(
        key,
        ner=ner,
        reporting=is_dateline and (reporting_key is None or reporting_key == key),
        city_cue=i > 0 and norms[i - 1] in _CITY_CUES,
    )


def _build(doc: Document, found: _Found, gaz: Gazetteer) -> list[Entity]:
    text = doc.text
    out: list[Entity] = []

    def mentions(spans: list[tuple[int, int]]) -> list:
        return [Mention(a, b, text[a:b]) for a, b in sorted(set(spans))]

    # persons
    clusters = cluster_persons(found.persons)
    person_country: list[tuple[int, str]] = []  # (offset of a mention, ISO-3) for بلاده
    kb = _actor_index()
    for c in clusters:
        title, full, kb_id = c.title, c.full, c.kb
        office = kb.person(kb_id, doc.published) if kb is not None and kb_id else None
        country = (title.country if title else None) or (office.country if office else None)
        sector = (title.sector if title else None) or (office.sector if office else None)
        role = title.role if title else (office.title or office.office if office else None)
        ent = Entity(
            id=kb_id or stable_id("per", " ".join(full.words)),
            type="PER",
            name=text[full.start : full.end],
            mentions=mentions([(m.start, m.end) for m in c.mentions]),
            code=(country or "") + (sector or "") or None,
            country=country,
            sector=sector,
            role=role,
            kind="person",
        )
        out.append(ent)
        if country:
            person_country += [(m.start, country) for m in c.mentions]
    # places: geocode every name with the article as context
    context = {iso for _a, _b, iso in found.demonyms} | {iso for _o, iso in person_country}
    chosen = geocode((p for _a, _b, p in found.places), context, gaz)
    by_place: dict[int, tuple[Place, list[tuple[int, int]], bool]] = {}
    unplaced: dict[str, list[tuple[int, int]]] = {}
    for a, b, p in found.places:
        place = chosen.get(p.key)
        if place is None:
            unplaced.setdefault(p.key, []).append((a, b))
            continue
        _p, spans, rep = by_place.setdefault(place.geonameid, (place, [], False))
        spans.append((a, b))
        if p.reporting:
            by_place[place.geonameid] = (place, spans, True)
    for a, b, iso in found.demonyms:
        place = gaz.country(iso)
        if place:
            by_place.setdefault(place.geonameid, (place, [], False))[1].append((a, b))
    for a, b in found.refs:
        before = [(o, iso) for o, iso in person_country if o < a]
        if before:
            place = gaz.country(max(before)[1])
            if place:
                by_place.setdefault(place.geonameid, (place, [], False))[1].append((a, b))
    for gid, (place, spans, rep) in sorted(by_place.items(), key=lambda kv: min(kv[1][1])):
        body = [s for s in spans if not _in_dateline(doc, s)]
        out.append(
            Entity(
                id=f"geo:{gid}",
                type="LOC",
                name=place.name,
                mentions=mentions(spans),
                code=place.country if place.feature == "country" else None,
                country=place.country,
                kind=place.feature,
                place=place_dict(place, reporting=rep and not body),
            )
        )
    for key, spans in unplaced.items():
        out.append(
            Entity(
                id=stable_id("loc", key),
                type="LOC",
                name=text[spans[0][0] : spans[0][1]],
                mentions=mentions(spans),
                kind="place",
            )
        )
    # state actors: القوات الأميركية → USAMIL
    for (iso, sector, noun), spans in found.groups.items():
        out.append(
            Entity(
                id=stable_id("org", f"{iso}{sector}:{noun}"),
                type="ORG",
                name=text[spans[0][0] : spans[0][1]],
                mentions=mentions(spans),
                code=iso + sector,
                country=iso,
                sector=sector,
                role=found.group_roles.get((iso, sector, noun), noun),
                kind="state",
            )
        )
    # known organizations
    for kb_id, (rec, spans) in found.kb.items():
        code = rec.code_at(doc.published)
        out.append(
            Entity(
                id=kb_id,
                type="ORG",
                name=rec.name,
                mentions=mentions(spans),
                code=code,
                country=rec.country,
                sector=rec.sector,
                kind=rec.kind,
            )
        )
    for (typ, key), spans in found.other.items():
        out.append(
            Entity(
                id=stable_id(typ.lower(), key),
                type=typ,
                name=text[spans[0][0] : spans[0][1]],
                mentions=mentions(spans),
            )
        )
    out.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
    return out


def _in_dateline(doc: Document, span: tuple[int, int]) -> bool:
    d = doc.dateline
    return d is not None and d.start <= span[0] and span[1] <= d.end


def _role_fn(kb: Any) -> Any:
    return kb.role if kb is not None else None


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Person names from the NER resources (ANERGazet), when that file is shipped."""
    from importlib import resources

    try:
        ref = resources.files("rasd.data").joinpath("ner", "gazetteer.tsv")
        lines = ref.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return frozenset()
    # single-word entries only, none with the article (ANERGazet lists اليوم as a person), and no
    # function words (it lists من and كان too)
    return frozenset(
        w
        for line in lines
        if line.endswith("\tPER")
        for w in [line[:-4]]
        if " " not in w and not w.startswith("ال") and w not in _NOT_NAMES
    )


@lru_cache(maxsize=1)
def _tagger() -> Any:
    """The shipped NER tagger, or None when no model is packaged (the step then runs without)."""
    try:
        from rasd.entities.ner import default_tagger

        return default_tagger().load()
    except (ImportError, FileNotFoundError, OSError) as exc:
        log.info("entities: no NER model (%s); gazetteer and knowledge base only", exc)
        return None


class _Actors:
    """What the step needs from the actor knowledge base (rasd.actors), in one place."""

    def __init__(self, kb: Any) -> None:
        self.kb = kb

    def matches(self, text: str, start: int, end: int) -> list[tuple[int, int, Any]]:
        """Known persons and organizations in ``text[start:end]``: (start, end, record).

        Countries are left to the gazetteer; a bare surname counts only for a known person.
        """
        out = []
        for m in self.kb.scan(text[start:end], partial=True):
            recs = [r for r in (self.kb.get(i) for i in m.ids) if r is not None and r.kind != "country"]
            if m.kind == "partial":
                recs = [r for r in recs if r.kind == "person"]
            if recs:
                out.append((start + m.start, start + m.end, recs[0]))
        return out

    def role(self, phrase: str) -> str | None:
        """Sector of a person's title: the whole phrase is an office of the knowledge base
        (group nouns such as القوات or الحكومة are not titles of a person)."""
        words = phrase.split()
        found = self.kb._find_role(words)
        if found and found[0] == 0 and found[1] == len(words) and found[2].office:
            return found[2].sector
        return None

    def person(self, kb_id: str, date: str | None) -> Any:
        return self.kb.person_role(kb_id, date)


@lru_cache(maxsize=1)
def _actor_index() -> _Actors | None:
    """The actor knowledge base, or None while rasd.actors cannot be loaded."""
    try:
        from rasd.actors import get_kb

        return _Actors(get_kb())
    except Exception as exc:  # noqa: BLE001 - a broken KB must not stop the step; say why once
        log.warning("entities: actor knowledge base unavailable (%s)", exc)
        return None


def _trim_proclitic(text: str, a: int, b: int) -> int:
    """Start of a known name after a proclitic on its first word (لأردوغان → أردوغان)."""
    from rasd.text.tokenize import segment

    word_end = a
    while word_end < b and not text[word_end].isspace():
        word_end += 1
    pieces = segment(text[a:word_end], a)
    i = 0
    while i < len(pieces) - 1 and pieces[i].kind == "clitic" and pieces[i].norm in ("و", "ف", "ب", "ك", "ل"):
        if pieces[i].norm == "ل" and pieces[i + 1].norm == "ل":
            break
        i += 1
    return pieces[i].start
