"""Review r85, H1: a long run with no space no longer stalls the reader.

spaCy's tokenizer takes time growing faster than the square of the length of a
stretch with no space made of prefixes and suffixes: a 30 KB file of
``'!?.,;:'`` was not read in 300 s, a sentence and 20,000 ``=`` held a worker
69 s. Such a run with no letter or digit (of 100 characters or more) is now cut
into marks of no words, a sentence of its own, and a long word that is a chain
of affixes (``'s's's...``) is tokenized in pieces; the tokens keep the text's
own characters, so spans and quotes index it. Near-misses: a rule of some tens
of ``=``, an ellipsis, ``?!``, ``——``, emoticons, a long URL or base64 string
are tokenized exactly as before.
"""

from __future__ import annotations

import base64
import time
from typing import Any

import pytest

from reading import claims, reader, sightings

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_SEEN = "Police said Rodrigo Salcedo Ibarra was seen in Culiacán on Monday."
_HIDING = '"He was hiding in Tamazula," a neighbour said.'
_AFTER = _SEEN + " " + _HIDING


def _tokens(doc: Any) -> list[tuple[str, str, str, int]]:
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in doc]


class _Guarded:
    """spaCy's pipeline, that refuses to tokenize a word of over 256 characters.

    So that a test of a long run fails at once, not after minutes, when the
    run reaches the tokenizer.
    """

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)

    def make_doc(self, text: str) -> Any:
        longest = max(map(len, text.split()), default=0)
        assert longest <= 256, f"a word of {longest} characters to tokenize"
        return self._nlp.make_doc(text)


def test_a_30kb_run_of_punctuation_is_read_in_seconds(nlp: Any) -> None:
    text = "!?.,;:" * 5000 + "\n" + _AFTER  # r85's punct30k.txt, then a sighting
    t0 = time.perf_counter()
    r = _salcedo(text, _Guarded(nlp))
    assert time.perf_counter() - t0 < 10  # 0.2 s; was not read in 300 s
    assert [s.place_name for s in sightings(r)] == ["Culiacán"]


@pytest.mark.parametrize(
    "run",
    [
        "=" * 6000 + "\n",  # an ASCII rule on its own line
        "=" * 20000 + " ",  # r85's eq20k.txt, the other way round
        ")" * 6000,  # glued to the sentence
        '"' * 6000 + " ",
        "—" * 6000 + "\n\n",
        "!?.,;:" * 1000 + " ",
        "_" * 3000 + "*" * 3000 + "\n",
    ],
    ids=["equals", "equals-20k", "parens", "quotes", "em-dash", "mixed", "two-kinds"],
)
def test_spans_and_quotes_after_a_run_index_the_sentence(run: str, nlp: Any) -> None:
    text = run + _AFTER
    r = _salcedo(text, nlp)
    (seen,) = sightings(r)
    (hiding,) = claims(r)
    start = len(run)
    assert seen.provenance.span == (start, start + len(_SEEN))
    assert seen.provenance.quote == _SEEN
    assert (seen.place_name, seen.provenance.speaker) == ("Culiacán", "Police")
    at = text.index(_HIDING)
    assert hiding.provenance.span == (at, at + len(_HIDING))
    assert hiding.provenance.quote == _HIDING
    assert (hiding.place_name, hiding.provenance.speaker) == ("Tamazula", "A neighbour")
    for item in (seen, hiding):
        s, e = item.provenance.span
        assert text[s:e] == item.provenance.quote


def test_a_run_between_two_sentences_keeps_both(nlp: Any) -> None:
    # ("He" so far after the name is no one, before as now: the name is given)
    hiding = '"Salcedo was hiding in Tamazula," a neighbour said.'
    text = _SEEN + " " + "=" * 6000 + " " + hiding
    r = _salcedo(text, nlp)
    assert [i.provenance.quote for i in r.evidence] == [_SEEN, hiding]
    assert r.sentences[1] == (len(_SEEN) + 1, len(_SEEN) + 6001)


