"""Readers: every form a report is held in, turned into page text with a map back to the source.

Each reader ends in the same :class:`ReadText`: the page text one block per line, for each of
those lines the line and column it came from in the source, and what was set aside (site or
page furniture) with its position. The parser sees only that text; errors and the model's line
numbers are mapped back through :attr:`ReadText.positions`.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Sequence
from typing import Final

import attrs

from ..errors import ParseError, SourceIsFolderError, SourceNotFoundError
from ..model import SetAside
from ._decode import decode
from ._positions import SourceLines
from .archives import in_archive, mhtml_page, webarchive_page
from .detect import is_html, is_mhtml, is_pdf, is_pdf_text, is_webarchive, mime_type
from .furniture import clean, mark
from .pdftext import read_pdf_text

__all__ = ["Form", "ReadText", "positioned_text", "read_bytes", "read_file", "read_text"]


class Form(enum.StrEnum):
    """The form a source was read as."""

    #: Page text (a copy from a browser too).
    TEXT = "text"
    #: A saved web page.
    HTML = "html"
    #: A PDF file.
    PDF = "pdf"
    #: Text extracted from a PDF.
    PDF_TEXT = "pdf-text"
    #: A web page saved as one MHTML file (``.mhtml``, ``.mht``): positions are the archived
    #: page's.
    MHTML = "mhtml"
    #: A Safari web archive (``.webarchive``): positions are the archived page's.
    WEBARCHIVE = "webarchive"


#: The forms that hold a web page inside an archive: their positions are the page's.
_ARCHIVES: Final = frozenset({Form.MHTML, Form.WEBARCHIVE})


@attrs.frozen(kw_only=True)
class ReadText:
    """A source read into page text: what the parser sees, and the way back to the source."""

    #: The page text, one block per line.
    text: str
    #: Where it came from (a path or an address), for messages.
    source: str | None = None
    #: The form the source was read as.
    form: Form = Form.TEXT
    #: For line *i* of :attr:`text` (index ``i - 1``), the 1-based ``(line, column)`` in the
    #: source where it starts; ``None`` when the text is the source, line for line.
    positions: tuple[tuple[int, int], ...] | None = None
    #: Source lines that are not content, with their positions.
    set_aside: tuple[SetAside, ...] = ()
    #: The source's own lines (an HTML file's, say) for error snippets, when they differ
    #: from :attr:`text`'s.
    source_lines: Sequence[str] | None = None

    def position(self, line: int) -> tuple[int, int]:
        """The source ``(line, column)`` of 1-based text line ``line`` (its first column)."""
        if self.positions is None or not 1 <= line <= len(self.positions):
            return line, 1
        return self.positions[line - 1]

    def locate(self, error: ParseError) -> ParseError:
        """``error`` (at a line and column of :attr:`text`) moved to the source's position."""
        if self.positions is None:
            return error
        line, column = self.position(error.line)
        column += max(error.column - 1, 0)
        lines = self.source_lines
        line_text = lines[line - 1] if lines is not None and 1 <= line <= len(lines) else None
        # A message may name another line of the text ("the first is at line 3)"): that too.
        message = _OTHER_LINE.sub(
            lambda found: f"line {self.position(int(found.group(1)))[0]})", error.message
        )
        located = ParseError(
            message, line=line, column=column, source=error.source, line_text=line_text
        )
        return in_archive(located) if self.form in _ARCHIVES else located


