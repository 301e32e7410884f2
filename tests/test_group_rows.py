"""Initiatives and organisations grouped across councils: the API and ``--group``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cqcmodel import cli, parse
from cqcmodel.export import GROUP_COLUMNS, group_rows


def page(authority: str, finding: str) -> str:
    return (
        f"{authority}: local authority assessment\n"
        "Partnerships and communities\n"
        "Score: 3\n"
        "3 - Evidence shows a good standard\n"
        "Key findings for this quality statement\n"
        f"{finding}\n"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pages = {
        "camden.txt": page(
            "London Borough of Camden",
            "The council pooled budgets through the Better Care Fund with the NHS.",
        ),
        "kent.txt": page(
            "Kent County Council",
            "Spending under the Better Care Funding (BCF) plan supported hospital discharge.",
        ),
        "leeds.txt": page(
            "Leeds City Council",
            "Leaders said the Health and Wellbeing Board set the priorities.",
        ),
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_variants_of_a_name_are_one_group_counting_each_council(folder: Path) -> None:
    authorities = [parse(path.read_text(encoding="utf-8")) for path in sorted(folder.iterdir())]
    grouped = {row["key"]: row for row in group_rows(authorities, "initiatives")}
    fund = grouped["better care fund"]
    assert fund["councils"] == 2
    assert fund["authorities"] == ["London Borough of Camden", "Kent County Council"]
    assert fund["names"] == ["Better Care Fund", "Better Care Funding"]
    assert fund["name"] == "Better Care Fund"
    assert grouped["health and wellbeing board"]["councils"] == 1
    assert all(tuple(row) == GROUP_COLUMNS for row in grouped.values())


def test_only_initiatives_and_organisations_are_grouped() -> None:
    with pytest.raises(ValueError, match="only initiatives and organisations"):
        group_rows([], "figures")


def test_group_flag_prints_one_row_per_key(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main(["initiatives", "--group", "--format", "json", str(folder)])
    assert status == cli.EXIT_OK
    data = json.loads(capsys.readouterr().out)
    fund = next(row for row in data if row["key"] == "better care fund")
    assert fund["councils"] == 2
    assert list(data[0]) == list(GROUP_COLUMNS)
    # Most councils first.
    assert data[0]["councils"] == max(row["councils"] for row in data)


def test_group_flag_obeys_the_council_filter(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main(
        ["initiatives", "--group", "--format", "json", "--council", "Kent", str(folder)]
    )
    assert status == cli.EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data
    assert {name for row in data for name in row["authorities"]} == {"Kent County Council"}


def test_a_council_counts_once_whatever_its_name_and_an_untitled_page_is_named_by_its_file() -> (
    None
):
    finding = "The local authority worked with Age UK Sunderland on a befriending service."
    formal = parse(page("Sunderland City Council", finding), source="a.txt")
    short = parse(page("Sunderland", finding), source="b.txt")
    untitled = parse(page("Sunderland City Council", finding).split("\n", 1)[1], source="c.txt")
    assert short.council == formal.council is not None
    (group,) = group_rows([formal, short, untitled], "organisations")
    assert group["name"] == "Age UK Sunderland"
    assert group["authorities"] == ["Sunderland City Council", "untitled page (c.txt)"]
    assert group["councils"] == 2
