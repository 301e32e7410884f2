"""The ``cqcmodel`` command: parse, check and tabulate folders of saved assessment pages.

Data goes to stdout, diagnostics to stderr as ``path:line:col: message``. Exit status: 0 when
all input was read, 1 for bad input (a file that does not parse, two files that disagree, a
missing path; with ``check --strict`` also a warning), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import enum
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final

from ._version import __version__
from .checks import (
    Diagnostic,
    Severity,
    set_aside_warnings,
    summary_discrepancies,
    wording_warnings,
)
from .collect import (
    FINDING_COLUMNS,
    SCORE_COLUMNS,
    Loaded,
    find_files,
    load_all,
    rows,
)
from .errors import CqcModelError
from .framework import STATEMENTS, statement_by_id
from .model import Authority

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "FIGURE_COLUMNS",
    "INITIATIVE_COLUMNS",
    "PROGRESS_THRESHOLD",
    "build_parser",
    "main",
]

#: Exit status: everything was read.
EXIT_OK: Final = 0
#: Exit status: some input could not be used (and, with ``check --strict``, warnings).
EXIT_BAD_INPUT: Final = 1
#: Exit status: the command line itself is wrong (argparse's own status).
EXIT_USAGE: Final = 2

#: More files than this, with stderr a terminal, show a progress bar on stderr.
PROGRESS_THRESHOLD: Final = 200

_EXAMPLES: Final = """\
examples:
  cqcmodel scores examples/data                    league table of the sample pages
  cqcmodel scores --format csv pages/ > scores.csv one row per authority, for a spreadsheet
  cqcmodel check --strict pages/                   fail on parse errors and wording warnings
  cqcmodel findings --statement safeguarding pages/
  cqcmodel parse --format jsonl pages/ > reports.jsonl
  cqcmodel initiatives --format csv pages/ > initiatives.csv

exit status: 0 all input read, 1 bad input, 2 usage error
"""


class _BadInputError(Exception):
    """A problem with the input that ends the command with :data:`EXIT_BAD_INPUT`."""


# --- output helpers --------------------------------------------------------------------------


def _plain(value: object) -> Any:
    """A JSON-ready value: dates as ISO strings, exact decimals as numbers, enums as values."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _dumps(data: object, *, indent: int | None = None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent, default=_plain)


