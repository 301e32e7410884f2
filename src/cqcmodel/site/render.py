"""Templates to HTML: the static site folder and the notebook fragments.

Jinja2 (the ``report`` extra) renders every page with autoescaping on, so report text is
always shown as text; the only HTML not escaped by Jinja is a finding marked up by
:func:`~cqcmodel.site.marks.highlight`, which escapes the text itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from .._version import __version__
from ..councils import councils
from ..framework import STATEMENTS, Rating, Score
from ..model import Authority, QualityStatement, authority_list
from ._extras import require
from .views import (
    AuthorityView,
    authority_view,
    rating_counts,
    rows,
    slugs,
    statement_averages,
    statement_view,
    theme_averages,
)

__all__ = ["CSP", "authority_html", "index_html", "page_html", "report", "statement_html"]

#: The Content-Security-Policy of every page: nothing from outside the folder, no inline code.
CSP: Final = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'"
)

#: The files of the site besides its pages.
STYLESHEET: Final = "style.css"
SCRIPT: Final = "site.js"


def _static(name: str) -> str:
    return (resources.files(__package__) / "static" / name).read_text("utf-8")


@cache
def _environment() -> Any:
    jinja2 = require("jinja2", extra="report", feature="the HTML report")
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals.update(
        scores=list(Score),
        statements=STATEMENTS,
        rank={rating: index for index, rating in enumerate(Rating, start=1)},
        version=__version__,
        csp=CSP,
    )
    return environment


def _render(template: str, **context: Any) -> str:
    result: str = _environment().get_template(template).render(**context)
    return result


def _authority_context(view: AuthorityView) -> dict[str, Any]:
    from ..collect import published  # noqa: PLC0415 - collect is only needed for pages

    return {
        "view": view,
        "linked": {item.statement.statement_id for item in view.statements},
        "published": published(view.authority),
    }


def page_html(authority: Authority, slug: str = "authority") -> str:
    """One authority's page of the site, as a complete HTML document."""
    return _render("authority.html", **_authority_context(authority_view(authority, slug)))


def authority_html(authority: Authority) -> str:
    """One authority as an HTML fragment with its own styles (for a notebook)."""
    context = _authority_context(authority_view(authority))
    return _render("fragment.html", kind="authority", css=_static("common.css"), **context)


def statement_html(statement: QualityStatement) -> str:
    """One quality statement as an HTML fragment with its own styles (for a notebook)."""
    return _render(
        "fragment.html", kind="statement", css=_static("common.css"), view=statement_view(statement)
    )


def index_html(authorities: Sequence[Authority]) -> str:
    """The national page: rating counts, the league table and the theme averages."""
    table = rows(authorities)
    codes = {a.council.ons_code for a in authorities if a.council is not None}
    return _render(
        "index.html",
        rows=table,
        counts=rating_counts(table),
        themes=theme_averages(table),
        averages=statement_averages(table),
        regions=sorted({row.region for row in table if row.region}),
        council_types=sorted({row.council_type for row in table if row.council_type}),
        ratings=list(Rating),
        covered=len(codes),
        total=len(councils()),
        unmatched=sum(a.council is None for a in authorities),
    )


def report(authorities: Authority | Iterable[Authority], out_dir: str | os.PathLike[str]) -> Path:
    """Write the static site for ``authorities`` into ``out_dir``; return its ``index.html``.

    The folder holds ``index.html`` (the league table), one page per authority, a stylesheet
    and a script: it works opened from disk, offline, and no page requests anything outside
    the folder. Existing files of the same names are replaced; others are left alone. Needs
    the ``report`` extra (Jinja2): without it, raises
    :class:`~cqcmodel.site.MissingExtraError`.
    """
    items = authority_list(authorities, "site.render")
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    index = index_html(items)
    (folder / STYLESHEET).write_text(_static("common.css") + _static("site.css"), "utf-8")
    (folder / SCRIPT).write_text(_static("site.js"), "utf-8")
    for authority, slug in zip(items, slugs(items), strict=True):
        (folder / f"{slug}.html").write_text(page_html(authority, slug), "utf-8")
    (folder / "index.html").write_text(index, "utf-8")
    return folder / "index.html"
