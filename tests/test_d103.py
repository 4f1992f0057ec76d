"""Helper d103: the service's pages, the report's map and the unused areas.

1. Where a named area holds more than the best ranked place, the service's
   index and case pages showed the top place ("Split (0.005)"); they now lead
   as the summary and report.html do, with the sentence of
   :func:`geosleuth.report.text.headline_lead`, which the run writes into
   estimate.json (``headline``) and its summary. The seed's Hajin leads as
   before.
2. report.html's map labelled only the ranked places; it now labels the areas
   the headline names too, with their share, and says what it still does not
   label.
3. A polygon under the case file's ``places:`` that no item names was in no
   table of the report; it is now listed under the areas, "not used by any
   item".

Every name here is hostile markup: it must reach each page escaped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app as cli_app

runner = CliRunner()
SEED = REPO / "src" / "geosleuth" / "examples" / "seed-baghdadi-2018.yaml"
AREA = "Kotor <script>alert(1)</script>"
UNUSED = "Bay <img src=x onerror=alert(2)>"

#: Two old sightings at points and two claims of an area: the area holds more
#: than either place, each place under 1 %.
CASE = f"""\
target: Marko Zelenko
title: Where is Marko Zelenko?
as_of: 2024-03-20
region: {{west: 13.0, south: 40.0, east: 24.0, north: 47.0}}
grid: {{cell_km: 10}}
places:
  Split: {{lon: 16.44, lat: 43.51}}
  Zagreb: {{lon: 15.98, lat: 45.81}}
  "{AREA}":
    polygon: [[18.55, 42.35], [18.95, 42.35], [18.95, 42.60], [18.55, 42.60]]
  "{UNUSED}":
    source: analyst's sketch
    polygon: [[19.0, 41.0], [19.5, 41.0], [19.5, 41.5], [19.0, 41.5]]
  Coast road:
    line: [[16.0, 43.0], [17.0, 43.5]]
documents:
  police: {{title: Police report, published: 2023-06-05}}
  lawyer: {{title: Lawyer says client in Kotor, published: 2024-03-18}}
evidence:
  - {{id: s1, kind: sighting, document: police, date: 2023-06-03, place: Split,
     grade: F3, quote: Zelenko was seen in Split.}}
  - {{id: s2, kind: sighting, document: police, date: 2023-06-02, place: Zagreb,
     grade: F3, quote: Zelenko was seen in Zagreb.}}
  - {{id: c1, kind: claim, document: lawyer, speaker: Jovic, date: 2024-03-18,
     place: "{AREA}", grade: F3, quote: My client is living in Kotor.}}
  - {{id: c2, kind: claim, document: lawyer, speaker: Petrovic, date: 2024-03-18,
     place: "{AREA}", grade: F3, quote: He has been in Kotor since March 15.}}
