"""Bytes to text: byte order marks, UTF-8, and Windows-1252 for files that are not UTF-8.

Files people hold come from browsers (UTF-8), old Notepad ("Unicode": UTF-16 with a byte
order mark) and Windows tools (Windows-1252, where ’ is the byte 0x92). The byte order mark
decides first (and UTF-16 without one is told by its zero bytes: every other byte of its
start, for English text); then UTF-8 is tried. Text that holds UTF-8's multi-byte characters
is UTF-8: a byte that is not (a line pasted from a Windows-1252 file, a file cut inside its
last character) is an error at that byte, never a reason to read the whole text otherwise.
Only text with no UTF-8 character beyond ASCII is read as Windows-1252, when its bytes read as
text there. An ``encoding`` given by the caller overrides all of it; labels browsers read as
a larger encoding are read so (``latin-1`` and ``ascii`` as Windows-1252, as the WHATWG
Encoding Standard says), and a name that is no text encoding (``rot13``, ``base64``) is an
error.

Line separators (U+2028, U+0085) are left to the text's normalisation
(:class:`cqcmodel.text.SourceText`), which reads them alike in files and strings.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from ..errors import ParseError

__all__ = ["decode", "text_encoding"]

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
#: Encodings (by Python's codec name) that browsers read as a larger one, as the WHATWG
#: Encoding Standard maps their labels: a file labelled Latin-1 or ASCII is Windows-1252 text,
#: whose 0x92 is ’ (in Latin-1 it is an invisible control character).
_BROWSER_MEANING: Final = {
    "ascii": "windows-1252",
    "iso8859-1": "windows-1252",
    "iso8859-9": "windows-1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
}
#: Bytes Windows-1252 leaves undefined: text holding them is not Windows-1252 either.
_UNDEFINED_1252: Final = frozenset(b"\x81\x8d\x8f\x90\x9d")
#: What Windows-1252 text does not hold: control bytes (tab, line breaks and form feed
#: apart), and runs of two or more accented letters (0xC0-0xFF) that touch no ASCII letter
#: ("ÿþ" in a binary file). One alone is text: "à la carte", "3 × weekly".
_NOT_1252_TEXT: Final = re.compile(
    b"[\x00-\x08\x0e-\x1f\x7f]|(?<![A-Za-z])[\xc0-\xff]{2,}(?![A-Za-z])"
)
#: A well-formed UTF-8 character of two to four bytes (RFC 3629's table).
_UTF8_MULTIBYTE: Final = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_NOT_ASCII: Final = re.compile(rb"[\x80-\xff]")
#: The line breaks of :class:`~cqcmodel.text.SourceText`, which error positions count by.
_LINE_BREAK: Final = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\u2029]")
#: How to name another encoding, said by every decoding error.
_OVERRIDE: Final = "encoding= in Python, --encoding on the command line"


def text_encoding(name: str, *, source: str | None = None) -> str:
    """The codec to read text labelled ``name`` with, as browsers read that label.

    ``latin-1``, ``iso-8859-1``, ``ascii`` and the other labels browsers read as a larger
    encoding give that encoding (``windows-1252``, …); any other text encoding Python knows
    is returned as given. An unknown name, or a codec that is no text encoding (``rot13``,
    ``base64``, ``zlib``), is a :class:`~cqcmodel.errors.ParseError` at line 1 of ``source``.
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a name holding a NUL character
        raise _refused(f"unknown encoding {name!r}", source) from None
    try:
        b"\0\0\0\0".decode(name)  # (empty bytes would not be looked at)
    except LookupError:  # a codec of bytes to bytes, or of text to text
        raise _refused(f"{name!r} is not a text encoding", source) from None
    except UnicodeError:  # a codec that refuses these bytes: decoding will say where
        pass
    return _BROWSER_MEANING.get(info.name, name)


def _refused(problem: str, source: str | None) -> ParseError:
    return ParseError(
        f"{problem}: name the encoding the text is written in, such as utf-8 or windows-1252",
        line=1,
        column=1,
        source=source,
    )


