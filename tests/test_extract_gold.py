"""The gold measurement: extraction meets its precision and recall targets on labelled pages."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cqcmodel.framework import fold

from .conftest import CORPUS, TESTS

BENCHMARK = TESTS.parent / "benchmarks" / "extraction.py"
GOLD = TESTS.parent / "benchmarks" / "gold"
GOLD_FILES = sorted(GOLD.glob("*.json"))


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extraction_benchmark", BENCHMARK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_gold_pages_meet_the_targets() -> None:
    benchmark = _benchmark()
    results = benchmark.measure(GOLD, CORPUS)
    assert len(results) == len(GOLD_FILES)
    assert benchmark.shortfalls(benchmark.totals(results)) == []


def test_the_benchmark_script_prints_the_scores(capsys: pytest.CaptureFixture[str]) -> None:
    assert _benchmark().main([]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("TOTAL")
    assert len(lines) == len(GOLD_FILES) + 2


@pytest.mark.parametrize("path", GOLD_FILES, ids=[path.stem for path in GOLD_FILES])
def test_gold_files_label_names_written_on_their_page(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) == {"page", "initiatives", "organisations", "optional"}
    page = fold((CORPUS / gold["page"]).read_text(encoding="utf-8"))
    for entry in gold["initiatives"] + gold["organisations"]:
        assert set(entry) == {"name", "aliases", "kind"}
        assert fold(entry["name"]) in page
    for name in gold["optional"]:
        assert isinstance(name, str)


def test_the_scoring_follows_the_readme() -> None:
    benchmark = _benchmark()
    entries = [{"name": "Better Care Fund", "aliases": ["BCF"], "kind": "fund"}]
    score = benchmark.score(
        ["the Better Care Fund", "BCF", "Borough", "‘Home First’"], entries, ["Home First"]
    )
    assert (score.found_gold, score.gold) == (1, 1)
    assert (score.extracted_right, score.extracted) == (3, 4)
    assert score.extras == ["borough"]
