"""Bad input of every form is a positioned ParseError, never another exception."""

from __future__ import annotations

import builtins
import codecs
import io
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfgen import canvas

import cqcmodel
from cqcmodel import CqcModelError, ParseError
from cqcmodel.readers import Form, read_bytes, read_file, read_text
from cqcmodel.readers.html import MAX_DEPTH
from cqcmodel.readers.pdf import PdfSupportMissingError

from .conftest import CORPUS
from .htmlpages import page_html
from .pdfpages import report_pdf

PAGE = (CORPUS / "westminster-1124-summary.txt").read_text(encoding="utf-8")


def _error(path: Path) -> ParseError:
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse_file(path)
    assert caught.value.source == str(path)
    return caught.value


def _pdf(draw: Any, **options: Any) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, **options)
    draw(pdf)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_scanned_pdf_says_it_has_no_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(lambda pdf: pdf.rect(40, 40, 300, 500, fill=1)))
    error = _error(path)
    assert "no text layer; the PDF is scanned" in error.message
    assert (error.line, error.column) == (1, 1)


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(_pdf(lambda pdf: pdf.drawString(40, 40, "Safeguarding"), encrypt="secret"))
    assert "encrypted" in _error(path).message


def test_broken_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(report_pdf(PAGE)[:400])
    message = _error(path).message
    assert message == "not a readable PDF file (damaged, or not a PDF)"


def test_pdf_name_without_pdf_content(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    path.write_text(PAGE, encoding="utf-8")
    assert "not a PDF file" in _error(path).message


def test_pdf_without_the_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pdfminer(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("pdfminer"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pdfminer)
    with pytest.raises(PdfSupportMissingError) as caught:
        read_bytes(report_pdf(PAGE), source="report.pdf")
    assert "cqcmodel[pdf]" in str(caught.value)
    assert "report.pdf" in str(caught.value)
    assert isinstance(caught.value, CqcModelError)


def test_binary_junk_named_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    error = _error(path)
    assert error.line >= 1
    assert error.column >= 1


def test_text_named_html_without_tags_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("just some words &amp; an entity\n", encoding="utf-8")
    assert read_file(path).form is Form.HTML
    assert read_file(path).text == "just some words & an entity\n"


def test_html_without_main_content(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<!DOCTYPE html>\n<html><body>\n<nav>Home</nav>\n  <main><script>x()</script></main>\n"
        "</body></html>\n",
        encoding="utf-8",
    )
    error = _error(path)
    assert "no text in the page's main content (<main>)" in error.message
    assert (error.line, error.column) == (4, 3)


def test_malformed_html_is_read_as_a_browser_would(tmp_path: Path) -> None:
    html = page_html(PAGE, "article").replace("</p>", "").replace("</li>", "")
    html = html.replace("</article>", "</div></span><table><td>")
    assert cqcmodel.parse(html) == cqcmodel.parse(PAGE)


def test_malformed_html_errors_are_positioned() -> None:
    html = "<div><p>Westminster City Council: local authority assessment\n<p>Score: nine</b>"
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse(html)
    assert caught.value.line == 2
    assert caught.value.line_text == "<p>Score: nine</b>"


@pytest.mark.timeout(240)
def test_a_50_mb_saved_page_reads_in_bounded_time() -> None:
    """50 MB, as a saved page holding inline scripts and data runs: the page still reads."""
    filler = "<script>var data = '" + "x" * 1000 + "';</script>\n"
    chrome = page_html(PAGE, "chrome")
    head, tail = chrome.split("<main", 1)
    html = head + filler * (50_000_000 // len(filler)) + "<main" + tail
    assert len(html) > 50_000_000
    assert cqcmodel.parse(html) == cqcmodel.parse(PAGE)


@pytest.mark.timeout(240)
def test_a_50_mb_page_nested_too_deep_is_refused() -> None:
    html = "<!doctype html><main>" + "<div><span>text\n" * (50_000_000 // 17)
    with pytest.raises(ParseError) as caught:
        read_text(html)
    assert f"nested more than {MAX_DEPTH} deep" in caught.value.message
    assert caught.value.line > 1


def test_undecodable_bytes_name_the_encoding_and_position(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"Safeguarding\nScore: \x92\n")
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse_file(path, encoding="utf-8")
    assert (caught.value.line, caught.value.column) == (2, 8)
    assert "utf-8" in caught.value.message


def test_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    with pytest.raises(ParseError, match="unknown encoding 'klingon'"):
        cqcmodel.parse_file(path, encoding="klingon")


def test_encoding_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.encode("cp1252"))
    assert cqcmodel.parse_file(path, encoding="cp1252") == cqcmodel.parse(PAGE)
    assert "’" not in read_file(path, encoding="cp437").text  # as asked, not as detected


def test_windows_1252_fallback_reads_typographic_quotes() -> None:
    data = "Westminster City Council: local authority assessment\nPeople’s “voices” – £5\n"
    read = read_bytes(data.encode("cp1252"))
    assert read.text == data


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_told_by_its_zero_bytes(codec: str) -> None:
    assert read_bytes(PAGE.encode(codec)).text == PAGE


def test_nul_bytes_in_text_are_a_positioned_error() -> None:
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse("Safeguarding\nScore: 3\x00\n")
    assert (caught.value.line, caught.value.column) == (2, 9)


def test_utf8_bom_and_utf16_boms() -> None:
    for data in (
        codecs.BOM_UTF8 + PAGE.encode(),
        codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"),
    ):
        assert read_bytes(data).text.lstrip("\ufeff") == PAGE


@pytest.mark.parametrize(("bad", "shown"), [(b"\x00", "00"), (b"\x81", "81")])
def test_undecodable_text_names_the_byte_windows_1252_refuses(bad: bytes, shown: str) -> None:
    # 0xE9 is not UTF-8 but is Windows-1252 (é): the error is about the byte that is neither.
    with pytest.raises(ParseError) as caught:
        read_bytes(b"Caf\xe9 ok\nline " + bad + b" more\n", source="x.txt")
    assert (caught.value.line, caught.value.column) == (2, 6)
    assert caught.value.message.startswith(f"byte {shown} is not UTF-8 (nor Windows-1252)")


@pytest.mark.parametrize("text", ["à la carte", "vis-à-vis", "3 × weekly", "café – £5 ½ price"])
def test_windows_1252_text_with_lone_accented_letters_is_read(text: str) -> None:
    page = f"{PAGE}{text}\n"
    assert read_bytes(page.encode("cp1252")).text == page


def test_a_run_of_accented_letters_touching_no_letter_is_not_windows_1252() -> None:
    with pytest.raises(ParseError, match=r"bytes FF FE .*not UTF-8 \(nor Windows-1252\)"):
        read_bytes(b"Safeguarding\nScore: 3 \xff\xfe\xfd\n")


def test_a_message_naming_another_line_names_it_in_the_html() -> None:
    html = (
        "<html><body>\n<main>\n<h1>Kent County Council: local authority assessment</h1>\n"
        "<h2>Assessing needs</h2>\n<p>Score: 3</p>\n"
        "<h1>Surrey County Council: local authority assessment</h1>\n</main></body></html>\n"
    )
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse(html)
    assert (caught.value.line, caught.value.column) == (6, 5)
    assert "'Kent County Council' (line 3) and 'Surrey County Council'" in caught.value.message
