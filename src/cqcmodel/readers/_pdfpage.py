"""A PDF page's text lines in reading order: rows, two columns, and footnotes.

Lines are read top to bottom; lines on one baseline (the cells of a table row) left to
right. A page laid out in two columns (lines starting at two places with a gutter between,
the right column's lines running to the right margin like wrapped prose) is read left
column first, then the right one, band by band between the lines that span the page; the
small type at the top and foot of a page (running headers, page numbers, footnotes) stays
where it is. A footnote is the small type at a page's foot that starts with a footnote mark
(``1``, ``*``, ``†``, ``¹``) or stands under a rule: report content that the report's web
page does not have.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from typing import Final

import attrs

__all__ = [
    "FOOTNOTE",
    "FOOTNOTE_MARK",
    "PdfLine",
    "footnotes",
    "note_marks",
    "reading_order",
    "unmarked",
]

#: The reason a footnote is set aside.
FOOTNOTE: Final = "footnote"
#: Points by which the starts of a column's lines may differ.
_ALIGN: Final = 1.5
#: How many lines must start at the right column's left edge to tell a column.
_COLUMN_LINES: Final = 3
#: The right column starts at least this share of the text's width from its left margin.
_COLUMN_START: Final = 0.25
#: The share of the right column's lines that run to the right margin (prose is wrapped).
_PROSE_SHARE: Final = 0.4
#: A line runs to the margin when it fills this share of its column's width.
_FULL: Final = 0.7
#: The widest gutter between two columns, as a share of the body's font size (wider gaps
#: stand between a table's cells).
_GUTTER: Final = 4.0
#: The gap in the right column, beyond a line's height, as a share of the body's font size,
#: that a line spanning the page between two bands of columns stands in.
_BAND_GAP: Final = 2.0
#: Points by which type must be smaller than the body's to be small type.
_SMALLER: Final = 0.5
#: A footnote's mark (a number, a symbol or superscript digits), then its text: at once, or
#: after a space, text with a letter in it.
_MARK: Final = re.compile(
    r"(?P<mark>\d{1,3}|[*†‡§¶]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?:[^\W\d_]|[\"'‘“(]|\s+.*[^\W\d_])"
)
_SUPERSCRIPTS: Final = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
#: The reason a footnote's reference mark in the text is set aside.
FOOTNOTE_MARK: Final = "footnote mark"


@attrs.frozen
class PdfLine:
    """A text line of a PDF page, with its place (PDF points, y upwards) and type."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    #: The width of the line's first word.
    first_word: float
    #: The right edge of the line's column when the page has two (``None``: the page's).
    edge: float | None = None
    #: The line's superscript runs: where each starts in :attr:`text`, and its characters.
    raised: tuple[tuple[int, str], ...] = ()

    @property
    def style(self) -> tuple[float, bool]:
        """The line's font size and weight."""
        return self.size, self.bold


def reading_order(
    pages: Sequence[Sequence[PdfLine]], body: float, right: float
) -> list[list[PdfLine]]:
    """The lines of each page in reading order.

    ``body`` is the body text's font size and ``right`` the right margin (the right end of
    the body's longest lines) of the whole document. Where the right column starts is told
    page by page; a page whose own lines do not tell it (the last page of a section, its
    right column empty) is read by the columns the other pages show.
    """
    ordered = [_rows(lines) for lines in pages]
    middles = [_middle(lines, body) for lines in ordered]
    starts = [
        _right_column(lines[first:last], body, right)
        for lines, (first, last) in zip(ordered, middles, strict=True)
    ]
    found = Counter(start for start in starts if start is not None)
    if not found:
        return ordered
    common = found.most_common(1)[0][0]
    edges: dict[float, float] = {}
    result: list[list[PdfLine]] = []
    for lines, (first, last), start in zip(ordered, middles, starts, strict=True):
        column = common if start is None else start
        if column not in edges:
            edges[column] = _left_edge(
                [page[a:b] for page, (a, b) in zip(ordered, middles, strict=True)], column, body
            )
        middle = _by_columns(lines[first:last], column, body, edges[column], seen=start is not None)
        result.append([*lines[:first], *middle, *lines[last:]])
    return result


def _left_edge(pages: Sequence[Sequence[PdfLine]], start: float, body: float) -> float:
    """The left column's right edge: where its longest body lines end.

    Only body lines with a right column line beside them count: a line of a page-wide
    paragraph or heading that ends short of the right column is in no column.
    """
    edge = 0.0
    for lines in pages:
        column = [line for line in lines if line.x0 >= start - _ALIGN]
        for line in lines:
            if (
                edge < line.x1 < start
                and abs(line.size - body) < _SMALLER
                and not line.bold
                and any(other.bottom < line.top and line.bottom < other.top for other in column)
            ):
                edge = line.x1
    return edge or start


def _middle(lines: Sequence[PdfLine], body: float) -> tuple[int, int]:
    """Where the page's lines start and end once the small type at its top and foot is left."""
    start = 0
    while start < len(lines) and lines[start].size < body - _SMALLER:
        start += 1
    end = len(lines)
    while end > start and lines[end - 1].size < body - _SMALLER:
        end -= 1
    return start, end


def _rows(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """Top to bottom; the lines of one row (their middles within each other) left to right."""
    rows: list[list[PdfLine]] = []
    for line in sorted(lines, key=lambda line: -line.top):
        if rows:
            first = rows[-1][0]
            middle = (line.top + line.bottom) / 2
            if first.bottom <= middle <= first.top:
                rows[-1].append(line)
                continue
        rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda line: line.x0)]


