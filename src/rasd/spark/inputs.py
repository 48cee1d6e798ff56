"""Spark inputs: files named on the command line become ``(order, RawDoc | ReadError)`` records, read
by the project's own readers (``rasd.readers``) on the executors.

Local paths (and directories, recursively, in ``iter_files`` order) are listed on the driver and each
executor opens its files itself; any other URI (``hdfs://``, ``s3a://``, ``gs://``, ``file://`` ...,
globs allowed) is read through Hadoop's file systems with ``SparkContext.binaryFiles``. Archives and
WARCs read that way are spooled to a local temporary file first, because the readers stream them from
disk. The ``order`` key, ``(input index, file, record index)`` flattened to one sortable string, is
the order in which ``rasd ingest`` would meet the same documents, so "first seen" means the same thing
in both paths.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rasd.readers.base import RawDoc, ReadError

_URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:/")
Record = tuple[str, RawDoc | ReadError]


def is_uri(item: str) -> bool:
    """A Hadoop-style URI (scheme://...), as opposed to a local path."""
    return bool(_URI.match(item)) and not re.match(r"^[a-zA-Z]:[\\/]", item)  # not a Windows drive


def order_key(input_index: int, path: str, record: int) -> str:
    """One string that sorts as the tuple ``(input_index, path, record)`` does."""
    return f"{input_index:05d}\x00{path}\x00{record:09d}"


def local_files(inputs: Iterable[str]) -> list[tuple[int, str]]:
    """``(input index, path)`` of every local file under the local inputs (URIs are skipped)."""
    from rasd.readers.text import iter_files

    out: list[tuple[int, str]] = []
    for i, item in enumerate(inputs):
        if is_uri(item):
            continue
        for path in iter_files([item]):
            out.append((i, path.where if isinstance(path, ReadError) else str(path)))
    return out


def read_local(item: tuple[int, str]) -> Iterator[Record]:
    """The records of one local file (a missing one becomes one error record)."""
    from rasd.readers.dispatch import read_file

    index, path = item
    if not Path(path).exists():
        yield order_key(index, path, 0), ReadError(path, "no such file or directory")
        return
    for n, rec in enumerate(read_file(Path(path))):
        yield order_key(index, path, n), rec


def read_remote(index: int, uri: str, data: bytes) -> Iterator[Record]:
    """The records of one file fetched through Hadoop (its bytes), named by its URI."""
    from rasd.readers.dispatch import kind_of, read_bytes, read_file

    name = uri.rstrip("/").rsplit("/", 1)[-1]
    kind = kind_of(name, data[:2048])
    if kind not in ("zip", "tar", "warc"):
        for n, rec in enumerate(read_bytes(name, data, uri)):
            yield order_key(index, uri, n), rec
        return
    with tempfile.TemporaryDirectory(prefix="rasd-spark-") as tmp:
        local = os.path.join(tmp, name)
        with open(local, "wb") as fh:
            fh.write(data)
        for n, rec in enumerate(read_file(Path(local))):
            yield order_key(index, uri, n), _renamed(rec, local, uri)


def _renamed(rec: RawDoc | ReadError, local: str, uri: str) -> RawDoc | ReadError:
    """Put the URI back where the reader wrote the temporary file's path."""
    if isinstance(rec, ReadError):
        rec.where = rec.where.replace(local, uri, 1)
    elif rec.source.path:
        rec.source.path = rec.source.path.replace(local, uri, 1)
    return rec


def records(sc: Any, inputs: list[str], partitions: int) -> Any:
    """An RDD of ``(order, RawDoc | ReadError)`` over all inputs."""
    files = local_files(inputs)
    parts = []
    if files:
        parts.append(sc.parallelize(files, max(1, min(len(files), partitions))).flatMap(read_local))
    for i, item in enumerate(inputs):
        if is_uri(item):
            parts.append(sc.binaryFiles(item).flatMap(lambda kv, i=i: read_remote(i, kv[0], kv[1])))
    if not parts:
        return sc.emptyRDD()
    return parts[0] if len(parts) == 1 else sc.union(parts)
