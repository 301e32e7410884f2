"""Diagnostics: wording that departs from the framework, and summaries that disagree."""

from __future__ import annotations

import attrs
import pytest

import cqcmodel
from cqcmodel import (
    Authority,
    ParseError,
    QualityStatement,
    Rating,
    Score,
    StatementScore,
    Summary,
)
from cqcmodel.checks import (
    Diagnostic,
    Severity,
    summary_discrepancies,
    title_warnings,
    wording_warnings,
)
from cqcmodel.collect import load, load_all
from cqcmodel.errors import ConflictError
from cqcmodel.framework import STATEMENTS, statement_by_code

from .conftest import CORPUS


def statement(code: str, *, people_expect: tuple[str, ...] = (), commitment: str | None = None):
    info = statement_by_code(code)
    return QualityStatement(
        title=info.title,
        score=Score.GOOD_STANDARD,
        people_expect=people_expect,
        commitment=commitment if commitment is not None else info.we_statements[0],
        line=5,
    )


def authority_with(*statements: QualityStatement) -> Authority:
    return Authority(name="Alpha Council", statements=statements, source="alpha.txt")


# --- Diagnostic ------------------------------------------------------------------------------


def test_diagnostic_reads_path_line_column_message() -> None:
    diagnostic = Diagnostic(
        severity=Severity.WARNING, message="odd", source="a/b.txt", line=3, column=7
    )
    assert str(diagnostic) == "a/b.txt:3:7: odd"
    unknown = Diagnostic(severity=Severity.ERROR, message="bad")
    assert str(unknown) == "bad"
    no_line = Diagnostic(severity=Severity.ERROR, message="bad", source="a/b.txt")
    assert str(no_line) == "a/b.txt: bad"


def test_diagnostic_from_errors() -> None:
    with pytest.raises(ParseError) as caught:
        cqcmodel.parse(
            "London Borough of X: local authority assessment\nnonsense here\n", source="x.txt"
        )
    parsed = Diagnostic.from_error(caught.value)
    assert parsed.severity is Severity.ERROR
    assert (parsed.source, parsed.line, parsed.column) == ("x.txt", 2, 1)
    assert "\n" not in str(parsed)  # one line per problem, no snippet
    conflict = ConflictError("two different scores", sources=("a.txt", "b.txt"), lines=(2, 4))
    assert str(Diagnostic.from_error(conflict)) == "b.txt:4:1: two different scores"
    missing = FileNotFoundError(2, "No such file or directory", "gone.txt")
    assert str(Diagnostic.from_error(missing)) == "gone.txt: No such file or directory"


# --- wording ---------------------------------------------------------------------------------


def test_corpus_wording_warnings_are_the_two_missing_full_stops() -> None:
    found = []
    for record in load_all(CORPUS).records:
        found.extend(wording_warnings(record.authority, sources=record.pages))
    assert sorted((d.source, d.line) for d in found) == [
        (str(CORPUS / "hillingdon-1224-theme1-equity.txt"), 3),
        (str(CORPUS / "westminster-1124-theme1-equity.txt"), 3),
    ]
    assert all(d.severity is Severity.WARNING for d in found)
    assert all("no final full stop" in d.message for d in found)
    assert all(d.text is not None and d.text.endswith("goals") for d in found)


def test_canonical_texts_give_no_warnings() -> None:
    statements = [
        attrs.evolve(statement(info.code), people_expect=info.i_statements) for info in STATEMENTS
    ]
    assert wording_warnings(authority_with(*statements)) == ()


def test_pilot_quotes_run_on_lines_and_typography_are_canonical() -> None:
    pathways = statement_by_code("pathways")
    run_on = " ".join(pathways.i_statements)
    checked = authority_with(
        statement(
            "partnerships",
            people_expect=(
                "“I have care and support that is co-ordinated, and everyone works well together "
                "and with me.”",
            ),
        ),
        statement("pathways", people_expect=(run_on, pathways.i_statements[1])),
        statement(
            "needs", commitment=statement_by_code("needs").we_statements[0].replace("’", "'")
        ),
    )
    assert wording_warnings(checked) == ()


