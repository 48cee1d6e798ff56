"""A small database for API and browser tests: the seed, an XSS attempt, and a hand-coded article."""

from __future__ import annotations

from pathlib import Path

from rasd.ingest import ingest
from rasd.model import Actor, Entity, EntityActor, Event, Geo, Mention, Source, Span
from rasd.pipeline import Pipeline
from rasd.readers.base import RawDoc
from rasd.store import NewDoc, open_store
from rasd.store.search import shadow
from rasd.text import words

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_28742d43d5eb80df.txt"
XSS_TITLE = "مقال خبيث <script>window.__xss = 1</script>"
XSS_BODY = 'نص عربي عن الانتخابات <img src=x onerror="window.__xss = 2"> في الرياض اليوم.'
CODED_TEXT = "هاجمت القوات التركية مواقع حزب العمال الكردستاني في شمال العراق أمس.\nوبحث الرئيس العراقي مع وزير الخارجية التركي العلاقات."


def coded_document():
    """A document with entities and events made by hand, so API tests do not depend on the coder's recall."""
    doc = Pipeline().process_text(CODED_TEXT, Source(url="https://example.org/coded", site="example"),
                                  {"published": "2022-01-25"})
    t = doc.text
    tr = Entity("ent:tur-mil", "ORG", "القوات التركية", [Mention(t.index("القوات"), t.index("القوات") + 14, "القوات التركية")],
                actor=EntityActor(code="TURMIL", country="TUR", sector="MIL", kind="military"))
    pkk = Entity("ent:pkk", "ORG", "حزب العمال الكردستاني", [Mention(t.index("حزب"), t.index("حزب") + 21, "حزب العمال الكردستاني")],
                 actor=EntityActor(code="PKKREB", country="TUR", sector="REB", kind="armed_group"))
    irq = Entity("ent:irq", "GPE", "العراق", [Mention(t.index("العراق"), t.index("العراق") + 6, "العراق")],
                 actor=EntityActor(code="IRQ", country="IRQ", kb_id="country:IRQ", kind="country"),
                 geo=Geo(geonameid=99237, lat=33.0, lon=44.0, country="IRQ", feature="country"))
    doc.entities = [tr, pkk, irq]
    first = doc.sentences[0]
    doc.events = [
        Event("ASSAULT", Span(first.start, first.end), Span(0, 5), mode="firearms", cameo="190", quad_class=4, score=-10.0,
              source=[Actor(tr.id, tr.name, "TURMIL", "TUR", "MIL")], target=[Actor(pkk.id, pkk.name, "PKKREB", "TUR", "REB")],
              location={"name": "العراق", "lat": 33.0, "lon": 44.0, "country": "IRQ"}, date="2022-01-24", date_text="أمس",
              confidence=0.9, id="ev1"),
        Event("CONSULT", Span(doc.sentences[1].start, doc.sentences[1].end), Span(doc.sentences[1].start + 1, doc.sentences[1].start + 4),
              cameo="040", quad_class=1, score=1.0, source=[Actor(None, "الرئيس العراقي", "IRQGOV", "IRQ", "GOV")],
              target=[Actor(None, "وزير الخارجية التركي", "TURGOV", "TUR", "GOV")], date="2022-01-25", confidence=0.8, id="ev2"),
    ]
    return doc


def build_db(path: Path) -> dict[str, str]:
    """Create the test database at ``path``; returns the ids of its documents by name."""
    store = open_store(path)
    try:
        seed = RawDoc(SEED.read_text("utf-8"), Source(path=str(SEED)), {"published": "2022-01-24"})
        xss = RawDoc(XSS_BODY, Source(url="https://evil.example/x", site="evil"), {"title": XSS_TITLE, "published": "2022-01-20"})
        ingest([seed, xss], store)
        doc = coded_document()
        toks = words(doc.text)
        store.add([NewDoc(doc, shadow(words(doc.title or "")), shadow(toks))])
        ids = {"coded": doc.id}
        for hit in store.search("الكاظمي"):
            ids["seed"] = hit.doc_id
        for hit in store.search("الانتخابات"):
            ids["xss"] = hit.doc_id
        return ids
    finally:
        store.close()
