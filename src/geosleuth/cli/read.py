"""``geosleuth read``: reports to place mentions and evidence, as JSON and HTML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from geosleuth.cli import app, console, err_console, guarded, shown_warnings
from geosleuth.errors import GazetteerError, InputError
from geosleuth.gazetteer import Gazetteer, Place

__all__ = ["home_of", "read", "unique_name"]


def unique_name(base: str, used: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` ... if taken; the name is added to ``used``.

    Two articles named ``report.txt`` in different folders get ``report`` and
    ``report-2``.

    Examples
    --------
    >>> taken = {"report"}
    >>> unique_name("report", taken), unique_name("report", taken)
    ('report-2', 'report-3')
    """
    name, n = base, 2
    while name in used:
        name, n = f"{base}-{n}", n + 1
    used.add(name)
    return name


def home_of(text: str) -> Place:
    """The place ``--home`` names: "Athens" or "Athens, Texas" (town, state/country).

    Raises
    ------
    GazetteerError
        When a part is not in the gazetteer (with the nearest names).
    """
    gaz = Gazetteer.default()
    name, _, qualifier = (part.strip() for part in text.partition(","))
    if not name:
        raise InputError(f"--home {text!r} names no place.", field="--home")
    for part in (name, qualifier):
        if part and not gaz.knows(part):  # names exactly; near misses are hints
            hints = gaz.suggest(part)
            hint = f" Did you mean {', '.join(map(repr, hints))}?" if hints else ""
            raise GazetteerError(
                f"--home: no place is called exactly {part!r} in the gazetteer.{hint}"
            )
    if not qualifier:
        return gaz.resolve(name)
    where = gaz.resolve(qualifier)
    named = [gaz.place(p) for p, w in gaz.match_ids(name) if w >= 0.9]  # by name
    inside = [
        p
        for p in named
        if p.country == where.country
        and (where.kind != "admin" or p.admin1 == where.admin1)
    ]
    if not inside:
        raise InputError(
            f"--home {text!r}: no place called {name!r} in {where.name}.",
            field="--home",
        )
    return max(inside, key=lambda p: p.population)


@app.command()
@guarded
def read(
    files: Annotated[
        list[Path],
        typer.Argument(
            exists=True,
            dir_okay=False,
            readable=True,
            help="Reports to read: .txt, .md or .html, in any encoding.",
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            file_okay=False,
            help="Folder for <doc>.json and <doc>.html (created if missing).",
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD) of every file; by "
            "default from each page's metadata."
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            help="The person sought, e.g. 'Abu Bakr al-Baghdadi'; by "
            "default the person each text names most often."
        ),
    ] = None,
    max_chars: Annotated[
        int,
        typer.Option(
            min=1,
            help="Characters of text read per file at most; the "
            "rest is cut with a warning.",
        ),
    ] = 200_000,
    home: Annotated[
        str | None,
        typer.Option(
            help="Where the reports come from, e.g. 'Athens, Texas' for a local "
            "paper: a gazetteer name whose town or state is context for every "
            "place name. Given as 'NAME' or 'NAME, STATE-OR-COUNTRY'.",
        ),
    ] = None,
) -> None:
    """Read reports into place mentions and evidence items with provenance.

    Writes DIR/<doc>.json (mentions, evidence, rejected) and DIR/<doc>.html (each
    sentence with what was extracted from it) for every FILE.
    """
    from geosleuth.read.annotate import annotate_html
    from geosleuth.read.document import read_document

    home_place = home_of(home) if home else None
    out.mkdir(parents=True, exist_ok=True)
    table = Table(title="geosleuth read", show_lines=False)
    for col in (
        "document",
        "places",
        "claims",
        "sightings",
        "fronts",
        "life",
        "not used",
        "written",
    ):
        table.add_column(
            col, justify="left" if col in ("document", "written") else "right"
        )
    with Progress(
        console=err_console, transient=True, disable=len(files) < 2
    ) as progress:
        task = progress.add_task("reading", total=len(files))
        used: set[str] = set()
        for path in files:
            progress.update(task, description=f"reading {path.name}")
            with shown_warnings():
                reading = read_document(
                    path,
                    published=published,
                    target=target,
                    max_chars=max_chars,
                    home=home_place,
                )
            stem = unique_name(reading.doc_id, used)
            json_path = out / f"{stem}.json"
            html_path = out / f"{stem}.html"
            json_path.write_text(
                json.dumps(reading.to_dict(), ensure_ascii=False, indent=2),
                encoding="utf-8",
            )
            html_path.write_text(annotate_html(reading), encoding="utf-8")
            kinds = [it.kind for it in reading.evidence]
            table.add_row(
                Text(path.name),
                str(len(reading.mentions)),
                str(kinds.count("claim")),
                str(kinds.count("sighting")),
                str(kinds.count("front")),
                str(kinds.count("life_status")),
                str(len(reading.rejected)),
                Text(f"{json_path.name}, {html_path.name}"),
            )
            progress.advance(task)
    console.print(table)
    console.print(Text(f"Wrote {2 * len(files)} files to {out}"))
