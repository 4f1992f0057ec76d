"""Bayesian geographic profiling with a Dirichlet-process mixture (DPM).

:class:`DPMProfiler` is the model of Verity et al. (2014), which also estimates how
many bases there are. It follows the estimator contract: ``__init__`` stores the
settings; ``fit`` runs the sampler (:mod:`geosleuth.profile._dpm_sampler`) and builds
the map (:mod:`geosleuth.profile._dpm_maps`). :data:`ProgressCallback` is the type of
its progress hook. The references are in :mod:`geosleuth.profile`.
"""

from __future__ import annotations

import math
from typing import ClassVar, Literal

import numpy as np

from geosleuth._types import ArrayLike, FloatArray, RngLike
from geosleuth.errors import InputError, NotFittedError
from geosleuth.profile._dpm_maps import (
    _loo_bandwidth_km,
    _profile_maps,
    _t_mixture_at,
)
from geosleuth.profile._dpm_sampler import (
    ProgressCallback,
    _Draws,
    _gibbs,
    _rhat,
)
from geosleuth.profile._inputs import (
    _cells,
    _events,
    _positive,
    _Raster,
    _raster_of,
)

__all__ = ["DPMProfiler", "ProgressCallback"]

#: The range of a length (σ's prior mean, τ, a bandwidth) the sampler's squares
#: keep finite and non-zero, with room: a millimetre to 100,000 km.
LEAST_KM, MOST_KM = 1e-6, 1e5
#: An inverse-gamma shape from which sigma² is taken as fixed at its prior mean:
#: its relative spread, 1/sqrt(a - 2), is then under a millionth.
FIXED_SHAPE = 1e12
#: The farthest an event or cell may lie from the plane's origin, in km: ten times
#: the Earth's circumference, and far below where the sampler's squares overflow.
MOST_COORDINATE_KM = 4e5


def _log_gamma_ratio(a: float) -> float:
    """``log(Γ(a) / Γ(a - 1/2))`` for ``a > 1``, exact in float64 at any size.

    ``lgamma(a) - lgamma(a - 0.5)`` loses every digit once ``a`` is large (each
    term near 3.6e17 at a = 1e16); past 1e4 the asymptotic series
    ``0.5 log(x - 1/4 + 1/(32 x))``, ``x = a - 1/2``, is used (its error is
    below 1e-11 there).

    Examples
    --------
    >>> round(_log_gamma_ratio(2.0), 12) == round(math.log(2 / math.sqrt(math.pi)), 12)
    True
    >>> abs(_log_gamma_ratio(1e4) - (math.lgamma(1e4) - math.lgamma(1e4 - 0.5))) < 1e-10
    True
    >>> round(_log_gamma_ratio(1e16), 6)  # 0.5 log(1e16)
    18.420681
    """
    if a <= 1e4:
        return math.lgamma(a) - math.lgamma(a - 0.5)
    x = a - 0.5
    return 0.5 * math.log(x - 0.25 + 1.0 / (32.0 * x))


