"""Reading throughput: articles per second on one core, median-length LGL article.

Usage: ``.venv/bin/python bench/read.py [--mode all|rules|toponyms|full|corpus]
[--seconds 10] [--articles 200] [--workers 2]``

Reads ``../shared/data/geoparse/lgl.xml`` (``GEOSLEUTH_SHARED`` names another
shared folder, as for the evaluations). Times each pipeline on the LGL article of
median length (setup — loading the
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
``corpus``
    :func:`geosleuth.read.read_corpus` over the ``--articles`` LGL articles
    nearest the median length, written to a temporary folder, on every core:
    serially, then with the "processes" scheduler and ``--workers`` workers (the
    [dask] extra). Each runs in a fresh Python process and is timed from the call
    to its return, so the startup is included: loading the gazetteer and the
    spaCy model in-process (serial), or starting the workers, each of which loads
    them (processes). A run of one article per worker gives the startup alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geosleuth.gazetteer import Gazetteer
from geosleuth.read import read_text
from geosleuth.read.toponyms import find_toponyms, load_ner, load_nlp

REPO = Path(__file__).resolve().parents[1]
#: The shared data folder: ../shared beside the repository, or GEOSLEUTH_SHARED
#: (as for eval/*.py and bench/profile.py).
SHARED = Path(os.environ.get("GEOSLEUTH_SHARED", REPO.parent / "shared"))
LGL = SHARED / "data/geoparse/lgl.xml"


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


def lgl_texts() -> list[str]:
    if not LGL.exists():
        sys.exit(
            f"error: {LGL} is absent; the benchmark needs ../shared beside the repo, "
            "or GEOSLEUTH_SHARED set to the shared data folder"
        )
    return [a.findtext("text") or "" for a in ET.parse(LGL).getroot().iter("article")]


def median_article() -> str:
    texts = lgl_texts()
    med = statistics.median_low(len(t) for t in texts)
    return next(t for t in texts if len(t) == med)


# Run in a fresh interpreter: read_corpus timed from the call to its return.
_CHILD = """
import os, sys, time
os.sched_setaffinity(0, {int(c) for c in sys.argv[4].split(",")})
from geosleuth.read import corpus_files, read_corpus
paths = corpus_files(sys.argv[1])[: int(sys.argv[3]) or None]
workers = int(sys.argv[2]) or None
t0 = time.perf_counter()
result = read_corpus(paths, published="2009-06-01", workers=workers,
                     scheduler="processes" if workers else "serial")
print(time.perf_counter() - t0, len(result.readings))
"""


def corpus_seconds(folder: str, workers: int, cores: set[int], n: int = 0) -> float:
    """Seconds of read_corpus over ``folder`` (its first ``n`` files; 0: all)."""
    cmd = [sys.executable, "-c", _CHILD, folder, str(workers), str(n)]
    cmd.append(",".join(map(str, sorted(cores))))
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return float(out.split()[0])


def corpus_figures(n_articles: int, workers: int, cores: set[int]) -> list[str]:
    texts = lgl_texts()
    med = statistics.median_low(len(t) for t in texts)
    texts = sorted(texts, key=lambda t: (abs(len(t) - med), t))[:n_articles]
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        for i, text in enumerate(texts):
            Path(folder, f"a{i:04d}.txt").write_text(text, encoding="utf-8")
        for w, label in ((0, "serial"), (workers, f"processes, {workers} workers")):
            total = corpus_seconds(folder, w, cores)
            startup = corpus_seconds(folder, w, cores, n=max(w, 1))
            lines.append(
                f"corpus, {label}: {len(texts) / total:.1f} articles/s with the "
                f"startup ({len(texts)} LGL articles of about {med} characters in "
                f"{total:.1f} s on {len(cores)} cores; startup and one article per "
                f"worker: {startup:.1f} s)"
            )
    return lines


_LABELS = {
    "rules": "toponyms, rules only",
    "toponyms": "toponyms, spaCy NER + rules",
    "full": "full reading (read_text: spaCy full pipeline, toponyms, claims)",
    "corpus": "read_corpus, serial and processes, startup included",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=["all", *_LABELS], default="all")
    ap.add_argument("--no-nlp", action="store_true", help="same as --mode rules")
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--articles", type=int, default=200, help="corpus mode")
    ap.add_argument("--workers", type=int, default=2, help="corpus mode")
    args = ap.parse_args()
    # bench/profile.py would shadow the standard library's profile (spaCy uses it)
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set()
    if cores:
        os.sched_setaffinity(0, {min(cores)})  # one core
    text = median_article()
    modes = list(_LABELS) if args.mode == "all" else [args.mode]
    if args.no_nlp:
        modes = ["rules"]
    for mode in modes:
        if mode == "corpus":
            for line in corpus_figures(args.articles, args.workers, cores):
                print(line)
            continue
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
