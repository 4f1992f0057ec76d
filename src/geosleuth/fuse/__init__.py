"""Fuse evidence into a probability map: prior × Π likelihood, on an equal-area grid.

The estimate is a pure function of (evidence, ``as_of``, settings): only items dated,
and published, on or before ``as_of`` are used; each becomes one likelihood factor
over the cells; the posterior is ``prior × Π L`` normalised once, in log space.

Likelihoods
-----------
Every item that may be false enters as a mixture ``L = r·K + (1 − r)``, where ``r`` is
the probability that it is true (grade × hedge, see
:class:`~geosleuth.evidence.GradeTable`, capped at ``Settings.max_reliability`` = 0.99)
and ``K`` is its likelihood ratio against an uninformative report, scaled so that its
mean over the grid is 1. Since ``1 − r ≥ 0.01``, no report can zero a cell; only a
search with ``pd = 1`` empties an area.

- **Sightings** of one subject (same ``group``) are alternatives — the person was at
  each place at some time — so they fuse as a weighted mixture of Gaussian kernels
  ``K = Σ wᵢ·A·φ(d; σᵢ) / Σ wᵢ`` (``A`` the grid's area), then ``L = Σ wᵢ(rᵢ Kᵢ + 1 −
  rᵢ) / Σ wᵢ``. ``σᵢ² = σ_pos² + σ_assoc² + D·ageᵢ + cell²/12``: the associate term
  only for associates, ``D`` the diffusion of the movement model below, the last
  term the spread of a point within a cell.
- **Claims** use a soft region ``s(x) = exp(−max(0, d(x) − buffer)² / 2σ²)`` with
  ``σ² = σ_edge² + D·age``; ``K = s / mean(s)`` (``1 − s`` for "is not").
- **Territory**: the newest item of each group (on or before ``as_of``) with a soft
  edge, ``r = p_true × tie``; older ones are superseded.
- **Front**: the force holds the half-plane beyond the line at ``distance_km`` from the
  place along ``bearing_deg``; ``s = Φ((distance − u)/σ)`` with ``u`` the distance
  along the bearing, limited to ``width_km`` across it. The bearing is a compass
  bearing at the place, turned into the grid's plane (whose +y axis points true
  north only on its central meridian).
- **Searched**: ``L = 1 − pd·r·m(x)`` with ``m`` the searched mask (Bayesian search
  update); only ``pd·r = 1`` empties cells, and only inside the area. The searches
  of one day (and one time of day, where given) are combined in each cell,
  ``L_day = Π(1 − pd·r·c)``, and what they found is moved once by the walk
  since, ``L = 1 − m(1 − L_day)``: the target had one position that day, so two
  sorties over one area are one of pd ``1 − (1 − p₁)(1 − p₂)``. Searches of
  different days multiply, as if independent given the target's cell now: an
  approximation to its path.
- **Rings** (distances from a point, lost-person statistics): each ring between
  two quantile distances holds its share spread evenly over its area, the rest
  beyond the last in an exponential tail that continues the last ring's
  density (:mod:`~geosleuth.fuse.rings`); ``K`` is the model's density against
  an even spread over the grid, integrated over each cell and not scaled to
  mean 1, so that the share of a ring the region's edge cuts stays beyond it.
  Not moved by the walk: the statistics say where such subjects were found.
- **Event sets**: a KDE (``sigma_km``) or CGT surface normalised to mean 1, mixed with
  ``r``. CGT takes its buffer from the events' nearest-neighbour distances; a set
  whose events all coincide has none and is left out, with that reason.

Movement model
--------------
Between an item's date and ``as_of`` the target is assumed to move as a 2-D Gaussian
random walk: the positional variance grows by ``D`` km² per day on each axis
(``Settings.diffusion_km2_per_day``, default 1, i.e. σ ≈ 19 km after a year). Kernels
widen accordingly, so old evidence is vaguer, not weaker. Ages count from the end of
an item's day, or from its ``time`` of day, to the end of the ``as_of`` day, or to
an :class:`~geosleuth.evidence.AsOf`'s time of day. Two or
more timed fixes of the target (sightings in no group, claims) are followed as one
track in time order, the forward pass of a filter for the walk
(:mod:`~geosleuth.fuse.track`), not multiplied: one factor of kind ``"track"``;
timed searches made before the map's moment are threaded through it, a factor of
kind ``"searched"`` keyed ``"searches on the track"``.

Life status
-----------
``P(alive)`` is ``prior_alive`` on the case's first day and decays from there with a
constant hazard ``h`` per year (``exp(−h·Δt)``), with or without life-status items.
The first day is the earliest date of an item in force about the target (any kind
but territory and fronts), of every item :func:`fuse` is given: one left out of the
map for lying outside the grid still dates the case, so ``P(alive)`` never depends
on the study region. A case of territory and fronts alone opens with the earliest
of them. A sighting dated by a span proves life on the span's first day, and
dates the case by it too. A proof of life with reliability ``r`` sets
``P ← r + (1 − r)·P``; a claim
of death multiplies the odds of death by ``(1 + r)/(1 − r)``; the target's body
found (``body: true``) sets ``P ← (1 − r)·P``, never above the word of it. Items
are taken in time order (a timed item at its ``time``, one without at the end of
its day; at one moment, claims of death first), and the hazard runs between them
and on to the moment of ``as_of`` (:func:`~geosleuth.fuse.life.p_alive`).

Honesty checks
--------------
- A statement republished word for word by other documents (a wire story in
  several outlets: the same kind, quote, speaker and place, polarity or status)
  is one statement: the first copy in force counts, by date, and the others are
  left out as its repeats (:func:`~geosleuth.dependence.repeats`), with an
  :class:`~geosleuth.errors.EvidenceWarning` for each pair of documents. Only
  claims, sightings and life status are compared; the rule is recomputed from
  the items on every date, never stored.
- An item that lies wholly outside the grid is left out with its reason and an
  :class:`~geosleuth.errors.EvidenceWarning` naming it, its place and how far
  away it is: it could not move the map. Wholly: a sighting or KDE event set more
  than ``cutoff_sigmas`` σ from every cell; a claim ("is" or "is not") whose soft
  region is zero on every cell; a territory or search whose area misses the grid;
  a front whose line lies more than ``cutoff_sigmas`` σ beyond every cell, the
  force on the far side (or whose strip misses the grid). A CGT surface falls off
  as a power of the distance and never vanishes, so a CGT event set is not left
  out: its pull on the edge is what the next check measures.
- When the region's edge cuts the evidence, :func:`fuse` warns
  (``GeosleuthWarning``): the likelihood of all the evidence (posterior over
  prior), less its floor (its lowest value on the edge: what every cell keeps of
  evidence that may be false), still stands along the edge at a tenth or more of
  its peak. A wider region would then change the map; a weak item's level floor
  would not, and is not warned of. A tenth: where a Gaussian kernel is a tenth of
  its peak (2.15 σ), 1.6 % of its mass lies beyond a straight edge.
- Named places closer than a tenth of ``place_radius_km`` are one ranked place,
  named by each spelling ("Hajin (Hajīn)"); so is a chain of such places (single
  linkage), so which places share a row never depends on their order. A ranked
  place whose disc shares more than half of a better-ranked one's, with a
  probability within 0.05 percentage points, is folded into that row too
  ("Cúcuta (Atalaya clinic)": the same figure for much the same ground).

Modules
-------
One a sub-concept, each name re-exported here: :mod:`~geosleuth.fuse.settings`
(:class:`Settings`), :mod:`~geosleuth.fuse.likelihood` (which items are in force,
and each one's likelihood and :class:`Factor`), :mod:`~geosleuth.fuse.reach` (how
far an item reaches, and why one outside the grid is left out),
:mod:`~geosleuth.fuse.searches` (the searches' likelihood, a day's combined),
:mod:`~geosleuth.fuse.rings` (the ring model of distances from a point),
:mod:`~geosleuth.fuse.track` (timed fixes followed as a track),
:mod:`~geosleuth.fuse.track_factors` (a track's factors, its searches threaded
through it), :mod:`~geosleuth.fuse.factoring` (:func:`factors`: the case's
factors), :mod:`~geosleuth.fuse.posterior` (the posterior,
HDR areas, places), :mod:`~geosleuth.fuse.life` (P(alive)),
:mod:`~geosleuth.fuse.contributions` (leave-one-out),
:mod:`~geosleuth.fuse.estimate` (:func:`fuse`, :class:`Estimate`) and
:mod:`~geosleuth.fuse.history` (:func:`timeline`).
"""

