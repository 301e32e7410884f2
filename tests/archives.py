"""Single-file web archives built from a page's HTML, as browsers and Word write them.

- :func:`chrome_mhtml`: what Chrome and Edge write for "Save as… Webpage, Single File": a
  ``From: <Saved by Blink>`` header, ``Snapshot-Content-Location``, a ``multipart/related``
  body whose HTML part is quoted-printable (``=3D``, soft line breaks ``=\\r\\n`` at 76
  characters, CRLF line ends), then the page's style sheet and an image in base64; optionally
  a frame's HTML part before the page's, the page's part in base64 or 8bit, a charset in its
  ``Content-Type`` or none.
- :func:`word_mht`: what Word and Internet Explorer write as ``.mht``: no snapshot header, a
  preamble, the page in quoted-printable Windows-1252 under a ``file:///`` location.
- :func:`webarchive`: what Safari writes: a binary property list (``plistlib.FMT_BINARY``)
  whose ``WebMainResource`` holds the page's bytes, its MIME type, encoding name and URL,
  with a sub-resource beside it.

The quoted-printable encoder here is written out (not the standard library's), as Chrome's
own encoder writes it, so that the reader is tested against an independent writer.
"""

from __future__ import annotations

import base64
import plistlib

URL = "https://www.cqc.org.uk/care-services/local-authority-assessment-reports/report"
BOUNDARY = "----MultipartBoundary--Qx1Z7aD3kL9mN2pR5tV8wY0bC4eF6hJ----"
#: Bytes of a small PNG (its signature and a header chunk): an image resource.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
CSS = "body { font-family: Arial, sans-serif; }\n.skip-link { position: absolute; }\n"


#: Labels that browsers (and the reader) read as a larger encoding, as the WHATWG Encoding
#: Standard maps them: the codec that writes a page so labelled.
_LABEL_CODECS = {
    "iso-8859-1": "windows-1252",
    "latin-1": "windows-1252",
    "us-ascii": "windows-1252",
}


def codec(label: str | None) -> str:
    """The codec that writes text labelled ``label`` (``None``: UTF-8, as Chrome writes)."""
    if label is None:
        return "utf-8"
    return _LABEL_CODECS.get(label.lower(), label)


def quoted_printable(data: bytes, *, width: int = 76) -> bytes:
    """``data`` in quoted-printable as Chrome writes it: CRLF hard line breaks, ``=``, bytes
    beyond ASCII and control bytes as ``=XX``, a space or tab ending a line encoded, lines cut
    with a soft break ``=`` (and CRLF) to at most ``width`` characters.
    """
    out: list[bytes] = []
    for line in data.replace(b"\r\n", b"\n").split(b"\n"):
        encoded: list[bytes] = []
        for index, byte in enumerate(line):
            last = index == len(line) - 1
            special = byte == ord("=") or byte > 126 or (byte < 32 and byte != 9)
            if special or (byte in (9, 32) and last):
                encoded.append(b"=%02X" % byte)
            else:
                encoded.append(bytes([byte]))
        cut: list[bytes] = []
        current = b""
        for piece in encoded:
            if len(current) + len(piece) > width - 1:
                cut.append(current + b"=")
                current = b""
            current += piece
        cut.append(current)
        out.append(b"\r\n".join(cut))
    return b"\r\n".join(out)


def _base64_lines(data: bytes) -> bytes:
    text = base64.b64encode(data)
    return b"\r\n".join(text[start : start + 76] for start in range(0, len(text), 76))


def _part(headers: list[tuple[str, str]], body: bytes, *, boundary: str = BOUNDARY) -> bytes:
    head = "".join(f"{name}: {value}\r\n" for name, value in headers)
    return f"--{boundary}\r\n{head}\r\n".encode("ascii") + body + b"\r\n"


def _encoded(data: bytes, transfer: str) -> bytes:
    if transfer == "quoted-printable":
        return quoted_printable(data)
    if transfer == "base64":
        return _base64_lines(data)
    return data  # 8bit, binary: the bytes as they are


