"""The JSON format's shape: its version, the derived keys it writes, and its JSON Schema.

:mod:`cqcmodel.serialise` reads and writes the format; this module says what it looks like,
without cattrs. The schema is generated from the attrs classes of :mod:`cqcmodel.model`: their
fields, type hints, defaults (a field without one is required) and the ``metadata`` the model
declares for the schema on its fields: ``"description"`` (placed first) and ``"json_schema"``
(keywords that hold for each text or number the field holds, such as a pattern or a range).

Regenerate the shipped schema file with ``python -m cqcmodel.schema --write-schema``.
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
def _cached_info(title: str) -> StatementInfo | None:
    return statement_by_title(title)


def _info(title: str) -> StatementInfo | None:
    """The framework entry of a title, cached for title-length strings (each key needs it)."""
    return _cached_info(title) if len(title) <= 200 else statement_by_title(title)


def _statement_id(item: QualityStatement | StatementScore) -> int | None:
    info = _info(item.title)
    return info.id if info else None


def _code(item: QualityStatement | StatementScore) -> str | None:
    info = _info(item.title)
    return info.code if info else None


def _theme(item: QualityStatement) -> int | None:
    info = _info(item.title)
    return int(info.theme) if info else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _described(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": f"Derived: {description}", **schema}


_FROM_TITLE: Final = (
    Derived(
        "statement_id",
        "title",
        "the title",
        _statement_id,
        _described(
            "the framework id (1–9) the title names; null for an unknown title.",
            _nullable({"type": "integer", "enum": [info.id for info in STATEMENTS]}),
        ),
    ),
    Derived(
        "code",
        "title",
        "the title",
        _code,
        _described(
            "the statement's URL code; null for an unknown title.",
            _nullable({"type": "string", "enum": [info.code for info in STATEMENTS]}),
        ),
    ),
)

#: The derived values of each model class, in the order they are written.
DERIVED: Final[Mapping[type[Any], tuple[Derived, ...]]] = {
    QualityStatement: (
        *_FROM_TITLE,
        Derived(
            "theme",
            "title",
            "the title",
            _theme,
            _described(
                "the theme (1–4) of the statement; null for an unknown title.",
                {"anyOf": [{"$ref": "#/$defs/Theme"}, {"type": "null"}]},
            ),
            refers_to=(Theme,),
        ),
    ),
    StatementScore: _FROM_TITLE,
    Authority: (
        Derived(
            "published",
            "indicative",
            "page_dates[0]",
            lambda authority: _iso(authority.published),
            _described("the first page's published date (page_dates[0]).", _nullable(_DATE)),
        ),
        Derived(
            "updated",
            "indicative",
            "page_dates[0]",
            lambda authority: _iso(authority.updated),
            _described("the first page's last-updated date (page_dates[0]).", _nullable(_DATE)),
        ),
    ),
}


# --- the schema --------------------------------------------------------------------------------


def _description(obj: object) -> str:
    """The first paragraph of a docstring, on one line."""
    text = inspect.cleandoc(getattr(obj, "__doc__", None) or "")
    return " ".join(text.split("\n\n")[0].split())


def _enum_schema(cls: type[Any]) -> dict[str, Any]:
    """An enum by value; the description lists what the numbers of Score and Theme stand for."""
    meanings = ""
    if cls is Score:
        meanings = "; ".join(f"{score.value} {score.label}" for score in Score)
    elif cls is Theme:
        meanings = "; ".join(f"{theme.value} {theme.title}" for theme in Theme)
    description = _description(cls)
    if meanings:
        description = f"{description.rstrip('.')}: {meanings}."
    values = [member.value for member in cls]
    return {
        "title": cls.__name__,
        "description": description,
        "type": "integer" if isinstance(values[0], int) else "string",
        "enum": values,
    }


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
            properties["schema_version"] = {
                "description": "Version of this JSON format.",
                "type": "integer",
                "const": SCHEMA_VERSION,
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
    root = builder.object(cls)
    schema: dict[str, Any] = {"$schema": _DIALECT, **root}
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
    group.add_argument(
        "--write-schema",
        nargs="?",
        const=str(SCHEMA_PATH),
        metavar="PATH",
        help="write the schema (default: the file shipped in the package)",
    )
    group.add_argument(
        "--check-schema",
        action="store_true",
        help="exit 1 if the shipped schema file differs from the generated schema",
    )
    options = parser.parse_args(argv)
    if options.write_schema is not None:
        print(write_schema(options.write_schema))
        return 0
    if options.check_schema:
        current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else ""
        if current != schema_text():
            print(f"{SCHEMA_PATH} is out of date: run --write-schema", file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(schema_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
