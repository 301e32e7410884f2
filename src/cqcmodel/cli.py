"""The ``cqcmodel`` command: parse, check, render and tabulate folders of saved assessment pages.

Data goes to stdout, diagnostics to stderr as ``path:line:col: message``. Exit status: 0 when
all input was read, 1 for bad input (a file that does not parse, two files that disagree, a
missing path; with ``check --strict`` also a warning), 2 for a usage error.

Each subcommand is one handler function and one entry of :data:`COMMANDS`, which says which
option groups it takes; each group is declared once, in an ``_add_*`` function.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, Final, TypeVar

import attrs

from ._version import __version__
from .checks import (
    Diagnostic,
    Severity,
    council_warnings,
    missing_councils,
    set_aside_warnings,
    summary_discrepancies,
    title_warnings,
    wording_warnings,
)
from .collect import Loaded, Record, load_all
from .councils import Council, council, councils
from .errors import CqcModelError, NoFilesError, ParseError
from .export import FORMATS, GROUP_COLUMNS, Row, columns, dumps_json, group_rows, rows, write
from .framework import StatementInfo
from .model import Authority, lookup_statement
from .readers import positioned_text
from .readers._decode import text_encoding

__all__ = [
    "COMMANDS",
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "PROGRESS_THRESHOLD",
    "Command",
    "OptionAdder",
    "build_parser",
    "main",
]

_T = TypeVar("_T")

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
  cqcmodel scores --excel --all-councils pages/ > national.csv
  cqcmodel check --strict pages/                   fail on parse errors and wording warnings
  cqcmodel findings --statement safeguarding --council Ealing pages/
  cqcmodel parse --format jsonl pages/ > reports.jsonl
  cqcmodel render --authority Hillingdon - < page.txt

exit status: 0 all input read, 1 bad input, 2 usage error
"""


class _BadInputError(Exception):
    """A problem with the input that ends the command with :data:`EXIT_BAD_INPUT`."""


# --- diagnostics -----------------------------------------------------------------------------


class _Reporter:
    """Writes diagnostics to stderr, refining line numbers from the files when it can."""

    def __init__(self, err: IO[str]) -> None:
        self.err = err
        self.errors = 0
        self.warnings = 0
        self._lines: dict[str, list[str]] = {}
        #: Where diagnostics go as JSON Lines instead of text on ``err`` (``check --format``).
        self.json: IO[str] | None = None

    def report(self, diagnostic: Diagnostic) -> None:
        diagnostic = self._locate(diagnostic)
        if diagnostic.severity is Severity.ERROR:
            self.errors += 1
        else:
            self.warnings += 1
        if self.json is not None:
            self.json.write(dumps_json(attrs.asdict(diagnostic)) + "\n")
        elif diagnostic.severity is Severity.ERROR:
            self.err.write(f"{diagnostic}\n")
        else:
            location = f"{diagnostic.location}: " if diagnostic.location else ""
            self.err.write(f"{location}warning: {diagnostic.message}\n")

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
                return attrs.evolve(diagnostic, line=index + 1, column=column + 1)
        return diagnostic

    def _file_lines(self, source: str) -> list[str]:
        """The file's lines (an archive's page's), decoded as the readers decode it.

        None when it cannot be read.
        """
        if source not in self._lines:
            try:
                text = positioned_text(
                    Path(source).read_bytes(), source=source, suffix=Path(source).suffix
                )
            except (OSError, CqcModelError):
                text = ""
            self._lines[source] = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return self._lines[source]


class _Progress:
    """A one-line progress bar on stderr, shown for many files when stderr is a terminal."""

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
        self.err.write(f"\r{_bar(done, total)} files")
        if done == total:
            self.err.write("\n")
        self.err.flush()


def _bar(done: int, total: int, width: int = 30) -> str:
    """``[#####-----] done/total``: the progress bar both file reading and fetching show."""
    filled = width * done // max(total, 1)
    return f"[{'#' * filled}{'-' * (width - filled)}] {done}/{total}"


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# --- input and filters -----------------------------------------------------------------------


