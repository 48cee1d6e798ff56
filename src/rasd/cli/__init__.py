"""The ``rasd`` command line: thin faces over the pipeline and the store.

Each command lives in its own module and registers itself on the shared ``app`` when imported here.
"""

from rasd.cli import code, eval, export, ingest, process, serve, spark, train  # noqa: F401  (each registers its commands)
from rasd.cli.app import app

__all__ = ["app"]
