"""Exports: stores' rows to JSON lines, CSV, Parquet and PLOVER JSON, streamed (used by the CLI and the API)."""

from rasd.export.stream import EXPORT_FORMATS, flat_row, stream_rows

__all__ = ["EXPORT_FORMATS", "flat_row", "stream_rows"]
