"""Readers for the NER corpora we train and score on: CoNLL ``token TAG`` files and the CAraNER CSV.

Every reader returns sentences as ``(tokens, tags)`` pairs with IOB2 tags using our type names
(PERS → PER, MIS → MISC), so training, tuning and scoring never deal with corpus quirks.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

Sentence = tuple[list[str], list[str]]

# Corpus type names → ours. Types not listed are kept as they are.
TYPE_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "MIS": "MISC"}


def fix_tag(tag: str, type_map: dict[str, str | None] | None = None) -> str:
    """One corpus tag → IOB2 with our type names; ``type_map`` may map a type to None (→ O)."""
    tag = tag.strip().replace("_", "-")
    if not tag or tag == "O" or "-" not in tag:
        return "O"
    prefix, _, typ = tag.partition("-")
    if prefix not in ("B", "I"):
        return "O"
    mapping: dict[str, str | None] = {**TYPE_MAP, **(type_map or {})}
    new = mapping.get(typ, typ)
    return "O" if new is None else f"{prefix}-{new}"


def read_conll(path: str | Path, type_map: dict[str, str | None] | None = None) -> list[Sentence]:
    """Read ``token TAG [TAG ...]`` lines, blank line between sentences; the first tag column is used.

    Only the first (outermost) tag column counts, so nested annotations (Wojood) are flattened to their
    outer entity. A file without sentence breaks gives one long sentence.
    """
    return list(_iter_conll(Path(path).read_text(encoding="utf-8").splitlines(), type_map))


def _iter_conll(lines: Iterable[str], type_map: dict[str, str | None] | None) -> Iterator[Sentence]:
    toks: list[str] = []
    tags: list[str] = []
    for line in lines:
        parts = line.split()
        if not parts:
            if toks:
                yield toks, _repair(tags)
                toks, tags = [], []
            continue
        toks.append(parts[0])
        tags.append(fix_tag(parts[1], type_map) if len(parts) > 1 else "O")
    if toks:
        yield toks, _repair(tags)


def _repair(tags: list[str]) -> list[str]:
    """Make tags valid IOB2 after type mapping: an I- that does not continue its type becomes B-."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def read_caraner(path: str | Path, type_map: dict[str, str | None] | None = None) -> list[Sentence]:
    """Read CAraNER's CSV (``Revised_Label`` is the final tag), grouped by sentence in file order."""
    sentences: list[Sentence] = []
    current: str | None = None
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            sid = row["Sentence_ID"]
            if sid != current and toks:
                sentences.append((toks, _repair(tags)))
                toks, tags = [], []
            current = sid
            word = (row["Word"] or "").strip()
            if not word:
                continue
            toks.append(word)
            tags.append(fix_tag(row["Revised_Label"] or "O", type_map))
    if toks:
        sentences.append((toks, _repair(tags)))
    return sentences


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entities of one IOB2 tag sequence as ``(start, end, type)`` token ranges (end exclusive).

    Lenient like conlleval: an ``I-X`` that does not continue an open ``X`` starts a new entity.
    """
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        continues = prefix == "I" and t == typ and start >= 0
        if start >= 0 and not continues:
            out.append((start, i, typ))
            start, typ = -1, ""
        if prefix == "B" or (prefix == "I" and not continues):
            start, typ = i, t
    return out


def write_conll(path: str | Path, rows: Iterable[list[tuple[str, ...]]]) -> None:
    """Write sentences of column tuples (``token gold predicted``), a blank line between sentences."""
    with open(path, "w", encoding="utf-8") as fh:
        for sent in rows:
            for cols in sent:
                fh.write(" ".join(cols) + "\n")
            fh.write("\n")
