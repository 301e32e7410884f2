"""Where each line goes: never silently wrong.

Structural headings are recognised by content and are never findings; sub-headings are told
from paragraphs by more than a missing full stop; list items stay findings; a missing "What
people expect" or "Key findings" heading is recovered; a line the parser cannot place is set
aside and reported; a malformed structural line is an error at that line.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import cqcmodel
from cqcmodel import ParseError, Score
from cqcmodel.checks import Severity, set_aside_warnings
from cqcmodel.framework import STATEMENTS
from cqcmodel.model import Authority, QualityStatement, SetAside
from cqcmodel.text import LIGATURES, SourceText, normalise

from .conftest import CORPUS

TITLE = "Sunderland City Council: local authority assessment"
PUBLISHED = "Published: 9 May 2025 Page last updated: 9 May 2025"
NEEDS = STATEMENTS[0]
PARTNERSHIPS = STATEMENTS[4]


def page(*body: str, statement: int = 0, expect: str = "What people expect") -> str:
    """A statement page with the framework's texts and ``body`` as its findings."""
    info = STATEMENTS[statement]
    lines = [TITLE, PUBLISHED, "Downloads", info.title, "Score: 3"]
    lines += ["3 - Evidence shows a good standard"]
    if info.i_statements:
        lines += [expect, *info.i_statements] if expect else list(info.i_statements)
    lines += ["The local authority commitment", info.we_statements[0]]
    lines += ["Key findings for this quality statement", *body]
    return "\n".join(lines) + "\n"


def findings(text: str) -> list[tuple[str | None, str]]:
    (statement,) = cqcmodel.parse(text).statements
    return [(finding.heading, finding.text) for finding in statement.findings]


# --- structural lines by content ---------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "What people expect",
        "What people expect:",
        "WHAT PEOPLE EXPECT",
        "what people expect :",
    ],
)
def test_expect_heading_variants(heading: str) -> None:
    (statement,) = cqcmodel.parse(page("People said staff listened.", expect=heading)).statements
    assert statement.people_expect == NEEDS.i_statements
    assert statement.findings[0].text == "People said staff listened."


@pytest.mark.parametrize(
    ("commitment", "findings_heading"),
    [
        ("The local authority commitment:", "Key findings for this quality statement:"),
        ("THE LOCAL AUTHORITY COMMITMENT", "Key Findings For This Quality Statement"),
        ("The Local Authority Commitment :", "Key findings for this quality statement :"),
    ],
)
def test_commitment_and_findings_heading_variants(commitment: str, findings_heading: str) -> None:
    text = page("People said staff listened.")
    text = text.replace("The local authority commitment\n", commitment + "\n")
    text = text.replace("Key findings for this quality statement\n", findings_heading + "\n")
    (statement,) = cqcmodel.parse(text).statements
    assert statement.commitment == NEEDS.we_statements[0]
    assert [finding.text for finding in statement.findings] == ["People said staff listened."]


SUMMARY = """Sunderland City Council: local authority assessment
{overall}
{rating}
  • Sunderland City Council
    Good
Overall rating for Sunderland: 70%
{scores}
  • Assessing needs
    Score: 3
{experience}
People told us they received clear information.
"""


@pytest.mark.parametrize(
    ("overall", "rating", "scores", "experience"),
    [
        (
            "Overall summary:",
            "Local authority rating and score:",
            "Quality statement scores:",
            "Summary of people’s experiences:",
        ),
        (
            "OVERALL SUMMARY",
            "LOCAL AUTHORITY RATING AND SCORE",
            "QUALITY STATEMENT SCORES",
            "SUMMARY OF PEOPLE'S EXPERIENCES",
        ),
        (
            "Overall Summary",
            "Local Authority Rating and Score",
            "Quality Statement Scores",
            "Summary of people‘s experiences",
        ),
    ],
)
def test_summary_heading_variants(overall: str, rating: str, scores: str, experience: str) -> None:
    text = SUMMARY.format(overall=overall, rating=rating, scores=scores, experience=experience)
    summary = cqcmodel.parse(text).summary
    assert summary is not None
    assert summary.rating is not None
    assert (summary.name, summary.rating.value, summary.percentage) == (
        "Sunderland City Council",
        "Good",
        70,
    )
    assert [(item.title, item.score) for item in summary.statement_scores] == [
        ("Assessing needs", Score.GOOD_STANDARD)
    ]
    assert summary.people_experience == ("People told us they received clear information.",)
    assert summary.sections == ()


