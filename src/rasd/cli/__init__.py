"""The ``rasd`` command line: thin faces over the pipeline and the store.

Each command lives in its own module and registers itself on the shared ``app`` when imported here.
"""

from rasd.cli import process  # noqa: F401  (registers `rasd process`)
from rasd.cli.app import app

__all__ = ["app"]
