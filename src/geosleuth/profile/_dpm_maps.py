"""The DPM's maps: mixtures of bivariate Student-t (3 dof) densities on the cells.

:func:`_profile_maps` turns the sampler's kept components, or posterior draws of the
sources, into a map per chain or pooled, normalised over the cells. On a raster of
square cells the mixture is binned and convolved by FFT
(:func:`_t_mixture_on_raster`), elsewhere summed directly (:func:`_t_mixture_at`);
:func:`_loo_bandwidth_km` picks the t3 scale for ``surface="draws"``.
"""

from __future__ import annotations

import math

import numpy as np
import scipy.fft

from geosleuth._types import FloatArray, IntArray
from geosleuth.profile._dpm_sampler import _Draws
from geosleuth.profile._inputs import _Raster

__all__: list[str] = []

_T_DOF = 3.0


def _t2_density(d2_km2: FloatArray, scale2_km2: FloatArray | float) -> FloatArray:
    """Bivariate Student-t density (3 degrees of freedom) at squared distances."""
    s2 = np.asarray(scale2_km2, dtype=np.float64)
    return np.asarray(
        (1.0 + d2_km2 / (_T_DOF * s2)) ** (-(_T_DOF + 2.0) / 2.0) / (2.0 * np.pi * s2)
    )


def _gauss_on_raster(
    mx: float, my: float, var_km2: float, raster: _Raster
) -> FloatArray:
    """Isotropic normal density at the raster's cell centres, row-major."""
    xs = raster.x0_km + np.arange(raster.nx) * raster.cell_km
    ys = raster.y0_km + np.arange(raster.ny) * raster.cell_km
    gx = np.exp(-0.5 * (xs - mx) ** 2 / var_km2)
    gy = np.exp(-0.5 * (ys - my) ** 2 / var_km2)
    return np.asarray(np.outer(gy, gx).ravel() / (2.0 * np.pi * var_km2))


