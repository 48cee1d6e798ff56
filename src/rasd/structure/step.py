"""The structure step: fills ``Document.blocks``, ``title``, ``subtitle`` and ``dateline``."""

from __future__ import annotations

from rasd.model import Block, Dateline, Document
from rasd.structure.lines import classify_lines

VERSION = "1"


def structure(doc: Document) -> Document:
    """Classify the lines of ``doc.text`` into blocks; a dateline is cut off the front of its paragraph."""
    known_title = doc.meta.get("title")
    blocks: list[Block] = []
    for info, label, dl in classify_lines(doc.text, has_title=bool(known_title)):
        if dl is not None:
            cut = info.start + dl.end
            dl_text_end = cut
            while dl_text_end > info.start and doc.text[dl_text_end - 1].isspace():
                dl_text_end -= 1
            blocks.append(Block("dateline", doc.text[info.start : dl_text_end], info.start, dl_text_end))
            if doc.dateline is None:
                doc.dateline = Dateline(
                    doc.text[info.start : dl_text_end], dl.source, dl.place, info.start, dl_text_end
                )
            blocks.append(Block(label, doc.text[cut : info.end], cut, info.end))
        else:
            blocks.append(Block(label, info.text, info.start, info.end))
    doc.blocks = blocks
    if known_title:
        doc.title = known_title
    else:
        doc.title = next((b.text for b in blocks if b.kind == "title"), None)
    doc.subtitle = next((b.text for b in blocks if b.kind == "subtitle"), None)
    return doc
