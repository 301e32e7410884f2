"""JSON serialisation: round trips, determinism, both encoders, and every kind of load error."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cqcmodel
from cqcmodel import serialise
from cqcmodel.errors import CqcModelError, ValidationError
from cqcmodel.framework import Rating, Score, Theme
from cqcmodel.model import (
    About,
    Authority,
    Finding,
    Overall,
    PageDates,
    QualityStatement,
    Section,
    SetAside,
    StatementScore,
    Summary,
)
from cqcmodel.serialise import dumps, loads, structure, unstructure

from .conftest import CORPUS
from .strategies import line_texts, loadable_authorities, wild_authorities

PAGES = sorted(CORPUS.glob("*.txt"))


def metadata(obj: object, path: str = "$") -> Iterator[tuple[str, object]]:
    """Every field outside equality (``line``, ``source``) in a model tree, with its path."""
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
            value = getattr(obj, field.name)
            if not field.eq:
                yield f"{path}.{field.name}", value
            else:
                yield from metadata(value, f"{path}.{field.name}")
    elif isinstance(obj, tuple):
        for index, item in enumerate(obj):
            yield from metadata(item, f"{path}[{index}]")


def stdlib_dumps(obj: object, *, indent: int | None = None) -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(serialise, "_orjson", None)
        return dumps(obj, indent=indent)


def stdlib_loads(text: str, cls: type[Any] = Authority) -> Any:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(serialise, "_orjson", None)
        return loads(text, cls)


# --- round trips -------------------------------------------------------------------------------


@given(loadable_authorities)
def test_loads_of_dumps_is_the_model(authority: Authority) -> None:
    assert loads(dumps(authority)) == authority
    assert loads(dumps(authority, indent=2)) == authority


@given(loadable_authorities)
def test_structure_of_unstructure_is_the_model(authority: Authority) -> None:
    assert structure(unstructure(authority), Authority) == authority


@given(loadable_authorities)
def test_dumps_is_deterministic(authority: Authority) -> None:
    text = dumps(authority)
    assert dumps(authority) == text
    assert dumps(loads(text)) == text
    assert dumps(attrs.evolve(authority)) == text


@given(loadable_authorities)
def test_unstructure_is_plain_json(authority: Authority) -> None:
    assert unstructure(authority) == json.loads(dumps(authority))


@given(wild_authorities())
def test_any_text_round_trips_with_its_source_positions(authority: Authority) -> None:
    again = loads(dumps(authority))
    assert again == authority
    assert list(metadata(again)) == list(metadata(authority))


@given(wild_authorities(), st.sampled_from([None, 2]))
def test_orjson_and_stdlib_write_the_same_text(authority: Authority, indent: int | None) -> None:
    assert serialise._orjson is not None
    fast = dumps(authority, indent=indent)
    assert stdlib_dumps(authority, indent=indent) == fast
    assert stdlib_loads(fast) == loads(fast) == authority


@pytest.mark.parametrize("indent", [None, 0, 2, 4])
def test_indent_layouts(indent: int | None) -> None:
    authority = sample_authority()
    text = dumps(authority, indent=indent)
    assert text == stdlib_dumps(authority, indent=indent)
    assert json.loads(text) == unstructure(authority)
    assert loads(text) == authority
    if indent is None:
        assert "\n" not in text
        assert '"schema_version":1,' in text
    else:
        assert text.startswith("{\n" + " " * indent + '"schema_version": 1,')


def test_dumps_writes_text_orjson_refuses() -> None:
    authority = Authority(statements=(QualityStatement(title="Lone \ud800 surrogate"),))
    assert dumps(authority) == stdlib_dumps(authority)
    assert "\ud800" in dumps(authority)


def test_loads_reads_bytes() -> None:
    authority = sample_authority()
    encoded = dumps(authority).encode("utf-8")
    assert loads(encoded) == authority
    assert loads(bytearray(encoded)) == authority


@pytest.mark.parametrize("fast", [True, False], ids=["orjson", "stdlib"])
def test_loads_reads_what_orjson_cannot(*, fast: bool) -> None:
    """Lone surrogates and integers beyond 64 bits: dumps writes them, and loads reads them."""
    load = loads if fast else stdlib_loads
    authority = Authority(
        statements=(QualityStatement(title="Lone \ud800 surrogate", line=2**70),),
        source="\udcff",
    )
    again = load(dumps(authority))
    assert again == authority
    assert list(metadata(again)) == list(metadata(authority))
    assert load('{"schema_version": 1, "about": {"subject": "\\ud800"}}').about.subject == "\ud800"


# --- the JSON form -----------------------------------------------------------------------------


def sample_authority() -> Authority:
    """An authority with every page kind, three statements and source positions."""
    return Authority(
        name="London Borough of Ealing",
        page_dates=(
            PageDates(published=dt.date(2025, 1, 17), updated=dt.date(2025, 2, 3), line=2),
            PageDates(published=dt.date(2025, 1, 17)),
        ),
        about=About(
            published=dt.date(2025, 1, 17),
            subject="London Borough of Ealing",
            demographics=("Ealing is in west London.",),
        ),
        summary=Summary(
            name="London Borough of Ealing",
            rating=Rating.REQUIRES_IMPROVEMENT,
            percentage=56,
            statement_scores=(
                StatementScore(title="Assessing needs", score=Score.SOME_SHORTFALLS, line=12),
                StatementScore(title="Supporting people to lead healthier lives", score=None),
            ),
            sections=(Section(heading="Strengths", paragraphs=("People felt heard.",)),),
        ),
        statements=(
            QualityStatement(
                title="Assessing needs",
                score=Score.SOME_SHORTFALLS,
                people_expect=("I have care and support that is coordinated.",),
                findings=(
                    Finding(text="Waiting lists were long.", line=30),
                    Finding(text="Staff were skilled.", heading="Workforce"),
                ),
                line=20,
            ),
            QualityStatement(title="Safeguarding", score=Score.GOOD_STANDARD),
            QualityStatement(title="Equity in experience and outcomes", score=Score(3)),
        ),
        source="ealing.txt",
    )


def document() -> dict[str, Any]:
    """A fresh valid JSON object to break in one place."""
    data = unstructure(sample_authority())
    assert isinstance(data, dict)
    return data


def test_json_form_of_an_authority() -> None:
    data = document()
    assert list(data)[:5] == ["schema_version", "name", "indicative", "published", "updated"]
    assert data["schema_version"] == serialise.SCHEMA_VERSION == 1
    assert data["published"] == "2025-01-17"
    assert data["updated"] == "2025-02-03"
    assert data["about"]["started"] is None
    assert data["summary"]["rating"] == "Requires improvement"
    assert data["summary"]["short_name"] is None
    assert data["source"] == "ealing.txt"
    first = data["statements"][0]
    assert list(first) == [
        "title",
        "statement_id",
        "code",
        "theme",
        "score",
        "indicative",
        "people_expect",
        "commitment",
        "findings",
        "line",
    ]
    assert (first["statement_id"], first["code"], first["theme"], first["score"]) == (
        1,
        "needs",
        1,
        2,
    )
    assert data["statements"][1]["theme"] == int(Theme.ENSURING_SAFETY) == 3
    assert data["summary"]["statement_scores"][1] == {
        "title": "Supporting people to lead healthier lives",
        "statement_id": 2,
        "code": "support",
        "score": None,
    }


def test_source_positions_are_written_only_when_known() -> None:
    data = document()
    assert data["statements"][0]["line"] == 20
    assert data["statements"][0]["findings"][0]["line"] == 30
    assert "line" not in data["statements"][0]["findings"][1]
    assert "line" not in data["statements"][1]
    assert "source" not in unstructure(attrs.evolve(sample_authority(), source=None))


def test_sources_and_set_aside_are_metadata_written_when_not_empty() -> None:
    set_aside = (SetAside(line=3, text="Back to top", reason="site furniture", column=5),)
    authority = attrs.evolve(sample_authority(), sources=("a.html", "b.pdf"), set_aside=set_aside)
    data = unstructure(authority)
    assert list(data)[-3:] == ["source", "sources", "set_aside"]
    assert data["sources"] == ["a.html", "b.pdf"]
    assert data["set_aside"] == [
        {"line": 3, "text": "Back to top", "reason": "site furniture", "column": 5}
    ]
    again = loads(dumps(authority))
    assert (again.sources, again.set_aside) == (authority.sources, set_aside)
    assert again == authority == sample_authority()  # outside equality
    assert "sources" not in document()
    assert "set_aside" not in document()
    data["set_aside"][0]["line"] = "3"
    data["sources"] = ["a.html", 2]
    assert problems(data) == (
        "$.sources[1]: expected a string, got 2",
        '$.set_aside[0].line: expected an integer, got "3"',
    )


def test_source_positions_are_optional_on_load_and_kept_when_given() -> None:
    loaded = loads(json.dumps(document()))
    assert loaded.statements[0].line == 20
    assert loaded.statements[0].findings[0].line == 30
    assert loaded.source == "ealing.txt"
    data = document()
    del data["statements"][0]["line"], data["source"]
    bare = structure(data, Authority)
    assert bare == sample_authority()
    assert bare.statements[0].line is None
    assert bare.source is None


def test_derived_values_are_optional_on_load() -> None:
    data = document()
    for key in ("published", "updated"):
        del data[key]
    for statement in data["statements"]:
        for key in ("statement_id", "code", "theme"):
            del statement[key]
    for item in data["summary"]["statement_scores"]:
        del item["statement_id"], item["code"]
    assert structure(data, Authority) == sample_authority()


def test_unknown_title_has_null_derived_values() -> None:
    statement = QualityStatement(title="Something else", score=Score(2))
    data = unstructure(statement)
    assert (data["statement_id"], data["code"], data["theme"]) == (None, None, None)
    assert structure(data, QualityStatement) == statement


def test_other_model_classes_round_trip() -> None:
    overall = Overall(
        percentage=56, rating=Rating.REQUIRES_IMPROVEMENT, total=20, maximum=36, scored=9
    )
    assert unstructure(overall) == {
        "percentage": 56,
        "rating": "Requires improvement",
        "total": 20,
        "maximum": 36,
        "scored": 9,
    }
    assert structure(unstructure(overall), Overall) == overall
    finding = Finding(text="A finding.", heading="Heading")
    assert loads(dumps(finding), Finding) == finding
    assert unstructure(Score.GOOD_STANDARD) == 3
    assert structure("Good", Rating) is Rating.GOOD
    assert structure(4, Theme) is Theme.LEADERSHIP


# --- strict loading: one test per kind of problem ------------------------------------------------


def problems(data: object, cls: type[Any] = Authority) -> tuple[str, ...]:
    """The messages of the ValidationError that structuring ``data`` must raise."""
    with pytest.raises(ValidationError) as caught:
        structure(data, cls)
    error = caught.value
    assert error.__cause__ is None
    assert error.__suppress_context__
    return error.errors


def test_out_of_range_score() -> None:
    data = document()
    data["statements"][2]["score"] = 7
    assert problems(data) == ("$.statements[2].score: 7 is not a valid score (1–4)",)


def test_score_of_the_wrong_type() -> None:
    data = document()
    data["summary"]["statement_scores"][0]["score"] = "3"
    data["statements"][0]["score"] = True
    assert problems(data) == (
        '$.summary.statement_scores[0].score: "3" is not a valid score (1–4)',
        "$.statements[0].score: true is not a valid score (1–4)",
    )


def test_unknown_keys() -> None:
    data = document()
    data["colour"] = "blue"
    data["statements"][1]["findings"] = [{"text": "A finding.", "weight": 2, "odd key": 1}]
    assert problems(data) == (
        '$.statements[1].findings[0]["odd key"]: unknown key',
        "$.statements[1].findings[0].weight: unknown key",
        "$.colour: unknown key",
    )


def test_wrong_types() -> None:
    data = document()
    data["name"] = 3
    data["indicative"] = "no"
    data["about"] = ["not", "an", "object"]
    data["summary"]["people_experience"] = "a string, not an array"
    data["statements"][0]["people_expect"] = ["fine", None]
    data["statements"][1]["line"] = 4.0
    assert problems(data) == (
        "$.name: expected a string, got 3",
        '$.indicative: expected true or false, got "no"',
        "$.about: expected an object, got an array",
        '$.summary.people_experience: expected an array, got "a string, not an array"',
        "$.statements[0].people_expect[1]: expected a string, got null",
        "$.statements[1].line: expected an integer, got 4.0",
    )


def test_invalid_rating_and_dates() -> None:
    data = document()
    data["summary"]["rating"] = "Great"
    data["page_dates"][0]["published"] = "17 January 2025"
    data["about"]["published"] = "2025-02-30"
    assert problems(data) == (
        '$.page_dates[0].published: "17 January 2025" is not a date in ISO form (YYYY-MM-DD)',
        '$.about.published: "2025-02-30" is not a valid date: day is out of range for month',
        '$.summary.rating: "Great" is not a valid rating '
        '(one of "Inadequate", "Requires improvement", "Good", "Outstanding")',
    )


@pytest.mark.parametrize(
    ("percentage", "rating", "band"),
    [(56, "Good", "Requires improvement"), (38, "Requires improvement", "Inadequate")],
)
def test_rating_contradicting_the_percentage_band(percentage: int, rating: str, band: str) -> None:
    data = document()
    data["summary"]["percentage"] = percentage
    data["summary"]["rating"] = rating
    assert problems(data) == (
        f"$.summary: rating {rating!r} contradicts the percentage {percentage}%, "
        f"whose band is {band!r}",
    )


def test_rating_band_boundaries_load() -> None:
    for percentage, rating in [(38, Rating.INADEQUATE), (39, Rating.REQUIRES_IMPROVEMENT)]:
        summary = Summary(rating=rating, percentage=percentage)
        assert structure(unstructure(summary), Summary) == summary


def test_newer_schema_version_is_refused() -> None:
    data = document()
    data["schema_version"] = 2
    data["colour"] = "ignored: the layout of a newer version is unknown"
    assert problems(data) == (
        "$.schema_version: version 2 is newer than this cqcmodel reads (1); "
        "upgrade cqcmodel to load it",
    )


def test_malformed_schema_versions() -> None:
    data = document()
    del data["schema_version"]
    assert problems(data) == ("$.schema_version: required key is missing",)
    data["schema_version"] = "1"
    assert problems(data) == ('$.schema_version: expected an integer, got "1"',)
    data["schema_version"] = 0
    assert problems(data) == ("$.schema_version: 0 is not a schema version (1 or later)",)


def test_missing_required_keys() -> None:
    data = document()
    del data["statements"][1]["title"]
    del data["summary"]["sections"][0]["paragraphs"]
    del data["page_dates"][1]["published"]
    assert problems(data) == (
        "$.page_dates[1].published: required key is missing",
        "$.summary.sections[0].paragraphs: required key is missing",
        "$.statements[1].title: required key is missing",
    )


def test_field_validator_failures_are_placed_at_the_field() -> None:
    data = document()
    data["statements"][0]["findings"][0]["text"] = " padded"
    data["summary"]["percentage"] = 101
    data["summary"]["sections"][0]["heading"] = "Not a heading."
    assert problems(data) == (
        "$.summary.percentage: percentage must be a whole number from 0 to 100, got 101",
        "$.summary.sections[0].heading: heading must read as a heading (short, no final full "
        "stop): 'Not a heading.'",
        "$.statements[0].findings[0].text: text must be one non-empty line without surrounding "
        "whitespace, got ' padded'",
    )


def test_object_validator_failures_are_placed_at_the_object() -> None:
    data = document()
    data["statements"][2]["score"] = None
    data["statements"][2]["commitment"] = "We tailor the care."
    data["summary"]["rating"] = None
    data["summary"]["percentage"] = None
    data["summary"]["short_name"] = "Ealing"
    data["statements"][1]["findings"] = [
        {"text": "Under a heading.", "heading": "Heading"},
        {"text": "Not under one."},
    ]
    assert problems(data) == (
        "$.summary: short_name is published with a percentage; percentage is missing",
        "$.statements[1].findings: a finding without a heading cannot follow one under a "
        "heading: 'Not under one.'",
        "$.statements[2]: statement 'Equity in experience and outcomes' has content but no "
        "score line",
    )


def test_root_validator_failures_are_placed_at_the_root() -> None:
    assert problems({"schema_version": 1, "name": "Somewhere"}) == (
        "$: an Authority holds at least one page: about, summary or a statement",
    )
    data = document()
    data["statements"][1] = data["statements"][0]
    assert problems(data) == (
        "$.statements: statement 'Assessing needs' appears twice (also as 'Assessing needs')",
    )


def test_derived_values_that_disagree() -> None:
    data = document()
    data["statements"][0]["statement_id"] = 4
    data["statements"][0]["code"] = "care"
    data["statements"][1]["theme"] = "3"
    data["summary"]["statement_scores"][0]["statement_id"] = True
    assert problems(data) == (
        "$.summary.statement_scores[0].statement_id: true does not match the title, which gives 1",
        "$.statements[0].statement_id: 4 does not match the title, which gives 1",
        '$.statements[0].code: "care" does not match the title, which gives "needs"',
        '$.statements[1].theme: "3" does not match the title, which gives 3',
    )


def test_derived_dates_that_disagree() -> None:
    data = document()
    data["published"] = "2024-01-01"
    data["updated"] = None
    assert problems(data) == (
        '$.published: "2024-01-01" does not match page_dates[0], which gives "2025-01-17"',
        '$.updated: null does not match page_dates[0], which gives "2025-02-03"',
    )


@pytest.mark.parametrize("fast", [True, False], ids=["orjson", "stdlib"])
def test_a_list_of_documents(*, fast: bool) -> None:
    load = loads if fast else stdlib_loads
    text = json.dumps([document(), document()])
    assert load(text, list[Authority]) == [sample_authority(), sample_authority()]
    assert structure(json.loads(text), list[Authority]) == [sample_authority()] * 2
    with pytest.raises(ValidationError) as caught:
        load(text)
    assert caught.value.errors == (
        "$: expected an object, got an array; to read a list, use loads(text, list[Authority])",
    )
    with pytest.raises(ValidationError) as caught:
        load('[{"schema_version": 1}, 3]', list[Authority])
    assert caught.value.errors == (
        "$[0]: an Authority holds at least one page: about, summary or a statement",
        "$[1]: expected an object, got 3",
    )
    with pytest.raises(ValidationError) as caught:
        load(json.dumps(document()), list[Authority])
    assert caught.value.errors == ("$: expected an array, got an object",)


def test_not_an_object() -> None:
    assert problems([document()]) == (
        "$: expected an object, got an array; to read a list, use structure(data, list[Authority])",
    )
    assert problems("text", Summary) == ('$: expected an object, got "text"',)


def test_every_problem_is_listed_in_the_message() -> None:
    data = document()
    data["statements"][2]["score"] = 7
    data["colour"] = "blue"
    with pytest.raises(ValidationError) as caught:
        structure(data, Authority)
    error = caught.value
    assert isinstance(error, CqcModelError)
    assert isinstance(error, ValueError)
    assert str(error) == (
        "invalid cqcmodel data (2 problems):\n"
        "  $.statements[2].score: 7 is not a valid score (1–4)\n"
        "  $.colour: unknown key"
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('{"schema_version": 1,}', 1),
        ('{\n  "schema_version": 1\n  "name": null\n}', 3),
        ("", 1),
        ("[" * 100_000, 1),
    ],
)
@pytest.mark.parametrize("fast", [True, False], ids=["orjson", "stdlib"])
def test_invalid_json_text(text: str, line: int, *, fast: bool) -> None:
    load = loads if fast else stdlib_loads
    with pytest.raises(ValidationError) as caught:
        load(text)
    (problem,) = caught.value.errors
    assert problem.startswith("$: invalid JSON")
    if len(text) < 100:
        assert problem.startswith(f"$: invalid JSON at line {line}, column ")
    assert caught.value.__cause__ is None


BIG = "9" * 5000
DEEP = 100_000


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (BIG, " at line 1, column 1: integer of 5,000 digits is too long (at most 4,300)"),
        (
            '{"schema_version": 1,\n "statements": [{"title": "x", "line": -' + BIG + "}]}",
            " at line 2, column 40: integer of 5,000 digits is too long (at most 4,300)",
        ),
        ('{"schema_version": 1e400}', " at line 1, column 20: number 1e400 is out of range"),
        (
            "[-1" + "0" * 400 + ".5]",
            " at line 1, column 2: number -1000000000000000000… is out of range",
        ),
        ('{"schema_version": NaN}', " at line 1, column 20: NaN is not a JSON value"),
        ('["NaN", Infinity]', " at line 1, column 9: Infinity is not a JSON value"),
        ("-Infinity", " at line 1, column 1: -Infinity is not a JSON value"),
        ("[" * DEEP + "]" * DEEP, ": nested too deeply"),
        ('{"a":' * DEEP + "1" + "}" * DEEP, ": nested too deeply"),
        ("\ufeff{}", " at line 1, column 1: a byte order mark (U+FEFF) is not JSON"),
        (b"\xef\xbb\xbf{}", " at line 1, column 1: a byte order mark (U+FEFF) is not JSON"),
        ('{"name": "x"}'.encode("utf-16"), ": not UTF-8 text (byte 0: invalid start byte)"),
        (b'{"name": "\xed\xa0\x80"}', ": not UTF-8 text (byte 10: invalid continuation byte)"),
    ],
    ids=[
        "long-integer",
        "long-integer-nested",
        "float-overflow",
        "long-float-overflow",
        "NaN",
        "Infinity",
        "minus-Infinity",
        "deep-arrays",
        "deep-objects",
        "BOM",
        "BOM-bytes",
        "UTF-16",
        "encoded-surrogate",
    ],
)
@pytest.mark.parametrize("fast", [True, False], ids=["orjson", "stdlib"])
def test_json_the_reader_refuses(text: str | bytes, problem: str, *, fast: bool) -> None:
    load = loads if fast else stdlib_loads
    with pytest.raises(ValidationError) as caught:
        load(text)  # type: ignore[arg-type]
    assert caught.value.errors == (f"$: invalid JSON{problem}",)
    assert caught.value.__cause__ is None


@pytest.mark.parametrize(
    "text",
    [
        '{"schema_version": 1, "about": {"line": 18446744073709551616}, "colour": 1}',
        '{"schema_version": 1, "statements": [{"title": "x", "score": 1' + "0" * 30 + "}]}",
        '{"schema_version": 1, "about": {"line": 1.0}, "summary": {"percentage": -1e308}}',
        '{"schema_version": ' + "1" * 4300 + "}",
        '{"schema_version": 1, "name": "\\udc00", "about": {"subject": " \\ud83d"}}',
        '{"schema_version": 1, "schema_version": 2, "about": {}}',
        "[" * 1000 + "]" * 1000,
    ],
)
def test_orjson_and_stdlib_report_the_same_problems(text: str) -> None:
    with pytest.raises(ValidationError) as fast:
        loads(text)
    with pytest.raises(ValidationError) as slow:
        stdlib_loads(text)
    assert fast.value.errors == slow.value.errors


@pytest.mark.parametrize("fast", [True, False], ids=["orjson", "stdlib"])
def test_text_that_is_not_utf8(*, fast: bool) -> None:
    with pytest.MonkeyPatch.context() as patch:
        if not fast:
            patch.setattr(serialise, "_orjson", None)
        with pytest.raises(ValidationError) as caught:
            loads(b'{"name": "\xff"}')
    (problem,) = caught.value.errors
    assert problem.startswith("$: invalid JSON")


def test_loads_takes_text_only() -> None:
    with pytest.raises(TypeError, match="loads\\(\\) takes str or bytes, not dict"):
        loads(document())  # type: ignore[call-overload]


@pytest.mark.parametrize("given", [{"name": "Kent"}, "Kent", 3, None, [{"name": "Kent"}]])
@pytest.mark.parametrize("call", [dumps, unstructure])
def test_dumps_and_unstructure_take_models_only(given: object, call: Any) -> None:
    with pytest.raises(
        TypeError, match=r"takes a cqcmodel model object .* not (dict|str|int|NoneType)"
    ):
        call(given)


def test_dumps_takes_a_list_of_models() -> None:
    finding = Finding(text="People waited.")
    assert json.loads(dumps([finding, finding])) == [unstructure(finding)] * 2


def test_structure_refuses_types_outside_the_model() -> None:
    class Other:
        pass

    with pytest.raises(TypeError, match="not a model type"):
        structure({}, Other)


def test_lenient_python_values_are_refused() -> None:
    data = document()
    data["page_dates"][0]["published"] = dt.date(2025, 1, 17)
    data["summary"]["rating"] = Rating.REQUIRES_IMPROVEMENT
    assert problems(data) == (
        "$.page_dates[0].published: a Python date is not a date in ISO form (YYYY-MM-DD)",
        "$.summary.rating: a Python Rating is not a valid rating "
        '(one of "Inadequate", "Requires improvement", "Good", "Outstanding")',
    )


def test_keys_that_are_not_strings() -> None:
    data: dict[Any, Any] = {**document(), 1: "one", None: 0, "colour": "blue"}
    assert problems(data) == (
        "$.colour: unknown key",
        "$[1]: unknown key",
        "$[None]: unknown key",
    )


def test_huge_integers_are_described_not_written_out() -> None:
    data = document()
    data["schema_version"] = 10**5000
    assert problems(data) == (
        "$.schema_version: version an integer of more than 60 digits is newer than this "
        "cqcmodel reads (1); upgrade cqcmodel to load it",
    )
    data = document()
    data["statements"][0]["score"] = -(10**60)
    assert problems(data) == (
        "$.statements[0].score: an integer of more than 60 digits is not a valid score (1–4)",
    )


def test_loading_validates_while_attrs_validators_are_disabled() -> None:
    data = document()
    with attrs.validators.disabled():
        assert structure(data, Authority) == sample_authority()
        data["statements"][0]["findings"][0]["text"] = " padded"
        assert problems(data) == (
            "$.statements[0].findings[0].text: text must be one non-empty line without "
            "surrounding whitespace, got ' padded'",
        )


# --- the fast converter and the detailed one ------------------------------------------------------


def outcome(convert: Any, data: object) -> tuple[Authority, list[tuple[str, object]]] | None:
    """The model a converter builds (with its metadata), or ``None`` when it refuses the data."""
    try:
        model = convert.structure(data, Authority)
    except Exception:
        return None
    return model, list(metadata(model))


def json_paths(value: object, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from json_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from json_paths(item, (*path, index))


json_leaves = (
    st.none()
    | st.booleans()
    | st.integers(-2, 102)
    | st.floats(allow_nan=False, allow_infinity=False)
    | line_texts
    | st.sampled_from(
        [
            "",
            " padded",
            "two\nlines",
            "2025-01-17",
            "2025-02-30",
            "Good",
            "Heading.",
            "Safeguarding",
        ]
    )
)
json_values = st.recursive(
    json_leaves,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["text", "heading", "title", "score", "line", "published", "colour"]),
            children,
            max_size=3,
        )
    ),
    max_leaves=6,
)


@st.composite
def edited_documents(draw: st.DrawFn) -> dict[str, Any]:
    """The JSON object of an authority with up to three values replaced, removed or added."""
    data = unstructure(draw(loadable_authorities | wild_authorities()))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from([path for path in json_paths(data) if path]))
        parent: Any = data
        for key in path[:-1]:
            parent = parent[key]
        edit = draw(st.sampled_from(["replace", "remove", "add"]))
        if edit == "replace":
            parent[path[-1]] = draw(json_values)
        elif edit == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["colour", "line", "heading", "theme"]))] = draw(
                json_values
            )
        else:
            parent.insert(path[-1], draw(json_values))
    return data


@given(edited_documents())
def test_fast_and_detailed_converters_agree(data: dict[str, Any]) -> None:
    """The fast converter refuses exactly what the detailed one refuses, and builds the same."""
    assert outcome(serialise._fast, data) == outcome(serialise.converter, data)


@given(loadable_authorities | wild_authorities())
def test_valid_documents_load_with_the_fast_converter(authority: Authority) -> None:
    """Valid documents never need the detailed converter, metadata included."""
    again = serialise._fast.structure(json.loads(dumps(authority)), Authority)
    assert again == authority
    assert list(metadata(again)) == list(metadata(authority))


# --- real pages --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def parsed() -> dict[str, Authority]:
    return {page.name: cqcmodel.parse_file(page) for page in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_corpus_page_round_trips(page: Path, parsed: dict[str, Authority]) -> None:
    authority = parsed[page.name]
    text = dumps(authority, indent=2)
    again = loads(text)
    assert again == authority
    assert list(metadata(again)) == list(metadata(authority))
    assert dumps(again, indent=2) == text == stdlib_dumps(authority, indent=2)
    assert structure(unstructure(authority), Authority) == authority


# --- imports -----------------------------------------------------------------------------------


def test_importing_cqcmodel_does_not_import_cattrs() -> None:
    code = "import sys, cqcmodel; print('cattrs' in sys.modules, 'orjson' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
