"""The small error hierarchy. The CLI maps these to messages and exit codes at the edge."""

from __future__ import annotations


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
