"""Review r53: lon and lat swapped, refused only where the evidence is unambiguous.

H1: a real place just outside a region near the diagonal lon = lat (Ankara beside
the seed case's Syria and Iraq) was refused; now warned of and loaded, refused
only beyond ``SWAP_FAR_KM``. H2: without a region, a place 125 km from the rest,
or one whose exchange lands in the Atlantic, was refused. M1: the error named the
right place of two. M2: ``searched --plan`` refused the case's own plan after an
edit of title and target. M3: an inline event set, and a polygon or line with
one position swapped, passed. L2: loading asked ``factors`` of every outside
item. L3, L5: the plan's warning and the region's message. Each with near misses.
"""

from __future__ import annotations

import json
import shutil
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import SWAP_FAR_KM, load_case, parse_case
from geosleuth.casefile import _swaps as swaps
from geosleuth.cli import app
from geosleuth.cli.searched import _same_name
from geosleuth.errors import CaseFileError, EvidenceWarning, GeosleuthWarning
from geosleuth.evidence import Searched
from geosleuth.fuse import factors

runner = CliRunner()
EXAMPLES = REPO / "src" / "geosleuth" / "examples"
HIKER = EXAMPLES / "missing-hiker.yaml"
SEED = EXAMPLES / "seed-baghdadi-2018.yaml"
TEXT = HIKER.read_text(encoding="utf-8")
REGION = "region: {west: -4.20, south: 53.00, east: -3.94, north: 53.15}"

HEAD = """target: T
title: test
as_of: 2024-06-01
documents: {d: {title: D, published: 2024-05-01}}
"""


def _sight(name: str, place: str, sigma: float = 2.0) -> str:
    return f"""  - id: {name}
    kind: sighting
    document: d
    date: 2024-05-01
    place: {place}
    sigma_km: {sigma}
    quote: q {name}
"""


def _flat(text: str) -> str:
    return " ".join(text.split())


def _line_of(text: str, start: str) -> int:
    return next(
        n
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip().startswith(start)
    )


def _load(text: str) -> tuple[Any, list[str]]:
    """The case, and the swap warnings given while loading it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        case = parse_case(text, source="case.yaml", read_files=False)
    said = [
        _flat(str(w.message))
        for w in caught
        if issubclass(w.category, EvidenceWarning) and "swapped" in str(w.message)
    ]
    return case, said


def _refused(text: str) -> CaseFileError:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        with pytest.raises(CaseFileError) as info:
            parse_case(text, source="case.yaml", read_files=False)
    return info.value


def _left_out(case: Any, item_id: str) -> bool:
    item = next(i for i in case.items if i.id == item_id)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        _, skipped = factors([item], case.grid, as_of=case.as_of)
    return bool(skipped) and "outside the grid" in skipped[0][1]


# -- H1: a real place just outside the region -------------------------------------

ANKARA = """  - id: ankara
    kind: sighting
    subject: target
    document: anf
    date: 2018-05-01
    place: {lon: 32.85, lat: 39.93}
    sigma_km: 5
    grade: C3
    quote: Al-Baghdadi was seen in Ankara.
