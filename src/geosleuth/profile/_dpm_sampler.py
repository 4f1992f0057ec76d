"""The DPM's Markov chains: a collapsed Gibbs sampler with split-merge moves.

:func:`_gibbs` runs all chains together, vectorised across them. Each sweep
reallocates the events one at a time, makes one sequentially-allocated split-merge
proposal per chain (Dahl 2003; :func:`_split_merge_step`), then draws the sources,
``sigma`` and ``alpha``; the kept sweeps come back as :class:`_Draws`. :func:`_rhat`
is the rank-normalised split R-hat of Vehtari et al. (2021). The model is described
in :class:`~geosleuth.profile.DPMProfiler`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.special
import scipy.stats

from geosleuth._types import FloatArray, IntArray

__all__ = ["ProgressCallback"]

#: A callable ``progress(done, total)``, called after each MCMC sweep.
ProgressCallback = Callable[[int, int], None]


def _rhat(trace: FloatArray) -> float:
    """Rank-normalised split R-hat (Vehtari et al. 2021) of a (chains, draws) trace.

    Returns the larger of the bulk and the folded (tail) R-hat; 1.0 for a constant
    trace, NaN with fewer than 4 draws per chain.
    """
    s = trace.shape[1]
    half = s // 2
    if half < 2:
        return math.nan
    split = np.concatenate([trace[:, :half], trace[:, s - half :]], axis=0)

    def classic(x: FloatArray) -> float:
        n = x.shape[1]
        means = x.mean(axis=1)
        w = float(x.var(axis=1, ddof=1).mean())
        b = n * float(means.var(ddof=1))
        if w <= 0:
            return 1.0 if b <= 0 else math.inf
        var_plus = (n - 1) / n * w + b / n
        return math.sqrt(var_plus / w)

    def ranknorm(x: FloatArray) -> FloatArray:
        r = scipy.stats.rankdata(x, method="average").reshape(x.shape)
        return np.asarray(scipy.special.ndtri((r - 0.375) / (x.size + 0.25)))

    if np.ptp(split) == 0:
        return 1.0
    bulk = classic(ranknorm(split))
    folded = np.abs(split - np.median(split))
    tail = classic(ranknorm(folded)) if np.ptp(folded) > 0 else 1.0
    return max(bulk, tail)


@dataclass(slots=True)
class _Draws:
    """What the Gibbs sampler returns (internal)."""

    n_sources: IntArray  # (chains, samples)
    sigma_km: FloatArray  # (chains, samples)
    alpha: FloatArray  # (chains, samples)
    log_lik: FloatArray  # (chains, samples): log p(events | allocation, sigma)
    comp_chain: IntArray  # (n_components,)
    comp_weight: FloatArray
    comp_x_km: FloatArray
    comp_y_km: FloatArray
    comp_var_km2: FloatArray
    prior_weight: FloatArray  # (chains,): summed weight of the prior component
    centre: tuple[float, float]
    tau_km: float
    labels: IntArray | None  # (samples, chains, events) when asked for
    n_sweeps: int
    seconds: float


def _log_marginal(
    w_sum: float,
    sx: float,
    sy: float,
    sq: float,
    *,
    sig2: float,
    tau2: float,
    centre: tuple[float, float],
) -> float:
    """Log marginal likelihood of one source's events, with the source integrated out.

    ``w_sum``, ``sx``, ``sy``, ``sq`` are Σw, Σw·x, Σw·y and Σw·(x² + y²) over the
    source's events. Constants shared by every partition are dropped.
    """
    mean_x, mean_y = sx / w_sum, sy / w_sum
    spread = sq - (sx * sx + sy * sy) / w_sum
    s2 = tau2 + sig2 / w_sum
    d2 = (mean_x - centre[0]) ** 2 + (mean_y - centre[1]) ** 2
    return -0.5 * spread / sig2 + math.log(sig2 / w_sum) - math.log(s2) - 0.5 * d2 / s2


def _split_merge(
    members_i: list[int],
    members_j: list[int],
    i: int,
    j: int,
    *,
    xs: list[float],
    ys: list[float],
    ws: list[float],
    sig2: float,
    tau2: float,
    centre: tuple[float, float],
    rng: np.random.Generator,
    split: bool,
) -> tuple[float, list[int]]:
    """Sequential allocation of Dahl (2003) between the groups anchored at i and j.

    With ``split=True`` the events of ``members_i`` (one cluster holding i and j)
    are allocated at random; otherwise the current allocation (i's cluster
    ``members_i``, j's cluster ``members_j``) is replayed. Returns the log proposal
    probability and the events that end up with i.
    """
    inv_tau2, inv_sig2 = 1.0 / tau2, 1.0 / sig2
    ax, ay = centre[0] * inv_tau2, centre[1] * inv_tau2
    pool = [k for k in members_i + members_j if k != i and k != j]
    order = rng.permutation(len(pool)).tolist()
    uniforms = rng.random(len(pool)).tolist()
    side_j = set(members_j)
    # Per side: weight, Σw·x, Σw·y, then v, mean x, mean y.
    n = [ws[i], ws[j]]
    sx = [ws[i] * xs[i], ws[j] * xs[j]]
    sy = [ws[i] * ys[i], ws[j] * ys[j]]
    v = [0.0, 0.0]
    mx = [0.0, 0.0]
    my = [0.0, 0.0]

    def update(s: int) -> None:
        vs = 1.0 / (inv_tau2 + n[s] * inv_sig2)
        v[s] = vs
        mx[s] = vs * (ax + sx[s] * inv_sig2)
        my[s] = vs * (ay + sy[s] * inv_sig2)

    update(0)
    update(1)
    log, lgamma, exp = math.log, math.lgamma, math.exp
    log_q = 0.0
    with_i = [i]
    for t, pos in enumerate(order):
        k = pool[pos]
        xk, yk, wk = xs[k], ys[k], ws[k]
        s0 = v[0] + sig2 / wk
        s1 = v[1] + sig2 / wk
        if wk == 1.0:
            crp0, crp1 = log(n[0]), log(n[1])
        else:
            crp0 = lgamma(n[0] + wk) - lgamma(n[0])
            crp1 = lgamma(n[1] + wk) - lgamma(n[1])
        lp0 = crp0 - log(s0) - 0.5 * ((xk - mx[0]) ** 2 + (yk - my[0]) ** 2) / s0
        lp1 = crp1 - log(s1) - 0.5 * ((xk - mx[1]) ** 2 + (yk - my[1]) ** 2) / s1
        diff = lp1 - lp0
        prob_i = 1.0 / (1.0 + exp(diff)) if diff < 700 else 0.0
        goes_i = uniforms[t] < prob_i if split else k not in side_j
        p = prob_i if goes_i else 1.0 - prob_i
        log_q += log(p) if p > 0 else -math.inf
        side = 0 if goes_i else 1
        n[side] += wk
        sx[side] += wk * xk
        sy[side] += wk * yk
        update(side)
        if goes_i:
            with_i.append(k)
    return log_q, with_i


@np.errstate(divide="ignore", invalid="ignore")
def _gibbs(
    x: FloatArray,
    y: FloatArray,
    w: FloatArray,
    *,
    n_chains: int,
    n_burnin: int,
    n_samples: int,
    thin: int,
    centre: tuple[float, float],
    tau_km: float,
    sig_shape: float,
    sig_scale: float,
    sigma_init_km: float,
    alpha_shape: float,
    alpha_rate: float,
    rng: np.random.Generator,
    progress: ProgressCallback | None,
    fixed_alpha: float | None = None,
    split_merge: bool = True,
    keep_labels: bool = False,
) -> _Draws:
    """Collapsed Gibbs sampler for the DPM, vectorised across chains.

    ``fixed_alpha`` holds the concentration fixed, ``split_merge`` toggles one
    split-merge proposal per chain and sweep, ``keep_labels`` returns the kept
    allocations (used by tests against exact enumeration). Empty clusters give
    ``log 0`` terms by design, hence the suppressed floating-point warnings.
    """
    t_start = time.perf_counter()
    n_ev, n_ch = x.size, n_chains
    unit = bool(np.all(w == 1.0))
    w_tot = float(w.sum())
    tau2 = tau_km * tau_km
    inv_tau2 = 1.0 / tau2
    cx0, cy0 = centre
    ax, ay = cx0 * inv_tau2, cy0 * inv_tau2
    fixed_sigma = math.isinf(sig_shape)
    chain_ids = np.arange(n_ch)
    wx, wy = w * x, w * y
    lgw = scipy.special.gammaln(w)
    xs_l, ys_l, ws_l = x.tolist(), y.tolist(), w.tolist()
    sq_ev = w * (x * x + y * y)
    pts = np.stack([x, y], axis=1)[:, :, None]  # (events, 2, 1)
    wx_l, wy_l = wx.tolist(), wy.tolist()
    axy = np.array([[ax], [ay]])

    # Over-dispersed starts: chain c begins with 8 * 2**c random clusters.
    k_init = np.minimum(8 * 2 ** np.minimum(chain_ids, 16), n_ev)
    labels = np.stack([rng.integers(0, k, size=n_ev) for k in k_init.tolist()])
    sig2 = np.full(n_ch, sigma_init_km**2)
    alpha = np.full(n_ch, 1.0 if fixed_alpha is None else fixed_alpha)

    n_sweeps = n_burnin + n_samples * thin
    keep_n: list[IntArray] = []
    keep_sig: list[FloatArray] = []
    keep_alpha: list[FloatArray] = []
    keep_ll: list[FloatArray] = []
    comps: list[tuple[IntArray, FloatArray, FloatArray, FloatArray, FloatArray]] = []
    prior_weight = np.zeros(n_ch)
    kept_labels: list[IntArray] | None = [] if keep_labels else None

    for sweep in range(n_sweeps):
        # Compact the labels and rebuild the sufficient statistics from scratch
        # (no drift), with at least one free slot per chain.
        for c in range(n_ch):
            _, labels[c] = np.unique(labels[c], return_inverse=True)
        kmax = max(int(labels.max()) + 2, 8)
        size = n_ch * kmax
        offs = chain_ids * kmax
        zt = np.ascontiguousarray((labels + offs[:, None]).T)  # (events, chains)
        flat = zt.ravel()
        cnt = np.bincount(flat, minlength=size).astype(np.float64)
        nw = np.bincount(flat, weights=np.repeat(w, n_ch), minlength=size)
        sxy: FloatArray = np.asarray(
            np.stack(
                [
                    np.bincount(flat, weights=np.repeat(wx, n_ch), minlength=size),
                    np.bincount(flat, weights=np.repeat(wy, n_ch), minlength=size),
                ]
            ),
            dtype=np.float64,
        )
        sx, sy = sxy[0], sxy[1]
        sig2_col = np.repeat(sig2, kmax)
        inv_sig2_col = 1.0 / sig2_col
        # Score of opening a new cluster, per (event, chain).
        s2_new = tau2 + sig2[None, :] / w[:, None]
        lp_new = (
            np.log(alpha)[None, :]
            - np.log(s2_new)
            - ((x - cx0) ** 2 + (y - cy0) ** 2)[:, None] / (2.0 * s2_new)
        )
        if not unit:
            lp_new += lgw[:, None]
        gumbel = rng.gumbel(size=(n_ev, n_ch, kmax + 1))
        order = rng.permutation(n_ev).tolist()
        prec = np.empty(size)
        v = np.empty(size)
        dxy = np.empty((2, size))
        d2 = np.empty(size)
        s2 = np.empty(size)
        lpb = np.empty(size)
        lp = np.empty((n_ch, kmax + 1))
        lp_exist = lp[:, :kmax]
        lpb2, d2_2 = lpb.reshape(n_ch, kmax), d2.reshape(n_ch, kmax)
        cnt2 = cnt.reshape(n_ch, kmax)
        for i in order:
            wi = ws_l[i]
            pt = pts[i]
            old = zt[i]
            cnt[old] -= 1.0
            nw[old] -= wi
            sx[old] -= wx_l[i]
            sy[old] -= wy_l[i]
            np.multiply(nw, inv_sig2_col, out=prec)
            prec += inv_tau2
            np.reciprocal(prec, out=v)
            np.multiply(sxy, inv_sig2_col, out=dxy)
            dxy += axy
            dxy *= v
            dxy -= pt
            np.square(dxy, out=dxy)
            np.add(dxy[0], dxy[1], out=d2)
            if unit:
                np.add(v, sig2_col, out=s2)
                np.divide(cnt, s2, out=lpb)
                np.log(lpb, out=lpb)
            else:
                np.divide(sig2_col, wi, out=s2)
                s2 += v
                # log(Γ(n_k + w_i) / Γ(n_k) / s2), kept in log space: the ratio
                # of gammas overflows float64 once w_i log n_k passes ~709.
                np.log(s2, out=lpb)
                np.subtract(
                    scipy.special.gammaln(nw + wi) - scipy.special.gammaln(nw),
                    lpb,
                    out=lpb,
                )
                np.copyto(lpb, -np.inf, where=cnt == 0)
            d2 /= s2
            d2 *= 0.5
            np.subtract(lpb2, d2_2, out=lp_exist)
            lp[:, kmax] = lp_new[i]
            lp += gumbel[i]
            pick = lp.argmax(axis=1)
            opened = kmax in pick.tolist()
            if opened:
                free = (cnt2 == 0).argmax(axis=1)
                pick = np.where(pick == kmax, free, pick)
            new = pick + offs
            zt[i] = new
            cnt[new] += 1.0
            nw[new] += wi
            sx[new] += wx_l[i]
            sy[new] += wy_l[i]
            if opened and (cnt2[:, kmax - 1] > 0).any():
                # The last free slot got used: double the slots.
                labels = zt.T - offs[:, None]
                kmax2 = 2 * kmax
                offs = chain_ids * kmax2
                zt = np.ascontiguousarray((labels + offs[:, None]).T)
                size = n_ch * kmax2
                grown = np.zeros((4, n_ch, kmax2))
                grown[0, :, :kmax] = cnt.reshape(n_ch, kmax)
                grown[1, :, :kmax] = nw.reshape(n_ch, kmax)
                grown[2, :, :kmax] = sxy[0].reshape(n_ch, kmax)
                grown[3, :, :kmax] = sxy[1].reshape(n_ch, kmax)
                cnt, nw = grown[0].ravel(), grown[1].ravel()
                sxy = grown[2:].reshape(2, size)
                sx, sy = sxy[0], sxy[1]
                extra = rng.gumbel(size=(n_ev, n_ch, kmax2 - kmax))
                gumbel = np.concatenate(
                    [gumbel[:, :, :kmax], extra, gumbel[:, :, kmax:]], axis=2
                )
                kmax = kmax2
                sig2_col = np.repeat(sig2, kmax)
                inv_sig2_col = 1.0 / sig2_col
                prec, v, d2, s2, lpb = (np.empty(size) for _ in range(5))
                dxy = np.empty((2, size))
                lp = np.empty((n_ch, kmax + 1))
                lp_exist = lp[:, :kmax]
                lpb2, d2_2 = lpb.reshape(n_ch, kmax), d2.reshape(n_ch, kmax)
                cnt2 = cnt.reshape(n_ch, kmax)
        zf = np.ascontiguousarray(zt.T)
        labels = zf - offs[:, None]

        if split_merge:
            for c in range(n_ch):
                _split_merge_step(
                    labels[c],
                    (xs_l, ys_l, ws_l),
                    (w, wx, wy, sq_ev),
                    rng,
                    sig2=float(sig2[c]),
                    tau2=tau2,
                    centre=centre,
                    alpha=float(alpha[c]),
                )

        # Source locations given the allocation, then sigma and alpha.
        zf = labels + offs[:, None]
        flat = zf.ravel()
        cnt = np.bincount(flat, minlength=size).astype(np.float64)
        nw = np.bincount(flat, weights=np.tile(w, n_ch), minlength=size)
        sx = np.bincount(flat, weights=np.tile(wx, n_ch), minlength=size)
        sy = np.bincount(flat, weights=np.tile(wy, n_ch), minlength=size)
        occ = cnt > 0
        k_now = occ.reshape(n_ch, kmax).sum(axis=1)
        if not fixed_sigma:
            inv_sig2_col = np.repeat(1.0 / sig2, kmax)
            vv = 1.0 / (inv_tau2 + nw * inv_sig2_col)
            mu_x = vv * (ax + sx * inv_sig2_col) + np.sqrt(vv) * rng.standard_normal(
                size
            )
            mu_y = vv * (ay + sy * inv_sig2_col) + np.sqrt(vv) * rng.standard_normal(
                size
            )
            ss = (w * ((x - mu_x[zf]) ** 2 + (y - mu_y[zf]) ** 2)).sum(axis=1)
            sig2 = (sig_scale + 0.5 * ss) / rng.gamma(sig_shape + w_tot, size=n_ch)
        if fixed_alpha is None:
            eta = rng.beta(alpha + 1.0, w_tot)
            rate = alpha_rate - np.log(eta)
            odds = (alpha_shape + k_now - 1.0) / (w_tot * rate)
            shape = alpha_shape + k_now - (rng.random(n_ch) >= odds / (1.0 + odds))
            alpha = rng.gamma(shape, 1.0 / rate)

        if sweep >= n_burnin and (sweep - n_burnin) % thin == 0:
            inv_sig2_col = np.repeat(1.0 / sig2, kmax)
            idx = np.flatnonzero(occ)
            ch = idx // kmax
            vk = 1.0 / (inv_tau2 + nw[idx] * inv_sig2_col[idx])
            mxk = vk * (ax + sx[idx] * inv_sig2_col[idx])
            myk = vk * (ay + sy[idx] * inv_sig2_col[idx])
            comps.append((ch, nw[idx] / (w_tot + alpha[ch]), mxk, myk, vk))
            prior_weight += alpha / (w_tot + alpha)
            # log p(events | allocation, sigma), sources integrated out.
            sq = np.bincount(flat, weights=np.tile(sq_ev, n_ch), minlength=size)[idx]
            s2k = sig2[ch]
            wk, sxk, syk = nw[idx], sx[idx], sy[idx]
            spread = sq - (sxk * sxk + syk * syk) / wk
            s2m = tau2 + s2k / wk
            d2m = (sxk / wk - cx0) ** 2 + (syk / wk - cy0) ** 2
            terms = (
                -0.5 * spread / s2k + np.log(s2k / wk) - np.log(s2m) - 0.5 * d2m / s2m
            )
            keep_ll.append(
                np.bincount(ch, weights=terms, minlength=n_ch)
                - w_tot * np.log(2.0 * np.pi * sig2)
            )
            keep_n.append(k_now.astype(np.int64))
            keep_sig.append(np.sqrt(sig2))
            keep_alpha.append(alpha.copy())
            if kept_labels is not None:
                kept_labels.append(labels.copy())
        if progress is not None:
            progress(sweep + 1, n_sweeps)

    def stack(parts: list[FloatArray]) -> FloatArray:
        return np.asarray(np.stack(parts, axis=1), dtype=np.float64)

    return _Draws(
        n_sources=np.stack(keep_n, axis=1),
        sigma_km=stack(keep_sig),
        alpha=stack(keep_alpha),
        log_lik=stack(keep_ll),
        comp_chain=np.concatenate([c[0] for c in comps]),
        comp_weight=np.concatenate([c[1] for c in comps]),
        comp_x_km=np.concatenate([c[2] for c in comps]),
        comp_y_km=np.concatenate([c[3] for c in comps]),
        comp_var_km2=np.concatenate([c[4] for c in comps]),
        prior_weight=prior_weight,
        centre=centre,
        tau_km=tau_km,
        labels=np.stack(kept_labels) if kept_labels is not None else None,
        n_sweeps=n_sweeps,
        seconds=time.perf_counter() - t_start,
    )


def _split_merge_step(
    labels: IntArray,
    events: tuple[list[float], list[float], list[float]],
    arrays: tuple[FloatArray, FloatArray, FloatArray, FloatArray],
    rng: np.random.Generator,
    *,
    sig2: float,
    tau2: float,
    centre: tuple[float, float],
    alpha: float,
) -> None:
    """One sequentially-allocated split-merge proposal (Dahl 2003), in place.

    ``events`` holds x, y and w as lists (for the sequential loop), ``arrays`` holds
    w, w·x, w·y and w·(x² + y²) as arrays (for cluster sums).
    """
    xs, ys, ws = events
    w_arr, wx_arr, wy_arr, sq_arr = arrays
    i, j = rng.choice(labels.size, size=2, replace=False).tolist()
    li, lj = int(labels[i]), int(labels[j])
    members_i = np.flatnonzero(labels == li).tolist()
    members_j = [] if li == lj else np.flatnonzero(labels == lj).tolist()

    def sums(members: list[int]) -> tuple[float, float, float, float]:
        idx = np.asarray(members)
        return (
            float(w_arr[idx].sum()),
            float(wx_arr[idx].sum()),
            float(wy_arr[idx].sum()),
            float(sq_arr[idx].sum()),
        )

    def log_target_ratio(part_a: list[int], part_b: list[int]) -> float:
        """Return log π(split into a, b) − log π(merged)."""
        sa, sb = sums(part_a), sums(part_b)
        sm = (sa[0] + sb[0], sa[1] + sb[1], sa[2] + sb[2], sa[3] + sb[3])
        ml = [
            _log_marginal(*part, sig2=sig2, tau2=tau2, centre=centre)
            for part in (sa, sb, sm)
        ]
        return (
            math.log(alpha)
            + math.lgamma(sa[0])
            + math.lgamma(sb[0])
            - math.lgamma(sm[0])
            + ml[0]
            + ml[1]
            - ml[2]
        )

    split = li == lj
    log_q, with_i = _split_merge(
        members_i,
        members_j,
        i,
        j,
        xs=xs,
        ys=ys,
        ws=ws,
        sig2=sig2,
        tau2=tau2,
        centre=centre,
        rng=rng,
        split=split,
    )
    if split:
        side_i = set(with_i)
        with_j = [k for k in members_i if k not in side_i]
        log_accept = log_target_ratio(with_i, with_j) - log_q
        if math.log(rng.random()) < log_accept:
            labels[np.asarray(with_j)] = int(labels.max()) + 1
    else:
        log_accept = log_q - log_target_ratio(members_i, members_j)
        if math.log(rng.random()) < log_accept:
            labels[np.asarray(members_j)] = li
