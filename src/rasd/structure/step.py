"""The structure step: fills ``Document.blocks``, ``title``, ``subtitle`` and ``dateline``."""

from __future__ import annotations

from rasd.model import Block, Dateline, Document
from rasd.structure.lines import classify_lines

VERSION = "2"


def structure(doc: Document) -> Document:
    """Classify the lines of ``doc.text`` into blocks; a dateline is cut off the front of its paragraph."""
    known_title = doc.meta.get("title")
    blocks: list[Block] = []
    for info, label, dl in classify_lines(doc.text, has_title=bool(known_title)):
        if label != "dateline" or dl is None:
            blocks.append(Block(label, info.text, info.start, info.end))
            continue
        cut = min(info.start + dl.end, info.end)
        dl_end = cut
        while dl_end > info.start and doc.text[dl_end - 1].isspace():
            dl_end -= 1
        blocks.append(Block("dateline", doc.text[info.start : dl_end], info.start, dl_end))
        if doc.dateline is None:
            doc.dateline = Dateline(doc.text[info.start : dl_end], dl.source, dl.place, info.start, dl_end)
        rest = cut
        while rest < info.end and doc.text[rest].isspace():
            rest += 1
        if rest < info.end:  # the paragraph after the dateline stays body
            blocks.append(Block("body", doc.text[rest : info.end], rest, info.end))
    doc.blocks = blocks
    if known_title:
        doc.title = known_title
    else:
        doc.title = next((b.text for b in blocks if b.kind == "title"), None)
    doc.subtitle = next((b.text for b in blocks if b.kind == "subtitle"), None)
    return doc
