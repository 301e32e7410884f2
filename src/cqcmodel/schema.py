"""The JSON format's shape (its version, the derived keys it writes) and its JSON Schema.

The format, read and written by :mod:`cqcmodel.serialise`: the model's fields in declaration
order, enums as their published values, ISO dates, ``None`` as ``null``; derived values beside
their field (compared on load, never trusted); metadata (fields outside equality) only when
set; ``schema_version`` first in an Authority. The schema is generated from the attrs classes:
fields, type hints, defaults (a field without one is required) and the field ``metadata`` the
model declares (``"description"``; ``"json_schema"``, keywords such as a pattern or a range).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import inspect
import json
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from .framework import STATEMENTS, Rating, Score, StatementInfo, Theme, statement_by_title
from .model import Authority, QualityStatement, StatementScore

__all__ = [
    "DERIVED",
    "ISO_DATE",
    "SCHEMA_PATH",
    "SCHEMA_VERSION",
    "Derived",
    "json_schema",
    "main",
    "schema_text",
    "write_schema",
]

#: Version of the JSON format written by :func:`~cqcmodel.dumps`, as ``schema_version`` on an
#: Authority. Bumped when a change to the format could make an older reader misread a document.
SCHEMA_VERSION: Final = 1

#: Where the generated schema of :class:`~cqcmodel.model.Authority` ships in the package.
SCHEMA_PATH: Final = Path(__file__).parent / "schema" / "authority.schema.json"

#: A date as the JSON form writes it (ISO, ``YYYY-MM-DD``), as a regular expression.
ISO_DATE: Final = "[0-9]{4}-[0-9]{2}-[0-9]{2}"

_DATE: Final = {"type": "string", "format": "date", "pattern": f"^{ISO_DATE}$"}
_PLAIN: Final = {str: {"type": "string"}, int: {"type": "integer"}, bool: {"type": "boolean"}}
_VERSION: Final = {"description": "Version of this JSON format.", "type": "integer"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` or ``null``: a type list when ``schema`` is plain, otherwise ``anyOf``."""
    if isinstance(schema.get("type"), str) and not {"enum", "const"} & schema.keys():
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


@attrs.frozen
class Derived:
    """A value written beside a model field, computed from the object, never trusted on load.

    ``name`` is its JSON key, written after the field ``after``; ``derived_from`` says what it
    is computed from (for messages); ``compute`` gives its JSON value for a model object;
    ``schema`` is its JSON Schema, which refers to the enums ``refers_to`` under ``$defs``.
    """

    name: str
    after: str
    derived_from: str
    compute: Callable[[Any], object]
    schema: dict[str, Any]
    refers_to: tuple[type[Any], ...] = ()


_info: Final = functools.lru_cache(maxsize=512)(statement_by_title)  # for each derived key


def _from_title(
    name: str, value: Callable[[StatementInfo], object], description: str, enum: Any = None
) -> Derived:
    """A value derived from the statement a title names (``None`` for an unknown title)."""

    def compute(item: Any) -> object:
        info = _info(item.title) if len(item.title) <= 200 else statement_by_title(item.title)
        return value(info) if info else None

    values = [value(info) for info in STATEMENTS]
    plain = {**_PLAIN[type(values[0])], "enum": values}
    schema = _nullable({"$ref": f"#/$defs/{enum.__name__}"} if enum else plain)
    text = f"Derived: {description}; null for an unknown title."
    refers_to = (enum,) if enum else ()
    return Derived(name, "title", "the title", compute, {"description": text, **schema}, refers_to)


def _first_page(name: str, description: str) -> Derived:
    """A date of the first ``Published:`` line, as the Authority's property of that name."""

    def compute(authority: Any) -> str | None:
        date: dt.date | None = getattr(authority, name)
        return date.isoformat() if date else None

    schema = {"description": f"Derived: {description} (page_dates[0]).", **_nullable(_DATE)}
    return Derived(name, "indicative", "page_dates[0]", compute, schema)


_ID = _from_title("statement_id", lambda info: info.id, "the framework id (1–9) the title names")
_CODE = _from_title("code", lambda info: info.code, "the statement's URL code")
_THEME = _from_title(
    "theme", lambda info: int(info.theme), "the theme (1–4) of the statement", Theme
)
_PUBLISHED = _first_page("published", "the first page's published date")
_UPDATED = _first_page("updated", "the first page's last-updated date")

#: The derived values of each model class, in the order they are written.
DERIVED: Final[Mapping[type[Any], tuple[Derived, ...]]] = {
    QualityStatement: (_ID, _CODE, _THEME),
    StatementScore: (_ID, _CODE),
    Authority: (_PUBLISHED, _UPDATED),
}


