"""Round trips: model → text → model for generated models, and text → model → text for pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

import cqcmodel
from cqcmodel import Authority

from .conftest import CORPUS
from .strategies import authorities

PAGES = sorted(CORPUS.glob("*.txt"))


@given(authorities())
def test_parse_of_render_is_the_model(authority: Authority) -> None:
    text = cqcmodel.render(authority, check=False)
    assert cqcmodel.parse(text) == authority


@given(authorities())
def test_render_is_stable(authority: Authority) -> None:
    text = cqcmodel.render(authority)
    assert cqcmodel.render(cqcmodel.parse(text)) == text


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_corpus_page_round_trips(page: Path) -> None:
    parsed = cqcmodel.parse_file(page)
    text = cqcmodel.render(parsed)
    again = cqcmodel.parse(text)
    assert again == parsed
    assert cqcmodel.render(again) == text


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_both_whitespace_layouts_give_equal_models(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    compact = "\n".join(line for line in text.splitlines() if line.strip())
    spaced = "\n\n".join(compact.splitlines()) + "\n\n"
    crlf = spaced.replace("\n", "\r\n")
    parsed = cqcmodel.parse(text)
    assert cqcmodel.parse(compact) == parsed
    assert cqcmodel.parse(spaced) == parsed
    assert cqcmodel.parse(crlf) == parsed


def test_model_equality_ignores_source_positions() -> None:
    page = CORPUS / "Hounslow4.txt"
    compact = cqcmodel.parse_file(page)
    spaced = cqcmodel.parse("\n\n".join(page.read_text(encoding="utf-8").splitlines()))
    assert compact == spaced
    assert hash(compact) == hash(spaced)
    assert compact.statements[0].findings[0].line == 11
    assert spaced.statements[0].findings[0].line == 21
