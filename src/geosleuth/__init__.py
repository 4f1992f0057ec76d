"""geosleuth: where is this person most likely to be, how sure are we, where next?

Evidence with provenance (:mod:`geosleuth.evidence`) is fused on an equal-area grid
(:mod:`geosleuth.grid`, :mod:`geosleuth.fuse`) into a probability map with P(alive),
highest-density areas and per-item contributions; :mod:`geosleuth.profile` finds bases
from event sets, :mod:`geosleuth.plan` plans the search, :mod:`geosleuth.read` reads
reports, :mod:`geosleuth.report` writes the outputs.
"""

from __future__ import annotations

__version__ = "0.1.0"
