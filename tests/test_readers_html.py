"""The HTML reader's own rules: lines from blocks, space between inline elements, chrome found
by attribute in any case, furniture at the start of the content, one selector engine per thread,
start tags found in lower case first and in any case when those do not account for the tree.
"""

from __future__ import annotations

import re
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import cqcmodel
from cqcmodel.readers._positions import _scan, _start_tags
from cqcmodel.readers.html import read_html

from .conftest import CORPUS
from .htmlpages import SHAPES, page_html


def _lines(html: str) -> list[str]:
    return read_html(html)[0].splitlines()


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("<b>Leaders</b> <i>said</i>", "Leaders said"),
        ("<b>Leaders</b>\n  <!-- a note -->\n<i>said</i>", "Leaders said"),
        ("<b>Leaders</b> <!-- a note --><i>said</i>", "Leaders said"),
        ("<b>Leaders</b> <script>x()</script><i>said</i>", "Leaders said"),
        ("<b>Leaders</b> <span></span><i>said</i>", "Leaders said"),
        ("<b>Leaders</b><i>said</i>", "Leaderssaid"),
        ("<b>Leaders</b><!-- a note --><i>said</i>", "Leaderssaid"),
        ("Leaders <b>said</b>", "Leaders said"),
        ("<b>Leaders</b> said", "Leaders said"),
        ("<b>Leaders</b>\xa0<i>said</i>", "Leaders said"),
        ("\n  <b>Leaders</b>\n  <i>said</i>\n", "Leaders said"),
    ],
)
def test_space_between_inline_elements_is_a_word_break(body: str, line: str) -> None:
    assert _lines(f"<main><p>{body}</p></main>") == [line]


def test_space_between_blocks_makes_no_line() -> None:
    html = "<main>\n  <ul>\n    <li>One</li>\n    <li>Two</li>\n  </ul>\n  <p>Three</p>\n</main>"
    text, positions, set_aside, _ = read_html(html)
    assert text.splitlines() == ["  • One", "  • Two", "Three"]
    assert positions == [(3, 9), (4, 9), (6, 6)]
    assert set_aside == []


def test_inline_text_after_a_block_keeps_its_position() -> None:
    html = "<main><div><p>First</p> <b>bold</b> <i>after</i></div></main>"
    text, positions, _, _ = read_html(html)
    assert text.splitlines() == ["First", "bold after"]
    assert positions == [(1, 15), (1, 28)]


@pytest.mark.parametrize(
    ("attribute", "reason"),
    [
        ('ClAsS="CoOkIe-Banner"', "cookie banner"),
        ('id="SiteConsent"', "cookie banner"),
        ("hIdDeN", "hidden element"),
        ('aria-hidden="TRUE"', "hidden element"),
        ('style="DiSpLaY: NoNe"', "hidden element"),
    ],
)
def test_chrome_is_found_by_attribute_in_any_case(attribute: str, reason: str) -> None:
    html = f"<main><p>Kept</p><div {attribute}><p>Not content</p></div></main>"
    text, _, set_aside, _ = read_html(html)
    assert text.splitlines() == ["Kept"]
    assert [(item.text, item.reason) for item in set_aside] == [("Not content", reason)]


def test_role_main_in_any_case_is_the_main_content() -> None:
    html = "<body><p>Outside</p><DIV ROLE='MAIN'><p>Inside</p></DIV></body>"
    text, _, set_aside, _ = read_html(html)
    assert text.splitlines() == ["Inside"]
    assert [(item.text, item.reason) for item in set_aside] == [
        ("Outside", "outside the main content")
    ]


def test_furniture_as_the_contents_first_line_is_set_aside() -> None:
    clean = (CORPUS / "Hounslow4.txt").read_text(encoding="utf-8")
    html = page_html(clean, "article").replace("<article>\n", "<article>\n<p>Back to top</p>\n", 1)
    authority = cqcmodel.parse(html)
    assert authority == cqcmodel.parse(clean)
    assert [(item.line, item.text, item.reason) for item in authority.set_aside] == [
        (2, "Back to top", "site furniture")
    ]


def test_pages_read_in_threads_read_as_in_one() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))[:6]]
    pages = [page_html(text, shape) for text in texts for shape in ("chrome", "save-complete")]
    expected = [read_html(page) for page in pages]
    results: dict[int, list[object]] = {}

    def read_all(worker: int) -> None:
        results[worker] = [read_html(page) for page in pages for _ in range(3)][::3]

    threads = [threading.Thread(target=read_all, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == expected for result in results.values())
    assert len(results) == len(threads)


#: A few corpus pages' clean text, of every page kind.
CORPUS_PAGES = [
    (CORPUS / name).read_text(encoding="utf-8")
    for name in ("Hounslow4.txt", "hillingdon-1224.txt", "ealing-0125-summary.txt")
]
#: Ways a page may write its tags other than in lower case, or hold tag-like text.
_RECASINGS = (
    ("<p>", "<P>"),
    ("</p>", "</P>"),
    ("<h2>", "<H2 class=x>"),
    ("<li>", "<Li>"),
    ("<main", '<div title="<p>x</p>"></div><main'),
    ("</main>", "<SCRIPT>var a = '<p>';</SCRIPT></main>"),
    ("</main>", "<script>var a = '<li>';</script></main>"),
    ("</main>", "<!-- <P> --></main>"),
    ("<h1>", "<TITLE>x</TITLE><h1>"),
)


@given(
    index=st.integers(min_value=0, max_value=len(CORPUS_PAGES) - 1),
    shape=st.sampled_from(SHAPES),
    changes=st.lists(st.sampled_from(_RECASINGS), max_size=4),
)
def test_tags_found_in_lower_case_agree_with_tags_found_in_any_case(
    index: int, shape: str, changes: list[tuple[str, str]]
) -> None:
    """Where the lower-case scan is taken, it found every start tag a scan in any case finds.

    (A tag the scan in any case over-counts, in an attribute's value say, is one whose
    positions it would not use: only the tags whose counts agree with the tree are compared.)
    """
    html = page_html(CORPUS_PAGES[index], shape)
    for old, new in changes:
        html = html.replace(old, new, 1)
    tree_counts = _tree_counts(html)
    tags = {"p", "li", "h1", "h2", "a", "ul", "div", "button"}
    chosen = _start_tags(html, tags, tree_counts)
    anywhere, _ = _scan(html, tags, cased=False)
    for tag in tags:
        if len(anywhere[tag]) == tree_counts.get(tag, 0):
            assert chosen[tag] == anywhere[tag], tag


def _tree_counts(html: str) -> dict[str, int]:
    """How many elements of each tag the parsed page holds."""
    counts: dict[str, int] = {}
    root = LexborHTMLParser(html).root
    assert root is not None
    for node in root.traverse():
        tag = node.tag
        if tag is not None and tag[0] != "-":
            counts[tag] = counts.get(tag, 0) + 1
    return counts


def test_a_page_in_upper_case_tags_reads_to_the_same_lines_at_the_same_places() -> None:
    """Upper-case tags (old editors write them) are found by the scan in any case."""
    html = page_html(CORPUS_PAGES[0], "chrome")
    upper = re.sub(r"<(/?)(p|h1|h2|li|ul)\b", lambda m: f"<{m[1]}{m[2].upper()}", html)
    lower_text, lower_positions, _, _ = read_html(html)
    upper_text, upper_positions, _, _ = read_html(upper)
    assert upper_text == lower_text
    assert upper_positions == lower_positions
