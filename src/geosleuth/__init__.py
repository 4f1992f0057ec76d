"""geosleuth: where is this person most likely to be, and where should we look next.

Evidence with provenance (:mod:`geosleuth.evidence`) is fused on an equal-area grid
(:mod:`geosleuth.grid`, :mod:`geosleuth.fuse`) into a probability map with P(alive),
highest-density areas and per-item contributions; :mod:`geosleuth.profile` finds bases
from event sets, :mod:`geosleuth.plan` plans the search, :mod:`geosleuth.read` reads
reports, :mod:`geosleuth.report` writes the outputs, :mod:`geosleuth.casefile` reads
case files. The top level re-exports the core (pure numpy) names; the edge modules
(reading, reports, CLI) are imported on demand.
"""

from __future__ import annotations

from geosleuth.errors import (
    CaseFileError,
    EvidenceWarning,
    GazetteerError,
    GeosleuthError,
    GeosleuthWarning,
    InputError,
    MissingDependencyError,
    NotFittedError,
)
from geosleuth.evidence import (
    DEFAULT_GRADES,
    KINDS,
    Claim,
    EventSet,
    EvidenceItem,
    Front,
    Grade,
    GradeTable,
    Hedge,
    LifeStatus,
    Provenance,
    Searched,
    Sighting,
    Territory,
    reliability,
)
from geosleuth.fuse import (
    Contribution,
    Estimate,
    Factor,
    NamedPlace,
    PlaceProbability,
    Settings,
    TimelinePoint,
    factors,
    fuse,
    gaussian_mixture_density,
    hdr_area_km2,
    hdr_mask,
    p_alive,
    place_probabilities,
    posterior_from_factors,
    select,
    timeline,
)
from geosleuth.geometry import (
    Area,
    Geometry,
    Line,
    Point,
    distance_km,
    from_geojson,
    haversine_km,
    inside,
    to_geojson,
)
from geosleuth.grid import (
    WGS84_A_KM,
    WGS84_F,
    Grid,
    authalic_radius_km,
    laea_forward,
    laea_inverse,
)

__version__ = "0.1.0"

__all__ = [
    "Area",
    "CaseFileError",
    "Claim",
    "Contribution",
    "DEFAULT_GRADES",
    "Estimate",
    "EventSet",
    "EvidenceItem",
    "EvidenceWarning",
    "Factor",
    "Front",
    "GazetteerError",
    "Geometry",
    "GeosleuthError",
    "GeosleuthWarning",
    "Grade",
    "GradeTable",
    "Grid",
    "Hedge",
    "InputError",
    "KINDS",
    "LifeStatus",
    "Line",
    "MissingDependencyError",
    "NamedPlace",
    "NotFittedError",
    "PlaceProbability",
    "Point",
    "Provenance",
    "Searched",
    "Settings",
    "Sighting",
    "Territory",
    "TimelinePoint",
    "WGS84_A_KM",
    "WGS84_F",
    "authalic_radius_km",
    "distance_km",
    "factors",
    "from_geojson",
    "fuse",
    "gaussian_mixture_density",
    "haversine_km",
    "hdr_area_km2",
    "hdr_mask",
    "inside",
    "laea_forward",
    "laea_inverse",
    "p_alive",
    "place_probabilities",
    "posterior_from_factors",
    "reliability",
    "select",
    "timeline",
    "to_geojson",
]
