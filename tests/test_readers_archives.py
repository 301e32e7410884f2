"""Single-file web archives (MHTML, Safari web archives) read as the web page they hold."""

from __future__ import annotations

import contextlib
import json
import plistlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cqcmodel
import cqcmodel.collect
from cqcmodel import Authority, cli
from cqcmodel.errors import CqcModelError, ParseError
from cqcmodel.parser import parse_read
from cqcmodel.readers import Form, ReadText, read_bytes, read_file
from cqcmodel.readers.archives import IN_ARCHIVE
from cqcmodel.readers.detect import is_mhtml, is_webarchive, mime_type

from .archives import URL, chrome_mhtml, codec, quoted_printable, webarchive, word_mht
from .conftest import CORPUS, ROUND_TRIP_EXAMPLES
from .htmlpages import SHAPES, page_html
from .test_cli import no_traceback, run

INDEX: list[dict[str, Any]] = json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))
PAGES = [entry["file"] for entry in INDEX]
TEXTS = {name: (CORPUS / name).read_text(encoding="utf-8") for name in PAGES}

#: Each archive: its file name suffix, the HTML shape it holds and how it is built.
ARCHIVES: dict[str, tuple[str, str, Callable[[str], bytes]]] = {
    "chrome-mhtml": (".mhtml", "chrome", chrome_mhtml),
    "chrome-mhtml-no-charset": (".mhtml", "chrome", lambda html: chrome_mhtml(html, charset=None)),
    "chrome-mhtml-base64": (
        ".mhtml",
        "save-complete",
        lambda html: chrome_mhtml(html, transfer="base64"),
    ),
    "chrome-mhtml-frame-first": (
        ".mht",
        "chrome",
        lambda html: chrome_mhtml(html, frame_first=True),
    ),
    "mhtml-windows-1252": (
        ".mhtml",
        "article",
        lambda html: chrome_mhtml(html, charset="windows-1252"),
    ),
    "word-mht": (".mht", "article", word_mht),
    "webarchive": (".webarchive", "chrome", webarchive),
    "webarchive-latin-1": (
        ".webarchive",
        "article",
        lambda html: webarchive(html.encode("windows-1252"), encoding="ISO-8859-1"),
    ),
    "webarchive-xml-plist": (
        ".webarchive",
        "save-complete",
        lambda html: webarchive(html, fmt=plistlib.FMT_XML),
    ),
}
EXPECTED_FORM = {".mhtml": Form.MHTML, ".mht": Form.MHTML, ".webarchive": Form.WEBARCHIVE}


def _same_reading(archived: ReadText, page: ReadText) -> None:
    """The archive read as the page it holds: same text, positions and lines set aside."""
    assert archived.text == page.text
    assert archived.positions == page.positions
    assert [(item.line, item.column, item.text, item.reason) for item in archived.set_aside] == [
        (item.line, item.column, item.text, item.reason) for item in page.set_aside
    ]


@pytest.fixture(scope="module")
def clean() -> dict[str, Authority]:
    return {name: cqcmodel.parse_file(CORPUS / name) for name in PAGES}


@pytest.mark.parametrize("archive", sorted(ARCHIVES))
@pytest.mark.parametrize("name", PAGES)
def test_every_archive_reads_to_the_model_of_the_page_it_holds(
    tmp_path: Path, name: str, archive: str, clean: dict[str, Authority]
) -> None:
    suffix, shape, build = ARCHIVES[archive]
    html = page_html(TEXTS[name], shape)
    page = tmp_path / (Path(name).stem + ".html")
    page.write_text(html, encoding="utf-8")
    path = tmp_path / (Path(name).stem + suffix)
    path.write_bytes(build(html))
    read = read_file(path)
    assert read.form is EXPECTED_FORM[suffix]
    assert read.source == str(path)  # the file is named; positions are the page's
    _same_reading(read, read_file(page))
    authority = cqcmodel.parse_file(path)
    assert authority == cqcmodel.parse_file(page) == clean[name]
    assert authority.source == str(path)