def _load(args: argparse.Namespace, reporter: _Reporter) -> Loaded:
    """Read the paths, reporting every problem; raise :class:`_BadInputError` for none at all."""
    try:
        loaded = load_all(
            args.paths,
            encoding=args.encoding,
            authority=args.authority,
            progress=_Progress(reporter.err),
        )
    except NoFilesError as empty:
        raise _BadInputError(str(empty)) from None
    except FileNotFoundError as missing:
        raise _BadInputError(f"{missing.filename}: {missing.strerror}") from None
    for error in loaded.errors:
        reporter.report(Diagnostic.from_error(error))
    for skipped in loaded.skipped:
        reporter.note(f"{skipped.path}: not read: {skipped.reason}")
    return loaded


def _records(args: argparse.Namespace, reporter: _Reporter) -> list[Record]:
    """The records read, only those of the ``--council`` councils when given."""
    records = list(_load(args, reporter).records)
    if args.council:
        records = [record for record in records if record.authority.council in args.council]
    return records


def _only_statement(record: Record, info: StatementInfo | None) -> Record | None:
    """The record with only the ``--statement`` page (``None`` when it has none)."""
    if info is None:
        return record
    page = record.authority.statement(info.id)
    if page is None:
        return None
    authority = attrs.evolve(
        record.authority, about=None, summary=None, statements=(page,), page_dates=()
    )
    pages = {key: file for key, file in record.pages.items() if key == info.code}
    return attrs.evolve(record, authority=authority, pages=pages)


def _keep_row(row: Row, args: argparse.Namespace) -> bool:
    """Whether a row passes ``--council`` and ``--statement``."""
    if args.council and row.get("ons_code") not in {item.ons_code for item in args.council}:
        return False
    info: StatementInfo | None = args.statement
    if info is None:
        return True
    if "statement" in row:
        return row["statement"] == info.code
    if "statements" in row:
        codes = row["statements"]
        return isinstance(codes, list) and info.code in codes
    return row.get(info.code) is not None


def _label(row: Row) -> Row:
    """In a table, a record without a title line shows its file name in brackets."""
    if row.get("authority") is None:
        files = row.get("sources")
        first = files[0] if isinstance(files, list) and files else row.get("file")
        if first:
            return {**row, "authority": f"({Path(str(first)).name})"}
    return row


# --- subcommands -----------------------------------------------------------------------------


