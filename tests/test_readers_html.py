"""The HTML reader's own rules: lines from blocks, space between inline elements, chrome found
by attribute in any case, furniture at the start of the content, one selector engine per thread.
"""

from __future__ import annotations

import threading

import pytest

import cqcmodel
from cqcmodel.readers.html import read_html

from .conftest import CORPUS
from .htmlpages import page_html


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
