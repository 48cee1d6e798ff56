"""The document model: JSON round trip and the published JSON Schema agree."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

from rasd.model import Actor, Document, Entity, EntityActor, Event, Mention, Span, dumps
from rasd.pipeline import Pipeline, document_id


def _schema() -> dict:
    return json.loads(resources.files("rasd").joinpath("schema/document.schema.json").read_text("utf-8"))


def test_seed_document_validates_and_round_trips(seed_text: str) -> None:
    doc = Pipeline().process_text(seed_text)
    data = json.loads(doc.to_json())
    jsonschema.validate(data, _schema())
    again = Document.from_json(doc.to_json())
    assert again == doc


def test_entities_and_events_validate() -> None:
    doc = Pipeline().process_text("بحث الكاظمي مع السفير في بغداد.")
    doc.entities.append(Entity("per:x", "PER", "الكاظمي", [Mention(4, 11, "الكاظمي")], actor=EntityActor(code="IRQGOV", country="IRQ", sector="GOV")))
    doc.events.append(
        Event("CONSULT", Span(0, 31), Span(0, 3), cameo="040", quad_class=1, score=1.0,
              source=[Actor("per:x", "الكاظمي", "IRQGOV", "IRQ", "GOV")], confidence=0.8)
    )
    data = json.loads(doc.to_json())
    jsonschema.validate(data, _schema())
    assert Document.from_dict(data) == doc


def test_flat_entities_of_earlier_documents_are_read() -> None:
    """Documents stored before the actor/geo shape (code, country, sector, role, kind, place) still load."""
    doc = Pipeline().process_text("بحث الكاظمي في بغداد.")
    data = json.loads(doc.to_json())
    data["entities"] = [
        {"id": "person:kadhimi", "type": "PER", "name": "الكاظمي", "mentions": [{"start": 4, "end": 11, "text": "الكاظمي"}],
         "code": "IRQGOV", "country": "IRQ", "sector": "GOV", "role": "رئيس الوزراء", "kind": "person", "place": None},
        {"id": "geo:98182", "type": "LOC", "name": "بغداد", "mentions": [{"start": 15, "end": 20, "text": "بغداد"}],
         "code": None, "country": "IRQ", "sector": None, "role": None, "kind": "city",
         "place": {"geonameid": 98182, "lat": 33.34, "lon": 44.4, "country": "IRQ", "feature": "city", "reporting": False}},
    ]
    kadhimi, baghdad = Document.from_dict(data).entities
    assert kadhimi.actor == EntityActor("IRQGOV", "IRQ", "GOV", "رئيس الوزراء", "person:kadhimi", "person")
    assert kadhimi.geo is None
    assert baghdad.type == "GPE" and baghdad.actor is None and baghdad.geo.geonameid == 98182
    jsonschema.validate(json.loads(Document.from_dict(data).to_json()), _schema())


def test_schema_rejects_bad_block_kind(seed_text: str) -> None:
    data = json.loads(Pipeline().process_text(seed_text).to_json())
    data["blocks"][0]["kind"] = "headline"
    try:
        jsonschema.validate(data, _schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("a block kind outside the schema must not validate")


def test_document_id_is_stable_across_spelling_noise() -> None:
    # harakat, tatweel and hamza forms are shadow-normalized before hashing
    assert document_id("أكَّد الرئيـس") == document_id("اكد الرئيس")
    assert document_id("نص") != document_id("نص آخر")


def test_to_json_streams_the_same_json_as_the_dict_copy(seed_text: str) -> None:
    """to_json hands the encoder each object's fields as it goes; the bytes are those of to_dict()."""
    doc = Pipeline().process_text(seed_text)
    assert doc.events and doc.entities
    assert doc.to_json() == json.dumps(doc.to_dict(), ensure_ascii=False)
    assert doc.to_json(indent=2) == json.dumps(doc.to_dict(), ensure_ascii=False, indent=2)
    assert Document.from_json(doc.to_json()) == doc


def test_dumps_gives_the_text_of_asdict(seed_text: str) -> None:
    """The store's event and place JSON (``model.dumps``) is what ``json.dumps(asdict(x))`` gave."""
    import dataclasses

    doc = Pipeline().process_text(seed_text)
    objs = [*doc.events, *(e.geo for e in doc.entities if e.geo), *doc.entities]
    assert doc.events and len(objs) > len(doc.events)
    for obj in objs:
        assert dumps(obj) == json.dumps(dataclasses.asdict(obj), ensure_ascii=False)


def test_pipeline_select_runs_only_the_named_steps(seed_text: str) -> None:
    """Pipeline.select (rasd process --steps) keeps the pipeline's order and refuses unknown names."""
    import pytest

    from rasd.errors import ConfigError

    light = Pipeline().select(["sentences", "structure", "language"])
    assert light.names == ["language", "structure", "sentences"]
    doc = light.process_text(seed_text)
    assert [s.name for s in doc.steps] == light.names and doc.sentences and not doc.entities and not doc.events
    with pytest.raises(ConfigError, match="the steps are language, structure"):
        Pipeline().select(["structure", "nlp"])
