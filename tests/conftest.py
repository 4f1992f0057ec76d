"""Shared test configuration: hypothesis profiles, the path to ../shared, spaCy."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    deadline=None,
    max_examples=40,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOSLEUTH_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository; skip the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(
            f"needs the shared data folder, not found at {SHARED} "
            "(set GEOSLEUTH_SHARED to point at it)"
        )
    return SHARED


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline; skip the test without the [nlp] extra or its model."""
    pytest.importorskip("spacy", reason="needs the [nlp] extra (spaCy)")
    from geosleuth.errors import MissingDependencyError
    from geosleuth.read.toponyms import load_nlp

    try:
        return load_nlp()
    except MissingDependencyError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def gaz() -> Any:
    """The default gazetteer (GeoNames cities and the curated places), loaded once."""
    from geosleuth.gazetteer import Gazetteer

    return Gazetteer.default()


@pytest.fixture(params=["rules", pytest.param("ner", marks=pytest.mark.nlp)])
def ner(request: pytest.FixtureRequest) -> Any:
    """Toponyms by rules only, or with the spaCy pipeline (skipped without it)."""
    if request.param == "rules":
        return False
    return request.getfixturevalue("nlp")


def mentions_at(text: str, coords: dict[str, tuple[float, float]]) -> list[Any]:
    """Place mentions of every name of ``coords`` in ``text``, at the given lon/lat.

    Stands in for the toponym stage, so claim tests do not depend on the gazetteer.
    """
    from geosleuth.read.toponyms import Mention

    out = []
    for name, (lon, lat) in coords.items():
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not (end < len(text) and text[end].isalpha()):
                out.append(Mention(name, start, end, name, lon, lat, None, 0.9, None))
            start = text.find(name, end)
    return sorted(out, key=lambda m: m.start)


class _Reading:
    """What the stand-in reader returns: enough for the service to store."""

    def __init__(self, path, target, published):
        self.doc_id, self.title, self.target = path.stem, None, target
        self.published = published
        self.evidence, self.mentions, self.rejected, self.notes = [], [], [], []
        self.unused: list[Any] = []

    def to_dict(self):
        return {"doc_id": self.doc_id, "target": self.target}


@pytest.fixture
def quick(monkeypatch):
    """Stand-ins for ``read_document`` and ``locate_case``: fast, no spaCy.

    For the service's tests, where the gate is the web layer's, not the library's.
    """
    import geosleuth.locate
    import geosleuth.read

    def read_document(path, *, target=None, published=None):
        return _Reading(path, target, published)

    def locate_case(inputs, *, out, **kwargs):
        record = {"case": "case.yaml", "title": "t", "target": "x", "places": []}
        (out / "estimate.json").write_text(json.dumps(record))
        (out / "report.html").write_text("<p>the report</p>")
        (out / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        return None, "x"

    monkeypatch.setattr(geosleuth.read, "read_document", read_document)
    monkeypatch.setattr(geosleuth.locate, "locate_case", locate_case)
