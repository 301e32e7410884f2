"""Single-file web archives: the web page an MHTML file or a Safari web archive holds.

A browser's "save as a single file" keeps the page inside a container: Chrome and Edge write
MHTML (``.mhtml``, ``.mht``: a MIME ``multipart/related`` message, the page usually
quoted-printable), as Word and Internet Explorer write ``.mht`` files; Safari writes a
``.webarchive`` (a property list whose ``WebMainResource`` holds the page's bytes). These
functions find the main HTML document in such a file and decode it; the HTML reader then reads
it as any saved web page. Line and column numbers are the archived page's, not the file's: the
page's bytes are not the file's (quoted-printable, base64, a binary property list).

The main document is, in MHTML, the part whose ``Content-Location`` is the message's
``Snapshot-Content-Location`` (Chrome's), else the part its ``start`` parameter names (RFC
2387), else the first HTML part; in a web archive, its ``WebMainResource``. It is decoded by
its declared charset (``WebResourceTextEncodingName`` in a web archive), read as browsers read
that label; without one, as a file of page text is (byte order mark, UTF-8, Windows-1252). An
``encoding`` given by the caller overrides the declared charset.
"""

from __future__ import annotations

import codecs
import email
import email.errors
import email.message
import email.policy
import plistlib
from typing import Final

from ..errors import ParseError
from ._decode import decode, text_encoding

__all__ = ["HTML_TYPES", "IN_ARCHIVE", "in_archive", "mhtml_page", "webarchive_page"]

#: The MIME types of a web page (a document the HTML reader reads).
HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
#: What an error in an archived page says of its line and column.
IN_ARCHIVE: Final = "(line and column in the web page the archive holds)"
#: Byte order marks: they say a page's encoding, whatever its archive declares (as browsers
#: read them).
_BOMS: Final = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: Decoding defects that lose bytes of a part: its base64 is damaged.
_LOSSY: Final = (
    email.errors.InvalidBase64CharactersDefect,
    email.errors.InvalidBase64LengthDefect,
)


def mhtml_page(data: bytes, *, source: str | None = None, encoding: str | None = None) -> str:
    """The main HTML document of the MHTML archive ``data``, decoded.

    Raises :class:`~cqcmodel.errors.ParseError` when the archive holds no HTML part, when its
    main part is not HTML (the message names what it is), when that part's base64 is damaged,
    and when its text cannot be decoded (at the line and column of the page).
    """
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        parts = [part for part in message.walk() if not part.is_multipart()]
        main = _mhtml_main(message, parts, source)
        payload = main.get_payload(decode=True)
        charset = main.get_content_charset()
    except ParseError:
        raise
    except Exception:  # the email package's failures on damaged input
        raise _archive_error("not a readable MHTML archive (damaged MIME)", source) from None
    if not isinstance(payload, bytes):  # pragma: no cover - a leaf part's payload is bytes
        raise _archive_error("not a readable MHTML archive (damaged MIME)", source)
    if any(isinstance(defect, _LOSSY) for defect in main.defects):
        raise _archive_error(
            "the archive's web page is damaged: its base64 encoding holds bytes that are "
            "not base64 (the file was altered or cut)",
            source,
        )
    return _page_text(payload, charset, encoding, source)


def _mhtml_main(
    message: email.message.EmailMessage, parts: list[email.message.EmailMessage], source: str | None
) -> email.message.EmailMessage:
    """The part of ``message`` that holds the page (see the module's docstring)."""
    snapshot = str(message.get("Snapshot-Content-Location", "")).strip()
    if snapshot:
        for part in parts:
            if str(part.get("Content-Location", "")).strip() == snapshot:
                return _checked(part, f"the archived page ({snapshot})", source)
    start = message.get_param("start") if message.is_multipart() else None
    if isinstance(start, str) and start.strip("<> "):
        for part in parts:
            if str(part.get("Content-ID", "")).strip("<> ") == start.strip("<> "):
                return _checked(part, "the archive's start part", source)
    for part in parts:
        if part.get_content_type() in HTML_TYPES:
            return part
    kinds = sorted({part.get_content_type() for part in parts})
    held = f"its parts are {', '.join(kinds)}" if kinds else "it has no parts"
    raise _archive_error(f"no web page in this MHTML archive: no text/html part ({held})", source)


