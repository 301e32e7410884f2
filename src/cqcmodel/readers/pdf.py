"""PDF: a report's pages rebuilt into page text from their layout (extra ``cqcmodel[pdf]``).

pdfminer.six lays out each page's characters into lines, each character with its font and
size. Lines are read top to bottom, page after page, the cells of a table row left to right,
and a page in two columns left column first (band by band between the lines that span the
page). Page numbers and running headers and footers are set aside
(:func:`~cqcmodel.readers.pdftext.running_furniture`), and so are footnotes (small type at a
page's foot that starts with a footnote mark or stands under a rule: the report's web page
has none). Then a line is joined to the one before when both have one style (font size and
weight), no paragraph space stands between them (more than the body's own line pitch,
whatever its line spacing), and the first reaches the right margin, or its column's right
edge (a wrap cut it), or the second goes on in lower case. A paragraph or heading cut by a
page or column break, or by a footnote, is joined the same way. Headings (bold or larger
type) are never joined to body text; the lines of a heading or title line a wrap cut are
joined whenever together they make one of the format's headings or a title line; a
structural line (a score line, a list item, a heading:
:func:`~cqcmodel.readers.pdftext.stands_alone`) is never joined onto another line.

Line numbers of a PDF count its lines as read, page after page: line 1 is the first line of
the first page.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

from ..errors import CqcModelError, ParseError
from ..model import SetAside
from ..text import Kind, match
from ._pdfpage import (
    FOOTNOTE,
    FOOTNOTE_MARK,
    PdfLine,
    footnotes,
    note_marks,
    reading_order,
    unmarked,
)
from .furniture import mark
from .pdftext import Continues, Piece, goes_on, join_lines, joined, known_heading, running_furniture

if TYPE_CHECKING:
    from . import ReadText

__all__ = ["PdfSupportMissingError", "read_pdf"]

#: A space's width as a share of the font size (most fonts: a quarter to a third).
_SPACE_SHARE: Final = 0.25
#: Points by which a word may miss the margin and still have been wrapped.
_TOLERANCE: Final = 1.0
#: Space beyond the body's line pitch, as a share of the font size, that makes a new paragraph.
_PARAGRAPH_SPACE: Final = 0.2
#: The line pitch as a share of the font size when no two body lines follow each other.
_SPACING: Final = 1.25
#: How many lines a wrap may cut a title or heading into.
_HEADING_LINES: Final = 6
_BOLD: Final = ("bold", "black", "heavy", "semibold", "demi")


class PdfSupportMissingError(CqcModelError, ImportError):
    """Reading a PDF needs the optional PDF library: ``pip install 'cqcmodel[pdf]'``."""


def read_pdf(data: bytes, *, source: str | None = None) -> ReadText:
    """Read a PDF's bytes into a :class:`~cqcmodel.readers.ReadText`."""
    from . import Form, ReadText  # noqa: PLC0415 - the package imports this module lazily

    lines, notes = _layout(data, source)
    if not lines:
        raise ParseError(
            "no text layer; the PDF is scanned (images of pages): run it through OCR first",
            line=1,
            column=1,
            source=source,
        )
    pieces: list[Piece] = [
        (line.text, number, 1, line.page) for number, line in enumerate(lines, 1)
    ]
    furniture = running_furniture(pieces)
    reasons = mark([piece[0] for piece in pieces], numbers=False)
    set_aside: list[SetAside] = []
    kept: list[Piece | None] = []
    marks = note_marks(lines, notes)
    for index, piece in enumerate(pieces):
        reason = furniture.get(index) or (FOOTNOTE if index in notes else reasons[index])
        if reason is not None:
            set_aside.append(SetAside(line=piece[1], text=piece[0], reason=reason))
            continue
        text, removed = unmarked(lines[index], marks)
        kept.append((text, *piece[1:]))
        set_aside.extend(
            SetAside(line=piece[1], column=column, text=run, reason=FOOTNOTE_MARK)
            for column, run in removed
        )
    numbers = [piece[1] for piece in kept if piece is not None]
    # The layout tells a title's wrapped lines (one style, one page): no guess from the text.
    joined_lines, positions = join_lines(kept, _by_layout(lines, numbers), title_starts=False)
    return ReadText(
        text="\n".join(joined_lines) + "\n",
        source=source,
        form=Form.PDF,
        positions=tuple(positions),
        set_aside=tuple(set_aside),
        source_lines=tuple(line.text for line in lines),
    )


