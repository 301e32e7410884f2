"""Hypothesis strategies for the model: every generated Authority can be rendered and parsed.

The strategies build only what the published format can express (see docs/roundtrip.md):
paragraphs read as sentences, headings read as headings, statement titles are the
framework's, a statement cut before its score line is the last page of a titled text.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from cqcmodel import (
    About,
    Authority,
    Finding,
    PageDates,
    QualityStatement,
    Rating,
    Score,
    Section,
    StatementScore,
    Summary,
)
from cqcmodel.framework import STATEMENTS, rating_for_percentage

WORDS = (
    "care",
    "support",
    "people",
    "the",
    "local",
    "authority",
    "worked",
    "with",
    "partners",
    "unpaid",
    "carers",
    "waiting",
    "lists",
    "reduced",
    "from",
    "42",
    "to",
    "13",
    "days",
    "80.78%",
    "£430,659,000",
    "‘Home",
    "First’",
    "co-ordinated",
    "people’s",
    "Healthwatch",
    "(ICB)",
    "and",
    "–",
    "“quotes”",
    "NHS",
    "Trust",
)
OPENERS = ("People", "Staff", "Partners", "Leaders", "There", "We", "It", "This", "Carers", "Data")
HEADING_OPENERS = (
    "Partnership",
    "Working",
    "Arrangements",
    "Impact",
    "Strengths",
    "Access",
    "Hospital",
    "Carers",
)
PLACES = ("Ealing", "Hounslow", "Windsor", "Maidenhead", "Sunderland", "Kent", "Bath", "Wirral")
ENDINGS = (".", "!", "?", ".’", '."', ".)")

words = st.lists(st.sampled_from(WORDS), max_size=25)


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    """A paragraph: a sentence ending in sentence punctuation (so it never reads as a heading)."""
    opener = draw(st.sampled_from(OPENERS))
    body = " ".join([opener, *draw(words)])
    return body + draw(st.sampled_from(ENDINGS))


@st.composite
def headings(draw: st.DrawFn) -> str:
    """A sub-heading: short, no final punctuation."""
    opener = draw(st.sampled_from(HEADING_OPENERS))
    rest = draw(st.lists(st.sampled_from([w for w in WORDS if w[-1].isalnum()]), max_size=8))
    return " ".join([opener, *rest])


@st.composite
def names(draw: st.DrawFn) -> str:
    """An authority name in one of the published forms."""
    place = draw(st.sampled_from(PLACES))
    other = draw(st.sampled_from(PLACES))
    return draw(
        st.sampled_from(
            (
                f"London Borough of {place}",
                f"Royal Borough of {place} & {other}",
                f"{place} City Council",
                f"{place} County Council",
                f"City of {place} Council",
                f"{place} Borough Council",
                f"{place} and {other}",
                place,
            )
        )
    )


dates = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2027, 12, 31))
scores = st.sampled_from(Score)
titles = st.sampled_from([title for info in STATEMENTS for title in info.titles])


@st.composite
def findings(draw: st.DrawFn) -> tuple[Finding, ...]:
    """Unheaded paragraphs first, then groups under sub-headings."""
    result = [Finding(text=text) for text in draw(st.lists(paragraphs(), max_size=3))]
    for _ in range(draw(st.integers(0, 3))):
        heading = draw(headings())
        texts = draw(st.lists(paragraphs(), min_size=1, max_size=3))
        result.extend(Finding(text=text, heading=heading) for text in texts)
    return tuple(result)


@st.composite
def statements(
    draw: st.DrawFn, info_index: int | None = None, *, scored: bool = True
) -> QualityStatement:
    """A quality statement page; ``scored=False`` allows a page cut after its title."""
    if info_index is None:
        info_index = draw(st.integers(0, len(STATEMENTS) - 1))
    info = STATEMENTS[info_index]
    title = draw(st.sampled_from(info.titles))
    indicative = draw(st.booleans())
    score = draw(scores if scored else st.none() | scores)
    if score is None and not indicative:
        return QualityStatement(title=title)
    return QualityStatement(
        title=title,
        score=score,
        indicative=indicative,
        people_expect=tuple(draw(st.lists(paragraphs(), max_size=3))),
        commitment=draw(st.none() | paragraphs()),
        findings=draw(findings()),
    )


@st.composite
def summaries(draw: st.DrawFn) -> Summary:
    """A summary page."""
    percentage = draw(st.none() | st.integers(0, 100))
    rating = draw(st.none() | st.sampled_from(Rating))
    if rating is not None and percentage is not None:
        rating = rating_for_percentage(percentage)
    sections = tuple(
        Section(
            heading=draw(headings()),
            paragraphs=tuple(draw(st.lists(paragraphs(), min_size=1, max_size=3))),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    return Summary(
        name=draw(st.none() | names()),
        rating=rating,
        percentage=percentage,
        short_name=draw(st.none() | st.sampled_from(PLACES)) if percentage is not None else None,
        statement_scores=tuple(
            StatementScore(title=draw(titles), score=draw(st.none() | scores))
            for _ in range(draw(st.integers(0, 9)))
        ),
        people_experience=tuple(draw(st.lists(paragraphs(), max_size=3))),
        sections=sections,
    )


@st.composite
def abouts(draw: st.DrawFn) -> About:
    """An about page."""
    subject = draw(st.none() | names())
    intro = draw(st.none() | names())
    return About(
        started=draw(st.none() | dates),
        published=draw(st.none() | dates),
        introduction=tuple(draw(st.lists(paragraphs(), max_size=2))),
        subject=subject,
        demographics=tuple(draw(st.lists(paragraphs(), max_size=3))),
        financial_intro=None if intro is None else f"The financial facts for {intro} are:",
        financial_facts=tuple(draw(st.lists(paragraphs(), max_size=3))),
    )


@st.composite
def authorities(draw: st.DrawFn) -> Authority:
    """A whole authority: any mix of pages that one text can hold."""
    name = draw(st.none() | names())
    about = draw(st.none() | abouts())
    summary = draw(st.none() | summaries())
    ids = draw(st.lists(st.integers(0, len(STATEMENTS) - 1), unique=True, max_size=4))
    if about is None and summary is None and not ids:
        ids = [draw(st.integers(0, len(STATEMENTS) - 1))]
    statement_list = [draw(statements(index)) for index in ids[:-1]]
    if ids:
        # Only the last page may stop after its title, and only after a title line.
        alone = about is None and summary is None and len(ids) == 1
        statement_list.append(draw(statements(ids[-1], scored=not (name is not None or alone))))
    pages = (about is not None) + (summary is not None) + len(statement_list)
    any_indicative = any(statement.indicative for statement in statement_list)
    indicative = any_indicative or (name is not None and draw(st.booleans()))
    page_dates = tuple(
        PageDates(published=draw(dates), updated=draw(st.none() | dates))
        for _ in range(draw(st.integers(0, pages)))
    )
    return Authority(
        name=name,
        indicative=indicative,
        page_dates=page_dates,
        about=about,
        summary=summary,
        statements=tuple(statement_list),
    )
