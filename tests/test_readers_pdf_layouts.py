"""PDF layouts as word processors and report tools make them: line spacing, wraps, summaries.

Each test draws a page with line and page breaks chosen where a real layout puts them (a
``Score: 3`` line ending every page of a summary, a heading or title wrapped over several
lines, a word cut at its hyphen, "1.5 lines" spacing) and checks that the PDF, and its text
as pdftotext writes it, read to the model of the clean page text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cqcmodel
from cqcmodel import Authority
from cqcmodel.parser import parse_read
from cqcmodel.readers import Form, read_bytes, read_file, read_text

from .conftest import CORPUS
from .pdfpages import HEADER, Block, blocks_pdf, report_pdf

SUMMARY = CORPUS / "westminster-1124-summary.txt"
SEEDS = sorted(CORPUS.glob("seed-*.txt"))
ITEMS = [
    "Assessing needs",
    "Supporting people to lead healthier lives",
    "Equity in experience and outcomes",
    "Care provision, integration and continuity",
    "Partnerships and communities",
    "Safe pathways, systems and transitions",
    "Safeguarding",
    "Governance, management and sustainability",
    "Learning, improvement and innovation",
]


def _summary_text() -> str:
    """The summary page up to its list of scores (all 3), as clean page text."""
    text = SUMMARY.read_text(encoding="utf-8")
    return text[: text.index("Summary of people")]


def _summary_blocks(per_page: int) -> list[list[Block]]:
    """The summary's lines, ``per_page`` statements of the score list on each page."""
    head: list[Block] = [
        ("h2", ["Westminster City Council: local authority assessment"]),
        ("p", ["Published: 8 November 2024 Page last updated: 8 November 2024"]),
        ("h2", ["Downloads"]),
        ("h2", ["Overall summary"]),
        ("h3", ["Local authority rating and score"]),
        ("li", ["• Westminster City Council"]),
        ("li+", ["Good"]),
        ("p", ["Score: 75"]),
        ("h3", ["Quality statement scores"]),
    ]
    pages: list[list[Block]] = [head]
    for number, item in enumerate(ITEMS):
        if number and number % per_page == 0:
            pages.append([])
        pages[-1].extend([("li", [f"• {item}"]), ("li+", ["Score: 3"])])
    return pages


def _scores(authority: Authority) -> list[int | None]:
    assert authority.summary is not None
    return [
        None if item.score is None else item.score.value
        for item in authority.summary.statement_scores
    ]


def test_summary_scores_ending_each_pdf_page_are_kept(tmp_path: Path) -> None:
    """A ``Score: 3`` line at the foot of every page is structure, not a running footer."""
    path = tmp_path / "summary.pdf"
    path.write_bytes(blocks_pdf(_summary_blocks(3), "a4"))
    authority = cqcmodel.parse_file(path)
    assert _scores(authority) == [3] * 9
    assert authority.summary == cqcmodel.parse(_summary_text()).summary
    assert {item.reason for item in authority.set_aside} == {
        "page number",
        "running header or footer",
    }
    assert all(item.text.startswith(("Page", HEADER)) for item in authority.set_aside)


def test_summary_scores_ending_each_pdf_text_page_are_kept() -> None:
    lines = _summary_text().rstrip("\n").split("\n")
    pages: list[list[str]] = [[]]
    for line in lines:
        pages[-1].append(line)
        if line.strip() == "Score: 3" and sum(x.strip() == "Score: 3" for x in pages[-1]) == 3:
            pages.append([])
    pages = [page for page in pages if page]
    assert len(pages) == 3
    text = "\f".join(
        "\n".join([*page, "", f"Page {number} of {len(pages)}", ""])
        for number, page in enumerate(pages, start=1)
    )
    read = read_text(text)
    assert read.form is Form.PDF_TEXT
    authority = cqcmodel.parse(text)
    assert _scores(authority) == [3] * 9
    assert [item.text for item in authority.set_aside] == [
        "Page 1 of 3",
        "Page 2 of 3",
        "Page 3 of 3",
    ]


@pytest.mark.parametrize("spacing", [1.15, 1.5])
@pytest.mark.parametrize("paper", ["a6", "a4"])
@pytest.mark.parametrize("page", SEEDS, ids=lambda path: path.stem)
def test_line_spacing_does_not_split_paragraphs(page: Path, paper: str, spacing: float) -> None:
    """Paragraph breaks are judged against the body's own line pitch ("1.5 lines" and all)."""
    text = page.read_text(encoding="utf-8")
    authority = parse_read(read_bytes(report_pdf(text, paper, spacing)))
    assert authority == cqcmodel.parse(text)


