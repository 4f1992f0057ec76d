import dataclasses
import datetime as dt

import numpy as np
import pytest

from geosleuth.errors import InputError
from geosleuth.evidence import (
    Claim,
    EventSet,
    Front,
    Grade,
    GradeTable,
    LifeStatus,
    Provenance,
    Searched,
    Sighting,
    Territory,
    reliability,
)
from geosleuth.geometry import Area, Line, Point

DAY = dt.date(2018, 5, 12)
PROV = Provenance(document="anf", quote="...", published=DAY)


def test_grade_parse_and_probability_table():
    assert Grade.parse(" b2 ") == Grade("B", 2)
    table = GradeTable()
    assert table.p_true(Grade.parse("A1")) == pytest.approx(0.95 * 0.95)
    assert table.p_true(None, "possible") == 0.5
    assert table.p_true(Grade.parse("C3"), "probable") == pytest.approx(
        0.7 * 0.6 * 0.75
    )


@pytest.mark.parametrize("text", ["Z1", "A7", "A", "1A", ""])
def test_bad_grades_are_rejected(text):
    with pytest.raises(InputError, match="reliability letter A-F"):
        Grade.parse(text)


def test_the_grade_table_is_configurable():
    strict = GradeTable(
        hedge_p=(
            ("certain", 1.0),
            ("probable", 0.5),
            ("possible", 0.2),
            ("doubtful", 0.05),
        )
    )
    c = Claim(
        id="c", provenance=PROV, date=DAY, place=Point(40.8, 34.7), hedge="possible"
    )
    assert reliability(c, strict) == 0.2
    assert reliability(c) == 0.5


def test_associate_sighting_is_weaker_by_its_closeness():
    s = Sighting(
        id="s",
        provenance=PROV,
        date=DAY,
        place=Point(40.8, 34.7),
        subject="associate",
        who="Iyad al-Jamili",
        closeness=0.8,
        grade=Grade.parse("C3"),
    )
    assert s.p_true() == pytest.approx(0.7 * 0.6 * 0.8)
    assert s.group_key == "associate:Iyad al-Jamili"


def test_items_are_frozen():
    s = Sighting(id="s", provenance=PROV, date=DAY, place=Point(40.8, 34.7))
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.sigma_km = 3.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"sigma_km": -2.0}, "'sigma_km' of sighting 's3' must be a positive number"),
        ({"sigma_km": float("nan")}, "'sigma_km'"),
        ({"closeness": 0.0}, "'closeness'"),
        ({"subject": "enemy"}, "'subject'"),
        ({"date_from": dt.date(2018, 6, 1)}, "out of order"),
        ({"date": dt.date(2018, 6, 1)}, "published on 2018-05-12"),
        ({"hedge": "maybe"}, "'hedge'"),
        ({"id": ""}, "non-empty 'id'"),
    ],
)
def test_invalid_sightings_cannot_exist(kwargs, match):
    base = {"id": "s3", "provenance": PROV, "date": DAY, "place": Point(40.8, 34.7)}
    base.update(kwargs)
    with pytest.raises(InputError, match=match):
        Sighting(**base)


def test_invalid_items_of_every_kind_are_rejected():
    with pytest.raises(InputError, match="'pd'"):
        Searched(id="x", provenance=PROV, date=DAY, area=Area.box(0, 0, 1, 1), pd=1.5)
    with pytest.raises(InputError, match="buffer_km"):
        Searched(
            id="x", provenance=PROV, date=DAY, area=Line.of([[0, 0], [1, 1]]), pd=0.5
        )
    with pytest.raises(InputError, match="'tie'"):
        Territory(
            id="x",
            provenance=PROV,
            date=DAY,
            group_name="g",
            area=Area.box(0, 0, 1, 1),
            tie=2.0,
        )
    with pytest.raises(InputError, match="bearing"):
        Front(
            id="x",
            provenance=PROV,
            date=DAY,
            force="SDF",
            place=Point(0, 0),
            distance_km=5,
            bearing_deg=float("nan"),
        )
    with pytest.raises(InputError, match="'status'"):
        LifeStatus(id="x", provenance=PROV, date=DAY, status="missing")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="polarity"):
        Claim(id="x", provenance=PROV, date=DAY, place=Point(0, 0), polarity="no")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="finite coordinates"):
        EventSet(id="x", provenance=PROV, date=DAY, lons=[0.0, np.nan], lats=[0, 1])
    with pytest.raises(InputError, match="at least 2"):
        EventSet(id="x", provenance=PROV, date=DAY, lons=[0.0], lats=[0.0])
    with pytest.raises(InputError, match="one name per event"):
        EventSet(
            id="x", provenance=PROV, date=DAY, lons=[0, 1], lats=[0, 1], names=("a",)
        )
    with pytest.raises(InputError, match="'document'"):
        Provenance(document=" ")
    with pytest.raises(InputError, match="span"):
        Provenance(document="d", span=(5, 2))