@pytest.mark.parametrize(
    "heading",
    [
        "Key findings for this quality statement",
        "What people expect:",
        "The local authority commitment",
        "Quality statement scores",
        "Financial facts",
        "Demographics",
    ],
)
def test_a_structural_heading_out_of_place_is_set_aside_not_a_finding(heading: str) -> None:
    text = page("People said staff listened.", heading, "Leaders described a clear plan.")
    authority = cqcmodel.parse(text)
    (statement,) = authority.statements
    assert [finding.text for finding in statement.findings] == [
        "People said staff listened.",
        "Leaders described a clear plan.",
    ]
    lines = text.splitlines()
    line = len(lines) - lines[::-1].index(heading)  # the last one: out of place
    assert [(entry.line, entry.text) for entry in authority.set_aside] == [(line, heading)]
    assert authority.set_aside[0].reason.endswith("out of place")


def test_a_score_line_inside_the_findings_is_set_aside() -> None:
    text = page("People said staff listened.", "Score: 2", "Leaders described a clear plan.")
    authority = cqcmodel.parse(text)
    assert [finding.text for finding in authority.statements[0].findings] == [
        "People said staff listened.",
        "Leaders described a clear plan.",
    ]
    assert [entry.text for entry in authority.set_aside] == ["Score: 2"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Published data showed that waiting times had fallen.",
        "Published research was shared with partners",
        "Downloads of the carers’ app rose by 20%.",
        "About 120 people were waiting for an assessment",
        "Score cards were used in supervision.",
        "Demographics of the area had changed since 2021.",
        "What people expected was timely support.",
        "Key findings from the survey were shared with carers.",
    ],
)
def test_a_sentence_that_starts_like_a_structural_line_is_a_finding(sentence: str) -> None:
    text = page("People said staff listened.", sentence, "Leaders described a clear plan.")
    authority = cqcmodel.parse(text)
    assert [text for _, text in findings(text)] == [
        "People said staff listened.",
        sentence,
        "Leaders described a clear plan.",
    ]
    assert authority.set_aside == ()


# --- sub-headings and paragraphs ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Leaders said the backlog was 120 people",
        "People told us they felt listened to",
        "There were 42 people on the waiting list",
        "Staff described a supportive culture – ‘we are one team’",
        "Carers could get an assessment within 28 days",
    ],
)
def test_a_sentence_without_its_full_stop_stays_a_paragraph(sentence: str) -> None:
    body = ("Timeliness of assessments", sentence, "Data showed improvement.")
    assert findings(page(*body)) == [
        ("Timeliness of assessments", sentence),
        ("Timeliness of assessments", "Data showed improvement."),
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "Partnership working to deliver shared local and national objectives",
        "Arrangements to support effective partnership working",
        "Help for people to meet their non-eligible care and support needs",
        "Provision and impact of independent advocacy",
        "Understanding and reducing barriers to care and support and reducing inequalities",
        "Making safeguarding personal",
        "Responding to concerns and undertaking Section 42 enquiries",
        "Assessment and care planning for unpaid carers, child’s carers and child carers",
    ],
)
def test_real_sub_headings_stay_sub_headings(heading: str) -> None:
    body = ("People said staff listened.", heading, "Leaders described a clear plan.")
    assert findings(page(*body)) == [
        (None, "People said staff listened."),
        (heading, "Leaders described a clear plan."),
    ]


def test_bulleted_list_items_are_findings_under_the_sub_heading_above() -> None:
    body = (
        "Support for unpaid carers",
        "• a carers’ centre open six days a week",
        "• a helpline run with Healthwatch",
        "Carers said the support was good.",
    )
    heading = "Support for unpaid carers"
    assert findings(page(*body)) == [
        (heading, "• a carers’ centre open six days a week"),
        (heading, "• a helpline run with Healthwatch"),
        (heading, "Carers said the support was good."),
    ]


