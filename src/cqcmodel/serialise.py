"""JSON for the model: one cattrs converter, ``dumps``/``loads``, strict loading, JSON Schema.

The JSON form is the model's fields in snake_case and in declaration order, with enums as their
published values (``"score": 3``, ``"rating": "Requires improvement"``), dates as ISO strings and
``None`` written as ``null``. A few derived values are written too (a statement's
``statement_id``, ``code`` and ``theme``; the authority's ``published`` and ``updated``): on load
they are recomputed from the data and a value that disagrees is an error, never trusted.
Source positions (``line``, ``source``: the fields outside equality) are written when known and
optional on load. ``Authority`` documents carry a top-level ``schema_version``.

Loading is strict: every problem is reported, each with its JSON path, in one
:class:`~cqcmodel.errors.ValidationError`; so is text that is not JSON, whatever the way it
fails. When ``orjson`` is installed it encodes and decodes, producing the same text as the
standard library and loading the same documents with the same messages.

Regenerate the shipped schema file with ``python -m cqcmodel.serialise --write-schema``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import importlib
import inspect
import json
import linecache
import math
import re
import sys
import threading
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar, overload

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
    StructureHandlerNotFoundError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from . import model
from .errors import ValidationError
from .framework import STATEMENTS, Rating, Score, StatementInfo, Theme, statement_by_title
from .model import Authority, QualityStatement, StatementScore

__all__ = [
    "SCHEMA_PATH",
    "SCHEMA_VERSION",
    "converter",
    "dumps",
    "json_schema",
    "loads",
    "schema_text",
    "structure",
    "unstructure",
    "write_schema",
]

_T = TypeVar("_T")
_F = TypeVar("_F", bound=Callable[..., Any])

#: Version of the JSON format written by :func:`dumps`, as ``schema_version`` on an Authority.
#: Bumped when a change to the format could make an older reader misread a document.
SCHEMA_VERSION: Final = 1

#: Upgrades from one schema version to the next, keyed by the version they read. Loading an
#: older document runs them in turn; each takes and returns the Authority's JSON object.
_MIGRATIONS: Final[dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {}

#: The JSON Schema dialect of :func:`json_schema`.
_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

#: Where the generated schema of :class:`~cqcmodel.model.Authority` ships in the package.
SCHEMA_PATH: Final = Path(__file__).parent / "schema" / "authority.schema.json"

_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SHOW_LIMIT: Final = 60
#: Integers from this size on are described rather than written out in messages.
_SHOW_INT_LIMIT: Final = 10**_SHOW_LIMIT


def _load_orjson() -> types.ModuleType | None:
    try:
        return importlib.import_module("orjson")
    except ImportError:  # pragma: no cover - orjson is in the test extra
        return None


#: The orjson module when installed: the fast path of :func:`dumps` and :func:`loads`.
_orjson: types.ModuleType | None = _load_orjson()


# --- describing values in messages --------------------------------------------------------------


def _show(value: object) -> str:
    """A value as it reads in JSON (long strings shortened), for messages."""
    if isinstance(value, str):
        if len(value) > _SHOW_LIMIT:
            return json.dumps(value[:_SHOW_LIMIT], ensure_ascii=False)[:-1] + '…"'
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _SHOW_INT_LIMIT:
        return f"an integer of more than {_SHOW_LIMIT} digits"
    if value is None or isinstance(value, bool | int | float):
        return json.dumps(value)
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "an array"
    return f"a Python {type(value).__name__}"


def _key_path(path: str, key: object) -> str:
    """``path`` extended by an object key: ``$.name``, or ``$["odd key"]`` when needed."""
    if isinstance(key, str) and _IDENTIFIER.fullmatch(key):
        return f"{path}.{key}"
    shown = json.dumps(key, ensure_ascii=False) if isinstance(key, str) else repr(key)
    return f"{path}[{shown}]"


def _key_order(key: object) -> tuple[bool, str]:
    """Sort key of object keys: strings in order, then other keys (from Python data) by repr."""
    return (False, key) if isinstance(key, str) else (True, repr(key))


def _noted(error: Exception, field: str, field_type: object) -> Exception:
    """Attach the cattrs note that places ``error`` at ``field`` of an object."""
    note = AttributeValidationNote(f"at attribute {field}", field, field_type)
    error.__notes__ = [*getattr(error, "__notes__", []), note]
    return error


# --- structuring hooks: JSON values to model values ---------------------------------------------


def _structure_str(value: object, _type: object) -> str:
    if not isinstance(value, str):
        msg = f"expected a string, got {_show(value)}"
        raise TypeError(msg)
    return value


def _structure_int(value: object, _type: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        msg = f"expected an integer, got {_show(value)}"
        raise TypeError(msg)
    return value


def _structure_bool(value: object, _type: object) -> bool:
    if not isinstance(value, bool):
        msg = f"expected true or false, got {_show(value)}"
        raise TypeError(msg)
    return value


def _structure_date(value: object, _type: object) -> dt.date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        msg = f"{_show(value)} is not a date in ISO form (YYYY-MM-DD)"
        raise ValueError(msg)
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        msg = f"{_show(value)} is not a valid date: {exc}"
        raise ValueError(msg) from None


def _structure_score(value: object, _type: object) -> Score:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4:
        return Score(value)
    msg = f"{_show(value)} is not a valid score (1–4)"
    raise ValueError(msg)


def _structure_theme(value: object, _type: object) -> Theme:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4:
        return Theme(value)
    msg = f"{_show(value)} is not a valid theme (1–4)"
    raise ValueError(msg)


def _structure_rating(value: object, _type: object) -> Rating:
    if isinstance(value, str):
        for rating in Rating:
            if rating.value == value:
                return rating
    choices = ", ".join(_show(rating.value) for rating in Rating)
    msg = f"{_show(value)} is not a valid rating (one of {choices})"
    raise ValueError(msg)


def _is_homogeneous_tuple(type_: object) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_structure_factory(
    type_: Any, converter: cattrs.Converter
) -> Callable[[object, object], tuple[Any, ...]]:
    """Structure a ``tuple[X, ...]`` from a JSON array only, noting the index of each failure."""
    item_type = typing.get_args(type_)[0]
    item_hook = converter.get_structure_hook(item_type)

    def structure_tuple(value: object, _type: object) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            msg = f"expected an array, got {_show(value)}"
            raise TypeError(msg)
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:  # every failure is reported with its path
                note = IterableValidationNote(f"at index {index}", index, item_type)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
        return tuple(items)

    return structure_tuple


def _tuple_unstructure_factory(
    type_: Any, converter: cattrs.Converter
) -> Callable[[tuple[Any, ...]], list[Any]]:
    item_hook = converter.get_unstructure_hook(typing.get_args(type_)[0])

    def unstructure_tuple(value: tuple[Any, ...]) -> list[Any]:
        return [item_hook(item) for item in value]

    return unstructure_tuple


# --- derived values ----------------------------------------------------------------------------


@attrs.frozen
class _Derived:
    """A value computed from a model object, written after one of its fields, checked on load."""

    name: str
    #: The field it is written after.
    after: str
    #: What it is computed from, for messages.
    derived_from: str
    compute: Callable[[Any], object]
    #: The JSON Schema of the value (its description included).
    schema: dict[str, Any]
    #: Enums the schema refers to under ``$defs``.
    refers_to: tuple[type[Any], ...] = ()


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


#: Titles up to this length have their framework entry cached (real titles are far shorter).
_CACHED_TITLE_LENGTH: Final = 200


@functools.lru_cache(maxsize=512)
def _cached_statement_info(title: str) -> StatementInfo | None:
    return statement_by_title(title)


def _statement_info(title: str) -> StatementInfo | None:
    """``statement_by_title``, cached for title-length strings: each derived value needs it."""
    if len(title) <= _CACHED_TITLE_LENGTH:
        return _cached_statement_info(title)
    return statement_by_title(title)


def _statement_id(item: QualityStatement | StatementScore) -> int | None:
    info = _statement_info(item.title)
    return info.id if info else None


def _statement_code(item: QualityStatement | StatementScore) -> str | None:
    info = _statement_info(item.title)
    return info.code if info else None


def _theme_number(statement: QualityStatement) -> int | None:
    info = _statement_info(statement.title)
    return int(info.theme) if info else None


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` or ``null``: a type list when ``schema`` is plain, otherwise ``anyOf``."""
    kind = schema.get("type")
    if isinstance(kind, str) and "enum" not in schema and "const" not in schema:
        return {**schema, "type": [kind, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _statement_id_schema(description: str) -> dict[str, Any]:
    return {
        "description": description,
        **_nullable({"type": "integer", "enum": [info.id for info in STATEMENTS]}),
    }


def _code_schema(description: str) -> dict[str, Any]:
    return {
        "description": description,
        **_nullable({"type": "string", "enum": [info.code for info in STATEMENTS]}),
    }


_DATE_SCHEMA: Final[dict[str, Any]] = {
    "type": "string",
    "format": "date",
    "pattern": f"^{_ISO_DATE.pattern}$",
}

#: Values derived from a statement title, written beside it wherever a title is published.
_FROM_TITLE: Final = (
    _Derived(
        "statement_id",
        "title",
        "the title",
        _statement_id,
        _statement_id_schema(
            "Derived: the framework id (1–9) the title names; null for an unknown title."
        ),
    ),
    _Derived(
        "code",
        "title",
        "the title",
        _statement_code,
        _code_schema("Derived: the statement's URL code; null for an unknown title."),
    ),
)

_DERIVED: Final[dict[type[Any], tuple[_Derived, ...]]] = {
    QualityStatement: (
        *_FROM_TITLE,
        _Derived(
            "theme",
            "title",
            "the title",
            _theme_number,
            {
                "description": "Derived: the theme (1–4) of the statement; null for an unknown "
                "title.",
                "anyOf": [{"$ref": "#/$defs/Theme"}, {"type": "null"}],
            },
            refers_to=(Theme,),
        ),
    ),
    StatementScore: _FROM_TITLE,
    Authority: (
        _Derived(
            "published",
            "indicative",
            "page_dates[0]",
            lambda authority: _iso(authority.published),
            {
                "description": "Derived: the first page's published date (page_dates[0]).",
                **_nullable(_DATE_SCHEMA),
            },
        ),
        _Derived(
            "updated",
            "indicative",
            "page_dates[0]",
            lambda authority: _iso(authority.updated),
            {
                "description": "Derived: the first page's last-updated date (page_dates[0]).",
                **_nullable(_DATE_SCHEMA),
            },
        ),
    ),
}


def _same_json(left: object, right: object) -> bool:
    """Equal JSON values: ``1`` and ``true`` differ, as do ``1`` and ``1.0``."""
    return type(left) is type(right) and left == right


# --- generated functions: the fast path ---------------------------------------------------------
#
# For each model class, two functions are generated once from its attrs fields and type hints,
# as attrs and cattrs generate theirs: one writes an object's JSON form, the other builds an
# object from valid JSON data. The second is only a fast path: it checks every value once (the
# JSON type inline, the rest by the class's own validators, called as attrs calls them) and
# raises on anything it does not take as it is. The cattrs hooks below then go through the
# data field by field, to report every problem at its path. So it may refuse more than the
# hooks do, never less, and builds the same objects.


class _NotFastError(Exception):
    """Raised by a generated structuring function for data it does not take as it is."""


class _UnsupportedError(Exception):
    """A class or type the generated functions do not cover (cattrs' hooks handle it)."""


_SCORES: Final = {score.value: score for score in Score}
_THEMES: Final = {theme.value: theme for theme in Theme}
_RATINGS: Final = {rating.value: rating for rating in Rating}

#: Validators that refuse what is not a ``str`` (by ``isinstance``, as ``_structure_str``
#: does), with the field type they check: for such a field the fast path leaves the check of
#: its text (or of each line in its tuple) to the validator.
_TEXT_VALIDATORS: Final[dict[object, object]] = {
    model._line_text: str,
    model._heading: str,
    model._optional_line_text: str | None,
    model._lines: tuple[str, ...],
}


def _fast_date(value: object) -> dt.date:
    if type(value) is str and _ISO_DATE.fullmatch(value):
        return dt.date.fromisoformat(value)
    raise _NotFastError


def _optional_of(type_: Any) -> Any:
    """``X`` for a type ``X | None``, else ``None``."""
    if isinstance(type_, types.UnionType) or typing.get_origin(type_) is typing.Union:
        args = typing.get_args(type_)
        others = [arg for arg in args if arg is not type(None)]
        if len(args) == 2 and len(others) == 1:
            return others[0]
    return None


class _Code:
    """The source and the global names of one generated function."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {}
        self.lines: list[str] = []

    def name(self, value: object, hint: str | None = None) -> str:
        """The global name of ``value`` in the generated code: ``_`` and its name or ``hint``."""
        for key, known in self.namespace.items():
            if known is value:
                return key
        name = hint or str(getattr(value, "__name__", "value"))
        base = key = "_" + name.lstrip("_")
        while key in self.namespace:
            key = f"{base}_{len(self.namespace)}"
        self.namespace[key] = value
        return key

    def compile(self, function: str, title: str) -> Callable[..., Any]:
        source = "\n".join(self.lines) + "\n"
        filename = f"<cqcmodel {title}>"
        # Tracebacks through generated code show its source, as attrs' and cattrs' do.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        # The source is built from the model's own fields and types only, never from input.
        exec(compile(source, filename, "exec"), self.namespace)
        result: Callable[..., Any] = self.namespace[function]
        return result


def _literal(value: object) -> str | None:
    """Python source for ``None``, ``True``, ``False`` and ``()``; ``None`` for other values."""
    if value is None or value is True or value is False or value == ():
        return repr(value)
    return None


def _attrs_fields(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of a class the generated functions cover; :class:`_UnsupportedError` otherwise.

    Covered: slotted attrs classes whose fields are set as given (no converter, no default
    factory) and that have no ``__attrs_pre_init__``.
    """
    if not attrs.has(cls) or "__slots__" not in cls.__dict__ or hasattr(cls, "__attrs_pre_init__"):
        raise _UnsupportedError(cls)
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    for field in fields:
        if field.converter is not None or isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            raise _UnsupportedError(cls)
    return fields


#: The generated functions by class (``None``: not covered), built when first needed.
_STRUCTURE_FNS: Final[dict[type[Any], Callable[[object], Any] | None]] = {}
_UNSTRUCTURE_FNS: Final[dict[type[Any], Callable[[Any], dict[str, Any]] | None]] = {}
#: Held while generating, so that no thread sees a class's entry before it is complete.
_GENERATING: Final = threading.RLock()


def _generated(
    table: dict[type[Any], _F | None], cls: type[Any], generate: Callable[[type[Any]], _F]
) -> _F | None:
    """``table[cls]``, generated first if needed (``None``: ``cls`` is not covered)."""
    if cls in table:
        return table[cls]
    with _GENERATING:
        if cls not in table:
            table[cls] = None  # a class that holds itself is not covered
            with contextlib.suppress(_UnsupportedError):
                table[cls] = generate(cls)
        return table[cls]


def _fast_structure_fn(cls: type[Any]) -> Callable[[object], Any] | None:
    """The generated structuring function of ``cls``, or ``None`` if it is not covered."""
    return _generated(_STRUCTURE_FNS, cls, _generate_structure)


def _fast_unstructure_fn(cls: type[Any]) -> Callable[[Any], dict[str, Any]] | None:
    """The generated unstructuring function of ``cls``, or ``None`` if it is not covered."""
    return _generated(_UNSTRUCTURE_FNS, cls, _generate_unstructure)


def _structure_lines(code: _Code, type_: Any, var: str, *, text_checked: bool) -> list[str]:
    """Statements that check the JSON value in ``var`` as a ``type_`` and convert it in place.

    ``text_checked``: the field's validator refuses what is not text, so no line checks that.
    """
    fail = f"raise {code.name(_NotFastError)}"
    inner = _optional_of(type_)
    if inner is not None:
        lines = _structure_lines(code, inner, var, text_checked=text_checked)
        return [f"if {var} is not None:", *(f"    {line}" for line in lines)] if lines else []
    if _is_homogeneous_tuple(type_):
        item_type = typing.get_args(type_)[0]
        lines = [f"if type({var}) is not list and type({var}) is not tuple: {fail}"]
        if item_type is str and text_checked:
            return [*lines, f"{var} = tuple({var})"]
        if attrs.has(item_type):
            item = _fast_structure_fn(item_type)
            if item is None:
                raise _UnsupportedError(item_type)
            structure_item = code.name(item, f"structure_{item_type.__name__}")
            return [*lines, f"{var} = tuple([{structure_item}(item) for item in {var}])"]
        raise _UnsupportedError(type_)
    if attrs.has(type_):
        nested = _fast_structure_fn(type_)
        if nested is None:
            raise _UnsupportedError(type_)
        return [f"{var} = {code.name(nested, f'structure_{type_.__name__}')}({var})"]
    if type_ is str:
        return [] if text_checked else [f"if type({var}) is not str: {fail}"]
    if type_ in (int, bool):
        return [f"if type({var}) is not {type_.__name__}: {fail}"]
    if type_ in (Score, Theme):
        table = code.name(_SCORES if type_ is Score else _THEMES, f"{type_.__name__}_by_value")
        return [f"if type({var}) is not int: {fail}", f"{var} = {table}[{var}]"]
    if type_ is Rating:
        return [
            f"if type({var}) is not str: {fail}",
            f"{var} = {code.name(_RATINGS, 'Rating_by_value')}[{var}]",
        ]
    if type_ is dt.date:
        return [f"{var} = {code.name(_fast_date)}({var})"]
    raise _UnsupportedError(type_)


def _generate_structure(cls: type[Any]) -> Callable[[object], Any]:
    """Generate the fast structuring function of ``cls`` (see the notes above).

    It builds the object as the attrs ``__init__`` does (each field set, then each validator
    called with the object, then ``__attrs_post_init__``), whatever ``attrs.validators``'
    global switch says, and checks derived values and the schema version like the hooks.
    """
    fields = _attrs_fields(cls)
    hints = typing.get_type_hints(cls)
    derived = _DERIVED.get(cls, ())
    code = _Code()
    fail = f"raise {code.name(_NotFastError)}"
    keys = {field.name for field in fields} | {item.name for item in derived}
    if cls is Authority:
        keys.add("schema_version")
    body = [
        f"if type(o) is not dict or not o.keys() <= {code.name(frozenset(keys), 'keys')}: {fail}"
    ]
    if cls is Authority:
        body += [
            "version = o['schema_version']",
            f"if type(version) is not int or version != {SCHEMA_VERSION}: {fail}",
        ]
    for field in fields:
        var = f"v_{field.name}"
        if field.default is attrs.NOTHING:
            body.append(f"{var} = o[{field.name!r}]")
        else:
            default = _literal(field.default) or code.name(field.default, f"default_{field.name}")
            body.append(f"{var} = o.get({field.name!r}, {default})")
        text_checked = _TEXT_VALIDATORS.get(field.validator) == hints[field.name]
        body += _structure_lines(code, hints[field.name], var, text_checked=text_checked)
    body.append(f"self = {code.name(object.__new__, 'new')}({code.name(cls)})")
    setattr_ = code.name(object.__setattr__, "setattr")
    body += [f"{setattr_}(self, {field.name!r}, v_{field.name})" for field in fields]
    for field in fields:
        if field.validator is not None:
            validator = code.name(field.validator, f"validate_{field.name}")
            attribute = code.name(field, f"field_{field.name}")
            body.append(f"{validator}(self, {attribute}, v_{field.name})")
    if hasattr(cls, "__attrs_post_init__"):
        body.append("self.__attrs_post_init__()")
    same = code.name(_same_json)
    for item in derived:
        claimed = f"o[{item.name!r}]"
        check = f"not {same}({claimed}, {code.name(item.compute, f'derive_{item.name}')}(self))"
        body.append(f"if {item.name!r} in o and {check}: {fail}")
    body.append("return self")
    code.lines = ["def structure(o):", *(f"    {line}" for line in body)]
    return code.compile("structure", f"structure {cls.__qualname__}")


def _unstructure_expression(code: _Code, type_: Any, value: str) -> str:
    """An expression of the JSON form of ``value``, an expression of type ``type_``."""
    inner = _optional_of(type_)
    if inner is not None:
        converted = _unstructure_expression(code, inner, value)
        return value if converted == value else f"(None if {value} is None else {converted})"
    if _is_homogeneous_tuple(type_):
        item = _unstructure_expression(code, typing.get_args(type_)[0], "item")
        return f"list({value})" if item == "item" else f"[{item} for item in {value}]"
    if attrs.has(type_):
        nested = _fast_unstructure_fn(type_)
        if nested is None:
            raise _UnsupportedError(type_)
        return f"{code.name(nested, f'unstructure_{type_.__name__}')}({value})"
    if type_ in (str, int, bool):
        return value
    if type_ in (Score, Theme):
        return f"{code.name(int)}({value})"
    if type_ is Rating:
        return f"{value}.value"
    if type_ is dt.date:
        return f"{value}.isoformat()"
    raise _UnsupportedError(type_)


def _generate_unstructure(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    """Generate the function that writes the JSON object of a ``cls``.

    Keys in field order, each derived value after its field, ``schema_version`` first in an
    Authority; metadata fields (outside equality) only when they differ from their default.
    """
    fields = _attrs_fields(cls)
    hints = typing.get_type_hints(cls)
    derived = _DERIVED.get(cls, ())
    code = _Code()
    # The keys of the dict display, then statements for the keys from the first metadata
    # field on (written or not), so that the keys keep their order.
    entries: list[str] = [f"'schema_version': {SCHEMA_VERSION}"] if cls is Authority else []
    later: list[str] = []
    for field in fields:
        name = field.name
        value = _unstructure_expression(code, hints[name], f"obj.{name}")
        if not field.eq:
            default = _literal(field.default) or code.name(field.default, f"default_{name}")
            test = f"obj.{name} != {default}"
            if field.default is None:
                test = f"obj.{name} is not None"
            later.append(f"if {test}: res[{name!r}] = {value}")
        elif later:
            later.append(f"res[{name!r}] = {value}")
        else:
            entries.append(f"{name!r}: {value}")
        for item in derived:
            if item.after != name:
                continue
            if not field.eq:
                raise _UnsupportedError(cls)  # a value derived from a field that may be left out
            compute = f"{code.name(item.compute, f'derive_{item.name}')}(obj)"
            if later:
                later.append(f"res[{item.name!r}] = {compute}")
            else:
                entries.append(f"{item.name!r}: {compute}")
    code.lines = [
        "def unstructure(obj):",
        "    res = {" + ", ".join(entries) + "}",
        *(f"    {line}" for line in later),
        "    return res",
    ]
    return code.compile("unstructure", f"unstructure {cls.__qualname__}")


# --- class hooks -------------------------------------------------------------------------------


def _validated_hook(
    converter: cattrs.Converter, attribute: attrs.Attribute[Any], field_type: Any
) -> Callable[[object, object], Any]:
    """Structure a field, then run its attrs validator so a failure is placed at the field.

    The instance is not built yet, so the validator sees ``None``; a validator that needs the
    instance fails here with some other exception, which is ignored (the constructor runs every
    validator again).
    """
    inner = converter.get_structure_hook(field_type)
    validator = attribute.validator
    assert validator is not None

    def structure_field(value: object, _type: object) -> Any:
        result = inner(value, field_type)
        try:
            validator(None, attribute, result)
        except (ValueError, TypeError):
            raise
        except Exception:  # the constructor reports what this cannot check
            pass
        return result

    return structure_field


def _check_schema_version(data: Mapping[str, Any], errors: list[Exception]) -> dict[str, Any]:
    """The Authority object without ``schema_version``, upgraded to :data:`SCHEMA_VERSION`.

    A missing or malformed version is recorded in ``errors`` and the data read as current; a
    version newer than this library raises at once, since its layout is unknown.
    """
    rest = {key: value for key, value in data.items() if key != "schema_version"}
    if "schema_version" not in data:
        errors.append(_noted(KeyError("schema_version"), "schema_version", int))
        return rest
    version = data["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool):
        errors.append(
            _noted(TypeError(f"expected an integer, got {_show(version)}"), "schema_version", int)
        )
        return rest
    if version > SCHEMA_VERSION:
        msg = (
            f"version {_show(version)} is newer than this cqcmodel reads ({SCHEMA_VERSION}); "
            "upgrade cqcmodel to load it"
        )
        raise ClassValidationError(
            "While structuring Authority",
            [_noted(ValueError(msg), "schema_version", int)],
            Authority,
        )
    if version < 1:
        msg = f"{_show(version)} is not a schema version (1 or later)"
        errors.append(_noted(ValueError(msg), "schema_version", int))
        return rest
    while version < SCHEMA_VERSION:
        rest = _MIGRATIONS[version](rest)
        version += 1
    return rest


def _class_structure_factory(
    cls: type[_T], converter: cattrs.Converter
) -> Callable[[object, object], _T]:
    """Structure an attrs class from a JSON object, strictly, with every failure placed.

    Valid data takes the generated fast path; anything it refuses is gone through field by
    field here, which finds every problem.
    """
    hints = typing.get_type_hints(cls)
    overrides: dict[str, Any] = {
        field.name: override(struct_hook=_validated_hook(converter, field, hints[field.name]))
        for field in attrs.fields(typing.cast(Any, cls))
        if field.validator is not None
    }
    base = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True, **overrides)
    derived = _DERIVED.get(cls, ())
    derived_names = {item.name for item in derived}
    fast = _fast_structure_fn(cls)

    def structure_class(value: object, _type: object) -> _T:
        if fast is not None:
            try:
                return fast(value)  # type: ignore[no-any-return]
            except Exception:  # the checks below find and place every problem
                pass
        if not isinstance(value, Mapping):
            msg = f"expected an object, got {_show(value)}"
            raise TypeError(msg)
        errors: list[Exception] = []
        data: Mapping[str, Any] = value
        if cls is Authority:
            data = _check_schema_version(data, errors)
        claimed = {key: data[key] for key in derived_names if key in data}
        if claimed:
            data = {key: item for key, item in data.items() if key not in derived_names}
        try:
            result = base(data)
        except ClassValidationError as exc:
            errors.extend(exc.exceptions)
            raise ClassValidationError(exc.message, errors, cls) from None
        for item in derived:
            if item.name in claimed:
                expected = item.compute(result)
                if not _same_json(claimed[item.name], expected):
                    msg = (
                        f"{_show(claimed[item.name])} does not match {item.derived_from}, "
                        f"which gives {_show(expected)}"
                    )
                    errors.append(_noted(ValueError(msg), item.name, object))
        if errors:
            raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
        return result

    return structure_class


def _class_unstructure_factory(
    cls: type[Any], converter: cattrs.Converter
) -> Callable[[Any], dict[str, Any]]:
    """Unstructure an attrs class: metadata written when known, derived values after their field."""
    fast = _fast_unstructure_fn(cls)
    if fast is not None:
        return fast
    overrides: dict[str, Any] = {
        field.name: override(omit_if_default=True) for field in attrs.fields(cls) if not field.eq
    }
    base = make_dict_unstructure_fn(cls, converter, **overrides)
    derived = _DERIVED.get(cls, ())
    if not derived and cls is not Authority:
        return base
    after: dict[str, list[_Derived]] = {}
    for item in derived:
        after.setdefault(item.after, []).append(item)

    def unstructure_class(obj: Any) -> dict[str, Any]:
        result: dict[str, Any] = {}
        if cls is Authority:
            result["schema_version"] = SCHEMA_VERSION
        for key, value in base(obj).items():
            result[key] = value
            for item in after.get(key, ()):
                result[item.name] = item.compute(obj)
        return result

    return unstructure_class


def _make_converter() -> cattrs.Converter:
    result = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    result.register_structure_hook(str, _structure_str)
    result.register_structure_hook(int, _structure_int)
    result.register_structure_hook(bool, _structure_bool)
    result.register_structure_hook(dt.date, _structure_date)
    result.register_structure_hook(Score, _structure_score)
    result.register_structure_hook(Theme, _structure_theme)
    result.register_structure_hook(Rating, _structure_rating)
    result.register_unstructure_hook(dt.date, dt.date.isoformat)
    result.register_unstructure_hook(Score, int)
    result.register_unstructure_hook(Theme, int)
    result.register_unstructure_hook(Rating, lambda rating: rating.value)
    result.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_structure_factory)
    result.register_unstructure_hook_factory(_is_homogeneous_tuple, _tuple_unstructure_factory)
    result.register_structure_hook_factory(attrs.has, _class_structure_factory)
    result.register_unstructure_hook_factory(attrs.has, _class_unstructure_factory)
    return result


#: The one cattrs converter for the model: strict, and writing the documented JSON form.
#: Prefer :func:`structure`, which turns cattrs' errors into a :class:`ValidationError`.
converter: Final[cattrs.Converter] = _make_converter()


# --- errors ------------------------------------------------------------------------------------


def _note_of(error: BaseException, kind: type[_T]) -> _T | None:
    for note in getattr(error, "__notes__", ()):
        if type(note) is kind:
            return note
    return None


def _messages(error: BaseException, path: str) -> list[str]:
    """One ``path: problem`` line per failure in a tree of cattrs errors, in data order."""
    if isinstance(error, IterableValidationError):
        lines: list[str] = []
        for sub in error.exceptions:
            index = _note_of(sub, IterableValidationNote)
            lines += _messages(sub, path if index is None else f"{path}[{index.index}]")
        return lines
    if isinstance(error, ClassValidationError):
        lines = []
        for sub in error.exceptions:
            field = _note_of(sub, AttributeValidationNote)
            if field is None:
                lines += _messages(sub, path)
            elif isinstance(sub, KeyError) and sub.args == (field.name,):
                lines.append(f"{_key_path(path, field.name)}: required key is missing")
            else:
                lines += _messages(sub, _key_path(path, field.name))
        return lines
    if isinstance(error, ForbiddenExtraKeysError):
        keys = sorted(error.extra_fields, key=_key_order)
        return [f"{_key_path(path, key)}: unknown key" for key in keys]
    if isinstance(error, ValueError | TypeError):
        return [f"{path}: {error}"]
    return [f"{path}: {type(error).__name__}: {error}"]


# --- public API --------------------------------------------------------------------------------


def unstructure(obj: object) -> Any:
    """The JSON-ready form of a model object (dicts, lists, strings, numbers, ``None``)."""
    return converter.unstructure(obj)


def structure(data: object, cls: type[_T]) -> _T:
    """Build a ``cls`` from JSON-ready data, strictly.

    :raises ValidationError: listing every problem, each with its JSON path.
    """
    try:
        return converter.structure(data, cls)
    except StructureHandlerNotFoundError:
        msg = f"cqcmodel cannot structure {cls!r}: it is not a model type"
        raise TypeError(msg) from None
    except (ClassValidationError, IterableValidationError, ValueError, TypeError) as exc:
        raise ValidationError(_messages(exc, "$")) from None


def dumps(obj: object, *, indent: int | None = None) -> str:
    """Serialise a model object to JSON text: compact, or indented by ``indent`` spaces.

    Not ASCII-escaped; keys in field order; the same text with or without orjson.
    """
    data = unstructure(obj)
    if _orjson is not None and indent in (None, 2):
        option = _orjson.OPT_INDENT_2 if indent == 2 else 0
        try:
            return str(_orjson.dumps(data, option=option).decode())
        except _orjson.JSONEncodeError:
            pass  # lone surrogates, integers beyond 64 bits: the standard library writes them
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)


# --- reading JSON text ---------------------------------------------------------------------------
#
# The standard library's reader, made as strict as orjson: no NaN or Infinity, no number too
# large for a float, text (or UTF-8 bytes) only. Every way it can fail becomes a
# ValidationError. orjson, when installed, is a fast path only: text it refuses, or data that
# is not a valid model, is read again here, so that with or without orjson the same documents
# load and the same problems are reported.


class _RefusedNumberError(ValueError):
    """A number (or ``NaN``, ``Infinity``) the strict reader refuses; says why, not where."""


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        shown = text if len(text) <= 20 else f"{text[:20]}…"
        msg = f"number {shown} is out of range"
        raise _RefusedNumberError(msg)
    return value


def _no_constant(name: str) -> Any:
    msg = f"{name} is not a JSON value"
    raise _RefusedNumberError(msg)


#: Shared like the ``json`` module's own default decoder: decoding keeps no state between calls.
_STRICT_JSON: Final = json.JSONDecoder(parse_float=_finite_float, parse_constant=_no_constant)

#: A JSON string (skipped), a number (integer part, fraction, exponent) or a non-JSON constant.
_TOKEN: Final = re.compile(
    r'"[^"\\]*(?:\\.[^"\\]*)*"|(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?|NaN|-?Infinity',
    re.DOTALL,
)


def _refused_number(text: str) -> tuple[int, str] | None:
    """The position of the first number in ``text`` that the strict reader refuses, and why.

    The reader stopped at it with an error that does not say where; everything before it was
    valid JSON, so scanning tokens from the start finds it.
    """
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0] == '"':
            continue
        try:
            if token[-1] in "Ny":  # NaN, Infinity
                _no_constant(token)
            elif match.group(2) or match.group(3):
                _finite_float(token)
            else:
                int(token)
        except _RefusedNumberError as exc:
            return match.start(), str(exc)
        except ValueError:
            digits = len(match.group(1).lstrip("-"))
            limit = sys.get_int_max_str_digits()
            return match.start(), f"integer of {digits:,} digits is too long (at most {limit:,})"
    return None


