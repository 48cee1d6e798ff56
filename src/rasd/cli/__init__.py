"""The ``rasd`` command line: thin faces over the pipeline and the store.

Each command lives in its own module and registers itself on the shared ``app`` when imported here.
"""

from rasd.cli import ingest, process, serve  # noqa: F401  (each registers its commands)
from rasd.cli import code  # noqa: F401  (rasd code)
from rasd.cli.app import app

__all__ = ["app"]
