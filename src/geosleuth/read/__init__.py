"""Reading reports: text to resolved places and to evidence items with provenance.

========================================  =============================================
module                                    what it does
========================================  =============================================
:mod:`geosleuth.read.text`                bytes in any encoding → main text (HTML via
                                          trafilatura), normalised, size-capped
:mod:`geosleuth.read.toponyms`            place names found and resolved with the
                                          :class:`~geosleuth.gazetteer.Gazetteer`
:mod:`geosleuth.read.coordinates`         coordinates written in the text → points,
                                          as precise as written
:mod:`geosleuth.read.dates`               absolute and relative dates → periods
:mod:`geosleuth.read.hedges`              hedges and negation of the wording
:mod:`geosleuth.read.target`              the target's name variants and references
:mod:`geosleuth.read.attribution`         speakers, roles, reporting chains, quotes
:mod:`geosleuth.read.claims`              sentences → claims, sightings, fronts,
                                          life status, with what was not used
:mod:`geosleuth.read.fronts`              distances from a place → fronts, bearings
:mod:`geosleuth.read.cases`               an outbreak's case counts by town → an
                                          event set
:mod:`geosleuth.read.life`                proof of life and claims of death
:mod:`geosleuth.read.sightings`           sightings of the target or an associate
:mod:`geosleuth.read.whereabouts`         where the target is (or is not) → claims
:mod:`geosleuth.read.regions`             a claim's places: buffers, intersections,
                                          border lines
:mod:`geosleuth.read.document`            all of it for one file: a :class:`Reading`
:mod:`geosleuth.read.annotate`            an escaped, self-contained HTML view
:mod:`geosleuth.read.corpus`              many files, serially or with Dask; the
                                          evidence of read outputs loaded back
========================================  =============================================

Importing this package loads no NLP model: spaCy is imported when text is parsed,
and Dask when a corpus is read with a scheduler other than "serial".
"""

from __future__ import annotations

from geosleuth.read.annotate import annotate_html
from geosleuth.read.claims import (
    DEFAULT_READ_GRADES,
    Extraction,
    Rejected,
    extract_evidence,
)
from geosleuth.read.corpus import (
    CorpusReading,
    DocumentEvidence,
    RejectedDocument,
    corpus_files,
    evidence_record,
    gather_evidence,
    load_read_output,
    read_corpus,
)
from geosleuth.read.document import Reading, parse, read_document, read_text
from geosleuth.read.text import TextSource, load_text

__all__: list[str] = [
    "DEFAULT_READ_GRADES",
    "CorpusReading",
    "DocumentEvidence",
    "Extraction",
    "Reading",
    "Rejected",
    "RejectedDocument",
    "TextSource",
    "annotate_html",
    "corpus_files",
    "evidence_record",
    "extract_evidence",
    "gather_evidence",
    "load_read_output",
    "load_text",
    "parse",
    "read_corpus",
    "read_document",
    "read_text",
]
