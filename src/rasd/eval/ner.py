"""Entity-level NER scoring as conlleval/seqeval do it: an entity counts only with exact span and type.

IOB2 is read leniently like conlleval: an ``I-X`` that does not continue an open ``X`` starts a new
entity, so a tagger's invalid sequences are scored, not rejected.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rasd.entities.conll import spans

__all__ = ["Scores", "score", "spans"]


@dataclass
class Scores:
    """True positives, predicted and gold counts per type; precision/recall/F1 derived from them."""

    tp: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)

    def add(self, gold_tags: Sequence[str], pred_tags: Sequence[str]) -> None:
        """Count one sentence."""
        if len(gold_tags) != len(pred_tags):
            raise ValueError(f"gold has {len(gold_tags)} tags, prediction {len(pred_tags)}")
        g = set(spans(gold_tags))
        p = set(spans(pred_tags))
        for s in g:
            self.gold[s[2]] += 1
        for s in p:
            self.pred[s[2]] += 1
        for s in g & p:
            self.tp[s[2]] += 1

    def types(self) -> list[str]:
        return sorted(set(self.gold) | set(self.pred))

    def prf(self, typ: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 for one type, or micro-averaged over all when ``typ`` is None."""
        if typ is None:
            tp, np_, ng = sum(self.tp.values()), sum(self.pred.values()), sum(self.gold.values())
        else:
            tp, np_, ng = self.tp[typ], self.pred[typ], self.gold[typ]
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def table(self) -> list[dict[str, float | int | str]]:
        """One row per type and a final ``micro`` row: type, precision, recall, f1, gold, pred."""
        rows: list[dict[str, float | int | str]] = []
        for t in self.types() + [None]:
            p, r, f = self.prf(t)
            rows.append(
                {
                    "type": t or "micro",
                    "precision": p,
                    "recall": r,
                    "f1": f,
                    "gold": self.gold[t] if t else sum(self.gold.values()),
                    "pred": self.pred[t] if t else sum(self.pred.values()),
                }
            )
        return rows

    def format(self) -> str:
        """The table as aligned text, the way conlleval prints it."""
        lines = [f"{'type':<6} {'prec':>6} {'rec':>6} {'f1':>6} {'gold':>6} {'pred':>6}"]
        for row in self.table():
            lines.append(
                f"{row['type']:<6} {row['precision']:6.4f} {row['recall']:6.4f} {row['f1']:6.4f}"
                f" {row['gold']:6d} {row['pred']:6d}"
            )
        return "\n".join(lines)


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> Scores:
    """Score sentences of gold tags against sentences of predicted tags."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    s = Scores()
    for g, p in zip(gold, pred, strict=True):
        s.add(g, p)
    return s


def evaluate_file(
    path: str | Path,
    predictions: str | Path | None = None,
    model_dir: str | Path | None = None,
    window: int | None = None,
) -> Scores:
    """Tag a CoNLL file (``token TAG``, IOB2, tokens used as given) with the model and score it.

    The face of ``rasd eval ner FILE [--predictions OUT]``; with ``predictions``, writes
    ``token gold predicted`` lines, a blank line between sentences. ``window`` consecutive sentences
    are tagged as one document (label consistency; default ``DOC_WINDOW``, 0 to tag each alone).
    """
    from rasd.entities.conll import read_conll, write_conll
    from rasd.entities.ner import DOC_WINDOW, tag_corpus
    from rasd.entities.taggers import default_tagger, tagger_for

    sents = read_conll(path)
    if not sents:
        raise ValueError(f"{path}: no sentences (expected `token TAG` lines)")
    tagger = default_tagger() if model_dir is None else tagger_for(model_dir)
    pred = tag_corpus(tagger, [toks for toks, _ in sents], DOC_WINDOW if window is None else window)
    if predictions is not None:
        write_conll(
            predictions,
            (
                [(t, g, p) for t, g, p in zip(toks, gold, tags, strict=True)]
                for (toks, gold), tags in zip(sents, pred, strict=True)
            ),
        )
    return score([gold for _, gold in sents], pred)
