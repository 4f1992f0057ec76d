"""Review r51 H1: a long document's reading took time growing with the square of it.

spaCy's ``Doc.text`` joins every token on each access; read per sentence (and per
character in :func:`~geosleuth.read.attribution._quotes.closing_speaker`) it made
100k characters take minutes. The text is now built once per document
(:func:`geosleuth.read._doc_text.doc_text`), and the inference of the target
counts each name's words once per text, not once per entity. Counted, not timed:
the number of times a document's text is built does not grow with the number of
its sentences, and the name keys looked up grow in proportion to the text.
The figures are in ``bench/read_long.py``.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

import geosleuth.read._target_infer as target_infer
from geosleuth.read import read_text
from geosleuth.read._target_infer import infer_target

_PAIR = (
    '"He is not in Culiacán. He has never been in Sinaloa," Rivas said in '
    "Mazatlán on June {day}. Police said Rodrigo Salcedo Ibarra was seen in "
    "Culiacán on June {day}. Salcedo was driving a truck, officials said. "
)


def _text_builds(nlp: Any, text: str) -> int:
    """How many times the reading of ``text`` builds a document's whole text."""
    from spacy.tokens import Doc

    builds = [0]

    class CountingDoc(Doc):  # type: ignore[misc]
        @property
        def text(self) -> str:
            builds[0] += 1
            return str(Doc.text.__get__(self))

    class CountingNlp:
        def __getattr__(self, name: str) -> Any:
            return getattr(nlp, name)

        def make_doc(self, text: str) -> Any:
            doc = nlp.make_doc(text)
            return CountingDoc(doc.vocab).from_bytes(doc.to_bytes())

    reading = read_text(
        text,
        target="Rodrigo Salcedo Ibarra",
        published=dt.date(2018, 7, 1),
        nlp=CountingNlp(),
    )
    assert reading.evidence  # the synthetic text is read, not skipped
    return builds[0]


@pytest.mark.nlp
def test_document_text_is_built_a_fixed_number_of_times(nlp: Any) -> None:
    short = "".join(_PAIR.format(day=1 + d % 28) for d in range(4))
    long = "".join(_PAIR.format(day=1 + d % 28) for d in range(24))
    few, many = _text_builds(nlp, short), _text_builds(nlp, long)
    # once per document (the entities' and the parse's), whatever its length;
    # before, several times per sentence and once per character of a quotation
    assert many == few
    assert many <= 6


def _name_keys_looked_up(n: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """Name keys looked up to infer the target of a text of ``n`` sentences."""
    calls = [0]
    real = target_infer.name_key

    def counting(word: str) -> str:
        calls[0] += 1
        return real(word)

    sentence = "The Zorbland Agency said Ana Perez left Talavera. "
    text = sentence * n
    ents = []
    for k in range(n):
        base = k * len(sentence)
        for label, words in (("ORG", "Zorbland Agency"), ("PERSON", "Ana Perez")):
            at = base + sentence.index(words)
            ents.append(
                SimpleNamespace(
                    label_=label, start_char=at, end_char=at + len(words), text=words
                )
            )
    with monkeypatch.context() as patch:
        patch.setattr(target_infer, "name_key", counting)
        target = infer_target(text, doc=SimpleNamespace(ents=ents))
    assert target is not None
    assert target.name == "Ana Perez"
    return calls[0]


def test_target_inference_looks_up_each_word_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a count per entity of every word of the text was quadratic (r51 H1)
    few = _name_keys_looked_up(20, monkeypatch)
    many = _name_keys_looked_up(80, monkeypatch)
    assert many <= 4 * few + 10