"""


def test_the_seed_case_with_a_sighting_in_ankara_loads_with_a_warning() -> None:
    seed = SEED.read_text(encoding="utf-8")
    text = seed.replace("\nevidence:\n", "\nevidence:\n" + ANKARA, 1)
    case, said = _load(text)
    assert len(case.items) == len(load_case(SEED).items) + 1
    assert len(said) == 1
    message = said[0]
    assert "sighting 'ankara'" in message and "369 km" in message
    assert f"line {_line_of(text, 'place: {lon: 32.85')}" in message
    assert "(evidence[0].place)" in message
    assert "lon and lat swapped?" in message
    assert "If it is where it should be, nothing changes: it is left out" in message
    assert "widen the region to hold it" in message
    assert _left_out(case, "ankara")  # the estimate leaves it out, as before


LEVANT = "region: {west: 28.0, south: 30.0, east: 38.0, north: 40.0}\n"


def test_raqqa_60_km_outside_a_levant_region_is_warned_of_not_refused() -> None:
    text = (
        HEAD
        + LEVANT
        + "evidence:\n"
        + _sight("a", "{lon: 36.3, lat: 33.5}")
        + _sight("raqqa", "{lon: 39.01, lat: 35.95}", sigma=1)
    )
    case, said = _load(text)
    assert len(case.items) == 2
    assert len(said) == 1 and "sighting 'raqqa'" in said[0] and "60 km" in said[0]


DIAGONAL = "region: {west: 30.0, south: 20.0, east: 40.0, north: 30.0}\n"


@pytest.mark.parametrize(
    ("home", "place", "refused"),
    [
        # 847 km out, exchanged inside: warned
        ("{lon: 35.0, lat: 25.0}", "{lon: 24.0, lat: 36.0}", False),
        # 1,132 km out, exchanged inside, 350 km from the other item: warned (r55)
        ("{lon: 35.0, lat: 25.0}", "{lon: 22.0, lat: 38.0}", False),
        # 1,132 km out, exchanged 34 km from the other item: refused
        ("{lon: 38.3, lat: 22.2}", "{lon: 22.0, lat: 38.0}", True),
    ],
    ids=["847-km-warned", "1132-km-warned", "1132-km-on-evidence-refused"],
)
def test_a_place_is_refused_only_far_out_and_on_other_evidence_exchanged(
    home: str, place: str, refused: bool
) -> None:
    assert SWAP_FAR_KM == 1_000.0
    text = HEAD + DIAGONAL + "evidence:\n" + _sight("a", home) + _sight("b", place)
    if refused:
        error = _refused(text)
        assert error.field == "evidence[1].place"
        message = _flat(error.message)
        assert "1,132 km" in message and "lon and lat swapped?" in message
        assert "km from sighting 'a'" in message
        assert message.endswith(
            "If it is where it should be, give the case a region that holds it."
        )
    else:
        case, said = _load(text)
        assert len(said) == 1
        assert ("847 km" if "24.0" in place else "1,132 km") in said[0]
        assert said[0].endswith("to use it, widen the region to hold it.")
        assert _left_out(case, "b")


def test_a_place_outside_whose_exchange_is_outside_too_is_not_warned_of() -> None:
    text = (
        HEAD
        + LEVANT
        + "evidence:\n"
        + _sight("a", "{lon: 36.3, lat: 33.5}")
        + _sight("batumi", "{lon: 41.64, lat: 41.65}")  # exchanged: outside
    )
    _, said = _load(text)
    assert said == []


# -- H2: without a region ---------------------------------------------------------


def test_without_a_region_a_place_125_km_from_the_rest_loads() -> None:
    text = (
        HEAD
        + "evidence:\n"
        + _sight("cairo", "{lon: 31.24, lat: 30.04}")
        + _sight("nicosia", "{lon: 33.36, lat: 35.17}")
        + _sight("beirut", "{lon: 35.50, lat: 33.89}")
        + _sight("tlv", "{lon: 34.78, lat: 32.08}")
    )
    case, said = _load(text)
    assert len(case.items) == 4 and said == []


def test_johannesburg_beside_madrid_and_bogota_loads() -> None:
    text = (
        HEAD
        + "evidence:\n"
        + _sight("madrid", "{lon: -3.70, lat: 40.42}")
        + _sight("bogota", "{lon: -74.07, lat: 4.71}")
        + _sight("jnb", "{lon: 28.04, lat: -26.20}")
    )
    case, said = _load(text)
    assert len(case.items) == 3 and said == []


def test_without_a_region_a_swapped_town_beside_two_others_is_refused() -> None:
    # Toledo written lat-first lies far from Madrid and Getafe, exchanged 70 km
    # from Madrid: refused, with the distance as it is (no "thousands of km")
    text = (
        HEAD
        + "evidence:\n"
        + _sight("madrid", "{lon: -3.70, lat: 40.42}")
        + _sight("getafe", "{lon: -3.73, lat: 40.31}")
        + _sight("toledo", "{lon: 39.86, lat: -4.02}")
    )
    error = _refused(text)
    assert error.field == "evidence[2].place"
    message = _flat(error.message)
    assert "thousands" not in message
    assert "sighting 'toledo' (line 24)" in message and "one item against 2" in message
    assert "km from 2 other items" in message


# -- M1: which of two is swapped ---------------------------------------------------

CAR = _sight("car", "{lon: -4.0219, lat: 53.0805}", sigma=0.2)
WITNESS = _sight("witness", "{lon: 53.0784, lat: -4.0425}", sigma=0.4)


@pytest.mark.parametrize("order", ["car-first", "witness-first"])
def test_two_items_far_apart_each_among_the_other_are_both_named(order: str) -> None:
    body = CAR + WITNESS if order == "car-first" else WITNESS + CAR
    text = HEAD + "evidence:\n" + body
    error = _refused(text)
    message = _flat(error.message)
    car, witness = _line_of(text, "- id: car"), _line_of(text, "- id: witness")
    assert f"sighting 'car' (line {car + 4})" in message
    assert f"sighting 'witness' (line {witness + 4})" in message
    assert "nothing in the case tells which" in message
    assert error.line == min(car, witness) + 4  # the first written


def test_of_three_the_one_apart_is_named_with_the_split() -> None:
    middle = _sight("b", "{lon: -4.05, lat: 53.07}", sigma=0.2)
    error = _refused(HEAD + "evidence:\n" + CAR + middle + WITNESS)
    assert error.field == "evidence[2].place"
    message = _flat(error.message)
    assert "sighting 'witness'" in message and "one item against 2" in message
    assert "or in both of the others" in message


def test_every_place_swapped_but_one_says_the_others_may_be_the_swapped() -> None:
    import re

    text = TEXT.replace(REGION + "\n", "")

    def swap(m: re.Match[str]) -> str:
        return f"{{lon: {m.group(2)}, lat: {m.group(1)}"

    lines = []
    for line in text.splitlines():
        if not line.startswith("  Pen-y-Pass car park:"):
            line = re.sub(r"\{lon: ([-\d.]+), lat: ([-\d.]+)", swap, line)
            line = re.sub(r"\[(-4\.\d+), (53\.\d+)\]", r"[\2, \1]", line)
        lines.append(line)
    error = _refused("\n".join(lines) + "\n")
    message = _flat(error.message)
    assert error.field == "places.Pen-y-Pass car park"
    assert "one item against 5" in message and "or in all 5 of the others" in message
    assert "lon -4.0219, lat 53.0805" in message  # where each is, to tell by


# -- M3: event sets, one position of a shape --------------------------------------

EVENTS = """  - id: e1
    kind: event_set
    document: police-log
    date: 2024-10-12
    events:
      [{lon: -4.05, lat: 53.07}, {lon: -4.06, lat: 53.08}, {lon: -4.02, lat: 53.06}]
    quote: q
