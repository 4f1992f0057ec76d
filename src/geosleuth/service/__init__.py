"""The team web service: shared cases, documents and estimates over HTTP.

=========================================  ==========================================
module                                     what it does
=========================================  ==========================================
:mod:`geosleuth.service.app`               :func:`create_app`, the ASGI application
                                           (Starlette; the ``[web]`` extra)
:mod:`geosleuth.service.store`             cases on disk: ids, documents, runs,
                                           written atomically; each case's log of
                                           who changed what
:mod:`geosleuth.service.caselog`           a case's log read back (the store's
                                           history, verify's reports read again)
:mod:`geosleuth.service.users`             the token file: each user's name,
                                           token and role (a viewer reads, an
                                           editor also changes)
:mod:`geosleuth.service.sessions`          browser logins: a signed cookie per user
:mod:`geosleuth.service.pipeline`          the library calls a request makes: check
                                           a case, read a report, estimate, record
                                           a search
:mod:`geosleuth.service.pages`             the HTML list of cases (escaped,
                                           self-contained)
:mod:`geosleuth.service.workers`           the worker processes that read
                                           reports and run estimates
:mod:`geosleuth.service.turns`             the queue for them and for each
                                           case's lock: waiting holds no
                                           thread, and its length is bounded
:mod:`geosleuth.service.connections`       how many connections are held open,
                                           and how long one may idle
:mod:`geosleuth.service.runinputs`         what a run read: each report's and
                                           reading's SHA-256, and what became of
                                           them since
=========================================  ==========================================

Run it with ``geosleuth serve --data-dir DIR``. Importing this package loads no web
framework: Starlette is imported when :func:`create_app` builds the application.
"""

from __future__ import annotations

from geosleuth.errors import CaseNotFoundError
from geosleuth.service.app import create_app
from geosleuth.service.store import CaseStore

__all__ = ["CaseNotFoundError", "CaseStore", "create_app"]