def _description(obj: object) -> str:
    """The first paragraph of a docstring, on one line."""
    text = inspect.cleandoc(getattr(obj, "__doc__", None) or "")
    return " ".join(text.split("\n\n")[0].split())


def _enum_schema(cls: type[Any]) -> dict[str, Any]:
    """An enum by value; the description says what the numbers of Score and Theme stand for."""
    description, values = _description(cls), [member.value for member in cls]
    if cls in (Score, Theme):
        meanings = (f"{item.value} {item.label if cls is Score else item.title}" for item in cls)
        description = f"{description.rstrip('.')}: {'; '.join(meanings)}."
    plain = _PLAIN[type(values[0])]
    return {"title": cls.__name__, "description": description, **plain, "enum": values}


@attrs.define
class _SchemaBuilder:
    """Walks attrs fields and type hints, collecting named definitions under ``$defs``."""

    defs: dict[str, dict[str, Any]] = attrs.Factory(dict)

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {}  # a placeholder: a class that refers to itself
            self.defs[cls.__name__] = self.object(cls) if attrs.has(cls) else _enum_schema(cls)
        return {"$ref": f"#/$defs/{cls.__name__}"}

    def object(self, cls: type[Any]) -> dict[str, Any]:
        hints, versioned = typing.get_type_hints(cls), cls is Authority
        version = {**_VERSION, "const": SCHEMA_VERSION}
        properties: dict[str, Any] = {"schema_version": version} if versioned else {}
        required = ["schema_version"] if versioned else []
        for field in attrs.fields(cls):
            schema = self.type(hints[field.name], field.metadata.get("json_schema", {}))
            if "description" in field.metadata:
                schema = {"description": field.metadata["description"], **schema}
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
            for item in (item for item in DERIVED.get(cls, ()) if item.after == field.name):
                properties[item.name] = item.schema
                for enum in item.refers_to:
                    self.ref(enum)
        return {
            "title": cls.__name__,
            "description": _description(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def type(self, type_: Any, keywords: Mapping[str, Any]) -> dict[str, Any]:
        args = typing.get_args(type_)
        if typing.get_origin(type_) in (types.UnionType, typing.Union) and type(None) in args:
            (other,) = (arg for arg in args if arg is not type(None))
            return _nullable(self.type(other, keywords))
        if typing.get_origin(type_) is tuple and args[1:] == (Ellipsis,):
            return {"type": "array", "items": self.type(args[0], keywords)}
        if attrs.has(type_) or type_ in (Score, Theme, Rating):
            return self.ref(type_)
        if type_ in _PLAIN or type_ is dt.date:
            return {**_PLAIN.get(type_, _DATE), **keywords}
        raise TypeError(f"no JSON Schema for {type_!r}")


def json_schema(cls: type[Any] = Authority) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``cls`` as :func:`~cqcmodel.dumps` writes it.

    Only :func:`~cqcmodel.loads` checks a few rules: a heading reads as a heading, findings
    with a heading come last, a rating matches its percentage band, derived values match the
    data, and each class's checks on a whole object.
    """
    builder = _SchemaBuilder()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **builder.object(cls)}
    builder.defs.pop(cls.__name__, None)
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def schema_text(cls: type[Any] = Authority) -> str:
    """:func:`json_schema` as the text of the shipped file (indented, final newline)."""
    return json.dumps(json_schema(cls), ensure_ascii=False, indent=2) + "\n"


def write_schema(path: str | Path = SCHEMA_PATH) -> Path:
    """Write the Authority schema to ``path`` (by default the file shipped in the package)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8")
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m cqcmodel.schema``: print, write or check the Authority JSON Schema."""
    parser = argparse.ArgumentParser(prog="python -m cqcmodel.schema", description=main.__doc__)
    group = parser.add_mutually_exclusive_group()
    help_ = "write the schema (by default to the file shipped in the package)"
    group.add_argument("--write-schema", nargs="?", const=SCHEMA_PATH, metavar="PATH", help=help_)
    group.add_argument("--check-schema", action="store_true", help="exit 1 if it is out of date")
    options = parser.parse_args(argv)
    if options.write_schema is not None:
        print(write_schema(options.write_schema))
    elif not options.check_schema:
        sys.stdout.write(schema_text())
    elif not SCHEMA_PATH.exists() or SCHEMA_PATH.read_text(encoding="utf-8") != schema_text():
        print(f"{SCHEMA_PATH} is out of date: run --write-schema", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
