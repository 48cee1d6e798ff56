"""Plain-text files and directories of them."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.errors import InputError
from rasd.model import Source
from rasd.readers.base import MAX_BYTES, RawDoc, ReadError
from rasd.text.decode import decode_bytes

TEXT_SUFFIXES = {".txt", ".text", ""}


def read_text_file(path: Path, max_bytes: int = MAX_BYTES) -> RawDoc:
    """Read and decode one text file; raises ``InputError`` with a one-line reason."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if size > max_bytes:
        raise InputError(f"file too large ({size:,} bytes; limit {max_bytes:,})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    text, encoding = decode_bytes(data)
    return RawDoc(text, Source(path=str(path)), {"encoding": encoding})


def _not_regular(path: Path) -> str | None:
    """Why ``path`` is not a regular file to read (a FIFO would block a batch forever), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        if not path.exists() and path.is_symlink():
            return "broken symlink"
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return f"not a regular file ({what}): skipped"
    return "not a regular file: skipped"


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Files named, and files under directories named (recursively, sorted, hidden files skipped).

    FIFOs, sockets, devices, broken links and symlink loops are one ``ReadError`` each, never opened;
    links to directories are not followed inside a directory (no loops).
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield _checked(Path(root) / name)
        elif path.exists() or path.is_symlink():
            yield _checked(path)
        else:
            yield ReadError(str(path), "no such file or directory")


def _checked(path: Path) -> Path | ReadError:
    why = _not_regular(path)
    return ReadError(str(path), why) if why else path


def read_paths(paths: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> Iterator[RawDoc | ReadError]:
    """Read text files and directories; bad files become ``ReadError`` items and the batch goes on."""
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            yield read_text_file(item, max_bytes)
        except InputError as exc:
            yield ReadError(str(item), str(exc))
