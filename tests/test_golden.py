"""Golden pages: every ``tests/pages/<name>.txt`` reads to its ``<name>.json`` and extraction.

Regenerate with ``make golden`` and review the diff (tests/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cqcmodel

from . import golden
from .golden import PAGES, expected, main, pages

PAGE_FILES = pages()


def test_there_are_golden_pages() -> None:
    assert len(PAGE_FILES) >= 30


def test_every_golden_file_belongs_to_a_page() -> None:
    names = {page.stem for page in PAGE_FILES}
    for path in PAGES.glob("*.json"):
        assert path.name.split(".")[0] in names, path.name


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda page: page.stem)
def test_page_reads_to_its_golden_files(page: Path) -> None:
    for path, text in expected(page).items():
        assert path.exists(), f"{path.name} is missing: run `make golden`"
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: run `make golden`"


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda page: page.stem)
def test_golden_model_loads_back_equal(page: Path) -> None:
    model = cqcmodel.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    assert model == cqcmodel.parse_file(page)


def test_the_check_command_reports_a_stale_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "tests" / "pages" / "page.txt"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(golden, "PAGES", page.parent)
    assert main([]) == 1
    assert "differs: tests/pages/page.json" in capsys.readouterr().out
    assert main(["--regenerate"]) == 0
    assert page.with_suffix(".extracted.json").exists()
    assert main([]) == 0
