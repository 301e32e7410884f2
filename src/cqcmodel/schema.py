"""The JSON format's shape (its version, the derived keys it writes) and its JSON Schema.

The format: the model's fields in declaration order, enums as their published values, dates
as ISO strings, ``None`` as ``null``; derived values beside their field (recomputed and
compared on load, never trusted); metadata (fields outside equality) only when set; and a
``schema_version`` first in an Authority. :mod:`cqcmodel.serialise` reads and writes it.

The schema is generated from the model's attrs classes: fields, type hints, defaults (a field
without one is required) and the field ``metadata`` the model declares: ``"description"``, and
``"json_schema"`` (keywords that hold for each text or number of the field, such as a pattern
or a range). Regenerate the shipped file with ``python -m cqcmodel.schema --write-schema``.
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

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
_DATE: Final[dict[str, Any]] = {"type": "string", "format": "date", "pattern": f"^{ISO_DATE}$"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` or ``null``: a type list when ``schema`` is plain, otherwise ``anyOf``."""
    kind = schema.get("type")
    if isinstance(kind, str) and "enum" not in schema and "const" not in schema:
        return {**schema, "type": [kind, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


# --- derived values ----------------------------------------------------------------------------


@attrs.frozen
class Derived:
    """A value written beside a model field, computed from the object, never trusted on load."""

    #: The JSON key.
    name: str
    #: The field it is written after.
    after: str
    #: What it is computed from, for messages.
    derived_from: str
    #: Its JSON value for a model object.
    compute: Callable[[Any], object]
    #: Its JSON Schema (a description included).
    schema: dict[str, Any]
    #: Enums the schema refers to under ``$defs``.
    refers_to: tuple[type[Any], ...] = ()


@functools.lru_cache(maxsize=512)
def _info(title: str) -> StatementInfo | None:
    """The framework entry of a title, cached: each derived key of a statement needs it."""
    return statement_by_title(title)


def _from_title(name: str, value: Callable[[StatementInfo], object], description: str) -> Derived:
    """A value derived from the statement a title names (``None`` for an unknown title)."""

    def compute(item: Any) -> object:
        info = _info(item.title) if len(item.title) <= 200 else statement_by_title(item.title)
        return value(info) if info else None

    schema = _nullable({"type": "integer", "enum": [info.id for info in STATEMENTS]})
    if name == "code":
        schema = _nullable({"type": "string", "enum": [info.code for info in STATEMENTS]})
    elif name == "theme":
        schema = {"anyOf": [{"$ref": "#/$defs/Theme"}, {"type": "null"}]}
    text = f"Derived: {description}; null for an unknown title."
    refers_to = (Theme,) if name == "theme" else ()
    return Derived(name, "title", "the title", compute, {"description": text, **schema}, refers_to)


def _first_page(name: str, description: str) -> Derived:
    """A date of the first ``Published:`` line, as the Authority's property of that name."""

    def compute(authority: Any) -> str | None:
        date: dt.date | None = getattr(authority, name)
        return date.isoformat() if date else None

    schema = {"description": f"Derived: {description} (page_dates[0]).", **_nullable(_DATE)}
    return Derived(name, "indicative", "page_dates[0]", compute, schema)


_ID, _CODE = (
    _from_title("statement_id", lambda info: info.id, "the framework id (1–9) the title names"),
    _from_title("code", lambda info: info.code, "the statement's URL code"),
)

#: The derived values of each model class, in the order they are written.
DERIVED: Final[Mapping[type[Any], tuple[Derived, ...]]] = {
    QualityStatement: (
        _ID,
        _CODE,
        _from_title("theme", lambda info: int(info.theme), "the theme (1–4) of the statement"),
    ),
    StatementScore: (_ID, _CODE),
    Authority: (
        _first_page("published", "the first page's published date"),
        _first_page("updated", "the first page's last-updated date"),
    ),
}


# --- the schema --------------------------------------------------------------------------------


def _description(obj: object) -> str:
    """The first paragraph of a docstring, on one line."""
    text = inspect.cleandoc(getattr(obj, "__doc__", None) or "")
    return " ".join(text.split("\n\n")[0].split())


def _enum_schema(cls: type[Any]) -> dict[str, Any]:
    """An enum by value; the description says what the numbers of Score and Theme stand for."""
    description, values = _description(cls), [member.value for member in cls]
    if cls in (Score, Theme):
        meanings = "; ".join(
            f"{item.value} {item.label if cls is Score else item.title}" for item in cls
        )
        description = f"{description.rstrip('.')}: {meanings}."
    kind = "integer" if isinstance(values[0], int) else "string"
    return {"title": cls.__name__, "description": description, "type": kind, "enum": values}


class _SchemaBuilder:
    """Walks attrs fields and type hints, collecting named definitions under ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}
            self.defs[name] = self.object(cls) if attrs.has(cls) else _enum_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object(self, cls: type[Any]) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if cls is Authority:
            version = {"type": "integer", "const": SCHEMA_VERSION}
            properties["schema_version"] = {
                "description": "Version of this JSON format.",
                **version,
            }
            required.append("schema_version")
        for field in attrs.fields(cls):
            properties[field.name] = self.field(field, hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
            for item in DERIVED.get(cls, ()):
                if item.after == field.name:
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

    def field(self, field: attrs.Attribute[Any], field_type: Any) -> dict[str, Any]:
        schema = self.type(field_type, field.metadata.get("json_schema", {}))
        if "description" in field.metadata:
            schema = {"description": field.metadata["description"], **schema}
        return schema

    def type(self, type_: Any, keywords: Mapping[str, Any]) -> dict[str, Any]:
        args = typing.get_args(type_)
        if isinstance(type_, types.UnionType) or typing.get_origin(type_) is typing.Union:
            others = [arg for arg in args if arg is not type(None)]
            if len(others) == 1 and len(args) == 2:
                return _nullable(self.type(others[0], keywords))
        if typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type(args[0], keywords)}
        if attrs.has(type_) or type_ in (Score, Theme, Rating):
            return self.ref(type_)
        if type_ is str:
            return {"type": "string", **keywords}
        if type_ is bool:
            return {"type": "boolean"}
        if type_ is int:
            return {"type": "integer", **keywords}
        if type_ is dt.date:
            return dict(_DATE)
        msg = f"no JSON Schema for {type_!r}"
        raise TypeError(msg)


def json_schema(cls: type[Any] = Authority) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``cls`` as :func:`~cqcmodel.dumps` writes it.

    Generated from the attrs classes: their fields, type hints, defaults (a field without one is
    required) and the schema metadata of their fields. A few rules are checked only by
    :func:`~cqcmodel.loads`: a heading reads as a heading, findings with a heading come last, a
    rating matches its percentage band, derived values match the data, and the checks each
    class makes on the whole object.
    """
    builder = _SchemaBuilder()
    schema: dict[str, Any] = {"$schema": _DIALECT, **builder.object(cls)}
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
