"""Property tests for toponym detection: any text, offsets that index it."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from geosleuth.gazetteer import Gazetteer
from geosleuth.read.toponyms import find_toponyms

# Words that exercise the span rules: articles, possessives, elisions, connectors,
# abbreviations with full stops, places that are also people or words.
_WORDS = [
    "the",
    "The",
    "in",
    "near",
    "of",
    "and",
    "said",
    "Van",
    "Turkey",
    "Georgia",
    "Gainesville",
    "Hong",
    "Kong's",
    "Canada's",
    "United",
    "States",
    "U.S.",
    "S.C.",
    "Côte",
    "d'Ivoire",
    "Pandi,",
    "Bulacan",
    "Glen",
    "Allen.",
    "Washington",
    "New",
    "York",
    "state",
    "Abu",
    "Shok",
    "Mali,",
    "Niger,",
    "Senegal.",
    "Department",
    "County",
    "Walker",
    "Texas",
    "—",
    "\n",
    # lists, connectors, compounds and state readings
    "and",
    "Homa",
    "Bay,",
    "Rongo,",
    "Kisumu",
    "Dar",
    "es",
    "Salaam",
    "Australia-wide",
    "UK-based",
    "Buffalo,",
    "Governor",
    "Pacific",
    "Plum",
    "Island",
    "NY",
]


@settings(deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25))
def test_mentions_index_the_text_and_do_not_overlap(words: list[str]) -> None:
    gaz = Gazetteer.default()
    text = " ".join(words)
    mentions = find_toponyms(text, nlp=False, gazetteer=gaz)
    last_end = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end  # in text order, no overlap
        last_end = m.end
        assert not m.text.lower().startswith("the ") or m.name.lower().startswith(
            "the "
        )
        assert not m.text.endswith(("'s", "’s"))
        assert 0.0 <= m.confidence <= 1.0
        if not math.isnan(m.lat):
            assert -90.0 <= m.lat <= 90.0 and -180.0 <= m.lon <= 180.0