def _statement(title: list[str], heading: list[str]) -> list[list[Block]]:
    """A statement page under a wrapped title line, with a wrapped findings heading."""
    return [
        [
            ("h1", title),
            ("h2", ["Safeguarding"]),
            ("p", ["Score: 3"]),
            ("p", ["3 - Evidence shows a good standard"]),
            ("h2", heading),
            ("p", ["There were effective systems to make sure people"]),
        ],
        # A second page: a running header tells itself only by repeating.
        [("p", ["were protected from abuse and neglect."])],
    ]


CLEAN_STATEMENT = (
    "{name}: local authority assessment\n\nSafeguarding\n\nScore: 3\n\n"
    "3 - Evidence shows a good standard\n\nKey findings for this quality statement\n\n"
    "There were effective systems to make sure people were protected from abuse and neglect.\n"
)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        (
            "Royal Borough of Windsor & Maidenhead",
            ["Royal Borough", "of Windsor &", "Maidenhead:", "local authority", "assessment"],
        ),
        (
            "Royal Borough of Windsor & Maidenhead",
            ["Royal Borough of Windsor & Maidenhead:", "local authority assessment"],
        ),
        ("Westminster City Council", ["Westminster City", "Council: local authority assessment"]),
        ("Westminster City Council", ["Westminster City Council: local", "authority assessment"]),
    ],
)
@pytest.mark.parametrize(
    "heading",
    [
        ["Key findings for this quality statement"],
        ["Key findings for this", "quality statement"],
        ["Key findings", "for this quality", "statement"],
    ],
)
def test_wrapped_titles_and_headings_are_rejoined(
    name: str, title: list[str], heading: list[str]
) -> None:
    authority = parse_read(read_bytes(blocks_pdf(_statement(title, heading))))
    assert authority == cqcmodel.parse(CLEAN_STATEMENT.format(name=name))


def test_a_wrapped_heading_is_rejoined_in_pdf_text() -> None:
    text = CLEAN_STATEMENT.format(name="Westminster City Council").replace(
        "Key findings for this quality statement", "Key findings for this\nquality statement"
    )
    first, _, last = text.rpartition(" were ")
    pdf_text = f"{first}\n\nPage 1 of 2\n\fwere {last}\nPage 2 of 2\n"
    assert read_text(pdf_text).form is Form.PDF_TEXT
    authority = cqcmodel.parse(pdf_text)
    (statement,) = authority.statements
    assert [finding.heading for finding in statement.findings] == [None]


def test_a_score_line_after_a_page_break_starts_its_own_line() -> None:
    """The summary item ending a page, as wide as the widest body line, keeps its score."""
    (blocks,) = _summary_blocks(9)
    cut = blocks.index(("li", ["• Governance, management and sustainability"])) + 1
    experiences: list[Block] = [
        ("h3", ["Summary of people's experiences"]),
        ("p", ["People told us they felt listened to."]),
    ]
    pages = [blocks[:cut], [*blocks[cut:], *experiences]]
    read = read_bytes(blocks_pdf(pages))
    lines = read.text.split("\n")
    assert lines[lines.index("• Governance, management and sustainability") + 1] == "Score: 3"
    assert _scores(parse_read(read)) == [3] * 9


def test_a_word_cut_at_its_hyphen_is_rejoined_without_a_space(tmp_path: Path) -> None:
    body = [
        "Leaders told us how the new board will be used to keep up joint working and co-",
        "production to deliver on shared objectives, with a well-",
        "established referral route.",
    ]
    pages: list[list[Block]] = [
        [
            ("h1", ["Westminster City Council: local", "authority assessment"]),
            ("h2", ["Safeguarding"]),
            ("p", ["Score: 3"]),
            ("h2", ["Key findings for this quality statement"]),
            ("p", body[:2]),
        ],
        [("p", body[2:])],
    ]
    expected = (
        "Leaders told us how the new board will be used to keep up joint working and "
        "co-production to deliver on shared objectives, with a well-established referral route."
    )
    path = tmp_path / "hyphen.pdf"
    path.write_bytes(blocks_pdf(pages, "a4"))
    from_pdf = cqcmodel.parse_file(path)
    assert [finding.text for finding in from_pdf.statements[0].findings] == [expected]
    text = "\n".join(
        [
            "Westminster City Council: local authority assessment",
            "",
            "Safeguarding",
            "",
            "Score: 3",
            "",
            "Key findings for this quality statement",
            "",
            *body,
            "",
            "Page 1 of 1",
            "",
        ]
    )
    assert read_text(text).form is Form.PDF_TEXT
    from_text = cqcmodel.parse(text)
    assert [finding.text for finding in from_text.statements[0].findings] == [expected]


