"""What every reader yields."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from rasd.limits import DEFAULT_LIMITS
from rasd.model import Source

MAX_BYTES = DEFAULT_LIMITS.max_file_bytes  # a single file read whole larger than this is not an article


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

    def __post_init__(self) -> None:
        # one line, whatever a library put in its message (tarfile lists every method it tried)
        self.reason = " ".join(str(self.reason).split())[:500]

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"

    @classmethod
    def of(cls, where: str, doing: str, exc: BaseException) -> ReadError:
        """The one line for an exception met while ``doing`` (reading, processing ...) one input."""
        if isinstance(exc, RecursionError):
            return cls(where, f"{doing} failed: structure nested too deeply")
        if isinstance(exc, MemoryError):
            return cls(where, f"{doing} failed: out of memory")
        return cls(where, f"{doing} failed: {type(exc).__name__}: {str(exc)[:200]}")


def bounded_lines(fh: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Lines of a binary stream, each held only up to ``max_bytes``: a longer line is read past in
    chunks and given as ``None`` (so a 60 MB line costs a chunk of memory, not 60 MB)."""
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or (len(line) == max_bytes + 1 and line.endswith(b"\n")):
            yield line
            continue
        while not line.endswith(b"\n"):
            line = fh.readline(1 << 20)
            if not line:
                break
        yield None


def guarded(items: Iterable[RawDoc | ReadError], where: str) -> Iterator[RawDoc | ReadError]:
    """``items``, with an exception a reader did not expect turned into one ``ReadError`` for
    ``where``: the rest of that input is lost, the batch goes on with the next."""
    it = iter(items)
    while True:
        try:
            item = next(it)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - the one net under every reader
            yield ReadError.of(where, "reading", exc)
            return
        yield item
