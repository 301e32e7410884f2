"""JSON for the model (the format is described in :mod:`cqcmodel.schema`), on cattrs.

Two ``cattrs.preconf`` converters (orjson's when installed) share one set of strict hooks: the
fast one builds models from valid data; when it fails, the detailed one goes through the data
again and every problem, with its JSON path (by :func:`cattrs.transform_error`), is reported in
one :class:`~cqcmodel.errors.ValidationError`, as is text that is not JSON. The same text is
written, and the same documents load with the same messages, with or without orjson.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import re
import sys
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, TypeVar, overload

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence, list_structure_factory
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from .errors import ValidationError
from .framework import Rating, Score, Theme
from .model import Authority
from .schema import (
    DERIVED,
    ISO_DATE,
    SCHEMA_PATH,
    SCHEMA_VERSION,
    json_schema,
    main,
    schema_text,
    write_schema,
)

try:
    import orjson as _orjson
    from cattrs.preconf.orjson import make_converter
except ImportError:  # pragma: no cover - orjson is in the test extra
    _orjson = None  # type: ignore[assignment]
    from cattrs.preconf.json import make_converter  # type: ignore[assignment]

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

#: Upgrades of the Authority's JSON object from the version they read to the next one.
_MIGRATIONS: Final[dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {}

_ISO_DATE: Final = re.compile(ISO_DATE)
_SHOW_LIMIT: Final = 60


def _show(value: object) -> str:
    """A value as it reads in JSON (long strings and integers shortened), for messages."""
    if isinstance(value, str):
        shown = json.dumps(value[:_SHOW_LIMIT], ensure_ascii=False)
        return shown[:-1] + '…"' if len(value) > _SHOW_LIMIT else shown
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**_SHOW_LIMIT:
        return f"an integer of more than {_SHOW_LIMIT} digits"
    if value is None or isinstance(value, bool | int | float):
        return json.dumps(value)
    if isinstance(value, Mapping):
        return "an object"
    return "an array" if isinstance(value, list | tuple) else f"a Python {type(value).__name__}"


def _at(error: Exception, step: str) -> Exception:
    """``error`` noted as the failure of the object key ``step`` (a JSON path step)."""
    error.add_note(cattrs.AttributeValidationNote("", step, object))
    return error


def _exactly(kind: type[Any], words: str, *, nullable: bool = False) -> _Hook:
    """A hook taking values of ``kind`` (or ``None``) as they are (``true`` is no integer)."""
    accepted = {kind, type(None)} if nullable else {kind}

    def structure_exactly(value: object, _type: object) -> Any:
        if type(value) in accepted or (isinstance(value, kind) and not isinstance(value, bool)):
            return value
        raise TypeError(f"expected {words}, got {_show(value)}")

    return structure_exactly


def _structure_date(value: object, _type: object) -> dt.date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError(f"{_show(value)} is not a date in ISO form (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{_show(value)} is not a valid date: {exc}") from None


def _enum_hook(cls: type[Score | Theme | Rating], what: str) -> _Hook:
    """A hook taking an enum's value (exactly: ``true`` is no score), else listing the choices."""
    members = {member.value: member for member in cls}
    kind = type(next(iter(members)))
    choices = "1–4" if kind is int else "one of " + ", ".join(map(_show, members))

    def structure_enum(value: object, _type: object) -> Any:
        exact = type(value) is kind or (isinstance(value, kind) and not isinstance(value, bool))
        if exact and value in members:
            return members[value]
        raise ValueError(f"{_show(value)} is not a valid {what} ({choices})")

    return structure_enum


