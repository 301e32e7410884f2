"""Saved pages as real sites write them: the HTML reader's rules for headings, preformatted
text, the main content and its title, chrome found by its markers, and files named ``.html``
that hold plain text. Each page must read to its clean text's model, every line in place.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import cqcmodel
from cqcmodel.readers import Form, read_bytes, read_file
from cqcmodel.readers.html import (
    _CHROME_BY_ATTRIBUTE,
    _CHROME_MARKERS,
    _CONSENT_MARKERS,
    _first_marked,
    _selector,
    _selector_of,
    read_html,
)

from .conftest import CORPUS
from .htmlpages import page_html

CLEAN = (CORPUS / "Hounslow4.txt").read_text(encoding="utf-8")
TITLE = CLEAN.split("\n", 1)[0]
ARTICLE = page_html(CLEAN, "article")


def _at(html: str, line: int, column: int) -> str:
    """The source from a 1-based position on."""
    return html.replace("\r\n", "\n").split("\n")[line - 1][column - 1 :]


def _same_model(html: str) -> cqcmodel.Authority:
    authority = cqcmodel.parse(html)
    assert authority == cqcmodel.parse(CLEAN)
    return authority


def test_a_br_in_a_heading_is_a_word_break_at_the_headings_place() -> None:
    name, _, rest = TITLE.partition(": ")
    html = ARTICLE.replace(f"<h1>{TITLE}</h1>", f"<h1>{name}:<br>\n  {rest}</h1>", 1)
    assert html != ARTICLE
    _same_model(html)
    text, positions, _, _ = read_html(html)
    assert text.split("\n", 1)[0] == TITLE
    assert _at(html, *positions[0]).startswith(name)


def test_a_br_elsewhere_still_ends_a_line() -> None:
    assert read_html("<main><h2>One<br>two</h2><p>One<br>two</p></main>")[0].splitlines() == [
        "One two",
        "One",
        "two",
    ]


def test_a_button_in_a_heading_is_its_text_and_a_button_elsewhere_is_chrome() -> None:
    """A GOV.UK accordion: each section's heading is a button, with a "Show" toggle."""
    html = (
        "<main><h1>Kent County Council: local authority assessment</h1>"
        '<h3 class="govuk-accordion__section-heading"><button type="button">'
        '<span class="govuk-accordion__section-heading-text">Safe systems</span>'
        '<span class="govuk-visually-hidden">, </span>'
        '<span class="govuk-accordion__section-toggle"><span>Show'
        '<span class="govuk-visually-hidden"> this section</span></span></span>'
        "</button></h3><p>Findings.</p><p><button>Print this page</button></p></main>"
    )
    text, _, set_aside, _ = read_html(html)
    assert text.splitlines()[1:] == ["Safe systems", "Findings."]
    assert sorted((item.text, item.reason) for item in set_aside) == [
        (",", "hidden element"),
        ("Print this page", "button"),
        ("Show this section", "toggle label"),
    ]


def test_an_accordion_page_reads_to_its_clean_model() -> None:
    clean = (CORPUS / "seed-hillingdon-partnerships.txt").read_text(encoding="utf-8")
    accordion = page_html(clean, "article").replace("<h3>", '<h3><button type="button"><span>')
    accordion = accordion.replace("</h3>", "</span></button></h3>")
    assert accordion.count("<button") > 3
    authority = cqcmodel.parse(accordion)
    assert authority == cqcmodel.parse(clean)
    assert authority.set_aside == ()


def test_preformatted_lines_are_lines_each_at_its_place() -> None:
    html = "<html><body><pre>\n" + CLEAN.replace("&", "&amp;").replace("<", "&lt;") + "</pre>"
    _same_model(html)
    text, positions, _, source = read_html(html)
    for line, (row, column) in zip(text.splitlines(), positions, strict=True):
        assert source[row - 1][column - 1 :].startswith(line.split()[0].replace("&", "&amp;"))


@given(
    st.lists(
        st.text(st.sampled_from("ab <&\t•"), min_size=1, max_size=12),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["", "\n", "\r\n", "<b>x</b> "]),
)
def test_any_preformatted_line_is_placed_at_its_first_character(
    lines: list[str], opening: str
) -> None:
    body = "\n".join(line.replace("&", "&amp;").replace("<", "&lt;") for line in lines)
    html = f"<main><p>Before</p>\n<pre>{opening}{body}</pre></main>"
    text, positions, _, source = read_html(html)
    for line, (row, column) in zip(text.splitlines()[1:], positions[1:], strict=True):
        first = line.strip()[0]
        at = source[row - 1][column - 1 :]
        assert at.startswith({"&": "&amp;", "<": "&lt;"}.get(first, first))


