"""The ``cqcmodel`` command end to end: run as ``python -m cqcmodel``, output parsed and checked."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import cqcmodel
from cqcmodel.cli import PROGRESS_THRESHOLD, _Progress
from cqcmodel.collect import load, rows
from cqcmodel.extract import InitiativeKind, extract_figures, extract_initiatives
from cqcmodel.framework import STATEMENTS, statement_by_id
from cqcmodel.serialise import loads

from .conftest import CORPUS, SCORE_TABLE_COLUMNS

EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
LOCATED = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$")


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cqcmodel", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout


def summary_pages() -> list[Path]:
    return sorted(path for path in CORPUS.glob("*.txt") if "summary" in path.name)


# --- scores ----------------------------------------------------------------------------------


def test_scores_csv_matches_the_published_summaries(tmp_path: Path) -> None:
    result = run("scores", "--format", "csv", CORPUS, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert reader.fieldnames == SCORE_TABLE_COLUMNS
    table = {row["authority"]: row for row in reader}
    # The three authorities whose summary pages are in the corpus: compare with what the
    # summary page publishes.
    pages = summary_pages()
    assert len(pages) == 3
    for path in pages:
        summary_authority = cqcmodel.parse_file(path)
        summary = summary_authority.summary
        assert summary is not None
        row = table[summary_authority.name]
        assert summary.rating is not None
        assert row["rating"] == summary.rating.value
        if summary.percentage is not None:
            assert int(row["percentage"]) == summary.percentage
        for item in summary.statement_scores:
            assert item.code is not None
            assert item.score is not None
            assert int(row[item.code]) == item.score.value
    ealing = table["London Borough of Ealing"]
    assert (ealing["published"], ealing["rating"], ealing["percentage"]) == (
        "2025-01-17",
        "Requires improvement",
        "56",
    )
    westminster = table["Westminster City Council"]
    assert (westminster["rating"], westminster["percentage"]) == ("Good", "75")
    sunderland = table["Sunderland City Council"]
    assert (sunderland["published"], sunderland["rating"], sunderland["percentage"]) == (
        "2025-05-09",
        "Good",
        "75",
    )
    # The unnamed seed page has an empty authority and only its own score.
    assert table[""]["partnerships"] == "3"
    assert table[""]["needs"] == ""


def test_scores_json_equals_the_library_rows() -> None:
    result = run("scores", "--format", "json", CORPUS)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    expected = rows(load(CORPUS), "scores")
    assert [list(item) for item in data] == [SCORE_TABLE_COLUMNS] * len(expected)
    for item, row in zip(data, expected, strict=True):
        assert item == {
            key: value.isoformat() if hasattr(value, "isoformat") else value
            for key, value in row.items()
        }


def test_scores_table_is_aligned() -> None:
    result = run("scores", EXAMPLES)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == SCORE_TABLE_COLUMNS
    assert [line.split("  ")[0] for line in lines[1:]] == [
        "London Borough of Ealing",
        "Sunderland City Council",
        "Westminster City Council",
    ]
    # Every column starts where its header starts (text left-aligned) or ends where it ends
    # (numbers right-aligned).
    header = lines[0]
    rating_at = header.index("rating")
    percentage_end = header.index("percentage") + len("percentage")
    learning_end = header.index("learning") + len("learning")
    for line in lines[1:]:
        assert line[rating_at:].startswith(("Good", "Requires improvement"))
        assert line[percentage_end - 2 : percentage_end] in {"56", "75"}
        assert len(line) == learning_end
    assert "Requires improvement" in lines[1]
    assert lines[1][percentage_end - 2 : percentage_end] == "56"


def test_scores_notes_partial_ratings_on_stderr() -> None:
    result = run("scores", CORPUS)
    assert result.returncode == 0
    assert "note: London Borough of Hillingdon: rating and percentage from 5 of 9" in (
        result.stderr
    )
    assert "note:" not in result.stdout
    assert "\n(seed-hillingdon-partnerships.txt) " in result.stdout


# --- findings --------------------------------------------------------------------------------


def test_findings_csv_filtered_by_statement() -> None:
    result = run("findings", "--statement", "safeguarding", CORPUS)
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert reader.fieldnames == ["authority", "statement", "heading", "paragraph", "text"]
    found = list(reader)
    expected = [row for row in rows(load(CORPUS), "findings") if row["statement"] == "safeguarding"]
    assert len(found) == len(expected) > 0
    assert {row["statement"] for row in found} == {"safeguarding"}
    assert [row["text"] for row in found] == [row["text"] for row in expected]


def test_findings_jsonl() -> None:
    result = run("findings", "--format", "jsonl", CORPUS)
    assert result.returncode == 0, result.stderr
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert items == rows(load(CORPUS), "findings")


# --- parse -----------------------------------------------------------------------------------


def test_parse_json_round_trips_the_model() -> None:
    result = run("parse", CORPUS)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    authorities = load(CORPUS)
    assert len(data) == len(authorities)
    for item, authority in zip(data, authorities, strict=True):
        assert loads(json.dumps(item["authority"])) == authority
        assert set(item) >= {"authority", "pages"}
    ealing = data[0]
    assert ealing["pages"] == {
        "about": str(CORPUS / "ealing-0125.txt"),
        "summary": str(CORPUS / "ealing-0125-summary.txt"),
    }


def test_parse_jsonl_is_one_object_per_line() -> None:
    result = run("parse", "--format", "jsonl", EXAMPLES)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [json.loads(line)["authority"]["name"] for line in lines] == [
        "London Borough of Ealing",
        "Sunderland City Council",
        "Westminster City Council",
    ]


def test_parse_includes_extraction_beside_the_model() -> None:
    result = run("parse", EXAMPLES / "westminster")
    assert result.returncode == 0, result.stderr
    (item,) = json.loads(result.stdout)
    assert list(item) == ["authority", "pages", "extracted"]
    assert set(item["extracted"]) == {"initiatives", "organisations", "figures"}
    authority = loads(json.dumps(item["authority"]))
    initiatives = extract_initiatives(authority)
    assert [i["name"] for i in item["extracted"]["initiatives"]] == [i.name for i in initiatives]
    figures = item["extracted"]["figures"]
    assert len(figures) == len(extract_figures(authority)) > 0
    for figure in figures:
        mention = figure["mention"]
        statement = authority.statement(mention["statement_id"])
        assert statement is not None
        text = statement.findings[mention["finding_index"]].text
        assert text[mention["start"] : mention["end"]] == mention["text"]
    survey = [f for f in figures if f["source"] == "ASCS"]
    assert survey
    assert all(isinstance(f["value"], int | float) for f in survey)
    assert all(isinstance(f["england_average"], int | float) for f in survey)


# --- initiatives and figures -----------------------------------------------------------------


def test_initiatives_csv_matches_the_library() -> None:
    result = run("initiatives", "--format", "csv", CORPUS)
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert reader.fieldnames == ["name", "kind", "acronym", "authority", "statements", "mentions"]
    found = list(reader)
    expected = [
        {
            "name": initiative.name,
            "kind": initiative.kind.value,
            "acronym": initiative.acronym or "",
            "authority": authority.name or "",
            "statements": ", ".join(
                statement_by_id(number).code for number in initiative.statement_ids if number
            ),
            "mentions": str(len(initiative.mentions)),
        }
        for authority in load(CORPUS)
        for initiative in extract_initiatives(authority)
    ]
    assert found == expected
    assert len(found) > 10
    assert any(row["acronym"] for row in found)


def test_initiatives_json_lists_statement_codes() -> None:
    result = run("initiatives", "--format", "json", EXAMPLES)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data
    codes = {info.code for info in STATEMENTS}
    for item in data:
        assert list(item) == ["name", "kind", "acronym", "authority", "statements", "mentions"]
        assert set(item["statements"]) <= codes
        assert item["mentions"] >= 1


def test_initiatives_table_is_aligned() -> None:
    result = run("initiatives", EXAMPLES)
    assert result.returncode == 0, result.stderr
    header, *lines = result.stdout.splitlines()
    assert header.split() == ["name", "kind", "acronym", "authority", "statements", "mentions"]
    kind_at = header.index("kind")
    kinds = {kind.value for kind in InitiativeKind}
    assert lines
    for line in lines:
        assert line[kind_at:].split()[0] in kinds
        assert line[kind_at - 2 : kind_at] == "  "


def test_figures_json_carries_survey_comparisons() -> None:
    result = run("figures", "--format", "json", EXAMPLES)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    expected = [
        (authority.name, figure)
        for authority in load(EXAMPLES)
        for figure in extract_figures(authority)
    ]
    assert len(data) == len(expected) > 0
    for item, (name, figure) in zip(data, expected, strict=True):
        assert item["authority"] == name
        assert Decimal(str(item["value"])) == figure.value
        assert item["unit"] == figure.unit
        assert item["paragraph"] == figure.mention.finding_index + 1
        assert item["text"] == figure.mention.text
        assert item["comparator"] == (figure.comparator.value if figure.comparator else None)
    survey = [item for item in data if item["england_average"] is not None]
    assert survey
    assert all(item["unit"] == "%" for item in survey)


def test_figures_csv_columns() -> None:
    result = run("figures", "--format", "csv", CORPUS)
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert reader.fieldnames == [
        "authority",
        "statement",
        "paragraph",
        "value",
        "unit",
        "previous",
        "comparator",
        "england_average",
        "source",
        "year",
        "text",
    ]
    found = list(reader)
    assert len(found) == sum(len(extract_figures(a)) for a in load(CORPUS))
    changes = [row for row in found if row["previous"]]
    # "from an average 42 days to an average of 13 days" (Windsor & Maidenhead)
    assert ("42", "13", "days") in {(row["previous"], row["value"], row["unit"]) for row in changes}


# --- check and bad input ---------------------------------------------------------------------


def test_check_passes_on_the_corpus_and_prints_warnings() -> None:
    result = run("check", CORPUS)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == 2
    for line in warnings:
        found = LOCATED.match(line)
        assert found is not None
        assert found["path"].endswith("-theme1-equity.txt")
        # Located at the I-statement's own line, not the statement title's.
        assert (found["line"], found["column"]) == ("7", "1")
        text = Path(found["path"]).read_text("utf-8").splitlines()[6]
        assert text.startswith("I have care and support that enables me")


def test_check_strict_fails_on_warnings() -> None:
    result = run("check", "--strict", CORPUS)
    assert result.returncode == 1
    assert result.stderr.count(": warning: ") == 2
    no_traceback(result)


def test_check_strict_passes_without_warnings() -> None:
    result = run("check", "--strict", EXAMPLES / "sunderland")
    assert result.returncode == 0, result.stderr


def test_check_reports_parse_errors_as_path_line_column(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text((CORPUS / "Hounslow4.txt").read_text("utf-8"), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text(
        "London Borough of Hounslow: local authority assessment\nAssessing needs\nScore: 7\n",
        encoding="utf-8",
    )
    result = run("check", tmp_path)
    assert result.returncode == 1
    no_traceback(result)
    errors = [LOCATED.match(line) for line in result.stderr.splitlines()]
    located = [found for found in errors if found is not None]
    assert [(f["path"], f["line"], f["column"]) for f in located] == [(str(bad), "3", "8")]
    assert "not a valid score" in located[0]["message"]


def test_conflicting_pages_fail_naming_both_files(tmp_path: Path) -> None:
    page = (CORPUS / "sunderland-0525__theme1__needs.txt").read_text("utf-8")
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    changed = page.replace("Score: 3", "Score: 2").replace(
        "3 - Evidence shows a good standard", "2 - Evidence shows some shortfalls"
    )
    assert changed != page
    (tmp_path / "b.txt").write_text(changed, encoding="utf-8")
    result = run("scores", "--format", "csv", tmp_path)
    assert result.returncode == 1
    no_traceback(result)
    (line,) = [line for line in result.stderr.splitlines() if "two different scores" in line]
    assert line.startswith(f"{tmp_path / 'b.txt'}:")
    assert str(tmp_path / "a.txt") in line
    # The first page read is kept, so the table still has a row.
    (row,) = csv.DictReader(io.StringIO(result.stdout))
    assert row["needs"] == "3"


@pytest.mark.parametrize("content", [b"\x00\x01\x02binary", b"caf\xe9\n", b""])
def test_files_that_are_not_pages_fail_cleanly(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(content)
    result = run("scores", path)
    assert result.returncode == 1
    no_traceback(result)
    found = LOCATED.match(result.stderr.splitlines()[0])
    assert found is not None
    assert found["path"] == str(path)


def test_missing_path_and_empty_folder_are_bad_input(tmp_path: Path) -> None:
    missing = run("scores", tmp_path / "absent")
    assert missing.returncode == 1
    assert f"{tmp_path / 'absent'}: no such file or folder" in missing.stderr
    empty = run("check", tmp_path)
    assert empty.returncode == 1
    assert "no .txt files" in empty.stderr
    no_traceback(missing)
    no_traceback(empty)


# --- usage -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("scores",),
        ("scores", "--format", "xml", "x"),
        ("findings", "--statement", "nonsense", "x"),
        ("frobnicate", "x"),
        ("parse", "--format", "csv", "x"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "usage: cqcmodel" in result.stderr
    assert result.stdout == ""


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"cqcmodel {cqcmodel.__version__}"


def test_help_lists_commands_and_examples() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("parse", "check", "scores", "findings", "initiatives", "figures"):
        assert command in result.stdout
    assert "examples:" in result.stdout
    assert "exit status" in result.stdout
    sub = run("scores", "--help")
    assert sub.returncode == 0
    assert "cqcmodel scores examples/data" in sub.stdout


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "cqcmodel"
    if not script.exists():
        pytest.skip("the cqcmodel console script is not installed next to this Python")
    result = subprocess.run(
        [str(script), "scores", "--format", "csv", EXAMPLES],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 4


# --- progress --------------------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_bar_only_for_many_files_on_a_terminal() -> None:
    many = PROGRESS_THRESHOLD + 1
    terminal = FakeTerminal(tty=True)
    progress = _Progress(terminal)
    for done in range(1, many + 1):
        progress(done, many)
    output = terminal.getvalue()
    assert f"\r[{'#' * 30}] {many}/{many} files\n" in output
    assert output.endswith("\n")
    assert output.count("\r") <= 101  # redrawn once per percent at most

    few = FakeTerminal(tty=True)
    for done in range(1, 4):
        _Progress(few)(done, 3)
    assert few.getvalue() == ""

    piped = FakeTerminal(tty=False)
    for done in range(1, many + 1):
        _Progress(piped)(done, many)
    assert piped.getvalue() == ""