def _sequence_factory(type_: Any, converter: cattrs.Converter) -> _Hook:
    """The hook of cattrs for a list or homogeneous tuple, given a JSON array only (no string)."""
    tuples = typing.get_origin(type_) is tuple
    factory = homogenous_tuple_structure_factory if tuples else list_structure_factory
    items = factory(type_, converter)

    def structure_array(value: object, _type: object) -> Any:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected an array, got {_show(value)}")
        return items(value, type_)

    return structure_array


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
    """The object less ``schema_version``, upgraded; bad versions go to ``errors``, newer raise."""
    rest = {key: value for key, value in data.items() if key != "schema_version"}
    try:
        version: int = _exactly(int, "an integer")(data["schema_version"], int)
        if version < 1:
            raise ValueError(f"{_show(version)} is not a schema version (1 or later)")
    except (KeyError, TypeError, ValueError) as problem:
        errors.append(_at(problem, "schema_version"))
        return rest
    if version > SCHEMA_VERSION:
        msg = f"version {_show(version)} is newer than this cqcmodel reads ({SCHEMA_VERSION})"
        error = _at(ValueError(f"{msg}; upgrade cqcmodel to load it"), "schema_version")
        raise cattrs.ClassValidationError("While structuring Authority", [error], Authority)
    for step in range(version, SCHEMA_VERSION):
        rest = _MIGRATIONS[step](rest)
    return rest


def _unknown_keys(errors: Sequence[Any]) -> list[Exception]:
    """``errors`` with cattrs' one error for all unknown keys replaced by one per key, in order."""
    result: list[Exception] = []
    for error in errors:
        if not isinstance(error, cattrs.ForbiddenExtraKeysError):
            result.append(error)
            continue
        for key in sorted(
            error.extra_fields,
            key=lambda key: (type(key) is not str, str(key) if isinstance(key, str) else repr(key)),
        ):
            step = json.dumps(key, ensure_ascii=False) if isinstance(key, str) else repr(key)
            plain = isinstance(key, str) and key.isascii() and key.isidentifier()
            result.append(_at(ValueError("unknown key"), key if plain else f"[{step}]"))
    return result


def _structure_factory(cls: type[Any], converter: cattrs.Converter) -> _Hook:
    """An attrs class by cattrs' own function, with the schema version and derived keys around."""
    detailed, hints = converter.detailed_validation, typing.get_type_hints(cls)
    overrides: dict[str, Any] = {
        field.name: cattrs.override(struct_hook=_validated(converter, field, hints[field.name]))
        for field in attrs.fields(cls)
        if detailed and field.validator is not None
    }
    base = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True, **overrides)
    derived, versioned = DERIVED.get(cls, ()), cls is Authority
    if not detailed and not derived and not versioned:
        return base  # a failure, however it happens, is explained by the detailed converter

    def structure_class(value: Any, _type: object) -> Any:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object, got {_show(value)}")
        errors: list[Exception] = []
        data = _schema_version(value, errors) if versioned else value
        claimed = {item.name: data[item.name] for item in derived if item.name in data}
        if claimed:
            data = {key: item for key, item in data.items() if key not in claimed}
        try:
            result = base(data)
        except cattrs.ClassValidationError as exc:
            errors += _unknown_keys(exc.exceptions)
            raise cattrs.ClassValidationError(exc.message, errors, cls) from None
        for item in (item for item in derived if item.name in claimed):
            given, expected = claimed[item.name], item.compute(result)
            if type(given) is not type(expected) or given != expected:  # 1, 1.0, true differ
                msg = f"{_show(given)} does not match {item.derived_from}, which gives "
                errors.append(_at(ValueError(msg + _show(expected)), item.name))
        if errors:
            raise cattrs.ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
        return result

    return structure_class


