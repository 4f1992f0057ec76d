"""The estimate does not claim more than its evidence: regions, P(alive), places.

- The automatic study region holds each item's spread on the day of the
  estimate, and any grid whose border cuts the evidence is warned about.
- P(alive) falls from the case's first day, with or without life-status items.
- An item wholly outside the grid is left out with a warning, not counted as used.
- One location is one ranked place, however many spellings name it.
"""

import contextlib
import datetime as dt
import math
import warnings
from importlib.resources import files

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geosleuth.casefile import evidence_bounds, load_case, parse_case
from geosleuth.errors import EvidenceWarning, GeosleuthWarning, InputError
from geosleuth.evidence import Claim, LifeStatus, Provenance, Sighting, Territory
from geosleuth.fuse import NamedPlace, Settings, fuse, p_alive, place_probabilities
from geosleuth.fuse.posterior import _border_bayes_factor
from geosleuth.geometry import EARTH_RADIUS_KM, Area, Point, haversine_km
from geosleuth.grid import Grid
from geosleuth.locate import locate_case
from strategies import AS_OF, evidence_lists, small_grids

DAY = dt.date(2018, 5, 12)
PROV = Provenance(document="test", published=DAY)
HAJIN = (40.83138, 34.69508)
EXAMPLES = files("geosleuth") / "examples"


def seen(iid="s", lon=HAJIN[0], lat=HAJIN[1], *, date=DAY, **kw):
    pub = Provenance(document="test", published=date)
    return Sighting(id=iid, provenance=pub, date=date, place=Point(lon, lat), **kw)


@contextlib.contextmanager
def strict():
    """geosleuth's warnings as errors, wherever they are attributed."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", GeosleuthWarning)
        yield


def destination(lon, lat, bearing_deg, km):
    """The point ``km`` from (lon, lat) along a bearing, on the mean sphere."""
    d = km / EARTH_RADIUS_KM
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing_deg)
    p2 = math.asin(
        math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b)
    )
    l2 = l1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(p1),
        math.cos(d) - math.sin(p1) * math.sin(p2),
    )
    return (math.degrees(l2) + 540.0) % 360.0 - 180.0, math.degrees(p2)


# ------------------------------------------------------------ 1. the study region
PTH = """target: Abu Bakr al-Baghdadi
places:
  Hajin: {{lon: 40.83138, lat: 34.69508}}
evidence:
  - {{id: s1, kind: sighting, date: 2018-05-12, place: Hajin, grade: B2,
     sigma_km: {sigma}}}
