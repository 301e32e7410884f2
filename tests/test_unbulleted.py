"""A summary whose bullets are lost reads as the same summary, never as statement pages.

Plain copies drop the list markers; saved pages give the list of scores as cards, a
definition list or a table; a PDF as a table. Each form gives title lines followed by score
lines, which must read as the summary's statement scores (and the people's experiences after
them as the summary's), while a statement page, whose score is followed by its body, stays a
statement page.
"""

from __future__ import annotations

import re
from html import escape

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import cqcmodel
from cqcmodel import Authority, ParseError, Score
from cqcmodel.parser import parse_read
from cqcmodel.readers import read_bytes

from .conftest import CORPUS
from .pdfpages import report_pdf
from .strategies import authorities, reports

EALING = CORPUS / "ealing-0125-summary.txt"
CLEAN = cqcmodel.parse_file(EALING)
CANONICAL = cqcmodel.render(CLEAN)
CLEAN_TITLES = CLEAN.summary.statement_scores if CLEAN.summary else ()

#: The separators a list item written on one line puts between its title and its score.
SEPARATORS = ("\t", " ", "  ", " - ", " – ", ": ", " | ", "\t- ")


def summary_text(text: str) -> list[str]:
    """The lines of ``text`` from "Quality statement scores" to the people's experiences."""
    lines = text.split("\n")
    start = lines.index("Quality statement scores")
    return lines[start : lines.index("Summary of people's experiences", start)]


def test_the_plain_copy_reads_as_the_summary() -> None:
    text = unbulleted(CANONICAL)
    assert "  • " not in text
    assert "\nAssessing needs\nScore: 2\n" in text
    authority = cqcmodel.parse(text)
    assert authority == CLEAN
    assert authority.statements == ()
    assert authority.set_aside == ()
    assert authority.summary is not None
    assert len(authority.summary.people_experience) == 2


@pytest.mark.parametrize("spacing", ["\n", "\n\n", "\n \n"])
def test_either_whitespace_layout_reads_the_same(spacing: str) -> None:
    text = spacing.join(line.strip() for line in unbulleted(CANONICAL).split("\n"))
    assert cqcmodel.parse(text) == CLEAN


def test_without_the_experiences_nothing_becomes_a_statement() -> None:
    lines = unbulleted(CANONICAL).split("\n")
    text = "\n".join(lines[: lines.index("Summary of people's experiences")])
    authority = cqcmodel.parse(text)
    assert authority.statements == ()
    assert authority.summary is not None
    assert [int(s.score or 0) for s in authority.summary.statement_scores] == [
        2,
        2,
        2,
        2,
        3,
        2,
        2,
        2,
        3,
    ]


def _html(body: str) -> bytes:
    head = CANONICAL.split("\nQuality statement scores\n")[0].split("\n")
    top = "".join(f"<p>{escape(line.strip())}</p>\n" for line in head if line.strip())
    rest = CANONICAL.split("Summary of people's experiences\n")[1].strip().split("\n")
    experiences = "".join(f"<p>{escape(line)}</p>\n" for line in rest)
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><main>\n{top}"
        f"<h2>Quality statement scores</h2>\n{body}\n"
        f"<h2>Summary of people's experiences</h2>\n{experiences}</main></body></html>\n"
    )
    return page.encode("utf-8")


def _items(template: str) -> str:
    return "".join(
        template.format(title=escape(item.title), score=int(item.score or 0))
        for item in CLEAN_TITLES
    )


HTML_FORMS = {
    "cards": "<div class=cards>"
    + _items("<div class=card><h3>{title}</h3><p>Score: {score}</p></div>")
    + "</div>",
    "dl": "<dl>" + _items("<dt>{title}</dt><dd>Score: {score}</dd>") + "</dl>",
    "dl-split": "<dl>"
    + _items("<dt>{title}</dt><dd><dl><dt>Score:</dt><dd>{score}</dd></dl></dd>")
    + "</dl>",
    "table": "<table><thead><tr><th>Quality statement</th><th>Score</th></tr></thead><tbody>"
    + _items("<tr><td>{title}</td><td>Score: {score}</td></tr>")
    + "</tbody></table>",
    "li-spans": "<ul>"
    + _items("<li><span>{title}</span> <span>Score: {score}</span></li>")
    + "</ul>",
    "p-tab": _items("<p>{title}\tScore: {score}</p>"),
}