"""


def test_an_inline_event_set_written_lat_first_is_refused() -> None:
    swapped = EVENTS.replace("lon: -4.05, lat: 53.07", "lon: 53.07, lat: -4.05")
    swapped = swapped.replace("lon: -4.06, lat: 53.08", "lon: 53.08, lat: -4.06")
    swapped = swapped.replace("lon: -4.02, lat: 53.06", "lon: 53.06, lat: -4.02")
    text = TEXT.rstrip() + "\n" + swapped
    error = _refused(text)
    assert error.field == "evidence[6].events"
    assert error.line == _line_of(text, "events:")
    assert "events of event_set 'e1'" in error.message
    assert "lie wholly outside" in error.message


def test_an_inline_event_set_as_written_loads() -> None:
    case, said = _load(TEXT.rstrip() + "\n" + EVENTS)
    assert case.items[-1].id == "e1" and said == []


def test_an_event_set_outside_the_grid_is_said_in_the_plural() -> None:
    far = EVENTS.replace("-4.0", "-14.0")
    case, _ = _load(TEXT.rstrip() + "\n" + far)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        _, skipped = factors([case.items[-1]], case.grid, as_of=case.as_of)
    assert "its events lie outside the grid" in skipped[0][1]


PYG = "polygon: [[-4.045, 53.074], [-4.025, 53.079], [-4.021, 53.083], [-4.043, 53.081]"
LINE = "line: [[-4.0425, 53.0784], [-4.0557, 53.0760]"


@pytest.mark.parametrize(
    ("old", "new", "field", "start"),
    [
        (
            PYG,
            PYG.replace("[-4.021, 53.083]", "[53.083, -4.021]"),
            "places.Pyg Track corridor.polygon[2]",
            "polygon:",
        ),
        (
            LINE,
            LINE.replace("[-4.0425, 53.0784]", "[53.0784, -4.0425]"),
            "places.Crib Goch route.line[0]",
            "line:",
        ),
    ],
    ids=["polygon", "line"],
)
def test_one_position_of_a_shape_swapped_is_refused_at_that_position(
    old: str, new: str, field: str, start: str
) -> None:
    assert TEXT.count(old) == 1
    text = TEXT.replace(old, new)
    error = _refused(text)
    assert error.field == field
    assert error.line == _line_of(text, start)
    assert "swapped at this position" in error.message


def test_a_shape_with_a_position_just_outside_the_region_loads() -> None:
    text = TEXT.replace(PYG, PYG.replace("[-4.021, 53.083]", "[-3.90, 53.083]"))
    case, said = _load(text)
    assert len(case.items) == 6 and said == []


# -- L2: factors is asked only of the rare candidate ------------------------------


def test_items_outside_whose_exchange_is_outside_are_not_given_to_factors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = []
    real = swaps.factors

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(swaps, "factors", counted)
    far = "".join(
        _sight(f"s{k}", f"{{lon: {10 + k * 0.01:.2f}, lat: {5 + k * 0.01:.2f}}}")
        for k in range(300)
    )
    text = HEAD + REGION + "\n" + "evidence:\n" + CAR + far
    case, said = _load(text)
    assert len(case.items) == 301 and said == [] and calls == []


# -- M2: searched --plan of this case after an edit --------------------------------


def _run(*args: str) -> Any:
    return runner.invoke(app, list(args), terminal_width=400)


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the walker case, an estimate of it and a plan on that."""
    root = tmp_path_factory.mktemp("planned")
    shutil.copy(HIKER, root / "case.yaml")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        done = _run("locate", str(root / "case.yaml"), "--out", str(root / "est"), "-q")
    assert done.exit_code == 0, done.output
    done = _run(
        "plan",
        str(root / "est"),
        "--budget-km",
        "5",
        "--sweep-width-km",
        "0.05",
        "--out",
        str(root / "plan"),
    )
    assert done.exit_code == 0, done.output
    return root