def test_hidden_main_is_passed_over_for_the_visible_content() -> None:
    body = ARTICLE.split("<article>", 1)[1].split("</article>", 1)[0]
    html = f"<body><main hidden><p>Loading…</p></main><div role=main>{body}</div></body>"
    authority = _same_model(html)
    assert [(item.text, item.reason) for item in authority.set_aside] == [
        ("Loading…", "hidden element")
    ]


def test_a_title_in_a_banner_before_the_main_content_is_the_pages() -> None:
    body = ARTICLE.split("<article>", 1)[1].split("</article>", 1)[0]
    body = body.replace(f"<h1>{TITLE}</h1>", "", 1)
    html = (
        '<body><header><a href="/">CQC</a></header><div class="hero"><p>Report</p>'
        f"<h1>{TITLE}</h1><p>Updated daily</p></div><main>{body}</main></body>"
    )
    authority = _same_model(html)
    assert [item.text for item in authority.set_aside] == ["CQC", "Report", "Updated daily"]
    text, positions, _, _ = read_html(html)
    assert text.split("\n", 1)[0] == TITLE
    assert _at(html, *positions[0]).startswith(TITLE)


@pytest.mark.parametrize(
    "banner",
    [
        "<h1>Care Quality Commission</h1>",  # a site's name, not a title line
        f"<h1>{TITLE}</h1><p>1</p><p>2</p><p>3</p>",  # not right before the content
        f"<nav><h1>{TITLE}</h1></nav>",  # navigation
    ],
)
def test_no_other_heading_before_the_main_content_is_taken(banner: str) -> None:
    html = f"<body>{banner}<main><h2>Downloads</h2><p>Text.</p></main></body>"
    assert read_html(html)[0].splitlines() == ["Downloads", "Text."]


def test_a_reader_views_title_and_content_are_the_page() -> None:
    body = ARTICLE.split("<article>", 1)[1].split("</article>", 1)[0]
    body = body.replace(f"<h1>{TITLE}</h1>", "", 1)
    html = (
        '<body><div class="container"><div class="header reader-header">'
        '<a class="domain reader-domain" href="https://www.cqc.org.uk/x">www.cqc.org.uk</a>'
        f'<h1 class="reader-title">{TITLE}</h1><div class="meta-data">'
        '<div class="reader-estimated-time">9-11 minutes</div></div></div><hr>'
        '<div class="content"><div class="mozReaderContent readerShowElement">'
        f'<div id="readability-page-1" class="page">{body}</div></div></div></div></body>'
    )
    authority = _same_model(html)
    assert [item.text for item in authority.set_aside] == ["www.cqc.org.uk", "9-11 minutes"]


@pytest.mark.parametrize(
    ("caption", "lines"),
    [
        ('<p class="caption">Local authority assessment</p>', 1),
        ('<span class="govuk-caption-xl">Report</span>', 1),
        ("<ul><li>Home</li><li>Reports</li></ul>", 2),
    ],
)
def test_short_lines_before_the_title_line_are_set_aside(caption: str, lines: int) -> None:
    html = ARTICLE.replace("<h1>", f"{caption}<h1>", 1)
    authority = _same_model(html)
    assert [item.reason for item in authority.set_aside] == ["before the page title"] * lines


def test_a_caption_inside_a_heading_is_set_aside_and_elsewhere_is_content() -> None:
    """GOV.UK's caption component stands inside the page's ``<h1>``."""
    caption = '<span class="govuk-caption-xl">Local authority assessment</span> '
    html = ARTICLE.replace("<h1>", f"<h1>{caption}", 1)
    authority = _same_model(html)
    assert [(item.text, item.reason) for item in authority.set_aside] == [
        ("Local authority assessment", "heading caption")
    ]
    text = read_html('<main><h2>Demographics</h2><p class="caption">Kept.</p></main>')[0]
    assert text.splitlines() == ["Demographics", "Kept."]


def test_a_link_to_the_pages_top_is_set_aside_and_other_links_are_content() -> None:
    html = ARTICLE.replace(
        "</article>",
        '<p>See <a href="#">the glossary</a>.</p><p><a href="#top">Back to top</a></p></article>',
    )
    text, _, set_aside, _ = read_html(html)
    assert text.splitlines()[-1] == "See the glossary."
    assert [(item.text, item.reason) for item in set_aside] == [
        ("Back to top", "link to the page's top")
    ]


def test_a_paragraph_before_the_title_line_is_left_to_the_parser() -> None:
    sentence = "This report sets out what we found when we assessed the council in 2024. " * 2
    html = ARTICLE.replace("<h1>", f"<p>{sentence}</p><h1>", 1)
    with pytest.raises(cqcmodel.ParseError):
        cqcmodel.parse(html)


