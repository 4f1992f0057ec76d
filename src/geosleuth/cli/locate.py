"""``geosleuth locate``, ``demo`` and ``schema``."""

from __future__ import annotations

import contextlib
import json
import math
import warnings
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from geosleuth.casefile import CASE_SCHEMA
from geosleuth.cli import (
    app,
    check_target,
    console,
    err_console,
    guarded,
    progress_shown,
    shown_warnings,
)
from geosleuth.cli._dates import not_far_ahead, parse_date
from geosleuth.cli.read import (
    LocateSchedulerOption,
    LocateWorkersOption,
    home_of,
    scheduler_of,
    warn_of_unnamed_target,
)
from geosleuth.errors import GeosleuthError, InputError
from geosleuth.evidence import as_of_text, parse_as_of
from geosleuth.fuse import Estimate
from geosleuth.fuse.track import TRACK, TRACK_SEARCHES
from geosleuth.locate import DocumentTally, locate_case
from geosleuth.report import files
from geosleuth.report.text import (
    about_a_source,
    area_kind_text,
    areas_shown,
    headline_lead,
    km2,
    meaningful_place,
    pct,
    percent_down,
    plain,
)

__all__ = [
    "demo",
    "locate",
    "run_locate",
    "schema",
]


def _check_articles_name(
    inputs: Sequence[Path], *, target: str | None, who: str
) -> None:
    """Warn of the articles read now that never name the person sought.

    The person is ``--target``, or else the case file's target (``who``, the
    name the run used); a target inferred from the articles is one they name.
    """
    from geosleuth.read.corpus import CORPUS_SUFFIXES
    from geosleuth.read.text import load_text

    articles = [p for p in inputs if p.suffix.lower() in CORPUS_SUFFIXES]
    from_case = any(p.suffix.lower() in (".yaml", ".yml") for p in inputs)
    name = target or (who if from_case else None)
    if not articles or not name:
        return
    documents = []
    with warnings.catch_warnings():  # what reading them said was said already
        warnings.simplefilter("ignore")
        for path in articles:
            with contextlib.suppress(GeosleuthError):  # read once: it still is
                documents.append((path.name, load_text(path).text))
    warn_of_unnamed_target(
        name,
        documents,
        given="--target" if target else "the case's target",
        inferable=not from_case,
    )


def run_locate(
    inputs: Sequence[Path],
    *,
    out: Path,
    quiet: bool = False,
    **options: Any,
) -> tuple[Estimate, str]:
    """:func:`geosleuth.locate.locate_case` with a spinner on stderr (unless quiet).

    ``options`` are those of :func:`~geosleuth.locate.locate_case`.
    """
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,  # progress is not output: stdout stays clean for pipes
        transient=True,
        disable=quiet or not progress_shown(),
    ) as progress:
        task = progress.add_task("Reading the evidence", total=None)
        return locate_case(
            inputs,
            out=out,
            stage=lambda what: progress.update(task, description=what),
            **options,
        )


def _stored_record(out: Path) -> dict[str, Any]:
    """The estimate.json a run just wrote to ``out``: what it stored beyond ``est``."""
    record = json.loads((out / "estimate.json").read_text(encoding="utf-8"))
    return record if isinstance(record, dict) else {}


def _items_line(est: Estimate, n_not_counted: int, n_other_person: int = 0) -> str:
    """How many items were used, left out, and read but not counted.

    The words of report.html: "left out" (by the fusion, in the evidence table,
    with why; and the ``n_other_person`` items of readings made for another
    person, set aside before it) and "read but not counted" (items read from
    articles that repeat the case's), so that the line agrees with the warnings.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> _items_line(NS(used=("a", "b"), excluded=(("c", "why"),)), 14)
    'items used: 2, left out: 1, read but not counted: 14'
    >>> _items_line(NS(used=("a",), excluded=()), 0)
    'items used: 1, left out: 0'
    >>> _items_line(NS(used=("a",), excluded=(("c", "why"),)), 0, 2)
    'items used: 1, left out: 3 (2 read for another person)'
    """
    n_out = len(est.excluded) + n_other_person
    line = f"items used: {len(est.used)}, left out: {n_out}"
    if n_other_person:
        line += f" ({n_other_person} read for another person)"
    return line + (f", read but not counted: {n_not_counted}" if n_not_counted else "")


