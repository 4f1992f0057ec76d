"""The ``geosleuth`` command line: thin wrappers that parse, call the library, render.

Each sub-command lives in its own module of this package and registers itself on
:data:`app`. Expected failures (:class:`~geosleuth.errors.GeosleuthError`) print one
red line ``ErrorType: message (file:line)`` and exit with status 1; success exits 0;
usage errors keep Click's status 2.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from geosleuth.errors import GeosleuthError

__all__ = ["app", "console", "err_console", "guarded"]

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


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a :class:`GeosleuthError` into one red line and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except GeosleuthError as exc:
            where = exc.location()
            suffix = f" ({where})" if where else ""
            err_console.print(
                f"[bold red]{type(exc).__name__}[/]: {escape(exc.message + suffix)}",
                markup=True,
                highlight=False,
                soft_wrap=True,
            )
            raise typer.Exit(code=1) from None

    return wrapper


# Sub-commands register themselves on `app` when imported.
from geosleuth.cli import commands as _commands  # noqa: E402,F401