def _checked(
    part: email.message.EmailMessage, what: str, source: str | None
) -> email.message.EmailMessage:
    """``part`` when it is HTML, else the error saying what it is instead."""
    kind = part.get_content_type()
    if kind not in HTML_TYPES:
        raise _not_html(what, kind, source)
    return part


def webarchive_page(data: bytes, *, source: str | None = None, encoding: str | None = None) -> str:
    """The main HTML document of the web archive ``data`` (its ``WebMainResource``), decoded.

    Raises :class:`~cqcmodel.errors.ParseError` when the property list is damaged, when it is
    no web archive (no ``WebMainResource`` holding data), when the main resource is not HTML
    (the message names its type) and when its text cannot be decoded (at the line and column
    of the page).
    """
    if not data.startswith(b"bplist") and data[:64].lstrip()[:6] not in (b"<?xml ", b"<plist"):
        raise _archive_error(
            "not a Safari web archive: it is not a property list (a web archive starts with "
            "'bplist00')",
            source,
        )
    try:
        archive = plistlib.loads(data)
    except Exception:  # plistlib's many failures on damaged input
        raise _archive_error(
            "not a readable web archive: its property list is damaged (cut short, or altered)",
            source,
        ) from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    page = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(main, dict) or not isinstance(page, bytes):
        raise _archive_error(
            "a property list, but not a web archive: it has no WebMainResource with the "
            "page's data",
            source,
        )
    kind = main.get("WebResourceMIMEType")
    kind = kind.strip().lower() if isinstance(kind, str) and kind.strip() else "text/html"
    if kind not in HTML_TYPES:
        url = main.get("WebResourceURL")
        what = f"the archived page ({url})" if isinstance(url, str) and url else "the archive"
        raise _not_html(what, kind, source)
    charset = main.get("WebResourceTextEncodingName")
    return _page_text(page, charset if isinstance(charset, str) else None, encoding, source)


def _page_text(
    payload: bytes, charset: str | None, encoding: str | None, source: str | None
) -> str:
    """The page's bytes as text: ``encoding``, else the declared ``charset``, else detected."""
    if encoding is not None:
        text_encoding(encoding, source=source)  # (the caller's mistake, said as such)
    elif charset and not payload.startswith(_BOMS):
        try:
            text_encoding(charset, source=source)
        except ParseError:
            message = (
                f"the archived page's declared charset {charset!r} is not an encoding "
                "cqcmodel knows: name the encoding it is written in (encoding= in Python, "
                "--encoding on the command line)"
            )
            raise _archive_error(message, source) from None
        encoding = charset
    try:
        return decode(payload, source=source, encoding=encoding)
    except ParseError as error:
        raise in_archive(error) from None


def in_archive(error: ParseError) -> ParseError:
    """``error`` (at a line and column of an archived page) saying so in its message."""
    if error.message.endswith(IN_ARCHIVE):
        return error
    return ParseError(
        f"{error.message} {IN_ARCHIVE}",
        line=error.line,
        column=error.column,
        source=error.source,
        line_text=error.line_text,
    )


def _not_html(what: str, kind: str, source: str | None) -> ParseError:
    return _archive_error(
        f"{what} is {kind}, not a web page (text/html): cqcmodel reads the web pages of "
        "CQC reports saved as archives",
        source,
    )


def _archive_error(message: str, source: str | None) -> ParseError:
    """An error about the archive as a whole, at its start (no line of its own to show)."""
    return ParseError(message, line=1, column=1, source=source)
