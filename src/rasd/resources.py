"""What the steps read — the NER model, lexicons, the gazetteer, the actor knowledge base, the event
tables — held by one object, loaded lazily and once per process.

A :class:`Resources` is the user's settings (their actor files, NER model and event tables; by
default from ``RASD_ACTORS``, ``RASD_NER_MODEL`` and ``RASD_EVENTS_DIR``) plus the things loaded for
them. Each loader is a plain function of a ``Resources`` (``gazetteer``, ``default_tagger``,
``get_kb`` … are its public faces); :meth:`Resources.get` runs it once per process for equal settings
and keeps the result. The object pickles as its settings only (a few hundred bytes), so it travels
cheaply to worker processes and Spark executors, each of which loads what it needs on first use.

Loaders that read the user's files register with :func:`checked`; :meth:`Resources.check` runs them
all, so a missing or malformed file is one ``ConfigError`` naming the file and line before any
document is processed. A pipeline activates its resources while its steps run (:func:`current` is
then that object), so code deep inside a step reads the same resources it was handed.

This module is on the ground floor (it imports nothing of rasd but ``errors``): the loaders live with
what they load and register here, so no layer has to import upwards.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")

ACTORS_ENV = "RASD_ACTORS"  # actor files or folders, joined by os.pathsep
NER_MODEL_ENV = "RASD_NER_MODEL"  # a model directory written by `rasd train ner --out DIR`
EVENTS_ENV = "RASD_EVENTS_DIR"  # a folder with the user's own event tables
ENV_VARS = (ACTORS_ENV, NER_MODEL_ENV, EVENTS_ENV)


@dataclass(frozen=True)
class Resources:
    """The user's resource settings; equal settings share what was loaded for them in a process."""

    actor_files: tuple[str, ...] = ()
    ner_model: str | None = None
    events_dir: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Resources:
        """The settings the environment gives (``RASD_ACTORS``, ``RASD_NER_MODEL``, ``RASD_EVENTS_DIR``)."""
        env = os.environ if environ is None else environ
        return _from_env(tuple(env.get(v, "") for v in ENV_VARS))

    def as_env(self) -> dict[str, str]:
        """The settings as the environment variables :meth:`from_env` reads (``RASD_ACTORS`` …)."""
        return {
            ACTORS_ENV: os.pathsep.join(self.actor_files),
            NER_MODEL_ENV: self.ner_model or "",
            EVENTS_ENV: self.events_dir or "",
        }

    def get(self, loader: Callable[[Resources], T]) -> T:
        """``loader(self)``, run once per process for these settings (a failure is not kept: the next
        call tries again and raises again)."""
        key = (self, loader)
        try:
            return _LOADED[key]
        except KeyError:
            pass
        with _LOCK:
            if key not in _LOADED:
                _LOADED[key] = loader(self)
                gc.freeze()  # what was loaded lives as long as the process: no collection walks it again
            return _LOADED[key]

    def check(self) -> Resources:
        """Load everything that reads the user's files now, so a bad file is a ``ConfigError`` (file
        and line) before the first document rather than a failure in every document of a batch."""
        for loader in _CHECKED:
            self.get(loader)
        return self

    def loaded(self) -> list[str]:
        """Names of the loaders that ran for these settings in this process."""
        return [getattr(f, "__qualname__", repr(f)) for (res, f) in list(_LOADED) if res == self]

    def __reduce__(self) -> tuple[Any, ...]:
        return (Resources, (self.actor_files, self.ner_model, self.events_dir))


@lru_cache(maxsize=16)
def _from_env(values: tuple[str, str, str]) -> Resources:
    actors, model, events = (v.strip() for v in values)
    return Resources(
        actor_files=tuple(p for p in actors.split(os.pathsep) if p.strip()),
        ner_model=model or None,
        events_dir=events or None,
    )


_LOADED: dict[tuple[Resources, Callable[..., Any]], Any] = {}
_LOCK = threading.RLock()
_CHECKED: list[Callable[[Resources], Any]] = []
_ACTIVE = threading.local()


def checked(loader: Callable[[Resources], T]) -> Callable[[Resources], T]:
    """Register ``loader`` as one that reads the user's files: :meth:`Resources.check` runs it."""
    if loader not in _CHECKED:
        _CHECKED.append(loader)
    return loader


GC_GEN0 = 50_000  # container allocations between young collections in a batch (Python's default: 700)


def settle_gc() -> None:
    """Tune the cyclic garbage collector for a batch of documents. The steps allocate many small
    short-lived objects (tokens, spans) that reference counting frees, and with the default thresholds
    each full collection walks every table loaded (about 0.3 s each with the knowledge base, the NER
    model and the lexicons in memory). Loaded resources are frozen out of collections when they load
    (:meth:`Resources.get`); this makes young collections rarer as well. On 2,000 SaudiNewsNet
    articles the time spent collecting fell from 2.3 s to 0.24 s (of about 22 s). Called by the batch
    drivers (``ingest`` and its workers, the Spark partitions, ``rasd process``/``code``)."""
    gc.freeze()
    if gc.get_threshold()[0] < GC_GEN0:
        gc.set_threshold(GC_GEN0, 20, 20)


def current() -> Resources:
    """The resources of the pipeline running in this thread, else those the environment gives."""
    res = getattr(_ACTIVE, "res", None)
    return res if res is not None else Resources.from_env()


@contextmanager
def using(res: Resources) -> Iterator[Resources]:
    """Make ``res`` what :func:`current` gives in this thread for the ``with`` block."""
    before = getattr(_ACTIVE, "res", None)
    _ACTIVE.res = res
    try:
        yield res
    finally:
        _ACTIVE.res = before

