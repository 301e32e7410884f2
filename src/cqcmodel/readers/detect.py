"""Which form a source is in, told by its content first and its file name second.

Only the start of a text is looked at (and a search for a form feed), so telling the form of a
clean page costs next to nothing.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "HEAD",
    "is_html",
    "is_mhtml",
    "is_pdf",
    "is_pdf_text",
    "is_webarchive",
    "mime_type",
]

#: How much of the start of a source the tests look at.
HEAD: Final = 4096
_HTML_START: Final = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|"
    r"meta\s|title>|main[\s>]|article[\s>]|div[\s>]|p>|h[1-6][\s>]|section[\s>])",
    re.IGNORECASE | re.DOTALL,
)
#: Tags that make a text HTML when several of them stand near its start.
_TAG: Final = re.compile(
    r"</?(?:html|head|body|main|article|div|p|h[1-6]|ul|ol|li|span|a|section|nav|br|table)[\s/>]",
    re.IGNORECASE,
)
#: ``Page N of M`` (alone on its line, which :func:`_page_of_line` checks): the literal start
#: lets the regular expression engine skip to each "Page" fast.
_PAGE_OF: Final = re.compile(r"Page \d{1,4} of \d{1,4}[ \t]*(?:\r?\n|$)")
#: A line that a hard wrap cut: ends without sentence punctuation, the next goes on in lower
#: case. An opening quotation mark does not count: a heading ("What people expect") is
#: followed by a quoted I-statement on clean pages, nor does Word's "o" list marker.
#: (Written to start with the line break, which the regular expression engine finds fast.)
_WRAPPED: Final = re.compile(r"\n(?<=[a-z,;’'\-–)]\n)(?!o[ \t])[a-z(]")
#: A bare page number between two such lines is a wrap too: a PDF viewer's copy of a page
#: break ("… and avoided", "1", "hospital admission …").
_NUMBER_IN_WRAP: Final = re.compile(r"\n(?<=[a-z,;’'\-–)]\n)\d{1,4}[ \t]*\r?\n(?!o[ \t])[a-z(]")
#: A line as long as a paragraph: text whose lines are whole, not wrapped at a width.
_WHOLE_LINE: Final = re.compile(r"\n[^\n]{160}")
#: Wrapped at a width: this many lines of at least :data:`_WIDE` characters, most of them
#: (:data:`_AT_WIDTH_SHARE`) about as long as the longest (:data:`_AT_WIDTH`).
_MIN_WIDE_LINES: Final = 10
_WIDE: Final = 30
_MIN_WIDTH: Final = 60
_AT_WIDTH: Final = 0.8
_AT_WIDTH_SHARE: Final = 0.6
_MIN_WRAPS: Final = 3
_MIN_TAGS: Final = 3
#: A MIME header's name and colon.
_HEADER_NAME: Final = re.compile(rb"[!-9;-~]+:")
#: A MIME header line (``Name: value``) or the continuation of one (it starts with a space).
_HEADER_LINE: Final = re.compile(rb"[!-9;-~]+:[^\r\n]*|[ \t][^\r\n]*")
#: The end of a MIME header block: an empty line.
_HEADERS_END: Final = re.compile(rb"\r?\n\r?\n")
#: The ``Content-Type`` header of a header block, unfolded.
_CONTENT_TYPE: Final = re.compile(rb"(?:^|\n)content-type:[ \t]*([^;\s]+)", re.IGNORECASE)
#: The starts of the two forms of a property list: binary, and XML.
_BINARY_PLIST: Final = b"bplist00"
_XML_PLIST: Final = re.compile(rb"\s*<\?xml[^>]*>\s*<!DOCTYPE plist|\s*<plist[\s>]")


def _page_of_line(head: str) -> bool:
    """Whether a line of ``head`` is ``Page N of M`` alone (spaces aside)."""
    for found in _PAGE_OF.finditer(head):
        line_start = head.rfind("\n", 0, found.start()) + 1
        if not head[line_start : found.start()].strip():
            return True
    return False


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` is a PDF file: it starts with ``%PDF-`` (after white space)."""
    return data[:1024].lstrip().startswith(b"%PDF-")


