"""The small error hierarchy. The CLI maps these to messages and exit codes at the edge."""

from __future__ import annotations

import errno


class RagError(Exception):
    """Base class of every error this library raises on purpose."""


class ConfigError(RagError):
    """A setting or argument is invalid."""


class IndexMismatchError(RagError):
    """The index on disk was built with another embedding model, dimension or schema."""


class ModelNotFoundError(RagError):
    """A model file or folder is not where the settings say."""


class ParseError(RagError):
    """One file could not be turned into text; the message says why and what to install."""


class CatalogError(RagError):
    """The catalog database cannot be opened or is of an unknown schema."""


class QuestionError(RagError):
    """A question that cannot be asked: empty, or far too long."""


class IndexDamagedError(RagError):
    """A file of the index is unreadable or contradicts the others; the message says how to repair it."""


class StorageError(RagError):
    """The disk is full, a file or folder is read-only, or the catalog database is unreachable."""


_REMEDIES = {
    errno.ENOSPC: ("disk full", "free some space and run again"),
    errno.EDQUOT: ("disk quota exceeded", "free some space and run again"),
    errno.EROFS: ("read-only file system", "make it writable and run again"),
    errno.EACCES: ("permission denied", "make it writable and run again"),
    errno.EPERM: ("operation not permitted", "make it writable and run again"),
}


def storage_error(exc: OSError, action: str) -> StorageError:
    """One line naming the cause of a failed file operation and what to do, e.g.
    ``disk full: cannot write /idx/vectors.faiss; free some space and run again``."""
    cause, remedy = _REMEDIES.get(exc.errno, (exc.strerror or type(exc).__name__, "run again once the cause is gone"))
    return StorageError(f"{cause}: cannot {action}; {remedy}")
