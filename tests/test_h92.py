"""Helper h92: review r85's M1, M2, M3 and L5 (what the outputs lead with and say).

M2: where a named area (a country, a province) holds the map and every ranked
place under 1 %, the summary and report.html led with "Most likely named place:
Split, < 0.1 %" and the map opened on the whole region. They now lead with the
areas and where the 50 % area lies, call such a place no likely one, and the map
opens on a highest-density area of at most half the region. The demo's headline
(Hajin, 77.9 %) stays as it was.

M3: one speaker's items in one document count as independent by default; a run
warns where two or more of them move the map, naming them and the setting
(source_correlation: 1) that counts a document's items as one.

M1: a publication year below 1000 is refused where given (--published, the
service's published) and not used where a document gives it; a document
published before 1900, or over 30 years before the newest of the run, is warned
of.

L5: the report's plan table gives each band's P(here), POD and P(found here).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from pathlib import Path
from types import SimpleNamespace as NS
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app
from geosleuth.errors import EvidenceWarning, InputError
from geosleuth.report.text import area_lead, headline_lead, place_lead

runner = CliRunner()
SEED = REPO / "src" / "geosleuth" / "examples" / "seed-baghdadi-2018.yaml"

_HEAD = """\
target: Marko Zelenko
title: Where is Marko Zelenko?
as_of: 2024-03-20
region: {west: 13.0, south: 40.0, east: 24.0, north: 47.0}
grid: {cell_km: 10}
"""
_PLACES = """\
places:
  Split: {lon: 16.44, lat: 43.51}
  Zagreb: {lon: 15.98, lat: 45.81}
  Kotor area:
    polygon: [[18.55, 42.35], [18.95, 42.35], [18.95, 42.60], [18.55, 42.60]]
"""
#: Two old sightings at points, and a lawyer's two claims of an area in one
#: document: the area holds the map, and each place under 1 %.
_EVIDENCE = """\
documents:
  police: {title: Police report, published: 2023-06-05}
  lawyer: {title: Lawyer says client in Kotor, published: 2024-03-18}
evidence:
  - {id: s1, kind: sighting, document: police, date: 2023-06-03, place: Split,
     grade: F3, quote: Zelenko was seen in Split.}
  - {id: s2, kind: sighting, document: police, date: 2023-06-02, place: Zagreb,
     grade: F3, quote: Zelenko was seen in Zagreb.}
  - {id: c1, kind: claim, document: lawyer, speaker: Jovic, date: 2024-03-18,
     place: Kotor area, grade: F3, quote: My client is living in Kotor.}
  - {id: c2, kind: claim, document: lawyer, speaker: %s, date: 2024-03-18,
     place: Kotor area, grade: F3, quote: He has been in Kotor since March 15.}
