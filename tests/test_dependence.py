"""Items that share a source: the weight of each, and what it does to the map."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geosleuth.casefile import parse_case
from geosleuth.dependence import document_source, source_weights
from geosleuth.errors import CaseFileError, InputError
from geosleuth.evidence import Claim, Provenance, Sighting, Territory
from geosleuth.fuse import Settings, factors, fuse
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid
from strategies import AS_OF, evidence_lists, small_grids

# Random evidence on small grids often leans on the border: the warning that
# says so (fuse/estimate.py) is tested in test_fuse_honesty.py, not here.
pytestmark = pytest.mark.filterwarnings(
    "ignore:.*lies along the border of the study region:"
    "geosleuth.errors.GeosleuthWarning"
)

DAY = dt.date(2018, 5, 12)
GRID = Grid.around(40.8, 34.7, radius_km=60.0, cell_km=2.0)


def claim(cid: str, doc: str, lon: float = 40.8, lat: float = 34.7) -> Claim:
    return Claim(
        id=cid,
        provenance=Provenance(document=doc, published=DAY),
        date=DAY,
        place=Point(lon, lat),
    )


# ------------------------------------------------------------------ the weights
def test_known_weights() -> None:
    w = source_weights(["a", "a", "a", "b", None, "b"], correlation=0.5)
    # n = 3 for 'a': 1 / (1 + 2 * 0.5); n = 2 for 'b': 1 / 1.5; None alone
    np.testing.assert_allclose(w, [0.5, 0.5, 0.5, 1 / 1.5, 1.0, 1 / 1.5])
    assert source_weights(["a", "a"], correlation=0.0).tolist() == [1.0, 1.0]
    assert source_weights([None, None], correlation=1.0).tolist() == [1.0, 1.0]
    with pytest.raises(ValueError, match=r"correlation must be in \[0, 1\]"):
        source_weights(["a"], correlation=1.5)


@given(
    st.lists(st.sampled_from(["a", "b", "c", None]), max_size=12),
    st.floats(0.0, 1.0),
)
def test_a_source_carries_its_effective_number_of_items(
    sources: list[str | None], rho: float
) -> None:
    w = source_weights(sources, correlation=rho)
    assert np.all((w > 0) & (w <= 1))
    for s in {x for x in sources if x is not None}:
        n = sources.count(s)
        total = w[[x == s for x in sources]].sum()
        assert total == pytest.approx(n / (1 + (n - 1) * rho))
    # more correlation never makes an item count for more
    assert np.all(source_weights(sources, correlation=min(1.0, rho + 0.1)) <= w)


# ------------------------------------------------------------------ in fusion
def test_one_document_counts_once_at_full_correlation() -> None:
    three = [claim(f"c{i}", "anf") for i in range(3)]
    one = fuse(three[:1], GRID, as_of=DAY).posterior
    independent = fuse(three, GRID, as_of=DAY).posterior
    once = fuse(three, GRID, as_of=DAY, settings=Settings(source_correlation=1.0))
    np.testing.assert_allclose(once.posterior, one, rtol=1e-12, atol=1e-15)
    assert np.max(independent) > np.max(one)  # three independent claims: sharper
    half = fuse(three, GRID, as_of=DAY, settings=Settings(source_correlation=0.5))
    # in between: each claim's log-likelihood weighted by 1 / (1 + 2 * 0.5)
    facs, _ = factors(three, GRID, as_of=DAY)
    log_p = 1.5 * facs[0].log_l
    expected = np.exp(log_p - log_p.max())
    np.testing.assert_allclose(half.posterior, expected / expected.sum(), rtol=1e-10)


def test_items_of_other_documents_and_other_kinds_are_not_weighted() -> None:
    west = Area.box(40.0, 34.2, 40.8, 35.2)
    items = [
        claim("c1", "anf"),
        claim("c2", "bbc", lon=41.2),
        Territory(
            id="t1",
            provenance=Provenance(document="anf", published=DAY),
            date=DAY,
            group_name="ISIS",
            area=west,
        ),
        Sighting(
            id="s1",
            provenance=Provenance(document="anf", published=DAY),
            date=DAY,
            place=Point(40.9, 34.8),
        ),
    ]
    plain, _ = factors(items, GRID, as_of=DAY)
    rho = Settings(source_correlation=0.8)
    weighted, _ = factors(items, GRID, as_of=DAY, settings=rho)
    by_key = {f.key: f.log_l for f in plain}
    got = {f.key: f.log_l for f in weighted}
    # 'anf' has two weighted factors (c1 and s1): 1 / (1 + 0.8)
    np.testing.assert_allclose(got["c1"], by_key["c1"] / 1.8)
    np.testing.assert_allclose(got["s1"], by_key["s1"] / 1.8)
    np.testing.assert_array_equal(got["c2"], by_key["c2"])  # alone in its document
    np.testing.assert_array_equal(got["t1"], by_key["t1"])  # a territory: a fact


def test_documents_of_one_title_are_separate_sources() -> None:
    """A headline or a generic title ("Police statement") names many documents."""

    def claim_of(cid: str, day: dt.date, url: str | None = None) -> Claim:
        prov = Provenance(document="Police statement", published=day, url=url)
        return Claim(id=cid, provenance=prov, date=day, place=Point(40.8, 34.7))

    rho = Settings(source_correlation=1.0)
    apart = [claim_of("c1", DAY), claim_of("c2", DAY + dt.timedelta(days=2))]
    weighted, _ = factors(apart, GRID, as_of=DAY + dt.timedelta(days=2), settings=rho)
    assert [f.weight for f in weighted] == [1.0, 1.0]
    by_url = [claim_of("c1", DAY, "https://a.example"), claim_of("c2", DAY, None)]
    weighted, _ = factors(by_url, GRID, as_of=DAY, settings=rho)
    assert [f.weight for f in weighted] == [1.0, 1.0]
    # one document (same title, day and address): one source, counted once
    same = [claim_of("c1", DAY), claim_of("c2", DAY)]
    weighted, _ = factors(same, GRID, as_of=DAY, settings=rho)
    assert [f.weight for f in weighted] == [0.5, 0.5]


def test_the_setting_is_checked_stored_and_read_back() -> None:
    with pytest.raises(InputError, match="source_correlation"):
        Settings(source_correlation=1.2)
    s = Settings(source_correlation=0.25)
    assert s.to_dict()["source_correlation"] == 0.25
    assert Settings.from_dict(s.to_dict()) == s
    old = {k: v for k, v in s.to_dict().items() if k != "source_correlation"}
    assert Settings.from_dict(old) == dataclasses.replace(s, source_correlation=0.0)


CASE = """\
target: x
region: {{west: 40.0, south: 34.0, east: 41.5, north: 35.5}}
settings:
  source_correlation: {rho}