@pytest.mark.parametrize("form", HTML_FORMS)
def test_saved_page_forms_read_as_the_summary(form: str) -> None:
    read = read_bytes(_html(HTML_FORMS[form]), source=f"summary-{form}.html")
    authority = parse_read(read)
    assert authority == CLEAN, form
    assert authority.statements == ()
    # Only a table's column headings are set aside, and reported.
    reasons = {entry.reason for entry in authority.set_aside}
    assert reasons == ({"a column heading of the list of scores"} if form == "table" else set())


def test_a_pdf_of_the_plain_summary_reads_as_the_summary() -> None:
    read = read_bytes(report_pdf(unbulleted(CANONICAL)), source="summary.pdf")
    assert read.form == "pdf"
    authority = parse_read(read)
    assert authority.summary == CLEAN.summary
    assert authority.statements == ()


@pytest.mark.parametrize("separator", SEPARATORS)
@pytest.mark.parametrize("bullets", [False, True])
def test_an_item_holding_title_and_score_is_the_item_with_its_score(
    separator: str, bullets: bool
) -> None:
    text = unbulleted(CANONICAL, separator, bullets=bullets)
    listed = summary_text(text)
    assert f"Assessing needs{separator}Score: 2" in (line.removeprefix("  • ") for line in listed)
    assert cqcmodel.parse(text) == CLEAN


def test_a_last_item_holding_its_score_before_a_section_is_an_item() -> None:
    text = (
        "Overall summary\nQuality statement scores\nAssessing needs\tScore: 2\n"
        "Safeguarding\tScore: 3\nAreas for development\nPeople waited too long.\n"
    )
    summary = cqcmodel.parse(text).summary
    assert summary is not None
    assert [(s.title, s.score) for s in summary.statement_scores] == [
        ("Assessing needs", Score.SOME_SHORTFALLS),
        ("Safeguarding", Score.GOOD_STANDARD),
    ]
    assert [(s.heading, s.paragraphs) for s in summary.sections] == [
        ("Areas for development", ("People waited too long.",))
    ]


def test_an_item_holding_its_score_never_heads_a_section() -> None:
    text = "Overall summary\nQuality statement scores\nSafeguarding\tScore: 3\nPeople waited.\n"
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse(text)
    assert caught.value.line == 4
    assert "found a paragraph 'People waited.'" in caught.value.message


def test_an_item_score_out_of_range_is_an_error_at_its_column() -> None:
    text = CANONICAL.replace("  • Safeguarding\n    Score: 2", "  • Safeguarding\tScore: 7")
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse(text)
    line = text.split("\n").index("  • Safeguarding\tScore: 7") + 1
    assert (caught.value.line, caught.value.column) == (line, len("  • Safeguarding\tScore: ") + 1)
    assert "7 is not a valid score" in caught.value.message


def test_a_statement_page_after_the_summary_stays_a_statement_page() -> None:
    page = (CORPUS / "ealing-0125.txt").read_text(encoding="utf-8")
    statement = cqcmodel.parse(page)
    text = unbulleted(CANONICAL) + "\n" + cqcmodel.render(statement)
    authority = cqcmodel.parse(text)
    assert authority.summary == CLEAN.summary
    assert authority.statements == statement.statements


@pytest.mark.parametrize(
    "body",
    [
        "What people expect\nI have care and support that is coordinated.",
        "The local authority commitment\nWe work with people.",
        "Key findings for this quality statement\nPeople waited.",
        "2 - Evidence shows some shortfalls",
    ],
)
def test_a_statement_body_after_the_score_makes_a_statement_page(body: str) -> None:
    text = (
        "Overall summary\nQuality statement scores\n  • Assessing needs\n    Score: 2\n"
        f"Safeguarding\nScore: 2\n{body}\n"
    )
    authority = cqcmodel.parse(text)
    assert authority.summary is not None
    assert [item.title for item in authority.summary.statement_scores] == ["Assessing needs"]
    (statement,) = authority.statements
    assert (statement.title, statement.score) == ("Safeguarding", Score.SOME_SHORTFALLS)


