"""``geosleuth read``: reports to place mentions and evidence, as JSON and HTML."""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from geosleuth.cli import (
    app,
    check_target,
    console,
    err_console,
    guarded,
    progress_shown,
    shown,
    shown_warnings,
)
from geosleuth.cli._dates import not_far_ahead, parse_date
from geosleuth.cli._home import home_of
from geosleuth.errors import EvidenceWarning, InputError

if TYPE_CHECKING:
    from geosleuth.read.document import Reading

__all__ = ["home_of", "read", "scheduler_of", "warn_of_unnamed_target"]

#: What --workers N means with --scheduler, for read and locate alike.
_PAIR = (
    "With --scheduler threads or processes, N is the number of that local "
    "scheduler's threads or processes (default: one a core); with a cluster, "
    "serial or synchronous it is refused."
)
#: Help of read's --workers and --scheduler.
WORKERS_HELP = (
    "Read the documents in N local processes (with Dask: pip install "
    "'geosleuth\\[dask]'); each loads the language model once, a few seconds. " + _PAIR
)
SCHEDULER_HELP = (
    "Read the documents on a Dask cluster, given by its scheduler's address "
    "(tcp://10.0.0.5:8786); or on a local Dask scheduler: serial, synchronous, "
    "threads, processes (with --workers N: N threads or processes)."
)
#: Help of locate's --workers and --scheduler: it reads articles, then also
#: estimates the timeline's points and the contributions so.
LOCATE_WORKERS_HELP = (
    "Read the articles and estimate the timeline's points in N local processes "
    "(with Dask: pip install 'geosleuth\\[dask]'; each loads the language model "
    "once, a few seconds), and compute each item's contribution on N threads. " + _PAIR
)
LOCATE_SCHEDULER_HELP = (
    "Read the articles and estimate the timeline's points on a Dask cluster, "
    "given by its scheduler's address (tcp://10.0.0.5:8786); or on a local Dask "
    "scheduler: serial, synchronous, threads, processes (with --workers N: N "
    "threads or processes). With threads, processes or a cluster, each item's "
    "contribution is computed on this machine's threads."
)
#: The --workers and --scheduler options, as read declares them.
WorkersOption = Annotated[
    int | None, typer.Option(min=1, metavar="N", help=WORKERS_HELP)
]
SchedulerOption = Annotated[
    str | None, typer.Option(metavar="ADDRESS", help=SCHEDULER_HELP)
]
#: ... and as locate declares them.
LocateWorkersOption = Annotated[
    int | None, typer.Option(min=1, metavar="N", help=LOCATE_WORKERS_HELP)
]
LocateSchedulerOption = Annotated[
    str | None, typer.Option(metavar="ADDRESS", help=LOCATE_SCHEDULER_HELP)
]


def scheduler_of(workers: int | None, scheduler: str | None) -> tuple[str, int | None]:
    """The ``scheduler`` and ``workers`` of :func:`~geosleuth.read.read_corpus`.

    From the ``--workers`` and ``--scheduler`` options: neither reads in a loop,
    ``--workers N`` in N local processes (one is the loop), ``--scheduler`` on
    that scheduler (with ``--workers``, only "threads" or "processes").

    Raises
    ------
    InputError
        ``--workers`` with a cluster's address, or with "serial" or "synchronous".

    Examples
    --------
    >>> scheduler_of(None, None), scheduler_of(2, None), scheduler_of(1, None)
    (('serial', None), ('processes', 2), ('serial', None))
    >>> scheduler_of(None, "tcp://10.0.0.5:8786")
    ('tcp://10.0.0.5:8786', None)
    """
    if scheduler is None:
        return ("serial", None) if workers in (None, 1) else ("processes", workers)
    if workers is not None and scheduler not in ("threads", "processes"):
        raise InputError(
            "--workers sets the number of local threads or processes; it does not "
            f"apply to --scheduler {scheduler!r}"
            + (
                " (one thread, in this process). "
                if scheduler in ("serial", "synchronous")
                else " (a cluster has its own workers). "
            )
            + "Give one or the other.",
            field="--workers",
        )
    return scheduler, workers