def test_lines_after_a_line_ending_in_a_colon_are_list_items() -> None:
    body = (
        "Support for unpaid carers",
        "Carers could get support from:",
        "the carers’ centre",
        "a helpline run with Healthwatch",
        "Carers said the support was good.",
        "Hospital discharge",
        "People left hospital quickly.",
    )
    heading = "Support for unpaid carers"
    assert findings(page(*body)) == [
        (heading, "Carers could get support from:"),
        (heading, "the carers’ centre"),
        (heading, "a helpline run with Healthwatch"),
        (heading, "Carers said the support was good."),
        ("Hospital discharge", "People left hospital quickly."),
    ]


def test_a_list_in_a_summary_section_stays_in_the_section() -> None:
    text = (
        "Overall summary\nQuality statement scores\n  • Assessing needs\n    Score: 3\n"
        "Summary of people’s experiences\nPeople said staff listened.\n"
        "Areas for development\nThe local authority needed to improve:\n"
        "waiting times for assessments\nreviews of care plans\n"
        "Leaders had a plan to address this.\n"
    )
    summary = cqcmodel.parse(text).summary
    assert summary is not None
    (section,) = summary.sections
    assert section.heading == "Areas for development"
    assert section.paragraphs == (
        "The local authority needed to improve:",
        "waiting times for assessments",
        "reviews of care plans",
        "Leaders had a plan to address this.",
    )


# --- recovered headings ------------------------------------------------------------------------


def test_a_missing_what_people_expect_heading_is_recovered() -> None:
    text = page("People said staff listened.", expect="")
    (statement,) = cqcmodel.parse(text).statements
    assert statement.people_expect == NEEDS.i_statements
    assert statement.commitment == NEEDS.we_statements[0]
    assert [finding.text for finding in statement.findings] == ["People said staff listened."]


def test_recovered_i_statements_may_be_quoted_or_run_on() -> None:
    info = STATEMENTS[5]
    first, second = info.i_statements
    text = "\n".join(
        [
            TITLE,
            info.title,
            "Score: 2",
            f"“{first}” {second}",
            second.replace("’", "'"),
            "The local authority commitment",
            info.we_statements[0],
            "People moved safely between services.",
        ]
    )
    (statement,) = cqcmodel.parse(text).statements
    assert statement.people_expect == (f"“{first}” {second}", second.replace("’", "'"))
    assert [finding.text for finding in statement.findings] == [
        "People moved safely between services."
    ]


def test_a_missing_key_findings_heading_is_recovered_after_recovered_i_statements() -> None:
    text = page("People said staff listened.", expect="").replace(
        "Key findings for this quality statement\n", ""
    )
    (statement,) = cqcmodel.parse(text).statements
    assert statement.people_expect == NEEDS.i_statements
    assert [finding.text for finding in statement.findings] == ["People said staff listened."]


def test_a_paragraph_that_is_not_an_i_statement_is_not_taken_for_one() -> None:
    text = "\n".join(
        [
            TITLE,
            NEEDS.title,
            "Score: 3",
            "I have care and support that is nothing like the framework's wording.",
            "People said staff listened.",
        ]
    )
    (statement,) = cqcmodel.parse(text).statements
    assert statement.people_expect == ()
    assert len(statement.findings) == 2


# --- malformed structural lines ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Score: three", "a score line"),
        ("Score: 3 out of four", "a score line"),
        ("Indicative score: two", "a score line"),
        ("Score:", "a score line"),
        ("Score", "a score line"),
        ("SCORE :", "a score line"),
        ("Score - 2", "a score line"),
        ("Score – 2", "a score line"),
        ("Score = 2", "a score line"),
        ("Score 2 of 4", "a score line"),
        ("Score: 2/4", "a score line"),
        ("Score 2 (some shortfalls)", "a score line"),
        ("Indicative score - 2", "a score line"),
    ],
)
def test_a_malformed_score_line_is_an_error_at_that_line(line: str, expected: str) -> None:
    text = f"{TITLE}\nAssessing needs\n{line}\nWhat people expect\nI am safe.\n"
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse(text, source="page.txt")
    error = caught.value
    assert (error.line, error.column) == (3, 1)
    assert expected in error.message
    assert repr(line) in error.message