def _cmd_parse(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
    from .extract import (  # noqa: PLC0415 - extraction loads only when asked for
        extract_figures,
        extract_initiatives,
        extract_organisations,
    )
    from .serialise import unstructure  # noqa: PLC0415 - cattrs loads only for JSON output

    items = []
    for found in _records(args, reporter):
        record = _only_statement(found, args.statement)
        if record is None:
            continue
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
            out.write(dumps_json(item) + "\n")
    else:
        out.write(dumps_json(items, indent=2) + "\n")


def _cmd_render(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
    from .renderer import render  # noqa: PLC0415 - loads on use

    texts = []
    for found in _records(args, reporter):
        record = _only_statement(found, args.statement)
        if record is not None:
            texts.append(render(record.authority))
    out.write("\n".join(texts))


def _cmd_check(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
    if args.format == "jsonl":
        reporter.json = out
    try:
        loaded = _load(args, reporter)
    except _BadInputError as nothing:  # no file at all: a tool reading stdout is told too
        if reporter.json is not None:
            reporter.report(Diagnostic(severity=Severity.ERROR, message=str(nothing)))
        raise
    records = [
        record
        for record in loaded.records
        if not args.council or record.authority.council in args.council
    ]
    for found in records:
        record = _only_statement(found, args.statement)
        if record is None:
            continue
        diagnostics = wording_warnings(record.authority, sources=record.pages)
        diagnostics += title_warnings(record.authority, sources=record.pages)
        diagnostics += summary_discrepancies(record.authority, sources=record.pages)
        diagnostics += council_warnings(record.authority, sources=record.pages)
        diagnostics += set_aside_warnings(*record.parts)
        for diagnostic in diagnostics:
            reporter.report(diagnostic)
    # With nothing read, or one council's pages, a list of every other council says nothing.
    if args.council or len(records) > 1:
        _note_missing(reporter, [record.authority for record in records], args.council)
    files, count, folders = len(loaded.files), len(records), len(loaded.skipped)
    unread = f" ({folders} folder{'s' * (folders != 1)} not read)" if folders else ""
    reporter.err.write(
        f"{files} file{'s' * (files != 1)}{unread}, {count} record{'s' * (count != 1)}: "
        f"{reporter.errors} error{'s' * (reporter.errors != 1)}, {reporter.warnings} "
        f"warning{'s' * (reporter.warnings != 1)}\n"
    )
    if args.strict and reporter.warnings:
        raise _BadInputError("")


def _note_missing(
    reporter: _Reporter, authorities: list[Authority], wanted: list[Council] | None
) -> None:
    """Notes listing the councils (of the 153, or of ``--council``) with no pages read."""
    missing = missing_councils(authorities, among=wanted or None)
    if not missing:
        return
    total = len(wanted) if wanted else len(councils())
    reporter.note(f"{len(missing)} of {total} councils have no pages here:")
    for item in missing:
        reporter.note(f"  no pages for {item.name} ({item.ons_code}, {item.region})")


def _listing(kind: str) -> Callable[[argparse.Namespace, IO[str], _Reporter], None]:
    """The handler of a listing command: rows of ``kind``, filtered, in the chosen format."""

    def handler(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
        if getattr(args, "group", False):
            grouped = group_rows(_authorities(args, reporter), kind)
            write(out, grouped, GROUP_COLUMNS, args.format, excel=args.excel)
            return
        loaded = _load(args, reporter)
        all_councils = bool(getattr(args, "all_councils", False))
        data = [
            row
            for row in rows(loaded.authorities, kind, all_councils=all_councils)
            if _keep_row(row, args)
        ]
        if args.format == "table":
            data = [_label(row) for row in data]
        write(out, data, columns(kind), args.format, excel=args.excel)

    handler.__doc__ = f"Print the {kind} rows."
    return handler


# --- fetch -----------------------------------------------------------------------------------


class _FetchProgress:
    """``[####----] 12/40 pages`` on stderr while fetching, when stderr is a terminal."""

    def __init__(self, err: IO[str]) -> None:
        self.err = err
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not _isatty(self.err):
            return
        self.err.write(f"\r{_bar(done, total)} pages")
        self.err.flush()
        self.shown = True

    def end(self) -> None:
        if self.shown:
            self.err.write("\n")
            self.shown = False


def _cmd_fetch(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
    from .fetching import FetchError, OutDirError, fetch  # noqa: PLC0415 - web extra on use

    if not args.reports and not args.all:
        args.usage_error("name a REPORT to fetch, or give --all")
    progress = _FetchProgress(reporter.err)
    try:
        result = fetch(
            args.reports,
            all=args.all,
            out_dir=args.out,
            base_url=args.base_url,
            delay=args.delay,
            refresh=args.refresh,
            timeout=args.timeout,
            retries=args.retries,
            progress=progress,
        )
    except OutDirError as error:
        args.usage_error(f"--out {error.problem}: {args.out}")  # exits with EXIT_USAGE
        return
    except FetchError as error:
        args.usage_error(str(error))  # exits with EXIT_USAGE
        return
    except KeyboardInterrupt:
        progress.end()
        reporter.err.write(
            f"interrupted: the pages saved in {args.out} are whole; "
            "the same command fetches the rest\n"
        )
        raise
    finally:
        progress.end()
    for failure in result.failed:
        reporter.err.write(f"{failure.url}: {failure.reason}\n")
    reporter.err.write(
        f"{len(result.reports)} report{'s' * (len(result.reports) != 1)}: "
        f"{len(result.saved)} pages saved, "
        f"{len(result.skipped)} already saved, {len(result.failed)} failed "
        f"({result.requests} requests) in {result.out_dir}\n"
    )
    if result.failed:
        raise _BadInputError("")


def _add_fetch_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "reports",
        nargs="*",
        metavar="REPORT",
        help="a report's address or its last path segment (hillingdon-1224, Hounslow1)",
    )
    sub.add_argument("--all", action="store_true", help="every report the listing links to")
    sub.add_argument("--out", required=True, metavar="DIR", help="the folder to save pages in")
    sub.add_argument(
        "--base-url",
        default="https://www.cqc.org.uk",
        metavar="URL",
        help="the site to fetch from: the CQC website (default) or a copy of it",
    )
    sub.add_argument(
        "--delay",
        type=_seconds,
        default=1.0,
        metavar="SECONDS",
        help="time between requests (default: 1.0; longer if robots.txt asks)",
    )
    sub.add_argument(
        "--timeout",
        type=_seconds,
        default=30.0,
        metavar="SECONDS",
        help="how long one request may take (default: 30)",
    )
    sub.add_argument(
        "--retries", type=int, default=3, metavar="N", help="tries after the first (default: 3)"
    )
    sub.add_argument(
        "--refresh", action="store_true", help="fetch again pages that are already saved"
    )


# --- report and plot -------------------------------------------------------------------------


def _authorities(args: argparse.Namespace, reporter: _Reporter) -> list[Authority]:
    """The authorities read, filtered by ``--council`` and ``--statement``."""
    records = [_only_statement(record, args.statement) for record in _records(args, reporter)]
    return [record.authority for record in records if record is not None]


def _read_some(args: argparse.Namespace, reporter: _Reporter, target: str) -> list[Authority]:
    """:func:`_authorities`, refusing to write ``target`` empty when none was read."""
    authorities = _authorities(args, reporter)
    if not authorities:
        raise _BadInputError(f"{target}: not written, as no authority was read")
    return authorities


def _cmd_report(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
    from .site import MissingExtraError, report  # noqa: PLC0415 - Jinja2 loads on use

    authorities = _read_some(args, reporter, args.out)
    try:
        index = report(authorities, args.out)
    except MissingExtraError as error:
        raise _BadInputError(str(error)) from error
    count = len(authorities)
    reporter.err.write(
        f"wrote {index} and {count} authority page{'s' * (count != 1)}: "
        "open index.html in a browser\n"
    )


def _add_report_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--out", required=True, metavar="DIR", help="folder to write (created if missing)"
    )


def _cmd_plot(args: argparse.Namespace, out: IO[str], reporter: _Reporter) -> None:
    from . import plot  # noqa: PLC0415 - matplotlib loads on use
    from .site import MissingExtraError  # noqa: PLC0415

    if Path(args.output).suffix.lower() not in {".png", ".svg"}:
        raise _BadInputError(f"{args.output}: a plot is written as .png or .svg")
    authorities = _read_some(args, reporter, args.output)
    draw = plot.heatmap if args.kind == "heatmap" else plot.ratings
    try:
        plot.save(draw(authorities), args.output)
    except MissingExtraError as error:
        raise _BadInputError(str(error)) from error
    reporter.err.write(f"wrote {args.output}\n")


def _add_plot_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("kind", choices=("heatmap", "ratings"), help="which plot")
    sub.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="file to write: .png or .svg"
    )


# --- the parser ------------------------------------------------------------------------------


def _argument_type(convert: Callable[[str], _T], message: str | None = None) -> Callable[[str], _T]:
    """An argparse ``type=``: ``convert(text)``, a ``ValueError`` or ``LookupError`` a usage error.

    The error says ``message`` (``{text!r}`` filled in) or, without one, the error's own words
    (an unknown council or statement lists the closest ones).
    """

    def checked(text: str) -> _T:
        try:
            return convert(text)
        except (ValueError, LookupError) as error:
            said = str(error) if message is None else message.format(text=text)
            raise argparse.ArgumentTypeError(said) from None

    return checked


def _to_seconds(text: str) -> float:
    value = float(text)
    if not value >= 0:  # also refuses nan
        raise ValueError(text)
    return value


def _known_encoding(text: str) -> str:
    """``text`` when it names a text encoding (:func:`~cqcmodel.readers._decode.text_encoding`)."""
    try:
        text_encoding(text)
    except ParseError as refused:
        raise ValueError(refused.message) from None
    return text


_statement_type: Final = _argument_type(lookup_statement)
_council_type: Final = _argument_type(council)
#: A number of seconds, 0 or more (for ``--delay`` and ``--timeout``).
_seconds: Final = _argument_type(_to_seconds, "{text!r} is not a number of seconds")
#: A text encoding Python knows (for ``--encoding``), kept as the user wrote it.
_encoding_type: Final = _argument_type(_known_encoding)


def _add_paths(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a saved page (any name), a folder searched recursively, a glob pattern, "
        "or - for standard input",
    )


def _add_common(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--council",
        action="append",
        type=_council_type,
        metavar="NAME",
        help="only this council (a name in any usual form, or an ONS code); repeatable",
    )
    sub.add_argument(
        "--statement",
        type=_statement_type,
        metavar="STATEMENT",
        help="only this quality statement: its id (1-9), code (needs, …) or title, any case",
    )
    sub.add_argument(
        "--authority",
        metavar="NAME",
        help="the council of pages without a title line (a page whose title names "
        "another council is an error)",
    )
    sub.add_argument(
        "--encoding",
        type=_encoding_type,
        help="read every file in this encoding, such as cp1252 (default: detected)",
    )


def _add_listing(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--format", choices=FORMATS, default=None, help="output format (default: table)"
    )
    sub.add_argument(
        "--excel",
        action="store_true",
        help="CSV in UTF-8 with a byte-order mark, as spreadsheet programs expect "
        "(implies --format csv)",
    )


#: Adds a group of options to a subcommand's parser.
OptionAdder = Callable[[argparse.ArgumentParser], None]


def _flag(name: str, help_text: str) -> OptionAdder:
    """An option group of one on/off option (``store_true``), declared by its name and help."""

    def add(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(name, action="store_true", help=help_text)

    add.__doc__ = f"Add ``{name}``."
    return add


def _format(choices: tuple[str, ...], help_text: str) -> OptionAdder:
    """An option group of one ``--format`` option: ``choices``, the first the default."""

    def add(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--format", choices=choices, default=choices[0], help=help_text)

    add.__doc__ = f"Add ``--format`` ({', '.join(choices)})."
    return add


_add_check_format: Final = _format(
    ("text", "jsonl"),
    "text: diagnostics on stderr as path:line:col (default); jsonl: one JSON object "
    "per diagnostic on stdout (severity, message, source, line, column, text)",
)
_add_parse_format: Final = _format(("json", "jsonl"), "output format (default: json)")
_add_group: Final = _flag(
    "--group",
    "one row per initiative or organisation across councils (by canonical key), "
    "with how many councils mention it",
)
_add_strict: Final = _flag(
    "--strict",
    "treat warnings (wording that differs from the framework, a summary that "
    "contradicts its scores, a title naming no known council) as failures",
)
_add_all_councils: Final = _flag(
    "--all-councils", "add an empty row for each of the 153 councils the input lacks"
)


@attrs.frozen
class Command:
    """One subcommand: its handler, help, examples and the options it takes.

    A command that ``reads_pages`` also takes the page paths and the options every such
    command shares (``--council``, ``--statement``, ``--authority``, ``--encoding``); one that
    does not (a command that saves pages, say) declares all its arguments in ``options``.
    """

    #: Called with the parsed arguments, stdout and the diagnostics reporter.
    handler: Callable[[argparse.Namespace, IO[str], Any], None]
    #: One line for ``--help``.
    summary: str
    #: Example command lines, one per line.
    examples: str
    #: Functions adding the command's own options, in the order shown.
    options: tuple[OptionAdder, ...] = ()
    #: Whether the command reads pages (``PATH...`` and the shared options).
    reads_pages: bool = True


#: The subcommands, in the order ``--help`` lists them.
COMMANDS: Final[dict[str, Command]] = {
    "scores": Command(
        _listing("scores"),
        "print the league table: one row per authority, published and computed ratings, "
        "nine scores",
        "cqcmodel scores examples/data\ncqcmodel scores --excel --all-councils pages/ > t.csv",
        (_add_listing, _add_all_councils),
    ),
    "findings": Command(
        _listing("findings"),
        "print the key-findings paragraphs, one row each, with file and line",
        "cqcmodel findings --statement safeguarding pages/\n"
        "cqcmodel findings --format jsonl pages/ > findings.jsonl",
        (_add_listing,),
    ),
    "initiatives": Command(
        _listing("initiatives"),
        "print the named initiatives the findings mention: services, boards, funds, plans …",
        "cqcmodel initiatives examples/data\ncqcmodel initiatives --format csv pages/\n"
        "cqcmodel initiatives --group pages/",
        (_add_listing, _add_group),
    ),
    "organisations": Command(
        _listing("organisations"),
        "print the organisations the findings mention: NHS bodies, providers, charities …",
        "cqcmodel organisations examples/data\ncqcmodel organisations --format json pages/\n"
        "cqcmodel organisations --group pages/",
        (_add_listing, _add_group),
    ),
    "figures": Command(
        _listing("figures"),
        "print the figures the findings report: percentages, money, times, counts",
        "cqcmodel figures examples/data\ncqcmodel figures --format json pages/",
        (_add_listing,),
    ),
    "check": Command(
        _cmd_check,
        "parse every file and report problems and missing councils; exit 1 if any file fails",
        "cqcmodel check pages/\ncqcmodel check --strict pages/ && echo all clean\n"
        "cqcmodel check --format jsonl pages/ > problems.jsonl",
        (_add_strict, _add_check_format),
    ),
    "parse": Command(
        _cmd_parse,
        "print each authority as JSON: the model, its files and what extraction finds",
        "cqcmodel parse examples/data/ealing\ncqcmodel parse --format jsonl pages/ > reports.jsonl",
        (_add_parse_format,),
    ),
    "fetch": Command(
        _cmd_fetch,
        "save reports' pages from the CQC website into a folder: polite, resumable, whole",
        "cqcmodel fetch --out pages hillingdon-1224 Hounslow1\n"
        "cqcmodel fetch --all --out pages && cqcmodel scores pages",
        (_add_fetch_options,),
        reads_pages=False,
    ),
    "render": Command(
        _cmd_render,
        "print each authority in the canonical text layout",
        "cqcmodel render examples/data/ealing\ncqcmodel render --authority Hillingdon - < page.txt",
    ),
    "report": Command(
        _cmd_report,
        "write a static site: the league table as a heat map, and each report's findings "
        "with initiatives, organisations and figures highlighted",
        "cqcmodel report examples/data --out site\ncqcmodel report pages/ --out /tmp/cqc",
        (_add_report_options,),
    ),
    "plot": Command(
        _cmd_plot,
        "draw a plot as PNG or SVG: heatmap (councils × the nine scores) or ratings "
        "(how many authorities have each rating)",
        "cqcmodel plot heatmap examples/data -o heatmap.png\n"
        "cqcmodel plot ratings pages/ -o ratings.svg",
        (_add_plot_options,),
    ),
}


class _VersionAction(argparse.Action):
    """``--version``: the version and whether extraction runs compiled.

    Telling the build imports extraction, so it is done only when asked, not for every command.
    """

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        from .extract import COMPILED  # noqa: PLC0415 - only when asked

        build = "compiled" if COMPILED else "pure Python"
        sys.stdout.write(f"cqcmodel {__version__} ({build})\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``cqcmodel`` command, built from :data:`COMMANDS`."""
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
    parser.add_argument(
        "--version", action=_VersionAction, help="show the version and build, and exit"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, command in COMMANDS.items():
        examples = "".join(f"  {line}\n" for line in command.examples.splitlines())
        sub = commands.add_parser(
            name,
            help=command.summary,
            description=command.summary,
            epilog=f"examples:\n{examples}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(handler=command.handler, sub_parser=sub, usage_error=sub.error)
        for option in command.options:
            option(sub)
        if command.reads_pages:
            _add_common(sub)
            _add_paths(sub)
    return parser


def _settle_format(args: argparse.Namespace) -> None:
    """``--excel`` means CSV; a listing without ``--format`` is a table."""
    if not hasattr(args, "excel"):
        return
    if args.excel and args.format not in (None, "csv"):
        args.sub_parser.error(
            "--excel writes CSV: it cannot be combined with --format " + args.format
        )
    if args.format is None:
        args.format = "csv" if args.excel else "table"


# --- entry point -----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``cqcmodel`` command with ``argv`` (default: ``sys.argv[1:]``); return its status.

    Argument errors exit with status 2 through argparse (as :class:`SystemExit`).
    """
    args = build_parser().parse_args(argv)
    _settle_format(args)
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
            return EXIT_BAD_INPUT if reporter.errors else EXIT_OK
        reporter.report(Diagnostic.from_error(error))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    return EXIT_BAD_INPUT if reporter.errors else EXIT_OK


def _silence_stdout() -> None:
    """After a closed pipe (``cqcmodel … | head``), keep Python from complaining at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
