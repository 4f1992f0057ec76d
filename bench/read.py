"""Reading throughput: articles per second on one core, median-length LGL article.

Usage: ``.venv/bin/python bench/read.py [--mode all|rules|toponyms|full]
[--seconds 10]``

Times each pipeline on the LGL article of median length (setup — loading the
gazetteer and the spaCy model, and one warm-up call — is outside the timed part):

``rules``
    toponym detection and resolution without spaCy;
``toponyms``
    the same with spaCy's entity recogniser only (:func:`load_ner`), the default of
    :func:`find_toponyms`;
``full``
    the whole reading of a text, :func:`geosleuth.read.read_text` (spaCy's entity
    recogniser on the whole text, its parser and lemmatiser on the sentences that
    can yield evidence, toponyms, claims, dates), as ``read_document`` runs it
    after extracting the text from the file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geosleuth.gazetteer import Gazetteer
from geosleuth.read import read_text
from geosleuth.read.toponyms import find_toponyms, load_ner, load_nlp

LGL = Path(__file__).resolve().parents[2] / "shared/data/geoparse/lgl.xml"


def make_pipeline(mode: str) -> Callable[[str], Any]:
    gaz = Gazetteer.default()
    if mode == "rules":
        return lambda text: find_toponyms(text, gazetteer=gaz, nlp=False)
    if mode == "toponyms":
        ner = load_ner()
        return lambda text: find_toponyms(text, gazetteer=gaz, nlp=ner)
    nlp = load_nlp()
    return lambda text: read_text(
        text, gazetteer=gaz, nlp=nlp, published=dt.date(2009, 6, 1)
    )


def median_article() -> str:
    if not LGL.exists():
        sys.exit(
            f"error: {LGL} is absent; the benchmark needs ../shared beside the repo"
        )
    texts = [a.findtext("text") or "" for a in ET.parse(LGL).getroot().iter("article")]
    med = statistics.median_low(len(t) for t in texts)
    return next(t for t in texts if len(t) == med)


_LABELS = {
    "rules": "toponyms, rules only",
    "toponyms": "toponyms, spaCy NER + rules",
    "full": "full reading (read_text: spaCy full pipeline, toponyms, claims)",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=["all", *_LABELS], default="all")
    ap.add_argument("--no-nlp", action="store_true", help="same as --mode rules")
    ap.add_argument("--seconds", type=float, default=10.0)
    args = ap.parse_args()
    # bench/profile.py would shadow the standard library's profile (spaCy uses it)
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    text = median_article()
    modes = list(_LABELS) if args.mode == "all" else [args.mode]
    if args.no_nlp:
        modes = ["rules"]
    for mode in modes:
        pipeline = make_pipeline(mode)
        pipeline(text)  # warm-up
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < args.seconds:
            pipeline(text)
            n += 1
        rate = n / (time.perf_counter() - t0)
        print(
            f"{_LABELS[mode]}: {rate:.1f} articles/s on one core "
            f"(median LGL article, {len(text)} characters, {n} runs)"
        )


if __name__ == "__main__":
    main()
