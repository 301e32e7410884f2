"""The static report site and notebook views of assessments (the ``report`` extra: Jinja2).

:func:`report` writes a folder that works opened from disk: ``index.html`` with the league
table and one page per authority with its findings, extracted initiatives, organisations and
figures highlighted. :func:`authority_html` and :func:`statement_html` give the same
rendering as HTML fragments, which is what a notebook shows for an
:class:`~cqcmodel.Authority` or a :class:`~cqcmodel.QualityStatement`.
"""

from __future__ import annotations

from ._extras import MissingExtraError
from .marks import Mark, highlight
from .render import CSP, authority_html, page_html, report, statement_html

__all__ = [
    "CSP",
    "Mark",
    "MissingExtraError",
    "authority_html",
    "highlight",
    "page_html",
    "report",
    "statement_html",
]
