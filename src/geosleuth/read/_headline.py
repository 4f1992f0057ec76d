"""A headline that says again what the report's body says counts once (r21 F3).

"Mali army says jihadist commander Ag Alher may be hiding near Ansongo" heads
a report whose lede says it again ("... may be hiding near Ansongo, a military
spokesman said"): read as two statements, the claim counted twice, and the
headline's speaker is whatever noun opens it ("Mali"). An item read from the
headline (the document's first line, when it is its title and a body follows)
that an item of the body repeats (the same kind, place and polarity, or the
same life status) is set aside as a ``duplicate``: the body's item, with its
speaker and words in full, is the one that counts. A headline's item that the
body does not repeat is kept: it may be all the report says of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from geosleuth.evidence import Claim, EvidenceItem, LifeStatus, Sighting
from geosleuth.read.claims import Rejected

__all__ = ["headline_repeats", "headline_span"]


def headline_span(text: str, title: str | None) -> tuple[int, int] | None:
    r"""The span of the headline in ``text``: its first line, when it is the title.

    None when the text does not open with the title, or nothing follows it.

    Examples
    --------
    >>> headline_span("Army says he is in Gao\n\nGAO - He is in Gao.", "Army says he is in Gao")
    (0, 22)
    >>> headline_span("He is in Gao.", "He is in Gao.") is None  # no body
    True
    """  # noqa: E501
    if not title:
        return None
    start = len(text) - len(text.lstrip())
    end = start + len(title)
    if text[start:end] != title or not text[end:].strip():
        return None
    return start, end


def _said(item: EvidenceItem) -> tuple[object, ...] | None:
    """What an item says, to compare a headline's item with the body's."""
    if isinstance(item, Claim):
        return ("claim", item.place_name, item.polarity)
    if isinstance(item, Sighting):
        return ("sighting", item.place_name, item.subject, item.who)
    if isinstance(item, LifeStatus):
        return ("life_status", item.status)
    return None


def headline_repeats(
    items: Sequence[EvidenceItem], head: tuple[int, int], text: str
) -> tuple[list[EvidenceItem], list[Rejected]]:
    r"""``items`` without those of the headline that the body repeats, and why.

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.evidence import Provenance
    >>> from geosleuth.geometry import Point
    >>> text = "Army says he is in Gao\n\nGAO - He is in Gao, the army said."
    >>> def said(i, span):
    ...     return Claim(id=i, date=dt.date(2019, 3, 1), place=Point(-0.04, 16.27),
    ...                  place_name="Gao", provenance=Provenance(document="d",
    ...                  span=span, quote=text[span[0]:span[1]]))
    >>> kept, aside = headline_repeats([said("c1", (0, 22)), said("c2", (24, 57))],
    ...                                (0, 22), text)
    >>> [i.id for i in kept], [(r.reason, r.span) for r in aside]
    (['c2'], [('duplicate', (0, 22))])
    """
    body: dict[tuple[object, ...], EvidenceItem] = {}
    for item in items:
        span = item.provenance.span
        key = _said(item)
        if key is not None and span is not None and span[0] >= head[1]:
            body.setdefault(key, item)
    kept: list[EvidenceItem] = []
    aside: list[Rejected] = []
    for item in items:
        span, key = item.provenance.span, _said(item)
        again = body.get(key) if span is not None and key is not None else None
        if span is None or span[0] >= head[1] or again is None:
            kept.append(item)
            continue
        aside.append(
            Rejected(
                "duplicate",
                f"the headline says again what the body says ({again.id}, "
                f"{again.provenance.quote[:60]!r}): counted once, from the body",
                span,
                text[span[0] : span[1]],
            )
        )
    return kept, aside
