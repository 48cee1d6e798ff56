"""Sentence-boundary scores against a CoNLL-U treebank (UD Arabic PUD).

PUD gives each sentence its raw ``# text`` and the ``# newdoc id`` of the article it came from.
The sentences of one document are joined with a single space into one text, the splitter runs on
that text, and its sentence ends are compared with the gold ends. Only boundaries *inside* a
document count: the end of the text is a boundary every splitter finds, so it would only inflate
the score. A predicted end matches a gold end when both sit at the same character offset (spans
are trimmed of white space, so this is the offset just after the sentence's last character).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

Splitter = Callable[[str], list[tuple[int, int]]]


@dataclass
class GoldDoc:
    """One treebank document: its sentences in order and the text they make joined by spaces."""

    doc_id: str
    sentences: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def boundaries(self) -> set[int]:
        """Character offsets (in ``text``) where a sentence ends, the final one excluded."""
        out, pos = set(), 0
        for sent in self.sentences[:-1]:
            pos += len(sent)
            out.add(pos)
            pos += 1
        return out


@dataclass
class BoundaryScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    documents: int = 0
    errors: list[tuple[str, str, int]] = field(default_factory=list)  # (doc_id, "fp"/"fn", offset)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_conllu_docs(path: str | Path) -> list[GoldDoc]:
    """Documents of a CoNLL-U file: consecutive sentences sharing a ``# newdoc id`` form one document.

    A ``# newdoc`` line whose id differs from the current one starts a new document (PUD repeats
    the line before every sentence).
    """
    docs: list[GoldDoc] = []
    current: str | None = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# newdoc"):
                doc_id = line.partition("=")[2].strip() or f"doc{len(docs)}"
                if doc_id != current:
                    docs.append(GoldDoc(doc_id, []))
                    current = doc_id
            elif line.startswith("# text ="):
                if not docs:
                    docs.append(GoldDoc("doc0", []))
                docs[-1].sentences.append(line.partition("=")[2].strip())
    return [d for d in docs if d.sentences]


def score_boundaries(docs: Iterable[GoldDoc], split: Splitter) -> BoundaryScore:
    """Micro-averaged boundary precision/recall/F1 of ``split`` over ``docs``."""
    score = BoundaryScore()
    for doc in docs:
        text = doc.text
        gold = doc.boundaries()
        pred = {end for _start, end in split(text) if end < len(text)}
        score.documents += 1
        score.tp += len(gold & pred)
        score.fp += len(pred - gold)
        score.fn += len(gold - pred)
        score.errors += [(doc.doc_id, "fp", i) for i in sorted(pred - gold)]
        score.errors += [(doc.doc_id, "fn", i) for i in sorted(gold - pred)]
    return score