def mime_type(data: bytes) -> str | None:
    """The ``Content-Type`` (lower case, no parameters) of a MIME message ``data`` opens with.

    ``None`` when ``data`` does not open with a MIME header block: lines of ``Name: value``
    (and their continuations) up to an empty line, holding a ``Content-Type`` header, within
    its first :data:`HEAD` bytes (all of them header lines when no empty line ends them there).
    """
    if _HEADER_NAME.match(data) is None:  # (page text fails here, at its first space)
        return None
    head = data[:HEAD]
    end = _HEADERS_END.search(head)
    block = head[: end.start()] if end is not None else head[: head.rfind(b"\n") + 1]
    lines = block.replace(b"\r\n", b"\n").split(b"\n")
    if end is None:
        lines = lines[:-1]  # (the empty string after the last line break)
    if not lines or lines[0][:1] in (b" ", b"\t"):
        return None
    if not all(_HEADER_LINE.fullmatch(line) for line in lines):
        return None
    unfolded = b"\n".join(lines).replace(b"\n ", b" ").replace(b"\n\t", b" ")
    found = _CONTENT_TYPE.search(unfolded)
    return found.group(1).decode("ascii", "replace").lower() if found is not None else None


def is_mhtml(data: bytes) -> bool:
    """Whether ``data`` is an MHTML archive: a MIME message of type ``multipart/related``.

    (A browser's "save as a single file": ``.mhtml``, ``.mht``.)
    """
    return mime_type(data) == "multipart/related"


def is_webarchive(data: bytes) -> bool:
    """Whether ``data`` is a Safari web archive: a property list with a ``WebMainResource``.

    The binary form (``bplist00``, what Safari writes) and the XML form are both told.
    """
    if data.startswith(_BINARY_PLIST):
        return b"WebMainResource" in data
    if _XML_PLIST.match(data[:HEAD]) is None:
        return False
    return b"<key>WebMainResource</key>" in data


def is_html(text: str) -> bool:
    """Whether ``text`` is HTML: a doctype or an HTML tag opens it, or tags fill its start."""
    head = text[:HEAD].lstrip("\ufeff")
    if _HTML_START.match(head):
        return True
    return "<" in head and len(_TAG.findall(head)) >= _MIN_TAGS


def is_pdf_text(text: str) -> bool:
    """Whether ``text`` was extracted from a PDF (by a tool, or copied from a PDF viewer).

    It is when it holds ``Page N of M`` lines or hard-wrapped lines near its start (lines
    ending mid-sentence before one going on in lower case, with bare page numbers between
    such lines counted too, or a wrap and lines cut at one width), or form feeds (between
    pages) with a wrapped line.
    Form feeds alone do not make PDF text: page text whose lines are whole, with a form feed
    between pages, is read line for line.
    """
    head = text[:HEAD]
    if "Page " in head and _page_of_line(head):
        return True
    wraps = len(_WRAPPED.findall(head))
    if wraps >= _MIN_WRAPS or (wraps > 0 and "\f" in text):
        return True
    if not wraps:  # whole lines (page text): told at the cost of one search
        return False
    wraps += len(_NUMBER_IN_WRAP.findall(head))
    if wraps >= _MIN_WRAPS:
        return True
    return _WHOLE_LINE.search(head) is None and _cut_at_width(head)


def _cut_at_width(head: str) -> bool:
    """Whether the lines of ``head`` are cut at one width (most wide lines about as long)."""
    lengths = [length for line in head.split("\n")[:-1] if (length := len(line.rstrip())) >= _WIDE]
    if len(lengths) < _MIN_WIDE_LINES or max(lengths) < _MIN_WIDTH:
        return False
    at_width = sum(length >= max(lengths) * _AT_WIDTH for length in lengths)
    return at_width >= len(lengths) * _AT_WIDTH_SHARE
