"""SQLite store: versioned schema, WAL, idempotent adds, one transaction per batch, exact-duplicate
links, and the read side (get, stats, events, export)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rasd.errors import StoreError
from rasd.model import Actor, Document, Entity, EntityActor, Event, Mention, Source, Span
from rasd.pipeline import new_document
from rasd.store import DupLink, Filters, NewDoc, Store, open_store
from rasd.store.migrations import LATEST
from rasd.store.sqlite import SQLiteStore


def doc(text: str, path: str = "a.txt", published: str | None = "2015-07-21") -> Document:
    d = new_document(text, Source(path=path, site="site"), {"published": published})
    return d


def test_schema_versioned_and_wal(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "x.db")
    assert isinstance(s, Store)
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.db.execute("SELECT max(version) FROM schema_version").fetchone()[0] == LATEST
    s.close()
    again = SQLiteStore(tmp_path / "x.db")  # re-opening runs no migration twice
    assert again.db.execute("SELECT count(*) FROM schema_version").fetchone()[0] == LATEST


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "x.db").close()
    db = sqlite3.connect(tmp_path / "x.db")
    db.execute("INSERT INTO schema_version VALUES (?)", (LATEST + 1,))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(tmp_path / "x.db")


def test_open_store_urls(tmp_path: Path) -> None:
    assert isinstance(open_store(f"sqlite:///{tmp_path / 'u.db'}"), SQLiteStore)
    with pytest.raises(StoreError):
        open_store("postgresql://user@host/db")
    with pytest.raises(StoreError, match="no directory"):
        open_store(tmp_path / "missing" / "x.db")


def test_add_is_idempotent_and_round_trips(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "x.db")
    d = doc("نص الخبر الأول عن الاقتصاد")
    r1 = s.add([NewDoc(d, "", "نص خبر اول", b"\0" * 512, b"\0" * 256)])
    r2 = s.add([NewDoc(d, "", "نص خبر اول", b"\0" * 512, b"\0" * 256)])
    assert (r1.new, r2.new, r2.already) == (1, 0, 1)
    got = s.get(d.id)
    assert got == d
    assert s.text_of(d.id) == d.text
    assert s.stats()["documents"] == 1
    assert [row[0] for row in s.signatures()] == [d.id]


def test_exact_duplicate_links_are_kept_once(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "x.db")
    d = doc("نص مكرر")
    s.add([NewDoc(d)])
    link = DupLink("exact", d.id, d.id, 1.0, "b.txt")
    assert s.add([], [link]).exact == 1
    r = s.add([], [link])
    assert (r.exact, r.already) == (0, 1)
    assert s.known([d.id, "nope"]) == {d.id: "a.txt"}
    assert [x["source"] for x in s.export("duplicates")] == ["b.txt"]


def test_batch_is_all_or_nothing(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "x.db")
    good = doc("خبر سليم")
    bad = doc("خبر آخر", path="b.txt")
    bad.meta["unserialisable"] = object()  # to_json fails half way through the batch
    with pytest.raises(TypeError):
        s.add([NewDoc(good), NewDoc(bad)])
    assert s.stats()["documents"] == 0
    assert s.db.execute("SELECT count(*) FROM doc_fts").fetchone()[0] == 0
    assert s.add([NewDoc(good)]).new == 1


def test_entities_and_events_are_stored_with_their_columns(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "x.db")
    d = doc("التقى الرئيس العراقي بوزير الخارجية في بغداد")
    d.entities = [Entity("e1", "PER", "الرئيس العراقي", [Mention(6, 20, "الرئيس العراقي")], actor=EntityActor(code="IRQGOV", country="IRQ"))]
    d.events = [
        Event("CONSULT", Span(0, len(d.text)), Span(0, 5), cameo="040", quad_class=1, score=1.0,
              source=[Actor("e1", "الرئيس العراقي", "IRQGOV", "IRQ", "GOV")], location={"name": "بغداد", "country": "IRQ"},
              date="2015-07-21")
    ]
    s.add([NewDoc(d)])
    row = s.db.execute("SELECT type, quad_class, cameo, source_codes, location, date, sentence_start, trigger_end FROM events").fetchone()
    assert row == ("CONSULT", 1, "040", "IRQGOV", "بغداد", "2015-07-21", 0, 5)
    (ev,) = s.events()
    assert ev["doc_id"] == d.id and ev["type"] == "CONSULT"
    assert s.actors() == [{"code": "IRQGOV", "name": "الرئيس العراقي", "documents": 1, "events": 1}]
    assert [e["code"] for e in s.export("entities")] == ["IRQGOV"]
    assert len(list(s.export("events"))) == 1
    assert s.stats()["events"] == 1
    with pytest.raises(StoreError):
        list(s.export("nonsense"))


def test_latest_lists_newest_originals_first(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "x.db")
    old, new = doc("خبر قديم", "o.txt", "2015-07-01"), doc("خبر جديد", "n.txt", "2015-08-01")
    s.add([NewDoc(old), NewDoc(new)])
    assert [h.doc_id for h in s.latest()] == [new.id, old.id]
    assert [h.doc_id for h in s.latest(Filters(until="2015-07-31"))] == [old.id]


def test_version_1_entities_are_migrated(tmp_path: Path) -> None:
    """A database written before migration 2 keeps its entities: role becomes office, place becomes geo."""
    from rasd.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    MIGRATIONS[0](db)
    db.execute("INSERT INTO schema_version VALUES (1)")
    db.execute("INSERT INTO documents (rowid, id, story, added) VALUES (1, 'd1', 'd1', '2026-01-01')")
    db.execute(
        "INSERT INTO entities (doc_rowid, entity_id, type, name, code, role, place) VALUES"
        " (1, 'person:kadhimi', 'PER', 'الكاظمي', 'IRQGOV', 'رئيس الوزراء', NULL),"
        " (1, 'geo:98182', 'LOC', 'بغداد', NULL, NULL, '{\"geonameid\": 98182}')"
    )
    db.commit()
    db.close()
    s = SQLiteStore(path)
    rows = s.db.execute("SELECT entity_id, office, geo, kb_id FROM entities ORDER BY rowid").fetchall()
    assert rows == [("person:kadhimi", "رئيس الوزراء", None, "person:kadhimi"), ("geo:98182", None, '{"geonameid": 98182}', None)]
    assert s.db.execute("SELECT max(version) FROM schema_version").fetchone()[0] == LATEST
    s.close()


def test_actor_filter_is_hierarchical(tmp_path: Path) -> None:
    """--actor TUR finds TURGOV and TURMIL on either side; a code is matched from its start only."""
    s = SQLiteStore(tmp_path / "x.db")
    d = doc("التقى الرئيس التركي قائد الجيش العراقي في أنقرة")
    d.events = [
        Event("CONSULT", Span(0, len(d.text)), Span(0, 5), source=[Actor(None, "الرئيس التركي", "TURGOV", "TUR", "GOV")],
              target=[Actor(None, "الجيش العراقي", "IRQMIL", "IRQ", "MIL")], date="2015-07-21"),
        Event("ASSAULT", Span(0, len(d.text)), Span(6, 10), source=[Actor(None, "الجيش", "TURMIL", "TUR", "MIL")],
              date="2015-07-22"),
    ]
    s.add([NewDoc(d)])
    types = lambda actor: sorted(e["type"] for e in s.events(Filters(actor=actor)))  # noqa: E731
    assert types("TUR") == ["ASSAULT", "CONSULT"]
    assert types("TURGOV") == ["CONSULT"] and types("IRQ") == ["CONSULT"]
    assert types("MIL") == [] and types("TURMILX") == []


def test_event_summary_counts_everything_that_matches(tmp_path: Path) -> None:
    """Totals, per type, per day, actor pairs and places come from GROUP BY over all matching events
    (not a page), and the status and confidence filters apply to them as to the listing."""
    s = SQLiteStore(tmp_path / "x.db")
    d = doc("التقى الرئيس التركي قائد الجيش العراقي في أنقرة")
    tur, irq = Actor(None, "الرئيس التركي", "TURGOV", "TUR", "GOV"), Actor(None, "الجيش العراقي", "IRQMIL", "IRQ", "MIL")
    ankara = {"name": "أنقرة", "country": "TUR", "lat": 39.9, "lon": 32.9}
    d.events = [
        Event("CONSULT", Span(0, 10), Span(0, 5), quad_class=1, source=[tur], target=[irq], location=ankara,
              date="2015-07-21", confidence=0.9),
        Event("CONSULT", Span(0, 10), Span(6, 9), quad_class=1, source=[tur], target=[irq], date="2015-07-21", confidence=0.5),
        Event("ASSAULT", Span(0, 10), Span(10, 12), quad_class=4, source=[irq], target=[tur], date="2015-07-22",
              negated=True, confidence=0.8),
        Event("AID", Span(0, 10), Span(13, 15), quad_class=2, source=[tur], date="2014-01-01", background=True, confidence=0.7),
    ]
    s.add([NewDoc(d)])
    full = s.event_summary()
    assert full["total"] == 4 and full["documents"] == 1
    assert full["by_type"][0] == {"type": "CONSULT", "count": 2}
    assert {"date": "2015-07-21", "type": "CONSULT", "count": 2} in full["timeline"]
    assert full["pairs"][0] == {"source": "TURGOV", "target": "IRQMIL", "quad_class": 1, "count": 2}
    assert full["places"] == [{"name": "أنقرة", "country": "TUR", "lat": 39.9, "lon": 32.9, "count": 1}]
    assert s.event_summary(Filters(status="asserted"))["total"] == 2
    assert s.event_summary(Filters(status="negated"))["by_type"] == [{"type": "ASSAULT", "count": 1}]
    assert s.event_summary(Filters(status="background"))["by_type"] == [{"type": "AID", "count": 1}]
    assert s.event_summary(Filters(min_confidence=0.75))["total"] == 2
    assert len(s.events(Filters(status="asserted", min_confidence=0.75))) == 1
    assert s.event_summary(Filters(actor="IRQ", status="asserted"))["total"] == 2
    assert s.event_summary(top=1)["pairs"] == full["pairs"][:1]


def test_events_of_near_duplicate_copies_are_counted_once_on_request(tmp_path: Path) -> None:
    """copies=False (the API's and `rasd events`' default) leaves out the events that a near-duplicate
    copy of an article reports again; copies=True lists every report."""
    s = SQLiteStore(tmp_path / "x.db")
    original = doc("هاجم مسلحون دورية للشرطة في بغداد اليوم")
    copy = doc("هاجم مسلحون دورية للشرطة في بغداد اليوم، حسب وكالة")
    for d in (original, copy):
        d.events = [Event("ASSAULT", Span(0, 10), Span(0, 4), quad_class=4, date="2015-07-21")]
    s.add([NewDoc(original), NewDoc(copy, near_of=original.id, near_sim=0.8)])
    assert len(s.events(Filters())) == 2 and s.event_summary(Filters())["total"] == 2
    assert len(s.events(Filters(copies=False))) == 1 and s.event_summary(Filters(copies=False))["total"] == 1
    assert s.events(Filters(copies=False))[0]["doc_id"] == original.id


def test_replace_stores_a_new_analysis_over_the_old(tmp_path: Path) -> None:
    """replace keeps the document (id, text, source) and swaps its analysis: JSON, entity and event
    rows, and the title's search terms (contentless FTS: the old terms are deleted)."""
    from rasd.store.search import shadow
    from rasd.text import words

    s = SQLiteStore(tmp_path / "x.db")
    d = doc("هاجم مسلحون دورية للشرطة في بغداد اليوم")
    d.title = "هجوم قديم"
    d.events = [Event("ASSAULT", Span(0, 10), Span(0, 4), quad_class=4, date="2015-07-21")]
    s.add([NewDoc(d, title_terms=shadow(words(d.title)), body_terms=shadow(words(d.text)))])
    new = Document.from_json(d.to_json())
    new.title = "عنوان جديد"
    new.events = [Event("PROTEST", Span(0, 10), Span(5, 9), quad_class=3), Event("COERCE", Span(0, 10), Span(10, 12))]
    assert s.replace(new, shadow(words(new.title)), shadow(words(d.title)))
    assert sorted(e["type"] for e in s.events()) == ["COERCE", "PROTEST"]
    assert s.get(d.id).title == "عنوان جديد" and s.stats()["documents"] == 1
    assert [h.doc_id for h in s.search("جديد")] == [d.id] and s.search("قديم") == []
    assert s.search("مسلحون")[0].doc_id == d.id  # the body is still indexed
    assert not s.replace(doc("نص آخر غير مخزن"), "", "")


