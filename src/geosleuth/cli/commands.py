"""Import every sub-command module so that each registers itself on the app."""

from __future__ import annotations

from geosleuth.cli import locate, plan, profile, read, serve

__all__ = ["locate", "plan", "profile", "read", "serve"]
