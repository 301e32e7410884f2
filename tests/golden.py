"""Golden pages: each ``tests/pages/<name>.txt`` beside the JSON of what cqcmodel reads from it.

``<name>.json`` holds the model (:func:`cqcmodel.dumps`, indented) and ``<name>.extracted.json``
the initiatives, organisations, figures and voices extracted from it, as plain JSON. Adding a
real page is: drop its text in ``tests/pages/``, run ``make golden`` (``python -m tests.golden
--regenerate``), and review the diff. ``tests/test_golden.py`` compares every page with its files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

import cqcmodel
from cqcmodel.extract import (
    extract_figures,
    extract_initiatives,
    extract_organisations,
    voices_of,
)

PAGES = Path(__file__).parent / "pages"


def pages() -> list[Path]:
    """The golden pages, by name."""
    return sorted(PAGES.glob("*.txt"))


def read(page: Path) -> cqcmodel.Authority:
    """The model of ``page``, its source named relative to the repository (the same anywhere)."""
    authority = cqcmodel.parse_file(page)
    return attrs.evolve(authority, source=f"tests/pages/{page.name}")


def model_json(authority: cqcmodel.Authority) -> str:
    """The model as the golden ``<name>.json`` holds it."""
    return cqcmodel.dumps(authority, indent=2) + "\n"


def extracted_json(authority: cqcmodel.Authority) -> str:
    """What extraction finds, as the golden ``<name>.extracted.json`` holds it."""
    voices = [
        {
            "statement": statement.code or statement.title,
            "finding_index": index,
            "voices": [voice.value for voice in found],
        }
        for statement in authority.statements
        for index, finding in enumerate(statement.findings)
        if (found := voices_of(finding))
    ]
    data = {
        "initiatives": _plain(cqcmodel.unstructure(extract_initiatives(authority))),
        "organisations": _plain(cqcmodel.unstructure(extract_organisations(authority))),
        "figures": _plain(cqcmodel.unstructure(extract_figures(authority))),
        "voices": voices,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _plain(value: Any) -> Any:
    """``value`` as plain JSON data: enums as their values, decimals as exact strings."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal | dt.date):
        return str(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def expected(page: Path) -> dict[Path, str]:
    """Each golden file of ``page`` with the text it should hold."""
    authority = read(page)
    return {
        page.with_suffix(".json"): model_json(authority),
        page.with_suffix(".extracted.json"): extracted_json(authority),
    }


def main(argv: list[str] | None = None) -> int:
    """Check the golden files (exit 1 when one differs) or, with ``--regenerate``, rewrite them."""
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__)
    parser.add_argument("--regenerate", action="store_true", help="rewrite the golden files")
    args = parser.parse_args(argv)
    stale = []
    for page in pages():
        for path, text in expected(page).items():
            old = path.read_text(encoding="utf-8") if path.exists() else None
            if old == text:
                continue
            stale.append(path)
            if args.regenerate:
                path.write_text(text, encoding="utf-8")
    verb = "rewrote" if args.regenerate else "differs:"
    for path in stale:
        print(verb, path.relative_to(PAGES.parent.parent))
    return 1 if stale and not args.regenerate else 0


if __name__ == "__main__":
    sys.exit(main())
