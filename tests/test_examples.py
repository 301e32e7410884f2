"""The example scripts in examples/ run on the bundled sample pages and print the right things.

Each script is run as a user would run it (a subprocess from the repository root), on
``examples/data/``; its output is parsed and checked against what the library computes.
``examples/overview.py`` has its own test (test_overview_example.py).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import cqcmodel
from cqcmodel.framework import STATEMENTS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = EXAMPLES / "data"
CORPUS = ROOT / "tests" / "corpus"
SCRIPTS = sorted(path for path in EXAMPLES.glob("*.py") if path.name != "overview.py")


def run(script: str, *args: str | Path) -> list[str]:
    """Run an example script from the repository root; return its output lines."""
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.splitlines()


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_every_example_runs_on_the_samples_and_explains_itself(script: Path) -> None:
    lines = run(script.name)
    assert lines, f"{script.name} printed nothing"
    source = script.read_text(encoding="utf-8")
    assert source.startswith('"""'), f"{script.name} starts with a docstring saying what it does"
    assert "Usage: python examples/" in source
    assert source.count("\n#") + source.count("  # ") >= 2, f"{script.name} needs comments"


# --- league_table.py -------------------------------------------------------------------------

_ROW = re.compile(
    r"^(?P<name>.+?)\s{2,}(?P<rating>Inadequate|Requires improvement|Good|Outstanding|-)\s+"
    r"(?P<percentage>\d+|-)\s+(?P<scored>\d)\s+(?P<scores>(?:\s*(?:[1-4]|-)){9})$"
)


def _league(*args: str | Path) -> list[dict[str, object]]:
    lines = run("league_table.py", *args)
    header, *body = lines
    assert header.split()[:4] == ["authority", "rating", "%", "of"]
    assert header.split()[-9:] == [info.code[:5] for info in STATEMENTS]
    table = []
    for line in body:
        found = _ROW.match(line)
        assert found is not None, f"not a table row: {line!r}"
        table.append(
            {
                "name": found["name"].strip(),
                "rating": found["rating"],
                "percentage": int(found["percentage"]) if found["percentage"] != "-" else None,
                "scored": int(found["scored"]),
                "scores": found["scores"].split(),
            }
        )
    return table


def test_league_table_of_the_samples() -> None:
    table = _league()
    assert [row["name"] for row in table] == [
        "Sunderland City Council",
        "Westminster City Council",
        "London Borough of Ealing",
    ]
    assert [(row["rating"], row["percentage"], row["scored"]) for row in table] == [
        ("Good", 75, 9),
        ("Good", 75, 9),
        ("Requires improvement", 56, 9),
    ]
    assert table[2]["scores"] == ["2", "2", "2", "2", "3", "2", "2", "2", "3"]


def test_league_table_agrees_with_the_library_and_is_sorted() -> None:
    """On the larger test corpus (partial reports, a page without a title line)."""
    table = _league(CORPUS)
    expected = {}
    for authority in cqcmodel.load(CORPUS):
        overall = authority.overall()
        assert overall is not None
        scores = authority.scores()
        complete = len(scores) == len(STATEMENTS)
        expected[authority.name or "(no title line)"] = (
            overall.rating.value if complete else "-",
            overall.percentage if complete else None,
            len(scores),
            [str(int(scores[info.id])) if info.id in scores else "-" for info in STATEMENTS],
        )
    assert {
        row["name"]: (row["rating"], row["percentage"], row["scored"], row["scores"])
        for row in table
    } == expected
    percentages = [row["percentage"] for row in table]
    known = [value for value in percentages if value is not None]
    assert known == sorted(known, reverse=True)
    assert percentages == [*known, *[None] * (len(percentages) - len(known))]
    assert any(row["scored"] < len(STATEMENTS) for row in table)


# --- waiting_times.py ------------------------------------------------------------------------


def _mentions(*args: str | Path) -> tuple[list[tuple[str, str, str]], str]:
    *lines, total = run("waiting_times.py", *args)
    found = []
    for line in lines:
        name, where, sentence = line.split(" | ", 2)
        found.append((name, where, sentence))
    return found, total


def test_waiting_times_in_the_samples() -> None:
    found, total = _mentions()
    assert total == "1 sentence mentions waiting"
    assert found == [
        (
            "London Borough of Ealing",
            "summary #2",
            "People were not always able to access information and advice, Care Act 2014 "
            "assessments, reviews and safeguarding support in a timely way.",
        )
    ]


