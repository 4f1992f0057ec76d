"""Geographic profiling: find the base behind a set of events.

Given events (crimes, sightings, cases of a disease) that are believed to come from
one or a few unknown bases, each function here scores the cells of a study area by
how likely each is to hold a base. All inputs are plane coordinates in km (for
example a :class:`~geosleuth.grid.Grid`'s LAEA plane, see
:meth:`~geosleuth.grid.Grid.lonlat_to_xy_km`); cells are given by their centres.

Methods
-------
- :func:`cgt_scores`: Rossmo's Criminal Geographic Targeting (CGT) with a buffer
  zone, Manhattan distances and a distance-decay exponent (Rossmo 1995, 2000).
- :class:`DPMProfiler`: the Bayesian Dirichlet-process mixture model of Verity,
  Stevenson, Rossmo, Nichols and Le Comber (2014), which also estimates how many
  bases there are.
- Baselines, each as a score surface so that :func:`hit_score` applies to them all:
  :func:`spatial_mean_scores`, :func:`centre_of_minimum_distance_scores` and
  :func:`gaussian_kde_scores`.

A method is judged by the *hit score* of the true base: the fraction of the study
area that scores at least as high as the cell holding it (lower is better;
:func:`hit_score`). :func:`study_area_grid` builds the default study area.

The methods live in submodules named for them (:mod:`geosleuth.profile.cgt`,
:mod:`geosleuth.profile.dpm`, :mod:`geosleuth.profile.baselines`,
:mod:`geosleuth.profile.study_area`); every public name is re-exported here.

References
----------
- D. K. Rossmo (1995), *Geographic profiling: target patterns of serial murderers*,
  PhD thesis, Simon Fraser University; D. K. Rossmo (2000), *Geographic Profiling*,
  CRC Press, ch. 10.
- R. Verity, M. D. Stevenson, D. K. Rossmo, R. A. Nichols, S. C. Le Comber (2014),
  "Spatial targeting of infectious disease control: identifying multiple, unknown
  sources", *Methods in Ecology and Evolution* 5(7), 647-655.
- S. C. Le Comber, D. K. Rossmo, A. N. Hassan, D. O. Fuller, J. C. Beier (2011),
  "Geographic profiling as a novel spatial tool for targeting infectious disease
  control", *International Journal of Health Geographics* 10:35.
- M. D. Escobar, M. West (1995), "Bayesian density estimation and inference using
  mixtures", *JASA* 90(430), 577-588.
- D. B. Dahl (2003), "An improved merge-split sampler for conjugate Dirichlet
  process mixture models", Technical Report 1086, Department of Statistics,
  University of Wisconsin.
- A. Vehtari, A. Gelman, D. Simpson, B. Carpenter, P.-C. Bürkner (2021),
  "Rank-normalization, folding, and localization: an improved R-hat", *Bayesian
  Analysis* 16(2), 667-718.
"""

from __future__ import annotations

from geosleuth.profile.baselines import (
    centre_of_minimum_distance_km,
    centre_of_minimum_distance_scores,
    gaussian_kde_scores,
    spatial_mean_scores,
)
from geosleuth.profile.cgt import cgt_scores, estimate_cgt_buffer_km
from geosleuth.profile.dpm import DPMProfiler, ProgressCallback
from geosleuth.profile.study_area import hit_score, study_area_grid

__all__ = [
    "DPMProfiler",
    "ProgressCallback",
    "centre_of_minimum_distance_km",
    "centre_of_minimum_distance_scores",
    "cgt_scores",
    "estimate_cgt_buffer_km",
    "gaussian_kde_scores",
    "hit_score",
    "spatial_mean_scores",
    "study_area_grid",
]
