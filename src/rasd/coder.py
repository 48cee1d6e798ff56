"""Coding bare sentences the way ``rasd code`` does, for the CLI, the API and every evaluation.

A sentence becomes a one-block body document; the pipeline's document-level steps that need an
article (structure, sentence splitting) are skipped, the others (language, entities) run, then the
events step. One class so ``rasd code``, ``rasd eval events`` and ``bench/events_eval.py`` score
exactly the same output.
"""

from __future__ import annotations

from functools import lru_cache

from rasd.events.step import events, sentence_document
from rasd.model import Document
from rasd.pipeline import PipelineStep, default_steps, step_versions

SENTENCE_SKIP = frozenset({"structure", "sentences", "events"})


class SentenceCoder:
    """Callable: sentence text → a document with ``entities`` and ``events`` filled."""

    def __init__(self, with_entities: bool = True) -> None:
        self.steps = [
            s
            for s in default_steps()
            if s.name not in SENTENCE_SKIP and (with_entities or s.name != "entities")
        ]
        self.events = PipelineStep("events", step_versions()["events"], events)

    def __call__(self, text: str, doc_id: str = "s", published: str | None = None) -> Document:
        doc = sentence_document(text, doc_id, published)
        for step in self.steps:
            doc = step(doc)
        return self.events(doc)


@lru_cache(maxsize=1)
def sentence_coder() -> SentenceCoder:
    """The process's shared coder (its steps load their models once)."""
    return SentenceCoder()
