"""What the report shows, worked out from the model: plain values the templates only lay out.

Nothing here knows HTML except through :func:`~cqcmodel.site.marks.highlight`, which
escapes every character of a finding it marks up.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

from ..extract import (
    Figure,
    Initiative,
    Organisation,
    extract_figures,
    extract_initiatives,
    extract_organisations,
)
from ..framework import STATEMENTS, Rating, Score, StatementInfo, Theme
from ..model import Authority, Finding, QualityStatement
from .marks import Mark, highlight

__all__ = [
    "AuthorityView",
    "Cell",
    "FindingGroup",
    "IndexEntry",
    "Row",
    "StatementView",
    "ThemeAverage",
    "authority_view",
    "display_name",
    "rating_counts",
    "rows",
    "slugs",
    "statement_averages",
    "statement_view",
    "theme_averages",
]

_NOT_WORD = re.compile(r"[^a-z0-9]+")
#: Longest slug (before a ``-2`` suffix): file names stay short whatever the title.
_SLUG_LENGTH = 60


def display_name(authority: Authority) -> str:
    """The authority's name, or its source file's name for a page without a title line."""
    if authority.name is not None:
        return authority.name
    source = authority.source or (authority.sources[0] if authority.sources else "<string>")
    return f"{Path(source).name} (no title line)"


def slugs(authorities: Sequence[Authority]) -> list[str]:
    """A distinct file-name-safe slug per authority (``london-borough-of-ealing``), in order."""
    seen: Counter[str] = Counter()
    result = []
    for authority in authorities:
        source = authority.source or (authority.sources[0] if authority.sources else "")
        text = authority.name or Path(source).stem
        base = _NOT_WORD.sub("-", text.lower())[:_SLUG_LENGTH].strip("-") or "authority"
        seen[base] += 1
        result.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return result


# --- the league table ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Cell:
    """One statement's score in the heat map (``score`` ``None``: not known)."""

    info: StatementInfo
    score: Score | None
    indicative: bool


@attrs.frozen(kw_only=True)
class Row:
    """One authority's row of the league table."""

    slug: str
    name: str
    ons_code: str | None
    region: str | None
    council_type: str | None
    published_rating: Rating | None
    published_percentage: int | None
    #: Computed from the nine scores; ``None`` unless all nine are known.
    rating: Rating | None
    percentage: int | None
    scored: int
    cells: tuple[Cell, ...]

    @property
    def sort_percentage(self) -> int | None:
        """The published percentage, else the computed one: the order of plots and tables."""
        return (
            self.published_percentage
            if self.published_percentage is not None
            else (self.percentage)
        )


def _row(authority: Authority, slug: str) -> Row:
    scores = authority.scores()
    overall = authority.overall()
    complete = overall is not None and overall.scored == len(STATEMENTS)
    summary = authority.summary
    council = authority.council
    return Row(
        slug=slug,
        name=display_name(authority),
        ons_code=council.ons_code if council else None,
        region=council.region if council else None,
        council_type=str(council.council_type.value) if council else None,
        published_rating=summary.rating if summary else None,
        published_percentage=summary.percentage if summary else None,
        rating=overall.rating if overall and complete else None,
        percentage=overall.percentage if overall and complete else None,
        scored=len(scores),
        cells=tuple(
            Cell(info=info, score=scores.get(info.id), indicative=authority.indicative)
            for info in STATEMENTS
        ),
    )


def rows(authorities: Sequence[Authority]) -> list[Row]:
    """One league-table row per authority, in the order given."""
    return [_row(a, slug) for a, slug in zip(authorities, slugs(authorities), strict=True)]


@attrs.frozen(kw_only=True)
class ThemeAverage:
    """The mean of the known scores of one theme's statements across the authorities."""

    theme: Theme
    statements: tuple[StatementInfo, ...]
    mean: float | None
    count: int