"""


@pytest.mark.parametrize(
    ("sigma", "side_km", "p_hajin"),
    # 3σ, at least the 15 km place radius, each side; P(within 15 km) falls as σ grows
    [(1, 30.0, (0.9, 0.95)), (5, 30.0, (0.9, 0.95)), (50, 300.0, (0.02, 0.05))],
)
def test_automatic_region_grows_with_the_items_sigma(sigma, side_km, p_hajin):
    case = parse_case(PTH.format(sigma=sigma))
    width = case.grid.nx * case.grid.cell_km
    height = case.grid.ny * case.grid.cell_km
    assert width == pytest.approx(side_km, rel=0.03)
    assert height == pytest.approx(side_km, rel=0.03)
    with strict():
        est = fuse(case.items, case.grid, as_of=DAY, places=case.places)
    lo, hi = p_hajin
    assert lo < est.places[0].probability < hi
    if sigma == 50:  # was 92 km² on a 9 x 11 km grid, whatever sigma was
        assert est.hdr_km2["90"] > 50_000


def test_automatic_region_holds_the_diffusion_to_as_of():
    s = seen(sigma_km=10.0, date=dt.date(2020, 1, 1))
    now = evidence_bounds([s], as_of=dt.date(2020, 1, 1))
    later = evidence_bounds([s], as_of=dt.date(2021, 1, 1))
    faster = evidence_bounds(
        [s], as_of=dt.date(2021, 1, 1), settings=Settings(diffusion_km2_per_day=4.0)
    )
    km_per_degree = math.pi * EARTH_RADIUS_KM / 180.0
    # latitude half-span: 3σ, with σ² = 10² + D·366 days
    for box, var in ((now, 100.0), (later, 466.0), (faster, 100.0 + 4 * 366)):
        half = (box[3] - box[1]) / 2.0
        assert half == pytest.approx(3 * math.sqrt(var) / km_per_degree, rel=1e-9)


@given(
    lon=st.floats(min_value=-170.0, max_value=170.0),
    lat=st.floats(min_value=-70.0, max_value=70.0),
    sigma_km=st.floats(min_value=0.05, max_value=300.0),
    age_days=st.integers(min_value=0, max_value=3000),
    diffusion=st.sampled_from([0.0, 1.0, 4.0]),
    buffer_km=st.floats(min_value=0.0, max_value=50.0),
)
def test_automatic_region_contains_every_items_3_sigma_disc(
    lon, lat, sigma_km, age_days, diffusion, buffer_km
):
    day = dt.date(2020, 1, 1)
    as_of = day + dt.timedelta(days=age_days)
    config = Settings(diffusion_km2_per_day=diffusion)
    s = seen("s", lon, lat, date=day, sigma_km=sigma_km)
    c = Claim(id="c", provenance=Provenance(document="t"), date=day,
              place=Point(lon + 0.5, lat - 0.3), buffer_km=buffer_km,
              sigma_km=sigma_km)  # fmt: skip
    grid = Grid.from_bounds(*evidence_bounds([s, c], settings=config, as_of=as_of))
    spread = math.sqrt(sigma_km**2 + diffusion * age_days)
    for item, reach in ((s, 3 * spread), (c, buffer_km + 3 * spread)):
        reach = max(reach, config.place_radius_km) * (1 - 1e-6)
        ring = [destination(item.place.lon, item.place.lat, b, reach)
                for b in range(0, 360, 15)]  # fmt: skip
        cells = grid.lonlat_to_cell(*np.array(ring).T)
        assert (cells >= 0).all()


def test_automatic_region_is_capped_at_the_largest_grid_allowed():
    huge = seen(sigma_km=8000.0)  # 3σ would wrap the globe
    box = evidence_bounds([huge])
    grid = Grid.from_bounds(*box)  # a grid can be made of it
    assert grid.lonlat_to_cell(*HAJIN) >= 0
    assert box[2] - box[0] > 90.0  # as large as a hemisphere allows


def test_automatic_region_needs_geometry():
    alive = LifeStatus(id="v", provenance=PROV, date=DAY, status="alive")
    with pytest.raises(InputError, match="no geometry"):
        evidence_bounds([alive])


def test_border_bayes_factor_known_answers():
    g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=1.0)  # 20 x 20, band 76 cells
    flat = np.full(g.n_cells, 1 / g.n_cells)
    assert _border_bayes_factor(flat, g, np.log(flat)) == pytest.approx(
        (0.19, 0.19, 1.0)
    )
    centre = np.zeros(g.n_cells)
    centre[g.lonlat_to_cell(0.0, 0.0)] = 1.0
    assert _border_bayes_factor(centre, g, np.log(flat))[2] == 0.0
    # a band holding half the mass: odds 1 against the prior's 0.19/0.81
    half = np.where(_band_of(g), 0.5 / 76, 0.5 / 324)
    bf = _border_bayes_factor(half, g, np.log(flat))[2]
    assert bf == pytest.approx(0.81 / 0.19)


def _band_of(g):
    from geosleuth.fuse.posterior import _border_band

    return _border_band(g)


def test_a_region_that_cuts_the_evidence_is_warned_about():
    g = Grid.around(*HAJIN, radius_km=5.0, cell_km=0.5)  # 10 km across
    with pytest.warns(GeosleuthWarning, match="along the border of the study region"):
        fuse([seen(sigma_km=50.0)], g, as_of=DAY)
    with strict():  # the same sighting with room around it: no warning
        fuse([seen(sigma_km=1.0)], g, as_of=DAY)
        fuse([], g, as_of=DAY)  # no evidence: the map is the prior, nothing to say


def test_hiker_region_is_warned_about_once_the_walker_may_have_left_it():
    case = load_case(str(EXAMPLES / "missing-hiker.yaml"))
    with strict():
        fuse(case.items, case.grid, as_of=case.as_of, settings=case.settings)
    with pytest.warns(GeosleuthWarning, match="border"):  # a week on: σ ≈ 5 km
        fuse(case.items, case.grid, as_of=dt.date(2024, 10, 20),
             settings=case.settings, contributions=False)  # fmt: skip


def test_seed_case_is_not_warned_about():
    case = load_case(str(EXAMPLES / "seed-baghdadi-2018.yaml"))
    with strict():
        fuse(case.items, case.grid, as_of=case.as_of, settings=case.settings,
             places=case.places, contributions=False)  # fmt: skip


# ------------------------------------------------------------------ 2. P(alive)
def test_p_alive_falls_from_the_first_item_without_life_status():
    s = seen(date=dt.date(2017, 9, 28))
    for years in (1, 10, 30):
        as_of = dt.date(2017 + years, 9, 28)
        days = (as_of - s.date).days
        assert p_alive([s], as_of=as_of) == pytest.approx(
            0.9 * math.exp(-0.1 * days / 365.25), rel=1e-12
        )
    assert p_alive([s], as_of=s.date) == 0.9  # the prior holds on the first day


def test_proof_of_life_still_resets_p_alive():
    old = seen(date=dt.date(2010, 1, 1))
    on = Provenance(document="t", published=dt.date(2018, 1, 1))
    pol = LifeStatus(id="v", provenance=on, date=dt.date(2018, 1, 1), status="alive")
    before = 0.9 * math.exp(-0.1 * (pol.date - old.date).days / 365.25)
    want = 0.99 + 0.01 * before  # r capped at 0.99
    assert p_alive([old, pol], as_of=pol.date) == pytest.approx(want, rel=1e-12)
    assert p_alive([old, pol], as_of=pol.date) > p_alive([old], as_of=pol.date)


def test_territory_does_not_open_the_case():
    held = Territory(id="t", provenance=PROV, date=dt.date(2000, 1, 1),
                     group_name="G", area=Area.box(40, 34, 41, 35))  # fmt: skip
    s = seen(date=DAY)
    assert p_alive([held, s], as_of=DAY) == 0.9


def test_seed_case_p_alive_by_hand():
    # mosul-2014 (2014-07-04) opens the case; death claim r = 0.05 (2017-06-30),
    # recording r = 0.51 (2017-09-28), hazard 0.1 a year to 2018-05-15
    case = load_case(str(EXAMPLES / "seed-baghdadi-2018.yaml"))

    def decay(a, b):
        days = (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days
        return math.exp(-0.1 * days / 365.25)

    p = 0.9 * decay("2014-07-04", "2017-06-30")
    p = p * 0.95 / (p * 0.95 + (1 - p) * 1.05)
    p = 0.51 + 0.49 * p * decay("2017-06-30", "2017-09-28")
    p *= decay("2017-09-28", "2018-05-15")
    est = fuse(case.items, case.grid, as_of=case.as_of, settings=case.settings,
               places=case.places)  # fmt: skip
    assert est.p_alive == pytest.approx(p, rel=1e-12)
    assert est.p_alive == pytest.approx(0.7686, abs=5e-5)  # was 0.879
    # the item that opens the case moves P(alive): without it, it opens in 2017
    shift = {c.item_id: c.p_alive_shift for c in est.contributions}
    rest = [i for i in case.items if i.id != "mosul-2014"]
    without = p_alive(rest, as_of=case.as_of, settings=case.settings)
    assert shift["mosul-2014"] == pytest.approx(est.p_alive - without, rel=1e-12)
    assert shift["basri-hajin"] == 0.0


def test_hiker_p_alive_falls_over_days():
    case = load_case(str(EXAMPLES / "missing-hiker.yaml"))
    assert case.settings.hazard_per_year == 84  # ln 2 / 3 days
    for day, days in ((dt.date(2024, 10, 13), 1), (dt.date(2024, 10, 18), 6)):
        got = p_alive(case.items, as_of=day, settings=case.settings)
        assert got == pytest.approx(0.9 * 0.5 ** (days * 84 / 365.25 / math.log(2)))
    assert (
        p_alive(case.items, as_of=dt.date(2024, 10, 18), settings=case.settings) < 0.25
    )


@given(
    grid=small_grids(),
    data=st.data(),
    hazard=st.floats(min_value=0.0, max_value=100.0),
    step=st.integers(min_value=0, max_value=2000),
)
def test_p_alive_never_rises_without_new_life_items(grid, data, hazard, step):
    items = data.draw(evidence_lists(grid, max_items=6))
    config = Settings(hazard_per_year=hazard)
    later = AS_OF + dt.timedelta(days=step)
    # items dated (or published) after AS_OF, none of them life status
    lon, lat = (float(v[0]) for v in grid.cell_lonlat())
    days = data.draw(st.lists(st.integers(0, step), max_size=3))
    extra = [
        seen(f"x{k}", lon, lat, date=AS_OF + dt.timedelta(days=d))
        for k, d in enumerate(days)
    ]
    both = items + extra
    assert p_alive(both, as_of=later, settings=config) <= p_alive(
        both, as_of=AS_OF, settings=config
    ) * (1 + 1e-12)


# --------------------------------------------------- 3. evidence outside the grid
MOSUL = """target: Jane Doe
region: {west: -4.16, south: 53.03, east: -3.98, north: 53.12}
grid: {cell_km: 0.5}
places:
  Mosul: {lon: 43.11889, lat: 36.335}
