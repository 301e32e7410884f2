"""The table of line kinds is the one declaration the grammar, lexer and messages use."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import cqcmodel
from cqcmodel import Authority, parse
from cqcmodel.parser import LineToken, _Document, _tokens
from cqcmodel.text import BULLET_MARKERS, Kind, Role, SourceText, candidates

from .strategies import authorities

GRAMMAR = (Path(__file__).parents[1] / "src" / "cqcmodel" / "report.lark").read_text("utf-8")
PARSER = Path(__file__).parents[1] / "src" / "cqcmodel" / "parser.py"


def _terminals(grammar: str) -> set[str]:
    rules = "\n".join(line.split("//")[0] for line in grammar.splitlines())
    return set(re.findall(r"\b[A-Z][A-Z_]+\b", rules))


def test_the_grammar_uses_exactly_the_kinds_of_the_table() -> None:
    assert _terminals(GRAMMAR) == {kind.value for kind in Kind}
    # The parser declares the table's kinds.
    assert not any(line.startswith("%declare") for line in GRAMMAR.splitlines())


def test_each_kind_is_its_own_name_and_has_a_description() -> None:
    for kind in Kind:
        assert kind.value == kind.name
        assert kind.description and kind.description != kind.name


def test_each_pattern_has_its_prefilter_literals() -> None:
    for kind in Kind:
        if kind.pattern is None:
            assert not kind.literals, kind
            continue
        assert kind.literals, kind
        if Role.LITERAL_AT_END in kind.roles:
            assert kind.pattern.pattern.endswith(kind.literals[0]), kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Score: 3", Kind.SCORE),
        ("score 2", Kind.SCORE),
        ("Indicative score: 2", Kind.INDICATIVE),
        ("3 - Evidence shows a good standard", Kind.SCORE_LABEL),
        ("Published: 1 May 2024", Kind.PUBLISHED),
        ("About Kent", Kind.ABOUT_HEADING),
        ("  • Kent County Council", Kind.BULLET),
        ("Kent: local authority assessment", Kind.TITLE),
    ],
)
def test_a_literal_starts_every_line_of_its_kind(line: str, kind: Kind) -> None:
    content = line.strip()
    assert kind.pattern is not None and kind.pattern.fullmatch(content)
    if Role.LITERAL_AT_END in kind.roles:
        assert content.endswith(kind.literals[0])
    else:
        assert any(re.match(literal, content) for literal in kind.literals)


def test_tokens_carry_their_match_and_paragraphs() -> None:
    text = "Kent: local authority assessment\nSafeguarding\nScore: 3\nOne.\n\nTwo.\n"
    document = _Document(SourceText(text))
    accepted = {Kind.TITLE, Kind.STATEMENT_TITLE, Kind.SCORE, Kind.TEXT}
    tokens = list(_tokens(document, lambda: accepted))
    assert [token.type for token in tokens] == [
        Kind.TITLE,
        Kind.STATEMENT_TITLE,
        Kind.SCORE,
        Kind.TEXT,
    ]
    assert all(isinstance(token, LineToken) for token in tokens)
    title, _, score, paragraph = tokens
    assert title.match is not None and title.match["name"] == "Kent"
    assert score.match is not None and score.match["value"] == "3"
    assert paragraph.paragraphs == (("One.", 4), ("Two.", 6))
    assert (paragraph.line, paragraph.end_line) == (4, 6)
    assert paragraph.start_pos is None and paragraph.end_pos is None


def test_the_parser_reads_no_lark_internals() -> None:
    source = PARSER.read_text("utf-8")
    for internal in ("parse_table", "parse_conf", ".states", "lark.parsers"):
        assert internal not in source, internal


def test_a_statement_page_parses_into_the_model() -> None:
    authority = parse("Safeguarding\nScore: 3\nWhat people expect\nI am safe.\n")
    (statement,) = authority.statements
    assert statement.people_expect == ("I am safe.",)


def test_importing_the_model_loads_neither_the_text_layer_nor_lark() -> None:
    code = (
        "import sys, cqcmodel, cqcmodel.model; "
        "print('cqcmodel.text' in sys.modules, 'lark' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_the_parser_builds_no_tree() -> None:
    from cqcmodel.parser import _get_parser, _ToModel  # noqa: PLC0415 - internals under test

    assert isinstance(_get_parser().options.transformer, _ToModel)
    assert isinstance(parse("Safeguarding\nScore: 3\n"), Authority)


# --- list bullets ----------------------------------------------------------------------------

#: The markers a list item had before the table grew: lines they start are list items already.
_FIRST_MARKERS = "•·*-–"
_SUMMARY = (
    "Overall summary\nLocal authority rating and score\n{m} London Borough of Ealing\n"
    "    Requires improvement\nScore: 56%\nQuality statement scores\n{m} Assessing needs\n"
    "    Score: 2\n{m}\tSafeguarding\n    Score: 3\n"
)


@pytest.mark.parametrize("marker", sorted(BULLET_MARKERS))
def test_each_bullet_marker_makes_a_list_item(marker: str) -> None:
    assert BULLET_MARKERS[marker]
    content = f"{marker} Assessing needs"
    assert Kind.BULLET.pattern is not None and Kind.BULLET.pattern.fullmatch(content)
    assert any(re.match(literal, content) for literal in Kind.BULLET.literals)
    summary = parse(_SUMMARY.format(m=marker)).summary
    assert summary == parse(_SUMMARY.format(m="•")).summary
    assert summary is not None and summary.name == "London Borough of Ealing"
    assert [item.title for item in summary.statement_scores] == ["Assessing needs", "Safeguarding"]


@pytest.mark.parametrize("marker", sorted(BULLET_MARKERS))
def test_a_bulleted_list_in_findings_keeps_its_shape(marker: str) -> None:
    body = "Safeguarding\nScore: 3\nKey findings for this quality statement\n"
    items = "Waiting lists\nPeople told us:\n{m} staff listened\n{m} reviews were late\n"
    plain = parse(body + items.format(m="-")).statements[0].findings
    found = parse(body + items.format(m=marker)).statements[0].findings
    assert [f.heading for f in found] == [f.heading for f in plain] == ["Waiting lists"] * 3
    # Every marker is held as "•", as a saved page's list items read.
    assert [f.text for f in found][1:] == ["• staff listened", "• reviews were late"]


@pytest.mark.parametrize(
    "line",
    ["o'clock meetings were held", "on the waiting list", "or by telephone", "oPhone", "o"],
)
def test_a_word_starting_with_o_is_no_bullet(line: str) -> None:
    assert Kind.BULLET.pattern is not None
    assert Kind.BULLET.pattern.fullmatch(line) is None


def _real_lines() -> list[str]:
    root = Path(__file__).parents[1]
    paths = [*(root / "tests" / "corpus").glob("*.txt"), *(root / "benchmarks").glob("*/*.txt")]
    return [
        line.strip()
        for path in sorted(paths)
        for line in SourceText(path.read_text(encoding="utf-8")).lines
        if line.strip()
    ]


def test_no_real_line_becomes_a_list_item_by_the_new_markers() -> None:
    lines = _real_lines()
    assert len(lines) > 1000
    bullets = {kind for line in lines for kind in candidates((line,))[0]} & {Kind.BULLET}
    assert bullets  # the corpus has lists
    for line in lines:
        is_bullet = Kind.BULLET in candidates((line,))[0]
        assert is_bullet == (line[:1] in _FIRST_MARKERS and line[1:2].isspace()), line


@given(
    authorities(),
    st.sampled_from(sorted(BULLET_MARKERS)),
    st.sampled_from([" ", "\t", "  "]),
)
def test_a_list_written_with_any_marker_reads_as_the_model_holds_it(
    authority: Authority, marker: str, space: str
) -> None:
    """The model holds every list item's marker as "• ": any other form's reads the same."""
    text = cqcmodel.render(authority)
    assume("\n• " in text)
    other = re.sub(r"(?m)^• ", lambda _: marker + space, text)
    assert parse(other) == authority