def test_waiting_times_finds_findings_and_skips_the_care_act_phrase() -> None:
    found, total = _mentions(CORPUS)
    assert total == f"{len(found)} sentences mention waiting"
    where = {(name, place) for name, place, _ in found}
    assert ("Royal Borough of Windsor & Maidenhead", "partnerships #3") in where  # time taken
    assert ("Royal Borough of Windsor & Maidenhead", "partnerships #9") in where  # delays
    assert ("London Borough of Hillingdon", "pathways #2") in where  # in a timely manner
    sentences = " ".join(sentence for _, _, sentence in found)
    assert "prevent, delay or reduce" not in sentences  # the Care Act's verb, not a wait
    assert "timely sharing" not in sentences
    # Each reported sentence is published text, and its paragraph number is right.
    findings = {
        (row["authority"], f"{row['statement']} #{row['paragraph']}"): str(row["text"])
        for row in cqcmodel.rows(cqcmodel.load(CORPUS), "findings")
    }
    for name, place, sentence in found:
        if not place.startswith("summary"):
            assert sentence in findings[(name, place)]


# --- initiatives.py --------------------------------------------------------------------------

_INITIATIVE = re.compile(r"^    (?P<name>.+?) — (?P<places>.+)$")
_PLACE = re.compile(r"(?P<authority>[^;]+?) \((?P<codes>[a-z, ]+)\)(?:; |$)")


def _initiatives(*args: str | Path) -> tuple[dict[str, tuple[str, dict[str, list[str]]]], str]:
    *lines, total = run("initiatives.py", *args)
    found: dict[str, tuple[str, dict[str, list[str]]]] = {}
    kind = None
    for line in lines:
        if not line.startswith(" "):
            assert line.endswith(":"), line
            kind = line[:-1]
            continue
        entry = _INITIATIVE.match(line)
        assert entry is not None and kind is not None, line
        places = {
            place["authority"]: place["codes"].split(", ")
            for place in _PLACE.finditer(entry["places"])
        }
        found[entry["name"]] = (kind, places)
    return found, total


def _expected_initiatives(folder: Path) -> dict[str, tuple[str, dict[str, list[str]]]]:
    expected: dict[str, tuple[str, dict[str, list[str]]]] = {}
    for authority in cqcmodel.load(folder):
        for initiative in cqcmodel.extract_initiatives(authority):
            _, places = expected.setdefault(initiative.name, (initiative.kind.value, {}))
            places[authority.name or "(no title line)"] = [
                STATEMENTS[statement_id - 1].code
                for statement_id in initiative.statement_ids
                if statement_id is not None
            ]
    return expected


@pytest.mark.parametrize("folder", [DATA, CORPUS], ids=["samples", "corpus"])
def test_initiatives_across_authorities(folder: Path) -> None:
    found, total = _initiatives(folder)
    assert found == _expected_initiatives(folder)
    shared = [name for name, (_, places) in found.items() if len(places) > 1]
    assert total.startswith(f"{len(found)} initiatives, {len(shared)} mentioned by more than one")


def test_initiatives_in_the_samples() -> None:
    found, _ = _initiatives()
    assert found["Better Care Fund"] == ("fund", {"Sunderland City Council": ["equity"]})
    assert found["Information and Advice Team"][1] == {"Westminster City Council": ["needs"]}
    kinds = [kind for kind, _ in found.values()]
    assert kinds == sorted(kinds)  # grouped by kind, kinds in order


def test_initiatives_line_up_across_authorities_in_the_corpus() -> None:
    found, total = _initiatives(CORPUS)
    assert set(found["Better Care Fund"][1]) >= {
        "Sunderland City Council",
        "Royal Borough of Windsor & Maidenhead",
    }
    assert "Better Care Fund" in total.split(": ", 1)[1]


# --- national_table.py -----------------------------------------------------------------------


def test_national_table_covers_every_region_and_writes_153_rows(tmp_path: Path) -> None:
    output = tmp_path / "national.csv"
    lines = run("national_table.py", DATA, "--csv", output)
    regions = [line for line in lines if line.endswith(" councils")]
    assert len(regions) == 9
    assert sum(int(line.split()[-2]) for line in regions) == 153
    assert "London                      2 of  33 councils" in lines
    rated = [line for line in lines if " computed " in line]
    assert [line.split()[0] for line in rated] == ["E08000024", "E09000009", "E09000033"]
    assert lines[-1] == f"wrote 153 rows to {output}"
    data = output.read_bytes()
    assert data.startswith("\ufeffauthority,ons_code,".encode())
    assert len(data.decode("utf-8-sig").splitlines()) == 154
