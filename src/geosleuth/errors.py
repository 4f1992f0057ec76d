"""Exceptions and warnings raised by geosleuth.

Every error the library raises on purpose derives from :class:`GeosleuthError`
and also from the built-in exception it refines, so callers can catch either::

    GeosleuthError
    ├── InputError (ValueError)              bad input: a case file, a CSV, an option
    │   └── CaseFileError                    a case file that is unreadable or invalid
    ├── GazetteerError (LookupError)         a place name no gazetteer resolves
    ├── CaseNotFoundError (LookupError)      the service has no case (or run) by that id
    ├── NotFittedError (AttributeError)      a model used before ``fit``
    └── MissingDependencyError (ImportError) an optional extra is not installed

    GeosleuthWarning (UserWarning)
    └── EvidenceWarning                   evidence skipped or adjusted, with the reason

Errors carry their context as attributes (``path``, ``line``, ``field``) and their
message says what was expected and what came instead.
"""

from __future__ import annotations

__all__ = [
    "CaseFileError",
    "CaseNotFoundError",
    "EvidenceWarning",
    "GazetteerError",
    "GeosleuthError",
    "GeosleuthWarning",
    "InputError",
    "MissingDependencyError",
    "NotFittedError",
    "WorkerError",
]


class GeosleuthError(Exception):
    """Base class of every error geosleuth raises on purpose.

    Parameters
    ----------
    message : str
        What went wrong, what was expected and what came instead.
    path : str or None, optional
        The file the error is about.
    line : int or None, optional
        1-based line number in ``path``.
    field : str or None, optional
        The field (dotted path, e.g. ``evidence[3].sigma_km``) the error is about.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.field = field

    def location(self) -> str:
        """Return ``file:line`` (or the part of it that is known), or ``""``."""
        if self.path is None:
            return ""
        if self.line is None:
            return str(self.path)
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        return self.message


class InputError(GeosleuthError, ValueError):
    """Input that does not meet the documented contract."""


class CaseFileError(InputError):
    """A case file (YAML) that is malformed or fails validation."""


class GazetteerError(GeosleuthError, LookupError):
    """A place name that cannot be resolved to coordinates."""


class CaseNotFoundError(GeosleuthError, LookupError):
    """No case (or no run of a case) has the id asked for (the web service's 404)."""


class NotFittedError(GeosleuthError, AttributeError):
    """A model used before its ``fit`` method was called."""


class MissingDependencyError(GeosleuthError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""


class WorkerError(GeosleuthError, RuntimeError):
    """A worker process died, or a Dask scheduler could not be reached as one."""


class GeosleuthWarning(UserWarning):
    """Base class of geosleuth's warnings."""


class EvidenceWarning(GeosleuthWarning):
    """Evidence was skipped or adjusted; the message says which and why."""


def missing_extra(package: str, extra: str) -> MissingDependencyError:
    """Build the error raised when an optional package is not installed.

    The error names the extra to install.

    Examples
    --------
    >>> print(missing_extra("spacy", "nlp"))
    This needs the optional package 'spacy'. Install it with: pip install ...
    """
    return MissingDependencyError(
        f"This needs the optional package {package!r}. "
        f"Install it with: pip install 'geosleuth[{extra}]'"
    )