def _by_layout(lines: list[PdfLine], kept: Sequence[int]) -> Continues:
    """The join rule of :func:`join_lines` for PDF lines: style, spacing and the margin.

    ``kept`` holds the numbers of the lines left once the furniture is set aside, in order.
    """
    body = _body(lines)
    right = _right(lines, body)
    spacing = _spacing(lines, body)
    after = dict(itertools.pairwise(kept))

    def apart(a: PdfLine, b: PdfLine) -> bool:
        """Whether a paragraph space stands between ``a`` and the next line ``b``."""
        return a.page == b.page and a.bottom - b.bottom > a.size * (spacing + _PARAGRAPH_SPACE)

    def completes(line: str, number: int) -> bool:
        """Whether ``line`` and the heading lines from ``number`` on make a title or heading."""
        for _ in range(_HEADING_LINES):
            current = lines[number - 1]
            line = joined(line, current.text)
            if known_heading(line) or match(Kind.TITLE, line) is not None:
                return True
            following = after.get(number)
            if following is None:
                return False
            upcoming = lines[following - 1]
            if (
                upcoming.style != current.style
                or upcoming.page != current.page
                or apart(current, upcoming)
            ):
                return False
            number = following
        return False

    def continues(line: str, previous: Piece, following: Piece, _blank: bool) -> bool:
        a = lines[previous[1] - 1]
        b = lines[following[1] - 1]
        if a.style != b.style or apart(a, b):
            return False
        if a.style != body and a.page == b.page and completes(line, following[1]):
            return True  # a heading or title a wrap cut, however its pieces read
        # Wrapped: the next line's first word (and a space) would not have fitted on this one.
        needed = b.first_word + b.size * _SPACE_SHARE
        edge = right if a.edge is None else a.edge
        return goes_on(a.text, b.text, full=a.x1 + needed > edge - _TOLERANCE, line=line)

    return continues


def _body(lines: Sequence[PdfLine]) -> tuple[float, bool]:
    """The body text's style: the one most of the characters are set in."""
    counts: Counter[tuple[float, bool]] = Counter()
    for line in lines:
        counts[line.style] += len(line.text)
    return counts.most_common(1)[0][0]


def _right(lines: Sequence[PdfLine], body: tuple[float, bool]) -> float:
    """The right margin: where the body's longest lines end."""
    return max(line.x1 for line in lines if line.style == body)


def _spacing(lines: list[PdfLine], body: tuple[float, bool]) -> float:
    """The body's line pitch as a share of its font size: the commonest gap between baselines.

    Two body lines that follow each other on a page are mostly a paragraph's wrapped lines, so
    the commonest distance between them is the pitch of the body's own line spacing (single,
    1.15, 1.5 lines), whatever the layout.
    """
    gaps: Counter[float] = Counter(
        round(a.bottom - b.bottom, 1)
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and a.style == body == b.style and a.bottom > b.bottom
    )
    if not gaps or body[0] <= 0:
        return _SPACING
    return min(gaps, key=lambda gap: (-gaps[gap], gap)) / body[0]


def _layout(data: bytes, source: str | None) -> tuple[list[PdfLine], set[int]]:
    """The text lines of every page in reading order, and the indexes of the footnotes."""
    try:
        from pdfminer.high_level import extract_pages  # noqa: PLC0415 - optional extra
        from pdfminer.layout import LAParams  # noqa: PLC0415
    except ImportError as error:
        what = source if source is not None else "PDF files"
        msg = f"reading {what} needs the PDF extra: pip install 'cqcmodel[pdf]'"
        raise PdfSupportMissingError(msg) from error
    try:
        pages = list(extract_pages(io.BytesIO(data), laparams=LAParams()))
    except Exception as error:
        raise _pdf_error(error, source) from None
    drawn: list[tuple[list[PdfLine], list[float]]] = []
    for number, page in enumerate(pages):
        page_lines: list[PdfLine] = []
        rules: list[float] = []
        for item in _items(page):
            if isinstance(item, float):
                rules.append(item)
            elif (line := _line(item, number)) is not None:
                page_lines.append(line)
        drawn.append((page_lines, rules))
    every = [line for page_lines, _ in drawn for line in page_lines]
    if not every:
        return [], set()
    body = _body(every)
    right = _right(every, body)
    result: list[PdfLine] = []
    notes: set[int] = set()
    pages_read = reading_order([page_lines for page_lines, _ in drawn], body[0], right)
    for ordered, (_, rules) in zip(pages_read, drawn, strict=True):
        notes.update(len(result) + index for index in footnotes(ordered, body[0], rules))
        result.extend(ordered)
    return result, notes