def test_chromes_archive_is_quoted_printable_with_soft_line_breaks() -> None:
    """The helper writes what the reader must undo: ``=3D``, ``=\\r\\n``, ``=E2=80=99``."""
    html = page_html(TEXTS["westminster-1124-theme3-safeguarding.txt"], "chrome")
    data = chrome_mhtml(html)
    assert b"=\r\n" in data
    assert b'lang=3D"en"' in data
    assert b"=E2=80=99" in data or b"=C2=A9" in data
    assert all(len(line) <= 76 for line in quoted_printable(html.encode()).split(b"\r\n"))


@settings(max_examples=ROUND_TRIP_EXAMPLES)
@given(
    name=st.sampled_from(PAGES),
    shape=st.sampled_from(SHAPES),
    kind=st.sampled_from(["mhtml", "word", "webarchive"]),
    transfer=st.sampled_from(["quoted-printable", "base64", "8bit"]),
    charset=st.sampled_from(["utf-8", "windows-1252", "iso-8859-1", "utf-16", None]),
    frame_first=st.booleans(),
    snapshot=st.booleans(),
)
def test_any_archive_of_any_page_reads_as_the_page(
    name: str,
    shape: str,
    kind: str,
    transfer: str,
    charset: str | None,
    frame_first: bool,
    snapshot: bool,
) -> None:
    """Whatever the archive, transfer encoding and charset, the page reads as its HTML does.

    (UTF-16 text is never quoted-printable or 8bit: MIME's line breaks would cut its
    characters; it is base64, or a web archive's bytes.)
    """
    if charset == "utf-16":
        transfer = "base64"
        kind = "webarchive" if kind == "word" else kind
    if kind == "word" and charset is None:
        charset = "windows-1252"  # (Word always declares one)
    # Characters the page's encoding lacks are written as character references.
    written = codec(charset)
    html = page_html(TEXTS[name], shape).replace('charset="utf-8"', f'charset="{written}"')
    html = html.encode(written, "xmlcharrefreplace").decode(written)
    if kind == "mhtml":
        if not snapshot and frame_first:  # without a snapshot header the first HTML part is it
            frame_first = False
        data = chrome_mhtml(
            html, charset=charset, transfer=transfer, frame_first=frame_first, snapshot=snapshot
        )
    elif kind == "word":
        data = word_mht(html, charset=charset or "windows-1252")
    else:
        data = webarchive(html.encode(written), encoding=charset)
    _same_reading(read_bytes(data), read_bytes(html.encode()))


@given(
    kind=st.sampled_from(["mhtml", "webarchive"]),
    cut=st.floats(min_value=0.0, max_value=1.0),
    flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), max_size=4),
)
def test_a_damaged_archive_reads_or_is_a_clear_error(
    kind: str, cut: float, flips: list[tuple[float, int]]
) -> None:
    """Cut short or with bytes changed, an archive never leaks an email or plistlib error."""
    html = page_html(TEXTS["hillingdon-1224-theme1-needs.txt"], "chrome")
    data = bytearray(chrome_mhtml(html) if kind == "mhtml" else webarchive(html))
    for where, byte in flips:
        data[int(where * (len(data) - 1))] = byte
    data = data[: max(1, int(cut * len(data)))]
    suffix = ".mhtml" if kind == "mhtml" else ".webarchive"
    with contextlib.suppress(CqcModelError):  # any other exception fails the test
        read_bytes(bytes(data), suffix=suffix)


# --- telling them ------------------------------------------------------------------------------


def test_archives_are_told_by_their_content_without_a_name() -> None:
    html = page_html(TEXTS["westminster-1124-theme1-needs.txt"], "chrome")
    assert is_mhtml(chrome_mhtml(html))
    assert is_mhtml(word_mht(html))
    assert is_webarchive(webarchive(html))
    assert is_webarchive(webarchive(html, fmt=plistlib.FMT_XML))
    assert read_bytes(chrome_mhtml(html)).form is Form.MHTML
    assert read_bytes(word_mht(html)).form is Form.MHTML
    assert read_bytes(webarchive(html)).form is Form.WEBARCHIVE
    # Telling them is cheap and never takes a page (text or HTML) for an archive.
    for text in TEXTS.values():
        for data in (text.encode(), page_html(text).encode()):
            assert not is_mhtml(data)
            assert not is_webarchive(data)
            assert mime_type(data) is None


