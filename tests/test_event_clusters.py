"""One event, many reports: the event cluster of each stored report, the report that leads it, the number of
reports, and the in-memory event columns (``EventFacts``) that answer summaries and listings exactly as the
store's own queries do. Run over SQLite here and over PostgreSQL by tests/test_postgres.py (``new_store``)."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rasd.model import Actor, Document, Event, Source, Span
from rasd.pipeline import new_document
from rasd.store import Filters, NewDoc, Page, Store, open_store
from rasd.store.facts import EventFacts
from rasd.store.rows import cluster_id


@pytest.fixture()
def new_store(tmp_path: Path) -> Iterator[Callable[[], Store]]:
    opened: list[Store] = []

    def make() -> Store:
        opened.append(open_store(tmp_path / f"db{len(opened)}.db"))
        return opened[-1]

    yield make
    for s in opened:
        s.close()


def article(text: str, published: str = "2015-07-21", site: str = "a") -> Document:
    return new_document(text, Source(url=f"https://{site}.example/{len(text)}", site=site), {"published": published})


def event(kind: str = "ASSAULT", src: str = "ISIREB", tgt: str = "IRQMIL", date: str | None = "2015-07-21",
          place: str | None = "بغداد", **kw: object) -> Event:
    loc = {"name": place, "country": "IRQ", "lat": 33.3, "lon": 44.4} if place else None
    return Event(kind, Span(0, 10), Span(0, 4), quad_class=4, date=date, location=loc,
                 source=[Actor(None, src, src)] if src else [], target=[Actor(None, tgt, tgt)] if tgt else [],
                 confidence=0.7, id=f"ev-{kind}-{src}-{tgt}", **kw)  # type: ignore[arg-type]


def test_cluster_id_is_the_same_event_whoever_reports_it() -> None:
    a, b = article("هاجم مسلحون دورية في بغداد"), article("قالت الشرطة إن مسلحين هاجموا دورية في بغداد", site="b")
    assert cluster_id(event(), a.id) == cluster_id(event(), b.id)  # another article, same event
    assert cluster_id(event(), a.id) != cluster_id(event(date="2015-07-22"), a.id)  # another day
    assert cluster_id(event(), a.id) != cluster_id(event(tgt="IRQGOV"), a.id)  # another target
    assert cluster_id(event(), a.id) != cluster_id(event(place="الموصل"), a.id)  # another place
    assert cluster_id(event(), a.id) != cluster_id(event(negated=True), a.id)  # denied is not reported
    assert cluster_id(event(), a.id) != cluster_id(event(background=True), a.id)
    # a meeting of A with B is the meeting of B with A
    assert cluster_id(event("CONSULT", "IRQGOV", "USAGOV"), a.id) == cluster_id(event("CONSULT", "USAGOV", "IRQGOV"), b.id)
    assert cluster_id(event("ASSAULT", "IRQGOV", "USAGOV"), a.id) != cluster_id(event("ASSAULT", "USAGOV", "IRQGOV"), a.id)
    # neither actors nor place: nothing says two such reports are one event
    bare = event(src="", tgt="", place=None)
    assert cluster_id(bare, a.id) != cluster_id(bare, b.id)


def test_one_record_per_event_and_its_number_of_reports(new_store: Callable[[], Store]) -> None:
    s = new_store()
    first = article("هاجم مسلحون من داعش دورية للجيش العراقي في بغداد اليوم", site="a")
    second = article("مسلحو داعش يهاجمون دورية عسكرية عراقية في بغداد", site="b")
    copy = article("هاجم مسلحون من داعش دورية للجيش العراقي في بغداد اليوم، حسب وكالة", site="c")
    other = article("اجتمع رئيس الوزراء العراقي مع السفير الأمريكي في بغداد", site="a")
    for d in (first, second, copy):
        d.events = [event()]
    other.events = [event("CONSULT", "IRQGOV", "USAGOV")]
    s.add([NewDoc(first), NewDoc(second), NewDoc(copy, near_of=first.id, near_sim=0.9), NewDoc(other)])

    every = s.events(Filters(copies=True), Page(limit=10))
    assert len(every) == 4 and s.event_summary(Filters(copies=True))["total"] == 4
    one = s.events(Filters(copies=False), Page(limit=10))
    assert sorted(e["type"] for e in one) == ["ASSAULT", "CONSULT"]
    assault = next(e for e in one if e["type"] == "ASSAULT")
    assert assault["doc_id"] == first.id and assault["reports"] == 3  # the first report leads; three tell it
    assert {e["cluster"] for e in every if e["type"] == "ASSAULT"} == {assault["cluster"]}
    summary = s.event_summary(Filters(copies=False))
    assert summary["total"] == 2 and summary["documents"] == 2
    exported = list(s.export("events", Filters(copies=False)))
    assert len(exported) == 2 and {e["reports"] for e in exported} == {3, 1}


def test_reprocessing_the_leading_report_hands_the_lead_on(new_store: Callable[[], Store]) -> None:
    """When the article whose report led a cluster is reprocessed and no longer reports the event, the
    next report leads: the event is still listed once."""
    s = new_store()
    first, second = article("خبر أول عن هجوم في بغداد", site="a"), article("خبر ثان عن هجوم في بغداد", site="b")
    first.events, second.events = [event()], [event()]
    s.add([NewDoc(first), NewDoc(second)])
    assert [e["doc_id"] for e in s.events(Filters(copies=False))] == [first.id]
    first.events = []
    assert s.replace(first, "", "")
    listed = s.events(Filters(copies=False))
    assert [e["doc_id"] for e in listed] == [second.id] and listed[0]["reports"] == 1


def test_change_token_moves_with_every_write(new_store: Callable[[], Store]) -> None:
    s = new_store()
    before = s.change_token()
    d = article("هاجم مسلحون دورية في بغداد")
    d.events = [event()]
    s.add([NewDoc(d)])
    added = s.change_token()
    assert added != before
    d.events = [event(tgt="IRQGOV")]  # a reprocessing that keeps the row count the same
    s.replace(d, "", "")
    assert s.change_token() != added


FILTERS = [
    Filters(), Filters(copies=False), Filters(status="asserted"), Filters(status="negated"),
    Filters(status="hypothetical"), Filters(status="background", copies=False), Filters(event_type="ASSAULT"),
    Filters(actor="IRQ"), Filters(actor="IRQ", actor_side="target"), Filters(actor="USAGOV", actor_side="source"),
    Filters(country="SYR"), Filters(place="الموصل"), Filters(quad_class=1), Filters(min_confidence=0.6),
    Filters(since="2015-07-02", until="2015-07-09"), Filters(since="2015-07"), Filters(until="2015-07-05", copies=False),
    Filters(event_type="CONSULT", actor="IRQ", status="asserted", copies=False, since="2015-07-01"),
    Filters(named_actors=True), Filters(named_actors=True, actor="IRQ", copies=False),
]


def random_store(s: Store, seed: int = 3) -> None:
    """Sixty articles with random events: dates (to the day, month or none), actors, places, flags."""
    rng = random.Random(seed)
    codes = ["IRQGOV", "IRQMIL", "IRQ", "USAGOV", "SYRREB", "ISIREB", "TURMIL", ""]
    places = [None, "بغداد", "الموصل", "دمشق"]
    items = []
    for i in range(60):
        d = article(f"خبر رقم {i} عن أحداث في المنطقة", published=f"2015-07-{1 + i % 28:02d}", site=rng.choice("abc"))
        d.events = []
        for _ in range(rng.randint(0, 4)):
            date = rng.choice([f"2015-07-{rng.randint(1, 9):02d}", "2015-07", None, "2015-06-30"])
            e = event(rng.choice(["ASSAULT", "CONSULT", "PROTEST", "ACCUSE"]), rng.choice(codes), rng.choice(codes), date,
                      rng.choice(places), negated=rng.random() < 0.1, background=rng.random() < 0.1,
                      modality=rng.choice([None, None, None, "intent"]))
            e.quad_class = rng.choice([None, 1, 2, 3, 4])
            e.confidence = rng.choice([0.3, 0.6, 0.9])
            for a in e.source + e.target:  # a country guessed from the article or the outlet
                a.basis = rng.choice([None, None, "article", "outlet"])
            if e.location and rng.random() < 0.3:
                e.location = {"name": e.location["name"]}  # a place without coordinates
            d.events.append(e)
        items.append(NewDoc(d, near_of=items[-1].doc.id if items and rng.random() < 0.15 else None))
    s.add(items)


def test_in_memory_columns_answer_as_the_store(new_store: Callable[[], Store]) -> None:
    """Summary and listing pages from ``EventFacts`` equal the store's own, filter by filter."""
    s = new_store()
    random_store(s)
    facts = EventFacts(s.event_facts())
    assert facts.size == s.event_summary(Filters())["total"] > 100
    for f, top in itertools.product(FILTERS, (3, 50)):
        assert facts.summary(f, top) == s.event_summary(f, top), f
    for f, offset in itertools.product(FILTERS, (0, 7)):
        assert s.events_at(facts.page(f, offset, 10)) == s.events(f, Page(limit=10, offset=offset)), f


def test_in_memory_columns_leave_document_filters_to_the_store() -> None:
    assert EventFacts.covers(Filters(actor="IRQ", status="asserted"))
    assert not EventFacts.covers(Filters(source="a")) and not EventFacts.covers(Filters(entity="IRQGOV"))
