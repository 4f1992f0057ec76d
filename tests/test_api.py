"""The public API: exported names, and what importing the core pulls in."""

import subprocess
import sys

import geosleuth


def test_all_names_are_exported_and_exist():
    for name in geosleuth.__all__:
        assert hasattr(geosleuth, name), name
    for module in (
        "errors",
        "evidence",
        "geometry",
        "grid",
        "dependence",
        "fuse",
        "casefile",
        "locate",
        "parallel",
        "profile",
        "plan",
        "testing",
    ):
        mod = __import__(f"geosleuth.{module}", fromlist=["__all__"])
        for name in mod.__all__:
            assert hasattr(mod, name), f"{module}.{name}"


def test_top_level_reexports_the_core_public_names():
    import importlib

    for name in (
        "errors",
        "evidence",
        "dependence",
        "fuse",
        "geometry",
        "grid",
        "plan",
        "profile",
    ):
        mod = importlib.import_module(f"geosleuth.{name}")
        missing = [n for n in mod.__all__ if n not in geosleuth.__all__]
        assert not missing, f"{mod.__name__}: {missing}"


def test_importing_the_core_pulls_in_no_nlp_web_or_dask():
    code = (
        "import sys, geosleuth.fuse, geosleuth.grid, geosleuth.evidence, "
        "geosleuth.geometry\n"
        "heavy = [m for m in ('spacy', 'fastapi', 'starlette', 'dask', 'trafilatura',"
        " 'shapely', 'pyproj', 'matplotlib', 'yaml') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_version():
    assert geosleuth.__version__.count(".") == 2
