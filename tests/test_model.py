"""The model's invariants: frozen, keyword-only, validated, framework identity derived."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from cqcmodel import (
    About,
    Authority,
    Finding,
    PageDates,
    QualityStatement,
    Rating,
    Score,
    Section,
    StatementScore,
    Summary,
    Theme,
    model,
)
from cqcmodel.framework import STATEMENTS, fold, rating_for_percentage, statement_by_title

SAFE = QualityStatement(title="Safeguarding", score=Score(3))


def test_classes_are_frozen_slotted_and_keyword_only() -> None:
    for cls in (
        About,
        Authority,
        Finding,
        PageDates,
        QualityStatement,
        Section,
        StatementScore,
        Summary,
    ):
        assert attrs.has(cls)
        assert "__slots__" in cls.__dict__
        assert all(field.kw_only for field in attrs.fields(cls))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        SAFE.title = "Other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Finding("positional.")  # type: ignore[misc]


def test_score_and_rating_enums() -> None:
    assert [s.label for s in Score] == [
        "Evidence shows significant shortfalls",
        "Evidence shows some shortfalls",
        "Evidence shows a good standard",
        "Evidence shows an exceptional standard",
    ]
    assert Score.from_label("evidence shows a GOOD standard") is Score.GOOD_STANDARD
    assert [r.value for r in Rating] == [
        "Inadequate",
        "Requires improvement",
        "Good",
        "Outstanding",
    ]
    assert Rating.from_text(" requires  improvement ") is Rating.REQUIRES_IMPROVEMENT
    assert Theme.ENSURING_SAFETY.title.startswith("How the local authority")


@pytest.mark.parametrize(
    ("percentage", "rating"),
    [
        (0, "Inadequate"),
        (38, "Inadequate"),
        (39, "Requires improvement"),
        (62, "Requires improvement"),
        (63, "Good"),
        (87, "Good"),
        (88, "Outstanding"),
        (100, "Outstanding"),
    ],
)
def test_rating_bands(percentage: int, rating: str) -> None:
    assert rating_for_percentage(percentage).value == rating


def test_rating_band_rejects_impossible_percentages() -> None:
    with pytest.raises(ValueError, match="0 to 100"):
        rating_for_percentage(101)


def test_framework_registry_is_complete() -> None:
    assert [info.id for info in STATEMENTS] == list(range(1, 10))
    assert [info.code for info in STATEMENTS] == [
        "needs",
        "support",
        "equity",
        "care",
        "partnerships",
        "pathways",
        "safeguarding",
        "governance",
        "learning",
    ]
    assert [len(info.i_statements) for info in STATEMENTS] == [2, 2, 1, 1, 1, 2, 1, 0, 0]
    assert all(info.we_statements for info in STATEMENTS)
    assert statement_by_title("Supporting people to lead healthier lives").id == 2
    assert statement_by_title("Unknown statement") is None


def test_fold_makes_typographic_variants_equal() -> None:
    assert fold("people’s  co-ordinated – “x”") == fold('People\'s coordinated - "x"')


def test_derived_identity() -> None:
    statement = QualityStatement(title="Safe systems, pathways and transitions", score=Score(2))
    assert (statement.statement_id, statement.code, statement.theme) == (6, "pathways", Theme(3))
    unknown = QualityStatement(title="A future statement", score=Score(2))
    assert (unknown.statement_id, unknown.code, unknown.theme) == (None, None, None)


@pytest.mark.parametrize(
    "build",
    [
        lambda: Finding(text=""),
        lambda: Finding(text=" padded "),
        lambda: Finding(text="two\nlines"),
        lambda: Finding(text=3),
        lambda: QualityStatement(title="Safeguarding", score=3),
        lambda: QualityStatement(title="Safeguarding", findings=(Finding(text="x."),)),
        lambda: QualityStatement(
            title="Safeguarding",
            score=Score(1),
            findings=(Finding(text="a.", heading="H"), Finding(text="b.")),
        ),
        lambda: QualityStatement(title="Safeguarding", score=Score(1), people_expect=["x."]),
        lambda: Section(heading="Ends like a sentence.", paragraphs=("x.",)),
        lambda: Section(heading="Heading", paragraphs=()),
        lambda: Summary(percentage=101),
        lambda: Summary(percentage=True),
        lambda: Summary(short_name="Kent"),
        lambda: Authority(name="Kent"),
        lambda: Authority(statements=(SAFE, SAFE)),
        lambda: Authority(
            statements=(SAFE,),
            page_dates=(PageDates(published=dt.date(2024, 1, 1)),) * 2,
        ),
        lambda: Authority(
            name="Kent",
            statements=(QualityStatement(title="Safeguarding", score=Score(1), indicative=True),),
        ),
        lambda: Authority(indicative=True, statements=(SAFE,)),
    ],
)
def test_invalid_models_are_refused(build: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        build()  # type: ignore[operator]


def test_authority_helpers() -> None:
    needs = QualityStatement(title="Assessing needs", score=Score(2))
    summary = Summary(
        statement_scores=(
            StatementScore(title="Assessing needs", score=Score(4)),
            StatementScore(title="Learning, improvement and innovation", score=Score(1)),
        )
    )
    authority = Authority(
        name="Kent",
        statements=(needs, SAFE),
        summary=summary,
        page_dates=(PageDates(published=dt.date(2024, 5, 17), updated=dt.date(2025, 8, 11)),),
    )
    assert authority.statement("needs") is needs
    assert authority.statement(7) is SAFE
    assert authority.statement("equity") is None
    assert authority.scores() == {1: Score(2), 7: Score(3), 9: Score(1)}
    overall = authority.overall()
    assert overall is not None
    assert (overall.total, overall.maximum, overall.percentage) == (6, 12, 50)
    assert overall.rating is Rating.REQUIRES_IMPROVEMENT
    assert (authority.published, authority.updated) == (dt.date(2024, 5, 17), dt.date(2025, 8, 11))
    assert Authority(about=About()).overall() is None


@pytest.mark.parametrize(
    ("build", "cls", "field", "expected", "value"),
    [
        (lambda: Finding(text="x.", line=1.0), Finding, "line", int, 1.0),
        (lambda: QualityStatement(title="S", score=3), QualityStatement, "score", Score, 3),
        (
            lambda: QualityStatement(title="S", indicative=1),
            QualityStatement,
            "indicative",
            bool,
            1,
        ),
        (lambda: Summary(rating="Good"), Summary, "rating", Rating, "Good"),
        (lambda: PageDates(published="2024"), PageDates, "published", dt.date, "2024"),
        (lambda: Authority(about=Summary()), Authority, "about", About, Summary()),
        (lambda: Authority(page_dates=[]), Authority, "page_dates", tuple, []),
        (lambda: Authority(statements=(SAFE, "x")), Authority, "statements", QualityStatement, "x"),
        (lambda: Summary(sections=(SAFE,)), Summary, "sections", Section, SAFE),
        (
            lambda: QualityStatement(title="S", score=Score(1), findings=(None,)),
            QualityStatement,
            "findings",
            Finding,
            None,
        ),
    ],
)
def test_type_errors_are_those_of_attrs_instance_of(
    build: object, cls: type, field: str, expected: type, value: object
) -> None:
    """The model's own validators raise what ``attrs.validators.instance_of`` raises."""
    with pytest.raises(TypeError) as caught:
        build()  # type: ignore[operator]
    attribute = attrs.fields_dict(cls)[field]
    with pytest.raises(TypeError) as reference:
        attrs.validators.instance_of(expected)(None, attribute, value)
    assert caught.value.args == reference.value.args


def test_validators_are_not_built_while_building_models(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("a validator was built at run time")

    for name in ("_tuple_of", "_optional", "_instance_of"):
        monkeypatch.setattr(model, name, refuse)
    monkeypatch.setattr(attrs.validators, "deep_iterable", refuse)
    monkeypatch.setattr(attrs.validators, "instance_of", refuse)
    statement = QualityStatement(
        title="Assessing needs",
        score=Score(2),
        findings=(Finding(text="a.", heading="H", line=3),),
    )
    authority = Authority(
        name="Kent",
        statements=(statement, SAFE),
        summary=Summary(statement_scores=(StatementScore(title="Safeguarding"),)),
        page_dates=(PageDates(published=dt.date(2024, 5, 17)),),
    )
    assert authority.statement("needs") is statement