@pytest.mark.parametrize(
    "trail",
    [
        '<div class="govuk-breadcrumbs"><ol><li><a href="/">Home</a></li>'
        '<li><a href="/x">Care services</a></li></ol></div>',
        '<ol class="breadcrumb"><li>Home</li><li>Reports</li></ol>',
    ],
)
def test_breadcrumbs_inside_the_main_content_are_set_aside(trail: str) -> None:
    html = ARTICLE.replace("<article>", f"<article>{trail}", 1)
    authority = _same_model(html)
    assert {item.reason for item in authority.set_aside} == {"breadcrumbs"}


@pytest.mark.parametrize(("attribute", "operator", "value"), _CONSENT_MARKERS)
def test_every_consent_managers_marker_sets_its_banner_aside(
    attribute: str, operator: str, value: str
) -> None:
    held = {"*=": f"x-{value.upper()}-y", "^=": f"{value}-banner", "=": value}[operator]
    banner = f'<div {attribute}="{held}"><p>We use cookies.</p><p>Accept all</p></div>'
    html = ARTICLE.replace("<article>", f"{banner}<article>", 1).replace("<article>", "<div>")
    html = html.replace("</article>", "</div>")
    authority = _same_model(html)
    assert {item.reason for item in authority.set_aside} == {"cookie banner"}


@pytest.mark.parametrize(
    "banner",
    [
        '<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" class="otFlat">'
        '<p id="onetrust-policy-text">We use cookies.</p></div></div>',
        '<div id="CybotCookiebotDialog" role="dialog"><h2>This website uses cookies</h2></div>',
        '<div id="ccc"><div id="ccc-notify"><h3>This site uses cookies</h3></div></div>',
        '<div role="dialog" aria-label="cookieconsent" class="cc-window cc-banner">'
        "<span>We use cookies.</span></div>",
        '<div id="gdpr-banner"><p>Your privacy choices</p></div>',
    ],
)
def test_consent_managers_banners_as_they_write_them_are_set_aside(banner: str) -> None:
    """OneTrust, Cookiebot, Civic Cookie Control, Osano's cookieconsent, a GDPR plugin."""
    body = ARTICLE.replace("<article>", "").replace("</article>", "")
    authority = _same_model(f"<body>{banner}{body}</body>")
    assert {item.reason for item in authority.set_aside} == {"cookie banner"}


#: Attribute values made of the markers' values and a few other characters, in any case.
_VALUES = st.lists(
    st.sampled_from(
        [value for _, markers in _CHROME_MARKERS for _, _, value in markers if value]
        + ["x", "-", " ", "TRUE", "none", "display:"]
    ),
    max_size=4,
).map("".join)


@given(
    st.dictionaries(
        st.sampled_from([*sorted(_CHROME_BY_ATTRIBUTE), "title"]),
        _VALUES.map(lambda value: value.upper() if len(value) % 2 else value),
        max_size=3,
    )
)
def test_chrome_is_told_apart_as_its_selectors_find_it(attributes: dict[str, str]) -> None:
    """The reason given to an element is that of the first kind whose selector finds it."""
    html = "<div " + " ".join(f'{name}="{value}"' for name, value in attributes.items()) + ">"
    node = LexborHTMLParser(html).css_first("div")
    assert node is not None
    expected = next(
        (
            index
            for index, (_, markers) in enumerate(_CHROME_MARKERS)
            if _selector().find(_selector_of(markers), node)
        ),
        len(_CHROME_MARKERS),
    )
    assert _first_marked(node.attributes, _CHROME_BY_ATTRIBUTE, len(_CHROME_MARKERS)) == expected


def test_a_file_named_htm_holding_plain_text_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "report.htm"
    path.write_text(CLEAN, encoding="utf-8")
    read = read_file(path)
    assert read.form is Form.TEXT
    assert read.text == CLEAN
    assert cqcmodel.parse_file(path) == cqcmodel.parse(CLEAN)


@pytest.mark.parametrize("markup", ["<p>", "</p>", "<!-- x -->", "&amp;", "&#8217;", "&#x2019;"])
def test_a_file_named_html_with_any_markup_is_read_as_html(markup: str) -> None:
    assert read_bytes(f"Some words {markup} more".encode(), suffix=".html").form is Form.HTML


def test_binary_bytes_named_html_are_a_positioned_error() -> None:
    with pytest.raises(cqcmodel.ParseError) as caught:
        cqcmodel.parser.parse_read(read_bytes(bytes(range(32)) * 8, suffix=".html"))
    assert caught.value.line >= 1
    assert caught.value.column >= 1
