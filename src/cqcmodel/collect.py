"""Many files → one record per authority: find, parse and merge saved pages, and flatten them.

A report is published as several web pages, and users save them one per file (or the PDF's
text in one file). :func:`~cqcmodel.load` reads files and folders, parses each file and
merges the pages of one authority (matched on the folded title-line name) into one
:class:`~cqcmodel.Authority` that keeps every file it was read from
(:attr:`~cqcmodel.Authority.sources`). Tables are made from the result by
:mod:`cqcmodel.export`.
"""

from __future__ import annotations

import glob
import importlib
import itertools
import os
import re
import sys
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Final, TypeAlias

import attrs

from .councils import find_council
from .errors import (
    ConflictError,
    CqcModelError,
    EmptyPathError,
    NoFilesError,
    ParseError,
    SourceNotFoundError,
)
from .framework import STATEMENTS, fold
from .model import About, Authority, PageDates, QualityStatement, Summary

__all__ = [
    "STDIN",
    "Loaded",
    "Record",
    "Skipped",
    "find_files",
    "load",
    "load_all",
    "merge",
    "page_key",
    "page_sources",
    "with_authority",
]

#: What :func:`~cqcmodel.load` and :func:`~cqcmodel.collect.load_all` accept: one path, or several.
Paths: TypeAlias = "str | os.PathLike[str] | Iterable[str | os.PathLike[str]]"

#: The path that names standard input (read as bytes, like a file).
STDIN: Final = "-"

_Page: TypeAlias = "About | Summary | QualityStatement"

_GLOB: Final = re.compile(r"[*?[]")

#: Names that moved to :mod:`cqcmodel.export`, still importable from here.
_MOVED: Final = frozenset({"FINDING_COLUMNS", "KINDS", "SCORE_COLUMNS", "published", "rows"})


