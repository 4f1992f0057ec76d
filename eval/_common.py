"""What the evaluation scripts share: where ../shared is, and reading its CSVs."""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOSLEUTH_SHARED", REPO.parent / "shared"))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def missing_data(what: str, needed: Iterable[Path]) -> bool:
    """Print one clear line and return True when a needed file is absent."""
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        print(
            f"error: the {what} data are not available (missing {', '.join(missing)})."
            " Put the shared data folder beside the repository (../shared) or set "
            "GEOSLEUTH_SHARED.",
            file=sys.stderr,
        )
    return bool(missing)
