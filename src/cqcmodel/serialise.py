"""JSON for the model (the format is described in :mod:`cqcmodel.schema`): cattrs converters.

Two converters from ``cattrs.preconf`` (orjson's when installed) share one set of strict hooks:
a fast one, without detailed validation, builds models from valid data; when it fails, the
detailed one goes through the data again, and every problem, each with its JSON path (by
:func:`cattrs.transform_error`), is reported in one :class:`~cqcmodel.errors.ValidationError`,
as is text that is not JSON. With or without orjson the same text is written, and the same
documents load with the same messages.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import math
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, TypeVar, overload

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, list_structure_factory
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    StructureHandlerNotFoundError,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .errors import ValidationError
from .framework import Rating, Score, Theme
from .model import Authority
from .schema import (
    DERIVED,
    ISO_DATE,
    SCHEMA_PATH,
    SCHEMA_VERSION,
    Derived,
    json_schema,
    main,
    schema_text,
    write_schema,
)

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is in the test extra
    orjson = None  # type: ignore[assignment]

__all__ = [
    "SCHEMA_PATH",
    "SCHEMA_VERSION",
    "converter",
    "dumps",
    "format_exception",
    "json_schema",
    "loads",
    "main",
    "schema_text",
    "structure",
    "unstructure",
    "write_schema",
]

_T = TypeVar("_T")
_Hook = Callable[[Any, Any], Any]

#: orjson when installed: it encodes and decodes for :func:`dumps` and :func:`loads`.
_orjson: Any = orjson

#: Upgrades from one schema version to the next, keyed by the version they read; each takes
#: and returns the Authority's JSON object. Loading an older document runs them in turn.
_MIGRATIONS: Final[dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {}

_ISO_DATE: Final = re.compile(ISO_DATE)
_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SHOW_LIMIT: Final = 60


def _show(value: object) -> str:
    """A value as it reads in JSON (long strings and integers shortened), for messages."""
    if isinstance(value, str):
        if len(value) > _SHOW_LIMIT:
            return json.dumps(value[:_SHOW_LIMIT], ensure_ascii=False)[:-1] + '…"'
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**_SHOW_LIMIT:
        return f"an integer of more than {_SHOW_LIMIT} digits"
    if value is None or isinstance(value, bool | int | float):
        return json.dumps(value)
    if isinstance(value, Mapping):
        return "an object"
    return "an array" if isinstance(value, list | tuple) else f"a Python {type(value).__name__}"


def _at(error: Exception, step: str) -> Exception:
    """``error`` noted as the failure of the object key ``step`` (a JSON path step)."""
    error.__notes__ = [*getattr(error, "__notes__", []), AttributeValidationNote("", step, object)]
    return error


# --- hooks: JSON values to model values and back ------------------------------------------------


def _exactly(kind: type[Any], words: str) -> _Hook:
    """A hook taking values of ``kind`` as they are (``true`` is no integer), else refusing."""

    def structure_exactly(value: object, _type: object) -> Any:
        if type(value) is kind or (isinstance(value, kind) and not isinstance(value, bool)):
            return value
        msg = f"expected {words}, got {_show(value)}"
        raise TypeError(msg)

    return structure_exactly


def _structure_date(value: object, _type: object) -> dt.date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        msg = f"{_show(value)} is not a date in ISO form (YYYY-MM-DD)"
        raise ValueError(msg)
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        msg = f"{_show(value)} is not a valid date: {exc}"
        raise ValueError(msg) from None


def _enum_hook(cls: type[Score | Theme | Rating], what: str) -> _Hook:
    """A hook taking an enum's value (exactly: ``true`` is no score), else listing the choices."""
    members = {member.value: member for member in cls}
    kind = type(next(iter(members)))
    choices = "1–4" if kind is int else "one of " + ", ".join(_show(key) for key in members)

    def structure_enum(value: object, _type: object) -> Any:
        if type(value) is kind or (isinstance(value, kind) and not isinstance(value, bool)):
            with_value = members.get(value)
            if with_value is not None:
                return with_value
        msg = f"{_show(value)} is not a valid {what} ({choices})"
        raise ValueError(msg)

    return structure_enum


def _is_optional(type_: object) -> bool:
    union = isinstance(type_, types.UnionType) or typing.get_origin(type_) is typing.Union
    return union and len(typing.get_args(type_)) == 2 and type(None) in typing.get_args(type_)


def _optional_factory(type_: Any, converter: cattrs.Converter) -> _Hook:
    """``None``, or what the hook of ``X`` makes of the value (a string or integer as it is)."""
    inner_type = next(arg for arg in typing.get_args(type_) if arg is not type(None))
    inner = converter.get_structure_hook(inner_type)
    plain = inner_type if inner_type in (str, int) else type(None)

    def structure_optional(value: object, _type: object) -> Any:
        return value if value is None or type(value) is plain else inner(value, inner_type)

    return structure_optional


