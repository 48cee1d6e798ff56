"""Readers turn files, archives, feeds and records into ``RawDoc``s: text plus metadata, nothing more.

They know nothing of the pipeline or the store. Each bad input yields a ``ReadError`` item instead of
raising, so a batch goes on and the face reports one line per failure.
"""

from rasd.readers.base import RawDoc, ReadError
from rasd.readers.dispatch import read_any
from rasd.readers.jsonl import FieldMap
from rasd.readers.text import read_paths

__all__ = ["FieldMap", "RawDoc", "ReadError", "read_any", "read_paths"]
