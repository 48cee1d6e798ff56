"""Size limits that keep one input from taking the machine, in one place for every reader and face.

A limit is checked before the bytes are held whole where the input allows it (a file's size, an
archive member's declared size and then while it is decompressed, a JSON line while it is read), so a
60 MB input costs no more memory than a 1 MB one. Each limit is an option of the CLI and the API.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024

# Entries in each memo table of word-level work (normalised forms, clitic cuts, NER features and
# scores, gazetteer and actor-name look-ups). Bounded so that a process reaches a fixed ceiling however
# much new vocabulary it reads (a 1 MB document brings about 50,000 new word types); news vocabulary is
# Zipfian, so this many types still answer almost every token of an ordinary article from the memo.
WORD_MEMO = 1 << 16


@dataclass(frozen=True)
class Limits:
    """What one input may hold; exceeding any is one line of failure for that input, never a crash."""

    max_file_bytes: int = 20 * MIB  # one file, archive member, WARC record, upload or JSON line
    max_doc_bytes: int = 2 * MIB  # the text of one document given to the NLP steps (UTF-8 bytes)
    max_query_chars: int = 2_000  # a search query (CLI and API)

    def doc_too_large(self, text: str) -> str | None:
        """Why ``text`` is too large to process, or None. Cheap for ordinary articles: a text of fewer
        characters than a quarter of the limit cannot exceed it whatever its script."""
        if len(text) * 4 <= self.max_doc_bytes:
            return None
        size = len(text.encode("utf-8", "surrogatepass"))
        if size <= self.max_doc_bytes:
            return None
        return f"document too large to process ({size / MIB:.1f} MB of text; limit {self.max_doc_bytes / MIB:.1f} MB)"


DEFAULT_LIMITS = Limits()