def _unstructure_optional_factory(type_: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    inner = converter.get_unstructure_hook(typing.get_args(type_)[0])
    return identity if inner is identity else lambda value: None if value is None else inner(value)


def _is_sequence(type_: object) -> bool:
    """``tuple[X, ...]`` (the model's collections) or ``list[X]`` (to load many documents)."""
    args, origin = typing.get_args(type_), typing.get_origin(type_)
    return (origin is tuple and args[1:] == (Ellipsis,)) or (origin is list and len(args) == 1)


def _sequence_factory(type_: Any, converter: cattrs.Converter) -> _Hook:
    """The hook cattrs makes for a list or homogeneous tuple, taking a JSON array only."""
    tuples = typing.get_origin(type_) is tuple
    items = (homogenous_tuple_structure_factory if tuples else list_structure_factory)(
        type_, converter
    )

    def structure_array(value: object, _type: object) -> Any:
        if not isinstance(value, list | tuple):
            msg = f"expected an array, got {_show(value)}"
            raise TypeError(msg)
        return items(value, type_)

    return structure_array


# --- model classes -------------------------------------------------------------------------------


def _validated(converter: cattrs.Converter, field: attrs.Attribute[Any], type_: Any) -> _Hook:
    """Structure a field, then run its attrs validator (it looks at the value only) on it."""
    inner, validator = converter.get_structure_hook(type_), field.validator
    assert validator is not None

    def structure_field(value: object, _type: object) -> Any:
        result = inner(value, type_)
        validator(None, field, result)
        return result

    return structure_field


def _schema_version(data: Mapping[str, Any], errors: list[Exception]) -> dict[str, Any]:
    """The Authority object without ``schema_version``, upgraded to :data:`SCHEMA_VERSION`.

    A missing or malformed version goes to ``errors`` (the data is read as current); a version
    newer than this library raises at once, since its layout is unknown.
    """
    rest = {key: value for key, value in data.items() if key != "schema_version"}
    version: Any = data.get("schema_version")
    problem: Exception
    if "schema_version" not in data:
        problem = KeyError("schema_version")
    elif not isinstance(version, int) or isinstance(version, bool):
        problem = TypeError(f"expected an integer, got {_show(version)}")
    elif version < 1:
        problem = ValueError(f"{_show(version)} is not a schema version (1 or later)")
    elif version > SCHEMA_VERSION:
        msg = f"version {_show(version)} is newer than this cqcmodel reads ({SCHEMA_VERSION})"
        error = _at(ValueError(f"{msg}; upgrade cqcmodel to load it"), "schema_version")
        raise ClassValidationError("While structuring Authority", [error], Authority)
    else:
        for step in range(version, SCHEMA_VERSION):
            rest = _MIGRATIONS[step](rest)
        return rest
    errors.append(_at(problem, "schema_version"))
    return rest


def _disagreements(
    obj: object, claimed: Mapping[str, Any], derived: tuple[Derived, ...]
) -> list[Exception]:
    """The errors of the derived values in ``claimed`` that differ from those of ``obj``."""
    errors: list[Exception] = []
    for item in (item for item in derived if item.name in claimed):
        given, expected = claimed[item.name], item.compute(obj)
        if type(given) is not type(expected) or given != expected:  # 1, 1.0 and true differ
            msg = f"{_show(given)} does not match {item.derived_from}, which gives "
            errors.append(_at(ValueError(msg + _show(expected)), item.name))
    return errors


def _unknown_keys(errors: Sequence[Any]) -> list[Exception]:
    """``errors`` with cattrs' one error for all unknown keys replaced by one per key, in order.

    Each is placed at its key's path step: ``name``, or ``["odd key"]`` (or ``[1]``) if needed.
    """
    result: list[Exception] = []
    for error in errors:
        if not isinstance(error, ForbiddenExtraKeysError):
            result.append(error)
            continue
        for key in sorted(
            error.extra_fields,
            key=lambda key: (type(key) is not str, str(key) if isinstance(key, str) else repr(key)),
        ):
            step = json.dumps(key, ensure_ascii=False) if isinstance(key, str) else repr(key)
            plain = isinstance(key, str) and _IDENTIFIER.fullmatch(key)
            result.append(_at(ValueError("unknown key"), key if plain else f"[{step}]"))
    return result


def _structure_factory(cls: type[Any], converter: cattrs.Converter) -> _Hook:
    """Structure an attrs class from a JSON object with cattrs' generated function, strictly.

    Around it: the object check, the schema version and the derived values (set aside, then
    compared with the object's). The detailed converter runs field validators field by field.
    """
    detailed, hints = converter.detailed_validation, typing.get_type_hints(cls)
    overrides: dict[str, Any] = {
        field.name: override(struct_hook=_validated(converter, field, hints[field.name]))
        for field in attrs.fields(cls)
        if detailed and field.validator is not None
    }
    base = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True, **overrides)
    derived, versioned = DERIVED.get(cls, ()), cls is Authority
    if not detailed and not derived and not versioned:
        return base  # a failure, however it happens, is explained by the detailed converter

    def structure_class(value: Any, _type: object) -> Any:
        if not isinstance(value, Mapping):
            msg = f"expected an object, got {_show(value)}"
            raise TypeError(msg)
        errors: list[Exception] = []
        data = _schema_version(value, errors) if versioned else value
        claimed = {item.name: data[item.name] for item in derived if item.name in data}
        if claimed:
            data = {key: item for key, item in data.items() if key not in claimed}
        try:
            result = base(data)
        except ClassValidationError as exc:
            errors += _unknown_keys(exc.exceptions)
            raise ClassValidationError(exc.message, errors, cls) from None
        errors += _disagreements(result, claimed, derived)
        if errors:
            raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
        return result

    return structure_class


