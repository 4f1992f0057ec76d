"""A grade table's overrides refuse every key it has not (review r22, G3).

``GradeTable.overridden`` takes a credibility digit as text or a number ("6",
6, 6.0); any other key ("x", 1.5, True, None) is an ``InputError`` that names
it, as a letter or part it has not is, never a bare ``ValueError`` or
``TypeError``, and never a digit it was rounded to (1.5 changed digit 1).
"""

from __future__ import annotations

import pytest

from geosleuth.errors import InputError
from geosleuth.evidence import DEFAULT_GRADES, Grade


@pytest.mark.parametrize(
    ("key", "said"),
    [("x", "'x'"), (1.5, "1.5"), (True, "True"), (None, "None"), ("1.5", "'1.5'")],
)
def test_a_credibility_no_digit_names_is_refused_by_name(
    key: object, said: str
) -> None:
    with pytest.raises(
        InputError, match=rf"no credibility {said} \(it has 1, 2, 3, 4, 5, 6\)"
    ) as refused:
        DEFAULT_GRADES.overridden({"credibility": {key: 0.5}})  # type: ignore[dict-item]
    assert refused.value.field == f"grades.credibility.{key}"
    assert dict(DEFAULT_GRADES.credibility_p)[1] == 0.95  # the default is untouched


@pytest.mark.parametrize("key", ["6", 6, 6.0, " 6"])
def test_a_credibility_digit_is_text_or_a_number(key: object) -> None:
    table = DEFAULT_GRADES.overridden({"credibility": {key: 0.4}})  # type: ignore[dict-item]
    assert dict(table.credibility_p) == {
        1: 0.95,
        2: 0.80,
        3: 0.60,
        4: 0.40,
        5: 0.20,
        6: 0.4,
    }


def test_a_hedge_override_changes_that_hedge_only() -> None:
    table = DEFAULT_GRADES.overridden({"hedge": {"possible": 0.3}})
    b2 = Grade.parse("B2")
    assert table.p_true(b2, "possible") == pytest.approx(0.85 * 0.80 * 0.3, abs=1e-15)
    assert table.p_true(b2, "probable") == pytest.approx(0.85 * 0.80 * 0.75, abs=1e-15)
    with pytest.raises(
        InputError, match=r"no hedge 'surely' \(it has certain, probable"
    ):
        DEFAULT_GRADES.overridden({"hedge": {"surely": 0.3}})