@pytest.mark.parametrize(
    "start",
    [
        b"Score: 3\nSafeguarding\n",
        b"Score: 3\nContent-Type: text/plain\nPeople told us\n",
        b"MIME-Version: 1.0\n  folded\n",  # headers, but no Content-Type
        b" Content-Type: multipart/related\n\n",  # a continuation cannot open a header block
    ],
)
def test_text_that_only_starts_like_headers_is_no_mime_message(start: bytes) -> None:
    assert mime_type(start) is None
    assert not is_mhtml(start)


def test_a_bare_property_list_is_no_web_archive() -> None:
    assert not is_webarchive(plistlib.dumps({"CFBundleName": "Safari"}, fmt=plistlib.FMT_BINARY))
    assert not is_webarchive(b"bplist00")


def test_an_mht_name_on_a_single_part_message_reads_its_page() -> None:
    """A MIME message that is the page itself (no multipart) is MHTML when its name says so."""
    html = page_html(TEXTS["sunderland-0525__theme3__safeguarding.txt"], "article")
    data = (
        b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + quoted_printable(html.encode())
    )
    assert mime_type(data) == "text/html"
    assert not is_mhtml(data)
    read = read_bytes(data, suffix=".mht")
    assert read.form is Form.MHTML
    _same_reading(read, read_bytes(html.encode()))


def test_without_a_snapshot_header_the_start_parameter_names_the_page() -> None:
    """RFC 2387: ``start`` names the root part by its Content-ID, here after a frame's."""
    html = page_html(TEXTS["sunderland-0525__theme3__safeguarding.txt"], "chrome")
    data = chrome_mhtml(html, frame_first=True, snapshot=False)
    with pytest.raises(ParseError) as caught:  # the first HTML part: the frame's
        read_bytes(data)
    assert "Tag manager" in (caught.value.line_text or "")
    data = data.replace(
        b'\ttype="text/html";',
        b'\ttype="text/html"; start="<frame-5A1F3C2B9E7D4A6F8B0C1D2E3F4A5B6C@mhtml.blink>";',
    )
    _same_reading(read_bytes(data), read_bytes(html.encode()))


def test_an_mht_name_on_a_plain_web_page_reads_the_page() -> None:
    html = page_html(TEXTS["sunderland-0525__theme3__safeguarding.txt"], "chrome")
    read = read_bytes(html.encode(), suffix=".MHT")
    assert read.form is Form.HTML
    _same_reading(read, read_bytes(html.encode()))


# --- errors ------------------------------------------------------------------------------------


def _error(data: bytes, *, suffix: str | None = None, encoding: str | None = None) -> ParseError:
    with pytest.raises(ParseError) as caught:
        read_bytes(data, source="report" + (suffix or ""), suffix=suffix, encoding=encoding)
    error = caught.value
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__  # no library error behind
    return error


def test_an_mhtml_archive_without_a_web_page_says_what_it_holds() -> None:
    html = page_html(TEXTS["hillingdon-1224-theme1-needs.txt"], "chrome")
    data = chrome_mhtml(html, page_type="text/plain", snapshot=False)
    data = data.replace(b"Content-Type: text/html", b"Content-Type: text/xml")
    error = _error(data, suffix=".mhtml")
    assert (error.line, error.column, error.source) == (1, 1, "report.mhtml")
    assert "no web page in this MHTML archive" in error.message
    assert "image/png, text/css, text/plain, text/xml" in error.message