EDITED = (
    ("target: missing walker (synthetic example)", "target: missing walker, hiker"),
    (
        "title: Missing walker on Yr Wyddfa, as of the morning after",
        "title: Walker missing on Snowdon",
    ),
)


def _edited_copy(planned: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    shutil.copytree(planned / "plan", folder / "plan", dirs_exist_ok=True)
    text = (planned / "case.yaml").read_text(encoding="utf-8")
    for old, new in EDITED:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    case = folder / "case.yaml"
    case.write_text(text, encoding="utf-8")
    return case


def test_the_plan_names_its_case_file_from_its_own_folder(planned: Path) -> None:
    made_on = json.loads((planned / "plan" / "plan.geojson").read_text())["estimate"]
    assert made_on["case"] == "../case.yaml"


def test_the_cases_own_plan_is_taken_after_its_title_and_target_are_edited(
    planned: Path, tmp_path: Path
) -> None:
    case = _edited_copy(planned, tmp_path)
    plan = tmp_path / "plan" / "plan.geojson"
    result = _run("searched", str(case), "--plan", str(plan), "--date", "2024-10-13")
    assert result.exit_code == 0, result.output
    assert sum(isinstance(i, Searched) for i in load_case(case).items) > 3


def test_an_edited_case_in_another_folder_is_still_another_case(
    planned: Path, tmp_path: Path
) -> None:
    case = _edited_copy(planned, tmp_path)
    elsewhere = tmp_path / "other" / "case.yaml"
    elsewhere.parent.mkdir()
    shutil.move(case, elsewhere)
    before = elsewhere.read_bytes()
    plan = tmp_path / "plan" / "plan.geojson"
    result = _run(
        "searched", str(elsewhere), "--plan", str(plan), "--date", "2024-10-13"
    )
    assert result.exit_code == 1
    assert "was made for another case" in _flat(result.output)
    assert elsewhere.read_bytes() == before


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "missing walker (synthetic example)",
            "missing walker, synthetic example",
            True,
        ),
        ("Abu Bakr al-Baghdadi", "abu bakr al baghdadi", True),
        (
            "missing walker (synthetic example)",
            "missing walker - synthetic example",
            True,
        ),
        ("missing walker", "missing walkers", False),
        ("al-Baghdadi", "alBaghdadi", False),
    ],
)
def test_names_are_compared_with_punctuation_folded(a: str, b: str, same: bool) -> None:
    assert _same_name(a, b) is same


# -- L3, L5: the plan's warning; one item -------------------------------------------

LIFE = """  - id: l1
    kind: life_status
    status: alive
    document: d
    date: 2024-05-01
    quote: q
"""