def _documents_line(tally: DocumentTally, n_used: int) -> str:
    """How many documents gave the items used, and what the others gave.

    ``n_used`` is the number of items used in all (the case file's too). Each
    document counts once, however many files give it (review r51, L2).

    Examples
    --------
    >>> t = DocumentTally(301, used=1, items_used=16, others=37, left_out=0,
    ...                   none=263)
    >>> _documents_line(t, 16)
    '16 items used from 1 of 301 documents; 37 read for another person, 263 gave no evidence of the target'
    >>> _documents_line(DocumentTally(2, 1, 1, 0, 1, 0), 4)
    '1 item used from 1 of 2 documents (3 from the case file); 1 gave only items left out'
    >>> _documents_line(DocumentTally(1, 1, 2, 0, 0, 0), 2)
    '2 items used from 1 of 1 document'
    """  # noqa: E501
    t = tally
    line = (
        f"{t.items_used} item{'' if t.items_used == 1 else 's'} used from {t.used} "
        f"of {t.documents} document{'' if t.documents == 1 else 's'}"
    )
    if n_used > t.items_used:
        line += f" ({n_used - t.items_used} from the case file)"
    rest = [
        f"{n} {what}"
        for n, what in (
            (t.others, "read for another person"),
            (t.left_out, "gave only items left out"),
            (t.none, "gave no evidence of the target"),
        )
        if n
    ]
    return line + ("; " + ", ".join(rest) if rest else "")


def _timeline_lines(record: dict[str, Any]) -> list[str]:
    """What the estimate and its timeline are, and the command that gives a point.

    A timeline is a hindcast (points from the items dated by each, whenever
    published, of those known on the estimate's ``known_by``) or as known on
    each date (review r63, M1): the record's ``timeline_mode``.

    Examples
    --------
    >>> _timeline_lines({"as_of": "2018-05-15", "known_by": "2018-05-15",
    ...                  "timeline_mode": "event"})  # doctest: +NORMALIZE_WHITESPACE
    ["timeline: hindcast (items dated by each point, known by 2018-05-15); each
      point is 'locate --as-of DATE --known-by 2018-05-15'"]
    >>> _timeline_lines({"as_of": "2023-06-10", "timeline_mode": "known"})[0][:47]
    'timeline: as known on each date; with a case re'
    >>> _timeline_lines({"as_of": "2023-04-01", "known_by": "2023-06-10",
    ...                  "timeline_mode": "event"})[0]
    'hindcast: every item dated by 2023-04-01 and published by 2023-06-10'
    """
    as_of = str(record.get("as_of", ""))
    known_by = str(record.get("known_by") or as_of)
    lines = []
    if known_by != as_of:
        lines.append(
            f"hindcast: every item dated by {as_of} and published by {known_by}"
        )
    mode = record.get("timeline_mode")
    if mode == "event":
        lines.append(
            f"timeline: hindcast (items dated by each point, known by {known_by}); "
            f"each point is 'locate --as-of DATE --known-by {known_by}'"
        )
    elif mode == "known":
        lines.append(
            "timeline: as known on each date; with a case region, each point is "
            "'locate --as-of DATE'"
        )
    return lines


def _set_aside_counts(record: dict[str, Any]) -> tuple[int, int]:
    """Items a run set aside, from its record: (read but not counted, left out).

    Those left out are the items of readings made for another person
    (:data:`geosleuth.report.files.OTHER_PERSON`), the rest repeats of case items.
    """
    reasons = [
        e.get("reason") if isinstance(e, dict) else None
        for e in record.get("set_aside") or ()
    ]
    others = files.n_other_person(reasons)
    return len(reasons) - others, others


