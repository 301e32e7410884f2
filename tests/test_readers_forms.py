"""Every real page, in every form people hold it, reads to the model of its clean text."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import cqcmodel
from cqcmodel import Authority
from cqcmodel.collect import find_files
from cqcmodel.readers import Form, read_file

from .conftest import CORPUS
from .htmlpages import COPY_AFTER, COPY_BEFORE, SHAPES, browser_copy, page_html
from .pdfpages import report_pdf, report_text, split_paragraphs

INDEX: list[dict[str, Any]] = json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))
PAGES = [entry["file"] for entry in INDEX]


def _utf16(text: str, codec: str, bom: bytes) -> bytes:
    return bom + text.encode(codec)


#: Each form: a file name suffix and the file's bytes made from the clean text.
FORMS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    **{
        f"html-{shape}": (".html", lambda text, shape=shape: page_html(text, shape).encode())
        for shape in SHAPES
    },
    "html-in-txt": (".txt", lambda text: page_html(text, "chrome").encode()),
    "browser-copy": (".txt", lambda text: browser_copy(text).encode()),
    "pdf-text": (".txt", lambda text: report_text(text).encode()),
    "pdf": (".pdf", report_pdf),
    "utf-8-bom": (".txt", lambda text: codecs.BOM_UTF8 + text.encode()),
    "utf-16-le": (".txt", lambda text: _utf16(text, "utf-16-le", codecs.BOM_UTF16_LE)),
    "utf-16-be": (".txt", lambda text: _utf16(text, "utf-16-be", codecs.BOM_UTF16_BE)),
    "windows-1252": (".txt", lambda text: text.replace("\n", "\r\n").encode("windows-1252")),
    "windows-1252-html": (".htm", lambda text: page_html(text, "article").encode("cp1252")),
}
EXPECTED_FORM = {
    "html-chrome": Form.HTML,
    "html-article": Form.HTML,
    "html-save-complete": Form.HTML,
    "html-in-txt": Form.HTML,
    "browser-copy": Form.TEXT,
    "pdf-text": Form.PDF_TEXT,
    "pdf": Form.PDF,
    "windows-1252-html": Form.HTML,
}


@pytest.fixture(scope="module")
def clean() -> dict[str, Authority]:
    return {name: cqcmodel.parse_file(CORPUS / name) for name in PAGES}


def _write(tmp_path: Path, name: str, form: str) -> Path:
    suffix, build = FORMS[form]
    text = (CORPUS / name).read_text(encoding="utf-8")
    path = tmp_path / (Path(name).stem + suffix)
    path.write_bytes(build(text))
    return path


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("name", PAGES)
def test_every_form_reads_to_the_clean_model(
    tmp_path: Path, name: str, form: str, clean: dict[str, Authority]
) -> None:
    path = _write(tmp_path, name, form)
    read = read_file(path)
    assert read.form == EXPECTED_FORM.get(form, Form.TEXT)
    assert cqcmodel.parse_file(path) == clean[name]


@pytest.mark.parametrize("name", PAGES)
def test_browser_copy_reports_all_its_furniture(tmp_path: Path, name: str) -> None:
    authority = cqcmodel.parse_file(_write(tmp_path, name, "browser-copy"))
    texts = [item.text for item in authority.set_aside]
    expected = [*COPY_BEFORE, "Print this page", "Back to top", *COPY_AFTER]
    if not (CORPUS / name).read_text(encoding="utf-8").strip().endswith("Commission"):
        expected.remove("© Care Quality Commission")  # a © footer is structure, not furniture
    assert sorted(texts) == sorted(expected)
    lines = (CORPUS / name).read_text(encoding="utf-8").count("\n")
    assert all(item.line <= lines + len(expected) + 2 for item in authority.set_aside)


@pytest.mark.parametrize("shape", SHAPES)
def test_html_reports_what_it_sets_aside(tmp_path: Path, shape: str) -> None:
    path = _write(tmp_path, "westminster-1124-summary.txt", f"html-{shape}")
    authority = cqcmodel.parse_file(path)
    reasons = {item.reason for item in authority.set_aside}
    texts = {item.text for item in authority.set_aside}
    if shape == "chrome":
        assert {"navigation", "site header", "site footer", "cookie banner", "aside"} <= reasons
        assert {"Skip to main content", "Back to top", "Print this page", "Yes"} <= texts
    elif shape == "save-complete":
        assert {"hidden element", "cookie banner", "noscript message"} <= reasons
        assert "We use cookies to improve your experience." in texts
        assert not any("Written by a script" in text or "Template" in text for text in texts)
    else:
        assert authority.set_aside == ()


def test_html_line_numbers_point_into_the_html(tmp_path: Path) -> None:
    path = _write(tmp_path, "seed-windsor-maidenhead-partnerships.txt", "html-save-complete")
    source_lines = path.read_text(encoding="utf-8").split("\n")
    authority = cqcmodel.parse_file(path)
    (statement,) = authority.statements
    for finding in statement.findings:
        assert finding.line is not None
        assert finding.text.split()[0] in source_lines[finding.line - 1]
    for item in authority.set_aside:
        assert item.text.split()[0] in source_lines[item.line - 1]
    columns = [item for item in authority.set_aside if item.text != "★"]
    assert len(columns) >= 5
    for item in columns:
        assert source_lines[item.line - 1][item.column - 1 :].startswith(item.text.split()[0])


def test_html_errors_point_into_the_html(tmp_path: Path) -> None:
    text = (CORPUS / "Hounslow4.txt").read_text(encoding="utf-8")
    broken = text.replace("Score 2", "Score: two")
    assert broken != text
    path = tmp_path / "page.html"
    path.write_text(page_html(broken, "chrome"), encoding="utf-8")
    with pytest.raises(cqcmodel.ParseError) as caught:
        cqcmodel.parse_file(path)
    error = caught.value
    assert error.source == str(path)
    assert error.line_text is not None
    line = path.read_text(encoding="utf-8").split("\n")[error.line - 1]
    assert line == error.line_text
    assert "<" in line  # the HTML's own line, markup and all


def test_pdf_layouts_split_statements_over_pages() -> None:
    """The generated PDFs do exercise page breaks inside paragraphs."""
    split = [
        split_paragraphs((CORPUS / name).read_text(encoding="utf-8"))
        for name in PAGES
        if name.startswith("seed-")
    ]
    assert all(count >= 1 for count in split)


def test_pdf_sets_aside_running_furniture(tmp_path: Path) -> None:
    path = _write(tmp_path, "seed-hillingdon-partnerships.txt", "pdf")
    authority = cqcmodel.parse_file(path)
    reasons = [item.reason for item in authority.set_aside]
    pages = reasons.count("page number")
    assert pages >= 3
    assert reasons.count("running header or footer") == pages
    assert authority.source == str(path)


AUTHORITIES = [
    "sunderland-0525",
    "westminster-1124",
    "hillingdon-1224",
    "Hounslow",
    "ealing-0125",
    "nottingham-city",
]


@pytest.mark.parametrize("paper", ["a6", "a4"])
@pytest.mark.parametrize("prefix", AUTHORITIES)
@pytest.mark.parametrize("form", ["pdf", "pdf-text"])
def test_whole_report_reads_to_the_pages_model(
    tmp_path: Path, prefix: str, form: str, paper: str
) -> None:
    files = sorted(CORPUS.glob(f"{prefix}*.txt"))
    assert len(files) >= 2
    text = "\n".join(path.read_text(encoding="utf-8") for path in files)
    path = tmp_path / f"{prefix}.{'pdf' if form == 'pdf' else 'txt'}"
    if form == "pdf":
        path.write_bytes(report_pdf(text, paper))
    else:
        path.write_bytes(report_text(text, paper).encode())
    report = cqcmodel.parse_file(path)
    assert report == cqcmodel.parse(text)
    (loaded,) = cqcmodel.load(files)
    assert report.name == loaded.name
    assert report.summary == loaded.summary
    assert report.about == loaded.about
    assert sorted(report.statements, key=lambda s: s.title) == sorted(
        loaded.statements, key=lambda s: s.title
    )


def test_parse_accepts_an_html_string() -> None:
    text = (CORPUS / "westminster-1124-summary.txt").read_text(encoding="utf-8")
    assert cqcmodel.parse(page_html(text, "chrome")) == cqcmodel.parse(text)


def test_folder_walks_read_every_form(tmp_path: Path) -> None:
    files = sorted(CORPUS.glob("sunderland-0525*.txt"))
    forms = ["html-chrome", "pdf", "html-save-complete", "utf-16-le", "browser-copy"]
    written = []
    for index, path in enumerate(files):
        written.append(_write(tmp_path, path.name, forms[index % len(forms)]))
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    upper = written[1].with_suffix(".PDF")
    written[1].rename(upper)
    written[1] = upper
    htm = written[0].with_suffix(".htm")
    written[0].rename(htm)
    written[0] = htm
    found = find_files(tmp_path)
    assert sorted(found) == sorted(written)
    (from_forms,) = cqcmodel.load(tmp_path)
    (from_text,) = cqcmodel.load(files)
    assert from_forms == from_text


def test_load_passes_the_encoding_on(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes((CORPUS / "Hounslow4.txt").read_text(encoding="utf-8").encode("cp1252"))
    with pytest.raises(cqcmodel.ParseError, match="utf-8"):
        cqcmodel.load(tmp_path, encoding="utf-8")
    assert cqcmodel.load(tmp_path, encoding="cp1252") == cqcmodel.load([CORPUS / "Hounslow4.txt"])


def test_a_header_inside_the_main_content_holds_its_title() -> None:
    text = (CORPUS / "Hounslow4.txt").read_text(encoding="utf-8")
    article = page_html(text, "article")
    title = article.split("\n")[1]
    assert title.startswith("<h1>")
    html = article.replace(title, f"<header class='page-header'>{title}</header>")
    html = f"<body><header><nav>Home</nav></header><main>{html}</main></body>"
    authority = cqcmodel.parse(html)
    assert authority == cqcmodel.parse(text)
    assert [item.reason for item in authority.set_aside] == ["site header"]