def test_a_plan_of_life_alone_says_so_without_pointing_to_left_out_items(
    tmp_path: Path,
) -> None:
    case = tmp_path / "life.yaml"
    case.write_text(HEAD + REGION + "\ngrid: {cell_km: 0.5}\nevidence:\n" + LIFE)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        done = _run("locate", str(case), "--out", str(tmp_path / "est"), "-q")
    assert done.exit_code == 0, done.output
    est = (tmp_path / "est").resolve()
    result = _run(
        "plan", str(est), "--budget-km", "5", "--sweep-width-km", "0.3", "--out",
        str(tmp_path / "plan"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    flat = _flat(result.output)
    assert "used its one item, and that only says whether the target" in flat
    assert "left out" not in flat
    ns = {"g": "http://www.topografix.com/GPX/1/1"}
    gpx = ET.parse(tmp_path / "plan" / "plan.gpx").getroot()
    desc = gpx.findtext("g:metadata/g:desc", namespaces=ns) or ""
    assert desc.startswith("WARNING: The estimate est/estimate.json used")
    assert str(tmp_path) not in desc
    kml = (tmp_path / "plan" / "plan.kml").read_text(encoding="utf-8")
    assert str(tmp_path) not in kml and "est/estimate.json" in kml


def test_a_swapped_region_of_one_item_is_said_in_the_singular() -> None:
    text = (
        HEAD
        + "region: {west: 53.00, south: -4.20, east: 53.15, north: -3.94}\n"
        + "evidence:\n"
        + CAR
    )
    error = _refused(text)
    assert error.field == "region"
    assert "does not hold the case's one item with a place" in error.message
    assert "1 items" not in error.message


# -- review r55: refused only where, exchanged, it sits on other evidence ----------

MIDEAST = "region: {west: 25, south: 12, east: 63, north: 42}\n"
BAGHDAD = _sight("a", "{lon: 44.36, lat: 33.31}")


def test_a_real_city_far_outside_whose_exchange_is_inside_is_warned_of() -> None:
    # Moscow in an Iranian case: exchanged inside Iran, far from Tehran (H1)
    text = (
        HEAD
        + "region: {west: 44, south: 25, east: 63.5, north: 40}\n"
        + "evidence:\n"
        + _sight("teh", "{lon: 51.39, lat: 35.69}")
        + _sight("moscow", "{lon: 37.62, lat: 55.75}")
    )
    case, said = _load(text)
    assert len(case.items) == 2 and len(said) == 1
    assert "sighting 'moscow'" in said[0] and "lon and lat swapped?" in said[0]
    # the region as the case file writes it, not the grid's bounds (L1)
    assert "(west 44, south 25, east 63.5, north 40)" in said[0]
    assert said[0].endswith(
        "If it is where it should be, nothing changes: it is left out as outside "
        "the region; to use it, widen the region to hold it."
    )
    assert _left_out(case, "moscow")


def test_a_route_reaching_far_out_of_the_region_loads() -> None:
    route = "{line: [[44.36, 33.31], [44.5, 40.2], [39.7, 47.24], [37.62, 55.75]]}"
    text = (
        HEAD
        + MIDEAST
        + f"places:\n  Route: {route}\n"
        + "evidence:\n"
        + _sight("r", "Route", sigma=20)
        + BAGHDAD
    )
    case, said = _load(text)
    assert len(case.items) == 2
    assert len(said) == 1 and "(places.Route.line[3])" in said[0]
    assert "(west 25, south 12, east 63, north 42)" in said[0]


def test_a_route_with_its_last_position_swapped_is_refused() -> None:
    # Nairobi north to near Nyeri, the last position written [lat, lon]: 4,000 km
    # out of the region, exchanged 25 km from the position before it
    route = "{line: [[36.82, -1.29], [37.0, -0.5], [-0.3, 37.1]]}"
    text = (
        HEAD
        + "region: {west: 33, south: -5, east: 42, north: 5}\n"
        + f"places:\n  Route: {route}\n"
        + "evidence:\n"
        + _sight("r", "Route", sigma=20)
        + _sight("a", "{lon: 36.82, lat: -1.29}")
    )
    error = _refused(text)
    assert error.field == "places.Route.line[2]"
    message = _flat(error.message)
    assert "swapped at this position?" in message
    assert "(west 33, south -5, east 42, north 5)" in message
    assert message.endswith(
        "If it is where it should be, give the case a region that holds it."
    )


def test_without_a_region_one_position_of_a_line_swapped_is_refused() -> None:
    # r55 M2: the third position exchanged lies 42 km from the second
    line = "{line: [[10, 50], [10.5, 50.2], [50.4, 11.0]]}"
    text = (
        HEAD
        + f"places:\n  L: {line}\n"
        + "evidence:\n"
        + _sight("a", "L")
        + _sight("b", "{lon: 11, lat: 50}")
    )
    error = _refused(text)
    assert error.field == "places.L.line[2]"
    message = _flat(error.message)
    assert "42 km from the shape's other positions" in message
    assert message.endswith(
        "If it is where it should be, give the case a region that holds it."
    )


def test_without_a_region_a_line_reaching_far_loads() -> None:
    line = "{line: [[10, 50], [10.5, 50.2], [30.0, 11.0]]}"  # exchanged: far from it
    text = (
        HEAD
        + f"places:\n  L: {line}\n"
        + "evidence:\n"
        + _sight("a", "L")
        + _sight("b", "{lon: 11, lat: 50}")
    )
    case, _ = _load(text)
    assert len(case.items) == 2


def test_a_polygon_reaching_far_out_of_the_region_loads() -> None:
    basin = "{polygon: [[26, 36], [45, 36], [45, 55], [26, 55], [26, 36]]}"
    text = (
        HEAD
        + MIDEAST
        + f"places:\n  Black Sea basin: {basin}\n"
        + "evidence:\n"
        + """  - id: bs
    kind: claim
    document: d
    date: 2024-05-01
    polarity: is
    place: Black Sea basin
    sigma_km: 50
    quote: q
"""
        + BAGHDAD
    )
    case, _ = _load(text)
    assert len(case.items) == 2


def _events(pts: list[tuple[float, float]]) -> str:
    ev = ", ".join(f"{{lon: {a:.4f}, lat: {b:.4f}}}" for a, b in pts)
    return f"""  - id: e
    kind: event_set
    document: d
    date: 2024-05-01
    events: [{ev}]
    quote: q
"""


def test_an_event_set_over_europe_in_a_horn_case_is_warned_of() -> None:
    import random

    rng = random.Random(5)
    pts = [(rng.uniform(-10, 30), rng.uniform(35, 60)) for _ in range(50)]
    text = (
        HEAD
        + "region: {west: 33, south: -2, east: 52, north: 18}\n"
        + "evidence:\n"
        + _events(pts)
        + _sight("a", "{lon: 45.34, lat: 2.05}")
    )
    case, said = _load(text)
    assert len(case.items) == 2
    assert len(said) == 1 and "events of event_set 'e'" in said[0]


def test_kabul_and_murmansk_load_with_a_region_that_holds_them() -> None:
    body = (
        "evidence:\n"
        + _sight("kabul", "{lon: 69.17, lat: 34.53}")
        + _sight("murmansk", "{lon: 33.08, lat: 68.97}")
    )
    region = "region: {west: 28, south: 30, east: 75, north: 72}\n"
    case, said = _load(HEAD + region + body)
    assert len(case.items) == 2 and said == []
    # without one, Kabul exchanged lies 62 km from Murmansk: refused, with the
    # way out for a case whose places are right
    message = _flat(_refused(HEAD + body).message)
    assert message.endswith(
        "If both are where they should be, give the case a region that holds them both."
    )


def test_without_a_region_a_sigma_does_not_widen_the_near_test() -> None:
    # Madrid, Barcelona, Lisbon and Dar es Salaam (sigma 400 km): Dar es Salaam
    # exchanged lands 390 km from Madrid: warned of, loaded (r55 M1)
    text = (
        HEAD
        + "evidence:\n"
        + _sight("madrid", "{lon: -3.70, lat: 40.42}")
        + _sight("bcn", "{lon: 2.17, lat: 41.39}")
        + _sight("lis", "{lon: -9.14, lat: 38.72}")
        + _sight("dar", "{lon: 39.28, lat: -6.79}", sigma=400)
    )
    case, said = _load(text)
    assert len(case.items) == 4 and len(said) == 1
    assert "sighting 'dar'" in said[0]
    assert said[0].endswith(
        "If every place is where it should be, give the case a region that holds them."
    )


def test_the_plan_is_matched_only_from_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from geosleuth.cli.searched import _plan_of_this_file

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "case.yaml").write_text("x", encoding="utf-8")
    plan = tmp_path / "a" / "plan.geojson"
    monkeypatch.chdir(tmp_path / "b")  # r55 L2: another case named alike here
    assert not _plan_of_this_file({"case": "case.yaml"}, plan, Path("case.yaml"))
    assert _plan_of_this_file({"case": "case.yaml"}, plan, tmp_path / "a" / "case.yaml")
