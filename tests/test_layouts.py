"""Each page layout and format variant of domain.md §4, parsed from small literal texts."""

from __future__ import annotations

import datetime as dt

import pytest

import cqcmodel
from cqcmodel import Rating, Score

TITLE = "London Borough of Ealing: local authority assessment"
NEEDS_I = (
    "I have care and support that is coordinated, and everyone works well together and with me."
)
WE = "We maximise the effectiveness of people’s care and treatment by assessing needs."


def statement_page(*score_lines: str, body: tuple[str, ...] = ()) -> str:
    return "\n".join(
        [
            TITLE,
            "Assessing needs",
            *score_lines,
            "What people expect",
            NEEDS_I,
            "The local authority commitment",
            WE,
            "Key findings for this quality statement",
            *(body or ("People told us they waited too long.",)),
        ]
    )


@pytest.mark.parametrize(
    "score_lines",
    [
        ("Score: 3", "3 - Evidence shows a good standard"),
        ("Score 3", "3 - Evidence shows a good standard"),
        ("Score: 3", "3 – Evidence shows a good standard"),
        ("Score: 3", "Score: 3 - Evidence shows a good standard"),
        ("Score: 3",),
        ("3 - Evidence shows a good standard",),
        ("Score:3", "3 — evidence shows a good standard"),
    ],
)
def test_score_line_variants(score_lines: tuple[str, ...]) -> None:
    (statement,) = cqcmodel.parse(statement_page(*score_lines)).statements
    assert statement.score is Score.GOOD_STANDARD
    assert statement.score.label == "Evidence shows a good standard"
    assert not statement.indicative
    assert statement.people_expect == (NEEDS_I,)
    assert statement.commitment == WE


def test_pilot_statement_page() -> None:
    text = "\n\n".join(
        [
            "Nottingham City Council assessment",
            "Published: 17 November 2023 Page last updated: 20 November 2023",
            "Downloads",
            "Partnerships and communities",
            "Indicative score:",
            "2 - Evidence shows some shortfalls",
            "What people expect:",
            f"“{NEEDS_I}”",
            "The local authority commitment:",
            "We understand our duty to collaborate.",
            "Key findings for this quality statement",
            "Staff told us they had good links.",
        ]
    )
    authority = cqcmodel.parse(text)
    assert authority.name == "Nottingham City Council"
    assert authority.indicative
    (statement,) = authority.statements
    assert statement.indicative
    assert statement.score is Score.SOME_SHORTFALLS
    assert statement.people_expect == (f"“{NEEDS_I}”",)
    assert statement.i_statements == (NEEDS_I,)
    assert authority.published == dt.date(2023, 11, 17)
    assert authority.updated == dt.date(2023, 11, 20)


def test_statement_without_expectations_or_findings_heading() -> None:
    text = "\n".join(
        [
            TITLE,
            "Governance, management and sustainability",
            "Score: 3",
            "3 - Evidence shows a good standard",
            "The local authority commitment",
            "We have clear responsibilities.",
            "There were clear governance arrangements.",
            "Systems provided visibility and assurance.",
        ]
    )
    (statement,) = cqcmodel.parse(text).statements
    assert statement.statement_id == 8
    assert statement.people_expect == ()
    assert statement.commitment == "We have clear responsibilities."
    assert [f.text for f in statement.findings] == [
        "There were clear governance arrangements.",
        "Systems provided visibility and assurance.",
    ]


def test_sub_headings_group_findings() -> None:
    body = (
        "The local authority worked with partners.",
        "Partnership working to deliver shared objectives",
        "Annual priorities were agreed jointly.",
        "Leaders said it was the best relationship.",
        "Impact of partnership working",
        "Outcomes improved.",
        "A heading-like last line",
    )
    (statement,) = cqcmodel.parse(statement_page("Score: 3", body=body)).statements
    assert [(f.heading, f.text) for f in statement.findings] == [
        (None, "The local authority worked with partners."),
        (
            "Partnership working to deliver shared objectives",
            "Annual priorities were agreed jointly.",
        ),
        (
            "Partnership working to deliver shared objectives",
            "Leaders said it was the best relationship.",
        ),
        ("Impact of partnership working", "Outcomes improved."),
        ("Impact of partnership working", "A heading-like last line"),
    ]


