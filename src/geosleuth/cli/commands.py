"""Import every sub-command module so that each registers on the app."""

from __future__ import annotations

import importlib

__all__: list[str] = []

for _name in ("locate", "profile", "plan", "read"):
    try:
        importlib.import_module(f"geosleuth.cli.{_name}")
    except ModuleNotFoundError as _exc:  # a sub-command still being written
        if _exc.name != f"geosleuth.cli.{_name}":
            raise