@pytest.mark.parametrize("line", ["Score: three", "Score - 2", "Score 2 of 4", "Score: 2/4"])
def test_a_malformed_score_line_before_its_label_is_an_error_at_that_line(line: str) -> None:
    text = f"{TITLE}\nAssessing needs\n{line}\n2 - Evidence shows some shortfalls\n"
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse(text)
    assert (caught.value.line, caught.value.column) == (3, 1)
    assert "expected a score line" in caught.value.message


@pytest.mark.parametrize("gap", ["\n", "\n\n", "\n   \n  "])
def test_a_score_whose_number_is_on_the_next_line_is_read(gap: str) -> None:
    text = f"{TITLE}\nAssessing needs\nScore:{gap}2\n2 - Evidence shows some shortfalls\n"
    (statement,) = cqcmodel.parse(text).statements
    assert (statement.title, statement.score) == ("Assessing needs", Score.SOME_SHORTFALLS)
    assert statement.findings == ()


def test_a_score_whose_label_is_on_the_next_line_is_read() -> None:
    text = f"{TITLE}\nAssessing needs\nScore:\n2 - Evidence shows some shortfalls\nPeople waited.\n"
    (statement,) = cqcmodel.parse(text).statements
    assert (statement.title, statement.score) == ("Assessing needs", Score.SOME_SHORTFALLS)
    assert [finding.text for finding in statement.findings] == ["People waited."]


def test_a_summary_score_whose_number_is_on_the_next_line_is_read() -> None:
    text = "Overall summary\nLocal authority rating and score\n  • Kent\nScore:\n56%\n"
    summary = cqcmodel.parse(text).summary
    assert summary is not None
    assert (summary.name, summary.percentage) == ("Kent", 56)


def test_a_number_out_of_range_on_the_next_line_is_an_error_at_the_score_line() -> None:
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse(f"{TITLE}\nAssessing needs\nScore:\n7\n")
    assert caught.value.line == 3
    assert "7 is not a valid score" in caught.value.message


@pytest.mark.parametrize(
    "line",
    [
        "Scores were published for every team.",
        "Score cards showed the waiting times",
        "Scoring of risk was done at the front door",
        "Score 3 ratings were given to most teams.",
        "Score - the council's own measure - was used",
    ],
)
def test_a_finding_that_starts_with_score_stays_a_finding(line: str) -> None:
    assert findings(page("People said staff listened.", line)) == [
        (None, "People said staff listened."),
        (None, line),
    ]


def test_a_published_line_without_a_date_is_an_error_at_that_line() -> None:
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse(f"{TITLE}\nPublished:\nAssessing needs\nScore: 3\n")
    assert caught.value.line == 2
    assert "expected a date after 'Published:'" in caught.value.message


# --- reported by check -------------------------------------------------------------------------


def test_set_aside_warnings_locate_every_line() -> None:
    authority = Authority(
        statements=(QualityStatement(title="Assessing needs", score=Score.GOOD_STANDARD),),
        source="page.html",
        set_aside=(
            SetAside(line=9, text="Back to top", reason="site furniture", column=3),
            SetAside(line=2, text="Skip to main content", reason="site furniture"),
        ),
    )
    warnings = set_aside_warnings(authority)
    assert [str(warning) for warning in warnings] == [
        "page.html:2:1: set aside, not read as content (site furniture): 'Skip to main content'",
        "page.html:9:3: set aside, not read as content (site furniture): 'Back to top'",
    ]
    assert {warning.severity for warning in warnings} == {Severity.WARNING}
    assert set_aside_warnings() == ()


def test_check_reports_a_set_aside_line_and_strict_fails(tmp_path: Path) -> None:
    path = tmp_path / "needs.txt"
    text = page("People said staff listened.", "Key findings for this quality statement")
    path.write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "cqcmodel", "check"]
    relaxed = subprocess.run([*command, str(path)], capture_output=True, text=True, check=False)
    strict = subprocess.run(
        [*command, "--strict", str(path)], capture_output=True, text=True, check=False
    )
    line = len(text.splitlines())  # the second "Key findings" heading, the last line
    assert f"{path}:{line}:1: warning: set aside" in relaxed.stderr
    assert relaxed.returncode == 0
    assert strict.returncode == 1