def _unstructure_factory(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Unstructure an attrs class: metadata only when set, derived values after their field."""
    fields = attrs.fields(cls)
    overrides: dict[str, Any] = {f.name: override(omit_if_default=not f.eq) for f in fields}
    base: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, converter, **overrides)
    if not (derived := DERIVED.get(cls, ())):
        return base
    names = [field.name for field in fields]
    (after,) = {item.after for item in derived}  # all written at one place
    head = names[: names.index(after) + 1]
    start = {"schema_version": SCHEMA_VERSION} if cls is Authority else {}

    def unstructure_class(obj: Any) -> dict[str, Any]:
        data = base(obj)
        result = {**start, **{name: data.pop(name) for name in head}}
        for item in derived:
            result[item.name] = item.compute(obj)
        result.update(data)
        return result

    return unstructure_class


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    """A converter of ``cattrs.preconf`` (orjson's when installed), with the model's hooks."""
    preconf = "orjson" if orjson is not None else "json"
    make_converter = importlib.import_module(f"cattrs.preconf.{preconf}").make_converter
    result: cattrs.Converter = make_converter(forbid_extra_keys=True, detailed_validation=detailed)
    result.register_structure_hook(str, _exactly(str, "a string"))
    result.register_structure_hook(int, _exactly(int, "an integer"))
    result.register_structure_hook(bool, _exactly(bool, "true or false"))
    result.register_structure_hook(dt.date, _structure_date)
    for enum, what in ((Score, "score"), (Theme, "theme"), (Rating, "rating")):
        result.register_structure_hook(enum, _enum_hook(enum, what))
        result.register_unstructure_hook(enum, lambda member: member.value)
    result.register_unstructure_hook(dt.date, dt.date.isoformat)
    result.register_structure_hook_factory(_is_sequence, _sequence_factory)
    for predicate, structure_factory, unstructure_factory in (
        (_is_optional, _optional_factory, _unstructure_optional_factory),
        (attrs.has, _structure_factory, _unstructure_factory),
    ):
        result.register_structure_hook_factory(predicate, structure_factory)
        result.register_unstructure_hook_factory(predicate, unstructure_factory)
    return result


#: The detailed cattrs converter of the model: strict, and writing the documented JSON form.
#: Its errors are cattrs' own (for :func:`cattrs.transform_error`); :func:`structure` turns them
#: into one :class:`~cqcmodel.errors.ValidationError`.
converter: Final[cattrs.Converter] = _make_converter(detailed=True)
#: The same hooks without detailed validation: builds models from valid data, fast.
_fast: Final[cattrs.Converter] = _make_converter(detailed=False)


def format_exception(exc: BaseException, _type: object) -> str:
    """The words for one problem, as :func:`cattrs.transform_error` asks for them."""
    if isinstance(exc, KeyError):
        return "required key is missing"
    if isinstance(exc, ValueError | TypeError) and exc.args and isinstance(exc.args[0], str):
        return exc.args[0]
    return f"{type(exc).__name__}: {exc}"


def _messages(error: BaseException) -> list[str]:
    """One ``path: problem`` line per failure in a tree of cattrs errors, in data order."""
    lines = []
    for line in cattrs.transform_error(error, "$", format_exception):  # "problem @ path"
        problem, _, path = line.rpartition(" @ ")
        lines.append(f"{path.replace('.[', '[')}: {problem}")  # a key step in brackets
    return lines


# --- public API --------------------------------------------------------------------------------


def unstructure(obj: object) -> Any:
    """The JSON-ready form of a model object (dicts, lists, strings, numbers, ``None``)."""
    return _fast.unstructure(obj)


def _structure(data: object, cls: Any, call: str) -> Any:
    """Structure ``data`` with the fast converter, or explain why not with :func:`_explain`."""
    if not attrs.validators.get_disabled():  # the fast converter leaves them to attrs
        try:
            return _fast.structure(data, cls)
        except Exception:  # the detailed converter says why
            pass
    return _explain(data, cls, call)


def _explain(data: object, cls: Any, call: str) -> Any:
    """Structure ``data`` with the detailed converter, raising every problem in one error."""
    if isinstance(data, list) and attrs.has(cls):
        hint = f"to read a list, use {call}, list[{cls.__name__}])"
        raise ValidationError([f"$: expected an object, got an array; {hint}"]) from None
    try:
        return converter.structure(data, cls)
    except StructureHandlerNotFoundError:
        msg = f"cqcmodel cannot structure {cls!r}: it is not a model type"
        raise TypeError(msg) from None
    except (ClassValidationError, IterableValidationError, ValueError, TypeError) as exc:
        raise ValidationError(_messages(exc)) from None


def structure(data: object, cls: type[_T]) -> _T:
    """Build a ``cls`` (a model class, or a list of them) from JSON-ready data, strictly.

    :raises ValidationError: listing every problem, each with its JSON path.
    """
    result: _T = _structure(data, cls, "structure(data")
    return result


def dumps(obj: object, *, indent: int | None = None) -> str:
    """Serialise a model object to JSON text: compact, or indented by ``indent`` spaces.

    Not ASCII-escaped; keys in field order; the same text with or without orjson.
    """
    data = unstructure(obj)
    if _orjson is not None and indent in (None, 2):
        try:
            return str(_orjson.dumps(data, option=_orjson.OPT_INDENT_2 if indent else 0).decode())
        except _orjson.JSONEncodeError:
            pass  # lone surrogates, integers beyond 64 bits: the standard library writes them
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)


# --- reading JSON text: the standard library's reader, as strict as orjson (no NaN or Infinity,
# no number too large for a float); text orjson refuses, or data that does not load, is read
# again here, so that with or without orjson the same documents load with the same messages.


def _refusal(token: str) -> str | None:
    """Why the strict reader refuses a JSON number (or ``NaN``, ``Infinity``), if it does."""
    if token.endswith(("NaN", "Infinity")):
        return f"{token} is not a JSON value"
    if any(char in token for char in ".eE"):
        shown = token if len(token) <= 20 else f"{token[:20]}…"
        return f"number {shown} is out of range" if math.isinf(float(token)) else None
    digits, limit = len(token.lstrip("-")), sys.get_int_max_str_digits()
    return (
        f"integer of {digits:,} digits is too long (at most {limit:,})" if digits > limit else None
    )


def _strictly(token: str) -> float:
    if problem := _refusal(token):
        raise ValueError(problem)
    return float(token)


#: Shared like the ``json`` module's own default decoder: decoding keeps no state between calls.
_STRICT_JSON: Final = json.JSONDecoder(parse_float=_strictly, parse_constant=_strictly)
#: A JSON string (skipped), number or non-JSON constant: finds where the reader stopped.
_TOKEN: Final = re.compile(r'"(?:[^"\\]|\\.)*"|-?(?:[0-9][0-9.eE+-]*|Infinity)|NaN', re.DOTALL)


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
    except ValueError as exc:  # a number refused: all before it was JSON, so a scan finds it
        problem = f"invalid JSON: {exc}"
        for match in _TOKEN.finditer(text):
            if match.group()[0] != '"' and (refused := _refusal(match.group())):
                problem = _problem(json.JSONDecodeError(refused, text, match.start()))
                break
    raise ValidationError([f"$: {problem}"])


@overload
def loads(text: str | bytes | bytearray) -> Authority: ...
@overload
def loads(text: str | bytes | bytearray, cls: type[_T]) -> _T: ...
def loads(text: str | bytes | bytearray, cls: Any = Authority) -> Any:
    """Load JSON text written by :func:`dumps` as a ``cls`` (an :class:`Authority` by default).

    A JSON array of documents loads with ``loads(text, list[Authority])``. Bytes must be UTF-8.
    The same documents load, with the same results and messages, with or without orjson.

    :raises ValidationError: for text that is not JSON (with its line and column) or data that
        does not describe a valid ``cls`` (every problem, with its JSON path).
    """
    given: object = text
    if not isinstance(given, str | bytes | bytearray):
        msg = f"loads() takes str or bytes, not {type(given).__name__}"
        raise TypeError(msg)
    if _orjson is None or attrs.validators.get_disabled():
        return _structure(_read_json(text), cls, "loads(text")
    try:
        return _fast.structure(_orjson.loads(text), cls)
    except Exception:  # the strict reader, then the detailed converter, decide and explain
        return _explain(_read_json(text), cls, "loads(text")


if __name__ == "__main__":
    raise SystemExit(main())
