"""Import every sub-command module so that each registers itself on the app.

The modules are imported in the order their commands are listed in ``--help``.
"""

from __future__ import annotations

# isort: off
from geosleuth.cli import read, locate, searched, verify, plan, profile, serve

# isort: on

__all__ = ["locate", "plan", "profile", "read", "searched", "serve", "verify"]
