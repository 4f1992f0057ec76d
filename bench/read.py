"""Reading throughput: articles per second on one core, median-length LGL article.

Usage: ``.venv/bin/python bench/read.py [--no-nlp] [--seconds 10]``

Times ``PIPELINE(text)`` on the LGL article of median length (setup — loading the
gazetteer and the spaCy model, and one warm-up call — is outside the timed part).
``PIPELINE`` is the toponym detection and resolution for now; swap in the full
reading pipeline when it exists.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geosleuth.gazetteer import Gazetteer
from geosleuth.read.toponyms import find_toponyms, load_nlp

LGL = Path(__file__).resolve().parents[2] / "shared/data/geoparse/lgl.xml"


def make_pipeline(use_nlp: bool) -> Callable[[str], Any]:
    gaz = Gazetteer.default()
    nlp = load_nlp() if use_nlp else False
    return lambda text: find_toponyms(text, gazetteer=gaz, nlp=nlp)


def median_article() -> str:
    if not LGL.exists():
        sys.exit(
            f"error: {LGL} is absent; the benchmark needs ../shared beside the repo"
        )
    texts = [a.findtext("text") or "" for a in ET.parse(LGL).getroot().iter("article")]
    med = statistics.median_low(len(t) for t in texts)
    return next(t for t in texts if len(t) == med)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-nlp", action="store_true", help="rules only, no spaCy")
    ap.add_argument("--seconds", type=float, default=10.0)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    text = median_article()
    pipeline = make_pipeline(not args.no_nlp)
    pipeline(text)  # warm-up
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < args.seconds:
        pipeline(text)
        n += 1
    rate = n / (time.perf_counter() - t0)
    mode = "rules only" if args.no_nlp else "spaCy NER + rules"
    print(
        f"toponyms ({mode}): {rate:.1f} articles/s on one core "
        f"(median LGL article, {len(text)} characters, {n} runs)"
    )


if __name__ == "__main__":
    main()