def test_the_note_names_the_first_run_once(nlp: Any) -> None:
    text = "A rule:\n" + "=" * 6000 + "\n" + _SEEN + "\n" + "-" * 200 + ")" * 150
    r = _salcedo(text + "\n" + "#" * 100, nlp)
    notes = [n for n in r.notes if "no letter, digit or space" in n]
    assert notes == [
        "line 2 holds a run of 6,000 characters with no letter, digit or space "
        "(=): read as a sentence of no words, and 2 more such runs"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Seen in Split... or was it?! " + "=" * 72 + "\n" + _AFTER,
        "Seen in Split——or not. :-) )) " + "-" * 99 + " " + '"' * 99,
        _SEEN + "=" * 97 + _HIDING,  # with "." and '"', a run of 99
        "Split." + "!?.,;:" * 16 + "!! Zadar.",
    ],
    ids=["rule-72", "emoticons", "glued-99", "mixed-99"],
)
def test_a_run_of_ordinary_length_reads_as_before(text: str, nlp: Any) -> None:
    from geosleuth.read._tokens import tokenized

    assert _tokens(tokenized(text, nlp)) == _tokens(nlp.make_doc(text))
    r = _salcedo(text, nlp)
    assert not [n for n in r.notes if "no letter, digit or space" in n]


def test_a_72_character_rule_keeps_its_reading(nlp: Any) -> None:
    r = _salcedo("=" * 72 + "\n" + _AFTER, nlp)
    at = 74 + len(_SEEN)
    assert r.sentences == ((0, 72), (73, at - 1), (at, at + len(_HIDING)))
    assert [i.provenance.quote for i in r.evidence] == [_SEEN, _HIDING]


@pytest.mark.parametrize(
    "word",
    [
        "https://example.com/" + "a/b?c=d&" * 750,  # one token, URL
        base64.b64encode(bytes(range(256)) * 18).decode(),  # infixes
        "x" + "'s" * 100,  # a short chain of affixes, whole
    ],
    ids=["url", "base64", "short-chain"],
)
def test_a_long_word_without_a_chain_is_tokenized_whole(word: str, nlp: Any) -> None:
    from geosleuth.read._tokens import tokenized

    # white space of every kind around it: the Doc is rebuilt around the word
    text = "  lead \xa0 x\n\n y \t" + word + " \n " + _SEEN + "\u2009\xa0"
    assert _tokens(tokenized(text, nlp)) == _tokens(nlp.make_doc(text))


def test_a_chain_of_affixes_is_tokenized_in_linear_time(nlp: Any) -> None:
    from geosleuth.read._tokens import tokenized

    text = _SEEN + " x" + "'s" * 15000 + " " + _HIDING  # 30 KB
    t0 = time.perf_counter()
    doc = tokenized(text, _Guarded(nlp))
    assert time.perf_counter() - t0 < 5  # 0.2 s; 12.6 s for 6 KB before
    assert doc.text == text
    assert all(t.text == text[t.idx : t.idx + len(t)] for t in doc)
    chain = [t.text for t in doc if len(_SEEN) < t.idx < text.index(_HIDING)]
    assert chain == ["x"] + ["'s"] * 15000
    short = "x" + "'s" * 50  # the same tokens as spaCy gives a short chain
    assert [t.text for t in nlp.make_doc(short)] == ["x"] + ["'s"] * 50


def test_the_tokens_of_a_run_index_the_text(nlp: Any) -> None:
    from geosleuth.read._tokens import tokenized

    text = "Seen in Split.\n" + "=" * 250 + "Zadar" + ")" * 120 + " Knin."
    doc = tokenized(text, nlp)
    assert doc.text == text
    assert all(t.text == text[t.idx : t.idx + len(t)] for t in doc)
    assert [t.text for t in doc][5:] == [
        "=" * 100, "=" * 100, "=" * 50, "Zadar", ")" * 100, ")" * 20, "Knin", ".",
    ]  # fmt: skip