def test_event_set_names_are_kept_only_when_given():
    plain = EventSet(id="e", provenance=PROV, date=DAY, lons=[0, 1], lats=[0, 1])
    assert "names" not in plain.to_dict()  # records of anonymous events unchanged
    named = EventSet(
        id="e", provenance=PROV, date=DAY, lons=[0, 1], lats=[0, 1], names=["A", "B"]
    )
    assert named.names == ("A", "B") and named.to_dict()["names"] == ["A", "B"]


def test_event_set_arrays_are_copied_and_read_only():
    lons = np.array([0.0, 0.1])
    e = EventSet(id="e", provenance=PROV, date=DAY, lons=lons, lats=[0.0, 0.1])
    lons[0] = 9.0
    assert e.lons[0] == 0.0
    with pytest.raises(ValueError, match="read-only"):
        e.lons[0] = 1.0


def test_age_uses_the_middle_of_a_date_range():
    s = Sighting(
        id="s",
        provenance=PROV,
        date=DAY,
        date_from=dt.date(2016, 5, 12),
        place=Point(40.8, 34.7),
    )
    assert s.mid_date == dt.date(2017, 5, 12)
    assert s.age_days(dt.date(2018, 5, 12)) == 365.0
    assert s.age_days(dt.date(2010, 1, 1)) == 0.0


def test_to_dict_keeps_provenance():
    c = Claim(
        id="c",
        provenance=Provenance(
            document="anf", quote="q", span=(1, 5), speaker="al-Basri", published=DAY
        ),
        date=DAY,
        place=Point(40.8, 34.7),
        place_name="Hajin",
    )
    d = c.to_dict()
    assert d["provenance"]["speaker"] == "al-Basri"
    assert d["provenance"]["span"] == [1, 5]
    assert d["place"] == {"type": "Point", "coordinates": [40.8, 34.7]}
    assert d["kind"] == "claim"


def _all_kinds():
    from geosleuth.evidence import (
        Claim,
        EventSet,
        Front,
        LifeStatus,
        Searched,
        Territory,
    )

    p = Provenance(
        document="anf",
        quote="q",
        span=(0, 1),
        speaker="s",
        reporting_chain=("told ANF",),
        published=DAY,
        url="https://x",
    )
    return [
        Sighting(
            id="a",
            provenance=p,
            date=DAY,
            date_from=dt.date(2017, 1, 1),
            place=Point(40.8, 34.7),
            place_name="Hajin",
            subject="associate",
            who="X",
            grade=Grade.parse("C3"),
            hedge="probable",
        ),
        Claim(
            id="b",
            provenance=p,
            date=DAY,
            place=Line.of([[40, 34], [41, 35]]),
            polarity="is_not",
        ),
        Territory(
            id="c",
            provenance=p,
            date=DAY,
            group_name="g",
            area=Area.box(40, 34, 41, 35),
        ),
        Front(
            id="d",
            provenance=p,
            date=DAY,
            force="SDF",
            place=Point(40.9, 34.4),
            distance_km=5,
            bearing_deg=20,
        ),
        Front(
            id="d2",
            provenance=p,
            date=DAY,
            force="SDF",
            place=Point(40.9, 34.4),
            distance_km=5,
            bearing_deg=20,
            width_km=20,
        ),
        Searched(
            id="e", provenance=p, date=DAY, area=Point(40, 34), buffer_km=2, pd=0.4
        ),
        LifeStatus(id="f", provenance=p, date=DAY, status="alive"),
        EventSet(
            id="g",
            provenance=p,
            date=DAY,
            lons=[40.0, 40.1],
            lats=[34, 34.1],
            weights=[1, 2],
            method="cgt",
        ),
    ]


@pytest.mark.parametrize("item", _all_kinds(), ids=lambda i: i.kind)
def test_every_kind_round_trips_through_its_dict(item):
    import json

    from geosleuth.evidence import item_from_dict

    again = item_from_dict(json.loads(json.dumps(item.to_dict())))
    assert type(again) is type(item)
    assert again.to_dict() == item.to_dict()


def test_item_from_dict_rejects_what_is_not_an_item():
    from geosleuth.evidence import item_from_dict

    with pytest.raises(InputError, match="Unknown evidence kind"):
        item_from_dict({"kind": "rumour"})
    with pytest.raises(InputError, match="do not fit"):
        item_from_dict(
            {
                "kind": "claim",
                "id": "x",
                "date": "2018-01-01",
                "provenance": {"document": "d"},
                "colour": "red",
            }
        )
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        item_from_dict(
            {
                "kind": "life_status",
                "id": "x",
                "date": "soon",
                "status": "alive",
                "provenance": {"document": "d"},
            }
        )


def test_a_datetime_is_not_a_date():
    # datetime passes isinstance(x, date) but raises when compared with a date
    stamp = dt.datetime(2018, 5, 12, 10, 0, tzinfo=dt.UTC)
    with pytest.raises(InputError, match="must be a date"):
        LifeStatus(id="x", provenance=PROV, date=stamp, status="alive")
    with pytest.raises(InputError, match="'published' must be a date"):
        Provenance(document="d", published=stamp)
