"""The byte-order marks a text file may start with, and their encodings.

Shared by the readers of reports (:mod:`geosleuth.read.text`) and of event
files (:mod:`geosleuth.events`); a module of its own so that reading an events
file does not import the news reader.
"""

from __future__ import annotations

import codecs

__all__ = ["BOMS"]

#: Each mark and its encoding, UTF-32 before UTF-16 (whose little-endian mark
#: begins UTF-32's).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
