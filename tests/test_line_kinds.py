"""The table of line kinds is the one declaration the grammar, lexer and messages use."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from cqcmodel import Authority, parse
from cqcmodel.parser import LineToken, _Document, _tokens
from cqcmodel.text import Kind, Role, SourceText

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