from __future__ import annotations

from geosleuth.fuse.contributions import Contribution
from geosleuth.fuse.estimate import Estimate, fuse
from geosleuth.fuse.factoring import factors
from geosleuth.fuse.history import (
    TimelinePlan,
    TimelinePoint,
    timeline,
    timeline_plan,
    timeline_points,
)
from geosleuth.fuse.life import p_alive
from geosleuth.fuse.likelihood import Factor, gaussian_mixture_density, select
from geosleuth.fuse.posterior import (
    AreaProbability,
    NamedArea,
    NamedPlace,
    PlaceProbability,
    area_probabilities,
    hdr_area_km2,
    hdr_mask,
    hdr_masks,
    hdr_weights,
    place_probabilities,
    posterior_from_factors,
)
from geosleuth.fuse.rings import (
    ring_cell_mass,
    ring_density_km2,
    ring_mass_within,
    ring_tail_km,
)
from geosleuth.fuse.settings import Settings

__all__ = [
    "AreaProbability",
    "Contribution",
    "Estimate",
    "Factor",
    "NamedArea",
    "NamedPlace",
    "PlaceProbability",
    "Settings",
    "TimelinePlan",
    "TimelinePoint",
    "area_probabilities",
    "factors",
    "fuse",
    "gaussian_mixture_density",
    "hdr_area_km2",
    "hdr_mask",
    "hdr_masks",
    "hdr_weights",
    "p_alive",
    "place_probabilities",
    "posterior_from_factors",
    "ring_cell_mass",
    "ring_density_km2",
    "ring_mass_within",
    "ring_tail_km",
    "select",
    "timeline",
    "timeline_plan",
    "timeline_points",
]
