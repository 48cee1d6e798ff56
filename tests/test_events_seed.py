"""The seed article coded with hand-built entities: the events the issue asks for, and nothing more."""

from __future__ import annotations

import re

import pytest

from rasd.events.step import events
from rasd.model import Document, Entity, EntityActor, Geo, Mention
from rasd.pipeline import Pipeline, PipelineStep, default_steps


def _entity(text: str, eid: str, etype: str, name: str, surfaces: list[str], place: dict | None = None,
            **actor: str) -> Entity:
    """An entity with the actor fields given (code, country, sector, kind) and, for a place, its geo."""
    mentions = [Mention(m.start(), m.end(), s) for s in surfaces for m in re.finditer(re.escape(s), text)]
    geo = None
    if place is not None:
        geo = Geo(lat=0.0, lon=0.0, country=actor.get("country"), feature=actor.get("kind"), **place)
        if "code" not in actor:  # a city is a place, not an actor
            actor = {}
    return Entity(eid, etype, name, mentions, actor=EntityActor(**actor) if actor else None, geo=geo)


@pytest.fixture(scope="module")
def seed_doc(seed_text: str) -> Document:
    steps = [s for s in default_steps() if s.name in ("language", "structure", "sentences")]
    doc = Pipeline(steps).process_text(seed_text, meta={"published": "2022-01-24"})
    t = doc.text
    doc.entities = [
        _entity(
            t,
            "kadhimi",
            "PER",
            "مصطفى الكاظمي",
            ["مصطفى الكاظمي", "الكاظمي"],
            code="IRQGOV",
            country="IRQ",
            sector="GOV",
        ),
        _entity(
            t,
            "tueller",
            "PER",
            "ماثيو تولر",
            ["ماثيو تولر", "تولر"],
            code="USAGOV",
            country="USA",
            sector="GOV",
        ),
        _entity(
            t,
            "konay",
            "PER",
            "علي رضا كوناي",
            ["علي رضا كوناي", "السفير التركي"],
            code="TURGOV",
            country="TUR",
            sector="GOV",
        ),
        _entity(
            t,
            "erdogan",
            "PER",
            "رجب طيب أردوغان",
            ["إردوغان", "رجب طيب أردوغان"],
            code="TURGOV",
            country="TUR",
            sector="GOV",
        ),
        _entity(t, "iraq", "LOC", "العراق", ["العراق"], code="IRQ", country="IRQ", kind="country"),
        _entity(
            t,
            "usa",
            "LOC",
            "الولايات المتحدة",
            ["الولايات المتحدة"],
            code="USA",
            country="USA",
            kind="country",
        ),
        _entity(t, "turkey", "LOC", "تركيا", ["تركيا"], code="TUR", country="TUR", kind="country"),
        _entity(t, "isis", "ORG", "تنظيم داعش", ["تنظيم داعش"], code="IMGREB", kind="armed_group"),
        _entity(
            t,
            "baghdad",
            "LOC",
            "بغداد",
            ["بغداد"],
            country="IRQ",
            kind="city",
            place={"geonameid": 98182},
        ),
        _entity(
            t,
            "london",
            "LOC",
            "لندن",
            ["لندن"],
            country="GBR",
            kind="city",
            place={"geonameid": 2643743, "reporting": True},
        ),
        _entity(
            t,
            "usforces",
            "ORG",
            "القوات الاميركية",
            ["القوات الاميركية"],
            code="USAMIL",
            country="USA",
            sector="MIL",
        ),
    ]
    return PipelineStep("events", "1", events)(doc)


def _find(doc: Document, ptype: str, src: str, tgt: str):  # noqa: ANN202 - an Event or None
    for e in doc.events:
        codes = {a.code for a in e.source}, {a.code for a in e.target}
        if e.type == ptype and src in codes[0] and tgt in codes[1]:
            return e
    return None


def test_consult_with_the_us_ambassador_in_baghdad(seed_doc: Document) -> None:
    e = _find(seed_doc, "CONSULT", "IRQGOV", "USAGOV")
    assert e is not None and not e.negated and e.modality is None
    assert e.location and e.location["name"] == "بغداد"  # not London, the dateline place
    assert e.date == "2022-01-24" and e.date_text == "اليوم الاثنين"
    assert e.mentions >= 2  # the subtitle and the second body sentence retell it
    assert e.quad_class == 1 and e.cameo == "040"


def test_consult_with_the_turkish_ambassador_merges_the_caption(seed_doc: Document) -> None:
    e = _find(seed_doc, "CONSULT", "IRQGOV", "TURGOV")
    assert e is not None
    assert e.mentions == 2  # the body sentence and the photo caption are one meeting
    assert e.location and e.location["name"] == "بغداد"  # only the caption says where
    caption = next(b for b in seed_doc.blocks if b.kind == "caption")
    assert not any(caption.start <= x.trigger.start < caption.end for x in seed_doc.events)


def test_support_from_turkey_and_from_the_us_ambassador(seed_doc: Document) -> None:
    tur = _find(seed_doc, "SUPPORT", "TURGOV", "IRQ")
    usa = _find(seed_doc, "SUPPORT", "USAGOV", "IRQ")
    assert tur is not None and usa is not None
    assert tur.mentions >= 3  # headline, crosshead and body
    assert all(
        b.kind not in ("title", "crosshead") for b in seed_doc.blocks if b.start <= tur.trigger.start < b.end
    )


def test_withdrawal_is_background_at_the_end_of_last_year(seed_doc: Document) -> None:
    e = _find(seed_doc, "RETREAT", "USAMIL", "IRQ")
    assert e is not None and e.background and e.mode == "withdraw"
    assert e.cameo == "0874"  # CAMEO: retreat or surrender militarily (0872 is easing a blockade)
    assert e.date == "2021-12"  # بنهاية العام الماضي: the month, as precise as the text


def test_nothing_from_the_telegram_lines(seed_doc: Document) -> None:
    boiler = [b for b in seed_doc.blocks if b.kind == "boilerplate"]
    assert boiler
    assert not any(b.start <= e.trigger.start < b.end for b in boiler for e in seed_doc.events)


def test_no_event_counted_twice(seed_doc: Document) -> None:
    keys = [
        (e.type, tuple(a.code for a in e.source), tuple(a.code for a in e.target)) for e in seed_doc.events
    ]
    assert len(keys) == len(set(keys))
    assert all(e.id for e in seed_doc.events)


def test_cooperation_is_between_turkey_and_iraq_not_with_what_they_face(seed_doc: Document) -> None:
    # "يشار الى ان تركيا والعراق يتعاونان ... لمواجهة خطر تنظيم داعش": a reciprocal COOPERATE
    coop = [e for e in seed_doc.events if e.type == "COOPERATE"]
    assert len(coop) == 1
    e = coop[0]
    assert [a.code for a in e.source] == ["TUR", "IRQ"]
    assert not any(a.code == "IMGREB" for a in e.source + e.target)
    assert e.background


def test_a_threat_the_cooperation_prevents_is_not_an_event(seed_doc: Document) -> None:
    # "منع الجماعات الإرهابية من تهديد أمن العراق": a purpose, not a THREATEN
    assert not any(e.type == "THREATEN" for e in seed_doc.events)