evidence:
  - {{id: c1, kind: claim, date: 2018-05-12, place: {{lon: 40.8, lat: 34.7}}}}
"""


def test_a_case_file_sets_it_and_a_bad_value_names_its_line() -> None:
    case = parse_case(CASE.format(rho=0.5), source="case.yaml")
    assert case.settings.source_correlation == 0.5
    with pytest.raises(CaseFileError, match="source_correlation") as err:
        parse_case(CASE.format(rho=2), source="case.yaml")
    assert err.value.line == 4


def test_leaving_out_one_of_a_weighted_group_matches_fusing_without_it() -> None:
    prov = Provenance(document="anf", published=DAY)
    seen = [
        Sighting(
            id=f"s{i}",
            provenance=prov,
            date=DAY,
            place=Point(40.6 + 0.1 * i, 34.7),
            subject="associate",
            who="X",
        )
        for i in range(3)
    ]
    items = [*seen, claim("c1", "anf", lon=40.5)]  # two factors from 'anf'
    rho = Settings(source_correlation=0.6)
    est = fuse(items, GRID, as_of=DAY, settings=rho)
    # without s0 the group still stands, so both factors keep weight 1 / 1.6
    without = fuse(items[1:], GRID, as_of=DAY, settings=rho, contributions=False)
    expected = 0.5 * np.abs(est.posterior - without.posterior).sum()
    shift = {c.item_id: c.map_shift for c in est.contributions}
    assert shift["s0"] == pytest.approx(expected, rel=1e-9)
    assert 0.0 < shift["s0"] < 0.5
    # each item's weight is recorded with its contribution, and in estimate.json
    weights = {c.item_id: c.weight for c in est.contributions}
    assert weights == pytest.approx(dict.fromkeys(["s0", "s1", "s2", "c1"], 1 / 1.6))
    from geosleuth.report.files import estimate_record

    record = estimate_record(est, items, target="x")
    assert [e["contribution"]["weight"] for e in record["evidence"]] == [0.625] * 4
    from geosleuth.report.html import render_report

    html = render_report(est, items, title="x", target="x")
    # in the evidence table and in each item's popup on the map
    assert html.count("weight 0.62 (shares its source)") == 2 * 4
    plain = fuse(items, GRID, as_of=DAY)
    assert "shares its source" not in render_report(plain, items, title="x", target="x")


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_weighted_posteriors_sum_to_one_in_any_order(data: st.DataObject) -> None:
    import random

    grid = data.draw(small_grids())
    items = data.draw(evidence_lists(grid))
    rho = Settings(source_correlation=data.draw(st.floats(0.0, 1.0)))
    shuffled = list(items)
    random.Random(data.draw(st.integers(0, 1000))).shuffle(shuffled)
    a = fuse(items, grid, as_of=AS_OF, settings=rho, contributions=False)
    b = fuse(shuffled, grid, as_of=AS_OF, settings=rho, contributions=False)
    assert a.posterior.sum() == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_allclose(a.posterior, b.posterior, rtol=1e-9, atol=1e-250)
    # a weight never zeroes a cell that the unweighted map keeps
    plain = fuse(items, grid, as_of=AS_OF, contributions=False)
    assert np.all((plain.posterior > 0) <= (a.posterior > 0))


def test_assert_estimate_close_names_a_changed_weight() -> None:
    from geosleuth.testing import assert_estimate_close

    items = [claim("c1", "anf"), claim("c2", "anf", lon=41.0)]
    a = fuse(items, GRID, as_of=DAY)
    b = fuse(items, GRID, as_of=DAY, settings=Settings(source_correlation=0.4))
    with pytest.raises(AssertionError, match=r"contributions\[0\]\.weight"):
        assert_estimate_close(b, a)


def test_an_analysts_own_items_share_no_source() -> None:
    # items written into a case file without a document are the analyst's own
    own = [claim(f"c{i}", "case file", lon=40.6 + 0.2 * i) for i in range(3)]
    facs, _ = factors(own, GRID, as_of=DAY, settings=Settings(source_correlation=1.0))
    assert [f.weight for f in facs] == [1.0, 1.0, 1.0]
    assert document_source("case file") is None and document_source("anf") == "anf"


def test_the_areas_hold_the_target_at_their_rates_and_copies_need_rho(monkeypatch):
    """eval/calibration.py on 300 seeded trials: a known answer for the whole model.

    Reports made the way the model assumes put the target in the 90 % area about
    90 % of the time; the same observation repeated in three items of one
    document does so far less often, unless source_correlation counts it once.
    """
    import importlib.util

    from conftest import REPO

    spec = importlib.util.spec_from_file_location(
        "calibration", REPO / "eval" / "calibration.py"
    )
    assert spec is not None and spec.loader is not None
    calibration = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "calibration", calibration)  # for its dataclass
    spec.loader.exec_module(calibration)
    _, cases = calibration.simulate(300, seed=7)
    own = cases["independent", "as independent (ρ = 0)"]
    naive = cases["copied ×3", "as independent (ρ = 0)"]
    counted_once = cases["copied ×3", "source_correlation ρ = 1"]
    assert own.n == naive.n == counted_once.n == 300
    # ± 3 binomial standard errors of 300 trials around 90 % and 50 %
    for tally in (own, counted_once):
        assert 0.85 <= tally.in90 / tally.n <= 0.95
        assert 0.41 <= tally.in50 / tally.n <= 0.59
    assert naive.in90 / naive.n < 0.5 and naive.in50 / naive.n < 0.2


def _deaths(n: int, document: str = "Ministry briefing") -> list:
    from geosleuth.evidence import Grade, LifeStatus

    return [
        LifeStatus(
            id=f"d{i}",
            provenance=Provenance(document=document, quote=f"He was killed ({i})."),
            date=dt.date(2026, 9, 17),
            status="dead",
            grade=Grade.parse("B2"),
            hedge="probable",
        )
        for i in range(n)
    ]


def test_one_documents_words_of_death_count_once_at_full_correlation() -> None:
    """review r31, M2: a minister's two statements of one death counted twice."""
    from geosleuth.fuse import p_alive

    day = dt.date(2026, 10, 1)
    once = p_alive(_deaths(1), as_of=day)
    twice = p_alive(_deaths(2), as_of=day)
    assert twice < once  # independent words (rho = 0, the default) add up
    one_view = p_alive(_deaths(2), as_of=day, settings=Settings(source_correlation=1))
    assert one_view == pytest.approx(once, rel=1e-12)
    half = p_alive(_deaths(2), as_of=day, settings=Settings(source_correlation=0.5))
    assert twice < half < once
    # two documents are two words, whatever rho
    other = dataclasses.replace(
        _deaths(1, document="Army statement")[0],
        id="e",
        provenance=Provenance(document="Army statement", quote="He died."),
    )
    apart = [*_deaths(1), other]
    assert p_alive(
        apart, as_of=day, settings=Settings(source_correlation=1)
    ) == pytest.approx(twice, rel=1e-12)


def test_a_life_items_weight_is_stored_with_its_contribution() -> None:
    grid = Grid.around(40.0, 35.0, radius_km=20.0, cell_km=2.0)
    claim = Claim(
        id="c",
        provenance=Provenance(document="Army statement", quote="He is near X."),
        date=dt.date(2026, 9, 17),
        place=Point(40.0, 35.0),
    )
    est = fuse(
        [claim, *_deaths(2)],
        grid,
        as_of=dt.date(2026, 10, 1),
        settings=Settings(source_correlation=0.5),
    )
    weights = {c.item_id: c.weight for c in est.contributions}
    assert weights["d0"] == pytest.approx(2 / 3) and weights["d1"] == pytest.approx(
        2 / 3
    )
    assert weights["c"] == 1.0
