"""What the reading tests share: a publication day, two targets, and the reader.

``_read = reader(DOE)`` gives a test file its ``_read(text, nlp, target=DOE)``,
which reads ``text`` with spaCy's ``nlp`` (the ``nlp`` fixture) as published on
:data:`PUB`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from geosleuth.evidence import Claim, LifeStatus, Sighting

PUB = dt.date(2018, 6, 5)  # a Tuesday
BAGHDADI = "Abu Bakr al-Baghdadi"
DOE = "Jane Doe"


def reader(default_target: str) -> Callable[..., Any]:
    """A ``_read(text, nlp, target=default_target)`` for a test file."""

    def read(text: str, nlp: Any, target: str = default_target) -> Any:
        from geosleuth.read.document import read_text

        return read_text(text, target=target, nlp=nlp, published=PUB)

    return read


def sightings(reading: Any) -> list[Sighting]:
    """The sightings a reading found."""
    return [i for i in reading.evidence if isinstance(i, Sighting)]


def claims(reading: Any) -> list[Claim]:
    """The claims a reading found."""
    return [i for i in reading.evidence if isinstance(i, Claim)]


def affirms_nothing(reading: Any) -> bool:
    """No sighting, and no claim that the target is somewhere."""
    return not sightings(reading) and not [
        c for c in claims(reading) if c.polarity == "is"
    ]


def row(item: Any) -> tuple[Any, ...]:
    """(kind, place, subject, speaker, grade, hedge, date) of a sighting or claim."""
    return (
        item.kind,
        item.place_name,
        item.subject,
        item.provenance.speaker,
        str(item.grade),
        item.hedge,
        item.date,
    )


def set_aside(reading: Any) -> list[tuple[str, str]]:
    """(reason, quote) of what a reading set aside."""
    return [(x.reason, x.quote) for x in reading.rejected]


def rows(reading: Any) -> list[tuple[Any, ...]]:
    """(kind, place or status, polarity, hedge, speaker, grade) of each item."""
    return [
        (
            i.kind,
            i.status if isinstance(i, LifeStatus) else i.place_name,
            getattr(i, "polarity", None),
            i.hedge,
            i.provenance.speaker,
            str(i.grade),
        )
        for i in reading.evidence
    ]


def item_set(
    reading: Any, *, year: bool = False, subject: bool = False
) -> set[tuple[Any, ...]]:
    """(kind, what, hedge, grade, speaker) of each life status, claim and sighting.

    ``what`` is a status ("dead"), a claim's "place polarity" or a sighting's
    "seen place" (with ``subject``, "seen place (subject)"); with ``year``, the
    item's year follows the speaker.
    """
    out: set[tuple[Any, ...]] = set()
    for i in reading.evidence:
        what: str
        if isinstance(i, LifeStatus):
            what = i.status
        elif isinstance(i, Claim):
            what = f"{i.place_name} {i.polarity}"
        elif isinstance(i, Sighting):
            what = f"seen {i.place_name}" + (f" ({i.subject})" if subject else "")
        else:
            continue
        got = (type(i).__name__, what, i.hedge, str(i.grade), i.provenance.speaker)
        out.add((*got, i.date.year) if year else got)
    return out


def lives(reading: Any) -> list[tuple[str, str]]:
    """The reading's life statuses as (status, hedge), sorted."""
    return sorted(
        (i.status, i.hedge) for i in reading.evidence if isinstance(i, LifeStatus)
    )


def seen(reading: Any) -> list[tuple[str | None, str]]:
    """The reading's sightings as (place, hedge), sorted."""
    return sorted((s.place_name, s.hedge) for s in sightings(reading))


def negated(reading: Any) -> bool:
    """Whether the reading set an item aside as negated."""
    return any(reason == "negated" for reason, _ in set_aside(reading))
