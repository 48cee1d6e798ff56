"""SaudiNewsNet as ``RawDoc``s for the benchmarks, read by ``rasd.readers.read_any``.

The data stays in ``../shared/data/news/saudinewsnet`` (daily zips of JSON lists); nothing is copied.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rasd.readers import RawDoc, ReadError, read_any

ROOT = Path(__file__).resolve().parents[1]
SNN = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"


def day_files() -> list[Path]:
    """The daily zips, in date order."""
    if not SNN.is_dir():
        raise SystemExit(f"SaudiNewsNet not found at {SNN}")
    return sorted(SNN.glob("*.zip"))


def read(paths: list[Path]) -> Iterator[RawDoc | ReadError]:
    """Articles of the given daily zips, through the project reader."""
    return read_any(paths)
