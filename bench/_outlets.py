"""Random articles from three outlets in three countries, through the pipeline up to the entities step:
the shared draw of the hand-checked samples (`bench/geocode_sample.py`, `bench/actor_sample.py`).

Ahdath.info (Morocco) and Youm7 (Egypt) from `../shared/data/news`, SaudiNewsNet from a store holding
it (not near duplicates). The draw depends only on the seed: the store's ids, then each file, are
shuffled in that order.
"""

from __future__ import annotations

import gzip
import json
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from rasd.model import Document

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"


def context(doc: Document, start: int, end: int) -> str:
    """70 characters before the mention, the mention in [[ ]], 50 after, on one line."""
    return (doc.text[max(0, start - 70):start] + " [[" + doc.text[start:end] + "]] "
            + doc.text[end:end + 50]).replace("\n", " ")


def analyse(text: str, date: str | None, site: str | None = None, country: str | None = None) -> Document:
    """The pipeline up to the entities step, with the article's date (offices are looked up by day),
    its outlet (``Source.site``) and the outlet's country where the corpus gives it, as ingest would."""
    from rasd.model import Source
    from rasd.pipeline import default_steps, new_document

    doc = new_document(text or "", Source(site=site), {"country": country} if country else None)
    doc.published = date
    for step in default_steps():
        if step.name in ("language", "structure", "sentences", "entities"):
            doc = step(doc)
    return doc


def documents_by_id(db: str, wanted: set[str]) -> dict[str, Document]:
    """The analysed documents of the given ids (Ahdath/Youm7 ids from their files, others from the store)."""
    out: dict[str, Document] = {}
    for name in ("ahdath-2019", "youm7-2025"):
        for line in gzip.open(NEWS / name / "articles.jsonl.gz", "rt", encoding="utf-8"):
            r = json.loads(line)
            if r.get("id") in wanted:
                out[r["id"]] = analyse(r.get("text") or "", r.get("date"), r.get("source"), r.get("country"))
    con = sqlite3.connect(db)
    for doc_id in wanted - set(out):
        row = con.execute(
            "SELECT json_extract(j.json, '$.text'), d.published, d.source_site FROM documents d"
            " JOIN doc_json j ON j.rowid = d.rowid WHERE d.id = ?", (doc_id,)).fetchone()
        if row:
            out[doc_id] = analyse(*row)
    return out


def outlet_documents(db: str, seed: int, articles: int) -> Iterator[tuple[str, list[tuple[str, Document]]]]:
    """(outlet, [(document id, analysed document)]) for each of the three outlets, ``articles`` each."""
    random.seed(seed)

    def jsonl(name: str) -> list[tuple[str, str, str | None]]:
        rows = [json.loads(line) for line in gzip.open(NEWS / name / "articles.jsonl.gz", "rt", encoding="utf-8")]
        random.shuffle(rows)
        return [(r.get("id"), r.get("text") or "", r.get("date"), r.get("source"), r.get("country")) for r in rows[:articles]]

    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT rowid FROM documents WHERE near_of IS NULL")]
    random.shuffle(ids)
    corpora = {"ahdath (MAR)": jsonl("ahdath-2019"), "youm7 (EGY)": jsonl("youm7-2025")}
    corpora["saudinewsnet (SAU)"] = [con.execute(
        "SELECT d.id, json_extract(j.json, '$.text'), d.published, d.source_site, NULL FROM documents d"
        " JOIN doc_json j ON j.rowid = d.rowid WHERE d.rowid = ?", (i,)).fetchone() for i in ids[:articles]]
    for name, rows in corpora.items():
        docs = [(doc_id, analyse(text, date, site, country)) for doc_id, text, date, site, country in rows]
        yield name, docs  # the caller's random.shuffle continues the same seeded sequence
