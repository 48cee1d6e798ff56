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

BLOCK_KINDS = ("title", "subtitle", "dateline", "body", "crosshead", "caption", "boilerplate")


@dataclass
class Source:
    """Where a document came from."""

    path: str | None = None
    url: str | None = None
    site: str | None = None


@dataclass
class Dateline:
    """A dateline such as ``إيلاف من لندن:``: who reports (source) from where (place)."""

    text: str
    source: str | None = None
    place: str | None = None
    start: int = 0
    end: int = 0


@dataclass
class Block:
    """One structural unit of an article (usually one line/paragraph)."""

    kind: str
    text: str
    start: int
    end: int


@dataclass
class Sentence:
    """A sentence span; ``block`` is the index of the block it belongs to."""

    start: int
    end: int
    block: int


@dataclass
class Token:
    """A token (word or clitic piece) with offsets into the original text."""

    start: int
    end: int
    text: str
    norm: str
    kind: str = "word"  # word | clitic | num | latin | punct


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """A person, organization or place found in the document, with its resolved identity."""

    id: str
    type: str  # PER | ORG | LOC | MISC
    name: str
    mentions: list[Mention] = field(default_factory=list)
    code: str | None = None  # actor code, e.g. IRQGOV
    country: str | None = None  # ISO-3
    sector: str | None = None  # PLOVER sector: GOV, MIL, REB ...
    role: str | None = None  # office or role words, e.g. رئيس الوزراء
    kind: str | None = None  # person, state, igo, armed_group, media, city, country ...
    place: dict[str, Any] | None = None  # {geonameid, lat, lon, country, feature, reporting}


@dataclass
class Actor:
    """An event argument: an entity reduced to the codes an event dataset needs."""

    entity: str | None
    name: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class Span:
    start: int
    end: int


@dataclass
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


@dataclass
class Step:
    name: str
    version: str


@dataclass
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
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        d = dict(data)
        d["source"] = Source(**d.get("source") or {})
        d["dateline"] = Dateline(**d["dateline"]) if d.get("dateline") else None
        d["blocks"] = [Block(**b) for b in d.get("blocks", [])]
        d["sentences"] = [Sentence(**s) for s in d.get("sentences", [])]
        d["entities"] = [_entity(e) for e in d.get("entities", [])]
        d["events"] = [_event(e) for e in d.get("events", [])]
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


def _entity(d: dict[str, Any]) -> Entity:
    d = dict(d)
    d["mentions"] = [Mention(**m) for m in d.get("mentions", [])]
    return Entity(**d)


def _actor(d: dict[str, Any] | None) -> Actor | None:
    return Actor(**d) if d else None


def _event(d: dict[str, Any]) -> Event:
    d = dict(d)
    d["sentence"] = Span(**d["sentence"])
    d["trigger"] = Span(**d["trigger"])
    d["source"] = [Actor(**a) for a in d.get("source", [])]
    d["target"] = [Actor(**a) for a in d.get("target", [])]
    d["speaker"] = _actor(d.get("speaker"))
    return Event(**d)
