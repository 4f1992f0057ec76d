"""spaCy's tokens of a text, in time linear in its length (review r85, H1).

spaCy's tokenizer takes a prefix or a suffix off a word one at a time, and each
time searches and copies what is left of it, so a word made of many of them
takes time that grows with the square of its length or faster: a rule of 6,000
``=``, a run of ``)``, ``"`` or ``—`` in a scraped page, ``'!?.,;:'`` repeated,
``'s's's...``. 30 KB of punctuation was not read in 300 s; 20 KB held a worker of
the service for 69 s. Two kinds of stretch are kept from it here:

- a run of :data:`BLANK_RUN` characters or more with no letter, digit or space
  (:data:`_BLANK`) is cut into tokens of :data:`BLANK_RUN` characters (the last
  shorter), marks that hold no words: taken as one token, such a run would cost
  spaCy's ``like_url`` its square in time (1.3 s for 30,000 characters) and the
  vocabulary its length in memory; a rule of some tens of ``=``, an ellipsis,
  ``?!``, ``——`` or an emoticon is shorter and is tokenized as it was;
- a word (a stretch with no space) longer than :data:`_LONG_WORD` characters
  that opens with more than :data:`_FEW` prefixes or ends with more than
  :data:`_FEW` suffixes one after another (``'s's's...``) is tokenized in
  pieces of that length; a long URL or base64 string is tokenized whole, as it
  was.

The tokens' text is the text's own, so every offset still indexes it, and the
norms a special case gives its tokens are kept. A text with neither stretch is
tokenized by spaCy as it is.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["BLANK_RUN", "apart", "blank_runs", "blank_runs_note", "tokenized"]

#: The length from which a run with no letter, digit or space is cut into marks:
#: above the rules of some tens of characters that plain-text articles draw
#: (none of the 817 articles of the differential holds a run over 9), below the
#: lengths that cost time (``'='`` × 400: 0.03 s to tokenize, × 1,200: 0.4 s).
BLANK_RUN = 100
_BLANK = re.compile(rf"(?:[^\w\s]|_){{{BLANK_RUN},}}")
#: Words longer than this are looked at for chains of affixes, and tokenized in
#: pieces of this length if they have one (a piece costs about 0.01 s).
_LONG_WORD = 256
_LONG = re.compile(rf"\S{{{_LONG_WORD + 1},}}")
#: Each affix taken off costs one pass over the word: a long word with at most
#: this many at either end is tokenized whole (a word of plain text has a few:
#: ``("Split!")``).
_FEW = 16


def tokenized(text: str, nlp: Any) -> Any:
    """``nlp.make_doc(text)``, with the stretches that make it slow kept from it.

    Parameters
    ----------
    text : str
        The text; the tokens' offsets index it and ``doc.text == text``.
    nlp : spacy.Language
        The pipeline whose tokenizer and vocabulary are used.

    Returns
    -------
    spacy.tokens.Doc

    Raises
    ------
    ValueError
        If the text is longer than ``nlp.max_length`` (as ``nlp.make_doc``).

    Examples
    --------
    >>> from geosleuth.read.toponyms import load_nlp
    >>> doc = tokenized("Seen in Split. " + "=" * 300 + " Then Zadar.", load_nlp())
    >>> [len(t) for t in doc]
    [4, 2, 5, 1, 100, 100, 100, 4, 5, 1]
    >>> doc[7].idx, doc[7].text
    (316, 'Then')
    >>> [t.text for t in tokenized("Seen in Split.====", load_nlp())]
    ['Seen', 'in', 'Split.====']
    """
    if len(text) > nlp.max_length or (
        _BLANK.search(text) is None and _LONG.search(text) is None
    ):
        return nlp.make_doc(text)
    spans: list[tuple[int, int, str | None]] = []
    chars = list(text)
    for m in _BLANK.finditer(text):  # tokens of BLANK_RUN characters at most
        spans += [(at, min(at + BLANK_RUN, m.end()), None)
                  for at in range(m.start(), m.end(), BLANK_RUN)]  # fmt: skip
        chars[m.start() : m.end()] = " " * (m.end() - m.start())
    rest = "".join(chars)
    for m in _LONG.finditer(rest):
        if _chained(m.group(), nlp.tokenizer):
            spans += _in_pieces(m.group(), m.start(), nlp)
            chars[m.start() : m.end()] = " " * (m.end() - m.start())
    if not spans:  # long words, none a chain
        return nlp.make_doc(text)
    rest = "".join(chars)
    spans += [
        (t.idx, t.idx + len(t), t.norm_) for t in nlp.make_doc(rest) if not t.is_space
    ]
    return _doc(text, sorted(spans), nlp)


def _chained(word: str, tokenizer: Any) -> bool:
    """Whether ``word`` opens or ends with more than :data:`_FEW` affixes in a row.

    Counted in its first and last :data:`_LONG_WORD` characters, which is where
    the tokenizer takes them off.
    """
    for front in (True, False):
        search = tokenizer.prefix_search if front else tokenizer.suffix_search
        piece = word[:_LONG_WORD] if front else word[-_LONG_WORD:]
        for _ in range(_FEW + 1):
            m = search(piece) if piece else None
            if m is None or m.end() == m.start():
                break
            n = m.end() - m.start()
            piece = piece[n:] if front else piece[: len(piece) - n]
        else:
            return True
    return False


def _in_pieces(word: str, start: int, nlp: Any) -> list[tuple[int, int, str | None]]:
    """The tokens of ``word`` (at ``start``), tokenized :data:`_LONG_WORD` at a time.

    The last token of a piece, which the cut may have split (``'`` of ``'s``),
    is taken again at the head of the next piece if it starts in the piece's
    second half (so that each piece moves on by half a piece at least).
    """
    out: list[tuple[int, int, str | None]] = []
    at = 0
    while at < len(word):
        toks = list(nlp.make_doc(word[at : at + _LONG_WORD]))
        if at + _LONG_WORD < len(word) and toks[-1].idx >= _LONG_WORD // 2:
            toks.pop()
        out += [(start + at + t.idx, start + at + t.idx + len(t), t.norm_)
                for t in toks]  # fmt: skip
        at += toks[-1].idx + len(toks[-1])
    return out


def _doc(text: str, spans: list[tuple[int, int, str | None]], nlp: Any) -> Any:
    """The Doc of the words ``spans`` of ``text``, with its space as spaCy takes it.

    One space after a word is the word's; more, or other white space, is a
    token of its own, as is the white space that opens the text.
    """
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    norms: list[str | None] = []
    if spans[0][0] > 0:
        words.append(text[: spans[0][0]])
        spaces.append(False)
        norms.append(None)
    for k, (s, e, norm) in enumerate(spans):
        gap = text[e : spans[k + 1][0] if k + 1 < len(spans) else len(text)]
        words.append(text[s:e])
        norms.append(norm)
        spaces.append(gap.startswith(" "))
        if gap[spaces[-1] :]:
            words.append(gap[spaces[-1] :])
            spaces.append(False)
            norms.append(None)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    blank: dict[str, str] = {}  # a white space's norm ("\xa0" is "  ")
    for tok, norm in zip(doc, norms, strict=True):
        if norm is None and tok.is_space:
            if tok.text not in blank:
                blank[tok.text] = nlp.make_doc(tok.text)[0].norm_
            norm = blank[tok.text]
        if norm is not None and tok.norm_ != norm:
            tok.norm_ = norm
    return doc


def blank_runs(text: str) -> list[tuple[int, int]]:
    """The spans of the runs of ``text`` that :func:`tokenized` cuts into marks.

    Examples
    --------
    >>> blank_runs("Seen: " + ")" * 150 + " Then." + "=" * 72)
    [(6, 156)]
    """
    return [m.span() for m in _BLANK.finditer(text)]


def apart(
    spans: list[tuple[int, int]], runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``spans`` cut at the runs ``runs`` (:func:`blank_runs`), each run a span.

    Examples
    --------
    >>> apart([(0, 10), (11, 300), (301, 310)], [(15, 215)])
    [(0, 10), (11, 15), (15, 215), (215, 300), (301, 310)]
    """
    out = []
    k = 0
    for s, e in spans:
        while k < len(runs) and runs[k][1] <= e:
            rs, re_ = runs[k]
            k += 1
            if s <= rs:
                out += [(s, rs), (rs, re_)]
                s = re_
        out.append((s, e))
    return [(s, e) for s, e in out if e > s]


def blank_runs_note(text: str) -> str | None:
    r"""A note on the runs that :func:`tokenized` cuts into marks, or None.

    Examples
    --------
    >>> print(blank_runs_note("A rule:\n" + "=" * 6000 + "\nSeen in Split."))
    ... # doctest: +NORMALIZE_WHITESPACE
    line 2 holds a run of 6,000 characters with no letter, digit or space (=):
    read as a sentence of no words
    >>> blank_runs_note("Seen in Split... or not?!" + "=" * 72) is None
    True
    """
    runs = list(_BLANK.finditer(text))  # review r85, H1
    if not runs:
        return None
    first = runs[0]
    kinds = "".join(sorted(set(first.group())))
    more = len(runs) - 1
    return (
        f"line {text.count(chr(10), 0, first.start()) + 1} holds a run of "
        f"{len(first.group()):,} characters with no letter, digit or space "
        f"({kinds[:12]}{'...' if len(kinds) > 12 else ''}): read as a sentence "
        "of no words"
        + (f", and {more} more such run{'s' if more > 1 else ''}" if more else "")
    )
