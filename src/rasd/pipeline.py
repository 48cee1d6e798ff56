"""Pipeline: an ordered list of steps, each a function of one document.

A step is a callable ``step(doc) -> doc`` with a ``name`` and a ``version``; the document records
which steps ran so a store knows what to reprocess when a model changes. A pipeline carries one
``rasd.resources.Resources`` (the user's actor files, NER model and event tables, and what is loaded
for them once per process) and makes it current while its steps run, so every step and the code
under it reads the same models, gazetteer and knowledge base. The resources pickle as their settings,
so the same ``Pipeline`` works in one process, a worker pool or a Spark executor.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rasd.actors import kb as _actors_kb  # noqa: F401 - registers kb_of with Resources.check
from rasd.dates.published import resolve_published
from rasd.entities import step as entities_step
from rasd.errors import ConfigError
from rasd.events import lexicon as _event_lexicon  # noqa: F401 - registers lexicon_of (and profiles_of)
from rasd.events import scope as _event_scope  # noqa: F401 - registers scope_rules_of
from rasd.events import step as events_step
from rasd.model import Document, Sentence, Source, Step
from rasd.resources import ENV_VARS, Resources, current, using
from rasd.structure import step as structure_step
from rasd.structure import structure
from rasd.text.langid import detect_language
from rasd.text.normalize import normalize
from rasd.text.sentences import split_sentences

StepFn = Callable[[Document], Document]
_SPACES = re.compile(r"\s+")


@dataclass
class PipelineStep:
    name: str
    version: str
    fn: StepFn

    def __call__(self, doc: Document) -> Document:
        doc = self.fn(doc)
        doc.steps.append(Step(self.name, self.version))
        return doc


def document_id(text: str) -> str:
    """Stable id: hash of the normalized text with white space collapsed (same article, same id)."""
    shadow = _SPACES.sub(" ", normalize(text, taa=True)).strip()
    return hashlib.sha1(shadow.encode("utf-8")).hexdigest()[:16]


def new_document(text: str, source: Source | None = None, meta: dict[str, Any] | None = None) -> Document:
    meta = dict(meta or {})
    resolve_published(meta, text)  # the reader's raw date strings, by the one date parser
    return Document(
        id=document_id(text),
        text=text,
        source=source or Source(),
        published=meta.pop("published", None),
        published_text=meta.pop("published_text", None),
        meta=meta,
    )


def language(doc: Document) -> Document:
    doc.language = detect_language(doc.text)
    return doc


def sentences(doc: Document) -> Document:
    """Sentences of every block, each tagged with the index of its block."""
    out: list[Sentence] = []
    for i, block in enumerate(doc.blocks):
        if block.kind == "dateline":
            continue
        for a, b in split_sentences(doc.text, block.start, block.end):
            out.append(Sentence(a, b, i))
    doc.sentences = out
    return doc


def check_resources(res: Resources | None = None) -> None:
    """Build what the steps read from the user's files, now (``res``, else the current resources: the
    actor knowledge base with the files of ``RASD_ACTORS``, the event tables of ``RASD_EVENTS_DIR``). A
    missing or malformed file is then one ``ConfigError`` naming the file and line, raised before any
    document is read, instead of a failure in every document of the batch."""
    (res or current()).check()


# The shipped data each step reads (folders of rasd.data), and the user's files that change it. A
# step's version is its code version plus a fingerprint of these, so a new model, lexicon or actor
# file makes the step's recorded version change and `rasd reprocess` finds what is stale.
_STEP_DATA = {
    "language": ((), ()),
    "structure": ((), ()),
    "sentences": ((), ()),
    "entities": (("ner", "gazetteer", "actors", "lexicon"), ("RASD_ACTORS", "RASD_NER_MODEL")),
    "events": (("events", "actors", "lexicon"), ("RASD_ACTORS", "RASD_EVENTS_DIR")),
}
_CODE_VERSION = {
    "language": "1",
    "structure": structure_step.VERSION,
    "sentences": "1",
    "entities": entities_step.VERSION,
    "events": events_step.VERSION,
}


_USER_FILES = ENV_VARS


def step_versions(res: Resources | None = None) -> dict[str, str]:
    """Each default step's version: its code version, then a fingerprint of the data it reads (the
    shipped folders and the user's files of ``res``, else of the current resources), e.g.
    ``1+3fa2c9d1``."""
    user = (res or current()).as_env()
    return _step_versions(tuple((v, user[v]) for v in _USER_FILES))


@lru_cache(maxsize=4)
def _step_versions(env: tuple[tuple[str, str], ...]) -> dict[str, str]:
    user = dict(env)
    out = {}
    for name, (folders, variables) in _STEP_DATA.items():
        files: list[Path] = []
        for folder in folders:
            files += sorted(p for p in Path(str(resources.files("rasd.data").joinpath(folder))).rglob("*") if p.is_file())
        for var in variables:
            for part in filter(None, user[var].split(os.pathsep)):
                path = Path(part)
                files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        out[name] = _CODE_VERSION[name] + (f"+{_fingerprint(files)}" if files else "")
    return out


def _fingerprint(files: list[Path]) -> str:
    h = hashlib.sha1()
    for path in files:
        if path.suffix == ".md" or path.name.endswith(".pickle"):
            continue  # model cards and caches say nothing the step reads
        h.update(path.name.encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()[:8]


def default_steps(res: Resources | None = None) -> list[PipelineStep]:
    """The five steps, versioned for ``res`` (else the current resources)."""
    v = step_versions(res)
    return [
        PipelineStep("language", v["language"], language),
        PipelineStep("structure", v["structure"], structure),
        PipelineStep("sentences", v["sentences"], sentences),
        PipelineStep("entities", v["entities"], entities_step.entities),
        PipelineStep("events", v["events"], events_step.events),
    ]


@dataclass
class Pipeline:
    """Steps run in order on one document with ``resources`` current (default: what the environment
    gives, ``Resources.from_env()``; the steps' versions are those of these resources)."""

    steps: list[PipelineStep] = None  # type: ignore[assignment]  # default_steps(resources)
    resources: Resources = field(default_factory=Resources.from_env)

    def __post_init__(self) -> None:
        if self.steps is None:
            self.steps = default_steps(self.resources)

    def __call__(self, doc: Document) -> Document:
        with using(self.resources):
            for step in self.steps:
                doc = step(doc)
        return doc

    def check(self) -> Pipeline:
        """Load what reads the user's files now (``Resources.check``), when a step here reads them: a
        bad file fails here, once, before any document."""
        if {"entities", "events"} & set(self.names):
            self.resources.check()
        return self

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]

    def select(self, names: Iterable[str]) -> Pipeline:
        """A pipeline of only the named steps, in this pipeline's order (as spaCy's ``select_pipes``):
        ``select(["language", "structure", "sentences"])`` structures articles without the NLP models.
        A step needs what earlier steps make (events need sentences): leaving one out is the caller's
        choice. An unknown name is a ``ConfigError`` listing the steps there are."""
        wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        unknown = [n for n in wanted if n not in self.names]
        if unknown:
            raise ConfigError(f"unknown step(s) {', '.join(unknown)}; the steps are {', '.join(self.names)}")
        return Pipeline([s for s in self.steps if s.name in wanted], self.resources)

    def process_text(self, text: str, source: Source | None = None, meta: dict[str, Any] | None = None) -> Document:
        return self(new_document(text, source, meta))

    def map(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
