"""Tables from parsed reports: every kind of row, and the writers for CSV, JSON and text tables.

:func:`~cqcmodel.rows` and the ``cqcmodel`` command share this module, so a column means the
same in a dataframe, a spreadsheet and a terminal. Rows are plain dictionaries with a fixed
column order (:func:`columns`): strings, numbers (:class:`~decimal.Decimal` for extracted
figures), booleans, :class:`datetime.date`, lists of strings and ``None`` for an empty cell.

Every row names its council by the registry (``ons_code``; scores also ``region`` and
``council_type``) and where it came from: ``sources`` on a score row, ``file`` and ``line``
on every other row. Extraction rows take their fields from the extracted classes
themselves, so a field added to :class:`~cqcmodel.Initiative`, :class:`~cqcmodel.Organisation`
or :class:`~cqcmodel.Figure` becomes a column without a change here.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from functools import cache
from typing import IO, Any, Final, TypeAlias

import attrs

from .collect import page_key, page_sources
from .councils import Council, councils
from .framework import STATEMENTS, statement_by_id
from .model import Authority, authority_list

__all__ = [
    "FINDING_COLUMNS",
    "FORMATS",
    "GROUP_COLUMNS",
    "KINDS",
    "LIST_SEPARATOR",
    "SCORE_COLUMNS",
    "Cell",
    "Row",
    "cell_text",
    "columns",
    "dumps_json",
    "group_rows",
    "published",
    "rows",
    "write",
]

#: The kinds of rows :func:`rows` produces.
KINDS: Final = ("scores", "findings", "initiatives", "organisations", "figures")

#: The output formats :func:`write` knows.
FORMATS: Final = ("table", "csv", "json", "jsonl")

#: Columns of a ``scores`` row, in order.
SCORE_COLUMNS: Final[tuple[str, ...]] = (
    "authority",
    "ons_code",
    "region",
    "council_type",
    "published",
    "published_rating",
    "published_percentage",
    "rating",
    "percentage",
    "scored",
    "indicative",
    *(info.code for info in STATEMENTS),
    "sources",
)

#: Columns of a ``findings`` row, in order.
FINDING_COLUMNS: Final[tuple[str, ...]] = (
    "authority",
    "ons_code",
    "statement",
    "heading",
    "paragraph",
    "text",
    "file",
    "line",
)

#: A value in a row: plain Python data.
Cell: TypeAlias = "str | int | bool | Decimal | dt.date | list[str] | None"
#: One row: column name → value, in column order.
Row: TypeAlias = dict[str, Cell]

#: How a list is written in one CSV or table cell.
LIST_SEPARATOR: Final = "; "

#: Columns of :func:`group_rows`: one initiative or organisation across councils.
GROUP_COLUMNS: Final[tuple[str, ...]] = (
    "key",
    "name",
    "kind",
    "councils",
    "authorities",
    "names",
    "mentions",
)


# --- columns ---------------------------------------------------------------------------------


def _extracted_classes() -> dict[str, type[Any]]:
    from .extract import Figure, Initiative, Organisation  # noqa: PLC0415 - loads on use

    return {"initiatives": Initiative, "organisations": Organisation, "figures": Figure}


def _item_fields(cls: type[Any]) -> tuple[str, ...]:
    """The fields of an extracted class that become columns (spans are summarised instead)."""
    return tuple(
        field.name for field in attrs.fields(cls) if field.name not in {"mention", "mentions"}
    )


@cache
def columns(kind: str) -> tuple[str, ...]:
    """The columns of a kind of row, in order (:data:`KINDS`); :class:`ValueError` otherwise.

    ``initiatives`` and ``organisations``: ``authority``, ``ons_code``, the item's fields,
    ``statements`` (codes, in first-mention order), ``mentions`` (how many), and ``file``
    and ``line`` of the first mention. ``figures``: ``authority``, ``ons_code``,
    ``statement``, ``paragraph``, the figure's fields (its ``source`` is the survey or data
    set the text names), ``text`` (the span), ``file`` and ``line``.
    """
    if kind == "scores":
        return SCORE_COLUMNS
    if kind == "findings":
        return FINDING_COLUMNS
    if kind in ("initiatives", "organisations"):
        fields = _item_fields(_extracted_classes()[kind])
        return ("authority", "ons_code", *fields, "statements", "mentions", "file", "line")
    if kind == "figures":
        fields = _item_fields(_extracted_classes()[kind])
        return ("authority", "ons_code", "statement", "paragraph", *fields, "text", "file", "line")
    msg = f"unknown kind of rows {kind!r}: expected one of {', '.join(KINDS)}"
    raise ValueError(msg)


# --- rows ------------------------------------------------------------------------------------


def rows(
    authorities: Authority | Iterable[Authority], kind: str, *, all_councils: bool = False
) -> list[Row]:
    """Flatten one authority or many into plain dictionaries with a fixed column order.

    ``kind`` is one of :data:`KINDS`:

    - ``scores``: one row per authority (:data:`SCORE_COLUMNS`). ``published_rating`` and
      ``published_percentage`` are what the summary page publishes; ``rating`` and
      ``percentage`` are computed from the nine statement scores and are empty unless all
      nine are known (``scored`` says how many are); ``indicative`` marks pilot scores;
      each statement code holds its score; ``sources`` lists every file read. With
      ``all_councils``, a row with only the registry's columns is added for each of the 153
      councils that none of ``authorities`` is, and rows are ordered by ONS code (unknown
      councils last).
    - ``findings``: one row per key-findings paragraph (:data:`FINDING_COLUMNS`);
      ``paragraph`` counts from 1 within its statement.
    - ``initiatives``, ``organisations``, ``figures``: what extraction (:doc:`/extraction`) finds,
      one row per item (:func:`columns`).

    Suitable for :class:`csv.DictWriter` or ``pandas.DataFrame``. An unknown ``kind`` is a
    :class:`ValueError`.
    """
    items = authority_list(authorities, "rows")
    wanted = columns(kind)
    if kind == "scores":
        result = [_score_row(authority) for authority in items]
        return _with_all_councils(result, items) if all_councils else result
    build = _ROW_BUILDERS[kind]
    found = [row for authority in items for row in build(authority)]
    return [{column: row.get(column) for column in wanted} for row in found]


def group_rows(authorities: Authority | Iterable[Authority], kind: str) -> list[Row]:
    """Initiatives or organisations grouped across councils by canonical key, a row per key.

    ``kind`` is ``initiatives`` or ``organisations``; the columns are :data:`GROUP_COLUMNS`:
    the canonical ``key`` and ``name``, the ``kind``, how many ``councils`` mention it and
    which (``authorities``), every spelling (``names``) and the number of ``mentions``, most
    councils first (:func:`cqcmodel.extract.group_initiatives`).
    """
    from .extract import group_initiatives, group_organisations  # noqa: PLC0415 - on use

    grouping = {"initiatives": group_initiatives, "organisations": group_organisations}
    if kind not in grouping:
        msg = f"only initiatives and organisations are grouped, not {kind!r}"
        raise ValueError(msg)
    items = authority_list(authorities, "group_rows")
    return [
        {
            "key": group.key,
            "name": group.name,
            "kind": group.kind.value,
            "councils": len(group.councils),
            "authorities": list(group.councils),
            "names": list(group.names),
            "mentions": group.mentions,
        }
        for group in grouping[kind](items)
    ]


def published(authority: Authority) -> dt.date | None:
    """The assessment's publication date: the about page's, else the first page date."""
    if authority.about is not None and authority.about.published is not None:
        return authority.about.published
    return authority.published


def _council_cells(authority: Authority) -> Row:
    council = authority.council
    return {"authority": authority.name, "ons_code": council.ons_code if council else None}


def _sources(authority: Authority) -> list[str]:
    if authority.sources:
        return list(authority.sources)
    return [authority.source] if authority.source else []


def _score_row(authority: Authority) -> Row:
    council = authority.council
    scores = authority.scores()
    overall = authority.overall() if len(scores) == len(STATEMENTS) else None
    summary = authority.summary
    row: Row = {
        "authority": authority.name,
        "ons_code": council.ons_code if council else None,
        "region": council.region if council else None,
        "council_type": council.council_type.value if council else None,
        "published": published(authority),
        "published_rating": summary.rating.value if summary and summary.rating else None,
        "published_percentage": summary.percentage if summary else None,
        "rating": overall.rating.value if overall else None,
        "percentage": overall.percentage if overall else None,
        "scored": len(scores),
        "indicative": authority.indicative,
    }
    for info in STATEMENTS:
        score = scores.get(info.id)
        row[info.code] = int(score) if score is not None else None
    row["sources"] = _sources(authority)
    return row


def _missing_row(council: Council) -> Row:
    row: Row = dict.fromkeys(SCORE_COLUMNS)
    row.update(
        authority=council.formal_name,
        ons_code=council.ons_code,
        region=council.region,
        council_type=council.council_type.value,
        scored=0,
        sources=[],
    )
    return row


def _with_all_councils(table: list[Row], authorities: list[Authority]) -> list[Row]:
    present = {authority.council for authority in authorities}
    table = table + [_missing_row(council) for council in councils() if council not in present]
    return sorted(table, key=lambda row: (row["ons_code"] is None, str(row["ons_code"] or "")))


def _finding_rows(authority: Authority) -> list[Row]:
    files = page_sources(authority)
    council = _council_cells(authority)
    result: list[Row] = []
    for statement in authority.statements:
        file = files.get(page_key(statement))
        for index, finding in enumerate(statement.findings, start=1):
            result.append(
                {
                    **council,
                    "statement": statement.code,
                    "heading": finding.heading,
                    "paragraph": index,
                    "text": finding.text,
                    "file": file,
                    "line": finding.line,
                }
            )
    return result


def _plain(value: object) -> Cell:
    """A field value as a cell: enums by value, sequences as lists, other values as they are."""
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, tuple | list):
        return [str(_plain(item)) for item in value]
    if value is None or isinstance(value, str | int | Decimal | dt.date):
        return value
    return str(value)


def _code(statement_id: int | None) -> str | None:
    return statement_by_id(statement_id).code if statement_id is not None else None


def _located(authority: Authority, files: Mapping[str, str], mention: Any) -> Row:
    """``file`` and ``line`` of a mention: its statement page's file and its finding's line."""
    statement = next(
        (page for page in authority.statements if page.statement_id == mention.statement_id),
        None,
    )
    if statement is None or mention.finding_index >= len(statement.findings):
        return {"file": authority.source, "line": None}
    finding = statement.findings[mention.finding_index]
    return {"file": files.get(page_key(statement)), "line": finding.line}


def _fields(item: object) -> Row:
    return {name: _plain(getattr(item, name)) for name in _item_fields(type(item))}


def _named_item_rows(authority: Authority, items: Iterable[Any]) -> list[Row]:
    files = page_sources(authority)
    council = _council_cells(authority)
    result: list[Row] = []
    for item in items:
        codes = [_code(number) for number in item.statement_ids if number is not None]
        first = _located(authority, files, item.mentions[0]) if item.mentions else {}
        result.append(
            {
                **council,
                **_fields(item),
                "statements": [code for code in codes if code is not None],
                "mentions": len(item.mentions),
                **first,
            }
        )
    return result


def _initiative_rows(authority: Authority) -> list[Row]:
    from .extract import extract_initiatives  # noqa: PLC0415 - extraction loads on use

    return _named_item_rows(authority, extract_initiatives(authority))


def _organisation_rows(authority: Authority) -> list[Row]:
    from .extract import extract_organisations  # noqa: PLC0415 - extraction loads on use

    return _named_item_rows(authority, extract_organisations(authority))


def _figure_rows(authority: Authority) -> list[Row]:
    from .extract import extract_figures  # noqa: PLC0415 - extraction loads on use

    files = page_sources(authority)
    council = _council_cells(authority)
    return [
        {
            **council,
            "statement": _code(figure.mention.statement_id),
            "paragraph": figure.mention.finding_index + 1,
            **_fields(figure),
            "text": figure.mention.text,
            **_located(authority, files, figure.mention),
        }
        for figure in extract_figures(authority)
    ]


_ROW_BUILDERS: Final[dict[str, Callable[[Authority], list[Row]]]] = {
    "findings": _finding_rows,
    "initiatives": _initiative_rows,
    "organisations": _organisation_rows,
    "figures": _figure_rows,
}


# --- writers ---------------------------------------------------------------------------------


def _json_value(value: object) -> Any:
    """A JSON-ready value: dates as ISO strings, exact decimals as numbers, enums as values."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, enum.Enum):
        return value.value
    msg = f"not JSON data: {value!r}"
    raise TypeError(msg)


