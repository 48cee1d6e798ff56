"""``python -m rasd.cli`` runs the command line (as the ``rasd`` script does)."""

from rasd.cli import app

app()