def _problem(error: json.JSONDecodeError) -> str:
    message = error.msg
    if error.pos == 0 and error.doc.startswith("\ufeff"):
        message = "a byte order mark (U+FEFF) is not JSON"
    return f"invalid JSON at line {error.lineno}, column {error.colno}: {message}"


def _read_json(text: str | bytes | bytearray) -> Any:
    """The JSON value of ``text`` (UTF-8 when bytes), read strictly by the standard library.

    :raises ValidationError: for anything that is not JSON, at its line and column.
    """
    if not isinstance(text, str):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            problem = f"invalid JSON: not UTF-8 text (byte {exc.start}: {exc.reason})"
            raise ValidationError([f"$: {problem}"]) from None
    try:
        return _STRICT_JSON.decode(text)
    except json.JSONDecodeError as exc:
        problem = _problem(exc)
    except RecursionError:
        problem = "invalid JSON: nested too deeply"
    except ValueError as exc:  # a number refused, or an integer too long for Python to read
        found = _refused_number(text)
        if found is None:  # pragma: no cover - the scan finds what the reader refused
            problem = f"invalid JSON: {exc}"
        else:
            problem = _problem(json.JSONDecodeError(found[1], text, found[0]))
    raise ValidationError([f"$: {problem}"])


@overload
def loads(text: str | bytes | bytearray) -> Authority: ...
@overload
def loads(text: str | bytes | bytearray, cls: type[_T]) -> _T: ...
def loads(text: str | bytes | bytearray, cls: type[Any] = Authority) -> Any:
    """Load JSON text written by :func:`dumps` as a ``cls`` (an :class:`Authority` by default).

    Bytes must be UTF-8. The same documents load, with the same results and messages, whether
    or not orjson is installed.

    :raises ValidationError: for text that is not JSON (with its line and column) or data that
        does not describe a valid ``cls`` (every problem, with its JSON path).
    """
    given: object = text
    if not isinstance(given, str | bytes | bytearray):
        msg = f"loads() takes str or bytes, not {type(given).__name__}"
        raise TypeError(msg)
    if _orjson is not None:
        try:
            return converter.structure(_orjson.loads(text), cls)
        except Exception:  # the standard library reads it again and decides
            pass
    return structure(_read_json(text), cls)