def _cell(value: object) -> str:
    """A value as text in a table or CSV cell (empty for ``None``)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, list | tuple):
        return ", ".join(_cell(item) for item in value)
    return str(value)


def _write_csv(out: IO[str], columns: Sequence[str], data: Iterable[Mapping[str, object]]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in data:
        writer.writerow([_cell(row.get(column)) for column in columns])


def _write_json(out: IO[str], data: Iterable[Mapping[str, object]]) -> None:
    out.write(_dumps(list(data), indent=2) + "\n")


def _write_jsonl(out: IO[str], data: Iterable[Mapping[str, object]]) -> None:
    for row in data:
        out.write(_dumps(row) + "\n")


def _write_table(
    out: IO[str], columns: Sequence[str], data: Iterable[Mapping[str, object]]
) -> None:
    """An aligned table: text columns left-aligned, number columns right-aligned."""
    cells = [[_cell(row.get(column)) for column in columns] for row in data]
    numeric = [
        all(isinstance(row.get(column), int | Decimal | type(None)) for row in data)
        and any(row.get(column) is not None for row in data)
        for column in columns
    ]
    widths = [
        max([len(column), *(len(line[index]) for line in cells)])
        for index, column in enumerate(columns)
    ]

    def line(values: Sequence[str]) -> str:
        parts = [
            value.rjust(width) if right else value.ljust(width)
            for value, width, right in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out.write(line(columns) + "\n")
    for values in cells:
        out.write(line(values) + "\n")


def _write(out: IO[str], fmt: str, columns: Sequence[str], data: list[dict[str, Any]]) -> None:
    if fmt == "table":
        _write_table(out, columns, data)
    elif fmt == "csv":
        _write_csv(out, columns, data)
    elif fmt == "json":
        _write_json(out, data)
    else:
        _write_jsonl(out, data)


# --- diagnostics -----------------------------------------------------------------------------


class _Reporter:
    """Writes diagnostics to stderr, refining line numbers from the files when it can."""

    def __init__(self, err: IO[str]) -> None:
        self.err = err
        self.errors = 0
        self.warnings = 0
        self._lines: dict[str, list[str]] = {}

    def report(self, diagnostic: Diagnostic) -> None:
        diagnostic = self._locate(diagnostic)
        if diagnostic.severity is Severity.ERROR:
            self.errors += 1
            self.err.write(f"{diagnostic}\n")
        else:
            self.warnings += 1
            self.err.write(f"{diagnostic.location}: warning: {diagnostic.message}\n")

    def note(self, message: str) -> None:
        self.err.write(f"note: {message}\n")

    def _locate(self, diagnostic: Diagnostic) -> Diagnostic:
        """Point a diagnostic about one published text at that text's own line and column."""
        if diagnostic.text is None or diagnostic.source is None:
            return diagnostic
        lines = self._file_lines(diagnostic.source)
        start = (diagnostic.line or 1) - 1
        for index in range(max(0, start), len(lines)):
            column = lines[index].find(diagnostic.text)
            if column >= 0:
                return Diagnostic(
                    severity=diagnostic.severity,
                    message=diagnostic.message,
                    source=diagnostic.source,
                    line=index + 1,
                    column=column + 1,
                    text=diagnostic.text,
                )
        return diagnostic

    def _file_lines(self, source: str) -> list[str]:
        if source not in self._lines:
            try:
                text = Path(source).read_text("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                text = ""
            self._lines[source] = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return self._lines[source]


class _Progress:
    """A one-line progress bar on stderr, shown for many files when stderr is a terminal."""

    WIDTH: Final = 30

    def __init__(self, err: IO[str]) -> None:
        self.err = err
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if total <= PROGRESS_THRESHOLD or not _isatty(self.err):
            return
        percent = 100 * done // total
        if percent == self.shown:
            return
        self.shown = percent
        filled = self.WIDTH * done // total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.err.write(f"\r[{bar}] {done}/{total} files")
        if done == total:
            self.err.write("\n")
        self.err.flush()


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _load(paths: Sequence[str], reporter: _Reporter) -> Loaded:
    """Read the paths, reporting every problem; raise :class:`_BadInputError` for none at all."""
    for path in paths:
        if not os.path.exists(path):
            raise _BadInputError(f"{path}: no such file or folder")
        if os.path.isdir(path) and not find_files([path]):
            raise _BadInputError(f"{path}: no .txt files in this folder")
    loaded = load_all(paths, progress=_Progress(reporter.err))
    for error in loaded.errors:
        reporter.report(Diagnostic.from_error(error))
    return loaded


# --- subcommands -----------------------------------------------------------------------------


def _cmd_parse(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
    from .extract import (  # noqa: PLC0415 - extraction loads only when asked for
        extract_figures,
        extract_initiatives,
        extract_organisations,
    )
    from .serialise import unstructure  # noqa: PLC0415 - cattrs loads only for JSON output

    loaded = _load(args.paths, reporter)
    items = []
    for record in loaded.records:
        authority = record.authority
        extracted = {
            "initiatives": [unstructure(item) for item in extract_initiatives(authority)],
            "organisations": [unstructure(item) for item in extract_organisations(authority)],
            "figures": [unstructure(item) for item in extract_figures(authority)],
        }
        items.append(
            {
                "authority": unstructure(authority),
                "pages": dict(record.pages),
                "extracted": extracted,
            }
        )
    if args.format == "jsonl":
        for item in items:
            out.write(_dumps(item) + "\n")
    else:
        out.write(_dumps(items, indent=2) + "\n")


def _cmd_check(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
    loaded = _load(args.paths, reporter)
    for record in loaded.records:
        diagnostics = wording_warnings(record.authority, sources=record.pages)
        diagnostics += summary_discrepancies(record.authority, sources=record.pages)
        diagnostics += set_aside_warnings(*record.parts)
        for diagnostic in diagnostics:
            reporter.report(diagnostic)
    files = len(loaded.files)
    reporter.err.write(
        f"{files} file{'s' * (files != 1)}, {len(loaded.records)} "
        f"record{'s' * (len(loaded.records) != 1)}: {reporter.errors} "
        f"error{'s' * (reporter.errors != 1)}, {reporter.warnings} "
        f"warning{'s' * (reporter.warnings != 1)}\n"
    )
    if args.strict and reporter.warnings:
        raise _BadInputError("")


def _cmd_scores(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
    loaded = _load(args.paths, reporter)
    for record in loaded.records:
        authority = record.authority
        overall = authority.overall()
        name = authority.name or f"{authority.source} (no title line)"
        if overall is not None and overall.scored < len(STATEMENTS):
            reporter.note(
                f"{name}: rating and percentage from {overall.scored} of "
                f"{len(STATEMENTS)} statement scores"
            )
    data = rows(loaded.authorities, "scores")
    for row, authority in zip(data, loaded.authorities, strict=True):
        row["authority"] = _label(authority, args.format)
    _write(out, args.format, SCORE_COLUMNS, data)


def _label(authority: Authority, fmt: str) -> str | None:
    """The authority column: its name; in a table, the file name of a record without one."""
    if authority.name is None and fmt == "table":
        return f"({Path(authority.source or '<string>').name})"
    return authority.name


def _cmd_findings(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
    loaded = _load(args.paths, reporter)
    data = rows(loaded.authorities, "findings")
    if args.statement is not None:
        data = [row for row in data if row["statement"] == args.statement]
    _write(out, args.format, FINDING_COLUMNS, data)


#: Columns of ``cqcmodel initiatives``.
INITIATIVE_COLUMNS: Final = ("name", "kind", "acronym", "authority", "statements", "mentions")

#: Columns of ``cqcmodel figures``.
FIGURE_COLUMNS: Final = (
    "authority",
    "statement",
    "paragraph",
    "value",
    "unit",
    "previous",
    "comparator",
    "england_average",
    "source",
    "year",
    "text",
)


def _code(statement_id: int | None) -> str | None:
    return statement_by_id(statement_id).code if statement_id is not None else None


def _cmd_initiatives(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
    from .extract import extract_initiatives  # noqa: PLC0415 - extraction loads on use

    loaded = _load(args.paths, reporter)
    data: list[dict[str, Any]] = [
        {
            "name": initiative.name,
            "kind": initiative.kind.value,
            "acronym": initiative.acronym,
            "authority": _label(authority, args.format),
            "statements": [
                _code(number) for number in initiative.statement_ids if number is not None
            ],
            "mentions": len(initiative.mentions),
        }
        for authority in loaded.authorities
        for initiative in extract_initiatives(authority)
    ]
    _write(out, args.format, INITIATIVE_COLUMNS, data)


def _cmd_figures(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
    from .extract import extract_figures  # noqa: PLC0415 - extraction loads on use

    loaded = _load(args.paths, reporter)
    data: list[dict[str, Any]] = [
        {
            "authority": _label(authority, args.format),
            "statement": _code(figure.mention.statement_id),
            "paragraph": figure.mention.finding_index + 1,
            "value": figure.value,
            "unit": figure.unit,
            "previous": figure.previous,
            "comparator": figure.comparator.value if figure.comparator else None,
            "england_average": figure.england_average,
            "source": figure.source,
            "year": figure.year,
            "text": figure.mention.text,
        }
        for authority in loaded.authorities
        for figure in extract_figures(authority)
    ]
    _write(out, args.format, FIGURE_COLUMNS, data)


# --- the parser ------------------------------------------------------------------------------


def _paths_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a saved page (.txt, any name) or a folder searched recursively for *.txt",
    )


def _format_argument(parser: argparse.ArgumentParser, choices: Sequence[str]) -> None:
    parser.add_argument(
        "--format",
        choices=choices,
        default=choices[0],
        help=f"output format (default: {choices[0]})",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``cqcmodel`` command."""
    parser = argparse.ArgumentParser(
        prog="cqcmodel",
        description=(
            "Parse CQC local authority assessment pages (saved web page or PDF text, one "
            "file per page or per report) into one record per authority, check them, and "
            "print tables. Data goes to stdout; diagnostics go to stderr as "
            "path:line:col: message."
        ),
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cqcmodel {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(
        name: str, summary: str, examples: str, handler: Callable[..., None]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=f"examples:\n{examples}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(handler=handler)
        return sub

    sub = command(
        "parse",
        "print each authority as JSON: the model, its files and what extraction finds",
        "  cqcmodel parse examples/data/ealing\n"
        "  cqcmodel parse --format jsonl pages/ > reports.jsonl\n",
        _cmd_parse,
    )
    _format_argument(sub, ("json", "jsonl"))
    _paths_argument(sub)

    sub = command(
        "check",
        "parse every file and report problems; exit 1 if any file fails",
        "  cqcmodel check pages/\n  cqcmodel check --strict pages/ && echo all clean\n",
        _cmd_check,
    )
    sub.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (wording that differs from the framework, a summary that "
        "contradicts its scores) as failures",
    )
    _paths_argument(sub)

    sub = command(
        "scores",
        "print the league table: one row per authority with its rating and nine scores",
        "  cqcmodel scores examples/data\n  cqcmodel scores --format csv pages/ > scores.csv\n",
        _cmd_scores,
    )
    _format_argument(sub, ("table", "csv", "json"))
    _paths_argument(sub)

    sub = command(
        "findings",
        "print the key-findings paragraphs, one row each",
        "  cqcmodel findings --statement safeguarding pages/\n"
        "  cqcmodel findings --format jsonl pages/ > findings.jsonl\n",
        _cmd_findings,
    )
    _format_argument(sub, ("csv", "jsonl"))
    sub.add_argument(
        "--statement",
        metavar="CODE",
        choices=[info.code for info in STATEMENTS],
        help="only this statement's findings: " + ", ".join(info.code for info in STATEMENTS),
    )
    _paths_argument(sub)

    sub = command(
        "initiatives",
        "print the named initiatives the findings mention: services, boards, funds, plans …",
        "  cqcmodel initiatives examples/data\n"
        "  cqcmodel initiatives --format csv pages/ > initiatives.csv\n",
        _cmd_initiatives,
    )
    _format_argument(sub, ("table", "csv", "json"))
    _paths_argument(sub)

    sub = command(
        "figures",
        "print the figures the findings report: percentages, money, times, counts",
        "  cqcmodel figures examples/data\n  cqcmodel figures --format json pages/\n",
        _cmd_figures,
    )
    _format_argument(sub, ("table", "csv", "json"))
    _paths_argument(sub)
    return parser


# --- entry point -----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``cqcmodel`` command with ``argv`` (default: ``sys.argv[1:]``); return its status.

    Argument errors exit with status 2 through argparse (as :class:`SystemExit`).
    """
    args = build_parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    reporter = _Reporter(err)
    try:
        args.handler(args, out, reporter)
        out.flush()
    except _BadInputError as problem:
        if str(problem):
            err.write(f"{problem}\n")
        return EXIT_BAD_INPUT
    except CqcModelError as error:
        reporter.report(Diagnostic.from_error(error))
        return EXIT_BAD_INPUT
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            _silence_stdout()
            return EXIT_OK
        reporter.report(Diagnostic.from_error(error))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    return EXIT_BAD_INPUT if reporter.errors else EXIT_OK


def _silence_stdout() -> None:
    """After a closed pipe (``cqcmodel … | head``), keep Python from complaining at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