def _movers(est: Estimate, n: int = 5) -> list[str]:
    """The ``n`` items (or whole tracks) that move the map most, as shown.

    Items that move nothing (life status) are no answer to "which move it". The
    fixes of a track too long to leave out one by one share the whole track's
    shift (``Contribution.whole``): it is shown once, for the track, as is its
    searches' shared shift.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> from geosleuth.fuse import Contribution
    >>> fix = [Contribution(f"f{k}", "sighting", 0.5, 0.0, whole="track")
    ...        for k in range(3)]
    >>> cs = [Contribution("a", "claim", 0.1, 0.0), *fix]
    >>> _movers(NS(contributions=cs))
    ['the track of 3 fixes (0.50)', 'a (0.10)']
    """
    sizes = Counter(c.whole for c in est.contributions if c.whole is not None)
    shown: list[tuple[float, str]] = []
    wholes: set[str] = set()
    for c in est.contributions:
        if c.map_shift <= 0:
            continue
        if c.whole is None:
            shown.append((c.map_shift, f"{plain(c.item_id)} ({c.map_shift:.2f})"))
        elif c.whole not in wholes:
            wholes.add(c.whole)
            if c.whole == TRACK:
                what = f"the track of {sizes[c.whole]} fixes"
            elif c.whole == TRACK_SEARCHES:
                what = f"the {sizes[c.whole]} searches on the track"
            else:
                what = f"the group {plain(c.whole)} ({sizes[c.whole]} items)"
            shown.append((c.map_shift, f"{what} ({c.map_shift:.2f})"))
    shown.sort(key=lambda s: -s[0])
    return [text for _, text in shown[:n]]


def _areas_summary(est: Estimate) -> None:
    """Print the areas named in the evidence.

    Ranked places are discs around points: an area an item names (a state) is
    never one, however much of the map it holds (review r63, M4). The table
    shows those holding 1 % or more and the 5 best
    (:func:`~geosleuth.report.text.areas_shown`); nothing without such areas.
    Whether one holds more than the best place is said first, under the
    title (:func:`~geosleuth.report.text.headline_lead`).
    """
    shown = areas_shown(est)
    if not shown:
        return
    table = Table(title=Text("Areas named in the evidence"), title_justify="left")
    table.add_column("area")
    table.add_column("P(inside)", justify="right")
    table.add_column("size", justify="right")
    for a in shown:
        table.add_row(
            Text(plain(a.name) + area_kind_text(a)), pct(a.probability), km2(a.area_km2)
        )
    console.print(table)
    hidden = len(est.named_areas) - len(shown)
    if hidden:
        console.print(
            f"{hidden} more, each holding less than 1 %, in estimate.json "
            "(named_areas)."
        )


