"""Reading time of one long document against its length (review r51, H1).

Usage: ``.venv/bin/python bench/read_long.py [--sizes 12500 25000 50000 100000
200000] [--paragraphs]``

Joins the LGL articles of ``../shared/data/geoparse/lgl.xml`` (``GEOSLEUTH_SHARED``
names another shared folder) in their order, one a line (``--paragraphs``: with a
blank line between them), and reads the first N characters of the result with
:func:`geosleuth.read.read_text`, as ``geosleuth read FILE --max-chars N`` does
after extracting the text. Setup (the gazetteer, the spaCy model and one warm-up
call) is outside the timed part. Prints, for each N, the seconds, the
microseconds per character, and the ratio of the time to the time of the
smallest size scaled by length: about 1 when the time is proportional to the
length, N / smallest when it grows with its square.

Before the fix, ``geosleuth read`` (the CLI, with its ~4 s startup) took 12.5k
chars 4.5 s, 25k 5.8 s, 50k 23 s, 100k 200 s, 199k 1471 s (user CPU):
``Doc.text`` built once per sentence and once per character of a quotation, and
every word of the text looked up for each name when inferring the target. After
it: 4.1 s, 4.6 s, 6.3 s, 9.9 s, 19.9 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from geosleuth.gazetteer import Gazetteer
from geosleuth.read import read_text
from geosleuth.read.toponyms import load_nlp

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOSLEUTH_SHARED", REPO.parent / "shared"))
LGL = SHARED / "data/geoparse/lgl.xml"


def long_text(chars: int, *, paragraphs: bool) -> str:
    """The LGL articles joined, cut to ``chars`` characters."""
    if not LGL.exists():
        sys.exit(
            f"error: {LGL} is absent; the benchmark needs ../shared beside the repo, "
            "or GEOSLEUTH_SHARED set to the shared data folder"
        )
    texts = [
        (a.findtext("text") or "").strip()
        for a in ET.parse(LGL).getroot().iter("article")
    ]
    return ("\n\n" if paragraphs else "\n").join(texts)[:chars]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[12_500, 25_000, 50_000, 100_000, 200_000],
    )
    ap.add_argument("--paragraphs", action="store_true")
    args = ap.parse_args()
    # bench/profile.py would shadow the standard library's profile (spaCy uses it)
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    text = long_text(max(args.sizes), paragraphs=args.paragraphs)
    gaz, nlp = Gazetteer.default(), load_nlp()
    published = dt.date(2009, 6, 1)
    read_text(text[:2000], gazetteer=gaz, nlp=nlp, published=published)  # warm-up
    print(f"{'chars':>8} {'seconds':>8} {'us/char':>8} {'vs linear':>9}")
    base: float | None = None
    for n in sorted(args.sizes):
        start = time.perf_counter()
        read_text(text[:n], gazetteer=gaz, nlp=nlp, published=published)
        secs = time.perf_counter() - start
        per_char = secs / n
        base = per_char if base is None else base
        print(f"{n:>8} {secs:>8.1f} {per_char * 1e6:>8.1f} {per_char / base:>9.2f}")


if __name__ == "__main__":
    main()
