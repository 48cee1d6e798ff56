"""The events pipeline step, and coding of bare sentences for ``rasd code`` and evaluations."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

from rasd.events.arguments import mention_index
from rasd.events.dedup import merge_in_document
from rasd.events.detect import Coded, detect_sentence, threshold
from rasd.model import Block, Document, Event, Sentence
from rasd.text.sentences import split_sentences

VERSION = "1"


def _event_id(doc_id: str, e: Event) -> str:
    key = f"{doc_id}:{e.trigger.start}:{e.type}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def code_document(doc: Document) -> list[Coded]:
    """Every event candidate of a document, before in-document merging (evidence included)."""
    sentences = doc.sentences
    if not sentences:  # a document that skipped the sentences step: one pass over each block
        sentences = [
            Sentence(a, b, i)
            for i, bl in enumerate(doc.blocks)
            for a, b in split_sentences(doc.text, bl.start, bl.end)
        ] or [Sentence(a, b, -1) for a, b in split_sentences(doc.text)]
    out: list[Coded] = []
    index = mention_index(doc)  # once per document: each sentence looks its mentions up in it
    for s in sentences:
        out.extend(detect_sentence(doc, s, index=index))
    return out


def reported(coded: list[Coded]) -> list[Coded]:
    """Candidates whose confidence reaches their type's threshold (the others are not reported)."""
    return [c for c in coded if c.event.confidence >= threshold(c.event.type)]


def _day_after(published: str) -> str:
    try:
        return (dt.date.fromisoformat(published[:10]) + dt.timedelta(days=1)).isoformat()
    except ValueError:
        return "9999-12-31"


def events(doc: Document) -> Document:
    """Pipeline step: fill ``doc.events`` (merged within the document, with stable ids)."""
    merged = merge_in_document(
        code_document(doc), keep=lambda c: c.event.confidence >= threshold(c.event.type)
    )
    for e in merged:
        e.id = _event_id(doc.id, e)
        if e.date and doc.published and e.modality is None and e.date[:10] > _day_after(doc.published):
            # an asserted event cannot happen after its report: that date belongs to another clause
            e.date, e.date_text = None, None
        if e.date is None and not e.background and doc.published:
            # no time expression: the report's date, as event datasets (ICEWS, POLECAT) do; date_text stays empty
            e.date = doc.published[:10]
    doc.events = merged
    return doc


def sentence_document(text: str, doc_id: str = "s", published: str | None = None) -> Document:
    """A one-sentence body document, for coding bare sentences without the structure step."""
    return Document(
        id=doc_id,
        text=text,
        published=published,
        blocks=[Block("body", text, 0, len(text))],
        sentences=[Sentence(0, len(text), 0)],
    )


def code_text(
    text: str,
    doc_id: str = "s",
    published: str | None = None,
    enrich: Callable[[Document], Document] | None = None,
) -> tuple[Document, list[Coded]]:
    """Code one sentence (or short text) as a body paragraph; ``enrich`` may add entities first."""
    doc = sentence_document(text, doc_id, published)
    if enrich is not None:
        doc = enrich(doc)
    return doc, code_document(doc)
