"""``geosleuth profile``: a geographic profile (CGT or DPM) of an event set.

The command's options, their checks (:func:`parse_truth`; an option of the
other method is refused) and the run. Reading the events is in
:mod:`geosleuth.cli._profile_events`, the study area's warnings in
:mod:`geosleuth.cli._profile_area`, and the files and texts written in
:mod:`geosleuth.cli._profile_outputs`.
"""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from geosleuth.cli import (
    app,
    console,
    err_console,
    guarded,
    progress_shown,
    shown_warnings,
)
from geosleuth.cli._profile_area import (
    BOTH_NAMES,
    about_events,
    farthest_text,
    stretch,
    stretch_text,
    stretched_caveat,
    swap_stretch_text,
    swapped_stretching,
    warn_of_a_wide_buffer,
)
from geosleuth.cli._profile_events import (
    OnInvalid,
    check_dpm_weights,
    empty_rows_note,
    events_of_positive_weight,
    left_out_text,
    unused_weight_columns,
    unused_weight_note,
)
from geosleuth.cli._profile_outputs import (
    HIT_SCORE_ROUNDING,
    cells_at_least_as_high,
    convergence_hint,
    length_text,
    profile_geojson,
    profile_png,
    truth_record,
    truth_text,
    written_hit_score_pct,
    written_truth,
)
from geosleuth.errors import EvidenceWarning, GeosleuthWarning, InputError
from geosleuth.profile import (
    DPMProfiler,
    cgt_scores,
    estimate_cgt_buffer_km,
    study_area_grid,
)
from geosleuth.profile.dpm import FIXED_SHAPE, LEAST_KM, MOST_KM
from geosleuth.profile.study_area import ACCURATE_KM
from geosleuth.report.files import case_reference, write_all_atomic

__all__ = ["parse_truth", "profile"]


def parse_truth(text: str) -> tuple[float, float]:
    """Parse ``"LON,LAT"`` (degrees) into a ``(lon, lat)`` pair.

    Raises
    ------
    InputError
        If it is not two numbers within lon -180..180 and lat -90..90.

    Examples
    --------
    >>> parse_truth("-0.1366, 51.5133")
    (-0.1366, 51.5133)
    """
    parts = text.split(",")
    try:
        lon, lat = (float(p) for p in parts)
    except ValueError:
        raise InputError(
            f"--truth must be LON,LAT in degrees (e.g. -0.1366,51.5133). Got {text!r} "
            "instead.",
            field="--truth",
        ) from None
    if not (
        math.isfinite(lon)
        and math.isfinite(lat)
        and -180 <= lon <= 180
        and -90 <= lat <= 90
    ):
        swapped = -90 <= lon <= 90 and -180 <= lat <= 180
        raise InputError(
            f"--truth must be a longitude in -180..180 and a latitude in -90..90. Got "
            f"{text!r} instead{' (lon and lat swapped?)' if swapped else ''}.",
            field="--truth",
        )
    return lon, lat


#: Options of one method only, by the method they apply to.
_METHOD_OPTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "dpm": (
        ("seed", "--seed"),
        ("chains", "--chains"),
        ("samples", "--samples"),
        ("burnin", "--burnin"),
        ("sigma_km", "--sigma-km"),
        ("sigma_shape", "--sigma-shape"),
        ("tau_km", "--tau-km"),
    ),
    "cgt": (("buffer_km", "--buffer-km"),),
}


def _check_method_options(ctx: typer.Context, method: str) -> None:
    """Refuse an option given for the other method: it would be ignored."""
    for other, options in _METHOD_OPTIONS.items():
        if other == method:
            continue
        for name, flag in options:
            # by name: typer may carry its own copy of click's enum
            source = getattr(ctx.get_parameter_source(name), "name", None)
            if source in ("COMMANDLINE", "ENVIRONMENT"):
                raise InputError(
                    f"{flag} applies to --method {other} only; --method {method} "
                    f"would ignore it. Leave it out, or give --method {other}.",
                    field=flag,
                )


