"""User-facing failures: each carries a one-line message that the faces print or return as 4xx."""


class RasdError(Exception):
    """Base of the errors a user can cause; never a bug."""


class InputError(RasdError):
    """A bad file or record: empty, binary, too large, undecodable."""


class ConfigError(RasdError):
    """A bad option, path or resource file."""


class StoreError(RasdError):
    """The store cannot do what was asked (bad URL, wrong schema version ...)."""


class StorageFault(StoreError):
    """The store cannot write at all (disk full, read-only file or mount, locked database): the batch
    stops with this one line, and what was committed before stays as it was."""
