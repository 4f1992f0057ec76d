"""Small things a journalist checked (review r11, #14)."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO
from geosleuth.casefile import load_case
from geosleuth.read.attribution import attribute_text

SEED = REPO / "src" / "geosleuth" / "examples" / "seed-baghdadi-2018.yaml"


def test_the_seed_cases_quotes_are_word_for_word_in_its_article(
    shared_dir: Path,
) -> None:
    """Two quotes had straight quote marks where the article has curly ones."""
    article = (shared_dir / "corpus" / "seed-2018-baghdadi-hajin.txt").read_text(
        encoding="utf-8"
    )
    case = load_case(SEED)
    quoted = [i for i in case.items if i.provenance.quote]
    assert len(quoted) == len(case.items) == 15
    for item in quoted:
        assert item.provenance.quote in article, item.id


def test_a_reporting_chain_keeps_no_full_stop() -> None:
    text = "Khalid al-Rashid is hiding in Raqqa, Ahmed Saleh told the Associated Press."
    assert attribute_text(text, 0).chain == ("Associated Press",)
    assert attribute_text("He is in Raqqa, Saleh told A.P.", 0).chain == ("A.P.",)


def test_a_searched_point_without_a_buffer_says_to_give_one() -> None:
    """review r9, F10: 'Got 0.0 instead' for a buffer that was never given."""
    import datetime as dt

    import pytest

    from geosleuth.errors import InputError
    from geosleuth.evidence import Provenance, Searched
    from geosleuth.geometry import Point

    with pytest.raises(InputError) as caught:
        Searched(
            id="s",
            provenance=Provenance(document="d"),
            date=dt.date(2024, 10, 12),
            area=Point(-4.07, 53.07),
            pd=0.5,
        )
    assert "Give it (0, the default, covers nothing)." in caught.value.message
    assert "Got 0.0" not in caught.value.message