def _t_mixture_on_raster(
    weight: FloatArray,
    mx: FloatArray,
    my: FloatArray,
    scale2_km2: FloatArray,
    group: IntArray,
    n_groups: int,
    raster: _Raster,
) -> FloatArray:
    """Σ_m weight_m t3((cell - m_m); scale2_m) on a raster, one map per group.

    Components are split into bands of similar scale (ratio 1.25), binned by
    cloud-in-cell weights (which keeps each component's mean), and each band is
    convolved with the t3 kernel of its geometric-mean scale by a circular FFT of
    period at least twice the binned lattice (exact: no offset wraps). The kernel
    is scaled to unit sum over the raster's own cell offsets. A centre outside
    the raster is binned onto a margin of extra cells around it (as wide as the
    band needs, at most half the raster per side), so it adds only its tail; a
    centre beyond that margin, where the t3 is smooth over the cells, is summed
    at the cells (:func:`_t_mixture_at`) with the band's scaling. Returns shape
    ``(n_groups, n_cells)``.
    """
    nx, ny, h = raster.nx, raster.ny, raster.cell_km
    u = (mx - raster.x0_km) / h
    v = (my - raster.y0_km) / h
    # How many cells each centre lies beyond the raster, along each axis.
    over_x = np.maximum(np.maximum(-u, u - (nx - 1.0)), 0.0)
    over_y = np.maximum(np.maximum(-v, v - (ny - 1.0)), 0.0)
    far = (over_x > nx / 2.0) | (over_y > ny / 2.0)
    log_s = 0.5 * np.log(scale2_km2 / (h * h))
    band = np.floor(log_s / math.log(1.25)).astype(np.int64)
    out = np.zeros((n_groups, ny * nx))
    for b in np.unique(band).tolist():
        in_band = band == b
        near = in_band & ~far
        pad_x = math.ceil(float(over_x[near].max(initial=0.0)))
        pad_y = math.ceil(float(over_y[near].max(initial=0.0)))
        lat_x, lat_y = nx + 2 * pad_x, ny + 2 * pad_y  # the raster and its margin
        shape = (scipy.fft.next_fast_len(2 * lat_y), scipy.fft.next_fast_len(2 * lat_x))
        off_y = np.fft.fftfreq(shape[0], d=1.0 / shape[0])
        off_x = np.fft.fftfreq(shape[1], d=1.0 / shape[1])
        scale2_b = float(np.exp(2.0 * log_s[in_band].mean())) * h * h
        kernel = _t2_density(
            (off_y[:, None] ** 2 + off_x[None, :] ** 2) * (h * h), scale2_b
        )
        own = (np.abs(off_y)[:, None] < ny) & (np.abs(off_x)[None, :] < nx)
        norm = 1.0 / (float(kernel[own].sum()) * h * h)
        k_hat = np.fft.rfft2(kernel * norm)
        uu, vv = u + pad_x, v + pad_y
        j0 = np.clip(np.floor(uu).astype(np.int64), 0, max(lat_x - 2, 0))
        i0 = np.clip(np.floor(vv).astype(np.int64), 0, max(lat_y - 2, 0))
        fu, fv = np.clip(uu - j0, 0.0, 1.0), np.clip(vv - i0, 0.0, 1.0)
        j1, i1 = np.minimum(j0 + 1, lat_x - 1), np.minimum(i0 + 1, lat_y - 1)
        for g in range(n_groups):
            sel = near & (group == g)
            if sel.any():
                binned = np.zeros(lat_y * lat_x)
                wt = weight[sel]
                a, bb = fu[sel], fv[sel]
                for ii, jj, frac in (
                    (i0, j0, (1 - a) * (1 - bb)),
                    (i0, j1, a * (1 - bb)),
                    (i1, j0, (1 - a) * bb),
                    (i1, j1, a * bb),
                ):
                    binned += np.bincount(
                        ii[sel] * lat_x + jj[sel],
                        weights=wt * frac,
                        minlength=lat_y * lat_x,
                    )
                conv = np.fft.irfft2(
                    np.fft.rfft2(binned.reshape(lat_y, lat_x), s=shape) * k_hat,
                    s=shape,
                )
                inner = conv[pad_y : pad_y + ny, pad_x : pad_x + nx]
                out[g] += np.maximum(inner, 0.0).ravel()
            sel = in_band & far & (group == g)
            if sel.any():
                cell_x = np.tile(raster.x0_km + np.arange(nx) * h, ny)
                cell_y = np.repeat(raster.y0_km + np.arange(ny) * h, nx)
                out[g] += norm * _t_mixture_at(
                    weight[sel], mx[sel], my[sel], scale2_km2[sel], cell_x, cell_y
                )
    return out


