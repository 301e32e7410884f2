"""The JSON Schema: generated from the model, shipped up to date, and true of what dumps writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from jsonschema.exceptions import best_match

import cqcmodel
from cqcmodel import serialise
from cqcmodel.model import Authority, Finding, QualityStatement, Summary
from cqcmodel.serialise import SCHEMA_PATH, dumps, json_schema, unstructure

from .conftest import CORPUS
from .strategies import authorities
from .test_serialise import document, wild_authorities

PAGES = sorted(CORPUS.glob("*.txt"))
Validator = jsonschema.Draft202012Validator


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Validator(schema, format_checker=Validator.FORMAT_CHECKER)


def schema_errors(validator: jsonschema.protocols.Validator, data: object) -> list[str]:
    return [
        f"{error.json_path}: {error.message}"
        for error in sorted(validator.iter_errors(data), key=str)
    ]


def test_shipped_schema_is_the_generated_one() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == serialise.schema_text()
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == json_schema()
    assert serialise.main(["--check-schema"]) == 0


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Validator.check_schema(schema)


def test_schema_follows_the_attrs_fields() -> None:
    schema = json_schema()
    defs = schema["$defs"]
    assert list(schema["properties"]) == [
        "schema_version",
        "name",
        "indicative",
        "published",
        "updated",
        *[field.name for field in attrs.fields(Authority)][2:],
    ]
    assert schema["required"] == ["schema_version"]
    assert schema["properties"]["schema_version"]["const"] == serialise.SCHEMA_VERSION
    for cls in (Finding, QualityStatement, Summary):
        names = {field.name for field in attrs.fields(cls)}
        assert names <= set(defs[cls.__name__]["properties"])
        assert defs[cls.__name__]["additionalProperties"] is False
    assert defs["Finding"]["required"] == ["text"]
    assert defs["Score"]["enum"] == [1, 2, 3, 4]
    assert defs["Rating"]["enum"] == ["Inadequate", "Requires improvement", "Good", "Outstanding"]
    assert defs["Summary"]["properties"]["percentage"]["maximum"] == 100


def test_schema_of_another_root_class() -> None:
    schema = json_schema(QualityStatement)
    Validator.check_schema(schema)
    assert schema["title"] == "QualityStatement"
    assert "schema_version" not in schema["properties"]
    assert sorted(schema["$defs"]) == ["Finding", "Score", "Theme"]
    statement = document()["statements"][0]
    assert list(Validator(schema).iter_errors(statement)) == []


def test_write_schema(tmp_path: Path) -> None:
    target = serialise.write_schema(tmp_path / "nested" / "authority.schema.json")
    assert target.read_text(encoding="utf-8") == SCHEMA_PATH.read_text(encoding="utf-8")
    assert serialise.main(["--write-schema", str(tmp_path / "again.json")]) == 0
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == serialise.schema_text()


def test_printing_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert serialise.main([]) == 0
    assert capsys.readouterr().out == serialise.schema_text()


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_corpus_page_validates(page: Path, validator: jsonschema.protocols.Validator) -> None:
    authority = cqcmodel.parse_file(page)
    assert schema_errors(validator, json.loads(dumps(authority))) == []


@given(authorities())
def test_generated_models_validate(authority: Authority) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = Validator(schema, format_checker=Validator.FORMAT_CHECKER)
    assert schema_errors(validator, unstructure(authority)) == []


@given(wild_authorities())
def test_any_text_validates(authority: Authority) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema_errors(Validator(schema), json.loads(dumps(authority))) == []


@pytest.mark.parametrize(
    ("path", "value", "path_prefix"),
    [
        (("statements", 2, "score"), 7, "$.statements[2].score"),
        (("summary", "rating"), "Great", "$.summary.rating"),
        (("page_dates", 0, "published"), "17 May 2024", "$.page_dates[0].published"),
        (("statements", 0, "findings", 0, "text"), " padded", "$.statements[0].findings[0].text"),
        (("statements", 0, "colour"), "blue", "$.statements[0]"),
        (("schema_version",), 2, "$.schema_version"),
    ],
)
def test_schema_refuses_what_loads_refuses(
    path: tuple[Any, ...],
    value: object,
    path_prefix: str,
    validator: jsonschema.protocols.Validator,
) -> None:
    data = document()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    error = best_match(validator.iter_errors(data))
    assert error is not None
    assert error.json_path.startswith(path_prefix)
    with pytest.raises(cqcmodel.ValidationError):
        serialise.structure(data, Authority)


def test_the_schema_needs_no_cattrs() -> None:
    code = "import sys, cqcmodel; cqcmodel.json_schema(); print('cattrs' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False"]
