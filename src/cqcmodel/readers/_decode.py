"""Bytes to text: byte order marks, UTF-8, and Windows-1252 for files that are not UTF-8.

Files people hold come from browsers (UTF-8), old Notepad ("Unicode": UTF-16 with a byte
order mark) and Windows tools (Windows-1252, where ’ is the byte 0x92). The byte order mark
decides first (and UTF-16 without one is told by its zero bytes: every other byte of its
start, for English text); then UTF-8 is tried, and text that is not UTF-8 is read as
Windows-1252 when its bytes read as text there. An ``encoding`` given by the caller overrides
all of it.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from ..errors import ParseError

__all__ = ["decode"]

#: Byte order marks, longest first (UTF-32's LE mark starts like UTF-16's).
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: How many bytes tell UTF-16 text without a byte order mark.
_UTF16_HEAD: Final = 64
#: The fallback for bytes that are not UTF-8.
FALLBACK: Final = "windows-1252"
#: Bytes Windows-1252 leaves undefined: text holding them is not Windows-1252 either.
_UNDEFINED_1252: Final = frozenset(b"\x81\x8d\x8f\x90\x9d")
#: What Windows-1252 text does not hold: control bytes (tab, line breaks and form feed
#: apart), and runs of two or more accented letters (0xC0-0xFF) that touch no ASCII letter
#: ("ÿþ" in a binary file). One alone is text: "à la carte", "3 × weekly".
_NOT_1252_TEXT: Final = re.compile(
    b"[\x00-\x08\x0e-\x1f\x7f]|(?<![A-Za-z])[\xc0-\xff]{2,}(?![A-Za-z])"
)


def decode(data: bytes, *, source: str | None = None, encoding: str | None = None) -> str:
    """``data`` as text, in ``encoding`` or the detected one (see the module's docstring).

    Undecodable bytes raise :class:`~cqcmodel.errors.ParseError` at their line and column,
    naming the encoding tried.
    """
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ParseError(
                f"unknown encoding {encoding!r}", line=1, column=1, source=source
            ) from None
        return _decode_as(data, encoding, source)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, source)
    guessed = _utf16_without_bom(data)
    if guessed is not None:
        return _decode_as(data, guessed, source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        refusal = _not_1252(data)
        if refusal is None:
            return data.decode(FALLBACK)
        raise _error(data, refusal, "UTF-8 (nor Windows-1252)", source) from None


def _not_1252(data: bytes) -> UnicodeDecodeError | None:
    """Why ``data`` is not Windows-1252 text, as an error at the byte that rules it out.

    That is its first undefined or control byte (binary files hold them); ``None`` when
    ``data`` reads as Windows-1252 text.
    """
    spans = [(data.index(byte), data.index(byte) + 1) for byte in _UNDEFINED_1252 if byte in data]
    match = _NOT_1252_TEXT.search(data)
    if match is not None:
        spans.append(match.span())
    if not spans:
        return None
    start, end = min(spans)
    return UnicodeDecodeError(FALLBACK, data, start, end, "not Windows-1252 text")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` for text whose every other byte is zero (ASCII in UTF-16)."""
    head = data[:_UTF16_HEAD]
    if len(head) < 2 or b"\x00" not in head:
        return None
    if not any(head[1::2]) and all(head[0::2]):
        return "utf-16-le"
    if not any(head[0::2]) and all(head[1::2]):
        return "utf-16-be"
    return None


def _decode_as(data: bytes, encoding: str, source: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _error(data, error, encoding, source) from None


def _error(data: bytes, error: UnicodeDecodeError, tried: str, source: str | None) -> ParseError:
    """The positioned error for ``error``: line and column counted in the readable prefix."""
    before = data[: error.start]
    text = before.decode(error.encoding, "replace") if error.encoding else ""
    if not text and before:
        text = before.decode("latin-1")
    line = text.count("\n") + 1
    line_start = text.rfind("\n") + 1
    column = len(text) - line_start + 1
    rest = data[error.start : error.start + 200].decode(error.encoding or "latin-1", "replace")
    line_text = text[line_start:] + rest.split("\n", 1)[0]
    shown = data[error.start : min(error.end, error.start + 4)].hex(" ").upper()
    return ParseError(
        f"bytes {shown} are not {tried} text: is this a binary file, or does it need another "
        "encoding (encoding= in Python, --encoding on the command line)?",
        line=line,
        column=column,
        source=source,
        line_text=line_text,
    )