def _unstructure_factory(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Unstructure an attrs class: metadata only when set, derived values after their field."""
    fields = attrs.fields(cls)
    overrides: dict[str, Any] = {f.name: cattrs.override(omit_if_default=not f.eq) for f in fields}
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
    result: cattrs.Converter = make_converter(forbid_extra_keys=True, detailed_validation=detailed)
    for kind, words in ((str, "a string"), (int, "an integer"), (bool, "true or false")):
        result.register_structure_hook(kind, _exactly(kind, words))
        result.register_structure_hook(kind | None, _exactly(kind, words, nullable=True))
        result.register_unstructure_hook(kind | None, identity)  # as cattrs writes ``kind``
    result.register_structure_hook(dt.date, _structure_date)
    result.register_unstructure_hook(dt.date, dt.date.isoformat)
    for enum, what in ((Score, "score"), (Theme, "theme"), (Rating, "rating")):
        result.register_structure_hook(enum, _enum_hook(enum, what))
        result.register_unstructure_hook(enum, lambda member: member.value)
    result.register_structure_hook_factory(is_sequence, _sequence_factory)
    result.register_structure_hook_factory(attrs.has, _structure_factory)
    result.register_unstructure_hook_factory(attrs.has, _unstructure_factory)
    return result


#: The detailed cattrs converter of the model: strict, and writing the documented JSON form.
#: It raises cattrs' own errors, which :func:`structure` turns into one ValidationError.
converter: Final[cattrs.Converter] = _make_converter(detailed=True)
_fast: Final[cattrs.Converter] = _make_converter(detailed=False)


def format_exception(exc: BaseException, _type: object) -> str:
    """The words for one problem, as :func:`cattrs.transform_error` asks for them."""
    if isinstance(exc, KeyError):
        return "required key is missing"
    if isinstance(exc, ValueError | TypeError) and exc.args and isinstance(exc.args[0], str):
        return exc.args[0]
    return f"{type(exc).__name__}: {exc}"


def _require_model(obj: object, call: str) -> None:
    """Refuse what is not a model object or a list of them: it would not load back.

    :raises TypeError: naming what was given instead.
    """
    for item in obj if isinstance(obj, list | tuple) else (obj,):
        kind = type(item)
        is_model = attrs.has(kind) or isinstance(item, Rating | Score | Theme)
        if not (is_model and kind.__module__.startswith("cqcmodel.")):
            msg = (
                f"{call}() takes a cqcmodel model object (Authority, QualityStatement, Finding, "
                f"…) or a list of them, not {kind.__name__}"
            )
            raise TypeError(msg)


def unstructure(obj: object) -> Any:
    """The JSON-ready form of a model object (dicts, lists, strings, numbers, ``None``).

    :raises TypeError: when ``obj`` is not a model object or a list of them.
    """
    _require_model(obj, "unstructure")
    return _fast.unstructure(obj)


def _structure(data: object, cls: Any, call: str, *, fast: bool = True) -> Any:
    """``data`` as a ``cls`` by the fast converter, else every problem by the detailed one."""
    if fast and not attrs.validators.get_disabled():  # the fast converter leaves them to attrs
        with contextlib.suppress(Exception):
            return _fast.structure(data, cls)
    if isinstance(data, list) and attrs.has(cls):
        hint = f"to read a list, use {call}, list[{cls.__name__}])"
        raise ValidationError([f"$: expected an object, got an array; {hint}"]) from None
    try:
        return converter.structure(data, cls)
    except cattrs.StructureHandlerNotFoundError:
        raise TypeError(f"cqcmodel cannot structure {cls!r}: it is not a model type") from None
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        messages = []
        for line in cattrs.transform_error(exc, "$", format_exception):  # "problem @ path"
            problem, _, path = line.rpartition(" @ ")
            messages.append(f"{path.replace('.[', '[')}: {problem}")  # a key step in brackets
        raise ValidationError(messages) from None


def structure(data: object, cls: type[_T]) -> _T:
    """Build a ``cls`` (a model class, or a list of them) from JSON-ready data, strictly.

    :raises ValidationError: listing every problem, each with its JSON path.
    """
    return typing.cast(_T, _structure(data, cls, "structure(data"))


def dumps(obj: object, *, indent: int | None = None) -> str:
    """Serialise a model object to JSON text: compact, or indented by ``indent`` spaces.

    Not ASCII-escaped; keys in field order; the same text with or without orjson.

    :raises TypeError: when ``obj`` is not a model object or a list of them.
    """
    _require_model(obj, "dumps")
    data = _fast.unstructure(obj)
    if _orjson is not None and indent in (None, 2):
        with contextlib.suppress(_orjson.JSONEncodeError):  # lone surrogates, huge integers
            return _orjson.dumps(data, option=_orjson.OPT_INDENT_2 if indent else 0).decode()
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)


def _refusal(token: str) -> str | None:
    """Why the strict reader refuses a JSON number (or ``NaN``, ``Infinity``), if it does."""
    if token.endswith(("NaN", "Infinity")):
        return f"{token} is not a JSON value"
    if any(char in token for char in ".eE"):
        shown = token if len(token) <= 20 else f"{token[:20]}…"
        return f"number {shown} is out of range" if math.isinf(float(token)) else None
    digits, limit = len(token.lstrip("-")), sys.get_int_max_str_digits()
    too_long = f"integer of {digits:,} digits is too long (at most {limit:,})"
    return too_long if digits > limit else None


def _strictly(token: str) -> float:
    if problem := _refusal(token):
        raise ValueError(problem)
    return float(token)


#: Shared like the ``json`` module's own default decoder: decoding keeps no state between calls.
_STRICT_JSON: Final = json.JSONDecoder(parse_float=_strictly, parse_constant=_strictly)
#: A JSON string (skipped), number or non-JSON constant: finds where the reader stopped.
_TOKEN: Final = re.compile(r'"(?:[^"\\]|\\.)*"|-?(?:[0-9][0-9.eE+-]*|Infinity)|NaN', re.DOTALL)


def _read_json(text: str | bytes | bytearray) -> Any:
    """The JSON value of ``text`` (UTF-8 when bytes), read as strictly as orjson reads it.

    Used without orjson and when orjson refuses the text, so that the messages are the same.
    """
    if not isinstance(text, str):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            problem = f"not UTF-8 text (byte {exc.start}: {exc.reason})"
            raise ValidationError([f"$: invalid JSON: {problem}"]) from None
    try:
        return _STRICT_JSON.decode(text)
    except json.JSONDecodeError as exc:
        error = exc
    except RecursionError:
        raise ValidationError(["$: invalid JSON: nested too deeply"]) from None
    except ValueError as exc:  # a number refused: all before it was JSON, so a scan finds it
        tokens = (match for match in _TOKEN.finditer(text) if match.group()[0] != '"')
        found = next((match for match in tokens if _refusal(match.group())), None)
        if found is None:
            raise ValidationError([f"$: invalid JSON: {exc}"]) from None
        error = json.JSONDecodeError(_refusal(found.group()) or "", text, found.start())
    bom = error.pos == 0 and text.startswith("\ufeff")
    message = "a byte order mark (U+FEFF) is not JSON" if bom else error.msg
    where = f"line {error.lineno}, column {error.colno}"
    raise ValidationError([f"$: invalid JSON at {where}: {message}"]) from None


@overload
def loads(text: str | bytes | bytearray) -> Authority: ...
@overload
def loads(text: str | bytes | bytearray, cls: type[_T]) -> _T: ...
def loads(text: str | bytes | bytearray, cls: Any = Authority) -> Any:
    """Load JSON text written by :func:`dumps` as a ``cls`` (an :class:`Authority` by default).

    A JSON array of documents loads with ``loads(text, list[Authority])``. Bytes must be UTF-8.
    The same documents load, with the same messages, with or without orjson.

    :raises ValidationError: for text that is not JSON (with its line and column) or data that
        does not describe a valid ``cls`` (every problem, with its JSON path).
    """
    given: object = text
    if not isinstance(given, str | bytes | bytearray):
        raise TypeError(f"loads() takes str or bytes, not {type(given).__name__}")
    if _orjson is not None and not attrs.validators.get_disabled():
        with contextlib.suppress(Exception):  # the strict reader and detailed converter explain
            return _fast.structure(_orjson.loads(text), cls)
    return _structure(_read_json(text), cls, "loads(text", fast=_orjson is None)


if __name__ == "__main__":
    raise SystemExit(main())