@app.command()
@guarded
def read(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            file_okay=False,
            help="Folder for <doc>.json, <doc>.html and evidence.json (created if "
            "missing). Readings an earlier run left there are kept, with a warning "
            "that names them; the hidden temporary files of a run killed while "
            "writing there are removed (not while another run writes there).",
        ),
    ],
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            exists=True,
            dir_okay=False,
            readable=True,
            show_default=False,
            metavar="FILES",
            help="Reports to read: .txt, .md or .html, in any encoding (one that "
            "is not UTF-8 and not named by a byte-order mark or an HTML <meta "
            "charset> is guessed, Windows-1252 first, with a warning).",
        ),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            file_okay=False,
            readable=True,
            metavar="DIR",
            help="Read every .txt, .md, .markdown, .html and .htm file under DIR "
            "(recursively, in sorted order), with any FILES given; but for the "
            "--out folder and the pages geosleuth wrote, left out with a warning. "
            "A broken link there is a file that cannot be read (--on-invalid).",
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD) of every file, in the stead of "
            "its own (a file whose own date differs is warned of); by default "
            "from each page's metadata or each Markdown or text file's front "
            "matter ('date:'), else its dateline's day ('CUCUTA, Oct. 19 "
            "(Reuters) -'). A date more than a year after today is refused as a "
            "typo."
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
            "place name. Given as 'NAME', 'NAME, STATE-OR-COUNTRY' (a US state by "
            "name or code: 'Athens, Georgia', 'Athens, GA') or 'NAME, STATE, "
            "COUNTRY'. A name that is both a country and a state is tried as each.",
        ),
    ] = None,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    on_invalid: Annotated[
        Literal["raise", "warn", "skip"],
        typer.Option(
            "--on-invalid",
            help="A file that cannot be read as text, or a folder of --corpus that "
            "cannot be listed: stop with an error (raise), or leave it out with a "
            "warning (warn) or without (skip); the summary and evidence.json list "
            "what was left out.",
        ),
    ] = "raise",
    fresh: Annotated[
        bool,
        typer.Option(
            "--fresh",
            help="Read every file again. By default a file whose <doc>.json in "
            "--out was read from the same file (name and bytes), with the same "
            "options and the same geosleuth reader (and, for a reading that "
            "depended on the day, today) is taken from there, as a fresh "
            "reading would give it, and the summary says how many were.",
        ),
    ] = False,
) -> None:
    """Read reports into place mentions and evidence items with provenance.

    Writes DIR/<doc>.json and DIR/<doc>.html (each sentence with what was
    extracted from it) for every FILE, and DIR/evidence.json (every document's
    evidence items, for 'geosleuth locate'). A <doc>.json holds doc_id, source,
    title, published, target, text, sentences, mentions (the places named),
    evidence (the items), rejected (what was seen and set aside, with the
    reason: the table's 'rejected' column), unused (the sentences about the
    target that gave nothing, neither an item nor a reason) and notes.
    evidence.json records with each document what its reading depends on
    (read_with: the reader, the file's and the text's SHA-256, the options),
    by which a rerun into DIR takes the readings that would come out the same
    instead of reading those files again, and the warnings its reading gave,
    which a rerun that takes it gives again.
    """
    from geosleuth.read.annotate import annotate_html
    from geosleuth.read.corpus import (
        RejectedDocument,
        _read_outputs_in,
        corpus_files,
        evidence_record,
        read_corpus,
        unique_name,
    )
    from geosleuth.report.files import temporaries_in, write_all_atomic

    paths = list(files or [])
    unlisted: list[RejectedDocument] = []  # folders of the corpus not read
    if corpus is not None:
        with shown_warnings():  # what is left out: geosleuth's pages, --out
            paths += corpus_files(
                corpus, exclude=[out], on_invalid=on_invalid, unlisted=unlisted
            )
    if not paths:
        raise typer.BadParameter(
            "nothing to read. Give the reports as FILE arguments, or a folder of "
            "them with --corpus DIR (or both).",
            param_hint="'FILES' / '--corpus'",
        )
    unique: dict[Path, Path] = {}
    for p in paths:  # a file given and also under --corpus is read once
        unique.setdefault(Path(os.path.realpath(p)), p)  # a link that loops too
    paths = list(unique.values())
    check_target(target)
    how, n_workers = scheduler_of(workers, scheduler)
    # checked here to name the option; given on as written, so that a day after
    # today is warned of as the reader warns of it
    not_far_ahead(parse_date(published, "--published"), "--published")
    with shown_warnings():  # a qualifier read two ways
        home_place = home_of(home) if home else None
    with Progress(
        console=err_console,
        transient=True,
        disable=len(paths) < 2 or not progress_shown(),
    ) as progress:
        task = progress.add_task("reading", total=len(paths))
        with shown_warnings():
            result = read_corpus(
                paths,
                published=published.strip() if published else None,
                target=target,
                max_chars=max_chars,
                home=home_place,
                scheduler=how,
                workers=n_workers,
                on_invalid=on_invalid,
                progress=lambda done, _: progress.update(task, completed=done),
                # a rerun takes what would be read the same (review r85, L6)
                reuse=None if fresh else out,
            )
    used: set[str] = {"evidence"}  # evidence.json is the corpus's
    names = []
    rows: list[tuple[Path, str, int, int, int, int, int, int]] = []
    written: dict[Path, str] = {}  # all made first: a failure writes nothing
    for path, reading in zip(result.paths, result.readings, strict=True):
        stem = unique_name(reading.doc_id, used)
        json_path = out / f"{stem}.json"
        html_path = out / f"{stem}.html"
        written[json_path] = json.dumps(reading.to_dict(), ensure_ascii=False, indent=2)
        written[html_path] = annotate_html(reading)
        names.append(json_path.name)
        kinds = [it.kind for it in reading.evidence]
        rows.append(
            (
                path,
                stem,
                len(reading.mentions),
                kinds.count("claim"),
                kinds.count("sighting"),
                kinds.count("front"),
                kinds.count("life_status"),
                len(reading.rejected),
            )
        )
    rejected = [*unlisted, *result.rejected]
    record = evidence_record(
        result.readings,
        files=names,
        rejected=rejected,
        text_sha256=True,
        read_with=result.read_with,
    )
    written[out / "evidence.json"] = json.dumps(record, ensure_ascii=False, indent=2)
    earlier = _read_outputs_in(out, besides=written)  # what an earlier run wrote
    out.mkdir(parents=True, exist_ok=True)  # only now: a failed read leaves none
    # all or none: a failure while writing (a full disk, a file in the way, a
    # job killed) leaves the earlier run's files as they were, not a mix
    removed = write_all_atomic(
        {dest: text.encode("utf-8") for dest, text in written.items()}
    )
    console.print(_table(rows))
    for skipped in rejected:
        console.print(Text(shown(f"Not read: {skipped.path}: {skipped.reason}")))
    for later, first in result.repeats():  # 'locate' counts it once
        console.print(
            Text(
                shown(
                    f"Same text: {result.paths[later]} ({names[later]}) is "
                    f"{result.paths[first]} ({names[first]}) again; 'geosleuth "
                    "locate' counts its evidence once."
                )
            ),
            soft_wrap=True,  # the paths whole, to copy
        )
    unused = sum(len(r.unused) for r in result.readings)
    if unused:
        console.print(
            f"Unused: {unused} sentence{'' if unused == 1 else 's'} about the "
            "target gave nothing the reader could use, and no reason to set "
            "anything aside (those are 'rejected'): each is marked 'nothing read' "
            "on its <doc>.html and listed under 'unused' in its <doc>.json, to "
            "check what was missed."
        )
    if not target:
        _say_inferred(result.readings, names)
    else:
        with shown_warnings():
            warn_of_unnamed_target(
                target,
                [
                    (path.name, r.text)
                    for path, r in zip(result.paths, result.readings, strict=True)
                ],
            )
    if earlier:
        with shown_warnings():
            _warn_of_earlier(out, earlier)
    _say_guessed(result.paths, result.readings)
    if removed:
        console.print(
            Text(
                shown(
                    f"Removed {removed} temporary file{'s' if removed > 1 else ''} "
                    f"(.NAME.XXXXXXXX.geosleuth-tmp) that an interrupted run left in "
                    f"{out}."
                )
            )
        )
    left = temporaries_in(out)
    if left:
        with shown_warnings():
            _warn_of_temporaries(out, left)
    n_reused = sum(result.reused)
    if n_reused:
        n_read = len(result.readings) - n_reused
        console.print(
            Text(
                shown(
                    f"{n_reused} of {len(result.readings)} readings reused from "
                    f"{out} (the same file, options and reader); {n_read} read. "
                    "Give --fresh to read them all again."
                )
            )
        )
    left_out = f", left out {len(result.rejected)}" if result.rejected else ""
    if unlisted:
        n = len(unlisted)
        left_out += f"; {n} folder{'s' if n > 1 else ''} not read"
    console.print(
        Text(
            shown(
                f"Read {len(result.readings)} of {len(paths)} documents{left_out}. "
                f"Wrote {2 * len(result.readings) + 1} files to {out} "
                "(<doc>.json and <doc>.html per document, evidence.json)"
            )
        )
    )