def theme_averages(table: Iterable[Row]) -> list[ThemeAverage]:
    """Per theme, the mean score over every known score of its statements."""
    table = list(table)
    result = []
    for theme in Theme:
        infos = tuple(info for info in STATEMENTS if info.theme is theme)
        values = [
            int(cell.score)
            for row in table
            for cell in row.cells
            if cell.info.theme is theme and cell.score is not None
        ]
        mean = round(statistics.fmean(values), 2) if values else None
        result.append(ThemeAverage(theme=theme, statements=infos, mean=mean, count=len(values)))
    return result


def statement_averages(table: Iterable[Row]) -> list[float | None]:
    """Per statement (framework order), the mean of the known scores."""
    table = list(table)
    result: list[float | None] = []
    for index in range(len(STATEMENTS)):
        values = [int(s) for row in table if (s := row.cells[index].score) is not None]
        result.append(round(statistics.fmean(values), 2) if values else None)
    return result


def rating_counts(table: Iterable[Row]) -> list[tuple[Rating, int, int]]:
    """Per rating: how many published it, and how many have it computed from all nine scores."""
    table = list(table)
    published = Counter(row.published_rating for row in table)
    computed = Counter(row.rating for row in table)
    return [(rating, published[rating], computed[rating]) for rating in Rating]


# --- marks and the authority page ------------------------------------------------------------


def _figure_title(figure: Figure) -> str:
    value = f"{figure.value:,}" if figure.unit == "£" else f"{figure.value}"
    amount = f"£{value}" if figure.unit == "£" else f"{value} {figure.unit}".replace(" %", "%")
    extra = ""
    if figure.comparator is not None and figure.england_average is not None:
        extra = f", {figure.comparator.value} the England average of {figure.england_average}%"
    kind = figure.kind.value.replace("_", " ")
    subject = figure.subject or ""
    about = (
        f" ({subject})"
        if subject and subject.casefold() not in figure.mention.text.casefold()
        else ""
    )
    return f"{figure.mention.text} — figure, {kind}{about}: {amount}{extra}"


@attrs.frozen(kw_only=True)
class IndexEntry:
    """An extracted initiative or organisation and the anchors of its mentions."""

    name: str
    kind: str
    anchor: str
    mentions: tuple[tuple[str, str], ...]  # (anchor, statement title)


@attrs.frozen(kw_only=True)
class _Marks:
    by_finding: dict[tuple[int, int], list[Mark]]
    initiatives: tuple[IndexEntry, ...]
    organisations: tuple[IndexEntry, ...]
    figures: int
    unplaced: int


def _statement_positions(authority: Authority) -> dict[int | None, int]:
    positions: dict[int | None, int] = {}
    for index, statement in enumerate(authority.statements):
        positions.setdefault(statement.statement_id, index)
    return positions


_Add = Callable[[int | None, int, Mark], str | None]


def _named_marks(
    kind: str, items: Sequence[Initiative | Organisation], add: _Add
) -> list[IndexEntry]:
    """A mark per mention of each initiative or organisation; the index entries linking them."""
    entries = []
    for number, item in enumerate(items, start=1):
        label = item.kind.value.replace("_", " ")
        title = f"{item.name} — {kind} ({label})"
        if item.canonical_name != item.name:
            title += f", known across councils as {item.canonical_name}"
        links = []
        for count, mention in enumerate(item.mentions, start=1):
            anchor = f"{kind}-{number}-{count}"
            mark = Mark(start=mention.start, end=mention.end, kind=kind, title=title, anchor=anchor)
            where = add(mention.statement_id, mention.finding_index, mark)
            if where is not None:
                links.append((anchor, where))
        entries.append(
            IndexEntry(name=item.name, kind=label, anchor=f"{kind}-{number}", mentions=tuple(links))
        )
    return entries