# --- the end of the text -----------------------------------------------------------------------


def test_a_page_may_end_after_any_line_of_a_page() -> None:
    """Every rule may end after its first line: a cut page parses wherever it is cut."""
    cuts = 0
    for path in sorted(CORPUS.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        first = cqcmodel.parse_file(path)
        page_line = min(
            line
            for line in [
                first.about and first.about.line,
                first.summary and first.summary.line,
                *(statement.line for statement in first.statements),
            ]
            if line
        )
        for end in range(page_line, len(lines) + 1):
            assert cqcmodel.parse("\n".join(lines[:end])).page_count == first.page_count
            cuts += 1
    assert cuts > 300


def test_a_known_statement_title_ending_the_findings_is_a_finding() -> None:
    text = page("People said staff listened.", "Safeguarding")
    authority = cqcmodel.parse(text)
    assert [statement.statement_id for statement in authority.statements] == [1]
    assert authority.statements[0].findings[-1].text == "Safeguarding"


def test_normalise_gives_the_lines_the_parser_reads() -> None:
    assert normalise("\ufeffA\u00a0b  \r\nc\u200bd\fe") == "A b\ncd\ne"
    assert normalise("co\u00adordinated") == "coordinated"  # a soft hyphen (&shy;)


@pytest.mark.parametrize(("ligature", "letters"), sorted(LIGATURES.items()))
def test_a_ligature_becomes_its_letters(ligature: str, letters: str) -> None:
    assert normalise(f"a{ligature}b\n’{ligature}") == f"a{letters}b\n’{letters}"
    assert unicodedata.normalize("NFKC", ligature) == letters


def test_text_with_ligatures_reads_as_its_letters() -> None:
    text = page("Staﬀ identiﬁed the inﬂuence of eﬃcient, eﬄuent ﬁndings.").replace(
        "Key findings", "Key ﬁndings"
    )
    assert "Key ﬁndings for this quality statement" in text
    assert findings(text) == [
        (None, "Staff identified the influence of efficient, effluent findings.")
    ]
    assert cqcmodel.parse(text) == cqcmodel.parse(normalise(text))


def test_a_column_after_a_ligature_is_the_original_column() -> None:
    line = "Overall rating for Eﬃngham: 120%"
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse(f"Overall summary\nLocal authority rating and score\n{line}\n")
    assert caught.value.line == 3
    assert caught.value.column == line.index("120") + 1
    assert caught.value.line_text == line


def test_clean_corpus_text_is_unchanged_by_normalisation() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert not any(ligature in text for ligature in LIGATURES)
        assert SourceText(text).lines == tuple(line.rstrip() for line in text.split("\n"))


def test_set_aside_lines_of_a_reader_and_of_the_parser_are_merged_at_source_positions() -> None:
    from cqcmodel.parser import parse_read  # noqa: PLC0415 - the reader-level entry point
    from cqcmodel.readers import Form, ReadText  # noqa: PLC0415

    lines = [
        "Assessing needs",
        "Score: 3",
        "Key findings for this quality statement",
        "People said staff listened.",
        "What people expect",
    ]
    # As an HTML reader would give them: each text line at a line and column of the file.
    read = ReadText(
        text="\n".join(lines),
        source="page.html",
        form=Form.HTML,
        positions=((10, 5), (11, 5), (14, 7), (15, 7), (20, 9)),
        set_aside=(SetAside(line=3, text="Skip to main content", reason="site furniture"),),
    )
    authority = parse_read(read)
    assert [(entry.line, entry.column, entry.text) for entry in authority.set_aside] == [
        (3, 1, "Skip to main content"),
        (20, 9, "What people expect"),
    ]
    (statement,) = authority.statements
    assert (statement.line, statement.findings[0].line) == (10, 15)


def test_an_error_in_read_text_is_placed_in_the_source() -> None:
    from cqcmodel.parser import parse_read  # noqa: PLC0415 - the reader-level entry point
    from cqcmodel.readers import Form, ReadText  # noqa: PLC0415

    read = ReadText(
        text="Assessing needs\nScore: three",
        source="page.html",
        form=Form.HTML,
        positions=((10, 5), (12, 9)),
        source_lines=tuple(f"<p>line {number}</p>" for number in range(1, 13)),
    )
    with pytest.raises(ParseError) as caught:
        parse_read(read)
    assert (caught.value.source, caught.value.line, caught.value.column) == ("page.html", 12, 9)
    assert "expected a score line" in caught.value.message


@pytest.mark.parametrize(
    ("lines", "line", "message"),
    [
        # A rule of the model, broken at a part built from a token (its line the source's).
        (
            [
                TITLE,
                PUBLISHED,
                PUBLISHED,
                "Assessing needs",
                "Score: 3",
                "Key findings for this quality statement",
                "People said staff listened.",
            ],
            30,
            "'Published:' lines for 1 page",
        ),
        # A value the model refuses, at a token's line.
        (
            [TITLE, "Assessing needs", "Score: 3", "Assessing needs", "Score: 2"],
            40,
            "appears twice",
        ),
        # A rule of the whole model, broken where no part is to blame: at the text's end.
        ([TITLE, "Score: 3"], 20, "holds at least one page"),
    ],
)
def test_every_kind_of_error_in_read_text_is_placed_in_the_source(
    lines: list[str], line: int, message: str
) -> None:
    from cqcmodel.parser import parse_read  # noqa: PLC0415 - the reader-level entry point
    from cqcmodel.readers import Form, ReadText  # noqa: PLC0415

    read = ReadText(
        text="\n".join(lines),
        source="page.html",
        form=Form.HTML,
        positions=tuple((10 * number, 3) for number in range(1, len(lines) + 1)),
    )
    with pytest.raises(ParseError) as caught:
        parse_read(read)
    assert caught.value.line == line
    assert caught.value.column >= 3  # the line's text starts at column 3 of the source
    assert message in caught.value.message
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


def test_a_structural_line_ends_a_list_of_plain_items() -> None:
    items = ("Carers could get support from:", "the carers’ centre", "a helpline")
    text = page(*items) + "Overall summary\nAreas for development\nSome people waited.\n"
    authority = cqcmodel.parse(text)
    assert [finding.text for finding in authority.statements[0].findings] == list(items)
    assert authority.summary is not None
    (section,) = authority.summary.sections
    assert section.heading == "Areas for development"


def test_render_refuses_a_model_whose_text_does_not_parse() -> None:
    built = Authority(
        statements=(QualityStatement(title="Published: yesterday", score=Score.GOOD_STANDARD),)
    )
    with pytest.raises(cqcmodel.CqcModelError, match="cannot be written as text that parses"):
        cqcmodel.render(built)


def test_a_text_whose_every_line_is_set_aside_is_an_error_at_its_end() -> None:
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse("Key findings for this quality statement\nDemographics\n")
    assert (caught.value.line, caught.value.column) == (2, 13)
    assert caught.value.message.endswith("found the end of the text")
    assert "a quality statement title" in caught.value.message


def test_the_about_heading_alone_at_the_end_after_a_page_is_set_aside() -> None:
    """A related link to the about page, not an about page with nothing in it."""
    authority = cqcmodel.parse(page("People waited.") + "How we assess local authorities\n")
    assert authority.about is None
    assert [entry.text for entry in authority.set_aside] == ["How we assess local authorities"]
    assert "nothing after it" in authority.set_aside[0].reason
    # With an introduction after it, it opens the about page.
    about = cqcmodel.parse(
        page("People waited.") + "How we assess local authorities\nWe assess how councils work.\n"
    ).about
    assert about is not None
    assert about.introduction == ("We assess how councils work.",)


@pytest.mark.parametrize("number", ["2", "17", "2024"])
def test_a_number_alone_on_a_line_is_set_aside_never_a_sub_heading(number: str) -> None:
    """A page number a copy kept between paragraphs heads nothing and is no finding."""
    authority = cqcmodel.parse(page("People waited.", number, "Staff listened.", "Leaders agreed."))
    findings = authority.statements[0].findings
    assert [(finding.heading, finding.text) for finding in findings] == [
        (None, "People waited."),
        (None, "Staff listened."),
        (None, "Leaders agreed."),
    ]
    assert [(entry.text, entry.reason) for entry in authority.set_aside] == [
        (number, "a number alone on a line (a page number?)")
    ]
