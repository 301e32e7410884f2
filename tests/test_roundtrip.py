"""Round trips: model → text → model for generated models in every layout, and real pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

import cqcmodel
from cqcmodel import Authority

from .conftest import CORPUS, ROUND_TRIP_EXAMPLES
from .strategies import LAYOUTS, Layout, apply, authorities, layouts, reports

PAGES = sorted(CORPUS.glob("*.txt"))
round_trips = settings(max_examples=ROUND_TRIP_EXAMPLES)


@round_trips
@given(authorities() | reports())
def test_parse_of_render_is_the_model(authority: Authority) -> None:
    text = cqcmodel.render(authority, check=False)
    assert cqcmodel.parse(text) == authority


@round_trips
@given(authorities() | reports())
def test_render_is_stable(authority: Authority) -> None:
    text = cqcmodel.render(authority)
    assert cqcmodel.render(cqcmodel.parse(text)) == text


@round_trips
@given(authorities() | reports(), layouts())
def test_every_layout_parses_to_the_model(authority: Authority, chosen: tuple[Layout]) -> None:
    text = apply(chosen, cqcmodel.render(authority, check=False))
    assert cqcmodel.parse(text) == authority


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.__name__)
def test_each_layout_changes_some_corpus_page(layout: Layout) -> None:
    """No layout is a no-op on every real page (so none of them tests nothing)."""
    texts = [cqcmodel.render(cqcmodel.parse_file(page)) for page in PAGES]
    sunderland = sorted(CORPUS.glob("sunderland-*.txt"))
    report = "\n".join(page.read_text(encoding="utf-8") for page in sunderland)
    texts.append(cqcmodel.render(cqcmodel.parse(report)))
    assert any(layout(text) != text for text in texts)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_corpus_page_round_trips(page: Path) -> None:
    parsed = cqcmodel.parse_file(page)
    text = cqcmodel.render(parsed)
    again = cqcmodel.parse(text)
    assert again == parsed
    assert cqcmodel.render(again) == text


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_corpus_pages_in_every_layout_give_equal_models(page: Path) -> None:
    parsed = cqcmodel.parse_file(page)
    canonical = cqcmodel.render(parsed)
    for layout in LAYOUTS:
        assert cqcmodel.parse(layout(canonical)) == parsed, layout.__name__


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