def test_an_archived_page_that_is_not_html_is_named() -> None:
    html = page_html(TEXTS["hillingdon-1224-theme1-needs.txt"], "chrome")
    error = _error(chrome_mhtml(html, page_type="application/pdf"))
    assert error.message.startswith(f"the archived page ({URL}) is application/pdf, not a web")
    error = _error(webarchive(b"%PDF-1.7\n", mime="application/pdf"), suffix=".webarchive")
    assert error.message.startswith(f"the archived page ({URL}) is application/pdf, not a web")
    assert (error.line, error.column) == (1, 1)


@pytest.mark.parametrize("cut", [9, 100, -40])
def test_a_damaged_property_list_is_a_clear_error(cut: int) -> None:
    data = webarchive(page_html(TEXTS["hillingdon-1224-theme1-needs.txt"], "chrome"))
    error = _error(data[:cut], suffix=".webarchive")
    assert "not a readable web archive: its property list is damaged" in error.message
    assert (error.line, error.column, error.line_text) == (1, 1, None)


def test_a_property_list_or_file_that_is_no_web_archive_is_a_clear_error() -> None:
    plist = plistlib.dumps({"CFBundleName": "Safari"}, fmt=plistlib.FMT_BINARY)
    error = _error(plist, suffix=".webarchive")
    assert "not a web archive: it has no WebMainResource" in error.message
    error = _error(plistlib.dumps({"WebMainResource": {"WebResourceData": "text"}}))
    assert "not a web archive" in error.message
    error = _error(plistlib.dumps({"CFBundleName": "Safari"}), suffix=".webarchive")
    assert "not a web archive: it has no WebMainResource" in error.message
    html = page_html(TEXTS["hillingdon-1224-theme1-needs.txt"], "chrome")
    error = _error(html.encode(), suffix=".webarchive")
    assert "not a Safari web archive: it is not a property list" in error.message


def test_damaged_base64_in_the_page_is_refused_not_dropped() -> None:
    html = page_html(TEXTS["hillingdon-1224-theme1-needs.txt"], "chrome")
    data = chrome_mhtml(html, transfer="base64")
    start = data.index(b"\r\n\r\n", data.index(b"Content-ID: <frame-5A1F")) + 40
    data = data[:start] + b"!!" + data[start + 2 :]
    error = _error(data)
    assert "its base64 encoding holds bytes that are not base64" in error.message


def test_a_byte_the_declared_charset_cannot_read_is_at_its_place_in_the_page() -> None:
    """A Windows-1252 page in an archive that declares UTF-8: an error at the page's byte."""
    html = page_html(TEXTS["hillingdon-1224-theme1-needs.txt"], "article")
    html = html.replace("<h2>", "<p>Carers’ centre</p>\n<h2>", 1)
    page = html.encode("windows-1252", "xmlcharrefreplace")
    first = next(index for index, character in enumerate(html) if not character.isascii())
    line = html.count("\n", 0, first) + 1
    column = first - html.rfind("\n", 0, first)
    for archive in (chrome_mhtml(html, charset="windows-1252"), webarchive(page)):
        data = archive.replace(b"charset=windows-1252", b"charset=utf-8")
        error = _error(data)
        assert (error.line, error.column) == (line, column)
        assert error.message.lower().startswith(f"byte {page[first]:02X} is not utf-8 text")
        assert error.message.endswith(IN_ARCHIVE)
        assert error.line_text is not None
        assert error.line_text[: column - 1] == html.split("\n")[line - 1][: column - 1]
        # The caller's encoding reads it.
        read = read_bytes(data, encoding="windows-1252")
        assert "Carers’ centre" in read.text
        _same_reading(read, read_bytes(html.encode()))


def test_an_unknown_declared_charset_is_a_clear_error() -> None:
    html = page_html(TEXTS["hillingdon-1224-theme1-needs.txt"], "article")
    data = webarchive(html.encode(), encoding="x-mac-klingon")
    error = _error(data)
    assert "declared charset 'x-mac-klingon' is not an encoding cqcmodel knows" in error.message
    assert read_bytes(data, encoding="utf-8").form is Form.WEBARCHIVE
    # The caller's unknown encoding is the caller's mistake, said as it is for any file.
    error = _error(data, encoding="rot13")
    assert error.message.startswith("'rot13' is not a text encoding")
    assert IN_ARCHIVE not in error.message


