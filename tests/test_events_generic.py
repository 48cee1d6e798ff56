"""Generic actors: group nouns (مسلحون، الجنود، عشرة أشخاص) as sources and targets, with the sector the
noun fixes, where no named entity fills that side. Sentences written for these tests."""

from __future__ import annotations

import re

from rasd.events.detect import Coded
from rasd.events.step import code_text
from rasd.model import Document, Entity, EntityActor, Mention

PUB = "2022-01-24"


def coded(text: str, ptype: str, entities: list[tuple[str, str, str, str, str]] = ()) -> Coded:
    """The first event of ``ptype``; ``entities``: (surface, id, code, country, sector) mentions."""

    def enrich(doc: Document) -> Document:
        doc.entities = [
            Entity(eid, "ORG", surface, [Mention(m.start(), m.end(), surface) for m in re.finditer(surface, text)],
                   actor=EntityActor(code=code, country=country, sector=sector))
            for surface, eid, code, country, sector in entities
        ]  # fmt: skip
        return doc

    found = [c for c in code_text(text, published=PUB, enrich=enrich)[1] if c.event.type == ptype]
    assert found, f"no {ptype} in {text!r}"
    return found[0]


def spans(text: str, c: Coded, role: str) -> list[str]:
    return [text[a:b] for a, b in c.spans.get(role, [])]


def test_generic_source_and_counted_target_with_sectors() -> None:
    text = "وخطف مسلحون ثلاثة صحفيين قرب الحدود صباح أمس"
    c = coded(text, "ASSAULT")
    (src,), (tgt,) = c.event.source, c.event.target
    assert (src.name, src.code, src.sector, src.entity) == ("مسلحون", "UAF", "UAF", None)
    assert (tgt.name, tgt.code, tgt.sector) == ("ثلاثة صحفيين", "JRN", "JRN")  # the number stays in the span
    assert spans(text, c, "source") == ["مسلحون"] and spans(text, c, "target") == ["ثلاثة صحفيين"]


def test_counted_victims_are_the_target_not_the_agent() -> None:
    text = "قتل 12 مدنيا في قصف استهدف سوق القرية"
    c = coded(text, "ASSAULT")
    assert [(a.name, a.code) for a in c.event.target] == [("12 مدنيا", "CVL")]
    assert not any(a.sector == "CVL" for a in c.event.source)
    text = "وقال مسؤول محلي إن 20 شخصا قتلوا في الانفجار"
    c = coded(text, "ASSAULT")
    assert [(a.name, a.sector) for a in c.event.target] == [("20 شخصا", "CVL")]


def test_demonym_after_the_noun_gives_the_country() -> None:
    text = "وأطلق جنود أميركيون النار على متظاهرين في البلدة"
    c = coded(text, "ASSAULT")
    assert [(a.name, a.code, a.country) for a in c.event.source] == [("جنود أميركيون", "USAMIL", "USA")]
    assert [(a.name, a.code) for a in c.event.target] == [("متظاهرين", "CVL")]


def test_protest_crowd_is_the_source() -> None:
    text = "وتظاهر مئات الطلاب أمام مبنى الوزارة للمطالبة بخفض الرسوم"
    c = coded(text, "PROTEST")
    assert [(a.name, a.sector) for a in c.event.source] == [("الطلاب", "EDU")]
    text = "واعتصم العمال أمام المصنع احتجاجا على تأخر الأجور"
    assert [(a.name, a.code) for a in coded(text, "PROTEST").event.source] == [("العمال", "LAB")]


def test_named_entity_keeps_its_side_and_a_group_noun_fills_the_other() -> None:
    text = "وأطلقت الشرطة العراقية النار على المتظاهرين وسط بغداد"
    c = coded(text, "ASSAULT", [("الشرطة العراقية", "iqpolice", "IRQCOP", "IRQ", "COP")])
    assert [(a.entity, a.code) for a in c.event.source] == [("iqpolice", "IRQCOP")]
    assert [(a.entity, a.name, a.code) for a in c.event.target] == [(None, "المتظاهرين", "CVL")]


def test_named_entity_wins_over_a_group_noun_on_the_same_side() -> None:
    text = "وهاجمت حركة الشباب بمساعدة مسلحين قاعدة للجنود الإثيوبيين"
    c = coded(text, "ASSAULT", [("حركة الشباب", "shabaab", "SOMREB", "SOM", "REB")])
    assert [a.entity for a in c.event.source] == ["shabaab"]
    assert not any(a.sector == "UAF" for a in c.event.source)


def test_words_that_are_not_actors_here() -> None:
    text = "وتظاهر السكان أمام المبنى مطالبين بتحسين الأمن في الحي"  # أمام "in front of", الأمن "security"
    c = coded(text, "PROTEST")
    assert [(a.name, a.sector) for a in c.event.source] == [("السكان", "CVL")]
    assert not any(a.name in ("أمام", "الأمن") for a in c.event.source + c.event.target)
