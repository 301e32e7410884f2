"""Every real page parses to the values its index.json entry records, and loses no text."""

from __future__ import annotations

import json
from typing import Any

import pytest

import cqcmodel
from cqcmodel import Authority
from cqcmodel.renderer import format_date
from cqcmodel.text import SourceText, candidates

from .conftest import CORPUS

INDEX: list[dict[str, Any]] = json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))


def entry_id(entry: dict[str, Any]) -> str:
    return str(entry["file"])


@pytest.fixture(scope="module")
def parsed() -> dict[str, Authority]:
    return {entry["file"]: cqcmodel.parse_file(CORPUS / entry["file"]) for entry in INDEX}


def test_index_covers_every_page() -> None:
    assert {entry["file"] for entry in INDEX} == {p.name for p in CORPUS.glob("*.txt")}


@pytest.mark.parametrize("entry", INDEX, ids=entry_id)
def test_authority_name_and_pilot_mark(entry: dict[str, Any], parsed: dict[str, Authority]) -> None:
    authority = parsed[entry["file"]]
    assert authority.name == entry["authority"]
    title = entry.get("title_line")
    assert authority.indicative == bool(
        title and title.endswith(" assessment") and ":" not in title
    )
    assert authority.source == str(CORPUS / entry["file"])


@pytest.mark.parametrize("entry", INDEX, ids=entry_id)
def test_published_line(entry: dict[str, Any], parsed: dict[str, Authority]) -> None:
    authority = parsed[entry["file"]]
    line = entry.get("published_line")
    if line is None:
        assert authority.published is None
        return
    expected = f"Published: {format_date(authority.published)}"
    if authority.updated is not None:
        expected += f" Page last updated: {format_date(authority.updated)}"
    assert expected == line


STATEMENT_PAGES = [e for e in INDEX if e["kind"] == "quality_statement"]


@pytest.mark.parametrize("entry", STATEMENT_PAGES, ids=entry_id)
def test_statement_page(entry: dict[str, Any], parsed: dict[str, Authority]) -> None:
    authority = parsed[entry["file"]]
    assert authority.summary is None
    assert authority.about is None
    (statement,) = authority.statements
    assert statement.title == entry["statement"]
    assert statement.code == entry["statement_code"]
    assert statement.theme == entry["theme"]
    assert statement.score == entry["score"]
    assert statement.commitment is not None
    assert statement.findings
    if "i_statements" in entry:
        assert list(statement.people_expect) == entry["i_statements"]
        assert bool(statement.people_expect) == entry["has_what_people_expect"]


SUMMARY_PAGES = [e for e in INDEX if e.get("subkind") == "summary"]


@pytest.mark.parametrize("entry", SUMMARY_PAGES, ids=entry_id)
def test_summary_page(entry: dict[str, Any], parsed: dict[str, Authority]) -> None:
    summary = parsed[entry["file"]].summary
    assert summary is not None
    assert summary.name == entry["authority"]
    assert (summary.rating.value if summary.rating else None) == entry["rating"]
    assert summary.percentage == entry["overall_score_percent"]
    assert {item.title: item.score for item in summary.statement_scores} == entry[
        "statement_scores"
    ]
    assert [item.statement_id for item in summary.statement_scores] == list(range(1, 10))
    assert summary.people_experience


ABOUT_PAGES = [e for e in INDEX if e.get("subkind") == "about"]


@pytest.mark.parametrize("entry", ABOUT_PAGES, ids=entry_id)
def test_about_page(entry: dict[str, Any], parsed: dict[str, Authority]) -> None:
    about = parsed[entry["file"]].about
    assert about is not None
    headings = entry["section_headings"]
    published = next(h for h in headings if h.startswith("Assessment published:"))
    assert about.published is not None
    assert f"Assessment published: {format_date(about.published)}" == published
    assert f"About {about.subject}" in headings
    assert about.demographics
    assert (about.started is not None) == any(h.startswith("Assessment start") for h in headings)


@pytest.mark.parametrize("entry", INDEX, ids=entry_id)
def test_no_text_is_lost(entry: dict[str, Any], parsed: dict[str, Authority]) -> None:
    """Every line that is not a structural line lands, verbatim, in the model."""
    authority = parsed[entry["file"]]
    kept = set(texts_of(authority))
    source = SourceText((CORPUS / entry["file"]).read_text(encoding="utf-8"))
    kinds = candidates(source.lines)
    for line, line_kinds in zip(source.lines, kinds, strict=True):
        content = line.strip()
        if content and not line_kinds:
            assert content in kept, content[:80]


def texts_of(authority: Authority) -> list[str]:
    """Every piece of published text the model holds."""
    result: list[str] = []
    if authority.about is not None:
        about = authority.about
        result += [*about.introduction, *about.demographics, *about.financial_facts]
    if authority.summary is not None:
        summary = authority.summary
        result += list(summary.people_experience)
        for section in summary.sections:
            result += [section.heading, *section.paragraphs]
    for statement in authority.statements:
        result += [*statement.people_expect, *(f.text for f in statement.findings)]
        if statement.commitment:
            result.append(statement.commitment)
    return result
