"""The ``cqcmodel`` command end to end: run as ``python -m cqcmodel``, output parsed and checked."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import IO

import attrs
import pytest

import cqcmodel
import cqcmodel.extract
from cqcmodel import cli
from cqcmodel.checks import Diagnostic, Severity
from cqcmodel.cli import PROGRESS_THRESHOLD, _Progress
from cqcmodel.collect import load
from cqcmodel.export import columns, rows
from cqcmodel.extract import (
    InitiativeKind,
    extract_figures,
    extract_initiatives,
    extract_organisations,
)
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


def run_here(
    capsys: pytest.CaptureFixture[str], *args: str | Path
) -> subprocess.CompletedProcess[str]:
    """Run the command in this process (faster than :func:`run`), capturing its output."""
    capsys.readouterr()
    try:
        status = cli.main([str(arg) for arg in args])
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 2
    captured = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), status, captured.out, captured.err)


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
    rating_at = header.index("  rating ") + 2
    percentage_end = header.index("  percentage ") + len("  percentage")
    learning_end = header.index("learning") + len("learning")
    sources_at = header.index("sources")
    for line in lines[1:]:
        assert line[rating_at:].startswith(("Good", "Requires improvement"))
        assert line[percentage_end - 2 : percentage_end] in {"56", "75"}
        assert line[learning_end - 1] == "3"
        assert line[sources_at:].startswith(str(EXAMPLES))
    assert lines[1][percentage_end - 2 : percentage_end] == "56"


def test_scores_rate_only_complete_rows_and_say_how_many_are_scored() -> None:
    result = run("scores", "--format", "csv", CORPUS)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    table = {row["authority"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    hillingdon = table["London Borough of Hillingdon"]
    assert (hillingdon["scored"], hillingdon["rating"], hillingdon["percentage"]) == ("5", "", "")
    assert table["Nottingham City Council"]["indicative"] == "True"
    assert table["London Borough of Ealing"]["published_percentage"] == "56"
    table_view = run("scores", CORPUS)
    assert "\n(seed-hillingdon-partnerships.txt) " in table_view.stdout


def test_scores_all_councils_and_council_filter() -> None:
    result = run("scores", "--format", "csv", "--all-councils", EXAMPLES)
    assert result.returncode == 0, result.stderr
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(table) == 153
    assert sum(bool(row["sources"]) for row in table) == 3
    only = run(
        "scores", "--format", "json", "--council", "Ealing", "--council", "E08000024", EXAMPLES
    )
    assert only.returncode == 0, only.stderr
    assert [row["ons_code"] for row in json.loads(only.stdout)] == ["E09000009", "E08000024"]
    missing = run(
        "scores", "--format", "csv", "--all-councils", "--council", "Hartlepool", EXAMPLES
    )
    (row,) = csv.DictReader(io.StringIO(missing.stdout))
    assert (row["authority"], row["scored"], row["sources"]) == (
        "Hartlepool Borough Council",
        "0",
        "",
    )


def test_scores_statement_filter_keeps_rows_with_that_score() -> None:
    result = run("scores", "--format", "json", "--statement", "Assessing NEEDS", CORPUS)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data
    assert all(row["needs"] is not None for row in data)
    assert "Nottingham City Council" not in {row["authority"] for row in data}


def test_excel_csv_starts_with_a_byte_order_mark() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cqcmodel", "scores", "--excel", str(EXAMPLES)],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("\ufeffauthority,ons_code,".encode())
    plain = run("scores", "--format", "csv", EXAMPLES)
    assert result.stdout.decode("utf-8-sig") == plain.stdout
    clash = run("scores", "--excel", "--format", "json", EXAMPLES)
    assert clash.returncode == 2
    assert "--excel" in clash.stderr


# --- findings --------------------------------------------------------------------------------


def test_findings_csv_filtered_by_statement() -> None:
    result = run("findings", "--format", "csv", "--statement", "safeguarding", CORPUS)
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert reader.fieldnames == list(columns("findings"))
    found = list(reader)
    expected = [row for row in rows(load(CORPUS), "findings") if row["statement"] == "safeguarding"]
    assert len(found) == len(expected) > 0
    assert {row["statement"] for row in found} == {"safeguarding"}
    assert [row["text"] for row in found] == [row["text"] for row in expected]
    for key in ("7", "SafeGuarding", "safeguarding"):
        again = run("findings", "--format", "csv", "--statement", key, CORPUS)
        assert again.stdout == result.stdout


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


@pytest.mark.parametrize("kind", ["initiatives", "organisations", "figures", "findings"])
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_every_listing_command_takes_every_format(
    kind: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_here(capsys, kind, "--format", fmt, EXAMPLES)
    assert result.returncode == 0, result.stderr
    expected = rows(load(EXAMPLES), kind)
    assert expected
    if fmt == "json":
        assert len(json.loads(result.stdout)) == len(expected)
    elif fmt == "jsonl":
        assert len(result.stdout.splitlines()) == len(expected)
        assert list(json.loads(result.stdout.splitlines()[0])) == list(columns(kind))
    elif fmt == "csv":
        reader = csv.DictReader(io.StringIO(result.stdout))
        assert reader.fieldnames == list(columns(kind))
        assert len(list(reader)) == len(expected)
    else:
        header = result.stdout.splitlines()[0]
        assert header.split() == list(columns(kind))


def test_initiatives_csv_matches_the_library() -> None:
    result = run("initiatives", "--format", "csv", CORPUS)
    assert result.returncode == 0, result.stderr
    found = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = [
        {
            "authority": authority.name or "",
            "name": initiative.name,
            "kind": initiative.kind.value,
            "acronym": initiative.acronym or "",
            "statements": "; ".join(
                statement_by_id(number).code for number in initiative.statement_ids if number
            ),
            "mentions": str(len(initiative.mentions)),
        }
        for authority in load(CORPUS)
        for initiative in extract_initiatives(authority)
    ]
    assert [{key: row[key] for key in expected[0]} for row in found] == expected
    assert len(found) > 10
    assert any(row["acronym"] for row in found)
    assert all(row["file"] and row["line"] for row in found)


def test_initiatives_json_lists_statement_codes_and_filters_by_statement() -> None:
    result = run("initiatives", "--format", "json", EXAMPLES)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data
    codes = {info.code for info in STATEMENTS}
    for item in data:
        assert list(item) == list(columns("initiatives"))
        assert set(item["statements"]) <= codes
        assert item["mentions"] >= 1
    governance = json.loads(
        run("initiatives", "--format", "json", "--statement", "8", EXAMPLES).stdout
    )
    assert governance
    assert governance == [item for item in data if "governance" in item["statements"]]


def test_initiatives_table_is_aligned() -> None:
    result = run("initiatives", EXAMPLES)
    assert result.returncode == 0, result.stderr
    header, *lines = result.stdout.splitlines()
    assert header.split() == list(columns("initiatives"))
    kind_at = header.index("  kind ") + 2
    kinds = {kind.value for kind in InitiativeKind}
    assert lines
    for line in lines:
        assert line[kind_at:].split()[0] in kinds
        assert line[kind_at - 2 : kind_at] == "  "


def test_organisations_command() -> None:
    result = run("organisations", "--format", "json", "--council", "Westminster", EXAMPLES)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data
    assert {item["ons_code"] for item in data} == {"E09000033"}
    expected = extract_organisations(load(EXAMPLES / "westminster")[0])
    assert [item["name"] for item in data] == [item.name for item in expected]


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
        line = Path(item["file"]).read_text("utf-8").splitlines()[item["line"] - 1]
        assert item["text"] in line
    survey = [item for item in data if item["england_average"] is not None]
    assert survey
    assert all(item["unit"] == "%" for item in survey)


def test_figures_csv_columns() -> None:
    result = run("figures", "--format", "csv", CORPUS)
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert reader.fieldnames == list(columns("figures"))
    assert {"value", "unit", "previous", "comparator", "england_average", "source", "year"} <= set(
        reader.fieldnames or ()
    )
    found = list(reader)
    assert len(found) == sum(len(extract_figures(a)) for a in load(CORPUS))
    changes = [row for row in found if row["previous"]]
    # "from an average 42 days to an average of 13 days" (Windsor & Maidenhead)
    assert ("42", "13", "days") in {(row["previous"], row["value"], row["unit"]) for row in changes}


# --- check and bad input ---------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252"])
def test_check_points_a_warning_at_its_column_in_any_encoding(
    encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (CORPUS / "hillingdon-1224-theme1-equity.txt").read_text("utf-8").splitlines()
    assert lines[6].startswith("I have care and support that enables me")
    lines[6] = "  " + lines[6]
    path = tmp_path / "equity.txt"
    path.write_bytes("\n".join(lines).encode(encoding))
    assert cli.main(["check", str(path)]) == 0
    (warning,) = [line for line in capsys.readouterr().err.splitlines() if "I-statement" in line]
    assert warning.startswith(f"{path}:7:3: warning: ")


def test_check_writes_diagnostics_as_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(
        "Kent County Council: local authority assessment\nAssessing needs\nScore: three\n"
    )
    equity = CORPUS / "hillingdon-1224-theme1-equity.txt"
    assert cli.main(["check", "--format", "jsonl", str(bad), str(equity)]) == 1
    captured = capsys.readouterr()
    found = [json.loads(line) for line in captured.out.splitlines()]
    keys = ["severity", "message", "source", "line", "column", "text"]
    assert all(list(item) == keys for item in found)
    error, warning = sorted(found, key=lambda item: item["severity"])
    assert (error["severity"], error["source"], error["line"]) == ("error", str(bad), 3)
    assert "Score" in error["message"]
    assert (warning["severity"], warning["line"], warning["column"]) == ("warning", 7, 1)
    assert warning["text"].startswith("I have care and support")
    assert ": warning: " not in captured.err
    assert captured.err.rstrip().endswith("1 error, 1 warning")


def test_check_passes_on_the_corpus_and_prints_warnings() -> None:
    result = run("check", CORPUS)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == 3
    wording = [line for line in warnings if "I-statement" in line]
    assert len(wording) == 2
    for line in wording:
        found = LOCATED.match(line)
        assert found is not None
        assert found["path"].endswith("-theme1-equity.txt")
        # Located at the I-statement's own line, not the statement title's.
        assert (found["line"], found["column"]) == ("7", "1")
        text = Path(found["path"]).read_text("utf-8").splitlines()[6]
        assert text.startswith("I have care and support that enables me")
    (untitled,) = [line for line in warnings if "no title line" in line]
    assert untitled.startswith(f"{CORPUS / 'seed-hillingdon-partnerships.txt'}:1:1: warning:")
    assert "--authority" in untitled


def test_check_lists_the_councils_a_folder_lacks() -> None:
    result = run("check", EXAMPLES)
    assert result.returncode == 0, result.stderr
    assert "note: 150 of 153 councils have no pages here:" in result.stderr
    notes = [line for line in result.stderr.splitlines() if "no pages for" in line]
    assert len(notes) == 150
    assert "note:   no pages for Hartlepool (E06000001, North East)" in notes
    assert not any("Ealing" in line for line in notes)
    wanted = run("check", "--council", "Ealing", "--council", "Hartlepool", EXAMPLES)
    assert "note: 1 of 2 councils have no pages here:" in wanted.stderr
    assert "Hartlepool" in wanted.stderr


def test_check_of_one_councils_pages_lists_no_other_council() -> None:
    result = run("check", CORPUS / "hillingdon-1224-theme1-needs.txt")
    assert result.returncode == 0, result.stderr
    assert "no pages for" not in result.stderr
    assert "have no pages here" not in result.stderr


def test_check_warns_about_a_title_naming_no_known_council(tmp_path: Path) -> None:
    page = (CORPUS / "Hounslow4.txt").read_text("utf-8")
    changed = page.replace("London Borough of Hounslow", "London Borough of Hounslw")
    assert changed != page
    path = tmp_path / "page.txt"
    path.write_text(changed, encoding="utf-8")
    result = run("check", path)
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if "no council" in line]
    assert line.startswith(f"{path}:1:1: warning: the title names no council")
    assert "Hounslow (E09000018)" in line
    assert run("check", "--strict", path).returncode == 1


def test_check_strict_fails_on_warnings() -> None:
    result = run("check", "--strict", CORPUS)
    assert result.returncode == 1
    assert result.stderr.count(": warning: ") == 3
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
    assert f"{tmp_path}: no page files in this folder" in empty.stderr
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
    build = "compiled" if cqcmodel.extract.COMPILED else "pure Python"
    assert result.stdout.strip() == f"cqcmodel {cqcmodel.__version__} ({build})"


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


# --- standard input, render, --authority, --encoding -----------------------------------------

SEED = CORPUS / "seed-hillingdon-partnerships.txt"


def run_stdin(data: bytes, *args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cqcmodel", *map(str, args)],
        input=data,
        capture_output=True,
        check=False,
    )


@pytest.mark.parametrize(
    "command",
    [
        ("scores", "--format", "json"),
        ("findings", "--format", "json"),
        ("initiatives", "--format", "json"),
        ("organisations", "--format", "json"),
        ("figures", "--format", "json"),
        ("parse",),
        ("render",),
        ("check",),
    ],
)
def test_every_command_reads_dash_as_stdin(
    command: tuple[str, ...], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = CORPUS / "Hounslow4.txt"
    from_file = run_here(capsys, *command, path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    from_stdin = run_here(capsys, *command, "-")
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert from_stdin.stdout.replace("<stdin>", str(path)) == from_file.stdout
    assert from_stdin.stderr.replace("<stdin>", str(path)) == from_file.stderr
    assert from_stdin.stdout or "1 file, 1 record: 0 errors" in from_stdin.stderr


def test_render_writes_the_canonical_text() -> None:
    result = run("render", EXAMPLES / "ealing")
    assert result.returncode == 0, result.stderr
    (authority,) = load(EXAMPLES / "ealing")
    assert result.stdout == cqcmodel.render(authority)
    assert cqcmodel.parse(result.stdout) == authority
    statement = run("render", "--statement", "needs", EXAMPLES / "sunderland")
    assert statement.stdout.count("Assessing needs") >= 1
    assert "Safeguarding\n" not in statement.stdout


def test_authority_names_a_page_without_a_title_line() -> None:
    result = run("scores", "--format", "csv", "--authority", "Hillingdon", SEED)
    assert result.returncode == 0, result.stderr
    (row,) = csv.DictReader(io.StringIO(result.stdout))
    assert (row["authority"], row["ons_code"], row["partnerships"]) == (
        "Hillingdon",
        "E09000017",
        "3",
    )
    piped = run_stdin(SEED.read_bytes(), "render", "--authority", "Hillingdon", "-")
    assert piped.returncode == 0
    assert piped.stdout.decode().startswith("Hillingdon: local authority assessment")


def test_authority_conflicting_with_a_title_is_an_error() -> None:
    path = CORPUS / "Hounslow4.txt"
    result = run("scores", "--authority", "Ealing", path)
    assert result.returncode == 1
    no_traceback(result)
    found = LOCATED.match(result.stderr.splitlines()[0])
    assert found is not None
    assert (found["path"], found["line"]) == (str(path), "1")
    assert "Hounslow" in found["message"]
    assert "Ealing" in found["message"]


def test_encoding_is_passed_to_the_reader(tmp_path: Path) -> None:
    page = (CORPUS / "Hounslow4.txt").read_text("utf-8")
    path = tmp_path / "page.txt"
    path.write_bytes(page.encode("cp1252"))
    result = run("findings", "--format", "json", "--encoding", "cp1252", path)
    assert result.returncode == 0, result.stderr
    expected = rows(cqcmodel.parse(page), "findings")
    assert [row["text"] for row in json.loads(result.stdout)] == [row["text"] for row in expected]
    wrong = run("findings", "--encoding", "no-such-codec", path)
    assert wrong.returncode == 2
    assert "no-such-codec" in wrong.stderr
    no_traceback(wrong)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("findings", "--statement", "Assesing needs", "x"), ["Assessing needs", "needs", "9"]),
        (("scores", "--council", "Hillingdn", "x"), ["Hillingdon (E09000017)"]),
        (("check", "--council", "Kingston", "x"), ["Kingston upon Thames", "Kingston upon Hull"]),
    ],
)
def test_unknown_statement_or_council_is_a_usage_error_that_explains(
    args: tuple[str, ...], words: list[str]
) -> None:
    result = run(*args)
    assert result.returncode == 2
    for word in words:
        assert word in result.stderr
    no_traceback(result)


def test_glob_patterns_on_the_command_line() -> None:
    result = run("scores", "--format", "json", str(EXAMPLES / "*" / "*summary*.txt"))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 3
    none = run("scores", str(EXAMPLES / "*.pdf"))
    assert none.returncode == 1
    assert "no file or folder matches this pattern" in none.stderr


def test_parse_filtered_by_council_and_statement() -> None:
    result = run("parse", "--council", "City of Westminster", "--statement", "needs", EXAMPLES)
    assert result.returncode == 0, result.stderr
    (item,) = json.loads(result.stdout)
    authority = loads(json.dumps(item["authority"]))
    assert authority.name == "Westminster City Council"
    assert [statement.code for statement in authority.statements] == ["needs"]
    assert authority.summary is None
    assert list(item["pages"]) == ["needs"]
    assert all(
        mention["statement_id"] == 1
        for initiative in item["extracted"]["initiatives"]
        for mention in initiative["mentions"]
    )


def test_check_filtered_by_statement() -> None:
    result = run("check", "--statement", "equity", "--council", "Westminster", EXAMPLES)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(": warning: ") == 1
    assert "-theme1-equity.txt:7:1: warning:" in result.stderr
    other = run("check", "--statement", "needs", "--council", "Westminster", EXAMPLES)
    assert ": warning: " not in other.stderr


def test_a_command_registered_in_the_table_is_built_and_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def add_name(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--name", required=True)

    def greet(args: argparse.Namespace, out: IO[str], reporter: object) -> None:
        out.write(f"hello {args.name}\n")

    command = cli.Command(greet, "say hello", "cqcmodel greet --name x", (add_name,), False)
    monkeypatch.setitem(cli.COMMANDS, "greet", command)
    assert cli.main(["greet", "--name", "Ealing"]) == cli.EXIT_OK
    assert capsys.readouterr().out == "hello Ealing\n"
    with pytest.raises(SystemExit) as caught:
        cli.main(["greet", "--name", "x", "pages/"])  # takes no PATH
    assert caught.value.code == cli.EXIT_USAGE


def test_authority_merges_an_untitled_page_with_its_councils_pages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pages = (CORPUS / "hillingdon-1224*", SEED)
    result = run_here(capsys, "scores", "--format", "json", "--authority", "Hillingdon", *pages)
    assert result.returncode == 0, result.stderr
    (hillingdon,) = json.loads(result.stdout)
    assert hillingdon["ons_code"] == "E09000017"
    assert hillingdon["authority"] == "London Borough of Hillingdon"
    assert (hillingdon["scored"], hillingdon["partnerships"]) == (6, 3)
    assert str(SEED) in hillingdon["sources"]


@pytest.mark.parametrize(("errors", "expected"), [(0, cli.EXIT_OK), (1, cli.EXIT_BAD_INPUT)])
def test_closed_pipe_keeps_the_status_of_errors_reported(
    errors: int, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def handler(args: argparse.Namespace, out: IO[str], reporter: cli._Reporter) -> None:
        for _ in range(errors):
            reporter.report(Diagnostic(severity=Severity.ERROR, message="bad", source="a.txt"))
        raise BrokenPipeError

    monkeypatch.setitem(cli.COMMANDS, "parse", attrs.evolve(cli.COMMANDS["parse"], handler=handler))
    monkeypatch.setattr(cli, "_silence_stdout", lambda: None)
    assert cli.main(["parse", str(EXAMPLES)]) == expected


def test_a_missing_path_is_reported_as_path_and_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    absent = tmp_path / "absent.txt"
    result = run_here(capsys, "check", absent)
    assert result.returncode == cli.EXIT_BAD_INPUT
    assert result.stderr == f"{absent}: no such file or folder\n"


def test_parse_format_help_says_what_the_option_is(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_here(capsys, "parse", "--help")
    assert "output format (default: json)" in " ".join(result.stdout.split())


def test_check_lists_no_missing_councils_when_nothing_was_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "letter.txt"
    bad.write_text("Dear colleague,\n", encoding="utf-8")
    result = run_here(capsys, "check", bad)
    assert result.returncode == cli.EXIT_BAD_INPUT
    assert "no pages" not in result.stderr
    assert "1 file, 0 records: 1 error" in result.stderr


@pytest.mark.parametrize("command", ["report", "plot"])
def test_report_and_plot_write_nothing_when_nothing_was_read(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "letter.txt"
    bad.write_text("Dear colleague,\n", encoding="utf-8")
    target = tmp_path / ("site" if command == "report" else "plot.png")
    options = ["--out", target] if command == "report" else ["heatmap", "-o", target]
    result = run_here(capsys, command, *options, bad)
    assert result.returncode == cli.EXIT_BAD_INPUT
    assert not target.exists()
    assert f"{target}: not written, as no authority was read" in result.stderr


def test_a_stream_that_cannot_say_whether_it_is_a_terminal_is_not_one() -> None:
    class Closed(io.StringIO):
        def isatty(self) -> bool:
            raise ValueError("I/O operation on closed file")

    assert cli._isatty(Closed()) is False
    assert cli._isatty(object()) is False  # type: ignore[arg-type]


def test_a_diagnostic_about_a_file_that_cannot_be_read_keeps_its_position(tmp_path: Path) -> None:
    reporter = cli._Reporter(io.StringIO())
    for source in (tmp_path / "gone.txt", tmp_path):  # missing, and a folder
        diagnostic = Diagnostic(
            severity=Severity.WARNING, message="m", source=str(source), line=3, text="x"
        )
        reporter.report(diagnostic)
        assert f"{source}:3:1: warning: m" in reporter.err.getvalue()  # type: ignore[attr-defined]


def test_check_in_json_lines_reports_a_missing_path_on_stdout_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert cli.main(["check", "--format", "jsonl", str(missing)]) == 1
    captured = capsys.readouterr()
    (item,) = [json.loads(line) for line in captured.out.splitlines()]
    assert item["severity"] == "error"
    assert str(missing) in item["message"]
    assert str(missing) in captured.err