def decode(data: bytes, *, source: str | None = None, encoding: str | None = None) -> str:
    """``data`` as text, in ``encoding`` or the detected one (see the module's docstring).

    Undecodable bytes raise :class:`~cqcmodel.errors.ParseError` at their line and column,
    naming the encoding tried.
    """
    if encoding is not None:
        codec = text_encoding(encoding, source=source)
        tried = f"{encoding} text"
        if codec != encoding:
            tried = f"{_named(codec)} text (as browsers read {encoding!r})"
        return _decode_as(data, codec, source, tried)
    for bom, name in _BOMS:
        if data.startswith(bom):
            tried = f"{_named(name)} text, as the file's byte order mark says it is"
            return _decode_as(data, name, source, tried)
    guessed = _utf16_without_bom(data)
    if guessed is not None:
        return _decode_as(data, guessed, source, f"{guessed} text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        text = _not_utf8(data, error, source)
    return text


def _named(codec: str) -> str:
    if codec == "cp874":
        return "windows-874"
    return codec.upper().replace("-SIG", "") if codec.startswith("utf") else codec


def _not_utf8(data: bytes, error: UnicodeDecodeError, source: str | None) -> str:
    """Text that is not all UTF-8: an error if UTF-8 elsewhere, else Windows-1252 text."""
    evidence = _utf8_character(data, error.start)
    if evidence is not None:
        raise _utf8_error(data, error, evidence, source)
    refusal = _not_1252(data)
    if refusal is None:
        return data.decode(FALLBACK)
    raise _error(refusal, "UTF-8 (nor Windows-1252) text", source) from None


def _utf8_character(data: bytes, start: int) -> int | None:
    """Where ``data`` holds its first UTF-8 character beyond ASCII (``None``: nowhere).

    ``data`` is UTF-8 before ``start``, so any byte beyond ASCII there starts one.
    """
    if not data[:start].isascii():
        found = _NOT_ASCII.search(data)
        assert found is not None
        return found.start()
    found = _UTF8_MULTIBYTE.search(data, start)
    return None if found is None else found.start()


def _utf8_error(
    data: bytes, error: UnicodeDecodeError, evidence: int, source: str | None
) -> ParseError:
    """The error for UTF-8 text with bytes that are not: it names the byte and the evidence."""
    shown = _bytes(error)
    if error.reason == "unexpected end of data":
        message = (
            f"the text ends inside a UTF-8 character ({shown} {_verb(error, 'start')} one): "
            f"was the file cut short? Remove {shown}, or name the encoding if it is not UTF-8 "
            f"({_OVERRIDE})"
        )
        return _positioned(data, error.start, "utf-8", source, message)
    line, column, _ = _position(data, evidence, "utf-8")
    character = data[evidence:].decode("utf-8", "replace")[0]
    message = (
        f"{shown} {_verb(error, 'be')} not UTF-8, but the rest "
        f"of the text is UTF-8 ({character!r} at line {line}, column {column}): correct "
        f"{shown}, or name the encoding if the text is in another, such as windows-1252 "
        f"({_OVERRIDE})"
    )
    return _positioned(data, error.start, "utf-8", source, message)


def _verb(error: UnicodeDecodeError, verb: str) -> str:
    """``verb`` agreeing with :func:`_bytes` (``is``/``are``, ``starts``/``start``)."""
    one = error.end - error.start == 1
    if verb == "be":
        return "is" if one else "are"
    return f"{verb}s" if one else verb


def _bytes(error: UnicodeDecodeError) -> str:
    """``byte 92`` or ``bytes E2 80``: the bytes ``error`` is about (four at most)."""
    shown = error.object[error.start : min(error.end, error.start + 4)]
    return f"byte{'s' * (len(shown) != 1)} {shown.hex(' ').upper()}"


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


def _decode_as(data: bytes, encoding: str, source: str | None, tried: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _error(error, tried, source) from None
    except UnicodeError as error:  # codecs such as idna refuse text as a whole
        raise ParseError(
            f"the bytes are not {tried} ({error})", line=1, column=1, source=source
        ) from None


def _error(error: UnicodeDecodeError, tried: str, source: str | None) -> ParseError:
    """The positioned error for ``error``, in the bytes the decoder was given.

    (A decoder that skips a byte order mark is given the bytes after it.)
    """
    message = (
        f"{_bytes(error)} {_verb(error, 'be')} not {tried}: is "
        f"this a binary file, or does it need another encoding ({_OVERRIDE})?"
    )
    return _positioned(error.object, error.start, error.encoding, source, message)


def _positioned(
    data: bytes, start: int, encoding: str, source: str | None, message: str
) -> ParseError:
    line, column, line_text = _position(data, start, encoding)
    return ParseError(message, line=line, column=column, source=source, line_text=line_text)


def _position(data: bytes, start: int, encoding: str) -> tuple[int, int, str]:
    """The line, column (in characters) and line text of byte ``start`` of ``data``."""
    try:
        text = data[:start].decode(encoding, "replace")
    except LookupError:  # pragma: no cover - the decoder's own name is known
        text = data[:start].decode("latin-1")
    lines = _LINE_BREAK.split(text)
    rest = data[start : start + 200].decode(encoding, "replace")
    line_text = lines[-1] + _LINE_BREAK.split(rest, maxsplit=1)[0]
    return len(lines), len(lines[-1]) + 1, line_text
