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


# ---------------------------------------------------------------- named and generic arguments read together


def _mention(text: str, surface: str, eid: str, etype: str, name: str, code: str, country: str | None,
             sector: str | None) -> Entity:  # fmt: skip
    m = re.search(surface, text)
    assert m is not None
    kind = "country" if etype == "GPE" else None
    return Entity(eid, etype, name, [Mention(m.start(), m.end(), surface)],
                  actor=EntityActor(code=code, country=country, sector=sector, kind=kind))  # fmt: skip


def coded_with(text: str, ptype: str, entities: list[Entity]) -> Coded:
    def enrich(doc: Document) -> Document:
        doc.entities = entities
        return doc

    found = [c for c in code_text(text, published=PUB, enrich=enrich)[1] if c.event.type == ptype]
    assert found, f"no {ptype} in {text!r}"
    return found[0]


def test_a_demonym_mention_is_the_adjective_of_the_group_noun_before_it() -> None:
    text = "وقال مسؤول ان مسلحين خطفوا القنصل الافغاني في المدينة امس"
    afg = _mention(text, "الافغاني", "c:afg", "GPE", "أفغانستان", "AFG", "AFG", None)
    c = coded_with(text, "ASSAULT", [afg])
    assert [(a.name, a.code) for a in c.event.source] == [("مسلحين", "UAF")]  # not the demonym's country
    assert [(a.name, a.code) for a in c.event.target] == [("القنصل الافغاني", "AFGGOV")]


def test_a_title_before_a_name_gives_way_to_the_person() -> None:
    text = "بحث رئيس الوزراء العراقي مصطفى الكاظمي مع السفير التركي الجديد علي رضا كوناي العلاقات"
    kad = _mention(text, "مصطفى الكاظمي", "p:kad", "PER", "مصطفى الكاظمي", "IRQGOV", "IRQ", "GOV")
    kon = _mention(text, "علي رضا كوناي", "p:kon", "PER", "علي رضا كوناي", "TURGOV", "TUR", "GOV")
    c = coded_with(text, "CONSULT", [kad, kon])
    assert [a.name for a in c.event.source] == ["مصطفى الكاظمي"]
    assert [a.name for a in c.event.target] == ["علي رضا كوناي"]


def test_suicide_attack_adjective_is_not_an_actor() -> None:
    text = "قتل عشرة اشخاص في هجوم انتحاري استهدف سوقا شعبية امس"
    c = coded(text, "ASSAULT")
    assert "انتحاري" not in [a.name for a in c.event.source + c.event.target]
    assert [a.name for a in c.event.target] == ["عشرة اشخاص"]


def test_the_crowd_word_of_a_protest_is_its_source() -> None:
    text = "وخرج متظاهرون فلسطينيون الى الشوارع امس"
    c = coded(text, "PROTEST")
    assert [(a.name, a.code) for a in c.event.source] == [("متظاهرون فلسطينيون", "PSECVL")]


def test_a_demonym_argument_span_takes_its_noun_in() -> None:
    text = "وخطف مسلحون موظف بريطاني يعمل في شركة نفط امس"
    gbr = _mention(text, "بريطاني", "c:gbr", "GPE", "المملكة المتحدة", "GBR", "GBR", None)
    c = coded_with(text, "ASSAULT", [gbr])
    (tgt,) = c.event.target
    assert (text[tgt.start : tgt.end], tgt.code) == ("موظف بريطاني", "GBR")


def test_a_title_before_a_name_with_a_prepositional_phrase_between() -> None:
    text = "وبحث الكاظمي مع السفير التركي الجديد لدى العراق علي رضا كوناي العلاقات الثنائية"
    kad = _mention(text, "الكاظمي", "p:kad", "PER", "مصطفى الكاظمي", "IRQGOV", "IRQ", "GOV")
    irq = _mention(text, "العراق", "c:irq", "GPE", "العراق", "IRQ", "IRQ", None)
    kon = _mention(text, "علي رضا كوناي", "p:kon", "PER", "علي رضا كوناي", "TURGOV", "TUR", "GOV")
    c = coded_with(text, "CONSULT", [kad, irq, kon])
    assert [a.name for a in c.event.target] == ["علي رضا كوناي"]


def test_a_group_noun_is_not_the_title_of_a_name_further_on() -> None:
    text = "واعتقلت الشرطة في المدينة الناشط محمد علي أمس"
    per = _mention(text, "محمد علي", "p:m", "PER", "محمد علي", "", None, None)
    c = coded_with(text, "COERCE", [per])
    assert [a.name for a in c.event.source] == ["الشرطة"]
    assert [a.name for a in c.event.target] == ["محمد علي"]


def test_an_agent_phrase_names_the_source() -> None:
    text = "وقتل أربعة جنود إثيوبيين في هجوم شنه مسلحون صوماليون على ثكنة في مقديشو"
    c = coded(text, "ASSAULT")
    assert [a.name for a in c.event.source] == ["مسلحون صوماليون"]


def test_a_protest_target_needs_a_preposition() -> None:
    text = "وتظاهر نحو 15 شخصا أمام القنصلية اليونانية في برلين أمس"
    grc = _mention(text, "اليونانية", "c:grc", "GPE", "اليونان", "GRC", "GRC", None)
    c = coded_with(text, "PROTEST", [grc])
    assert [a.name for a in c.event.source] == ["15 شخصا"]  # نحو before a number is "about"
    assert [(text[a.start : a.end], a.code) for a in c.event.target] == [("القنصلية اليونانية", "GRC")]
    text = "واعتصم المتظاهرون داخل محطة لتوليد الكهرباء امس"
    c = coded(text, "PROTEST")
    assert c.event.target == []  # a place they occupy is not what they protest against


def test_the_genitive_of_a_killing_is_its_victim() -> None:
    text = "وأسفر القصف عن مقتل 43 مدنيا في حي دار سعد أمس"
    c = coded(text, "ASSAULT")
    assert "43 مدنيا" not in [a.name for a in c.event.source]
    assert "43 مدنيا" in [a.name for a in c.event.target]


def test_no_word_order_guess_after_the_entities_step() -> None:
    from rasd.coder import SentenceCoder

    text = "وهاجم حشد غاضب مقر الحزب في المدينة أمس"
    bare_doc = SentenceCoder(with_entities=False)(text)
    doc = SentenceCoder()(text)
    (guessed,) = [e for e in bare_doc.events if e.type == "ASSAULT"]
    assert [a.name for a in guessed.source] == ["حشد غاضب"]  # a bare sentence: the word-order guess
    (coded_event,) = [e for e in doc.events if e.type == "ASSAULT"]  # detection does not depend on it
    assert all(a.code or a.entity for a in coded_event.source + coded_event.target)


def test_popular_resistance_and_armed_groups_are_actors() -> None:
    c = coded("وسيطرت المقاومة الشعبية على المفرق عقب اشتباكات استمرت لساعات", "COERCE")
    assert [(a.name, a.code) for a in c.event.source] == [("المقاومة الشعبية", "PRM")]
    c = coded("هاجمت مجموعة مسلحة موقعا للجيش أمس", "ASSAULT")
    assert [(a.name, a.code) for a in c.event.source] == [("مجموعة مسلحة", "UAF")]