evidence:
  - {id: s1, kind: sighting, date: 2024-10-12, place: Mosul, sigma_km: 0.5, grade: B2}
"""


def test_a_sighting_outside_the_region_is_left_out_with_a_warning():
    case = parse_case(MOSUL)
    with pytest.warns(EvidenceWarning, match=r"sighting 's1' is left out: its place "
                      r"\(Mosul\) lies outside the grid, 4,0\d\d km"):  # fmt: skip
        est = fuse(case.items, case.grid, as_of=dt.date(2024, 10, 12),
                   places=case.places)  # fmt: skip
    assert est.used == ()
    ((iid, why),) = est.excluded
    assert iid == "s1" and "outside the grid" in why
    assert est.places == ()  # Mosul's 0 would be the grid's edge, not a finding
    np.testing.assert_allclose(est.posterior, 1 / case.grid.n_cells)


def test_locate_says_why_no_item_is_used(tmp_path):
    case = tmp_path / "mosul.yaml"
    case.write_text(MOSUL)
    with pytest.warns(EvidenceWarning) as caught:
        locate_case([case], out=tmp_path / "out")
    said = [str(w.message) for w in caught]
    assert any(m.startswith("No item is used: every item was left out (1;")
               for m in said), said  # fmt: skip
    assert not any("No evidence was known" in m for m in said)


def test_a_sighting_beyond_the_edge_but_within_reach_is_used():
    g = Grid.around(*HAJIN, radius_km=20.0, cell_km=1.0)
    lon, _ = destination(*HAJIN, 90.0, 30.0)  # 10 km east of the grid, σ = 5 km
    near = seen("near", lon, HAJIN[1], sigma_km=5.0)
    with pytest.warns(GeosleuthWarning, match="border"):  # and it piles up there
        est = fuse([near], g, as_of=DAY)
    assert est.used == ("near",)
    assert est.contributions[0].map_shift > 0.1


def test_only_the_member_outside_leaves_a_group():
    g = Grid.around(*HAJIN, radius_km=60.0, cell_km=1.0)
    inside = seen("in", *HAJIN, subject="associate", who="X", sigma_km=2.0)
    far = seen("far", 10.0, 50.0, subject="associate", who="X", sigma_km=2.0)
    with pytest.warns(EvidenceWarning, match="'far' is left out"):
        est = fuse([inside, far], g, as_of=DAY)
    assert est.used == ("in",)
    alone = fuse([inside], g, as_of=DAY)
    np.testing.assert_allclose(est.posterior, alone.posterior)


# --------------------------------------------------------- 4. one place, one row
def test_two_spellings_of_one_place_are_one_row():
    g = Grid.around(*HAJIN, radius_km=60.0, cell_km=2.0)
    p = np.full(g.n_cells, 1 / g.n_cells)
    places = [NamedPlace("Hajin", *HAJIN), NamedPlace("Abu Kamal", 40.91854, 34.45226),
              NamedPlace("Hajīn", *HAJIN), NamedPlace("Ālbū Kamāl", 40.91854, 34.45226),
              NamedPlace("Baghuz", 40.955, 34.466)]  # fmt: skip
    rows = place_probabilities(p, g, places, radius_km=15.0)
    assert sorted(r.name for r in rows) == [
        "Abu Kamal (Ālbū Kamāl)",
        "Baghuz",  # 3.7 km from Abu Kamal: more than a tenth of 15 km, its own row
        "Hajin (Hajīn)",
    ]
    alone = place_probabilities(p, g, places[:1], radius_km=15.0)[0]
    hajin = next(r for r in rows if r.name.startswith("Hajin"))
    assert hajin.probability == alone.probability
    assert (hajin.lon, hajin.lat) == HAJIN


@given(
    offsets=st.lists(
        st.tuples(st.floats(-0.05, 0.05), st.floats(-0.05, 0.05)),
        min_size=1,
        max_size=8,
    ),
    radius_km=st.floats(min_value=1.0, max_value=30.0),
)
def test_merged_places_name_every_input_once_and_stay_apart(offsets, radius_km):
    g = Grid.around(*HAJIN, radius_km=40.0, cell_km=1.0)
    p = np.full(g.n_cells, 1 / g.n_cells)
    places = [NamedPlace(f"P{k}", HAJIN[0] + dx, HAJIN[1] + dy)
              for k, (dx, dy) in enumerate(offsets)]  # fmt: skip
    rows = place_probabilities(p, g, places, radius_km=radius_km)
    names = [n.strip("()") for r in rows for n in r.name.replace(",", " ").split()]
    assert sorted(names) == sorted(q.name for q in places)
    leads = [(r.lon, r.lat) for r in rows]
    for i, a in enumerate(leads):
        for b in leads[i + 1 :]:
            assert float(haversine_km(*a, *b)) >= 0.1 * radius_km
