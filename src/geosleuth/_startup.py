"""Ctrl-C while the ``geosleuth`` command is still loading: exit 130, quietly.

The ``geosleuth`` command imports the package (numpy, scipy: about two seconds)
before its own handling of Ctrl-C is in place; an interrupt then showed Python's
traceback of the import. :mod:`geosleuth` imports this module first. Only for that
command (``sys.argv[0]`` is it), only in the main thread, only where Python's own
handler is in place, and only until the command line is loaded:
:mod:`geosleuth.cli` puts Python's handler back (Ctrl-C during a run is then a
``KeyboardInterrupt``, and the command exits 130). A program that imports
geosleuth keeps its own handling.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from types import FrameType

__all__: list[str] = []


def _quiet_interrupt(signum: int, frame: FrameType | None) -> None:  # pragma: no cover
    """Exit at once with the shell's status for the signal (130 for SIGINT)."""
    os._exit(128 + signum)


def _loading_the_command() -> bool:
    return (
        os.path.basename(sys.argv[0] if sys.argv else "") == "geosleuth"
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGINT) is signal.default_int_handler
    )


if _loading_the_command():  # pragma: no cover - the command's own start-up
    signal.signal(signal.SIGINT, _quiet_interrupt)


def loaded() -> None:
    """Give Ctrl-C back to Python (a ``KeyboardInterrupt``) once loaded."""
    if signal.getsignal(signal.SIGINT) is _quiet_interrupt:
        signal.signal(signal.SIGINT, signal.default_int_handler)
