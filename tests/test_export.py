"""Every kind of row: fixed columns, the registry's columns, provenance, and the writers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import cqcmodel
from cqcmodel import Figure, Initiative, Organisation
from cqcmodel.collect import load
from cqcmodel.export import (
    FINDING_COLUMNS,
    KINDS,
    SCORE_COLUMNS,
    cell_text,
    columns,
    published,
    rows,
    write,
)
from cqcmodel.framework import STATEMENTS

from .conftest import CORPUS, SCORE_TABLE_COLUMNS

EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
EALING = "London Borough of Ealing"


@pytest.fixture(scope="module")
def corpus() -> list[cqcmodel.Authority]:
    return load(CORPUS)


def by_name(table: list[dict[str, object]]) -> dict[object, dict[str, object]]:
    return {row["authority"]: row for row in table}


# --- scores ----------------------------------------------------------------------------------


def test_score_columns_are_fixed(corpus: list[cqcmodel.Authority]) -> None:
    assert list(SCORE_COLUMNS) == SCORE_TABLE_COLUMNS
    table = rows(corpus, "scores")
    assert all(tuple(row) == SCORE_COLUMNS for row in table)


def test_a_complete_row_has_published_and_computed_figures(
    corpus: list[cqcmodel.Authority],
) -> None:
    ealing = by_name(rows(corpus, "scores"))[EALING]
    assert ealing == {
        "authority": EALING,
        "ons_code": "E09000009",
        "region": "London",
        "council_type": "London borough",
        "published": dt.date(2025, 1, 17),
        "published_rating": "Requires improvement",
        "published_percentage": 56,
        "rating": "Requires improvement",
        "percentage": 56,
        "scored": 9,
        "indicative": False,
        "needs": 2,
        "support": 2,
        "equity": 2,
        "care": 2,
        "partnerships": 3,
        "pathways": 2,
        "safeguarding": 2,
        "governance": 2,
        "learning": 3,
        "sources": [str(CORPUS / "ealing-0125-summary.txt"), str(CORPUS / "ealing-0125.txt")],
    }


def test_no_rating_is_computed_from_part_of_the_scores(corpus: list[cqcmodel.Authority]) -> None:
    table = by_name(rows(corpus, "scores"))
    for row in table.values():
        known = [row[info.code] for info in STATEMENTS if row[info.code] is not None]
        assert row["scored"] == len(known)
        if row["scored"] < len(STATEMENTS):
            assert row["rating"] is None
            assert row["percentage"] is None
        else:
            assert row["rating"] is not None
    hillingdon = table["London Borough of Hillingdon"]
    assert (hillingdon["scored"], hillingdon["rating"], hillingdon["percentage"]) == (5, None, None)
    nottingham = table["Nottingham City Council"]
    assert nottingham["indicative"] is True
    assert nottingham["ons_code"] == "E06000018"
    assert (nottingham["scored"], nottingham["rating"]) == (1, None)


def test_published_figures_can_differ_from_computed_ones() -> None:
    (authority,) = load(EXAMPLES / "ealing")
    summary = authority.summary
    assert summary is not None
    edited = attrs.evolve(
        authority,
        summary=attrs.evolve(summary, percentage=57, rating=cqcmodel.Rating.REQUIRES_IMPROVEMENT),
    )
    (row,) = rows(edited, "scores")
    assert (row["published_percentage"], row["percentage"]) == (57, 56)


def test_an_untitled_page_is_a_row_with_its_file(corpus: list[cqcmodel.Authority]) -> None:
    unnamed = rows(corpus, "scores")[-1]
    assert unnamed["authority"] is None
    assert unnamed["ons_code"] is None
    assert unnamed["sources"] == [str(CORPUS / "seed-hillingdon-partnerships.txt")]
    assert unnamed["partnerships"] == 3


def test_rows_accept_one_authority(corpus: list[cqcmodel.Authority]) -> None:
    assert rows(corpus[0], "scores") == rows([corpus[0]], "scores")
    assert rows(corpus[0], "findings") == rows(corpus[:1], "findings")
    assert rows(iter(corpus), "scores") == rows(corpus, "scores")


def test_all_councils_adds_a_row_for_each_missing_council(
    corpus: list[cqcmodel.Authority],
) -> None:
    table = rows(corpus, "scores", all_councils=True)
    named = [row for row in table if row["ons_code"] is not None]
    assert len(named) == 153
    codes = [row["ons_code"] for row in named]
    assert codes == sorted(codes)
    assert table[-1]["authority"] is None  # the page without a title line comes last
    hartlepool = next(row for row in table if row["ons_code"] == "E06000001")
    assert hartlepool["authority"] == "Hartlepool Borough Council"
    assert hartlepool["region"] == "North East"
    assert hartlepool["scored"] == 0
    assert all(hartlepool[info.code] is None for info in STATEMENTS)
    assert hartlepool["sources"] == []
    present = [row for row in table if row["sources"]]
    assert len(present) == len(corpus)


def test_published_is_the_assessment_date(corpus: list[cqcmodel.Authority]) -> None:
    names = {authority.name: authority for authority in corpus}
    assert published(names[EALING]) == dt.date(2025, 1, 17)
    assert published(names["London Borough of Hillingdon"]) == dt.date(2024, 12, 13)
    assert published(names["Royal Borough of Windsor & Maidenhead"]) is None


# --- findings and extraction rows ------------------------------------------------------------


def source_line(file: object, line: object) -> str:
    assert isinstance(file, str)
    assert isinstance(line, int)
    return Path(file).read_text("utf-8").splitlines()[line - 1]


def test_finding_rows_name_their_file_and_line(corpus: list[cqcmodel.Authority]) -> None:
    table = rows(corpus, "findings")
    assert all(tuple(row) == FINDING_COLUMNS for row in table)
    assert len(table) == sum(len(s.findings) for a in corpus for s in a.statements) > 0
    for row in table:
        assert str(row["text"]).startswith(source_line(row["file"], row["line"]).strip()[:40])
    seed = [row for row in table if row["authority"] is None]
    assert [row["paragraph"] for row in seed] == list(range(1, len(seed) + 1))
    assert {row["statement"] for row in seed} == {"partnerships"}
    sunderland = [row for row in table if row["authority"] == "Sunderland City Council"]
    assert {row["ons_code"] for row in sunderland} == {"E08000024"}
    assert len({row["file"] for row in sunderland}) > 1  # one file per statement page


@pytest.mark.parametrize("kind", ["initiatives", "organisations", "figures"])
def test_extraction_rows_name_the_file_and_line_of_their_text(
    corpus: list[cqcmodel.Authority], kind: str
) -> None:
    table = rows(corpus, kind)
    assert table
    for row in table:
        assert tuple(row) == columns(kind)
        text = source_line(row["file"], row["line"])
        if kind == "figures":
            assert str(row["text"]) in text
        else:
            assert row["mentions"] >= 1  # type: ignore[operator]
            assert isinstance(row["statements"], list)


def test_extraction_columns_follow_the_extracted_classes() -> None:
    for kind, cls in (("initiatives", Initiative), ("organisations", Organisation)):
        fields = [field.name for field in attrs.fields(cls) if field.name != "mentions"]
        assert list(columns(kind)) == [
            "authority",
            "ons_code",
            *fields,
            "statements",
            "mentions",
            "file",
            "line",
        ]
    fields = [field.name for field in attrs.fields(Figure) if field.name != "mention"]
    assert list(columns("figures")) == [
        "authority",
        "ons_code",
        "statement",
        "paragraph",
        *fields,
        "text",
        "file",
        "line",
    ]


def test_extraction_rows_hold_plain_values() -> None:
    table = rows(load(EXAMPLES), "figures")
    survey = [row for row in table if row["england_average"] is not None]
    assert survey
    assert all(isinstance(row["value"], Decimal) for row in table)
    assert all(isinstance(row["comparator"], str | type(None)) for row in table)
    initiatives = rows(load(EXAMPLES), "initiatives")
    assert all(isinstance(row["kind"], str) for row in initiatives)
    assert all(type(row["kind"]) is str for row in initiatives)  # the value, not the enum


def test_unknown_kind() -> None:
    assert set(KINDS) == {"scores", "findings", "initiatives", "organisations", "figures"}
    with pytest.raises(ValueError, match="unknown kind of rows 'nonsense'"):
        rows([], "nonsense")


def test_rows_differ_only_in_their_files_when_the_folder_moves(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")

    def without_files(kind: str, folder: Path) -> list[dict[str, object]]:
        return [
            {key: value for key, value in row.items() if key not in {"sources", "file"}}
            for row in rows(load(folder), kind)
        ]

    for kind in ("scores", "findings"):
        assert without_files(kind, tmp_path / "corpus") == without_files(kind, CORPUS)


# --- writers ---------------------------------------------------------------------------------

DATA = [
    {"name": "Alpha", "count": 3, "when": dt.date(2024, 1, 2), "files": ["a.txt", "b.txt"]},
    {"name": "Beta, B", "count": None, "when": None, "files": []},
]
NAMES = ["name", "count", "when", "files"]


def written(fmt: str, *, excel: bool = False) -> str:
    out = io.StringIO()
    write(out, DATA, NAMES, fmt, excel=excel)
    return out.getvalue()


def test_write_csv_and_excel_csv() -> None:
    text = written("csv")
    assert text.splitlines() == [
        "name,count,when,files",
        "Alpha,3,2024-01-02,a.txt; b.txt",
        '"Beta, B",,,',
    ]
    assert written("csv", excel=True) == "\ufeff" + text
    assert next(iter(csv.DictReader(io.StringIO(text))))["files"] == "a.txt; b.txt"


def test_write_json_and_jsonl() -> None:
    expected = [
        {"name": "Alpha", "count": 3, "when": "2024-01-02", "files": ["a.txt", "b.txt"]},
        {"name": "Beta, B", "count": None, "when": None, "files": []},
    ]
    assert json.loads(written("json")) == expected
    assert [json.loads(line) for line in written("jsonl").splitlines()] == expected


def test_write_table_aligns_numbers_right() -> None:
    header, first, second = written("table").splitlines()
    assert header.split() == NAMES
    end = header.index("count") + len("count")
    assert first[end - 1] == "3"
    assert second.startswith("Beta, B")


def test_write_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        write(io.StringIO(), DATA, NAMES, "xml")


def test_cell_text() -> None:
    assert cell_text(None) == ""
    assert cell_text(Decimal("1.50")) == "1.50"
    assert cell_text(["a", "b"]) == "a; b"
    assert cell_text(cqcmodel.Rating.GOOD) == "Good"
    assert cell_text(True) == "True"
