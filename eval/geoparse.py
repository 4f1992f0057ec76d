"""Geoparsing evaluation on LGL and GeoVirus, end to end from raw text.

Usage (from the repository root)::

    .venv/bin/python eval/geoparse.py            # both corpora, every article
    .venv/bin/python eval/geoparse.py --limit 50 --corpus lgl --errors 30

Reads ``../shared/data/geoparse/{lgl,GeoVirus}.xml`` (never copied into the repo;
``GEOSLEUTH_SHARED`` names another shared folder, as for the other evaluations).

Metrics, per corpus:

- detection precision / recall / F1 on exact spans; every gold toponym counts
  (LGL's street names without coordinates included);
- resolution, end to end: accuracy@161 km over every gold toponym with coordinates
  (a missed toponym is a miss); mean and median error (km) and AUC of the
  log-error curve (Gritta et al. 2018; lower is better) over the gold toponyms that
  were detected and resolved; "AUC all" counts a missed toponym as the largest
  possible error (20,038 km);
- acc@161 given the gold spans (resolution alone).

Annotation conventions differ: LGL annotates demonyms ("Russian", "Palestinians")
as toponyms of their country; GeoVirus does not. Demonym mentions are counted for
LGL and left out for GeoVirus (``--demonyms`` overrides). Mentions whose role is
"person" ("if Baghdad is alive") are never counted as toponyms.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from geosleuth.geometry import Area, haversine_km, to_geojson
from geosleuth.read.toponyms import Mention, find_toponyms, load_ner, resolve_toponyms

ROOT = Path(__file__).resolve().parent.parent
SHARED = (
    Path(os.environ.get("GEOSLEUTH_SHARED", ROOT.parent / "shared"))
    / "data"
    / "geoparse"
)
MAX_KM = 20038.0


@dataclass
class Gold:
    start: int
    end: int
    text: str
    lon: float
    lat: float


@dataclass
class Article:
    text: str
    gold: list[Gold]


@dataclass
class Score:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    n_gold_coord: int = 0
    errors: list[float] = field(default_factory=list)
    gold_span_errors: list[float] = field(default_factory=list)
    gold_span_n: int = 0
    seconds: float = 0.0
    bad: list[str] = field(default_factory=list)
    #: errors beyond 161 km whose predicted country or division contains the gold
    #: point: the right area, summarised by another point than the gold's
    same_area: int = 0


def read_lgl(path: Path) -> list[Article]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            s, e = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            g = t.find("gaztag")
            lat = float(g.findtext("lat") or "nan") if g is not None else math.nan
            lon = float(g.findtext("lon") or "nan") if g is not None else math.nan
            gold.append(Gold(s, e, text[s:e], lon, lat))
        out.append(Article(text, gold))
    return out


def read_geovirus(path: Path) -> list[Article]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("location"):
            s, e = int(t.findtext("start") or 1) - 1, int(t.findtext("end") or 1) - 1
            gold.append(
                Gold(
                    s,
                    e,
                    text[s:e],
                    float(t.findtext("lon") or "nan"),
                    float(t.findtext("lat") or "nan"),
                )
            )
        out.append(Article(text, gold))
    return out


def auc(errors: list[float]) -> float:
    """Area under the curve of sorted ln(1 + error) / ln(1 + max error)."""
    if not errors:
        return math.nan
    y = np.sort(np.log1p(np.asarray(errors)) / math.log1p(MAX_KM))
    if len(y) == 1:
        return float(y[0])
    return float(np.trapezoid(y, dx=1.0 / (len(y) - 1)))


def evaluate(
    articles: list[Article],
    *,
    demonyms: bool,
    detect: Callable[[str], list[Mention]],
    errors: int,
) -> Score:
    sc = Score()
    for art in articles:
        t0 = time.perf_counter()
        mentions = [
            m
            for m in detect(art.text)
            if m.role != "person" and (demonyms or m.role != "demonym")
        ]
        sc.seconds += time.perf_counter() - t0
        pred = {(m.start, m.end): m for m in mentions}
        gold = {(g.start, g.end): g for g in art.gold}
        sc.n_pred += len(pred)
        sc.n_gold += len(gold)
        sc.tp += len(pred.keys() & gold.keys())
        for key, g in gold.items():
            if math.isnan(g.lat):
                continue
            sc.n_gold_coord += 1
            m = pred.get(key)
            if m is None or math.isnan(m.lat):
                sc.errors.append(math.inf)
                if len(sc.bad) < errors:
                    ctx = art.text[max(0, g.start - 40) : g.end + 30]
                    sc.bad.append(f"MISS  {g.text!r}  ...{ctx!r}")
                continue
            err = float(haversine_km(m.lon, m.lat, g.lon, g.lat))
            sc.errors.append(err)
            if err > 161 and _area_holds(m, g):
                sc.same_area += 1
            if err > 161 and len(sc.bad) < errors:
                cc = m.place.country if m.place else ""
                sc.bad.append(f"WRONG {g.text!r} -> {m.name} ({cc}) {err:.0f} km")
        if errors:
            for key, m in pred.items():
                if key not in gold and len(sc.bad) < errors:
                    ctx = art.text[max(0, m.start - 30) : m.end + 20]
                    sc.bad.append(
                        f"FP    {m.text!r} -> {m.name} ({m.role})  ...{ctx!r}"
                    )
        spans = [(g.start, g.end) for g in art.gold if not math.isnan(g.lat)]
        for g, m in zip(
            [g for g in art.gold if not math.isnan(g.lat)],
            resolve_toponyms(art.text, spans),
            strict=True,
        ):
            sc.gold_span_n += 1
            if not math.isnan(m.lat):
                sc.gold_span_errors.append(
                    float(haversine_km(m.lon, m.lat, g.lon, g.lat))
                )
    return sc


def _area_holds(m: Mention, g: Gold) -> bool:
    """Whether the predicted country or division's shape holds the gold point."""
    place = m.place
    if place is None or place.kind not in ("country", "admin", "county"):
        return False
    if not isinstance(place.geometry, Area):
        return False
    geom = shapely.geometry.shape(to_geojson(place.geometry)).buffer(0.1)
    return bool(geom.covers(shapely.geometry.Point(g.lon, g.lat)))