@app.command("profile")
@guarded
def profile(
    ctx: typer.Context,
    events_csv: Annotated[
        Path,
        typer.Argument(
            metavar="EVENTS_CSV",
            exists=True,
            dir_okay=False,
            readable=True,
            help="CSV of events: lon/lat columns (or longitude/latitude, lng, "
            "latitud/longitud, Breitengrad/Längengrad ...; others by "
            "--lon-column/--lat-column), degrees.",
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", help="Directory for profile.json/.geojson/.png."),
    ],
    method: Annotated[
        Literal["cgt", "dpm"],
        typer.Option("--method", help="cgt (Rossmo) or dpm (Bayesian, Verity 2014)."),
    ] = "dpm",
    truth: Annotated[
        list[str] | None,
        typer.Option(
            "--truth",
            help="A known source as LON,LAT (repeatable): its hit score is "
            "reported, the share of the study area scoring at least as high as its "
            "cell (lower is better).",
        ),
    ] = None,
    weight_column: Annotated[
        str | None,
        typer.Option(
            "--weight-column",
            help="Column of event weights, as counts (e.g. deaths at an address). "
            "Rows of weight 0 are left out (they carry no evidence of the source, "
            "so they set neither the study area nor the buffer nor the priors). "
            "CGT scales each event by w and uses only the ratios of the weights; "
            "the DPM reads weight w as w events at one place and takes weights "
            "from 1e-9 to 1e9.",
        ),
    ] = None,
    lon_column: Annotated[
        str | None,
        typer.Option(
            "--lon-column",
            help="Column of the longitudes, for a header that names it otherwise "
            "than lon, longitude, lng, long, longitud, Längengrad or Länge "
            "(case-insensitive).",
        ),
    ] = None,
    lat_column: Annotated[
        str | None,
        typer.Option(
            "--lat-column",
            help="Column of the latitudes, for a header that names it otherwise "
            "than lat, latitude, latitud, Breitengrad or Breite (case-insensitive).",
        ),
    ] = None,
    n_side: Annotated[
        int,
        typer.Option("--n-side", min=2, help="Cells along the study area's long side."),
    ] = 400,
    cell_km: Annotated[
        float | None,
        typer.Option("--cell-km", help="Cell side in km (overrides --n-side)."),
    ] = None,
    margin: Annotated[
        float,
        typer.Option(
            "--margin",
            min=0.0,
            max=9.99,
            help="Margin on each side, as a fraction of the events' box (0 to 9.99).",
        ),
    ] = 0.10,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Random seed (dpm).")] = 0,
    chains: Annotated[
        int, typer.Option("--chains", min=2, help="MCMC chains (dpm).")
    ] = 4,
    samples: Annotated[
        int, typer.Option("--samples", min=10, help="Kept sweeps per chain (dpm).")
    ] = 250,
    burnin: Annotated[
        int, typer.Option("--burnin", min=0, help="Burn-in sweeps per chain (dpm).")
    ] = 150,
    sigma_km: Annotated[
        float | None,
        typer.Option(
            "--sigma-km",
            help="Prior mean of the dispersal sigma, km (dpm; default: a quarter of "
            "the events' extent). Set it from what is known of how far events fall "
            "from a source.",
        ),
    ] = None,
    sigma_shape: Annotated[
        float,
        typer.Option(
            "--sigma-shape",
            help="Shape of the inverse-gamma prior on sigma² (dpm, > 1): larger holds "
            "sigma closer to --sigma-km; 'inf' (or 1e12 and more) fixes it there.",
        ),
    ] = 2.0,
    tau_km: Annotated[
        float | None,
        typer.Option(
            "--tau-km",
            help="Spread of the prior on source locations, km (dpm; default: the "
            "largest distance from the box centre to an event).",
        ),
    ] = None,
    buffer_km: Annotated[
        float | None,
        typer.Option(
            "--buffer-km",
            help="CGT buffer zone radius, km. Like all of CGT's distances "
            "(Rossmo's), a Manhattan distance: |dx| + |dy| in the study area's "
            "equal-area plane. Default: half the events' mean Manhattan "
            "nearest-neighbour distance.",
        ),
    ] = None,
    top_cells: Annotated[
        int, typer.Option("--top-cells", min=1, help="Cells written to the GeoJSON.")
    ] = 500,
    on_invalid: Annotated[
        OnInvalid,
        typer.Option(
            "--on-invalid",
            help="A row that cannot be an event (no coordinates, as an ungeocoded "
            "case; a value that is not a number or out of range): stop with an "
            "error (raise), or "
            "leave it out with a warning naming its line and why (warn) or without "
            "(skip); profile.json lists and counts the rows left out.",
        ),
    ] = "raise",
) -> None:
    """Profile an event set to find the source (base) behind the events.

    The study area is the events' bounding box plus a margin (--margin, by default
    10 % of its width on the west and east, of its height on the south and north),
    cut into square equal-area cells, --n-side along its longer side (or of
    --cell-km, which must leave 2 cells or more; rounding up to whole cells is said
    when it grows the area by more than 1 %). It must be smaller than a hemisphere,
    and events more than 600 km from its centre are warned of, naming the farthest
    rows; a set whose events all lie within 1 m of each other is one place, and
    refused (two events at one address are two events). An event far from the others
    that lies among them with lon and lat exchanged is warned of ("lon and lat
    swapped on line 7?") and kept, widening the study area (a real far event near
    the diagonal lon = lat looks the same: exchange its lon and lat, or remove it,
    if it is swapped); a few events that make the study area 10 times larger or more
    are warned of by line, with the area and cells with and without them, in the one
    warning of the swap where they are the rows that look swapped, and a --truth's
    hit score over such an area is marked "not comparable" in the table and
    profile.json; rows that repeat an earlier row exactly, every field the same, are
    warned of by line and kept (counted in profile.json). A file that is not UTF-8
    is read as Windows-1252 (cp1252), as Excel writes it, with a warning; Excel's
    "sep=;" first line is understood. With --weight-column, rows of weight 0 are
    left out before anything else (the terminal and profile.json say how many);
    without it, a column named like a count (a word of its name is weight(s),
    count(s), cases, deaths, n ...: case_count, n_cases) is said to be unused. A
    decimal comma is read in a ';'- or tab-separated file and in a quoted field
    ("10,5"). Options of the other method (--buffer-km for CGT; --seed, --chains,
    --samples, --burnin, --sigma-km, --sigma-shape, --tau-km for DPM) are refused.
    """
    _check_method_options(ctx, method)
    truths_ll = [parse_truth(t) for t in (truth or [])]
    if out.exists() and not out.is_dir():
        raise InputError(
            f"--out {out} is a file; give a folder for the profile's files.",
            field="--out",
        )
    for flag, value in (
        ("--sigma-km", sigma_km),
        ("--tau-km", tau_km),
        ("--buffer-km", buffer_km),
        ("--cell-km", cell_km),
    ):
        if value is not None and not (math.isfinite(value) and value > 0):
            raise InputError(
                f"{flag} must be a positive number of km. Got {value!r} instead.",
                field=flag,
            )
        if (
            flag in ("--sigma-km", "--tau-km", "--buffer-km")
            and value is not None
            and not LEAST_KM <= value <= MOST_KM
        ):  # the sampler's squares would under- or overflow
            raise InputError(
                f"{flag} must lie between {LEAST_KM:g} km (a millimetre) and "
                f"{MOST_KM:,.0f} km. Got {value!r} instead.",
                field=flag,
            )
    if not sigma_shape > 1:  # also rejects NaN; inf fixes sigma
        raise InputError(
            f"--sigma-shape must be a number > 1 (or inf to fix sigma). Got "
            f"{sigma_shape!r} instead.",
            field="--sigma-shape",
        )
    # what reading said (read as cp1252, rows repeated: review 39) is shown once
    # the events make a study area: an error alone is one line
    with warnings.catch_warnings(record=True) as read_notes:
        warnings.simplefilter("always", GeosleuthWarning)
        events, n_weight_zero = events_of_positive_weight(
            events_csv, weight_column, on_invalid, (lon_column, lat_column)
        )
    if on_invalid == "warn" and events.rejected:
        with shown_warnings():
            for row in events.rejected:
                warnings.warn(
                    f"Left out (--on-invalid warn): {row.reason}",
                    EvidenceWarning,
                    stacklevel=1,
                )
    unused_weights = unused_weight_columns(events, weight_column)
    if method == "dpm" and weight_column is not None:
        check_dpm_weights(events, weight_column)
    with shown_warnings():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", GeosleuthWarning)
            try:
                grid = study_area_grid(
                    events.lons,
                    events.lats,
                    margin=margin,
                    n_side=n_side,
                    cell_km=cell_km,
                )
            except InputError as exc:
                raise about_events(exc, events_csv) from None
        stretched = stretch(events, grid, margin=margin, n_side=n_side, cell_km=cell_km)
        # a swapped row that stretches the area is one warning (review r60)
        swapped = swapped_stretching(events, stretched)
        far_km: float | None = None
        warned: list[str] = []  # for profile.json, as shown
        for note in read_notes:
            if swapped and "lon and lat swapped on line" in str(note.message):
                continue
            warnings.warn(note.message, note.category, stacklevel=1)
            warned.append(str(note.message))
        for said in caught:  # in the user's words, naming the file
            words = BOTH_NAMES.sub(r"\1", str(said.message))
            if "from the study area's centre" in words:
                if (
                    swapped
                    and stretched is not None
                    and stretched.rest_reach_km <= ACCURATE_KM
                ):
                    ex, ey = grid.lonlat_to_xy_km(events.lons, events.lats)
                    far_km = float(np.hypot(ex, ey).max())
                    continue
                words += farthest_text(grid, events)
            warnings.warn(
                f"{words} ({events_csv})",
                said.category,
                stacklevel=1,
            )
            warned.append(f"{words} ({events_csv})")
        if stretched is not None:
            text = (
                swap_stretch_text(stretched, swapped, events, grid, far_km=far_km)
                if swapped
                else f"{stretch_text(stretched, events, grid)} ({events_csv})"
            )
            warnings.warn(text, EvidenceWarning, stacklevel=1)
            warned.append(text)
    ex, ey = grid.lonlat_to_xy_km(events.lons, events.lats)
    cx, cy = grid.cell_xy_km()
    parameters: dict[str, Any] = {}
    dpm_info: dict[str, Any] | None = None
    if method == "cgt":
        try:
            buffer = (
                buffer_km if buffer_km is not None else estimate_cgt_buffer_km(ex, ey)
            )
        except InputError as exc:
            raise about_events(exc, events_csv) from None
        if buffer_km is not None:
            warned.extend(warn_of_a_wide_buffer(buffer_km, grid, ex, ey))
        scores = cgt_scores(ex, ey, cx, cy, buffer_km=buffer, weights=events.weights)
        parameters = {
            "buffer_km": buffer,
            "buffer_rule": "given" if buffer_km is not None else "half mean NN",
            "f": 1.2,
            "g": 1.2,
        }
    else:
        model = DPMProfiler(
            n_chains=chains,
            n_burnin=burnin,
            n_samples=samples,
            sigma_mean_km=sigma_km,
            sigma_squared_shape=sigma_shape,
            tau_km=tau_km,
            rng=seed,
        )
        with Progress(
            TextColumn("DPM sampler"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} sweeps"),
            TimeRemainingColumn(),
            console=err_console,
            transient=True,
            disable=not progress_shown(),
        ) as bar:
            task = bar.add_task("dpm", total=burnin + samples)

            def tick(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            model.fit(
                ex,
                ey,
                cell_x_km=cx,
                cell_y_km=cy,
                weights=events.weights,
                progress=tick,
            )
        scores = model.map_
        parameters = {
            "n_chains": chains,
            "n_burnin": burnin,
            "n_samples": samples,
            "seed": seed,
            "sigma_mean_km": model.sigma_mean_km_,
            "sigma_mean_rule": "given" if sigma_km is not None else "extent / 4",
            "sigma_squared_shape": (
                model.sigma_squared_shape
                if model.sigma_squared_shape < FIXED_SHAPE
                else f"{model.sigma_squared_shape:g} (sigma fixed)"
            ),
            "tau_km": model.tau_km_,
            "tau_rule": "given" if tau_km is not None else "farthest event",
            "alpha_shape": model.alpha_shape,
            "alpha_rate": model.alpha_rate,
        }
        pmf = model.n_sources_pmf_
        dpm_info = {
            "n_sources_pmf": {str(k): float(p) for k, p in enumerate(pmf) if p > 0},
            "n_sources_mode": int(np.argmax(pmf)),
            "n_sources_mean": model.n_sources_mean_,
            "sigma_km": model.sigma_km_,
            "alpha": model.alpha_,
            "rhat": model.rhat_,
            "rhat_max": max(model.rhat_.values()),
            "chain_map_tv": model.chain_map_tv_,
        }
    at_least = cells_at_least_as_high(scores)
    pct = 100.0 * at_least / at_least.size
    # a hit score over a study area a few rows stretch is marked (r105, L8)
    caveat = stretched_caveat(stretched, events, swapped=swapped is not None)
    truths = [
        truth_record(grid, scores, lon, lat, caveat=caveat) for lon, lat in truths_ll
    ]
    # both files round every hit score by one rule (review r105, L9)
    written_truths = [written_truth(t) for t in truths]
    peak = int(np.nanargmax(scores))
    peak_x, peak_y = cx[peak], cy[peak]
    peak_lon, peak_lat = grid.xy_km_to_lonlat(peak_x, peak_y)

    out.mkdir(parents=True, exist_ok=True)
    record: dict[str, Any] = {
        "method": method,
        "events": {
            # from the output folder, as estimate.json names its inputs: a
            # project copied whole names its own copy (review r41, L6)
            "path": case_reference(events_csv, out),
            "n_events": events.n_events,
            "weight_column": weight_column,
            "weighted": events.weights is not None,
            "unused_weight_like_columns": unused_weights,
            "n_weight_zero_left_out": n_weight_zero,
            "on_invalid": on_invalid,
            "n_invalid_rows_left_out": len(events.rejected),
            "invalid_rows_left_out": [
                {"line": row.line, "reason": row.reason} for row in events.rejected
            ],
            "encoding": events.encoding,
            "n_repeated_rows": len(events.repeats),
            "repeated_rows": [
                {"line": line, "repeats_line": first} for line, first in events.repeats
            ],
            "lon_column": lon_column,
            "lat_column": lat_column,
            "n_empty_rows_skipped": len(events.empty_rows),
            "empty_rows_skipped": list(events.empty_rows),
        },
        "parameters": parameters,
        "study_area": {
            "rule": "events' bounding box in the LAEA plane plus a margin on each side",
            "margin": margin,
            "n_side": n_side if cell_km is None else None,
            "area_km2": grid.area_km2,
            # a few events that make it 10 times larger or more (review r60, H1)
            "stretched_by": None if stretched is None else stretched.record,
        },
        "grid": grid.to_dict(),
        "peak": {"lon": float(peak_lon), "lat": float(peak_lat), "cell": peak},
        "truths": written_truths,
        "dpm": dpm_info,
        "warnings": warned,
        "map": {
            "values": "hit_score_pct: % of the study area scoring at least as high, "
            f"{HIT_SCORE_ROUNDING} (as in profile.geojson); exactly 100 * "
            "cells_at_least_as_high / n_cells",
            "order": "row-major from the south-west corner",
            "n_cells": int(at_least.size),
            "hit_score_pct": [written_hit_score_pct(float(v)) for v in pct],
            "cells_at_least_as_high": at_least.tolist(),
        },
    }
    geo = profile_geojson(grid, scores, at_least, written_truths, top_cells=top_cells)
    title = f"geosleuth profile ({method}): {events.n_events} events"
    # made first, then written all or nothing (as 'locate' does): a failure
    # leaves no new profile.json beside an old profile.png, nor half a set
    write_all_atomic(
        {
            out / "profile.json": json.dumps(record, indent=1).encode("utf-8"),
            out / "profile.geojson": json.dumps(geo).encode("utf-8"),
            out / "profile.png": profile_png(
                grid, pct, events, truths, title, peak=(peak_x, peak_y)
            ),
        }
    )

    table = Table(title=f"Geographic profile ({method.upper()})")
    table.add_column("", style="bold")
    table.add_column("value")
    left_out = (
        f" ({len(events.rejected)} invalid row{'s' if len(events.rejected) > 1 else ''}"
        " left out)"
        if events.rejected
        else ""
    )
    weighted = "" if events.weights is None else f", weighted by {weight_column}"
    table.add_row(
        "events", Text(f"{events.n_events} from {events_csv.name}{weighted}{left_out}")
    )
    table.add_row(
        "study area",
        f"{grid.area_km2:.4g} km², {grid.nx} × {grid.ny} cells of "
        f"{length_text(grid.cell_km)}",
    )
    table.add_row("peak (lon, lat)", f"{float(peak_lon):.6f}, {float(peak_lat):.6f}")
    if method == "cgt":
        table.add_row("buffer", length_text(parameters["buffer_km"]))
    if dpm_info is not None:
        table.add_row(
            "sources",
            f"mode {dpm_info['n_sources_mode']}, mean {dpm_info['n_sources_mean']:.2f}",
        )
        table.add_row("sigma", length_text(dpm_info["sigma_km"]))
        table.add_row(
            "R-hat (max)",
            f"{dpm_info['rhat_max']:.3f}, chain map TV {dpm_info['chain_map_tv']:.3f}",
        )
    for t in truths:
        table.add_row(f"truth {t['lon']:.6f}, {t['lat']:.6f}", truth_text(t))
    if unused_weights:
        console.print(Text(unused_weight_note(unused_weights)))
    if events.empty_rows:
        console.print(Text(empty_rows_note(events.empty_rows, events_csv.name)))
    if events.rejected and on_invalid == "skip":
        console.print(
            Text(
                f"{left_out.strip(' ()').capitalize()} of {events_csv.name} "
                "(--on-invalid skip); profile.json lists them with the reasons."
            )
        )
    if n_weight_zero:
        console.print(
            Text(
                f"{left_out_text(n_weight_zero)} (column {weight_column!r}): an "
                "event of weight 0 carries no evidence of the source."
            )
        )
    console.print(table)
    if dpm_info is not None and dpm_info["rhat_max"] > 1.1:
        console.print(
            Text(
                convergence_hint(
                    dpm_info["rhat_max"], sigma_km=sigma_km, sigma_shape=sigma_shape
                ),
                style="yellow",
            )
        )
    console.print(Text(f"Wrote {out / 'profile.json'}, .geojson and .png"))