def _summary(
    est: Estimate,
    *,
    target: str,
    out: Path,
    documents: DocumentTally | None = None,
) -> None:
    """Print the ranked places and totals; names from the case are shown as text.

    Names, ids and paths come from the user's files, so none is read as Rich
    markup ("Cell [B]" stays as it is, and "[/]" cannot break the output).
    From the estimate.json the run wrote to ``out`` (the record only: its items
    need not be rebuilt) come the search plan as stored, which verify
    recomputes, the items read but not counted and those left out as another
    person's (the run's ``set_aside``, :func:`_set_aside_counts`), and the
    hindcast and timeline (:func:`_timeline_lines`); ``documents`` is what
    became of the documents' items, said under the totals
    (:func:`_documents_line`).
    """
    record = _stored_record(out)
    plan = record.get("plan")
    n_not_counted, n_other_person = _set_aside_counts(record)
    title = Text(f"Where is {plain(target)}? (as of {as_of_text(est.as_of)})")
    # where the ranked places mislead (an area holds more, or the best place
    # under 1 %), what the map says comes first (review r85, M2)
    lead = headline_lead(est)
    if lead:
        console.print(title)
        console.print(Text(lead + "."))
        title = Text("Ranked places")
    if est.places:
        table = Table(title=title, title_justify="left")
        table.add_column("place")
        table.add_column(
            f"P(within {est.settings.place_radius_km:g} km)", justify="right"
        )
        table.add_column("in 90% area", justify="center")
        for p in est.places[:10]:
            table.add_row(
                Text(plain(p.name)), pct(p.probability), "yes" if p.in_hdr90 else "no"
            )
        console.print(table)
    else:
        if not lead:
            console.print(title)
        console.print(
            "No named places to rank: no sighting or claim names a place that is "
            "a point (its 'place' given by name, not as {lon, lat}), and no place "
            "under 'places' has 'rank: true'. The map and the areas below hold "
            "all the same.",
            soft_wrap=True,
        )
    _areas_summary(est)
    source = about_a_source(est)
    life = "" if source else f"P(alive) = {pct(est.p_alive)}   "
    items = _items_line(est, n_not_counted, n_other_person)
    console.print(
        f"{life}50% area = {km2(est.hdr_km2['50'])}   "
        f"90% area = {km2(est.hdr_km2['90'])}   {items}"
    )
    if documents is not None:
        console.print(_documents_line(documents, len(est.used)))
    for line in _timeline_lines(record):
        console.print(Text(line))
    if source:
        console.print(
            "The evidence is event sets (a source's, not a person's): no P(alive). "
            "The map ranks where the source may be; its areas depend on the study "
            "region as much as on the events.",
            soft_wrap=True,
        )
    if est.search_miss is not None:
        console.print(
            f"Searches: all would have missed with probability {pct(est.search_miss)}"
            f" were the target in the region; P(outside the region) = "
            f"{pct(est.p_outside)} (rest_of_world {est.settings.rest_of_world:g} "
            "before them). The figures above are given the target is in the region."
        )
    elif est.p_outside > 0:
        console.print(
            f"P(outside the region) = {pct(est.p_outside)} (rest_of_world "
            f"{est.settings.rest_of_world:g}). The figures above are given the "
            "target is in the region."
        )
    rng = est.top_place_range()
    if rng is not None:
        console.print(
            Text(
                f"{plain(est.places[0].name)}: {pct(est.places[0].probability)}, "
                f"between {pct(rng[0])} and {pct(rng[1])} when any one item is "
                "left out"
                + ("" if meaningful_place(est) else " (under 1 %: not a likely place)")
            ),
        )
    top = _movers(est)
    if top:
        console.print(Text("Items that move the map most: " + ", ".join(top)))
    if plan is not None:
        console.print(
            f"Search plan: {plan['budget_km']:g} km of track at a sweep width of "
            f"{plan['sweep_width_km']:g} km over {plan['cells_searched']} cells finds "
            "the target with probability "
            f"{percent_down(plan['probability_of_success'], decimals=1)} "
            f"(P(outside the region) {pct(plan['rest_of_world'])}); shown in "
            "report.html. "
            "'geosleuth plan' writes it for field teams (GeoJSON, CSV, GPX, KML)."
        )
    console.print(
        Text(
            f"Wrote {out}/estimate.json, estimate.geojson, report.html, map.png, "
            "posterior.npz"
        ),
    )


