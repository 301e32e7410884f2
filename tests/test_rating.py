"""Overall percentage and rating: rounding half up, the published bands, score precedence."""

from __future__ import annotations

from fractions import Fraction

import pytest

from cqcmodel import (
    About,
    Authority,
    QualityStatement,
    Rating,
    Score,
    StatementScore,
    Summary,
)
from cqcmodel.framework import STATEMENTS, rating_for_percentage
from cqcmodel.model import overall_for

# The published bands (domain.md §3): 25–38 Inadequate, 39–62 Requires improvement,
# 63–87 Good, 88+ Outstanding.
BANDS = [
    (0, 38, Rating.INADEQUATE),
    (39, 62, Rating.REQUIRES_IMPROVEMENT),
    (63, 87, Rating.GOOD),
    (88, 100, Rating.OUTSTANDING),
]


def expected_rating(percentage: int) -> Rating:
    for low, high, rating in BANDS:
        if low <= percentage <= high:
            return rating
    raise AssertionError(percentage)


def scores_summing_to(total: int, count: int = 9) -> list[int]:
    """``count`` scores of 1–4 whose sum is ``total``."""
    assert count <= total <= 4 * count
    base, extra = divmod(total - count, 3)
    values = [4] * base + ([1 + extra] if base < count else []) + [1] * count
    return values[:count]


@pytest.mark.parametrize(
    ("percentage", "rating"),
    [
        (25, Rating.INADEQUATE),
        (38, Rating.INADEQUATE),
        (39, Rating.REQUIRES_IMPROVEMENT),
        (62, Rating.REQUIRES_IMPROVEMENT),
        (63, Rating.GOOD),
        (87, Rating.GOOD),
        (88, Rating.OUTSTANDING),
        (100, Rating.OUTSTANDING),
    ],
)
def test_band_edges(percentage: int, rating: Rating) -> None:
    assert rating_for_percentage(percentage) is rating


def test_every_percentage_falls_in_its_published_band() -> None:
    for percentage in range(101):
        assert rating_for_percentage(percentage) is expected_rating(percentage)


@pytest.mark.parametrize("percentage", [-1, 101])
def test_percentages_outside_0_to_100_are_refused(percentage: int) -> None:
    with pytest.raises(ValueError, match="0 to 100"):
        rating_for_percentage(percentage)


@pytest.mark.parametrize(
    ("total", "percentage", "rating"),
    [
        (9, 25, Rating.INADEQUATE),
        (13, 36, Rating.INADEQUATE),
        # 14/36 = 38.9%: rounding gives 39 (Requires improvement); truncation would give
        # 38 (Inadequate). The only sum of nine scores where the two disagree on the rating.
        (14, 39, Rating.REQUIRES_IMPROVEMENT),
        (20, 56, Rating.REQUIRES_IMPROVEMENT),  # Ealing, published 56%
        (22, 61, Rating.REQUIRES_IMPROVEMENT),
        (23, 64, Rating.GOOD),
        (25, 69, Rating.GOOD),  # a summary published 70% for these scores
        (27, 75, Rating.GOOD),  # Westminster, published 75
        (28, 78, Rating.GOOD),
        (31, 86, Rating.GOOD),
        (32, 89, Rating.OUTSTANDING),
        (36, 100, Rating.OUTSTANDING),
    ],
)
def test_nine_statement_totals(total: int, percentage: int, rating: Rating) -> None:
    scores = scores_summing_to(total)
    assert sum(scores) == total
    overall = overall_for(scores)
    assert overall is not None
    assert (overall.percentage, overall.rating) == (percentage, rating)
    assert (overall.total, overall.maximum, overall.scored) == (total, 36, 9)


def test_only_14_of_36_changes_rating_between_rounding_and_truncation() -> None:
    differing = []
    for total in range(9, 37):
        exact = Fraction(100 * total, 36)
        truncated = int(exact)
        overall = overall_for(scores_summing_to(total))
        assert overall is not None
        if rating_for_percentage(truncated) is not overall.rating:
            differing.append(total)
    assert differing == [14]


def test_every_total_rounds_half_up() -> None:
    for count in range(1, 10):
        for total in range(count, 4 * count + 1):
            exact = Fraction(100 * total, 4 * count)
            half_up = int(exact + Fraction(1, 2))
            overall = overall_for(scores_summing_to(total, count))
            assert overall is not None
            assert overall.percentage == half_up, (total, count)
            assert overall.rating is expected_rating(half_up)


@pytest.mark.parametrize(
    ("scores", "percentage", "rating"),
    [
        # 5/8 = 62.5%: half up gives 63 (Good); Python's round() would give 62.
        ([2, 3], 63, Rating.GOOD),
        # 6/16 = 37.5%: half up gives 38, still Inadequate.
        ([1, 1, 2, 2], 38, Rating.INADEQUATE),
        # 7/8 = 87.5%: 88, Outstanding.
        ([3, 4], 88, Rating.OUTSTANDING),
    ],
)
def test_exact_halves_round_up(scores: list[int], percentage: int, rating: Rating) -> None:
    overall = overall_for(scores)
    assert overall is not None
    assert (overall.percentage, overall.rating) == (percentage, rating)


def test_no_scores_no_overall() -> None:
    assert overall_for([]) is None
    authority = Authority(name="Somewhere Council", about=About(subject="Somewhere Council"))
    assert authority.overall() is None


def _summary(values: list[int | None]) -> Summary:
    return Summary(
        statement_scores=tuple(
            StatementScore(title=info.title, score=Score(value) if value else None)
            for info, value in zip(STATEMENTS, values, strict=True)
        )
    )


def test_statement_page_score_wins_over_the_summary_list() -> None:
    summary = _summary([2] * 9)
    page = QualityStatement(title="Assessing needs", score=Score.EXCEPTIONAL_STANDARD)
    authority = Authority(name="Somewhere Council", summary=summary, statements=(page,))
    assert authority.scores()[1] is Score.EXCEPTIONAL_STANDARD
    overall = authority.overall()
    assert overall is not None
    assert (overall.total, overall.maximum) == (4 + 2 * 8, 36)
    assert overall.percentage == 56  # 20/36 = 55.6


def test_unknown_scores_are_left_out_of_the_maximum() -> None:
    authority = Authority(name="Somewhere Council", summary=_summary([3, 3, None] + [None] * 6))
    overall = authority.overall()
    assert overall is not None
    assert (overall.total, overall.maximum, overall.scored) == (6, 8, 2)
    assert (overall.percentage, overall.rating) == (75, Rating.GOOD)
