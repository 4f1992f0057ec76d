"""The ``geosleuth`` command line: thin wrappers that parse, call the library, render.

Each sub-command lives in its own module of this package and registers itself on
:data:`app`. Expected failures (:class:`~geosleuth.errors.GeosleuthError`) print one
red line ``ErrorType: message (file:line)`` and exit with status 1, and so does an
``OSError`` (a file that cannot be read or written: permission, full disk, a
directory where a file should go); success exits 0;
usage errors keep Click's status 2.
"""

from __future__ import annotations

import contextlib
import functools
import re
import warnings
from collections.abc import Callable, Iterator
from typing import NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from geosleuth import _startup
from geosleuth.casefile import clean_text
from geosleuth.errors import GeosleuthError, GeosleuthWarning

__all__ = [
    "app",
    "clean_text",
    "console",
    "err_console",
    "guarded",
    "shown",
    "shown_warnings",
]

app = typer.Typer(
    name="geosleuth",
    help=(
        "Where is this person most likely to be, how sure are we, and where should "
        "we look next? Fuse evidence with provenance into a probability map."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

P = ParamSpec("P")
R = TypeVar("R")


@contextlib.contextmanager
def shown_warnings() -> Iterator[None]:
    """Show geosleuth's warnings as one yellow line each on stderr.

    Python's default shows the warning's source line and file, which means
    nothing to a user ("typer/main.py:1445: EvidenceWarning ... return
    callback(**use_params)"); other warnings go on to Python's handling.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", GeosleuthWarning)
        try:
            yield
        finally:
            for w in caught:
                if issubclass(w.category, GeosleuthWarning):
                    err_console.print(
                        f"[yellow]{w.category.__name__}[/]: "
                        f"{escape(shown(str(w.message)))}",
                        markup=True,
                        highlight=False,
                        soft_wrap=True,
                    )
                else:
                    warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


#: Characters that a terminal acts on rather than shows: C0 (but tab and line
#: feed) and C1 controls, DEL, and the bidirectional overrides and isolates.
_UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    r"""``text`` with what a terminal would act on written out as escapes.

    A file name or a report's text is untrusted: an ESC sequence in it could
    recolour, retitle or clear the terminal, or hide rows of a table.

    >>> shown("esc\x1b[31mRED.txt"), shown("plain\tname")
    ('esc\\x1b[31mRED.txt', 'plain\tname')
    >>> shown("name\u202etxt.exe")
    'name\\u202etxt.exe'
    """
    return _UNSHOWN.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


def _exit_with(kind: str, text: str) -> NoReturn:
    err_console.print(
        f"[bold red]{kind}[/]: {escape(shown(text))}",
        markup=True,
        highlight=False,
        soft_wrap=True,
    )
    raise typer.Exit(code=1) from None


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a :class:`GeosleuthError` or an ``OSError`` into one red line, exit 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except GeosleuthError as exc:
            where = exc.location()
            _exit_with(
                type(exc).__name__, exc.message + (f" ({where})" if where else "")
            )
        except OSError as exc:  # a file we could not read or write
            name = f": {exc.filename}" if exc.filename else ""
            # a socket error (a Dask scheduler that cannot be reached) may carry
            # its message in the text only
            why = exc.strerror or str(exc) or type(exc).__name__
            _exit_with(type(exc).__name__, why + name)

    return wrapper


# Sub-commands register themselves on `app` when imported.
from geosleuth.cli import commands as _commands  # noqa: E402,F401

# Loaded: Ctrl-C is Python's KeyboardInterrupt again (the command exits 130), not
# the quiet exit of the start-up (:mod:`geosleuth._startup`).
_startup.loaded()
