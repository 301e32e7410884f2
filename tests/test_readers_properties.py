"""Properties: any model, rendered and wrapped in a saved page or in site furniture, reads back."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import assume, given
from hypothesis import strategies as st

import cqcmodel
from cqcmodel import Authority
from cqcmodel.parser import parse_read
from cqcmodel.readers import Form, read_bytes, read_text
from cqcmodel.readers.furniture import FURNITURE, Where

from .htmlpages import SHAPES, page_html
from .strategies import authorities

#: Furniture that a browser copy can hold anywhere in the page.
ANYWHERE = [phrase.capitalize() for phrase, _, where in FURNITURE if where is Where.ANYWHERE]
#: Furniture of a page's edges (what a copy holds before the title and after the end).
EDGE = [phrase.capitalize() for phrase, _, where in FURNITURE if where is Where.EDGE]


@given(authorities(), st.sampled_from(SHAPES))
def test_any_model_in_any_saved_page_shape_reads_back(authority: Authority, shape: str) -> None:
    text = cqcmodel.render(authority)
    html = page_html(text, shape)
    read = read_text(html)
    assert read.form is Form.HTML
    assert cqcmodel.parse(html) == authority


@given(
    authorities(),
    st.lists(st.sampled_from(EDGE), min_size=1, max_size=6),
    st.lists(st.sampled_from(EDGE), max_size=6),
    st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(ANYWHERE)), max_size=4),
)
def test_any_model_with_furniture_around_it_reads_back(
    authority: Authority,
    before: list[str],
    after: list[str],
    inside: list[tuple[int, str]],
) -> None:
    # A page cut after an unknown statement title (no score line after it) is one line of
    # text: nothing tells it from the site around it, so it is not a page a copy can show.
    assume(
        not any(
            statement.info is None and statement.score is None and not statement.indicative
            for statement in authority.statements
        )
    )
    lines = cqcmodel.render(authority).rstrip("\n").split("\n")
    for where, phrase in inside:
        lines.insert(1 + where % len(lines), phrase)
    # A leading furniture line that is also known anywhere marks the copy as a browser's.
    copy = ["Skip to main content", *before, *lines, *after]
    text = "\n".join(copy) + "\n"
    parsed = cqcmodel.parse(text)
    assert parsed == authority
    furniture = ["Skip to main content", *before, *after, *(phrase for _, phrase in inside)]
    assert sorted(item.text for item in parsed.set_aside) == sorted(furniture)
    for item in parsed.set_aside:
        assert copy[item.line - 1] == item.text


def _outcome(run: Callable[[], Authority]) -> Authority | cqcmodel.ParseError:
    """What ``run`` returns, or the ParseError it raises (any other exception fails)."""
    try:
        return run()
    except cqcmodel.ParseError as error:
        return error


_SOUP = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<li>",
            "<ul>",
            "</ul>",
            "<br>",
            "<main>",
            "<nav>",
            "</nav>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "<table><td>",
            "<b>",
            "</i>",
            "&amp;",
            "&#x0;",
            "&bogus;",
            "<h1>",
            "Score: 3",
            "Safeguarding",
            "\n",
            " ",
            "\x00",
            "Westminster City Council: local authority assessment",
            "<header><h2>",
            "<template>",
            "<p hidden>",
            "<div class=cookie>",
            "•",
            "\r\n",
            "<",
            ">",
            "\ufeff",
            "<!doctype html>",
        ]
    ),
    max_size=40,
)


@given(_SOUP)
def test_any_tag_soup_parses_or_raises_a_positioned_parse_error(parts: list[str]) -> None:
    outcome = _outcome(lambda: cqcmodel.parse("<html>" + "".join(parts)))
    if isinstance(outcome, cqcmodel.ParseError):
        assert outcome.line >= 1
        assert outcome.column >= 1
    else:
        assert isinstance(outcome, Authority)


@given(
    st.sampled_from([b"", b"%PDF-1.4\n", b"<html>", b"\xff\xfe", b"\xef\xbb\xbf"]),
    st.binary(max_size=300),
    st.sampled_from([".html", ".pdf", ".txt", ".htm"]),
)
def test_any_bytes_read_or_raise_a_parse_error(start: bytes, data: bytes, suffix: str) -> None:
    outcome = _outcome(lambda: parse_read(read_bytes(start + data, suffix=suffix)))
    assert isinstance(outcome, Authority | cqcmodel.ParseError)
    if isinstance(outcome, cqcmodel.ParseError):
        assert outcome.line >= 1