def test_both_wordings_of_the_safeguarding_commitment_are_accepted() -> None:
    info = statement_by_code("safeguarding")
    assert len(info.we_statements) == 2
    for wording in info.we_statements:
        assert wording_warnings(authority_with(statement("safeguarding", commitment=wording))) == ()


def test_a_changed_word_in_the_commitment_warns() -> None:
    canonical = statement_by_code("needs").we_statements[0]
    changed = canonical.replace("maximise", "maximize")
    (warning,) = wording_warnings(authority_with(statement("needs", commitment=changed)))
    assert warning.severity is Severity.WARNING
    assert (warning.source, warning.line) == ("alpha.txt", 5)
    assert warning.text == changed
    assert "commitment differs" in warning.message
    assert "('maximize' where the framework has 'maximise')" in warning.message


@pytest.mark.parametrize(
    ("published", "explanation"),
    [
        ("I feel safe and am supported to understand", "(it stops before 'and')"),
        ("I feel safe and am supported to understand and manage any risks.", None),
        ("I feel safe and am supported to understand and manage any risks", "(no final full stop)"),
        (
            "I feel safe and am supported to understand and manage any risks, always.",
            "('risks,' where the framework has 'risks.')",
        ),
        (
            # A canonical I-statement run on with another text: the rest is checked alone.
            "I feel safe and am supported to understand and manage any risks. Always.",
            "(it starts differently): 'Always.'",
        ),
        (
            "I feel safe and am helped to understand and manage any risks.",
            "('helped' where the framework has 'supported')",
        ),
    ],
)
def test_warnings_say_where_the_text_departs(published: str, explanation: str | None) -> None:
    found = wording_warnings(authority_with(statement("safeguarding", people_expect=(published,))))
    if explanation is None:
        assert found == ()
    else:
        (warning,) = found
        assert explanation in warning.message


def test_a_commitment_with_more_text_warns() -> None:
    longer = statement_by_code("learning").we_statements[0] + " Always."
    (warning,) = wording_warnings(authority_with(statement("learning", commitment=longer)))
    assert "('always.' follows the framework's text)" in warning.message


def test_an_i_statement_of_another_statement_warns() -> None:
    other = statement_by_code("support").i_statements[0]
    (warning,) = wording_warnings(authority_with(statement("needs", people_expect=(other,))))
    assert "I-statement differs" in warning.message
    assert warning.text == other


def test_sources_name_the_file_of_each_page() -> None:
    canonical = statement_by_code("care").we_statements[0]
    checked = authority_with(statement("care", commitment=canonical.rstrip(".")))
    (warning,) = wording_warnings(checked, sources={"care": "care.txt"})
    assert warning.source == "care.txt"


# --- summary consistency ---------------------------------------------------------------------


def summary(values: list[int], rating: Rating | None, percentage: int | None) -> Summary:
    return Summary(
        rating=rating,
        percentage=percentage,
        statement_scores=tuple(
            StatementScore(title=info.title, score=Score(value), line=10 + index)
            for index, (info, value) in enumerate(zip(STATEMENTS, values, strict=True))
        ),
        line=4,
    )


def test_corpus_summaries_are_consistent() -> None:
    for authority in load(CORPUS):
        assert summary_discrepancies(authority) == ()


def test_a_published_percentage_that_its_scores_do_not_give() -> None:
    # 25/36 = 69.4%, published as 70%: both 69 and 70 are Good, so only the percentage differs.
    values = [3, 3, 3, 3, 3, 2, 2, 3, 3]
    assert sum(values) == 25
    authority = Authority(
        name="Alpha Council", summary=summary(values, Rating.GOOD, 70), source="s.txt"
    )
    (found,) = summary_discrepancies(authority)
    assert found.severity is Severity.WARNING
    assert (found.source, found.line) == ("s.txt", 4)
    assert "70%" in found.message
    assert "69%" in found.message
    assert "25/36" in found.message


def test_a_published_rating_outside_its_own_band_is_refused_by_the_model() -> None:
    with pytest.raises(ValueError, match="contradicts the percentage 75%"):
        summary([3] * 9, Rating.OUTSTANDING, 75)