def _marks(authority: Authority) -> _Marks:
    """Every extracted mention of ``authority`` as a mark, keyed by (statement, finding)."""
    positions = _statement_positions(authority)
    by_finding: dict[tuple[int, int], list[Mark]] = {}
    titles = [statement.title for statement in authority.statements]

    unplaced: list[Mark] = []

    def add(statement_id: int | None, finding: int, mark: Mark) -> str | None:
        """File the mark under its finding; the statement's title (``None``: no such finding)."""
        position = positions.get(statement_id)
        if position is None or finding >= len(authority.statements[position].findings):
            unplaced.append(mark)
            return None
        by_finding.setdefault((position, finding), []).append(mark)
        return titles[position]

    initiatives = _named_marks("initiative", extract_initiatives(authority), add)
    organisations = _named_marks("organisation", extract_organisations(authority), add)
    figures = extract_figures(authority)
    for number, figure in enumerate(figures, start=1):
        mention = figure.mention
        mark = Mark(
            start=mention.start,
            end=mention.end,
            kind="figure",
            title=_figure_title(figure),
            anchor=f"figure-{number}",
        )
        add(mention.statement_id, mention.finding_index, mark)
    return _Marks(
        by_finding=by_finding,
        initiatives=tuple(initiatives),
        organisations=tuple(organisations),
        figures=len(figures),
        unplaced=len(unplaced),
    )


@attrs.frozen(kw_only=True)
class FindingGroup:
    """The findings under one sub-heading (``heading`` ``None``: before the first one)."""

    heading: str | None
    #: Each finding as escaped HTML with its marks.
    paragraphs: tuple[str, ...]


@attrs.frozen(kw_only=True)
class StatementView:
    """One quality statement as the authority page shows it."""

    anchor: str
    statement: QualityStatement
    groups: tuple[FindingGroup, ...]


def _groups(findings: Sequence[Finding], marks: dict[int, list[Mark]]) -> tuple[FindingGroup, ...]:
    groups: list[FindingGroup] = []
    for index, finding in enumerate(findings):
        paragraph = highlight(finding.text, marks.get(index, []))
        if groups and groups[-1].heading == finding.heading:
            last = groups[-1]
            groups[-1] = FindingGroup(
                heading=last.heading, paragraphs=(*last.paragraphs, paragraph)
            )
        else:
            groups.append(FindingGroup(heading=finding.heading, paragraphs=(paragraph,)))
    return tuple(groups)


def _statement_view(
    statement: QualityStatement, position: int, marks: dict[tuple[int, int], list[Mark]]
) -> StatementView:
    own = {finding: found for (where, finding), found in marks.items() if where == position}
    return StatementView(
        anchor=statement.code or f"statement-{position + 1}",
        statement=statement,
        groups=_groups(statement.findings, own),
    )


@attrs.frozen(kw_only=True)
class AuthorityView:
    """Everything the page of one authority shows."""

    authority: Authority
    row: Row
    statements: tuple[StatementView, ...]
    #: The nine statements the model has no page for (their score may come from the summary).
    missing: tuple[StatementInfo, ...]
    initiatives: tuple[IndexEntry, ...]
    organisations: tuple[IndexEntry, ...]
    figures: int
    #: Mentions that point at no finding of the authority (shown as a count, never dropped).
    unplaced: int
    sources: tuple[str, ...]


def authority_view(authority: Authority, slug: str = "authority") -> AuthorityView:
    """The authority page's content: statements with marked findings, indexes, sources."""
    marks = _marks(authority)
    present = {statement.statement_id for statement in authority.statements}
    sources = authority.sources or ((authority.source,) if authority.source else ())
    return AuthorityView(
        authority=authority,
        row=_row(authority, slug),
        statements=tuple(
            _statement_view(statement, position, marks.by_finding)
            for position, statement in enumerate(authority.statements)
        ),
        missing=tuple(info for info in STATEMENTS if info.id not in present),
        initiatives=marks.initiatives,
        organisations=marks.organisations,
        figures=marks.figures,
        unplaced=marks.unplaced,
        sources=sources,
    )


def statement_view(statement: QualityStatement) -> StatementView:
    """One statement on its own (a notebook), its findings marked as on an authority page."""
    authority = Authority(statements=(statement,), indicative=statement.indicative)
    marks = _marks(authority)
    return _statement_view(statement, 0, marks.by_finding)
