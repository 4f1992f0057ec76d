"""The text of a parsed document, built once per document.

spaCy's ``Doc.text`` joins every token on each access, so reading it once per
sentence, or per character in a loop, made the reading of a long text
quadratic in its length (review r51, H1: 100k characters took minutes).
:func:`doc_text` keeps the string for as long as its document lives; a
document's text never changes (a retokenisation keeps it).
"""

from __future__ import annotations

import weakref
from typing import Any

__all__ = ["doc_text"]

_TEXTS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Any) -> str:
    """``doc.text``, computed on the first call for ``doc`` and kept.

    Examples
    --------
    >>> class Doc:  # stands in for spacy.tokens.Doc: its text built on each access
    ...     builds = 0
    ...
    ...     @property
    ...     def text(self) -> str:
    ...         Doc.builds += 1
    ...         return "He was seen. Then he left."
    >>> doc = Doc()
    >>> [doc_text(doc)[:12] for _ in range(3)], Doc.builds
    (['He was seen.', 'He was seen.', 'He was seen.'], 1)
    """
    text = _TEXTS.get(doc)
    if text is None:
        text = str(doc.text)
        _TEXTS[doc] = text
    return text