def test_heading_followed_by_heading_is_a_paragraph() -> None:
    body = ("First heading", "Second heading", "A paragraph.")
    (statement,) = cqcmodel.parse(statement_page("Score: 3", body=body)).statements
    assert [(f.heading, f.text) for f in statement.findings] == [
        (None, "First heading"),
        ("Second heading", "A paragraph."),
    ]


def test_long_line_without_full_stop_is_a_paragraph() -> None:
    long = "People told us " + "a great deal " * 12 + "without a full stop"
    body = (long, "Another paragraph.")
    (statement,) = cqcmodel.parse(statement_page("Score: 3", body=body)).statements
    assert [f.heading for f in statement.findings] == [None, None]


def test_rating_word_inside_findings_is_a_paragraph() -> None:
    body = ("Good", "People were happy.")
    (statement,) = cqcmodel.parse(statement_page("Score: 3", body=body)).statements
    assert [(f.heading, f.text) for f in statement.findings] == [("Good", "People were happy.")]


def test_footer_is_structural() -> None:
    text = statement_page("Score: 3") + "\n\n© Care Quality Commission\n"
    (statement,) = cqcmodel.parse(text).statements
    assert statement.findings[-1].text == "People told us they waited too long."


def test_page_cut_after_its_title() -> None:
    authority = cqcmodel.parse(f"{TITLE}\nDownloads\nSafeguarding\n")
    (statement,) = authority.statements
    assert statement.statement_id == 7
    assert statement.score is None


def test_statement_six_run_on_i_statements() -> None:
    first = (
        "When I move between services, settings or areas, there is a plan for what happens next "
        "and who will do what, and all the practical arrangements are in place."
    )
    safe = "I feel safe and am supported to understand and manage any risks."
    text = "\n".join(
        [
            TITLE,
            "Safe pathways, systems and transitions",
            "Score: 2",
            "What people expect",
            f"{first} {safe}",
            safe,
        ]
    )
    (statement,) = cqcmodel.parse(text).statements
    assert statement.people_expect == (f"{first} {safe}", safe)
    assert statement.i_statements == (first, safe)


def test_statement_title_variants() -> None:
    for title, expected in [
        ("Supporting people to lead healthier lives", 2),
        ("Safe systems, pathways and transitions", 6),
        ("SAFEGUARDING", 7),
    ]:
        (statement,) = cqcmodel.parse(f"{title}\nScore: 2\n").statements
        assert statement.statement_id == expected
        assert statement.title == title


SUMMARY = """London Borough of Ealing: local authority assessment

Published: 17 January 2025 Page last updated: 17 January 2025

Downloads

Overall summary

Local authority rating and score

{blank}

  • London Borough of Ealing
    Requires improvement
{score_line}

Quality statement scores

  • Assessing needs
    Score: 2
  • Supporting people to lead healthier lives
    Score: 3

Summary of people{apostrophe}s experiences

People gave us mixed feedback.

Areas for development

The local authority should reduce waiting lists.
Waits were long.
"""


@pytest.mark.parametrize(
    ("score_line", "percentage", "short_name"),
    [
        ("Score: 56%", 56, None),
        ("Score: 56", 56, None),
        ("Overall rating for Ealing: 60%", 60, "Ealing"),
        ("", None, None),
    ],
)
@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_summary_variants(
    score_line: str, percentage: int | None, short_name: str | None, apostrophe: str
) -> None:
    text = SUMMARY.format(score_line=score_line, apostrophe=apostrophe, blank=" ")
    summary = cqcmodel.parse(text).summary
    assert summary is not None
    assert summary.name == "London Borough of Ealing"
    assert summary.rating is Rating.REQUIRES_IMPROVEMENT
    assert summary.percentage == percentage
    assert summary.short_name == short_name
    assert [(s.statement_id, s.score) for s in summary.statement_scores] == [
        (1, Score.SOME_SHORTFALLS),
        (2, Score.GOOD_STANDARD),
    ]
    assert summary.people_experience == ("People gave us mixed feedback.",)
    (section,) = summary.sections
    assert section.heading == "Areas for development"
    assert section.paragraphs == (
        "The local authority should reduce waiting lists.",
        "Waits were long.",
    )