def __getattr__(name: str) -> Any:
    """The table names that moved to :mod:`cqcmodel.export`, for code that imports them here."""
    if name in _MOVED:
        return getattr(importlib.import_module(".export", __package__), name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


# --- finding files ---------------------------------------------------------------------------


#: The file name suffixes folder walks read: page text, saved web pages, PDFs, single-file
#: web archives.
_REPORT_SUFFIXES: Final = frozenset(
    {".txt", ".html", ".htm", ".pdf", ".mhtml", ".mht", ".webarchive"}
)
#: The suffixes of a web page a browser saves "complete", with a folder of its resources.
_SAVED_PAGE_SUFFIXES: Final = (".html", ".htm", ".xhtml", ".shtml")
#: How browsers name that folder after the page (``Report.html`` → ``Report_files``): the
#: English name every browser uses, and the localised ones of Internet Explorer (German,
#: French).
_RESOURCE_FOLDER_ENDINGS: Final = ("_files", "-Dateien", "_fichiers")


@attrs.frozen(kw_only=True)
class Skipped:
    """A folder a folder walk did not read, and why: what is left out is never silent."""

    #: The folder, as the walk found it (under the folder given).
    path: str
    #: Why it was not read.
    reason: str


def find_files(paths: Paths) -> list[Path]:
    """The files to read: each file as given, and every report file under each folder.

    Report files are those named ``*.txt``, ``*.html``, ``*.htm`` or ``*.pdf`` (any case).

    Folders are searched recursively, in sorted path order; files and folders whose names start
    with ``.`` are skipped inside them, and so is the folder of resources a browser saves
    beside a web page saved "complete" (``Report_files`` beside ``Report.html``: the page's
    frames, adverts and scripts, never a report; :attr:`Loaded.skipped` lists them). A file
    named twice is read once. A path that does not exist raises :class:`FileNotFoundError`.
    """
    return _find(paths)[0]


def _find(paths: Paths) -> tuple[list[Path], list[Skipped]]:
    """:func:`find_files`, and the folders the walks skipped (hidden ones apart)."""
    result: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    for path in _as_paths(paths, skipped):
        if path.is_dir():
            found = _walk(path, skipped)
        elif path.exists():
            found = [path]
        else:
            raise SourceNotFoundError(os.fspath(path))
        for candidate in found:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                result.append(candidate)
    return result, skipped


def _walk(folder: Path, skipped: list[Skipped]) -> list[Path]:
    """The report files under ``folder``, in sorted path order; skipped folders added."""
    found: list[Path] = []
    for top, folders, files in os.walk(folder):
        here = Path(top)
        kept = []
        for name in sorted(folders):
            if name.startswith("."):
                continue
            page = _page_of_resources(name, files)
            if page is None:
                kept.append(name)
            else:
                skipped.append(_skipped(here / name, page))
        folders[:] = kept
        found.extend(
            here / name
            for name in files
            if not name.startswith(".")
            and os.path.splitext(name)[1].lower() in _REPORT_SUFFIXES
            and (here / name).is_file()
        )
    return sorted(found, key=lambda candidate: candidate.as_posix())


def _page_of_resources(folder: str, files: list[str]) -> str | None:
    """The saved web page among ``files`` whose resources ``folder`` holds, if any."""
    for ending in _RESOURCE_FOLDER_ENDINGS:
        if folder.casefold().endswith(ending.casefold()) and len(folder) > len(ending):
            stem = folder[: -len(ending)].casefold()
            for name in sorted(files):
                base, suffix = os.path.splitext(name)
                if base.casefold() == stem and suffix.lower() in _SAVED_PAGE_SUFFIXES:
                    return name
    return None


def _as_paths(paths: Paths, skipped: list[Skipped]) -> list[Path]:
    """The paths given, with glob patterns (``pages/*/*.txt``) expanded in sorted order.

    A pattern that matches nothing raises :class:`FileNotFoundError`, as a missing path does.
    A pattern whose last part names no suffix (``pages/*``) matches folders and report files
    only, as a folder walk does: a README beside the pages is not a page. What a pattern
    matches in a saved web page's resource folder is skipped, as a walk skips it (added to
    ``skipped``), unless the pattern names that folder itself.
    """
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    result: list[Path] = []
    for path in given:
        text = os.fspath(path)
        if not text:
            raise EmptyPathError
        if os.path.exists(text) or not _GLOB.search(text):
            result.append(Path(text))
            continue
        matches = sorted(glob.glob(text, recursive=True))
        problem = "no file or folder matches this pattern"
        if matches and "." not in os.path.basename(text):
            matches = [match for match in matches if _page_or_folder(match)]
            problem = (
                "no page file (.txt, .html, .htm, .pdf, .mhtml, .mht, .webarchive) or folder "
                "matches this pattern"
            )
        if matches:
            matches = _outside_resources(matches, _literal_base(text), skipped)
            problem = "the pattern matches only the resources of saved web pages"
        if not matches:
            raise SourceNotFoundError(text, problem)
        result.extend(Path(match) for match in matches)
    return result


def _literal_base(pattern: str) -> Path:
    """The folder a pattern's matches are under: its leading parts without wildcards."""
    parts = Path(pattern).parts
    fixed = list(itertools.takewhile(lambda part: not _GLOB.search(part), parts))
    return Path(*fixed) if fixed else Path()


def _outside_resources(matches: list[str], base: Path, skipped: list[Skipped]) -> list[str]:
    """``matches`` but those in a resource folder below ``base`` (each such folder noted)."""
    kept = []
    noted = {entry.path for entry in skipped}
    for match in matches:
        found = _resource_folder_above(Path(match), base)
        if found is None:
            kept.append(match)
        elif found.path not in noted:
            noted.add(found.path)
            skipped.append(found)
    return kept


def _resource_folder_above(path: Path, base: Path) -> Skipped | None:
    """The resource folder that ``path`` is (or is in), below ``base``; ``None`` if none."""
    for folder in [path, *path.parents][: len(path.parts) - len(base.parts)]:
        if folder.is_dir():
            page = _page_of_resources(folder.name, os.listdir(folder.parent))
            if page is not None:
                return _skipped(folder, page)
    return None


def _skipped(folder: Path, page: str) -> Skipped:
    reason = f"the resources of the saved web page {page!r}, not a report"
    return Skipped(path=os.fspath(folder), reason=reason)


def _page_or_folder(match: str) -> bool:
    return os.path.isdir(match) or Path(match).suffix.lower() in _REPORT_SUFFIXES


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
    #: Folders the folder walks did not read (:func:`~cqcmodel.collect.find_files`).
    skipped: tuple[Skipped, ...] = ()

    @property
    def authorities(self) -> list[Authority]:
        """The merged authorities, in record order."""
        return [record.authority for record in self.records]


def load(
    paths: Paths, *, encoding: str | None = None, authority: str | None = None
) -> list[Authority]:
    """Parse files and folders into one :class:`~cqcmodel.Authority` each.

    ``paths`` is a path, a glob pattern (``pages/*/*.txt``) or several; folders are searched
    recursively (:func:`~cqcmodel.collect.find_files`) and ``-`` reads standard input.
    Pages of the same authority are merged — the same council by the registry
    (:attr:`~cqcmodel.Authority.council`: "Westminster City Council" and "City of
    Westminster" are one), else the same title-line name compared after
    :func:`~cqcmodel.framework.fold`: statements in framework order, the summary
    and the about page attached, the ``Published:`` lines of all pages kept, and every file
    kept on :attr:`~cqcmodel.Authority.sources` (:attr:`~cqcmodel.Authority.source` is the
    first). Pages without a title line have no authority name and stay separate records,
    unless ``authority`` names the council of such pages (:func:`with_authority`). Records
    are ordered by authority name (casefolded); unnamed ones come last, in path order.
    The folder of resources a browser saves beside a web page (``Report_files`` beside
    ``Report.html``) is not read: :attr:`~cqcmodel.collect.Loaded.skipped` lists such folders.
    ``encoding`` overrides the detected encoding of every file; one that is no text encoding
    raises :class:`~cqcmodel.ParseError` before any file is read.

    One rule for input that holds no pages, shared with the command line: a folder without
    page files raises :class:`~cqcmodel.errors.NoFilesError`, a path or pattern that names
    nothing raises :class:`FileNotFoundError`. Otherwise raises the first problem met, in
    path order: a :class:`~cqcmodel.ParseError` for a file that does not parse, a
    :class:`~cqcmodel.ConflictError` naming both files when two pages disagree (two
    different scores for one statement, two different summaries or about pages), an
    :class:`OSError` for a file that cannot be read. :func:`~cqcmodel.collect.load_all`
    returns every problem together with whatever could be loaded, and is what to call to
    read a folder where some files may be bad.
    """
    loaded = load_all(paths, encoding=encoding, authority=authority)
    if loaded.errors:
        raise loaded.errors[0]
    return loaded.authorities


def load_all(
    paths: Paths,
    *,
    encoding: str | None = None,
    authority: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Loaded:
    """Like :func:`~cqcmodel.load`, but collect problems instead of raising them.

    Files that fail are left out; where two pages disagree the one read first is kept.
    ``progress`` is called as ``progress(done, total)`` after each file. An empty folder or
    a path that names nothing still raises, as in :func:`~cqcmodel.load`: there is nothing
    to collect.
    """
    from .readers._decode import text_encoding  # noqa: PLC0415 - as the readers load

    files, skipped = _files_to_read(paths)
    if encoding is not None:
        text_encoding(encoding, source=os.fspath(files[0]) if files else None)
    parts: list[Authority] = []
    errors: list[CqcModelError | OSError] = []
    for done, path in enumerate(files, start=1):
        try:
            part = _parse_path(path, encoding)
            parts.append(part if authority is None else with_authority(part, authority))
        except (CqcModelError, OSError) as error:
            errors.append(error)
        if progress is not None:
            progress(done, len(files))
    records, conflicts = merge(parts)
    return Loaded(
        records=tuple(records),
        files=tuple(os.fspath(path) for path in files),
        errors=(*errors, *conflicts),
        skipped=tuple(skipped),
    )


def _files_to_read(paths: Paths) -> tuple[list[Path], list[Skipped]]:
    """:func:`_find` for every path but ``-`` (read last); a folder without pages fails."""
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    named = [path for path in given if os.fspath(path) != STDIN]
    for path in named:
        if os.path.isdir(path) and not find_files(path):
            raise NoFilesError(os.fspath(path))
    files, skipped = _find(named) if named else ([], [])
    if len(named) < len(given):
        files.append(Path(STDIN))
    return files, skipped


def _parse_path(path: Path, encoding: str | None) -> Authority:
    from .parser import parse_file, parse_read  # noqa: PLC0415 - lark loads only when read
    from .readers import read_bytes  # noqa: PLC0415

    if os.fspath(path) == STDIN:
        read = read_bytes(sys.stdin.buffer.read(), source="<stdin>", encoding=encoding)
        return parse_read(read)
    return parse_file(path, encoding=encoding)


#: An ONS code, as ``--authority`` may give it.
_ONS_CODE: Final = re.compile(r"E\d{8}", re.IGNORECASE)


def with_authority(authority: Authority, name: str) -> Authority:
    """Name the council of a page that has no title line: ``authority`` with ``name`` set.

    A page whose title line names the same council (by the registry, else by
    :func:`~cqcmodel.framework.fold`) is returned unchanged; one that names another council
    is a :class:`~cqcmodel.ParseError` at its first line.
    """
    if not name.strip() or "\n" in name:
        msg = f"an authority name is one non-empty line, not {name!r}"
        raise ValueError(msg)
    if authority.name is None:
        # An ONS code names no one on a page: the record takes the council's formal name.
        council = find_council(name) if _ONS_CODE.fullmatch(name.strip()) else None
        return attrs.evolve(authority, name=council.formal_name if council else name.strip())
    if _same_authority(authority.name, name):
        return authority
    msg = f"the title names {authority.name!r}, but the authority was given as {name!r}"
    raise ParseError(msg, line=1, column=1, source=authority.source)


def _same_authority(first: str, second: str) -> bool:
    council = find_council(first)
    if council is not None:
        return council == find_council(second)
    return fold(first) == fold(second)


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

    Parts of one council (by the registry) merge whatever form of its name their titles
    use; parts whose title names no known council merge on the folded name.

    ``parts`` are taken in the order they were read; where two disagree, the first is kept.
    """
    groups: dict[str, list[Authority]] = {}
    unnamed: list[Authority] = []
    for part in parts:
        if part.name is None:
            unnamed.append(part)
        else:
            groups.setdefault(_merge_key(part, part.name), []).append(part)
    records: list[Record] = []
    conflicts: list[ConflictError] = []
    for group in groups.values():
        record, found = _merge_group(group)
        records.append(record)
        conflicts.extend(found)
    records.sort(key=lambda record: (record.authority.name or "").casefold())
    for part in unnamed:
        single = attrs.evolve(part, sources=_sources_of([part]))
        records.append(_remember(Record(authority=single, pages=_pages_of(part), parts=(part,))))
    return records, conflicts


def _merge_key(part: Authority, name: str) -> str:
    """Pages of one council merge: by its ONS code when the registry knows it, else by name."""
    council = part.council
    return council.ons_code if council is not None else fold(name)


def _source(part: Authority) -> str:
    return part.source or (part.sources[0] if part.sources else "<string>")


def _sources_of(parts: Iterable[Authority]) -> tuple[str, ...]:
    """Every source of ``parts``, each once, in the order read."""
    found: dict[str, None] = {}
    for part in parts:
        for source in part.sources or ((part.source,) if part.source else ()):
            found.setdefault(source, None)
    return tuple(found)


#: The page → file map of each authority :func:`merge` built, by identity; entries go with
#: the authority (a weak reference), so an equal authority read elsewhere keeps its own.
_PAGE_SOURCES: dict[int, Mapping[str, str]] = {}


def _remember(record: Record) -> Record:
    key = id(record.authority)
    _PAGE_SOURCES[key] = record.pages
    weakref.finalize(record.authority, _PAGE_SOURCES.pop, key, None)
    return record


def page_sources(authority: Authority) -> dict[str, str]:
    """The file each page of ``authority`` was read from, by :func:`page_key`.

    Exact for an authority :func:`~cqcmodel.load` merged from several files; otherwise every
    page maps to :attr:`~cqcmodel.Authority.source` (``<string>`` for parsed text).
    """
    known = _PAGE_SOURCES.get(id(authority))
    if known is not None:
        return dict(known)
    return _pages_of(authority)


def _pages_of(part: Authority) -> dict[str, str]:
    return {page_key(page): _source(part) for page in _pages(part)}


def _record_name(group: list[Authority]) -> str | None:
    """The name most of a record's parts give; among equals the longest (the formal form).

    The parts name one council, perhaps in several forms ("Hillingdon" given with
    ``--authority``, "London Borough of Hillingdon" on title lines): the choice does not
    depend on the order of the files.
    """
    names = Counter(part.name for part in group if part.name is not None)
    if not names:
        return None
    return min(names, key=lambda name: (-names[name], -len(name), name))


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
        name=_record_name(group),
        indicative=any(part.indicative for part in group),
        page_dates=_page_dates(group, len(pages)),
        about=about,
        summary=summary,
        statements=tuple(statements),
        source=first_part.source,
        sources=_sources_of(group),
        set_aside=tuple(entry for part in group for entry in part.set_aside),
    )
    order = [page_key(page) for page in _pages(authority)]
    sources = {key: _source(kept[key][1]) for key in order}
    return _remember(Record(authority=authority, pages=sources, parts=tuple(group))), conflicts


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
