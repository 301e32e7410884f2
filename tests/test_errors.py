"""Bad input: each kind gives a ParseError with the right line, column and a caret snippet."""

from __future__ import annotations

from pathlib import Path

import pytest

import cqcmodel
from cqcmodel import CqcModelError, ParseError

TITLE = "London Borough of Ealing: local authority assessment"


def error_for(text: str, source: str | None = "page.txt") -> ParseError:
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse(text, source=source)
    return caught.value


def test_parse_error_is_a_value_error_and_library_error() -> None:
    assert issubclass(ParseError, ValueError)
    assert issubclass(ParseError, CqcModelError)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\ufeff\n \n"])
def test_empty_text(text: str) -> None:
    error = error_for(text)
    assert (error.line, error.column) == (1, 1)
    assert "empty text" in error.message


def test_title_with_nothing_after_it() -> None:
    error = error_for(f"{TITLE}\nDownloads\n")
    assert (error.line, error.column) == (2, 10)  # the end of the text
    assert "holds at least one page" in error.message


def test_score_out_of_range() -> None:
    error = error_for(f"{TITLE}\nAssessing needs\nScore: 7\n")
    assert (error.line, error.column) == (3, 8)
    assert error.message == "7 is not a valid score (1–4)"
    assert str(error) == ("page.txt:3:8: 7 is not a valid score (1–4)\n    Score: 7\n           ^")


def test_score_label_contradicting_the_score_line() -> None:
    text = f"{TITLE}\nAssessing needs\nScore: 3\n2 - Evidence shows some shortfalls\n"
    error = error_for(text)
    assert (error.line, error.column) == (4, 1)
    assert "score label says 2 but the score line says 3" in error.message


def test_score_label_with_the_wrong_words() -> None:
    error = error_for("Assessing needs\nScore: 3\n3 - Evidence shows some shortfalls\n")
    assert (error.line, error.column) == (3, 5)
    assert "is the label of 2, not 3" in error.message


def test_unknown_heading_where_a_known_one_is_required() -> None:
    text = (
        "Overall summary\nLocal authority rating and score\n  • Kent County Council\n    Good\n"
        "Quality scores\n  • Assessing needs\n    Score: 2\n"
    )
    error = error_for(text)
    assert (error.line, error.column) == (5, 1)
    assert "found a paragraph 'Quality scores'" in error.message
    assert "'Quality statement scores'" in error.message


def test_text_before_any_page() -> None:
    error = error_for("Some pasted text.\nMore.\n")
    assert (error.line, error.column) == (1, 1)
    assert error.message.startswith("expected ")


def test_pages_of_two_authorities() -> None:
    kent = "Kent County Council: local authority assessment"
    text = f"{TITLE}\nSafeguarding\nScore: 2\n{kent}\nAssessing needs\nScore: 3\n"
    error = error_for(text)
    assert (error.line, error.column) == (4, 1)
    assert "two authorities" in error.message


def test_a_statement_twice() -> None:
    error = error_for("Safeguarding\nScore: 2\nSafeguarding\nScore: 3\n")
    assert (error.line, error.column) == (3, 1)
    assert "appears twice" in error.message


def test_bad_date() -> None:
    error = error_for(f"{TITLE}\nPublished: 31 February 2024\nSafeguarding\nScore: 2\n")
    assert error.line == 2
    assert "no such date" in error.message


def test_binary_junk_in_a_string() -> None:
    error = error_for("Safeguarding\nSco\x00re: 2\n")
    assert (error.line, error.column) == (2, 4)
    assert "U+0000" in error.message


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(b"Safeguarding\nScore: \xff\xfe2\n")
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse_file(path)
    assert (caught.value.line, caught.value.column) == (2, 8)
    assert caught.value.source == str(path)
    assert "not UTF-8" in caught.value.message


def test_columns_refer_to_the_original_text() -> None:
    error = error_for("Assessing needs\n\u200b\u200bScore: 9\n")
    assert (error.line, error.column) == (2, 10)


def test_source_defaults_to_string() -> None:
    error = error_for("", source=None)
    assert str(error).startswith("<string>:1:1: ")


def test_long_lines_are_shortened_in_the_snippet() -> None:
    error = error_for("x" * 10_000 + ".\n")
    snippet = error.snippet.splitlines()
    assert len(snippet[0]) < 200
    assert snippet[1].strip() == "^"


def test_parse_takes_str() -> None:
    with pytest.raises(TypeError, match="parse_file"):
        cqcmodel.parse(b"Safeguarding")  # type: ignore[arg-type]


def test_render_refuses_a_model_text_cannot_express() -> None:
    statement = cqcmodel.QualityStatement(
        title="Safeguarding",
        score=cqcmodel.Score(2),
        findings=(
            cqcmodel.Finding(text="Reads as a heading"),
            cqcmodel.Finding(text="Then a paragraph."),
        ),
    )
    authority = cqcmodel.Authority(statements=(statement,))
    with pytest.raises(CqcModelError, match="cannot be written"):
        cqcmodel.render(authority)
    assert "Reads as a heading" in cqcmodel.render(authority, check=False)


def test_rating_contradicting_its_own_percentage() -> None:
    text = "Overall summary\nLocal authority rating and score\n  • Kent\n    Good\nScore: 50%\n"
    error = error_for(text)
    assert (error.line, error.column) == (5, 1)
    assert "contradicts the percentage 50%" in error.message


def test_a_second_summary() -> None:
    summary = "Overall summary\nLocal authority rating and score\n  • Kent\n    Good\nScore: 70%\n"
    error = error_for(summary + summary)
    assert (error.line, error.column) == (6, 1)
    assert "a second summary in one text (the first is at line 1)" in error.message