@app.command()
@guarded
def locate(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            metavar="INPUTS",
            help="A case file (.yaml), articles (.txt, .md, .html) and/or what "
            "'geosleuth read' wrote (<doc>.json, evidence.json: read already).",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output folder.", file_okay=False)
    ] = Path("geosleuth-out"),
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Estimate as of this date (YYYY-MM-DD: the end of that day), or "
            "a time of day on it (YYYY-MM-DDTHH:MM, the case's one clock); only "
            "evidence known by then is used. Default: the case's as_of, else the "
            "newest evidence.",
        ),
    ] = None,
    known_by: Annotated[
        str | None,
        typer.Option(
            "--known-by",
            help="A hindcast: the map as of --as-of from every item dated by then "
            "and published by this later date (YYYY-MM-DD), as a point of the "
            "timeline of a run as of that date is when the summary calls that "
            "timeline a hindcast. Default: only what was published by --as-of.",
        ),
    ] = None,
    target: Annotated[
        str | None, typer.Option(help="Who is sought (articles).")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD) of every article, in the stead of "
            "their own (their metadata, their front matter's 'date:'; a file whose "
            "own date differs is warned of). Left out, each keeps its own, and one "
            "that gives none takes its dateline's day, or is warned of."
        ),
    ] = None,
    cell_km: Annotated[
        float | None,
        typer.Option(
            help="Cell size in km. Default: the case's grid.cell_km; else the "
            "smallest of 1, 2, 2.5 or 5 x 10^k km that keeps the grid to at most "
            "max_cells (250,000 unless the case's grid says otherwise), so often "
            "far fewer cells."
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Print nothing on standard output (no table, totals or file list); "
            "the files are still written to --out, and warnings and errors still "
            "go to standard error.",
        ),
    ] = False,
    budget_km: Annotated[
        float | None,
        typer.Option(help="Show the optimal search plan for this much track (km)."),
    ] = None,
    sweep_width_km: Annotated[
        float | None,
        typer.Option(help="Effective sweep width of the searchers (km), for the plan."),
    ] = None,
    home: Annotated[
        str | None,
        typer.Option(
            help="Where the articles come from, e.g. 'Athens, Texas' for a local "
            "paper: context for every place name they give (as in 'read --home')."
        ),
    ] = None,
    workers: LocateWorkersOption = None,
    scheduler: LocateSchedulerOption = None,
) -> None:
    """Fuse the evidence into a probability map and write the report.

    Writes estimate.json, estimate.geojson, report.html, map.png and posterior.npz to
    OUT and prints the ranked places, P(alive) and the 50 % / 90 % areas.
    """
    check_target(target)
    if cell_km is not None and not (cell_km > 0 and math.isfinite(cell_km)):
        raise InputError(
            f"--cell-km must be a positive number. Got {cell_km}.", field="--cell-km"
        )
    if (budget_km is None) != (sweep_width_km is None):
        raise InputError(
            "Give both --budget-km and --sweep-width-km to plan the search, or "
            "neither.",
            field="--budget-km",
        )
    if budget_km is not None and sweep_width_km is not None:
        from geosleuth.cli.plan import check_plan_options

        check_plan_options(budget_km, sweep_width_km, 0.0)
    how, n_workers = scheduler_of(workers, scheduler)
    tallies: list[DocumentTally] = []
    with shown_warnings():
        est, who = run_locate(
            inputs,
            documents=tallies.append,
            scheduler=how,
            workers=n_workers,
            budget_km=budget_km,
            sweep_width_km=sweep_width_km,
            out=out,
            as_of=parse_as_of(as_of, "--as-of", parse_date),
            known_by=parse_date(known_by, "--known-by"),
            target=target,
            published=not_far_ahead(
                parse_date(published, "--published"), "--published"
            ),
            cell_km=cell_km,
            quiet=quiet,
            home=home_of(home) if home else None,
        )
        _check_articles_name(inputs, target=target, who=who)
    if not quiet:
        _summary(est, target=who, out=out, documents=tallies[0] if tallies else None)


def bundled_example(name: str = "seed-baghdadi-2018.yaml") -> Path:
    """Path of a bundled example case file, by its file name.

    Raises
    ------
    InputError
        If ``name`` is not one of the bundled examples (listed in the message);
        a path ("../x.yaml") is never followed out of the examples folder.

    Examples
    --------
    >>> bundled_example("missing-hiker.yaml").name
    'missing-hiker.yaml'
    >>> bundled_example("hiker.yaml")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: There is no bundled example 'hiker.yaml'; ...
    """
    folder = Path(str(resources.files("geosleuth") / "examples"))
    known = sorted(p.name for p in folder.glob("*.yaml"))
    if name not in known:
        raise InputError(
            f"There is no bundled example {name!r}; the examples are "
            f"{', '.join(known)}. Run 'geosleuth locate FILE' for a case of your own.",
            field="--example",
        )
    return folder / name


@app.command()
@guarded
def demo(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output folder.", file_okay=False)
    ] = Path("geosleuth-demo"),
    example: Annotated[
        str,
        typer.Option(
            help="Bundled example: seed-baghdadi-2018.yaml or missing-hiker.yaml."
        ),
    ] = "seed-baghdadi-2018.yaml",
) -> None:
    """Run locate on a bundled example (default: the 2018 al-Baghdadi seed case)."""
    path = bundled_example(example)
    console.print(Text(f"Example case: {path}"))
    with shown_warnings():
        est, who = run_locate([path], out=out)
    _summary(est, target=who, out=out)
    console.print(Text(f"Open {out / 'report.html'} in a browser."))


@app.command()
@guarded
def schema() -> None:
    """Print the JSON Schema of case files."""
    typer.echo(json.dumps(CASE_SCHEMA, indent=2))
