"""A find whose object the parse makes the subject of what it was doing.

"Police found him hiding in Gao": spaCy hangs "hiding" from "found" as a clause
(ccomp) with "him" as its subject, and the place in it was taken for another
clause's: the find was set aside as "at no resolved place" and Gao read as a
plain claim.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import claims, reader, sightings

pytestmark = pytest.mark.nlp

_read = reader("Hamadou Ag Alher")
_LEADS = "Hamadou Ag Alher has led the group since 2012. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Police found him hiding in a barn in Gao.",
        "Police said they found him hiding in Gao.",
        "Soldiers found Ag Alher hiding in Gao on Monday.",
    ],
)
def test_found_doing_something_at_a_place_is_found_there(
    sentence: str, nlp: Any
) -> None:
    r = _read(_LEADS + sentence, nlp)
    assert [s.place_name for s in sightings(r)] == ["Gao"]
    assert not claims(r)
    assert not any("no resolved place" in x.detail for x in r.rejected)


def test_a_finding_that_reports_a_clause_is_no_find(nlp: Any) -> None:
    # near miss: "found that he was hiding" reports; it is a claim, not a find
    r = _read(_LEADS + "Police found that he was hiding in Gao.", nlp)
    assert not sightings(r)
    assert [c.place_name for c in claims(r)] == ["Gao"]


def test_another_found_hiding_is_not_the_target(nlp: Any) -> None:
    r = _read(_LEADS + "Police found his brother hiding in Gao.", nlp)
    assert not sightings(r) and not claims(r)
