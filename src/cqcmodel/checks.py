"""Checks beyond parsing: departing wording, disagreeing summaries, lines set aside.

Nothing here raises for what real pages publish: every finding is a
:class:`~cqcmodel.Diagnostic`, located at ``source:line:column`` so editors and CI logs can
jump to it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping

import attrs

from .councils import Council, council, councils
from .errors import ConflictError, CqcModelError, ParseError, UnknownCouncilError
from .framework import STATEMENTS, fold
from .model import Authority, QualityStatement, Summary, overall_for

__all__ = [
    "Diagnostic",
    "Severity",
    "council_warnings",
    "missing_councils",
    "set_aside_warnings",
    "summary_discrepancies",
    "title_warnings",
    "wording_warnings",
]


class Severity(enum.Enum):
    """How serious a diagnostic is."""

    #: The input cannot be used as it is (it does not parse, or two files disagree).
    ERROR = "error"
    #: The input is usable but departs from what is expected (wording, inconsistent figures).
    WARNING = "warning"


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One problem found in a page, with where it is: ``str()`` gives ``path:line:col: message``."""

    severity: Severity
    message: str
    #: The file (``None`` for text given as a string, shown as ``<string>``).
    source: str | None = None
    #: 1-based line of the page element concerned (``None`` when unknown, shown as 1).
    line: int | None = None
    #: 1-based column (``None`` when unknown, shown as 1).
    column: int | None = None
    #: The published text the diagnostic is about, when it is one line's text: lets a tool
    #: find the exact line in the file.
    text: str | None = None

    def __str__(self) -> str:
        location = self.location
        return f"{location}: {self.message}" if location else self.message

    @property
    def location(self) -> str:
        """``path:line:col``; just ``path`` when the line is unknown, ``""`` with neither."""
        if self.line is None:
            return self.source or ""
        return f"{self.source or '<string>'}:{self.line}:{self.column or 1}"

    @classmethod
    def from_error(cls, error: CqcModelError | OSError) -> Diagnostic:
        """The diagnostic for an error met while loading (parse, conflict or read error)."""
        if isinstance(error, ParseError | ConflictError):
            return cls(
                severity=Severity.ERROR,
                message=error.message,
                source=error.source,
                line=error.line,
                column=error.column,
            )
        if isinstance(error, OSError):
            return cls(
                severity=Severity.ERROR,
                message=error.strerror or str(error),
                source=str(error.filename) if error.filename is not None else None,
            )
        return cls(
            severity=Severity.ERROR,
            message=str(error),
            source=getattr(error, "source", None),
        )


def _source(authority: Authority, sources: Mapping[str, str] | None, key: str) -> str | None:
    if sources is not None and key in sources:
        return sources[key]
    return authority.source


def _key(statement: QualityStatement) -> str:
    return statement.code or fold(statement.title)


# --- wording ---------------------------------------------------------------------------------


def wording_warnings(
    authority: Authority, *, sources: Mapping[str, str] | None = None
) -> tuple[Diagnostic, ...]:
    """Warnings for "What people expect" and commitment texts that differ from the framework's.

    Texts are compared after :func:`~cqcmodel.framework.fold` (typography, case, hyphens
    inside words), so curly quotes around pilot I-statements, ``co-ordinated`` and a curly
    apostrophe are not deviations; statement 6's first line, which runs the safeguarding
    I-statement on, counts as canonical, and so do both published wordings of statement 7's
    commitment. A missing final full stop or a changed word is a warning. ``sources`` maps
    page keys (:func:`cqcmodel.collect.page_key`) to files, for merged authorities; otherwise
    :attr:`~cqcmodel.Authority.source` names the file.
    """
    result: list[Diagnostic] = []
    for statement in authority.statements:
        info = statement.info
        if info is None:
            continue
        source = _source(authority, sources, _key(statement))
        published = [
            (piece, "this I-statement", info.i_statements) for piece in statement.i_statements
        ]
        if statement.commitment is not None:
            published.append((statement.commitment, "the commitment", info.we_statements))
        for text, what, canonical in published:
            if fold(text) in {fold(item) for item in canonical}:
                continue
            expected = _closest(text, canonical)
            result.append(
                Diagnostic(
                    severity=Severity.WARNING,
                    message=(
                        f"{info.title}: {what} differs from the framework's"
                        f"{_difference(text, expected)}: {_shorten(text)!r}"
                    ),
                    source=source,
                    line=statement.line,
                    text=text,
                )
            )
    return tuple(result)