"""


def _case(tmp: Path, *, speaker: str = "Jovic", settings: str = "") -> Path:
    path = tmp / "case.yaml"
    path.write_text(_HEAD + settings + _PLACES + _EVIDENCE % speaker, encoding="utf-8")
    return path


def _run(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args], terminal_width=400)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _record(out: Path) -> dict[str, Any]:
    return json.loads((out / "estimate.json").read_text(encoding="utf-8"))


def _gs_data(out: Path) -> dict[str, Any]:
    page = (out / "report.html").read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="gs-data">(.*?)</script>', page)
    assert m is not None
    return json.loads(m.group(1))


def _box_area(box: list[float]) -> float:
    west, south, east, north = box
    return (east - west) * (north - south)


@pytest.fixture(scope="module")
def kotor(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("kotor")
    out = tmp / "out"
    result = runner.invoke(
        app, ["locate", str(_case(tmp)), "--out", str(out)], terminal_width=400
    )
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("demo") / "out"
    result = _run("locate", SEED, "--out", out)
    assert result.exit_code == 0, result.output
    return out, result.output


# -- M2: the headline says where the probability is -----------------------------------


def test_the_case_has_its_map_in_the_area_and_every_place_under_one_percent(kotor):
    out, _ = kotor
    rec = _record(out)
    (area,) = rec["named_areas"]["areas"]
    assert area["name"] == "Kotor area" and area["probability"] > 0.1
    assert all(p["probability"] < 0.01 for p in rec["places"])


def test_the_summary_leads_with_the_area_and_calls_the_best_place_unlikely(kotor):
    _, output = kotor
    flat = _flat(output)
    lead = flat.index("lies in Kotor area, an area named by 2 items")
    assert lead < flat.index("Ranked places") < flat.index("│ Split")
    assert re.search(
        r"the best place is Split, 0\.\d %, under 1 %: not a likely pl", flat
    )
    assert "the 50 % area, " in flat and "is centred near 42." in flat
    assert "a point in Kotor area." in flat  # its centre lies in the polygon
    assert "when any one item is left out (under 1 %: not a likely place)" in flat


def test_the_report_leads_with_the_area_and_says_the_timeline_follows_places(kotor):
    out, _ = kotor
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Most likely named place" not in page
    assert "<b>Where the probability is</b>: " in page
    assert "lies in <bdi>Kotor area</bdi>, an area named by 2 items" in page
    assert (
        "<bdi>Split</bdi>, 0." in page and " %, under 1 %: not a likely place" in page
    )
    assert "The chart follows the ranked places only" in page


def test_the_map_opens_on_the_likely_area_not_the_region(kotor):
    out, _ = kotor
    data = _gs_data(out)
    assert _box_area(data["focus"]) < 0.25 * _box_area(data["view"])
    west, south, east, north = data["focus"]
    assert west < 18.75 < east and south < 42.47 < north  # Kotor inside it


def test_the_demo_headline_and_focus_stay(demo):
    out, output = demo
    flat = _flat(output)
    # the near miss: the best place holds most, and leads as before
    assert flat.startswith("Where is Abu Bakr al-Baghdadi? (as of 2018-05-15) ┏")
    assert "Ranked places" not in flat and "not a likely place" not in flat
    assert (
        "Hajin: 77.9 %, between 53.9 % and 78.6 % when any one item is left out" in flat
    )
    page = (out / "report.html").read_text(encoding="utf-8")
    assert (
        "<p>Most likely named place: <b><bdi>Hajin</bdi></b>, 77.9 % within 15 km."
        in page
    )
    assert "Where the probability is" not in page
    assert "follows the ranked places only" not in page
    from geosleuth.report import files
    from geosleuth.report._style import focus_extent_km
    from geosleuth.report.html import _focus_km

    grid, post = files.load_posterior(out)
    est = NS(grid=grid, posterior=post)
    assert _focus_km(est) == focus_extent_km(post, grid, pad=0.6)  # type: ignore[arg-type]


def _area(name: str, p: float, km2: float) -> Any:
    return NS(name=name, probability=p, items=("c1",), kind=None, area_km2=km2)


def test_a_best_place_over_one_percent_is_named_as_before() -> None:
    est = NS(
        named_areas=[_area("Durango", 0.48, 123_000.0)],
        places=[NS(name="Culiacán", probability=0.069, radius_km=20)],
    )
    said = area_lead(est)
    assert said is not None and said.endswith("the best place is Culiacán, 6.9 %")
    assert place_lead(est) is None and headline_lead(est) == said


def test_a_place_under_one_percent_with_no_area_is_called_unlikely() -> None:
    est = NS(named_areas=[], places=[NS(name="Split", probability=4e-5, radius_km=15)])
    assert headline_lead(est) == (
        "No ranked place is likely: the best, Split, holds < 0.1 % within 15 km, "
        "under 1 %"
    )
    # the near miss: a place of 1 % or more leads, as the demo's
    est.places[0].probability = 0.01
    assert headline_lead(est) is None


# -- M3: one speaker's items in one document ---------------------------------------


def _warnings_of(rec: dict[str, Any]) -> list[str]:
    return [w for w in rec["warnings"] if "independent reports" in w]


def test_one_speakers_two_claims_are_warned_of_everywhere(kotor):
    out, output = kotor
    rec = _record(out)
    (said,) = _warnings_of(rec)
    assert said.startswith(
        "2 items of one speaker, 'Jovic', in one document, 'Lawyer says client in "
        "Kotor' (c1, c2; map shift "
    )
    assert "count as 2 independent reports (source_correlation 0, the default)" in said
    assert "'settings: {source_correlation: 1}' in the case file" in said
    page = (out / "report.html").read_text(encoding="utf-8")
    warned = page.index("Warnings of this run")
    assert warned < page.index("Where the probability is")  # above the headline
    assert "count as 2 independent reports" in page
    assert "count as 2 independent reports" in _flat(output)  # on the terminal
    result = _run("verify", out)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("speaker", "settings"),
    [
        ("Petrovic", ""),  # two speakers: two sources
        ("Jovic", "settings: {source_correlation: 1}\n"),  # counted as one
        ("Jovic", "settings: {source_correlation: 0.5}\n"),  # chosen by the analyst
    ],
)
def test_no_note_for_two_speakers_or_a_correlation_set(
    tmp_path: Path, speaker: str, settings: str
) -> None:
    out = tmp_path / "out"
    result = _run(
        "locate", _case(tmp_path, speaker=speaker, settings=settings), "--out", out
    )
    assert result.exit_code == 0, result.output
    assert not _warnings_of(_record(out))


def test_only_items_of_one_named_speaker_are_grouped() -> None:
    from geosleuth.evidence import Claim, Provenance
    from geosleuth.fuse import Contribution
    from geosleuth.geometry import Point
    from geosleuth.locate import one_speaker_groups

    def claim(iid: str, speaker: str | None) -> Claim:
        return Claim(
            id=iid, date=dt.date(2024, 3, 18), place=Point(18.77, 42.42),
            provenance=Provenance(document="a3", speaker=speaker,
                                  published=dt.date(2024, 3, 18)),
        )  # fmt: skip

    items = [claim("c1", None), claim("c2", None), claim("c3", "Jovic")]
    shifts = {"c1": 0.04, "c2": 0.40, "c3": 0.40}
    est = NS(
        used=("c1", "c2", "c3"),
        contributions=[Contribution(k, "claim", v, 0.0) for k, v in shifts.items()],
    )
    # items with no speaker join neither Jovic nor one another (reviews r97 L3,
    # r105 M1: tests/test_i110.py)
    assert one_speaker_groups(est, items) == []  # type: ignore[arg-type]
    items.append(claim("c4", " jovic"))  # the same name but for case and spacing
    shifts["c4"] = 0.3
    est.contributions = [Contribution(k, "claim", v, 0.0) for k, v in shifts.items()]
    est.used = (*est.used, "c4")
    groups = one_speaker_groups(est, items)  # type: ignore[arg-type]
    assert [[i.id for i in g] for g in groups] == [["c3", "c4"]]
    # small shifts all: no note (the seed's expert, 0.02 and 0.01)
    est.contributions = [Contribution(k, "claim", 0.02, 0.0) for k in shifts]
    assert one_speaker_groups(est, items) == []  # type: ignore[arg-type]


def test_the_demo_has_no_such_note(demo):
    out, _ = demo
    assert not _warnings_of(_record(out))


# -- M1: a mistyped publication year --------------------------------------------------


def test_published_with_a_year_below_1000_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Marko Zelenko was seen in Split.\n", encoding="utf-8")
    for command in ("read", "locate"):
        result = _run(
            command, article, "--target", "Marko Zelenko", "--published",
            "0024-03-04", "--out", tmp_path / command,
        )  # fmt: skip
        assert result.exit_code != 0
        assert "--published is 0024-03-04, a year below 1000" in _flat(result.output)


def test_the_reader_refuses_or_warns_of_an_early_year() -> None:
    from geosleuth.read._pub_dates import _own_date, _published

    with pytest.raises(InputError, match=r"\(published\) is 0204-03-04") as err:
        _published("0204-03-04")
    assert err.value.field == "published"
    what = "its front matter's 'date'"
    with pytest.warns(EvidenceWarning, match="0024-03-04, a year below 1000"):
        assert _own_date(dt.date(24, 3, 4), "typo.md", what) is None
    with pytest.warns(EvidenceWarning, match="1024-03-04 .* before 1900"):
        assert _own_date(dt.date(1024, 3, 4), "typo.md", what) == dt.date(1024, 3, 4)
    # the near miss: a date of this century reads as before, with no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _own_date(dt.date(2024, 3, 4), "a.md", what) == dt.date(2024, 3, 4)
        assert _published("2024-03-04") == dt.date(2024, 3, 4)


_OLD = """\
target: Marko Zelenko
title: t
as_of: 2024-03-20
region: {west: 13.0, south: 40.0, east: 24.0, north: 47.0}
grid: {cell_km: 10}
places:
  Split: {lon: 16.44, lat: 43.51}