def test_summary_with_empty_rating_block() -> None:
    text = (
        "Overall summary\nLocal authority rating and score\n"
        "Quality statement scores\n  • Safeguarding\n    Score: 1\n"
    )
    summary = cqcmodel.parse(text).summary
    assert summary is not None
    assert summary.rating is None
    assert summary.name is None
    assert summary.statement_scores[0].score is Score.SIGNIFICANT_SHORTFALLS


ABOUT = """Kent County Council: local authority assessment
Downloads
How we assess local authorities
Assessment published: 13 December 2024
About Kent County Council
{demographics}
Kent is a large county.
Financial facts
{intro}
{bullet}The local authority estimated its budget would be £430,659,000.
{bullet}Its actual spend was £311.9 million.
"""


@pytest.mark.parametrize("demographics", ["Demographics", ""])
@pytest.mark.parametrize(
    "intro",
    ["The financial facts for Kent are:", "The Financial Facts for Kent County Council are:", ""],
)
@pytest.mark.parametrize("bullet", ["- ", "  • ", ""])
def test_about_variants(demographics: str, intro: str, bullet: str) -> None:
    text = ABOUT.format(demographics=demographics, intro=intro, bullet=bullet)
    about = cqcmodel.parse(text).about
    assert about is not None
    assert about.published == dt.date(2024, 12, 13)
    assert about.subject == "Kent County Council"
    assert about.demographics == ("Kent is a large county.",)
    assert about.financial_intro == (intro or None)
    assert about.financial_facts == (
        "The local authority estimated its budget would be £430,659,000.",
        "Its actual spend was £311.9 million.",
    )


def test_pilot_about_page() -> None:
    text = """Nottingham City Council assessment

Published: 17 November 2023 Page last updated: 20 November 2023

How we assess local authorities

Assessment start date: 11 May 2023

Assessment published: 17 November 2023

We have been piloting our approach.

About Nottingham City Council

Nottingham is a diverse and vibrant city.
"""
    authority = cqcmodel.parse(text)
    assert authority.indicative
    about = authority.about
    assert about is not None
    assert about.started == dt.date(2023, 5, 11)
    assert about.introduction == ("We have been piloting our approach.",)
    assert about.demographics == ("Nottingham is a diverse and vibrant city.",)


def test_whole_report_in_one_text() -> None:
    about = ABOUT.format(demographics="Demographics", intro="", bullet="- ")
    summary = SUMMARY.format(score_line="Score: 56%", apostrophe="'", blank="").replace(
        "Ealing", "Kent"
    )
    summary = summary.replace("London Borough of Kent", "Kent County Council")
    statements = "\n".join(
        [
            "Assessing needs",
            "Score: 2",
            "2 - Evidence shows some shortfalls",
            "Key findings for this quality statement",
            "People waited.",
            "Safeguarding",
            "Score: 3",
            "People felt safe.",
        ]
    )
    authority = cqcmodel.parse(about + summary + statements + "\n© Care Quality Commission\n")
    assert authority.name == "Kent County Council"
    assert authority.about is not None
    assert authority.summary is not None
    assert [s.statement_id for s in authority.statements] == [1, 7]
    assert authority.page_dates[0].published == dt.date(2025, 1, 17)
    assert cqcmodel.parse(cqcmodel.render(authority)) == authority


def test_unicode_hygiene_is_normalised() -> None:
    text = "\ufeff" + statement_page("Score:\u00a03").replace("People told", "Peo\u200bple told")
    (statement,) = cqcmodel.parse(text).statements
    assert statement.score is Score.GOOD_STANDARD
    assert statement.findings[0].text == "People told us they waited too long."


def test_form_feed_between_pdf_pages_is_a_line_break() -> None:
    text = statement_page("Score: 3") + "\fSafeguarding\nScore: 2\n"
    authority = cqcmodel.parse(text)
    assert [s.score for s in authority.statements] == [Score.GOOD_STANDARD, Score.SOME_SHORTFALLS]
