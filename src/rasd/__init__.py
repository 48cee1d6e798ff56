"""rasd (رصد): Arabic news to a searchable archive and a PLOVER/CAMEO event dataset."""

__version__ = "0.1.0"