class DPMProfiler:
    r"""Bayesian geographic profiling with a Dirichlet-process mixture (DPM).

    The model of Verity et al. (2014): each event is drawn from a bivariate normal
    around one of an unknown number of sources, the sources have a normal prior,
    and a Dirichlet process (concentration ``alpha``) decides how events share
    sources. A collapsed Gibbs sampler draws the allocation of events to sources;
    the dispersal ``sigma`` and ``alpha`` are updated each sweep. The *map* is the
    posterior predictive density of a source's location on the cells.

    Parameters
    ----------
    n_chains : int, default 4
        Independent chains, started from over-dispersed allocations (chain ``c``
        from ``8 * 2**c`` random clusters, at most one per event); run together,
        vectorised. Starting above the likely number of sources avoids a chain
        lingering in a one-source state, which single-event updates leave slowly.
    n_burnin : int, default 150
        Sweeps discarded per chain.
    n_samples : int, default 250
        Sweeps kept per chain (after thinning).
    thin : int, default 1
        Keep one sweep in ``thin``.
    sigma_mean_km : float or None, default None
        Prior mean of the dispersal ``sigma`` (km). None: a quarter of the larger
        side of the events' bounding box.
    sigma_squared_shape : float, default 2.0
        Shape of the inverse-gamma prior on ``sigma**2`` (> 1); ``math.inf`` fixes
        ``sigma`` at ``sigma_mean_km``. The scale follows from the prior mean as in
        RgeoProfile: ``beta = (sigma_mean * Γ(a) / Γ(a - 1/2))**2``. A shape
        of :data:`FIXED_SHAPE` (1e12) or more holds ``sigma**2`` within a
        millionth of its mean and is taken as ``math.inf``.
    tau_km : float or None, default None
        Standard deviation of the normal prior on source locations (km). None: the
        largest distance from the prior centre to an event (RgeoProfile's default).
    prior_centre_xy_km : tuple of float or None, default None
        Mean of the prior on source locations. None: the centre of the events'
        bounding box.
    alpha_shape, alpha_rate : float, default 0.1, 0.1
        Gamma prior on the concentration ``alpha`` (shape, rate).
    surface : {"conditional", "draws"}, default "conditional"
        How the map is built from the kept sweeps (see Notes).
        ``"conditional"``: average each sweep's conditional posterior density of
        the sources (Rao-Blackwellised; Rgeoprofile 1.1, ``ThinandAnalyse``).
        ``"draws"``: draw each source's location from that density once per kept
        sweep, count every draw once and smooth with a t3 kernel (RgeoProfile 2.x,
        ``geoMCMC``).
    bandwidth_km : float or None, default None
        Scale of the t3 kernel for ``surface="draws"`` (km). None: the value that
        maximises the leave-one-out likelihood of the draws, as RgeoProfile does.
    rng : numpy.random.Generator, int or None, default None
        Source of randomness; the same seed gives the same map.

    Attributes
    ----------
    map_ : ndarray of shape (n_cells,)
        Posterior probability that the source of a new event lies in each cell
        (sums to 1 over the cells; with ``surface="draws"``, the smoothed
        intensity of the sources: see Notes); rank cells by it.
    chain_map_tv_ : float
        Largest total-variation distance between one chain's map and the mean of
        the chains' maps, on a version of the cells coarsened to at most about
        100 × 100 (0 = identical; a map-level convergence check, small is good).
    n_sources_pmf_ : ndarray
        Posterior probability of ``k`` sources at index ``k``.
    n_sources_mean_ : float
        Posterior mean number of sources.
    sigma_km_ : float
        Posterior mean of ``sigma`` (km).
    alpha_ : float
        Posterior mean of ``alpha``.
    rhat_ : dict of str to float
        Rank-normalised split R-hat (Vehtari et al. 2021) of ``sigma_km``,
        ``n_sources``, ``alpha`` and ``log_lik`` (the log-likelihood of the events
        given the allocation and ``sigma``, sources integrated out), all invariant
        to relabelling the sources; values below about 1.05 suggest the chains
        agree, above 1.1 that they have not mixed (run longer).
    traces_ : dict of str to ndarray of shape (n_chains, n_samples)
        The kept draws of those quantities.
    bandwidth_km_ : float
        The t3 kernel scale used with ``surface="draws"`` (km); NaN otherwise.
    sigma_mean_km_, tau_km_, prior_centre_xy_km_ : float, float, tuple
        The prior settings actually used (defaults resolved from the data).
    n_sweeps_ : int
        Sweeps run per chain (burn-in plus kept, before thinning).
    fit_seconds_ : float
        Wall time of the sampler alone.

    Notes
    -----
    Events ``x_i`` (2-D, km), allocations ``c_i``, sources ``mu_k``:

    .. math::

        x_i \mid c_i = k \sim N(\mu_k, \sigma^2 I), \quad
        \mu_k \sim N(\mu_0, \tau^2 I), \quad
        c \sim \mathrm{CRP}(\alpha), \quad
        \sigma^2 \sim \mathrm{InvGamma}(a, \beta), \quad
        \alpha \sim \mathrm{Gamma}(a_\alpha, b_\alpha).

    With ``mu`` integrated out, event ``i`` joins source ``k`` with probability
    proportional to ``n_k N(x_i; m_k, (v_k + sigma^2) I)`` and a new source with
    probability proportional to ``alpha N(x_i; mu_0, (tau^2 + sigma^2) I)``, where
    ``v_k = 1 / (1/tau^2 + n_k/sigma^2)`` and ``m_k = v_k (mu_0/tau^2 + S_k/sigma^2)``
    (``S_k`` the sum of the source's events). After each sweep the sources are
    drawn from ``N(m_k, v_k I)``, then ``sigma^2`` from its inverse-gamma full
    conditional ``InvGamma(a + n, beta + Σ ||x_i - mu_{c_i}||² / 2)``, then
    ``alpha`` by Escobar & West's (1995) auxiliary-variable step.

    With ``surface="conditional"`` (the default) the map averages, over kept
    sweeps, the posterior density of the source of a
    new event: each source ``k`` contributes weight ``n_k / (n + alpha)`` spread
    around ``m_k`` and the prior ``alpha / (n + alpha) N(mu_0, tau² I)``. Around
    ``m_k`` we use a bivariate Student-t with 3 degrees of freedom and scale
    ``v_k`` (the source's conditional posterior variance), not the normal
    ``N(m_k, v_k I)``: the core is the same, but the tails fall off polynomially,
    as in RgeoProfile, which smooths posterior source draws with a t3 kernel. A
    normal posterior a few standard deviations out is ~e^-20 and ranks the cells
    there (and so the hit score of anything not close to a source) by numerical
    noise; the t3 tails rank them by distance to the sources. On a raster of square
    cells of side ``h`` each scale is widened by ``h²/12`` (the variance of a point
    uniform in a cell), and the mixture is evaluated by binning the component
    centres (cloud-in-cell) and one FFT convolution per band of similar scales.
    (Rgeoprofile 1.1 sums the occupied sources' normal densities with equal
    weight and no prior term; the ``n_k`` weights make this the density of the
    source of a new event, which is what a hit score of "the" source asks.)

    With ``surface="draws"`` the map follows RgeoProfile 2.x (``geoMCMC`` and
    ``C_geoMCMC`` in github.com/bobverity/Rgeoprofile): every kept sweep draws
    each occupied source's location ``mu_k ~ N(m_k, v_k I)``, every draw counts
    once (the map is then the posterior intensity of sources, not weighted by
    ``n_k``), draws outside a raster study area are dropped (its ``bin2D``), the
    draws are smoothed with a t3 kernel whose scale maximises their leave-one-out
    likelihood, and the prior gets weight ``mean(alpha / (n + alpha))``. It
    estimates the same kind of surface as ``"conditional"`` by Monte Carlo, so it
    is noisier: on John Snow's 321 addresses two seeds give maps a total
    variation of about 0.1 apart, against 0.001 for ``"conditional"``, which is
    why that is the default (Rao-Blackwell: averaging the conditional densities
    never has more variance than averaging draws from them). Rgeoprofile 1.1
    (Stevenson & Verity 2013, ``ThinandAnalyse``) builds its geoprofile that way,
    "by averaging over conditional posterior distributions".

    Mixing: besides the one-event-at-a-time Gibbs updates, each sweep makes one
    sequentially-allocated split-merge proposal per chain (Dahl 2003), which lets
    a chain move between, say, one broad source and several tight ones. Such moves
    are still rare when the two states need very different ``sigma`` (on John
    Snow's 321 addresses: one source with ``sigma`` near 110 m, or about six with
    ``sigma`` near 70 m); ``rhat_`` and ``chain_map_tv_`` then stay high, and the
    remedy is longer runs.

    Weights: an event of weight ``w`` counts as ``w`` coincident events that share
    one source (e.g. all deaths at one address): it adds ``w`` to ``n_k``, joins an
    existing source with prior weight ``Γ(n_k + w)/Γ(n_k)`` and a new one with
    ``alpha Γ(w)``, and its likelihood uses variance ``v_k + sigma^2/w``. So,
    unlike CGT's, the DPM's weights are absolute: multiplying them all by 10
    claims ten times the events, and the posterior tightens. The sampler works
    with ``log Γ`` (the ratio of gammas overflows float64 once ``w log n_k``
    passes about 709, e.g. 200 deaths at an address beside a source of 1,000),
    and :attr:`weight_range` bounds the weights: 1e-9 to 1e9 (a billion events
    at one address), beyond which the sampler's float64 sums of weights and
    ``log Γ`` of them lose the precision the allocation needs, or overflow.
    An event of weight 0 is left out.

    Examples
    --------
    Two tight groups of events; most probability falls near them, and the
    posterior favours two sources.

    >>> rng = np.random.default_rng(0)
    >>> ex = np.r_[rng.normal(0, 0.3, 30), rng.normal(5, 0.3, 30)]
    >>> ey = np.r_[rng.normal(0, 0.3, 30), rng.normal(0, 0.3, 30)]
    >>> from geosleuth.grid import Grid
    >>> g = Grid(lon0=0, lat0=0, west_km=-2, south_km=-3, cell_km=0.25, nx=36, ny=24)
    >>> cx, cy = g.cell_xy_km()
    >>> m = DPMProfiler(n_burnin=30, n_samples=40, rng=1).fit(
    ...     ex, ey, cell_x_km=cx, cell_y_km=cy)
    >>> round(float(m.map_.sum()), 9)
    1.0
    >>> int(np.argmax(m.n_sources_pmf_))
    2
    >>> DPMProfiler().map_
    Traceback (most recent call last):
    ...
    geosleuth.errors.NotFittedError: This DPMProfiler is not fitted yet; call fit() ...
    """

    #: The smallest and the largest positive event weight :meth:`fit` accepts.
    weight_range: ClassVar[tuple[float, float]] = (1e-9, 1e9)

    def __init__(
        self,
        *,
        n_chains: int = 4,
        n_burnin: int = 150,
        n_samples: int = 250,
        thin: int = 1,
        sigma_mean_km: float | None = None,
        sigma_squared_shape: float = 2.0,
        tau_km: float | None = None,
        prior_centre_xy_km: tuple[float, float] | None = None,
        alpha_shape: float = 0.1,
        alpha_rate: float = 0.1,
        surface: Literal["conditional", "draws"] = "conditional",
        bandwidth_km: float | None = None,
        rng: RngLike = None,
    ) -> None:
        self.n_chains = n_chains
        self.n_burnin = n_burnin
        self.n_samples = n_samples
        self.thin = thin
        self.sigma_mean_km = sigma_mean_km
        self.sigma_squared_shape = sigma_squared_shape
        self.tau_km = tau_km
        self.prior_centre_xy_km = prior_centre_xy_km
        self.alpha_shape = alpha_shape
        self.alpha_rate = alpha_rate
        self.surface = surface
        self.bandwidth_km = bandwidth_km
        self.rng = rng

    def __getattr__(self, name: str) -> object:
        # Only reached when normal lookup fails: learned attributes before fit().
        if name.endswith("_") and not name.startswith("_"):
            raise NotFittedError(
                f"This DPMProfiler is not fitted yet; call fit() before using {name!r}."
            )
        raise AttributeError(name)

    def __repr__(self) -> str:
        return (
            f"DPMProfiler(n_chains={self.n_chains}, n_burnin={self.n_burnin}, "
            f"n_samples={self.n_samples}, thin={self.thin})"
        )

    def _check_params(self) -> None:
        for name in ("n_chains", "n_burnin", "n_samples", "thin"):
            value = getattr(self, name)
            low = 0 if name == "n_burnin" else 1
            if name == "n_samples":
                low = 4
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, np.integer))
                or value < low
            ):
                raise InputError(
                    f"{name!r} must be an integer ≥ {low}. Got {value!r} instead.",
                    field=name,
                )
        shape = self.sigma_squared_shape
        if not isinstance(shape, (int, float)) or not shape > 1:
            raise InputError(
                "'sigma_squared_shape' must be a number > 1 (or math.inf to fix "
                f"sigma). Got {shape!r} instead.",
                field="sigma_squared_shape",
            )
        if self.surface not in ("conditional", "draws"):
            raise ValueError(
                "'surface' must be one of 'conditional', 'draws'. Got "
                f"{self.surface!r}."
            )
        for name in ("sigma_mean_km", "tau_km", "bandwidth_km"):
            value = getattr(self, name)
            if value is not None and not LEAST_KM <= _positive(name, value) <= MOST_KM:
                # 1e-200 or 1e160 km: the sampler's squares under- or overflow
                raise InputError(
                    f"{name!r} must lie between {LEAST_KM:g} km (a millimetre) and "
                    f"{MOST_KM:,.0f} km. Got {value!r} instead.",
                    field=name,
                )
        _positive("alpha_shape", self.alpha_shape)
        _positive("alpha_rate", self.alpha_rate)
        centre = self.prior_centre_xy_km
        if centre is not None and (
            len(centre) != 2 or not all(math.isfinite(float(c)) for c in centre)
        ):
            raise InputError(
                "'prior_centre_xy_km' must be two finite numbers (x_km, y_km). Got "
                f"{centre!r} instead.",
                field="prior_centre_xy_km",
            )

    def fit(
        self,
        event_x_km: ArrayLike,
        event_y_km: ArrayLike,
        *,
        cell_x_km: ArrayLike,
        cell_y_km: ArrayLike,
        weights: ArrayLike | None = None,
        progress: ProgressCallback | None = None,
    ) -> DPMProfiler:
        """Run the sampler on the events and compute the map on the cells.

        Parameters
        ----------
        event_x_km, event_y_km : array_like of shape (n_events,)
            Event locations in a plane, km; at least 2, finite.
        cell_x_km, cell_y_km : array_like of shape (n_cells,)
            Cell centres, km (e.g. :meth:`Grid.cell_xy_km`).
        weights : array_like of shape (n_events,), optional
            Event weights as counts (e.g. deaths per address); events of weight 0
            are left out, and the others must lie within :attr:`weight_range`
            (1e-9 to 1e9). See the class Notes.
        progress : callable, optional
            Called as ``progress(done, total)`` after each sweep.

        Returns
        -------
        DPMProfiler
            ``self``, with the learned attributes set.

        Raises
        ------
        InputError
            On invalid settings, fewer than 2 events (of positive weight),
            non-finite coordinates, negative weights, or a positive weight outside
            :attr:`weight_range`.
        """
        self._check_params()
        ex, ey, w = _events(event_x_km, event_y_km, weights, min_events=2)
        cx, cy = _cells(cell_x_km, cell_y_km)
        if not (
            np.isfinite(ex).all() and np.isfinite(ey).all() and np.isfinite(w).all()
        ):
            raise InputError(
                "Event coordinates and weights must be finite for the DPM.",
                field="event_x_km",
            )
        if not (np.isfinite(cx).all() and np.isfinite(cy).all()):
            # one NaN cell would make the whole map NaN through its normalisation
            raise InputError(
                "Cell coordinates must be finite for the DPM.", field="cell_x_km"
            )
        for name, arr in (("event", (ex, ey)), ("cell", (cx, cy))):
            far = max((float(np.max(np.abs(a))) for a in arr if a.size), default=0.0)
            if far > MOST_COORDINATE_KM:
                # 1e200 km: the prior's scale, from the events' spread, overflows
                raise InputError(
                    f"The {name} coordinates must lie within "
                    f"{MOST_COORDINATE_KM:,.0f} km of the plane's origin (km on "
                    f"the Earth's surface). Got one of {far:g} km instead.",
                    field=f"{name}_x_km",
                )
        low, high = self.weight_range
        out_of_range = (w > 0) & ((w < low) | (w > high))
        if out_of_range.any():
            k = int(np.flatnonzero(out_of_range)[0])
            raise InputError(
                f"The weight of event {k} must lie between {low:g} and {high:g} "
                f"(a number of events at one place) for the DPM. Got {w[k]:g} "
                "instead.",
                field="weights",
            )
        keep = w > 0
        if keep.sum() < 2:
            raise InputError(
                "The DPM needs at least 2 events of positive weight. Got "
                f"{int(keep.sum())} instead.",
                field="weights",
            )
        ex, ey, w = ex[keep], ey[keep], w[keep]
        rng = np.random.default_rng(self.rng)
        if self.prior_centre_xy_km is None:
            centre = (
                float(ex.min() + ex.max()) / 2.0,
                float(ey.min() + ey.max()) / 2.0,
            )
        else:
            centre = (
                float(self.prior_centre_xy_km[0]),
                float(self.prior_centre_xy_km[1]),
            )
        extent = max(float(np.ptp(ex)), float(np.ptp(ey)))
        tau = self.tau_km
        if tau is None:
            tau = float(np.max(np.hypot(ex - centre[0], ey - centre[1])))
        sigma_mean = self.sigma_mean_km
        if sigma_mean is None:
            sigma_mean = 0.25 * extent
        if tau <= 0 or sigma_mean <= 0:
            raise InputError(
                "All events with a positive weight are at one place, so the DPM's "
                "default prior scales are zero. Give them ('sigma_mean_km' and "
                "'tau_km'; --sigma-km and --tau-km on the command line).",
                field="sigma_mean_km",
            )
        a = float(self.sigma_squared_shape)
        if a >= FIXED_SHAPE:  # 1e16 gave sigma = 1e-5 m: lgamma lost all digits
            a, scale = math.inf, 0.0
        else:
            scale = math.exp(2.0 * math.log(sigma_mean) + 2.0 * _log_gamma_ratio(a))
        draws = _gibbs(
            ex,
            ey,
            w,
            n_chains=int(self.n_chains),
            n_burnin=int(self.n_burnin),
            n_samples=int(self.n_samples),
            thin=int(self.thin),
            centre=centre,
            tau_km=tau,
            sig_shape=a,
            sig_scale=scale,
            sigma_init_km=sigma_mean,
            alpha_shape=float(self.alpha_shape),
            alpha_rate=float(self.alpha_rate),
            rng=rng,
            progress=progress,
        )
        raster = _raster_of(cx, cy)
        n_ch = int(self.n_chains)
        # Posterior draws of the kept sources' locations, mu_k ~ N(m_k, v_k I).
        sd = np.sqrt(draws.comp_var_km2)
        src_x = draws.comp_x_km + sd * rng.standard_normal(sd.size)
        src_y = draws.comp_y_km + sd * rng.standard_normal(sd.size)
        if self.surface == "draws":
            bandwidth = self.bandwidth_km
            if bandwidth is None:
                bandwidth = _loo_bandwidth_km(src_x, src_y, rng)
            if not math.isfinite(bandwidth):  # every draw at one point
                bandwidth = 1e-3 * max(float(np.ptp(ex)), float(np.ptp(ey)))
            source_draws: tuple[FloatArray, FloatArray] | None = (src_x, src_y)
        else:
            bandwidth, source_draws = math.nan, None
        pooled = _profile_maps(
            draws,
            np.zeros(draws.comp_chain.size, np.int64),
            1,
            cx,
            cy,
            raster,
            source_draws=source_draws,
            bandwidth_km=float(bandwidth),
        )[0]
        # Between-chain agreement of the map, on a raster of at most ~100 × 100.
        if raster is not None:
            f = max(1, math.ceil(max(raster.nx, raster.ny) / 100))
            coarse: _Raster | None = _Raster(
                raster.x0_km + (f - 1) * raster.cell_km / 2.0,
                raster.y0_km + (f - 1) * raster.cell_km / 2.0,
                f * raster.cell_km,
                math.ceil(raster.nx / f),
                math.ceil(raster.ny / f),
            )
            assert coarse is not None
            gx = coarse.x0_km + np.arange(coarse.nx) * coarse.cell_km
            gy = coarse.y0_km + np.arange(coarse.ny) * coarse.cell_km
            qx, qy = (a.ravel() for a in np.meshgrid(gx, gy))
        else:
            coarse, qx, qy = None, cx, cy
        per_chain = _profile_maps(
            draws,
            draws.comp_chain,
            n_ch,
            qx,
            qy,
            coarse,
            source_draws=source_draws,
            bandwidth_km=float(bandwidth),
        )
        mean_map = per_chain.mean(axis=0)
        self._components = draws
        self._source_draws = (src_x, src_y)
        self.bandwidth_km_ = float(bandwidth)
        self.map_ = pooled
        self.chain_map_tv_ = float(
            0.5 * np.abs(per_chain - mean_map[None, :]).sum(axis=1).max()
        )
        counts = np.bincount(draws.n_sources.ravel())
        self.n_sources_pmf_ = counts / counts.sum()
        self.n_sources_mean_ = float(draws.n_sources.mean())
        self.sigma_km_ = float(draws.sigma_km.mean())
        self.alpha_ = float(draws.alpha.mean())
        self.traces_ = {
            "sigma_km": draws.sigma_km,
            "n_sources": draws.n_sources.astype(np.float64),
            "alpha": draws.alpha,
            "log_lik": draws.log_lik,
        }
        self.rhat_ = {key: _rhat(val) for key, val in self.traces_.items()}
        self.sigma_mean_km_ = float(sigma_mean)
        self.tau_km_ = float(tau)
        self.prior_centre_xy_km_ = centre
        self.n_sweeps_ = draws.n_sweeps
        self.fit_seconds_ = draws.seconds
        return self

    def density(self, x_km: ArrayLike, y_km: ArrayLike) -> FloatArray:
        """Posterior predictive density of a source's location at points, per km².

        Parameters
        ----------
        x_km, y_km : array_like of shape (n,)
            Points in the plane of the events, km.

        Returns
        -------
        ndarray of shape (n,)
            Density per km² (not widened by any cell size).

        Raises
        ------
        NotFittedError
            Before :meth:`fit`.
        """
        draws = self._draws()
        px, py = _cells(x_km, y_km)
        n_kept = draws.n_sources.size
        centre, tau2 = self.prior_centre_xy_km_, self.tau_km_**2
        d2 = (px - centre[0]) ** 2 + (py - centre[1]) ** 2
        prior = np.exp(-0.5 * d2 / tau2) / (2.0 * np.pi * tau2)
        p_prior = float(draws.prior_weight.sum()) / n_kept
        if math.isfinite(self.bandwidth_km_):  # fitted with surface="draws"
            src_x, src_y = self._source_draws
            lam2 = self.bandwidth_km_**2
            return (1.0 - p_prior) * _t_mixture_at(
                np.full(src_x.size, 1.0 / src_x.size),
                src_x,
                src_y,
                np.full(src_x.size, lam2),
                px,
                py,
            ) + p_prior * prior
        return (
            _t_mixture_at(
                draws.comp_weight / n_kept,
                draws.comp_x_km,
                draws.comp_y_km,
                draws.comp_var_km2,
                px,
                py,
            )
            + p_prior * prior
        )

    def _draws(self) -> _Draws:
        draws: _Draws | None = self.__dict__.get("_components")
        if draws is None:
            raise NotFittedError(
                "This DPMProfiler is not fitted yet; call fit() before density()."
            )
        return draws