#: Every title the framework publishes a statement under.
_TITLES = tuple(title for info in STATEMENTS for title in info.titles)


def title_warnings(
    authority: Authority, *, sources: Mapping[str, str] | None = None
) -> tuple[Diagnostic, ...]:
    """Warnings for statement titles the framework does not know, and summary items unscored.

    A page or a summary item under an unknown title is read (the framework may grow), but it
    joins no column of the national table, so a typo ("Safeguardin") must not pass unseen; the
    warning names the closest known title. A summary item without its ``Score:`` line has no
    score to count.
    """
    items: list[tuple[str, int | None, str | None, str]] = [
        (statement.title, statement.line, _source(authority, sources, _key(statement)), "page")
        for statement in authority.statements
        if statement.info is None
    ]
    summary = authority.summary
    summary_source = _source(authority, sources, "summary")
    for item in summary.statement_scores if summary is not None else ():
        if item.statement_id is None:
            items.append((item.title, item.line, summary_source, "summary item"))
        elif item.score is None:
            items.append((item.title, item.line, summary_source, "unscored"))
    return tuple(
        Diagnostic(
            severity=Severity.WARNING,
            message=(
                f"the summary lists {title!r} without a score"
                if what == "unscored"
                else f"{what} title {title!r} is none of the framework's nine statements"
                f" (closest: {_closest_title(title)!r})"
            ),
            source=source,
            line=line,
            text=title,
        )
        for title, line, source, what in items
    )


def _closest_title(title: str) -> str:
    """The framework title most like ``title`` (difflib on folded text: "Safe guarding")."""
    import difflib  # noqa: PLC0415 - only for a title that is none of the nine

    folded = {fold(known): known for known in _TITLES}
    close = difflib.get_close_matches(fold(title), list(folded), n=1, cutoff=0.0)
    return folded[close[0]] if close else _TITLES[0]


def _closest(text: str, candidates: tuple[str, ...]) -> str | None:
    """The candidate sharing the longest folded prefix with ``text``."""
    if not candidates:
        return None
    folded = fold(text)
    return max(candidates, key=lambda candidate: _common_prefix(folded, fold(candidate)))


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def _difference(text: str, expected: str | None) -> str:
    """A short phrase saying where ``text`` departs from ``expected`` (folded words)."""
    if expected is None:
        return " (the statement has no I-statements)"
    folded, wanted = fold(text), fold(expected)
    if wanted.startswith(folded) and wanted[len(folded) :].strip() == ".":
        return " (no final full stop)"
    at = _common_prefix(folded, wanted)
    if at == 0:
        return " (it starts differently)"
    if at == len(folded):
        return f" (it stops before {_first_word(wanted[at:])!r})"
    if at == len(wanted):
        return f" ({_first_word(folded[at:])!r} follows the framework's text)"
    start = folded.rfind(" ", 0, at) + 1
    got, want = _first_word(folded[start:]), _first_word(wanted[start:])
    return f" ({got!r} where the framework has {want!r})"


def _first_word(text: str) -> str:
    words = text.split()
    return words[0] if words else text


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- summary consistency ---------------------------------------------------------------------