def diagnosis(name: str, sc: Score) -> str:
    errs = np.asarray(sc.errors)
    far = int((np.isfinite(errs) & (errs > 161)).sum())
    missed = int((~np.isfinite(errs)).sum())
    within = int((errs <= 161).sum())
    return (
        f"{name}: {within} of {len(errs)} gold toponyms with coordinates resolved "
        f"within 161 km (acc@161 {within / max(len(errs), 1):.4f}); {missed} were not "
        f"detected (exact span) and {far} were resolved beyond 161 km; of these, "
        f"{sc.same_area} went to the country or division whose shape holds the gold "
        "point (the right area, summarised by another point than the gold's)."
    )


def row(name: str, sc: Score, n_articles: int) -> str:
    p = sc.tp / sc.n_pred if sc.n_pred else 0.0
    r = sc.tp / sc.n_gold if sc.n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    errs = np.asarray(sc.errors)
    found = errs[np.isfinite(errs)]
    acc = float((errs <= 161).sum() / len(errs)) if len(errs) else math.nan
    gs = np.asarray(sc.gold_span_errors)
    acc_gold = float((gs <= 161).sum() / sc.gold_span_n) if sc.gold_span_n else math.nan
    all_errs = np.where(np.isfinite(errs), errs, MAX_KM).tolist()
    return (
        f"| {name} | {n_articles} | {sc.n_gold} | {p:.3f} | {r:.3f} | {f1:.3f} "
        f"| {acc:.3f} | {float(found.mean()) if len(found) else math.nan:.0f} "
        f"| {float(np.median(found)) if len(found) else math.nan:.0f} "
        f"| {auc(found.tolist()):.3f} | {auc(all_errs):.3f} | {acc_gold:.3f} "
        f"| {n_articles / sc.seconds if sc.seconds else math.nan:.1f} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=["lgl", "geovirus", "both"], default="both")
    ap.add_argument("--limit", type=int, default=0, help="first N articles only")
    ap.add_argument("--offset", type=int, default=0, help="skip the first N articles")
    ap.add_argument("--no-nlp", action="store_true", help="rules only, without spaCy")
    ap.add_argument("--demonyms", choices=["auto", "count", "skip"], default="auto")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(
            f"error: the corpora folder {SHARED} is absent; this evaluation needs "
            "../shared/data/geoparse (lgl.xml, GeoVirus.xml) beside the repository.",
            file=sys.stderr,
        )
        return 2
    nlp = False if args.no_nlp else load_ner()

    def detect(text: str) -> list[Mention]:
        return find_toponyms(text, nlp=nlp)

    print(
        "| corpus | articles | gold | det P | det R | det F1 | acc@161 (e2e) "
        "| mean km | median km | AUC | AUC all | acc@161 gold spans | art/s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    corpora = [
        ("LGL", "lgl.xml", read_lgl, True),
        ("GeoVirus", "GeoVirus.xml", read_geovirus, False),
    ]
    notes: list[str] = []
    for name, fname, reader, dem in corpora:
        if args.corpus not in ("both", name.lower()):
            continue
        arts = reader(SHARED / fname)[args.offset :]
        if args.limit:
            arts = arts[: args.limit]
        demonyms = dem if args.demonyms == "auto" else args.demonyms == "count"
        sc = evaluate(arts, demonyms=demonyms, detect=detect, errors=args.errors)
        print(row(name, sc, len(arts)), flush=True)
        for line in sc.bad:
            print("   ", line)
        notes.append(diagnosis(name, sc))
    print()
    for line in notes:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
