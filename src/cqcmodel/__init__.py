"""cqcmodel: CQC local authority assessment reports as a typed, validated model — and back.

Import is cheap: the model and the framework registry load at once, while the parser (lark)
and the JSON layer (cattrs) load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .councils import Council, CouncilType, council, councils
from .errors import (
    ConflictError,
    CqcModelError,
    ParseError,
    UnknownCouncilError,
    UnknownStatementError,
    ValidationError,
)
from .framework import Rating, Score, Theme
from .model import (
    About,
    Authority,
    Finding,
    Overall,
    PageDates,
    QualityStatement,
    Section,
    StatementScore,
    Summary,
)

if TYPE_CHECKING:
    from .checks import Diagnostic, summary_discrepancies, wording_warnings
    from .collect import load
    from .export import rows
    from .extract import (
        Figure,
        Initiative,
        Mention,
        Organisation,
        Voice,
        extract_figures,
        extract_initiatives,
        extract_organisations,
    )
    from .fetching import FetchResult, fetch
    from .parser import parse, parse_file
    from .renderer import render
    from .schema import json_schema
    from .serialise import converter, dumps, loads, structure, unstructure
    from .site import report

__all__ = [
    "About",
    "Authority",
    "ConflictError",
    "Council",
    "CouncilType",
    "CqcModelError",
    "Diagnostic",
    "FetchResult",
    "Figure",
    "Finding",
    "Initiative",
    "Mention",
    "Organisation",
    "Overall",
    "PageDates",
    "ParseError",
    "QualityStatement",
    "Rating",
    "Score",
    "Section",
    "StatementScore",
    "Summary",
    "Theme",
    "UnknownCouncilError",
    "UnknownStatementError",
    "ValidationError",
    "Voice",
    "__version__",
    "converter",
    "council",
    "councils",
    "dumps",
    "extract_figures",
    "extract_initiatives",
    "extract_organisations",
    "fetch",
    "json_schema",
    "load",
    "loads",
    "parse",
    "parse_file",
    "render",
    "report",
    "rows",
    "structure",
    "summary_discrepancies",
    "unstructure",
    "wording_warnings",
]

#: Public names that live in modules with heavier imports, loaded on first access.
_LAZY: dict[str, str] = {
    "parse": "parser",
    "parse_file": "parser",
    "render": "renderer",
    "report": "site",
    "Diagnostic": "checks",
    "summary_discrepancies": "checks",
    "wording_warnings": "checks",
    "load": "collect",
    "rows": "export",
    "converter": "serialise",
    "dumps": "serialise",
    "json_schema": "schema",
    "loads": "serialise",
    "structure": "serialise",
    "unstructure": "serialise",
    "Figure": "extract",
    "Initiative": "extract",
    "Mention": "extract",
    "Organisation": "extract",
    "Voice": "extract",
    "extract_figures": "extract",
    "extract_initiatives": "extract",
    "extract_organisations": "extract",
    "fetch": "fetching",
    "FetchResult": "fetching",
}


def __getattr__(name: str) -> Any:
    """Load the module behind a lazily imported public name."""
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'cqcmodel' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names only (the lazily loaded ones included), as ``__all__`` does."""
    return sorted(__all__)