def _table(rows: Sequence[tuple[Path, str, int, int, int, int, int, int]]) -> Table:
    """The per-document table: the file, then its counts of places and items.

    A long file name folds onto the next line, never cut to "report.…", so two
    documents of one corpus never look alike (r25 L7). The files written are
    ``<stem>.json`` and ``<stem>.html``; a "written" column is shown only when
    some stem is not the file's own (two files named ``report.txt`` give
    ``report`` and ``report-2``).
    """
    renamed = any(stem != path.stem for path, stem, *_ in rows)
    table = Table(title="geosleuth read", show_lines=False)
    table.add_column("document", overflow="fold")
    for col in ("places", "claims", "sightings", "fronts", "life", "rejected"):
        table.add_column(col, justify="right")
    if renamed:
        table.add_column("written (.json, .html)", overflow="fold")
    for path, stem, *counts in rows:
        cells: list[Text | str] = [Text(shown(path.name)), *map(str, counts)]
        if renamed:
            cells.append(Text(shown(stem)))
        table.add_row(*cells)
    return table


def warn_of_unnamed_target(
    target: str,
    documents: Sequence[tuple[str, str]],
    *,
    given: str = "--target",
    inferable: bool = True,
) -> None:
    """Warn of the documents that never name ``target``, in one line.

    A name mistyped, or another person's, reads such a text for no one: what it
    gives holds whoever is sought (a front line), none of it is about the
    target, and the map looks as sure as any (review r25 M2). A document names
    the target where :func:`~geosleuth.read.target.find_target_refs` finds its
    name, in any spelling the reader takes ("al-Baghdady" for "al-Baghdadi").

    Parameters
    ----------
    target : str
        The person the documents were read for.
    documents : sequence of (str, str)
        Each document's file name and its text, as read.
    given : str, default "--target"
        Where the name comes from, as the warning says it.
    inferable : bool, default True
        Whether, without ``--target``, each document would be read for the
        person it names most (no case file names the target): the warning then
        says so.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_of_unnamed_target("Jane Doe", [("a.txt", "Al-Baghdadi hid."),
    ...                                         ("b.txt", "Jane was seen. Doe hid.")])
    >>> print(caught[0].message)
    a.txt never names 'Jane Doe' (--target): nothing read from it is about ...
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_of_unnamed_target("al-Baghdady", [("a.txt", "Al-Baghdadi hid.")])
    >>> caught
    []
    """
    from geosleuth.read.target import Target, find_target_refs

    who = Target(target.strip())
    unnamed = [
        name
        for name, text in documents
        if not any(r.kind == "name" for r in find_target_refs(text, who))
    ]
    if not unnamed:
        return
    one = len(unnamed) == 1
    listed = ", ".join(unnamed[:5]) + (
        f" and {len(unnamed) - 5} more" if len(unnamed) > 5 else ""
    )
    leave_out = (
        ", or leave --target out to read each for the person it names most"
        if inferable
        else ""
    )
    warnings.warn(
        f"{listed} never name{'s' if one else ''} {target!r} ({given}): nothing "
        f"read from {'it' if one else 'them'} is about that person, only what holds "
        "whoever is sought (a front line, a territory). Check the name"
        f"{leave_out}.",
        EvidenceWarning,
        stacklevel=2,
    )