def _pdf_error(error: Exception, source: str | None) -> ParseError:
    name = type(error).__name__
    if "Password" in name or "Encrypt" in name:
        message = "the PDF is encrypted (password-protected): save an unprotected copy first"
    else:
        message = "not a readable PDF file (damaged, or not a PDF)"
    return ParseError(message, line=1, column=1, source=source)


#: A drawn line or box at most this many points high is a rule (a footnote separator).
_RULE: Final = 2.0


def _items(container: Any) -> Iterator[Any]:
    """The page's text lines, and the heights of its horizontal rules (as floats)."""
    from pdfminer.layout import LTCurve, LTTextLine  # noqa: PLC0415

    for item in container:
        if isinstance(item, LTTextLine):
            yield item
        elif isinstance(item, LTCurve):
            if item.height <= _RULE and item.width > item.height:
                yield float((item.y0 + item.y1) / 2)
        elif isinstance(item, Iterable) and not isinstance(item, str | bytes):
            yield from _items(item)


def _line(item: Any, page: int) -> PdfLine | None:
    from pdfminer.layout import LTChar  # noqa: PLC0415

    # Zero bytes stand for glyphs without a character (a byte order mark drawn, say).
    text = " ".join(item.get_text().replace("\x00", "").split())
    if not text:
        return None
    sizes: Counter[float] = Counter()
    bold = 0
    chars = 0
    first_word: float | None = None  # set at the first space after a character
    word_end = item.x0
    for char in item:
        if char.get_text().isspace():
            if chars and first_word is None:
                first_word = word_end - item.x0
        elif isinstance(char, LTChar):
            chars += 1
            sizes[round(char.size, 1)] += 1
            bold += any(mark in char.fontname.lower() for mark in _BOLD)
            word_end = char.x1
    if first_word is None:
        first_word = word_end - item.x0
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    bolder = bold * 2 > chars
    raised, end = _raised(item, size, text)
    marker = _UNMAPPED_MARKER.match(text)
    if marker is not None:
        # A glyph the font does not map to a character, leading a line: a list's bullet
        # (a standard font's, not embedded). The raised runs' places move with the text.
        text = "•" + text[marker.end() :]
        shift = marker.end() - 1
        raised = tuple((at - shift, glyph) for at, glyph in raised)
    return PdfLine(
        text, page, item.x0, end, item.y1, item.y0, size, bolder, first_word, raised=raised
    )


#: pdfminer's text for a glyph without a character ("(cid:127)"), leading a line.
_UNMAPPED_MARKER: Final = re.compile(r"\(cid:\d+\)(?=\s)")
#: Type at most this share of the line's size, set this share of it above the line's
#: characters, is raised (a superscript: a footnote's reference mark).
_SUPERSCRIPT: Final = 0.8
_RAISE: Final = 0.2


def _raised(item: Any, size: float, text: str) -> tuple[tuple[tuple[int, str], ...], float]:
    """The runs of superscript characters of a line, and where its other characters end.

    Each run comes with where it starts in ``text``; a reference mark ending a line does not
    make the line longer.
    """
    from pdfminer.layout import LTChar  # noqa: PLC0415

    chars = [char for char in item if isinstance(char, LTChar)]
    if not any(char.size <= size * _SUPERSCRIPT for char in chars):
        return (), item.x1  # nearly every line: no small type in it
    bottoms = Counter(round(char.y0, 1) for char in chars if round(char.size, 1) == size)
    if not bottoms:
        return (), item.x1
    base = bottoms.most_common(1)[0][0]
    # Places in ``text`` of its non-space characters: whitespace is all the text changed.
    places = [index for index, character in enumerate(text) if not character.isspace()]
    runs: list[tuple[int, str]] = []
    seen = 0  # non-space characters before the current one
    last = -2
    end = item.x0
    for char in chars:
        glyph = "".join(char.get_text().replace("\x00", "").split())
        if char.size <= size * _SUPERSCRIPT and char.y0 >= base + size * _RAISE and glyph:
            if runs and last == seen - 1:
                runs[-1] = (runs[-1][0], runs[-1][1] + glyph)
            elif seen < len(places):
                runs.append((places[seen], glyph))
            last = seen + len(glyph) - 1
        elif glyph:
            end = max(end, char.x1)
        seen += len(glyph)
    return tuple(runs), end if runs else item.x1
