"""Every refusal of a wrong argument or value is reached, and says what was expected.

The error branches of the parser, the readers, JSON and the command line are tested where
their behaviour is; these are the guards of the smaller types and helpers, each of which
would otherwise stand untested.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

from cqcmodel import Finding, ParseError, QualityStatement, Score, parse, render, rows
from cqcmodel.checks import council_warnings
from cqcmodel.export import dumps_json, group_rows
from cqcmodel.extract import Mention
from cqcmodel.extract._merge import _form_pattern
from cqcmodel.extract._text import Caseless
from cqcmodel.framework import statement_by_code, statement_by_id
from cqcmodel.model import Authority
from cqcmodel.readers import Form, read_text
from cqcmodel.schema import json_schema
from cqcmodel.site import Mark


def test_statement_lookups_by_id_and_code_raise_key_error() -> None:
    assert statement_by_id(9).code == "learning"
    with pytest.raises(KeyError):
        statement_by_id(10)
    with pytest.raises(KeyError):
        statement_by_code("nothing")


def test_text_cannot_be_read_as_a_pdf() -> None:
    with pytest.raises(ValueError, match="read from its bytes: use read_bytes or read_file"):
        read_text("%PDF-1.7", form=Form.PDF)


def _statement() -> QualityStatement:
    finding = Finding(text="Carers First helped.")
    return QualityStatement(title="Assessing needs", score=Score.GOOD_STANDARD, findings=(finding,))


def test_a_title_naming_no_council_is_a_warning() -> None:
    page = (_statement(),)
    atlantis = Authority(name="Atlantis County Council", statements=page)
    (warning,) = council_warnings(atlantis, sources={"needs": "page.txt"})
    assert warning.message.startswith("the title names no council in the registry")
    assert (warning.source, warning.line) == ("page.txt", 1)
    assert council_warnings(Authority(name="Kent County Council", statements=page)) == ()


def test_a_mention_is_a_non_empty_span_as_long_as_its_text() -> None:
    with pytest.raises(ValueError, match="finding_index must be 0 or more, got -1"):
        Mention(statement_id=1, finding_index=-1, start=0, end=6, text="Carers")
    with pytest.raises(ValueError, match="does not hold"):
        Mention(statement_id=1, finding_index=0, start=0, end=5, text="Carers")
    with pytest.raises(ValueError, match="does not hold"):
        Mention(statement_id=1, finding_index=0, start=0, end=0, text="")


def test_a_mention_of_a_finding_the_authority_lacks_raises_lookup_error() -> None:
    authority = Authority(statements=(_statement(),))
    mention = Mention(statement_id=1, finding_index=0, start=0, end=6, text="Carers")
    assert mention.finding(authority).text == "Carers First helped."
    for missing in (attrs.evolve(mention, finding_index=1), attrs.evolve(mention, statement_id=2)):
        with pytest.raises(LookupError, match="no finding"):
            missing.finding(authority)


def test_a_mark_has_a_known_kind_and_covers_a_character() -> None:
    assert Mark(start=0, end=1, kind="figure", title="t", anchor="a").end == 1
    with pytest.raises(ValueError, match="is one of initiative, organisation, figure"):
        Mark(start=0, end=1, kind="voice", title="t", anchor="a")
    with pytest.raises(ValueError, match="at least one character"):
        Mark(start=2, end=2, kind="figure", title="t", anchor="a")


def test_rows_hold_only_json_data() -> None:
    assert dumps_json([{"score": Score.GOOD_STANDARD}]) == '[{"score": 3}]'
    with pytest.raises(TypeError, match="not JSON data"):
        dumps_json([{"cell": object()}])


def test_a_type_without_a_json_schema_is_named() -> None:
    @attrs.frozen
    class Odd:
        value: complex

    with pytest.raises(TypeError, match="no JSON Schema for <class 'complex'>"):
        json_schema(Odd)


def test_extraction_patterns_refuse_what_they_cannot_match_exactly() -> None:
    with pytest.raises(ValueError, match="at least one form"):
        _form_pattern(set())
    for pattern in (r"\Scare", "café"):
        with pytest.raises(ValueError, match="not a pattern of ASCII letters"):
            Caseless(pattern)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda given: rows(given, "scores"), "rows"),
        (lambda given: group_rows(given, "initiatives"), "group_rows"),
    ],
)
@pytest.mark.parametrize("given", ["pages/", Path("pages"), 3, [None]])
def test_table_functions_take_authorities_only(call: Any, name: str, given: object) -> None:
    with pytest.raises(TypeError, match=rf"^{name}\(\) takes an Authority or an iterable of them"):
        call(given)


def test_render_takes_one_authority() -> None:
    authority = Authority(statements=(_statement(),))
    assert render(authority).startswith("Assessing needs")
    with pytest.raises(TypeError, match=r"render\(\) takes an Authority, not list"):
        render([authority])  # type: ignore[arg-type]


def test_a_parse_error_carries_no_library_exception_with_it() -> None:
    with pytest.raises(ParseError) as caught:
        parse("Kent County Council: local authority assessment\nAssessing needs\nScore: three\n")
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sources", None),
        ("sources", "x.txt"),
        ("sources", ("a", 1)),
        ("source", 3),
        ("set_aside", ("Back to top",)),
    ],
)
def test_metadata_fields_are_checked_like_the_others(field: str, value: object) -> None:
    authority = Authority(statements=(_statement(),))
    with pytest.raises(TypeError, match=f"'{field}' must be"):
        attrs.evolve(authority, **{field: value})
