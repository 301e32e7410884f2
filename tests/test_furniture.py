"""Site furniture by class: footers, feedback, share and related links, a page's end."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import cqcmodel
from cqcmodel import Authority
from cqcmodel.readers.furniture import SHAPES, Where, clean, mark, reason_for

from .conftest import CORPUS
from .strategies import authorities

#: A statement page, a summary page and an about page (ending in "… are:").
PAGES = {
    name: (CORPUS / name).read_text(encoding="utf-8")
    for name in (
        "westminster-1124-theme3-safeguarding.txt",
        "hillingdon-1224-theme1-needs.txt",
        "westminster-1124-summary.txt",
        "ealing-0125-summary.txt",
        "westminster-1124.txt",
    )
}
_COPYRIGHT = "copyright line"
_FEEDBACK = "page feedback widget"
_SHARE = "share and follow links"
_RELATED = "related links"
_PAGE_DATE = "the page's date, apart from its 'Published:' line"


@pytest.mark.parametrize(
    "line",
    [
        "© Care Quality Commission 2025",
        "©2024 Care Quality Commission",
        "©  CQC 2023",
        "Copyright © Care Quality Commission",
        "COPYRIGHT © Care Quality Commission 2025",
        "Copyright 2025 Care Quality Commission",
        "Copyright Care Quality Commission 2024",
        "© Crown copyright",
        "Crown Copyright 2024",
    ],
)
def test_copyright_lines_are_furniture_anywhere(line: str) -> None:
    assert reason_for(line, edge=False) == _COPYRIGHT


@pytest.mark.parametrize(
    "line",
    [
        "© Care Quality Commission",  # the format's own footer: the parser reads it
        "Copyright law was explained to people",
        "Copyright",
        # A line break of another kind ends the notice: the title after it is the page's.
        "© Care Quality Commission\rWestminster City Council: local authority assessment",
        "© Care Quality Commission 2025\u2028Westminster City Council: local authority assessment",
    ],
)
def test_lines_that_are_no_copyright_notice(line: str) -> None:
    assert reason_for(line, edge=True) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "All content is available under the Open Government Licence v3.0, except where "
            "otherwise stated",
            "site footer",
        ),
        ("Content is available under the Open Government Licence v3.0", "site footer"),
        ("Open Government Licence", "site footer"),
        ("OGL: Open Government License v3", "site footer"),
        ("Follow us", _SHARE),
        ("Follow us on", _SHARE),
        ("Follow us on:", _SHARE),
        ("Share on", _SHARE),
        ("Facebook", _SHARE),
        ("X (Twitter)", _SHARE),
        ("Email", _SHARE),
        ("Facebook Twitter LinkedIn Email", _SHARE),
        ("Facebook | X | LinkedIn | YouTube", _SHARE),
        ("Share on Facebook", _SHARE),
        ("Follow us on LinkedIn", _SHARE),
        ("Yes this page is useful", _FEEDBACK),
        ("No this page is not useful", _FEEDBACK),
        ("Yes, this page was helpful", _FEEDBACK),
        ("Related content", _RELATED),
        ("Related links:", _RELATED),
        ("Related pages", _RELATED),
        ("See also", _RELATED),
        ("Report contents", "site furniture"),
        ("Modern slavery statement", "site footer"),
        ("Return to top", "site furniture"),
        ("Top of page", "site furniture"),
        ("Page last updated: 17 January 2025", _PAGE_DATE),
        ("Page last updated 3 June 2024", _PAGE_DATE),
    ],
)
def test_edge_furniture_by_class(line: str, reason: str) -> None:
    assert reason_for(line, edge=True) == reason
    assert reason_for(line, edge=False) is None  # inside a page, a line like it is content


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Is this page useful?", _FEEDBACK),
        ("Was this page helpful?", _FEEDBACK),
        ("Did you find this page useful?", _FEEDBACK),
        ("Is this information helpful", _FEEDBACK),
        ("Back to top of page", "site furniture"),
        ("BACK TO THE TOP", "site furniture"),
        ("Did you find what you were looking for?", _FEEDBACK),
        ("Give feedback about this page", _FEEDBACK),
        ("Give us your feedback on this page", _FEEDBACK),
    ],
)
def test_furniture_of_any_place_by_class(line: str, reason: str) -> None:
    assert reason_for(line, edge=False) == reason
    # One search of a text finds them: the cheap test never calls a page holding one clean.
    page = PAGES["westminster-1124-theme3-safeguarding.txt"].split("\n")
    text = "\n".join([*page[:8], line, *page[8:]])
    assert not clean(text)
    assert mark([content.strip() for content in text.split("\n")])[8] == reason


def test_every_shape_of_any_place_lists_its_first_characters() -> None:
    for shape in SHAPES:
        if shape.where is Where.ANYWHERE:
            assert shape.starts, shape.pattern


#: The ends of copied pages: (the lines after the page's last line, the lines set aside).
TAILS = [
    "© Care Quality Commission 2025",
    "Copyright © Care Quality Commission",
    "All content is available under the Open Government Licence v3.0, except where otherwise "
    "stated\n© Crown copyright",
    "Is this page useful?\nYes\nNo\nPrivacy notice\nCookies\nFollow us on\nFacebook\n"
    "© Care Quality Commission",
    "Back to top\nWas this page helpful?\nYes this page is useful\nNo this page is not useful",
    "Share this page\nFacebook\nTwitter\nEmail",
    "Share this page\nFacebook Twitter LinkedIn Email\nPrint this page",
    # A report's contents list after the page, between furniture.
    "Report contents\nOverview\nSummary\nTheme 1: Working with people\nAssessing needs\n"
    "Supporting people to live healthier lives\nEquity in experience and outcomes\n"
    "Theme 2: Providing support\nCare provision, integration and continuity\n"
    "Partnerships and communities\nBack to top\n© Care Quality Commission",
    # Related links: "How we assess local authorities" must make no (empty) about page.
    "Related content\nHow we assess local authorities\nLocal authority assessment reports\n"
    "© Care Quality Commission",
    # Unknown footer links among known ones.
    "Is this page useful?\nYes\nNo\nPrivacy notice\nCareers at CQC\nOur board\nCookies\n"
    "Follow us on\nBluesky\n© Care Quality Commission",
    # A contents list after the footer, or after the feedback widget, to the text's end.
    "© Care Quality Commission\nOverview\nSummary\nAssessing needs\nSafeguarding",
    "Is this page useful?\nYes\nNo\nOverview\nSummary\nAssessing needs\nSafeguarding",
]


@pytest.mark.parametrize("tail", TAILS)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_end_of_every_kind_is_set_aside(name: str, tail: str) -> None:
    text = PAGES[name]
    copy = text.rstrip("\n") + "\n" + tail + "\n"
    authority = cqcmodel.parse(copy)
    assert authority == cqcmodel.parse(text)
    assert authority.about == cqcmodel.parse(text).about  # no about page from a link
    footer = "© Care Quality Commission"
    assert sorted(item.text for item in authority.set_aside) == sorted(
        line for line in tail.split("\n") if line != footer
    )


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_share_bar_in_a_saved_page_is_set_aside(name: str) -> None:
    text = PAGES[name]
    share = (
        '<div class="share-links"><h2>Share this page</h2><a href="#">Facebook</a> '
        '<a href="#">Twitter</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>'
    )
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    html = f"<!DOCTYPE html><html><body><main>{body}{share}</main></body></html>"
    authority = cqcmodel.parse(html)
    assert authority == cqcmodel.parse(text)
    assert [item.text for item in authority.set_aside] == [
        "Share this page",
        "Facebook Twitter LinkedIn Email",
    ]


def test_a_share_bar_under_the_title_goes_with_its_heading() -> None:
    text = PAGES["hillingdon-1224-theme1-needs.txt"]
    first, rest = text.split("\n", 1)
    copy = f"{first}\nShare this page\nFacebook Twitter LinkedIn Email\n{rest}"
    authority = cqcmodel.parse(copy)
    assert authority == cqcmodel.parse(text)
    assert [item.line for item in authority.set_aside] == [2, 3]


_STATEMENT = PAGES["westminster-1124-theme3-safeguarding.txt"].rstrip("\n")


@pytest.mark.parametrize(
    "tail",
    [
        "Back to top\nIs this page useful?\nYes\nNo",
        "Is this page useful?\nYes\nNo\n© Care Quality Commission",
    ],
)
def test_a_short_last_finding_is_kept(tail: str) -> None:
    # A finding without its full stop, short as a link, right before the furniture; "Back to
    # top" or a lone feedback question before it stands inside pages too, so it does not
    # show the page has ended.
    for before in (
        "",
        "Back to top\n",
        "Report a problem with this page\n",
        "Is this page useful?\n",
    ):
        page = f"{_STATEMENT}\n{before}People waited for their reviews\n"
        authority = cqcmodel.parse(page + tail + "\n")
        assert authority == cqcmodel.parse(page)
        assert authority.statements[-1].findings[-1].text == "People waited for their reviews"


def test_a_page_after_the_footer_is_no_contents_list() -> None:
    # A page copied after another page's footer, without its title line: its score line
    # shows it is a page, and the lines are left to the parser.
    text = "© Care Quality Commission\nSafeguarding\nScore: 3\nPeople felt safe.\n"
    assert not any(mark(text.split("\n")))


_UNKNOWN_LINKS = ["Careers at CQC", "Our board", "Annual report 2024", "Media centre", "Jobs"]
_KNOWN_LINKS = [
    "Privacy notice",
    "Cookies",
    "Contact us",
    "Accessibility statement",
    "Follow us on",
    "Facebook",
    "LinkedIn",
    "Related links",
    "Report a problem with this page",
]


@given(
    authorities(),
    st.lists(st.sampled_from(_KNOWN_LINKS + _UNKNOWN_LINKS), max_size=12),
    st.booleans(),
)
def test_any_page_with_unknown_links_in_its_footer_reads_back(
    authority: Authority, links: list[str], footer: bool
) -> None:
    # After the feedback widget (the page's end), the footer's links, known or not, are set
    # aside up to the text's end or the footer. (A page cut after its statement title, with
    # no score, is no page a copy shows: the parser does not read one before a footer.)
    assume(
        all(
            statement.score is not None or statement.indicative
            for statement in authority.statements
        )
    )
    text = cqcmodel.render(authority).rstrip("\n")
    tail = ["Is this page useful?", "Yes", "No", *links]
    if footer:
        tail.append("© Care Quality Commission")
    copy = text + "\n" + "\n".join(tail) + "\n"
    parsed = cqcmodel.parse(copy)
    assert parsed == authority
    assert len(parsed.set_aside) == 3 + len(links)


def test_the_pages_published_line_keeps_its_last_updated_date() -> None:
    """Only a date line apart from "Published:" is furniture; the page's own line is read."""
    authority = cqcmodel.parse_file(CORPUS / "Hounslow1.txt")
    assert authority.page_dates
    assert authority.page_dates[0].updated is not None
    assert all("updated" not in entry.text.casefold() for entry in authority.set_aside)