def test_a_parse_error_in_an_archived_page_is_at_the_pages_line_and_says_so() -> None:
    text = TEXTS["hillingdon-1224-theme1-needs.txt"].replace("Score: 3\n", "Score: two\n", 1)
    assert "Score: two" in text
    html = page_html(text, "chrome")
    with pytest.raises(ParseError) as plain:
        cqcmodel.parse(html)
    for data, suffix in ((chrome_mhtml(html), ".mhtml"), (webarchive(html), ".webarchive")):
        with pytest.raises(ParseError) as caught:
            parse_read(read_bytes(data, source=f"report{suffix}"))
        error = caught.value
        assert (error.line, error.column) == (plain.value.line, plain.value.column)
        assert error.message == f"{plain.value.message} {IN_ARCHIVE}"
        assert error.line_text is not None and "Score: two" in error.line_text
        assert str(error).startswith(f"report{suffix}:{error.line}:{error.column}: ")
    # The line is the page's: the archive's own line of that number is something else.
    archive_lines = chrome_mhtml(html).decode().split("\r\n")
    assert "Score: two" not in archive_lines[plain.value.line - 1]


def test_an_error_in_reading_the_archived_html_says_where_it_is() -> None:
    html = "<!DOCTYPE html><html><body><main>\n\n</main></body></html>"
    error = _error(chrome_mhtml(html))
    assert error.message.startswith("no text in the page's main content (<main>)")
    assert error.message.endswith(IN_ARCHIVE)
    assert (error.line, error.column) == (1, 28)


# --- the command line --------------------------------------------------------------------------


def test_the_command_line_reads_an_mhtml_file(tmp_path: Path) -> None:
    name = "westminster-1124-theme3-safeguarding.txt"
    html = page_html(TEXTS[name], "chrome")
    path = tmp_path / "Safeguarding - Care Quality Commission.mhtml"
    path.write_bytes(chrome_mhtml(html))
    result = run("parse", "--authority", "Westminster City Council", path)
    assert result.returncode == 0, result.stderr
    no_traceback(result)
    (item,) = json.loads(result.stdout)
    expected = cqcmodel.parse_file(CORPUS / name)
    assert cqcmodel.loads(json.dumps(item["authority"])) == expected
    bad = tmp_path / "bad.webarchive"
    bad.write_bytes(webarchive(html)[:200])
    result = run("check", bad)
    assert result.returncode == 1
    no_traceback(result)
    assert re.search(rf"{re.escape(str(bad))}:1:1: .*property list is damaged", result.stderr)


def test_check_points_warnings_in_an_archive_at_the_pages_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = page_html(TEXTS["hillingdon-1224-theme1-equity.txt"], "chrome")
    found = {}
    for suffix, data in ((".html", html.encode()), (".mhtml", chrome_mhtml(html))):
        path = tmp_path / f"equity{suffix}"
        path.write_bytes(data)
        capsys.readouterr()
        assert cli.main(["check", str(path)]) == 0
        err = capsys.readouterr().err
        found[suffix] = [line.replace(str(path), "equity") for line in err.splitlines()]
    assert found[".mhtml"] == found[".html"]


def test_a_folder_walk_reads_archives_with_the_other_pages(tmp_path: Path) -> None:
    name = "hillingdon-1224-theme1-equity.txt"
    html = page_html(TEXTS[name], "chrome")
    (tmp_path / "equity.mhtml").write_bytes(chrome_mhtml(html))
    (tmp_path / "equity-safari.webarchive").write_bytes(webarchive(html))
    (tmp_path / "equity-word.mht").write_bytes(word_mht(html))
    loaded = cqcmodel.collect.load_all(tmp_path)
    assert not loaded.errors
    assert sorted(Path(path).name for path in loaded.files) == [
        "equity-safari.webarchive",
        "equity-word.mht",
        "equity.mhtml",
    ]
    (authority,) = loaded.authorities  # the three copies of one page agree
    assert authority == cqcmodel.parse_file(CORPUS / name)
