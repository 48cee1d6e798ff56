"""The seed article's entities: the issue's expectations, with and without the NER model."""

from __future__ import annotations

import pytest

from rasd.entities.gazetteer import gazetteer
from rasd.entities.step import _tagger, entities, find_entities
from rasd.model import Entity
from rasd.pipeline import Pipeline
from rasd.text.normalize import normalize_word

TAGGERS = ["none", "model"]


@pytest.fixture(scope="module", params=TAGGERS)
def seed_entities(request, seed_text) -> tuple[str, list[Entity]]:
    if not gazetteer().places:
        pytest.skip("gazetteer data not built (python scripts/build_gazetteer.py)")
    tagger = None
    if request.param == "model":
        tagger = _tagger()
        if tagger is None:
            pytest.skip("no NER model shipped yet")
    doc = Pipeline().process_text(seed_text)
    return doc.text, find_entities(doc, tagger=tagger)


def person(ents: list[Entity], name: str) -> Entity:
    key = normalize_word(name)
    found = [e for e in ents if e.type == "PER" and normalize_word(e.name) == key]
    assert found, f"no person {name}: {[e.name for e in ents if e.type == 'PER']}"
    return found[0]


def place(ents: list[Entity], name: str) -> Entity:
    key = normalize_word(name)
    found = [e for e in ents if e.type == "GPE" and e.geo and normalize_word(e.name) == key]
    assert found, f"no geocoded place {name}: {[e.name for e in ents if e.is_place]}"
    return found[0]


def test_mentions_are_spans_of_the_original_text(seed_entities):
    text, ents = seed_entities
    for e in ents:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_persons_with_office_country_and_sector(seed_entities):
    _text, ents = seed_entities
    kadhimi = person(ents, "مصطفى الكاظمي")
    assert (kadhimi.country, kadhimi.sector, kadhimi.code) == ("IRQ", "GOV", "IRQGOV")
    assert normalize_word("رئيس الوزراء") in normalize_word(kadhimi.office or "")
    assert len(kadhimi.mentions) >= 5  # الكاظمي alone joins the full name
    tuller = person(ents, "ماثيو تولر")
    assert (tuller.country, tuller.sector) == ("USA", "GOV") and "سفير" in (tuller.office or "")
    kunay = person(ents, "علي رضا كوناي")
    assert (kunay.country, kunay.sector) == ("TUR", "GOV") and "سفير" in (kunay.office or "")


def test_every_spelling_of_erdogan_is_one_person(seed_entities):
    text, ents = seed_entities
    erdogan = person(ents, "رجب طيب أردوغان")
    assert (erdogan.country, erdogan.sector) == ("TUR", "GOV")
    assert "رئيس" in (erdogan.office or "") or erdogan.office == "president"
    spellings = {m.text for m in erdogan.mentions}
    assert {"إردوغان", "رجب طيب أردوغان"} <= spellings
    assert len(erdogan.mentions) == text.count("إردوغان") + text.count("أردوغان")
    assert sum(1 for e in ents if e.type == "PER" and "وغان" in e.name) == 1


def test_places_geocoded_and_london_is_the_reporting_place(seed_entities):
    _text, ents = seed_entities
    expected = {
        "بغداد": ("city", "IRQ"),
        "العراق": ("country", "IRQ"),
        "تركيا": ("country", "TUR"),
        "الولايات المتحدة": ("country", "USA"),
        "الحسكة": ("city", "SYR"),
        "سوريا": ("country", "SYR"),
    }
    for name, (feature, country) in expected.items():
        p = place(ents, name).geo
        assert (p.feature, p.country) == (feature, country), name
        assert p.reporting is False and p.geonameid and p.lat is not None
    syria = place(ents, "سوريا")
    assert "السورية" in [m.text for m in syria.mentions]  # from the adjective in الحسكة السورية
    london = place(ents, "لندن").geo
    assert london.reporting is True and london.country == "GBR"


def test_armed_groups_and_the_outlet(seed_entities):
    _text, ents = seed_entities
    orgs = {e.id: e for e in ents if e.type == "ORG"}
    daesh = [e for e in orgs.values() if "داعش" in e.name]
    assert daesh and daesh[0].kind == "armed_group" and daesh[0].sector == "REB"
    pkk = [e for e in orgs.values() if any("حزب العمال" in m.text for m in e.mentions)]
    assert pkk and pkk[0].kind == "armed_group"
    elaph = [e for e in orgs.values() if normalize_word(e.name) == normalize_word("إيلاف")]
    assert elaph and elaph[0].kind == "media"
    assert len(elaph[0].mentions) == 2  # the dateline and "ايلاف" in quotes


def test_state_actors_and_country_references(seed_entities):
    _text, ents = seed_entities
    codes = {e.code for e in ents if e.kind == "state"}
    assert {"USAMIL", "IRQGOV", "IRQMIL"} <= codes
    usa = place(ents, "الولايات المتحدة")
    assert "بلاده" in [m.text for m in usa.mentions]  # the ambassador's country


def test_boilerplate_is_skipped(seed_entities):
    text, ents = seed_entities
    telegram = text.index("تلغرام")
    assert not any(m.start <= telegram < m.end for e in ents for m in e.mentions)


def test_the_step_fills_the_document(seed_text):
    doc = entities(Pipeline().process_text(seed_text))
    assert doc.entities and all(e.id for e in doc.entities)
    assert len({e.id for e in doc.entities}) == len(doc.entities)


def test_entity_json_has_actor_and_geo(seed_text):
    """Issue 4 item 6: {id, type, name, mentions, actor: {code, country, sector, office, kb_id} | null,
    geo: {geonameid, lat, lon, country} | null}."""
    if not gazetteer().places:
        pytest.skip("gazetteer data not built (python scripts/build_gazetteer.py)")
    data = entities(Pipeline().process_text(seed_text)).to_dict()["entities"]
    assert all(set(e) == {"id", "type", "name", "mentions", "actor", "geo"} for e in data)
    assert {e["type"] for e in data} <= {"PER", "ORG", "LOC", "GPE", "MISC"}
    by_name = {normalize_word(e["name"]): e for e in data}
    kadhimi = by_name[normalize_word("مصطفى الكاظمي")]
    assert kadhimi["geo"] is None
    assert {k: kadhimi["actor"][k] for k in ("code", "country", "sector", "kb_id")} == {
        "code": "IRQGOV", "country": "IRQ", "sector": "GOV", "kb_id": "person:kadhimi"}
    assert normalize_word("رئيس الوزراء") in normalize_word(kadhimi["actor"]["office"])
    baghdad = by_name[normalize_word("بغداد")]
    assert baghdad["type"] == "GPE" and baghdad["actor"] is None
    assert baghdad["geo"]["country"] == "IRQ" and abs(baghdad["geo"]["lat"] - 33.3) < 0.5
    iraq = by_name[normalize_word("العراق")]
    assert iraq["actor"]["code"] == "IRQ" and iraq["actor"]["kb_id"] == "country:IRQ" and iraq["geo"]["geonameid"]