# --- JSON Schema -------------------------------------------------------------------------------

#: Schema keywords implied by attrs validators of the model, keyed by validator: a published
#: line (non-empty, one line, no surrounding whitespace), a percentage.
_LINE: Final[dict[str, Any]] = {"pattern": r"^\S(?:[^\n\r]*\S)?$"}
_VALIDATOR_KEYWORDS: Final[dict[object, dict[str, Any]]] = {
    model._line_text: _LINE,
    model._optional_line_text: _LINE,
    model._heading: _LINE,
    model._lines: _LINE,
    model._percentage: {"minimum": 0, "maximum": 100},
}


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
        derived = _DERIVED.get(cls, ())
        for field in attrs.fields(cls):
            properties[field.name] = self.field(field, hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
            for item in derived:
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
        keywords = _VALIDATOR_KEYWORDS.get(field.validator, {})
        schema = self.type(field_type, keywords)
        if not field.eq:
            what = "the source line number" if field.name == "line" else "where the text came from"
            schema = {
                "description": f"Metadata, outside equality: {what}; written when known.",
                **schema,
            }
        return schema

    def type(self, type_: Any, keywords: dict[str, Any]) -> dict[str, Any]:
        args = typing.get_args(type_)
        if isinstance(type_, types.UnionType) or typing.get_origin(type_) is typing.Union:
            others = [arg for arg in args if arg is not type(None)]
            if len(others) == 1 and len(args) == 2:
                return _nullable(self.type(others[0], keywords))
        if _is_homogeneous_tuple(type_):
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
            return dict(_DATE_SCHEMA)
        msg = f"no JSON Schema for {type_!r}"
        raise TypeError(msg)


def json_schema(cls: type[Any] = Authority) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``cls`` as :func:`dumps` writes it.

    Generated from the attrs classes: their fields, type hints, defaults (a field without one is
    required) and the validators that map to schema keywords. A few rules are checked only by
    :func:`loads`: a heading reads as a heading, findings with a heading come last, a rating
    matches its percentage band, derived values match the data, and the checks each class
    makes on the whole object.
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
    """``python -m cqcmodel.serialise``: print, write or check the Authority JSON Schema."""
    parser = argparse.ArgumentParser(prog="python -m cqcmodel.serialise", description=main.__doc__)
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