def _say_inferred(readings: Sequence[Reading], names: Sequence[str]) -> None:
    """Say whom each document was read for, when no --target was given.

    Each is read for the person it names most: a spokesman or a lawyer may be
    that person, and the analyst should see it before fusing (review 14).
    """
    who = [
        f"{Path(name).stem}: {r.target or 'no one'}"
        for r, name in zip(readings, names, strict=True)
    ]
    if not who:
        return
    from geosleuth.read._target_names import same_person

    named = [r.target for r in readings if r.target]
    differ = any(not same_person(named[0], t) for t in named[1:]) or (
        bool(named) and len(named) < len(readings)
    )
    more = f"; and {len(who) - 10} more" if len(who) > 10 else ""
    shown_who = "; ".join(who[:10]) + more
    console.print(
        Text(
            shown(
                "Read for the person each names most (no --target): "
                f"{shown_who}."
                + (
                    " They differ: give --target to read them all for one person."
                    if differ
                    else ""
                )
            )
        ),
        soft_wrap=True,
    )


def _warn_of_earlier(out: Path, earlier: list[Path]) -> None:
    """Warn of the readings in ``out`` that this run did not write (kept as they are).

    ``geosleuth locate OUT/*.json`` would count their evidence with this run's.
    """
    readings = [p.name for p in earlier if p.suffix.lower() == ".json"]
    pages = [p.name for p in earlier if p.suffix.lower() != ".json"]
    if readings:
        shown = ", ".join(map(repr, readings[:5]))
        more = f" and {len(readings) - 5} more" if len(readings) > 5 else ""
        also = f", and {len(pages)} annotated page(s)" if pages else ""
        message = (
            f"{str(out)!r} also holds {len(readings)} reading(s) that this run did "
            f"not write, from an earlier one: {shown}{more}{also}. 'geosleuth "
            f"locate {out / '*.json'}' would count their evidence with this run's; "
            "remove them, or read into an empty folder (evidence.json holds this "
            "run's only). They are left as they are."
        )
    else:
        shown = ", ".join(map(repr, pages[:5]))
        more = f" and {len(pages) - 5} more" if len(pages) > 5 else ""
        message = (
            f"{str(out)!r} also holds {len(pages)} annotated page(s) that this run "
            f"did not write, from an earlier one: {shown}{more}. They are left as "
            "they are."
        )
    warnings.warn(message, EvidenceWarning, stacklevel=2)