def test_a_bulk_writer_reads_without_mapping_the_file(tmp_path) -> None:  # noqa: ANN001
    """Searches read the file through a mapping; ``rasd ingest`` turns it off for its connection."""
    from rasd.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "x.db")
    assert store.db.execute("PRAGMA mmap_size").fetchone()[0] > 0
    store.unmap_reads()
    assert store.db.execute("PRAGMA mmap_size").fetchone()[0] == 0
    store.close()


def test_events_with_guessed_actor_countries_can_be_left_out(tmp_path: Path) -> None:
    """An event whose actor has a country guessed from its article or outlet (``basis``) is marked in
    the events table; ``named_actors`` leaves it out of listings and summaries; the entity row keeps
    the basis too."""
    from rasd.model import Entity, EntityActor, Mention

    s = SQLiteStore(tmp_path / "x.db")
    d = doc("قال كريم العلمي إن الحكومة المغربية ستدعم القانون")
    guess = Actor("per:1", "كريم العلمي", "MAR", "MAR", basis="article")
    named = Actor(None, "الحكومة المغربية", "MARGOV", "MAR", "GOV")
    d.entities = [Entity("per:1", "PER", "كريم العلمي", [Mention(4, 14, "كريم العلمي")],
                         EntityActor("MAR", "MAR", kind="person", basis="article"))]
    d.events = [
        Event("SUPPORT", Span(0, 10), Span(0, 3), source=[guess], date="2016-10-01"),
        Event("SUPPORT", Span(0, 10), Span(20, 25), source=[named], date="2016-10-01"),
    ]
    s.add([NewDoc(d)])
    assert s.event_summary(Filters())["total"] == 2
    assert [e["source"][0]["code"] for e in s.events(Filters(named_actors=True))] == ["MARGOV"]
    assert s.event_summary(Filters(named_actors=True))["total"] == 1
    assert s.db.execute("SELECT basis FROM entities").fetchall() == [("article",)]