"""


def _record(out: Path) -> dict[str, Any]:
    return json.loads((out / "estimate.json").read_text(encoding="utf-8"))


def _page(out: Path) -> str:
    return (out / "report.html").read_text(encoding="utf-8")


def _gs_data(page: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="gs-data">(.*?)</script>', page)
    assert m is not None
    return json.loads(m.group(1))


def _no_raw_markup(page: str) -> None:
    """Neither hostile name reaches the page as markup."""
    assert "<script>alert" not in page and "<img src=x" not in page


@pytest.fixture(scope="module")
def kotor(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("kotor")
    (tmp / "case.yaml").write_text(CASE, encoding="utf-8")
    out = tmp / "out"
    result = runner.invoke(
        cli_app, ["locate", str(tmp / "case.yaml"), "--out", str(out)],
        terminal_width=400,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "out"
    result = runner.invoke(cli_app, ["locate", str(SEED), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


# -- 1. the headline, written by the run and led with by the service ---------------


def test_the_run_keeps_the_headline_the_summary_leads_with(kotor) -> None:
    out, output = kotor
    rec = _record(out)
    lead = rec["headline"]
    assert lead.startswith(f"19.0 % lies in {AREA}, an area named by 2 items; ")
    assert "the best place is Split, 0.5 %, under 1 %: not a likely place" in lead
    # the very sentence the terminal printed, from the one function
    assert lead + "." in " ".join(output.split())
    result = runner.invoke(cli_app, ["verify", str(out)])
    assert result.exit_code == 0, result.output


def test_the_seed_writes_no_headline(seed) -> None:
    # the near miss: Hajin (77.9 %) leads, and estimate.json is as it was
    rec = _record(seed)
    assert "headline" not in rec
    assert rec["places"][0]["name"] == "Hajin"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Any:
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from geosleuth.service import create_app

    data = tmp_path_factory.mktemp("data")
    return create_app(data), data


def _estimated(service: Any, text: str) -> tuple[str, dict[str, Any]]:
    from serving import call

    app, _ = service
    created = call(app, "POST", "/api/cases", content=text.encode("utf-8"))
    assert created.status_code == 201, created.text
    case_id = created.json()["id"]
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201, est.text
    return case_id, est.json()


def test_the_service_pages_lead_with_the_area(service, kotor) -> None:
    from serving import call

    app, data = service
    case_id, est = _estimated(service, CASE)
    lead = _record(kotor[0])["headline"]
    assert est["summary"]["headline"] == lead  # the JSON answer
    details = call(app, "GET", f"/api/cases/{case_id}").json()
    assert details["latest_run"]["summary"]["headline"] == lead
    escaped = "19.0 % lies in Kotor &lt;script&gt;alert(1)&lt;/script&gt;, an area"
    for url in ("/", f"/cases/{case_id}"):
        page = call(app, "GET", url).text
        assert escaped in page, url
        assert "Split (0.005)" not in page  # the top place no longer leads
        _no_raw_markup(page)
    run = data / "cases" / case_id / "runs" / "0001"
    result = runner.invoke(cli_app, ["verify", str(run)])
    assert result.exit_code == 0, result.output
    # a run made before summaries kept a headline verifies as it was
    kept = json.loads((run / "run.json").read_text(encoding="utf-8"))
    del kept["summary"]["headline"]
    (run / "run.json").write_text(json.dumps(kept), encoding="utf-8")
    result = runner.invoke(cli_app, ["verify", str(run)])
    assert result.exit_code == 0, result.output
    assert "Split (0.005)" in call(app, "GET", f"/cases/{case_id}").text


def test_the_service_pages_keep_the_seeds_top_place(service) -> None:
    from serving import call

    app, _ = service
    case_id, est = _estimated(service, SEED.read_text(encoding="utf-8"))
    assert "headline" not in est["summary"]
    page = call(app, "GET", f"/cases/{case_id}").text
    assert "<td>Hajin (0.779)</td>" in page
    assert "Hajin (0.779)" in call(app, "GET", "/").text


# -- 2. the map labels the areas the headline names ---------------------------------


def test_the_map_labels_the_leading_area_escaped(kotor) -> None:
    out, _ = kotor
    page = _page(out)
    (label,) = _gs_data(page)["areas"]
    assert label["label"] == "Kotor &lt;script&gt;alert(1)&lt;/script&gt; 19.0 %"
    assert 18.55 < label["lon"] < 18.95 and 42.35 < label["lat"] < 42.60
    assert "The map labels the ranked places and the area named above" in page
    # map.png labels the area too (helper e205)
    assert "drawn with their items but not labelled, as on map.png." in page
    assert "The chart follows the ranked places only" in page
    _no_raw_markup(page)


def test_the_seeds_map_labels_no_area(seed) -> None:
    page = _page(seed)
    assert _gs_data(page)["areas"] == []
    assert "The map labels the ranked places and" not in page


# -- 3. a drawn area no item names is listed ----------------------------------------


def test_a_polygon_no_item_names_is_listed_as_unused(kotor) -> None:
    out, _ = kotor
    page = _page(out)
    listed = page[page.index("<h3 id='unused-places'>") :]
    listed = listed[: listed.index("</table>")]
    rows = re.findall(
        r"<tr><td><bdi>(.*?)</bdi></td><td>(.*?)</td><td>(.*?)</td></tr>", listed
    )
    # the area the claims name is not; the line no item names is too (helper
    # e205: lines and points are listed as polygons are)
    assert rows == [
        ("Bay &lt;img src=x onerror=alert(2)&gt;", "area (polygon)",
         "not used by any item"),
        ("Coast road", "line", "not used by any item"),
    ]  # fmt: skip
    assert page.index("id='areas'") < page.index("id='unused-places'")


def test_the_seeds_2017_area_is_listed_as_named_only_by_items_left_out(seed) -> None:
    # its 2017 area is named by an item left out by its date (helper e205: said
    # so, where it was not listed before)
    page = _page(seed)
    assert (
        "<tr><td><bdi>ISIS area, Euphrates valley (late 2017)</bdi></td>"
        "<td>area (polygon)</td><td>named only by items left out: isis-2017</td>"
        "</tr>"
    ) in page
    assert "ISIS pocket north of the Euphrates (May 2018)</bdi></td><td>area" not in (
        page
    )
