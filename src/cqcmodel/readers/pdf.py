"""PDF: a report's pages rebuilt into page text from their layout (extra ``cqcmodel[pdf]``).

pdfminer.six lays out each page's characters into lines, each character with its font and
size. Lines are read top to bottom, page after page; page numbers and running headers and
footers are set aside (:func:`~cqcmodel.readers.pdftext.running_furniture`); then a line is
joined to the one before when both have one style (font size and weight), no paragraph space
stands between them, and the first reaches the right margin (a wrap cut it) or the second
goes on in lower case. A paragraph or heading cut by a page break is joined the same way.
Headings (bold or larger type) are never joined to body text.

Line numbers of a PDF count its lines as read, page after page: line 1 is the first line of
the first page.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..errors import CqcModelError, ParseError
from ..model import SetAside
from .furniture import mark
from .pdftext import Piece, goes_on, join_lines, running_furniture

if TYPE_CHECKING:
    from . import ReadText

__all__ = ["PdfSupportMissingError", "read_pdf"]

#: A space's width as a share of the font size (most fonts: a quarter to a third).
_SPACE_SHARE: Final = 0.25
#: Points by which a word may miss the margin and still have been wrapped.
_TOLERANCE: Final = 1.0
#: Space between two lines, as a share of the line's height, that makes a new paragraph.
_PARAGRAPH_GAP: Final = 0.45
_BOLD: Final = ("bold", "black", "heavy", "semibold", "demi")


class PdfSupportMissingError(CqcModelError, ImportError):
    """Reading a PDF needs the optional PDF library: ``pip install 'cqcmodel[pdf]'``."""


@attrs.frozen
class _Line:
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

    @property
    def style(self) -> tuple[float, bool]:
        return self.size, self.bold


def read_pdf(data: bytes, *, source: str | None = None) -> ReadText:
    """Read a PDF's bytes into a :class:`~cqcmodel.readers.ReadText`."""
    from . import Form, ReadText  # noqa: PLC0415 - the package imports this module lazily

    lines = _layout(data, source)
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
    for index, piece in enumerate(pieces):
        reason = furniture.get(index) or reasons[index]
        if reason is None:
            kept.append(piece)
        else:
            set_aside.append(SetAside(line=piece[1], text=piece[0], reason=reason))
    joined, positions = join_lines(kept, _by_layout(lines))
    return ReadText(
        text="\n".join(joined) + "\n",
        source=source,
        form=Form.PDF,
        positions=tuple(positions),
        set_aside=tuple(set_aside),
        source_lines=tuple(line.text for line in lines),
    )


def _by_layout(lines: list[_Line]) -> Any:
    """The join rule of :func:`join_lines` for PDF lines: style, spacing and the margin."""
    counts: Counter[tuple[float, bool]] = Counter()
    for line in lines:
        counts[line.style] += len(line.text)
    body = counts.most_common(1)[0][0]
    body_lines = [line for line in lines if line.style == body]
    right = max(line.x1 for line in body_lines)

    def continues(_joined: str, previous: Piece, following: Piece, _blank: bool) -> bool:
        a = lines[previous[1] - 1]
        b = lines[following[1] - 1]
        if a.style != b.style:
            return False
        if a.page == b.page and a.bottom - b.top > (a.top - a.bottom) * _PARAGRAPH_GAP:
            return False
        # Wrapped: the next line's first word (and a space) would not have fitted on this one.
        needed = b.first_word + b.size * _SPACE_SHARE
        return goes_on(a.text, b.text, full=a.x1 + needed > right - _TOLERANCE)

    return continues


def _layout(data: bytes, source: str | None) -> list[_Line]:
    """The text lines of every page, top to bottom, with their style."""
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
    result: list[_Line] = []
    for number, page in enumerate(pages):
        page_lines = [
            line for item in _text_lines(page) if (line := _line(item, number)) is not None
        ]
        page_lines.sort(key=lambda line: (-line.top, line.x0))
        result.extend(page_lines)
    return result


def _pdf_error(error: Exception, source: str | None) -> ParseError:
    name = type(error).__name__
    if "Password" in name or "Encrypt" in name:
        message = "the PDF is encrypted (password-protected): save an unprotected copy first"
    else:
        message = "not a readable PDF file (damaged, or not a PDF)"
    return ParseError(message, line=1, column=1, source=source)


def _text_lines(container: Any) -> Iterator[Any]:
    from pdfminer.layout import LTTextLine  # noqa: PLC0415

    for item in container:
        if isinstance(item, LTTextLine):
            yield item
        elif isinstance(item, Iterable) and not isinstance(item, str | bytes):
            yield from _text_lines(item)


def _line(item: Any, page: int) -> _Line | None:
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
    return _Line(text, page, item.x0, item.x1, item.y1, item.y0, size, bold * 2 > chars, first_word)