def _t_mixture_at(
    weight: FloatArray,
    mx: FloatArray,
    my: FloatArray,
    scale2_km2: FloatArray,
    px: FloatArray,
    py: FloatArray,
) -> FloatArray:
    """Σ_m weight_m t3((p - m_m); scale2_m) at arbitrary points, chunked."""
    out = np.zeros(px.size)
    step = max(1, (1 << 22) // max(1, weight.size))
    for start in range(0, px.size, step):
        sl = slice(start, start + step)
        d2 = (px[sl, None] - mx[None, :]) ** 2 + (py[sl, None] - my[None, :]) ** 2
        out[sl] = _t2_density(d2, scale2_km2[None, :]) @ weight
    return out


def _loo_bandwidth_km(
    x_km: FloatArray,
    y_km: FloatArray,
    rng: np.random.Generator,
    *,
    max_points: int = 1000,
    n_grid: int = 40,
) -> float:
    """The t3 kernel scale that maximises the leave-one-out likelihood of points.

    RgeoProfile 2.x (``geoMCMC``) chooses the bandwidth of its t3 smoothing of
    posterior source draws by maximising the leave-one-out log-likelihood of the
    (binned) draws. We use the same criterion on the draws themselves (a random
    subsample of at most ``max_points``), over a geometric grid of ``n_grid``
    scales from 1/1000 to 2 times the draws' RMS spread, so the result does not
    depend on the study area's cells.
    """
    n = x_km.size
    if n < 2:
        return math.nan
    if n > max_points:
        pick = rng.choice(n, size=max_points, replace=False)
        x_km, y_km, n = x_km[pick], y_km[pick], max_points
    spread = math.sqrt(0.5 * (float(np.var(x_km)) + float(np.var(y_km))))
    if not spread > 0:
        return math.nan
    d2 = (x_km[:, None] - x_km[None, :]) ** 2 + (y_km[:, None] - y_km[None, :]) ** 2
    best, best_ll = math.nan, -math.inf
    for lam in spread * np.geomspace(1e-3, 2.0, n_grid):
        k = _t2_density(d2, float(lam * lam))
        np.fill_diagonal(k, 0.0)
        with np.errstate(divide="ignore"):
            ll = float(np.log(k.sum(axis=1)).sum())
        if ll > best_ll:
            best, best_ll = float(lam), ll
    return best


def _profile_maps(
    draws: _Draws,
    group: IntArray,
    n_groups: int,
    cx: FloatArray,
    cy: FloatArray,
    raster: _Raster | None,
    *,
    source_draws: tuple[FloatArray, FloatArray] | None = None,
    bandwidth_km: float = math.nan,
) -> FloatArray:
    """The DPM map (one per group of components), each normalised over the cells.

    Without ``source_draws``: each kept source ``k`` adds weight ``n_k/(n + alpha)``
    spread as a t3 of scale² ``v_k`` around ``m_k`` (``surface="conditional"``).
    With them: each posterior draw of a source location counts once, spread as a
    t3 of scale ``bandwidth_km`` (``surface="draws"``); ``group`` then labels the
    draws (one draw per kept component, in the same order).
    """
    n_kept = draws.n_sources.shape[1]
    n_ch = draws.n_sources.shape[0]
    centre, tau2 = draws.centre, draws.tau_km**2
    # The prior's share per group: all chains pooled, or one chain per group.
    prior_share = (
        np.array([draws.prior_weight.sum() / (n_kept * n_ch)])
        if n_groups == 1
        else draws.prior_weight / n_kept
    )
    if source_draws is None:
        weight = draws.comp_weight / n_kept
        mx, my, scale2 = draws.comp_x_km, draws.comp_y_km, draws.comp_var_km2
        prior_w = prior_share * (n_ch if n_groups == 1 else 1)
    else:
        mx, my = source_draws
        per_group = np.bincount(group, minlength=n_groups).astype(np.float64)
        weight = ((1.0 - prior_share) / np.maximum(per_group, 1.0))[group]
        scale2 = np.full(mx.size, bandwidth_km**2)
        prior_w = prior_share
        if raster is not None:
            # As RgeoProfile's bin2D: draws outside the study area are dropped.
            h = raster.cell_km
            inside = (
                (mx >= raster.x0_km - h / 2)
                & (mx < raster.x0_km + (raster.nx - 0.5) * h)
                & (my >= raster.y0_km - h / 2)
                & (my < raster.y0_km + (raster.ny - 0.5) * h)
            )
            mx, my, scale2 = mx[inside], my[inside], scale2[inside]
            weight, group = weight[inside], group[inside]
    if raster is not None:
        widen = raster.cell_km**2 / 12.0
        maps = _t_mixture_on_raster(
            weight, mx, my, scale2 + widen, group, n_groups, raster
        )
        prior = _gauss_on_raster(centre[0], centre[1], tau2 + widen, raster)
    else:
        maps = np.stack(
            [
                _t_mixture_at(
                    weight[group == g],
                    mx[group == g],
                    my[group == g],
                    scale2[group == g],
                    cx,
                    cy,
                )
                for g in range(n_groups)
            ]
        )
        d2 = (cx - centre[0]) ** 2 + (cy - centre[1]) ** 2
        prior = np.exp(-0.5 * d2 / tau2) / (2.0 * np.pi * tau2)
    maps += prior_w[:, None] * prior[None, :]
    total = maps.sum(axis=1, keepdims=True)
    return np.asarray(maps / np.where(total > 0, total, 1.0))
