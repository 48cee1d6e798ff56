"""The one data model every stage reads and writes.

Every span is a ``(start, end)`` pair of character offsets into ``Document.text``, the original
(decoded, NFC) text. Normalized forms are computed on demand by ``rasd.text`` and never stored in
place of the original. ``to_dict``/``from_dict`` follow ``docs/schema.md`` and
``src/rasd/schema/document.schema.json``.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1

# The 16 PLOVER event types (the PLOVER manual, ../shared/reference): the one declaration every layer reads.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
# types whose two sides are interchangeable: "A met B" and "B met A" report one act
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
DATE_HINTS = "date_hints"  # meta key of the raw date strings a reader saw (rasd.dates.published resolves them)
BLOCK_KINDS = ("title", "subtitle", "dateline", "body", "crosshead", "caption", "boilerplate")


@dataclass(slots=True)
class Source:
    """Where a document came from."""

    path: str | None = None
    url: str | None = None
    site: str | None = None


@dataclass(slots=True)
class Dateline:
    """A dateline such as ``إيلاف من لندن:``: who reports (source) from where (place)."""

    text: str
    source: str | None = None
    place: str | None = None
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Block:
    """One structural unit of an article (usually one line/paragraph)."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    """A sentence span; ``block`` is the index of the block it belongs to."""

    start: int
    end: int
    block: int


@dataclass(slots=True)
class Token:
    """A token (word or clitic piece) with offsets into the original text."""

    start: int
    end: int
    text: str
    norm: str
    kind: str = "word"  # word | clitic | num | latin | punct


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class EntityActor:
    """Who an entity is as an event actor: its code for the article's date, and where that came from."""

    code: str | None = None  # CAMEO/PLOVER actor code, e.g. IRQGOV
    country: str | None = None  # ISO-3
    sector: str | None = None  # PLOVER sector: GOV, MIL, REB ...
    office: str | None = None  # office or role words, e.g. رئيس الوزراء
    kb_id: str | None = None  # id in the actor knowledge base, when it is one of its records
    kind: str | None = None  # person, state, country, igo, armed_group, media ...
    # where the country came from when no name or title said it: "article" = the country the article
    # is about, "outlet" = the publishing outlet's (an unknown person or body named without a country);
    # None = the name itself, its title, or the knowledge base
    basis: str | None = None


@dataclass(slots=True)
class Geo:
    """Where a place is (GeoNames), and whether it is only the dateline's reporting place."""

    geonameid: int
    lat: float
    lon: float
    country: str | None = None  # ISO-3
    feature: str | None = None  # country | city | admin | region ...
    reporting: bool = False


ENTITY_TYPES = ("PER", "ORG", "LOC", "GPE", "MISC")
GPE_FEATURES = frozenset({"country", "city", "admin"})  # places that are polities


@dataclass(slots=True)
class Entity:
    """A person, organization or place found in the document, with its resolved identity.

    ``actor`` says who it is (code, country, sector, office, knowledge-base id) and ``geo`` where it
    is; either may be None. GPE is a place that is also a polity (a country, a city); LOC one that is
    not (a region, a sea) or that could not be geocoded.
    """

    id: str
    type: str  # PER | ORG | LOC | GPE | MISC
    name: str
    mentions: list[Mention] = field(default_factory=list)
    actor: EntityActor | None = None
    geo: Geo | None = None

    # read-only shortcuts used by the event coder, store and dashboard
    @property
    def code(self) -> str | None:
        return self.actor.code if self.actor else None

    @property
    def country(self) -> str | None:
        if self.actor and self.actor.country:
            return self.actor.country
        return self.geo.country if self.geo else None

    @property
    def sector(self) -> str | None:
        return self.actor.sector if self.actor else None

    @property
    def office(self) -> str | None:
        return self.actor.office if self.actor else None

    @property
    def kind(self) -> str | None:
        if self.actor and self.actor.kind:
            return self.actor.kind
        return self.geo.feature if self.geo else None

    @property
    def is_place(self) -> bool:
        return self.type in ("LOC", "GPE")


@dataclass(slots=True)
class Actor:
    """An event argument: an entity reduced to the codes an event dataset needs."""

    entity: str | None
    name: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None  # the argument's words in the document text (evidence); None if unknown
    end: int | None = None
    basis: str | None = None  # "article" / "outlet": the entity's country was guessed (EntityActor.basis)


