"""Figure extraction: survey comparisons with the England average, money, times and counts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cqcmodel import About, Authority, Finding, QualityStatement, Score, parse_file
from cqcmodel.extract import Comparator, Figure, FigureKind, extract_figures, financial_facts

from .conftest import CORPUS


def figures(*paragraphs: str) -> tuple[Figure, ...]:
    statement = QualityStatement(
        title="Supporting people to live healthier lives",
        score=Score(3),
        findings=tuple(Finding(text=paragraph) for paragraph in paragraphs),
    )
    return extract_figures(Authority(name="Sunderland City Council", statements=(statement,)))


SURVEYS = [
    (
        "Data from the Adult Social Care Survey (ASCS, 2024) showed 80.78% of people found it "
        "easy to find information, which was similar to the England average (77.62%).",
        "80.78",
        Comparator.SIMILAR,
        "77.62",
        "ASCS",
        "2024",
    ),
    (
        "The SACE 2023-24 showed 35.2% of carers were satisfied, somewhat lower than the "
        "England average of 36.83%.",
        "35.2",
        Comparator.LOWER,
        "36.83",
        "SACE",
        "2023-24",
    ),
    (
        "In the ASCS 2023, 62% of people felt in control, tending towards better than the "
        "England average of 58.8%.",
        "62",
        Comparator.BETTER,
        "58.8",
        "ASCS",
        "2023",
    ),
    (
        "National data was lower for Westminster with 71.53% of people who use services who say "
        "that those services have made them feel safe, compared to the England average of "
        "87.12% (ASCS, 2023).",
        "71.53",
        Comparator.LOWER,
        "87.12",
        "ASCS",
        "2023",
    ),
    (
        "The proportion of carers who found it easy to find information was 58% compared with "
        "the national average of 57.7% (Survey of Adult Carers in England 2023).",
        "58",
        Comparator.COMPARED,
        "57.7",
        "SACE",
        "2023",
    ),
    (
        "64.2% of people were satisfied, higher than the England average (61.1%).",
        "64.2",
        Comparator.HIGHER,
        "61.1",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "value", "comparator", "average", "source", "year"), SURVEYS)
def test_survey_comparisons(
    text: str,
    value: str,
    comparator: Comparator,
    average: str,
    source: str | None,
    year: str | None,
) -> None:
    (figure,) = figures(text)
    assert figure.value == Decimal(value)
    assert figure.unit == "%"
    assert figure.comparator is comparator
    assert figure.england_average == Decimal(average)
    assert (figure.source, figure.year) == (source, year)
    assert figure.mention.text == f"{value}%"
    assert text[figure.mention.start : figure.mention.end] == figure.mention.text


QUANTITIES = [
    ("Bridging Care was available for the first 5 days.", "5", "days", "5 days"),
    ("Reablement was offered for a maximum of 6 weeks.", "6", "weeks", "6 weeks"),
    ("The BCF resourced 15 intermediate care beds.", "15", "beds", "15 intermediate care beds"),
    ("At the time 362 people were waiting for an assessment.", "362", "people", "362 people"),
    ("Every month 27 cases were selected for audit.", "27", "cases", "27 cases"),
    ("Its actual spend was £98,931,000 in the year.", "98931000", "£", "£98,931,000"),
    ("The grant was worth £1.2 million over 2 years.", "1200000", "£", "£1.2 million"),
    ("80% of Bridging Care patients went on to reablement.", "80", "%", "80%"),
]


@pytest.mark.parametrize(("text", "value", "unit", "written"), QUANTITIES)
def test_money_times_and_counts(text: str, value: str, unit: str, written: str) -> None:
    figure = figures(text)[0]
    assert (figure.value, figure.unit, figure.mention.text) == (Decimal(value), unit, written)
    assert figure.comparator is None
    assert figure.england_average is None


NOT_FIGURES = [
    "Section 42 enquiries were completed promptly.",
    "In 2024 staff told us they felt supported.",
    "The review was published on 17 May 2024.",
    "There were two 3-year contracts.",
    "People aged 65 and over were a growing group.",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text: str) -> None:
    assert figures(text) == ()


@pytest.mark.parametrize(
    ("text", "before", "after", "unit"),
    [
        (
            "Data showed the average time had reduced from an average 42 days to an average of "
            "13 days.",
            "42",
            "13",
            "days",
        ),
        ("Waiting lists fell from 500 to 362 people over the year.", "500", "362", "people"),
        ("Satisfaction rose from 61% to 70%.", "61", "70", "%"),
    ],
)
def test_before_and_after(text: str, before: str, after: str, unit: str) -> None:
    first, second = figures(text)[:2]
    assert (first.value, first.unit) == (Decimal(before), unit)
    assert (second.value, second.unit, second.previous) == (Decimal(after), unit, Decimal(before))
    assert first.previous is None


def test_the_england_average_is_not_a_figure_of_its_own() -> None:
    found = figures("Of people, 70% were satisfied, similar to the England average of 69%.")
    assert [figure.value for figure in found] == [Decimal(70)]


def test_figures_of_a_real_page_point_into_their_findings() -> None:
    parsed = parse_file(CORPUS / "westminster-1124-theme3-safeguarding.txt")
    (figure,) = extract_figures(parsed)
    assert (figure.value, figure.england_average, figure.source, figure.year) == (
        Decimal("71.53"),
        Decimal("87.12"),
        "ASCS",
        "2023",
    )
    mention = figure.mention
    assert (mention.statement_id, mention.finding_index) == (7, 0)
    assert mention.finding(parsed).text[mention.start : mention.end] == "71.53%"


KINDS = [
    (
        "Data from the Adult Social Care Survey (ASCS, 2024) showed 80.78% of people found it "
        "easy to find information, similar to the England average (77.62%).",
        FigureKind.SURVEY_RESULT,
        "people",
    ),
    (
        "Asian people constituted 37.4% of the population in 2021.",
        FigureKind.SHARE_OF_POPULATION,
        "the population",
    ),
    (
        "78% of people who received reablement were still at home.",
        FigureKind.PROPORTION,
        "people who received reablement",
    ),
    ("People waited up to 6 weeks for a package of care.", FigureKind.WAITING_TIME, None),
    ("Bridging Care was available for the first 5 days.", FigureKind.DURATION, None),
    (
        "It had invested £2.4 million in its Home Support Academy.",
        FigureKind.MONEY,
        "Home Support Academy",
    ),
    ("Its total budget would be £442,931,000.", FigureKind.MONEY, "total budget"),
    ("There were 3 super hubs in the borough.", FigureKind.COUNT, "super hubs"),
    ("The ICB mandated it across all 8 local authorities.", FigureKind.COUNT, "local authorities"),
    ("Leaders told us 88 people had been supported.", FigureKind.COUNT_OF_PEOPLE, "people"),
    ("There were 15 intermediate care beds.", FigureKind.COUNT, "intermediate care beds"),
]


@pytest.mark.parametrize(("text", "kind", "subject"), KINDS)
def test_figures_say_what_they_measure(text: str, kind: FigureKind, subject: str | None) -> None:
    figure = figures(text)[0]
    assert (figure.kind, figure.subject) == (kind, subject)


def test_a_change_is_a_change_of_its_earlier_value() -> None:
    before, after = figures("The average time had reduced from an average 42 days to 13 days.")
    assert (after.kind, after.previous, after.value) == (
        FigureKind.CHANGE,
        Decimal(42),
        Decimal(13),
    )
    assert before.kind is FigureKind.DURATION


def test_a_percentage_of_a_verb_phrase_stops_at_the_verb() -> None:
    (figure,) = figures("80% of Bridging Care patients went on to reablement.")
    assert figure.subject == "Bridging Care patients"


def test_the_about_page_financial_facts_are_amounts() -> None:
    facts = financial_facts(parse_file(CORPUS / "nottingham-city.txt"))
    assert [(f.year, f.subject, f.estimated, f.actual, f.difference, f.share) for f in facts] == [
        (
            "2022/23",
            "total budget",
            Decimal(522707000),
            Decimal(560303000),
            Decimal(37596000),
            None,
        ),
        (
            "2022/23",
            "adult social care",
            Decimal(114794000),
            Decimal(123296000),
            Decimal(8502000),
            None,
        ),
        ("2022/2023", "adult social care", None, None, None, Decimal(22)),
    ]
    assert facts[0].text.startswith("The local authority estimated")


def test_less_than_estimated_is_a_negative_difference() -> None:
    statement = QualityStatement(title="Assessing needs", score=Score(2))
    about = About(financial_facts=("Its actual spend was £9m, which was £1m less than estimated.",))
    (fact,) = financial_facts(Authority(name="X Council", statements=(statement,), about=about))
    assert (fact.actual, fact.difference) == (Decimal(9000000), Decimal(-1000000))


def test_no_about_page_has_no_financial_facts() -> None:
    statement = QualityStatement(title="Assessing needs", score=Score(2))
    assert financial_facts(Authority(name="X Council", statements=(statement,))) == ()


@pytest.mark.parametrize(
    ("text", "low", "value", "unit", "written"),
    [
        ("People waited 6-8 weeks for an assessment.", "6", "8", "weeks", "6-8 weeks"),
        ("People waited 6–8 weeks for an assessment.", "6", "8", "weeks", "6–8 weeks"),
        ("Reviews took 10 to 12 weeks.", "10", "12", "weeks", "10 to 12 weeks"),
        ("Equipment came in between 3 and 5 days.", "3", "5", "days", "between 3 and 5 days"),
    ],
)
def test_a_range_is_one_figure_with_its_lower_bound(
    text: str, low: str, value: str, unit: str, written: str
) -> None:
    (figure,) = figures(text)
    assert (figure.low, figure.value, figure.unit) == (Decimal(low), Decimal(value), unit)
    assert figure.mention.text == written


@pytest.mark.parametrize(
    "text",
    [
        "Waits fell from 10 to 12 weeks.",  # a change, not a range
        "It served people aged 18-64 and 120 care homes.",
        "Between 30% and 40% of people were satisfied.",  # two figures of their own
        "People waited 8-6 weeks.",  # the lower bound first, or no range
    ],
)
def test_what_is_not_a_range(text: str) -> None:
    assert all(figure.low is None for figure in figures(text))
