"""The model's settings: every estimate records the settings it used."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from geosleuth.errors import InputError
from geosleuth.evidence import (
    DEFAULT_GRADES,
    MAX_KM,
    GradeTable,
)

__all__ = ["Settings"]


_DAYS_PER_YEAR = 365.25


def _check_distance(
    name: str, value: Any, *, positive: bool, unit: str, limit: float, why: str
) -> None:
    """A distance setting is a finite number, positive (or ≥ 0), up to ``limit``.

    As :func:`geosleuth.evidence._check_km` does for items: a place radius of
    1e9 km took 18 s and says nothing that half the Earth's circumference does
    not.
    """
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not (
        number
        and math.isfinite(value)
        and (value > 0 if positive else value >= 0)
        and value <= limit
    ):
        kind = "a positive" if positive else "a non-negative"
        raise InputError(
            f"The setting {name!r} must be {kind} number of {unit}, at most "
            f"{limit:,.1f} ({why}). Got {value!r} instead.",
            field=f"settings.{name}",
        )


@dataclass(frozen=True, slots=True)
class Settings:
    """Model settings; every estimate records the settings it used.

    Parameters
    ----------
    diffusion_km2_per_day : float, default 1.0
        Movement model: variance added per day on each axis (km²/day); at most
        ``MAX_KM²`` (a day's spread of half the Earth's circumference).
    hazard_per_year : float, default 0.1
        Hazard of death per year used to age ``P(alive)``.
    prior_alive : float, default 0.9
        ``P(alive)`` before the first life-status item.
    place_radius_km : float, default 15.0
        Radius of the disc around a named place whose probability is reported;
        at most :data:`~geosleuth.evidence.MAX_KM` (20,037.5 km, half the
        Earth's circumference: a disc that covers the globe).
    search_memory_days : float or None, default None
        If set, a search's detection probability also decays as
        ``exp(−age/memory)``: a search trusted less as it ages. The target's
        moving into a searched area since is the random walk's
        (``diffusion_km2_per_day``), whatever this is. ``None`` keeps a search's
        pd as recorded.
    cutoff_sigmas : float, default 8.0
        Kernels are not evaluated beyond this many σ (they are below 1e-14 there).
    max_reliability : float, default 0.99
        Cap on the probability that any item other than a search is true, so that no
        report, however certain its wording or grade, can zero a cell: only a search
        (``pd = 1``) empties an area.
    source_correlation : float, default 0.0
        ρ, the correlation assumed between the claims and sightings of one document
        (:mod:`geosleuth.dependence`): each of ``n`` such factors is weighted by
        ``1 / (1 + (n − 1) ρ)``. 0 treats them as independent; 1 lets a document
        count as one item.
    rest_of_world : float, default 0.0
        Probability that the target is outside the study region, before any
        search: the analyst's judgement, in [0, 1). The map is always given the
        target is in the region; unsuccessful searches inside it raise this one
        (:func:`~geosleuth.fuse.posterior.rest_of_world_after`), so searching the
        whole region does not make the target certain to be there. 0 keeps the
        world closed: the target is taken to be in the region, and ``fuse``
        warns when the searches so far would most likely have found it there.
    grades : GradeTable
        Grade and hedge probabilities.

    Examples
    --------
    >>> Settings(diffusion_km2_per_day=4.0).place_radius_km
    15.0
    >>> Settings(prior_alive=1.5)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The setting 'prior_alive' is out of range. Got 1.5 ...
    >>> Settings(place_radius_km=1e9)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The setting 'place_radius_km' must be a positive ...
    """

    diffusion_km2_per_day: float = 1.0
    hazard_per_year: float = 0.1
    prior_alive: float = 0.9
    place_radius_km: float = 15.0
    search_memory_days: float | None = None
    cutoff_sigmas: float = 8.0
    max_reliability: float = 0.99
    source_correlation: float = 0.0
    rest_of_world: float = 0.0
    grades: GradeTable = DEFAULT_GRADES

    def __post_init__(self) -> None:
        _check_distance(
            "place_radius_km", self.place_radius_km, positive=True, unit="km",
            limit=MAX_KM, why="half the Earth's circumference",
        )  # fmt: skip
        _check_distance(
            "diffusion_km2_per_day", self.diffusion_km2_per_day, positive=False,
            unit="km² a day", limit=MAX_KM**2,
            why="a day's spread of half the Earth's circumference, squared",
        )  # fmt: skip
        checks = {
            "hazard_per_year": self.hazard_per_year >= 0,
            "prior_alive": 0 <= self.prior_alive <= 1,
            "cutoff_sigmas": self.cutoff_sigmas > 0,
            "max_reliability": 0 < self.max_reliability < 1,
            "source_correlation": 0 <= self.source_correlation <= 1,
            "rest_of_world": 0 <= self.rest_of_world < 1,
        }
        for name, ok in checks.items():
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and ok):
                raise InputError(
                    f"The setting {name!r} is out of range. Got {value!r} instead.",
                    field=f"settings.{name}",
                )
        mem = self.search_memory_days
        if mem is not None and not (isinstance(mem, (int, float)) and mem > 0):
            raise InputError(
                "The setting 'search_memory_days' must be a positive number of days or "
                f"null. Got {mem!r} instead.",
                field="settings.search_memory_days",
            )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Rebuild settings written by :meth:`to_dict`.

        Examples
        --------
        >>> s = Settings(diffusion_km2_per_day=2.5)
        >>> Settings.from_dict(s.to_dict()) == s
        True
        """
        d = dict(data)
        grades = d.pop("grades", None)
        kwargs: dict[str, Any] = dict(d)
        if grades is not None:
            kwargs["grades"] = GradeTable(
                reliability_p=tuple(
                    (str(k), float(v)) for k, v in grades["reliability"].items()
                ),
                credibility_p=tuple(
                    (int(k), float(v)) for k, v in grades["credibility"].items()
                ),
                hedge_p=tuple((str(k), float(v)) for k, v in grades["hedge"].items()),
            )
        try:
            return cls(**kwargs)
        except TypeError as exc:
            raise InputError(
                f"Unknown or missing settings: {exc}.", field="settings"
            ) from None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping."""
        return {
            "diffusion_km2_per_day": self.diffusion_km2_per_day,
            "hazard_per_year": self.hazard_per_year,
            "prior_alive": self.prior_alive,
            "place_radius_km": self.place_radius_km,
            "search_memory_days": self.search_memory_days,
            "cutoff_sigmas": self.cutoff_sigmas,
            "max_reliability": self.max_reliability,
            "source_correlation": self.source_correlation,
            "rest_of_world": self.rest_of_world,
            "grades": {
                "reliability": dict(self.grades.reliability_p),
                "credibility": {str(k): v for k, v in self.grades.credibility_p},
                "hedge": dict(self.grades.hedge_p),
            },
        }
