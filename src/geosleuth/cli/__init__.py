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
import os
import re
import warnings
from collections.abc import Callable, Iterator
from typing import Any, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperCommand, TyperGroup

from geosleuth import _startup
from geosleuth._quoting import quoted
from geosleuth.casefile import clean_text
from geosleuth.errors import GeosleuthError, GeosleuthWarning, InputError

__all__ = [
    "app",
    "clean_text",
    "console",
    "err_console",
    "guarded",
    "check_target",
    "progress_shown",
    "quoted",
    "shown",
    "shown_warnings",
]


def _valueless(param: Any) -> Any:
    """``param``, shown in ``--help`` with no value when it is a flag.

    Typer writes a flag's type as ``<bool>`` beside it, which reads as if it
    took a value ("--quiet true" would read "true" as an input file); a flag's
    metavar left empty shows nothing there.
    """
    if getattr(param, "is_flag", False) and param.metavar is None:
        param.metavar = ""
    return param


class _Command(TyperCommand):
    """A command whose flags (``--help``, ``--quiet``) show no value in its help."""

    def get_help_option(self, ctx: Any) -> Any:
        return _valueless(super().get_help_option(ctx))

    def get_params(self, ctx: Any) -> Any:
        return [_valueless(p) for p in super().get_params(ctx)]


class _Group(TyperGroup):
    """The command group, whose ``--help`` shows no value either."""

    def get_help_option(self, ctx: Any) -> Any:
        return _valueless(super().get_help_option(ctx))


class _Typer(typer.Typer):
    """:class:`typer.Typer` whose commands are :class:`_Command` unless told."""

    def command(  # type: ignore[override]
        self, *args: Any, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        return super().command(*args, cls=cls or _Command, **kwargs)


app = _Typer(
    cls=_Group,
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


def progress_shown() -> bool:
    """Whether a progress display shows on stderr: on a terminal that redraws only.

    Elsewhere (a file, a pipe, a dumb terminal) rich's progress draws nothing,
    but leaves an empty line on stderr when it stops: the line before an
    error's one red line.
    """
    return bool(err_console.is_interactive)


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


def check_target(target: str | None) -> None:
    """Refuse an empty ``--target`` of ``read`` or ``locate``.

    '--target ""' (an unset shell variable) was read as no target at all,
    unsaid (r28 L9).

    Examples
    --------
    >>> check_target(None), check_target("Jane Doe")
    (None, None)
    >>> check_target(" ")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: --target is empty: give the name of the person ...
    """
    if target is not None and not target.strip():
        raise InputError(
            "--target is empty: give the name of the person sought, or leave "
            "--target out to read for the person each text names most.",
            field="--target",
        )


def _names_its_place(exc: GeosleuthError) -> bool:
    """Whether ``exc``'s message names its file and line already.

    A case file's errors say where in their text ("The 'sigma_km' of claim 'c1'
    (case.yaml, line 58) must be ..."); the ``(case.yaml:58)`` after it would
    say it twice.

    Examples
    --------
    >>> from geosleuth.errors import CaseFileError
    >>> _names_its_place(CaseFileError("'c1' (d/case.yaml, line 58) is bad.",
    ...                                path="d/case.yaml", line=58))
    True
    >>> _names_its_place(CaseFileError("'c1' is bad.", path="case.yaml", line=58))
    False
    """
    if exc.path is None or exc.line is None:
        return False
    return any(
        f"{name}, line {exc.line}" in exc.message
        for name in (exc.path, os.path.basename(exc.path))
    )


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a :class:`GeosleuthError` or an ``OSError`` into one red line, exit 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except GeosleuthError as exc:
            where = "" if _names_its_place(exc) else exc.location()
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