def summary_discrepancies(
    authority: Authority, *, sources: Mapping[str, str] | None = None
) -> tuple[Diagnostic, ...]:
    """Where the published summary disagrees with itself or with the statement pages.

    Three checks: each score in the summary list against the statement page's score; and,
    when all nine statements have a known score (statement page's, else the summary's), the
    published percentage and rating against the ones :meth:`~cqcmodel.Authority.overall`
    computes. Real summaries do contradict themselves (a published 70% for scores summing to
    25/36 = 69%): these are warnings, located at the summary's lines. (A published rating
    outside its own percentage's band cannot occur here: the parser and the model refuse it.)
    """
    summary = authority.summary
    if summary is None:
        return ()
    source = _source(authority, sources, "summary")
    result: list[Diagnostic] = []

    def warn(message: str, line: int | None) -> None:
        result.append(
            Diagnostic(severity=Severity.WARNING, message=message, source=source, line=line)
        )

    for item in summary.statement_scores:
        statement_id = item.statement_id
        page = authority.statement(statement_id) if statement_id is not None else None
        if page is None or page.score is None or item.score is None:
            continue
        if page.score != item.score:
            where = _source(authority, sources, _key(page)) or "<string>"
            warn(
                f"the summary scores {item.title!r} {item.score.value}, its statement page "
                f"({where}:{page.line or 1}:1) {page.score.value}",
                item.line,
            )
    _check_overall(authority, summary, warn)
    return tuple(result)


def _check_overall(
    authority: Authority, summary: Summary, warn: Callable[[str, int | None], None]
) -> None:
    """Compare the published overall figures with the computed ones, when all are scored."""
    scores = authority.scores()
    if len(scores) < len(STATEMENTS):
        return
    overall = overall_for(scores.values())
    assert overall is not None
    basis = f"{overall.total}/{overall.maximum}"
    if summary.percentage is not None and summary.percentage != overall.percentage:
        warn(
            f"the published {summary.percentage}% differs from the {overall.percentage}% "
            f"the statement scores give ({basis})",
            summary.line,
        )
    if summary.rating is not None and summary.rating != overall.rating:
        warn(
            f"the published rating {summary.rating.value!r} differs from "
            f"{overall.rating.value!r}, the band of the {overall.percentage}% the statement "
            f"scores give ({basis})",
            summary.line,
        )


# --- councils --------------------------------------------------------------------------------


def council_warnings(
    authority: Authority, *, sources: Mapping[str, str] | None = None
) -> tuple[Diagnostic, ...]:
    """A warning for a record whose council is unknown: no title line, or a title naming none.

    Such a record cannot be joined to other data by ONS code. A title the registry
    (:func:`~cqcmodel.council`) cannot resolve is not an error: the council may be new, or
    the title written in a form the registry does not know; the warning names the closest
    councils. A page without a title line can be named with ``--authority``.
    """
    if authority.council is not None:
        return ()
    source = next(iter(sources.values()), None) if sources else None
    source = source or authority.source
    if authority.name is None:
        message = "no title line, so no council: name it with --authority (or authority=)"
    else:
        try:
            council(authority.name)
        except UnknownCouncilError as error:
            message = f"the title names no council in the registry: {error}"
        else:
            return ()
    return (Diagnostic(severity=Severity.WARNING, message=message, source=source, line=1),)


def missing_councils(
    authorities: Iterable[Authority], *, among: Iterable[Council] | None = None
) -> tuple[Council, ...]:
    """The councils (of the 153, or of ``among``) that none of ``authorities`` is, by ONS code."""
    present = {authority.council for authority in authorities}
    wanted = councils() if among is None else tuple(among)
    return tuple(item for item in wanted if item not in present)


# --- set-aside lines -------------------------------------------------------------------------


def set_aside_warnings(*authorities: Authority) -> tuple[Diagnostic, ...]:
    """A warning for every source line the readers or the parser set aside, in source order.

    Nothing is dropped silently: a line that is not report content (site or page furniture, a
    line the parser could not place) is kept in :attr:`~cqcmodel.Authority.set_aside`, and
    this reports each one at its own line of the authority's
    :attr:`~cqcmodel.Authority.source`. Pass the parsed files of a merged record
    (:attr:`cqcmodel.collect.Record.parts`) to have each line located in its own file.
    """
    return tuple(
        Diagnostic(
            severity=Severity.WARNING,
            message=f"set aside, not read as content ({entry.reason}): {_shorten(entry.text)!r}",
            source=authority.source,
            line=entry.line,
            column=entry.column,
            text=entry.text,
        )
        for authority in authorities
        for entry in sorted(authority.set_aside, key=lambda entry: (entry.line, entry.column))
    )
