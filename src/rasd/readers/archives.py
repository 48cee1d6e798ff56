"""``.zip`` and ``.tar.gz`` archives: members read in memory and dispatched by their extension.

Limits keep a hostile archive (zip bomb, millions of members) from taking the machine: a member's
size (declared and actually read), the total bytes read, the member count and the compression
ratio. Nested archives are not opened. Links, devices and directories are skipped. A corrupt or
truncated archive yields a ``ReadError`` after the members that could be read.
"""

from __future__ import annotations

import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.readers.base import RawDoc, ReadError

ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tar.xz")


@dataclass(frozen=True)
class ArchiveLimits:
    """Safe limits for reading archives."""

    max_member_bytes: int = 64 * 1024 * 1024  # SaudiNewsNet daily zips hold one 13 MB JSON list
    max_total_bytes: int = 2 * 1024 * 1024 * 1024
    max_members: int = 200_000
    max_ratio: float = 200.0  # uncompressed / compressed; text compresses ~5-10x, bombs ~1000x


DEFAULT_LIMITS = ArchiveLimits()
# (member name, bytes, where) -> documents
MemberReader = Callable[[str, bytes, str], Iterator[RawDoc | ReadError]]


def is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _skip_name(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return not base or base.startswith(".") or "__MACOSX/" in name


def read_zip(
    path: Path, read_member: MemberReader, limits: ArchiveLimits = DEFAULT_LIMITS
) -> Iterator[RawDoc | ReadError]:
    """Documents from the members of a zip file."""
    where = str(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        yield ReadError(where, f"corrupt zip archive ({exc})")
        return
    total = 0
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir() and not _skip_name(i.filename)]
        if len(infos) > limits.max_members:
            yield ReadError(where, f"too many members ({len(infos):,}; limit {limits.max_members:,})")
            return
        for info in infos:
            at = f"{where}!{info.filename}"
            if info.file_size > limits.max_member_bytes:
                yield ReadError(
                    at, f"member too large ({info.file_size:,} bytes; limit {limits.max_member_bytes:,})"
                )
                continue
            if (
                info.compress_size
                and info.file_size > 1024 * 1024
                and info.file_size / info.compress_size > limits.max_ratio
            ):
                yield ReadError(
                    at,
                    f"suspicious compression ratio {info.file_size / info.compress_size:.0f}:1 (zip bomb?)",
                )
                continue
            if total + info.file_size > limits.max_total_bytes:
                yield ReadError(
                    where, f"archive too large once unpacked (limit {limits.max_total_bytes:,} bytes)"
                )
                return
            try:
                with zf.open(info) as fh:
                    data = fh.read(limits.max_member_bytes + 1)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
                yield ReadError(at, f"cannot read member ({exc})")
                continue
            if len(data) > limits.max_member_bytes:
                yield ReadError(at, f"member larger than declared (limit {limits.max_member_bytes:,} bytes)")
                continue
            total += len(data)
            yield from read_member(info.filename, data, at)


def read_tar(
    path: Path, read_member: MemberReader, limits: ArchiveLimits = DEFAULT_LIMITS
) -> Iterator[RawDoc | ReadError]:
    """Documents from the regular-file members of a tar (optionally gzip/bz2/xz compressed)."""
    where = str(path)
    try:
        tf = tarfile.open(path, mode="r:*")
    except (tarfile.TarError, OSError, EOFError) as exc:
        yield ReadError(where, f"corrupt tar archive ({exc})")
        return
    total = count = 0
    compressed = max(1, path.stat().st_size)
    with tf:
        try:
            for member in tf:
                if not member.isfile() or _skip_name(member.name):
                    continue
                count += 1
                at = f"{where}!{member.name}"
                if count > limits.max_members:
                    yield ReadError(where, f"too many members (limit {limits.max_members:,})")
                    return
                if member.size > limits.max_member_bytes:
                    yield ReadError(
                        at, f"member too large ({member.size:,} bytes; limit {limits.max_member_bytes:,})"
                    )
                    continue
                if total + member.size > limits.max_total_bytes or (
                    total + member.size > 1024 * 1024
                    and (total + member.size) / compressed > limits.max_ratio
                ):
                    yield ReadError(
                        where, "archive unpacks to too much data for its size (limit or tar bomb)"
                    )
                    return
                fh = tf.extractfile(member)
                if fh is None:
                    continue
                data = fh.read(member.size)
                total += len(data)
                yield from read_member(member.name, data, at)
        except (tarfile.TarError, OSError, EOFError, zlib_error()) as exc:
            yield ReadError(where, f"corrupt or truncated tar archive after {count} members ({exc})")


def zlib_error() -> type[Exception]:
    import zlib

    return zlib.error
