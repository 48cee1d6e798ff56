"""SaudiNewsNet as ``RawDoc``s for the benchmarks, read by ``rasd.readers.read_any``.

The data stays in ``../shared/data/news/saudinewsnet`` (daily zips of JSON lists); nothing is copied.
"""

from __future__ import annotations

import json
import zipfile
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


def first_texts(n: int, data: Path = SNN) -> list[str]:
    """Title and content of the first ``n`` articles (zips, members and lists in sorted order), raw.

    The throughput benchmarks all time the same texts; reading them is kept out of the timing.
    """
    texts: list[str] = []
    for zpath in sorted(Path(data).glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                for art in json.loads(zf.read(name)):
                    texts.append(f"{art.get('title') or ''}\n{art.get('content') or ''}")
                    if len(texts) >= n:
                        return texts
    return texts
