"""Root test configuration: docstring examples that need an optional extra skip.

The examples in ``src/geosleuth`` run as tests (``--doctest-modules``). A few use
the ``[nlp]`` extra (trafilatura, spaCy); where it is not installed, as in the
core-only run of ``.ci/run``, their :class:`~geosleuth.errors.MissingDependencyError`
makes them skip, as ``pytest.importorskip`` does for the tests, instead of fail.
Their temporary folders (``tempfile.mkdtemp()``) go under pytest's own base
folder, which pytest prunes, not into the system's temporary folder.
"""

from __future__ import annotations

import tempfile
from collections.abc import Generator
from typing import Any

import pytest
from _pytest.doctest import DoctestItem

from geosleuth.errors import MissingDependencyError


@pytest.fixture(autouse=True)
def _doctest_temporary_folder(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Give a docstring example's ``tempfile.mkdtemp()`` a folder pytest removes."""
    if isinstance(request.node, DoctestItem):
        folder = tmp_path_factory.mktemp("doctest")
        monkeypatch.setattr(tempfile, "tempdir", str(folder))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, Any, pytest.TestReport]:
    """Report a docstring example stopped by a missing extra as skipped."""
    report: pytest.TestReport = yield
    if call.excinfo is None or not isinstance(item, DoctestItem):
        return report
    inner = getattr(call.excinfo.value, "exc_info", None)  # doctest's wrapper
    if inner is not None and isinstance(inner[1], MissingDependencyError):
        report.outcome = "skipped"
        report.longrepr = (str(item.path), item.reportinfo()[1] or 0, str(inner[1]))
    return report
