"""Text copied from a PDF viewer: wrapped lines, bare page numbers, no form feeds."""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cqcmodel
from cqcmodel.readers import Form, read_text
from cqcmodel.readers.detect import is_pdf_text
from cqcmodel.readers.pdftext import PAGE_LINES, page_numbers_within

from .conftest import CORPUS

#: Statement pages with sub-headings and without, a summary and an about page.
NAMES = (
    "westminster-1124-theme3-safeguarding.txt",
    "hillingdon-1224-theme1-needs.txt",
    "seed-windsor-maidenhead-partnerships.txt",
    "nottingham-city__2-providing-support__partnerships-communities.txt",
)
_BARE = re.compile(r"\d+")


def viewer_copy(text: str, *, width: int = 80, page: int = 40, blank: bool = False) -> str:
    """``text`` as a PDF viewer copies it: lines wrapped at ``width``, a number every page."""
    lines = [
        wrapped
        for line in text.splitlines()
        if line.strip()
        for wrapped in textwrap.wrap(line, width, break_on_hyphens=False)
    ]
    out: list[str] = []
    for number, start in enumerate(range(0, len(lines), page), start=1):
        out.extend(lines[start : start + page])
        out.extend(["", str(number)] if blank else [str(number)])
    return "\n".join(out) + "\n"


def _findings(authority: cqcmodel.Authority) -> list[tuple[str | None, str]]:
    return [(f.heading, f.text) for s in authority.statements for f in s.findings]


@pytest.mark.parametrize("blank", [False, True])
@pytest.mark.parametrize("name", NAMES)
def test_a_viewer_copy_sets_its_page_numbers_aside(name: str, blank: bool) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    copy = viewer_copy(text, blank=blank)
    read = read_text(copy)
    assert read.form is Form.PDF_TEXT
    numbers = [i + 1 for i, line in enumerate(copy.split("\n")) if _BARE.fullmatch(line)]
    pages = [(item.line, item.reason) for item in read.set_aside]
    assert pages == [(line, "page number") for line in numbers]
    authority = cqcmodel.parse(copy)
    clean = cqcmodel.parse(text)
    # A number is never a sub-heading, nor part of a sentence; every word stays in order (a
    # paragraph whose last line is full cannot be told from a wrap: it may join the next).
    got = _findings(authority)
    assert not any(heading is not None and _BARE.fullmatch(heading) for heading, _ in got)
    assert " ".join(t for _, t in got) == " ".join(t for _, t in _findings(clean))
    headings = [h for h, _ in _findings(clean)]
    assert sorted({h for h, _ in got}, key=headings.index) == list(dict.fromkeys(headings))


def test_a_wrapped_paragraph_is_joined_across_a_page_number() -> None:
    copy = (
        "Westminster City Council: local authority assessment\nSafeguarding\nScore: 3\n"
        "Key findings for this quality statement\n"
        + "\n".join(
            f"line {i} of an earlier finding, wrapped at the page's width and" for i in range(12)
        )
        + "\nThe local authority worked with its partners to support people and\n"
        "1\n"
        "avoided hospital admissions where it could do so safely.\n"
        + "\n".join(
            f"line {i} of a later finding, wrapped at the page's own width and" for i in range(12)
        )
        + "\n2\n"
    )
    read = read_text(copy)
    assert [(item.text, item.reason) for item in read.set_aside] == [
        ("1", "page number"),
        ("2", "page number"),
    ]
    assert (
        "The local authority worked with its partners to support people and avoided hospital "
        "admissions where it could do so safely." in read.text
    )


def test_a_number_that_is_no_page_number_is_kept() -> None:
    # Too close to the next one for pages, and standing after a full sentence: text.
    pieces = [(line, i + 1, 1, 0) for i, line in enumerate(["Score:", "2", "People said.", "3"])]
    assert page_numbers_within(pieces) == []
    # The pages' sequence, a page apart.
    lines = ["Text."] * (PAGE_LINES - 1)
    sequence = [*lines, "1", *lines, "2", *lines, "3"]
    pieces = [(line, i + 1, 1, 0) for i, line in enumerate(sequence)]
    assert page_numbers_within(pieces) == [PAGE_LINES - 1, 2 * PAGE_LINES - 1, 3 * PAGE_LINES - 1]


@given(st.integers(60, 100), st.integers(20, 60), st.sampled_from(NAMES), st.booleans())
def test_any_wrap_width_and_page_length_reads_the_same_words(
    width: int, page: int, name: str, blank: bool
) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    copy = viewer_copy(text, width=width, page=page, blank=blank)
    assert is_pdf_text(copy)
    authority = cqcmodel.parse(copy)
    clean = cqcmodel.parse(text)
    assert authority.name == clean.name
    assert [s.title for s in authority.statements] == [s.title for s in clean.statements]
    assert [s.score for s in authority.statements] == [s.score for s in clean.statements]
    got = _findings(authority)
    assert " ".join(t for _, t in got) == " ".join(t for _, t in _findings(clean))


def test_ligatures_do_not_change_how_pdf_text_is_read() -> None:
    # Ligatures are the text's to normalise: the lines set aside and joined are the same.
    text = (CORPUS / NAMES[0]).read_text(encoding="utf-8")
    copy = viewer_copy(text)
    ligatured = copy.replace("fi", "\ufb01").replace("fl", "\ufb02")
    plain, tied = read_text(copy), read_text(ligatured)
    assert tied.text.replace("\ufb01", "fi").replace("\ufb02", "fl") == plain.text
    assert tied.positions == plain.positions
    assert [item.line for item in tied.set_aside] == [item.line for item in plain.set_aside]


@pytest.mark.parametrize("marker", ["●", "▪", "◦", "\uf0b7", "■"])
def test_every_bullet_marker_starts_a_list_item_in_pdf_text(marker: str) -> None:
    """PDF text's list items are never joined onto the line before, whatever their marker."""
    lines = [
        "Sunderland City Council: local authority assessment",
        "",
        "Assessing needs",
        "Score: 3",
        "3 - Evidence shows a good standard",
        "",
        "Key findings for this quality statement",
        "",
        "Carers could get support from",
        "{} the carers’ centre and its outreach workers",
        "{} a helpline open in the evenings",
        "",
        "Page 1 of 1",
        "",
    ]
    text = "\n".join(lines)
    read = read_text(text.replace("{}", marker))
    assert read.form is Form.PDF_TEXT
    findings = cqcmodel.parse(text.replace("{}", marker)).statements[0].findings
    assert [finding.text for finding in findings] == [
        "Carers could get support from",
        "• the carers’ centre and its outreach workers",  # the model's one marker
        "• a helpline open in the evenings",
    ]
