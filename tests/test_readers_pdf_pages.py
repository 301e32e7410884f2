"""PDF pages laid out in two columns, with footnotes at their foot, or with tables of scores.

The PDFs are generated (:mod:`tests.pdfpages`) from the real pages of ``tests/corpus``: whole
reports in two columns as report tools set them (the title over both columns, the rest
flowing down the columns page after page and balanced where a run of columns ends; or a
page's opening over both columns and its findings in two), footnotes in small type under a
rule at the foot of pages, and a summary whose scores stand in a table's cells.
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen import canvas

import cqcmodel
from cqcmodel.parser import parse_read
from cqcmodel.readers import read_bytes

from .conftest import CORPUS
from .pdfpages import (
    PAPERS,
    Drawn,
    column_layout,
    columns_pdf,
    drawn_pdf,
    footnoted_pdf,
    layout,
)

AUTHORITIES = [
    "sunderland-0525",
    "westminster-1124",
    "hillingdon-1224",
    "Hounslow",
    "ealing-0125",
    "nottingham-city",
]
SEED = CORPUS / "seed-hillingdon-partnerships.txt"
FINDINGS = "Key findings for this quality statement"
_SENTENCE_END = re.compile(r"[.!?][”’\"')]*\Z")


def _report(prefix: str) -> str:
    files = sorted(CORPUS.glob(f"{prefix}*.txt"))
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def _clean_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _joined_at_breaks(read: list[str], clean: list[str]) -> list[str]:
    """The lines of ``read`` that join two paragraphs of ``clean``; any other difference fails.

    Two paragraphs are joined where the first ends a sentence on a column's (or page's)
    last line, so full that the second's first word would not have fitted: nothing in the
    layout tells that from a sentence the break cuts (see docs/inputs.md).
    """
    joins: list[str] = []
    index = 0
    for line in read:
        assert index < len(clean), f"extra line {line!r}"
        if line == clean[index]:
            index += 1
            continue
        assert _SENTENCE_END.search(clean[index]), f"{line!r} is not {clean[index]!r}"
        assert line == f"{clean[index]} {clean[index + 1]}", f"{line!r} is not a join"
        joins.append(line)
        index += 2
    assert index == len(clean)
    return joins


def _right_column_lines(pages: list[list[Drawn]], paper: str) -> int:
    middle = PAPERS[paper].size[0] / 2
    return sum(1 for page in pages for line in page if line[2] > middle)


#: Each case: an authority's whole report and where its columns start (``None``: under the
#: title; else after a page's findings heading, for the reports that have statement pages).
COLUMN_CASES = [
    (prefix, columns_after)
    for prefix in AUTHORITIES
    for columns_after in (None, FINDINGS)
    if columns_after is None or FINDINGS in _report(prefix)
]


@pytest.mark.parametrize("paper", ["a4", "a5"])
@pytest.mark.parametrize(("prefix", "columns_after"), COLUMN_CASES)
def test_a_two_column_report_reads_as_its_pages(
    prefix: str, columns_after: str | None, paper: str
) -> None:
    """Left column, then right, band by band: the model of the pages, but for one limit."""
    text = _report(prefix)
    assert _right_column_lines(column_layout(text, paper, columns_after=columns_after), paper)
    read = read_bytes(columns_pdf(text, paper, columns_after=columns_after))
    joins = _joined_at_breaks(read.text.rstrip("\n").split("\n"), _clean_lines(text))
    assert len(joins) <= 1
    if not joins:
        assert parse_read(read) == cqcmodel.parse(text)


def test_most_two_column_reports_read_to_their_pages_model() -> None:
    """The limit above is rare: of the whole reports in two columns, most read exactly."""
    exact = 0
    cases = [(prefix, paper) for prefix in AUTHORITIES for paper in ("a4", "a5")]
    for prefix, paper in cases:
        text = _report(prefix)
        exact += parse_read(read_bytes(columns_pdf(text, paper))) == cqcmodel.parse(text)
    assert exact >= len(cases) - 2


def test_headings_over_both_columns_end_a_band() -> None:
    """A short heading between two runs of balanced columns is read between them."""
    text = _report("westminster-1124")
    span = frozenset({"h1", "h2"})
    pages = column_layout(text, "a4", span=span)
    headings = [line for page in pages for line in page if line[1] == 14.0]
    assert any(line[2] == PAPERS["a4"].margin for line in headings)
    read = read_bytes(columns_pdf(text, "a4", span=span))
    lines = read.text.split("\n")
    for heading in ("Financial facts", "Demographics", FINDINGS):
        if heading in text:
            assert heading in lines


def test_a_table_of_scores_reads_row_by_row() -> None:
    """A summary's scores in a table (title cell, score cell) give a title line, then its
    score line, row after row, even when the score cell's type sits higher or lower and it
    is drawn first; the cells are never taken for two columns."""
    form = PAPERS["a4"]
    titles = [
        "Assessing needs",
        "Supporting people to lead healthier lives",
        "Equity in experience and outcomes",
        "Care provision, integration and continuity",
        "Partnerships and communities",
        "Safe pathways, systems and transitions",
    ]
    lines: list[Drawn] = [
        ("Vera-Bold", 18.0, form.margin, 780.0, "Westminster City Council: local authority", True),
        ("Vera-Bold", 18.0, form.margin, 757.0, "assessment", False),
        ("Vera-Bold", 14.0, form.margin, 720.0, "Quality statement scores", True),
    ]
    for row, title in enumerate(titles):
        y = 690.0 - row * 18
        lines.append(("Vera-Bold", 11.0, 400.0, y + 0.8, f"Score: {row % 4 + 1}", True))
        lines.append(("Vera", 10.0, form.margin, y, title, True))
    lines.append(("Vera", 10.0, form.margin, 560.0, "People told us they felt listened to.", True))
    read = read_bytes(drawn_pdf([lines, [("Vera", 10.0, form.margin, 780.0, "End.", True)]], "a4"))
    text = read.text.split("\n")
    start = text.index("Quality statement scores") + 1
    expected: list[str] = []
    for row, title in enumerate(titles):
        expected.extend([title, f"Score: {row % 4 + 1}"])
    assert text[start : start + len(expected)] == expected


NOTE = "1 Source: Adult Social Care Survey 2023/24"


def _cut_pages(text: str, paper: str, room: float) -> list[int]:
    """The pages whose last block the page break cuts (it goes on on the next page)."""
    pages = layout(text, paper, room=room)
    return [
        index for index in range(len(pages) - 1) if pages[index + 1] and not pages[index + 1][0][5]
    ]


@pytest.mark.parametrize("paper", ["a6", "a4"])
def test_a_footnote_is_set_aside_and_the_paragraph_around_it_joined(paper: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    notes = {page: [NOTE] for page in _cut_pages(text, paper, room=16.0)}
    assert notes
    read = read_bytes(footnoted_pdf(text, notes, paper))
    authority = parse_read(read)
    assert authority == cqcmodel.parse(text)
    noted = [entry for entry in authority.set_aside if entry.reason == "footnote"]
    assert [entry.text for entry in noted] == [NOTE] * len(notes)
    for entry in noted:
        assert read.source_lines[entry.line - 1] == NOTE


@pytest.mark.parametrize(
    ("note", "rule"),
    [
        (["1 Source: Adult Social Care Survey 2023/24"], True),
        (["12 Source: Adult Social Care Survey 2023/24"], False),
        (["* Figures for 2023 to 2024"], False),
        (["† Not yet published"], False),
        (["¹ Source: Adult Social Care Survey 2023/24"], False),
        (["1Source: Adult Social Care Survey 2023/24"], False),
        (["Source: Adult Social Care Survey 2023/24"], True),
        (["2 Source: Adult Social Care Survey 2023/24, published by", "NHS England"], True),
        (["1 Source: the survey", "2 Source: the local authority"], False),
    ],
)
def test_footnote_marks_and_rules(note: list[str], rule: bool) -> None:
    """A footnote starts with its mark (a number, a symbol, superscript digits) or stands
    under a rule; its later lines go with it."""
    text = SEED.read_text(encoding="utf-8")
    page = _cut_pages(text, "a6", room=8.0 * (len(note) + 1))[0]
    read = read_bytes(footnoted_pdf(text, {page: note}, "a6", rule=rule))
    authority = parse_read(read)
    assert authority == cqcmodel.parse(text)
    assert [entry.text for entry in authority.set_aside if entry.reason == "footnote"] == note


@pytest.mark.parametrize("mark", ["1", "12", "*", "†"])
def test_a_footnote_reference_mark_is_set_aside_with_its_footnote(mark: str) -> None:
    """The superscript mark in the body that a footnote starts with is set aside too (the web
    page has neither), at its own column: "Score: 3¹" reads "Score: 3", not "Score: 31"."""
    text = SEED.read_text(encoding="utf-8")
    pages = range(0, len(layout(text, "a6", room=16.0)), 2)
    notes = {page: [f"{mark} Source: Adult Social Care Survey {page}"] for page in pages}
    read = read_bytes(footnoted_pdf(text, notes, "a6", refs=True))
    assert parse_read(read) == cqcmodel.parse(text)
    marks = [entry for entry in read.set_aside if entry.reason == "footnote mark"]
    assert len(marks) == len(notes)
    for entry in marks:
        source = read.source_lines[entry.line - 1]
        assert source[entry.column - 1 :].startswith(mark)
        assert entry.text == mark


def test_a_superscript_no_footnote_starts_with_stays() -> None:
    text = SEED.read_text(encoding="utf-8")
    pages = layout(text, "a6", room=16.0)
    read = read_bytes(drawn_pdf(pages, "a6", {0: ["1 Source: the survey"]}, refs={0: "2"}))
    assert all(entry.reason != "footnote mark" for entry in read.set_aside)
    assert "Score: 32" in read.text.split("\n")


def test_small_type_without_a_mark_or_a_rule_is_kept() -> None:
    """Small type at a page's foot that neither starts with a mark nor stands under a rule
    is not taken for a footnote: it is read (and shows up in the model)."""
    text = SEED.read_text(encoding="utf-8")
    page = _cut_pages(text, "a6", room=16.0)[0]
    note = "Source: Adult Social Care Survey 2023/24"
    read = read_bytes(footnoted_pdf(text, {page: [note]}, "a6", rule=False))
    assert all(entry.reason != "footnote" for entry in read.set_aside)
    assert note in read.text


@settings(max_examples=12, deadline=None)
@given(
    page=st.integers(min_value=0, max_value=5),
    mark=st.sampled_from(["1", "2", "17", "*", "†", "²"]),
    words=st.lists(
        st.sampled_from(["Source:", "NHS", "England", "survey", "2023/24", "data", "(ASCS)"]),
        min_size=1,
        max_size=6,
    ).filter(lambda words: any(word.isalpha() for word in words)),
    rule=st.booleans(),
    refs=st.booleans(),
)
def test_a_footnote_on_any_page_leaves_the_model_alone(
    page: int, mark: str, words: list[str], rule: bool, refs: bool
) -> None:
    text = SEED.read_text(encoding="utf-8")
    note = f"{mark} {' '.join(words)}"
    read = read_bytes(footnoted_pdf(text, {page: [note]}, "a6", rule=rule, refs=refs))
    authority = parse_read(read)
    assert authority == cqcmodel.parse(text)
    assert [entry.text for entry in authority.set_aside if entry.reason == "footnote"] == [note]


def test_a_bullet_a_standard_font_does_not_map_is_a_bullet() -> None:
    """Helvetica (not embedded) has no character for '•': pdfminer writes "(cid:127)"."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(300, 400))
    pdf.setFont("Helvetica", 9)
    lines = [
        "Kent County Council: local authority assessment",
        "Assessing needs",
        "Score: 3",
        "Key findings for this quality statement",
        "Carers could get support from:",
        "• a carers’ centre",
        "• a helpline",
    ]
    for number, line in enumerate(lines):
        pdf.drawString(20, 380 - 14 * number, line)
    pdf.showPage()
    pdf.save()
    authority = parse_read(read_bytes(buffer.getvalue()))
    assert [finding.text for finding in authority.statements[0].findings] == [
        "Carers could get support from:",
        "• a carers’ centre",
        "• a helpline",
    ]