def _right_column(lines: Sequence[PdfLine], body: float, right: float) -> float | None:
    """Where the right column starts, when the lines are laid out in two columns.

    Its lines start at one place (the leftmost place where two lines or more start, well
    right of the left margin, that passes; a column's list items start further right),
    most run to the right margin as wrapped prose does (a table's cells do not), and as
    many lines as a column has stand beside it, a gutter's width away at most.
    """
    if not lines:
        return None
    left = min(line.x0 for line in lines)
    starts = Counter(
        round(line.x0) for line in lines if line.x0 > left + (right - left) * _COLUMN_START
    )
    for start in sorted(place for place, count in starts.items() if count >= 2):
        column = [line for line in lines if line.x0 >= start - _ALIGN]
        full = start + (right - start) * _FULL
        beside = [line.x1 for line in lines if line.x0 < start - _ALIGN and line.x1 < start]
        if (
            len(column) >= _COLUMN_LINES
            and len(beside) >= _COLUMN_LINES
            and start - max(beside) <= body * _GUTTER
            and sum(line.x1 >= full for line in column) >= len(column) * _PROSE_SHARE
        ):
            return float(start)
    return None


def _by_columns(
    lines: Sequence[PdfLine], start: float, body: float, edge: float, *, seen: bool
) -> list[PdfLine]:
    """Band by band, the left column's lines then the right one's.

    A line that crosses the gutter spans the page, and so does a line left of it that stands
    in a gap of the right column (:func:`_spans`): it ends one band and stands alone. The
    lines beside the right column carry the left column's right edge (``edge``): all of
    them when the page's own lines show two columns (``seen``), else those of a band that
    has a right column or as many lines beside it as a column has.
    """
    result: list[PdfLine] = []
    segment: list[PdfLine] = []
    for line in lines:
        if line.x0 < start - _ALIGN and line.x1 >= start:  # crosses the gutter
            result.extend(_segment(segment, start, body, edge, seen=seen))
            result.append(line)
            segment = []
        else:
            segment.append(line)
    result.extend(_segment(segment, start, body, edge, seen=seen))
    return result


def _segment(
    lines: Sequence[PdfLine], start: float, body: float, edge: float, *, seen: bool
) -> list[PdfLine]:
    """:func:`_by_columns` for lines between two that cross the gutter."""
    column = [line for line in lines if line.x0 >= start - _ALIGN]
    result: list[PdfLine] = []
    left: list[PdfLine] = []
    right: list[PdfLine] = []

    def band() -> None:
        in_column = seen or bool(right) or len(left) >= _COLUMN_LINES
        result.extend(attrs.evolve(line, edge=edge) if in_column else line for line in left)
        result.extend(right)
        left.clear()
        right.clear()

    for line in lines:
        if line.x0 >= start - _ALIGN:
            right.append(line)
        elif _spans(line, column, body):
            band()
            result.append(line)
        else:
            left.append(line)
    band()
    return result


def _spans(line: PdfLine, column: Sequence[PdfLine], body: float) -> bool:
    """Whether ``line``, left of the right column, spans the page between two of its bands.

    It does when it is a heading (bold, or larger than the body: a heading never ends a
    column, so one that is no column's last line spans the page), the right column's lines
    stand above and below it, none beside it, and the gap between them is wider than the
    line and a paragraph space or two (a heading over both columns, under two balanced
    columns). A body line there is the last line of a column longer than the right one.
    """
    if not line.bold and line.size <= body + _SMALLER:
        return False
    above = [other.bottom for other in column if other.bottom >= line.top]
    below = [other.top for other in column if other.top <= line.bottom]
    if not above or not below or len(above) + len(below) < len(column):
        return False
    return min(above) - max(below) >= line.top - line.bottom + body * _BAND_GAP


def footnotes(lines: Sequence[PdfLine], body: float, rules: Sequence[float]) -> list[int]:
    """The indexes of the footnote lines of one page's lines (in reading order).

    Footnotes are among the small type ending the page, under body text: from the first of
    those lines that starts with a footnote mark, or that stands under a rule (``rules``
    holds the heights of the page's horizontal rules) drawn below the body, to the page's
    end (page furniture among them is told apart by its own reasons).
    """
    end = len(lines)
    start = end
    while start > 0 and lines[start - 1].size < body - _SMALLER:
        start -= 1
    if start in (0, end):
        return []
    above = lines[start - 1].bottom
    for index in range(start, end):
        line = lines[index]
        ruled = any(line.top < rule < above for rule in rules)
        if ruled or _MARK.match(line.text) is not None:
            return list(range(index, end))
    return []


def note_marks(lines: Sequence[PdfLine], notes: Iterable[int]) -> frozenset[str]:
    """The marks the footnotes (the lines at ``notes``) start with, superscripts as digits."""
    marks = (_MARK.match(lines[index].text) for index in notes)
    return frozenset(
        found.group("mark").translate(_SUPERSCRIPTS) for found in marks if found is not None
    )


def unmarked(line: PdfLine, marks: Set[str]) -> tuple[str, list[tuple[int, str]]]:
    """The line's text without its superscripts that are footnote ``marks``, and those.

    Each mark comes with its column in the line's text. A superscript that no footnote
    starts with (a square metre's "2") stays.
    """
    removed = [(start, run) for start, run in line.raised if run.translate(_SUPERSCRIPTS) in marks]
    if not removed:
        return line.text, []
    parts: list[str] = []
    last = 0
    for start, run in removed:
        parts.append(line.text[last:start])
        last = start + len(run)
    parts.append(line.text[last:])
    return " ".join("".join(parts).split()), [(start + 1, run) for start, run in removed]
