"""The public API explains itself: public names only, statement keys, one authority or many."""

from __future__ import annotations

import pytest

import cqcmodel
from cqcmodel import QualityStatement, Score, UnknownStatementError
from cqcmodel.framework import STATEMENTS
from cqcmodel.model import lookup_statement

AUTHORITY = cqcmodel.Authority(
    name="Westminster City Council",
    statements=(
        QualityStatement(title="Assessing needs", score=Score(3)),
        QualityStatement(title="Safeguarding", score=Score(2)),
    ),
)


def test_dir_lists_only_public_names() -> None:
    names = dir(cqcmodel)
    assert names == sorted(cqcmodel.__all__)
    for private in ("Any", "annotations", "importlib", "TYPE_CHECKING", "model", "errors"):
        assert private not in names
    for name in names:
        assert getattr(cqcmodel, name) is not None
    for name in ("council", "councils", "Council", "CouncilType", "UnknownCouncilError"):
        assert name in names


def test_statement_by_id_code_or_title_in_any_case() -> None:
    needs = AUTHORITY.statements[0]
    for key in (1, "1", "needs", "NEEDS", "Assessing needs", "assessing NEEDS", " needs "):
        assert AUTHORITY.statement(key) is needs, key
    assert AUTHORITY.statement("Care provision, integration and continuity") is None
    assert AUTHORITY.statement(9) is None


@pytest.mark.parametrize("key", ["Assesing needs", "nееds", 0, 10, "", "theme 1"])
def test_an_unknown_statement_key_lists_the_nine(key: int | str) -> None:
    with pytest.raises(UnknownStatementError) as caught:
        AUTHORITY.statement(key)
    error = caught.value
    assert isinstance(error, cqcmodel.CqcModelError)
    assert isinstance(error, KeyError)
    assert error.key == key
    message = str(error)
    assert repr(key) in message
    for info in STATEMENTS:
        assert f"{info.id}  {info.code}" in message
        assert info.title in message


def test_lookup_statement_knows_every_title_variant() -> None:
    for info in STATEMENTS:
        for title in info.titles:
            assert lookup_statement(title.upper()) is info
        assert lookup_statement(info.code) is info
        assert lookup_statement(info.id) is info


def test_rows_take_one_authority_or_many() -> None:
    one = cqcmodel.rows(AUTHORITY, "scores")
    assert one == cqcmodel.rows([AUTHORITY], "scores") == cqcmodel.rows((AUTHORITY,), "scores")
    (row,) = one
    assert row["ons_code"] == "E09000033"
    assert (row["scored"], row["rating"], row["safeguarding"]) == (2, None, 2)