#: How a parse error's message names another line of the text: "(line 3)", "at line 3)".
_OTHER_LINE: Final = re.compile(r"\bline (\d+)\)")
#: Markup of any kind: a tag (start, end, comment, doctype, processing instruction) or a
#: character reference.
_MARKUP: Final = re.compile(r"<[A-Za-z!/?]|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
#: File name suffixes and the form they suggest when the content does not tell.
_SUFFIXES: Final = {
    ".html": Form.HTML,
    ".htm": Form.HTML,
    ".xhtml": Form.HTML,
    ".pdf": Form.PDF,
    ".mhtml": Form.MHTML,
    ".mht": Form.MHTML,
    ".webarchive": Form.WEBARCHIVE,
}


def read_text(text: str, *, source: str | None = None, form: Form | None = None) -> ReadText:
    """Read a source already decoded to ``str``: page text, HTML, or text from a PDF.

    The form is told by the content (see :mod:`cqcmodel.readers.detect`) unless ``form``
    names it. Plain text is the page text line for line: furniture lines ("Skip to main
    content", "Back to top", …, see :mod:`cqcmodel.readers.furniture`) become blank lines,
    so line numbers stay the text's own, and are recorded in :attr:`ReadText.set_aside`.
    """
    if form is None:
        form = Form.HTML if is_html(text) else Form.PDF_TEXT if is_pdf_text(text) else Form.TEXT
    if form is Form.PDF:
        msg = "a PDF is read from its bytes: use read_bytes or read_file"
        raise ValueError(msg)
    if form is Form.HTML:
        from .html import read_html  # noqa: PLC0415 - selectolax loads only for HTML

        page_text, positions, set_aside, source_lines = read_html(text, source=source)
    elif form is Form.PDF_TEXT:
        page_text, positions, set_aside = read_pdf_text(text)
        source_lines = SourceLines(text)
    else:
        return _read_plain(text, source)
    return ReadText(
        text=page_text,
        source=source,
        form=form,
        positions=tuple(positions),
        set_aside=tuple(set_aside),
        source_lines=source_lines,
    )


def _read_plain(text: str, source: str | None) -> ReadText:
    """Plain page text, its furniture lines blanked and recorded."""
    if clean(text):
        return ReadText(text=text, source=source)
    lines = text.split("\n")
    reasons = mark([line.strip() for line in lines])
    if not any(reasons):
        return ReadText(text=text, source=source)
    set_aside: list[SetAside] = []
    for index, reason in enumerate(reasons):
        if reason is not None:
            line = lines[index]
            column = len(line) - len(line.lstrip()) + 1
            set_aside.append(
                SetAside(
                    line=index + 1, column=column, text=line.strip(), reason=reason, source=source
                )
            )
            lines[index] = ""
    return ReadText(text="\n".join(lines), source=source, set_aside=tuple(set_aside))


def read_bytes(
    data: bytes,
    *,
    source: str | None = None,
    encoding: str | None = None,
    suffix: str | None = None,
) -> ReadText:
    """Read the bytes of a source: a PDF, a web archive, or text in a form :func:`read_text` reads.

    Text is decoded from its byte order mark, as UTF-8, or as Windows-1252 when it is not
    UTF-8; ``encoding`` overrides that.

    A single-file web archive (MHTML, told by its MIME headers; a Safari web archive, told by
    its property list; see :mod:`cqcmodel.readers.archives`) is read as the web page it
    holds, decoded by its declared charset (``encoding`` overrides that too): its positions,
    and those of errors, are lines and columns of that page, not of the file.

    ``suffix`` (a file name's, like ``".html"``) names the form when the content does not
    tell: bytes named ``.html`` that hold any markup (a tag, a comment, a character
    reference) are read as HTML; without any, they are the text they hold (a page saved as
    text under an ``.htm`` name). Bytes named ``.mhtml`` or ``.mht`` that open with MIME
    headers are MHTML whatever their type; bytes named ``.webarchive`` must be a web archive.
    """
    hinted = _SUFFIXES.get((suffix or "").lower())
    if is_pdf(data):
        from .pdf import read_pdf  # noqa: PLC0415 - the PDF library loads only for PDFs

        return read_pdf(data, source=source)
    if hinted is Form.PDF:
        raise ParseError(
            "not a PDF file: it does not start with '%PDF-'", line=1, column=1, source=source
        )
    archive = _archive_form(data, hinted)
    if archive is not None:
        return _read_archive(data, archive, source, encoding)
    text = decode(data, source=source, encoding=encoding)
    form = None
    if hinted is Form.HTML and not is_html(text) and _MARKUP.search(text) is not None:
        form = Form.HTML
    return read_text(text, source=source, form=form)


def _archive_form(data: bytes, hinted: Form | None) -> Form | None:
    """The archive form of ``data``, told by its content, or by ``hinted`` (a suffix's form).

    An MHTML name on bytes that open with MIME headers of any type is MHTML; on others (a page
    saved as HTML under an ``.mht`` name) it says nothing. A web archive's name is an archive
    whatever the bytes, which then get the error that says what is wrong with them.
    """
    if is_mhtml(data) or (hinted is Form.MHTML and mime_type(data) is not None):
        return Form.MHTML
    if is_webarchive(data) or hinted is Form.WEBARCHIVE:
        return Form.WEBARCHIVE
    return None


def positioned_text(data: bytes, *, source: str | None = None, suffix: str | None = None) -> str:
    """The text a read's line and column numbers refer to: the file's, or its archived page's.

    ``cqcmodel check`` finds a warning's text in it to point at the line that holds it. A file
    that cannot be decoded gives a :class:`~cqcmodel.errors.ParseError`.
    """
    form = _archive_form(data, _SUFFIXES.get((suffix or "").lower()))
    if form is Form.MHTML:
        return mhtml_page(data, source=source)
    if form is Form.WEBARCHIVE:
        return webarchive_page(data, source=source)
    return decode(data, source=source)


def _read_archive(data: bytes, form: Form, source: str | None, encoding: str | None) -> ReadText:
    """The web page an archive holds, read as HTML; its positions are the page's."""
    if form is Form.MHTML:
        html = mhtml_page(data, source=source, encoding=encoding)
    else:
        html = webarchive_page(data, source=source, encoding=encoding)
    try:
        read = read_text(html, source=source, form=Form.HTML)
    except ParseError as error:
        raise in_archive(error) from None
    return attrs.evolve(read, form=form)


def read_file(path: str | os.PathLike[str], *, encoding: str | None = None) -> ReadText:
    """Read a file of any supported form; its path names it in messages."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as file:
            data = file.read()
    except FileNotFoundError:
        raise SourceNotFoundError(name, "no such file") from None
    except IsADirectoryError:
        raise SourceIsFolderError(name) from None
    return read_bytes(data, source=name, encoding=encoding, suffix=os.path.splitext(name)[1])