documents:
  old: {title: Old report, published: %s}
  new: {title: New report, published: 2024-03-18}
evidence:
  - {id: s1, kind: sighting, document: old, date: %s, place: Split, grade: F3,
     quote: Zelenko was seen in Split.}
  - {id: s2, kind: sighting, document: new, date: 2024-03-17, place: Split,
     grade: F3, quote: Zelenko was seen in Split again.}
"""


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("1924-03-04", "is published on 1924-03-04, 100 years before the newest"),
        ("1824-03-04", "is published on 1824-03-04, before 1900"),
        ("2010-03-04", None),  # the near miss: 14 years, no warning
    ],
)
def test_locate_warns_of_a_document_long_before_the_newest(
    tmp_path: Path, published: str, expected: str | None
) -> None:
    case = tmp_path / "case.yaml"
    day = (dt.date.fromisoformat(published) - dt.timedelta(days=2)).isoformat()
    case.write_text(_OLD % (published, day), encoding="utf-8")
    result = _run("locate", case, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    said = [w for w in _record(tmp_path / "out")["warnings"] if "mistyped" in w]
    if expected is None:
        assert said == []
    else:
        (one,) = said
        assert one.startswith("The document 'Old report' ") and expected in one
        assert "Its items (s1) are dated from it" in one


# -- L5: the plan table gives each band's probability and POD ----------------------


def test_the_plan_table_gives_p_here_pod_and_p_found(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run(
        "locate", SEED, "--budget-km", 200, "--sweep-width-km", 0.5, "--out", out
    )
    assert result.exit_code == 0, result.output
    page = (out / "report.html").read_text(encoding="utf-8")
    table = page[page.index('<table class="plan">') :]
    table = table[: table.index("</table>")]
    head = re.findall(r"<th>(.*?)</th>", table)
    assert head[-3:] == ["P(here)", "POD", "P(found here)"]
    assert "Track per cell, mean" in head  # the track columns stay
    rows = [
        re.findall(r"<td>(.*?)</td>", r) for r in re.findall(r"<tr>(.*?)</tr>", table)
    ]
    rows = [r for r in rows if r]
    assert rows and all(re.fullmatch(r"[\d.]+ %", c) for r in rows for c in r[-3:])
    found = sum(float(r[-1].split()[0]) for r in rows)
    pos = _record(out)["plan"]["probability_of_success"]
    assert found == pytest.approx(100 * pos, abs=0.1 * len(rows))


def test_band_figures_are_sums_of_the_cells() -> None:
    import numpy as np

    from geosleuth.grid import Grid
    from geosleuth.report.geojson import effort_bands_geojson

    g = Grid.around(40.0, 35.0, radius_km=10.0, cell_km=5.0)
    e = np.array([0, 1, 2, 0, 4, 4, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0], dtype=float)
    p = np.linspace(0.01, 0.16, 16)
    p /= p.sum()
    pod = 1 - np.exp(-e / 4)
    fc = effort_bands_geojson(e, g, n_bands=2, p=p, pod=pod)
    total = sum(f["properties"]["p_found"] for f in fc["features"])
    assert total == pytest.approx(float(p @ pod))
    for f in fc["features"]:
        pr = f["properties"]
        assert pr["pod"] <= pr["p_found"] / pr["p_here"] < pr["pod"] + 1e-6
    # the near miss: without p and pod, the bands are as before
    plain = effort_bands_geojson(e, g, n_bands=2)
    assert "pod" not in plain["features"][0]["properties"]


_SERVICE_CASE = (
    "target: Marko Zelenko\ntitle: t\nas_of: 2024-03-20\nevidence: []\n"
    "region: {west: 13, south: 40, east: 24, north: 47}\ngrid: {cell_km: 10}\n"
)


def _service_case(tmp_path: Path) -> tuple[Any, str, Any]:
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from geosleuth.service import create_app
    from serving import call

    service = create_app(tmp_path / "data")
    r = call(service, "POST", "/api/cases", content=_SERVICE_CASE.encode())
    assert r.status_code == 201, r.text
    return service, r.json()["id"], call


def test_the_service_refuses_an_upload_published_in_year_204(tmp_path: Path) -> None:
    service, case_id, call = _service_case(tmp_path)
    r = call(service, "POST", f"/api/cases/{case_id}/documents",
             files={"document": ("a1.txt", b"Marko Zelenko was seen in Split.\n")},
             data={"published": "0204-03-04"})  # fmt: skip
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["field"] == "published" and "0204-03-04" in body["message"]
    docs = call(service, "GET", f"/api/cases/{case_id}").json()["documents"]
    assert docs == []  # nothing kept


@pytest.mark.nlp
def test_the_service_warns_of_an_upload_published_before_1900(
    tmp_path: Path, nlp: Any
) -> None:
    service, case_id, call = _service_case(tmp_path)
    for day, warned in (("1924-03-04", False), ("1204-03-04", True)):
        r = call(service, "POST", f"/api/cases/{case_id}/documents",
                 files={"document": (f"{day}.txt",
                                     b"Marko Zelenko was seen in Split.\n")},
                 data={"published": day})  # fmt: skip
        assert r.status_code == 201, r.text
        said = [w for w in r.json()["warnings"] if "before 1900" in w]
        assert bool(said) == warned, said


def test_the_lead_names_a_larger_area_that_holds_more_than_a_smaller_one() -> None:
    # review r97 M2: Durango (larger than Sinaloa) holding 39.7 % was left out
    # while a box inside it, holding 23.2 %, was named; the next two areas go
    # by what they hold, and one inside the first is said to be "of which"
    from types import SimpleNamespace as NS

    from geosleuth.geometry import Area
    from geosleuth.report.text import area_lead

    sinaloa = NS(
        name="Sinaloa",
        probability=0.501,
        items=("a",),
        kind="state",
        area_km2=57_000.0,
        area=Area.box(-109.0, 22.5, -105.5, 27.0),
    )
    durango = NS(
        name="Durango",
        probability=0.397,
        items=("b",),
        kind="state",
        area_km2=123_000.0,
        area=Area.box(-107.0, 22.0, -102.5, 26.8),
    )
    box = NS(
        name="Box",
        probability=0.232,
        items=("c",),
        kind=None,
        area_km2=11_200.0,
        area=Area.box(-106.9, 22.6, -105.6, 23.4),
    )
    tiny = NS(
        name="Tiny",
        probability=0.05,
        items=("d",),
        kind=None,
        area_km2=10.0,
        area=Area.box(-104.0, 25.0, -103.97, 25.03),
    )
    est = NS(
        named_areas=[sinaloa, durango, box, tiny],
        places=[NS(name="Culiacán", probability=0.004)],
    )
    lead = area_lead(est)
    assert lead is not None
    assert lead.startswith("50.1 % lies in Sinaloa (state), an area named by 1 item")
    assert ", and 39.7 % in Durango (state), 123,000 km²" in lead
    assert ", of which 23.2 % in Box, 11,200 km²" in lead  # mostly in Sinaloa
    assert "Tiny" not in lead  # two areas after the first, not more


def test_a_case_files_document_published_below_year_1000_is_refused(
    tmp_path: Path,
) -> None:
    # review r97 L1: --published and front matter refused it, the case file's
    # documents: took it and P(alive) fell below 0.1 %
    from geosleuth.casefile import load_case
    from geosleuth.errors import CaseFileError

    text = (
        "target: Marko Zelenko\nas_of: 2024-03-20\n"
        "region: {west: 13, south: 41, east: 20, north: 47}\n"
        "documents:\n  a: {title: A, published: 0024-03-04}\n"
        "evidence:\n  - {id: s1, kind: sighting, date: 2024-03-02, document: a,\n"
        "     place: {lon: 18.77, lat: 42.43}, grade: B2}\n"
    )
    case = tmp_path / "case.yaml"
    case.write_text(text, encoding="utf-8")
    with pytest.raises(CaseFileError) as e:
        load_case(case)
    assert "documents.a.published is 0024-03-04, a year below 1000" in str(e.value)
    assert e.value.line == 5
    case.write_text(text.replace("0024-03-04", "2024-03-04"), encoding="utf-8")
    assert load_case(case).items[0].provenance.published.year == 2024