def test_each_pdf_line_maps_to_its_own_source_line(tmp_path: Path) -> None:
    """Every line of the page text points at the PDF line it starts on, not its block's."""
    page = SEEDS[0]
    path = tmp_path / "page.pdf"
    path.write_bytes(report_pdf(page.read_text(encoding="utf-8"), "a6", 1.5))
    read = read_file(path)
    lines = read.text.rstrip("\n").split("\n")
    assert len(read.positions) == len(lines)
    for line, (number, column) in zip(lines, read.positions, strict=True):
        assert column == 1
        assert line.startswith(read.source_lines[number - 1])
    (statement,) = cqcmodel.parse_file(path).statements
    for finding in statement.findings:
        assert finding.line is not None
        assert finding.text.startswith(read.source_lines[finding.line - 1])


TITLE = "Westminster City Council: local authority assessment"
OPENING = (
    f"{TITLE}\n\nEquity in experience and outcomes\n\nScore: 3\n\n"
    "Key findings for this quality statement\n\n"
)


def _findings(text: str) -> list[str]:
    assert read_text(text).form is Form.PDF_TEXT
    (statement,) = cqcmodel.parse(text).statements
    return [finding.text for finding in statement.findings]


def test_a_title_line_repeated_as_a_running_header_is_set_aside() -> None:
    """The title at the top of every page is furniture there; the sentence it cut is one."""
    text = (
        f"{OPENING}The council knew its population well.\n\nStaff told us that waiting lists had\n"
        f"\f{TITLE}\ngrown over the winter months.\n\nLeaders said funding had\n"
        f"\f{TITLE}\nbeen reduced since last year.\n"
    )
    assert _findings(text) == [
        "The council knew its population well.",
        "Staff told us that waiting lists had grown over the winter months.",
        "Leaders said funding had been reduced since last year.",
    ]
    authority = cqcmodel.parse(text)
    assert [(item.line, item.reason) for item in authority.set_aside] == [
        (12, "running header or footer"),
        (16, "running header or footer"),
    ]


def test_a_title_line_opening_one_later_page_is_kept_and_never_joined() -> None:
    """A title opening only one later page is a page's own; nothing is joined onto it."""
    text = f"{OPENING}Staff told us that waiting lists had\n\f{TITLE}\ngrown over the winter.\n"
    read = read_text(text)
    assert read.set_aside == ()
    lines = read.text.split("\n")
    assert lines.count(TITLE) == 2
    assert lines[lines.index(TITLE, 1) + 1] == "grown over the winter."


def test_a_paragraph_ending_before_a_page_number_footer_is_not_joined() -> None:
    text = (
        f"{OPENING}First finding ends.\n\nPage 1 of 2\n\f\nSecond finding starts.\n\n"
        "Third.\n\nPage 2 of 2\n"
    )
    assert _findings(text) == ["First finding ends.", "Second finding starts.", "Third."]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (["Adults aged 18-", "64 with needs were supported."], "Adults aged 18-64 with needs"),
        (["In 2022-", "23 there were 40 referrals."], "In 2022-23 there were"),
        (["Waits of 6–", "8 weeks were usual."], "Waits of 6–8 weeks"),
        (["We reviewed pre-", "and post-discharge care."], "pre- and post-discharge care."),
        (["It was co-", "production work."], "It was co-production work."),
    ],
)
@pytest.mark.parametrize("page_break", [False, True])
def test_a_line_cut_at_a_hyphen_joins_as_its_next_line_reads(
    body: list[str], expected: str, page_break: bool
) -> None:
    """A range's hyphen takes no space; a suspended hyphen ("pre- and post-") keeps one."""
    cut = "\n\f" if page_break else "\n"
    text = f"{OPENING}{body[0]}{cut}{body[1]}\n\nPage 1 of 1\n"
    (finding,) = _findings(text)
    assert expected in finding


def test_a_title_line_repeated_at_the_top_of_pdf_pages_is_set_aside() -> None:
    pages: list[list[Block]] = [
        [
            ("h1", [TITLE]),
            ("h2", ["Safeguarding"]),
            ("p", ["Score: 3"]),
            ("h2", ["Key findings for this quality statement"]),
            ("p", ["Staff told us that waiting lists had"]),
        ],
        [("p", [TITLE]), ("p", ["grown over the winter months."]), ("p", ["Funding had"])],
        [("p", [TITLE]), ("p", ["been reduced since last year."])],
    ]
    read = read_bytes(blocks_pdf(pages))
    (statement,) = parse_read(read).statements
    assert [finding.text for finding in statement.findings] == [
        "Staff told us that waiting lists had grown over the winter months.",
        "Funding had been reduced since last year.",
    ]
    assert [item.text for item in read.set_aside].count(TITLE) == 2
