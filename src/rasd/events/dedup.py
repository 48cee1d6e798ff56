"""One event, counted once: within a document (headline, caption and body telling the same meeting)
and across documents (several outlets reporting the same attack).

Within a document, a headline/caption event merges into a body event of the same type whose
actors include its own; captions never add events of their own. Across documents, events of the
same type, actors and place whose dates lie within a day of each other become one event that
counts its mentions and its distinct sources (GDELT's best-known failure is to count one
kidnapping hundreds of times).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasd.model import SYMMETRIC_TYPES, Actor, Event
from rasd.text.normalize import normalize_word

HEADLINES = frozenset({"title", "subtitle", "crosshead"})


def actor_key(a: Actor) -> str:
    """Identity of an actor: its entity id, else its code, else its normalized name."""
    return a.entity or a.code or " ".join(normalize_word(w) for w in a.name.split())


def _keys(actors: list[Actor]) -> frozenset[str]:
    return frozenset(actor_key(a) for a in actors)


def _status(e: Event) -> tuple[bool, str | None]:
    return e.negated, e.modality


def _words(actors: list[Actor]) -> set[str]:
    return {normalize_word(w) for a in actors for w in a.name.split()}


def _covered(small: list[Actor], big: list[Actor]) -> bool:
    """Every actor of ``small`` is in ``big``: by identity, by a code that the other refines
    (USA → USAGOV), or for text-only actors (no entities) by sharing a word (``الكاظمي`` in
    ``رئيس الوزراء العراقي مصطفى الكاظمي``)."""
    keys = _keys(big)
    words = _words(big)
    codes = [b.code for b in big if b.code]
    for a in small:
        if actor_key(a) in keys:
            continue
        if a.code and any(c.startswith(a.code) for c in codes):
            continue  # a headline's "the US" (USA) retells the body's US ambassador (USAGOV)
        if a.entity is None and a.code is None and {normalize_word(w) for w in a.name.split()} & words:
            continue
        return False
    return True


def _compatible(small: Event, big: Event) -> bool:
    """``small`` may be a retelling of ``big``: same type and status, its actors among ``big``'s."""
    if small.type != big.type or _status(small) != _status(big):
        return False
    if small.type in SYMMETRIC_TYPES:
        return _covered(small.source + small.target, big.source + big.target)
    return _covered(small.source, big.source) and _covered(small.target, big.target)


def _absorb(twin: Event, retelling: Event) -> None:
    """Count a retelling, and take from it where the event happened when only it says so (the photo
    caption ``... خلال اجتماعه مع السفير التركي في بغداد`` places the body's meeting)."""
    twin.mentions += 1
    if twin.location is None and retelling.location is not None:
        twin.location = retelling.location


_WINDOW = 256  # body events of a type looked back at for a twin: all of an article's, a bounded few of a book's


def merge_in_document(coded: list, keep: Callable[[Any], bool] | None = None) -> list[Event]:
    """Merge retellings inside one document; returns the document's events in text order.

    ``coded`` is a list of ``Coded`` candidates; ``keep`` says which of them are reported on their
    own (confidence at or above the type's threshold). Body events that pass are kept first (two
    with the same type, status and actors merge); headline and caption events merge into a
    compatible body event whatever their confidence; a headline event that finds no twin stands on
    its own if it passes ``keep``; a caption event never does.
    """
    keep = keep or (lambda c: True)
    body = [c for c in coded if c.block_kind not in HEADLINES and c.block_kind != "caption" and keep(c)]
    heads = [c for c in coded if c.block_kind in HEADLINES]
    captions = [c for c in coded if c.block_kind == "caption"]
    kept: list[Event] = []
    of_type: dict[str, list[Event]] = {}  # kept events by type (only same-type events are compatible)
    for c in body:
        e = c.event
        same_type = of_type.setdefault(e.type, [])
        twin = next(
            (k for k in same_type[-_WINDOW:] if (e.source or e.target) and _compatible(e, k) and _compatible(k, e)),
            None,
        )
        if twin is not None and not e.background:
            _absorb(twin, e)
            continue
        # two triggers of one sentence telling one act (قدم المركز مساعدات ... المساعدات; قتل ... في هجوم):
        # the one whose actors the other's include is a retelling; the fuller one stays
        same = next((k for k in same_type[-_WINDOW:] if k.sentence == e.sentence and k.background == e.background
                     and (_compatible(e, k) or _compatible(k, e))), None)  # fmt: skip
        if same is not None:  # one mention still: the sentence tells the act once
            full, part = (same, e) if _compatible(e, same) else (e, same)
            if full is e:
                e.mentions = same.mentions
                kept[kept.index(same)] = e
                same_type[same_type.index(same)] = e
            if full.location is None:
                full.location = part.location
            continue
        kept.append(e)
        same_type.append(e)
    for c in heads + captions:
        e = c.event
        twin = next((k for k in of_type.get(e.type, []) if _compatible(e, k)), None)
        if twin is not None:
            _absorb(twin, e)
        elif c.block_kind != "caption" and keep(c):
            kept.append(e)
            of_type.setdefault(e.type, []).append(e)
    kept.sort(key=lambda e: e.trigger.start)
    return kept


@dataclass
class MergedEvent:
    """An event reported by one or more documents."""

    event: Event
    documents: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)

    @property
    def mentions(self) -> int:
        return self.event.mentions

    @property
    def source_count(self) -> int:
        return len(self.sources)


def _day(d: str | None) -> int | None:
    if not d or len(d) != 10:
        return None
    try:
        return date.fromisoformat(d).toordinal()
    except ValueError:
        return None


def _loc_key(e: Event) -> str | None:
    loc = e.location or {}
    return (
        loc.get("geonameid")
        or loc.get("entity")
        or (normalize_word(loc["name"]) if loc.get("name") else None)
    )


def dedup_events(items: Iterable[tuple[str, str | None, Event]], days: int = 1) -> list[MergedEvent]:
    """Merge events across documents: same type, actors, place and date within ``days``.

    ``items`` are ``(document id, source/site, event)``. Negated, hypothetical and background
    events are never merged with asserted ones. The merged event is a copy of the first report,
    with ``mentions`` summed.
    """
    groups: dict[tuple, list[tuple[str, str | None, Event]]] = {}
    for doc_id, site, e in items:
        src, tgt = _keys(e.source), _keys(e.target)
        if e.type in SYMMETRIC_TYPES:
            src, tgt = src | tgt, frozenset()
        key = (e.type, src, tgt, _loc_key(e), _status(e), e.background)
        groups.setdefault(key, []).append((doc_id, site, e))
    out: list[MergedEvent] = []
    for members in groups.values():
        members.sort(key=lambda x: (_day(x[2].date) is None, _day(x[2].date) or 0))
        current: MergedEvent | None = None
        last_day: int | None = None
        for doc_id, site, e in members:
            d = _day(e.date)
            same = current is not None and (
                (d is None and last_day is None)
                or (d is not None and last_day is not None and d - last_day <= days)
            )
            if not same or current is None:
                current = MergedEvent(copy.deepcopy(e), [doc_id], {site} if site else set())
                out.append(current)
            else:
                current.event.mentions += e.mentions
                if doc_id not in current.documents:
                    current.documents.append(doc_id)
                if site:
                    current.sources.add(site)
            last_day = d if d is not None else last_day
    return out
