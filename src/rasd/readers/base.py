"""What every reader yields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasd.model import Source

MAX_BYTES = 20 * 1024 * 1024  # a single article larger than this is not an article


@dataclass
class RawDoc:
    """Decoded text of one article with what the reader knew about it."""

    text: str
    source: Source
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadError:
    """One input that could not be read, with a one-line reason."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"
