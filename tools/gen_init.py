"""Regenerate the re-export block of src/geosleuth/__init__.py from the core modules.

Run: python tools/gen_init.py, then ruff format and ruff check --fix on the file.
tests/test_api.py checks the result.
"""

from __future__ import annotations

import importlib
from pathlib import Path

CORE = [
    "errors",
    "grid",
    "geometry",
    "evidence",
    "dependence",
    "fuse",
    "plan",
    "profile",
]
HEADER = '''\
"""geosleuth: where is this person most likely to be, and where to look next.

Evidence with provenance (:mod:`geosleuth.evidence`) is fused on an equal-area grid
(:mod:`geosleuth.grid`, :mod:`geosleuth.fuse`) into a probability map with P(alive),
highest-density areas and per-item contributions; :mod:`geosleuth.profile` finds bases
from event sets, :mod:`geosleuth.plan` plans the search, :mod:`geosleuth.read` reads
reports, :mod:`geosleuth.report` writes the outputs, :mod:`geosleuth.casefile` reads
case files. The top level re-exports the core (pure numpy) names; the edge modules
(reading, reports, CLI) are imported on demand.
"""

from __future__ import annotations

'''


def main() -> None:
    """Write the imports and ``__all__`` of every core module into ``__init__``."""
    lines, names = [], []
    for m in CORE:
        try:
            mod = importlib.import_module(f"geosleuth.{m}")
        except ModuleNotFoundError:
            continue
        ns = sorted(mod.__all__)
        clash = [n for n in ns if n in names]
        if clash:
            raise SystemExit(f"{m}: names already exported by another module: {clash}")
        names += ns
        lines.append(
            f"from geosleuth.{m} import (\n" + "".join(f"    {n},\n" for n in ns) + ")"
        )
    body = HEADER + "\n".join(lines) + '\n\n__version__ = "0.1.0"\n\n__all__ = [\n'
    body += "".join(f'    "{n}",\n' for n in sorted(names)) + "]\n"
    Path(__file__).resolve().parents[1].joinpath(
        "src/geosleuth/__init__.py"
    ).write_text(body)


if __name__ == "__main__":
    main()
