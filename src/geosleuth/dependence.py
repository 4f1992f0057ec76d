"""Items that share a source, and how much each one counts.

Items read from one document are rarely independent: one reporter chose the
speakers, and several officials repeating one view are one view. Fusing them as
independent makes the map more confident than the evidence is. With an assumed
correlation ρ between the items of one source, ``n`` of them carry the information
of

    n_eff = n / (1 + (n − 1) ρ)

independent items (Kish's design effect of a cluster sample), so each one's
log-likelihood is weighted by ``n_eff / n = 1 / (1 + (n − 1) ρ)``: ρ = 0 treats
them as independent (the default of :class:`~geosleuth.fuse.Settings`), ρ = 1 lets
a whole document count as much as one of its items. A weighted factor ``L**w`` of
a mixture likelihood ``L = r·K + (1 − r)`` is still positive everywhere, so no
report can zero a cell with or without the weight.

Only reports of where the target is (:data:`DEPENDENT_KINDS`) are weighted; a
territory, a front, a search or an event set is a fact about the ground or about
effort, not an opinion that others repeat. ``n`` counts likelihood factors: the
sightings of one associate (one mixture) count once. Items an analyst wrote into a
case file without naming a document (:data:`OWN_DOCUMENT`) share no source.

Leave-one-out contributions (:func:`geosleuth.fuse.fuse`) keep the other items'
weights: they say how the map moves without the item's own term, not how it would
look if the document had one item fewer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from geosleuth.errors import InputError

__all__ = ["DEPENDENT_KINDS", "OWN_DOCUMENT", "document_source", "source_weights"]

#: Evidence kinds whose items from one source are weighted as correlated.
DEPENDENT_KINDS = frozenset({"claim", "sighting"})
#: The document of an item an analyst writes into a case file without naming one:
#: the analyst's own entry, not a source that others repeat.
OWN_DOCUMENT = "case file"


def document_source(document: str | None) -> str | None:
    """The source an item's document stands for; None for no shared source.

    Examples
    --------
    >>> document_source("anf"), document_source("case file"), document_source("")
    ('anf', None, None)
    """
    return None if not document or document == OWN_DOCUMENT else document


def source_weights(
    sources: Sequence[str | None], *, correlation: float
) -> NDArray[np.float64]:
    """The weight of each factor's log-likelihood, given the source it comes from.

    Parameters
    ----------
    sources : sequence of str or None
        The source (document) of each factor; None for one that shares no source
        with another (weight 1).
    correlation : float
        ρ, 0 ≤ ρ ≤ 1: the correlation assumed between factors of one source.

    Returns
    -------
    ndarray of shape (len(sources),)
        ``1 / (1 + (n − 1) ρ)``, ``n`` the number of factors with that source.

    Raises
    ------
    InputError
        If ``correlation`` is not in [0, 1] (a ``ValueError``).

    Examples
    --------
    >>> source_weights(["anf", "anf", "anf", "bbc", None], correlation=0.5).tolist()
    [0.5, 0.5, 0.5, 1.0, 1.0]
    >>> source_weights(["anf", "anf"], correlation=1.0).sum()  # counts as one
    np.float64(1.0)
    >>> source_weights([], correlation=0.3).shape
    (0,)
    """
    if not 0.0 <= correlation <= 1.0:
        raise InputError(
            f"correlation must be in [0, 1]. Got {correlation!r} instead.",
            field="correlation",
        )
    counts = Counter(s for s in sources if s is not None)
    n = np.array([counts[s] if s is not None else 1 for s in sources], dtype=np.float64)
    return 1.0 / (1.0 + (n - 1.0) * correlation)