def test_a_published_rating_other_than_the_computed_one() -> None:
    authority = Authority(name="Alpha Council", summary=summary([3] * 9, Rating.OUTSTANDING, None))
    messages = [d.message for d in summary_discrepancies(authority)]
    assert len(messages) == 1
    assert "differs from 'Good'" in messages[0]


def test_a_summary_score_that_its_statement_page_contradicts() -> None:
    page = QualityStatement(title="Safeguarding", score=Score.SOME_SHORTFALLS, line=2)
    authority = Authority(
        name="Alpha Council",
        summary=summary([3] * 9, Rating.GOOD, 75),
        statements=(page,),
    )
    found = summary_discrepancies(authority, sources={"summary": "s.txt", "safeguarding": "g.txt"})
    # The page score wins in the computed overall (26/36 = 72%, still Good): the published
    # 75% now differs too.
    assert [d.line for d in found] == [16, 4]
    assert all(d.source == "s.txt" for d in found)
    assert "scores 'Safeguarding' 3, its statement page (g.txt:2:1) 2" in found[0].message
    assert "72%" in found[1].message


def test_incomplete_scores_are_not_compared_with_the_published_overall() -> None:
    partial = attrs.evolve(
        summary([3] * 9, Rating.OUTSTANDING, 90),
        statement_scores=(StatementScore(title="Assessing needs", score=Score.SOME_SHORTFALLS),),
    )
    found = summary_discrepancies(Authority(name="Alpha Council", summary=partial))
    assert [d.message for d in found] == []


def test_no_summary_no_discrepancies() -> None:
    assert summary_discrepancies(authority_with(statement("needs"))) == ()


# --- titles ----------------------------------------------------------------------------------

_EALING_SUMMARY = (CORPUS / "ealing-0125-summary.txt").read_text("utf-8")


def test_a_summary_listing_a_statement_twice_is_an_error_at_the_second_item() -> None:
    text = _EALING_SUMMARY.replace(
        "  • Governance", "  • Safeguarding\n    Score: 1\n  • Governance"
    )
    with pytest.raises(ParseError, match="summary item 'Safeguarding' appears twice") as caught:
        cqcmodel.parse(text)
    assert caught.value.line == text.splitlines().index("  • Safeguarding", 31) + 1


def test_unknown_titles_and_unscored_items_are_warnings() -> None:
    text = _EALING_SUMMARY.replace("  • Safeguarding\n", "  • Safeguardin\n")
    text = text.replace("  • Assessing needs\n    Score: 2\n", "  • Assessing needs\n")
    authority = cqcmodel.parse(text, source="summary.txt")
    typo, unscored = sorted(title_warnings(authority), key=lambda item: item.message)
    assert typo.message == (
        "summary item title 'Safeguardin' is none of the framework's nine statements "
        "(closest: 'Safeguarding')"
    )
    assert (typo.source, typo.line) == (
        "summary.txt",
        text.splitlines().index("  • Safeguardin") + 1,
    )
    assert unscored.message == "the summary lists 'Assessing needs' without a score"
    page = attrs.evolve(statement("needs"), title="Asessing needs")
    (warning,) = title_warnings(Authority(statements=(page,)))
    assert warning.message.startswith("page title 'Asessing needs' is none of the framework's")


def test_the_corpus_has_no_unknown_title() -> None:
    assert [w for a in load(CORPUS) for w in title_warnings(a)] == []


@pytest.mark.parametrize(
    ("written", "closest"),
    [
        ("Safe guarding", "Safeguarding"),
        ("Partnership and community", "Partnerships and communities"),
    ],
)
def test_an_unknown_title_names_the_title_most_like_it(written: str, closest: str) -> None:
    page = attrs.evolve(statement("needs"), title=written)
    (warning,) = title_warnings(Authority(statements=(page,)))
    assert warning.message.endswith(f"(closest: {closest!r})")


def test_a_title_with_a_trailing_colon_is_the_statement() -> None:
    page = attrs.evolve(statement("needs"), title="Assessing needs:")
    assert page.statement_id == 1
    assert title_warnings(Authority(statements=(page,))) == ()