def dumps_json(data: object, *, indent: int | None = None) -> str:
    """``data`` as JSON text (UTF-8 characters kept), dates and decimals made plain."""
    return json.dumps(data, ensure_ascii=False, indent=indent, default=_json_value)


def cell_text(value: object) -> str:
    """A value as the text of a CSV or table cell: empty for ``None``, lists joined by ``"; "``."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(cell_text(item) for item in value)
    return str(value)


def _write_csv(out: IO[str], names: Sequence[str], data: Sequence[Mapping[str, object]]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in data:
        writer.writerow([cell_text(row.get(column)) for column in names])


def _write_table(out: IO[str], names: Sequence[str], data: Sequence[Mapping[str, object]]) -> None:
    """An aligned table: text columns left-aligned, number columns right-aligned."""
    cells = [[cell_text(row.get(column)) for column in names] for row in data]
    numeric = [
        all(isinstance(row.get(column), int | Decimal | type(None)) for row in data)
        and any(isinstance(row.get(column), int | Decimal) for row in data)
        and not any(isinstance(row.get(column), bool) for row in data)
        for column in names
    ]
    widths = [
        max([len(column), *(len(line[index]) for line in cells)])
        for index, column in enumerate(names)
    ]

    def line(values: Sequence[str]) -> str:
        parts = [
            value.rjust(width) if right else value.ljust(width)
            for value, width, right in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out.write(line(names) + "\n")
    for values in cells:
        out.write(line(values) + "\n")


def write(
    out: IO[str],
    data: Sequence[Mapping[str, object]],
    names: Sequence[str],
    fmt: str = "csv",
    *,
    excel: bool = False,
) -> None:
    """Write rows to a text stream as ``table``, ``csv``, ``json`` (a list) or ``jsonl``.

    ``names`` are the columns, in order. ``excel`` starts CSV with a byte-order mark, so
    that spreadsheet programs read it as UTF-8. An unknown format is a :class:`ValueError`.
    """
    if fmt == "csv":
        if excel:
            out.write("\ufeff")
        _write_csv(out, names, data)
    elif fmt == "table":
        _write_table(out, names, data)
    elif fmt == "json":
        ordered = [{column: row.get(column) for column in names} for row in data]
        out.write(dumps_json(ordered, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in data:
            out.write(dumps_json({column: row.get(column) for column in names}) + "\n")
    else:
        msg = f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}"
        raise ValueError(msg)