def test_findings_after_a_first_plain_pair_make_a_statement_page() -> None:
    text = (
        "Overall summary\nQuality statement scores\nSafeguarding\nScore: 2\nPeople waited long.\n"
    )
    (statement,) = cqcmodel.parse(text).statements
    assert statement.findings[0].text == "People waited long."


def test_a_name_that_reads_as_a_paragraph_is_not_taken_for_the_name() -> None:
    text = (
        "Overall summary\nLocal authority rating and score\n"
        "The council was assessed in 2024.\nGood\n"
    )
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse(text)
    assert caught.value.line == 3
    assert "found a paragraph" in caught.value.message


# --- the property ----------------------------------------------------------------------------


@given(authorities() | reports(), st.sampled_from((None, *SEPARATORS)), st.booleans())
def test_any_summary_with_its_items_unbulleted_parses_to_the_same_model(
    authority: Authority, separator: str | None, bullets: bool
) -> None:
    assume(authority.summary is not None)
    canonical = cqcmodel.render(authority, check=False)
    text = unbulleted(canonical, separator, bullets=bullets)
    assert cqcmodel.parse(text) == authority


def unbulleted(text: str, separator: str | None = None, *, bullets: bool = False) -> str:
    """The canonical ``text`` with its summary's rating block and list of scores unbulleted.

    With ``separator``, each item's score line is joined to its title line by it; with
    ``bullets``, the list's items keep their bullets (the rating block's name loses it).
    """
    result: list[str] = []
    region: str | None = None  # "rating", "scores" or None
    for text_line in text.split("\n"):
        line = text_line
        if line == "Local authority rating and score":
            region = "rating"
        elif line == "Quality statement scores":
            region = "scores"
        elif (
            region
            and not line.startswith(("  • ", "    "))
            and not (region == "rating" and re.fullmatch(r"Score: \d+%|Overall rating .*", line))
        ):
            region = None
        if region == "scores" and separator is not None and line.startswith("    Score:"):
            result[-1] += separator + line.strip()
            continue
        keep = bullets and region == "scores" and line.startswith("  • ")
        if region and line.startswith(("  • ", "    ")) and not keep:
            line = line[4:]
        result.append(line)
    return "\n".join(result)


def test_a_known_title_alone_after_a_bulleted_list_is_a_statement_page_cut_short() -> None:
    text = "Overall summary\nQuality statement scores\n  • Assessing needs\n    Score: 2\n"
    text += "Safeguarding\n"
    authority = cqcmodel.parse(text)
    assert authority.summary is not None
    assert [item.title for item in authority.summary.statement_scores] == ["Assessing needs"]
    assert [statement.title for statement in authority.statements] == ["Safeguarding"]


def test_a_known_title_alone_in_a_list_without_bullets_is_an_item_without_score() -> None:
    text = "Overall summary\nQuality statement scores\nAssessing needs\nScore: 2\nSafeguarding\n"
    authority = cqcmodel.parse(text)
    assert authority.summary is not None
    assert [(s.title, s.score) for s in authority.summary.statement_scores] == [
        ("Assessing needs", Score.SOME_SHORTFALLS),
        ("Safeguarding", None),
    ]
    assert authority.statements == ()


def test_a_scored_item_before_an_item_without_its_score_stays_in_the_list() -> None:
    """The item after a score is an item when it is a known title, even one left unscored."""
    page = (
        "Overall summary\nQuality statement scores\nAssessing needs\nScore: 1\n"
        "Supporting people to live healthier lives\nEquity in experience and outcomes\n"
        "Assessing needs\nScore: 1\n1 - Evidence shows significant shortfalls\n"
        "Key findings for this quality statement\nPeople waited.\n"
    )
    authority = cqcmodel.parse(page)
    assert authority.summary is not None
    assert [item.title for item in authority.summary.statement_scores] == [
        "Assessing needs",
        "Supporting people to live healthier lives",
        "Equity in experience and outcomes",
    ]
    assert [statement.title for statement in authority.statements] == ["Assessing needs"]