@dataclass(slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Event:
    """One coded event, the same shape in documents, ``rasd code`` and the API."""

    type: str  # PLOVER event type
    sentence: Span
    trigger: Span
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    score: float | None = None  # Goldstein score of the CAMEO code
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    location: dict[str, Any] | None = None
    date: str | None = None
    date_text: str | None = None
    negated: bool = False
    modality: str | None = None  # None (asserted) | intent | request | hypothetical | question
    speaker: Actor | None = None
    confidence: float = 0.0
    id: str | None = None
    background: bool = False
    mentions: int = 1


@dataclass(slots=True)
class Step:
    name: str
    version: str


@dataclass(slots=True)
class Document:
    """An article: its original text, its structure, and what later stages found in it."""

    id: str
    text: str
    source: Source = field(default_factory=Source)
    published: str | None = None
    published_text: str | None = None
    language: str | None = None
    title: str | None = None
    subtitle: str | None = None
    dateline: Dateline | None = None
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self, indent: int | None = None) -> str:
        """What ``json.dumps(self.to_dict())`` gives, without building the nested dict copy first: the
        encoder asks for each object's fields as it reaches it (a long document's copy is large)."""
        return json.dumps(self, ensure_ascii=False, indent=indent, default=_fields)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        d = dict(data)
        d["source"] = Source(**d.get("source") or {})
        d["dateline"] = Dateline(**d["dateline"]) if d.get("dateline") else None
        d["blocks"] = [Block(**b) for b in d.get("blocks", [])]
        d["sentences"] = [Sentence(**s) for s in d.get("sentences", [])]
        d["entities"] = [_entity(e) for e in d.get("entities", [])]
        d["events"] = [event_from_dict(e) for e in d.get("events", [])]
        d["steps"] = [Step(**s) for s in d.get("steps", [])]
        return cls(**d)

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def block_of(self, offset: int) -> Block | None:
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block
        return None


def _fields(obj: Any) -> dict[str, Any]:
    """One dataclass's fields, for the JSON encoder (nested ones are asked for in turn); the field
    names of each class are looked up once (``dataclasses.fields`` costs more than the copy)."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
            raise TypeError(f"{type(obj).__name__} is not JSON serializable")
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
    return {n: getattr(obj, n) for n in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def dumps(obj: Any) -> str:
    """``json.dumps(dataclasses.asdict(obj), ensure_ascii=False)`` for a dataclass of this model (the same
    text), without the deep copy ``asdict`` makes."""
    return json.dumps(obj, ensure_ascii=False, default=_fields)


def _entity(d: dict[str, Any]) -> Entity:
    d = dict(d)
    d["mentions"] = [Mention(**m) for m in d.get("mentions", [])]
    if "actor" not in d and "geo" not in d:
        d = _legacy_entity(d)
    d["actor"] = EntityActor(**d["actor"]) if d.get("actor") else None
    d["geo"] = Geo(**d["geo"]) if d.get("geo") else None
    return Entity(**d)


def _legacy_entity(d: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 before 2026-11-30 kept the entity flat (code, country, sector, role, kind, place)."""
    code, country, sector = d.pop("code", None), d.pop("country", None), d.pop("sector", None)
    role, kind, place = d.pop("role", None), d.pop("kind", None), d.pop("place", None)
    if place:
        d["geo"] = {k: place.get(k) for k in ("geonameid", "lat", "lon", "country", "feature", "reporting")}
        if d.get("type") == "LOC" and place.get("feature") in GPE_FEATURES:
            d["type"] = "GPE"
    if code or sector or role or (kind and not place):
        kb_id = d["id"] if not d["id"].startswith(("per:", "org:", "loc:", "geo:", "misc:")) else None
        d["actor"] = {"code": code, "country": country, "sector": sector, "office": role, "kb_id": kb_id, "kind": kind}
    return d


def _actor(d: dict[str, Any] | None) -> Actor | None:
    return Actor(**d) if d else None


def event_from_dict(d: dict[str, Any]) -> Event:
    """An ``Event`` from its dict (as in a document's JSON)."""
    d = dict(d)
    d["sentence"] = Span(**d["sentence"])
    d["trigger"] = Span(**d["trigger"])
    d["source"] = [Actor(**a) for a in d.get("source", [])]
    d["target"] = [Actor(**a) for a in d.get("target", [])]
    d["speaker"] = _actor(d.get("speaker"))
    return Event(**d)