def chrome_mhtml(
    html: str,
    *,
    charset: str | None = "utf-8",
    transfer: str = "quoted-printable",
    frame_first: bool = False,
    snapshot: bool = True,
    page_type: str = "text/html",
) -> bytes:
    """``html`` saved as Chrome saves a page as a single file (see the module's docstring).

    ``charset`` is the HTML part's declared charset (``None``: none declared; the page is
    then UTF-8); ``transfer`` its Content-Transfer-Encoding; ``frame_first`` puts a frame's
    HTML part before the page's; ``snapshot=False`` leaves out ``Snapshot-Content-Location``;
    ``page_type`` is the type the page's part is labelled with.
    """
    data = html.encode(codec(charset))
    kind = f"{page_type}; charset={charset}" if charset else page_type
    page = _part(
        [
            ("Content-Type", kind),
            ("Content-ID", "<frame-5A1F3C2B9E7D4A6F8B0C1D2E3F4A5B6C@mhtml.blink>"),
            ("Content-Transfer-Encoding", transfer),
            ("Content-Location", URL),
        ],
        _encoded(data, transfer),
    )
    frame = _part(
        [
            ("Content-Type", "text/html"),
            ("Content-ID", "<frame-0B9C8D7E6F5A4B3C2D1E0F9A8B7C6D5E@mhtml.blink>"),
            ("Content-Transfer-Encoding", "quoted-printable"),
            ("Content-Location", "https://www.googletagmanager.com/ns.html?id=GTM-ABC123"),
        ],
        quoted_printable(b'<html><body><p style="display: none">Tag manager</p></body></html>'),
    )
    style = _part(
        [
            ("Content-Type", "text/css"),
            ("Content-Transfer-Encoding", "quoted-printable"),
            ("Content-Location", "https://www.cqc.org.uk/themes/cqc/styles.css"),
        ],
        quoted_printable(CSS.encode()),
    )
    image = _part(
        [
            ("Content-Type", "image/png"),
            ("Content-Transfer-Encoding", "base64"),
            ("Content-Location", "https://www.cqc.org.uk/themes/cqc/logo.png"),
        ],
        _base64_lines(PNG),
    )
    headers = [
        "From: <Saved by Blink>",
        *([f"Snapshot-Content-Location: {URL}"] if snapshot else []),
        "Subject: =?utf-8?Q?Local_authority_assessment_=E2=80=93_Care_Quality_Commission?=",
        "Date: Tue, 2 Dec 2025 09:14:03 -0000",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        f'\tboundary="{BOUNDARY}"',
    ]
    parts = [frame, page] if frame_first else [page, frame]
    head = ("\r\n".join(headers) + "\r\n\r\n\r\n").encode("ascii")
    return head + b"".join([*parts, style, image]) + f"--{BOUNDARY}--\r\n".encode("ascii")


def word_mht(html: str, *, charset: str = "windows-1252") -> bytes:
    """``html`` as Word (and Internet Explorer) save a "Single File Web Page" (``.mht``)."""
    boundary = "----=_NextPart_01DB4A2C.5E3F1B80"
    head = (
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related; boundary="{boundary}"\r\n'
        "\r\n"
        "This document is a Single File Web Page, also known as a Web Archive file.  If you are "
        "seeing this message, your browser or editor doesn't support Web Archive files.  "
        "Please download a browser that supports Web Archive.\r\n"
        "\r\n"
    ).encode("ascii")
    page = _part(
        [
            ("Content-Location", "file:///C:/A1B2C3D4/report.htm"),
            ("Content-Transfer-Encoding", "quoted-printable"),
            ("Content-Type", f'text/html; charset="{charset}"'),
        ],
        quoted_printable(html.encode(codec(charset))),
        boundary=boundary,
    )
    style = _part(
        [
            ("Content-Location", "file:///C:/A1B2C3D4/report_files/filelist.xml"),
            ("Content-Transfer-Encoding", "quoted-printable"),
            ("Content-Type", 'text/xml; charset="utf-8"'),
        ],
        quoted_printable(b'<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office"></xml>'),
        boundary=boundary,
    )
    return head + page + style + f"--{boundary}--\r\n".encode("ascii")


def webarchive(
    html: str | bytes,
    *,
    encoding: str | None = "UTF-8",
    mime: str = "text/html",
    fmt: plistlib.PlistFormat = plistlib.FMT_BINARY,
) -> bytes:
    """``html`` as Safari saves a page as a web archive (``encoding=None``: no encoding name)."""
    data = html if isinstance(html, bytes) else html.encode(codec(encoding))
    main: dict[str, object] = {
        "WebResourceData": data,
        "WebResourceFrameName": "",
        "WebResourceMIMEType": mime,
        "WebResourceURL": URL,
    }
    if encoding is not None:
        main["WebResourceTextEncodingName"] = encoding
    archive = {
        "WebMainResource": main,
        "WebSubresources": [
            {
                "WebResourceData": CSS.encode(),
                "WebResourceMIMEType": "text/css",
                "WebResourceURL": "https://www.cqc.org.uk/themes/cqc/styles.css",
            },
            {
                "WebResourceData": PNG,
                "WebResourceMIMEType": "image/png",
                "WebResourceURL": "https://www.cqc.org.uk/themes/cqc/logo.png",
            },
        ],
    }
    return plistlib.dumps(archive, fmt=fmt)