def _say_guessed(paths: Sequence[Path], readings: Sequence[Reading]) -> None:
    """Say which documents were read in an encoding guessed from their bytes.

    Each was warned of as it was read; the summary says it again, in one line,
    since a wrong guess garbles every accented name (review r51, M1).
    """
    from geosleuth.read.text import GUESSED

    guessed = [
        (path.name, note.removesuffix(GUESSED).rpartition(" in ")[2])
        for path, r in zip(paths, readings, strict=True)
        for note in r.notes[:1]
        if note.startswith("read as ") and note.endswith(GUESSED)
    ]
    if not guessed:
        return
    n = len(guessed)
    listed = ", ".join(f"{name} ({enc})" for name, enc in guessed[:10])
    more = f" and {n - 10} more" if n > 10 else ""
    console.print(
        Text(
            shown(
                f"Encoding guessed: {n} document{'s are' if n > 1 else ' is'} not "
                f"UTF-8 and name{'' if n > 1 else 's'} no encoding, read as "
                f"{listed}{more}. Check {'their' if n > 1 else 'its'} accented "
                "letters; re-save as UTF-8 to have them read as written."
            )
        ),
        soft_wrap=True,
    )


def _warn_of_temporaries(out: Path, left: Sequence[Path]) -> None:
    """Warn of the temporary files of geosleuth still in ``out`` after writing.

    This run removed those of a run that died where it could lock the folder
    (:func:`~geosleuth.report.files.write_all_atomic`): what is left is a run's
    writing there now, or a dead run's where the folder cannot be locked.
    """
    n = len(left)
    warnings.warn(
        f"{str(out)!r} holds {n} temporary file{'s' if n > 1 else ''} of geosleuth "
        f"(.NAME.XXXXXXXX.geosleuth-tmp, such as {left[0].name!r}): of a run "
        "writing there now, or of one that was interrupted where the folder "
        "cannot be locked. They are removed when the folder is written again "
        "with no run writing there, or once over an hour old; if no geosleuth run "
        f"writes there, remove them: rm {out}/.*.geosleuth-tmp",
        EvidenceWarning,
        stacklevel=2,
    )
