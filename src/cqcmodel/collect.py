"""Many files → one record per authority: find, parse and merge saved pages, and flatten them.

A report is published as several web pages, and users save them one per file (or the PDF's
text in one file). :func:`~cqcmodel.load` reads files and folders, parses each file and
merges the pages of one authority (matched on the folded title-line name) into one
:class:`~cqcmodel.Authority`. :func:`~cqcmodel.rows` flattens authorities into plain
dictionaries for CSV writers and dataframes.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Final, TypeAlias

import attrs

from .errors import ConflictError, CqcModelError
from .framework import STATEMENTS, fold
from .model import About, Authority, PageDates, QualityStatement, Summary

__all__ = [
    "FINDING_COLUMNS",
    "KINDS",
    "SCORE_COLUMNS",
    "Loaded",
    "Record",
    "find_files",
    "load",
    "load_all",
    "merge",
    "page_key",
    "published",
    "rows",
]

#: What :func:`~cqcmodel.load` and :func:`~cqcmodel.collect.load_all` accept: one path, or several.
Paths: TypeAlias = "str | os.PathLike[str] | Iterable[str | os.PathLike[str]]"

#: The kinds of rows :func:`~cqcmodel.rows` produces.
KINDS: Final = ("scores", "findings")

#: Columns of a ``scores`` row, in order: the nine statement codes follow in framework order.
SCORE_COLUMNS: Final[tuple[str, ...]] = (
    "authority",
    "published",
    "rating",
    "percentage",
    *(info.code for info in STATEMENTS),
)

#: Columns of a ``findings`` row, in order.
FINDING_COLUMNS: Final[tuple[str, ...]] = ("authority", "statement", "heading", "paragraph", "text")

#: A value in a row: plain Python data (``published`` is a :class:`datetime.date`).
Cell: TypeAlias = "str | int | dt.date | None"

_Page: TypeAlias = "About | Summary | QualityStatement"


# --- finding files ---------------------------------------------------------------------------


#: The file name suffixes folder walks read: page text, saved web pages, PDFs.
_REPORT_SUFFIXES: Final = frozenset({".txt", ".html", ".htm", ".pdf"})


def find_files(paths: Paths) -> list[Path]:
    """The files to read: each file as given, and every report file under each folder.

    Report files are those named ``*.txt``, ``*.html``, ``*.htm`` or ``*.pdf`` (any case).

    Folders are searched recursively, in sorted path order; files and folders whose names start
    with ``.`` are skipped inside them. A file named twice is read once. A path that does not
    exist raises :class:`FileNotFoundError`.
    """
    result: list[Path] = []
    seen: set[Path] = set()
    for path in _as_paths(paths):
        if path.is_dir():
            found = sorted(
                (
                    candidate
                    for candidate in path.rglob("*")
                    if candidate.suffix.lower() in _REPORT_SUFFIXES
                    and candidate.is_file()
                    and not _hidden(candidate.relative_to(path))
                ),
                key=lambda candidate: candidate.as_posix(),
            )
        elif path.exists():
            found = [path]
        else:
            raise FileNotFoundError(2, "no such file or folder", os.fspath(path))
        for candidate in found:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                result.append(candidate)
    return result


def _as_paths(paths: Paths) -> list[Path]:
    if isinstance(paths, str | os.PathLike):
        return [Path(paths)]
    return [Path(path) for path in paths]


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


# --- loading and merging ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Record:
    """One merged authority and the file each of its pages came from."""

    authority: Authority
    #: :func:`~cqcmodel.collect.page_key` of each page (``"about"``, ``"summary"``, a
    #: statement code) → its file, in page order (about, summary, statements by framework id).
    pages: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    #: The parsed files merged into :attr:`authority`, in the order they were read.
    parts: tuple[Authority, ...] = ()


@attrs.frozen(kw_only=True)
class Loaded:
    """Everything :func:`~cqcmodel.collect.load_all` read: records, files and every problem."""

    records: tuple[Record, ...]
    #: The files read, in the order they were read.
    files: tuple[str, ...]
    #: Files that did not parse (:class:`~cqcmodel.ParseError`), could not be read
    #: (:class:`OSError`) or disagree with another (:class:`~cqcmodel.ConflictError`).
    errors: tuple[CqcModelError | OSError, ...]

    @property
    def authorities(self) -> list[Authority]:
        """The merged authorities, in record order."""
        return [record.authority for record in self.records]


def load(paths: Paths, *, encoding: str | None = None) -> list[Authority]:
    """Parse files and folders (see :func:`find_files`) into one :class:`~cqcmodel.Authority` each.

    Pages of the same authority (the same name on their title lines, compared after
    :func:`~cqcmodel.framework.fold`) are merged: statements in framework order, the summary
    and the about page attached, the ``Published:`` lines of all pages kept. Pages without a
    title line have no authority name and stay separate records. Records are ordered by
    authority name (casefolded); unnamed ones come last, in path order.

    Raises the first problem met, in path order: a
    :class:`~cqcmodel.ParseError` for a file that does not parse, a
    :class:`~cqcmodel.ConflictError` naming both files when two pages disagree (two
    different scores for one statement, two different summaries or about pages), an
    :class:`OSError` for a file that cannot be read. :func:`~cqcmodel.collect.load_all`
    returns every problem together with whatever could be loaded.
    """
    loaded = load_all(paths, encoding=encoding)
    if loaded.errors:
        raise loaded.errors[0]
    return loaded.authorities


def load_all(
    paths: Paths,
    *,
    progress: Callable[[int, int], None] | None = None,
    encoding: str | None = None,
) -> Loaded:
    """Like :func:`~cqcmodel.load`, but collect problems instead of raising them.

    Files that fail are left out; where two pages disagree the one read first is kept.
    ``progress`` is called as ``progress(done, total)`` after each file. ``encoding``
    overrides every file's detected encoding (see :func:`~cqcmodel.parse_file`).
    """
    files = find_files(paths)
    parts: list[Authority] = []
    errors: list[CqcModelError | OSError] = []
    from .parser import parse_file  # noqa: PLC0415 - lark loads only when files are read

    for done, path in enumerate(files, start=1):
        try:
            parts.append(parse_file(path, encoding=encoding))
        except (CqcModelError, OSError) as error:
            errors.append(error)
        if progress is not None:
            progress(done, len(files))
    records, conflicts = merge(parts)
    return Loaded(
        records=tuple(records),
        files=tuple(os.fspath(path) for path in files),
        errors=(*errors, *conflicts),
    )


def page_key(page: About | Summary | QualityStatement) -> str:
    """The key of a page within one authority: ``about``, ``summary`` or the statement code.

    A statement title the framework does not know is keyed by its folded title.
    """
    if isinstance(page, About):
        return "about"
    if isinstance(page, Summary):
        return "summary"
    return page.code or fold(page.title)


def merge(parts: Iterable[Authority]) -> tuple[list[Record], list[ConflictError]]:
    """Merge parsed files into one record per authority, with the conflicts found.

    ``parts`` are taken in the order they were read; where two disagree, the first is kept.
    """
    groups: dict[str, list[Authority]] = {}
    unnamed: list[Authority] = []
    for part in parts:
        if part.name is None:
            unnamed.append(part)
        else:
            groups.setdefault(fold(part.name), []).append(part)
    records: list[Record] = []
    conflicts: list[ConflictError] = []
    for group in groups.values():
        record, found = _merge_group(group)
        records.append(record)
        conflicts.extend(found)
    records.sort(key=lambda record: (record.authority.name or "").casefold())
    records.extend(Record(authority=part, pages=_pages_of(part), parts=(part,)) for part in unnamed)
    return records, conflicts


def _source(part: Authority) -> str:
    return part.source or "<string>"


def _pages_of(part: Authority) -> dict[str, str]:
    return {page_key(page): _source(part) for page in _pages(part)}


def _merge_group(group: list[Authority]) -> tuple[Record, list[ConflictError]]:
    """Merge the parts of one named authority, keeping the first of two disagreeing pages."""
    kept: dict[str, tuple[_Page, Authority]] = {}
    conflicts: list[ConflictError] = []
    for part in group:
        for page in _pages(part):
            key = page_key(page)
            if key not in kept:
                kept[key] = (page, part)
                continue
            first, first_part = kept[key]
            if first != page:
                conflicts.append(_conflict(first, first_part, page, part))
    pages = [page for page, _ in kept.values()]
    about = next((page for page in pages if isinstance(page, About)), None)
    summary = next((page for page in pages if isinstance(page, Summary)), None)
    statements = sorted(
        (page for page in pages if isinstance(page, QualityStatement)), key=_statement_order
    )
    first_part = group[0]
    authority = Authority(
        name=first_part.name,
        indicative=any(part.indicative for part in group),
        page_dates=_page_dates(group, len(pages)),
        about=about,
        summary=summary,
        statements=tuple(statements),
        source=first_part.source,
    )
    order = [page_key(page) for page in _pages(authority)]
    sources = {key: _source(kept[key][1]) for key in order}
    return Record(authority=authority, pages=sources, parts=tuple(group)), conflicts


def _pages(part: Authority) -> list[_Page]:
    pages: list[_Page] = []
    if part.about is not None:
        pages.append(part.about)
    if part.summary is not None:
        pages.append(part.summary)
    pages.extend(part.statements)
    return pages


def _statement_order(statement: QualityStatement) -> tuple[int, str]:
    return (statement.statement_id or len(STATEMENTS) + 1, fold(statement.title))


def _page_dates(group: list[Authority], page_count: int) -> tuple[PageDates, ...]:
    """The distinct ``Published:`` lines of the group, about and summary pages' first.

    Parts are ordered as the pages they hold are (about, summary, then statements in
    framework order); a record holds at most one line per page.
    """

    def order(part: Authority) -> int:
        if part.about is not None:
            return 0
        if part.summary is not None:
            return 1
        ids = [statement.statement_id or len(STATEMENTS) + 1 for statement in part.statements]
        return 1 + min(ids, default=len(STATEMENTS) + 1)

    result: list[PageDates] = []
    for part in sorted(group, key=order):
        for dates in part.page_dates:
            if dates not in result:
                result.append(dates)
    return tuple(result[:page_count])


def _conflict(
    first: _Page, first_part: Authority, second: _Page, second_part: Authority
) -> ConflictError:
    sources = (_source(first_part), _source(second_part))
    lines = (first.line, second.line)
    name = second_part.name
    where = f"{sources[0]}:{lines[0] or 1}:1"
    if isinstance(first, QualityStatement) and isinstance(second, QualityStatement):
        if first.score != second.score or first.indicative != second.indicative:
            message = (
                f"two different scores for {name}'s statement {second.title!r}: "
                f"{_score_text(second)} here, {_score_text(first)} in {where}"
            )
        else:
            message = (
                f"two different versions of {name}'s statement page {second.title!r} "
                f"(the other is in {where})"
            )
    elif isinstance(first, Summary):
        message = f"two different summary pages for {name} (the other is in {where})"
    else:
        message = f"two different about pages for {name} (the other is in {where})"
    return ConflictError(message, sources=sources, lines=lines)


def _score_text(statement: QualityStatement) -> str:
    if statement.score is None:
        return "no score"
    prefix = "indicative " if statement.indicative else ""
    return f"{prefix}{statement.score.value}"


# --- rows ------------------------------------------------------------------------------------


def rows(authorities: Iterable[Authority], kind: str) -> list[dict[str, Cell]]:
    """Flatten authorities into plain dictionaries with a stable column order.

    ``scores``: one row per authority with the columns
    :data:`~cqcmodel.collect.SCORE_COLUMNS` — the name, ``published`` (the assessment's
    publication date: the about page's, else the first page date), ``rating`` (the word) and
    ``percentage`` from :meth:`~cqcmodel.Authority.overall`, and each statement's score
    (``None`` where unknown). ``findings``: one row per key-findings paragraph with the
    columns :data:`~cqcmodel.collect.FINDING_COLUMNS`; ``paragraph`` counts from 1 within its
    statement, and ``statement`` is the statement code. Suitable for :class:`csv.DictWriter`
    or ``pandas.DataFrame``. An unknown ``kind`` is a :class:`ValueError`.
    """
    if kind == "scores":
        return [_score_row(authority) for authority in authorities]
    if kind == "findings":
        return [row for authority in authorities for row in _finding_rows(authority)]
    msg = f"unknown kind of rows {kind!r}: expected one of {', '.join(KINDS)}"
    raise ValueError(msg)


def published(authority: Authority) -> dt.date | None:
    """The assessment's publication date: the about page's, else the first page date."""
    if authority.about is not None and authority.about.published is not None:
        return authority.about.published
    return authority.published


def _score_row(authority: Authority) -> dict[str, Cell]:
    overall = authority.overall()
    scores = authority.scores()
    row: dict[str, Cell] = {
        "authority": authority.name,
        "published": published(authority),
        "rating": overall.rating.value if overall else None,
        "percentage": overall.percentage if overall else None,
    }
    for info in STATEMENTS:
        score = scores.get(info.id)
        row[info.code] = int(score) if score is not None else None
    return row


def _finding_rows(authority: Authority) -> list[dict[str, Cell]]:
    result: list[dict[str, Cell]] = []
    for statement in authority.statements:
        for index, finding in enumerate(statement.findings, start=1):
            result.append(
                {
                    "authority": authority.name,
                    "statement": statement.code,
                    "heading": finding.heading,
                    "paragraph": index,
                    "text": finding.text,
                }
            )
    return result
